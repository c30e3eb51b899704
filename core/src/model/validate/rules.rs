//! Cross-member rules that the DCSA spec states in descriptions, not in the schema
//! (research note `dcsa.md` §1.4).

use crate::json::{JsonPath, number_as_f64};
use crate::model::cargo::ActiveReeferSettings;
use crate::model::codes::DocumentTypeCode;
use crate::model::document::TransportDocument;

use super::check::Ctx;

pub(crate) fn cross_member(ctx: &mut Ctx<'_>, d: &TransportDocument, p: &JsonPath) {
    to_order(ctx, d, p);
    originals_and_copies(ctx, d, p);
    dates(ctx, d, p);
    paired(
        ctx,
        p,
        ("declaredValue", d.declared_value.is_some()),
        ("declaredValueCurrency", d.declared_value_currency.is_some()),
        "declared-value-currency",
    );
    let equipment = p.key("utilizedTransportEquipments");
    for (i, ute) in d.utilized_transport_equipments.iter().flatten().enumerate() {
        if let Some(r) = &ute.active_reefer_settings {
            reefer(ctx, r, &equipment.index(i).key("activeReeferSettings"));
        }
    }
}

/// `isToOrder` against the document type and the consignee/endorsee/notify parties.
fn to_order(ctx: &mut Ctx<'_>, d: &TransportDocument, p: &JsonPath) {
    let parties = p.key("documentParties");
    let swb = d.type_code() == Some(DocumentTypeCode::SeaWaybill);
    if swb && d.is_to_order == Some(true) {
        ctx.error(
            "swb-to-order",
            &p.key("isToOrder"),
            "a sea waybill (`SWB`) cannot be to order: `isToOrder` must be false".into(),
        );
    }
    let Some(dp) = &d.document_parties else {
        return;
    };
    if dp.consignee.is_some() && dp.endorsee.is_some() {
        ctx.error(
            "consignee-and-endorsee",
            &parties.key("endorsee"),
            "`consignee` and `endorsee` are mutually exclusive".into(),
        );
    }
    match d.is_to_order {
        Some(false) => {
            if dp.consignee.is_none() {
                ctx.error(
                    "consignee-required",
                    &parties.key("consignee"),
                    "a straight (`isToOrder: false`) document must name its `consignee`".into(),
                );
            }
            if dp.endorsee.is_some() {
                ctx.error(
                    "endorsee-not-to-order",
                    &parties.key("endorsee"),
                    "an `endorsee` can only be given on a to-order (`isToOrder: true`) B/L".into(),
                );
            }
        }
        Some(true) if dp.notify_parties.as_ref().is_none_or(Vec::is_empty) => {
            ctx.warning(
                "notify-party-missing",
                &parties.key("notifyParties"),
                "the spec calls notify parties mandatory for a to-order B/L".into(),
            );
        }
        _ => {}
    }
}

