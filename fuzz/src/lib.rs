//! The bodies of `ebl`'s fuzz targets, one public function per target (see `targets.rs`).
//!
//! Each `fuzz_targets/NAME.rs` is one line calling [`targets::NAME`](targets); the stable
//! test `core/tests/fuzz_replay.rs` includes the same `targets.rs` and replays every corpus
//! and regression file through it, so `cargo test` runs the very code the fuzzer ran.
#![forbid(unsafe_code)]
#![allow(clippy::expect_used)]

pub mod targets;
