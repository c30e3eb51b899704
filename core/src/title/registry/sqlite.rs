//! The embedded registry: one SQLite file (bundled SQLite, nothing to install).
//!
//! WAL journal, one `IMMEDIATE` transaction per write, and a busy timeout so that several
//! processes on one file queue rather than fail. How durable a commit is, is a choice
//! ([`SqliteDurability`]): by default an acceptance survives any crash of the process (the
//! commit is in the WAL file before `RECE` is returned), and with
//! [`SqliteDurability::PowerLoss`] also a power cut, at the price of an `fsync` per
//! acceptance (milliseconds on most disks, several times the cost of verifying an envelope). The file is marked as ours twice: SQLite's
//! `application_id` and a schema-version table. An existing file that is not a SQLite
//! database, or one that is not ours, is refused and left untouched: a registry must never
//! silently start afresh over one that holds accepted titles.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::types::Value;
use rusqlite::{Connection, ErrorCode as SqliteCode, OpenFlags, ToSql, params};

use super::{
    AcceptedTransfer, PendingTransfer, REGISTRY_SCHEMA_VERSION, ReceiveSnapshot, ReceiveWrite,
    Registry, RegistryError, TradeTrustTitle, decode_record, encode_record, stored_sequence,
};

/// `EBLR`: SQLite's `application_id`, so that `file(1)` and we can tell the file apart.
const APPLICATION_ID: i64 = 0x4542_4c52;
/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";
/// WAL pages (4 KiB each) after which a commit checkpoints: about 1700 acceptances.
const WAL_AUTOCHECKPOINT_PAGES: i64 = 8192;

