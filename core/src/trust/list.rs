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
use super::store::{KeyBinding, Party, TrustStore};
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
    pub parties: Vec<Party>,
}

/// What an import changed.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        if list.schema != TRUST_LIST_SCHEMA {
            return Err(TrustError::ListMalformed {
                message: format!(
                    "unsupported schema '{}', expected '{TRUST_LIST_SCHEMA}'",
                    list.schema
                ),
            });
        }
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
