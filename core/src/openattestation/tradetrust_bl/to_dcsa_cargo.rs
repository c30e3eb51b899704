//! TradeTrust packages, containers and charges → DCSA consignment items, utilized transport
//! equipment and charges.

use serde_json::{Map, Value, json};

use super::{Mapper, SIZE_TYPES};
use crate::json::JsonPath;

/// What a unit measures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quantity {
    Weight,
    Volume,
}

/// A number, or a number written as text.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(crate::json::number_as_f64(n)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The UN/ECE unit code for a TradeTrust unit, reporting an assumed unit at `path`.
fn unit(code: Option<&str>, kind: Quantity, m: &mut Mapper, path: &JsonPath) -> &'static str {
    match (kind, code.map(str::to_ascii_uppercase).as_deref()) {
        (Quantity::Weight, Some("KGS" | "KG" | "KGM")) | (Quantity::Weight, None) => {
            if code.is_none() {
                m.converted(path, "no weight unit given; kilograms (KGM) assumed".into());
            }
            "KGM"
        }
        (Quantity::Weight, Some("LBS" | "LB" | "LBR")) => "LBR",
        (Quantity::Volume, Some("CBM" | "M3" | "MTQ")) | (Quantity::Volume, None) => {
            if code.is_none() {
                m.converted(
                    path,
                    "no volume unit given; cubic metres (MTQ) assumed".into(),
                );
            }
            "MTQ"
        }
        (Quantity::Volume, Some("CFT" | "FTQ")) => "FTQ",
        (_, other) => {
            m.converted(
                path,
                format!("unknown unit {other:?}; kilograms/cubic metres assumed"),
            );
            if kind == Quantity::Weight {
                "KGM"
            } else {
                "MTQ"
            }
        }
    }
}

/// One TradeTrust package (at `path`) as a DCSA consignment item.
pub(super) fn consignment_item(p: &Value, path: &JsonPath, m: &mut Mapper) -> Value {
    let mut item = Map::new();
    let mut cargo = Map::new();
    let mut outer = Map::new();
    let obj = p.as_object().cloned().unwrap_or_default();
    for (k, v) in &obj {
        let here = path.key(k);
        match k.as_str() {
            "description" => {
                item.insert("descriptionOfGoods".into(), json!([v]));
            }
            "hsCode" => {
                item.insert("HSCodes".into(), json!([v]));
            }
            "marksAndNumbers" => {
                item.insert("shippingMarks".into(), json!([v]));
            }
            "weight" | "measurement" => {
                let (kind, unit_key, member, what) = if k == "weight" {
                    let what = "a weight that is not a number";
                    (Quantity::Weight, "weightUnit", "cargoGrossWeight", what)
                } else {
                    let what = "a measurement that is not a number";
                    (
                        Quantity::Volume,
                        "measurementUnit",
                        "cargoGrossVolume",
                        what,
                    )
                };
                let u = unit(obj.get(unit_key).and_then(Value::as_str), kind, m, &here);
                match number(v) {
                    Some(x) => {
                        cargo.insert(member.into(), json!({"value": x, "unit": u}));
                    }
                    None => m.unmapped(&here, what),
                }
            }
            "quantity" => {
                outer.insert("numberOfPackages".into(), v.clone());
            }
            "packageType" => {
                outer.insert("description".into(), v.clone());
            }
            "weightUnit" | "measurementUnit" => {}
            _ => m.unmapped(&here, "this package field"),
        }
    }
    if !outer.is_empty() {
        cargo.insert("outerPackaging".into(), Value::Object(outer));
    }
    if !cargo.is_empty() {
        item.insert("cargoItems".into(), json!([cargo]));
    }
    Value::Object(item)
}

/// One TradeTrust container (at `path`) as a DCSA utilized transport equipment.
pub(super) fn equipment(c: &Value, path: &JsonPath, m: &mut Mapper) -> Value {
    let mut eq = Map::new();
    let mut ute = Map::new();
    for (k, v) in c.as_object().into_iter().flatten() {
        let here = path.key(k);
        match k.as_str() {
            "containerNumber" => {
                eq.insert("equipmentReference".into(), v.clone());
            }
            "sizeType" => match SIZE_TYPES.iter().find(|(s, _)| Some(*s) == v.as_str()) {
                Some((s, iso)) => {
                    m.converted(
                        &here,
                        format!("{s} written as its ISO 6346 size-type code {iso}"),
                    );
                    eq.insert("ISOEquipmentCode".into(), (*iso).into());
                }
                None => {
                    eq.insert("ISOEquipmentCode".into(), v.clone());
                }
            },
            "tareWeightKg" => {
                eq.insert("tareWeight".into(), json!({"value": v, "unit": "KGM"}));
            }
            "sealNumber" => {
                ute.insert("seals".into(), json!([{"number": v}]));
            }
            _ => m.unmapped(&here, "this container field"),
        }
    }
    ute.insert("equipment".into(), Value::Object(eq));
    Value::Object(ute)
}

/// The TradeTrust `charges` array (at `path`) as DCSA charges.
pub(super) fn charges(v: &Value, path: &JsonPath, m: &mut Mapper) -> Value {
    let mut items = Vec::new();
    for (i, c) in v.as_array().into_iter().flatten().enumerate() {
        let here = path.index(i);
        let mut ch = Map::new();
        for (k, x) in c.as_object().into_iter().flatten() {
            let member = match k.as_str() {
                "description" => "chargeName",
                "amount" => "currencyAmount",
                "currency" => "currencyCode",
                "prepaid" => {
                    let code = if x.as_bool() == Some(true) {
                        "PRE"
                    } else {
                        "COL"
                    };
                    ch.insert("paymentTermCode".into(), code.into());
                    continue;
                }
                _ => {
                    m.unmapped(&here.key(k), "this charge field");
                    continue;
                }
            };
            ch.insert(member.into(), x.clone());
        }
        items.push(Value::Object(ch));
    }
    Value::Array(items)
}
