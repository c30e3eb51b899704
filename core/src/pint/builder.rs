//! Building and signing PINT envelopes: issue, record transactions, seal for a transfer.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use ring::rand::SecureRandom;
use serde::Serialize;
use serde_json::{Map, Value};

use super::types::{
    ActionCode, DocumentMetadata, EblEnvelope, EnvelopeManifest, EnvelopeTransferChainEntry,
    IdentifyingCode, IssuanceManifest, Transaction, TransactionGeneration, TransactionParty,
};
use crate::checksum::{canonical_json_sha256, sha256_hex};
use crate::crypto::PrivateKey;
use crate::crypto::jws::{JwsHeader, sign_compact};
use crate::pint::PintError;

/// A private key and how its signatures name it (`kid`, optionally an `x5c` chain).
///
/// The key is held in an [`Arc`], so one parsed key can back several signers (different
/// headers, several threads, a handle a C or Python caller keeps) without parsing its PKCS#8
/// again: see [`Signer::from_shared`].
pub struct Signer {
    /// The signing key, shared.
    pub key: Arc<PrivateKey>,
    /// The protected-header members to write; `alg` defaults to the key's.
    pub header: JwsHeader,
}

impl Signer {
    /// A signer whose `kid` is the RFC 7638 thumbprint of its public key, so that a receiver
    /// holding the public JWK finds it without further configuration.
    #[must_use]
    pub fn new(key: PrivateKey) -> Signer {
        Signer::from_shared(Arc::new(key))
    }

    /// [`Signer::new`] for a key already shared: the signer holds another reference to it,
    /// nothing is parsed or copied.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::pint::Signer;
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = Arc::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
    /// let signer = Signer::from_shared(Arc::clone(&key));
    /// assert!(Arc::ptr_eq(&signer.key, &key));
    /// assert_eq!(signer.header.kid, Some(key.public_key().thumbprint()));
    /// let jws = signer.sign_json(&serde_json::json!({"a": 1}), &rng)?;
    /// assert_eq!(jws.split('.').count(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from_shared(key: Arc<PrivateKey>) -> Signer {
        let header = JwsHeader {
            kid: Some(key.public_key().thumbprint()),
            ..JwsHeader::default()
        };
        Signer { key, header }
    }

    /// Signs a JSON payload as a compact JWS.
    pub fn sign_json<T: Serialize>(
        &self,
        payload: &T,
        rng: &dyn SecureRandom,
    ) -> crate::Result<String> {
        let bytes = serde_json::to_vec(payload).map_err(|e| PintError::Serialize(e.to_string()))?;
        Ok(sign_compact(&bytes, &self.key, &self.header, rng)?)
    }
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("public_key", &self.key.public_key().thumbprint())
            .field("header", &self.header)
            .finish()
    }
}

impl TransactionParty {
    /// A party on `platform` with one identifying code.
    ///
    /// ```
    /// use ebl::pint::TransactionParty;
    /// let bank = TransactionParty::new("BOLE", "Bank of Shenzhen", "BOLE", "bank-szx");
    /// assert_eq!(bank.identifying_codes[0].party_code, "bank-szx");
    /// ```
    pub fn new(
        platform: impl Into<String>,
        name: impl Into<String>,
        code_list_provider: impl Into<String>,
        party_code: impl Into<String>,
    ) -> TransactionParty {
        TransactionParty {
            party_name: name.into(),
            ebl_platform: platform.into(),
            identifying_codes: vec![IdentifyingCode {
                code_list_provider: code_list_provider.into(),
                party_code: party_code.into(),
                code_list_name: None,
            }],
            tax_legal_references: Vec::new(),
            represented_party: None,
            extra: Map::new(),
        }
    }
}

impl Transaction {
    /// A transaction in the current format.
    #[must_use]
    pub fn new(
        action_code: ActionCode,
        actor: TransactionParty,
        recipient: Option<TransactionParty>,
        at: DateTime<Utc>,
    ) -> Transaction {
        Transaction {
            action_code,
            actor,
            recipient,
            action_date_time: at,
            reason_code: None,
            comments: None,
            audit_reference: None,
            generation: TransactionGeneration::Current,
            extra: Map::new(),
        }
    }
}

