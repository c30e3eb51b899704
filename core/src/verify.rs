//! One entry point for any eBL file: detect its format and run that format's verification.
//!
//! This is what `ebl verify`, `ebl_verify` (C) and `ebl.verify` (Python) call, so that the
//! three give the same verdict on the same bytes.
//!
//! ```
//! use ebl::verify::{verify_bytes, VerifyContext};
//!
//! let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
//! let mut context = VerifyContext::at("2026-11-26T00:00:00Z".parse()?);
//! for name in ["ed25519-carrier.example.com", "ed25519-eblplatform.example.com"] {
//!     context.add_keys(&std::fs::read(format!("{dir}/keys-public/{name}.public.jwk"))?)?;
//! }
//! let envelope = std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?;
//! let verification = verify_bytes(&envelope, &context)?;
//! assert!(verification.valid);
//! assert_eq!(verification.format.as_str(), "dcsa-pint-envelope");
//!
//! let err = verify_bytes(b"%PDF-1.7", &context).unwrap_err();
//! assert_eq!(err.code(), ebl::ErrorCode::JsonSyntax);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod stream;

pub use stream::{VERIFY_STREAM_BATCH, VerifyStream, verify_stream};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::crypto::x509::Certificate;
use crate::detect::{Format, detect, detect_compact};
use crate::json::parse;
use crate::pint::{
    EnvelopeReport, EnvelopeVerifyOptions, PintTrust, ResponseCode, verify_parsed_envelope,
};
use crate::report::{Finding, is_clean};

/// Everything a verifier is told besides the file: whom to trust and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyContext {
    /// Keys, certificate anchors and platform bindings for DCSA signatures.
    pub pint: PintTrust,
    /// Issuer identities for OpenAttestation (TradeTrust) documents.
    #[cfg(feature = "openattestation")]
    pub openattestation: OpenAttestationTrust,
    /// The time at which keys and certificates must be valid.
    pub at: DateTime<Utc>,
    /// The receiving platform's code, for the PINT recipient check (`None`: not checked).
    pub receiving_platform: Option<String>,
}

impl VerifyContext {
    /// A context that trusts nobody yet, at time `at`.
    #[must_use]
    pub fn at(at: DateTime<Utc>) -> VerifyContext {
        VerifyContext {
            pint: PintTrust::default(),
            #[cfg(feature = "openattestation")]
            openattestation: OpenAttestationTrust::default(),
            at,
            receiving_platform: None,
        }
    }

    /// Trusts the public keys in `bytes`, whatever their form: a JWK, a JWK Set, a PEM
    /// public key, a PEM or DER X.509 certificate (its key), or a private key in PEM or JWK
    /// form (its public half). Returns how many keys were added; keys already trusted are
    /// skipped.
    pub fn add_keys(&mut self, bytes: &[u8]) -> crate::Result<usize> {
        let keys = crate::crypto::read_public_keys(bytes)?;
        let mut added = 0;
        for crate::crypto::KeyEntry { kid, key, .. } in keys {
            if self.pint.verifier.keys.find_key(&key).is_some() {
                continue;
            }
            let kid = kid.filter(|k| self.pint.verifier.keys.get(k).is_none());
            self.pint.verifier.keys.insert(kid, key)?;
            added += 1;
        }
        Ok(added)
    }

    /// Trusts the platform and carrier keys and the anchor certificates of a trust store, as
    /// they stand at this context's time, with platform keys bound to their platform codes
    /// (see [`TrustStore::add_to_pint_trust`](crate::trust::TrustStore::add_to_pint_trust)).
    pub fn add_trust_store(
        &mut self,
        store: &crate::trust::TrustStore,
    ) -> crate::Result<crate::trust::PintTrustSummary> {
        store.add_to_pint_trust(&mut self.pint, self.at)
    }

