//! `ebl.verify` and `ebl.verify_batch`: the core's `verify_bytes` and `verify_batch`.

use pyo3::prelude::*;

use crate::context::VerifyContext;
use crate::convert::{self, Data};
use crate::errors::{attached, detached, exception_value};
use crate::results::Verification;

/// Detects the format of `data` and verifies it under `context`. Raises an `EblError`
/// subclass only when the input cannot be evaluated (not JSON, unknown format); every problem
/// *with* a document is a finding, and `valid` is false.
#[pyfunction]
pub fn verify(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    context: &Bound<'_, VerifyContext>,
) -> PyResult<Verification> {
    let bytes = attached(|| convert::data(data, "data"))?;
    let context = context.get().context.clone();
    detached(py, || {
        let verification = ebl::verify::verify_bytes(&bytes, &context)?;
        Ok(Verification::from_core(verification))
    })
}

/// Verifies many inputs on every core (the GIL released), results in input order: a
/// `Verification`, or for an input that cannot be evaluated the `EblError` it would raise
/// (returned, not raised, so one bad file does not hide the others' verdicts).
#[pyfunction]
pub fn verify_batch(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    context: &Bound<'_, VerifyContext>,
) -> PyResult<Vec<Py<PyAny>>> {
    let inputs: Vec<Data> = attached(|| {
        let mut inputs = Vec::new();
        for (i, item) in data.try_iter()?.enumerate() {
            inputs.push(convert::data(&item?, &format!("data[{i}]"))?);
        }
        Ok(inputs)
    })?;
    let context = context.get().context.clone();
    let results = detached(py, || {
        Ok(ebl::verify::verify_batch(&inputs, &context)
            .into_iter()
            .map(|r| r.map(Verification::from_core))
            .collect::<Vec<_>>())
    })?;
    results
        .into_iter()
        .map(|result| match result {
            Ok(verification) => Ok(Py::new(py, verification)?.into_any()),
            Err(error) => Ok(exception_value(py, error)),
        })
        .collect()
}
