//! The DCSA eBL Issuance API request: what a carrier sends a platform to issue an eBL.
//!
//! `PUT /v3/ebl-issuance-requests` carries the transport document, the party it is issued to
//! (`issueTo`), optionally the carrier's visualisation (a PDF as base64), and the carrier-signed
//! [`IssuanceManifest`] that binds all three by checksum (`reference/dcsa.md` §2.5, §4.1). The
//! same signed manifest later travels in chain entry 0 of every PINT envelope.

use chrono::{DateTime, Utc};
use ring::rand::SecureRandom;
use serde::Serialize;
use serde_json::{Map, Value};

use super::builder::Signer;
use super::trust::PintTrust;
use super::types::IssuanceManifest;
use super::verify::SignerInfo;
use crate::checksum::{canonical_json_sha256, sha256_hex};
use crate::crypto::b64;
use crate::crypto::jws::decode_compact;
use crate::json::{JsonPath, from_value, parse};
use crate::report::{Finding, Severity, is_clean};

/// The carrier's rendering of the B/L inside an issuance request (`SupportingDocument`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visualisation {
    /// File name.
    pub name: String,
    /// MIME type (`application/pdf` when absent).
    pub content_type: String,
    /// The decoded bytes.
    pub content: Vec<u8>,
}

/// Builds a signed issuance request: the carrier signs a manifest over the document, the
/// `issueTo` party and the visualisation, and the request carries all four.
///
/// ```
/// use ebl::crypto::{KeyType, PrivateKey};
/// use ebl::pint::{sign_issuance_request, verify_issuance_request, PintTrust, Signer};
///
/// let rng = ring::rand::SystemRandom::new();
/// let carrier = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
/// let document = serde_json::json!({"transportDocumentReference": "LCOL123"});
/// let issue_to = serde_json::json!({"partyName": "Straits Precision", "sendToPlatform": "SGTT",
///     "identifyingCodes": [{"codeListProvider": "SGTT", "partyCode": "straits"}]});
/// let request = sign_issuance_request(&document, &issue_to, None, &carrier, &rng)?;
///
/// let mut trust = PintTrust::default();
/// trust.trust_carrier_key(carrier.key.public_key().clone())?;
/// let report = verify_issuance_request(&request, &trust, "2026-06-01T00:00:00Z".parse()?);
/// assert!(report.signer.is_some_and(|s| s.verified));
/// // This two-line document is far from a complete DCSA transport document, which the
/// // report says, so the request as a whole is not valid.
/// assert!(report.findings.iter().any(|f| f.code == "required"));
/// assert!(!report.valid);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sign_issuance_request(
    document: &Value,
    issue_to: &Value,
    visualisation: Option<&Visualisation>,
    carrier: &Signer,
    rng: &dyn SecureRandom,
) -> crate::Result<Value> {
    let manifest = IssuanceManifest {
        document_checksum: canonical_json_sha256(document),
        issue_to_checksum: canonical_json_sha256(issue_to),
        ebl_visualisation_by_carrier_checksum: visualisation.map(|v| sha256_hex(&v.content)),
        extra: Map::new(),
    };
    let mut request = Map::new();
    request.insert("document".into(), document.clone());
    request.insert("issueTo".into(), issue_to.clone());
    if let Some(v) = visualisation {
        request.insert(
            "eBLVisualisationByCarrier".into(),
            serde_json::json!({"name": v.name, "content": b64::encode_standard(&v.content), "contentType": v.content_type}),
        );
    }
    request.insert(
        "issuanceManifestSignedContent".into(),
        Value::String(carrier.sign_json(&manifest, rng)?),
    );
    Ok(Value::Object(request))
}

/// What [`verify_issuance_request`] found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuanceReport {
    /// Whether the request is intact, signed by a trusted carrier key, and its document valid.
    pub valid: bool,
    /// Every finding.
    pub findings: Vec<Finding>,
    /// `transportDocumentReference`, if present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport_document_reference: Option<String>,
    /// SHA-256 of the RFC 8785 form of the document.
    pub document_checksum: String,
    /// The carrier's signature.
    pub signer: Option<SignerInfo>,
}

