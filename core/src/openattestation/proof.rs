//! The DID proof of OpenAttestation v2 (`OpenAttestationSignature2018`): an Ethereum
//! `personal_sign` (EIP-191) over the 32 bytes of `signature.merkleRoot`, by a secp256k1 key
//! whose Ethereum address is named in `did:ethr:0x…#controller`.
//!
//! Checking it needs no network: the signer's address is recovered from the signature and
//! compared with addresses the caller trusts. Binding addresses to issuers is the trust
//! store's job; here the caller passes the trusted addresses.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use k256::ecdsa::{RecoveryId, Signature, SigningKey, VerifyingKey};
use serde::Serialize;
use serde_json::{Map, Value};

use super::digest::keccak256;
use super::{OaError, WrappedDocument};
use crate::checksum::decode_lower_hex32;
use crate::report::{Finding, is_clean};

/// The `type` of an OpenAttestation v2 DID proof.
pub const OA_SIGNATURE_TYPE: &str = "OpenAttestationSignature2018";

/// A 20-byte Ethereum address. Parsed from `0x` + 40 hex digits in any case; displayed with
/// the EIP-55 mixed-case checksum.
///
/// ```
/// use ebl::openattestation::EthereumAddress;
/// let a: EthereumAddress = "0xb26b4941941c51a4885e5b7d3a1b861e54405f90".parse()?;
/// assert_eq!(a.to_string(), "0xB26B4941941C51a4885E5B7D3A1B861E54405f90");
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EthereumAddress(pub [u8; 20]);

impl EthereumAddress {
    /// The address of an uncompressed secp256k1 public key.
    fn of_key(key: &VerifyingKey) -> EthereumAddress {
        let point = key.to_encoded_point(false);
        let hash = keccak256(point.as_bytes().get(1..).unwrap_or_default());
        let mut a = [0u8; 20];
        a.copy_from_slice(&hash[12..]);
        EthereumAddress(a)
    }

    /// The address belonging to a secp256k1 private key.
    ///
    /// # Errors
    /// [`OaError::Key`] if the bytes are not a valid private key.
    pub fn from_private_key(private_key: &[u8; 32]) -> crate::Result<EthereumAddress> {
        let key = SigningKey::from_slice(private_key)
            .map_err(|_| OaError::Key("not a valid secp256k1 private key".into()))?;
        Ok(EthereumAddress::of_key(key.verifying_key()))
    }
}

impl FromStr for EthereumAddress {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<EthereumAddress> {
        let hex_part = s
            .strip_prefix("0x")
            .or_else(|| s.strip_prefix("0X"))
            .filter(|h| h.len() == 40)
            .ok_or_else(|| {
                OaError::Key(format!(
                    "{s:?} is not an Ethereum address (0x + 40 hex digits)"
                ))
            })?;
        let mut a = [0u8; 20];
        hex::decode_to_slice(hex_part, &mut a).map_err(|_| {
            OaError::Key(format!(
                "{s:?} is not an Ethereum address (0x + 40 hex digits)"
            ))
        })?;
        Ok(EthereumAddress(a))
    }
}

