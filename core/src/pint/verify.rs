//! The receiver's verification procedure (`reference/dcsa.md` §2.7), step by step, as a report.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::history::history_from_chain;
use super::trust::PintTrust;
use super::types::{
    ActionCode, DocumentMetadata, EblEnvelope, EnvelopeManifest, EnvelopeTransferChainEntry,
    IssuanceManifest, ResponseCode, Transaction, TransactionGeneration,
};
use crate::checksum::{canonical_json_sha256, sha256_hex};
use crate::crypto::CryptoError;
use crate::crypto::jws::{UnverifiedJws, VerifiedJws, decode_compact};
use crate::json::{JsonPath, from_value, parse};
use crate::report::{Finding, Severity};
use crate::title::{History, Replay, replay};

/// What the receiver knows besides the envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvelopeVerifyOptions {
    /// The time at which keys and certificates must be valid.
    pub at: DateTime<Utc>,
    /// This receiver's platform code: the last transaction must be addressed to it (step 7).
    /// `None` skips that check (for an auditor who is not the receiver).
    pub receiving_platform: Option<String>,
    /// Checksums of the additional documents the receiver already holds. With `Some`, any
    /// declared document not in the set makes the verdict `MDOC`; with `None` documents are
    /// listed in the report but not required.
    pub held_documents: Option<BTreeSet<String>>,
    /// Also validate the transport document's content against the DCSA eBL 3.0 rules
    /// ([`crate::model`]), reported as warnings: a transfer is judged on its integrity and
    /// signatures, the document's content is the parties' business. Default `true`; turn it
    /// off where only the transfer matters and speed does.
    pub validate_document: bool,
}

impl EnvelopeVerifyOptions {
    /// Options for verification at time `at`, with no receiver-specific checks.
    #[must_use]
    pub fn at(at: DateTime<Utc>) -> EnvelopeVerifyOptions {
        EnvelopeVerifyOptions {
            at,
            receiving_platform: None,
            held_documents: None,
            validate_document: true,
        }
    }
}

/// Who signed something, as far as the signature told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignerInfo {
    /// The JWS algorithm (`EdDSA`, `RS256`, …).
    pub algorithm: String,
    /// The header's `kid`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// RFC 7638 thumbprint of the key that verified (absent when none did).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_thumbprint: Option<String>,
    /// Subject of the `x5c` leaf certificate, when a chain was validated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_subject: Option<String>,
    /// Whether the signature verified under the receiver's trust.
    pub verified: bool,
}

/// What was found about one transfer-chain entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryReport {
    /// Position in `envelopeTransferChain`.
    pub index: usize,
    /// SHA-256 of the entry's JWS string.
    pub checksum: String,
    /// The platform that recorded it (`eblPlatform`), if the payload could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// The entry's signature.
    pub signer: SignerInfo,
    /// For entry 0: the carrier's signature on the issuance manifest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuance_signer: Option<SignerInfo>,
    /// Whether the entry's signed payload could be read and names the transport document
    /// received (its `transportDocumentChecksum` is the received document's), so that its
    /// signature, if verified, is a signature over the content received.
    pub content_matches: bool,
    /// Whether the entry's hash link to the entry before it held: `Some(true)` for a later
    /// entry that names the previous entry's checksum, `Some(false)` for a link that is
    /// missing, wrong, or present in the first entry; `None` for a first entry without a link
    /// or an entry whose payload could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_ok: Option<bool>,
    /// For entry 0 with an issuance manifest: whether the carrier's manifest could be read and
    /// covers the content received (the transport document's checksum and, when the envelope
    /// manifest declares one, the visualisation's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuance_content_matches: Option<bool>,
    /// The transactions it records.
    pub transactions: Vec<Transaction>,
}

