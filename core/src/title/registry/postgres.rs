//! The registry in PostgreSQL, for a platform with several receiving nodes on one database.
//!
//! The same tables as the SQLite registry (prefixed `ebl_`, so the database may hold others).
//! Exactly one winner among nodes racing to accept two continuations of one eBL comes from the
//! primary key `(td_checksum, sequence)` and the unique last entry: `INSERT … ON CONFLICT DO
//! NOTHING` stores the first and reports the second as lost, at any isolation level. The
//! schema is created under a transaction-scoped advisory lock, so nodes starting together do
//! not trip over each other.

use std::collections::BTreeSet;
use std::sync::{Mutex, MutexGuard};

use postgres::{Client, NoTls};

use super::{
    AcceptedTransfer, PendingTransfer, REGISTRY_SCHEMA_VERSION, Registry, RegistryError,
    TradeTrustTitle, decode_record, encode_record, redact, stored_sequence,
};

/// Advisory lock key for schema creation (`EBLR`).
const SCHEMA_LOCK: i64 = 0x4542_4c52;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS ebl_registry_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ebl_transfers (
    td_checksum TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    td_reference TEXT,
    last_entry_checksum TEXT NOT NULL UNIQUE,
    record TEXT NOT NULL,
    id BIGSERIAL NOT NULL,
    PRIMARY KEY (td_checksum, sequence)
);
CREATE INDEX IF NOT EXISTS ebl_transfers_by_reference ON ebl_transfers (td_reference, sequence);
CREATE TABLE IF NOT EXISTS ebl_pending (
    last_entry_checksum TEXT PRIMARY KEY,
    td_checksum TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ebl_documents (checksum TEXT PRIMARY KEY, bytes BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS ebl_tradetrust (reference TEXT PRIMARY KEY, record TEXT NOT NULL);
";

/// A registry in a PostgreSQL database (cargo feature `postgres`). One connection behind a
/// mutex; open one registry per node or thread that should write in parallel.
pub struct PostgresRegistry {
    location: String,
    client: Mutex<Client>,
}

impl std::fmt::Debug for PostgresRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresRegistry")
            .field("location", &self.location)
            .finish_non_exhaustive()
    }
}

impl PostgresRegistry {
    /// Connects to `url` (`postgres://user:password@host:port/database`, without TLS: run it
    /// on a trusted network or a local socket) and creates the registry tables when missing.
    ///
    /// # Errors
    /// [`RegistryError::Unreachable`] when the server cannot be reached or refuses the login,
    /// [`RegistryError::NewerSchema`], [`RegistryError::ReadOnly`] on a read-only server
    /// (a standby), [`RegistryError::Storage`] otherwise.
    pub fn connect(url: &str) -> Result<PostgresRegistry, RegistryError> {
        let location = redact(url);
        let client = Client::connect(url, NoTls).map_err(|e| RegistryError::Unreachable {
            location: location.clone(),
            message: describe(&e),
        })?;
        let registry = PostgresRegistry {
            location,
            client: Mutex::new(client),
        };
        registry.prepare()?;
        Ok(registry)
    }

    fn prepare(&self) -> Result<(), RegistryError> {
        let mut client = self.lock()?;
        let read_only: String = client
            .query_one("SHOW transaction_read_only", &[])
            .map_err(|e| self.error(&e))?
            .get(0);
        if read_only == "on" {
            return Err(RegistryError::ReadOnly {
                location: self.location.clone(),
                message: "the server accepts read-only transactions only".to_owned(),
            });
        }
        let mut tx = client.transaction().map_err(|e| self.error(&e))?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])
            .map_err(|e| self.error(&e))?;
        tx.batch_execute(SCHEMA).map_err(|e| self.error(&e))?;
        let version: Option<i32> = tx
            .query_one("SELECT max(version) FROM ebl_registry_schema", &[])
            .map_err(|e| self.error(&e))?
            .get(0);
        match version {
            None => {
                let ours = i32::try_from(REGISTRY_SCHEMA_VERSION).unwrap_or(i32::MAX);
                tx.execute(
                    "INSERT INTO ebl_registry_schema (version) VALUES ($1)",
                    &[&ours],
                )
                .map_err(|e| self.error(&e))?;
            }
            Some(v) if i64::from(v) > i64::from(REGISTRY_SCHEMA_VERSION) => {
                return Err(RegistryError::NewerSchema {
                    location: self.location.clone(),
                    found: i64::from(v),
                    supported: REGISTRY_SCHEMA_VERSION,
                });
            }
            Some(_) => {}
        }
        tx.commit().map_err(|e| self.error(&e))
    }

    fn lock(&self) -> Result<MutexGuard<'_, Client>, RegistryError> {
        self.client.lock().map_err(|_| RegistryError::Storage {
            location: self.location.clone(),
            message: "a thread panicked while using the registry".to_owned(),
        })
    }

    fn error(&self, e: &postgres::Error) -> RegistryError {
        let message = describe(e);
        if e.is_closed() {
            return RegistryError::Unreachable {
                location: self.location.clone(),
                message,
            };
        }
        match e.code() {
            Some(code) if *code == postgres::error::SqlState::READ_ONLY_SQL_TRANSACTION => {
                RegistryError::ReadOnly {
                    location: self.location.clone(),
                    message,
                }
            }
            _ => RegistryError::Storage {
                location: self.location.clone(),
                message,
            },
        }
    }

    fn records<T: serde::de::DeserializeOwned>(
        &self,
        sql: &str,
        key: &str,
    ) -> Result<Vec<T>, RegistryError> {
        let rows = self
            .lock()?
            .query(sql, &[&key])
            .map_err(|e| self.error(&e))?;
        rows.iter()
            .map(|row| decode_record(&self.location, row.get(0)))
            .collect()
    }
}

