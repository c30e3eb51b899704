//! Replays the `c_api` fuzz target's corpus and regression inputs (`fuzz/corpus/c_api/`,
//! `fuzz/regressions/c_api/`) through its body, `ebl::fuzzing::c_api`, on stable Rust: the
//! other targets are replayed by `core/tests/fuzz_replay.rs`, which cannot depend on this crate.
//! Needs the `fuzzing` feature (`cargo test -p ebl-ffi --features fuzzing --test
//! fuzz_replay_c_api`, as scripts/test-hardening runs it).

use std::path::{Path, PathBuf};

fn inputs(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(kind)
        .join("c_api");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_c_api_corpus_and_regression_input_replays_cleanly() {
    let corpus = inputs("corpus");
    assert!(
        !corpus.is_empty(),
        "the corpus of fuzz target c_api is empty"
    );
    let mut failures = Vec::new();
    for file in corpus.iter().chain(&inputs("regressions")) {
        let data = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if std::panic::catch_unwind(|| ebl::fuzzing::c_api(&data)).is_err() {
            failures.push(file.display().to_string());
        }
    }
    assert!(failures.is_empty(), "inputs that fail: {failures:#?}");
}

#[test]
fn bytes_that_are_not_a_document_return_normally() {
    // Refused through the C API with an error code (not JSON; empty), not a panic.
    ebl::fuzzing::c_api(b"\xff not json");
    ebl::fuzzing::c_api(b"");
}
