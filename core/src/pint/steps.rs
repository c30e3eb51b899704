//! The steps a holder's platform records, as one call each: issue, transfer, endorse,
//! surrender, and continuing a received envelope to pass it on.

use chrono::{DateTime, Utc};
use ring::rand::SecureRandom;

use super::builder::{EnvelopeBuilder, Issuance, Signer};
use super::types::{
    ActionCode, DocumentMetadata, EblEnvelope, EnvelopeManifest, Transaction, TransactionParty,
};

impl Issuance {
    /// An issuance recorded on the carrier's own platform (its `eblPlatform`), with no
    /// visualisation; set [`Issuance::platform`] or [`Issuance::visualisation`] to differ.
    ///
    /// ```
    /// use ebl::pint::{Issuance, TransactionParty};
    ///
    /// let carrier = TransactionParty::parse("SGP1:SMDG:LCOL:Lion City Ocean Lines")?;
    /// let shipper = TransactionParty::parse("SGP1:SGP1:straits")?;
    /// let issuance = Issuance::new(carrier, shipper, "2026-06-14T09:30:00Z".parse()?);
    /// assert_eq!(issuance.platform, "SGP1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        carrier: TransactionParty,
        issue_to: TransactionParty,
        at: DateTime<Utc>,
    ) -> Issuance {
        Issuance {
            platform: carrier.ebl_platform.clone(),
            carrier,
            issue_to,
            at,
            visualisation: None,
        }
    }
}

impl DocumentMetadata {
    /// Metadata for a file named `name`: its media type from the name's extension (see
    /// [`DocumentMetadata::media_type_for_name`]), size and SHA-256 from the bytes.
    ///
    /// ```
    /// use ebl::pint::DocumentMetadata;
    ///
    /// let pdf = DocumentMetadata::for_file("bl.PDF", b"%PDF-1.7");
    /// assert_eq!(pdf.media_type, "application/pdf");
    /// assert_eq!(pdf.size, 8);
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn for_file(name: &str, bytes: &[u8]) -> DocumentMetadata {
        DocumentMetadata::for_bytes(name, DocumentMetadata::media_type_for_name(name), bytes)
    }

    /// The media type PINT declares for a file name's extension (case-insensitive): PDF,
    /// JSON, PNG and JPEG, else `application/octet-stream`.
    ///
    /// ```
    /// use ebl::pint::DocumentMetadata;
    /// assert_eq!(DocumentMetadata::media_type_for_name("scan.jpeg"), "image/jpeg");
    /// assert_eq!(DocumentMetadata::media_type_for_name("notes"), "application/octet-stream");
    /// ```
    #[must_use]
    pub fn media_type_for_name(name: &str) -> &'static str {
        let extension = std::path::Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("pdf") => "application/pdf",
            Some("json") => "application/json",
            Some("png") => "image/png",
            Some("jpg" | "jpeg") => "image/jpeg",
            _ => "application/octet-stream",
        }
    }
}

/// Whom an endorsement names, for [`endorsement_steps`].
#[derive(Debug, Clone, PartialEq)]
pub enum EndorseTo {
    /// A named endorsee who may not endorse further (`ENDORSE`).
    Named(TransactionParty),
    /// A named endorsee who may endorse further (`ENDORSE_TO_ORDER`).
    ToOrder(TransactionParty),
    /// In blank: the bill becomes payable to bearer (`BLANK_ENDORSE`).
    Blank,
}

impl EndorseTo {
    /// Whom an endorsement to `endorsee` names: in blank when there is none, else a named
    /// endorsee who may endorse further when `to_order`. The CLI and the bindings take the
    /// endorsee and the to-order flag as two arguments; this is their one reading of them
    /// (`to_order` has no meaning for an endorsement in blank).
    ///
    /// ```
    /// use ebl::pint::{EndorseTo, TransactionParty};
    ///
    /// let bank = TransactionParty::parse("SGP1:SGP1:bank")?;
    /// assert_eq!(EndorseTo::new(Some(bank.clone()), true), EndorseTo::ToOrder(bank.clone()));
    /// assert_eq!(EndorseTo::new(Some(bank.clone()), false), EndorseTo::Named(bank));
    /// assert_eq!(EndorseTo::new(None, true), EndorseTo::Blank);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(endorsee: Option<TransactionParty>, to_order: bool) -> EndorseTo {
        match endorsee {
            None => EndorseTo::Blank,
            Some(endorsee) if to_order => EndorseTo::ToOrder(endorsee),
            Some(endorsee) => EndorseTo::Named(endorsee),
        }
    }
}

