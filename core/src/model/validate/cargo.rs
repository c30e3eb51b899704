//! Member-level checks of the cargo objects: consignment and cargo items, packaging,
//! dangerous goods, measures, licences and the references they carry.

use crate::json::JsonPath;
use crate::model::cargo::{
    CargoItem, ConsignmentItem, ConsignmentItemReference, CustomsReference, DangerousGoods,
    EmergencyContactDetails, InnerPackaging, License, Limits, Measure, NationalCommodityCode,
    OuterPackaging, Reference,
};
use crate::model::codes::{self as c};

use super::check::{
    ANY, COUNTRY, Codes, Ctx, DATE, FLOAT, Num, POSITIVE, Pattern, Text, each, max, object,
    pattern, req_each, req_object, trimmed,
};

pub(super) fn measure(
    units: &'static [&'static str],
) -> impl Fn(&mut Ctx<'_>, &Measure, &JsonPath) {
    move |ctx, m, p| {
        ctx.nulls(p, Measure::FIELDS);
        ctx.req_number(p, "value", m.value.as_ref(), POSITIVE);
        ctx.req_code(p, "unit", m.unit.as_ref(), units, Codes::Closed);
    }
}

pub(super) fn license(ctx: &mut Ctx<'_>, l: &License, p: &JsonPath) {
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

pub(super) fn customs_reference(ctx: &mut Ctx<'_>, r: &CustomsReference, p: &JsonPath) {
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

pub(super) fn reference(ctx: &mut Ctx<'_>, r: &Reference, p: &JsonPath) {
    ctx.nulls(p, Reference::FIELDS);
    ctx.req_text(p, "type", r.kind.as_ref(), max(3));
    ctx.code(p, "type", r.kind.as_ref(), c::REFERENCE_TYPES, Codes::Open);
    ctx.req_text(p, "value", r.value.as_ref(), trimmed(35));
}

pub(super) fn consignment_item(ctx: &mut Ctx<'_>, ci: &ConsignmentItem, p: &JsonPath) {
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
