//! From a trust store to the trust a DCSA PINT receiver applies ([`PintTrust`]).

use chrono::{DateTime, Utc};

use super::store::{KeyStatus, PartyKind, TrustStore};
use crate::crypto::PublicKey;
use crate::crypto::x509::Certificate;
use crate::pint::PintTrust;

/// The identifier scheme under which a platform party may list further DCSA platform codes
/// it signs for (besides its own id).
pub const PLATFORM_CODE_SCHEME: &str = "dcsa-platform";

/// What [`TrustStore::add_to_pint_trust`] added. Serialises to JSON (snake_case, like the trust
/// store) for the bindings.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PintTrustSummary {
    /// Platform keys bound to their platform codes (one per key and code).
    pub platform_keys: usize,
    /// Carrier keys trusted for issuance manifests.
    pub carrier_keys: usize,
    /// Certificates trusted as `x5c` anchors.
    pub anchors: usize,
    /// Keys left out, with why (revoked, outside validity, not importable, not a platform or
    /// carrier key).
    pub skipped: Vec<String>,
}

impl TrustStore {
    /// The PINT trust this store gives at instant `at`: see [`TrustStore::add_to_pint_trust`].
    ///
    /// # Errors
    /// As [`TrustStore::add_to_pint_trust`].
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::trust::TrustStore;
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let platform = PrivateKey::generate(KeyType::Ed25519, &rng)?;
    /// let store = TrustStore::from_json(format!(r#"{{"schema": "ebl-trust-store/1", "parties": [
    ///   {{"id": "SGTT", "kind": "platform",
    ///     "keys": [{{"jwk": {}, "binding": "direct", "valid_until": "2027-01-01T00:00:00Z"}}]}}]}}"#,
    ///   platform.public_key().to_jwk()).as_bytes(), "store.json")?;
    ///
    /// let trust = store.pint_trust("2026-06-16T00:00:00Z".parse()?)?;
    /// assert!(trust.platform_keys["SGTT"].contains(&platform.public_key().thumbprint()));
    /// // After the key's validity the store gives no key for SGTT.
    /// let later = store.pint_trust("2027-06-16T00:00:00Z".parse()?)?;
    /// assert!(later.verifier.keys.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pint_trust(&self, at: DateTime<Utc>) -> crate::Result<PintTrust> {
        let mut trust = PintTrust::default();
        self.add_to_pint_trust(&mut trust, at)?;
        Ok(trust)
    }

    /// Adds this store's keys and anchors, as they stand at instant `at`, to `trust`:
    ///
    /// - each key of a `platform` party is trusted and bound to the platform's code (the party
    ///   id, and any identifier of scheme `dcsa-platform`), so that chain entries and manifests
    ///   of that platform must be signed by one of its keys;
    /// - each key of a `carrier` party is trusted as a carrier key for issuance manifests (once
    ///   one carrier key is bound, only carrier keys may sign issuance manifests);
    /// - each certificate marked `anchor` of a platform or carrier is a trust anchor for
    ///   `x5c` chains;
    /// - keys that are revoked, outside their own or their party's validity at `at`, or of a
    ///   type the crypto module cannot import (secp256k1), and keys of authorities and traders,
    ///   are left out and listed in the summary.
    ///
    /// # Errors
    /// A crypto error if an anchor certificate cannot be parsed.
    pub fn add_to_pint_trust(
        &self,
        trust: &mut PintTrust,
        at: DateTime<Utc>,
    ) -> crate::Result<PintTrustSummary> {
        let mut summary = PintTrustSummary::default();
        for party in &self.parties {
            let skipped = |kid: &str, why: String| format!("key '{kid}' of '{}': {why}", party.id);
            let role = match party.kind {
                PartyKind::Platform | PartyKind::Carrier => party.kind,
                _ => {
                    for key in &party.keys {
                        summary
                            .skipped
                            .push(skipped(&key.kid, "not a platform or carrier key".into()));
                    }
                    continue;
                }
            };
            let mut codes = vec![party.id.as_str()];
            codes.extend(
                party
                    .identifiers
                    .iter()
                    .filter(|i| i.scheme == PLATFORM_CODE_SCHEME)
                    .map(|i| i.value.as_str()),
            );
            for key in &party.keys {
                let usable = match self.key_status(&key.kid, at) {
                    KeyStatus::Valid { .. } => PublicKey::from_jwk(&key.jwk)
                        .map_err(|_| "a key type PINT signatures cannot use".to_owned()),
                    KeyStatus::Revoked { at: when, .. } => {
                        Err(format!("revoked at {}", when.to_rfc3339()))
                    }
                    KeyStatus::OutsideValidity { state, .. } => {
                        Err(format!("{state} at {}", at.to_rfc3339()))
                    }
                    _ => Err("not found in the store".to_owned()),
                };
                let public = match usable {
                    Ok(public) => public,
                    Err(why) => {
                        summary.skipped.push(skipped(&key.kid, why));
                        continue;
                    }
                };
                if role == PartyKind::Platform {
                    for code in &codes {
                        trust.trust_platform_key(code, public.clone())?;
                        summary.platform_keys += 1;
                    }
                } else {
                    trust.trust_carrier_key(public)?;
                    summary.carrier_keys += 1;
                }
            }
            if party.validity().contains(at) {
                for certificate in party.certificates.iter().filter(|c| c.anchor) {
                    for anchor in Certificate::all_from_pem(&certificate.pem)? {
                        trust.verifier.anchors.add(anchor);
                        summary.anchors += 1;
                    }
                }
            }
        }
        Ok(summary)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::crypto::{KeyType, PrivateKey};

    fn key() -> PrivateKey {
        PrivateKey::generate(KeyType::Ed25519, &ring::rand::SystemRandom::new()).unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    struct Keys {
        platform: PrivateKey,
        old_platform: PrivateKey,
        revoked: PrivateKey,
        carrier: PrivateKey,
        trader: PrivateKey,
    }

    fn store(keys: &Keys) -> TrustStore {
        let jwk = |k: &PrivateKey| k.public_key().to_jwk();
        let json = serde_json::json!({
            "schema": "ebl-trust-store/1",
            "parties": [
                {"id": "SGTT", "kind": "platform", "jurisdiction": "SG",
                 "identifiers": [{"scheme": "dcsa-platform", "value": "SGT2"}],
                 "keys": [
                    {"jwk": jwk(&keys.platform), "binding": "direct", "valid_from": "2026-01-01T00:00:00Z"},
                    {"jwk": jwk(&keys.old_platform), "binding": "direct", "valid_until": "2026-01-01T00:00:00Z"},
                    {"jwk": jwk(&keys.revoked), "binding": "direct"}
                 ],
                 "revocations": [{"kid": keys.revoked.public_key().thumbprint(), "at": "2026-03-01T00:00:00Z"}]},
                {"id": "LCOL", "kind": "carrier",
                 "keys": [{"jwk": jwk(&keys.carrier), "binding": "direct"}]},
                {"id": "BANK", "kind": "trader",
                 "keys": [{"jwk": jwk(&keys.trader), "binding": "direct"}]}
            ]
        });
        TrustStore::from_json(json.to_string().as_bytes(), "test.json").unwrap()
    }

    #[test]
    fn platform_and_carrier_keys_are_bound_and_unusable_keys_left_out() {
        let keys = Keys {
            platform: key(),
            old_platform: key(),
            revoked: key(),
            carrier: key(),
            trader: key(),
        };
        let store = store(&keys);
        let mut trust = PintTrust::default();
        let summary = store
            .add_to_pint_trust(&mut trust, at("2026-06-01T00:00:00Z"))
            .unwrap();
        assert_eq!(summary.platform_keys, 2, "SGTT and its second code SGT2");
        assert_eq!(summary.carrier_keys, 1);
        assert_eq!(summary.skipped.len(), 3, "{:?}", summary.skipped);
        assert!(summary.skipped.iter().any(|s| s.contains("revoked")));
        assert!(summary.skipped.iter().any(|s| s.contains("expired")));
        assert!(summary.skipped.iter().any(|s| s.contains("'BANK'")));

        let p = keys.platform.public_key();
        assert!(trust.is_platform_key("SGTT", p));
        assert!(trust.is_platform_key("SGT2", p));
        assert!(!trust.is_platform_key("SGTT", keys.old_platform.public_key()));
        assert!(!trust.is_platform_key("SGTT", keys.revoked.public_key()));
        assert!(trust.is_carrier_key(keys.carrier.public_key()));
        assert!(!trust.is_carrier_key(p));
        assert_eq!(trust.verifier.keys.len(), 2, "platform key + carrier key");
        assert!(
            trust
                .verifier
                .keys
                .find_key(keys.trader.public_key())
                .is_none()
        );

        // Before the revocation, the revoked key was still usable; the current one was not yet.
        let earlier = store.pint_trust(at("2025-06-01T00:00:00Z")).unwrap();
        assert!(earlier.is_platform_key("SGTT", keys.revoked.public_key()));
        assert!(earlier.is_platform_key("SGTT", keys.old_platform.public_key()));
        assert!(!earlier.is_platform_key("SGTT", p));
    }

    #[test]
    fn anchors_come_from_certificates_marked_anchor() {
        let pem = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../testdata/dcsa/pint-demo/certs/root-ca.crt"
        ))
        .expect("pint-demo root certificate");
        let json = serde_json::json!({
            "schema": "ebl-trust-store/1",
            "parties": [
                {"id": "SGTT", "kind": "platform", "certificates": [{"pem": pem, "anchor": true}]},
                {"id": "LCOL", "kind": "carrier", "certificates": [{"pem": pem}]}
            ]
        });
        let store = TrustStore::from_json(json.to_string().as_bytes(), "test.json").unwrap();
        let trust = store.pint_trust(at("2026-06-01T00:00:00Z")).unwrap();
        assert_eq!(trust.verifier.anchors.certificates().len(), 1);
        assert!(trust.verifier.keys.is_empty());
    }
}
