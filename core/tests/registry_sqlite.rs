//! The registry conformance suite against the embedded SQLite backend, two connections on one
//! file racing, and the files a registry must refuse (corrupt, foreign, newer, read-only)
//! without touching them.
#![cfg(feature = "sqlite")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::path::PathBuf;

use ebl::ErrorCode;
use ebl::pint::ResponseCode;
use ebl::title::{AcceptedTransfer, Registry, SqliteRegistry, open_registry};

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("ebl-registry-sqlite-{}-{name}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn sqlite_passes_the_conformance_suite() {
    let dir = scratch("conformance");
    let mut n = 0;
    support::registry::conformance(|| {
        n += 1;
        SqliteRegistry::open(&dir.join(format!("r{n}.sqlite"))).unwrap()
    });
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The tables as ebl wrote them before transfers became a rowid table (transfers
/// `WITHOUT ROWID`, keyed by document and sequence; same columns, same constraints).
const FIRST_LAYOUT: &str = "
PRAGMA application_id = 1161972818; -- EBLR
CREATE TABLE ebl_registry_schema (version INTEGER NOT NULL);
CREATE TABLE ebl_transfers (
    td_checksum TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    td_reference TEXT,
    last_entry_checksum TEXT NOT NULL UNIQUE,
    record TEXT NOT NULL,
    PRIMARY KEY (td_checksum, sequence)
) WITHOUT ROWID;
CREATE INDEX ebl_transfers_by_reference ON ebl_transfers (td_reference, sequence);
CREATE TABLE ebl_pending (
    last_entry_checksum TEXT PRIMARY KEY,
    td_checksum TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE ebl_documents (checksum TEXT PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE ebl_tradetrust (reference TEXT PRIMARY KEY, record TEXT NOT NULL);
INSERT INTO ebl_registry_schema (version) VALUES (1);
";

#[test]
fn a_registry_file_in_the_first_layout_passes_the_conformance_suite() {
    let dir = scratch("first-layout");
    let mut n = 0;
    support::registry::conformance(|| {
        n += 1;
        let path = dir.join(format!("r{n}.sqlite"));
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch(FIRST_LAYOUT)
            .unwrap();
        let registry = SqliteRegistry::open(&path).unwrap();
        assert_eq!(registry.integrity_check().unwrap(), "ok");
        registry
    });
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The tables of a version-1 file as ebl wrote them last (transfers a rowid table with three
/// indexes).
const ROWID_LAYOUT: &str = "
PRAGMA application_id = 1161972818; -- EBLR
CREATE TABLE ebl_registry_schema (version INTEGER NOT NULL);
CREATE TABLE ebl_transfers (
    id INTEGER PRIMARY KEY,
    td_checksum TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    td_reference TEXT,
    last_entry_checksum TEXT NOT NULL UNIQUE,
    record TEXT NOT NULL,
    UNIQUE (td_checksum, sequence)
);
CREATE INDEX ebl_transfers_by_reference ON ebl_transfers (td_reference, sequence);
CREATE TABLE ebl_pending (
    last_entry_checksum TEXT PRIMARY KEY,
    td_checksum TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE ebl_documents (checksum TEXT PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE ebl_tradetrust (reference TEXT PRIMARY KEY, record TEXT NOT NULL);
INSERT INTO ebl_registry_schema (version) VALUES (1);
";

/// A version-1 file in `layout` holding `transfers`, written as version 1 wrote them.
fn version_1_file(path: &std::path::Path, layout: &str, transfers: &[AcceptedTransfer]) {
    let raw = rusqlite::Connection::open(path).unwrap();
    raw.execute_batch("PRAGMA journal_mode = WAL").unwrap();
    raw.execute_batch(layout).unwrap();
    for t in transfers {
        raw.execute(
            "INSERT INTO ebl_transfers (td_checksum, sequence, td_reference, last_entry_checksum, record) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![
                t.transport_document_checksum,
                i64::try_from(t.sequence).unwrap(),
                t.transport_document_reference,
                t.last_entry_checksum(),
                serde_json::to_string(t).unwrap()
            ],
        )
        .unwrap();
    }
}

#[test]
fn a_version_1_file_with_transfers_is_migrated_on_open_and_still_answers_dupe_and_dise() {
    let dir = scratch("migrate");
    let p = support::registry::Platforms::default();
    let (a, b) = (
        p.transfer("REG-MIG-A", "qianhai", Vec::new()),
        p.transfer("REG-MIG-B", "qianhai", Vec::new()),
    );
    // Real acceptances, taken from a registry, to be written the version-1 way.
    let accepted: Vec<AcceptedTransfer> = {
        let source = SqliteRegistry::open(&dir.join("source.sqlite")).unwrap();
        [&a, &b]
            .iter()
            .flat_map(|envelope| {
                let received = p.receive(&source, envelope);
                assert_eq!(received.report.response_code, ResponseCode::Received);
                source
                    .history(&received.report.transport_document_checksum)
                    .unwrap()
            })
            .collect()
    };
    for (name, layout) in [("rowid", ROWID_LAYOUT), ("first", FIRST_LAYOUT)] {
        let path = dir.join(format!("{name}.sqlite"));
        version_1_file(&path, layout, &accepted);
        let registry = SqliteRegistry::open(&path).unwrap();
        assert_eq!(registry.integrity_check().unwrap(), "ok", "{name}");
        for t in &accepted {
            assert_eq!(
                registry.history(&t.transport_document_checksum).unwrap(),
                std::slice::from_ref(t),
                "{name}: history kept"
            );
        }
        assert_eq!(
            registry.latest_by_reference("REG-MIG-B").unwrap().as_ref(),
            accepted.get(1),
            "{name}"
        );
        let resent = p.receive(&registry, &a);
        assert_eq!(
            resent.report.response_code,
            ResponseCode::Duplicate,
            "{name}"
        );
        assert_eq!(
            p.answer(&a, &resent)
                .duplicate_of_accepted_envelope_transfer_chain_entry_signed_content
                .as_deref(),
            Some(accepted[0].last_entry.as_str()),
            "{name}: DUPE carries the entry accepted under version 1"
        );
        let forked = p.transfer("REG-MIG-A", "other-buyer", Vec::new());
        assert_eq!(
            p.receive(&registry, &forked).report.response_code,
            ResponseCode::DisputedEnvelope,
            "{name}"
        );
        let new = p.transfer("REG-MIG-C", "qianhai", Vec::new());
        assert_eq!(
            p.receive(&registry, &new).report.response_code,
            ResponseCode::Received,
            "{name}"
        );
        drop(registry);
        // Migrated once, in place: version 2 recorded, the version-1 table gone, and opening
        // again changes nothing.
        let raw = rusqlite::Connection::open(&path).unwrap();
        let (version, old_tables): (i64, i64) = raw
            .query_row(
                "SELECT (SELECT max(version) FROM ebl_registry_schema), (SELECT count(*) FROM sqlite_master WHERE name = 'ebl_transfers')",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!((version, old_tables), (2, 0), "{name}");
        drop(raw);
        let reopened = SqliteRegistry::open(&path).unwrap();
        assert_eq!(
            reopened
                .history(&accepted[0].transport_document_checksum)
                .unwrap(),
            accepted[..1],
            "{name}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_version_1_layout_marked_newer_is_refused_not_migrated() {
    // A file that says version 3 (newer than this library) is refused as before, untouched.
    let dir = scratch("newer-than-2");
    let path = dir.join("r.sqlite");
    version_1_file(&path, ROWID_LAYOUT, &[]);
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute("INSERT INTO ebl_registry_schema (version) VALUES (3)", [])
            .unwrap();
        raw.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    let message = refused(&path, ErrorCode::RegistryNewerSchema);
    assert!(message.contains("version 3"), "{message}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The SQLite registry with only the required methods: `receive_snapshot` and
/// `receive_and_record` are the trait's defaults (a read, then the compare-and-set), the path a
/// backend without its own takes (PostgreSQL), here testable without a server.
#[derive(Debug)]
struct Composed(SqliteRegistry);

impl Registry for Composed {
    fn history(&self, td: &str) -> Result<Vec<AcceptedTransfer>, ebl::title::RegistryError> {
        self.0.history(td)
    }
    fn latest_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<AcceptedTransfer>, ebl::title::RegistryError> {
        self.0.latest_by_reference(reference)
    }
    fn record_acceptance(
        &self,
        transfer: &AcceptedTransfer,
    ) -> Result<bool, ebl::title::RegistryError> {
        self.0.record_acceptance(transfer)
    }
    fn record_pending(
        &self,
        pending: &ebl::title::PendingTransfer,
    ) -> Result<(), ebl::title::RegistryError> {
        self.0.record_pending(pending)
    }
    fn pending(
        &self,
        last_entry_checksum: &str,
    ) -> Result<Option<ebl::title::PendingTransfer>, ebl::title::RegistryError> {
        self.0.pending(last_entry_checksum)
    }
    fn store_document(
        &self,
        checksum: &str,
        bytes: &[u8],
    ) -> Result<(), ebl::title::RegistryError> {
        self.0.store_document(checksum, bytes)
    }
    fn held_documents(
        &self,
        checksums: &[String],
    ) -> Result<std::collections::BTreeSet<String>, ebl::title::RegistryError> {
        self.0.held_documents(checksums)
    }
    fn record_tradetrust(
        &self,
        title: &ebl::title::TradeTrustTitle,
    ) -> Result<(), ebl::title::RegistryError> {
        self.0.record_tradetrust(title)
    }
    fn tradetrust(
        &self,
        reference: &str,
    ) -> Result<Option<ebl::title::TradeTrustTitle>, ebl::title::RegistryError> {
        self.0.tradetrust(reference)
    }
}

#[test]
fn the_default_receive_and_record_passes_the_conformance_suite_and_the_race() {
    let dir = scratch("composed");
    let mut n = 0;
    support::registry::conformance(|| {
        n += 1;
        Composed(SqliteRegistry::open(&dir.join(format!("r{n}.sqlite"))).unwrap())
    });
    // Two handles on one file: a read, then the compare-and-set; the loser re-reads.
    let path = dir.join("shared.sqlite");
    let (a, b) = (
        Composed(SqliteRegistry::open(&path).unwrap()),
        Composed(SqliteRegistry::open(&path).unwrap()),
    );
    support::registry::race(&a, &b, 25, "composed");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn two_connections_on_one_file_accept_exactly_one_continuation() {
    let dir = scratch("race");
    let path = dir.join("shared.sqlite");
    let (a, b) = (
        SqliteRegistry::open(&path).unwrap(),
        SqliteRegistry::open(&path).unwrap(),
    );
    support::registry::race(&a, &b, 25, "sqlite");
    assert_eq!(a.integrity_check().unwrap(), "ok");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_registry_survives_reopening() {
    let dir = scratch("reopen");
    let path = dir.join("r.sqlite");
    let p = support::registry::Platforms::default();
    let envelope = p.transfer("REG-REOPEN", "qianhai", Vec::new());
    let checksum = {
        let registry = open_registry(path.to_str().unwrap()).unwrap();
        p.receive(registry.as_ref(), &envelope)
            .report
            .transport_document_checksum
    };
    let registry = open_registry(path.to_str().unwrap()).unwrap();
    assert_eq!(registry.history(&checksum).unwrap().len(), 1);
    assert_eq!(
        p.receive(registry.as_ref(), &envelope).report.response_code,
        ebl::pint::ResponseCode::Duplicate
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Opening `path` fails with `expected`, the message names the file, and the file is unchanged.
fn refused(path: &std::path::Path, expected: ErrorCode) -> String {
    let before = std::fs::read(path).unwrap();
    let error = SqliteRegistry::open(path).unwrap_err();
    assert_eq!(error.code(), expected, "{error}");
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert_eq!(std::fs::read(path).unwrap(), before, "the file was changed");
    message
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = scratch("corrupt");
    let text = dir.join("notes.txt");
    std::fs::write(&text, "meeting notes, not a database").unwrap();
    refused(&text, ErrorCode::RegistryCorrupt);

    // A real registry whose pages were overwritten after the header.
    let damaged = dir.join("damaged.sqlite");
    drop(SqliteRegistry::open(&damaged).unwrap());
    let mut bytes = std::fs::read(&damaged).unwrap();
    for b in bytes.iter_mut().skip(100) {
        *b = 0xA5;
    }
    std::fs::write(&damaged, &bytes).unwrap();
    let _ = std::fs::remove_file(dir.join("damaged.sqlite-wal"));
    let _ = std::fs::remove_file(dir.join("damaged.sqlite-shm"));
    refused(&damaged, ErrorCode::RegistryCorrupt);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let dir = scratch("foreign");
    let path = dir.join("app.sqlite");
    {
        let other = rusqlite::Connection::open(&path).unwrap();
        other
            .execute_batch(
                "CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (7);",
            )
            .unwrap();
    }
    let message = refused(&path, ErrorCode::RegistryForeign);
    assert!(message.contains("not an ebl registry"), "{message}");
    let folder = SqliteRegistry::open(&dir).unwrap_err();
    assert_eq!(folder.code(), ErrorCode::RegistryForeign);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = scratch("newer");
    let path = dir.join("r.sqlite");
    drop(SqliteRegistry::open(&path).unwrap());
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute("UPDATE ebl_registry_schema SET version = 99", [])
            .unwrap();
        raw.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    let message = refused(&path, ErrorCode::RegistryNewerSchema);
    assert!(message.contains("version 99"), "{message}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_read_only_file_is_refused() {
    let dir = scratch("readonly");
    let path = dir.join("r.sqlite");
    drop(SqliteRegistry::open(&path).unwrap());
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions.clone()).unwrap();
    refused(&path, ErrorCode::RegistryReadOnly);
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&path, permissions).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_empty_file_becomes_a_registry() {
    let dir = scratch("empty");
    let path = dir.join("r.sqlite");
    std::fs::write(&path, b"").unwrap();
    let registry = SqliteRegistry::open(&path).unwrap();
    assert_eq!(registry.integrity_check().unwrap(), "ok");
    assert!(registry.history(&"00".repeat(32)).unwrap().is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_last_entry_is_accepted_once_per_document_whatever_the_sequence() {
    // Version 2 checks this in the write transaction, not with an index of its own.
    let dir = scratch("last-entry");
    let registry = SqliteRegistry::open(&dir.join("r.sqlite")).unwrap();
    let transfer =
        |sequence: u64, last: &str| support::registry::bare_transfer("REG-LAST", sequence, last);
    assert!(
        registry
            .record_acceptance(&transfer(1, &"11".repeat(32)))
            .unwrap()
    );
    assert!(
        !registry
            .record_acceptance(&transfer(2, &"11".repeat(32)))
            .unwrap()
    );
    assert!(
        registry
            .record_acceptance(&transfer(2, &"22".repeat(32)))
            .unwrap()
    );
    let history = registry.history(&"ab".repeat(32)).unwrap();
    assert_eq!(
        history,
        [transfer(1, &"11".repeat(32)), transfer(2, &"22".repeat(32))]
    );
    assert_eq!(
        registry.latest_by_reference("REG-LAST").unwrap(),
        Some(transfer(2, &"22".repeat(32)))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
