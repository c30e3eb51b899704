//! Trust files as bytes: telling a trust store from a trust list from a signed trust list,
//! adding any of them to a store, signing a list as its issuer, and checking a signed list.

use chrono::{DateTime, Utc};
use ring::rand::SecureRandom;
use serde_json::Value;

use super::error::TrustError;
use super::list::{ImportSummary, TRUST_LIST_SCHEMA, TrustList};
use super::store::TrustStore;
use crate::crypto::{PrivateKey, PublicKey};
use crate::json::JsonPath;

/// Whether the bytes are JSON (an object), rather than a compact JWS.
fn is_json_object(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

/// The compact JWS text of a signed list, or why the bytes are not one.
fn jws_text(bytes: &[u8]) -> Result<&str, TrustError> {
    std::str::from_utf8(bytes)
        .map(str::trim)
        .map_err(|_| TrustError::Unrecognised {
            detail: String::new(),
        })
}

/// The list a compact JWS carries, with its `alg` and `kid`, read without checking the
/// signature (to learn its issuer, or to show it).
fn unverified_list(jws: &str) -> crate::Result<(TrustList, String, Option<String>)> {
    let decoded =
        crate::crypto::jws::decode_compact(jws).map_err(|e| TrustError::Unrecognised {
            detail: format!(": {e}"),
        })?;
    let list = TrustList::from_json(decoded.payload())?;
    let header = decoded.header();
    Ok((
        list,
        header.alg().as_str().to_owned(),
        header.kid().map(str::to_owned),
    ))
}

impl TrustList {
    /// Parses a trust list (schema `ebl-trust-list/1`) from its JSON bytes.
    ///
    /// ```
    /// let list = ebl::trust::TrustList::from_json(br#"{"schema": "ebl-trust-list/1",
    ///   "issuer": "SG-ETR-PLATFORMS", "sequence": 1, "issued_at": "2026-01-01T00:00:00Z",
    ///   "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z"}"#)?;
    /// assert_eq!(list.issuer, "SG-ETR-PLATFORMS");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn from_json(bytes: &[u8]) -> crate::Result<TrustList> {
        Ok(crate::json::from_value(
            &crate::json::parse(bytes)?,
            &JsonPath::root(),
        )?)
    }

    /// Signs the list as its publisher `issuer`: refuses a list whose `issuer` is another
    /// (so that a publisher cannot sign someone else's list by mistake), then signs as
    /// [`TrustList::sign`].
    ///
    /// # Errors
    /// [`TrustError::ListWrongIssuer`], then the errors of [`TrustList::sign`].
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::trust::TrustList;
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = PrivateKey::generate(KeyType::Ed25519, &rng)?;
    /// let list = TrustList::from_json(br#"{"schema": "ebl-trust-list/1",
    ///   "issuer": "SG-ETR-PLATFORMS", "sequence": 1, "issued_at": "2026-01-01T00:00:00Z",
    ///   "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z"}"#)?;
    /// assert!(list.sign_as("SG-ETR-PLATFORMS", &key, &rng).is_ok());
    /// let err = list.sign_as("CN-SZ-EBL", &key, &rng).unwrap_err();
    /// assert_eq!(err.code(), ebl::ErrorCode::TrustListWrongIssuer);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sign_as(
        &self,
        issuer: &str,
        key: &PrivateKey,
        rng: &dyn SecureRandom,
    ) -> crate::Result<String> {
        if self.issuer != issuer {
            return Err(TrustError::ListWrongIssuer {
                expected: issuer.to_owned(),
                found: self.issuer.clone(),
            }
            .into());
        }
        self.sign(key, rng)
    }

    /// Checks a signed trust list as a partner would import it: its signature with any of
    /// `keys` (the publisher's), its issuer, its validity at `at` and, against `base` (a store
    /// recording the lists already imported), its sequence number. `base` is not changed.
    ///
    /// The outer error is for an unusable input (not a compact JWS, not a trust-list
    /// payload); [`TrustListVerdict::Refused`] is for a list that is readable but not
    /// acceptable (bad signature, wrong issuer, expired, replayed).
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::trust::{TrustList, TrustListVerdict, TrustStore};
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = PrivateKey::generate(KeyType::Ed25519, &rng)?;
    /// let list = TrustList::from_json(br#"{"schema": "ebl-trust-list/1",
    ///   "issuer": "SG-ETR-PLATFORMS", "sequence": 1, "issued_at": "2026-01-01T00:00:00Z",
    ///   "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z"}"#)?;
    /// let jws = list.sign_as("SG-ETR-PLATFORMS", &key, &rng)?;
    /// let at = "2026-06-01T00:00:00Z".parse()?;
    /// let keys = [key.public_key().clone()];
    /// let verdict = TrustList::verify_signed(jws.as_bytes(), &keys, "SG-ETR-PLATFORMS", at, &TrustStore::new())?;
    /// assert!(matches!(verdict, TrustListVerdict::Accepted(ref s) if s.sequence == 1));
    /// let late = TrustList::verify_signed(jws.as_bytes(), &keys, "SG-ETR-PLATFORMS", "2028-01-01T00:00:00Z".parse()?, &TrustStore::new())?;
    /// assert!(matches!(late, TrustListVerdict::Refused(_)));
    /// assert!(TrustList::verify_signed(b"not a jws", &keys, "SG-ETR-PLATFORMS", at, &TrustStore::new()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify_signed(
        jws: &[u8],
        keys: &[PublicKey],
        issuer: &str,
        at: DateTime<Utc>,
        base: &TrustStore,
    ) -> crate::Result<TrustListVerdict> {
        let malformed = |e: &dyn std::fmt::Display| TrustError::ListMalformed {
            message: format!("not a signed trust list (compact JWS): {e}"),
        };
        let jws = std::str::from_utf8(jws)
            .map(str::trim)
            .map_err(|e| malformed(&e))?;
        crate::crypto::jws::decode_compact(jws).map_err(|e| malformed(&e))?;
        let mut last = crate::Error::from(TrustError::ListBadSignature {
            issuer: issuer.to_owned(),
            message: "no publisher key given".to_owned(),
        });
        for key in keys {
            let mut store = base.clone();
            match store.import_signed_trust_list_with_key(jws, key, issuer, at) {
                Ok(summary) => return Ok(TrustListVerdict::Accepted(summary)),
                Err(e @ crate::Error::Trust(TrustError::ListMalformed { .. })) => return Err(e),
                Err(e) => last = e,
            }
        }
        Ok(TrustListVerdict::Refused(last))
    }
}

