//! Deliberately broken copies of clean transport documents: each mutation gives exactly the
//! expected findings, at the expected JSON paths; several problems are all reported.

mod support;

use ebl::ErrorCode;
use ebl::json::{Value, canonicalize};
use ebl::model::TransportDocument;
use ebl::report::Severity::{self, Error, Warning};
use serde_json::json;
use support::model::{Brief, at, brief, briefs, clean_straight, clean_to_order, doc, remove, set};

/// Which clean document a case starts from.
#[derive(Clone, Copy)]
enum Base {
    /// Issued, electronic, straight BOL.
    Straight,
    /// Issued, electronic, to-order BOL with an endorsee.
    ToOrder,
}

struct Case {
    name: &'static str,
    base: Base,
    mutate: fn(&mut Value),
    expect: &'static [(&'static str, &'static str, Severity)],
}

const CASES: &[Case] = &[
    Case {
        name: "missing reference",
        base: Base::Straight,
        mutate: |v| remove(v, "/transportDocumentReference"),
        expect: &[("required", "$.transportDocumentReference", Error)],
    },
    Case {
        name: "missing shipper name",
        base: Base::Straight,
        mutate: |v| remove(v, "/documentParties/shipper/partyName"),
        expect: &[("required", "$.documentParties.shipper.partyName", Error)],
    },
    Case {
        name: "missing port of loading",
        base: Base::ToOrder,
        mutate: |v| remove(v, "/transports/portOfLoading"),
        expect: &[("required", "$.transports.portOfLoading", Error)],
    },
    Case {
        name: "no consignment items",
        base: Base::Straight,
        mutate: |v| set(v, "/consignmentItems", json!([])),
        expect: &[("min-items", "$.consignmentItems", Error)],
    },
    Case {
        name: "unknown document type",
        base: Base::Straight,
        mutate: |v| set(v, "/transportDocumentTypeCode", json!("BL")),
        expect: &[("invalid-enum", "$.transportDocumentTypeCode", Error)],
    },
    Case {
        name: "unknown unit",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/consignmentItems/0/cargoItems/0/cargoGrossWeight/unit",
                json!("TON"),
            );
        },
        expect: &[(
            "invalid-enum",
            "$.consignmentItems[0].cargoItems[0].cargoGrossWeight.unit",
            Error,
        )],
    },
    Case {
        name: "unknown status (an open list: a warning, and the document no longer counts as issued)",
        base: Base::Straight,
        mutate: |v| set(v, "/transportDocumentStatus", json!("LOST")),
        expect: &[("unknown-code", "$.transportDocumentStatus", Warning)],
    },
    Case {
        name: "reference too long",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/transportDocumentReference",
                json!("ABCDEFGHIJ0123456789X"),
            )
        },
        expect: &[("max-length", "$.transportDocumentReference", Error)],
    },
    Case {
        name: "sea waybill to order",
        base: Base::ToOrder,
        mutate: |v| {
            set(v, "/transportDocumentTypeCode", json!("SWB"));
            remove(v, "/documentParties/endorsee");
        },
        expect: &[("swb-to-order", "$.isToOrder", Error)],
    },
    Case {
        name: "consignee and endorsee",
        base: Base::ToOrder,
        mutate: |v| {
            let endorsee = at(v, "/documentParties/endorsee").clone();
            set(v, "/documentParties/consignee", endorsee);
        },
        expect: &[(
            "consignee-and-endorsee",
            "$.documentParties.endorsee",
            Error,
        )],
    },
    Case {
        name: "straight without consignee",
        base: Base::Straight,
        mutate: |v| remove(v, "/documentParties/consignee"),
        expect: &[("consignee-required", "$.documentParties.consignee", Error)],
    },
    Case {
        name: "endorsee on a straight document",
        base: Base::Straight,
        mutate: |v| {
            let consignee = at(v, "/documentParties/consignee").clone();
            remove(v, "/documentParties/consignee");
            set(v, "/documentParties/endorsee", consignee);
        },
        expect: &[
            ("consignee-required", "$.documentParties.consignee", Error),
            ("endorsee-not-to-order", "$.documentParties.endorsee", Error),
        ],
    },
    Case {
        name: "consignee without identifying codes",
        base: Base::Straight,
        mutate: |v| remove(v, "/documentParties/consignee/identifyingCodes"),
        expect: &[(
            "required",
            "$.documentParties.consignee.identifyingCodes",
            Error,
        )],
    },
    Case {
        name: "to order without notify party",
        base: Base::ToOrder,
        mutate: |v| remove(v, "/documentParties/notifyParties"),
        expect: &[(
            "notify-party-missing",
            "$.documentParties.notifyParties",
            Warning,
        )],
    },
    Case {
        name: "four notify parties",
        base: Base::ToOrder,
        mutate: |v| {
            let first = at(v, "/documentParties/notifyParties/0").clone();
            set(
                v,
                "/documentParties/notifyParties",
                json!([first, first, first, first]),
            );
        },
        expect: &[("max-items", "$.documentParties.notifyParties", Error)],
    },
    Case {
        name: "shipped-on-board and received-for-shipment dates on an issued B/L",
        base: Base::Straight,
        mutate: |v| set(v, "/receivedForShipmentDate", json!("2023-12-18")),
        expect: &[(
            "onboard-and-received-dates",
            "$.receivedForShipmentDate",
            Error,
        )],
    },
    Case {
        name: "both dates on a draft",
        base: Base::Straight,
        mutate: |v| {
            set(v, "/transportDocumentStatus", json!("DRAFT"));
            set(v, "/receivedForShipmentDate", json!("2023-12-18"));
        },
        expect: &[(
            "onboard-and-received-dates",
            "$.receivedForShipmentDate",
            Warning,
        )],
    },
    Case {
        name: "issued without either date",
        base: Base::Straight,
        mutate: |v| remove(v, "/shippedOnBoardDate"),
        expect: &[(
            "onboard-or-received-date-missing",
            "$.shippedOnBoardDate",
            Error,
        )],
    },
    Case {
        name: "received-for-shipment date on a shipped-on-board type",
        base: Base::Straight,
        mutate: |v| {
            let date = at(v, "/shippedOnBoardDate").clone();
            remove(v, "/shippedOnBoardDate");
            set(v, "/receivedForShipmentDate", date);
        },
        expect: &[(
            "onboard-type-mismatch",
            "$.receivedForShipmentDate",
            Warning,
        )],
    },
    Case {
        name: "issued without issue date",
        base: Base::ToOrder,
        mutate: |v| remove(v, "/issueDate"),
        expect: &[("issue-date-missing", "$.issueDate", Error)],
    },
    Case {
        name: "draft without issue date is fine",
        base: Base::ToOrder,
        mutate: |v| {
            set(v, "/transportDocumentStatus", json!("DRAFT"));
            remove(v, "/issueDate");
        },
        expect: &[],
    },
    Case {
        name: "impossible date",
        base: Base::Straight,
        mutate: |v| set(v, "/issueDate", json!("2023-02-30")),
        expect: &[("date", "$.issueDate", Error)],
    },
    Case {
        name: "two originals of an electronic BOL",
        base: Base::Straight,
        mutate: |v| set(v, "/numberOfOriginalsWithCharges", json!(2)),
        expect: &[(
            "electronic-originals",
            "$.numberOfOriginalsWithCharges",
            Error,
        )],
    },
    Case {
        name: "one original with and one without charges, electronic",
        base: Base::Straight,
        mutate: |v| {
            set(v, "/numberOfOriginalsWithCharges", json!(1));
            set(v, "/numberOfOriginalsWithoutCharges", json!(1));
        },
        expect: &[("electronic-originals", "$", Error)],
    },
    Case {
        name: "copies of an electronic BOL",
        base: Base::Straight,
        mutate: |v| set(v, "/numberOfCopiesWithoutCharges", json!(3)),
        expect: &[(
            "electronic-copies",
            "$.numberOfCopiesWithoutCharges",
            Warning,
        )],
    },
    Case {
        name: "declared value without currency",
        base: Base::Straight,
        mutate: |v| set(v, "/declaredValue", json!(1000.5)),
        expect: &[("declared-value-currency", "$.declaredValueCurrency", Error)],
    },
    Case {
        name: "currency without declared value",
        base: Base::Straight,
        mutate: |v| set(v, "/declaredValueCurrency", json!("EUR")),
        expect: &[("declared-value-currency", "$.declaredValueCurrency", Error)],
    },
    Case {
        name: "bad UN/LOCODE",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/transports/portOfLoading/UNLocationCode",
                json!("DKAA1"),
            )
        },
        expect: &[(
            "un-locode",
            "$.transports.portOfLoading.UNLocationCode",
            Error,
        )],
    },
    Case {
        name: "lower-case currency",
        base: Base::Straight,
        mutate: |v| set(v, "/charges/0/currencyCode", json!("eur")),
        expect: &[("currency-code", "$.charges[0].currencyCode", Error)],
    },
    Case {
        name: "three-letter country",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/documentParties/issuingParty/address/countryCode",
                json!("KOR"),
            )
        },
        expect: &[(
            "country-code",
            "$.documentParties.issuingParty.address.countryCode",
            Error,
        )],
    },
    Case {
        name: "leading whitespace",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/documentParties/shipper/partyName",
                json!(" DCSA CTK SHIPPER"),
            )
        },
        expect: &[(
            "untrimmed-text",
            "$.documentParties.shipper.partyName",
            Error,
        )],
    },
    Case {
        name: "line break in a one-line member",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/transports/vesselVoyages/0/vesselName",
                json!("HMM\nAlgeciras"),
            )
        },
        expect: &[(
            "untrimmed-text",
            "$.transports.vesselVoyages[0].vesselName",
            Error,
        )],
    },
    Case {
        name: "carrier code with a space",
        base: Base::Straight,
        mutate: |v| set(v, "/carrierCode", json!("H M")),
        expect: &[("pattern", "$.carrierCode", Error)],
    },
    Case {
        name: "fractional package count",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/consignmentItems/0/cargoItems/0/outerPackaging/numberOfPackages",
                json!(1.5),
            );
        },
        expect: &[(
            "not-integer",
            "$.consignmentItems[0].cargoItems[0].outerPackaging.numberOfPackages",
            Error,
        )],
    },
    Case {
        name: "zero weight (exclusive minimum)",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/consignmentItems/0/cargoItems/0/cargoGrossWeight/value",
                json!(0),
            )
        },
        expect: &[(
            "out-of-range",
            "$.consignmentItems[0].cargoItems[0].cargoGrossWeight.value",
            Error,
        )],
    },
    Case {
        name: "contact without phone or e-mail",
        base: Base::Straight,
        mutate: |v| remove(v, "/partyContactDetails/0/email"),
        expect: &[("any-of", "$.partyContactDetails[0]", Error)],
    },
    Case {
        name: "place of issue with both a UN/LOCODE and a country",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/placeOfIssue",
                json!({"UNLocationCode": "DKAAR", "countryCode": "DK"}),
            )
        },
        expect: &[("one-of", "$.placeOfIssue", Error)],
    },
    Case {
        name: "shipper with neither address nor code",
        base: Base::Straight,
        mutate: |v| remove(v, "/documentParties/shipper/identifyingCodes"),
        expect: &[("party-address-or-code", "$.documentParties.shipper", Error)],
    },
    Case {
        name: "reefer temperature without unit",
        base: Base::Straight,
        mutate: |v| {
            set(
                v,
                "/utilizedTransportEquipments/0/activeReeferSettings",
                json!({"temperatureSetpoint": -18}),
            );
        },
        expect: &[(
            "reefer-temperature-unit",
            "$.utilizedTransportEquipments[0].activeReeferSettings.temperatureUnit",
            Error,
        )],
    },
    Case {
        name: "explicit null on a known member",
        base: Base::Straight,
        mutate: |v| set(v, "/documentParties/shipper/reference", Value::Null),
        expect: &[("null-value", "$.documentParties.shipper.reference", Error)],
    },
    Case {
        name: "explicit null on a required member (reported once, as null)",
        base: Base::Straight,
        mutate: |v| set(v, "/transportDocumentReference", Value::Null),
        expect: &[("null-value", "$.transportDocumentReference", Error)],
    },
    Case {
        name: "null and unknown members elsewhere are kept and not reported",
        base: Base::Straight,
        mutate: |v| {
            set(v, "/x-extension", json!({"note": null, "n": 1.0}));
            set(v, "/transports/futureMember", Value::Null);
        },
        expect: &[],
    },
    Case {
        name: "several problems are all reported",
        base: Base::Straight,
        mutate: |v| {
            remove(v, "/carrierCode");
            set(v, "/transportDocumentTypeCode", json!("SWB"));
            set(v, "/isToOrder", json!(true));
            set(v, "/charges/0/currencyCode", json!("EURO"));
            set(
                v,
                "/transports/portOfDischarge/UNLocationCode",
                json!("de brv"),
            );
        },
        expect: &[
            ("required", "$.carrierCode", Error),
            (
                "un-locode",
                "$.transports.portOfDischarge.UNLocationCode",
                Error,
            ),
            ("currency-code", "$.charges[0].currencyCode", Error),
            ("swb-to-order", "$.isToOrder", Error),
            (
                "notify-party-missing",
                "$.documentParties.notifyParties",
                Warning,
            ),
        ],
    },
];

