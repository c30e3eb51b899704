//! A DCSA eBL 3.0 transport document → TradeTrust B/L data.

use serde_json::{Map, Value, json};

use super::{Mapper, Mapping, SIZE_TYPES};
use crate::json::JsonPath;
use crate::openattestation::OaError;

/// Maps a DCSA eBL 3.0 transport document (as JSON) back to TradeTrust B/L data, reporting
/// every DCSA member that the TradeTrust template cannot hold.
///
/// # Errors
/// [`OaError::Mapping`] if the document is not an object.
pub fn from_dcsa(td: &Value) -> crate::Result<Mapping> {
    let src = td.as_object().ok_or_else(|| OaError::Mapping {
        path: "$".into(),
        message: "a transport document must be an object".into(),
    })?;
    let mut m = Mapper::default();
    let mut bl = Map::new();
    for (key, v) in src {
        let path = JsonPath::root().key(key);
        match key.as_str() {
            "transportDocumentReference" => {
                bl.insert("blNumber".into(), v.clone());
            }
            "carrierCode" => {
                bl.insert("scac".into(), v.clone());
            }
            "carrierCodeListProvider" | "isElectronic" => {}
            "transportDocumentTypeCode" | "isToOrder" => {}
            "issueDate" | "shippedOnBoardDate" => {
                bl.insert(key.clone(), v.clone());
            }
            "placeOfIssue" => {
                bl.insert("placeOfIssue".into(), back_location(v));
            }
            "isShippedOnBoardType" => {
                bl.insert("shippedOnBoard".into(), v.clone());
            }
            "freightPaymentTermCode" => {
                bl.insert("freightPrepaid".into(), (v.as_str() == Some("PRE")).into());
            }
            "invoicePayableAt" => match v.get("freeText") {
                Some(t) => {
                    bl.insert("freightPayableAt".into(), t.clone());
                }
                None => m.unmapped(&path, "invoicePayableAt without free text"),
            },
            "carrierClauses" => {
                bl.insert("clauses".into(), v.clone());
            }
            "documentParties" => {
                back_parties(v, &path, &mut bl, &mut m);
                if src.get("isToOrder") == Some(&Value::Bool(true))
                    && let Some(Value::Object(c)) = bl.get_mut("consignee")
                {
                    c.insert("type".into(), "TO ORDER OF".into());
                }
            }
            "transports" => back_transports(v, &path, &mut bl, &mut m),
            "consignmentItems" => {
                let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
                if let Some(b) = items
                    .iter()
                    .filter_map(|item| item.get("carrierBookingReference"))
                    .next_back()
                {
                    bl.insert("references".into(), json!({"bookingNumber": b}));
                }
                bl.insert("packages".into(), items.iter().map(back_package).collect());
            }
            "utilizedTransportEquipments" => {
                let items = v.as_array().into_iter().flatten();
                bl.insert("containers".into(), items.map(back_container).collect());
            }
            _ => m.unmapped(&path, "this DCSA field"),
        }
    }
    if src.get("isToOrder") == Some(&Value::Bool(true)) {
        bl.insert("documentType".into(), "NEGOTIABLE".into());
    }
    Ok(m.into_mapping(Value::Object(bl)))
}

/// `documentParties` (at `path`) into the TradeTrust party members of `bl`.
fn back_parties(v: &Value, path: &JsonPath, bl: &mut Map<String, Value>, m: &mut Mapper) {
    for (role, p) in v.as_object().into_iter().flatten() {
        let here = path.key(role);
        match role.as_str() {
            "issuingParty" => {
                if let Some(n) = p.get("partyName") {
                    bl.insert("carrierName".into(), n.clone());
                }
            }
            "shipper" | "consignee" => {
                bl.insert(role.clone(), back_party(p, &here, m));
            }
            "notifyParties" => {
                let list = p.as_array().map(Vec::as_slice).unwrap_or_default();
                if let Some(first) = list.first() {
                    bl.insert("notifyParty".into(), back_party(first, &here.index(0), m));
                }
                for i in 1..list.len() {
                    m.unmapped(&here.index(i), "a second notify party");
                }
            }
            _ => m.unmapped(&here, "this party"),
        }
    }
}