/// The verdict on a signed trust list from [`TrustList::verify_signed`].
#[derive(Debug, Clone, PartialEq)]
pub enum TrustListVerdict {
    /// Acceptable: what importing it would change.
    Accepted(ImportSummary),
    /// Readable but refused, with the reason (of the last key tried).
    Refused(crate::Error),
}

impl TrustStore {
    /// Adds a trust file to this store: a trust-store JSON file is merged in; a signed trust
    /// list (compact JWS) is imported with the keys its publisher has in this store as built
    /// so far (so add the store holding the publisher first), checking its signature, issuer,
    /// validity at `at` and sequence number. Returns what a list import changed (`None` for
    /// a store). `source_name` (a file name) is put in error messages.
    ///
    /// # Errors
    /// The store's errors ([`TrustStore::from_json`], [`TrustStore::merge`]);
    /// [`TrustError::ListRefused`] for a list that is not imported (with the reason), and
    /// [`TrustError::Unrecognised`] for anything else.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::trust::TrustStore;
    /// let rng = ring::rand::SystemRandom::new();
    /// let authority = PrivateKey::generate(KeyType::Ed25519, &rng)?;
    /// let store_file = format!(r#"{{"schema": "ebl-trust-store/1", "parties": [{{"id": "SG-ETR-PLATFORMS",
    ///   "kind": "authority", "keys": [{{"jwk": {}, "binding": "direct"}}]}}]}}"#, authority.public_key().to_jwk());
    /// let list = ebl::trust::TrustList::from_json(br#"{"schema": "ebl-trust-list/1",
    ///   "issuer": "SG-ETR-PLATFORMS", "sequence": 1, "issued_at": "2026-01-01T00:00:00Z",
    ///   "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z",
    ///   "parties": [{"id": "SGTD", "kind": "platform"}]}"#)?;
    /// let jws = list.sign_as("SG-ETR-PLATFORMS", &authority, &rng)?;
    /// let at = "2026-06-01T00:00:00Z".parse()?;
    ///
    /// // The list before its publisher: refused, saying so.
    /// let err = TrustStore::new().add_bytes(jws.as_bytes(), "sg.jws", at).unwrap_err();
    /// assert!(err.to_string().contains("refused"), "{err}");
    /// // The store first, then the list.
    /// let mut store = TrustStore::new();
    /// assert!(store.add_bytes(store_file.as_bytes(), "store.json", at)?.is_none());
    /// assert_eq!(store.add_bytes(jws.as_bytes(), "sg.jws", at)?.map(|s| s.sequence), Some(1));
    /// assert!(store.party("SGTD").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_bytes(
        &mut self,
        bytes: &[u8],
        source_name: &str,
        at: DateTime<Utc>,
    ) -> crate::Result<Option<ImportSummary>> {
        if is_json_object(bytes) {
            let other = TrustStore::from_json(bytes, source_name)?;
            self.merge(&other, source_name)?;
            return Ok(None);
        }
        let jws = jws_text(bytes)?;
        let (list, _, _) = unverified_list(jws)?;
        let refused = |reason: TrustError| TrustError::ListRefused {
            reason: Box::new(reason),
        };
        if self.party(&list.issuer).is_none() {
            return Err(refused(TrustError::ListBadSignature {
                issuer: list.issuer.clone(),
                message: format!(
                    "the trust stores given before it hold no party '{}' (give the store holding the publisher first)",
                    list.issuer
                ),
            })
            .into());
        }
        match self.import_signed_trust_list(jws, &list.issuer, at) {
            Ok(summary) => Ok(Some(summary)),
            Err(crate::Error::Trust(reason)) => Err(refused(reason).into()),
            Err(other) => Err(other),
        }
    }
}

