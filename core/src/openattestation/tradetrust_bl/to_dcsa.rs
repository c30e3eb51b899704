//! TradeTrust B/L data → a DCSA eBL 3.0 transport document: the top-level members and the
//! parties (cargo and containers are in [`super::to_dcsa_cargo`]).

use std::sync::LazyLock;

use serde_json::{Map, Value, json};

use super::to_dcsa_cargo::{charges, consignment_item, equipment};
use super::{Mapper, Mapping};
use crate::json::JsonPath;
use crate::model::TransportDocument;
use crate::openattestation::OaError;
use crate::report::{Finding, Severity};

/// TradeTrust / OpenAttestation members that describe the document, not the shipment.
const OA_ONLY: [&str; 6] = [
    "$template",
    "issuers",
    "network",
    "links",
    "id",
    "attachments",
];

/// The top-level members DCSA eBL 3.0 requires, in schema order, as the model validator
/// reports them missing from an empty document — one list, kept by the validator.
fn dcsa_required() -> &'static [String] {
    static REQUIRED: LazyLock<Vec<String>> = LazyLock::new(|| {
        let findings = TransportDocument::from_value(&json!({}))
            .map(|d| d.validate())
            .unwrap_or_default();
        findings
            .into_iter()
            .filter(|f| f.code == "required")
            .filter_map(|f| f.path.strip_prefix("$.").map(str::to_owned))
            .filter(|name| !name.contains(['.', '[']))
            .collect()
    });
    &REQUIRED
}