/// The tables of a new registry file besides the transfers ([`TRANSFER_TABLES`]): the same in
/// every schema version so far.
const SCHEMA: &str = "
CREATE TABLE ebl_registry_schema (version INTEGER NOT NULL);
CREATE TABLE ebl_pending (
    last_entry_checksum TEXT PRIMARY KEY,
    td_checksum TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE ebl_documents (checksum TEXT PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE ebl_tradetrust (reference TEXT PRIMARY KEY, record TEXT NOT NULL);
";

/// The accepted transfers (schema version 2), laid out so that an acceptance writes as few
/// pages as it can: every page written costs two `pwrite`s into the WAL, which was most of
/// what the registry added to a receive.
///
/// - `ebl_transfer_key`, the compare-and-set: `WITHOUT ROWID`, keyed `(td, sequence)` with the
///   checksums as their 32 bytes ([`checksum_key`]), one short row (about 80 bytes) per
///   transfer, so a leaf holds about fifty and a new key seldom splits one. The last entry's
///   uniqueness is checked in the same transaction, on the same leaf (the document's rows),
///   instead of in an index of its own: a chain entry signs its document's checksum, so an
///   entry accepted for one document cannot be one of another's.
/// - `ebl_transfer_record`, the record (about 2 KB of JSON, the same text as in version 1 and
///   in PostgreSQL): a rowid table appended in acceptance order, so a commit writes its last
///   leaf rather than a random one, and the record never overflows a key leaf.
/// - `ebl_transfer_reference`, B/L number to document: written when a document is first
///   accepted (`INSERT OR IGNORE` writes nothing for one already known), not on every transfer.
///
/// Measured on the bench's first acceptances (`core/examples/registry_profile.rs` says how):
/// 4.7 WAL pages per commit, against 6.95 for version 1, which kept all of it in one
/// `ebl_transfers` table with three indexes (a leaf of each on every acceptance).
/// [`migrate_from_v1`] moves a version-1 file over on open.
const TRANSFER_TABLES: &str = "
CREATE TABLE ebl_transfer_record (id INTEGER PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE ebl_transfer_key (
    td BLOB NOT NULL,
    sequence INTEGER NOT NULL,
    last_entry BLOB NOT NULL,
    record INTEGER NOT NULL,
    PRIMARY KEY (td, sequence)
) WITHOUT ROWID;
CREATE TABLE ebl_transfer_reference (
    reference TEXT NOT NULL,
    td BLOB NOT NULL,
    PRIMARY KEY (reference, td)
) WITHOUT ROWID;
";

/// How durable a committed acceptance is in a [`SqliteRegistry`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SqliteDurability {
    /// Survives the process being killed at any moment (SQLite `synchronous = NORMAL` with
    /// WAL: the commit is written to the WAL before it returns; the OS flushes it later). A
    /// power cut may lose the last few acceptances.
    #[default]
    ProcessCrash,
    /// Also survives a power cut or OS crash (`synchronous = FULL`: an `fsync` per commit).
    PowerLoss,
}

/// A registry in one SQLite file. Thread-safe (one connection behind a mutex); several
/// processes may share the file.
#[derive(Debug)]
pub struct SqliteRegistry {
    path: PathBuf,
    /// `path` as every error names it, written once rather than on every call.
    location: String,
    connection: Mutex<Connection>,
}

impl SqliteRegistry {
    /// Opens the registry at `path`, creating it (and its schema) when the file does not exist
    /// or is empty.
    ///
    /// ```
    /// use ebl::title::{SqliteRegistry, Registry};
    /// let dir = std::env::temp_dir().join(format!("ebl-doc-sqlite-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let registry = SqliteRegistry::open(&dir.join("r.sqlite"))?;
    /// assert_eq!(registry.integrity_check()?, "ok");
    /// drop(registry);
    /// std::fs::write(dir.join("notes.txt"), "not a database, please keep me")?;
    /// let refused = SqliteRegistry::open(&dir.join("notes.txt")).unwrap_err();
    /// assert_eq!(refused.code(), ebl::ErrorCode::RegistryCorrupt);
    /// std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`RegistryError::Corrupt`] for a file that is not a readable SQLite database,
    /// [`RegistryError::Foreign`] for another application's database,
    /// [`RegistryError::NewerSchema`], [`RegistryError::ReadOnly`] for a file or folder this
    /// process may not write, [`RegistryError::Storage`] otherwise.
    pub fn open(path: &Path) -> Result<SqliteRegistry, RegistryError> {
        SqliteRegistry::open_with_durability(path, SqliteDurability::default())
    }

    /// [`SqliteRegistry::open`] with a chosen [`SqliteDurability`].
    ///
    /// # Errors
    /// As [`SqliteRegistry::open`].
    pub fn open_with_durability(
        path: &Path,
        durability: SqliteDurability,
    ) -> Result<SqliteRegistry, RegistryError> {
        let location = path.display().to_string();
        let existing = existing_content(path, &location)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection =
            Connection::open_with_flags(path, flags).map_err(|e| classify(&location, &e))?;
        let registry = SqliteRegistry {
            path: path.to_owned(),
            location,
            connection: Mutex::new(connection),
        };
        registry.prepare(existing, durability)?;
        Ok(registry)
    }

    /// The file this registry lives in.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SQLite's `PRAGMA integrity_check`: `"ok"` for a sound file, otherwise the problems
    /// found, one per line.
    ///
    /// # Errors
    /// [`RegistryError`] when the check cannot run.
    pub fn integrity_check(&self) -> Result<String, RegistryError> {
        let connection = self.lock()?;
        let mut statement = connection
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.error(&e))?;
        let lines = statement
            .query_map([], |row| row.get::<_, String>(0))
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(|e| self.error(&e))?;
        Ok(lines.join("\n"))
    }

    fn prepare(&self, existing: bool, durability: SqliteDurability) -> Result<(), RegistryError> {
        let mut connection = self.lock()?;
        let location = self.location.clone();
        let err = |e: rusqlite::Error| classify(&location, &e);
        connection.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // The query planner stability guarantee: without it (and with the bundled build's
        // STAT4) SQLite re-prepares the history join every time a new checksum is bound to it,
        // in case the value suggests a better plan — measured, a third of what the registry's
        // SQL cost per receive. The plans here are simple key lookups; one plan fits every key.
        connection
            .set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
                true,
            )
            .map_err(err)?;
        if connection.is_readonly("main").map_err(err)? {
            return Err(RegistryError::ReadOnly {
                location,
                message: "SQLite opened the file read-only".to_owned(),
            });
        }
        // Reading the header pages is where a damaged file shows itself.
        let application_id: i64 = connection
            .pragma_query_value(None, "application_id", |row| row.get(0))
            .map_err(err)?;
        let has_schema: bool = connection
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ebl_registry_schema')",
                [],
                |row| row.get(0),
            )
            .map_err(err)?;
        if !has_schema {
            if existing {
                let tables: i64 = connection
                    .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
                    .map_err(err)?;
                return Err(RegistryError::Foreign {
                    location,
                    message: format!(
                        "application id {application_id:#x}, {tables} schema objects and no ebl_registry_schema table"
                    ),
                });
            }
            let tx = connection
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(err)?;
            // Another process may have created the file's schema since we looked.
            let created_meanwhile: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'ebl_registry_schema')",
                    [],
                    |row| row.get(0),
                )
                .map_err(err)?;
            if !created_meanwhile {
                tx.pragma_update(None, "application_id", APPLICATION_ID)
                    .map_err(err)?;
                tx.execute_batch(SCHEMA).map_err(err)?;
                tx.execute_batch(TRANSFER_TABLES).map_err(err)?;
                tx.execute(
                    "INSERT INTO ebl_registry_schema (version) VALUES (?1)",
                    params![REGISTRY_SCHEMA_VERSION],
                )
                .map_err(err)?;
            }
            tx.commit().map_err(err)?;
        } else if application_id != APPLICATION_ID {
            return Err(RegistryError::Foreign {
                location,
                message: format!("application id {application_id:#x}, not {APPLICATION_ID:#x}"),
            });
        }
        let version: Option<i64> = connection
            .query_row("SELECT max(version) FROM ebl_registry_schema", [], |row| {
                row.get(0)
            })
            .map_err(err)?;
        match version {
            Some(v) if v > i64::from(REGISTRY_SCHEMA_VERSION) => {
                return Err(RegistryError::NewerSchema {
                    location,
                    found: v,
                    supported: REGISTRY_SCHEMA_VERSION,
                });
            }
            Some(1) => migrate_from_v1(&mut connection, &location)?,
            Some(v) if v >= 2 => {}
            other => {
                return Err(RegistryError::Foreign {
                    location,
                    message: format!("schema version {other:?} is not a registry version"),
                });
            }
        }
        let mode: String = connection
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(RegistryError::Storage {
                location,
                message: format!("could not switch to WAL (journal mode is {mode})"),
            });
        }
        let synchronous = match durability {
            SqliteDurability::ProcessCrash => "NORMAL",
            SqliteDurability::PowerLoss => "FULL",
        };
        connection
            .pragma_update(None, "synchronous", synchronous)
            .map_err(err)?;
        // A checkpoint (copying the WAL into the database) costs two `fsync`s of a few
        // milliseconds each whatever it copies: at SQLite's default of 1000 pages (about 200
        // acceptances) that was the largest part of what the registry added per envelope.
        // Checkpointing 8× less often amortises it; durability is unchanged (it is set by
        // `synchronous` alone: a commit is in the WAL before it returns either way), and the
        // WAL file is at most about 32 MiB before it is reused from the start.
        connection
            .pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)
            .map_err(err)?;
        Ok(())
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, RegistryError> {
        self.connection.lock().map_err(|_| RegistryError::Storage {
            location: self.location.clone(),
            message: "a thread panicked while using the registry".to_owned(),
        })
    }

    fn error(&self, e: &rusqlite::Error) -> RegistryError {
        classify(&self.location, e)
    }

    fn records<T: serde::de::DeserializeOwned>(
        &self,
        sql: &str,
        key: &dyn ToSql,
    ) -> Result<Vec<T>, RegistryError> {
        let connection = self.lock()?;
        query_records(&connection, &self.location, sql, key)
    }
}

