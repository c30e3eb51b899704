//! What a receiving platform remembers about the eBLs it has accepted: the durable title
//! registry.
//!
//! A platform that forgets accepts a retried transfer twice and, worse, accepts the same eBL
//! handed to two parties (a double spend). [`Registry`] is the small, object-safe interface the
//! receiving procedure needs (`reference/dcsa.md` §2.7 step 8, §2.8, §2.10):
//!
//! - the transfers accepted for each transport document, by its checksum, each with the chain
//!   of entry checksums, the last entry as received (for `DUPE`), the holder it left and the
//!   signed answer given ([`AcceptedTransfer`]);
//! - the transfers waiting for additional documents ([`PendingTransfer`]) and the documents
//!   received, by SHA-256;
//! - the TradeTrust side of an eBL known in both formats ([`TradeTrustTitle`]).
//!
//! Accepting is a compare-and-set: [`Registry::record_acceptance`] stores transfer number
//! `n + 1` of a document only if no other transfer took that number first, in one
//! transaction. Two receivers racing with two continuations of one eBL therefore get exactly
//! one winner; the loser re-reads what is known and answers `DISE` (or `DUPE`).
//! [`Registry::receive_and_record`] is one receive's read, comparison and write: the SQLite
//! backend runs it as one `IMMEDIATE` transaction (a second receiver waits for the lock, then
//! reads the first one's acceptance), PostgreSQL as a read and then the compare-and-set. The
//! receiving logic itself (what to answer) lives in [`crate::pint::receive_envelope_recorded`];
//! the comparison of chains in [`compare_chain`].
//!
//! Backends: [`SqliteRegistry`] (feature `sqlite`, on by default: one file, nothing to set
//! up) and `PostgresRegistry` (feature `postgres`: several receiving nodes on one database).
//! [`open_registry`] picks one from a location string, which is what the CLI and the bindings
//! pass.

mod compare;
mod error;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "sqlite")]
mod sqlite;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{History, PartyId};
use crate::pint::{DocumentMetadata, ResponseCode};

pub use compare::{ChainComparison, compare_chain, cross_format_conflict};
pub use error::RegistryError;
#[cfg(feature = "postgres")]
pub use postgres::PostgresRegistry;
#[cfg(feature = "sqlite")]
pub use sqlite::{SqliteDurability, SqliteRegistry};

/// The version of the registry schema this library writes. A database with a newer version
/// is refused ([`RegistryError::NewerSchema`]) rather than written with an older idea of it.
/// Version 2 changed the SQLite file's transfer tables (fewer pages written per acceptance); a
/// version-1 SQLite file is migrated when opened. The PostgreSQL tables are the same in both.
pub const REGISTRY_SCHEMA_VERSION: u32 = 2;

/// One transfer this platform accepted (answered `RECE`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptedTransfer {
    /// SHA-256 of the RFC 8785 form of the transport document: the eBL's identity in PINT.
    pub transport_document_checksum: String,
    /// `transportDocumentReference`, when the document has one (links the TradeTrust side).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport_document_reference: Option<String>,
    /// 1 for the first transfer of this document accepted here, then 2, 3, … (the eBL may
    /// leave and come back). Unique per document: the compare-and-set key.
    pub sequence: u64,
    /// SHA-256 of every chain entry's JWS string, first to last.
    pub chain: Vec<String>,
    /// The last chain entry as received (the JWS string), returned with a later `DUPE`.
    pub last_entry: String,
    /// SHA-256 of the last entry's decoded payload: the lenient `DUPE` key, which a re-signed
    /// entry keeps.
    pub last_entry_payload_checksum: String,
    /// The holder the chain leaves (the party on this platform that now holds the eBL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<PartyId>,
    /// The additional documents of this transfer (checksums), all received.
    pub documents: Vec<String>,
    /// The signed `EnvelopeTransferFinishedResponse` answered (compact JWS).
    pub response: String,
    /// When it was accepted (the receiving time the caller gave, not a hidden clock).
    pub accepted_at: DateTime<Utc>,
}

impl AcceptedTransfer {
    /// The SHA-256 of the last chain entry: the transfer's identity (the `DUPE` key).
    #[must_use]
    pub fn last_entry_checksum(&self) -> &str {
        self.chain.last().map_or("", String::as_str)
    }

