//! TradeTrust bill-of-lading data ↔ a DCSA eBL 3.0 transport document (as JSON).
//!
//! TradeTrust's B/L (the `BILL_OF_LADING` generic template, TradeTrust/generic-templates) is a
//! flat, free-form record: `blNumber`, `scac`, `carrierName`, `shipper`/`consignee`/
//! `notifyParty` with `name`/`address`, `vessel`, `voyageNo`, ports and places as text (or
//! `{name, unlocode}`), `packages[]`, optionally `containers[]`, `charges[]`, `clauses[]`.
//! [`to_dcsa`] maps it onto DCSA eBL 3.0 field names (`transportDocumentReference`,
//! `documentParties`, `transports`, `consignmentItems`, `utilizedTransportEquipments`, …) and
//! reports, as findings, every input field that has no counterpart and every DCSA required
//! field it could not fill; [`from_dcsa`] goes back. The input is the *unsalted* data
//! ([`WrappedDocument::data`](super::WrappedDocument::data)).
//!
//! ```
//! use ebl::openattestation::tradetrust_bl::{to_dcsa, from_dcsa};
//! let bl = serde_json::json!({"blNumber": "SGCNM21566325", "scac": "SGPU",
//!     "shipper": {"name": "Shipper Name", "address": {"street": "101 ORCHARD ROAD", "country": "SG"}},
//!     "portOfLoading": "Singapore", "vessel": "vessel", "voyageNo": "V1"});
//! let td = to_dcsa(&bl)?;
//! assert_eq!(td.document["transportDocumentReference"], "SGCNM21566325");
//! assert_eq!(td.document["documentParties"]["shipper"]["address"]["countryCode"], "SG");
//! assert_eq!(td.document["transports"]["vesselVoyages"][0]["carrierExportVoyageNumber"], "V1");
//! assert!(td.findings.iter().any(|f| f.path == "$.transportDocumentStatus"));
//! let back = from_dcsa(&td.document)?;
//! assert_eq!(back.document["blNumber"], "SGCNM21566325");
//! # Ok::<(), ebl::Error>(())
//! ```

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::OaError;
use crate::json::JsonPath;
use crate::report::{Finding, Severity};

/// A mapped document and what did not map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mapping {
    /// The result (a DCSA transport document for [`to_dcsa`], TradeTrust B/L data for
    /// [`from_dcsa`]).
    pub document: Value,
    /// Input fields with no counterpart (`tt-unmapped`, info), values changed on the way
    /// (`tt-converted`, warning) and required DCSA fields left empty (`tt-required-missing`,
    /// warning).
    pub findings: Vec<Finding>,
}

/// DCSA eBL 3.0 required fields (the document cannot be issued without them).
const DCSA_REQUIRED: [&str; 19] = [
    "transportDocumentReference",
    "transportDocumentStatus",
    "transportDocumentTypeCode",
    "isShippedOnBoardType",
    "isElectronic",
    "isToOrder",
    "invoicePayableAt",
    "partyContactDetails",
    "documentParties",
    "consignmentItems",
    "utilizedTransportEquipments",
    "termsAndConditions",
    "receiptTypeAtOrigin",
    "deliveryTypeAtDestination",
    "cargoMovementTypeAtOrigin",
    "cargoMovementTypeAtDestination",
    "carrierCode",
    "carrierCodeListProvider",
    "transports",
];

/// TradeTrust / OpenAttestation members that describe the document, not the shipment.
const OA_ONLY: [&str; 6] = [
    "$template",
    "issuers",
    "network",
    "links",
    "id",
    "attachments",
];

struct Mapper {
    findings: Vec<Finding>,
}

impl Mapper {
    fn unmapped(&mut self, path: &str, what: &str) {
        self.findings.push(Finding::new(
            Severity::Info,
            "tt-unmapped",
            path,
            format!("{what} has no counterpart and is not carried over"),
        ));
    }
    fn converted(&mut self, path: &str, message: String) {
        self.findings
            .push(Finding::warning("tt-converted", path, message));
    }
}

