//! One test per criterion: the valid hand-built history satisfies it, and a change that
//! breaks exactly that property makes it `not-satisfied` (or `indeterminate` where the
//! criterion can only ever be undecided, such as reliability evidence).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use ebl::recognition::CriterionId as C;
use ebl::recognition::CriterionStatus::{
    self, Indeterminate, NotApplicable, NotSatisfied, Satisfied,
};
use serde_json::{Value, json};
use support::recognition::{Fixture, rsa_platform_jwk, t};

fn status(fx: &Fixture, target: &str, c: C) -> CriterionStatus {
    fx.status(target, c)
}

/// The status of `c` in the agreement layer of the SG–CN target (CN side).
fn agreement_status(fx: &Fixture, c: C) -> CriterionStatus {
    let report = fx.report("sg-cn-shenzhen/CN");
    report
        .criteria
        .iter()
        .find(|r| r.criterion == c && r.source == "sg-cn-shenzhen")
        .unwrap()
        .status
}

fn broken(change: impl FnOnce(&mut Fixture)) -> Fixture {
    let mut fx = Fixture::valid();
    change(&mut fx);
    fx
}

#[test]
fn every_criterion_is_satisfied_by_the_valid_history() {
    let fx = Fixture::valid();
    for target in ["MLETR", "SG", "CN", "GB", "FR"] {
        let report = fx.report(target);
        // No shipped jurisdiction lists accepted algorithms (only the agreement does), so that
        // criterion is undecided, and harmless, under each of them. The history has no
        // amendment and no change of medium: those criteria are not applicable, not satisfied.
        let no_event = [
            C::AmendmentsIdentified,
            C::PaperToElectronic,
            C::ElectronicToPaper,
        ];
        for c in report
            .criteria
            .iter()
            .filter(|c| c.criterion != C::AcceptedAlgorithm)
        {
            let expected = if no_event.contains(&c.criterion) {
                NotApplicable
            } else {
                Satisfied
            };
            assert_eq!(c.status, expected, "{target} {}: {}", c.criterion, c.reason);
        }
    }
}

#[test]
fn required_content() {
    let fx = broken(|fx| {
        fx.input["document"]
            .as_object_mut()
            .unwrap()
            .remove("transportDocumentReference");
    });
    // The field list is a proxy for the statutory test: a missing field is indeterminate.
    assert_eq!(status(&fx, "MLETR", C::RequiredContent), Indeterminate);
    let reason = fx
        .report("MLETR")
        .criterion(C::RequiredContent)
        .unwrap()
        .reason
        .clone();
    assert!(reason.contains("transportDocumentReference"), "{reason}");
    assert!(reason.contains("proxy"), "{reason}");
    // The agreement adds fields: a document without a place of issue fails only there.
    let fx = broken(|fx| {
        fx.input["document"]
            .as_object_mut()
            .unwrap()
            .remove("placeOfIssue");
    });
    assert_eq!(status(&fx, "SG", C::RequiredContent), Satisfied);
    assert_eq!(agreement_status(&fx, C::RequiredContent), NotSatisfied);
    let fx = broken(|fx| {
        fx.input.as_object_mut().unwrap().remove("document");
    });
    assert_eq!(status(&fx, "SG", C::RequiredContent), Indeterminate);
}

#[test]
fn singularity() {
    let fx = broken(|fx| {
        fx.input["history"]["conflicts"] =
            json!([{"event": 2, "description": "double spend on a second platform"}]);
    });
    assert_eq!(status(&fx, "SG", C::Singularity), NotSatisfied);
    let fx = broken(|fx| fx.evidence()["registry_checked"] = json!(false));
    assert_eq!(status(&fx, "SG", C::Singularity), Indeterminate);
}

#[test]
fn integrity() {
    let fx = broken(|fx| fx.signatures()[1]["verified"] = json!(false));
    assert_eq!(status(&fx, "GB", C::Integrity), NotSatisfied);
    let fx = broken(|fx| fx.events()[2]["document_checksum"] = json!("c2"));
    assert_eq!(status(&fx, "GB", C::Integrity), NotSatisfied);
    let fx = broken(|fx| fx.events()[3]["previous_link_ok"] = json!(false));
    assert_eq!(status(&fx, "GB", C::Integrity), NotSatisfied);
    let fx = broken(|fx| fx.signatures().retain(|s| s["event"] != 2));
    assert_eq!(status(&fx, "GB", C::Integrity), Indeterminate);
}