    /// Names the receiving platform: the last PINT transaction must be addressed to it (its
    /// `recipient.eblPlatform`). Without it the recipient is not checked, which only a
    /// bystander (an auditor, a bank reading a copy) should want. `None` forgets it again.
    ///
    /// ```
    /// let mut context = ebl::verify::VerifyContext::at("2026-06-01T00:00:00Z".parse()?);
    /// context.set_receiving_platform(Some("WAVE"));
    /// assert_eq!(context.receiving_platform.as_deref(), Some("WAVE"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_receiving_platform(&mut self, platform: Option<&str>) {
        self.receiving_platform = platform.map(str::to_owned);
    }

    /// Trusts Ethereum addresses to sign OpenAttestation DID proofs
    /// (`OpenAttestationSignature2018`): `text` holds one or more `0x` + 40 hex digit
    /// addresses, separated by white space or commas, as a user types or a file lists them.
    /// Nothing is added unless every address parses; the error names the first bad one.
    /// Returns how many were added (addresses already trusted are skipped).
    ///
    /// ```
    /// let mut context = ebl::verify::VerifyContext::at("2026-06-01T00:00:00Z".parse()?);
    /// let two = "0x142ca30e3b78a840a82192529ca047ed759a6f7e, 0x0000000000000000000000000000000000000001";
    /// assert_eq!(context.add_ethereum_addresses(two)?, 2);
    /// assert_eq!(context.add_ethereum_addresses("0x142CA30E3B78A840A82192529CA047ED759A6F7E")?, 0);
    /// let err = context.add_ethereum_addresses("0x0000000000000000000000000000000000000002 0xabc").unwrap_err();
    /// assert!(err.to_string().contains("\"0xabc\""));
    /// assert_eq!(context.openattestation.addresses.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "openattestation")]
    pub fn add_ethereum_addresses(&mut self, text: &str) -> crate::Result<usize> {
        let parsed = text
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .map(str::parse::<crate::openattestation::EthereumAddress>)
            .collect::<crate::Result<Vec<_>>>()?;
        let addresses = &mut self.openattestation.addresses;
        let before = addresses.len();
        for address in parsed {
            if !addresses.contains(&address) {
                addresses.push(address);
            }
        }
        Ok(addresses.len() - before)
    }

    /// Supplies DNS TXT answers for OpenAttestation identity proofs (`DNS-TXT`, `DNS-DID`):
    /// `bytes` is a JSON object of domain → array of TXT strings, what a resolver returned
    /// (ebl makes no network calls). Answers for a domain already supplied replace the earlier
    /// ones. Returns how many domains the file named.
    ///
    /// ```
    /// let mut context = ebl::verify::VerifyContext::at("2026-06-01T00:00:00Z".parse()?);
    /// let answers = br#"{"example.com": ["openatts net=ethereum netId=1 addr=0x142ca30e3b78a840a82192529ca047ed759a6f7e"]}"#;
    /// assert_eq!(context.add_dns_txt_answers(answers)?, 1);
    /// let err = context.add_dns_txt_answers(br#"{"example.com": "not an array"}"#).unwrap_err();
    /// assert!(err.to_string().contains("example.com"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "openattestation")]
    pub fn add_dns_txt_answers(&mut self, bytes: &[u8]) -> crate::Result<usize> {
        let answers: std::collections::BTreeMap<String, Vec<String>> =
            crate::json::from_slice(bytes)?;
        let count = answers.len();
        self.openattestation
            .dns_txt
            .get_or_insert_with(Default::default)
            .extend(answers);
        Ok(count)
    }

    /// Trusts the root certificates in `bytes` (PEM, one or more, or DER) as anchors for
    /// `x5c` chains. Returns how many were added.
    pub fn add_anchors(&mut self, bytes: &[u8]) -> crate::Result<usize> {
        let certificates = Certificate::read_all(bytes)?;
        let count = certificates.len();
        for certificate in certificates {
            self.pint.verifier.anchors.add(certificate);
        }
        Ok(count)
    }
}

