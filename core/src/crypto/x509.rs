//! X.509 certificates and `x5c` chains checked against configured trust anchors.
//!
//! The checks are deliberately few and strict: every link is signed by the next certificate
//! (Ed25519, ECDSA P-256/P-384 with SHA-256/384, RSA PKCS#1 with SHA-256/384/512), issuers
//! are CAs with `keyCertSign` when key usage is present, path-length constraints hold, no
//! certificate carries a critical extension this module does not understand, every
//! certificate (and the anchor) is within its validity period at the caller's time, and the
//! chain ends at a configured anchor (same subject and key). Revocation is not checked.

use std::fmt;

use chrono::{DateTime, Utc};
use x509_parser::prelude::{FromDer, ParsedExtension, X509Certificate};

use super::{CryptoError, PublicKey, pem};

/// The longest chain accepted (leaf included).
///
/// ```
/// use ebl::crypto::{jws, x509::{CertificateAnchors, MAX_CHAIN_LENGTH}};
///
/// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
/// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
/// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
/// # let anchors = CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
/// // The PINT demo chain (leaf, intermediate, root) with the leaf repeated past the limit.
/// let chain = jws::decode_compact(manifest)?.header().x5c_certificates()?;
/// let mut long = vec![chain[0].clone(); MAX_CHAIN_LENGTH];
/// long.extend(chain);
/// let err = anchors.verify_chain(&long, "2026-06-01T00:00:00Z".parse()?).unwrap_err();
/// assert_eq!(err.code(), ebl::ErrorCode::CryptoCertificateChainInvalid);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_CHAIN_LENGTH: usize = 8;

/// OIDs of extensions whose meaning this module enforces or that are harmless when critical.
const UNDERSTOOD_CRITICAL: [&str; 4] = [
    "2.5.29.19", // basicConstraints
    "2.5.29.15", // keyUsage
    "2.5.29.37", // extKeyUsage (not enforced: it does not restrict JWS signing)
    "2.5.29.17", // subjectAltName
];

/// A parsed X.509 certificate (owned).
///
/// ```
/// use ebl::crypto::x509::Certificate;
/// use ebl::crypto::KeyType;
///
/// let pem = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../testdata/dcsa/pint-demo/certs/root-ca.crt"
/// ))?;
/// let root = Certificate::from_pem(&pem)?;
/// assert!(root.subject().contains("CN=Test Root CA"));
/// assert_eq!(root.public_key().key_type(), KeyType::Ed25519);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Certificate {
    der: Vec<u8>,
    tbs: Vec<u8>,
    signature_oid: String,
    signature: Vec<u8>,
    subject: String,
    subject_raw: Vec<u8>,
    issuer_raw: Vec<u8>,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    public_key: PublicKey,
    /// `Some((is_ca, path_len))` when basicConstraints is present.
    basic_constraints: Option<(bool, Option<u32>)>,
    /// `(digitalSignature or nonRepudiation, keyCertSign)` when keyUsage is present.
    key_usage: Option<(bool, bool)>,
    /// The first critical extension this module does not understand.
    unknown_critical: Option<String>,
}

fn malformed(reason: impl Into<String>) -> CryptoError {
    CryptoError::CertificateMalformed {
        index: 0,
        reason: reason.into(),
    }
}

fn timestamp(seconds: i64) -> Result<DateTime<Utc>, CryptoError> {
    DateTime::from_timestamp(seconds, 0).ok_or_else(|| malformed("validity time out of range"))
}