#[test]
fn controllability() {
    // A history that does not start with the creation is partial: indeterminate.
    let fx = broken(|fx| fx.events()[0]["kind"] = json!("transfer"));
    assert_eq!(status(&fx, "MLETR", C::Controllability), Indeterminate);
    let fx = broken(|fx| fx.events()[2]["controller_after"] = json!({"parties": []}));
    assert_eq!(status(&fx, "MLETR", C::Controllability), NotSatisfied);
}

#[test]
fn single_holder() {
    let fx =
        broken(|fx| fx.events()[2]["controller_after"] = json!({"parties": ["BANK", "SHIPPER"]}));
    assert_eq!(status(&fx, "GB", C::SingleHolder), NotSatisfied);
    let fx = broken(|fx| {
        fx.events()[2]["controller_after"] = json!({"parties": ["BANK", "SHIPPER"], "joint": true});
    });
    assert_eq!(status(&fx, "GB", C::SingleHolder), Satisfied);
}

#[test]
fn identifiable_controller() {
    let stranger = |fx: &mut Fixture| {
        fx.events()[2]["controller_after"] = json!({"parties": ["STRANGER"]});
        fx.events()[3]["controller_before"] = json!({"parties": ["STRANGER"]});
    };
    let fx = broken(stranger);
    assert_eq!(status(&fx, "SG", C::IdentifiableController), NotSatisfied);
    let fx = broken(|fx| {
        stranger(fx);
        fx.input["history"]["parties"] = json!([{"id": "STRANGER", "identifiers": [{"scheme": "LEI", "value": "5493001KJTIIGC8Y1R99"}]}]);
    });
    assert_eq!(status(&fx, "SG", C::IdentifiableController), Satisfied);
}

#[test]
fn transfer_divests() {
    let fx = broken(|fx| fx.events()[2]["controller_after"] = json!({"parties": ["SHIPPER"]}));
    assert_eq!(status(&fx, "SG", C::TransferDivests), NotSatisfied);
    // The shipper acts again after transferring to the bank.
    let fx = broken(|fx| fx.events()[3]["actor"] = json!("SHIPPER"));
    let report = fx.report("SG");
    let c = report.criterion(C::TransferDivests).unwrap();
    assert_eq!(c.status, NotSatisfied);
    assert!(
        c.reason.contains("'SHIPPER' acted at event 3"),
        "{}",
        c.reason
    );
}

#[test]
fn holder_signed_transfers() {
    let fx = broken(|fx| fx.events()[2]["actor"] = json!("BANK"));
    assert_eq!(status(&fx, "GB", C::HolderSignedTransfers), NotSatisfied);
    let fx = broken(|fx| fx.signatures().retain(|s| s["event"] != 2));
    assert_eq!(status(&fx, "GB", C::HolderSignedTransfers), Indeterminate);
    let fx = broken(|fx| fx.events()[2]["signed_by_actor"] = json!(false));
    assert_eq!(status(&fx, "GB", C::HolderSignedTransfers), NotSatisfied);
}

#[test]
fn endorsement_recorded() {
    let fx = broken(|fx| fx.input["history"]["to_order"] = json!(false));
    assert_eq!(status(&fx, "SG", C::EndorsementRecorded), NotSatisfied);
    let fx = broken(|fx| fx.events()[1]["actor"] = json!("BANK"));
    assert_eq!(status(&fx, "SG", C::EndorsementRecorded), NotSatisfied);
    let fx = broken(|fx| {
        fx.input["history"]
            .as_object_mut()
            .unwrap()
            .remove("to_order");
    });
    assert_eq!(status(&fx, "SG", C::EndorsementRecorded), Indeterminate);
}