    /// The code answered: always `RECE` (only accepted transfers are recorded).
    #[must_use]
    pub fn response_code(&self) -> ResponseCode {
        ResponseCode::Received
    }
}

/// A transfer answered `MDOC`: verified, waiting for the additional documents it declares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingTransfer {
    /// SHA-256 of the transfer's last chain entry (the transfer's identity).
    pub last_entry_checksum: String,
    /// The transport document's checksum.
    pub transport_document_checksum: String,
    /// The documents the manifest declares: an upload must be one of them, by SHA-256 and size.
    pub declared: Vec<DocumentMetadata>,
}

/// The TradeTrust (title-escrow) side of an eBL this platform also knows as a PINT envelope,
/// linked by the transport document reference (the B/L number).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TradeTrustTitle {
    /// The B/L number shared with the PINT transport document's `transportDocumentReference`.
    pub transport_document_reference: String,
    /// The title history read from the title-escrow log
    /// (`openattestation::title_history_from_log`).
    pub history: History,
}

/// What a registry knows that bears on receiving one envelope, read at one moment
/// ([`Registry::receive_snapshot`]): the eBL's accepted transfers, its TradeTrust side and the
/// declared documents already held.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReceiveSnapshot {
    /// Every transfer of the transport document accepted here, oldest first.
    pub history: Vec<AcceptedTransfer>,
    /// The TradeTrust side recorded under the document's reference, when there is one.
    pub tradetrust: Option<TradeTrustTitle>,
    /// Which of the asked-for document checksums this platform holds a document for.
    pub held_documents: BTreeSet<String>,
}

/// What a receive asks the registry to write, once it has compared the envelope with what the
/// registry knew ([`Registry::receive_and_record`]).
#[derive(Debug, Clone, PartialEq)]
pub enum ReceiveWrite {
    /// Nothing: the answer (`DUPE`, `DISE`, a refusal) changes nothing here.
    Nothing,
    /// Accept this transfer: [`Registry::record_acceptance`]'s compare-and-set.
    Acceptance(Box<AcceptedTransfer>),
    /// Remember this transfer as waiting for documents: [`Registry::record_pending`].
    Pending(PendingTransfer),
}

/// What a platform knows about the eBLs it received: the storage behind
/// [`crate::pint::receive_envelope_recorded`].
///
/// Object safe and `&self` throughout (backends synchronise inside), so a binding can hold a
/// `Box<dyn Registry + Send + Sync>`. Every method is one transaction; errors are typed
/// ([`RegistryError`]), never a panic.
pub trait Registry: std::fmt::Debug {
    /// Every transfer of the document with this checksum accepted here, oldest first (empty
    /// when the eBL is unknown).
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be read.
    fn history(
        &self,
        transport_document_checksum: &str,
    ) -> Result<Vec<AcceptedTransfer>, RegistryError>;

    /// The latest transfer accepted for a transport document reference (the B/L number), used
    /// to compare with the TradeTrust side.
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be read.
    fn latest_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<AcceptedTransfer>, RegistryError>;

    /// Records an accepted transfer, atomically, if `transfer.sequence` is still free for its
    /// document (and its last entry was never accepted): returns `false`, storing nothing, when
    /// another receiver got there first. Also removes the transfer's pending record.
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be written.
    fn record_acceptance(&self, transfer: &AcceptedTransfer) -> Result<bool, RegistryError>;

    /// Records (or replaces) a transfer waiting for documents.
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be written.
    fn record_pending(&self, pending: &PendingTransfer) -> Result<(), RegistryError>;

    /// The transfer waiting for documents whose last entry has this checksum.
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be read.
    fn pending(&self, last_entry_checksum: &str) -> Result<Option<PendingTransfer>, RegistryError>;

    /// Stores an additional document received (already checked against its declaration) under
    /// its SHA-256. Storing the same document again changes nothing.
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be written.
    fn store_document(&self, checksum: &str, bytes: &[u8]) -> Result<(), RegistryError>;

    /// Which of `checksums` this platform holds a document for.
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be read.
    fn held_documents(&self, checksums: &[String]) -> Result<BTreeSet<String>, RegistryError>;

    /// Records (or replaces) the TradeTrust side of an eBL.
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be written.
    fn record_tradetrust(&self, title: &TradeTrustTitle) -> Result<(), RegistryError>;

