//! One X.509 certificate: DER/PEM parsing and the per-certificate checks a chain applies.

use std::fmt;

use chrono::{DateTime, Utc};
use x509_parser::prelude::{FromDer, ParsedExtension, X509Certificate};

use crate::crypto::{CryptoError, PublicKey, pem};

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
    pub(super) subject: String,
    pub(super) subject_raw: Vec<u8>,
    issuer_raw: Vec<u8>,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    pub(super) public_key: PublicKey,
    /// `Some((is_ca, path_len))` when basicConstraints is present.
    basic_constraints: Option<(bool, Option<u32>)>,
    /// `(digitalSignature or nonRepudiation, keyCertSign)` when keyUsage is present.
    pub(super) key_usage: Option<(bool, bool)>,
    /// The first critical extension this module does not understand.
    pub(super) unknown_critical: Option<String>,
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
    pub(super) fn check_issued_by(&self, issuer: &Certificate) -> Result<(), String> {
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

    pub(super) fn check_time(&self, index: usize, at: DateTime<Utc>) -> Result<(), CryptoError> {
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
    pub(super) fn check_can_issue(&self, below_cas: usize) -> Result<(), String> {
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
