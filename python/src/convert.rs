//! Conversions between Python values and what the core takes: input bytes, instants, JSON.

use std::ops::Deref;

use chrono::{DateTime, Utc};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::errors::Failure;

/// Input bytes, borrowed from the Python object when it is `bytes` or `str` (no copy), read
/// from the file when it is an `os.PathLike`.
pub enum Data {
    /// `bytes` (zero-copy).
    Bytes(PyBackedBytes),
    /// `str`: the text itself (JSON or a compact JWS), UTF-8 (zero-copy).
    Text(PyBackedStr),
    /// A file's content, or a `bytearray`/`memoryview` copied.
    Owned(Vec<u8>),
}

impl Deref for Data {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Data::Bytes(bytes) => bytes,
            Data::Text(text) => text.as_bytes(),
            Data::Owned(bytes) => bytes,
        }
    }
}

/// `what` (a parameter name) as bytes: `bytes`, `bytearray`/`memoryview`, `str` (the content,
/// not a file name) or `os.PathLike` (read here; an unreadable file is an `EblIOError` naming
/// it). Anything else is a `TypeError` naming the parameter.
pub fn data(obj: &Bound<'_, PyAny>, what: &str) -> Result<Data, Failure> {
    if obj.is_instance_of::<PyBytes>() {
        return Ok(Data::Bytes(obj.extract().map_err(PyErr::from)?));
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(Data::Text(obj.extract()?));
    }
    let py = obj.py();
    let os = py.import("os")?;
    if obj.is_instance(&os.getattr("PathLike")?)? {
        let path: std::path::PathBuf = os.getattr("fspath")?.call1((obj,))?.extract()?;
        return std::fs::read(&path)
            .map(Data::Owned)
            .map_err(|e| Failure::Io(format!("{what}: cannot read {}: {e}", path.display())));
    }
    if let Ok(view) = py.import("builtins")?.getattr("memoryview")?.call1((obj,)) {
        let bytes: Vec<u8> = view.call_method0("tobytes")?.extract()?;
        return Ok(Data::Owned(bytes));
    }
    Err(type_error(obj, what, "bytes, str or os.PathLike"))
}

/// `data`, or a `dict`/`list` serialised to JSON (for documents built in Python).
pub fn json_data(obj: &Bound<'_, PyAny>, what: &str) -> Result<Data, Failure> {
    if obj.is_instance_of::<PyDict>() || obj.is_instance_of::<PyList>() {
        let json = obj.py().import("json")?;
        let kwargs = PyDict::new(obj.py());
        kwargs.set_item("allow_nan", false)?;
        kwargs.set_item("ensure_ascii", false)?;
        let text: String = json
            .call_method("dumps", (obj,), Some(&kwargs))?
            .extract()?;
        return Ok(Data::Owned(text.into_bytes()));
    }
    data(obj, what)
}

/// A `TypeError` saying which parameter wanted what.
pub fn type_error(obj: &Bound<'_, PyAny>, what: &str, wanted: &str) -> Failure {
    let got = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned());
    Failure::Python(pyo3::exceptions::PyTypeError::new_err(format!(
        "{what}: expected {wanted}, got {got}"
    )))
}

/// A timezone-aware `datetime` as a UTC instant; a naive one is refused (the core never
/// guesses a time zone: a verdict must be replayable).
pub fn instant(obj: &Bound<'_, PyAny>, what: &str) -> Result<DateTime<Utc>, Failure> {
    let datetime = obj.py().import("datetime")?.getattr("datetime")?;
    if !obj.is_instance(&datetime)? {
        return Err(type_error(obj, what, "a timezone-aware datetime.datetime"));
    }
    if obj.call_method0("utcoffset")?.is_none() {
        return Err(Failure::Argument(format!(
            "{what}: a naive datetime is ambiguous; give a timezone-aware one \
             (for example datetime(2026, 6, 1, tzinfo=timezone.utc))"
        )));
    }
    let text: String = obj.call_method0("isoformat")?.extract()?;
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| Failure::Argument(format!("{what}: {text} is not an RFC 3339 instant: {e}")))
}

/// A UTC instant as a timezone-aware `datetime` (UTC).
pub fn datetime<'py>(py: Python<'py>, at: DateTime<Utc>) -> PyResult<Bound<'py, PyAny>> {
    py.import("datetime")?
        .getattr("datetime")?
        .call_method1("fromisoformat", (at.to_rfc3339(),))
}

/// A JSON value as Python objects (`dict`, `list`, `str`, `int`, `float`, `bool`, `None`),
/// through the standard `json` module so that numbers read as Python reads them.
pub fn to_python<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?
        .call_method1("loads", (value.to_string(),))
}

/// Compact or indented JSON text of a value, as `json.dumps` would format it for `indent`.
pub fn json_text(value: &serde_json::Value, indent: Option<usize>) -> String {
    match indent {
        None => value.to_string(),
        Some(width) => {
            let mut out = Vec::new();
            let spaces = " ".repeat(width);
            let formatter = serde_json::ser::PrettyFormatter::with_indent(spaces.as_bytes());
            let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
            match serde::Serialize::serialize(value, &mut serializer) {
                Ok(()) => String::from_utf8(out).unwrap_or_default(),
                Err(_) => value.to_string(),
            }
        }
    }
}

/// The string member `key` of a JSON object the core produced (`None` when it is absent or
/// not a string). The result classes read their fields with it, so they all agree on what
/// a missing field reads as.
pub fn member_text(value: &serde_json::Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(serde_json::Value::as_str)
        .map(str::to_owned)
}

/// How many items the array member `key` of a JSON object the core produced holds (0 when it
/// is absent or not an array): the counts `__repr__` shows.
pub fn member_count(value: &serde_json::Value, key: &str) -> usize {
    value
        .get(key)
        .and_then(serde_json::Value::as_array)
        .map_or(0, Vec::len)
}

/// Parses JSON the core produced (for pickling) back into a value.
pub fn parse_own_json(text: &str) -> Result<serde_json::Value, Failure> {
    ebl::json::parse(text.as_bytes()).map_err(|e| Failure::from(ebl::Error::from(e)))
}

impl AsRef<[u8]> for Data {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

/// A string as Python's `repr` writes it (for `__repr__`): single quotes unless the text holds
/// one and no double quote, backslash escapes for quotes, backslashes and control characters.
pub fn repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// [`repr`] of an optional string: `None` when absent.
pub fn repr_opt(text: Option<&str>) -> String {
    text.map_or_else(|| "None".to_owned(), repr)
}
