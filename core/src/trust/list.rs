//! Trust lists: the list of accredited platforms and keys that a jurisdiction (or a platform
//! operator) publishes, signed with its own key, and that a partner imports.
//!
//! Modelled on ETSI TS 119 612 trusted lists and ICAO PKD master lists: a list has an issuer,
//! a strictly increasing sequence number and a validity period. Importing checks all three (and,
//! for a signed list, the signature) and refuses a replayed or older list.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::error::TrustError;
use super::evidence::{EvidenceKind, ReliabilityEvidence, Validity};
use super::store::{KeyBinding, TrustStore, TrustedParty};
use crate::json::JsonPath;

/// The schema identifier of a trust-list payload.
pub const TRUST_LIST_SCHEMA: &str = "ebl-trust-list/1";

/// The content of a trust list (the JWS payload of a signed one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustList {
    /// `ebl-trust-list/1`.
    pub schema: String,
    /// The publisher's id (for example `SG-ETR-PLATFORMS`); also the evidence scheme its
    /// members get.
    pub issuer: String,
    /// Strictly increasing with every new list from this issuer.
    pub sequence: u64,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// Start of its validity period.
    pub valid_from: DateTime<Utc>,
    /// End of its validity period (the next list is due before it).
    pub valid_until: DateTime<Utc>,
    /// The listed parties with their keys and evidence.
    #[serde(default)]
    pub parties: Vec<TrustedParty>,
}

/// What an import changed. Serialises to JSON (snake_case, like the trust list itself) for the
/// bindings and `ebl trust --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// The list's issuer.
    pub issuer: String,
    /// The sequence number now current.
    pub sequence: u64,
    /// The sequence number replaced, if any.
    pub previous: Option<u64>,
    /// Ids of the parties now listed by this issuer.
    pub parties: Vec<String>,
}

impl TrustList {
    /// The list's validity period.
    #[must_use]
    pub fn validity(&self) -> Validity {
        Validity {
            valid_from: Some(self.valid_from),
            valid_until: Some(self.valid_until),
        }
    }
}

impl TrustStore {
    /// Imports a trust list whose authenticity the caller has already established (see
    /// `import_signed_trust_list` for the signed form).
    ///
    /// Checks, in order: the schema; that `list.issuer` is `expected_issuer`; that `at` is
    /// within the list's validity period; that its sequence number is higher than the last one
    /// imported from that issuer (a replayed or older list is refused). Then the issuer's
    /// previous parties are replaced by the list's: each gets `listed_by = issuer`, its keys are
    /// marked as bound by `trust-list`, and it gains a `trust-list` evidence item (scheme = the
    /// issuer) valid for the list's period — the evidence an agreement's "imports trust list"
    /// clause looks for.
    ///
    /// # Errors
    /// [`TrustError::ListWrongIssuer`], [`TrustError::ListOutsideValidity`],
    /// [`TrustError::ListReplayed`], [`TrustError::ListMalformed`], or a validation error for a
    /// listed party (duplicate ids, bad windows); the store is unchanged on error.
    ///
    /// ```
    /// use ebl::trust::{TrustList, TrustStore};
    /// let list: TrustList = serde_json::from_str(r#"{
    ///   "schema": "ebl-trust-list/1", "issuer": "SG-ETR-PLATFORMS", "sequence": 3,
    ///   "issued_at": "2026-01-01T00:00:00Z", "valid_from": "2026-01-01T00:00:00Z",
    ///   "valid_until": "2027-01-01T00:00:00Z",
    ///   "parties": [{"id": "SGTD", "kind": "platform", "jurisdiction": "SG"}]
    /// }"#)?;
    /// let mut store = TrustStore::new();
    /// let at = "2026-06-01T00:00:00Z".parse()?;
    /// store.apply_trust_list(list.clone(), "SG-ETR-PLATFORMS", at)?;
    /// assert_eq!(store.trust_list_sequence("SG-ETR-PLATFORMS"), Some(3));
    /// let replay = store.apply_trust_list(list, "SG-ETR-PLATFORMS", at).unwrap_err();
    /// assert_eq!(replay.code(), ebl::ErrorCode::TrustListReplayed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_trust_list(
        &mut self,
        list: TrustList,
        expected_issuer: &str,
        at: DateTime<Utc>,
    ) -> Result<ImportSummary, TrustError> {
        list.check_schema()?;
        if list.issuer != expected_issuer {
            return Err(TrustError::ListWrongIssuer {
                expected: expected_issuer.to_owned(),
                found: list.issuer,
            });
        }
        let validity = list.validity();
        if !validity.is_ordered() || !validity.contains(at) {
            return Err(TrustError::ListOutsideValidity {
                issuer: list.issuer.clone(),
                state: if validity.is_ordered() {
                    validity.describe(at)
                } else {
                    "malformed (ends before it starts)"
                },
                at: at.to_rfc3339(),
                from: list.valid_from.to_rfc3339(),
                until: list.valid_until.to_rfc3339(),
            });
        }
        let previous = self.trust_list_sequence(&list.issuer);
        if let Some(current) = previous.filter(|&c| list.sequence <= c) {
            return Err(TrustError::ListReplayed {
                issuer: list.issuer,
                found: list.sequence,
                current,
            });
        }
        // Build the new store on a copy so that a bad entry leaves `self` untouched.
        let mut next = self.clone();
        let stale: Vec<String> = next
            .parties
            .iter()
            .filter(|p| p.listed_by.as_deref() == Some(list.issuer.as_str()))
            .map(|p| p.id.clone())
            .collect();
        for id in &stale {
            next.remove_party(id);
        }
        let source = format!("trust list '{}' #{}", list.issuer, list.sequence);
        let mut ids = Vec::new();
        for (i, mut party) in list.parties.into_iter().enumerate() {
            party.listed_by = Some(list.issuer.clone());
            for key in &mut party.keys {
                key.binding = KeyBinding::TrustList;
            }
            party.evidence.push(ReliabilityEvidence {
                kind: EvidenceKind::TrustList,
                scheme: list.issuer.clone(),
                reference: Some(format!("sequence {}", list.sequence)),
                issued_by: Some(list.issuer.clone()),
                issued_at: Some(list.issued_at),
                valid_from: Some(list.valid_from),
                valid_until: Some(list.valid_until),
                significant_reservation: false,
                details: Vec::new(),
            });
            ids.push(party.id.clone());
            next.insert_party(party, &source, &JsonPath::root().key("parties").index(i))?;
        }
        next.list_sequences
            .insert(list.issuer.clone(), list.sequence);
        *self = next;
        Ok(ImportSummary {
            issuer: list.issuer,
            sequence: list.sequence,
            previous,
            parties: ids,
        })
    }
}

