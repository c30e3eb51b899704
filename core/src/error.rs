//! One error type for the library's entry points, with a stable numeric [`ErrorCode`].
//!
//! Each area owns the detailed error enum for its layer (for example [`crate::json::JsonError`],
//! returned by [`crate::json::parse`]); entry points such as verification, PINT envelopes,
//! recognition and trust imports return [`Result<T>`], whose [`Error`] wraps every area's
//! error (`From` impls make `?` work), so a caller can match on the area or just print the
//! message. The codes themselves live in a leaf module that imports no area. The [`ErrorCode`] of every
//! variant is fixed forever: the C API returns it as `ebl_result` and the Python package as
//! `EblError.code`, so the three surfaces cannot drift apart.
//!
//! ```
//! use ebl::{json, ErrorCode};
//!
//! let err = json::parse(br#"{"a": 1, "a": 2}"#).unwrap_err();
//! assert_eq!(err.code(), ErrorCode::JsonDuplicateKey);
//! assert_eq!(err.code().as_u32(), 101);
//! assert!(err.to_string().contains("duplicate key"));
//! ```

use crate::crypto::CryptoError;
use crate::json::JsonError;
use crate::model::ModelError;
use crate::pint::PintError;
use crate::recognition::RecognitionError;
use crate::title::TitleError;
use crate::trust::TrustError;

pub use crate::code::ErrorCode;

/// The result type of every fallible `ebl` call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `ebl`.
///
/// Verification *verdicts* are not errors: a bad signature inside an envelope is a finding in
/// a report. An `Error` means the input could not be evaluated at all (malformed, oversized,
/// unsupported) or an operation such as signing could not be carried out.
///
/// ```
/// use ebl::{json, Error, ErrorCode};
///
/// let err: Error = json::parse(b"[1, 2").unwrap_err().into();
/// match err {
///     Error::Json(e) => assert_eq!(e.code(), ErrorCode::JsonSyntax),
///     other => panic!("expected a JSON error, got {other:?}"),
/// }
/// let err = Error::InvalidArgument("indent must be at most 10".into());
/// assert_eq!(err.to_string(), "invalid argument: indent must be at most 10");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not acceptable JSON (see [`JsonError`]).
    #[error(transparent)]
    Json(#[from] JsonError),
    /// A title history could not be read or written (see [`TitleError`]).
    #[error(transparent)]
    Title(#[from] TitleError),
    /// A key, algorithm, JWS or certificate was refused (see [`CryptoError`]). A
    /// [`CryptoError::Json`] converts to [`Error::Json`] instead.
    #[error(transparent)]
    Crypto(CryptoError),
    /// A transport document could not be built or was refused (see [`ModelError`]).
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A PINT envelope or response could not be built (see [`PintError`]).
    #[error(transparent)]
    Pint(#[from] PintError),
    /// The title registry could not be opened, read or written (see
    /// [`RegistryError`](crate::title::RegistryError)).
    #[error(transparent)]
    Registry(#[from] crate::title::RegistryError),
    /// The input is JSON, but not in a format this build of `ebl` verifies.
    #[error(
        "not a format ebl can verify (detected: {format}); expected a DCSA PINT envelope, transport document or issuance request, or an OpenAttestation v2 document"
    )]
    UnsupportedFormat {
        /// The detected format's name.
        format: String,
    },
    /// A trust store or trust list was refused (see [`TrustError`]).
    #[error(transparent)]
    Trust(#[from] TrustError),
    /// A rule file or recognition request was refused (see [`RecognitionError`]).
    #[error(transparent)]
    Recognition(#[from] RecognitionError),
    /// An argument given by the caller is not usable; the message says which and why.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// A required argument was absent (a null pointer in C, `None` in Python); the string
    /// names the argument. Rust callers never see it: the bindings construct it.
    ///
    /// ```
    /// let err = ebl::Error::NullArgument("envelope".into());
    /// assert_eq!(err.code(), ebl::ErrorCode::NullArgument);
    /// assert_eq!(err.to_string(), "null argument: envelope");
    /// ```
    #[error("null argument: {0}")]
    NullArgument(String),
    /// A panic was caught at a binding boundary instead of unwinding into foreign code; the
    /// string is the panic message. It always means a bug in `ebl`; please report it.
    ///
    /// ```
    /// let err = ebl::Error::PanicCaught("index out of bounds".into());
    /// assert_eq!(err.code(), ebl::ErrorCode::PanicCaught);
    /// assert_eq!(err.to_string(), "panic caught at the API boundary: index out of bounds");
    /// ```
    #[error("panic caught at the API boundary: {0}")]
    PanicCaught(String),
    /// An OpenAttestation / TradeTrust operation failed (see
    /// [`OaError`](crate::openattestation::OaError)).
    #[cfg(feature = "openattestation")]
    #[error(transparent)]
    OpenAttestation(#[from] crate::openattestation::OaError),
    /// Reading or writing a file failed.
    #[error("{path}: {message}")]
    Io {
        /// The file concerned.
        path: String,
        /// What the operating system reported.
        message: String,
    },
}

impl From<CryptoError> for Error {
    /// Keeps one place for every JSON refusal: JSON inside a key or JWS is [`Error::Json`].
    fn from(error: CryptoError) -> Error {
        match error {
            CryptoError::Json(json) => Error::Json(json),
            other => Error::Crypto(other),
        }
    }
}

impl Error {
    /// The stable numeric code of this error, shared with the C and Python surfaces.
    ///
    /// ```
    /// use ebl::{json, ErrorCode};
    ///
    /// let err = json::parse(b"\xff").unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::JsonInvalidUtf8);
    /// assert_eq!(ebl::Error::InvalidArgument(String::new()).code(), ErrorCode::InvalidArgument);
    /// ```
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Json(e) => e.code(),
            Error::Title(e) => e.code(),
            Error::Crypto(e) => e.code(),
            Error::Model(e) => e.code(),
            Error::Pint(e) => e.code(),
            Error::Registry(e) => e.code(),
            Error::UnsupportedFormat { .. } => ErrorCode::UnsupportedFormat,
            Error::Trust(e) => e.code(),
            Error::Recognition(e) => e.code(),
            Error::InvalidArgument(_) => ErrorCode::InvalidArgument,
            Error::NullArgument(_) => ErrorCode::NullArgument,
            Error::PanicCaught(_) => ErrorCode::PanicCaught,
            #[cfg(feature = "openattestation")]
            Error::OpenAttestation(e) => e.code(),
            Error::Io { .. } => ErrorCode::Io,
        }
    }
}
