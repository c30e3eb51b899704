//! `ebl receive` with a registry and `ebl registry`, as real processes: a retried transfer is
//! answered DUPE, a double spend DISE, missing documents MDOC until uploaded; `show` and
//! `history` read what was accepted; a registry that cannot be used (corrupt, foreign, newer,
//! read-only, unreachable) is exit 2 with a message naming it, and the file is left untouched.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::path::Path;

use support::registry::{checksum, receive_args, transfer, write_keys};
use support::{code, ebl_in, stdout_json, temp_dir};

fn response_code(dir: &Path, db: Option<&str>, envelope: &Path) -> (String, Option<i32>) {
    let output = ebl_in(dir, &receive_args(db, envelope));
    let json = stdout_json(&output);
    (
        json["responseCode"].as_str().unwrap_or_default().to_owned(),
        code(&output),
    )
}

#[test]
fn a_retry_is_dupe_a_double_spend_is_dise_and_the_registry_shows_both() {
    let dir = temp_dir("registry-dupe-dise");
    write_keys(&dir);
    let (sent, envelope) = transfer(&dir, "sent.json", "CLI-REG-1", "qianhai", Vec::new());
    let (fork, _) = transfer(&dir, "fork.json", "CLI-REG-1", "someone-else", Vec::new());

    assert_eq!(response_code(&dir, None, &sent), ("RECE".into(), Some(0)));
    assert!(
        !dir.join("ebl-registry.sqlite").exists(),
        "--no-db records nothing"
    );

    // The default registry is ebl-registry.sqlite in the current folder.
    let default = receive_args(Some("x"), &sent);
    let default: Vec<&String> = default
        .iter()
        .filter(|a| *a != "--db" && *a != "x")
        .collect();
    let first = ebl_in(&dir, &default);
    assert_eq!(stdout_json(&first)["responseCode"], "RECE");
    assert!(dir.join("ebl-registry.sqlite").exists());
    let db = Some("ebl-registry.sqlite");
    assert_eq!(response_code(&dir, db, &sent), ("DUPE".into(), Some(1)));
    assert_eq!(response_code(&dir, db, &fork), ("DISE".into(), Some(1)));

    let shown = ebl_in(&dir, &["registry", "show", &checksum(&envelope)]);
    assert_eq!(code(&shown), Some(0));
    let shown = stdout_json(&shown);
    assert_eq!(shown["transportDocumentReference"], "CLI-REG-1");
    assert_eq!(shown["holder"]["codes"][0]["code"], "qianhai");
    assert_eq!(shown["latest"]["sequence"], 1);
    let history = stdout_json(&ebl_in(&dir, &["registry", "history", "CLI-REG-1"]));
    assert_eq!(history.as_array().map(Vec::len), Some(1));
    let unknown = ebl_in(&dir, &["registry", "show", "NO-SUCH-BL"]);
    assert_eq!(code(&unknown), Some(1));
    let missing = ebl_in(
        &dir,
        &["registry", "show", "--db", "nowhere.sqlite", "CLI-REG-1"],
    );
    assert_eq!(code(&missing), Some(2));
    assert!(
        !dir.join("nowhere.sqlite").exists(),
        "show creates no registry"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_documents_are_uploaded_then_the_transfer_is_received() {
    let dir = temp_dir("registry-mdoc");
    write_keys(&dir);
    let invoice = b"commercial invoice 42";
    std::fs::write(dir.join("invoice.txt"), invoice).unwrap();
    std::fs::write(dir.join("forged.txt"), b"commercial invoice 43").unwrap();
    let declared = ebl::pint::DocumentMetadata::for_file("invoice.txt", invoice);
    let (sent, envelope) = transfer(
        &dir,
        "sent.json",
        "CLI-REG-2",
        "qianhai",
        vec![declared.clone()],
    );
    let db = Some("r.sqlite");
    assert_eq!(response_code(&dir, db, &sent), ("MDOC".into(), Some(1)));

    let last = ebl::checksum::sha256_hex(envelope.envelope_transfer_chain[1].as_bytes());
    let upload = |file: &str| {
        ebl_in(
            &dir,
            &[
                "registry",
                "upload",
                "--db",
                "r.sqlite",
                "--transfer",
                &last,
                "--checksum",
                &declared.document_checksum,
                file,
            ],
        )
    };
    let forged = upload("forged.txt");
    assert_eq!(code(&forged), Some(1));
    assert!(String::from_utf8_lossy(&forged.stdout).contains("INCD"));
    assert_eq!(response_code(&dir, db, &sent), ("MDOC".into(), Some(1)));
    assert_eq!(code(&upload("invoice.txt")), Some(0));
    assert_eq!(response_code(&dir, db, &sent), ("RECE".into(), Some(0)));
    let stray = ebl_in(
        &dir,
        &[
            "registry",
            "upload",
            "--db",
            "r.sqlite",
            "--transfer",
            &"0".repeat(64),
            "invoice.txt",
        ],
    );
    assert_eq!(code(&stray), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `ebl receive` into `db` exits 2 naming it, and leaves the file as it was.
fn unusable(dir: &Path, db: &str, expected: &str) {
    let (sent, _) = transfer(dir, "sent.json", "CLI-REG-BAD", "qianhai", Vec::new());
    let before = std::fs::read(dir.join(db)).ok();
    let output = ebl_in(dir, &receive_args(Some(db), &sent));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(code(&output), Some(2), "{db}: {stderr}");
    assert!(stderr.contains(expected), "{db}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        !stderr.contains("hunter2"),
        "a password is never printed: {stderr}"
    );
    assert_eq!(std::fs::read(dir.join(db)).ok(), before, "{db} was changed");
}

#[test]
fn unusable_registries_are_exit_2_and_left_untouched() {
    let dir = temp_dir("registry-bad");
    write_keys(&dir);
    std::fs::write(dir.join("notes.sqlite"), "my notes, not a database").unwrap();
    unusable(
        &dir,
        "notes.sqlite",
        "notes.sqlite: not a readable registry database",
    );

    rusqlite::Connection::open(dir.join("app.sqlite"))
        .unwrap()
        .execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        .unwrap();
    unusable(
        &dir,
        "app.sqlite",
        "app.sqlite: this database is not an ebl registry",
    );

    drop(ebl::title::SqliteRegistry::open(&dir.join("newer.sqlite")).unwrap());
    {
        let raw = rusqlite::Connection::open(dir.join("newer.sqlite")).unwrap();
        raw.execute("UPDATE ebl_registry_schema SET version = 7", [])
            .unwrap();
        raw.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    unusable(&dir, "newer.sqlite", "schema version 7 is newer");

    drop(ebl::title::SqliteRegistry::open(&dir.join("locked.sqlite")).unwrap());
    let mut permissions = std::fs::metadata(dir.join("locked.sqlite"))
        .unwrap()
        .permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(dir.join("locked.sqlite"), permissions.clone()).unwrap();
    unusable(
        &dir,
        "locked.sqlite",
        "locked.sqlite: the registry is read-only",
    );
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(dir.join("locked.sqlite"), permissions).unwrap();

    unusable(
        &dir,
        "postgres://ebl:hunter2@127.0.0.1:1/registry",
        "cannot connect to the registry database",
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