/// The outcome of [`verify_envelope`]: the PINT verdict and everything that led to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvelopeReport {
    /// The verdict as a PINT response code: `RECE` when the envelope is acceptable.
    pub response_code: ResponseCode,
    /// Every finding, in the order the procedure made them.
    pub findings: Vec<Finding>,
    /// `transportDocumentReference`, if present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport_document_reference: Option<String>,
    /// SHA-256 of the RFC 8785 form of the received transport document.
    pub transport_document_checksum: String,
    /// SHA-256 of the last chain entry's JWS string (the transfer's identity, used for DUPE).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_entry_checksum: Option<String>,
    /// The sending platform's signature on the manifest.
    pub sender: SignerInfo,
    /// Whether the envelope manifest could be read and covers the content received: the
    /// transport document's checksum and the last chain entry's checksum.
    pub manifest_content_matches: bool,
    /// One report per chain entry.
    pub entries: Vec<EntryReport>,
    /// The documents the manifest declares (visualisation first).
    pub declared_documents: Vec<DocumentMetadata>,
    /// Declared documents the receiver does not hold (see [`EnvelopeVerifyOptions::held_documents`]).
    pub missing_documents: Vec<String>,
    /// The title history the chain records.
    pub history: History,
    /// The replay of that history: holder and status at every step.
    #[serde(skip)]
    pub replay: Replay,
}

impl EnvelopeReport {
    /// Whether the envelope is acceptable (`RECE`).
    #[must_use]
    pub fn is_accepted(&self) -> bool {
        self.response_code == ResponseCode::Received
    }

    /// The findings that count against the envelope.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_error())
    }
}

/// A check of the procedure: its finding code and the response code it leads to when it fails.
#[derive(Clone, Copy)]
pub(crate) struct Check {
    pub(crate) code: &'static str,
    response: ResponseCode,
}

const fn bsig(code: &'static str) -> Check {
    Check {
        code,
        response: ResponseCode::BadSignature,
    }
}

const fn benv(code: &'static str) -> Check {
    Check {
        code,
        response: ResponseCode::BadEnvelope,
    }
}

const MANIFEST_SIGNATURE: Check = bsig("manifest-signature");
const MANIFEST_SIGNER: Check = bsig("manifest-signer-not-sending-platform");
const ENTRY_SIGNATURE: Check = bsig("entry-signature");
const ENTRY_SIGNER: Check = bsig("entry-signer-not-entry-platform");
const ISSUANCE_SIGNATURE: Check = bsig("issuance-manifest-signature");
const ISSUANCE_SIGNER: Check = bsig("issuance-manifest-signer-not-carrier");
const MANIFEST_MALFORMED: Check = benv("manifest-malformed");
const ENTRY_MALFORMED: Check = benv("entry-malformed");
const ISSUANCE_MALFORMED: Check = benv("issuance-manifest-malformed");
const CHAIN_EMPTY: Check = benv("chain-empty");
const TD_CHECKSUM: Check = benv("transport-document-checksum-mismatch");
const LAST_ENTRY_CHECKSUM: Check = benv("last-entry-checksum-mismatch");
const ENTRY_TD_CHECKSUM: Check = benv("entry-transport-document-checksum-mismatch");
const LINK_UNEXPECTED: Check = benv("chain-link-in-first-entry");
const LINK_MISSING: Check = benv("chain-link-missing");
const LINK_BROKEN: Check = benv("chain-link-broken");
const ISSUANCE_MISSING: Check = benv("issuance-manifest-missing");
const ISSUANCE_CHECKSUM: Check = benv("issuance-manifest-checksum-mismatch");
const VISUALISATION_CHECKSUM: Check = benv("visualisation-checksum-mismatch");
const CTR_NOT_FIRST: Check = benv("control-tracking-registry-not-in-first-entry");
const NO_TRANSACTIONS: Check = benv("transactions-empty");
const FIRST_NOT_ISSUE: Check = benv("first-transaction-not-issue");
const ISSUE_NOT_FIRST: Check = benv("issue-not-first");
const UNKNOWN_ACTION: Check = benv("unknown-action-code");
const WRONG_RECIPIENT: Check = benv("recipient-not-this-platform");
const TITLE_RULE: ResponseCode = ResponseCode::BadEnvelope;
pub(crate) const DOCUMENT_MISSING: Check = Check {
    code: "document-missing",
    response: ResponseCode::MissingDocuments,
};

/// Collects findings and the verdict they add up to.
struct Outcome {
    findings: Vec<Finding>,
    failures: BTreeSet<ResponseCode>,
}

impl Outcome {
    fn fail(
        &mut self,
        check: Check,
        path: impl Into<String>,
        message: impl Into<String>,
        entry: Option<usize>,
    ) {
        let mut finding = Finding::error(check.code, path, message);
        finding.entry = entry;
        self.findings.push(finding);
        self.failures.insert(check.response);
    }

