//! # libebl — the C API of `ebl`
//!
//! A thin layer over the `ebl` crate for port community, customs and logistics systems written
//! in C (or reaching C from C++, COBOL, Java or .NET). Every function converts its arguments,
//! makes one call into the core (the job → core-call table of the README), converts the
//! result and returns an `ebl_result`; no eBL logic lives here, so C, Python and the `ebl`
//! command give the same verdicts.
//!
//! Conventions (stated again in `include/ebl.h`, which cbindgen generates from these docs):
//! - every fallible function returns `ebl_result` (`EBL_RESULT_OK` = 0, otherwise a core
//!   `ErrorCode` number) and writes its out-parameters only on success;
//! - inputs are `const uint8_t *ptr, size_t len` (the module `ptr` states the NULL rules);
//! - owned outputs are `ebl_bytes` (free with `ebl_bytes_free`) or opaque handles, each with
//!   one NULL-safe `ebl_<type>_free`; `ebl_str` views borrow from the handle they came from;
//! - times are `int64_t` milliseconds since the Unix epoch, UTC;
//! - every body runs inside a panic boundary (the module `boundary`): a panic returns
//!   `EBL_RESULT_PANIC_CAUGHT`, it never unwinds into C or aborts the process;
//! - threads: handles that are only read (`const` parameters: keys, trust stores, verify
//!   contexts, reports, bytes) may be shared by any number of threads at once; a handle passed
//!   as non-`const` (a context being configured, a builder) must not be used by another
//!   thread during that call. Every handle is `Send + Sync` (checked at compile time).
//!
//! Randomness: signing, key generation and salting use the operating system's random
//! generator (ring's `SystemRandom`), as the `ebl` command does.

// The C ABI's names are the C convention (`ebl_verify_context`, `ebl_result`).
#![allow(non_camel_case_types)]
// Every exported function takes raw pointers from C, which is their purpose; each is
// dereferenced only through `ptr`'s checked helpers, whose contract the header states.
#![allow(clippy::not_unsafe_ptr_arg_deref)]
// `unsafe` lives in this crate only (the core forbids it): in `ptr`, `handle` and `errors`,
// each block with its SAFETY comment.
#![allow(unsafe_code)]

mod boundary;
mod context;
mod errors;
/// The body of the `c_api` fuzz target: see `fuzz/README.md`.
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
mod handle;
mod key;
mod oa;
mod pint;
mod ptr;
mod recognition;
mod registry;
mod report;
pub mod result;
mod time;
mod title;
mod trust;
mod types;
mod verify;

pub use context::*;
pub use errors::*;
pub use key::*;
pub use oa::*;
pub use pint::*;
pub use recognition::*;
pub use registry::*;
pub use report::*;
pub use result::ebl_result;
pub use time::ebl_time_from_rfc3339;
pub use title::*;
pub use trust::*;
pub use types::*;
pub use verify::*;

/// Handles are shared across threads by C callers: every one must be `Send + Sync`.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<ebl_bytes>();
    shareable::<ebl_key>();
    shareable::<ebl_trust_store>();
    shareable::<ebl_verify_context>();
    shareable::<ebl_report>();
    shareable::<ebl_envelope_builder>();
    shareable::<ebl_registry>();
};
