//! # ebl — electronic bills of lading across platforms and jurisdictions
//!
//! `ebl` lets a port community system, customs authority, carrier, bank or logistics platform
//! **verify** an electronic bill of lading that was issued elsewhere, **track** who controls it,
//! **hand it across** to another platform, and **decide, with cited reasons, whether a
//! jurisdiction recognises it**. It reads DCSA eBL 3.0 transport documents and PINT 3.0
//! envelopes (the interoperability protocol of many Chinese and European platforms) and
//! TradeTrust / OpenAttestation v2 documents (Singapore).
//!
//! The library is pure Rust with no `unsafe`; a C API (`include/ebl.h`) and a Python package
//! wrap it thinly. Time, randomness and storage are always parameters, so every verdict can be
//! replayed.
//!
//! ## Where to start
//! - [`json`]: strict parsing of untrusted bytes and RFC 8785 canonical form.
//! - [`crypto`]: keys, algorithm allow-lists, compact JWS and `x5c` certificate chains.
//! - [`model`]: the DCSA eBL 3.0 transport document, its checksum and its validation.
//! - [`report`]: the [`Finding`](report::Finding)s every checker returns.
//! - [`title`]: the platform-neutral title history and its state machine.
//! - [`Error`] and [`ErrorCode`]: one error type with stable codes.
//! - [`trust`]: who is who — parties, keys, revocations, reliability evidence, trust lists.
//! - [`recognition`]: whether a jurisdiction recognises a record, criterion by criterion.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod checksum;
mod code;
pub mod crypto;
pub mod detect;
pub mod error;
pub mod inspect;
pub mod json;
pub mod model;
#[cfg(feature = "openattestation")]
pub mod openattestation;
pub mod pint;
pub mod recognition;
pub mod report;
pub mod title;
pub mod trust;
pub mod verify;

pub use code::ErrorCode;
pub use error::{Error, Result};

/// The README's Rust examples, compiled and run as doc tests so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
