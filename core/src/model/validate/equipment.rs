//! Member-level checks of the utilised transport equipment: the equipment, its reefer
//! settings and its seals.

use crate::json::JsonPath;
use crate::model::cargo::{ActiveReeferSettings, Equipment, Seal, UtilizedTransportEquipment};
use crate::model::codes::{self as c};

use super::cargo::{customs_reference, measure, reference};

use super::check::{
    Codes, Ctx, FLOAT, NON_NEGATIVE, Num, each, max, object, req_each, req_object, trimmed,
};

pub(super) fn utilized_equipment(ctx: &mut Ctx<'_>, u: &UtilizedTransportEquipment, p: &JsonPath) {
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