/// The JWS `typ` of a signed trust list.
pub const TRUST_LIST_TYP: &str = "ebl-trust-list+jws";

impl TrustList {
    /// Refuses a list of a schema this version does not read.
    fn check_schema(&self) -> Result<(), TrustError> {
        if self.schema == TRUST_LIST_SCHEMA {
            Ok(())
        } else {
            Err(TrustError::ListMalformed {
                message: format!(
                    "unsupported schema '{}', expected '{TRUST_LIST_SCHEMA}'",
                    self.schema
                ),
            })
        }
    }

    /// Signs the list as a compact JWS: the payload is the RFC 8785 canonical form of the list,
    /// the protected header carries `alg`, `kid` (the signing key's RFC 7638 thumbprint) and
    /// `typ: ebl-trust-list+jws`. A list no partner could import is refused before signing.
    ///
    /// # Errors
    /// [`TrustError::ListMalformed`] for a schema other than [`TRUST_LIST_SCHEMA`] or a
    /// validity period that ends before it starts; a crypto error if signing fails.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::trust::TrustList;
    /// let key = PrivateKey::generate(KeyType::Ed25519, &ring::rand::SystemRandom::new())?;
    /// let backwards: TrustList = serde_json::from_str(r#"{"schema": "ebl-trust-list/1",
    ///   "issuer": "SG-ETR-PLATFORMS", "sequence": 1, "issued_at": "2026-01-01T00:00:00Z",
    ///   "valid_from": "2027-01-01T00:00:00Z", "valid_until": "2026-01-01T00:00:00Z", "parties": []}"#)?;
    /// let refused = backwards.sign(&key, &ring::rand::SystemRandom::new()).unwrap_err();
    /// assert_eq!(refused.code(), ebl::ErrorCode::TrustListMalformed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sign(
        &self,
        key: &crate::crypto::PrivateKey,
        rng: &dyn ring::rand::SecureRandom,
    ) -> crate::Result<String> {
        self.check_schema()?;
        if !self.validity().is_ordered() {
            return Err(TrustError::ListMalformed {
                message: "its validity period ends before it starts".to_owned(),
            }
            .into());
        }
        let value = serde_json::to_value(self).map_err(|e| TrustError::ListMalformed {
            message: format!("cannot serialise the list: {e}"),
        })?;
        let payload = crate::json::canonicalize(&value);
        let header = crate::crypto::jws::JwsHeader {
            kid: Some(key.public_key().thumbprint()),
            typ: Some(TRUST_LIST_TYP.to_owned()),
            ..Default::default()
        };
        Ok(crate::crypto::jws::sign_compact(
            &payload, key, &header, rng,
        )?)
    }
}