/// Whether `path` holds something already (then it must be a registry), refusing early what is
/// certainly not one: a non-SQLite file, or a file this process may not write.
fn existing_content(path: &Path, location: &str) -> Result<bool, RegistryError> {
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => {
            return Err(RegistryError::Storage {
                location: location.to_owned(),
                message: e.to_string(),
            });
        }
    };
    if !metadata.is_file() {
        return Err(RegistryError::Foreign {
            location: location.to_owned(),
            message: "not a regular file".to_owned(),
        });
    }
    if metadata.permissions().readonly() {
        return Err(RegistryError::ReadOnly {
            location: location.to_owned(),
            message: "the file is marked read-only".to_owned(),
        });
    }
    if metadata.len() == 0 {
        return Ok(false);
    }
    let mut header = [0_u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut header))
        .map_err(|e| RegistryError::Storage {
            location: location.to_owned(),
            message: e.to_string(),
        })?;
    if read < header.len() || header != SQLITE_HEADER {
        return Err(RegistryError::Corrupt {
            location: location.to_owned(),
            message: "the file does not start with the SQLite header".to_owned(),
        });
    }
    Ok(true)
}

/// Turns a SQLite failure into what it means for the operator.
fn classify(location: &str, e: &rusqlite::Error) -> RegistryError {
    let location = location.to_owned();
    let message = e.to_string();
    match e.sqlite_error_code() {
        Some(SqliteCode::NotADatabase | SqliteCode::DatabaseCorrupt) => {
            RegistryError::Corrupt { location, message }
        }
        Some(SqliteCode::ReadOnly) => RegistryError::ReadOnly { location, message },
        Some(SqliteCode::CannotOpen | SqliteCode::PermissionDenied) => {
            RegistryError::Unreachable { location, message }
        }
        _ => RegistryError::Storage { location, message },
    }
}

