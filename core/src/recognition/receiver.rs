//! The facts only the receiver knows (consents, the governing law, a registry check), read
//! from an evidence file and merged into what verification found.

use super::facts::Evidence;
use super::rules::Catalogue;
use crate::json::{self, JsonPath};
use crate::recognition::RecognitionError;

impl Evidence {
    /// Reads a receiver's evidence file (`{"consents": [...], "governing_law": "SG",
    /// "registry_checked": true}`, see `core/rules/README.md`), with the governing law
    /// resolved to a rule-file id through `catalogue`'s aliases (`uk` → `GB`).
    ///
    /// Signatures and identity proofs are refused (an empty list is harmless): they come from
    /// verifying the record, never from the receiver's word.
    ///
    /// ```
    /// use ebl::recognition::{Catalogue, Evidence};
    /// let catalogue = Catalogue::embedded()?;
    /// let evidence = Evidence::from_receiver_json(
    ///     br#"{"governing_law": "uk", "registry_checked": true}"#, &catalogue)?;
    /// assert_eq!(evidence.governing_law.as_deref(), Some("GB"));
    /// let claim = br#"{"signatures": [{"event": 0, "algorithm": "EdDSA", "kid": "k", "signer": "ME", "verified": true}]}"#;
    /// assert!(Evidence::from_receiver_json(claim, &catalogue).is_err());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    ///
    /// # Errors
    /// JSON errors (with the JSON path of a malformed member), and
    /// [`RecognitionError::InvalidInput`] for signature or identity-proof evidence.
    pub fn from_receiver_json(bytes: &[u8], catalogue: &Catalogue) -> crate::Result<Evidence> {
        let value = json::parse(bytes)?;
        let root = JsonPath::root();
        let mut evidence: Evidence = json::from_value(&value, &root)?;
        let claimed = [
            ("signatures", evidence.signatures.is_empty()),
            ("identity_proofs", evidence.identity_proofs.is_empty()),
        ];
        if let Some((member, _)) = claimed.iter().find(|(_, empty)| !empty) {
            return Err(RecognitionError::InvalidInput {
                path: root.key(member).to_string(),
                message: "signature and identity-proof evidence comes from verifying the record, not from an evidence file".to_owned(),
            }
            .into());
        }
        evidence.governing_law = evidence.governing_law.map(|law| catalogue.law_id(&law));
        Ok(evidence)
    }

    /// Adds what the receiver knows (`other`, typically from
    /// [`Evidence::from_receiver_json`]) to the evidence verification gathered: its consents
    /// are added, its governing law (if any) replaces the current one, and a registry check
    /// counts if either side made one. Signatures and identity proofs stay those of `self`.
    ///
    /// ```
    /// use ebl::recognition::Evidence;
    /// let mut found = Evidence { registry_checked: true, ..Evidence::default() };
    /// found.merge_receiver(Evidence { governing_law: Some("SG".into()), ..Evidence::default() });
    /// assert_eq!(found.governing_law.as_deref(), Some("SG"));
    /// assert!(found.registry_checked);
    /// ```
    pub fn merge_receiver(&mut self, other: Evidence) {
        self.consents.extend(other.consents);
        if other.governing_law.is_some() {
            self.governing_law = other.governing_law;
        }
        self.registry_checked |= other.registry_checked;
    }
}
