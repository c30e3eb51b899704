//! The receiver's procedure as one walk over the envelope: [`ReceiverProcedure::run`] calls
//! the steps of `reference/dcsa.md` §2.7 in the order their findings are reported, and the
//! steps about the envelope as a whole are here (the chain entries' are in `chain.rs`).

use serde_json::Value;

use super::EnvelopeVerifyOptions;
use super::checks::{
    DOCUMENT_MISSING, LAST_ENTRY_CHECKSUM, MANIFEST_MALFORMED, MANIFEST_SIGNATURE, MANIFEST_SIGNER,
    Outcome, TD_CHECKSUM, VISUALISATION_CHECKSUM, WRONG_RECIPIENT,
};
use super::report::{EntryReport, EnvelopeReport, SignerInfo};
use super::signed::{Signed, SignedChecks};
use crate::checksum::canonical_json_sha256;
use crate::crypto::PublicKey;
use crate::json::JsonPath;
use crate::pint::history::history_from_chain;
use crate::pint::trust::PintTrust;
use crate::pint::types::{
    DocumentMetadata, EblEnvelope, EnvelopeManifest, EnvelopeTransferChainEntry, IssuanceManifest,
};
use crate::report::{Finding, Severity};
use crate::title::{EventSource, History, Replay, replay};

/// One receiver's verification of one envelope: what it was given, and what the steps done
/// so far have found.
pub(super) struct ReceiverProcedure<'a> {
    pub(super) envelope: &'a EblEnvelope,
    pub(super) trust: &'a PintTrust,
    pub(super) options: &'a EnvelopeVerifyOptions,
    pub(super) outcome: Outcome,
    /// SHA-256 of the RFC 8785 form of the received transport document.
    pub(super) td_checksum: String,
    /// `$.envelopeTransferChain`.
    pub(super) chain_path: JsonPath,
    /// One report per chain entry walked so far.
    pub(super) entries: Vec<EntryReport>,
    /// The payload of each entry walked so far, where it could be read.
    pub(super) parsed: Vec<Option<EnvelopeTransferChainEntry>>,
    /// The carrier's issuance manifest in entry 0, where it could be read.
    pub(super) issuance_manifest: Option<IssuanceManifest>,
    /// The thumbprints of the keys that verified so far.
    pub(super) thumbprints: Vec<(PublicKey, String)>,
}

/// What steps 1 to 3 found about the envelope manifest.
struct ManifestFindings {
    sender: SignerInfo,
    content_matches: bool,
    declared_documents: Vec<DocumentMetadata>,
}

