//! The bodies of `ebl`'s fuzz targets, one public function per target (see `targets.rs`).
//!
//! Each `fuzz_targets/NAME.rs` is one line calling [`targets::NAME`](targets); the stable
//! test `core/tests/fuzz_replay.rs` includes the same `targets.rs` and replays every corpus
//! and regression file through it, so `cargo test` runs the very code the fuzzer ran.
#![forbid(unsafe_code)]
#![allow(clippy::expect_used)]

pub mod targets;

/// The `c_api` target: untrusted bytes through the C ABI. Its body is in `ffi/` (the one
/// crate where `unsafe` may live), so the stable replay of its corpus is
/// `ffi/tests/fuzz_replay_c_api.rs`, not `core/tests/fuzz_replay.rs`.
pub fn c_api(data: &[u8]) {
    ebl_ffi::fuzzing::c_api(data);
}
