//! Reading and writing the trust-store JSON format, with validation.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::TrustError;
use super::store::{TRUST_STORE_SCHEMA, TrustStore, TrustedParty};
use crate::json::{self, JsonPath, Value};

/// The file format (see `core/rules/README.md`, "Trust store").
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoreFile {
    schema: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default)]
    parties: Vec<TrustedParty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    imported_lists: Vec<ImportedList>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportedList {
    issuer: String,
    sequence: u64,
}

pub(crate) fn invalid(
    source: &str,
    path: impl Into<String>,
    message: impl Into<String>,
) -> TrustError {
    TrustError::Invalid {
        source_name: source.to_owned(),
        path: path.into(),
        message: message.into(),
    }
}

impl TrustStore {
    /// Parses and validates a trust store from the bytes of its JSON file.
    ///
    /// `source_name` (a file name) is put in error messages. Refused: malformed JSON, unknown
    /// members, a `schema` other than `ebl-trust-store/1`, duplicate party ids, a key id bound
    /// to two parties, validity windows that end before they start, revocations of keys the
    /// party does not have.
    ///
    /// # Errors
    /// [`TrustError`] (codes 7xx) or a JSON error, naming the file and JSON path.
    pub fn from_json(bytes: &[u8], source_name: &str) -> crate::Result<TrustStore> {
        let value = json::parse(bytes)?;
        TrustStore::from_value(&value, source_name)
    }

    /// Validates a trust store from an already-parsed JSON value (see [`TrustStore::from_json`]).
    ///
    /// # Errors
    /// As [`TrustStore::from_json`].
    pub fn from_value(value: &Value, source_name: &str) -> crate::Result<TrustStore> {
        let file: StoreFile = json::from_value(value, &JsonPath::root()).map_err(|e| match e {
            crate::json::JsonError::Shape { path, message } => {
                crate::Error::Trust(invalid(source_name, path, message))
            }
            other => crate::Error::Json(other),
        })?;
        if file.schema != TRUST_STORE_SCHEMA {
            return Err(invalid(
                source_name,
                "$.schema",
                format!(
                    "unsupported schema '{}', expected '{TRUST_STORE_SCHEMA}'",
                    file.schema
                ),
            )
            .into());
        }
        let mut store = TrustStore {
            name: file.name,
            ..TrustStore::default()
        };
        for (i, party) in file.parties.into_iter().enumerate() {
            let path = JsonPath::root().key("parties").index(i);
            store.insert_party(party, source_name, &path)?;
        }
        for (i, list) in file.imported_lists.into_iter().enumerate() {
            if store
                .list_sequences
                .insert(list.issuer.clone(), list.sequence)
                .is_some()
            {
                return Err(TrustError::Duplicate {
                    source_name: source_name.to_owned(),
                    path: JsonPath::root().key("imported_lists").index(i).to_string(),
                    what: "trust-list issuer",
                    id: list.issuer,
                }
                .into());
            }
        }
        Ok(store)
    }

    /// Adds a party after validating it; `path` locates it in its source for error messages.
    pub(crate) fn insert_party(
        &mut self,
        mut party: TrustedParty,
        source_name: &str,
        path: &JsonPath,
    ) -> Result<(), TrustError> {
        normalise_keys(&mut party, source_name, path)?;
        validate_party(&party, source_name, path)?;
        if party.id.is_empty() {
            return Err(invalid(
                source_name,
                path.key("id").to_string(),
                "empty party id",
            ));
        }
        if self.by_id.contains_key(&party.id) {
            return Err(TrustError::Duplicate {
                source_name: source_name.to_owned(),
                path: path.key("id").to_string(),
                what: "party id",
                id: party.id,
            });
        }
        let index = self.parties.len();
        for (k, key) in party.keys.iter().enumerate() {
            for id in key_ids(key) {
                if self.by_kid.contains_key(id) {
                    return Err(TrustError::Duplicate {
                        source_name: source_name.to_owned(),
                        path: path.key("keys").index(k).key("kid").to_string(),
                        what: "key id",
                        id: id.to_owned(),
                    });
                }
            }
        }
        for (k, key) in party.keys.iter().enumerate() {
            for id in key_ids(key) {
                self.by_kid.insert(id.to_owned(), (index, k));
            }
        }
        self.by_id.insert(party.id.clone(), index);
        self.parties.push(party);
        Ok(())
    }