    /// The TradeTrust side recorded for a transport document reference.
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be read.
    fn tradetrust(&self, reference: &str) -> Result<Option<TradeTrustTitle>, RegistryError>;

    /// Everything [`crate::pint::receive_envelope_recorded`] compares an envelope with, in one
    /// call: [`Registry::history`] of `transport_document_checksum`, [`Registry::tradetrust`] of
    /// `reference` (when given) and [`Registry::held_documents`] among `documents`. A receive
    /// reads the registry once per envelope, so a backend that can answer all three in one read
    /// transaction overrides this (the SQLite one does: one lock round-trip instead of three);
    /// the default asks the three methods in turn.
    ///
    /// ```
    /// use ebl::title::{Registry, SqliteRegistry};
    /// let dir = std::env::temp_dir().join(format!("ebl-doc-snapshot-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let registry = SqliteRegistry::open(&dir.join("r.sqlite"))?;
    /// registry.store_document(&"ab".repeat(32), b"invoice")?;
    /// let wanted = ["ab".repeat(32), "cd".repeat(32)];
    /// let known = registry.receive_snapshot(&"00".repeat(32), Some("LCOL1"), &wanted)?;
    /// assert!(known.history.is_empty() && known.tradetrust.is_none());
    /// assert_eq!(known.held_documents.into_iter().collect::<Vec<_>>(), ["ab".repeat(32)]);
    /// drop(registry);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be read.
    fn receive_snapshot(
        &self,
        transport_document_checksum: &str,
        reference: Option<&str>,
        documents: &[String],
    ) -> Result<ReceiveSnapshot, RegistryError> {
        Ok(ReceiveSnapshot {
            history: self.history(transport_document_checksum)?,
            tradetrust: match reference {
                Some(reference) => self.tradetrust(reference)?,
                None => None,
            },
            held_documents: self.held_documents(documents)?,
        })
    }

    /// One receive's read, compare and write: reads what [`Registry::receive_snapshot`] reads,
    /// hands it to `decide` (which compares, signs the answer and says what to write) and
    /// writes that, returning `false` (and storing nothing) when an acceptance lost the
    /// compare-and-set to another receiver — then the caller reads again.
    ///
    /// The default composes the methods above: a read, then a write transaction, with the
    /// compare-and-set of [`Registry::record_acceptance`] deciding a race. A backend that can
    /// hold its write lock across the read overrides it with one transaction (the SQLite one
    /// does: one lock round instead of two; a race is then decided by the lock, and a second
    /// receiver reads the first one's acceptance). `decide` runs inside that transaction, so it
    /// must be quick: verify the envelope's signatures before, never inside.
    ///
    /// ```
    /// use ebl::title::{ReceiveWrite, Registry, SqliteRegistry};
    /// let dir = std::env::temp_dir().join(format!("ebl-doc-receive-write-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let registry = SqliteRegistry::open(&dir.join("r.sqlite"))?;
    /// let mut seen = None;
    /// let stored = registry.receive_and_record(&"00".repeat(32), None, &[], &mut |known| {
    ///     seen = Some(known.history.len());
    ///     ReceiveWrite::Nothing
    /// })?;
    /// assert!(stored);
    /// assert_eq!(seen, Some(0));
    /// drop(registry);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`RegistryError`] when the storage cannot be read or written (then nothing was written).
    fn receive_and_record(
        &self,
        transport_document_checksum: &str,
        reference: Option<&str>,
        documents: &[String],
        decide: &mut dyn FnMut(ReceiveSnapshot) -> ReceiveWrite,
    ) -> Result<bool, RegistryError> {
        let known = self.receive_snapshot(transport_document_checksum, reference, documents)?;
        match decide(known) {
            ReceiveWrite::Nothing => Ok(true),
            ReceiveWrite::Acceptance(transfer) => self.record_acceptance(&transfer),
            ReceiveWrite::Pending(pending) => {
                self.record_pending(&pending)?;
                Ok(true)
            }
        }
    }
}

