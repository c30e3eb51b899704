//! Member-level checks of the document and of every non-party object (Appendix A of the
//! research note, from `EBL_v3.0.3.yaml`).

use crate::json::JsonPath;
use crate::model::cargo::{
    ActiveReeferSettings, CargoItem, Charge, ConsignmentItem, ConsignmentItemReference,
    CustomsReference, DangerousGoods, EmergencyContactDetails, Equipment, Feedback, InnerPackaging,
    License, Limits, Measure, NationalCommodityCode, OuterPackaging, Reference, Seal,
    UtilizedTransportEquipment,
};
use crate::model::codes::{self as c};
use crate::model::document::TransportDocument;
use crate::model::locations::{
    Address, City, Facility, GeoCoordinate, InvoicePayableAt, Location, PlaceOfIssue, Port,
    Transports, VesselVoyage,
};

use super::check::{Codes, Ctx, Num, Pattern, Text, max, pattern, trimmed};
use super::parties;

const ANY: (usize, usize) = (0, usize::MAX);
const INT_MIN0: Num = Num {
    integer: true,
    min: Some((0.0, false)),
    max: None,
};
const POSITIVE: Num = Num {
    integer: false,
    min: Some((0.0, true)),
    max: None,
};
const NON_NEGATIVE: Num = Num {
    integer: false,
    min: Some((0.0, false)),
    max: None,
};
const FLOAT: Num = Num {
    integer: false,
    min: None,
    max: None,
};
const UN_LOCODE: Text = pattern(Pattern::UnLocode);
const COUNTRY: Text = pattern(Pattern::Country);
const CURRENCY: Text = pattern(Pattern::Currency);
const DATE: Text = pattern(Pattern::Date);