fn path(key: &str) -> String {
    JsonPath::root().key(key).to_string()
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(crate::json::number_as_f64(n)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn unit(code: Option<&str>, kind: &str, m: &mut Mapper, at: &str) -> &'static str {
    match (kind, code.map(str::to_ascii_uppercase).as_deref()) {
        ("weight", Some("KGS" | "KG" | "KGM")) | ("weight", None) => {
            if code.is_none() {
                m.converted(at, "no weight unit given; kilograms (KGM) assumed".into());
            }
            "KGM"
        }
        ("weight", Some("LBS" | "LB" | "LBR")) => "LBR",
        ("volume", Some("CBM" | "M3" | "MTQ")) | ("volume", None) => {
            if code.is_none() {
                m.converted(
                    at,
                    "no volume unit given; cubic metres (MTQ) assumed".into(),
                );
            }
            "MTQ"
        }
        ("volume", Some("CFT" | "FTQ")) => "FTQ",
        (_, other) => {
            m.converted(
                at,
                format!("unknown unit {other:?}; kilograms/cubic metres assumed"),
            );
            if kind == "weight" { "KGM" } else { "MTQ" }
        }
    }
}

/// A TradeTrust party (`{name, address{street, city, postalCode, country}, contact, uen|uscc}`)
/// as a DCSA party.
fn party(v: &Value, at: &str, m: &mut Mapper) -> Value {
    let mut p = Map::new();
    let Some(obj) = v.as_object() else {
        if let Some(name) = text(v) {
            p.insert("partyName".into(), name.into());
        }
        return Value::Object(p);
    };
    for (key, item) in obj {
        let here = format!("{at}.{key}");
        match key.as_str() {
            "name" => {
                p.insert("partyName".into(), item.clone());
            }
            "address" => {
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
                        ("country", Some(s))
                            if s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) =>
                        {
                            a.insert("countryCode".into(), s.into());
                        }
                        ("country", Some(s)) => {
                            m.converted(&format!("{here}.country"), format!("{s:?} is not an ISO 3166 country code; kept as a displayed address line"));
                            lines.push(s.to_owned());
                        }
                        _ => m.unmapped(&format!("{here}.{k}"), "this address field"),
                    }
                }
                let displayed: Vec<Value> = if lines.is_empty() {
                    Vec::new()
                } else {
                    ["street", "city"]
                        .iter()
                        .filter_map(|k| a.get(*k).cloned())
                        .chain(lines.into_iter().map(Value::String))
                        .collect()
                };
                p.insert("address".into(), Value::Object(a));
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
                        _ => m.unmapped(&format!("{here}.{k}"), "this contact field"),
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

/// Maps TradeTrust B/L data onto DCSA eBL 3.0 field names.
///
/// # Errors
/// [`OaError::Mapping`] if the data is not an object.
pub fn to_dcsa(bl: &Value) -> crate::Result<Mapping> {
    let src = bl.as_object().ok_or_else(|| OaError::Mapping {
        path: "$".into(),
        message: "TradeTrust B/L data must be an object".into(),
    })?;
    let mut m = Mapper {
        findings: Vec::new(),
    };
    let mut td = Map::new();
    let mut parties = Map::new();
    let mut transports = Map::new();
    let mut vessel = Map::new();
    let mut is_to_order = None;
    let mut booking = None;

    for (key, v) in src {
        let at = path(key);
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
                parties.insert("shipper".into(), party(v, &at, &mut m));
            }
            "consignee" => {
                if v.get("type").and_then(Value::as_str).is_some_and(|t| {
                    t.eq_ignore_ascii_case("TO ORDER OF") || t.eq_ignore_ascii_case("TO ORDER")
                }) {
                    is_to_order = Some(true);
                }
                parties.insert("consignee".into(), party(v, &at, &mut m));
            }
            "notifyParty" => {
                parties.insert("notifyParties".into(), json!([party(v, &at, &mut m)]));
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
                _ => m.unmapped(&at, "this document type"),
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
                        &at,
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
                        m.unmapped(&format!("{at}.{k}"), "this reference");
                    }
                }
            }
            "packages" => {
                let mut items = Vec::new();
                for (i, p) in v.as_array().into_iter().flatten().enumerate() {
                    items.push(consignment_item(p, &format!("{at}[{i}]"), &mut m));
                }
                td.insert("consignmentItems".into(), Value::Array(items));
            }
            "containers" => {
                let mut items = Vec::new();
                for (i, c) in v.as_array().into_iter().flatten().enumerate() {
                    items.push(equipment(c, &format!("{at}[{i}]"), &mut m));
                }
                td.insert("utilizedTransportEquipments".into(), Value::Array(items));
            }
            "charges" => {
                let mut items = Vec::new();
                for (i, c) in v.as_array().into_iter().flatten().enumerate() {
                    let here = format!("{at}[{i}]");
                    let mut ch = Map::new();
                    for (k, x) in c.as_object().into_iter().flatten() {
                        match k.as_str() {
                            "description" => {
                                ch.insert("chargeName".into(), x.clone());
                            }
                            "amount" => {
                                ch.insert("currencyAmount".into(), x.clone());
                            }
                            "currency" => {
                                ch.insert("currencyCode".into(), x.clone());
                            }
                            "prepaid" => {
                                ch.insert(
                                    "paymentTermCode".into(),
                                    if x.as_bool() == Some(true) {
                                        "PRE"
                                    } else {
                                        "COL"
                                    }
                                    .into(),
                                );
                            }
                            _ => m.unmapped(&format!("{here}.{k}"), "this charge field"),
                        }
                    }
                    items.push(Value::Object(ch));
                }
                td.insert("charges".into(), Value::Array(items));
            }
            k if OA_ONLY.contains(&k) => m.findings.push(Finding::new(
                Severity::Info,
                "tt-unmapped",
                at,
                "OpenAttestation / TradeTrust metadata, not part of the transport document",
            )),
            _ => m.unmapped(&at, "this field"),
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
    for field in DCSA_REQUIRED {
        if !td.contains_key(field) {
            m.findings.push(Finding::warning(
                "tt-required-missing",
                path(field),
                "required by DCSA eBL 3.0, but the TradeTrust data has nothing to fill it with",
            ));
        }
    }
    Ok(Mapping {
        document: Value::Object(td),
        findings: m.findings,
    })
}