impl DocumentMetadata {
    /// Metadata for a file: its size and SHA-256 computed from the bytes.
    #[must_use]
    pub fn for_bytes(
        name: impl Into<String>,
        media_type: impl Into<String>,
        bytes: &[u8],
    ) -> DocumentMetadata {
        DocumentMetadata {
            name: name.into(),
            size: bytes.len() as u64,
            media_type: media_type.into(),
            document_checksum: sha256_hex(bytes),
            extra: Map::new(),
        }
    }
}

/// What the carrier states when it issues an eBL.
#[derive(Debug, Clone)]
pub struct Issuance {
    /// The carrier's platform code (the `eblPlatform` of chain entry 0).
    pub platform: String,
    /// The carrier, as the actor of `ISSUE`.
    pub carrier: TransactionParty,
    /// The first holder ("issue to" party).
    pub issue_to: TransactionParty,
    /// When.
    pub at: DateTime<Utc>,
    /// The carrier's rendering of the B/L, if any (its bytes travel separately).
    pub visualisation: Option<DocumentMetadata>,
}

/// Builds a PINT envelope chain: the carrier issues, platforms record transactions, and the
/// sending platform seals an envelope for each transfer.
///
/// ```
/// use ebl::crypto::{KeyType, PrivateKey};
/// use ebl::pint::{
///     verify_parsed_envelope, ActionCode, EnvelopeBuilder, Issuance, PintTrust, ResponseCode,
///     Signer, Transaction, TransactionParty, EnvelopeVerifyOptions,
/// };
///
/// let rng = ring::rand::SystemRandom::new();
/// let carrier_key = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
/// let carrier = TransactionParty::new("CAR1", "Lion City Ocean Lines", "SMDG", "LCOL");
/// let shipper = TransactionParty::new("CAR1", "Straits Precision", "CAR1", "straits");
/// let bank = TransactionParty::new("BOLE", "Bank of China Shenzhen", "BOLE", "boc-szx");
/// let at = "2026-06-01T08:00:00Z".parse()?;
/// let td = serde_json::json!({"transportDocumentReference": "LCOL123", "isToOrder": true});
///
/// let mut builder = EnvelopeBuilder::issue(
///     td,
///     Issuance { platform: "CAR1".into(), carrier, issue_to: shipper.clone(), at, visualisation: None },
///     &carrier_key,
///     &carrier_key,
///     &rng,
/// )?;
/// let transfer = Transaction::new(ActionCode::Transfer, shipper, Some(bank), at);
/// builder.record("CAR1", vec![transfer], &carrier_key, &rng)?;
/// let envelope = builder.seal(&carrier_key, Vec::new(), &rng)?;
///
/// let mut trust = PintTrust::default();
/// trust.trust_platform_key("CAR1", carrier_key.key.public_key().clone())?;
/// let report = verify_parsed_envelope(&envelope, &trust, &EnvelopeVerifyOptions::at(at));
/// assert_eq!(report.response_code, ResponseCode::Received, "{:#?}", report.findings);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct EnvelopeBuilder {
    transport_document: Value,
    checksum: String,
    chain: Vec<String>,
    visualisation: Option<DocumentMetadata>,
}

impl EnvelopeBuilder {
    /// Issues a new eBL: `carrier` signs the issuance manifest, `platform` signs chain entry 0
    /// holding the `ISSUE` transaction (they may be the same signer).
    pub fn issue(
        transport_document: Value,
        issuance: Issuance,
        carrier: &Signer,
        platform: &Signer,
        rng: &dyn SecureRandom,
    ) -> crate::Result<EnvelopeBuilder> {
        let checksum = canonical_json_sha256(&transport_document);
        let issue_to = serde_json::to_value(&issuance.issue_to)
            .map_err(|e| PintError::Serialize(e.to_string()))?;
        let manifest = IssuanceManifest {
            document_checksum: checksum.clone(),
            issue_to_checksum: canonical_json_sha256(&issue_to),
            ebl_visualisation_by_carrier_checksum: issuance
                .visualisation
                .as_ref()
                .map(|v| v.document_checksum.clone()),
            extra: Map::new(),
        };
        let issue = Transaction::new(
            ActionCode::Issue,
            issuance.carrier,
            Some(issuance.issue_to),
            issuance.at,
        );
        let entry = EnvelopeTransferChainEntry {
            ebl_platform: issuance.platform,
            transport_document_checksum: checksum.clone(),
            previous_envelope_transfer_chain_entry_signed_content_checksum: None,
            issuance_manifest_signed_content: Some(carrier.sign_json(&manifest, rng)?),
            control_tracking_registry: None,
            transactions: vec![issue],
            extra: Map::new(),
        };
        let first = platform.sign_json(&entry, rng)?;
        Ok(EnvelopeBuilder {
            transport_document,
            checksum,
            chain: vec![first],
            visualisation: issuance.visualisation,
        })
    }

