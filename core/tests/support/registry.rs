//! The registry conformance suite, written once and run against every backend
//! (`registry_sqlite.rs`, `registry_postgres.rs`): each case takes a fresh registry from the
//! backend's factory and drives it through `pint::receive_envelope_recorded`, the way a
//! receiving platform does.

use ebl::pint::{
    DocumentMetadata, DuplicatePolicy, EblEnvelope, EnvelopeBuilder, EnvelopeVerifyOptions,
    Issuance, PintTrust, ReceivedEnvelope, ResponseCode, Signer, Transaction, TransactionParty,
    receive_envelope_recorded, upload_document_recorded, verify_response,
};
use ebl::title::{
    AcceptedTransfer, Event, EventKind, History, Negotiability, PartyId, Registry, TradeTrustTitle,
};
use ring::rand::SystemRandom;

use super::{at, party, signer};

/// The keys and parties of the registry cases: a carrier and platform SGP1 (one key, seed 41)
/// send to platform SZP1 (seed 42), which receives.
pub struct Platforms {
    pub sgp1: Signer,
    pub szp1: Signer,
    pub trust: PintTrust,
    pub rng: SystemRandom,
}

impl Default for Platforms {
    fn default() -> Platforms {
        let (sgp1, szp1) = (signer(41), signer(42));
        let mut trust = PintTrust::default();
        trust
            .trust_platform_key("SGP1", sgp1.key.public_key().clone())
            .unwrap();
        trust
            .trust_platform_key("SZP1", szp1.key.public_key().clone())
            .unwrap();
        Platforms {
            sgp1,
            szp1,
            trust,
            rng: SystemRandom::new(),
        }
    }
}

pub const INVOICE: &[u8] = b"commercial invoice 42, 3 pallets of servo drives";

fn shipper() -> TransactionParty {
    party("SGP1", "Straits Precision", "straits")
}

pub fn szp1_party(code: &str) -> TransactionParty {
    party("SZP1", code, code)
}

impl Platforms {
    /// A bill `reference` issued on SGP1 to the shipper (not sealed).
    pub fn issued(&self, reference: &str) -> EnvelopeBuilder {
        let td = serde_json::json!({"transportDocumentReference": reference, "isToOrder": false});
        let carrier = party("SGP1", "Lion City Ocean Lines", "lcol");
        let issuance = Issuance::new(carrier, shipper(), at("2026-06-14T09:30:00Z"));
        EnvelopeBuilder::issue(td, issuance, &self.sgp1, &self.sgp1, &self.rng).unwrap()
    }

    /// Bill `reference` transferred by the shipper to `buyer` on SZP1, declaring `documents`.
    pub fn transfer(
        &self,
        reference: &str,
        buyer: &str,
        documents: Vec<DocumentMetadata>,
    ) -> EblEnvelope {
        let mut builder = self.issued(reference);
        builder
            .record(
                "SGP1",
                vec![Transaction::transfer(
                    shipper(),
                    szp1_party(buyer),
                    at("2026-06-16T06:45:00Z"),
                )],
                &self.sgp1,
                &self.rng,
            )
            .unwrap();
        builder.seal(&self.sgp1, documents, &self.rng).unwrap()
    }

    pub fn options(&self) -> EnvelopeVerifyOptions {
        EnvelopeVerifyOptions::receiving("SZP1", at("2026-06-16T07:00:00Z"), [])
    }

    /// SZP1 receives `envelope` with `registry`.
    pub fn receive(&self, registry: &dyn Registry, envelope: &EblEnvelope) -> ReceivedEnvelope {
        self.receive_with(registry, envelope, DuplicatePolicy::SameEntry)
    }

    pub fn receive_with(
        &self,
        registry: &dyn Registry,
        envelope: &EblEnvelope,
        policy: DuplicatePolicy,
    ) -> ReceivedEnvelope {
        receive_envelope_recorded(
            envelope.to_json_pretty().as_bytes(),
            &self.trust,
            &self.options(),
            &self.szp1,
            &self.rng,
            registry,
            policy,
        )
        .unwrap()
    }