    fn note(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// BSIG outranks BENV (a bad signature means nothing about the content can be asserted),
    /// BENV outranks MDOC, and no failure at all is RECE.
    fn response_code(&self) -> ResponseCode {
        [
            ResponseCode::BadSignature,
            ResponseCode::BadEnvelope,
            ResponseCode::MissingDocuments,
        ]
        .into_iter()
        .find(|code| self.failures.contains(code))
        .unwrap_or(ResponseCode::Received)
    }
}

/// Verifies a received PINT envelope the way a receiving platform must (`reference/dcsa.md`
/// §2.7) and returns every finding with its chain-entry index and JSON path, and the PINT
/// response code it maps to.
///
/// `Err` means the bytes are not a PINT envelope at all (not JSON, or the wrong shape); any
/// problem with an envelope is a finding in the report.
///
/// ```
/// use ebl::crypto::KeySet;
/// use ebl::pint::{verify_envelope, PintTrust, ResponseCode, EnvelopeVerifyOptions};
///
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
/// let envelope = std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?;
/// let mut trust = PintTrust::default();
/// for name in ["ed25519-carrier.example.com", "ed25519-eblplatform.example.com"] {
///     let jwk = std::fs::read(format!("{dir}/keys-public/{name}.public.jwk"))?;
///     trust.verifier.keys.extend(KeySet::from_jwks_bytes(&jwk)?)?;
/// }
/// let at = "2026-11-26T00:00:00Z".parse()?;
/// let report = verify_envelope(&envelope, &trust, &EnvelopeVerifyOptions::at(at))?;
/// assert_eq!(report.response_code, ResponseCode::Received, "{:#?}", report.findings);
/// assert_eq!(report.entries.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_envelope(
    bytes: &[u8],
    trust: &PintTrust,
    options: &EnvelopeVerifyOptions,
) -> crate::Result<EnvelopeReport> {
    let value = parse(bytes)?;
    let envelope: EblEnvelope = from_value(&value, &JsonPath::root())?;
    Ok(verify_parsed_envelope(&envelope, trust, options))
}

