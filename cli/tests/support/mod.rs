//! What the `ebl` command tests share, written once: running the binary, reading its output,
//! the repository's test data, scratch directories and fixed keys. A test file declares
//! `mod support;` and uses what it needs; each test binary uses a part, hence `dead_code` is
//! allowed.
#![allow(dead_code, clippy::expect_used)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod registry;

use ebl::crypto::PrivateKey;
use ring::rand::SystemRandom;

/// Runs the `ebl` binary built for these tests with `args`.
pub fn ebl<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ebl"))
        .args(args)
        .output()
        .expect("run ebl")
}

/// Runs `ebl` with `args` and its standard output's pipe closed before the first write, as
/// when the reader has gone (`ebl … | head`).
pub fn ebl_with_stdout_closed<S: AsRef<OsStr>>(args: &[S]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ebl"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run ebl");
    drop(child.stdout.take());
    child.wait_with_output().expect("wait")
}

/// Runs `ebl` with `args` in the working directory `dir`.
pub fn ebl_in<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ebl"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run ebl")
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The exit code (`None` if killed by a signal).
pub fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

/// Standard output of a run that must have exited 0 (else fails with both streams).
pub fn ok(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout(output)
}

/// Standard output parsed as one JSON value (else fails with standard error).
pub fn stdout_json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&output.stderr));
    })
}

/// A file of the repository's `testdata/`.
pub fn testdata(path: &str) -> String {
    format!("{}/../testdata/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// A file of the DCSA pint-demo copy, `testdata/dcsa/pint-demo/`.
pub fn pint_demo(name: &str) -> String {
    testdata(&format!("dcsa/pint-demo/{name}"))
}

/// An OpenAttestation interop vector, `testdata/openattestation/vectors/`.
pub fn oa_vector(name: &str) -> String {
    testdata(&format!("openattestation/vectors/{name}"))
}

/// A fresh, empty scratch directory named after the test binary's process and `name`.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ebl-cli-test-{}-{name}", std::process::id()));
    // The directory may be left from an earlier run of the same name; absent is fine.
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("clear the scratch dir");
    }
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// An Ed25519 key from a fixed seed (deterministic signatures).
pub fn ed25519_key(seed_byte: u8) -> PrivateKey {
    PrivateKey::from_ed25519_seed(&[seed_byte; 32], &SystemRandom::new()).expect("seed")
}
