//! Recognition from bytes (`recognize_bytes` and its steps), the target syntax with the rule
//! data's aliases, a user's own rule file, and the receiver's evidence file: the calls every
//! surface (CLI, C, Python) makes.
#![cfg(feature = "openattestation")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ebl::ErrorCode;
use ebl::recognition::{
    Catalogue, Evidence, LoadedRules, RecognitionError, RecognitionRequest, RecognitionRequestPart,
    prepare_recognition_input, recognize, recognize_bytes,
};
use ebl::trust::TrustStore;
use ebl::verify::VerifyContext;
use serde_json::{Value, json};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/");

fn read(file: &str) -> Vec<u8> {
    std::fs::read(format!("{ROOT}{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

const DOC: &str = "openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json";
const LOG: &str = "openattestation/sg-shenzhen-5kb.title-log.json";
const ENVELOPE: &str = "pint/valid-to-order-sg-to-shenzhen.json";

/// The receiver of the TradeTrust bill: its store, and the DNS answers for the issuer.
fn tradetrust_receiver() -> (VerifyContext, TrustStore) {
    let store = TrustStore::from_json(&read("recognition/tradetrust-sg.trust-store.json"), "store")
        .unwrap();
    let mut context = VerifyContext::at("2026-06-16T00:00:00Z".parse().unwrap());
    context.openattestation.dns_txt = Some(
        serde_json::from_slice(&read("openattestation/sg-shenzhen-5kb.dns-txt.json")).unwrap(),
    );
    (context, store)
}

fn evidence() -> Vec<u8> {
    json!({"governing_law": "sg", "registry_checked": true,
           "consents": [{"party": "BANK", "at": "2026-01-01T00:00:00Z", "basis": "platform terms"}]})
    .to_string()
    .into_bytes()
}

#[test]
fn one_call_gives_what_the_steps_give() {
    let (context, store) = tradetrust_receiver();
    let catalogue = Catalogue::embedded().unwrap();
    let (record, log, evidence) = (read(DOC), read(LOG), evidence());
    for target in ["SG", "CN", "sg-cn-shenzhen/CN"] {
        let request = RecognitionRequest {
            record: &record,
            title_log: Some(&log),
            evidence: Some(&evidence),
            governing_law: None,
            target,
        };
        let outcome = recognize_bytes(&request, &context, &store, &catalogue).unwrap();

        let (verification, mut input) =
            prepare_recognition_input(&record, Some(&log), &context, &store).unwrap();
        input
            .evidence
            .merge_receiver(Evidence::from_receiver_json(&evidence, &catalogue).unwrap());
        let report = recognize(
            &input,
            &store,
            &catalogue.target(target).unwrap(),
            context.at,
        )
        .unwrap();
        assert_eq!(outcome.verification, verification, "{target}");
        assert_eq!(outcome.report, report, "{target}");
        assert_eq!(input.evidence.governing_law.as_deref(), Some("SG"));

        let json = outcome.to_json_value();
        assert_eq!(json["verification"]["format"], "openattestation-v2");
        assert_eq!(json["verification"]["valid"], true);
        assert!(json["verification"].get("responseCode").is_none());
        assert_eq!(json["target"], target);
        assert_eq!(
            json["verdict"],
            serde_json::to_value(report.verdict).unwrap()
        );
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(
            keys[0], "verification",
            "verification first, then the report"
        );
    }
}

#[test]
fn the_governing_law_given_directly_overrides_the_evidence_file() {
    let (context, store) = tradetrust_receiver();
    let catalogue = Catalogue::embedded().unwrap();
    let (record, log, evidence) = (read(DOC), read(LOG), evidence());
    let mut request = RecognitionRequest {
        record: &record,
        title_log: Some(&log),
        evidence: Some(&evidence),
        target: "SG",
        ..RecognitionRequest::default()
    };
    let with_sg = recognize_bytes(&request, &context, &store, &catalogue).unwrap();
    request.governing_law = Some("Uk");
    let with_gb = recognize_bytes(&request, &context, &store, &catalogue).unwrap();
    let law = |r: &ebl::recognition::Report| {
        r.criteria
            .iter()
            .find(|c| c.id == "governing-law")
            .map(|c| c.reason.clone())
            .unwrap()
    };
    assert!(
        law(&with_gb.report).contains("GB"),
        "{}",
        law(&with_gb.report)
    );
    assert_ne!(law(&with_sg.report), law(&with_gb.report));
}

fn recognition_error(err: &ebl::Error) -> &RecognitionError {
    match err {
        ebl::Error::Recognition(e) => e,
        other => panic!("expected a recognition error, got {other:?}"),
    }
}

#[test]
fn the_record_and_its_side_inputs_are_refused_with_typed_errors() {
    let (context, store) = tradetrust_receiver();
    let prepare = |record: &[u8], log: Option<&[u8]>| {
        prepare_recognition_input(record, log, &context, &store).unwrap_err()
    };
    let err = prepare(&read(DOC), None);
    assert_eq!(recognition_error(&err), &RecognitionError::TitleLogMissing);
    assert_eq!(err.code(), ErrorCode::RecognitionInvalidInput);

    let log = read(LOG);
    let err = prepare(&read(ENVELOPE), Some(&log));
    assert!(matches!(
        recognition_error(&err),
        RecognitionError::TitleLogNotApplicable { format } if format == "dcsa-pint-envelope"
    ));

    let document = br#"{"transportDocumentReference": "X", "transportDocumentTypeCode": "BOL"}"#;
    let err = prepare(document, None);
    assert!(matches!(
        recognition_error(&err),
        RecognitionError::UnsupportedRecord { .. }
    ));
    assert_eq!(err.code(), ErrorCode::UnsupportedFormat);

    let err = prepare(&read(DOC), Some(b"{\"chainId\": 1"));
    assert!(matches!(
        recognition_error(&err),
        RecognitionError::RequestPartUnreadable {
            part: RecognitionRequestPart::TitleLog,
            ..
        }
    ));
    assert_eq!(
        err.code(),
        ErrorCode::JsonSyntax,
        "the log's own error code"
    );

    let err = prepare(b"not json", None);
    assert_eq!(err.code(), ErrorCode::JsonSyntax);
}

#[test]
fn evidence_files_cannot_claim_signatures_or_identity_proofs() {
    let catalogue = Catalogue::embedded().unwrap();
    let signature =
        json!({"event": 0, "algorithm": "EdDSA", "kid": "k", "signer": "ME", "verified": true});
    let proof = json!({"party": "ME", "method": "dns-txt", "subject": "example.com",
                       "key": "0x01", "verified": true});
    for (member, item) in [("signatures", signature), ("identity_proofs", proof)] {
        let file = json!({member: [item]}).to_string();
        let err = Evidence::from_receiver_json(file.as_bytes(), &catalogue).unwrap_err();
        assert_eq!(err.code(), ErrorCode::RecognitionInvalidInput, "{err}");
        assert!(err.to_string().contains(&format!("$.{member}")), "{err}");
        // An empty list claims nothing.
        let empty = json!({member: []}).to_string();
        assert!(Evidence::from_receiver_json(empty.as_bytes(), &catalogue).is_ok());
    }
    let err =
        Evidence::from_receiver_json(br#"{"registry_checked": "yes"}"#, &catalogue).unwrap_err();
    assert_eq!(err.code(), ErrorCode::JsonShape);
    assert!(err.to_string().contains("registry_checked"), "{err}");

    // Through recognize_bytes the error says it is the evidence.
    let (context, store) = tradetrust_receiver();
    let (record, log) = (read(DOC), read(LOG));
    let request = RecognitionRequest {
        record: &record,
        title_log: Some(&log),
        evidence: Some(br#"{"registry_checked": 1}"#),
        target: "SG",
        ..RecognitionRequest::default()
    };
    let err = recognize_bytes(&request, &context, &store, &catalogue).unwrap_err();
    assert!(matches!(
        recognition_error(&err),
        RecognitionError::RequestPartUnreadable {
            part: RecognitionRequestPart::Evidence,
            ..
        }
    ));
    assert!(err.to_string().starts_with("evidence: "), "{err}");
}

#[test]
fn merging_keeps_verified_facts_and_adds_the_receivers() {
    let mut found: Evidence = serde_json::from_value(json!({
        "governing_law": "SG", "registry_checked": true,
        "consents": [{"party": "A", "at": "2026-01-01T00:00:00Z", "basis": "x"}]
    }))
    .unwrap();
    let extra: Evidence = serde_json::from_value(json!({
        "consents": [{"party": "B", "at": "2026-01-02T00:00:00Z", "basis": "y"}]
    }))
    .unwrap();
    found.merge_receiver(extra);
    assert_eq!(found.consents.len(), 2);
    assert_eq!(
        found.governing_law.as_deref(),
        Some("SG"),
        "no law given: kept"
    );
    assert!(found.registry_checked, "a check made is not undone");
}

#[test]
fn targets_are_named_by_one_string_ignoring_case_with_aliases_from_the_rule_data() {
    let catalogue = Catalogue::embedded().unwrap();
    assert_eq!(catalogue.jurisdiction("GB").unwrap().aliases, ["UK"]);
    for (text, id, receiving, layers) in [
        ("CN", "CN", "CN", 1),
        (" cn ", "CN", "CN", 1),
        ("uk", "GB", "GB", 1),
        ("sg-cn-shenzhen/CN", "sg-cn-shenzhen/CN", "CN", 2),
        ("SG-CN-SHENZHEN/sg", "sg-cn-shenzhen/SG", "SG", 2),
    ] {
        let target = catalogue.target(text).unwrap();
        assert_eq!(
            (
                target.id.as_str(),
                target.receiving.as_str(),
                target.layers.len()
            ),
            (id, receiving, layers),
            "{text}"
        );
    }
    let err = catalogue.target("sg-cn-shenzhen").unwrap_err();
    assert!(matches!(
        recognition_error(&err),
        RecognitionError::AmbiguousTarget { sides, .. } if sides == &["SG", "CN"]
    ));
    for unknown in ["XX", "nope/CN", "sg-cn-shenzhen/FR", ""] {
        let err = catalogue.target(unknown).unwrap_err();
        assert_eq!(err.code(), ErrorCode::RulesUnknownReference, "{unknown}");
    }
    let listed = catalogue.target("XX").unwrap_err().to_string();
    for id in catalogue.target_ids() {
        assert!(listed.contains(&id), "{id} in {listed}");
    }
    assert!(listed.contains("UK"), "{listed}");
}

fn xl() -> Value {
    serde_json::from_slice(&read("recognition/xl.rules.json")).unwrap()
}

#[test]
fn a_users_jurisdiction_file_is_added_from_bytes_and_recognises() {
    let mut catalogue = Catalogue::embedded().unwrap();
    let added = catalogue.add_rules(&read("recognition/xl.rules.json"), "xl.rules.json");
    assert_eq!(added.unwrap(), LoadedRules::Jurisdiction("XL".into()));
    assert_eq!(catalogue.target("xanadu").unwrap().id, "XL");
    assert_eq!(catalogue.law_id("XANADU"), "XL");

    let (context, store) = tradetrust_receiver();
    let (record, log, evidence) = (read(DOC), read(LOG), evidence());
    let request = RecognitionRequest {
        record: &record,
        title_log: Some(&log),
        evidence: Some(&evidence),
        target: "Xanadu",
        ..RecognitionRequest::default()
    };
    let outcome = recognize_bytes(&request, &context, &store, &catalogue).unwrap();
    assert_eq!(outcome.report.receiving, "XL");
    assert!(
        outcome
            .report
            .rules
            .iter()
            .any(|r| r.id == "XL" && r.version == "test-1")
    );
    // Its cells are MLETR's, so it judges the record as the MLETR baseline does, up to the
    // regime (in force from 2020 here).
    let baseline = recognize_bytes(
        &RecognitionRequest {
            target: "MLETR",
            ..request
        },
        &context,
        &store,
        &catalogue,
    )
    .unwrap();
    let statuses = |r: &ebl::recognition::Report| {
        r.criteria
            .iter()
            .map(|c| (c.id.clone(), c.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses(&outcome.report), statuses(&baseline.report));
    assert_eq!(outcome.report.verdict, baseline.report.verdict);
}

#[test]
fn an_agreement_file_is_added_from_bytes_too() {
    let mut catalogue = Catalogue::new();
    for file in ["sg", "cn"] {
        let path = format!(
            "{}/rules/jurisdictions/{file}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        catalogue
            .add_rules(&std::fs::read(&path).unwrap(), &path)
            .unwrap();
    }
    let path = format!(
        "{}/rules/agreements/sg-cn-shenzhen.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let added = catalogue
        .add_rules(&std::fs::read(&path).unwrap(), &path)
        .unwrap();
    assert_eq!(added, LoadedRules::Agreement("sg-cn-shenzhen".into()));
    assert_eq!(
        catalogue.target("sg-cn-shenzhen/cn").unwrap().layers.len(),
        2
    );
}

#[test]
fn rule_files_with_bad_schemas_or_clashing_names_are_refused_where_they_are_wrong() {
    let mut catalogue = Catalogue::embedded().unwrap();
    let add = |catalogue: &mut Catalogue, value: &Value| {
        catalogue
            .add_rules(value.to_string().as_bytes(), "mine.json")
            .unwrap_err()
    };
    let mut other = xl();
    other["schema"] = json!("ebl-recognition-rules/9");
    let err = add(&mut catalogue, &other);
    assert_eq!(err.code(), ErrorCode::RulesInvalid);
    assert!(
        err.to_string().starts_with("mine.json: $.schema: "),
        "{err}"
    );

    for (aliases, fragment) in [
        (json!(["XL"]), "repeats"),
        (json!(["a", "A"]), "repeats"),
        (json!(["x/y"]), "'/'"),
        (json!([""]), "non-empty"),
        (json!("Xanadu"), "aliases"),
    ] {
        let mut bad = xl();
        bad["aliases"] = aliases.clone();
        let err = add(&mut catalogue, &bad);
        assert_eq!(err.code(), ErrorCode::RulesInvalid, "{aliases}");
        assert!(err.to_string().contains("$.aliases"), "{aliases}: {err}");
        assert!(err.to_string().contains(fragment), "{aliases}: {err}");
    }
    // A name that already names another jurisdiction would make targets ambiguous.
    for alias in ["gb", "UK"] {
        let mut clash = xl();
        clash["aliases"] = json!([alias]);
        let err = add(&mut catalogue, &clash);
        assert!(
            err.to_string().contains("already names jurisdiction 'GB'"),
            "{err}"
        );
    }
    assert!(
        catalogue.find_jurisdiction("XL").is_none(),
        "nothing refused was added"
    );
    // Replacing a jurisdiction by its id keeps working, aliases included.
    let mut newer: Value =
        serde_json::from_str(include_str!("../rules/jurisdictions/gb.json")).unwrap();
    newer["version"] = json!("next");
    catalogue
        .add_rules(newer.to_string().as_bytes(), "gb-next.json")
        .unwrap();
    assert_eq!(
        catalogue.target("UK").unwrap().layers[0].source.version,
        "next"
    );
}
