//! Trust anchors and `x5c` chain building: each link signed by the next, issuers allowed to
//! issue, every certificate valid at the caller's time, ending at a configured anchor.

use chrono::{DateTime, Utc};

use super::{Certificate, MAX_CHAIN_LENGTH};
use crate::crypto::{CryptoError, PublicKey};

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