/// Calls `check` for each element of an optional array member, with its path.
pub(crate) fn each<T>(
    ctx: &mut Ctx<'_>,
    parent: &JsonPath,
    name: &str,
    items: Option<&Vec<T>>,
    mut check: impl FnMut(&mut Ctx<'_>, &T, &JsonPath),
) {
    let path = parent.key(name);
    for (i, item) in items.into_iter().flatten().enumerate() {
        check(ctx, item, &path.index(i));
    }
}

/// Like [`each`], for a required array with `minItems`/`maxItems`.
pub(crate) fn req_each<T>(
    ctx: &mut Ctx<'_>,
    parent: &JsonPath,
    name: &str,
    items: Option<&Vec<T>>,
    count: (usize, usize),
    check: impl FnMut(&mut Ctx<'_>, &T, &JsonPath),
) {
    if ctx.required(parent, name, items)
        && let Some(list) = items
    {
        ctx.count(&parent.key(name), list.len(), count);
    }
    each(ctx, parent, name, items, check);
}

/// Calls `check` on an optional object member, with its path.
pub(crate) fn object<T>(
    ctx: &mut Ctx<'_>,
    parent: &JsonPath,
    name: &str,
    value: Option<&T>,
    check: impl FnOnce(&mut Ctx<'_>, &T, &JsonPath),
) {
    if let Some(v) = value {
        check(ctx, v, &parent.key(name));
    }
}

/// Like [`object`], for a required member.
pub(crate) fn req_object<T>(
    ctx: &mut Ctx<'_>,
    parent: &JsonPath,
    name: &str,
    value: Option<&T>,
    check: impl FnOnce(&mut Ctx<'_>, &T, &JsonPath),
) {
    if ctx.required(parent, name, value) {
        object(ctx, parent, name, value, check);
    }
}

pub(crate) fn document(ctx: &mut Ctx<'_>, d: &TransportDocument, p: &JsonPath) {
    ctx.nulls(p, TransportDocument::FIELDS);
    ctx.req_text(
        p,
        "transportDocumentReference",
        d.transport_document_reference.as_ref(),
        trimmed(20),
    );
    ctx.text(
        p,
        "transportDocumentSubReference",
        d.transport_document_sub_reference.as_ref(),
        trimmed(100),
    );
    ctx.text(
        p,
        "shippingInstructionsReference",
        d.shipping_instructions_reference.as_ref(),
        trimmed(100),
    );
    ctx.req_text(
        p,
        "transportDocumentStatus",
        d.transport_document_status.as_ref(),
        max(50),
    );
    ctx.code(
        p,
        "transportDocumentStatus",
        d.transport_document_status.as_ref(),
        c::STATUSES,
        Codes::Open,
    );
    ctx.req_code(
        p,
        "transportDocumentTypeCode",
        d.transport_document_type_code.as_ref(),
        c::TYPE_CODES,
        Codes::Closed,
    );
    ctx.required(
        p,
        "isShippedOnBoardType",
        d.is_shipped_on_board_type.as_ref(),
    );
    ctx.code(
        p,
        "freightPaymentTermCode",
        d.freight_payment_term_code.as_ref(),
        c::PAYMENT_TERMS,
        Codes::Closed,
    );
    ctx.required(p, "isElectronic", d.is_electronic.as_ref());
    ctx.required(p, "isToOrder", d.is_to_order.as_ref());
    ctx.number(
        p,
        "numberOfCopiesWithCharges",
        d.number_of_copies_with_charges.as_ref(),
        INT_MIN0,
    );
    ctx.number(
        p,
        "numberOfCopiesWithoutCharges",
        d.number_of_copies_without_charges.as_ref(),
        INT_MIN0,
    );
    ctx.number(
        p,
        "numberOfOriginalsWithCharges",
        d.number_of_originals_with_charges.as_ref(),
        INT_MIN0,
    );
    ctx.number(
        p,
        "numberOfOriginalsWithoutCharges",
        d.number_of_originals_without_charges.as_ref(),
        INT_MIN0,
    );
    for (name, value) in [
        (
            "displayedNameForPlaceOfReceipt",
            &d.displayed_name_for_place_of_receipt,
        ),
        (
            "displayedNameForPortOfLoad",
            &d.displayed_name_for_port_of_load,
        ),
        (
            "displayedNameForPortOfDischarge",
            &d.displayed_name_for_port_of_discharge,
        ),
        (
            "displayedNameForPlaceOfDelivery",
            &d.displayed_name_for_place_of_delivery,
        ),
    ] {
        ctx.texts(p, name, value.as_ref(), (0, 5), max(35));
    }
    ctx.text(
        p,
        "shippedOnBoardDate",
        d.shipped_on_board_date.as_ref(),
        DATE,
    );
    ctx.text(
        p,
        "displayedShippedOnBoardReceivedForShipment",
        d.displayed_shipped_on_board_received_for_shipment.as_ref(),
        trimmed(250),
    );
    ctx.req_text(
        p,
        "termsAndConditions",
        d.terms_and_conditions.as_ref(),
        max(50_000),
    );
    for (name, value) in [
        ("receiptTypeAtOrigin", &d.receipt_type_at_origin),
        ("deliveryTypeAtDestination", &d.delivery_type_at_destination),
    ] {
        ctx.req_code(
            p,
            name,
            value.as_ref(),
            c::RECEIPT_DELIVERY_TYPES,
            Codes::Closed,
        );
    }
    for (name, value) in [
        (
            "cargoMovementTypeAtOrigin",
            &d.cargo_movement_type_at_origin,
        ),
        (
            "cargoMovementTypeAtDestination",
            &d.cargo_movement_type_at_destination,
        ),
    ] {
        ctx.req_text(p, name, value.as_ref(), max(3));
        ctx.code(
            p,
            name,
            value.as_ref(),
            c::CARGO_MOVEMENT_TYPES,
            Codes::Open,
        );
    }
    ctx.text(p, "issueDate", d.issue_date.as_ref(), DATE);
    ctx.text(
        p,
        "receivedForShipmentDate",
        d.received_for_shipment_date.as_ref(),
        DATE,
    );
    ctx.text(
        p,
        "serviceContractReference",
        d.service_contract_reference.as_ref(),
        max(30),
    );
    ctx.text(
        p,
        "contractQuotationReference",
        d.contract_quotation_reference.as_ref(),
        trimmed(35),
    );
    ctx.text(
        p,
        "extendedContractQuotationReference",
        d.extended_contract_quotation_reference.as_ref(),
        trimmed(70),
    );
    ctx.number(p, "declaredValue", d.declared_value.as_ref(), NON_NEGATIVE);
    ctx.text(
        p,
        "declaredValueCurrency",
        d.declared_value_currency.as_ref(),
        CURRENCY,
    );
    ctx.req_text(
        p,
        "carrierCode",
        d.carrier_code.as_ref(),
        Text {
            min: 0,
            max: 4,
            pattern: Pattern::NoSpace,
        },
    );
    ctx.req_code(
        p,
        "carrierCodeListProvider",
        d.carrier_code_list_provider.as_ref(),
        c::CARRIER_CODE_LIST_PROVIDERS,
        Codes::Closed,
    );
    ctx.texts(
        p,
        "carrierClauses",
        d.carrier_clauses.as_ref(),
        ANY,
        trimmed(20_000),
    );
    ctx.number(
        p,
        "numberOfRiderPages",
        d.number_of_rider_pages.as_ref(),
        INT_MIN0,
    );
    req_object(ctx, p, "transports", d.transports.as_ref(), transports);
    each(ctx, p, "charges", d.charges.as_ref(), charge);
    object(
        ctx,
        p,
        "placeOfIssue",
        d.place_of_issue.as_ref(),
        place_of_issue,
    );
    req_object(
        ctx,
        p,
        "invoicePayableAt",
        d.invoice_payable_at.as_ref(),
        invoice_payable_at,
    );
    req_each(
        ctx,
        p,
        "partyContactDetails",
        d.party_contact_details.as_ref(),
        (1, usize::MAX),
        parties::contact,
    );
    req_object(
        ctx,
        p,
        "documentParties",
        d.document_parties.as_ref(),
        parties::document_parties,
    );
    req_each(
        ctx,
        p,
        "consignmentItems",
        d.consignment_items.as_ref(),
        (1, usize::MAX),
        consignment_item,
    );
    req_each(
        ctx,
        p,
        "utilizedTransportEquipments",
        d.utilized_transport_equipments.as_ref(),
        (1, usize::MAX),
        utilized_equipment,
    );
    object(ctx, p, "exportLicense", d.export_license.as_ref(), license);
    object(ctx, p, "importLicense", d.import_license.as_ref(), license);
    each(ctx, p, "references", d.references.as_ref(), reference);
    each(
        ctx,
        p,
        "customsReferences",
        d.customs_references.as_ref(),
        customs_reference,
    );
    each(ctx, p, "feedbacks", d.feedbacks.as_ref(), feedback);
}

fn transports(ctx: &mut Ctx<'_>, t: &Transports, p: &JsonPath) {
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

pub(crate) fn address(ctx: &mut Ctx<'_>, a: &Address, p: &JsonPath) {
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

fn place_of_issue(ctx: &mut Ctx<'_>, l: &PlaceOfIssue, p: &JsonPath) {
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

fn invoice_payable_at(ctx: &mut Ctx<'_>, l: &InvoicePayableAt, p: &JsonPath) {
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

fn charge(ctx: &mut Ctx<'_>, ch: &Charge, p: &JsonPath) {
    ctx.nulls(p, Charge::FIELDS);
    ctx.req_text(p, "chargeName", ch.charge_name.as_ref(), trimmed(50));
    ctx.text(
        p,
        "extendedChargeName",
        ch.extended_charge_name.as_ref(),
        trimmed(100),
    );
    ctx.req_number(
        p,
        "currencyAmount",
        ch.currency_amount.as_ref(),
        NON_NEGATIVE,
    );
    ctx.req_text(p, "currencyCode", ch.currency_code.as_ref(), CURRENCY);
    ctx.req_code(
        p,
        "paymentTermCode",
        ch.payment_term_code.as_ref(),
        c::PAYMENT_TERMS,
        Codes::Closed,
    );
    ctx.req_text(
        p,
        "calculationBasis",
        ch.calculation_basis.as_ref(),
        trimmed(50),
    );
    ctx.req_number(p, "unitPrice", ch.unit_price.as_ref(), NON_NEGATIVE);
    ctx.req_number(p, "quantity", ch.quantity.as_ref(), NON_NEGATIVE);
}

fn measure(units: &'static [&'static str]) -> impl Fn(&mut Ctx<'_>, &Measure, &JsonPath) {
    move |ctx, m, p| {
        ctx.nulls(p, Measure::FIELDS);
        ctx.req_number(p, "value", m.value.as_ref(), POSITIVE);
        ctx.req_code(p, "unit", m.unit.as_ref(), units, Codes::Closed);
    }
}

fn license(ctx: &mut Ctx<'_>, l: &License, p: &JsonPath) {
    ctx.nulls(p, License::FIELDS);
    ctx.text(p, "reference", l.reference.as_ref(), trimmed(35));
    ctx.text(p, "issueDate", l.issue_date.as_ref(), DATE);
    ctx.text(p, "expiryDate", l.expiry_date.as_ref(), DATE);
}

fn commodity_code(value_max: usize) -> impl Fn(&mut Ctx<'_>, &NationalCommodityCode, &JsonPath) {
    move |ctx, n, p| {
        ctx.nulls(p, NationalCommodityCode::FIELDS);
        ctx.req_text(p, "type", n.kind.as_ref(), trimmed(10));
        ctx.code(
            p,
            "type",
            n.kind.as_ref(),
            c::COMMODITY_CODE_TYPES,
            Codes::Open,
        );
        ctx.text(p, "countryCode", n.country_code.as_ref(), COUNTRY);
        ctx.req_texts(
            p,
            "values",
            n.values.as_ref(),
            (1, usize::MAX),
            trimmed(value_max),
        );
    }
}

fn customs_reference(ctx: &mut Ctx<'_>, r: &CustomsReference, p: &JsonPath) {
    ctx.nulls(p, CustomsReference::FIELDS);
    ctx.req_text(p, "type", r.kind.as_ref(), trimmed(50));
    ctx.req_text(p, "countryCode", r.country_code.as_ref(), COUNTRY);
    ctx.req_texts(p, "values", r.values.as_ref(), (1, usize::MAX), trimmed(35));
}

fn consignment_reference(ctx: &mut Ctx<'_>, r: &ConsignmentItemReference, p: &JsonPath) {
    ctx.nulls(p, ConsignmentItemReference::FIELDS);
    ctx.req_text(p, "type", r.kind.as_ref(), max(3));
    ctx.code(
        p,
        "type",
        r.kind.as_ref(),
        c::CONSIGNMENT_REFERENCE_TYPES,
        Codes::Open,
    );
    ctx.req_texts(p, "values", r.values.as_ref(), (1, usize::MAX), trimmed(35));
}

fn reference(ctx: &mut Ctx<'_>, r: &Reference, p: &JsonPath) {
    ctx.nulls(p, Reference::FIELDS);
    ctx.req_text(p, "type", r.kind.as_ref(), max(3));
    ctx.code(p, "type", r.kind.as_ref(), c::REFERENCE_TYPES, Codes::Open);
    ctx.req_text(p, "value", r.value.as_ref(), trimmed(35));
}

fn consignment_item(ctx: &mut Ctx<'_>, ci: &ConsignmentItem, p: &JsonPath) {
    ctx.nulls(p, ConsignmentItem::FIELDS);
    ctx.req_text(
        p,
        "carrierBookingReference",
        ci.carrier_booking_reference.as_ref(),
        trimmed(35),
    );
    ctx.req_texts(
        p,
        "descriptionOfGoods",
        ci.description_of_goods.as_ref(),
        (0, 150),
        trimmed(35),
    );
    ctx.req_texts(
        p,
        "HSCodes",
        ci.hs_codes.as_ref(),
        (1, usize::MAX),
        pattern(Pattern::Digits(6, 10)),
    );
    ctx.texts(
        p,
        "extendedHSCodes",
        ci.extended_hs_codes.as_ref(),
        ANY,
        pattern(Pattern::Digits(6, 12)),
    );
    each(
        ctx,
        p,
        "nationalCommodityCodes",
        ci.national_commodity_codes.as_ref(),
        commodity_code(10),
    );
    each(
        ctx,
        p,
        "extendedNationalCommodityCodes",
        ci.extended_national_commodity_codes.as_ref(),
        commodity_code(16),
    );
    ctx.texts(
        p,
        "shippingMarks",
        ci.shipping_marks.as_ref(),
        (0, 50),
        max(35),
    );
    req_each(
        ctx,
        p,
        "cargoItems",
        ci.cargo_items.as_ref(),
        (1, usize::MAX),
        cargo_item,
    );
    object(ctx, p, "exportLicense", ci.export_license.as_ref(), license);
    object(ctx, p, "importLicense", ci.import_license.as_ref(), license);
    each(
        ctx,
        p,
        "references",
        ci.references.as_ref(),
        consignment_reference,
    );
    each(
        ctx,
        p,
        "customsReferences",
        ci.customs_references.as_ref(),
        customs_reference,
    );
}

fn cargo_item(ctx: &mut Ctx<'_>, ci: &CargoItem, p: &JsonPath) {
    ctx.nulls(p, CargoItem::FIELDS);
    ctx.req_text(
        p,
        "equipmentReference",
        ci.equipment_reference.as_ref(),
        trimmed(11),
    );
    req_object(
        ctx,
        p,
        "cargoGrossWeight",
        ci.cargo_gross_weight.as_ref(),
        measure(c::WEIGHT_UNITS),
    );
    object(
        ctx,
        p,
        "cargoGrossVolume",
        ci.cargo_gross_volume.as_ref(),
        measure(c::VOLUME_UNITS),
    );
    object(
        ctx,
        p,
        "cargoNetWeight",
        ci.cargo_net_weight.as_ref(),
        measure(c::WEIGHT_UNITS),
    );
    object(
        ctx,
        p,
        "cargoNetVolume",
        ci.cargo_net_volume.as_ref(),
        measure(c::VOLUME_UNITS),
    );
    object(ctx, p, "exportLicense", ci.export_license.as_ref(), license);
    object(ctx, p, "importLicense", ci.import_license.as_ref(), license);
    req_object(
        ctx,
        p,
        "outerPackaging",
        ci.outer_packaging.as_ref(),
        outer_packaging,
    );
    each(
        ctx,
        p,
        "nationalCommodityCodes",
        ci.national_commodity_codes.as_ref(),
        commodity_code(10),
    );
    each(
        ctx,
        p,
        "extendedNationalCommodityCodes",
        ci.extended_national_commodity_codes.as_ref(),
        commodity_code(16),
    );
    each(
        ctx,
        p,
        "customsReferences",
        ci.customs_references.as_ref(),
        customs_reference,
    );
}

fn outer_packaging(ctx: &mut Ctx<'_>, o: &OuterPackaging, p: &JsonPath) {
    ctx.nulls(p, OuterPackaging::FIELDS);
    ctx.text(
        p,
        "packageCode",
        o.package_code.as_ref(),
        pattern(Pattern::UpperAlnum(2, 2)),
    );
    ctx.text(
        p,
        "imoPackagingCode",
        o.imo_packaging_code.as_ref(),
        pattern(Pattern::UpperAlnum(1, 5)),
    );
    ctx.req_number(
        p,
        "numberOfPackages",
        o.number_of_packages.as_ref(),
        Num {
            integer: true,
            min: Some((1.0, false)),
            max: Some(99_999_999.0),
        },
    );
    ctx.req_text(p, "description", o.description.as_ref(), max(100));
    ctx.text(p, "woodDeclaration", o.wood_declaration.as_ref(), max(30));
    ctx.code(
        p,
        "woodDeclaration",
        o.wood_declaration.as_ref(),
        c::WOOD_DECLARATIONS,
        Codes::Open,
    );
    each(
        ctx,
        p,
        "dangerousGoods",
        o.dangerous_goods.as_ref(),
        dangerous_goods,
    );
}

fn dangerous_goods(ctx: &mut Ctx<'_>, g: &DangerousGoods, p: &JsonPath) {
    ctx.nulls(p, DangerousGoods::FIELDS);
    ctx.text(
        p,
        "UNNumber",
        g.un_number.as_ref(),
        pattern(Pattern::Digits(4, 4)),
    );
    ctx.text(
        p,
        "NANumber",
        g.na_number.as_ref(),
        pattern(Pattern::Digits(4, 4)),
    );
    if g.un_number.is_some() == g.na_number.is_some() {
        ctx.error(
            "one-of",
            p,
            "exactly one of `UNNumber` and `NANumber` must be given".into(),
        );
    }
    ctx.text(
        p,
        "codedVariantList",
        g.coded_variant_list.as_ref(),
        pattern(Pattern::CodedVariantList),
    );
    ctx.req_text(
        p,
        "properShippingName",
        g.proper_shipping_name.as_ref(),
        max(250),
    );
    ctx.text(p, "technicalName", g.technical_name.as_ref(), max(250));
    ctx.req_text(p, "imoClass", g.imo_class.as_ref(), max(4));
    ctx.text(
        p,
        "subsidiaryRisk1",
        g.subsidiary_risk1.as_ref(),
        pattern(Pattern::SubsidiaryRisk),
    );
    ctx.text(
        p,
        "subsidiaryRisk2",
        g.subsidiary_risk2.as_ref(),
        pattern(Pattern::SubsidiaryRisk),
    );
    ctx.number(
        p,
        "packingGroup",
        g.packing_group.as_ref(),
        Num {
            integer: true,
            min: Some((1.0, false)),
            max: Some(3.0),
        },
    );
    ctx.text(
        p,
        "competentAuthorityApproval",
        g.competent_authority_approval.as_ref(),
        trimmed(70),
    );
    if let Some(groups) = &g.segregation_groups {
        let path = p.key("segregationGroups");
        for (i, s) in groups.iter().enumerate() {
            ctx.string(&path.index(i), s, max(2));
            ctx.code_at(&path.index(i), s, c::SEGREGATION_GROUPS, Codes::Open);
        }
    }
    each(
        ctx,
        p,
        "innerPackagings",
        g.inner_packagings.as_ref(),
        inner_packaging,
    );
    object(
        ctx,
        p,
        "emergencyContactDetails",
        g.emergency_contact_details.as_ref(),
        emergency_contact,
    );
    ctx.text(p, "EMSNumber", g.ems_number.as_ref(), max(7));
    ctx.text(p, "endOfHoldingTime", g.end_of_holding_time.as_ref(), DATE);
    ctx.text(
        p,
        "fumigationDateTime",
        g.fumigation_date_time.as_ref(),
        pattern(Pattern::DateTime),
    );
    ctx.text(
        p,
        "inhalationZone",
        g.inhalation_zone.as_ref(),
        Text {
            min: 1,
            max: 1,
            pattern: Pattern::Any,
        },
    );
    ctx.code(
        p,
        "inhalationZone",
        g.inhalation_zone.as_ref(),
        c::INHALATION_ZONES,
        Codes::Open,
    );
    object(
        ctx,
        p,
        "grossWeight",
        g.gross_weight.as_ref(),
        measure(c::WEIGHT_UNITS),
    );
    object(
        ctx,
        p,
        "netWeight",
        g.net_weight.as_ref(),
        measure(c::WEIGHT_UNITS),
    );
    object(
        ctx,
        p,
        "netExplosiveContent",
        g.net_explosive_content.as_ref(),
        measure(c::EXPLOSIVE_UNITS),
    );
    object(
        ctx,
        p,
        "netVolume",
        g.net_volume.as_ref(),
        measure(c::DG_VOLUME_UNITS),
    );
    object(ctx, p, "limits", g.limits.as_ref(), limits);
}

fn inner_packaging(ctx: &mut Ctx<'_>, i: &InnerPackaging, p: &JsonPath) {
    ctx.nulls(p, InnerPackaging::FIELDS);
    ctx.req_number(
        p,
        "quantity",
        i.quantity.as_ref(),
        Num {
            integer: true,
            ..Num::default()
        },
    );
    ctx.req_text(p, "material", i.material.as_ref(), max(100));
    ctx.req_text(p, "description", i.description.as_ref(), max(100));
    each(
        ctx,
        p,
        "innerPackagings",
        i.inner_packagings.as_ref(),
        inner_packaging,
    );
}

fn emergency_contact(ctx: &mut Ctx<'_>, e: &EmergencyContactDetails, p: &JsonPath) {
    ctx.nulls(p, EmergencyContactDetails::FIELDS);
    ctx.req_text(p, "contact", e.contact.as_ref(), max(255));
    ctx.text(p, "provider", e.provider.as_ref(), max(255));
    ctx.req_text(p, "phone", e.phone.as_ref(), trimmed(30));
    ctx.text(p, "referenceNumber", e.reference_number.as_ref(), max(255));
}

fn limits(ctx: &mut Ctx<'_>, l: &Limits, p: &JsonPath) {
    ctx.nulls(p, Limits::FIELDS);
    ctx.req_code(
        p,
        "temperatureUnit",
        l.temperature_unit.as_ref(),
        c::TEMPERATURE_UNITS,
        Codes::Closed,
    );
    for (name, value) in [
        ("flashPoint", &l.flash_point),
        (
            "transportControlTemperature",
            &l.transport_control_temperature,
        ),
        (
            "transportEmergencyTemperature",
            &l.transport_emergency_temperature,
        ),
        ("SADT", &l.sadt),
        ("SAPT", &l.sapt),
    ] {
        ctx.number(p, name, value.as_ref(), FLOAT);
    }
}

fn utilized_equipment(ctx: &mut Ctx<'_>, u: &UtilizedTransportEquipment, p: &JsonPath) {
    ctx.nulls(p, UtilizedTransportEquipment::FIELDS);
    req_object(ctx, p, "equipment", u.equipment.as_ref(), equipment);
    ctx.required(p, "isShipperOwned", u.is_shipper_owned.as_ref());
    object(
        ctx,
        p,
        "activeReeferSettings",
        u.active_reefer_settings.as_ref(),
        reefer,
    );
    ctx.texts(
        p,
        "shippingMarks",
        u.shipping_marks.as_ref(),
        (0, 50),
        max(35),
    );
    req_each(ctx, p, "seals", u.seals.as_ref(), (1, usize::MAX), seal);
    each(ctx, p, "references", u.references.as_ref(), reference);
    each(
        ctx,
        p,
        "customsReferences",
        u.customs_references.as_ref(),
        customs_reference,
    );
}

fn equipment(ctx: &mut Ctx<'_>, e: &Equipment, p: &JsonPath) {
    ctx.nulls(p, Equipment::FIELDS);
    ctx.req_text(
        p,
        "equipmentReference",
        e.equipment_reference.as_ref(),
        trimmed(11),
    );
    ctx.text(
        p,
        "ISOEquipmentCode",
        e.iso_equipment_code.as_ref(),
        trimmed(4),
    );
    object(
        ctx,
        p,
        "tareWeight",
        e.tare_weight.as_ref(),
        measure(c::WEIGHT_UNITS),
    );
}

fn reefer(ctx: &mut Ctx<'_>, r: &ActiveReeferSettings, p: &JsonPath) {
    ctx.nulls(p, ActiveReeferSettings::FIELDS);
    let percent = Num {
        integer: false,
        min: Some((0.0, false)),
        max: Some(100.0),
    };
    ctx.number(
        p,
        "temperatureSetpoint",
        r.temperature_setpoint.as_ref(),
        FLOAT,
    );
    ctx.code(
        p,
        "temperatureUnit",
        r.temperature_unit.as_ref(),
        c::TEMPERATURE_UNITS,
        Codes::Closed,
    );
    ctx.number(p, "o2Setpoint", r.o2_setpoint.as_ref(), percent);
    ctx.number(p, "co2Setpoint", r.co2_setpoint.as_ref(), percent);
    ctx.number(p, "humiditySetpoint", r.humidity_setpoint.as_ref(), percent);
    ctx.number(
        p,
        "airExchangeSetpoint",
        r.air_exchange_setpoint.as_ref(),
        NON_NEGATIVE,
    );
    ctx.code(
        p,
        "airExchangeUnit",
        r.air_exchange_unit.as_ref(),
        c::AIR_EXCHANGE_UNITS,
        Codes::Closed,
    );
}

fn seal(ctx: &mut Ctx<'_>, s: &Seal, p: &JsonPath) {
    ctx.nulls(p, Seal::FIELDS);
    ctx.req_text(p, "number", s.number.as_ref(), max(15));
    ctx.code(
        p,
        "source",
        s.source.as_ref(),
        c::SEAL_SOURCES,
        Codes::Closed,
    );
}

fn feedback(ctx: &mut Ctx<'_>, f: &Feedback, p: &JsonPath) {
    ctx.nulls(p, Feedback::FIELDS);
    ctx.req_text(p, "severity", f.severity.as_ref(), max(50));
    ctx.code(
        p,
        "severity",
        f.severity.as_ref(),
        c::FEEDBACK_SEVERITIES,
        Codes::Open,
    );
    ctx.req_text(p, "code", f.code.as_ref(), max(50));
    ctx.code(p, "code", f.code.as_ref(), c::FEEDBACK_CODES, Codes::Open);
    ctx.req_text(p, "message", f.message.as_ref(), max(5000));
    ctx.text(p, "jsonPath", f.json_path.as_ref(), max(500));
    ctx.text(p, "property", f.property.as_ref(), max(100));
}