    /// What the sender reads from the signed answer (checked with SZP1's key).
    pub fn answer(
        &self,
        envelope: &EblEnvelope,
        received: &ReceivedEnvelope,
    ) -> ebl::pint::EnvelopeTransferFinishedResponse {
        let mut receiver = PintTrust::default();
        receiver
            .trust_platform_key("SZP1", self.szp1.key.public_key().clone())
            .unwrap();
        let last =
            ebl::checksum::sha256_hex(envelope.envelope_transfer_chain.last().unwrap().as_bytes());
        verify_response(
            &received.response,
            &receiver.verifier,
            at("2026-06-16T07:00:00Z"),
            &last,
        )
        .unwrap()
    }
}

fn code(received: &ReceivedEnvelope) -> ResponseCode {
    received.report.response_code
}

/// Every case of the suite, each on a fresh registry from `fresh`.
pub fn conformance<R: Registry>(mut fresh: impl FnMut() -> R) {
    accept_then_resend_is_dupe_with_the_earlier_entry(&fresh());
    a_forked_continuation_is_dise(&fresh());
    missing_documents_then_upload_then_rece(&fresh());
    an_eBL_that_comes_back_is_a_new_transfer(&fresh());
    an_older_state_of_an_accepted_chain_is_dise(&fresh());
    a_live_tradetrust_record_with_another_holder_is_dise(&fresh());
    a_surrendered_tradetrust_record_does_not_dispute(&fresh());
    a_bad_envelope_is_not_recorded(&fresh());
    the_same_sequence_is_recorded_once(&fresh());
    the_receive_snapshot_is_the_three_reads(&fresh());
}

pub fn accept_then_resend_is_dupe_with_the_earlier_entry(registry: &dyn Registry) {
    let p = Platforms::default();
    let envelope = p.transfer("REG-DUPE", "qianhai", Vec::new());
    let first = p.receive(registry, &envelope);
    assert_eq!(
        code(&first),
        ResponseCode::Received,
        "{:#?}",
        first.report.findings
    );
    let again = p.receive(registry, &envelope);
    assert_eq!(code(&again), ResponseCode::Duplicate);
    let answer = p.answer(&envelope, &again);
    assert_eq!(answer.response_code, ResponseCode::Duplicate);
    assert_eq!(
        answer
            .duplicate_of_accepted_envelope_transfer_chain_entry_signed_content
            .as_deref(),
        envelope.envelope_transfer_chain.last().map(String::as_str)
    );
    assert!(answer.transfer_done(), "the sender treats DUPE as done");
    let history = registry
        .history(&first.report.transport_document_checksum)
        .unwrap();
    assert_eq!(history.len(), 1, "a duplicate is not recorded again");
    assert_eq!(
        history[0].response, first.response,
        "the answer given is kept"
    );
    assert_eq!(history[0].sequence, 1);
    assert!(
        history[0]
            .holder
            .as_ref()
            .is_some_and(|h| h.codes.iter().any(|c| c.code == "qianhai"))
    );
}

pub fn a_forked_continuation_is_dise(registry: &dyn Registry) {
    let p = Platforms::default();
    let accepted = p.transfer("REG-FORK", "qianhai", Vec::new());
    let fork = p.transfer("REG-FORK", "other-buyer", Vec::new());
    assert_eq!(
        accepted.envelope_transfer_chain[0],
        fork.envelope_transfer_chain[0]
    );
    assert_eq!(
        code(&p.receive(registry, &accepted)),
        ResponseCode::Received
    );
    let disputed = p.receive(registry, &fork);
    assert_eq!(code(&disputed), ResponseCode::DisputedEnvelope);
    let finding = &disputed.report.findings[0];
    assert_eq!(
        (finding.code.as_str(), finding.entry),
        ("chain-disputed", Some(1))
    );
    assert_eq!(finding.path, "$.envelopeTransferChain[1]");
    let answer = p.answer(&fork, &disputed);
    assert!(!answer.transfer_done());
    assert!(answer.reason.unwrap().contains("double spend"));
    assert_eq!(
        registry
            .history(&disputed.report.transport_document_checksum)
            .unwrap()
            .len(),
        1
    );
}

