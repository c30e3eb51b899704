//! TradeTrust bill-of-lading data ↔ DCSA eBL 3.0 transport document, on the two B/L vectors.
#![cfg(feature = "openattestation")]

use ebl::json::Value;
use ebl::openattestation::WrappedDocument;
use ebl::openattestation::tradetrust_bl::{from_dcsa, to_dcsa};
use ebl::report::Severity;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/openattestation/vectors/"
);

fn data(file: &str) -> Value {
    let bytes = std::fs::read(format!("{DIR}{file}")).expect("vector");
    WrappedDocument::from_bytes(&bytes)
        .expect("document")
        .data()
        .expect("data")
}

fn paths_with(findings: &[ebl::report::Finding], code: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| f.path.clone())
        .collect()
}

#[test]
fn generic_template_maps_to_dcsa_names_and_back() {
    let bl = data("bill-of-lading-generic-templates.wrapped.json");
    let td = to_dcsa(&bl).expect("maps");
    let d = &td.document;
    assert_eq!(d["transportDocumentReference"], "SGCNM21566325");
    assert_eq!(d["carrierCode"], "SGPU");
    assert_eq!(d["carrierCodeListProvider"], "NMFTA");
    assert_eq!(
        d["documentParties"]["issuingParty"]["partyName"],
        "A.P. Moller"
    );
    assert_eq!(d["documentParties"]["shipper"]["partyName"], "Shipper Name");
    assert_eq!(
        d["documentParties"]["shipper"]["address"]["street"],
        "101 ORCHARD ROAD"
    );
    // "SINGAPORE" is not a country code: kept as a displayed line, with a warning.
    assert_eq!(
        d["documentParties"]["shipper"]["displayedAddress"][1],
        "SINGAPORE"
    );
    assert_eq!(
        d["documentParties"]["notifyParties"][0]["partyName"],
        "Notify Party Name"
    );
    assert_eq!(
        d["transports"]["portOfLoading"]["locationName"],
        "Singapore"
    );
    assert_eq!(d["transports"]["portOfDischarge"]["locationName"], "Paris");
    assert_eq!(d["transports"]["vesselVoyages"][0]["vesselName"], "vessel");
    assert_eq!(
        d["consignmentItems"][0]["descriptionOfGoods"][0],
        "description"
    );
    assert_eq!(
        d["consignmentItems"][0]["cargoItems"][0]["cargoGrossWeight"]["value"],
        10.0
    );
    assert_eq!(
        d["consignmentItems"][0]["cargoItems"][0]["cargoGrossWeight"]["unit"],
        "KGM"
    );

    let unmapped = paths_with(&td.findings, "tt-unmapped");
    for p in ["$['$template']", "$.issuers", "$.network", "$.links"] {
        assert!(unmapped.contains(&p.to_owned()), "{p} in {unmapped:?}");
    }
    let missing = paths_with(&td.findings, "tt-required-missing");
    assert!(missing.contains(&"$.transportDocumentStatus".to_owned()));
    assert!(missing.contains(&"$.utilizedTransportEquipments".to_owned()));
    assert!(!missing.contains(&"$.transportDocumentReference".to_owned()));
    let converted = paths_with(&td.findings, "tt-converted");
    assert!(
        converted.contains(&"$.shipper.address.country".to_owned()),
        "{converted:?}"
    );
    assert!(td.findings.iter().all(|f| f.severity != Severity::Error));

    let back = from_dcsa(&td.document).expect("maps back").document;
    for key in [
        "blNumber",
        "scac",
        "carrierName",
        "shipper",
        "consignee",
        "notifyParty",
        "vessel",
        "voyageNo",
        "portOfLoading",
        "portOfDischarge",
        "placeOfReceipt",
        "placeOfDelivery",
    ] {
        assert_eq!(back[key], bl[key], "{key}");
    }
    assert_eq!(
        back["packages"][0]["description"],
        bl["packages"][0]["description"]
    );
}

#[test]
fn the_5kb_bill_maps_parties_containers_and_charges() {
    let bl = data("bill-of-lading-sg-shenzhen-5kb.wrapped.json");
    let td = to_dcsa(&bl).expect("maps");
    let d = &td.document;
    assert_eq!(d["isToOrder"], true);
    assert_eq!(d["transportDocumentTypeCode"], "BOL");
    assert_eq!(d["isShippedOnBoardType"], true);
    assert_eq!(d["shippedOnBoardDate"], "2025-03-14");
    assert_eq!(d["freightPaymentTermCode"], "COL");
    assert_eq!(
        d["documentParties"]["consignee"]["address"]["countryCode"],
        "CN"
    );
    assert_eq!(
        d["documentParties"]["consignee"]["identifyingCodes"][0]["codeListName"],
        "USCC"
    );
    assert_eq!(
        d["documentParties"]["shipper"]["partyContactDetails"][0]["email"],
        "logistics@straits-precision.example"
    );
    assert_eq!(
        d["transports"]["portOfDischarge"]["UNLocationCode"],
        "CNYTN"
    );
    assert_eq!(
        d["transports"]["vesselVoyages"][0]["vesselIMONumber"],
        "9876543"
    );
    assert_eq!(
        d["utilizedTransportEquipments"][0]["equipment"]["ISOEquipmentCode"],
        "45G1"
    );
    assert_eq!(
        d["utilizedTransportEquipments"][1]["seals"][0]["number"],
        "SG0001235"
    );
    assert_eq!(d["consignmentItems"].as_array().map(Vec::len), Some(3));
    assert_eq!(d["consignmentItems"][1]["HSCodes"][0], "850760");
    assert_eq!(
        d["consignmentItems"][0]["carrierBookingReference"],
        "BKG-88231-SIN"
    );
    assert_eq!(d["charges"][2]["currencyCode"], "CNY");
    assert_eq!(d["carrierClauses"][1], "SAID TO CONTAIN");

    let unmapped = paths_with(&td.findings, "tt-unmapped");
    for p in [
        "$.totals",
        "$.incoterms",
        "$.remarks",
        "$.mlEtrCompliance",
        "$.references.letterOfCredit",
        "$.containers[0].grossWeightKg",
        "$.packages[1].unNumber",
        "$.charges[0].code",
    ] {
        assert!(unmapped.contains(&p.to_owned()), "{p} in {unmapped:?}");
    }
    assert!(paths_with(&td.findings, "tt-converted").contains(&"$.shippedOnBoardDate".to_owned()));

    let back = from_dcsa(d).expect("maps back").document;
    for key in [
        "blNumber",
        "scac",
        "carrierName",
        "notifyParty",
        "vessel",
        "voyageNo",
        "portOfLoading",
        "portOfDischarge",
        "clauses",
        "freightPayableAt",
        "documentType",
        "issueDate",
    ] {
        assert_eq!(back[key], bl[key], "{key}");
    }
    assert_eq!(back["consignee"], bl["consignee"]);
    assert_eq!(back["containers"][0]["sizeType"], "40HC");
    assert_eq!(back["references"]["bookingNumber"], "BKG-88231-SIN");
}

#[test]
fn non_objects_are_refused() {
    assert!(to_dcsa(&Value::Null).is_err());
    assert!(from_dcsa(&serde_json::json!([1])).is_err());
}