fn consignment_item(p: &Value, at: &str, m: &mut Mapper) -> Value {
    let mut item = Map::new();
    let mut cargo = Map::new();
    let mut outer = Map::new();
    let obj = p.as_object().cloned().unwrap_or_default();
    for (k, v) in &obj {
        let here = format!("{at}.{k}");
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
            "weight" => {
                let u = unit(
                    obj.get("weightUnit").and_then(Value::as_str),
                    "weight",
                    m,
                    &here,
                );
                match number(v) {
                    Some(x) => {
                        cargo.insert("cargoGrossWeight".into(), json!({"value": x, "unit": u}));
                    }
                    None => m.unmapped(&here, "a weight that is not a number"),
                }
            }
            "measurement" => {
                let u = unit(
                    obj.get("measurementUnit").and_then(Value::as_str),
                    "volume",
                    m,
                    &here,
                );
                match number(v) {
                    Some(x) => {
                        cargo.insert("cargoGrossVolume".into(), json!({"value": x, "unit": u}));
                    }
                    None => m.unmapped(&here, "a measurement that is not a number"),
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

/// TradeTrust size-type shorthands and their ISO 6346 size-type codes.
const SIZE_TYPES: [(&str, &str); 6] = [
    ("20GP", "22G1"),
    ("40GP", "42G1"),
    ("40HC", "45G1"),
    ("45HC", "L5G1"),
    ("20RF", "22R1"),
    ("40RH", "45R1"),
];

fn equipment(c: &Value, at: &str, m: &mut Mapper) -> Value {
    let mut eq = Map::new();
    let mut ute = Map::new();
    for (k, v) in c.as_object().into_iter().flatten() {
        let here = format!("{at}.{k}");
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
    let mut m = Mapper {
        findings: Vec::new(),
    };
    let mut bl = Map::new();
    for (key, v) in src {
        let at = path(key);
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
                None => m.unmapped(&at, "invoicePayableAt without free text"),
            },
            "carrierClauses" => {
                bl.insert("clauses".into(), v.clone());
            }
            "documentParties" => {
                for (role, p) in v.as_object().into_iter().flatten() {
                    let here = format!("{at}.{role}");
                    match role.as_str() {
                        "issuingParty" => {
                            if let Some(n) = p.get("partyName") {
                                bl.insert("carrierName".into(), n.clone());
                            }
                        }
                        "shipper" | "consignee" => {
                            bl.insert(role.clone(), back_party(p, &here, &mut m));
                        }
                        "notifyParties" => {
                            let list = p.as_array().map(Vec::as_slice).unwrap_or_default();
                            if let Some(first) = list.first() {
                                bl.insert(
                                    "notifyParty".into(),
                                    back_party(first, &format!("{here}[0]"), &mut m),
                                );
                            }
                            for i in 1..list.len() {
                                m.unmapped(&format!("{here}[{i}]"), "a second notify party");
                            }
                        }
                        _ => m.unmapped(&here, "this party"),
                    }
                }
                if src.get("isToOrder") == Some(&Value::Bool(true))
                    && let Some(Value::Object(c)) = bl.get_mut("consignee")
                {
                    c.insert("type".into(), "TO ORDER OF".into());
                }
            }
            "transports" => {
                for (k, x) in v.as_object().into_iter().flatten() {
                    match k.as_str() {
                        "portOfLoading" | "portOfDischarge" | "placeOfReceipt"
                        | "placeOfDelivery" => {
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
                        _ => m.unmapped(&format!("{at}.{k}"), "this transport field"),
                    }
                }
            }
            "consignmentItems" => {
                let mut packages = Vec::new();
                for item in v.as_array().into_iter().flatten() {
                    let mut p = Map::new();
                    if let Some(d) = item.pointer("/descriptionOfGoods/0") {
                        p.insert("description".into(), d.clone());
                    }
                    if let Some(h) = item.pointer("/HSCodes/0") {
                        p.insert("hsCode".into(), h.clone());
                    }
                    if let Some(s) = item.pointer("/shippingMarks/0") {
                        p.insert("marksAndNumbers".into(), s.clone());
                    }
                    if let Some(w) = item.pointer("/cargoItems/0/cargoGrossWeight/value") {
                        p.insert("weight".into(), w.clone());
                    }
                    if let Some(w) = item.pointer("/cargoItems/0/cargoGrossVolume/value") {
                        p.insert("measurement".into(), w.clone());
                    }
                    if let Some(n) = item.pointer("/cargoItems/0/outerPackaging/numberOfPackages") {
                        p.insert("quantity".into(), n.clone());
                    }
                    if let Some(b) = item.get("carrierBookingReference") {
                        bl.insert("references".into(), json!({"bookingNumber": b}));
                    }
                    packages.push(Value::Object(p));
                }
                bl.insert("packages".into(), Value::Array(packages));
            }
            "utilizedTransportEquipments" => {
                let mut containers = Vec::new();
                for ute in v.as_array().into_iter().flatten() {
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
                    containers.push(Value::Object(c));
                }
                bl.insert("containers".into(), Value::Array(containers));
            }
            _ => m.unmapped(&at, "this DCSA field"),
        }
    }
    if src.get("isToOrder") == Some(&Value::Bool(true)) {
        bl.insert("documentType".into(), "NEGOTIABLE".into());
    }
    Ok(Mapping {
        document: Value::Object(bl),
        findings: m.findings,
    })
}

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

fn back_party(p: &Value, at: &str, m: &mut Mapper) -> Value {
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
                            m.unmapped(&format!("{at}.identifyingCodes"), "this identifying code");
                            continue;
                        }
                    };
                    if let Some(c) = code.get("partyCode") {
                        out.insert(name.into(), c.clone());
                    }
                }
            }
            _ => m.unmapped(&format!("{at}.{k}"), "this party field"),
        }
    }
    Value::Object(out)
}
