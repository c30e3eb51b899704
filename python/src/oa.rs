//! OpenAttestation v2 (TradeTrust): wrap, obfuscate, read the data, title history. Exported
//! as `ebl.oa`.

use std::sync::Arc;

use ebl::openattestation::{
    FixedSalts, SaltSource, UuidV4Salts, WrappedDocument as CoreDocument, title_history_from_log,
    wrap_batch_bytes, wrap_bytes,
};
use ebl::title::History;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use ring::rand::SystemRandom;

use crate::convert::{self, Data, to_python};
use crate::errors::{Failure, attached, detached};
use crate::results::TitleReplay;

/// A wrapped OpenAttestation v2 document (salted data, signature block with the merkle root).
#[pyclass(frozen, module = "ebl._ebl")]
pub struct WrappedDocument {
    document: Arc<CoreDocument>,
}

impl WrappedDocument {
    fn new(document: CoreDocument) -> WrappedDocument {
        WrappedDocument {
            document: Arc::new(document),
        }
    }
}

#[pymethods]
impl WrappedDocument {
    /// Reads a wrapped document (as JavaScript reads it: its hashes were made from that).
    #[staticmethod]
    fn from_bytes(data: &Bound<'_, PyAny>) -> PyResult<WrappedDocument> {
        attached(|| {
            let bytes = convert::json_data(data, "data")?;
            Ok(WrappedDocument::new(CoreDocument::from_bytes(&bytes)?))
        })
    }
    /// The document's own hash (`signature.targetHash`).
    #[getter]
    fn target_hash(&self) -> Option<String> {
        self.document.target_hash().map(str::to_owned)
    }
    /// The batch's merkle root (`signature.merkleRoot`).
    #[getter]
    fn merkle_root(&self) -> Option<String> {
        self.document.merkle_root().map(str::to_owned)
    }
    /// The data without salts, as the JavaScript library's `getData` returns it.
    fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = attached(|| Ok(self.document.data()?))?;
        to_python(py, &value)
    }
    /// A copy with the fields at `paths` (dotted, `shipper.address`) hidden; it still verifies.
    fn obfuscate(&self, py: Python<'_>, paths: Vec<String>) -> PyResult<WrappedDocument> {
        let document = self.document.clone();
        detached(py, || {
            let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
            Ok(WrappedDocument::new(document.obfuscate(&paths)?))
        })
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?
            .call_method1("loads", (self.document.to_json(),))
    }
    /// The document as JSON, written as JavaScript's `JSON.stringify` writes it.
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        match indent {
            Some(width) => ebl::json::to_js_string_pretty(self.document.as_value(), width),
            None => self.document.to_json(),
        }
    }
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.document.to_json().as_bytes())
    }
    fn __repr__(&self) -> String {
        format!(
            "WrappedDocument(target_hash={}, merkle_root={})",
            convert::repr_opt(self.target_hash().as_deref()),
            convert::repr_opt(self.merkle_root().as_deref())
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let from_bytes = py.get_type::<WrappedDocument>().getattr("from_bytes")?;
        (from_bytes, (self.to_bytes(py),)).into_pyobject(py)
    }
}

/// Salts from the caller (for reproducible output), else fresh UUID v4 salts.
fn with_salts<T>(
    salts: Option<Vec<String>>,
    f: impl FnOnce(&mut dyn SaltSource) -> ebl::Result<T>,
) -> Result<T, Failure> {
    match salts {
        Some(fixed) => Ok(f(&mut FixedSalts::new(fixed)?)?),
        None => {
            let rng = SystemRandom::new();
            Ok(f(&mut UuidV4Salts::new(&rng))?)
        }
    }
}