/// The server's message when there is one (the top-level text is often just "db error").
fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(inner) = source {
                text = format!("{text}: {inner}");
                source = inner.source();
            }
            text
        }
    }
}

impl Registry for PostgresRegistry {
    fn history(
        &self,
        transport_document_checksum: &str,
    ) -> Result<Vec<AcceptedTransfer>, RegistryError> {
        self.records(
            "SELECT record FROM ebl_transfers WHERE td_checksum = $1 ORDER BY sequence",
            transport_document_checksum,
        )
    }

    fn latest_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<AcceptedTransfer>, RegistryError> {
        Ok(self
            .records(
                "SELECT record FROM ebl_transfers WHERE td_reference = $1 ORDER BY sequence DESC, id DESC LIMIT 1",
                reference,
            )?
            .pop())
    }

    fn record_acceptance(&self, transfer: &AcceptedTransfer) -> Result<bool, RegistryError> {
        let record = encode_record(&self.location, transfer)?;
        let sequence = stored_sequence(&self.location, transfer)?;
        let mut client = self.lock()?;
        let mut tx = client.transaction().map_err(|e| self.error(&e))?;
        let inserted = tx
            .execute(
                "INSERT INTO ebl_transfers (td_checksum, sequence, td_reference, last_entry_checksum, record) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &transfer.transport_document_checksum,
                    &sequence,
                    &transfer.transport_document_reference,
                    &transfer.last_entry_checksum(),
                    &record,
                ],
            )
            .map_err(|e| self.error(&e))?;
        if inserted == 0 {
            return Ok(false);
        }
        tx.execute(
            "DELETE FROM ebl_pending WHERE last_entry_checksum = $1",
            &[&transfer.last_entry_checksum()],
        )
        .map_err(|e| self.error(&e))?;
        tx.commit().map_err(|e| self.error(&e))?;
        Ok(true)
    }

    fn record_pending(&self, pending: &PendingTransfer) -> Result<(), RegistryError> {
        let record = encode_record(&self.location, pending)?;
        self.lock()?
            .execute(
                "INSERT INTO ebl_pending (last_entry_checksum, td_checksum, record) VALUES ($1, $2, $3) ON CONFLICT (last_entry_checksum) DO UPDATE SET record = EXCLUDED.record",
                &[&pending.last_entry_checksum, &pending.transport_document_checksum, &record],
            )
            .map_err(|e| self.error(&e))?;
        Ok(())
    }

    fn pending(&self, last_entry_checksum: &str) -> Result<Option<PendingTransfer>, RegistryError> {
        Ok(self
            .records(
                "SELECT record FROM ebl_pending WHERE last_entry_checksum = $1",
                last_entry_checksum,
            )?
            .pop())
    }

    fn store_document(&self, checksum: &str, bytes: &[u8]) -> Result<(), RegistryError> {
        self.lock()?
            .execute(
                "INSERT INTO ebl_documents (checksum, bytes) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&checksum, &bytes],
            )
            .map_err(|e| self.error(&e))?;
        Ok(())
    }

    fn held_documents(&self, checksums: &[String]) -> Result<BTreeSet<String>, RegistryError> {
        let rows = self
            .lock()?
            .query(
                "SELECT checksum FROM ebl_documents WHERE checksum = ANY($1)",
                &[&checksums],
            )
            .map_err(|e| self.error(&e))?;
        Ok(rows.iter().map(|row| row.get::<_, String>(0)).collect())
    }

    fn record_tradetrust(&self, title: &TradeTrustTitle) -> Result<(), RegistryError> {
        let record = encode_record(&self.location, title)?;
        self.lock()?
            .execute(
                "INSERT INTO ebl_tradetrust (reference, record) VALUES ($1, $2) ON CONFLICT (reference) DO UPDATE SET record = EXCLUDED.record",
                &[&title.transport_document_reference, &record],
            )
            .map_err(|e| self.error(&e))?;
        Ok(())
    }

    fn tradetrust(&self, reference: &str) -> Result<Option<TradeTrustTitle>, RegistryError> {
        Ok(self
            .records(
                "SELECT record FROM ebl_tradetrust WHERE reference = $1",
                reference,
            )?
            .pop())
    }
}