/// The transactions an endorsement records: the endorsement, then (for a named endorsee,
/// unless `endorse_only`) the transfer of possession to the endorsee, since a DCSA
/// endorsement alone moves nothing.
///
/// ```
/// use ebl::pint::{endorsement_steps, ActionCode, EndorseTo, TransactionParty};
///
/// let shipper = TransactionParty::parse("SGP1:SGP1:straits")?;
/// let bank = TransactionParty::parse("SGP1:SGP1:bank")?;
/// let at = "2026-06-15T02:00:00Z".parse()?;
/// let steps = endorsement_steps(shipper.clone(), EndorseTo::ToOrder(bank.clone()), false, at);
/// let codes: Vec<_> = steps.iter().map(|t| t.action_code.clone()).collect();
/// assert_eq!(codes, [ActionCode::EndorseToOrder, ActionCode::Transfer]);
/// assert_eq!(endorsement_steps(shipper.clone(), EndorseTo::Named(bank), true, at).len(), 1);
/// assert_eq!(endorsement_steps(shipper, EndorseTo::Blank, false, at)[0].action_code, ActionCode::BlankEndorse);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn endorsement_steps(
    from: TransactionParty,
    to: EndorseTo,
    endorse_only: bool,
    at: DateTime<Utc>,
) -> Vec<Transaction> {
    let (action, endorsee) = match to {
        EndorseTo::Blank => {
            return vec![Transaction::new(ActionCode::BlankEndorse, from, None, at)];
        }
        EndorseTo::Named(party) => (ActionCode::Endorse, party),
        EndorseTo::ToOrder(party) => (ActionCode::EndorseToOrder, party),
    };
    let mut transactions = vec![Transaction::new(
        action,
        from.clone(),
        Some(endorsee.clone()),
        at,
    )];
    if !endorse_only {
        transactions.push(Transaction::transfer(from, endorsee, at));
    }
    transactions
}

/// Why a bill is surrendered to its carrier, for [`Transaction::surrender`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurrenderPurpose {
    /// To take delivery of the goods (`SURRENDER_FOR_DELIVERY`).
    Delivery,
    /// To have the bill amended or switched (`SURRENDER_FOR_AMENDMENT`).
    Amendment,
}

impl Transaction {
    /// `TRANSFER`: possession passes from `from` to `to`.
    ///
    /// ```
    /// use ebl::pint::{ActionCode, Transaction, TransactionParty};
    /// let t = Transaction::transfer(
    ///     TransactionParty::parse("SGP1:SGP1:bank")?,
    ///     TransactionParty::parse("SZP1:SZP1:qianhai")?,
    ///     "2026-06-16T06:45:00Z".parse()?,
    /// );
    /// assert_eq!(t.action_code, ActionCode::Transfer);
    /// assert_eq!(t.recipient.unwrap().ebl_platform, "SZP1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn transfer(
        from: TransactionParty,
        to: TransactionParty,
        at: DateTime<Utc>,
    ) -> Transaction {
        Transaction::new(ActionCode::Transfer, from, Some(to), at)
    }

    /// The holder `from` surrenders the bill to `carrier` for `purpose`; `reason` is the
    /// PINT reason code (for an amendment: `SWTP` switch to paper, `COD` change of
    /// destination, `SWI` switch B/L).
    ///
    /// ```
    /// use ebl::pint::{ActionCode, SurrenderPurpose, Transaction, TransactionParty};
    /// let t = Transaction::surrender(
    ///     TransactionParty::parse("SZP1:SZP1:qianhai")?,
    ///     TransactionParty::parse("SGP1:SMDG:LCOL")?,
    ///     SurrenderPurpose::Amendment,
    ///     Some("COD".to_owned()),
    ///     "2026-07-01T00:00:00Z".parse()?,
    /// );
    /// assert_eq!(t.action_code, ActionCode::SurrenderForAmendment);
    /// assert_eq!(t.reason_code.as_deref(), Some("COD"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn surrender(
        from: TransactionParty,
        carrier: TransactionParty,
        purpose: SurrenderPurpose,
        reason: Option<String>,
        at: DateTime<Utc>,
    ) -> Transaction {
        let action = match purpose {
            SurrenderPurpose::Delivery => ActionCode::SurrenderForDelivery,
            SurrenderPurpose::Amendment => ActionCode::SurrenderForAmendment,
        };
        let mut surrender = Transaction::new(action, from, Some(carrier), at);
        surrender.reason_code = reason;
        surrender
    }
}

