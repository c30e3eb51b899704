//! Receiving with memory: the receiver's procedure of `reference/dcsa.md` §2.7 including
//! step 8 (compare with what this platform accepted before) and §2.8 (documents uploaded
//! after the envelope), against a [`Registry`].
//!
//! The order matters for safety: the envelope is verified first (a bad signature or envelope
//! is answered without looking at the registry, and never recorded); a transfer whose last
//! entry was accepted before is answered `DUPE` with the earlier entry; one that contradicts
//! the accepted chain, or the live TradeTrust side of the same eBL, `DISE`; one still missing
//! documents `MDOC` (and is remembered so that its documents can be uploaded); otherwise the
//! `RECE` is signed, **recorded, and only then returned**, so that a crash can lose an answer
//! but never a title the platform has given.

use std::collections::BTreeSet;

use ring::rand::SecureRandom;

use super::builder::Signer;
use super::documents::{DocumentUploadReport, check_document_upload};
use super::receive::ReceivedEnvelope;
use super::response::sign_response;
use super::trust::PintTrust;
use super::types::{EblEnvelope, EnvelopeTransferFinishedResponse, ResponseCode};
use super::verify::{
    DOCUMENT_MISSING, EnvelopeReport, EnvelopeVerifyOptions, verify_parsed_envelope,
};
use crate::checksum::sha256_hex;
use crate::json::{JsonPath, from_value, parse};
use crate::report::Finding;
use crate::title::{
    AcceptedTransfer, ChainComparison, PendingTransfer, ReceiveSnapshot, ReceiveWrite, Registry,
    RegistryError, compare_chain, cross_format_conflict,
};

/// How many times a receive re-reads the registry after another receiver recorded a transfer
/// of the same eBL first. Each loss means someone else won; the re-read then answers
/// `DUPE`/`DISE`, so more than two rounds only happen under a stream of new transfers.
const MAX_RACE_ROUNDS: usize = 8;

/// When a retried transfer counts as a duplicate (`DUPE`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DuplicatePolicy {
    /// The last chain entry must be byte-identical (same SHA-256 of the JWS string): what
    /// PINT requires a receiver to detect.
    #[default]
    SameEntry,
    /// Also a last entry re-signed over the same payload, after the same earlier entries
    /// (the DCSA conformance kit's leniency: ECDSA and PSS signatures differ on every run).
    SamePayload,
}