impl Certificate {
    /// Parses a DER certificate. Trailing bytes are an error.
    ///
    /// ```
    /// use ebl::crypto::{jws, x509::Certificate};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// let header = jws::decode_compact(manifest)?.header().clone();
    /// let leaf = Certificate::from_der(&header.x5c()[0])?;
    /// assert!(leaf.subject().contains("CN=ed25519-eblplatform.example.com"));
    /// let mut trailing = header.x5c()[0].clone();
    /// trailing.push(0);
    /// assert!(Certificate::from_der(&trailing).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_der(der: &[u8]) -> Result<Self, CryptoError> {
        let (rest, cert) = X509Certificate::from_der(der)
            .map_err(|e| malformed(format!("not a DER X.509 certificate: {e}")))?;
        if !rest.is_empty() {
            return Err(malformed("trailing bytes after the certificate"));
        }
        let public_key = PublicKey::from_spki_der(cert.public_key().raw)
            .map_err(|e| malformed(format!("subject public key: {e}")))?;
        let basic_constraints = cert
            .basic_constraints()
            .map_err(|e| malformed(format!("basicConstraints: {e}")))?
            .map(|ext| (ext.value.ca, ext.value.path_len_constraint));
        let key_usage = cert
            .key_usage()
            .map_err(|e| malformed(format!("keyUsage: {e}")))?
            .map(|ext| {
                (
                    ext.value.digital_signature() || ext.value.non_repudiation(),
                    ext.value.key_cert_sign(),
                )
            });
        let mut unknown_critical = None;
        for ext in cert.extensions() {
            if let ParsedExtension::ParseError { error } = ext.parsed_extension() {
                return Err(malformed(format!("extension {}: {error}", ext.oid)));
            }
            let oid = ext.oid.to_id_string();
            if ext.critical && !UNDERSTOOD_CRITICAL.contains(&oid.as_str()) {
                unknown_critical.get_or_insert(oid);
            }
        }
        Ok(Certificate {
            der: der.to_vec(),
            tbs: cert.tbs_certificate.as_ref().to_vec(),
            signature_oid: cert.signature_algorithm.algorithm.to_id_string(),
            signature: cert.signature_value.as_ref().to_vec(),
            subject: cert.subject().to_string(),
            subject_raw: cert.subject().as_raw().to_vec(),
            issuer_raw: cert.issuer().as_raw().to_vec(),
            not_before: timestamp(cert.validity().not_before.timestamp())?,
            not_after: timestamp(cert.validity().not_after.timestamp())?,
            public_key,
            basic_constraints,
            key_usage,
            unknown_critical,
        })
    }

    /// Parses the single PEM `CERTIFICATE` in `text`.
    ///
    /// ```
    /// use ebl::crypto::x509::Certificate;
    ///
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo/certs");
    /// let intermediate = Certificate::from_pem(&std::fs::read_to_string(format!("{dir}/intermediate-ca.crt"))?)?;
    /// assert!(intermediate.subject().contains("CN=Test Intermediate CA"));
    /// // Two certificates are not one.
    /// let both = std::fs::read_to_string(format!("{dir}/root-ca.crt"))? + &std::fs::read_to_string(format!("{dir}/intermediate-ca.crt"))?;
    /// assert!(Certificate::from_pem(&both).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_pem(text: &str) -> Result<Self, CryptoError> {
        let block = pem::parse_single(text)?;
        if block.label != "CERTIFICATE" {
            return Err(CryptoError::Pem {
                reason: format!("label {:?} is not CERTIFICATE", block.label),
            });
        }
        Self::from_der(&block.der)
    }

    /// Parses every PEM `CERTIFICATE` block in `text` (other blocks are refused).
    ///
    /// ```
    /// use ebl::crypto::x509::Certificate;
    ///
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo/certs");
    /// let bundle = std::fs::read_to_string(format!("{dir}/intermediate-ca.crt"))? + &std::fs::read_to_string(format!("{dir}/root-ca.crt"))?;
    /// let certs = Certificate::all_from_pem(&bundle)?;
    /// assert_eq!(certs.len(), 2);
    /// assert!(certs[1].subject().contains("CN=Test Root CA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn all_from_pem(text: &str) -> Result<Vec<Self>, CryptoError> {
        pem::parse_all(text)?
            .into_iter()
            .map(|block| {
                if block.label == "CERTIFICATE" {
                    Self::from_der(&block.der)
                } else {
                    Err(CryptoError::Pem {
                        reason: format!("label {:?} is not CERTIFICATE", block.label),
                    })
                }
            })
            .collect()
    }

    /// Reads the certificates of a file, PEM (one or more `CERTIFICATE` blocks) or DER (one):
    /// what an `--anchor` option reads, without the caller telling the two apart.
    ///
    /// ```
    /// use ebl::crypto::x509::Certificate;
    ///
    /// let root = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo/certs/root-ca.crt"))?;
    /// let from_pem = Certificate::read_all(&root)?;
    /// assert_eq!(from_pem.len(), 1);
    /// let from_der = Certificate::read_all(from_pem[0].der())?;
    /// assert_eq!(from_der[0].subject(), from_pem[0].subject());
    /// assert!(Certificate::read_all(b"not a certificate").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_all(bytes: &[u8]) -> Result<Vec<Self>, CryptoError> {
        match std::str::from_utf8(bytes) {
            Ok(text) if text.contains("-----BEGIN") => Self::all_from_pem(text),
            _ => Ok(vec![Self::from_der(bytes)?]),
        }
    }

    /// The DER encoding, as received.
    ///
    /// ```
    /// use ebl::crypto::{jws, x509::Certificate};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// let header = jws::decode_compact(manifest)?.header().clone();
    /// let leaf = Certificate::from_der(&header.x5c()[0])?;
    /// assert_eq!(leaf.der(), header.x5c()[0].as_slice()); // byte for byte as received
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The subject distinguished name, for example `C=GB, O=eblplatform, CN=…`.
    ///
    /// ```
    /// # let root = ebl::crypto::x509::Certificate::from_pem(&std::fs::read_to_string(concat!(
    /// #     env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo/certs/root-ca.crt"))?)?;
    /// // The PINT demo root CA.
    /// assert_eq!(root.subject(), "C=GB, ST=England, L=London, O=Test Root CA, CN=Test Root CA");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// Start of the validity period.
    ///
    /// ```
    /// # let root = ebl::crypto::x509::Certificate::from_pem(&std::fs::read_to_string(concat!(
    /// #     env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo/certs/root-ca.crt"))?)?;
    /// // The PINT demo root CA.
    /// assert_eq!(root.not_before().to_rfc3339(), "2026-03-07T18:48:20+00:00");
    /// assert!(root.not_before() < root.not_after());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn not_before(&self) -> DateTime<Utc> {
        self.not_before
    }

    /// End of the validity period.
    ///
    /// ```
    /// # let root = ebl::crypto::x509::Certificate::from_pem(&std::fs::read_to_string(concat!(
    /// #     env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo/certs/root-ca.crt"))?)?;
    /// // The PINT demo root CA.
    /// assert_eq!(root.not_after().to_rfc3339(), "2036-03-04T18:48:20+00:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn not_after(&self) -> DateTime<Utc> {
        self.not_after
    }

    /// The subject public key.
    ///
    /// ```
    /// use ebl::crypto::{jws, KeySet};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let jwks = std::fs::read(format!("{dir}/keys-public/ed25519-eblplatform.example.com.public.jwk"))?;
    /// let chain = jws::decode_compact(manifest)?.header().x5c_certificates()?;
    /// let published = KeySet::from_jwks_bytes(&jwks)?;
    /// assert!(published.find_key(chain[0].public_key()).is_some()); // the leaf holds the platform key
    /// assert!(published.find_key(chain[1].public_key()).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn public_key(&self) -> &PublicKey {
        &self.public_key
    }

    /// Whether basicConstraints marks this certificate as a CA.
    ///
    /// ```
    /// use ebl::crypto::jws;
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// let chain = jws::decode_compact(manifest)?.header().x5c_certificates()?;
    /// let ca: Vec<bool> = chain.iter().map(|c| c.is_ca()).collect();
    /// assert_eq!(ca, [false, true, true]); // leaf, intermediate, root
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_ca(&self) -> bool {
        matches!(self.basic_constraints, Some((true, _)))
    }

    /// Whether this certificate is signed by `issuer`'s key and names it as issuer.
    fn check_issued_by(&self, issuer: &Certificate) -> Result<(), String> {
        if self.issuer_raw != issuer.subject_raw {
            return Err(format!(
                "issuer name does not match the subject of {:?}",
                issuer.subject
            ));
        }
        issuer
            .public_key
            .verify_x509(&self.signature_oid, &self.tbs, &self.signature)
    }

    fn check_time(&self, index: usize, at: DateTime<Utc>) -> Result<(), CryptoError> {
        if at < self.not_before {
            return Err(CryptoError::CertificateNotYetValid {
                index,
                subject: self.subject.clone(),
                not_before: self.not_before.to_rfc3339(),
            });
        }
        if at > self.not_after {
            return Err(CryptoError::CertificateExpired {
                index,
                subject: self.subject.clone(),
                not_after: self.not_after.to_rfc3339(),
            });
        }
        Ok(())
    }

    /// As an issuer of `below_cas` CA certificates plus a leaf, is this a CA allowed to sign?
    fn check_can_issue(&self, below_cas: usize) -> Result<(), String> {
        match self.basic_constraints {
            Some((true, path_len)) => {
                if let Some(limit) = path_len
                    && u32::try_from(below_cas).map_or(true, |n| n > limit)
                {
                    return Err(format!("path length constraint {limit} exceeded"));
                }
            }
            _ => return Err("issuer is not a CA (basicConstraints cA is not set)".into()),
        }
        if let Some((_, false)) = self.key_usage {
            return Err("issuer key usage does not include keyCertSign".into());
        }
        Ok(())
    }
}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Certificate")
            .field("subject", &self.subject)
            .field("not_before", &self.not_before)
            .field("not_after", &self.not_after)
            .field("public_key", &self.public_key)
            .finish_non_exhaustive()
    }
}