/// `numberOfOriginals*` and `numberOfCopies*` against the type and `isElectronic`.
fn originals_and_copies(ctx: &mut Ctx<'_>, d: &TransportDocument, p: &JsonPath) {
    let originals = [
        (
            "numberOfOriginalsWithCharges",
            &d.number_of_originals_with_charges,
        ),
        (
            "numberOfOriginalsWithoutCharges",
            &d.number_of_originals_without_charges,
        ),
    ];
    let type_code = d.type_code();
    if type_code == Some(DocumentTypeCode::SeaWaybill) {
        for (name, value) in originals {
            if value.is_some() {
                ctx.warning(
                    "originals-not-applicable",
                    &p.key(name),
                    format!("`{name}` only applies to a bill of lading (`BOL`)"),
                );
            }
        }
    }
    if d.is_electronic == Some(true) {
        let mut sum = 0.0;
        for (name, value) in originals {
            let n = value.as_ref().map_or(0.0, number_as_f64);
            sum += n;
            if n > 1.0 {
                ctx.error(
                    "electronic-originals",
                    &p.key(name),
                    format!("an electronic document has at most one original, not {n}"),
                );
            }
        }
        if sum > 1.0
            && originals
                .iter()
                .all(|(_, v)| v.as_ref().is_none_or(|n| number_as_f64(n) <= 1.0))
        {
            ctx.error(
                "electronic-originals",
                p,
                format!(
                    "`numberOfOriginalsWithCharges` + `numberOfOriginalsWithoutCharges` is {sum}; \
                     an electronic document has at most one original"
                ),
            );
        }
        if type_code == Some(DocumentTypeCode::BillOfLading) {
            for (name, value) in [
                (
                    "numberOfCopiesWithCharges",
                    &d.number_of_copies_with_charges,
                ),
                (
                    "numberOfCopiesWithoutCharges",
                    &d.number_of_copies_without_charges,
                ),
            ] {
                if value.as_ref().is_some_and(|n| number_as_f64(n) > 0.0) {
                    ctx.warning(
                        "electronic-copies",
                        &p.key(name),
                        "an electronic bill of lading has no copies".into(),
                    );
                }
            }
        }
    }
}

/// Shipped-on-board vs received-for-shipment, and the issue date.
fn dates(ctx: &mut Ctx<'_>, d: &TransportDocument, p: &JsonPath) {
    let on_board = d.shipped_on_board_date.is_some();
    let received = d.received_for_shipment_date.is_some();
    if on_board && received {
        ctx.once_issued(
            "onboard-and-received-dates",
            &p.key("receivedForShipmentDate"),
            "exactly one of `shippedOnBoardDate` and `receivedForShipmentDate` may be given \
             on an issued B/L, not both"
                .into(),
        );
    } else if !on_board && !received && ctx.issued {
        ctx.error(
            "onboard-or-received-date-missing",
            &p.key("shippedOnBoardDate"),
            "an issued document needs `shippedOnBoardDate` or `receivedForShipmentDate`".into(),
        );
    } else if on_board != received
        && let Some(type_on_board) = d.is_shipped_on_board_type
        && type_on_board != on_board
    {
        let (name, kind) = if on_board {
            ("shippedOnBoardDate", "shipped-on-board")
        } else {
            ("receivedForShipmentDate", "received-for-shipment")
        };
        ctx.warning(
            "onboard-type-mismatch",
            &p.key(name),
            format!(
                "`{name}` makes this a {kind} B/L, but `isShippedOnBoardType` is {type_on_board}"
            ),
        );
    }
    if ctx.issued && d.issue_date.is_none() {
        ctx.error(
            "issue-date-missing",
            &p.key("issueDate"),
            "`issueDate` must be provided once the document has been issued".into(),
        );
    }
}

fn reefer(ctx: &mut Ctx<'_>, r: &ActiveReeferSettings, p: &JsonPath) {
    paired(
        ctx,
        p,
        ("temperatureSetpoint", r.temperature_setpoint.is_some()),
        ("temperatureUnit", r.temperature_unit.is_some()),
        "reefer-temperature-unit",
    );
    paired(
        ctx,
        p,
        ("airExchangeSetpoint", r.air_exchange_setpoint.is_some()),
        ("airExchangeUnit", r.air_exchange_unit.is_some()),
        "reefer-air-exchange-unit",
    );
}

/// A value and its unit/currency: the second is mandatory with the first and absent without it.
fn paired(
    ctx: &mut Ctx<'_>,
    p: &JsonPath,
    (value, has_value): (&str, bool),
    (unit, has_unit): (&str, bool),
    code: &str,
) {
    if has_value && !has_unit {
        ctx.error(
            code,
            &p.key(unit),
            format!("`{unit}` is mandatory when `{value}` is given"),
        );
    } else if has_unit && !has_value {
        ctx.error(
            code,
            &p.key(unit),
            format!("`{unit}` must be absent when `{value}` is"),
        );
    }
}
