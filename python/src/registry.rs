//! The durable title registry (issue 12): `ebl.Registry`, an open registry (also a context
//! manager), what it knows about an eBL as dicts, and document uploads for a transfer answered
//! `MDOC`. Receiving with it is `ebl.receive(..., registry=...)` (`envelope.rs`).

use std::sync::{Arc, Mutex, PoisonError};

use ebl::title::{Registry as CoreRegistry, open_registry, registry_json};
use pyo3::prelude::*;
use serde_json::Value;

use crate::convert::{self, to_python};
use crate::errors::{Failure, attached, detached};

/// The core registry, shared by the calls in flight (each holds a clone while the GIL is
/// released), so that `close()` never pulls it from under a running receive.
pub type SharedRegistry = Arc<dyn CoreRegistry + Send + Sync>;

/// A title registry: what this platform accepted, the transfers waiting for documents and the
/// documents received. Thread-safe (the backends synchronise inside); `close()` or the `with`
/// block's end releases it.
#[pyclass(frozen, module = "ebl._ebl")]
pub struct Registry {
    location: String,
    registry: Mutex<Option<SharedRegistry>>,
}

impl Registry {
    /// The open registry, or `InvalidArgumentError` once closed.
    pub fn shared(&self) -> Result<SharedRegistry, Failure> {
        self.registry
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| Failure::Argument(format!("the registry {} is closed", self.location)))
    }

    /// What the registry knows about `key`, as the core's JSON (`None`: nothing).
    fn known(&self, py: Python<'_>, key: &str) -> PyResult<Option<Value>> {
        let registry = attached(|| self.shared())?;
        detached(py, || Ok(registry_json(registry.as_ref(), key)?))
    }
}

#[pymethods]
impl Registry {
    /// Opens the registry `location` names: a `postgres://…` URL (when built with PostgreSQL)
    /// or a SQLite file (`str` or `os.PathLike`), created when missing. An existing file must be
    /// an ebl registry: a corrupt or foreign file, a newer schema or a read-only file raises
    /// `RegistryError` and leaves the file untouched.
    #[new]
    fn new(py: Python<'_>, location: &Bound<'_, PyAny>) -> PyResult<Registry> {
        let location: String = attached(|| {
            let os = py.import("os")?;
            if location.is_instance(&os.getattr("PathLike")?)? {
                return Ok(os.getattr("fspath")?.call1((location,))?.extract()?);
            }
            location
                .extract()
                .map_err(|_| convert::type_error(location, "location", "str or os.PathLike"))
        })?;
        let opened = detached(py, || Ok(open_registry(&location)?))?;
        Ok(Registry {
            location,
            registry: Mutex::new(Some(Arc::from(opened))),
        })
    }

    /// Where the registry lives (the path or URL given).
    #[getter]
    fn location(&self) -> String {
        self.location.clone()
    }

    /// Whether `close()` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.registry
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_none()
    }

    /// Releases the registry (the database closes once calls in flight return). Idempotent.
    fn close(&self) {
        let taken = self
            .registry
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        drop(taken);
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, _args: &Bound<'_, pyo3::types::PyTuple>) -> bool {
        self.close();
        false
    }

    /// What the registry knows about one eBL (`key`: the transport document's checksum or its
    /// reference, the B/L number): `transportDocumentChecksum`, `transportDocumentReference`,
    /// the `holder` here, the `latest` accepted transfer and the `tradeTrust` side — what
    /// `ebl registry show` prints. `None` when nothing was accepted for it.
    fn show<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.known(py, key)? {
            Some(mut known) => {
                if let Some(object) = known.as_object_mut() {
                    object.remove("transfers");
                }
                Ok(Some(to_python(py, &known)?))
            }
            None => Ok(None),
        }
    }

    /// Every transfer of one eBL accepted here, oldest first (a list of dicts, what
    /// `ebl registry history` prints); empty when nothing was accepted for it.
    fn history<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        let transfers = self
            .known(py, key)?
            .and_then(|mut known| known.get_mut("transfers").map(Value::take))
            .unwrap_or_else(|| Value::Array(Vec::new()));
        to_python(py, &transfers)
    }

    /// Receives one additional document for a transfer answered `MDOC`: `transfer` is its
    /// last chain entry's checksum (`Received.to_dict()["lastEntryChecksum"]`), `document` the
    /// file (bytes, or an `os.PathLike` to read), `checksum` the declared document it is for
    /// (default: its own SHA-256). Returns `{"documentChecksum", "accepted", "responseCode"
    /// (`INCD` when refused), "findings"}`; an accepted document is stored, so that receiving
    /// the envelope again answers `RECE`. A transfer not waiting here raises `RegistryError`.
    #[pyo3(signature = (transfer, document, checksum = None))]
    fn upload_document<'py>(
        &self,
        py: Python<'py>,
        transfer: &str,
        document: &Bound<'_, PyAny>,
        checksum: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (registry, bytes) =
            attached(|| Ok((self.shared()?, convert::data(document, "document")?)))?;
        let report = detached(py, || {
            let checksum =
                checksum.map_or_else(|| ebl::checksum::sha256_hex(&bytes), str::to_owned);
            // The core takes the HTTP request body: a JSON string of the file's base64.
            let body = format!("\"{}\"", ebl::crypto::b64::encode_standard(&bytes));
            let report = ebl::pint::upload_document_recorded(
                registry.as_ref(),
                transfer,
                &checksum,
                body.as_bytes(),
            )?;
            let mut json = serde_json::to_value(&report).unwrap_or(Value::Null);
            if let Some(object) = json.as_object_mut() {
                object.insert("accepted".into(), Value::Bool(report.is_accepted()));
            }
            Ok(json)
        })?;
        to_python(py, &report)
    }

    fn __repr__(&self) -> String {
        format!(
            "Registry({}{})",
            convert::repr(&self.location),
            if self.closed() { ", closed" } else { "" }
        )
    }
}