/// `transports` (at `path`) into the TradeTrust place and vessel members of `bl`.
fn back_transports(v: &Value, path: &JsonPath, bl: &mut Map<String, Value>, m: &mut Mapper) {
    for (k, x) in v.as_object().into_iter().flatten() {
        match k.as_str() {
            "portOfLoading" | "portOfDischarge" | "placeOfReceipt" | "placeOfDelivery" => {
                bl.insert(k.clone(), back_location(x));
            }
            "vesselVoyages" => {
                let first = x.get(0).cloned().unwrap_or_default();
                for (f, t) in [
                    ("vesselName", "vessel"),
                    ("carrierExportVoyageNumber", "voyageNo"),
                    ("vesselIMONumber", "imoNumber"),
                ] {
                    if let Some(val) = first.get(f) {
                        bl.insert(t.into(), val.clone());
                    }
                }
            }
            _ => m.unmapped(&path.key(k), "this transport field"),
        }
    }
}

/// One consignment item as a TradeTrust package (its first description, HS code, marks and
/// cargo item).
fn back_package(item: &Value) -> Value {
    let mut p = Map::new();
    for (pointer, key) in [
        ("/descriptionOfGoods/0", "description"),
        ("/HSCodes/0", "hsCode"),
        ("/shippingMarks/0", "marksAndNumbers"),
        ("/cargoItems/0/cargoGrossWeight/value", "weight"),
        ("/cargoItems/0/cargoGrossVolume/value", "measurement"),
        ("/cargoItems/0/outerPackaging/numberOfPackages", "quantity"),
    ] {
        if let Some(x) = item.pointer(pointer) {
            p.insert(key.into(), x.clone());
        }
    }
    Value::Object(p)
}

/// One utilized transport equipment as a TradeTrust container.
fn back_container(ute: &Value) -> Value {
    let mut c = Map::new();
    if let Some(r) = ute.pointer("/equipment/equipmentReference") {
        c.insert("containerNumber".into(), r.clone());
    }
    if let Some(s) = ute.pointer("/seals/0/number") {
        c.insert("sealNumber".into(), s.clone());
    }
    if let Some(iso) = ute.pointer("/equipment/ISOEquipmentCode") {
        let short = SIZE_TYPES
            .iter()
            .find(|(_, i)| Some(*i) == iso.as_str())
            .map_or(iso.clone(), |(s, _)| Value::from(*s));
        c.insert("sizeType".into(), short);
    }
    if let Some(t) = ute.pointer("/equipment/tareWeight/value") {
        c.insert("tareWeightKg".into(), t.clone());
    }
    Value::Object(c)
}

/// A DCSA location as TradeTrust text or `{name, unlocode}`.
fn back_location(v: &Value) -> Value {
    match (v.get("locationName"), v.get("UNLocationCode")) {
        (Some(n), None) => n.clone(),
        (n, Some(c)) => {
            let mut o = Map::new();
            if let Some(n) = n {
                o.insert("name".into(), n.clone());
            }
            o.insert("unlocode".into(), c.clone());
            Value::Object(o)
        }
        (None, None) => v.get("freeText").cloned().unwrap_or(Value::Null),
    }
}

/// A DCSA party (at `path`) as a TradeTrust party.
fn back_party(p: &Value, path: &JsonPath, m: &mut Mapper) -> Value {
    let mut out = Map::new();
    for (k, v) in p.as_object().into_iter().flatten() {
        match k.as_str() {
            "partyName" => {
                out.insert("name".into(), v.clone());
            }
            "address" => {
                let mut a = Map::new();
                for (f, t) in [
                    ("street", "street"),
                    ("city", "city"),
                    ("postCode", "postalCode"),
                    ("stateRegion", "province"),
                    ("countryCode", "country"),
                ] {
                    if let Some(x) = v.get(f) {
                        a.insert(t.into(), x.clone());
                    }
                }
                out.insert("address".into(), Value::Object(a));
            }
            "displayedAddress" => {
                // A country kept as a displayed line goes back into the address.
                if let Some(country) = v.as_array().and_then(|l| l.last())
                    && let Some(Value::Object(a)) = out.get_mut("address")
                    && !a.contains_key("country")
                {
                    a.insert("country".into(), country.clone());
                }
            }
            "partyContactDetails" => {
                if let Some(first) = v.get(0) {
                    out.insert("contact".into(), first.clone());
                }
            }
            "identifyingCodes" => {
                for code in v.as_array().into_iter().flatten() {
                    let name = match code.get("codeListName").and_then(Value::as_str) {
                        Some("UEN") => "uen",
                        Some("USCC") => "uscc",
                        Some("LEI") => "lei",
                        _ => {
                            m.unmapped(&path.key("identifyingCodes"), "this identifying code");
                            continue;
                        }
                    };
                    if let Some(c) = code.get("partyCode") {
                        out.insert(name.into(), c.clone());
                    }
                }
            }
            _ => m.unmapped(&path.key(k), "this party field"),
        }
    }
    Value::Object(out)
}