/// The trust anchors a chain must end at: each is a subject name and a key, given as a
/// (usually self-signed) certificate.
///
/// ```
/// use ebl::crypto::{jws, x509::CertificateAnchors};
///
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
/// let root = std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?;
/// let anchors = CertificateAnchors::from_pem(&root)?;
///
/// let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
/// let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap_or_default();
/// let chain = jws::decode_compact(manifest)?.header().x5c_certificates()?;
///
/// let at = "2026-06-01T00:00:00Z".parse()?;
/// let leaf_key = anchors.verify_chain(&chain, at)?;
/// assert_eq!(&leaf_key, chain[0].public_key());
///
/// let too_late = "2040-01-01T00:00:00Z".parse()?;
/// let err = anchors.verify_chain(&chain, too_late).unwrap_err();
/// assert_eq!(err.code(), ebl::ErrorCode::CryptoCertificateExpired);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertificateAnchors {
    anchors: Vec<Certificate>,
}

impl CertificateAnchors {
    /// No anchors.
    ///
    /// ```
    /// use ebl::crypto::x509::CertificateAnchors;
    ///
    /// let anchors = CertificateAnchors::new();
    /// assert!(anchors.is_empty());
    /// // Nothing is trusted: even an empty chain is untrusted.
    /// let err = anchors.verify_chain(&[], "2026-06-01T00:00:00Z".parse().unwrap()).unwrap_err();
    /// assert_eq!(err.code(), ebl::ErrorCode::CryptoCertificateUntrusted);
    /// ```
    #[must_use]
    pub fn new() -> Self {
        CertificateAnchors::default()
    }

