//! Building a [`RecognitionInput`] from a verified DCSA PINT envelope ([`EnvelopeReport`]).
//!
//! A thin adapter: the history comes from [`HistoryFacts::from_title`] over the report's title
//! history and replay; this file adds what only the PINT verifier knows — which key signed each
//! event, whether the signature verified over the content received, and whether the hash links
//! between chain entries held.

use std::collections::BTreeSet;

use crate::json::Value;
use crate::pint::{EnvelopeReport, SignerInfo};
use crate::title::EventSource;
use crate::trust::TrustStore;

use super::facts::{Evidence, HistoryFacts, RecognitionInput, SignatureEvidence};

impl RecognitionInput {
    /// The recognition input for a PINT envelope, from its verification report, the transport
    /// document it carried, and the receiver's trust store.
    ///
    /// - `history`: [`HistoryFacts::from_title`] over `report.history` and `report.replay`;
    ///   the first event of every chain entry other than the first gets `previous_link_ok`
    ///   from the entry's [`link_ok`](crate::pint::EntryReport::link_ok).
    /// - `evidence.signatures`: for every event, the signature of the chain entry that
    ///   recorded it; for the issuance, the carrier's issuance-manifest signature as well; for
    ///   the last event, the sending platform's manifest signature. A signature counts as
    ///   verified only if it verified under the receiver's trust *and* the content it signs
    ///   matches what was received (the report's typed facts
    ///   [`content_matches`](crate::pint::EntryReport::content_matches),
    ///   [`issuance_content_matches`](crate::pint::EntryReport::issuance_content_matches) and
    ///   [`manifest_content_matches`](crate::pint::EnvelopeReport::manifest_content_matches)). Its `kid` is
    ///   the trust store's id for the key (found by the verifying key's RFC 7638 thumbprint or
    ///   the header's `kid`), else that thumbprint or `kid`; its `signer` is the
    ///   trust-store party that owns the key, else — for a verified entry or manifest
    ///   signature — the platform that recorded the entry or sent the envelope.
    /// - `document`: `document`. The governing law, consents and registry check are not in an
    ///   envelope: the caller sets them in `evidence` when it knows them.
    ///
    /// ```
    /// use ebl::pint::{EnvelopeBuilder, Issuance, PintTrust, Signer, TransactionParty,
    ///                 EnvelopeVerifyOptions, verify_parsed_envelope};
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::recognition::RecognitionInput;
    /// use ebl::trust::TrustStore;
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let carrier = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
    /// let platform = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
    /// let document = serde_json::json!({"transportDocumentReference": "BL-1", "isToOrder": true});
    /// let at = "2026-06-14T09:30:00Z".parse()?;
    /// let issuance = Issuance {
    ///     platform: "SGTT".into(),
    ///     carrier: TransactionParty::new("SGTT", "Carrier", "SMDG", "LCOL"),
    ///     issue_to: TransactionParty::new("SGTT", "Shipper", "LEI", "5493001KJTIIGC8Y1R12"),
    ///     at, visualisation: None,
    /// };
    /// let builder = EnvelopeBuilder::issue(document.clone(), issuance, &carrier, &platform, &rng)?;
    /// let envelope = builder.seal(&platform, Vec::new(), &rng)?;
    /// let mut trust = PintTrust::default();
    /// trust.trust_carrier_key(carrier.key.public_key().clone())?;
    /// trust.trust_platform_key("SGTT", platform.key.public_key().clone())?;
    /// let report = verify_parsed_envelope(&envelope, &trust, &EnvelopeVerifyOptions::at(at));
    ///
    /// let input = RecognitionInput::from_pint(&report, &document, &TrustStore::new());
    /// assert_eq!(input.history.record_id, "BL-1");
    /// // The issue event carries the platform's entry signature and the carrier's.
    /// let on_issue: Vec<_> = input.evidence.signatures.iter().filter(|s| s.event == 0).collect();
    /// assert!(on_issue.len() >= 2 && on_issue.iter().all(|s| s.verified));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from_pint(
        report: &EnvelopeReport,
        document: &Value,
        trust: &TrustStore,
    ) -> RecognitionInput {
        let mut history = HistoryFacts::from_title(&report.history, &report.replay, trust);

        let mut signatures = Vec::new();
        let mut seen_entries = BTreeSet::new();
        for (i, event) in report.history.events.iter().enumerate() {
            let EventSource::Pint { entry, .. } = event.source else {
                continue;
            };
            let Some(entry_report) = report.entries.get(entry) else {
                continue;
            };
            if seen_entries.insert(entry)
                && entry > 0
                && let Some(facts) = history.events.get_mut(i)
            {
                // An entry after the first whose payload was read always has a link verdict.
                facts.previous_link_ok = Some(entry_report.link_ok == Some(true));
            }
            signatures.push(signature(
                i,
                &entry_report.signer,
                entry_report.content_matches,
                entry_report.platform.as_deref(),
                trust,
            ));
            if entry == 0
                && event.kind.creates_record()
                && let Some(carrier) = &entry_report.issuance_signer
            {
                signatures.push(signature(
                    i,
                    carrier,
                    entry_report.issuance_content_matches == Some(true),
                    None,
                    trust,
                ));
            }
        }
        if let Some(last) = history.events.len().checked_sub(1) {
            let sender = report.entries.last().and_then(|e| e.platform.as_deref());
            signatures.push(signature(
                last,
                &report.sender,
                report.manifest_content_matches,
                sender,
                trust,
            ));
        }
        RecognitionInput {
            document: Some(document.clone()),
            history,
            evidence: Evidence {
                signatures,
                ..Evidence::default()
            },
        }
    }
}

/// One signature as evidence: verified only if it verified and covers the content received;
/// attributed to the key's owner in the store, else (when verified) to `platform`.
fn signature(
    event: usize,
    info: &SignerInfo,
    covers_content: bool,
    platform: Option<&str>,
    trust: &TrustStore,
) -> SignatureEvidence {
    let named = info.key_thumbprint.as_deref().or(info.kid.as_deref());
    let known = named.and_then(|k| trust.key(k));
    // The store's own id for the key, so that its revocations (by that id) apply.
    let kid = known
        .map(|(_, key)| key.kid.clone())
        .or_else(|| named.map(str::to_owned));
    let owner = known.map(|(party, _)| party.id.clone());
    let verified = info.verified && covers_content;
    SignatureEvidence {
        event,
        algorithm: info.algorithm.clone(),
        kid,
        signer: owner.or_else(|| {
            if info.verified {
                platform.map(str::to_owned)
            } else {
                None
            }
        }),
        verified,
    }
}