/// [`verify_envelope`] for an envelope already parsed (for example one just built).
#[must_use]
pub fn verify_parsed_envelope(
    envelope: &EblEnvelope,
    trust: &PintTrust,
    options: &EnvelopeVerifyOptions,
) -> EnvelopeReport {
    let mut outcome = Outcome {
        findings: Vec::new(),
        failures: BTreeSet::new(),
    };
    let root = JsonPath::root();
    let td_path = root.key("transportDocument");
    let td_checksum = canonical_json_sha256(&envelope.transport_document);
    let chain = &envelope.envelope_transfer_chain;
    let chain_path = root.key("envelopeTransferChain");

    // Step 4 first, so that the sending platform (the last entry's) is known for step 1.
    let mut entries = Vec::with_capacity(chain.len());
    let mut parsed_entries = Vec::with_capacity(chain.len());
    if chain.is_empty() {
        outcome.fail(
            CHAIN_EMPTY,
            chain_path.as_str(),
            "the envelope transfer chain has no entries",
            None,
        );
    }
    let mut previous_checksum: Option<String> = None;
    let mut issuance_manifest: Option<IssuanceManifest> = None;
    for (index, compact) in chain.iter().enumerate() {
        let path = chain_path.index(index);
        let checksum = sha256_hex(compact.as_bytes());
        let CheckedEntry {
            signer,
            entry,
            content_matches,
            link_ok,
        } = check_entry(
            &mut outcome,
            trust,
            options,
            compact,
            index,
            &path,
            &td_checksum,
            previous_checksum.as_deref(),
        );
        let mut issuance_signer = None;
        let mut issuance_content_matches = None;
        if let Some(entry) = &entry
            && index == 0
            && let Some((signer, manifest)) =
                check_issuance(&mut outcome, trust, options, entry, &path, &td_checksum)
        {
            issuance_signer = Some(signer);
            issuance_content_matches = Some(
                manifest
                    .as_ref()
                    .is_some_and(|m| m.document_checksum == td_checksum),
            );
            issuance_manifest = manifest;
        }
        entries.push(EntryReport {
            index,
            checksum: checksum.clone(),
            platform: entry.as_ref().map(|e| e.ebl_platform.clone()),
            signer,
            issuance_signer,
            content_matches,
            link_ok,
            issuance_content_matches,
            transactions: Vec::new(),
        });
        parsed_entries.push(entry);
        previous_checksum = Some(checksum);
    }
    let last_entry_checksum = previous_checksum;
    let sending_platform = parsed_entries
        .last()
        .and_then(|e| e.as_ref())
        .map(|e| e.ebl_platform.clone());

    // Steps 1-3: the manifest, the document checksum and the link to the last entry.
    let manifest_path = root.key("envelopeManifestSignedContent");
    let Signed {
        info: mut sender,
        payload: manifest,
    } = check_signed::<EnvelopeManifest>(
        &mut outcome,
        trust,
        options,
        &envelope.envelope_manifest_signed_content,
        &manifest_path,
        None,
        (MANIFEST_SIGNATURE, MANIFEST_MALFORMED),
    );
    if let Some(platform) = &sending_platform {
        check_binding(
            &mut outcome,
            &mut sender,
            |t| trust.is_platform_thumbprint(platform, t),
            MANIFEST_SIGNER,
            &manifest_path,
            format!("the manifest is not signed by a key of the sending platform {platform}"),
            None,
        );
    }
    let mut declared_documents = Vec::new();
    let mut manifest_content_matches = manifest.is_some();
    if let Some(manifest) = &manifest {
        if manifest.transport_document_checksum != td_checksum {
            manifest_content_matches = false;
            outcome.fail(
                TD_CHECKSUM,
                td_path.as_str(),
                format!(
                    "the transport document's checksum is {td_checksum}, but the manifest signed {}",
                    manifest.transport_document_checksum
                ),
                None,
            );
        }
        if let Some(last) = &last_entry_checksum
            && &manifest.last_envelope_transfer_chain_entry_signed_content_checksum != last
        {
            manifest_content_matches = false;
            outcome.fail(
                LAST_ENTRY_CHECKSUM,
                chain_path.index(chain.len().saturating_sub(1)).as_str(),
                format!(
                    "the last chain entry's checksum is {last}, but the manifest signed {}",
                    manifest.last_envelope_transfer_chain_entry_signed_content_checksum
                ),
                Some(chain.len().saturating_sub(1)),
            );
        }
        declared_documents.extend(manifest.ebl_visualisation_by_carrier.iter().cloned());
        declared_documents.extend(manifest.supporting_documents.iter().cloned());
        if let (Some(visualisation), Some(issued)) =
            (&manifest.ebl_visualisation_by_carrier, &issuance_manifest)
            && !check_visualisation(&mut outcome, visualisation, issued, &chain_path)
            && let Some(first) = entries.first_mut()
        {
            first.issuance_content_matches = Some(false);
        }
    }

    // Step 5 is checked per entry; step 6 in check_issuance. Step 7: the recipient.
    let last_transaction = parsed_entries
        .last()
        .and_then(|e| e.as_ref())
        .and_then(|e| e.transactions.last());
    if let (Some(platform), Some(transaction)) = (&options.receiving_platform, last_transaction) {
        let addressed_to = transaction
            .recipient
            .as_ref()
            .map(|r| r.ebl_platform.as_str());
        if addressed_to != Some(platform.as_str()) {
            let index = chain.len().saturating_sub(1);
            let tx = parsed_entries
                .last()
                .and_then(|e| e.as_ref())
                .map_or(0, |e| e.transactions.len().saturating_sub(1));
            outcome.fail(
                WRONG_RECIPIENT,
                chain_path.index(index).key("transactions").index(tx).key("recipient").as_str(),
                match addressed_to {
                    Some(other) => format!("the last transaction is addressed to platform {other}, not to this platform ({platform})"),
                    None => format!("the last transaction has no recipient, so it is not addressed to this platform ({platform})"),
                },
                Some(index),
            );
        }
    }

    // The title rules over the whole chain.
    let signed_entries: Vec<(Option<&EnvelopeTransferChainEntry>, bool)> = parsed_entries
        .iter()
        .zip(&entries)
        .map(|(entry, report)| (entry.as_ref(), report.signer.verified))
        .collect();
    let history = history_from_chain(&envelope.transport_document, &signed_entries, &td_checksum);
    let replay = replay(&history);
    for (report, entry) in entries.iter_mut().zip(parsed_entries) {
        if let Some(entry) = entry {
            report.transactions = entry.transactions;
        }
    }
    for finding in &replay.findings {
        let (path, entry) = locate_event_finding(&history, finding);
        outcome.findings.push(Finding {
            path,
            entry,
            ..finding.clone()
        });
        if finding.severity == Severity::Error {
            outcome.failures.insert(TITLE_RULE);
        }
    }

    // Step 9: documents.
    let mut missing_documents = Vec::new();
    if let Some(held) = &options.held_documents {
        for document in &declared_documents {
            if !held.contains(&document.document_checksum) {
                missing_documents.push(document.document_checksum.clone());
                outcome.fail(
                    DOCUMENT_MISSING,
                    manifest_path.as_str(),
                    format!(
                        "document {} ({}) is declared but has not been received",
                        document.name, document.document_checksum
                    ),
                    None,
                );
            }
        }
    }

    // The document's own content rules are the business of the parties, not of the transfer:
    // they are reported as warnings.
    if options.validate_document {
        for finding in document_findings(&envelope.transport_document, &td_path) {
            outcome.note(finding);
        }
    }

    EnvelopeReport {
        response_code: outcome.response_code(),
        findings: outcome.findings,
        transport_document_reference: envelope
            .transport_document
            .get("transportDocumentReference")
            .and_then(Value::as_str)
            .map(str::to_owned),
        transport_document_checksum: td_checksum,
        last_entry_checksum,
        sender,
        manifest_content_matches,
        entries,
        declared_documents,
        missing_documents,
        history,
        replay,
    }
}