impl EblEnvelope {
    /// Issues an eBL in one call, as `ebl issue` does: the carrier signs the issuance manifest
    /// and, recording the issue on its platform, the first chain entry, then seals the
    /// envelope to send to the first holder's platform. (For a carrier whose issuance is
    /// recorded by a separate platform with its own key, use [`EnvelopeBuilder::issue`].)
    ///
    /// # Errors
    /// A transport document that cannot be checksummed or signed; signing errors.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::pint::{EblEnvelope, Issuance, Signer, TransactionParty};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let carrier_key = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
    /// let carrier = TransactionParty::parse("SGP1:SMDG:LCOL:Lion City Ocean Lines")?;
    /// let shipper = TransactionParty::parse("SGP1:SGP1:straits")?;
    /// let td = serde_json::json!({"transportDocumentReference": "LCOL1"});
    /// let issuance = Issuance::new(carrier, shipper, "2026-06-14T09:30:00Z".parse()?);
    /// let envelope = EblEnvelope::issue(td, issuance, &carrier_key, &rng)?;
    /// assert_eq!(envelope.envelope_transfer_chain.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue(
        transport_document: crate::json::Value,
        issuance: Issuance,
        carrier: &Signer,
        rng: &dyn SecureRandom,
    ) -> crate::Result<EblEnvelope> {
        EnvelopeBuilder::issue(transport_document, issuance, carrier, carrier, rng)?.seal(
            carrier,
            Vec::new(),
            rng,
        )
    }

    /// The carrier's visualisation the envelope's manifest declares (read without checking
    /// the manifest's signature), which every later transfer must declare unchanged. `None`
    /// when there is none or the manifest cannot be read.
    ///
    /// ```
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/pint-demo");
    /// let envelope: ebl::pint::EblEnvelope =
    ///     ebl::json::from_slice(&std::fs::read(format!("{dir}/HHL71800000-ebl-envelope-ed25519.json"))?)?;
    /// assert!(envelope.declared_visualisation().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn declared_visualisation(&self) -> Option<DocumentMetadata> {
        let jws =
            crate::crypto::jws::decode_compact(&self.envelope_manifest_signed_content).ok()?;
        let manifest: EnvelopeManifest = crate::json::from_slice(jws.payload()).ok()?;
        manifest.ebl_visualisation_by_carrier
    }

    /// Passes a received envelope on: appends one chain entry recorded on `platform` with
    /// `transactions`, signed by `signer`, and seals a new envelope as the sender, carrying
    /// the declared visualisation forward.
    ///
    /// # Errors
    /// [`PintError::NoTransactions`](super::PintError::NoTransactions) for an empty step;
    /// signing errors.
    ///
    /// ```
    /// use ebl::crypto::{KeyType, PrivateKey};
    /// use ebl::pint::{EnvelopeBuilder, Issuance, Signer, Transaction, TransactionParty};
    ///
    /// let rng = ring::rand::SystemRandom::new();
    /// let key = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
    /// let carrier = TransactionParty::parse("SGP1:SMDG:LCOL")?;
    /// let shipper = TransactionParty::parse("SGP1:SGP1:straits")?;
    /// let at = "2026-06-14T09:30:00Z".parse()?;
    /// let td = serde_json::json!({"transportDocumentReference": "LCOL1"});
    /// let issued = EnvelopeBuilder::issue(td, Issuance::new(carrier, shipper.clone(), at), &key, &key, &rng)?
    ///     .seal(&key, Vec::new(), &rng)?;
    /// let buyer = TransactionParty::parse("SZP1:SZP1:qianhai")?;
    /// let passed = issued.extend_chain("SGP1", vec![Transaction::transfer(shipper, buyer, at)], &key, &rng)?;
    /// assert_eq!(passed.envelope_transfer_chain.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend_chain(
        &self,
        platform: &str,
        transactions: Vec<Transaction>,
        signer: &Signer,
        rng: &dyn SecureRandom,
    ) -> crate::Result<EblEnvelope> {
        let mut builder = EnvelopeBuilder::continue_from(self, self.declared_visualisation());
        builder.record(platform, transactions, signer, rng)?;
        builder.seal(signer, Vec::new(), rng)
    }
}