const HISTORY: &str = "SELECT r.record FROM ebl_transfer_key k JOIN ebl_transfer_record r ON r.id = k.record WHERE k.td = ?1 ORDER BY k.sequence";
const TRADETRUST: &str = "SELECT record FROM ebl_tradetrust WHERE reference = ?1";

/// A checksum as the transfer tables key it: a SHA-256 given as 64 lowercase hex digits as its
/// 32 bytes (half the text, so twice the keys on a page), anything else as its text (SQLite
/// orders every text before every blob, so the two never meet). Lookups by any string thus
/// find exactly what was stored under that string.
fn checksum_key(checksum: &str) -> Value {
    match crate::checksum::decode_lower_hex32(checksum) {
        Some(bytes) => Value::Blob(bytes.to_vec()),
        None => Value::Text(checksum.to_owned()),
    }
}

/// The records `sql` (a cached statement with one key parameter) selects, decoded.
fn query_records<T: serde::de::DeserializeOwned>(
    connection: &Connection,
    location: &str,
    sql: &str,
    key: &dyn ToSql,
) -> Result<Vec<T>, RegistryError> {
    let mut statement = connection
        .prepare_cached(sql)
        .map_err(|e| classify(location, &e))?;
    let mut rows = statement.query([key]).map_err(|e| classify(location, &e))?;
    let mut records = Vec::new();
    while let Some(row) = rows.next().map_err(|e| classify(location, &e))? {
        let value = row.get_ref(0).map_err(|e| classify(location, &e))?;
        let text = value.as_str().map_err(|e| RegistryError::Corrupt {
            location: location.to_owned(),
            message: format!("a stored record is not text: {e}"),
        })?;
        records.push(decode_record(location, text)?);
    }
    Ok(records)
}

/// Which of `checksums` the documents table holds.
fn query_held(
    connection: &Connection,
    location: &str,
    checksums: &[String],
) -> Result<BTreeSet<String>, RegistryError> {
    let mut held = BTreeSet::new();
    if checksums.is_empty() {
        return Ok(held);
    }
    let mut statement = connection
        .prepare_cached("SELECT 1 FROM ebl_documents WHERE checksum = ?1")
        .map_err(|e| classify(location, &e))?;
    for checksum in checksums {
        if statement
            .exists([checksum])
            .map_err(|e| classify(location, &e))?
        {
            held.insert(checksum.clone());
        }
    }
    Ok(held)
}