#[test]
fn reliable_signature() {
    let fx = broken(|fx| {
        let kid = fx.sgtd_key.public_key().thumbprint();
        fx.sgtd["revocations"] =
            json!([{"kid": kid, "at": "2026-10-02T08:30:00Z", "reason": "key compromise"}]);
    });
    let report = fx.report("SG");
    let c = report.criterion(C::ReliableSignature).unwrap();
    assert_eq!(c.status, NotSatisfied);
    assert!(c.reason.contains("revoked"), "{}", c.reason);
    // Events before the revocation are still attributable.
    assert_eq!(c.events[0].status, Satisfied);
    let fx = broken(|fx| fx.signatures()[0]["signer"] = json!("CARRIER"));
    assert_eq!(status(&fx, "SG", C::ReliableSignature), NotSatisfied);
    let fx = broken(|fx| fx.signatures()[0]["kid"] = json!("unknown-key"));
    assert_eq!(status(&fx, "SG", C::ReliableSignature), Indeterminate);
}

#[test]
fn accepted_algorithm() {
    let fx = Fixture::valid();
    assert_eq!(agreement_status(&fx, C::AcceptedAlgorithm), Satisfied);
    assert_eq!(
        status(&fx, "MLETR", C::AcceptedAlgorithm),
        Indeterminate,
        "no list in MLETR"
    );
    let fx = broken(|fx| {
        fx.sgtd["keys"] = json!([{"jwk": rsa_platform_jwk(), "binding": "direct"}]);
        for s in fx.signatures().iter_mut().filter(|s| s["signer"] == "SGTD") {
            s["algorithm"] = json!("RS256");
            s["kid"] = json!("cbnuKK2OdATnMnmf");
        }
    });
    assert_eq!(agreement_status(&fx, C::AcceptedAlgorithm), NotSatisfied);
}

#[test]
fn issuer_identity() {
    let fx = Fixture::valid();
    assert_eq!(agreement_status(&fx, C::IssuerIdentity), Satisfied);
    let fx = broken(|fx| fx.signatures().retain(|s| s["signer"] != "CARRIER"));
    assert_eq!(status(&fx, "SG", C::IssuerIdentity), Indeterminate);
    // The "carrier" signature was made with the platform's key.
    let fx = broken(|fx| {
        let kid = fx.sgtd_key.public_key().thumbprint();
        let last = fx.signatures().len() - 1;
        fx.signatures()[last]["kid"] = json!(kid);
    });
    assert_eq!(status(&fx, "SG", C::IssuerIdentity), NotSatisfied);
}

#[test]
fn reliability_evidence() {
    let fx = broken(|fx| fx.sgtd["evidence"] = json!([]));
    assert_eq!(status(&fx, "MLETR", C::ReliabilityEvidence), Indeterminate);
}