fn base(which: Base) -> Value {
    match which {
        Base::Straight => clean_straight(),
        Base::ToOrder => clean_to_order(),
    }
}

#[test]
fn the_clean_bases_have_no_findings() {
    for which in [Base::Straight, Base::ToOrder] {
        let found = briefs(&base(which));
        assert_eq!(found, Vec::<Brief>::new());
    }
    assert!(doc(&clean_to_order()).is_negotiable());
    assert!(!doc(&clean_straight()).is_negotiable());
}

#[test]
fn each_broken_copy_gives_exactly_its_findings() {
    for case in CASES {
        let mut value = base(case.base);
        (case.mutate)(&mut value);
        let found = briefs(&value);
        let expected: Vec<Brief> = case
            .expect
            .iter()
            .map(|(code, path, severity)| brief(code, path, *severity))
            .collect();
        assert_eq!(found, expected, "case: {}", case.name);
        // However broken, the document still round-trips exactly.
        let doc = doc(&value);
        assert_eq!(doc.to_value(), value, "case: {}", case.name);
        assert_eq!(
            doc.canonical_bytes(),
            canonicalize(&value),
            "case: {}",
            case.name
        );
    }
}

#[test]
fn ensure_valid_refuses_errors_but_not_warnings() {
    assert!(doc(&clean_straight()).ensure_valid().is_ok());
    let mut warned = clean_to_order();
    remove(&mut warned, "/documentParties/notifyParties");
    assert!(doc(&warned).ensure_valid().is_ok());
    let mut broken = clean_straight();
    remove(&mut broken, "/carrierCode");
    remove(&mut broken, "/termsAndConditions");
    let err = doc(&broken).ensure_valid().expect_err("invalid");
    assert_eq!(err.code(), ErrorCode::ModelInvalid);
    let message = err.to_string();
    assert!(message.contains("2 error(s)"), "{message}");
    assert!(message.contains("$.termsAndConditions"), "{message}");
}

