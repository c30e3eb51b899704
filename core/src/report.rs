//! Findings: what verification and validation report instead of stopping at the first problem.
//!
//! Every checker in `ebl` (document validation, PINT envelope verification, OpenAttestation
//! verification, title replay) returns a list of [`Finding`]s. A finding says *what* is wrong
//! (a stable `code`), *how bad* ([`Severity`]), *where* (a JSON path such as
//! `$.documentParties.shipper.partyName`, and for PINT the chain-entry index) and a message a
//! port operator can read.
//!
//! ```
//! use ebl::report::{Finding, Severity};
//!
//! let f = Finding::error("required", "$.transportDocumentReference", "missing required field");
//! assert_eq!(f.severity, Severity::Error);
//! assert_eq!(f.to_string(), "error [required] $.transportDocumentReference: missing required field");
//! ```

use serde::{Deserialize, Serialize};

/// How much a finding matters.
///
/// ```
/// use ebl::report::Severity;
///
/// assert_eq!(Severity::Warning.to_string(), "warning");
/// assert_eq!(serde_json::to_string(&Severity::Error).unwrap(), r#""error""#);
/// assert!(Severity::Error < Severity::Info); // sorting puts errors first
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input fails: a verdict that depends on it is negative.
    Error,
    /// Accepted, but worth a human's attention (for example a lenient reading a peer also makes).
    Warning,
    /// For information only.
    Info,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// One observation about an input, with where it was made.
///
/// ```
/// use ebl::report::{Finding, Severity};
///
/// let f = Finding::warning("unknown-code", "$.transportDocumentStatus", "not a DCSA status");
/// assert_eq!((f.severity, f.path.as_str()), (Severity::Warning, "$.transportDocumentStatus"));
/// let json = serde_json::to_value(&f).unwrap();
/// assert_eq!(json["code"], "unknown-code");
/// assert!(json.get("entry").is_none()); // only set for PINT transfer-chain entries
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// A stable, machine-readable code such as `required` or `checksum-mismatch`.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// A JSON path into the input (`$` is the root), see [`crate::json::JsonPath`].
    pub path: String,
    /// What was found, in words.
    pub message: String,
    /// For PINT envelopes: the index of the transfer-chain entry concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<usize>,
}

impl Finding {
    /// A finding of the given severity.
    ///
    /// ```
    /// use ebl::report::{Finding, Severity};
    ///
    /// let f = Finding::new(Severity::Info, "note", "$.a", "for information");
    /// assert_eq!(f.to_string(), "info [note] $.a: for information");
    /// assert!(!f.is_error());
    /// ```
    pub fn new(
        severity: Severity,
        code: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            code: code.into(),
            severity,
            path: path.into(),
            message: message.into(),
            entry: None,
        }
    }

    /// An [`Severity::Error`] finding.
    ///
    /// ```
    /// let f = ebl::report::Finding::error("required", "$.shipper", "missing");
    /// assert_eq!(f.severity, ebl::report::Severity::Error);
    /// assert!(f.is_error());
    /// ```
    pub fn error(
        code: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding::new(Severity::Error, code, path, message)
    }

    /// A [`Severity::Warning`] finding.
    ///
    /// ```
    /// let f = ebl::report::Finding::warning("unknown-code", "$.status", "not in the code list");
    /// assert_eq!(f.severity, ebl::report::Severity::Warning);
    /// assert!(!f.is_error());
    /// ```
    pub fn warning(
        code: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding::new(Severity::Warning, code, path, message)
    }

    /// The same finding, attached to a PINT transfer-chain entry.
    ///
    /// ```
    /// let f = ebl::report::Finding::error("bad-signature", "$.signature", "does not verify").at_entry(2);
    /// assert_eq!(f.entry, Some(2));
    /// assert_eq!(f.to_string(), "error [bad-signature] entry 2 $.signature: does not verify");
    /// ```
    #[must_use]
    pub fn at_entry(mut self, index: usize) -> Finding {
        self.entry = Some(index);
        self
    }

    /// Whether this finding makes its input fail.
    ///
    /// ```
    /// use ebl::report::Finding;
    ///
    /// assert!(Finding::error("e", "$", "broken").is_error());
    /// assert!(!Finding::warning("w", "$", "odd").is_error());
    /// ```
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} [{}] ", self.severity, self.code)?;
        if let Some(entry) = self.entry {
            write!(f, "entry {entry} ")?;
        }
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Whether a list of findings contains no [`Severity::Error`].
///
/// ```
/// use ebl::report::{is_clean, Finding};
/// assert!(is_clean(&[Finding::warning("w", "$", "just a warning")]));
/// assert!(!is_clean(&[Finding::error("e", "$", "broken")]));
/// ```
#[must_use]
pub fn is_clean(findings: &[Finding]) -> bool {
    !findings.iter().any(Finding::is_error)
}