/// Receives an envelope as [`receive_envelope`](super::receive_envelope) does, and remembers:
/// compares it with the transfers `registry` holds for the same transport document and
/// answers `DUPE` (carrying the earlier accepted entry), `DISE` (a contradicting continuation,
/// or a live TradeTrust record with another holder), `MDOC` (documents still to upload with
/// [`upload_document_recorded`]), or `RECE` — recorded atomically in `registry` before it is
/// returned. Documents held are those in `registry` plus `options.held_documents`.
///
/// ```
/// use ebl::crypto::{KeyType, PrivateKey};
/// use ebl::pint::*;
/// use ebl::title::SqliteRegistry;
///
/// let rng = ring::rand::SystemRandom::new();
/// let sgp1 = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
/// let szp1 = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
/// let (carrier, shipper) = (TransactionParty::parse("SGP1:SMDG:LCOL")?, TransactionParty::parse("SGP1:SGP1:straits")?);
/// let at = "2026-06-16T06:45:00Z".parse()?;
/// let td = serde_json::json!({"transportDocumentReference": "LCOL1", "isToOrder": false});
/// let issued = EnvelopeBuilder::issue(td, Issuance::new(carrier, shipper.clone(), at), &sgp1, &sgp1, &rng)?;
/// let to = |code: &str| TransactionParty::parse(&format!("SZP1:SZP1:{code}"));
/// let sent = issued.clone().seal(&sgp1, Vec::new(), &rng)?
///     .extend_chain("SGP1", vec![Transaction::transfer(shipper.clone(), to("qianhai")?, at)], &sgp1, &rng)?;
/// let forked = issued.seal(&sgp1, Vec::new(), &rng)?
///     .extend_chain("SGP1", vec![Transaction::transfer(shipper, to("other")?, at)], &sgp1, &rng)?;
///
/// let mut trust = PintTrust::default();
/// trust.trust_platform_key("SGP1", sgp1.key.public_key().clone())?;
/// let options = EnvelopeVerifyOptions::receiving("SZP1", at, []);
/// let dir = std::env::temp_dir().join(format!("ebl-doc-recorded-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let registry = SqliteRegistry::open(&dir.join("registry.sqlite"))?;
/// let receive = |bytes: &[u8]| receive_envelope_recorded(bytes, &trust, &options, &szp1, &rng, &registry, DuplicatePolicy::SameEntry);
///
/// assert_eq!(receive(sent.to_json_pretty().as_bytes())?.report.response_code, ResponseCode::Received);
/// assert_eq!(receive(sent.to_json_pretty().as_bytes())?.report.response_code, ResponseCode::Duplicate);
/// assert_eq!(receive(forked.to_json_pretty().as_bytes())?.report.response_code, ResponseCode::DisputedEnvelope);
/// drop(registry);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`receive_envelope`](super::receive_envelope), and [`RegistryError`] when the registry
/// cannot be read or written (then nothing was answered: the sender retries).
pub fn receive_envelope_recorded(
    bytes: &[u8],
    trust: &PintTrust,
    options: &EnvelopeVerifyOptions,
    signer: &Signer,
    rng: &dyn SecureRandom,
    registry: &dyn Registry,
    duplicates: DuplicatePolicy,
) -> crate::Result<ReceivedEnvelope> {
    if options.receiving_platform.is_none() {
        return Err(crate::Error::InvalidArgument(
            "the receiving platform must be given: the last transaction must be addressed to it"
                .to_owned(),
        ));
    }
    let value = parse(bytes)?;
    let envelope: EblEnvelope = from_value(&value, &JsonPath::root())?;
    // Documents are judged against the registry below, not by the stateless procedure.
    let stateless = EnvelopeVerifyOptions {
        held_documents: None,
        ..options.clone()
    };
    let verified = verify_parsed_envelope(&envelope, trust, &stateless);
    if matches!(
        verified.response_code,
        ResponseCode::BadSignature | ResponseCode::BadEnvelope
    ) {
        return answer(verified, None, signer, rng);
    }
    let chain: Vec<String> = verified
        .entries
        .iter()
        .map(|e| e.checksum.clone())
        .collect();
    let last_entry = envelope
        .envelope_transfer_chain
        .last()
        .cloned()
        .unwrap_or_default();
    let payload_checksum = payload_checksum(&last_entry);
    let declared: Vec<String> = verified
        .declared_documents
        .iter()
        .map(|d| d.document_checksum.clone())
        .collect();
    let incoming = Incoming {
        chain,
        last_entry,
        payload_checksum,
        declared,
    };
    let transport_document_checksum = verified.transport_document_checksum.clone();
    let reference = verified.transport_document_reference.clone();
    // Only a receive that lost a race compares again, with the same report (the answer it
    // signed only read it), so the report is moved round by round, never cloned.
    let mut report = Some(verified);
    for _ in 0..MAX_RACE_ROUNDS {
        let mut answered = None;
        // Read, compare, sign and record in one step (one write transaction where the backend
        // can): the signatures were verified above, outside it.
        let stored = registry.receive_and_record(
            &transport_document_checksum,
            reference.as_deref(),
            &incoming.declared,
            &mut |known| {
                let Some(report) = report.take() else {
                    return ReceiveWrite::Nothing;
                };
                let (answer, write) =
                    judge(report, known, &incoming, options, duplicates, signer, rng);
                answered = Some(answer);
                write
            },
        )?;
        let Some(answer) = answered else {
            return Err(RegistryError::Storage {
                location: "registry".to_owned(),
                message: "the registry answered without comparing the envelope".to_owned(),
            }
            .into());
        };
        if stored {
            return answer;
        }
        // Another receiver accepted a transfer of this eBL first: compare again.
        report = Some(answer?.report);
    }
    Err(RegistryError::Storage {
        location: "registry".to_owned(),
        message: format!(
            "other receivers recorded transfers of this eBL {MAX_RACE_ROUNDS} times in a row; nothing was answered, retry"
        ),
    }
    .into())
}

/// What a receive knows of its own transfer, to compare and record it.
struct Incoming {
    /// SHA-256 of every chain entry's JWS.
    chain: Vec<String>,
    /// The last chain entry (its JWS).
    last_entry: String,
    /// SHA-256 of the last entry's payload (the lenient `DUPE` key).
    payload_checksum: String,
    /// The checksums of the documents the manifest declares.
    declared: Vec<String>,
}