    /// Continues the chain of a received envelope, to record new transactions and pass it on.
    /// `visualisation` is the carrier's rendering declared by the received manifest, which
    /// every later transfer must declare unchanged.
    #[must_use]
    pub fn continue_from(
        envelope: &EblEnvelope,
        visualisation: Option<DocumentMetadata>,
    ) -> EnvelopeBuilder {
        EnvelopeBuilder {
            checksum: canonical_json_sha256(&envelope.transport_document),
            transport_document: envelope.transport_document.clone(),
            chain: envelope.envelope_transfer_chain.clone(),
            visualisation,
        }
    }

    /// Appends a chain entry recorded on `platform`, holding `transactions`, signed by `signer`.
    pub fn record(
        &mut self,
        platform: &str,
        transactions: Vec<Transaction>,
        signer: &Signer,
        rng: &dyn SecureRandom,
    ) -> crate::Result<()> {
        self.record_entry(
            EnvelopeTransferChainEntry {
                ebl_platform: platform.to_owned(),
                transport_document_checksum: String::new(),
                previous_envelope_transfer_chain_entry_signed_content_checksum: None,
                issuance_manifest_signed_content: None,
                control_tracking_registry: None,
                transactions,
                extra: Map::new(),
            },
            signer,
            rng,
        )
    }

    /// Appends a chain entry given in full (for members beyond [`EnvelopeBuilder::record`]'s,
    /// such as extensions in `extra`). The document checksum and the link to the previous
    /// entry are filled in here, whatever `entry` held.
    pub fn record_entry(
        &mut self,
        mut entry: EnvelopeTransferChainEntry,
        signer: &Signer,
        rng: &dyn SecureRandom,
    ) -> crate::Result<()> {
        if entry.transactions.is_empty() {
            return Err(PintError::NoTransactions.into());
        }
        entry.transport_document_checksum.clone_from(&self.checksum);
        entry.previous_envelope_transfer_chain_entry_signed_content_checksum = self
            .chain
            .last()
            .map(|previous| sha256_hex(previous.as_bytes()));
        self.chain.push(signer.sign_json(&entry, rng)?);
        Ok(())
    }

    /// Signs the manifest as the sending platform and returns the envelope to send.
    pub fn seal(
        &self,
        sender: &Signer,
        supporting_documents: Vec<DocumentMetadata>,
        rng: &dyn SecureRandom,
    ) -> crate::Result<EblEnvelope> {
        let last = self.chain.last().ok_or(PintError::NoTransactions)?;
        let manifest = EnvelopeManifest {
            transport_document_checksum: self.checksum.clone(),
            last_envelope_transfer_chain_entry_signed_content_checksum: sha256_hex(last.as_bytes()),
            ebl_visualisation_by_carrier: self.visualisation.clone(),
            supporting_documents,
            extra: Map::new(),
        };
        Ok(EblEnvelope {
            transport_document: self.transport_document.clone(),
            envelope_manifest_signed_content: sender.sign_json(&manifest, rng)?,
            envelope_transfer_chain: self.chain.clone(),
            extra: Map::new(),
        })
    }

    /// SHA-256 of the RFC 8785 form of the transport document.
    #[must_use]
    pub fn transport_document_checksum(&self) -> &str {
        &self.checksum
    }

    /// The signed chain entries so far, oldest first.
    #[must_use]
    pub fn chain(&self) -> &[String] {
        &self.chain
    }
}

impl EblEnvelope {
    /// The envelope as pretty-printed JSON, ready to send or save.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