/// The verdict on one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// Whether the file passed every check of its format.
    pub valid: bool,
    /// The format it was read as.
    #[serde(serialize_with = "serialize_format")]
    pub format: Format,
    /// Every finding, errors and warnings.
    pub findings: Vec<Finding>,
    /// For a PINT envelope: the response code a receiving platform would answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_code: Option<ResponseCode>,
    /// The document's own reference (`transportDocumentReference`, B/L number, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_reference: Option<String>,
    /// The checksum that identifies the document's content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_checksum: Option<String>,
    /// The full PINT report, for a PINT envelope.
    #[serde(skip)]
    pub pint: Option<Box<EnvelopeReport>>,
    /// For an OpenAttestation document: the issuer identity checks its verdict was built from
    /// (what [`crate::recognition::RecognitionInput::from_openattestation`] takes).
    #[cfg(feature = "openattestation")]
    #[serde(skip)]
    pub openattestation_identity: Option<Box<crate::openattestation::OpenAttestationIdentity>>,
}

impl Verification {
    /// The verdict as the JSON object `ebl verify --json` prints for the file (the command
    /// puts a `"file"` member first): `valid`, `format`, `findings`, and when known
    /// `responseCode`, `documentReference` and `documentChecksum`. The C and Python surfaces
    /// return the same object, so a script reads one shape whichever it calls.
    ///
    /// ```
    /// use ebl::verify::{verify_bytes, VerifyContext};
    /// let td = br#"{"transportDocumentReference": "X", "transportDocumentTypeCode": "BOL"}"#;
    /// let verification = verify_bytes(td, &VerifyContext::at("2026-06-01T00:00:00Z".parse()?))?;
    /// let json = verification.to_json_value();
    /// assert_eq!(json["format"], "dcsa-transport-document");
    /// assert_eq!(json["documentReference"], "X");
    /// assert_eq!(json["valid"], verification.valid);
    /// assert!(json.get("responseCode").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_json_value(&self) -> Value {
        // Serialising strings, booleans and enums into a `Value` cannot fail.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// The JSON object `ebl verify --json` prints for input that could not be evaluated (not
/// JSON, not a known format, unreadable): `valid` false, `format` `"unknown"`, no findings,
/// the error's message, and its stable code as name (`errorCode`) and number
/// (`errorNumber`), so that a script handling a day's files tells "rejected" from "not an
/// eBL" without parsing messages.
///
/// ```
/// use ebl::verify::{unusable_json, verify_bytes, VerifyContext};
/// let err = verify_bytes(b"%PDF-1.7", &VerifyContext::at("2026-06-01T00:00:00Z".parse()?)).unwrap_err();
/// let json = unusable_json(&err);
/// assert_eq!(json["valid"], false);
/// assert_eq!(json["format"], "unknown");
/// assert_eq!(json["findings"], serde_json::json!([]));
/// assert_eq!(json["error"], err.to_string());
/// assert_eq!(json["errorCode"], "JsonSyntax");
/// assert_eq!(json["errorNumber"], err.code().as_u32());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn unusable_json(error: &crate::Error) -> Value {
    let code = error.code();
    serde_json::json!({
        "valid": false,
        "format": Format::Unknown.as_str(),
        "findings": [],
        "error": error.to_string(),
        "errorCode": code.name(),
        "errorNumber": code.as_u32(),
    })
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn serialize_format<S: serde::Serializer>(format: &Format, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(format.as_str())
}

/// What an OpenAttestation verifier is told: the facts that would otherwise need DNS or an
/// Ethereum node, supplied as data. Serialises to JSON (camelCase, like [`Verification`]) so
/// that a binding can show what a verdict was given.
#[cfg(feature = "openattestation")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenAttestationTrust {
    /// Ethereum addresses trusted to sign DID proofs (`OpenAttestationSignature2018`).
    pub addresses: Vec<crate::openattestation::EthereumAddress>,
    /// DNS TXT answers (domain → records) for DNS-TXT / DNS-DID identity proofs; `None`
    /// leaves identity unchecked, which the report says.
    pub dns_txt: Option<std::collections::BTreeMap<String, Vec<String>>>,
}