impl TrustStore {
    /// Imports a signed trust list published by `expected_issuer`, verifying it with that
    /// publisher's keys as this store holds them (the party whose id is `expected_issuer`; its
    /// keys valid and unrevoked at `at`). Then applies it as [`TrustStore::apply_trust_list`].
    ///
    /// # Errors
    /// [`TrustError::ListMalformed`] (not a compact JWS, or not a trust-list payload),
    /// [`TrustError::ListBadSignature`] (no usable publisher key, wrong key, bad signature,
    /// algorithm not allowed), then the errors of [`TrustStore::apply_trust_list`].
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::trust::{TrustedParty, PartyKind, TrustList, TrustStore, PartyKey, KeyBinding};
    /// let rng = ring::rand::SystemRandom::new();
    /// let authority = PrivateKey::generate(KeyType::P256, &rng)?;
    /// let mut store = TrustStore::from_json(format!(r#"{{"schema": "ebl-trust-store/1", "parties": [
    ///   {{"id": "SG-ETR-PLATFORMS", "kind": "authority",
    ///     "keys": [{{"jwk": {}, "binding": "direct"}}]}}]}}"#,
    ///   authority.public_key().to_jwk()).as_bytes(), "store.json")?;
    /// let list: TrustList = serde_json::from_str(r#"{"schema": "ebl-trust-list/1",
    ///   "issuer": "SG-ETR-PLATFORMS", "sequence": 1, "issued_at": "2026-01-01T00:00:00Z",
    ///   "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z",
    ///   "parties": [{"id": "SGTD", "kind": "platform"}]}"#)?;
    /// let signed = list.sign(&authority, &rng)?;
    /// let at = "2026-03-01T00:00:00Z".parse()?;
    /// store.import_signed_trust_list(&signed, "SG-ETR-PLATFORMS", at)?;
    /// assert!(store.party("SGTD").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn import_signed_trust_list(
        &mut self,
        jws: &str,
        expected_issuer: &str,
        at: DateTime<Utc>,
    ) -> crate::Result<ImportSummary> {
        let mut keys = crate::crypto::KeySet::new();
        if let Some(publisher) = self.party(expected_issuer) {
            for key in &publisher.keys {
                if !matches!(
                    self.key_status(&key.kid, at),
                    super::KeyStatus::Valid { .. }
                ) {
                    continue;
                }
                if let Ok(public) = crate::crypto::PublicKey::from_jwk(&key.jwk) {
                    keys.insert(Some(key.kid.clone()), public)?;
                }
            }
        }
        if keys.is_empty() {
            return Err(TrustError::ListBadSignature {
                issuer: expected_issuer.to_owned(),
                message: format!(
                    "the store holds no key of publisher '{expected_issuer}' valid at {}",
                    at.to_rfc3339()
                ),
            }
            .into());
        }
        let verifier = crate::crypto::jws::JwsVerifier::new(
            crate::crypto::AlgorithmSet::default(),
            keys,
            crate::crypto::x509::CertificateAnchors::new(),
        );
        self.import_verified(jws, &verifier, expected_issuer, at)
    }

    /// Imports a signed trust list, verifying it with the publisher key given by the caller
    /// (for a first import, before the store holds the publisher).
    ///
    /// # Errors
    /// As [`TrustStore::import_signed_trust_list`].
    pub fn import_signed_trust_list_with_key(
        &mut self,
        jws: &str,
        publisher_key: &crate::crypto::PublicKey,
        expected_issuer: &str,
        at: DateTime<Utc>,
    ) -> crate::Result<ImportSummary> {
        let mut keys = crate::crypto::KeySet::new();
        keys.insert(None, publisher_key.clone())?;
        let verifier = crate::crypto::jws::JwsVerifier::new(
            crate::crypto::AlgorithmSet::default(),
            keys,
            crate::crypto::x509::CertificateAnchors::new(),
        );
        self.import_verified(jws, &verifier, expected_issuer, at)
    }

    fn import_verified(
        &mut self,
        jws: &str,
        verifier: &crate::crypto::jws::JwsVerifier,
        expected_issuer: &str,
        at: DateTime<Utc>,
    ) -> crate::Result<ImportSummary> {
        let decoded =
            crate::crypto::jws::decode_compact(jws).map_err(|e| TrustError::ListMalformed {
                message: format!("not a compact JWS: {e}"),
            })?;
        let verified =
            verifier
                .verify_decoded(&decoded, at)
                .map_err(|e| TrustError::ListBadSignature {
                    issuer: expected_issuer.to_owned(),
                    message: e.to_string(),
                })?;
        let value =
            crate::json::parse(verified.payload()).map_err(|e| TrustError::ListMalformed {
                message: format!("payload: {e}"),
            })?;
        let list: TrustList = crate::json::from_value(&value, &JsonPath::root()).map_err(|e| {
            TrustError::ListMalformed {
                message: format!("payload: {e}"),
            }
        })?;
        Ok(self.apply_trust_list(list, expected_issuer, at)?)
    }
}
