//! Replays every fuzz corpus and regression input (`fuzz/corpus/TARGET/`,
//! `fuzz/regressions/TARGET/`) through the fuzz targets' own bodies, on stable Rust, so that
//! `cargo test` guards for good what the fuzzer found and what it covered.
//!
//! The targets' source is included, not copied: `fuzz/src/targets.rs` is the very file the
//! cargo-fuzz binaries call.

#[path = "../../fuzz/src/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};

fn fuzz_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(kind)
}

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `target` on every file of `dirs`, catching each panic so one report names every
/// failing file.
fn replay(target: &str, dirs: &[PathBuf]) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for dir in dirs {
        for file in inputs(dir) {
            let data = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            count += 1;
            let outcome = std::panic::catch_unwind(|| targets::run_target(target, &data));
            match outcome {
                Ok(true) => {}
                Ok(false) => failures.push(format!("{target}: no such target")),
                Err(_) => failures.push(format!("{target}: {}", file.display())),
            }
        }
    }
    (count, failures)
}

#[test]
fn every_corpus_and_regression_input_replays_cleanly() {
    let mut failures = Vec::new();
    for target in targets::TARGET_NAMES {
        let dirs = [
            fuzz_dir("corpus").join(target),
            fuzz_dir("regressions").join(target),
        ];
        let (count, failed) = replay(target, &dirs);
        assert!(count > 0, "the corpus of fuzz target {target} is empty");
        failures.extend(failed);
    }
    assert!(failures.is_empty(), "inputs that fail: {failures:#?}");
}

#[test]
fn every_corpus_directory_and_fuzz_binary_names_a_target() {
    for kind in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz_dir(kind)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_dir() {
                assert!(
                    targets::TARGET_NAMES.contains(&name.as_str())
                        || targets::TARGETS_REPLAYED_ELSEWHERE.contains(&name.as_str()),
                    "fuzz/{kind}/{name} names no target"
                );
            }
        }
    }
    for target in targets::TARGET_NAMES {
        let binary = fuzz_dir("fuzz_targets").join(format!("{target}.rs"));
        let text = std::fs::read_to_string(&binary)
            .unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
        assert!(
            text.contains(&format!("ebl_fuzz::targets::{target}(data)")),
            "{} does not call targets::{target}",
            binary.display()
        );
    }
    assert!(!targets::run_target("no-such-target", b""));
}