/// Detects the format of `bytes` and verifies them.
///
/// `Err` means the bytes cannot be evaluated: not JSON, or not a format `ebl` knows. Every
/// problem *with* a document of a known format is a finding, and `valid` is false.
///
/// DCSA documents must be I-JSON (RFC 8785 needs it); an OpenAttestation document is read as
/// JavaScript reads it, since that is what its hashes were made from.
pub fn verify_bytes(bytes: &[u8], context: &VerifyContext) -> crate::Result<Verification> {
    if let Some(compact) = detect_compact(bytes) {
        return verify_compact(compact, context);
    }
    #[cfg(feature = "openattestation")]
    if let Some(verification) = verify_plain_openattestation(bytes, context) {
        return Ok(verification);
    }
    let value = parse_document(bytes)?;
    match detect(&value) {
        // The value is ours: the document takes it without a copy.
        #[cfg(feature = "openattestation")]
        Format::OpenAttestationV2 => verify_openattestation(
            &crate::openattestation::WrappedDocument::from_value(value)?,
            context,
        ),
        _ => verify_value(&value, context),
    }
}

/// A compact JWS: a receiving platform's signed response is the one `ebl` reads. Its signature
/// is checked with the context's keys; a response that does not verify is invalid, whatever
/// code it carries. (Whether it answers *your* transfer is [`crate::pint::verify_response`]'s
/// check, which needs the transfer's last entry.)
fn verify_compact(compact: &str, context: &VerifyContext) -> crate::Result<Verification> {
    let decoded = crate::crypto::jws::decode_compact(compact)?;
    let payload = parse(decoded.payload())?;
    let is_response = payload.get("responseCode").is_some()
        && payload
            .get("lastEnvelopeTransferChainEntrySignedContentChecksum")
            .is_some();
    if !is_response {
        return Err(crate::Error::UnsupportedFormat {
            format: "a compact JWS that is not a PINT response".to_owned(),
        });
    }
    let response: crate::pint::EnvelopeTransferFinishedResponse =
        crate::json::from_value(&payload, &crate::json::JsonPath::root())?;
    let mut findings = Vec::new();
    if let Err(e) = context.pint.verifier.verify_decoded(&decoded, context.at) {
        findings.push(Finding::error(
            "response-signature",
            "$",
            format!("the response's signature does not verify: {e}"),
        ));
    }
    Ok(Verification {
        valid: is_clean(&findings),
        format: Format::PintResponse,
        findings,
        response_code: Some(response.response_code),
        document_reference: None,
        document_checksum: None,
        pint: None,
        #[cfg(feature = "openattestation")]
        openattestation_identity: None,
    })
}

/// Verifies many files at once: each as [`verify_bytes`] would, on every core when the
/// `parallel` feature is on (the default), with the results in input order. Verification of
/// one file never affects another, so a customs system can hand over a whole day's arrivals.
///
/// ```
/// use ebl::verify::{verify_batch, VerifyContext};
/// let td = br#"{"transportDocumentReference": "X", "transportDocumentTypeCode": "BOL"}"#;
/// let files: Vec<&[u8]> = vec![td, b"not json", td];
/// let results = verify_batch(&files, &VerifyContext::at("2026-06-01T00:00:00Z".parse()?));
/// assert_eq!(results.len(), 3);
/// assert!(results[0].is_ok() && results[1].is_err() && results[2].is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_batch<B>(inputs: &[B], context: &VerifyContext) -> Vec<crate::Result<Verification>>
where
    B: AsRef<[u8]> + Sync,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        inputs
            .par_iter()
            .map(|bytes| verify_bytes(bytes.as_ref(), context))
            .collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        inputs
            .iter()
            .map(|bytes| verify_bytes(bytes.as_ref(), context))
            .collect()
    }
}