/// Step 8 and 9 against what the registry knew: the signed answer, and what to record for it.
fn judge(
    mut report: EnvelopeReport,
    known: ReceiveSnapshot,
    transfer: &Incoming,
    options: &EnvelopeVerifyOptions,
    duplicates: DuplicatePolicy,
    signer: &Signer,
    rng: &dyn SecureRandom,
) -> (crate::Result<ReceivedEnvelope>, ReceiveWrite) {
    let chain = &transfer.chain;
    let sequence = match compare_chain(
        &known.history,
        chain,
        &transfer.payload_checksum,
        duplicates == DuplicatePolicy::SamePayload,
    ) {
        ChainComparison::Duplicate(earlier) => {
            report.response_code = ResponseCode::Duplicate;
            report.findings.push(Finding::warning(
                "duplicate-transfer",
                "$.envelopeTransferChain",
                format!(
                    "this transfer was accepted here on {} (transfer {} of this eBL)",
                    earlier.accepted_at.to_rfc3339(),
                    earlier.sequence
                ),
            ));
            return (
                answer(report, Some(&earlier), signer, rng),
                ReceiveWrite::Nothing,
            );
        }
        ChainComparison::Disputed { accepted, entry } => {
            let message = if entry + 1 == chain.len() && chain.len() <= accepted.chain.len() {
                format!(
                    "possible double spend: entry {entry} differs from the chain accepted here on {} (a different continuation of the same eBL)",
                    accepted.accepted_at.to_rfc3339()
                )
            } else {
                format!(
                    "possible double spend: the chain departs at entry {entry} from the chain accepted here on {}",
                    accepted.accepted_at.to_rfc3339()
                )
            };
            let path = JsonPath::root()
                .key("envelopeTransferChain")
                .index(entry)
                .to_string();
            return (
                dispute(
                    report,
                    "chain-disputed",
                    path,
                    Some(entry),
                    message,
                    signer,
                    rng,
                ),
                ReceiveWrite::Nothing,
            );
        }
        ChainComparison::Unknown => 1,
        ChainComparison::Extends { previous } => previous + 1,
    };
    if let Some(title) = &known.tradetrust
        && let Some(message) =
            cross_format_conflict(report.replay.final_state.holder.as_ref(), title)
    {
        return (
            dispute(
                report,
                "cross-format-holder-conflict",
                "$.transportDocument.transportDocumentReference".to_owned(),
                None,
                message,
                signer,
                rng,
            ),
            ReceiveWrite::Nothing,
        );
    }
    let mut held = known.held_documents;
    if let Some(given) = &options.held_documents {
        held.extend(given.iter().cloned());
    }
    mark_missing(&mut report, &held);
    if report.response_code == ResponseCode::MissingDocuments {
        let pending = PendingTransfer {
            last_entry_checksum: chain.last().cloned().unwrap_or_default(),
            transport_document_checksum: report.transport_document_checksum.clone(),
            declared: report.declared_documents.clone(),
        };
        return (
            answer(report, None, signer, rng),
            ReceiveWrite::Pending(pending),
        );
    }
    let received = match answer(report, None, signer, rng) {
        Ok(received) => received,
        Err(e) => return (Err(e), ReceiveWrite::Nothing),
    };
    let accepted = AcceptedTransfer {
        transport_document_checksum: received.report.transport_document_checksum.clone(),
        transport_document_reference: received.report.transport_document_reference.clone(),
        sequence,
        chain: chain.clone(),
        last_entry: transfer.last_entry.clone(),
        last_entry_payload_checksum: transfer.payload_checksum.clone(),
        holder: received.report.replay.final_state.holder.clone(),
        documents: transfer.declared.clone(),
        response: received.response.clone(),
        accepted_at: options.at,
    };
    (Ok(received), ReceiveWrite::Acceptance(Box::new(accepted)))
}

/// SHA-256 of a JWS's decoded payload (empty string hashed when it cannot be decoded: such an
/// entry never verified, so it never reaches the comparison).
fn payload_checksum(compact: &str) -> String {
    let payload = compact.split('.').nth(1).unwrap_or_default();
    let bytes = crate::crypto::b64::decode_url(payload, "the last chain entry's payload")
        .unwrap_or_default();
    sha256_hex(&bytes)
}

/// Step 9 against what is held: every declared document not in `held` is missing, which makes
/// an otherwise acceptable envelope `MDOC` (the same finding the stateless procedure makes).
fn mark_missing(report: &mut EnvelopeReport, held: &BTreeSet<String>) {
    let path = JsonPath::root()
        .key("envelopeManifestSignedContent")
        .to_string();
    for document in &report.declared_documents {
        if held.contains(&document.document_checksum)
            || report
                .missing_documents
                .contains(&document.document_checksum)
        {
            continue;
        }
        report
            .missing_documents
            .push(document.document_checksum.clone());
        report.findings.push(Finding::error(
            DOCUMENT_MISSING.code,
            path.clone(),
            format!(
                "document {} ({}) is declared but has not been received",
                document.name, document.document_checksum
            ),
        ));
    }
    if !report.missing_documents.is_empty() && report.response_code == ResponseCode::Received {
        report.response_code = ResponseCode::MissingDocuments;
    }
}