    /// Removes a party and its keys (used when a newer trust list replaces an older one).
    pub(crate) fn remove_party(&mut self, id: &str) -> Option<TrustedParty> {
        let index = self.by_id.get(id).copied()?;
        let party = self.parties.remove(index);
        self.reindex();
        Some(party)
    }

    fn reindex(&mut self) {
        self.by_id.clear();
        self.by_kid.clear();
        for (i, party) in self.parties.iter().enumerate() {
            self.by_id.insert(party.id.clone(), i);
            for (k, key) in party.keys.iter().enumerate() {
                for id in key_ids(key) {
                    self.by_kid.insert(id.to_owned(), (i, k));
                }
            }
        }
    }

    /// The store in its JSON file format (deterministic: file order, sorted list sequences).
    #[must_use]
    pub fn to_json_value(&self) -> Value {
        let file = StoreFile {
            schema: TRUST_STORE_SCHEMA.to_owned(),
            name: self.name.clone(),
            parties: self.parties.clone(),
            imported_lists: self
                .list_sequences
                .iter()
                .map(|(issuer, &sequence)| ImportedList {
                    issuer: issuer.clone(),
                    sequence,
                })
                .collect(),
        };
        serde_json::to_value(file).unwrap_or(Value::Null)
    }
}

fn check_window(
    validity: super::Validity,
    source: &str,
    path: &JsonPath,
) -> Result<(), TrustError> {
    if validity.is_ordered() {
        return Ok(());
    }
    let show =
        |t: Option<chrono::DateTime<chrono::Utc>>| t.map(|t| t.to_rfc3339()).unwrap_or_default();
    Err(TrustError::InvalidWindow {
        source_name: source.to_owned(),
        path: path.to_string(),
        from: show(validity.valid_from),
        until: show(validity.valid_until),
    })
}

/// The ids a key is found by: its `kid` and its thumbprint.
fn key_ids(key: &super::PartyKey) -> impl Iterator<Item = &str> {
    let thumb = key.thumbprint.as_deref().filter(|t| *t != key.kid);
    std::iter::once(key.kid.as_str()).chain(thumb)
}

/// Imports each JWK with the crypto module, computes its thumbprint and fills a missing `kid`
/// (from the JWK's own `kid` member, else the thumbprint).
fn normalise_keys(
    party: &mut TrustedParty,
    source: &str,
    path: &JsonPath,
) -> Result<(), TrustError> {
    for (k, key) in party.keys.iter_mut().enumerate() {
        let kpath = path.key("keys").index(k);
        match crate::crypto::PublicKey::from_jwk(&key.jwk) {
            Ok(public) => key.thumbprint = Some(public.thumbprint()),
            Err(e) if key.kid.is_empty() => {
                return Err(invalid(
                    source,
                    kpath.key("jwk").to_string(),
                    format!("{e}; a key the library cannot import needs an explicit kid"),
                ));
            }
            Err(_) => key.thumbprint = None,
        }
        if key.kid.is_empty() {
            key.kid = key
                .jwk
                .get("kid")
                .and_then(|k| k.as_str())
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
                .or_else(|| key.thumbprint.clone())
                .unwrap_or_default();
        }
    }
    Ok(())
}

fn validate_party(party: &TrustedParty, source: &str, path: &JsonPath) -> Result<(), TrustError> {
    check_window(party.validity(), source, path)?;
    let mut kids: BTreeMap<&str, usize> = BTreeMap::new();
    for (k, key) in party.keys.iter().enumerate() {
        let kpath = path.key("keys").index(k);
        if key.kid.is_empty() {
            return Err(invalid(
                source,
                kpath.key("kid").to_string(),
                "empty key id",
            ));
        }
        if !key.jwk.is_object() {
            return Err(invalid(
                source,
                kpath.key("jwk").to_string(),
                "a JWK must be a JSON object",
            ));
        }
        check_window(key.validity(), source, &kpath)?;
        kids.insert(&key.kid, k);
    }
    for (r, rev) in party.revocations.iter().enumerate() {
        if !kids.contains_key(rev.kid.as_str()) {
            return Err(TrustError::UnknownKey {
                source_name: source.to_owned(),
                path: path.key("revocations").index(r).to_string(),
                kid: rev.kid.clone(),
            });
        }
    }
    for (e, evidence) in party.evidence.iter().enumerate() {
        let epath = path.key("evidence").index(e);
        if evidence.scheme.is_empty() {
            return Err(invalid(
                source,
                epath.key("scheme").to_string(),
                "empty evidence scheme",
            ));
        }
        check_window(evidence.validity(), source, &epath)?;
    }
    Ok(())
}
