//! Strict JSON for untrusted input, RFC 8785 canonical bytes, and JavaScript-exact output.
//!
//! Everything `ebl` reads from outside goes through [`parse`] (or [`parse_with`]) first. Unlike
//! `serde_json::from_slice`, it refuses duplicate member names (a signature-bypass risk when a
//! signer and a verifier keep different copies), lone surrogates, numbers a double cannot hold,
//! excessive nesting and oversized input, and every refusal says where: a byte offset and a
//! [`JsonPath`].
//!
//! The parsed value is a plain [`serde_json::Value`] (with member order preserved), so typed
//! views are ordinary serde types; [`from_value`] converts and reports the JSON path of the
//! first value of the wrong shape.
//!
//! ```
//! use ebl::json;
//!
//! let value = json::parse(br#"{"z": 1, "a": "x"}"#)?;
//! assert_eq!(json::canonicalize(&value), br#"{"a":"x","z":1}"#);
//!
//! let deep = "[".repeat(200) + &"]".repeat(200);
//! let err = json::parse(deep.as_bytes()).unwrap_err();
//! assert_eq!(err.code(), ebl::ErrorCode::JsonTooDeep);
//! # Ok::<(), ebl::Error>(())
//! ```

mod canonical;
mod error;
mod number;
mod parse;
mod path;
mod scan;

pub use canonical::{
    canonical_string, canonicalize, canonicalize_bytes, to_js_string, to_js_string_pretty,
    write_js_string,
};
pub use error::JsonError;
pub use number::{format_js_number, number_as_f64, write_js_number};
pub(crate) use parse::parse_value_at;
pub use parse::{DEFAULT_MAX_VALUES, Limits, MAX_DEPTH_CEILING, parse, parse_with};
pub use path::JsonPath;
pub(crate) use scan::plain_run;
pub use serde_json::{Map, Number, Value};

/// Converts a parsed value into a typed view, naming the JSON path of the first mismatch.
///
/// `base` is the path of `value` inside its document, so errors point into the whole input.
///
/// ```
/// use ebl::json::{from_value, parse, JsonPath};
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Party { name: String, codes: Vec<u32> }
///
/// let v = parse(br#"{"name": "ACME", "codes": [1, "two"]}"#)?;
/// let err = from_value::<Party>(&v, &JsonPath::root().key("shipper")).unwrap_err();
/// assert!(err.to_string().starts_with("$.shipper.codes[1]: invalid type: string \"two\""));
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn from_value<T: serde::de::DeserializeOwned>(
    value: &Value,
    base: &JsonPath,
) -> Result<T, JsonError> {
    // The plain conversion is several times faster; the path is only worth tracking once it
    // has failed, to say where.
    if let Ok(typed) = T::deserialize(value) {
        return Ok(typed);
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let mut path = base.clone();
        for segment in e.path().iter() {
            path = match segment {
                serde_path_to_error::Segment::Seq { index } => path.index(*index),
                serde_path_to_error::Segment::Map { key } => path.key(key),
                serde_path_to_error::Segment::Enum { variant } => path.key(variant),
                serde_path_to_error::Segment::Unknown => path,
            };
        }
        let message = e.into_inner().to_string();
        JsonError::Shape {
            path: path.into(),
            message,
        }
    })
}

/// Parses untrusted bytes strictly and converts them into a typed view in one step.
///
/// ```
/// use std::collections::BTreeMap;
///
/// let counts: BTreeMap<String, u32> = ebl::json::from_slice(br#"{"BOL": 3, "SWB": 1}"#)?;
/// assert_eq!(counts["BOL"], 3);
/// // Unlike serde_json::from_slice, a repeated member is refused.
/// assert!(ebl::json::from_slice::<BTreeMap<String, u32>>(br#"{"a": 1, "a": 2}"#).is_err());
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn from_slice<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, JsonError> {
    from_value(&parse(bytes)?, &JsonPath::root())
}