impl fmt::Display for EthereumAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lower = hex::encode(self.0);
        let hash = keccak256(lower.as_bytes());
        f.write_str("0x")?;
        for (i, c) in lower.chars().enumerate() {
            let nibble = (hash[i / 2] >> (if i % 2 == 0 { 4 } else { 0 })) & 0x0f;
            if c.is_ascii_alphabetic() && nibble >= 8 {
                write!(f, "{}", c.to_ascii_uppercase())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for EthereumAddress {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// The EIP-191 `personal_sign` hash of a 32-byte message:
/// `keccak256("\x19Ethereum Signed Message:\n32" || message)`.
#[must_use]
pub fn eip191_hash(message: &[u8; 32]) -> [u8; 32] {
    let mut buf = Vec::with_capacity(28 + 32);
    buf.extend_from_slice(b"\x19Ethereum Signed Message:\n32");
    buf.extend_from_slice(message);
    keccak256(&buf)
}

/// Recovers the address that made a 65-byte `r || s || v` `personal_sign` signature over a
/// 32-byte message (`v` is 27/28 or 0/1). A high `s`, which Ethereum tools accept, is
/// normalised first.
///
/// # Errors
/// [`OaError::Key`] if the signature is malformed or no key can be recovered.
pub fn recover_signer(message: &[u8; 32], signature: &[u8; 65]) -> crate::Result<EthereumAddress> {
    let bad = |m: &str| OaError::Key(m.to_owned());
    let v = match signature[64] {
        27 | 28 => signature[64] - 27,
        0 | 1 => signature[64],
        _ => return Err(bad("the recovery byte v must be 27, 28, 0 or 1").into()),
    };
    let mut sig =
        Signature::from_slice(&signature[..64]).map_err(|_| bad("r or s is out of range"))?;
    let mut recid = RecoveryId::from_byte(v).ok_or_else(|| bad("bad recovery id"))?;
    if let Some(low) = sig.normalize_s() {
        sig = low;
        recid = RecoveryId::new(!recid.is_y_odd(), recid.is_x_reduced());
    }
    let key = VerifyingKey::recover_from_prehash(&eip191_hash(message), &sig, recid)
        .map_err(|_| bad("no public key can be recovered from this signature"))?;
    Ok(EthereumAddress::of_key(&key))
}

/// The result of checking a document's DID proofs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DidProofCheck {
    /// The addresses recovered from valid-looking proofs, in `proof[]` order.
    pub signers: Vec<EthereumAddress>,
    /// Everything found; no error means a trusted signer signed this `merkleRoot`.
    pub findings: Vec<Finding>,
}

impl DidProofCheck {
    /// Whether at least one proof was made by a trusted address and nothing is wrong.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        !self.signers.is_empty() && is_clean(&self.findings)
    }
}

/// Checks every `OpenAttestationSignature2018` entry of the top-level `proof` array:
/// the signature must recover to the address in its `verificationMethod`
/// (`did:ethr:[network:]0x…#controller`), and that address must be one of `trusted`. Every
/// issuer whose `identityProof.type` is `DID` or `DNS-DID` must have a proof whose
/// `verificationMethod` equals its `identityProof.key`.
///
/// This does not check integrity (call [`WrappedDocument::verify`] too: a signature over the
/// root says nothing if the data no longer hashes to it) nor resolve the DID on chain (a
/// rotated did:ethr key is not seen).
///
/// ```
/// use ebl::openattestation::{sign_did, verify_did_proof, wrap, EthereumAddress};
/// let key = [0x11u8; 32];
/// let me = EthereumAddress::from_private_key(&key)?;
/// let did = format!("did:ethr:{me}#controller");
/// let raw = serde_json::json!({"issuers": [{"id": did.trim_end_matches("#controller"), "name": "X",
///     "revocation": {"type": "NONE"}, "identityProof": {"type": "DID", "key": did}}]});
/// let mut n = 0u64;
/// let doc = wrap(&raw, &mut move || { n += 1; format!("00000000-0000-4000-8000-{n:012x}") })?;
/// let at = chrono::DateTime::parse_from_rfc3339("2025-03-14T08:00:00Z").unwrap().to_utc();
/// let signed = sign_did(&doc, &key, &did, at)?;
/// assert!(verify_did_proof(&signed, &[me]).is_valid());
/// assert!(!verify_did_proof(&signed, &[]).is_valid());
/// # Ok::<(), ebl::Error>(())
/// ```
#[must_use]
pub fn verify_did_proof(doc: &WrappedDocument, trusted: &[EthereumAddress]) -> DidProofCheck {
    let data = doc.data_members(&["issuers"]).map(Value::Object).ok();
    verify_did_proof_of(doc, data.as_ref(), trusted)
}

/// [`verify_did_proof`] with the document's unsalted data (at least its `issuers`) already
/// read, `None` when it could not be.
pub(crate) fn verify_did_proof_of(
    doc: &WrappedDocument,
    data: Option<&Value>,
    trusted: &[EthereumAddress],
) -> DidProofCheck {
    let mut check = DidProofCheck {
        signers: Vec::new(),
        findings: Vec::new(),
    };
    let findings = &mut check.findings;
    let root = match doc.merkle_root() {
        Some(r) => match decode_lower_hex32(r) {
            Some(b) => b,
            None => {
                findings.push(Finding::error(
                    "oa-did-malformed",
                    "$.signature.merkleRoot",
                    "merkleRoot is not 64 lowercase hex digits, so no signature over it can be checked",
                ));
                return check;
            }
        },
        None => {
            findings.push(Finding::error(
                "oa-did-malformed",
                "$.signature.merkleRoot",
                "the document has no merkleRoot",
            ));
            return check;
        }
    };
    let proofs = match doc.as_value().get("proof") {
        Some(Value::Array(p)) => p.as_slice(),
        _ => {
            findings.push(Finding::error(
                "oa-did-missing",
                "$.proof",
                "the document has no proof array: it is not DID-signed",
            ));
            return check;
        }
    };
    let mut methods = Vec::new();
    for (i, proof) in proofs.iter().enumerate() {
        let at = format!("$.proof[{i}]");
        if proof.get("type").and_then(Value::as_str) != Some(OA_SIGNATURE_TYPE) {
            findings.push(Finding::warning(
                "oa-did-unknown-proof",
                format!("{at}.type"),
                format!("not an {OA_SIGNATURE_TYPE} proof; ignored"),
            ));
            continue;
        }
        let method = proof
            .get("verificationMethod")
            .and_then(Value::as_str)
            .unwrap_or("");
        let Some(declared) = did_ethr_address(method) else {
            findings.push(Finding::error(
                "oa-did-malformed",
                format!("{at}.verificationMethod"),
                format!("{method:?} is not a did:ethr verification method with an address"),
            ));
            continue;
        };
        methods.push(method.to_owned());
        let signature = proof
            .get("signature")
            .and_then(Value::as_str)
            .and_then(|s| s.strip_prefix("0x"))
            .and_then(|h| {
                let mut b = [0u8; 65];
                hex::decode_to_slice(h, &mut b).ok().map(|()| b)
            });
        let Some(signature) = signature else {
            findings.push(Finding::error(
                "oa-did-malformed",
                format!("{at}.signature"),
                "the signature is not 0x + 130 hex digits",
            ));
            continue;
        };
        match recover_signer(&root, &signature) {
            Err(e) => findings.push(Finding::error(
                "oa-did-bad-signature",
                format!("{at}.signature"),
                e.to_string(),
            )),
            Ok(signer) if signer != declared => findings.push(Finding::error(
                "oa-did-bad-signature",
                format!("{at}.signature"),
                format!("the signature was made by {signer}, not by {declared} named in verificationMethod (or merkleRoot was changed)"),
            )),
            Ok(signer) => {
                if !trusted.contains(&signer) {
                    findings.push(Finding::error(
                        "oa-did-untrusted-signer",
                        format!("{at}.verificationMethod"),
                        format!("{signer} signed this document, but it is not a trusted address"),
                    ));
                }
                check.signers.push(signer);
            }
        }
    }
    // Issuers that claim a DID identity must be backed by a proof with their key.
    if let Some(data) = data {
        for (i, issuer) in super::issuers(data).iter().enumerate() {
            let kind = issuer
                .pointer("/identityProof/type")
                .and_then(Value::as_str);
            if !matches!(kind, Some("DID" | "DNS-DID")) {
                continue;
            }
            let key = issuer
                .pointer("/identityProof/key")
                .and_then(Value::as_str)
                .unwrap_or("");
            if !methods.iter().any(|m| m.eq_ignore_ascii_case(key)) {
                findings.push(Finding::error(
                    "oa-did-issuer-unsigned",
                    format!("$.data.issuers[{i}].identityProof.key"),
                    format!("no proof uses the issuer's key {key:?}"),
                ));
            }
        }
    }
    if proofs.is_empty() {
        findings.push(Finding::error(
            "oa-did-missing",
            "$.proof",
            "the proof array is empty",
        ));
    }
    check
}

/// The address in `did:ethr:0x…#…` or `did:ethr:<network>:0x…#…`.
pub(crate) fn did_ethr_address(method: &str) -> Option<EthereumAddress> {
    let did = method.split('#').next()?;
    let rest = did.strip_prefix("did:ethr:")?;
    rest.rsplit(':').next()?.parse().ok()
}

/// Signs a wrapped document's `merkleRoot` as OA's `signDocument(doc,
/// "Secp256k1VerificationKey2018", key)` does, appending an `OpenAttestationSignature2018`
/// entry to `proof` (RFC 6979 deterministic, low-s signature).
///
/// `verification_method` must name the key's address (as OA requires); `created` is the
/// proof's timestamp, written as JavaScript's `toISOString` writes it.
///
/// # Errors
/// [`OaError::Key`] for an invalid key or a `verification_method` not containing the key's
/// address; [`OaError::Malformed`] if the document has no valid `merkleRoot`.
pub fn sign_did(
    doc: &WrappedDocument,
    private_key: &[u8; 32],
    verification_method: &str,
    created: DateTime<Utc>,
) -> crate::Result<WrappedDocument> {
    let key = SigningKey::from_slice(private_key)
        .map_err(|_| OaError::Key("not a valid secp256k1 private key".into()))?;
    let address = EthereumAddress::of_key(key.verifying_key());
    if !verification_method
        .to_ascii_lowercase()
        .contains(&format!("0x{}", hex::encode(address.0)))
    {
        return Err(OaError::Key(format!("private key is wrong for {verification_method}")).into());
    }
    let root = doc
        .merkle_root()
        .and_then(decode_lower_hex32)
        .ok_or_else(|| {
            OaError::malformed(
                "$.signature.merkleRoot",
                "merkleRoot must be 64 lowercase hex digits",
            )
        })?;
    let (sig, recid) = key
        .sign_prehash_recoverable(&eip191_hash(&root))
        .map_err(|_| OaError::Key("signing failed".into()))?;
    let (sig, recid) = match sig.normalize_s() {
        Some(low) => (
            low,
            RecoveryId::new(!recid.is_y_odd(), recid.is_x_reduced()),
        ),
        None => (sig, recid),
    };
    let mut bytes = [0u8; 65];
    bytes[..64].copy_from_slice(&sig.to_bytes());
    bytes[64] = 27 + recid.to_byte();

    let mut proof = Map::new();
    proof.insert("type".into(), OA_SIGNATURE_TYPE.into());
    proof.insert(
        "created".into(),
        created.to_rfc3339_opts(SecondsFormat::Millis, true).into(),
    );
    proof.insert("proofPurpose".into(), "assertionMethod".into());
    proof.insert("verificationMethod".into(), verification_method.into());
    proof.insert(
        "signature".into(),
        format!("0x{}", hex::encode(bytes)).into(),
    );

    let mut out = doc.clone();
    let map = out
        .object_mut()
        .ok_or_else(|| OaError::malformed("$", "the document is not an object"))?;
    match map.get_mut("proof") {
        Some(Value::Array(list)) => list.push(Value::Object(proof)),
        _ => {
            map.insert("proof".into(), Value::Array(vec![Value::Object(proof)]));
        }
    }
    Ok(out)
}
