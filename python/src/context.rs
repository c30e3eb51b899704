//! `TrustStore` and `VerifyContext`: whom a verifier trusts, and when.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};

use crate::convert::{self, Data, datetime, json_text, to_python};
use crate::errors::{Failure, attached};
use crate::keys::PublicKey;

/// Parties, keys, revocations and reliability evidence (`ebl-trust-store/1`), built from
/// trust-store files and signed trust lists. The store is the one mutable object of the API
/// (`add_bytes`); a `VerifyContext` takes a snapshot of it.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct TrustStore {
    store: Mutex<ebl::trust::TrustStore>,
}

impl TrustStore {
    pub(crate) fn snapshot(&self) -> ebl::trust::TrustStore {
        self.lock().clone()
    }

    fn lock(&self) -> MutexGuard<'_, ebl::trust::TrustStore> {
        // A panic while holding the lock left the store as it was before that call.
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[pymethods]
impl TrustStore {
    /// An empty store.
    #[new]
    fn new() -> TrustStore {
        TrustStore {
            store: Mutex::new(ebl::trust::TrustStore::new()),
        }
    }

    /// Reads a trust-store JSON file; `source_name` is put in error messages.
    #[staticmethod]
    #[pyo3(signature = (data, source_name = "<data>"))]
    fn from_json(data: &Bound<'_, PyAny>, source_name: &str) -> PyResult<TrustStore> {
        attached(|| {
            let bytes = convert::json_data(data, "data")?;
            let store = ebl::trust::TrustStore::from_json(&bytes, source_name)?;
            Ok(TrustStore {
                store: Mutex::new(store),
            })
        })
    }

    /// Adds a trust file: a trust-store JSON file is merged in; a signed trust list (compact
    /// JWS) is imported with its publisher's key from this store, checked at `at`. Returns what
    /// a list import changed (`issuer`, `sequence`, `previous`, `parties`), `None` for a store.
    #[pyo3(signature = (data, at, source_name = "<data>"))]
    fn add_bytes<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        at: &Bound<'py, PyAny>,
        source_name: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let summary = attached(|| {
            let bytes = convert::json_data(data, "data")?;
            let at = convert::instant(at, "at")?;
            Ok(self.lock().add_bytes(&bytes, source_name, at)?)
        })?;
        match summary {
            Some(summary) => to_python(py, &serde_json::to_value(summary).unwrap_or_default()),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// The ids of the parties, in file order.
    #[getter]
    fn party_ids(&self) -> Vec<String> {
        self.lock().parties().iter().map(|p| p.id.clone()).collect()
    }

    /// The store in its JSON file format, as a `dict`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.lock().to_json_value())
    }

    /// The store in its JSON file format (`indent`: spaces per level, `None` for one line).
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        json_text(&self.lock().to_json_value(), indent)
    }

    fn __len__(&self) -> usize {
        self.lock().parties().len()
    }

    fn __repr__(&self) -> String {
        let store = self.lock();
        format!(
            "TrustStore(name={}, parties=[{}])",
            convert::repr_opt(store.name()),
            store
                .parties()
                .iter()
                .map(|p| convert::repr(&p.id))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let from_json = py.get_type::<TrustStore>().getattr("from_json")?;
        let json = PyBytes::new(py, self.to_json(None).as_bytes());
        (from_json, (json,)).into_pyobject(py)
    }
}

/// What the context was built from, kept so that it pickles (the core's context is built
/// only through its methods, so a copy elsewhere is built the same way from the same bytes).
struct Sources {
    keys: Vec<Vec<u8>>,
    anchors: Vec<Vec<u8>>,
    ethereum_addresses: Vec<String>,
    dns_txt: Option<Vec<u8>>,
}

/// Everything a verifier is told besides the file: the time, the keys and anchors it trusts,
/// a trust store, its own platform code, and the OpenAttestation facts (trusted Ethereum
/// signers, DNS TXT answers) that would otherwise need the network. Immutable.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct VerifyContext {
    pub(crate) context: Arc<ebl::verify::VerifyContext>,
    pub(crate) store: Arc<ebl::trust::TrustStore>,
    trust: Option<Py<TrustStore>>,
    sources: Sources,
}

fn each_data(items: Option<&Bound<'_, PyAny>>, what: &str) -> Result<Vec<Data>, Failure> {
    let Some(items) = items else {
        return Ok(Vec::new());
    };
    if items.is_instance_of::<pyo3::types::PyString>() || items.is_instance_of::<PyBytes>() {
        return Err(convert::type_error(items, what, "an iterable of key files"));
    }
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        if let Ok(key) = item.cast::<PublicKey>() {
            out.push(Data::Owned(key.get().key.to_pem().into_bytes()));
        } else {
            out.push(convert::data(&item, what)?);
        }
    }
    Ok(out)
}

