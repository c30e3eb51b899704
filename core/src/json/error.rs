//! What can be wrong with untrusted JSON bytes.

use crate::code::ErrorCode;

/// Why a JSON input was refused. Every variant names the place: a byte offset into the input
/// and, where the parser had got that far, the JSON path of the value being read.
///
/// ```
/// use ebl::json::{parse, JsonError};
///
/// // `json::parse` returns this type itself; entry points wrap it in `ebl::Error::Json`.
/// let err = parse(br#"{"a": [1, 2,]}"#).unwrap_err();
/// let JsonError::Syntax { offset, ref path, .. } = err else { panic!("{err:?}") };
/// assert_eq!((offset, path.as_str()), (12, "$.a[2]"));
/// assert_eq!(ebl::Error::from(err).code(), ebl::ErrorCode::JsonSyntax);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonError {
    /// Not well-formed JSON (RFC 8259).
    #[error("JSON syntax error at byte {offset} (in {path}): {message}")]
    Syntax {
        /// Byte offset of the offending character.
        offset: usize,
        /// JSON path of the value being read.
        path: String,
        /// What was expected or found.
        message: String,
    },
    /// An object has the same member name twice. serde_json would silently keep the last one,
    /// which lets a signer and a verifier disagree about what was signed.
    #[error("duplicate key {key:?} in the object at {path} (byte {offset})")]
    DuplicateKey {
        /// The repeated member name.
        key: String,
        /// JSON path of the object.
        path: String,
        /// Byte offset of the second occurrence.
        offset: usize,
    },
    /// Nesting deeper than the limit.
    #[error("JSON nested deeper than the limit of {limit} at {path} (byte {offset})")]
    TooDeep {
        /// The configured depth limit.
        limit: usize,
        /// JSON path where the limit was crossed.
        path: String,
        /// Byte offset of the opening bracket that crossed it.
        offset: usize,
    },
    /// The input is larger than the limit.
    #[error("JSON input of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input.
        size: usize,
        /// The configured size limit.
        limit: usize,
    },
    /// The input holds more values than the limit (code `JsonTooLarge`: its size in values).
    #[error("JSON input holds more than the limit of {limit} values, at {path} (byte {offset})")]
    TooManyValues {
        /// The configured value limit.
        limit: usize,
        /// JSON path of the first value over the limit.
        path: String,
        /// Byte offset of that value.
        offset: usize,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A `\u` escape encodes half of a UTF-16 surrogate pair with no partner.
    #[error("lone surrogate \\u{code:04X} at byte {offset} (in {path})")]
    LoneSurrogate {
        /// The surrogate code unit.
        code: u16,
        /// Byte offset of the escape.
        offset: usize,
        /// JSON path of the string.
        path: String,
    },
    /// A number that an IEEE-754 double cannot hold (I-JSON, RFC 7493 §2.2).
    #[error("number {text} at {path} (byte {offset}) {reason}")]
    NumberOutOfRange {
        /// The number as written.
        text: String,
        /// JSON path of the number.
        path: String,
        /// Byte offset of the number.
        offset: usize,
        /// Why it cannot round-trip.
        reason: String,
    },
    /// Well-formed JSON of the wrong shape for what was expected: a missing member, a string
    /// where a number belongs.
    #[error("{path}: {message}")]
    Shape {
        /// JSON path of the offending value.
        path: String,
        /// What was expected.
        message: String,
    },
}

impl JsonError {
    /// The stable code of this error.
    ///
    /// ```
    /// use ebl::json::JsonError;
    /// use ebl::ErrorCode;
    ///
    /// let err = JsonError::TooLarge { size: 20, limit: 10 };
    /// assert_eq!(err.code(), ErrorCode::JsonTooLarge);
    /// assert_eq!(ebl::Error::from(err).code(), ErrorCode::JsonTooLarge);
    /// ```
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            JsonError::Syntax { .. } => ErrorCode::JsonSyntax,
            JsonError::DuplicateKey { .. } => ErrorCode::JsonDuplicateKey,
            JsonError::TooDeep { .. } => ErrorCode::JsonTooDeep,
            JsonError::TooLarge { .. } | JsonError::TooManyValues { .. } => ErrorCode::JsonTooLarge,
            JsonError::InvalidUtf8 { .. } => ErrorCode::JsonInvalidUtf8,
            JsonError::LoneSurrogate { .. } => ErrorCode::JsonLoneSurrogate,
            JsonError::NumberOutOfRange { .. } => ErrorCode::JsonNumberOutOfRange,
            JsonError::Shape { .. } => ErrorCode::JsonShape,
        }
    }
}
