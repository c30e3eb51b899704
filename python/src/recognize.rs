//! `ebl.recognize`: the core's `recognize_bytes`, one call.

use std::sync::OnceLock;

use ebl::recognition::{Catalogue, RecognitionRequest, recognize_bytes};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use serde_json::Value;

use crate::context::VerifyContext;
use crate::convert::{self, json_text, parse_own_json, to_python};
use crate::errors::{Failure, attached, detached};

/// The embedded rule catalogue, read once per process.
fn catalogue() -> Result<&'static Catalogue, Failure> {
    static CATALOGUE: OnceLock<Result<Catalogue, String>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| Catalogue::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|message| {
            Failure::Panic(format!(
                "the embedded rule catalogue does not load: {message}"
            ))
        })
}

fn text(value: &Value, key: &str) -> String {
    convert::member_text(value, key).unwrap_or_default()
}

/// One criterion of the receiving rules: its `id`, `status` (`"satisfied"`,
/// `"not-satisfied"`, `"indeterminate"`), the `citation` it rests on, and the `reason`.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct Criterion {
    json: Value,
}

#[pymethods]
impl Criterion {
    #[getter]
    fn id(&self) -> String {
        text(&self.json, "id")
    }
    #[getter]
    fn status(&self) -> String {
        text(&self.json, "status")
    }
    #[getter]
    fn citation(&self) -> String {
        text(&self.json, "citation")
    }
    #[getter]
    fn reason(&self) -> String {
        text(&self.json, "reason")
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.json)
    }
    fn __repr__(&self) -> String {
        format!(
            "Criterion(id={}, status={}, citation={})",
            convert::repr(&self.id()),
            convert::repr(&self.status()),
            convert::repr(&self.citation())
        )
    }
}

/// Whether the target recognises the record, criterion by criterion, with how the record
/// verified. The best verdict is `"recognised-subject-to-reliability"`: `ebl` never decides
/// reliability.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct Recognition {
    json: Value,
}

#[pymethods]
impl Recognition {
    #[getter]
    fn verdict(&self) -> String {
        text(&self.json, "verdict")
    }
    #[getter]
    fn target(&self) -> String {
        text(&self.json, "target")
    }
    #[getter]
    fn criteria(&self) -> Vec<Criterion> {
        self.json
            .get("criteria")
            .and_then(Value::as_array)
            .map(|all| all.iter().map(|c| Criterion { json: c.clone() }).collect())
            .unwrap_or_default()
    }
    /// How the record verified: `valid`, `format` and (PINT) `responseCode`.
    #[getter]
    fn verification<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.json.get("verification").unwrap_or(&Value::Null))
    }
    /// The report as the `dict` `ebl recognize --json` prints (without `file`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.json)
    }
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        json_text(&self.json, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "Recognition(target={}, verdict={}, criteria={})",
            convert::repr(&self.target()),
            convert::repr(&self.verdict()),
            convert::member_count(&self.json, "criteria")
        )
    }
    #[staticmethod]
    fn _from_json(json: &str) -> PyResult<Recognition> {
        attached(|| {
            Ok(Recognition {
                json: parse_own_json(json)?,
            })
        })
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let restore = py.get_type::<Recognition>().getattr("_from_json")?;
        (restore, (self.json.to_string(),)).into_pyobject(py)
    }
}

/// Verifies the record (`data`: a PINT envelope or a TradeTrust document) with `context`,
/// then judges recognition under `target` (`"CN"`, `"SG"`, `"sg-cn-shenzhen/CN"`, …) at the
/// context's time with its trust store. `title_log`: a TradeTrust title-escrow event log;
/// `evidence`: the receiver's evidence file; `governing_law`: the law governing the bill.
#[pyfunction]
#[pyo3(signature = (data, context, *, target, title_log = None, evidence = None, governing_law = None))]
pub fn recognize(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    context: &Bound<'_, VerifyContext>,
    target: &str,
    title_log: Option<&Bound<'_, PyAny>>,
    evidence: Option<&Bound<'_, PyAny>>,
    governing_law: Option<&str>,
) -> PyResult<Recognition> {
    let (record, title_log, evidence) = attached(|| {
        Ok((
            convert::data(data, "data")?,
            title_log
                .map(|l| convert::json_data(l, "title_log"))
                .transpose()?,
            evidence
                .map(|e| convert::json_data(e, "evidence"))
                .transpose()?,
        ))
    })?;
    let context = context.get();
    let (verify_context, store) = (context.context.clone(), context.store.clone());
    detached(py, || {
        let request = RecognitionRequest {
            record: &record,
            title_log: title_log.as_deref(),
            evidence: evidence.as_deref(),
            governing_law,
            target,
        };
        let outcome = recognize_bytes(&request, &verify_context, &store, catalogue()?)?;
        Ok(Recognition {
            json: outcome.to_json_value(),
        })
    })
}