#[test]
fn approved_list() {
    let fx = broken(|fx| {
        let keep: Vec<Value> = fx.sgtd["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["scheme"] != "sg-eta-s16q")
            .cloned()
            .collect();
        fx.sgtd["evidence"] = Value::Array(keep);
    });
    assert_eq!(status(&fx, "SG", C::ApprovedList), NotSatisfied);
    let fx = broken(|fx| {
        for e in fx.sgtd["evidence"].as_array_mut().unwrap() {
            if e["scheme"] == "fr-decret-2025-811" {
                e["significant_reservation"] = json!(true);
            }
        }
    });
    assert_eq!(status(&fx, "FR", C::ApprovedList), NotSatisfied);
}

#[test]
fn timestamps() {
    // Art. 13 / s.16J apply where the law requires or permits an indication of time: a
    // problem is indeterminate, naming the condition.
    let fx = broken(|fx| fx.events()[2]["at"] = json!("2026-10-01T00:00:00Z"));
    assert_eq!(status(&fx, "SG", C::Timestamps), Indeterminate);
    let reason = fx
        .report("SG")
        .criterion(C::Timestamps)
        .unwrap()
        .reason
        .clone();
    assert!(reason.contains("requires or permits"), "{reason}");
    let fx = broken(|fx| fx.at = t("2026-10-03T00:00:00Z"));
    assert_eq!(
        status(&fx, "SG", C::Timestamps),
        Indeterminate,
        "events after the evaluation time"
    );
    let fx = broken(|fx| fx.events()[1]["time_source"] = json!("unsigned"));
    assert_eq!(status(&fx, "SG", C::Timestamps), Indeterminate);
}

#[test]
fn place_indicated() {
    let fx = broken(|fx| {
        fx.input["document"]
            .as_object_mut()
            .unwrap()
            .remove("placeOfIssue");
    });
    assert_eq!(status(&fx, "SG", C::PlaceIndicated), Indeterminate);
}

fn with_amendment(actor: &str, checksum: Option<&str>) -> Fixture {
    broken(|fx| {
        let mut amend = json!({
            "kind": "amend", "at": "2026-10-03T08:00:00Z", "time_source": "signed", "platform": "SGTD",
            "actor": actor, "controller_before": {"parties": ["BANK"]}, "controller_after": {"parties": ["BANK"]}
        });
        if let Some(c) = checksum {
            amend["document_checksum"] = json!(c);
        }
        fx.events().insert(3, amend);
    })
}

#[test]
fn amendments_identified() {
    assert_eq!(
        status(
            &with_amendment("CARRIER", Some("c2")),
            "SG",
            C::AmendmentsIdentified
        ),
        Satisfied
    );
    // Who may amend is for the platform's rulebook, not the statute (MLETR art. 16).
    assert_eq!(
        status(
            &with_amendment("BANK", Some("c2")),
            "SG",
            C::AmendmentsIdentified
        ),
        Satisfied
    );
    assert_eq!(
        status(
            &with_amendment("CARRIER", None),
            "SG",
            C::AmendmentsIdentified
        ),
        Indeterminate
    );
}

fn converted_from_paper(change: Value) -> Fixture {
    broken(|fx| {
        fx.events()[0]["kind"] = json!("convert-from-paper");
        fx.events()[0]["change_of_medium"] = change;
    })
}

#[test]
fn paper_to_electronic() {
    let ok = converted_from_paper(
        json!({"statement": true, "reference": "PAPER-1", "old_medium_inoperative": true}),
    );
    assert_eq!(status(&ok, "MLETR", C::PaperToElectronic), Satisfied);
    // Singapore requires full reproduction (s.16M(2)(a)).
    assert_eq!(status(&ok, "SG", C::PaperToElectronic), Indeterminate);
    let partial = converted_from_paper(
        json!({"statement": true, "old_medium_inoperative": true, "full_reproduction": false}),
    );
    assert_eq!(status(&partial, "MLETR", C::PaperToElectronic), Satisfied);
    assert_eq!(status(&partial, "SG", C::PaperToElectronic), NotSatisfied);
    let silent = converted_from_paper(json!({"statement": false, "old_medium_inoperative": true}));
    assert_eq!(status(&silent, "MLETR", C::PaperToElectronic), NotSatisfied);
    let live_paper =
        converted_from_paper(json!({"statement": true, "old_medium_inoperative": false}));
    assert_eq!(
        status(&live_paper, "MLETR", C::PaperToElectronic),
        NotSatisfied
    );
}

fn converted_to_paper(statement: bool, later_event: bool) -> Fixture {
    broken(|fx| {
        fx.events()[4] = json!({
            "kind": "convert-to-paper", "at": "2026-10-06T08:00:00Z", "time_source": "signed",
            "platform": "SGTD", "actor": "CARRIER", "controller_before": {"parties": ["CARRIER"]},
            "status_after": "converted-to-paper", "change_of_medium": {"statement": statement}
        });
        if later_event {
            fx.events().push(json!({"kind": "sign", "at": "2026-10-07T08:00:00Z", "platform": "SGTD", "actor": "CARRIER"}));
        }
    })
}

#[test]
fn electronic_to_paper() {
    assert_eq!(
        status(&converted_to_paper(true, false), "SG", C::ElectronicToPaper),
        Satisfied
    );
    assert_eq!(
        status(
            &converted_to_paper(false, false),
            "SG",
            C::ElectronicToPaper
        ),
        NotSatisfied
    );
    assert_eq!(
        status(&converted_to_paper(true, true), "SG", C::ElectronicToPaper),
        NotSatisfied
    );
}

#[test]
fn terminal_states() {
    let fx = broken(|fx| {
        fx.events().push(
            json!({"kind": "transfer", "at": "2026-10-07T08:00:00Z", "platform": "SGTD",
            "actor": "BANK", "controller_after": {"parties": ["CONSIGNEE"]}}),
        );
    });
    let report = fx.report("GB");
    let c = report.criterion(C::TerminalStates).unwrap();
    assert_eq!(c.status, NotSatisfied);
    assert!(
        c.reason
            .contains("after the record ceased to have effect at event 4"),
        "{}",
        c.reason
    );
}

#[test]
fn consent() {
    let fx = broken(|fx| {
        fx.evidence()["consents"] = json!([{"party": "BANK", "at": "2026-09-30T00:00:00Z", "basis": "declined platform terms", "refused": true}]);
    });
    assert_eq!(status(&fx, "SG", C::Consent), NotSatisfied);
    // Without records, consent is inferred from signed conduct ...
    let fx = broken(|fx| fx.evidence()["consents"] = json!([]));
    assert_eq!(status(&fx, "SG", C::Consent), Satisfied);
    // ... but not for a party that never acted with a verified signature.
    let fx = broken(|fx| {
        fx.evidence()["consents"] = json!([]);
        fx.signatures().retain(|s| s["event"] != 3);
    });
    assert_eq!(status(&fx, "SG", C::Consent), Indeterminate);
}

#[test]
fn governing_law() {
    let fx = broken(|fx| {
        fx.evidence()
            .as_object_mut()
            .unwrap()
            .remove("governing_law");
    });
    assert_eq!(status(&fx, "SG", C::GoverningLaw), Indeterminate);
    let fx = broken(|fx| fx.evidence()["governing_law"] = json!("CN"));
    assert_eq!(status(&fx, "SG", C::GoverningLaw), Satisfied);
    // A Chinese-law bill issued before the revised Maritime Code.
    let fx = broken(|fx| {
        fx.evidence()["governing_law"] = json!("CN");
        fx.events()[0]["at"] = json!("2026-03-01T00:00:00Z");
    });
    // A conflict-of-laws question (legal.md row 23, "≈ (PIL)"): indeterminate, not a block.
    assert_eq!(status(&fx, "SG", C::GoverningLaw), Indeterminate);
    let reason = fx
        .report("SG")
        .criterion(C::GoverningLaw)
        .unwrap()
        .reason
        .clone();
    assert!(reason.contains("conflict-of-laws"), "{reason}");
    let fx = broken(|fx| fx.evidence()["governing_law"] = json!("XX"));
    assert_eq!(status(&fx, "SG", C::GoverningLaw), Indeterminate);
}

#[test]
fn data_protection() {
    let fx = broken(|fx| {
        for e in fx.sgtd["evidence"].as_array_mut().unwrap() {
            if e["kind"] == "data-protection" {
                e["details"] = json!(["CN-CSL", "CN-DSL"]);
            }
        }
    });
    assert_eq!(status(&fx, "CN", C::DataProtection), Indeterminate);
    assert_eq!(
        fx.report("CN").verdict,
        ebl::recognition::Verdict::Indeterminate
    );
    assert_eq!(
        status(&fx, "FR", C::DataProtection),
        Satisfied,
        "any declaration in FR"
    );
}

#[test]
fn bad_input_is_an_error_not_a_verdict() {
    let fx = broken(|fx| fx.signatures()[0]["event"] = json!(42));
    let err = ebl::recognition::recognize(
        &fx.recognition_input(),
        &fx.trust(),
        &support::recognition::target_of("SG"),
        fx.at,
    )
    .unwrap_err();
    assert_eq!(err.code(), ebl::ErrorCode::RecognitionInvalidInput);
    assert!(
        err.to_string().contains("$.evidence.signatures[0].event"),
        "{err}"
    );
    let fx = broken(|fx| fx.events().clear());
    let err = ebl::recognition::recognize(
        &fx.recognition_input(),
        &fx.trust(),
        &support::recognition::target_of("SG"),
        fx.at,
    )
    .unwrap_err();
    assert_eq!(err.code(), ebl::ErrorCode::RecognitionInvalidInput);
}