pub fn missing_documents_then_upload_then_rece(registry: &dyn Registry) {
    let p = Platforms::default();
    let invoice = DocumentMetadata::for_file("invoice.txt", INVOICE);
    let envelope = p.transfer("REG-DOCS", "qianhai", vec![invoice.clone()]);
    let last = ebl::checksum::sha256_hex(envelope.envelope_transfer_chain[1].as_bytes());
    let missing = p.receive(registry, &envelope);
    assert_eq!(code(&missing), ResponseCode::MissingDocuments);
    assert_eq!(
        missing.report.missing_documents,
        vec![invoice.document_checksum.clone()]
    );
    assert_eq!(
        p.answer(&envelope, &missing)
            .missing_additional_document_checksums,
        vec![invoice.document_checksum.clone()]
    );

    let body = |bytes: &[u8]| format!("\"{}\"", ebl::crypto::b64::encode_standard(bytes));
    let wrong = upload_document_recorded(
        registry,
        &last,
        &invoice.document_checksum,
        body(b"a different invoice").as_bytes(),
    )
    .unwrap();
    assert_eq!(
        wrong.response_code,
        Some(ResponseCode::InconclusiveDocument)
    );
    assert_eq!(wrong.findings[0].code, "document-checksum-mismatch");
    assert_eq!(
        code(&p.receive(registry, &envelope)),
        ResponseCode::MissingDocuments,
        "a refused upload is not stored"
    );
    let unknown = upload_document_recorded(
        registry,
        &"0".repeat(64),
        &invoice.document_checksum,
        body(INVOICE).as_bytes(),
    )
    .unwrap_err();
    assert_eq!(unknown.code(), ebl::ErrorCode::RegistryUnknownTransfer);

    let right = upload_document_recorded(
        registry,
        &last,
        &invoice.document_checksum,
        body(INVOICE).as_bytes(),
    )
    .unwrap();
    assert!(right.is_accepted(), "{:?}", right.findings);
    let received = p.receive(registry, &envelope);
    assert_eq!(
        code(&received),
        ResponseCode::Received,
        "{:#?}",
        received.report.findings
    );
    assert_eq!(
        p.answer(&envelope, &received)
            .received_additional_document_checksums,
        vec![invoice.document_checksum.clone()]
    );
    assert!(
        registry.pending(&last).unwrap().is_none(),
        "no longer pending"
    );
    let dupe = p.answer(&envelope, &p.receive(registry, &envelope));
    assert_eq!(dupe.response_code, ResponseCode::Duplicate);
    assert_eq!(
        dupe.received_additional_document_checksums,
        vec![invoice.document_checksum]
    );
}

