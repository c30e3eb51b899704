//! The registry conformance suite against PostgreSQL (feature `postgres`), and two
//! connections racing. The server comes from `EBL_TEST_POSTGRES_URL`, which
//! `scripts/test-postgres` sets after starting a throwaway cluster; the tests are `#[ignore]`d
//! so that a plain `cargo test` never counts them as passed without a server, and the script
//! runs them with `--ignored`.
#![cfg(feature = "postgres")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use ebl::ErrorCode;
use ebl::title::{PostgresRegistry, open_registry};

fn url() -> String {
    std::env::var("EBL_TEST_POSTGRES_URL")
        .expect("EBL_TEST_POSTGRES_URL must name the test server (scripts/test-postgres sets it)")
}

/// A fresh, empty database for each registry, so that cases do not see each other.
fn fresh_database(name: &str) -> String {
    let base = url();
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let (prefix, _) = base.rsplit_once('/').unwrap();
    format!("{prefix}/{name}")
}

#[test]
#[ignore = "needs a PostgreSQL server: run scripts/test-postgres"]
fn postgres_passes_the_conformance_suite() {
    let mut n = 0;
    support::registry::conformance(|| {
        n += 1;
        PostgresRegistry::connect(&fresh_database(&format!("ebl_conformance_{n}"))).unwrap()
    });
}

#[test]
#[ignore = "needs a PostgreSQL server: run scripts/test-postgres"]
fn two_connections_accept_exactly_one_continuation() {
    let url = fresh_database("ebl_race");
    let (a, b) = (
        PostgresRegistry::connect(&url).unwrap(),
        PostgresRegistry::connect(&url).unwrap(),
    );
    support::registry::race(&a, &b, 50, "postgres");
}

#[test]
#[ignore = "needs a PostgreSQL server: run scripts/test-postgres"]
fn a_newer_schema_is_refused() {
    let url = fresh_database("ebl_newer");
    drop(PostgresRegistry::connect(&url).unwrap());
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    raw.execute("UPDATE ebl_registry_schema SET version = 99", &[])
        .unwrap();
    let error = PostgresRegistry::connect(&url).unwrap_err();
    assert_eq!(error.code(), ErrorCode::RegistryNewerSchema, "{error}");
}

#[test]
fn an_unreachable_server_is_a_clear_error() {
    // Port 1 on the loopback: nothing listens there.
    let error = open_registry("postgres://ebl:secret@127.0.0.1:1/registry").unwrap_err();
    assert_eq!(error.code(), ErrorCode::RegistryUnreachable, "{error}");
    let message = error.to_string();
    assert!(message.contains("127.0.0.1:1"), "{message}");
    assert!(
        !message.contains("secret"),
        "the password is not printed: {message}"
    );
}