/// Text, or a number written as text; `None` for anything else or blank text.
pub(super) fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Maps TradeTrust B/L data onto DCSA eBL 3.0 field names.
///
/// # Errors
/// [`OaError::Mapping`] if the data is not an object.
pub fn to_dcsa(bl: &Value) -> crate::Result<Mapping> {
    let src = bl.as_object().ok_or_else(|| OaError::Mapping {
        path: "$".into(),
        message: "TradeTrust B/L data must be an object".into(),
    })?;
    let mut m = Mapper::default();
    let mut td = Map::new();
    let mut parties = Map::new();
    let mut transports = Map::new();
    let mut vessel = Map::new();
    let mut is_to_order = None;
    let mut booking = None;

    for (key, v) in src {
        let path = JsonPath::root().key(key);
        match key.as_str() {
            "blNumber" => {
                td.insert("transportDocumentReference".into(), v.clone());
            }
            "scac" => {
                td.insert("carrierCode".into(), v.clone());
                td.insert("carrierCodeListProvider".into(), "NMFTA".into());
            }
            "carrierName" => {
                parties.insert("issuingParty".into(), json!({"partyName": v}));
            }
            "shipper" => {
                parties.insert("shipper".into(), party(v, &path, &mut m));
            }
            "consignee" => {
                if v.get("type").and_then(Value::as_str).is_some_and(|t| {
                    t.eq_ignore_ascii_case("TO ORDER OF") || t.eq_ignore_ascii_case("TO ORDER")
                }) {
                    is_to_order = Some(true);
                }
                parties.insert("consignee".into(), party(v, &path, &mut m));
            }
            "notifyParty" => {
                parties.insert("notifyParties".into(), json!([party(v, &path, &mut m)]));
            }
            "vessel" => {
                vessel.insert("vesselName".into(), v.clone());
            }
            "voyageNo" => {
                vessel.insert("carrierExportVoyageNumber".into(), v.clone());
            }
            "imoNumber" => {
                vessel.insert(
                    "vesselIMONumber".into(),
                    text(v).map_or(Value::Null, Value::String),
                );
            }
            "portOfLoading" | "portOfDischarge" | "placeOfReceipt" | "placeOfDelivery" => {
                transports.insert(key.clone(), location(v));
            }
            "documentType" => match v.as_str().map(str::to_ascii_uppercase).as_deref() {
                Some("NEGOTIABLE" | "BOL" | "TO ORDER") => {
                    td.insert("transportDocumentTypeCode".into(), "BOL".into());
                    is_to_order = Some(true);
                }
                Some("NON-NEGOTIABLE" | "NON_NEGOTIABLE" | "STRAIGHT") => {
                    td.insert("transportDocumentTypeCode".into(), "BOL".into());
                    is_to_order = Some(false);
                }
                Some("SWB" | "SEA WAYBILL") => {
                    td.insert("transportDocumentTypeCode".into(), "SWB".into());
                    is_to_order = Some(false);
                }
                _ => m.unmapped(&path, "this document type"),
            },
            "issueDate" => {
                td.insert("issueDate".into(), v.clone());
            }
            "placeOfIssue" => {
                td.insert("placeOfIssue".into(), location(v));
            }
            "shippedOnBoard" => {
                td.insert("isShippedOnBoardType".into(), v.clone());
            }
            "shippedOnBoardDate" => {
                let s = v.as_str().unwrap_or_default();
                let date = s.get(..10).unwrap_or(s);
                if date.len() != s.len() {
                    m.converted(
                        &path,
                        format!("DCSA holds a date only; the time in {s:?} is dropped"),
                    );
                }
                td.insert("shippedOnBoardDate".into(), date.into());
            }
            "freightPrepaid" => {
                let code = if v.as_bool() == Some(true) {
                    "PRE"
                } else {
                    "COL"
                };
                td.insert("freightPaymentTermCode".into(), code.into());
            }
            "freightPayableAt" => {
                td.insert("invoicePayableAt".into(), json!({"freeText": v}));
            }
            "clauses" => {
                td.insert("carrierClauses".into(), v.clone());
            }
            "references" => {
                for (k, r) in v.as_object().into_iter().flatten() {
                    if k == "bookingNumber" {
                        booking = Some(r.clone());
                    } else {
                        m.unmapped(&path.key(k), "this reference");
                    }
                }
            }
            "packages" => {
                let items = v.as_array().into_iter().flatten().enumerate();
                let items = items.map(|(i, p)| consignment_item(p, &path.index(i), &mut m));
                td.insert("consignmentItems".into(), items.collect());
            }
            "containers" => {
                let items = v.as_array().into_iter().flatten().enumerate();
                let items = items.map(|(i, c)| equipment(c, &path.index(i), &mut m));
                td.insert("utilizedTransportEquipments".into(), items.collect());
            }
            "charges" => {
                td.insert("charges".into(), charges(v, &path, &mut m));
            }
            k if OA_ONLY.contains(&k) => m.findings.push(Finding::new(
                Severity::Info,
                "tt-unmapped",
                path.as_str(),
                "OpenAttestation / TradeTrust metadata, not part of the transport document",
            )),
            _ => m.unmapped(&path, "this field"),
        }
    }
    if let (Some(b), Some(Value::Array(items))) = (booking, td.get_mut("consignmentItems")) {
        for item in items {
            if let Value::Object(o) = item {
                o.insert("carrierBookingReference".into(), b.clone());
            }
        }
    }
    if !vessel.is_empty() {
        transports.insert("vesselVoyages".into(), json!([vessel]));
    }
    if !transports.is_empty() {
        td.insert("transports".into(), Value::Object(transports));
    }
    if !parties.is_empty() {
        td.insert("documentParties".into(), Value::Object(parties));
    }
    if let Some(t) = is_to_order {
        td.insert("isToOrder".into(), t.into());
    }
    // A TradeTrust document is electronic by construction.
    td.insert("isElectronic".into(), true.into());
    for field in dcsa_required() {
        if !td.contains_key(field) {
            m.findings.push(Finding::warning(
                "tt-required-missing",
                JsonPath::root().key(field).as_str(),
                "required by DCSA eBL 3.0, but the TradeTrust data has nothing to fill it with",
            ));
        }
    }
    Ok(m.into_mapping(Value::Object(td)))
}