/// Wraps one raw document (`dict`, bytes, str or path); `salts`: UUID v4 strings to use in
/// order (reproducible output), else fresh random ones.
#[pyfunction]
#[pyo3(signature = (document, salts = None))]
pub fn oa_wrap(
    py: Python<'_>,
    document: &Bound<'_, PyAny>,
    salts: Option<Vec<String>>,
) -> PyResult<WrappedDocument> {
    let bytes = attached(|| convert::json_data(document, "document"))?;
    detached(py, || {
        with_salts(salts, |s| wrap_bytes(&bytes, s)).map(WrappedDocument::new)
    })
}

/// Wraps several raw documents under one merkle root (one proof each), in input order.
#[pyfunction]
#[pyo3(signature = (documents, salts = None))]
pub fn oa_wrap_batch(
    py: Python<'_>,
    documents: &Bound<'_, PyAny>,
    salts: Option<Vec<String>>,
) -> PyResult<Vec<WrappedDocument>> {
    let inputs: Vec<Data> = attached(|| {
        let mut inputs = Vec::new();
        for (i, item) in documents.try_iter()?.enumerate() {
            inputs.push(convert::json_data(&item?, &format!("documents[{i}]"))?);
        }
        Ok(inputs)
    })?;
    detached(py, || {
        with_salts(salts, |s| wrap_batch_bytes(&inputs, s))
            .map(|all| all.into_iter().map(WrappedDocument::new).collect())
    })
}

/// `document.obfuscate(paths)`, as a function.
#[pyfunction]
pub fn oa_obfuscate(
    py: Python<'_>,
    document: &Bound<'_, WrappedDocument>,
    paths: Vec<String>,
) -> PyResult<WrappedDocument> {
    document.get().obfuscate(py, paths)
}

/// `document.data()`, as a function.
#[pyfunction]
pub fn oa_data<'py>(
    py: Python<'py>,
    document: &Bound<'py, WrappedDocument>,
) -> PyResult<Bound<'py, PyAny>> {
    document.get().data(py)
}

/// A platform-neutral title history (who held title, event by event), replayable.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct TitleHistory {
    history: Arc<History>,
}

#[pymethods]
impl TitleHistory {
    /// Reads a title history in its JSON form (`TitleHistory.to_json()`).
    #[staticmethod]
    fn from_json(data: &Bound<'_, PyAny>) -> PyResult<TitleHistory> {
        attached(|| {
            let bytes = convert::json_data(data, "data")?;
            Ok(TitleHistory {
                history: Arc::new(History::from_json(&bytes)?),
            })
        })
    }
    #[getter]
    fn document_reference(&self) -> String {
        self.history.document_reference.clone()
    }
    /// The events, as `dict`s.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.history.events).unwrap_or_default();
        to_python(py, &value)
    }
    /// Replays the history through the title state machine.
    fn replay(&self, py: Python<'_>) -> PyResult<TitleReplay> {
        let history = self.history.clone();
        detached(py, || {
            let replay = ebl::title::replay(&history);
            Ok(TitleReplay {
                json: serde_json::to_value(&replay).unwrap_or_default(),
            })
        })
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&*self.history).unwrap_or_default();
        to_python(py, &value)
    }
    fn to_json(&self) -> PyResult<String> {
        attached(|| Ok(self.history.to_json()?))
    }
    fn __repr__(&self) -> String {
        format!(
            "TitleHistory(document_reference={}, events={})",
            convert::repr(&self.history.document_reference),
            self.history.events.len()
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let from_json = py.get_type::<TitleHistory>().getattr("from_json")?;
        (from_json, (self.to_json()?,)).into_pyobject(py)
    }
}

/// A TradeTrust title-escrow event log (who minted the token, who held it, every transfer)
/// as a title history.
#[pyfunction]
pub fn oa_title_history(py: Python<'_>, log: &Bound<'_, PyAny>) -> PyResult<TitleHistory> {
    let bytes = attached(|| convert::json_data(log, "log"))?;
    detached(py, || {
        Ok(TitleHistory {
            history: Arc::new(title_history_from_log(&bytes)?),
        })
    })
}