/// An `IMMEDIATE` transaction begun and committed by cached statements (rusqlite's
/// `Transaction` parses `BEGIN IMMEDIATE` and `COMMIT` anew each time: measured, a sixth of the
/// registry's SQL per receive). Dropped without [`WriteTransaction::commit`], it rolls back.
struct WriteTransaction<'c> {
    connection: &'c Connection,
    location: &'c str,
    open: bool,
}

impl<'c> WriteTransaction<'c> {
    fn begin(connection: &'c Connection, location: &'c str) -> Result<Self, RegistryError> {
        run_cached(connection, "BEGIN IMMEDIATE").map_err(|e| classify(location, &e))?;
        Ok(WriteTransaction {
            connection,
            location,
            open: true,
        })
    }

    fn commit(mut self) -> Result<(), RegistryError> {
        run_cached(self.connection, "COMMIT").map_err(|e| classify(self.location, &e))?;
        self.open = false;
        Ok(())
    }
}

impl Drop for WriteTransaction<'_> {
    fn drop(&mut self) {
        // SQLite may have rolled back already (after some errors); then this fails harmlessly.
        if self.open && !self.connection.is_autocommit() {
            let _ = run_cached(self.connection, "ROLLBACK");
        }
    }
}

/// Runs a statement without parameters or rows through the statement cache.
fn run_cached(connection: &Connection, sql: &str) -> rusqlite::Result<()> {
    connection.prepare_cached(sql)?.raw_execute()?;
    Ok(())
}

/// What a receive compares an envelope with, read on `connection` (inside the caller's
/// transaction).
fn query_snapshot(
    connection: &Connection,
    location: &str,
    transport_document_checksum: &str,
    reference: Option<&str>,
    documents: &[String],
) -> Result<ReceiveSnapshot, RegistryError> {
    let history = query_records(
        connection,
        location,
        HISTORY,
        &checksum_key(transport_document_checksum),
    )?;
    let tradetrust = match reference {
        Some(reference) => query_records(connection, location, TRADETRUST, &reference)?.pop(),
        None => None,
    };
    let held_documents = query_held(connection, location, documents)?;
    Ok(ReceiveSnapshot {
        history,
        tradetrust,
        held_documents,
    })
}

/// Inserts an accepted transfer inside the caller's write transaction if its sequence is still
/// free and its last entry new for its document, and forgets its pending record: `false`, with
/// nothing written, when it was not. Runs in an `IMMEDIATE` transaction, so the check and the
/// insert see the same file.
fn insert_acceptance(
    connection: &Connection,
    location: &str,
    transfer: &AcceptedTransfer,
) -> Result<bool, RegistryError> {
    let err = |e: rusqlite::Error| classify(location, &e);
    let td = checksum_key(&transfer.transport_document_checksum);
    let last_entry = checksum_key(transfer.last_entry_checksum());
    let sequence = stored_sequence(location, transfer)?;
    let taken: bool = connection
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM ebl_transfer_key WHERE td = ?1 AND (sequence = ?2 OR last_entry = ?3))",
        )
        .and_then(|mut statement| {
            statement.query_row(params![td, sequence, last_entry], |row| row.get(0))
        })
        .map_err(err)?;
    if taken {
        return Ok(false);
    }
    let record = encode_record(location, transfer)?;
    insert_transfer(
        connection,
        &td,
        sequence,
        &last_entry,
        transfer.transport_document_reference.as_deref(),
        &record,
    )
    .map_err(err)?;
    connection
        .prepare_cached("DELETE FROM ebl_pending WHERE last_entry_checksum = ?1")
        .and_then(|mut statement| statement.execute([transfer.last_entry_checksum()]))
        .map_err(err)?;
    Ok(true)
}

