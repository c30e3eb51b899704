//! Immutable result objects: `Verification`, `Finding`, `TitleReplay`. Each holds the JSON
//! object the core produced (`to_json_value()`), so that `to_dict()`/`to_json()` are exactly
//! what `ebl verify --json` prints, and pickling is that JSON.

use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use serde_json::Value;

use crate::convert::{
    json_text, member_count, member_text, parse_own_json, repr, repr_opt, to_python,
};
use crate::errors::attached;

/// One observation about an input: a stable `code`, a `severity` (`"error"`, `"warning"`,
/// `"info"`), a JSON `path` into the input, a `message`, and for PINT the chain `entry`.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct Finding {
    json: Value,
}

impl Finding {
    pub(crate) fn all(findings: Option<&Value>) -> Vec<Finding> {
        findings
            .and_then(Value::as_array)
            .map(|items| items.iter().map(|f| Finding { json: f.clone() }).collect())
            .unwrap_or_default()
    }
}

#[pymethods]
impl Finding {
    #[getter]
    fn code(&self) -> String {
        member_text(&self.json, "code").unwrap_or_default()
    }
    #[getter]
    fn severity(&self) -> String {
        member_text(&self.json, "severity").unwrap_or_default()
    }
    #[getter]
    fn path(&self) -> String {
        member_text(&self.json, "path").unwrap_or_default()
    }
    #[getter]
    fn message(&self) -> String {
        member_text(&self.json, "message").unwrap_or_default()
    }
    /// The legal or specification source the finding cites, when the core gives one.
    #[getter]
    fn citation(&self) -> Option<String> {
        member_text(&self.json, "citation")
    }
    /// For PINT: the index of the transfer-chain entry concerned.
    #[getter]
    fn entry(&self) -> Option<u64> {
        self.json.get("entry").and_then(Value::as_u64)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.json)
    }
    fn __repr__(&self) -> String {
        format!(
            "Finding(severity={}, code={}, path={}, message={})",
            repr(&self.severity()),
            repr(&self.code()),
            repr(&self.path()),
            repr(&self.message())
        )
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Finding>()
            .is_ok_and(|o| o.get().json == self.json)
    }
    fn __hash__(&self) -> u64 {
        hash_text(&self.json.to_string())
    }
}