/// Verifies an issuance request as the receiving platform: the carrier's signature on the
/// manifest, and the document, `issueTo` and visualisation checksums it signs. The document's
/// own validation findings are included (a platform must not issue an invalid document).
#[must_use]
pub fn verify_issuance_request(
    request: &Value,
    trust: &PintTrust,
    at: DateTime<Utc>,
) -> IssuanceReport {
    let root = JsonPath::root();
    let mut findings = Vec::new();
    let document = request.get("document").cloned().unwrap_or(Value::Null);
    let document_checksum = canonical_json_sha256(&document);
    let mut signer = None;
    for member in ["document", "issueTo"] {
        if !request.get(member).is_some_and(Value::is_object) {
            findings.push(Finding::error(
                "issuance-request-malformed",
                root.key(member),
                format!("`{member}` must be an object"),
            ));
        }
    }
    let manifest_path = root.key("issuanceManifestSignedContent");
    let manifest = match request
        .get("issuanceManifestSignedContent")
        .and_then(Value::as_str)
    {
        None => {
            findings.push(Finding::error(
                "issuance-request-malformed",
                manifest_path.clone(),
                "the carrier-signed issuance manifest is missing",
            ));
            None
        }
        Some(compact) => read_manifest(
            compact,
            trust,
            at,
            &manifest_path,
            &mut findings,
            &mut signer,
        ),
    };
    if let Some(manifest) = manifest {
        if manifest.document_checksum != document_checksum {
            findings.push(Finding::error(
                "issuance-manifest-checksum-mismatch",
                root.key("document"),
                format!(
                    "the document's checksum is {document_checksum}, but the carrier signed {}",
                    manifest.document_checksum
                ),
            ));
        }
        let issue_to = canonical_json_sha256(request.get("issueTo").unwrap_or(&Value::Null));
        if manifest.issue_to_checksum != issue_to {
            findings.push(Finding::error(
                "issue-to-checksum-mismatch",
                root.key("issueTo"),
                format!(
                    "the issueTo party's checksum is {issue_to}, but the carrier signed {}",
                    manifest.issue_to_checksum
                ),
            ));
        }
        check_visualisation(request, &manifest, &mut findings);
    }
    if document.is_object() {
        match crate::model::TransportDocument::from_value(&document) {
            Ok(td) => findings.extend(td.validate().into_iter().map(|f| Finding {
                path: format!("$.document{}", f.path.trim_start_matches('$')),
                ..f
            })),
            Err(e) => findings.push(Finding::error(
                "transport-document-shape",
                root.key("document"),
                e.to_string(),
            )),
        }
    }
    IssuanceReport {
        valid: is_clean(&findings),
        transport_document_reference: document
            .get("transportDocumentReference")
            .and_then(Value::as_str)
            .map(str::to_owned),
        findings,
        document_checksum,
        signer,
    }
}

fn read_manifest(
    compact: &str,
    trust: &PintTrust,
    at: DateTime<Utc>,
    path: &JsonPath,
    findings: &mut Vec<Finding>,
    signer: &mut Option<SignerInfo>,
) -> Option<IssuanceManifest> {
    let decoded = match decode_compact(compact) {
        Ok(d) => d,
        Err(e) => {
            findings.push(Finding::error(
                "issuance-manifest-malformed",
                path.clone(),
                format!("not a usable JWS: {e}"),
            ));
            return None;
        }
    };
    match trust.verifier.verify_decoded(&decoded, at) {
        Ok(verified) => {
            let thumbprint = verified.key().thumbprint();
            let carrier = trust.is_carrier_thumbprint(&thumbprint);
            if !carrier {
                findings.push(Finding::error(
                    "issuance-manifest-signer-not-carrier",
                    path.clone(),
                    "the manifest is not signed by a trusted carrier key",
                ));
            }
            *signer = Some(SignerInfo {
                algorithm: verified.header().alg().as_str().to_owned(),
                kid: verified.header().kid().map(str::to_owned),
                key_thumbprint: Some(thumbprint),
                certificate_subject: verified
                    .certificate_chain()
                    .first()
                    .map(|c| c.subject().to_owned()),
                verified: carrier,
            });
        }
        Err(e) => findings.push(Finding::error(
            "issuance-manifest-signature",
            path.clone(),
            format!("signature not accepted: {e}"),
        )),
    }
    match parse(decoded.payload()).and_then(|v| from_value::<IssuanceManifest>(&v, path)) {
        Ok(manifest) => Some(manifest),
        Err(e) => {
            findings.push(Finding::error(
                "issuance-manifest-malformed",
                path.clone(),
                format!("the signed payload: {e}"),
            ));
            None
        }
    }
}

fn check_visualisation(request: &Value, manifest: &IssuanceManifest, findings: &mut Vec<Finding>) {
    let path = JsonPath::root().key("eBLVisualisationByCarrier");
    let content = request
        .pointer("/eBLVisualisationByCarrier/content")
        .and_then(Value::as_str);
    match (content, &manifest.ebl_visualisation_by_carrier_checksum) {
        (Some(text), expected) => {
            match b64::decode_standard(text, "eBLVisualisationByCarrier.content") {
                Ok(bytes) => {
                    let actual = sha256_hex(&bytes);
                    if expected.as_deref() != Some(actual.as_str()) {
                        findings.push(Finding::error(
                        "visualisation-checksum-mismatch",
                        path.key("content"),
                        match expected {
                            Some(e) => format!("the visualisation's checksum is {actual}, but the carrier signed {e}"),
                            None => "the carrier's manifest does not cover the visualisation sent with it".to_owned(),
                        },
                    ));
                    }
                }
                Err(e) => findings.push(Finding::error(
                    "issuance-request-malformed",
                    path.key("content"),
                    e.to_string(),
                )),
            }
        }
        (None, Some(_)) => findings.push(Finding::new(
            Severity::Warning,
            "visualisation-missing",
            path,
            "the carrier signed a visualisation checksum, but no visualisation was sent",
        )),
        (None, None) => {}
    }
}