/// What [`check_entry`] found out about one chain entry, beyond its findings.
struct CheckedEntry {
    signer: SignerInfo,
    entry: Option<EnvelopeTransferChainEntry>,
    /// See [`EntryReport::content_matches`].
    content_matches: bool,
    /// See [`EntryReport::link_ok`].
    link_ok: Option<bool>,
}

/// Checks one chain entry: signature, payload, links and checksums, transactions.
#[allow(clippy::too_many_arguments)]
fn check_entry(
    outcome: &mut Outcome,
    trust: &PintTrust,
    options: &EnvelopeVerifyOptions,
    compact: &str,
    index: usize,
    path: &JsonPath,
    td_checksum: &str,
    previous_checksum: Option<&str>,
) -> CheckedEntry {
    let Signed { mut info, payload } = check_signed::<EnvelopeTransferChainEntry>(
        outcome,
        trust,
        options,
        compact,
        path,
        Some(index),
        (ENTRY_SIGNATURE, ENTRY_MALFORMED),
    );
    let Some(entry) = payload else {
        return CheckedEntry {
            signer: info,
            entry: None,
            content_matches: false,
            link_ok: None,
        };
    };
    check_binding(
        outcome,
        &mut info,
        |t| trust.is_platform_thumbprint(&entry.ebl_platform, t),
        ENTRY_SIGNER,
        path,
        format!(
            "the entry says it was recorded by platform {}, but is not signed by a key of that platform",
            entry.ebl_platform
        ),
        Some(index),
    );
    let content_matches = entry.transport_document_checksum == td_checksum;
    if !content_matches {
        outcome.fail(
            ENTRY_TD_CHECKSUM,
            path.key("transportDocumentChecksum").as_str(),
            format!(
                "the entry is for transport document {}, but the envelope carries {td_checksum}",
                entry.transport_document_checksum
            ),
            Some(index),
        );
    }
    let link_path = path.key("previousEnvelopeTransferChainEntrySignedContentChecksum");
    let link_ok = match (
        index,
        &entry.previous_envelope_transfer_chain_entry_signed_content_checksum,
        previous_checksum,
    ) {
        (0, Some(_), _) => {
            outcome.fail(
                LINK_UNEXPECTED,
                link_path.as_str(),
                "the first entry must not point to a previous entry",
                Some(index),
            );
            Some(false)
        }
        (_, None, Some(_)) => {
            outcome.fail(
                LINK_MISSING,
                link_path.as_str(),
                "every entry after the first must carry the checksum of the one before it",
                Some(index),
            );
            Some(false)
        }
        (_, Some(link), Some(expected)) if link != expected => {
            outcome.fail(
                LINK_BROKEN,
                link_path.as_str(),
                format!(
                    "the entry points to previous entry {link}, but the entry before it is {expected}"
                ),
                Some(index),
            );
            Some(false)
        }
        (_, Some(_), Some(_)) => Some(true),
        _ => None,
    };
    if index > 0 && entry.control_tracking_registry.is_some() {
        outcome.fail(
            CTR_NOT_FIRST,
            path.key("controlTrackingRegistry").as_str(),
            "a control tracking registry may only be named in the first entry",
            Some(index),
        );
    }
    if index > 0 && entry.issuance_manifest_signed_content.is_some() {
        outcome.note(
            Finding::warning(
                "issuance-manifest-not-first",
                path.key("issuanceManifestSignedContent"),
                "an issuance manifest outside the first entry is ignored",
            )
            .at_entry(index),
        );
    }
    let transactions_path = path.key("transactions");
    if entry.transactions.is_empty() {
        outcome.fail(
            NO_TRANSACTIONS,
            transactions_path.as_str(),
            "the entry records no transactions",
            Some(index),
        );
    }
    for (t, transaction) in entry.transactions.iter().enumerate() {
        let tx_path = transactions_path.index(t);
        let first = index == 0 && t == 0;
        match &transaction.action_code {
            ActionCode::Issue if !first => outcome.fail(
                ISSUE_NOT_FIRST,
                tx_path.key("actionCode").as_str(),
                "ISSUE may only be the first transaction of the first entry",
                Some(index),
            ),
            ActionCode::Other(code) => outcome.fail(
                UNKNOWN_ACTION,
                tx_path.key("actionCode").as_str(),
                format!("unknown action code {code:?}"),
                Some(index),
            ),
            _ => {}
        }
        if first && transaction.action_code != ActionCode::Issue {
            outcome.fail(
                FIRST_NOT_ISSUE,
                tx_path.key("actionCode").as_str(),
                format!(
                    "the first transaction must be ISSUE, not {}",
                    transaction.action_code.as_str()
                ),
                Some(index),
            );
        }
        if transaction.generation == TransactionGeneration::Legacy {
            outcome.note(
                Finding::new(
                    Severity::Info,
                    "legacy-transaction-format",
                    tx_path.as_str(),
                    "written in the pre-November-2025 format (action/timestamp); read as the current one",
                )
                .at_entry(index),
            );
        }
    }
    if index == 0 && entry.issuance_manifest_signed_content.is_none() {
        outcome.fail(
            ISSUANCE_MISSING,
            path.key("issuanceManifestSignedContent").as_str(),
            "the first entry must carry the carrier-signed issuance manifest",
            Some(index),
        );
    }
    CheckedEntry {
        signer: info,
        entry: Some(entry),
        content_matches,
        link_ok,
    }
}