fn hash_text(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The verdict on one file: `valid`, the `format` it was read as, every `finding`, and for a
/// PINT envelope the `response_code` a receiving platform would answer and the title replay.
#[pyclass(frozen, module = "ebl._ebl")]
///
/// It keeps the core's result and makes its JSON only when asked (`to_dict`, `findings`, …), so
/// that a caller reading `valid` pays nothing for the conversion; one restored from a pickle
/// holds the JSON only.
pub struct Verification {
    core: Option<Arc<ebl::verify::Verification>>,
    json: OnceLock<Value>,
    replay: OnceLock<Option<Value>>,
}

impl Verification {
    pub(crate) fn from_core(verification: ebl::verify::Verification) -> Verification {
        Verification {
            core: Some(Arc::new(verification)),
            json: OnceLock::new(),
            replay: OnceLock::new(),
        }
    }

    fn json(&self) -> &Value {
        self.json.get_or_init(|| {
            self.core
                .as_ref()
                .map_or(Value::Null, |core| core.to_json_value())
        })
    }

    fn replay(&self) -> &Option<Value> {
        self.replay.get_or_init(|| {
            let report = self.core.as_ref()?.pint.as_ref()?;
            serde_json::to_value(&report.replay).ok()
        })
    }
}

#[pymethods]
impl Verification {
    #[getter]
    fn valid(&self) -> bool {
        if let Some(core) = &self.core {
            return core.valid;
        }
        self.json()
            .get("valid")
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }
    /// `"dcsa-pint-envelope"`, `"openattestation-v2"`, `"dcsa-transport-document"`, …
    #[getter]
    fn format(&self) -> String {
        member_text(self.json(), "format").unwrap_or_default()
    }
    /// `"RECE"`, `"BSIG"`, `"BENV"` or `"MDOC"` for a PINT envelope, else `None`.
    #[getter]
    fn response_code(&self) -> Option<String> {
        member_text(self.json(), "responseCode")
    }
    #[getter]
    fn document_reference(&self) -> Option<String> {
        member_text(self.json(), "documentReference")
    }
    #[getter]
    fn document_checksum(&self) -> Option<String> {
        member_text(self.json(), "documentChecksum")
    }
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        Finding::all(self.json().get("findings"))
    }
    /// For a PINT envelope: who held title at each step of its chain, replayed.
    #[getter]
    fn title_replay(&self) -> Option<TitleReplay> {
        self.replay().clone().map(|json| TitleReplay { json })
    }
    /// The verdict as the `dict` `ebl verify --json` prints (without `file`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.json())
    }
    /// The verdict as the JSON `ebl verify --json` prints (without `file`): one line, or
    /// indented by `indent` spaces.
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        json_text(self.json(), indent)
    }
    fn __repr__(&self) -> String {
        let errors = self
            .json()
            .get("findings")
            .and_then(Value::as_array)
            .map_or(0, |f| f.iter().filter(|f| f["severity"] == "error").count());
        format!(
            "Verification(valid={}, format={}, response_code={}, document_reference={}, errors={errors})",
            if self.valid() { "True" } else { "False" },
            repr(&self.format()),
            repr_opt(self.response_code().as_deref()),
            repr_opt(self.document_reference().as_deref()),
        )
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Verification>()
            .is_ok_and(|o| o.get().json() == self.json() && o.get().replay() == self.replay())
    }
    fn __hash__(&self) -> u64 {
        hash_text(&self.json().to_string())
    }
    #[staticmethod]
    #[pyo3(signature = (json, replay = None))]
    fn _from_json(json: &str, replay: Option<&str>) -> PyResult<Verification> {
        attached(|| {
            Ok(Verification {
                core: None,
                json: OnceLock::from(parse_own_json(json)?),
                replay: OnceLock::from(replay.map(parse_own_json).transpose()?),
            })
        })
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<Verification>().getattr("_from_json")?;
        let replay = self
            .replay()
            .as_ref()
            .map(|r| PyString::new(py, &r.to_string()));
        (restore, (self.json().to_string(), replay)).into_pyobject(py)
    }
}

/// A title history replayed: the state after every event (`steps`), every finding, and the
/// final status (`"ISSUED"`, `"SURRENDERED_FOR_DELIVERY"`, …).
#[pyclass(frozen, module = "ebl._ebl")]
pub struct TitleReplay {
    pub(crate) json: Value,
}

#[pymethods]
impl TitleReplay {
    #[getter]
    fn document_reference(&self) -> Option<String> {
        member_text(&self.json, "documentReference")
    }
    #[getter]
    fn final_status(&self) -> Option<String> {
        self.json
            .get("finalState")
            .and_then(|s| s.get("status"))
            .and_then(Value::as_str)
            .map(str::to_owned)
    }
    /// The state after each event, as `dict`s (`index`, `kind`, `at`, `state`, `facts`, …).
    #[getter]
    fn steps<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.json.get("steps").unwrap_or(&Value::Null))
    }
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        Finding::all(self.json.get("findings"))
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.json)
    }
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        json_text(&self.json, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "TitleReplay(document_reference={}, steps={}, final_status={}, findings={})",
            repr_opt(self.document_reference().as_deref()),
            member_count(&self.json, "steps"),
            repr_opt(self.final_status().as_deref()),
            member_count(&self.json, "findings"),
        )
    }
    #[staticmethod]
    fn _from_json(json: &str) -> PyResult<TitleReplay> {
        attached(|| {
            Ok(TitleReplay {
                json: parse_own_json(json)?,
            })
        })
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<TitleReplay>().getattr("_from_json")?;
        (restore, (self.json.to_string(),)).into_pyobject(py)
    }
}