fn dispute(
    mut report: EnvelopeReport,
    code: &str,
    path: String,
    entry: Option<usize>,
    message: String,
    signer: &Signer,
    rng: &dyn SecureRandom,
) -> crate::Result<ReceivedEnvelope> {
    report.response_code = ResponseCode::DisputedEnvelope;
    let mut finding = Finding::error(code, path, message);
    finding.entry = entry;
    // First, so that the signed reason names the dispute.
    report.findings.insert(0, finding);
    answer(report, None, signer, rng)
}

/// Signs the answer the report calls for; a `DUPE` carries the earlier accepted entry and its
/// documents.
fn answer(
    report: EnvelopeReport,
    duplicate_of: Option<&AcceptedTransfer>,
    signer: &Signer,
    rng: &dyn SecureRandom,
) -> crate::Result<ReceivedEnvelope> {
    let mut finished = report.finished_response();
    if let Some(earlier) = duplicate_of {
        finished.duplicate_of_accepted_envelope_transfer_chain_entry_signed_content =
            Some(earlier.last_entry.clone());
        finished
            .received_additional_document_checksums
            .clone_from(&earlier.documents);
    }
    let response = sign_response(&finished, signer, rng)?;
    Ok(ReceivedEnvelope { report, response })
}

/// Receives one additional document for a transfer this platform answered `MDOC`
/// (`PUT …/additional-documents/{documentChecksum}`, `reference/dcsa.md` §2.8): `body` is the
/// request body (a JSON string holding the file's base64). The bytes must be a declared
/// document of that transfer with the right SHA-256 and size (otherwise `INCD`, and nothing is
/// stored); an accepted document is stored in `registry`, so that the next
/// [`receive_envelope_recorded`] of the transfer finds it.
///
/// # Errors
/// [`RegistryError::UnknownTransfer`] when no transfer with that last entry is waiting here;
/// [`RegistryError`] when the registry cannot be read or written.
pub fn upload_document_recorded(
    registry: &dyn Registry,
    last_entry_checksum: &str,
    document_checksum: &str,
    body: &[u8],
) -> crate::Result<DocumentUploadReport> {
    let pending = registry
        .pending(last_entry_checksum)?
        .ok_or_else(|| RegistryError::UnknownTransfer(last_entry_checksum.to_owned()))?;
    let report = check_document_upload(&pending.declared, document_checksum, body);
    if report.is_accepted() {
        // The check above decoded the same body; decoding again keeps its interface small.
        let text: String = serde_json::from_slice(body)
            .map_err(|e| crate::Error::InvalidArgument(format!("the document body: {e}")))?;
        let bytes = crate::crypto::b64::decode_standard(&text, "the document")?;
        registry.store_document(document_checksum, &bytes)?;
    }
    Ok(report)
}

impl EnvelopeTransferFinishedResponse {
    /// For the sending platform, after [`verify_response`](super::verify_response): whether
    /// the transfer is done and the eBL has left it. `RECE` and `DUPE` both mean so (`DUPE`:
    /// an earlier attempt of this transfer was accepted and its answer was lost); every other
    /// code leaves the eBL with the sender.
    ///
    /// ```
    /// use ebl::pint::{EnvelopeTransferFinishedResponse, ResponseCode};
    /// let mut answer = EnvelopeTransferFinishedResponse {
    ///     last_envelope_transfer_chain_entry_signed_content_checksum: "ab".repeat(32),
    ///     response_code: ResponseCode::Duplicate,
    ///     duplicate_of_accepted_envelope_transfer_chain_entry_signed_content: None,
    ///     reason: None, missing_additional_document_checksums: vec![],
    ///     received_additional_document_checksums: vec![], extra: Default::default() };
    /// assert!(answer.transfer_done());
    /// answer.response_code = ResponseCode::DisputedEnvelope;
    /// assert!(!answer.transfer_done());
    /// ```
    #[must_use]
    pub fn transfer_done(&self) -> bool {
        matches!(
            self.response_code,
            ResponseCode::Received | ResponseCode::Duplicate
        )
    }
}