#[allow(non_snake_case)]
pub fn an_eBL_that_comes_back_is_a_new_transfer(registry: &dyn Registry) {
    let p = Platforms::default();
    let first = p.transfer("REG-BACK", "qianhai", Vec::new());
    assert_eq!(code(&p.receive(registry, &first)), ResponseCode::Received);
    let away = first
        .extend_chain(
            "SZP1",
            vec![Transaction::transfer(
                szp1_party("qianhai"),
                shipper(),
                at("2026-06-16T06:50:00Z"),
            )],
            &p.szp1,
            &p.rng,
        )
        .unwrap();
    let back = away
        .extend_chain(
            "SGP1",
            vec![Transaction::transfer(
                shipper(),
                szp1_party("qianhai"),
                at("2026-06-16T06:55:00Z"),
            )],
            &p.sgp1,
            &p.rng,
        )
        .unwrap();
    let received = p.receive(registry, &back);
    assert_eq!(
        code(&received),
        ResponseCode::Received,
        "{:#?}",
        received.report.findings
    );
    let history = registry
        .history(&received.report.transport_document_checksum)
        .unwrap();
    assert_eq!(
        history.iter().map(|t| t.sequence).collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert_eq!(history[1].chain.len(), 4);
    let latest = registry.latest_by_reference("REG-BACK").unwrap().unwrap();
    assert_eq!(latest.sequence, 2);
    // Now the earlier transfer again: still a duplicate of what was accepted first.
    assert_eq!(code(&p.receive(registry, &first)), ResponseCode::Duplicate);
}

pub fn an_older_state_of_an_accepted_chain_is_dise(registry: &dyn Registry) {
    let p = Platforms::default();
    let first = p.transfer("REG-OLD", "qianhai", Vec::new());
    let away = first
        .extend_chain(
            "SZP1",
            vec![Transaction::transfer(
                szp1_party("qianhai"),
                szp1_party("other"),
                at("2026-06-16T06:50:00Z"),
            )],
            &p.szp1,
            &p.rng,
        )
        .unwrap();
    // Accepted the longer chain first (another node received the first leg).
    assert_eq!(code(&p.receive(registry, &away)), ResponseCode::Received);
    let stale = p.receive(registry, &first);
    assert_eq!(code(&stale), ResponseCode::DisputedEnvelope);
}

fn tradetrust_title(reference: &str, surrendered: bool) -> TradeTrustTitle {
    let platform = "eip155:1/0x0000000000000000000000000000000000000a11";
    let carrier = PartyId::ethereum(platform, "0x0000000000000000000000000000000000000a11");
    let holder = PartyId::ethereum(platform, "0x00000000000000000000000000000000000000b1");
    let mut history = History::new("0x01", Negotiability::ToOrder);
    history.carrier = Some(carrier.clone());
    history.events.push(Event::new(
        EventKind::Issue,
        carrier.clone(),
        Some(holder.clone()),
        at("2026-06-10T00:00:00Z"),
    ));
    if surrendered {
        history.events.push(Event::new(
            EventKind::SurrenderForDelivery,
            holder.clone(),
            Some(carrier.clone()),
            at("2026-06-11T00:00:00Z"),
        ));
        history.events.push(Event::new(
            EventKind::SurrenderAccepted,
            carrier,
            Some(holder),
            at("2026-06-12T00:00:00Z"),
        ));
    }
    TradeTrustTitle {
        transport_document_reference: reference.to_owned(),
        history,
    }
}

pub fn a_live_tradetrust_record_with_another_holder_is_dise(registry: &dyn Registry) {
    let p = Platforms::default();
    registry
        .record_tradetrust(&tradetrust_title("REG-XF", false))
        .unwrap();
    assert!(registry.tradetrust("REG-XF").unwrap().is_some());
    let disputed = p.receive(registry, &p.transfer("REG-XF", "qianhai", Vec::new()));
    assert_eq!(code(&disputed), ResponseCode::DisputedEnvelope);
    assert_eq!(
        disputed.report.findings[0].code,
        "cross-format-holder-conflict"
    );
    assert!(disputed.report.findings[0].message.contains("double spend"));
}

pub fn a_surrendered_tradetrust_record_does_not_dispute(registry: &dyn Registry) {
    let p = Platforms::default();
    registry
        .record_tradetrust(&tradetrust_title("REG-XS", true))
        .unwrap();
    let received = p.receive(registry, &p.transfer("REG-XS", "qianhai", Vec::new()));
    assert_eq!(
        code(&received),
        ResponseCode::Received,
        "{:#?}",
        received.report.findings
    );
}

/// `receive_snapshot` (one read where the backend overrides it) answers exactly what
/// `history`, `tradetrust` and `held_documents` answer one by one.
pub fn the_receive_snapshot_is_the_three_reads(registry: &dyn Registry) {
    let p = Platforms::default();
    let first = p.receive(registry, &p.transfer("REG-SNAP", "qianhai", Vec::new()));
    assert_eq!(code(&first), ResponseCode::Received);
    registry
        .record_tradetrust(&tradetrust_title("REG-SNAP", true))
        .unwrap();
    let held = "ab".repeat(32);
    registry.store_document(&held, b"held").unwrap();
    let checksum = first.report.transport_document_checksum.clone();
    let asked = [held.clone(), "cd".repeat(32)];
    let known = registry
        .receive_snapshot(&checksum, Some("REG-SNAP"), &asked)
        .unwrap();
    assert_eq!(known.history, registry.history(&checksum).unwrap());
    assert_eq!(known.history.len(), 1);
    assert_eq!(known.tradetrust, registry.tradetrust("REG-SNAP").unwrap());
    assert!(known.tradetrust.is_some());
    assert_eq!(
        known.held_documents,
        registry.held_documents(&asked).unwrap()
    );
    assert_eq!(known.held_documents.into_iter().collect::<Vec<_>>(), [held]);
    let unknown = registry
        .receive_snapshot(&"00".repeat(32), None, &[])
        .unwrap();
    assert!(
        unknown.history.is_empty()
            && unknown.tradetrust.is_none()
            && unknown.held_documents.is_empty()
    );
}

pub fn a_bad_envelope_is_not_recorded(registry: &dyn Registry) {
    let p = Platforms::default();
    let mut envelope = p.transfer("REG-BAD", "qianhai", Vec::new());
    envelope.transport_document["transportDocumentReference"] = "REG-TAMPERED".into();
    let refused = p.receive(registry, &envelope);
    assert_eq!(code(&refused), ResponseCode::BadEnvelope);
    assert!(
        registry
            .history(&refused.report.transport_document_checksum)
            .unwrap()
            .is_empty()
    );
    assert!(
        registry
            .latest_by_reference("REG-TAMPERED")
            .unwrap()
            .is_none()
    );
}

/// An accepted transfer of the document `"ab" × 32` with only what the registry keys it by
/// filled in meaningfully: its `reference`, its `sequence` and its last entry's checksum `last`.
pub fn bare_transfer(reference: &str, sequence: u64, last: &str) -> AcceptedTransfer {
    AcceptedTransfer {
        transport_document_checksum: "ab".repeat(32),
        transport_document_reference: Some(reference.into()),
        sequence,
        chain: vec!["00".repeat(32), last.to_owned()],
        last_entry: "e.e.e".into(),
        last_entry_payload_checksum: "cd".repeat(32),
        holder: None,
        documents: Vec::new(),
        response: "r.r.r".into(),
        accepted_at: at("2026-06-16T07:00:00Z"),
    }
}

pub fn the_same_sequence_is_recorded_once(registry: &dyn Registry) {
    let transfer = |last: &str| bare_transfer("REG-SEQ", 1, last);
    assert!(
        registry
            .record_acceptance(&transfer(&"11".repeat(32)))
            .unwrap()
    );
    assert!(
        !registry
            .record_acceptance(&transfer(&"22".repeat(32)))
            .unwrap()
    );
    let history = registry.history(&"ab".repeat(32)).unwrap();
    assert_eq!(history, vec![transfer(&"11".repeat(32))]);
}

/// Two receivers (two registry handles: connections or processes' worth) race to accept two
/// continuations of the same eBL, `rounds` times: exactly one `RECE`, the other `DISE`.
pub fn race<R: Registry + Sync>(first: &R, second: &R, rounds: usize, tag: &str) {
    let p = Platforms::default();
    for round in 0..rounds {
        let reference = format!("REG-RACE-{tag}-{round}");
        let a = p.transfer(&reference, "qianhai", Vec::new());
        let b = p.transfer(&reference, "other-buyer", Vec::new());
        let barrier = std::sync::Barrier::new(2);
        let (ra, rb) = std::thread::scope(|s| {
            let ta = s.spawn(|| {
                barrier.wait();
                code(&p.receive(first, &a))
            });
            let tb = s.spawn(|| {
                barrier.wait();
                code(&p.receive(second, &b))
            });
            (ta.join().unwrap(), tb.join().unwrap())
        });
        let mut codes = [ra, rb];
        codes.sort();
        assert_eq!(
            codes,
            [ResponseCode::Received, ResponseCode::DisputedEnvelope],
            "round {round}"
        );
    }
}
