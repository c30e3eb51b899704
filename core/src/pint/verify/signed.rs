//! Reading a signed part of the envelope: verify its JWS under the receiver's trust, read its
//! payload, and check that the key that verified may sign for the party it speaks for.

use serde::de::DeserializeOwned;

use super::checks::Check;
use super::procedure::ReceiverProcedure;
use super::report::SignerInfo;
use crate::crypto::jws::{UnverifiedJws, VerifiedJws, decode_compact};
use crate::crypto::{CryptoError, PublicKey};
use crate::json::{JsonPath, from_value, parse};

/// A verified (or not) JWS and its payload.
pub(super) struct Signed<T> {
    pub(super) info: SignerInfo,
    pub(super) payload: Option<T>,
}

/// The two checks a signed part can fail: its signature (`BSIG`) and its shape (`BENV`).
#[derive(Clone, Copy)]
pub(super) struct SignedChecks {
    pub(super) signature: Check,
    pub(super) shape: Check,
}

impl ReceiverProcedure<'_> {
    /// Verifies a JWS and reads its payload as `T`. On a signature failure the payload is still
    /// read (unverified) so that every other check can run and be reported.
    pub(super) fn signed<T: DeserializeOwned>(
        &mut self,
        compact: &str,
        path: &JsonPath,
        entry: Option<usize>,
        checks: SignedChecks,
    ) -> Signed<T> {
        let decoded = match decode_compact(compact) {
            Ok(decoded) => decoded,
            Err(e) => {
                let message = format!("not a usable JWS: {e}");
                self.outcome
                    .fail(checks.shape, path.as_str(), message, entry);
                return Signed {
                    info: unsigned_info(None),
                    payload: None,
                };
            }
        };
        let info = match self
            .trust
            .verifier
            .verify_decoded(&decoded, self.options.at)
        {
            Ok(verified) => self.signer_info(&verified),
            Err(e) => {
                let message = signature_message(&e);
                self.outcome
                    .fail(checks.signature, path.as_str(), message, entry);
                unsigned_info(Some(&decoded))
            }
        };
        let payload = self.payload(decoded.payload(), path, entry, checks.shape);
        Signed { info, payload }
    }

    /// Reads a verified (or not) payload as `T`, failing `shape` when it cannot.
    fn payload<T: DeserializeOwned>(
        &mut self,
        bytes: &[u8],
        path: &JsonPath,
        entry: Option<usize>,
        shape: Check,
    ) -> Option<T> {
        let value = match parse(bytes) {
            Ok(value) => value,
            Err(e) => {
                let message = format!("the signed payload is not acceptable JSON: {e}");
                self.outcome.fail(shape, path.as_str(), message, entry);
                return None;
            }
        };
        match from_value::<T>(&value, path) {
            Ok(payload) => Some(payload),
            Err(e) => {
                let message = format!("the signed payload has the wrong shape: {e}");
                self.outcome.fail(shape, path.as_str(), message, entry);
                None
            }
        }
    }

    /// Who signed a JWS that verified.
    fn signer_info(&mut self, verified: &VerifiedJws) -> SignerInfo {
        SignerInfo {
            algorithm: verified.header().alg().as_str().to_owned(),
            kid: verified.header().kid().map(str::to_owned),
            key_thumbprint: Some(self.thumbprint(verified.key())),
            certificate_subject: verified
                .certificate_chain()
                .first()
                .map(|c| c.subject().to_owned()),
            verified: true,
        }
    }

    /// The RFC 7638 thumbprint of `key`, worked out once per key and envelope: a chain is
    /// mostly signed by a few platform keys, and a thumbprint costs a JSON text and a hash.
    fn thumbprint(&mut self, key: &PublicKey) -> String {
        if let Some((_, thumbprint)) = self.thumbprints.iter().find(|(known, _)| known == key) {
            return thumbprint.clone();
        }
        let thumbprint = key.thumbprint();
        self.thumbprints.push((key.clone(), thumbprint.clone()));
        thumbprint
    }

    /// Fails `check` (and marks the signer unverified) when a verified key is not one the
    /// signing party may use; `allowed` is asked about the key's thumbprint.
    pub(super) fn bind_signer(
        &mut self,
        info: &mut SignerInfo,
        allowed: impl FnOnce(&str) -> bool,
        check: Check,
        path: &JsonPath,
        message: impl FnOnce() -> String,
        entry: Option<usize>,
    ) {
        let permitted = info.key_thumbprint.as_deref().is_some_and(allowed);
        if info.verified && !permitted {
            info.verified = false;
            self.outcome.fail(check, path.as_str(), message(), entry);
        }
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

#[cfg(test)]
mod tests {
    use ring::rand::SystemRandom;

    use crate::crypto::{KeyType, PrivateKey};
    use crate::pint::{
        EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust, Signer, Transaction,
        TransactionParty, verify_parsed_envelope,
    };

    /// With the thumbprints remembered per envelope, every signer must still be reported with
    /// the thumbprint of its own key: the carrier's on the issuance manifest, the platform's
    /// on the entries and the manifest.
    #[test]
    fn each_signer_keeps_the_thumbprint_of_its_own_key() {
        let rng = SystemRandom::new();
        let new_signer = || Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng).expect("key"));
        let (carrier_key, platform_key) = (new_signer(), new_signer());
        let carrier = TransactionParty::new("SGP1", "Carrier", "SMDG", "LCOL");
        let shipper = TransactionParty::new("SGP1", "Shipper", "SGP1", "straits");
        let buyer = TransactionParty::new("SGP1", "Buyer", "SGP1", "buyer");
        let at = "2026-06-14T09:30:00Z".parse().expect("time");
        let td = serde_json::json!({"transportDocumentReference": "LCOL1"});
        let issuance = Issuance::new(carrier, shipper.clone(), at);
        let mut builder =
            EnvelopeBuilder::issue(td, issuance, &carrier_key, &platform_key, &rng).expect("issue");
        let transfer = Transaction::transfer(shipper, buyer, at);
        builder
            .record("SGP1", vec![transfer], &platform_key, &rng)
            .expect("record");
        let envelope = builder.seal(&platform_key, Vec::new(), &rng).expect("seal");
        let mut trust = PintTrust::default();
        trust
            .trust_carrier_key(carrier_key.key.public_key().clone())
            .expect("carrier");
        trust
            .trust_platform_key("SGP1", platform_key.key.public_key().clone())
            .expect("platform");
        let options = EnvelopeVerifyOptions::at(at);

        let report = verify_parsed_envelope(&envelope, &trust, &options);

        let carrier_print = carrier_key.key.public_key().thumbprint();
        let platform_print = platform_key.key.public_key().thumbprint();
        assert_ne!(carrier_print, platform_print);
        let issuance_signer = report.entries[0]
            .issuance_signer
            .as_ref()
            .expect("issuance");
        assert_eq!(
            issuance_signer.key_thumbprint.as_ref(),
            Some(&carrier_print)
        );
        for entry in &report.entries {
            assert_eq!(entry.signer.key_thumbprint.as_ref(), Some(&platform_print));
        }
        assert_eq!(report.sender.key_thumbprint.as_ref(), Some(&platform_print));
        assert!(report.errors().next().is_none(), "{:#?}", report.findings);
    }
}