/// Opens the registry a location names: `postgres://…` or `postgresql://…` (feature
/// `postgres`) for PostgreSQL, anything else is the path of a SQLite file (created when it
/// does not exist; an existing file must be an ebl registry).
///
/// ```
/// let dir = std::env::temp_dir().join(format!("ebl-doc-open-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("registry.sqlite");
/// let registry = ebl::title::open_registry(path.to_str().unwrap())?;
/// assert!(registry.history("00".repeat(32).as_str())?.is_empty());
/// drop(registry);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`RegistryError`]: unreachable database, corrupt or foreign file, newer schema, read-only
/// file, or a backend this build lacks.
pub fn open_registry(location: &str) -> Result<Box<dyn Registry + Send + Sync>, RegistryError> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        #[cfg(feature = "postgres")]
        return Ok(Box::new(PostgresRegistry::connect(location)?));
        #[cfg(not(feature = "postgres"))]
        return Err(RegistryError::BackendMissing {
            location: redact(location),
            feature: "postgres",
        });
    }
    #[cfg(feature = "sqlite")]
    return Ok(Box::new(SqliteRegistry::open(std::path::Path::new(
        location,
    ))?));
    #[cfg(not(feature = "sqlite"))]
    Err(RegistryError::BackendMissing {
        location: location.to_owned(),
        feature: "sqlite",
    })
}

/// What a registry knows about one eBL, as JSON: `transportDocumentChecksum`,
/// `transportDocumentReference`, the current `holder` on this platform, the `latest` accepted
/// transfer, every one in `transfers` (oldest first) and the `tradeTrust` side when recorded.
/// `key` is the transport document's checksum or its reference (the B/L number). `None` when
/// nothing was accepted for it. One call for `ebl registry show|history` and the bindings.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("ebl-doc-json-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let registry = ebl::title::open_registry(dir.join("r.sqlite").to_str().unwrap())?;
/// assert!(ebl::title::registry_json(registry.as_ref(), "LCOL1")?.is_none());
/// drop(registry);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`RegistryError`] when the registry cannot be read.
pub fn registry_json(
    registry: &dyn Registry,
    key: &str,
) -> Result<Option<serde_json::Value>, RegistryError> {
    let mut transfers = registry.history(key)?;
    if transfers.is_empty()
        && let Some(latest) = registry.latest_by_reference(key)?
    {
        transfers = registry.history(&latest.transport_document_checksum)?;
    }
    let Some(latest) = transfers.last() else {
        return Ok(None);
    };
    let tradetrust = match &latest.transport_document_reference {
        Some(reference) => registry.tradetrust(reference)?,
        None => None,
    };
    Ok(Some(serde_json::json!({
        "transportDocumentChecksum": latest.transport_document_checksum,
        "transportDocumentReference": latest.transport_document_reference,
        "holder": latest.holder,
        "latest": latest,
        "transfers": transfers,
        "tradeTrust": tradetrust,
    })))
}

/// Reads one stored record (an [`AcceptedTransfer`], [`PendingTransfer`] or
/// [`TradeTrustTitle`], kept as JSON text in every backend) back into its type. Shared by the
/// backends so that a row means the same whichever database holds it, and an unreadable one is
/// the same typed error naming the database.
pub(crate) fn decode_record<T: serde::de::DeserializeOwned>(
    location: &str,
    text: &str,
) -> Result<T, RegistryError> {
    serde_json::from_str(text).map_err(|e| RegistryError::Corrupt {
        location: location.to_owned(),
        message: format!("a stored record is unreadable: {e}"),
    })
}

/// The JSON text a backend stores for a record ([`decode_record`] reads it back).
pub(crate) fn encode_record<T: Serialize>(
    location: &str,
    value: &T,
) -> Result<String, RegistryError> {
    serde_json::to_string(value).map_err(|e| RegistryError::Storage {
        location: location.to_owned(),
        message: format!("could not serialise a record: {e}"),
    })
}

/// The transfer's sequence as the signed 64-bit integer both databases store.
pub(crate) fn stored_sequence(
    location: &str,
    transfer: &AcceptedTransfer,
) -> Result<i64, RegistryError> {
    i64::try_from(transfer.sequence).map_err(|_| RegistryError::Storage {
        location: location.to_owned(),
        message: "transfer sequence out of range".to_owned(),
    })
}

/// A database URL without its password, for messages.
pub(crate) fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme + 3],
                    &credentials[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_not_printed() {
        assert_eq!(
            redact("postgres://ebl:secret@localhost:5432/db"),
            "postgres://ebl:***@localhost:5432/db"
        );
        assert_eq!(redact("postgres://localhost/db"), "postgres://localhost/db");
    }
}
