//! Trust lists: a publisher signs its list; a receiver checks signature, issuer and validity.

use ebl::trust::{TrustList, TrustListVerdict};
use pyo3::prelude::*;
use ring::rand::SystemRandom;

use crate::context::TrustStore;
use crate::convert::{self, to_python};
use crate::errors::{Failure, attached, detached};
use crate::keys::{PrivateKey, PublicKey};

/// Signs a trust list (`ebl-trust-list/1` JSON: `dict`, bytes, str or path) as its publisher
/// `issuer` with `key`; returns the compact JWS to publish.
#[pyfunction]
pub fn sign_trust_list(
    py: Python<'_>,
    list: &Bound<'_, PyAny>,
    issuer: &str,
    key: &Bound<'_, PrivateKey>,
) -> PyResult<String> {
    let bytes = attached(|| convert::json_data(list, "list"))?;
    let key = key.get().key.clone();
    detached(py, || {
        let list = TrustList::from_json(&bytes)?;
        Ok(list.sign_as(issuer, &key, &SystemRandom::new())?)
    })
}

/// Checks a signed trust list against its publisher's `keys`, its `issuer` and its validity
/// at `at` (and, with `store`, that its sequence number is newer than one already imported).
/// Returns what importing it would change (`issuer`, `sequence`, `previous`, `parties`);
/// raises `TrustError` with the reason when it is refused.
#[pyfunction]
#[pyo3(signature = (data, keys, issuer, at, store = None))]
pub fn verify_trust_list<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    keys: Vec<Bound<'py, PublicKey>>,
    issuer: &str,
    at: &Bound<'py, PyAny>,
    store: Option<&Bound<'py, TrustStore>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (bytes, at) = attached(|| Ok((convert::data(data, "data")?, convert::instant(at, "at")?)))?;
    let base = store.map(|s| s.get().snapshot()).unwrap_or_default();
    let keys: Vec<_> = keys.iter().map(|k| k.get().key.clone()).collect();
    let summary = detached(py, || {
        match TrustList::verify_signed(&bytes, &keys, issuer, at, &base)? {
            TrustListVerdict::Accepted(summary) => Ok(summary),
            TrustListVerdict::Refused(reason) => Err(Failure::from(reason)),
        }
    })?;
    to_python(py, &serde_json::to_value(summary).unwrap_or_default())
}
