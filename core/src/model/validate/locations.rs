//! Member-level checks of the transport plan and the location objects (`Transports`,
//! `Location`, `Address`, ports, vessel voyages, place of issue, invoice payable at).

use crate::json::JsonPath;
use crate::model::codes::{self as c};
use crate::model::locations::{
    Address, City, Facility, GeoCoordinate, InvoicePayableAt, Location, PlaceOfIssue, Port,
    Transports, VesselVoyage,
};

use super::check::{
    COUNTRY, Codes, Ctx, DATE, Pattern, UN_LOCODE, max, object, pattern, req_each, req_object,
    trimmed,
};

pub(super) fn transports(ctx: &mut Ctx<'_>, t: &Transports, p: &JsonPath) {
    ctx.nulls(p, Transports::FIELDS);
    ctx.req_text(
        p,
        "plannedArrivalDate",
        t.planned_arrival_date.as_ref(),
        DATE,
    );
    ctx.req_text(
        p,
        "plannedDepartureDate",
        t.planned_departure_date.as_ref(),
        DATE,
    );
    for (name, value) in [
        ("preCarriageBy", &t.pre_carriage_by),
        ("onCarriageBy", &t.on_carriage_by),
    ] {
        ctx.text(p, name, value.as_ref(), max(50));
        ctx.code(p, name, value.as_ref(), c::CARRIAGE_MODES, Codes::Open);
    }
    object(
        ctx,
        p,
        "placeOfReceipt",
        t.place_of_receipt.as_ref(),
        location,
    );
    req_object(ctx, p, "portOfLoading", t.port_of_loading.as_ref(), port);
    req_object(
        ctx,
        p,
        "portOfDischarge",
        t.port_of_discharge.as_ref(),
        port,
    );
    object(
        ctx,
        p,
        "placeOfDelivery",
        t.place_of_delivery.as_ref(),
        location,
    );
    object(
        ctx,
        p,
        "onwardInlandRouting",
        t.onward_inland_routing.as_ref(),
        location,
    );
    req_each(
        ctx,
        p,
        "vesselVoyages",
        t.vessel_voyages.as_ref(),
        (1, usize::MAX),
        vessel_voyage,
    );
}

pub(super) fn address(ctx: &mut Ctx<'_>, a: &Address, p: &JsonPath) {
    ctx.nulls(p, Address::FIELDS);
    ctx.req_text(p, "street", a.street.as_ref(), max(70));
    ctx.text(p, "streetNumber", a.street_number.as_ref(), max(50));
    ctx.text(p, "floor", a.floor.as_ref(), trimmed(50));
    ctx.text(p, "postCode", a.post_code.as_ref(), max(10));
    ctx.text(p, "POBox", a.po_box.as_ref(), max(20));
    ctx.req_text(p, "city", a.city.as_ref(), trimmed(35));
    ctx.text(p, "UNLocationCode", a.un_location_code.as_ref(), UN_LOCODE);
    ctx.text(p, "stateRegion", a.state_region.as_ref(), max(65));
    ctx.req_text(p, "countryCode", a.country_code.as_ref(), COUNTRY);
}

fn city(ctx: &mut Ctx<'_>, a: &City, p: &JsonPath) {
    ctx.nulls(p, City::FIELDS);
    ctx.req_text(p, "city", a.city.as_ref(), trimmed(35));
    ctx.text(p, "stateRegion", a.state_region.as_ref(), max(65));
    ctx.req_text(p, "countryCode", a.country_code.as_ref(), COUNTRY);
}

fn facility(ctx: &mut Ctx<'_>, f: &Facility, p: &JsonPath) {
    ctx.nulls(p, Facility::FIELDS);
    ctx.req_text(p, "facilityCode", f.facility_code.as_ref(), trimmed(6));
    ctx.req_code(
        p,
        "facilityCodeListProvider",
        f.facility_code_list_provider.as_ref(),
        c::FACILITY_CODE_LIST_PROVIDERS,
        Codes::Closed,
    );
}

fn geo(ctx: &mut Ctx<'_>, g: &GeoCoordinate, p: &JsonPath) {
    ctx.nulls(p, GeoCoordinate::FIELDS);
    ctx.req_text(p, "latitude", g.latitude.as_ref(), max(10));
    ctx.req_text(p, "longitude", g.longitude.as_ref(), max(11));
}

fn location(ctx: &mut Ctx<'_>, l: &Location, p: &JsonPath) {
    ctx.nulls(p, Location::FIELDS);
    ctx.text(p, "locationName", l.location_name.as_ref(), trimmed(100));
    ctx.text(p, "facilityName", l.facility_name.as_ref(), max(100));
    object(ctx, p, "address", l.address.as_ref(), address);
    ctx.texts(
        p,
        "addressLines",
        l.address_lines.as_ref(),
        (0, 5),
        max(250),
    );
    object(ctx, p, "facility", l.facility.as_ref(), facility);
    ctx.text(p, "UNLocationCode", l.un_location_code.as_ref(), UN_LOCODE);
    object(ctx, p, "geoCoordinate", l.geo_coordinate.as_ref(), geo);
}

fn port(ctx: &mut Ctx<'_>, l: &Port, p: &JsonPath) {
    ctx.nulls(p, Port::FIELDS);
    ctx.text(p, "locationName", l.location_name.as_ref(), trimmed(100));
    object(ctx, p, "city", l.city.as_ref(), city);
    ctx.text(p, "UNLocationCode", l.un_location_code.as_ref(), UN_LOCODE);
}

fn vessel_voyage(ctx: &mut Ctx<'_>, v: &VesselVoyage, p: &JsonPath) {
    ctx.nulls(p, VesselVoyage::FIELDS);
    ctx.req_text(p, "vesselName", v.vessel_name.as_ref(), trimmed(50));
    ctx.req_text(
        p,
        "carrierExportVoyageNumber",
        v.carrier_export_voyage_number.as_ref(),
        trimmed(50),
    );
    ctx.text(
        p,
        "universalExportVoyageReference",
        v.universal_export_voyage_reference.as_ref(),
        pattern(Pattern::VoyageReference),
    );
    ctx.text(p, "role", v.role.as_ref(), max(30));
    ctx.code(p, "role", v.role.as_ref(), c::VESSEL_ROLES, Codes::Open);
}

pub(super) fn place_of_issue(ctx: &mut Ctx<'_>, l: &PlaceOfIssue, p: &JsonPath) {
    ctx.nulls(p, PlaceOfIssue::FIELDS);
    ctx.text(p, "locationName", l.location_name.as_ref(), trimmed(100));
    ctx.text(p, "UNLocationCode", l.un_location_code.as_ref(), UN_LOCODE);
    ctx.text(p, "countryCode", l.country_code.as_ref(), COUNTRY);
    if l.un_location_code.is_some() == l.country_code.is_some() {
        ctx.error(
            "one-of",
            p,
            "exactly one of `UNLocationCode` and `countryCode` must be given".into(),
        );
    }
}

pub(super) fn invoice_payable_at(ctx: &mut Ctx<'_>, l: &InvoicePayableAt, p: &JsonPath) {
    ctx.nulls(p, InvoicePayableAt::FIELDS);
    ctx.text(p, "UNLocationCode", l.un_location_code.as_ref(), UN_LOCODE);
    ctx.text(p, "freeText", l.free_text.as_ref(), max(35));
    if l.un_location_code.is_some() == l.free_text.is_some() {
        ctx.error(
            "one-of",
            p,
            "exactly one of `UNLocationCode` and `freeText` must be given".into(),
        );
    }
}