    /// Anchors from every `CERTIFICATE` block in a PEM text.
    ///
    /// ```
    /// use ebl::crypto::x509::CertificateAnchors;
    ///
    /// let root_ca = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../testdata/dcsa/pint-demo/certs/root-ca.crt"))?;
    /// let anchors = CertificateAnchors::from_pem(&root_ca)?;
    /// assert_eq!(anchors.certificates().len(), 1);
    /// assert!(CertificateAnchors::from_pem("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_pem(text: &str) -> Result<Self, CryptoError> {
        let mut anchors = CertificateAnchors::new();
        anchors.add_pem(text)?;
        Ok(anchors)
    }

    /// Adds every `CERTIFICATE` block in a PEM text; returns how many were added.
    ///
    /// ```
    /// use ebl::crypto::x509::CertificateAnchors;
    ///
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo/certs");
    /// let bundle = std::fs::read_to_string(format!("{dir}/root-ca.crt"))? + &std::fs::read_to_string(format!("{dir}/intermediate-ca.crt"))?;
    /// let mut anchors = CertificateAnchors::new();
    /// assert_eq!(anchors.add_pem(&bundle)?, 2);
    /// assert_eq!(anchors.certificates().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_pem(&mut self, text: &str) -> Result<usize, CryptoError> {
        let certs = Certificate::all_from_pem(text)?;
        let count = certs.len();
        self.anchors.extend(certs);
        Ok(count)
    }

    /// Adds a DER certificate.
    ///
    /// ```
    /// use ebl::crypto::{jws, x509::CertificateAnchors};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// // Anchor on the intermediate CA (x5c[1]) instead of the root: the chain stops there.
    /// let header = jws::decode_compact(manifest)?.header().clone();
    /// let mut anchors = CertificateAnchors::new();
    /// anchors.add_der(&header.x5c()[1])?;
    /// let chain = header.x5c_certificates()?;
    /// assert_eq!(&anchors.verify_chain(&chain[..1], "2026-06-01T00:00:00Z".parse()?)?, chain[0].public_key());
    /// assert!(anchors.add_der(b"not a certificate").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_der(&mut self, der: &[u8]) -> Result<(), CryptoError> {
        self.anchors.push(Certificate::from_der(der)?);
        Ok(())
    }

    /// Adds a parsed certificate.
    ///
    /// ```
    /// use ebl::crypto::x509::{Certificate, CertificateAnchors};
    ///
    /// let root_ca = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../testdata/dcsa/pint-demo/certs/root-ca.crt"))?;
    /// let mut anchors = CertificateAnchors::new();
    /// anchors.add(Certificate::from_pem(&root_ca)?);
    /// assert!(anchors.certificates()[0].subject().ends_with("CN=Test Root CA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, certificate: Certificate) {
        self.anchors.push(certificate);
    }

    /// The anchors.
    ///
    /// ```
    /// use ebl::crypto::x509::CertificateAnchors;
    ///
    /// let root_ca = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../testdata/dcsa/pint-demo/certs/root-ca.crt"))?;
    /// let anchors = CertificateAnchors::from_pem(&root_ca)?;
    /// let subjects: Vec<&str> = anchors.certificates().iter().map(|c| c.subject()).collect();
    /// assert_eq!(subjects, ["C=GB, ST=England, L=London, O=Test Root CA, CN=Test Root CA"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn certificates(&self) -> &[Certificate] {
        &self.anchors
    }

    /// Whether there are no anchors.
    ///
    /// ```
    /// use ebl::crypto::x509::CertificateAnchors;
    ///
    /// assert!(CertificateAnchors::new().is_empty());
    /// let root_ca = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../testdata/dcsa/pint-demo/certs/root-ca.crt"))?;
    /// assert!(!CertificateAnchors::from_pem(&root_ca)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }

    fn anchor_for(&self, cert: &Certificate) -> Option<&Certificate> {
        self.anchors
            .iter()
            .find(|a| a.subject_raw == cert.subject_raw && a.public_key == cert.public_key)
    }

    /// Checks `chain` (leaf first, as in `x5c`) at time `at` and returns the leaf's key.
    ///
    /// The chain may end with the anchor itself or with a certificate the anchor issued.
    /// Errors, in the order checked: [`CryptoError::CertificateChainInvalid`] (broken link,
    /// non-CA issuer, constraint, unknown critical extension),
    /// [`CryptoError::CertificateUntrusted`] (no anchor reached), then
    /// [`CryptoError::CertificateNotYetValid`] / [`CryptoError::CertificateExpired`] for the
    /// first certificate outside its validity (index `chain.len()` means the anchor).
    ///
    /// ```
    /// use ebl::crypto::{jws, x509::CertificateAnchors};
    ///
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// # let envelope = ebl::json::parse(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// # let manifest = envelope["envelopeManifestSignedContent"].as_str().unwrap();
    /// # let anchors = CertificateAnchors::from_pem(&std::fs::read_to_string(format!("{dir}/certs/root-ca.crt"))?)?;
    /// let chain = jws::decode_compact(manifest)?.header().x5c_certificates()?;
    /// let at = "2026-06-01T00:00:00Z".parse()?;
    /// assert_eq!(&anchors.verify_chain(&chain, at)?, chain[0].public_key());
    /// // Without the intermediate the leaf's issuer is unknown.
    /// let gap = [chain[0].clone(), chain[2].clone()];
    /// assert_eq!(anchors.verify_chain(&gap, at).unwrap_err().code(), ebl::ErrorCode::CryptoCertificateChainInvalid);
    /// // Before the certificates were issued.
    /// let early = "2025-01-01T00:00:00Z".parse()?;
    /// assert_eq!(anchors.verify_chain(&chain, early).unwrap_err().code(), ebl::ErrorCode::CryptoCertificateNotYetValid);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify_chain(
        &self,
        chain: &[Certificate],
        at: DateTime<Utc>,
    ) -> Result<PublicKey, CryptoError> {
        let invalid =
            |index: usize, reason: String| CryptoError::CertificateChainInvalid { index, reason };
        let leaf = chain
            .first()
            .ok_or_else(|| CryptoError::CertificateUntrusted {
                reason: "empty certificate chain".into(),
            })?;
        if chain.len() > MAX_CHAIN_LENGTH {
            return Err(invalid(
                chain.len() - 1,
                format!("chain longer than {MAX_CHAIN_LENGTH} certificates"),
            ));
        }
        if let Some((false, _)) = leaf.key_usage {
            return Err(invalid(
                0,
                "leaf key usage allows neither digitalSignature nor nonRepudiation".into(),
            ));
        }
        let mut checked: Vec<(usize, &Certificate)> = Vec::new();
        let mut anchor = None;
        for (index, cert) in chain.iter().enumerate() {
            if let Some(oid) = &cert.unknown_critical {
                return Err(invalid(
                    index,
                    format!("unsupported critical extension {oid}"),
                ));
            }
            checked.push((index, cert));
            if let Some(found) = self.anchor_for(cert) {
                anchor = Some((index, found));
                break;
            }
            match chain.get(index + 1) {
                Some(issuer) => {
                    issuer
                        .check_can_issue(index)
                        .map_err(|r| invalid(index + 1, r))?;
                    cert.check_issued_by(issuer)
                        .map_err(|r| invalid(index, r))?;
                }
                None => {
                    let issuer = self
                        .anchors
                        .iter()
                        .find(|a| cert.check_issued_by(a).is_ok())
                        .ok_or_else(|| CryptoError::CertificateUntrusted {
                            reason: format!(
                                "{:?} is not issued by any configured trust anchor",
                                cert.subject
                            ),
                        })?;
                    issuer
                        .check_can_issue(index)
                        .map_err(|r| invalid(index + 1, r))?;
                    anchor = Some((index + 1, issuer));
                }
            }
        }
        let Some((anchor_index, anchor)) = anchor else {
            return Err(CryptoError::CertificateUntrusted {
                reason: "the chain does not reach a configured trust anchor".into(),
            });
        };
        for (index, cert) in checked {
            cert.check_time(index, at)?;
        }
        anchor.check_time(anchor_index, at)?;
        Ok(leaf.public_key.clone())
    }
}