#[pymethods]
impl VerifyContext {
    /// `at`: when keys, certificates and trust lists must be valid (timezone-aware).
    /// `keys`: public keys (`PublicKey`, or bytes/str/path of a JWK, JWK Set, PEM or
    /// certificate). `anchors`: root certificates for `x5c` chains. `trust`: a trust store
    /// (platform keys bound to their codes). `platform`: this receiver's platform code (the
    /// last PINT transfer must be addressed to it). `ethereum_addresses`: signers trusted for
    /// OpenAttestation DID proofs. `dns_txt`: DNS TXT answers (domain → list of strings).
    #[new]
    #[pyo3(signature = (at, keys = None, anchors = None, trust = None, platform = None,
                        ethereum_addresses = None, dns_txt = None))]
    fn new(
        at: &Bound<'_, PyAny>,
        keys: Option<&Bound<'_, PyAny>>,
        anchors: Option<&Bound<'_, PyAny>>,
        trust: Option<Bound<'_, TrustStore>>,
        platform: Option<String>,
        ethereum_addresses: Option<Vec<String>>,
        dns_txt: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<VerifyContext> {
        attached(|| {
            let at = convert::instant(at, "at")?;
            let keys = each_data(keys, "keys")?;
            let anchors = each_data(anchors, "anchors")?;
            let dns_txt = dns_txt
                .map(|d| convert::json_data(d, "dns_txt"))
                .transpose()?;
            let store = trust
                .as_ref()
                .map(|t| t.get().snapshot())
                .unwrap_or_default();
            let sources = Sources {
                keys: keys.iter().map(|k| k.to_vec()).collect(),
                anchors: anchors.iter().map(|a| a.to_vec()).collect(),
                ethereum_addresses: ethereum_addresses.unwrap_or_default(),
                dns_txt: dns_txt.map(|d| d.to_vec()),
            };
            let context = build(at, platform.as_deref(), &store, &sources)?;
            Ok(VerifyContext {
                context: Arc::new(context),
                store: Arc::new(store),
                trust: trust.map(Bound::unbind),
                sources,
            })
        })
    }

    /// The time of verification (UTC).
    #[getter]
    fn at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        datetime(py, self.context.at)
    }

    /// This receiver's platform code, if given.
    #[getter]
    fn platform(&self) -> Option<String> {
        self.context.receiving_platform.clone()
    }

    /// How many keys are trusted (given directly or taken from the trust store).
    #[getter]
    fn key_count(&self) -> usize {
        self.context.pint.verifier.keys.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "VerifyContext(at={}, platform={}, keys={}, anchors={}, trust_parties={}, ethereum_addresses={}, dns_txt_domains={})",
            convert::repr(&self.context.at.to_rfc3339()),
            convert::repr_opt(self.context.receiving_platform.as_deref()),
            self.context.pint.verifier.keys.len(),
            self.sources.anchors.len(),
            self.store.parties().len(),
            self.context.openattestation.addresses.len(),
            self.context
                .openattestation
                .dns_txt
                .as_ref()
                .map_or(0, |d| d.len()),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let bytes = |items: &[Vec<u8>]| PyTuple::new(py, items.iter().map(|b| PyBytes::new(py, b)));
        let args = (
            datetime(py, self.context.at)?,
            bytes(&self.sources.keys)?,
            bytes(&self.sources.anchors)?,
            self.trust.as_ref().map(|t| t.clone_ref(py)),
            self.context.receiving_platform.clone(),
            self.sources.ethereum_addresses.clone(),
            self.sources.dns_txt.as_ref().map(|d| PyBytes::new(py, d)),
        );
        (py.get_type::<VerifyContext>(), args).into_pyobject(py)
    }
}

/// The core context, built through its methods in the CLI's order (keys, anchors, addresses,
/// DNS answers, trust store).
fn build(
    at: DateTime<Utc>,
    platform: Option<&str>,
    store: &ebl::trust::TrustStore,
    sources: &Sources,
) -> Result<ebl::verify::VerifyContext, Failure> {
    let mut context = ebl::verify::VerifyContext::at(at);
    context.set_receiving_platform(platform);
    for (i, key) in sources.keys.iter().enumerate() {
        context
            .add_keys(key)
            .map_err(|e| with_prefix(e, &format!("keys[{i}]")))?;
    }
    for (i, anchor) in sources.anchors.iter().enumerate() {
        context
            .add_anchors(anchor)
            .map_err(|e| with_prefix(e, &format!("anchors[{i}]")))?;
    }
    for address in &sources.ethereum_addresses {
        context.add_ethereum_addresses(address)?;
    }
    if let Some(answers) = &sources.dns_txt {
        context.add_dns_txt_answers(answers)?;
    }
    context.add_trust_store(store)?;
    Ok(context)
}

/// The core's error, its message prefixed with which argument it was about.
fn with_prefix(error: ebl::Error, what: &str) -> Failure {
    Failure::Prefixed(what.to_owned(), Box::new(error))
}