/// A TradeTrust party (`{name, address{street, city, postalCode, country}, contact, uen|uscc}`)
/// as a DCSA party.
fn party(v: &Value, path: &JsonPath, m: &mut Mapper) -> Value {
    let mut p = Map::new();
    let Some(obj) = v.as_object() else {
        if let Some(name) = text(v) {
            p.insert("partyName".into(), name.into());
        }
        return Value::Object(p);
    };
    for (key, item) in obj {
        let here = path.key(key);
        match key.as_str() {
            "name" => {
                p.insert("partyName".into(), item.clone());
            }
            "address" => {
                let (address, displayed) = address(item, &here, m);
                p.insert("address".into(), Value::Object(address));
                if !displayed.is_empty() {
                    p.insert("displayedAddress".into(), Value::Array(displayed));
                }
            }
            "contact" => {
                let mut c = Map::new();
                for (k, v) in item.as_object().into_iter().flatten() {
                    match k.as_str() {
                        "name" | "email" | "phone" => {
                            c.insert(k.clone(), v.clone());
                        }
                        _ => m.unmapped(&here.key(k), "this contact field"),
                    }
                }
                p.insert("partyContactDetails".into(), json!([c]));
            }
            "uen" | "uscc" | "lei" => {
                let list = if key == "lei" {
                    ("GLEIF", "LEI")
                } else {
                    ("ZZZ", if key == "uen" { "UEN" } else { "USCC" })
                };
                let code =
                    json!({"codeListProvider": list.0, "codeListName": list.1, "partyCode": item});
                match p.get_mut("identifyingCodes") {
                    Some(Value::Array(a)) => a.push(code),
                    _ => {
                        p.insert("identifyingCodes".into(), json!([code]));
                    }
                }
            }
            "type" => {} // read by the caller (TO ORDER OF)
            _ => m.unmapped(&here, "this party field"),
        }
    }
    Value::Object(p)
}

/// A TradeTrust address as a DCSA address, and the displayed address lines needed when the
/// country is not an ISO 3166 code (empty otherwise).
fn address(item: &Value, path: &JsonPath, m: &mut Mapper) -> (Map<String, Value>, Vec<Value>) {
    let mut a = Map::new();
    let mut lines = Vec::new();
    for (k, v) in item.as_object().into_iter().flatten() {
        match (k.as_str(), v.as_str()) {
            ("street", Some(s)) => {
                a.insert("street".into(), s.into());
            }
            ("city", Some(s)) => {
                a.insert("city".into(), s.into());
            }
            ("postalCode", Some(s)) => {
                a.insert("postCode".into(), s.into());
            }
            ("province" | "state", Some(s)) => {
                a.insert("stateRegion".into(), s.into());
            }
            ("country", Some(s)) if s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) => {
                a.insert("countryCode".into(), s.into());
            }
            ("country", Some(s)) => {
                m.converted(
                    &path.key("country"),
                    format!(
                        "{s:?} is not an ISO 3166 country code; kept as a displayed address line"
                    ),
                );
                lines.push(s.to_owned());
            }
            _ => m.unmapped(&path.key(k), "this address field"),
        }
    }
    let displayed = if lines.is_empty() {
        Vec::new()
    } else {
        ["street", "city"]
            .iter()
            .filter_map(|k| a.get(*k).cloned())
            .chain(lines.into_iter().map(Value::String))
            .collect()
    };
    (a, displayed)
}

/// A place as text or `{name, unlocode}`, as a DCSA location.
fn location(v: &Value) -> Value {
    match v {
        Value::Object(o) => {
            let mut l = Map::new();
            if let Some(n) = o.get("name") {
                l.insert("locationName".into(), n.clone());
            }
            if let Some(c) = o.get("unlocode") {
                l.insert("UNLocationCode".into(), c.clone());
            }
            Value::Object(l)
        }
        other => json!({"locationName": other}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_required_list_comes_from_the_validator() {
        let required = dcsa_required();
        assert_eq!(required.len(), 19, "{required:?}");
        for name in [
            "transportDocumentReference",
            "partyContactDetails",
            "transports",
        ] {
            assert!(required.iter().any(|r| r == name), "{name} in {required:?}");
        }
        assert!(!required.iter().any(|r| r == "issueDate"));
    }

    #[test]
    fn paths_of_odd_keys_are_bracketed() {
        let bl = json!({"shipper": {"name": "S", "odd key": 1, "address": {"zip code": "1"}}});
        let td = to_dcsa(&bl).expect("maps");
        let paths: Vec<&str> = td.findings.iter().map(|f| f.path.as_str()).collect();
        assert!(paths.contains(&"$.shipper['odd key']"), "{paths:?}");
        assert!(
            paths.contains(&"$.shipper.address['zip code']"),
            "{paths:?}"
        );
    }
}