/// Step 6: the carrier's issuance manifest in entry 0.
fn check_issuance(
    outcome: &mut Outcome,
    trust: &PintTrust,
    options: &EnvelopeVerifyOptions,
    entry: &EnvelopeTransferChainEntry,
    entry_path: &JsonPath,
    td_checksum: &str,
) -> Option<(SignerInfo, Option<IssuanceManifest>)> {
    let compact = entry.issuance_manifest_signed_content.as_ref()?;
    let path = entry_path.key("issuanceManifestSignedContent");
    let Signed { mut info, payload } = check_signed::<IssuanceManifest>(
        outcome,
        trust,
        options,
        compact,
        &path,
        Some(0),
        (ISSUANCE_SIGNATURE, ISSUANCE_MALFORMED),
    );
    check_binding(
        outcome,
        &mut info,
        |t| trust.is_carrier_thumbprint(t),
        ISSUANCE_SIGNER,
        &path,
        "the issuance manifest is not signed by a trusted carrier key".to_owned(),
        Some(0),
    );
    if let Some(manifest) = &payload
        && manifest.document_checksum != td_checksum
    {
        outcome.fail(
            ISSUANCE_CHECKSUM,
            path.key("documentChecksum").as_str(),
            format!(
                "the carrier issued transport document {}, but the envelope carries {td_checksum}",
                manifest.document_checksum
            ),
            Some(0),
        );
    }
    Some((info, payload))
}

