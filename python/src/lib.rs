//! `ebl._ebl`, the native module of the Python package `ebl`.
//!
//! A thin layer: every function converts its arguments, calls the one core function for its
//! job (see the README's job → core-call table) with the GIL released, and converts the
//! result or the error. Exceptions are mapped in one place (`errors.rs`); results are immutable
//! objects holding the core's JSON, so they print, compare and pickle as the CLI prints them.

mod context;
mod convert;
mod envelope;
mod errors;
mod keys;
mod oa;
mod recognize;
mod registry;
mod results;
mod trust_list;
mod verify;

use pyo3::prelude::*;

#[pymodule(gil_used = false)]
fn _ebl(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<keys::PrivateKey>()?;
    m.add_class::<keys::PublicKey>()?;
    m.add_class::<context::TrustStore>()?;
    m.add_class::<context::VerifyContext>()?;
    m.add_class::<results::Finding>()?;
    m.add_class::<results::Verification>()?;
    m.add_class::<results::TitleReplay>()?;
    m.add_class::<envelope::Envelope>()?;
    m.add_class::<envelope::EnvelopeBuilder>()?;
    m.add_class::<envelope::Received>()?;
    m.add_class::<registry::Registry>()?;
    m.add_class::<recognize::Criterion>()?;
    m.add_class::<recognize::Recognition>()?;
    m.add_class::<oa::WrappedDocument>()?;
    m.add_class::<oa::TitleHistory>()?;
    m.add_function(wrap_pyfunction!(verify::verify, m)?)?;
    m.add_function(wrap_pyfunction!(verify::verify_batch, m)?)?;
    m.add_function(wrap_pyfunction!(envelope::receive, m)?)?;
    m.add_function(wrap_pyfunction!(recognize::recognize, m)?)?;
    m.add_function(wrap_pyfunction!(trust_list::sign_trust_list, m)?)?;
    m.add_function(wrap_pyfunction!(trust_list::verify_trust_list, m)?)?;
    m.add_function(wrap_pyfunction!(oa::oa_wrap, m)?)?;
    m.add_function(wrap_pyfunction!(oa::oa_wrap_batch, m)?)?;
    m.add_function(wrap_pyfunction!(oa::oa_obfuscate, m)?)?;
    m.add_function(wrap_pyfunction!(oa::oa_data, m)?)?;
    m.add_function(wrap_pyfunction!(oa::oa_title_history, m)?)?;
    Ok(())
}