/// A trust file, told apart by its content: what `ebl trust show` displays.
#[derive(Debug, Clone, PartialEq)]
pub enum TrustDocument {
    /// A trust store (`ebl-trust-store/1`).
    Store(TrustStore),
    /// An unsigned trust list (`ebl-trust-list/1`).
    List(TrustList),
    /// A signed trust list (compact JWS), read without checking its signature.
    SignedList {
        /// The list it carries.
        list: TrustList,
        /// The JWS `alg`.
        alg: String,
        /// The JWS `kid`, if any.
        kid: Option<String>,
    },
}

impl TrustDocument {
    /// Reads a trust store, a trust list or a signed trust list (whose signature is NOT
    /// checked: use [`TrustList::verify_signed`] for that). `source_name` is put in errors.
    ///
    /// # Errors
    /// The store's or list's validation errors, or [`TrustError::Unrecognised`].
    ///
    /// ```
    /// use ebl::trust::TrustDocument;
    /// let store = TrustDocument::from_bytes(br#"{"schema": "ebl-trust-store/1", "parties": []}"#, "s.json")?;
    /// assert!(matches!(store, TrustDocument::Store(_)));
    /// let list = TrustDocument::from_bytes(br#"{"schema": "ebl-trust-list/1",
    ///   "issuer": "SG-ETR-PLATFORMS", "sequence": 1, "issued_at": "2026-01-01T00:00:00Z",
    ///   "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z"}"#, "l.json")?;
    /// assert_eq!(list.to_json_value()["issuer"], "SG-ETR-PLATFORMS");
    /// assert!(TrustDocument::from_bytes(b"hello", "x").is_err());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8], source_name: &str) -> crate::Result<TrustDocument> {
        if is_json_object(bytes) {
            let value = crate::json::parse(bytes)?;
            if value.get("schema").and_then(Value::as_str) == Some(TRUST_LIST_SCHEMA) {
                let list = crate::json::from_value(&value, &JsonPath::root())?;
                return Ok(TrustDocument::List(list));
            }
            return Ok(TrustDocument::Store(TrustStore::from_value(
                &value,
                source_name,
            )?));
        }
        let (list, alg, kid) = unverified_list(jws_text(bytes)?)?;
        Ok(TrustDocument::SignedList { list, alg, kid })
    }

    /// The document as JSON: a store in its file format, a list as its payload, a signed
    /// list as its payload plus `signature: {alg, kid, verified: false}`.
    #[must_use]
    pub fn to_json_value(&self) -> Value {
        match self {
            TrustDocument::Store(store) => store.to_json_value(),
            TrustDocument::List(list) => serde_json::to_value(list).unwrap_or(Value::Null),
            TrustDocument::SignedList { list, alg, kid } => {
                let mut value = serde_json::to_value(list).unwrap_or(Value::Null);
                if let Some(object) = value.as_object_mut() {
                    object.insert(
                        "signature".into(),
                        serde_json::json!({"alg": alg, "kid": kid, "verified": false}),
                    );
                }
                value
            }
        }
    }
}