#[test]
fn null_members_are_listed_and_written_back() {
    let mut value = clean_straight();
    set(
        &mut value,
        "/documentParties/shipper/reference",
        Value::Null,
    );
    set(
        &mut value,
        "/consignmentItems/0/cargoItems/0/cargoNetWeight",
        Value::Null,
    );
    let doc = doc(&value);
    assert_eq!(
        doc.null_members(),
        [
            "$.documentParties.shipper.reference",
            "$.consignmentItems[0].cargoItems[0].cargoNetWeight"
        ]
    );
    assert_eq!(doc.to_value(), value);
    // Plain serde reads a null as absent: the value differs, which is why `from_value` exists.
    let plain: TransportDocument = serde_json::from_value(value.clone()).expect("serde");
    assert_ne!(plain.to_value(), value);
}

#[test]
fn a_member_of_the_wrong_type_is_an_error_with_its_path() {
    let cases: &[(&str, Value, &str)] = &[
        ("/isToOrder", json!("yes"), "$.isToOrder"),
        (
            "/transports/vesselVoyages",
            json!({}),
            "$.transports.vesselVoyages",
        ),
        (
            "/consignmentItems/0/cargoItems/0/cargoGrossWeight/value",
            json!("12000"),
            "$.consignmentItems[0].cargoItems[0].cargoGrossWeight.value",
        ),
        (
            "/consignmentItems/0/HSCodes/0",
            json!(640510),
            "$.consignmentItems[0].HSCodes[0]",
        ),
    ];
    for (pointer, bad, path) in cases {
        let mut value = clean_straight();
        *at(&mut value, pointer) = bad.clone();
        let err = TransportDocument::from_value(&value).expect_err(pointer);
        assert_eq!(err.code(), ErrorCode::JsonShape, "{pointer}");
        assert!(
            err.to_string().starts_with(&format!("{path}: ")),
            "{pointer}: {err}"
        );
    }
}

#[test]
fn not_an_object_and_strict_parsing_are_errors() {
    let err = TransportDocument::from_value(&json!(["a"])).expect_err("array");
    assert_eq!(err.code(), ErrorCode::ModelNotAnObject);
    let err = TransportDocument::from_json(br#"{"isToOrder": true, "isToOrder": false}"#)
        .expect_err("duplicate");
    assert_eq!(err.code(), ErrorCode::JsonDuplicateKey);
}