/// The visualisation declared in the manifest must be the one the carrier issued; returns
/// whether it is.
fn check_visualisation(
    outcome: &mut Outcome,
    visualisation: &DocumentMetadata,
    issued: &IssuanceManifest,
    chain_path: &JsonPath,
) -> bool {
    if let Some(issued) = &issued.ebl_visualisation_by_carrier_checksum
        && issued != &visualisation.document_checksum
    {
        outcome.fail(
            VISUALISATION_CHECKSUM,
            chain_path
                .index(0)
                .key("issuanceManifestSignedContent")
                .key("eBLVisualisationByCarrierChecksum")
                .as_str(),
            format!(
                "the manifest declares visualisation {}, but the carrier issued {issued}",
                visualisation.document_checksum
            ),
            Some(0),
        );
        return false;
    }
    true
}

/// A verified (or not) JWS and its payload.
struct Signed<T> {
    info: SignerInfo,
    payload: Option<T>,
}

/// Verifies a JWS and reads its payload as `T`. On a signature failure the payload is still
/// read (unverified) so that every other check can run and be reported.
fn check_signed<T: serde::de::DeserializeOwned>(
    outcome: &mut Outcome,
    trust: &PintTrust,
    options: &EnvelopeVerifyOptions,
    compact: &str,
    path: &JsonPath,
    entry: Option<usize>,
    (signature_check, shape_check): (Check, Check),
) -> Signed<T> {
    let decoded = match decode_compact(compact) {
        Ok(decoded) => decoded,
        Err(e) => {
            outcome.fail(
                shape_check,
                path.as_str(),
                format!("not a usable JWS: {e}"),
                entry,
            );
            return Signed {
                info: unsigned_info(None),
                payload: None,
            };
        }
    };
    let info = match trust.verifier.verify_decoded(&decoded, options.at) {
        Ok(verified) => signer_info(&verified),
        Err(e) => {
            outcome.fail(signature_check, path.as_str(), signature_message(&e), entry);
            unsigned_info(Some(&decoded))
        }
    };
    let payload = match parse(decoded.payload()) {
        Ok(payload) => payload,
        Err(e) => {
            outcome.fail(
                shape_check,
                path.as_str(),
                format!("the signed payload is not acceptable JSON: {e}"),
                entry,
            );
            return Signed {
                info,
                payload: None,
            };
        }
    };
    match from_value::<T>(&payload, path) {
        Ok(value) => Signed {
            info,
            payload: Some(value),
        },
        Err(e) => {
            outcome.fail(
                shape_check,
                path.as_str(),
                format!("the signed payload has the wrong shape: {e}"),
                entry,
            );
            Signed {
                info,
                payload: None,
            }
        }
    }
}

/// Fails `check` (and marks the signer unverified) when a verified key is not one the
/// signing party may use; `allowed` is asked about the key's thumbprint.
fn check_binding(
    outcome: &mut Outcome,
    info: &mut SignerInfo,
    allowed: impl FnOnce(&str) -> bool,
    check: Check,
    path: &JsonPath,
    message: String,
    entry: Option<usize>,
) {
    let permitted = info.key_thumbprint.as_deref().is_some_and(allowed);
    if info.verified && !permitted {
        info.verified = false;
        outcome.fail(check, path.as_str(), message, entry);
    }
}

fn signature_message(error: &CryptoError) -> String {
    format!("signature not accepted: {error}")
}

fn unsigned_info(jws: Option<&UnverifiedJws>) -> SignerInfo {
    SignerInfo {
        algorithm: jws
            .map(|j| j.header().alg().as_str().to_owned())
            .unwrap_or_default(),
        kid: jws.and_then(|j| j.header().kid().map(str::to_owned)),
        key_thumbprint: None,
        certificate_subject: None,
        verified: false,
    }
}

fn signer_info(verified: &VerifiedJws) -> SignerInfo {
    SignerInfo {
        algorithm: verified.header().alg().as_str().to_owned(),
        kid: verified.header().kid().map(str::to_owned),
        key_thumbprint: Some(verified.key().thumbprint()),
        certificate_subject: verified
            .certificate_chain()
            .first()
            .map(|c| c.subject().to_owned()),
        verified: true,
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
        Some(crate::title::EventSource::Pint { entry, path, .. }) => (path.clone(), Some(*entry)),
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