/// Writes one transfer into the version-2 tables: its record, its key, and its reference when
/// the document is new here.
fn insert_transfer(
    connection: &Connection,
    td: &Value,
    sequence: i64,
    last_entry: &Value,
    reference: Option<&str>,
    record: &str,
) -> rusqlite::Result<()> {
    connection
        .prepare_cached("INSERT INTO ebl_transfer_record (record) VALUES (?1)")?
        .execute([record])?;
    let id = connection.last_insert_rowid();
    connection
        .prepare_cached(
            "INSERT INTO ebl_transfer_key (td, sequence, last_entry, record) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![td, sequence, last_entry, id])?;
    if let Some(reference) = reference {
        connection
            .prepare_cached(
                "INSERT OR IGNORE INTO ebl_transfer_reference (reference, td) VALUES (?1, ?2)",
            )?
            .execute(params![reference, td])?;
    }
    Ok(())
}

/// Moves a version-1 file (transfers in one `ebl_transfers` table, in either of its two
/// layouts: rowid or the older `WITHOUT ROWID`; same columns) to version 2, in one
/// `IMMEDIATE` transaction: every record is kept as it was, keyed anew, and the old table
/// dropped. Another process opening the file at the same time waits on the lock and then finds
/// version 2. A version-1 ebl then refuses the file as newer, rather than miss its transfers.
fn migrate_from_v1(connection: &mut Connection, location: &str) -> Result<(), RegistryError> {
    let err = |e: rusqlite::Error| classify(location, &e);
    let tx = connection
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(err)?;
    let version: i64 = tx
        .query_row(
            "SELECT coalesce(max(version), 0) FROM ebl_registry_schema",
            [],
            |row| row.get(0),
        )
        .map_err(err)?;
    if version == 1 {
        tx.execute_batch(TRANSFER_TABLES).map_err(err)?;
        {
            let mut statement = tx
                .prepare(
                    "SELECT td_checksum, sequence, last_entry_checksum, td_reference, record FROM ebl_transfers ORDER BY td_checksum, sequence",
                )
                .map_err(err)?;
            let mut rows = statement.query([]).map_err(err)?;
            while let Some(row) = rows.next().map_err(err)? {
                let td: String = row.get(0).map_err(err)?;
                let last_entry: String = row.get(2).map_err(err)?;
                let reference: Option<String> = row.get(3).map_err(err)?;
                let record: String = row.get(4).map_err(err)?;
                insert_transfer(
                    &tx,
                    &checksum_key(&td),
                    row.get(1).map_err(err)?,
                    &checksum_key(&last_entry),
                    reference.as_deref(),
                    &record,
                )
                .map_err(err)?;
            }
        }
        tx.execute_batch("DROP TABLE ebl_transfers").map_err(err)?;
        tx.execute(
            "INSERT INTO ebl_registry_schema (version) VALUES (?1)",
            params![REGISTRY_SCHEMA_VERSION],
        )
        .map_err(err)?;
    }
    tx.commit().map_err(err)
}

/// Records (or replaces) a transfer waiting for documents.
fn insert_pending(
    connection: &Connection,
    location: &str,
    pending: &PendingTransfer,
) -> Result<(), RegistryError> {
    let record = encode_record(location, pending)?;
    connection
        .prepare_cached(
            "INSERT OR REPLACE INTO ebl_pending (last_entry_checksum, td_checksum, record) VALUES (?1, ?2, ?3)",
        )
        .and_then(|mut statement| {
            statement.execute(params![
                pending.last_entry_checksum,
                pending.transport_document_checksum,
                record
            ])
        })
        .map_err(|e| classify(location, &e))?;
    Ok(())
}

impl Registry for SqliteRegistry {
    fn history(
        &self,
        transport_document_checksum: &str,
    ) -> Result<Vec<AcceptedTransfer>, RegistryError> {
        self.records(HISTORY, &checksum_key(transport_document_checksum))
    }

    /// The three reads in one deferred transaction on one cached statement each: one shared
    /// lock on the WAL index (two `fcntl`s) instead of three, and one consistent view.
    fn receive_snapshot(
        &self,
        transport_document_checksum: &str,
        reference: Option<&str>,
        documents: &[String],
    ) -> Result<ReceiveSnapshot, RegistryError> {
        let location = &self.location;
        let mut connection = self.lock()?;
        let tx = connection
            .transaction()
            .map_err(|e| classify(location, &e))?;
        let known = query_snapshot(
            &tx,
            location,
            transport_document_checksum,
            reference,
            documents,
        )?;
        // Read only: ending it releases the read lock; nothing to write.
        tx.commit().map_err(|e| classify(location, &e))?;
        Ok(known)
    }

    /// One `IMMEDIATE` transaction: the write lock is taken before the read, so what `decide`
    /// sees is still true when its write commits (another process queues on the lock and then
    /// reads this acceptance). Saves the read transaction's lock round of the default.
    fn receive_and_record(
        &self,
        transport_document_checksum: &str,
        reference: Option<&str>,
        documents: &[String],
        decide: &mut dyn FnMut(ReceiveSnapshot) -> ReceiveWrite,
    ) -> Result<bool, RegistryError> {
        let location = &self.location;
        let connection = self.lock()?;
        let tx = WriteTransaction::begin(&connection, location)?;
        let known = query_snapshot(
            &connection,
            location,
            transport_document_checksum,
            reference,
            documents,
        )?;
        let stored = match decide(known) {
            ReceiveWrite::Nothing => true,
            ReceiveWrite::Acceptance(transfer) => {
                insert_acceptance(&connection, location, &transfer)?
            }
            ReceiveWrite::Pending(pending) => {
                insert_pending(&connection, location, &pending)?;
                true
            }
        };
        if stored {
            tx.commit()?;
        }
        // Otherwise dropping the transaction rolls it back: nothing was written.
        Ok(stored)
    }

    fn latest_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<AcceptedTransfer>, RegistryError> {
        Ok(self
            .records(
                "SELECT r.record FROM ebl_transfer_reference f JOIN ebl_transfer_key k ON k.td = f.td JOIN ebl_transfer_record r ON r.id = k.record WHERE f.reference = ?1 ORDER BY k.sequence DESC, k.td DESC LIMIT 1",
                &reference,
            )?
            .pop())
    }

    fn record_acceptance(&self, transfer: &AcceptedTransfer) -> Result<bool, RegistryError> {
        let connection = self.lock()?;
        let tx = WriteTransaction::begin(&connection, &self.location)?;
        if !insert_acceptance(&connection, &self.location, transfer)? {
            return Ok(false);
        }
        tx.commit()?;
        Ok(true)
    }

    fn record_pending(&self, pending: &PendingTransfer) -> Result<(), RegistryError> {
        let connection = self.lock()?;
        insert_pending(&connection, &self.location, pending)
    }

    fn pending(&self, last_entry_checksum: &str) -> Result<Option<PendingTransfer>, RegistryError> {
        Ok(self
            .records(
                "SELECT record FROM ebl_pending WHERE last_entry_checksum = ?1",
                &last_entry_checksum,
            )?
            .pop())
    }

    fn store_document(&self, checksum: &str, bytes: &[u8]) -> Result<(), RegistryError> {
        let connection = self.lock()?;
        connection
            .prepare_cached("INSERT OR IGNORE INTO ebl_documents (checksum, bytes) VALUES (?1, ?2)")
            .and_then(|mut statement| statement.execute(params![checksum, bytes]))
            .map_err(|e| self.error(&e))?;
        Ok(())
    }

    fn held_documents(&self, checksums: &[String]) -> Result<BTreeSet<String>, RegistryError> {
        let connection = self.lock()?;
        query_held(&connection, &self.location, checksums)
    }

    fn record_tradetrust(&self, title: &TradeTrustTitle) -> Result<(), RegistryError> {
        let record = encode_record(&self.location, title)?;
        let connection = self.lock()?;
        connection
            .prepare_cached(
                "INSERT OR REPLACE INTO ebl_tradetrust (reference, record) VALUES (?1, ?2)",
            )
            .and_then(|mut statement| {
                statement.execute(params![title.transport_document_reference, record])
            })
            .map_err(|e| self.error(&e))?;
        Ok(())
    }

    fn tradetrust(&self, reference: &str) -> Result<Option<TradeTrustTitle>, RegistryError> {
        Ok(self.records(TRADETRUST, &reference)?.pop())
    }
}