/// Parses `bytes` as [`verify_bytes`] does: strictly (I-JSON), except that an OpenAttestation
/// document may hold numbers no double represents exactly, as JavaScript reads them. Use it
/// when the caller needs the value as well as the verification.
///
/// ```
/// use ebl::detect::{detect, Format};
/// // A DCSA document with an integer beyond 2^53 is refused...
/// let big = br#"{"transportDocumentReference": "X", "transportDocumentTypeCode": "BOL", "n": 9007199254740993}"#;
/// assert!(ebl::verify::parse_document(big).is_err());
/// let value = ebl::verify::parse_document(br#"{"transportDocumentReference": "X", "transportDocumentTypeCode": "BOL"}"#)?;
/// assert_eq!(detect(&value), Format::TransportDocument);
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn parse_document(bytes: &[u8]) -> crate::Result<Value> {
    match parse(bytes) {
        Ok(value) => Ok(value),
        #[cfg(feature = "openattestation")]
        Err(strict) if strict.code() == crate::ErrorCode::JsonNumberOutOfRange => {
            let lenient =
                crate::json::parse_with(bytes, &crate::json::Limits::javascript_numbers())?;
            if detect(&lenient) == Format::OpenAttestationV2 {
                Ok(lenient)
            } else {
                Err(strict.into())
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// [`verify_bytes`] for a value already parsed strictly.
pub fn verify_value(value: &Value, context: &VerifyContext) -> crate::Result<Verification> {
    let format = detect(value);
    match format {
        Format::PintEnvelope => {
            let envelope = crate::json::from_value(value, &crate::json::JsonPath::root())?;
            let mut options = EnvelopeVerifyOptions::at(context.at);
            options
                .receiving_platform
                .clone_from(&context.receiving_platform);
            let report = verify_parsed_envelope(&envelope, &context.pint, &options);
            Ok(Verification {
                valid: report.is_accepted(),
                format,
                findings: report.findings.clone(),
                response_code: Some(report.response_code),
                document_reference: report.transport_document_reference.clone(),
                document_checksum: Some(report.transport_document_checksum.clone()),
                pint: Some(Box::new(report)),
                #[cfg(feature = "openattestation")]
                openattestation_identity: None,
            })
        }
        Format::TransportDocument => {
            let document = crate::model::TransportDocument::from_value(value)?;
            let findings = document.validate();
            Ok(Verification {
                valid: is_clean(&findings),
                format,
                findings,
                response_code: None,
                document_reference: document.reference().map(str::to_owned),
                document_checksum: Some(crate::checksum::canonical_json_sha256(value)),
                pint: None,
                #[cfg(feature = "openattestation")]
                openattestation_identity: None,
            })
        }
        Format::IssuanceRequest => {
            let report = crate::pint::verify_issuance_request(value, &context.pint, context.at);
            Ok(Verification {
                valid: report.valid,
                format,
                findings: report.findings,
                response_code: None,
                document_reference: report.transport_document_reference,
                document_checksum: Some(report.document_checksum),
                pint: None,
                #[cfg(feature = "openattestation")]
                openattestation_identity: None,
            })
        }
        #[cfg(feature = "openattestation")]
        Format::OpenAttestationV2 => verify_openattestation(
            &crate::openattestation::WrappedDocument::from_value(value.clone())?,
            context,
        ),
        _ => Err(crate::Error::UnsupportedFormat {
            format: format.as_str().to_owned(),
        }),
    }
}

/// Integrity (target hash and merkle proof, as the OpenAttestation library checks it), then
/// the issuer's identity with whatever the context supplies. Whether the token registry or
/// document store has issued the document lives on chain and is reported as not checked.
#[cfg(feature = "openattestation")]
pub(crate) fn verify_openattestation(
    document: &crate::openattestation::WrappedDocument,
    context: &VerifyContext,
) -> crate::Result<Verification> {
    let integrity = OA_VERIFIER.with(|verifier| match verifier.try_borrow_mut() {
        Ok(mut verifier) => verifier.verify(document),
        Err(_) => document.verify(),
    });
    Ok(openattestation_verification(document, integrity, context))
}

#[cfg(feature = "openattestation")]
thread_local! {
    // Its buffers, reused from one document to the next on each thread.
    static OA_VERIFIER: std::cell::RefCell<crate::openattestation::IntegrityVerifier> =
        std::cell::RefCell::default();
}

/// [`verify_openattestation`] straight from the bytes of a plain wrapped document, hashing
/// `data` while reading it instead of building it first; `None` (nothing done) for any other
/// input, which the parsed path then verifies with the same outcome.
#[cfg(feature = "openattestation")]
fn verify_plain_openattestation(bytes: &[u8], context: &VerifyContext) -> Option<Verification> {
    let (document, integrity) = OA_VERIFIER.with(|verifier| {
        verifier
            .try_borrow_mut()
            .ok()
            .and_then(|mut verifier| verifier.verify_plain_bytes(bytes))
    })?;
    Some(openattestation_verification(&document, integrity, context))
}

/// The verdict from a document's integrity check: the issuer's identity, the reference.
/// Reads of `data` only [`crate::openattestation::REPORTED_DATA_MEMBERS`].
#[cfg(feature = "openattestation")]
fn openattestation_verification(
    document: &crate::openattestation::WrappedDocument,
    integrity: crate::openattestation::IntegrityCheck,
    context: &VerifyContext,
) -> Verification {
    use crate::openattestation::{OpenAttestationIdentity, verify_did_proof_of, verify_dns_txt_of};
    let mut findings = integrity.findings;
    // Only what the checks below read is unsalted, once, not the whole document.
    let unsalted = document
        .data_members(&crate::openattestation::REPORTED_DATA_MEMBERS)
        .map(Value::Object);
    let data = unsalted.as_ref().ok();
    let identity_types: Vec<&str> = data
        .map(crate::openattestation::issuers)
        .unwrap_or_default()
        .iter()
        .filter_map(|i| i.pointer("/identityProof/type").and_then(Value::as_str))
        .collect();
    let has_did = identity_types.iter().any(|&t| t == "DID" || t == "DNS-DID");
    let has_dns = identity_types
        .iter()
        .any(|&t| t == "DNS-TXT" || t == "DNS-DID");
    let trust = &context.openattestation;
    let identity = OpenAttestationIdentity {
        dns: trust
            .dns_txt
            .as_ref()
            .filter(|_| has_dns)
            .map(|answers| verify_dns_txt_of(unsalted.as_ref(), answers, None)),
        did: (has_did || document.as_value().get("proof").is_some())
            .then(|| verify_did_proof_of(document, data, &trust.addresses)),
    };
    if let Some(did) = &identity.did {
        findings.extend(did.findings.iter().cloned());
    }
    match &identity.dns {
        Some(dns) => findings.extend(dns.findings.iter().cloned()),
        None if has_dns => findings.push(Finding::warning(
            "oa-identity-not-checked",
            "$.data.issuers",
            "the issuer's DNS identity proof was not checked: no DNS TXT answers were supplied",
        )),
        None => {}
    }
    if identity_types.iter().any(|&t| t != "DID") {
        findings.push(Finding::new(
            crate::report::Severity::Info,
            "oa-issuance-not-checked",
            "$.signature.merkleRoot",
            "whether the issuer's token registry or document store issued this merkleRoot is recorded on chain and was not checked",
        ));
    }
    let reference = data.and_then(|d| {
        ["blNumber", "id"]
            .iter()
            .find_map(|k| d.get(*k).and_then(Value::as_str))
            .map(str::to_owned)
    });
    Verification {
        valid: is_clean(&findings),
        format: Format::OpenAttestationV2,
        findings,
        response_code: None,
        document_reference: reference,
        document_checksum: document.target_hash().map(str::to_owned),
        pint: None,
        openattestation_identity: Some(Box::new(identity)),
    }
}
