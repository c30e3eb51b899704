//! The one place where failures become Python exceptions.
//!
//! Every call into the core returns `Result<_, Failure>`; [`From<Failure> for PyErr`] picks the
//! exception class from the core's stable [`ErrorCode`] block (1xx JSON → `JsonError`, …) and
//! builds it with `.code` and `.name`. The classes are defined in Python (`ebl/exceptions.py`)
//! so that they carry docstrings, pickle, and can inherit from `ValueError` / `OSError` too.
//! Panics are caught at the boundary ([`guarded`]) and surface as `InternalError` with the
//! `PanicCaught` code, never as pyo3's `PanicException` (a `BaseException` that
//! `except Exception` would miss).

use std::panic::{AssertUnwindSafe, catch_unwind};

use ebl::ErrorCode;
use pyo3::prelude::*;

/// Why a call failed, before it becomes a Python exception.
pub enum Failure {
    /// The core refused the input (its message says what and where).
    Core(Box<ebl::Error>),
    /// The core refused one of several inputs: which one (`keys[2]`), then its message.
    Prefixed(String, Box<ebl::Error>),
    /// An argument the binding checks itself (a naive `datetime`, an unknown key type).
    Argument(String),
    /// A file named by an `os.PathLike` could not be read.
    Io(String),
    /// The core panicked (a bug): reported with the `PanicCaught` code.
    Panic(String),
    /// A Python error raised while converting an argument (wrong type): passed through.
    Python(PyErr),
}

impl From<ebl::Error> for Failure {
    fn from(error: ebl::Error) -> Failure {
        Failure::Core(Box::new(error))
    }
}

impl From<ebl::title::RegistryError> for Failure {
    fn from(error: ebl::title::RegistryError) -> Failure {
        Failure::Core(Box::new(error.into()))
    }
}

impl From<PyErr> for Failure {
    fn from(error: PyErr) -> Failure {
        Failure::Python(error)
    }
}

/// The Python class (in `ebl.exceptions`) for a code: one subclass of `EblError` per area.
fn class_name(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::Io => "EblIOError",
        ErrorCode::PanicCaught | ErrorCode::Internal => "InternalError",
        // 51x within the title block: the durable registry (storage, not the input's fault).
        _ if (510..=519).contains(&code.as_u32()) => "RegistryError",
        _ => match code.as_u32() / 100 {
            1 => "JsonError",
            2 => "CryptoError",
            3 => "DocumentError",
            4 => "PintError",
            5 => "TitleError",
            6 => "OpenAttestationError",
            7 => "TrustError",
            8 => "RecognitionError",
            _ => "InvalidArgumentError",
        },
    }
}

/// Builds the `ebl.exceptions` instance for `code` with `message`.
fn exception(py: Python<'_>, code: ErrorCode, message: String) -> PyErr {
    let made = py
        .import("ebl.exceptions")
        .and_then(|module| module.getattr(class_name(code)))
        .and_then(|class| class.call1((message, code.as_u32(), code.name())));
    match made {
        Ok(instance) => PyErr::from_value(instance),
        Err(import_failed) => import_failed,
    }
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> PyErr {
        Python::attach(|py| match failure {
            Failure::Core(error) => exception(py, error.code(), error.to_string()),
            Failure::Prefixed(what, error) => {
                exception(py, error.code(), format!("{what}: {error}"))
            }
            Failure::Argument(message) => exception(py, ErrorCode::InvalidArgument, message),
            Failure::Io(message) => exception(py, ErrorCode::Io, message),
            Failure::Panic(message) => exception(py, ErrorCode::PanicCaught, message),
            Failure::Python(error) => error,
        })
    }
}

/// The exception for one failed item of a batch, as a value (not raised).
pub fn exception_value(py: Python<'_>, error: ebl::Error) -> Py<PyAny> {
    PyErr::from(Failure::from(error)).into_value(py).into_any()
}

/// Runs `f`, turning a panic into [`Failure::Panic`] with its message.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Err(Failure::Panic(format!(
            "internal error in ebl (please report it): {message}"
        )))
    })
}

/// Runs core work `f` with the GIL released (other Python threads run meanwhile), guarded
/// against panics, and converts its failure to the Python exception.
pub fn detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> Result<T, Failure> + Send,
{
    py.detach(|| guarded(f)).map_err(PyErr::from)
}

/// [`guarded`] for work that needs the GIL (conversions), with the Python exception.
pub fn attached<T>(f: impl FnOnce() -> Result<T, Failure>) -> PyResult<T> {
    guarded(f).map_err(PyErr::from)
}
