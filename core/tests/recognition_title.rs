//! Recognition over a title history: `HistoryFacts::from_title` maps a replayed
//! `title::History` onto the facts the criteria read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use ebl::recognition::{
    CriterionId, CriterionStatus, Evidence, HistoryFacts, LegalEventKind, RecognitionInput,
    RecordStatus, SignatureEvidence, Verdict, recognize,
};
use ebl::title::{
    self, Event, EventSource, History, IdentifyingCode, Negotiability, PartyId, SignatureFact,
    replay,
};
use support::recognition::{Fixture, t, target_of};

fn party(name: &str, provider: &str, code: &str) -> PartyId {
    PartyId::dcsa("SGTD", name, [IdentifyingCode::new(provider, code)])
}

fn history(negotiability: Negotiability) -> History {
    let carrier = party("Carrier", "SMDG", "CARR");
    let shipper = party("Shipper", "LEI", "5493001KJTIIGC8Y1R12");
    let bank = party("Bank", "LEI", "5493001KJTIIGC8Y1R13");
    let mut h = History::new("HHL71800000", negotiability);
    h.carrier = Some(carrier.clone());
    let mut events = vec![
        Event::new(
            title::EventKind::Issue,
            carrier.clone(),
            Some(shipper.clone()),
            t("2026-10-01T08:00:00Z"),
        ),
        Event::new(
            title::EventKind::EndorseToOrder,
            shipper.clone(),
            Some(bank.clone()),
            t("2026-10-02T08:00:00Z"),
        ),
        Event::new(
            title::EventKind::Transfer,
            shipper,
            Some(bank.clone()),
            t("2026-10-02T09:00:00Z"),
        ),
        Event::new(
            title::EventKind::SurrenderForDelivery,
            bank.clone(),
            Some(carrier.clone()),
            t("2026-10-05T08:00:00Z"),
        ),
        Event::new(
            title::EventKind::SurrenderAccepted,
            carrier,
            Some(bank),
            t("2026-10-06T08:00:00Z"),
        ),
    ];
    for (i, e) in events.iter_mut().enumerate() {
        e.signed_by_actor = SignatureFact::Verified;
        e.source = EventSource::Pint {
            entry: i,
            transaction: 0,
            path: format!("$.envelopeTransferChain[{i}].transactions[0]"),
        };
    }
    events[0].document_checksum = Some("c1".into());
    h.events = events;
    h
}

fn input(fx: &Fixture, h: &History) -> RecognitionInput {
    let trust = fx.trust();
    let facts = HistoryFacts::from_title(h, &replay(h), &trust);
    let sgtd = fx.sgtd_key.public_key().thumbprint();
    let mut signatures: Vec<SignatureEvidence> = (0..facts.events.len())
        .map(|event| SignatureEvidence {
            event,
            algorithm: "ES256".into(),
            kid: Some(sgtd.clone()),
            signer: Some("SGTD".into()),
            verified: true,
        })
        .collect();
    signatures.push(SignatureEvidence {
        event: 0,
        algorithm: "ES256".into(),
        kid: Some(fx.carrier_key.public_key().thumbprint()),
        signer: Some("CARRIER".into()),
        verified: true,
    });
    RecognitionInput {
        document: Some(support::recognition::document()),
        history: facts,
        evidence: Evidence {
            signatures,
            consents: vec![],
            identity_proofs: vec![],
            governing_law: Some("SG".into()),
            registry_checked: true,
        },
    }
}

#[test]
fn title_parties_resolve_to_trust_store_parties() {
    let fx = Fixture::valid();
    let h = history(Negotiability::ToOrder);
    let facts = HistoryFacts::from_title(&h, &replay(&h), &fx.trust());
    let kinds: Vec<LegalEventKind> = facts.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            LegalEventKind::Issue,
            LegalEventKind::Endorse,
            LegalEventKind::Transfer,
            LegalEventKind::Surrender,
            LegalEventKind::SurrenderAccepted
        ]
    );
    assert_eq!(facts.events[0].actor.as_deref(), Some("CARRIER"));
    assert_eq!(facts.events[2].controller_after.parties, ["BANK"]);
    assert_eq!(facts.events[3].controller_after.parties, ["CARRIER"]);
    assert_eq!(facts.events[4].status_after, RecordStatus::Surrendered);
    assert!(facts.events[4].controller_after.is_empty());
    assert_eq!(facts.events[1].endorsee.as_deref(), Some("BANK"));
    assert_eq!(facts.to_order, Some(true));
    assert_eq!(facts.events[0].signed_by_actor, Some(true));
}

#[test]
fn a_replayed_title_history_is_recognised_and_a_straight_endorsement_is_not() {
    let fx = Fixture::valid();
    let trust = fx.trust();
    let ok = input(&fx, &history(Negotiability::ToOrder));
    for target in ["MLETR", "SG", "CN", "GB", "FR", "sg-cn-shenzhen/CN"] {
        let report = recognize(&ok, &trust, &target_of(target), fx.at).unwrap();
        assert_eq!(
            report.verdict,
            Verdict::RecognisedSubjectToReliability,
            "{target}: {:?}",
            report.decisive
        );
    }
    let straight = input(&fx, &history(Negotiability::Straight));
    let report = recognize(&straight, &trust, &target_of("SG"), fx.at).unwrap();
    // SG s.16K's wording is [R]: the failed endorsement leaves the verdict open.
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert_eq!(
        report
            .criterion(CriterionId::EndorsementRecorded)
            .unwrap()
            .status,
        CriterionStatus::NotSatisfied
    );
}
