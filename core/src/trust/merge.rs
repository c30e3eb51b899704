//! Combining trust stores (a receiver's own configuration plus stores shared by partners).

use super::error::TrustError;
use super::store::TrustStore;
use crate::json::JsonPath;

impl TrustStore {
    /// Adds every party of `other` to this store, validated as when loading (`source_name`
    /// names `other` in errors), and keeps, per trust-list issuer, the higher of the two
    /// imported sequence numbers. The store is unchanged on error.
    ///
    /// # Errors
    /// [`TrustError::Duplicate`] if a party id or key id of `other` is already in this store,
    /// or another validation error of the party.
    ///
    /// ```
    /// use ebl::trust::TrustStore;
    /// let mut mine = TrustStore::from_json(br#"{"schema": "ebl-trust-store/1",
    ///   "parties": [{"id": "SZEB", "kind": "platform"}]}"#, "mine.json")?;
    /// let theirs = TrustStore::from_json(br#"{"schema": "ebl-trust-store/1",
    ///   "parties": [{"id": "SGTT", "kind": "platform"}]}"#, "theirs.json")?;
    /// mine.merge(&theirs, "theirs.json")?;
    /// assert!(mine.party("SGTT").is_some() && mine.party("SZEB").is_some());
    /// assert!(mine.clone().merge(&theirs, "theirs.json").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge(&mut self, other: &TrustStore, source_name: &str) -> Result<(), TrustError> {
        let mut next = self.clone();
        for (i, party) in other.parties.iter().enumerate() {
            let path = JsonPath::root().key("parties").index(i);
            next.insert_party(party.clone(), source_name, &path)?;
        }
        for (issuer, &sequence) in &other.list_sequences {
            let current = next
                .list_sequences
                .entry(issuer.clone())
                .or_insert(sequence);
            *current = (*current).max(sequence);
        }
        if next.name.is_none() {
            next.name.clone_from(&other.name);
        }
        *self = next;
        Ok(())
    }
}