impl<'a> ReceiverProcedure<'a> {
    /// A procedure that has not run any step yet.
    pub(super) fn new(
        envelope: &'a EblEnvelope,
        trust: &'a PintTrust,
        options: &'a EnvelopeVerifyOptions,
    ) -> ReceiverProcedure<'a> {
        let length = envelope
            .envelope_transfer_chain
            .len()
            .min(super::MAX_CHAIN_ENTRIES);
        ReceiverProcedure {
            envelope,
            trust,
            options,
            outcome: Outcome::default(),
            td_checksum: canonical_json_sha256(&envelope.transport_document),
            chain_path: JsonPath::root().key("envelopeTransferChain"),
            entries: Vec::with_capacity(length),
            parsed: Vec::with_capacity(length),
            issuance_manifest: None,
            thumbprints: Vec::new(),
        }
    }

    /// Runs every step and returns the report. Step 4 (the chain) runs first, so that the
    /// sending platform (the last entry's) is known for step 1.
    pub(super) fn run(mut self) -> EnvelopeReport {
        self.walk_chain();
        let manifest = self.envelope_manifest();
        self.recipient();
        let (history, replay) = self.title_rules();
        let missing_documents = self.held_documents(&manifest.declared_documents);
        self.document_content();

        let mut entries = std::mem::take(&mut self.entries);
        for (report, entry) in entries.iter_mut().zip(std::mem::take(&mut self.parsed)) {
            if let Some(entry) = entry {
                report.transactions = entry.transactions;
            }
        }
        EnvelopeReport {
            response_code: self.outcome.response_code(),
            findings: self.outcome.findings,
            transport_document_reference: self
                .envelope
                .transport_document
                .get("transportDocumentReference")
                .and_then(Value::as_str)
                .map(str::to_owned),
            transport_document_checksum: self.td_checksum,
            last_entry_checksum: entries.last().map(|e| e.checksum.clone()),
            sender: manifest.sender,
            manifest_content_matches: manifest.content_matches,
            entries,
            declared_documents: manifest.declared_documents,
            missing_documents,
            history,
            replay,
        }
    }

    /// Steps 1 to 3, and the visualisation of step 6: the manifest's signature by the sending
    /// platform, and what it signed.
    fn envelope_manifest(&mut self) -> ManifestFindings {
        let (sender, manifest) = self.manifest_signature();
        let Some(manifest) = manifest else {
            return ManifestFindings {
                sender,
                content_matches: false,
                declared_documents: Vec::new(),
            };
        };
        let document_matches = self.transport_document_checksum(&manifest);
        let last_entry_matches = self.last_entry_checksum(&manifest);
        self.visualisation(&manifest);
        let mut declared_documents = Vec::new();
        declared_documents.extend(manifest.ebl_visualisation_by_carrier);
        declared_documents.extend(manifest.supporting_documents);
        ManifestFindings {
            sender,
            content_matches: document_matches && last_entry_matches,
            declared_documents,
        }
    }

    /// Step 1: the manifest's JWS verifies, with a key of the sending platform (the one that
    /// recorded the last entry) when that platform is bound to keys.
    fn manifest_signature(&mut self) -> (SignerInfo, Option<EnvelopeManifest>) {
        let path = JsonPath::root().key("envelopeManifestSignedContent");
        let checks = SignedChecks {
            signature: MANIFEST_SIGNATURE,
            shape: MANIFEST_MALFORMED,
        };
        let compact = &self.envelope.envelope_manifest_signed_content;
        let Signed {
            info: mut sender,
            payload,
        } = self.signed::<EnvelopeManifest>(compact, &path, None, checks);
        let trust = self.trust;
        if let Some(platform) = self.sending_platform() {
            self.bind_signer(
                &mut sender,
                |t| trust.is_platform_thumbprint(&platform, t),
                MANIFEST_SIGNER,
                &path,
                || {
                    format!(
                        "the manifest is not signed by a key of the sending platform {platform}"
                    )
                },
                None,
            );
        }
        (sender, payload)
    }

    /// Step 2: the manifest signed the transport document received.
    fn transport_document_checksum(&mut self, manifest: &EnvelopeManifest) -> bool {
        if manifest.transport_document_checksum == self.td_checksum {
            return true;
        }
        let message = format!(
            "the transport document's checksum is {}, but the manifest signed {}",
            self.td_checksum, manifest.transport_document_checksum
        );
        let path = JsonPath::root().key("transportDocument");
        self.outcome.fail(TD_CHECKSUM, path.as_str(), message, None);
        false
    }

    /// Step 3: the manifest signed the last chain entry received.
    fn last_entry_checksum(&mut self, manifest: &EnvelopeManifest) -> bool {
        let signed = &manifest.last_envelope_transfer_chain_entry_signed_content_checksum;
        let Some(last) = self.entries.last().map(|e| e.checksum.as_str()) else {
            return true;
        };
        if signed == last {
            return true;
        }
        let message =
            format!("the last chain entry's checksum is {last}, but the manifest signed {signed}");
        let index = self.entries.len() - 1;
        let path = self.chain_path.index(index);
        self.outcome
            .fail(LAST_ENTRY_CHECKSUM, path.as_str(), message, Some(index));
        false
    }

    /// Step 6, last part: the visualisation the manifest declares is the one the carrier
    /// issued (when both are known).
    fn visualisation(&mut self, manifest: &EnvelopeManifest) {
        let Some(declared) = &manifest.ebl_visualisation_by_carrier else {
            return;
        };
        let Some(issued) = self
            .issuance_manifest
            .as_ref()
            .and_then(|m| m.ebl_visualisation_by_carrier_checksum.as_ref())
        else {
            return;
        };
        if issued == &declared.document_checksum {
            return;
        }
        let message = format!(
            "the manifest declares visualisation {}, but the carrier issued {issued}",
            declared.document_checksum
        );
        let path = self
            .chain_path
            .index(0)
            .key("issuanceManifestSignedContent")
            .key("eBLVisualisationByCarrierChecksum");
        self.outcome
            .fail(VISUALISATION_CHECKSUM, path.as_str(), message, Some(0));
        if let Some(first) = self.entries.first_mut() {
            first.issuance_content_matches = Some(false);
        }
    }

    /// Step 7: the last transaction is addressed to this receiver's platform (when the
    /// receiver is named in the options).
    fn recipient(&mut self) {
        let options = self.options;
        let Some(platform) = &options.receiving_platform else {
            return;
        };
        let Some((tx, transaction)) = self
            .parsed
            .last()
            .and_then(Option::as_ref)
            .and_then(|e| e.transactions.iter().enumerate().next_back())
        else {
            return;
        };
        let addressed_to = transaction
            .recipient
            .as_ref()
            .map(|r| r.ebl_platform.as_str());
        if addressed_to == Some(platform.as_str()) {
            return;
        }
        let message = match addressed_to {
            Some(other) => format!(
                "the last transaction is addressed to platform {other}, not to this platform ({platform})"
            ),
            None => format!(
                "the last transaction has no recipient, so it is not addressed to this platform ({platform})"
            ),
        };
        let index = self.entries.len() - 1;
        let path = self
            .chain_path
            .index(index)
            .key("transactions")
            .index(tx)
            .key("recipient");
        self.outcome
            .fail(WRONG_RECIPIENT, path.as_str(), message, Some(index));
    }

    /// The title rules ([`crate::title`]) over the history the whole chain records; a broken
    /// rule is reported at the transaction it came from.
    fn title_rules(&mut self) -> (History, Replay) {
        let signed_entries: Vec<(Option<&EnvelopeTransferChainEntry>, bool)> = self
            .parsed
            .iter()
            .zip(&self.entries)
            .map(|(entry, report)| (entry.as_ref(), report.signer.verified))
            .collect();
        let history = history_from_chain(
            &self.envelope.transport_document,
            &signed_entries,
            &self.td_checksum,
        );
        let replay = replay(&history);
        for finding in &replay.findings {
            let (path, entry) = locate_event_finding(&history, finding);
            self.outcome.title_finding(Finding {
                path,
                entry,
                ..finding.clone()
            });
        }
        (history, replay)
    }

    /// Step 9: the declared documents the receiver does not hold (when it said what it
    /// holds); any makes the verdict `MDOC`.
    fn held_documents(&mut self, declared: &[DocumentMetadata]) -> Vec<String> {
        let options = self.options;
        let Some(held) = &options.held_documents else {
            return Vec::new();
        };
        let path = JsonPath::root().key("envelopeManifestSignedContent");
        let mut missing = Vec::new();
        for document in declared {
            if held.contains(&document.document_checksum) {
                continue;
            }
            missing.push(document.document_checksum.clone());
            let message = format!(
                "document {} ({}) is declared but has not been received",
                document.name, document.document_checksum
            );
            self.outcome
                .fail(DOCUMENT_MISSING, path.as_str(), message, None);
        }
        missing
    }

    /// The transport document's own content rules, when asked for: the business of the
    /// parties, not of the transfer, so they are reported as warnings.
    fn document_content(&mut self) {
        if !self.options.validate_document {
            return;
        }
        let path = JsonPath::root().key("transportDocument");
        for finding in document_findings(&self.envelope.transport_document, &path) {
            self.outcome.note(finding);
        }
    }

    /// The platform that sent the envelope: the one that recorded the last entry.
    fn sending_platform(&self) -> Option<String> {
        self.parsed
            .last()
            .and_then(Option::as_ref)
            .map(|e| e.ebl_platform.clone())
    }
}
/// Points a title finding (`$.events[k]`) back at the PINT transaction it came from.
fn locate_event_finding(history: &History, finding: &Finding) -> (String, Option<usize>) {
    let event_index = finding
        .path
        .strip_prefix("$.events[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse::<usize>().ok());
    match event_index
        .and_then(|k| history.events.get(k))
        .map(|e| &e.source)
    {
        Some(EventSource::Pint { entry, path, .. }) => (path.clone(), Some(*entry)),
        _ => (finding.path.clone(), finding.entry),
    }
}

/// The transport document's own validation, as warnings under `$.transportDocument`.
fn document_findings(document: &Value, td_path: &JsonPath) -> Vec<Finding> {
    match crate::model::TransportDocument::from_value(document) {
        Ok(td) => td
            .validate()
            .into_iter()
            .map(|f| Finding {
                severity: if f.severity == Severity::Error {
                    Severity::Warning
                } else {
                    f.severity
                },
                path: format!("{}{}", td_path, f.path.trim_start_matches('$')),
                message: format!("transport document: {}", f.message),
                ..f
            })
            .collect(),
        Err(e) => vec![Finding::warning(
            "transport-document-shape",
            td_path.as_str(),
            format!("the transport document does not fit the DCSA eBL 3.0 model: {e}"),
        )],
    }
}
