//! What can go wrong loading rule data or evaluating a recognition request (codes 8xx).

use crate::code::ErrorCode;

/// Why a rule file or a recognition request was refused.
///
/// Rule-file errors name the file (or `embedded:…`) and the JSON path of the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecognitionError {
    /// The file is not a rule file of the documented shape.
    #[error("{source_name}: {path}: {message}")]
    RulesInvalid {
        /// Where the data came from.
        source_name: String,
        /// JSON path of the offending value.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A cell names a criterion id the library does not know.
    #[error("{source_name}: {path}: unknown criterion id '{id}'")]
    UnknownCriterion {
        /// Where the data came from.
        source_name: String,
        /// JSON path of the id.
        path: String,
        /// The id as written.
        id: String,
    },
    /// A cell has no citation.
    #[error("{source_name}: {path}: missing citation (every cell must cite its source)")]
    MissingCitation {
        /// Where the data came from.
        source_name: String,
        /// JSON path of the cell.
        path: String,
    },
    /// Two cells for the same criterion are in force at the same time.
    #[error("{source_name}: {path}: effective dates of '{criterion}' overlap with {other}")]
    OverlappingDates {
        /// Where the data came from.
        source_name: String,
        /// JSON path of the later cell.
        path: String,
        /// The criterion concerned.
        criterion: String,
        /// JSON path of the cell it overlaps.
        other: String,
    },
    /// A criterion has no cell in force for some period after the regime starts.
    #[error("{source_name}: {path}: {message}")]
    Incomplete {
        /// Where the data came from.
        source_name: String,
        /// JSON path concerned.
        path: String,
        /// Which criterion is not covered, and when.
        message: String,
    },
    /// A cell's `params` do not apply to its criterion or are malformed.
    #[error("{source_name}: {path}: {message}")]
    InvalidParams {
        /// Where the data came from.
        source_name: String,
        /// JSON path of the parameter.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A name refers to a jurisdiction, agreement or side that is not loaded.
    #[error("{what} '{id}' is not known{context}")]
    UnknownReference {
        /// `jurisdiction`, `agreement` or `agreement side`.
        what: &'static str,
        /// The id asked for.
        id: String,
        /// Where the reference was made, if from a file.
        context: String,
    },
    /// A target names an agreement with several sides without saying which side receives.
    #[error("agreement '{agreement}' has several sides: name the receiving one ({})", .sides.iter().map(|s| format!("{agreement}/{s}")).collect::<Vec<_>>().join(" or "))]
    AmbiguousTarget {
        /// The agreement's id.
        agreement: String,
        /// Its sides' jurisdiction ids.
        sides: Vec<String>,
    },
    /// A TradeTrust document was given for recognition without its title-escrow event log.
    #[error(
        "a TradeTrust document is recognised with its title-escrow event log, which says who holds title: give the log too (the format `ebl::openattestation::title_history_from_log` reads)"
    )]
    TitleLogMissing,
    /// A title-escrow event log was given with a record that is not a TradeTrust document.
    #[error("a title-escrow event log belongs to a TradeTrust document, and this is a {format}")]
    TitleLogNotApplicable {
        /// The detected format of the record.
        format: String,
    },
    /// The record is in a format recognition does not read (a bare transport document, say).
    #[error(
        "recognition of a {format} is not supported: give a DCSA PINT envelope (the record's signed history) or a TradeTrust document with its title-escrow log"
    )]
    UnsupportedRecord {
        /// The detected format of the record.
        format: String,
    },
    /// One of the side inputs of a recognition request (the title log, the receiver's
    /// evidence) could not be read; `error` says why and carries the code.
    #[error("{part}: {error}")]
    RequestPartUnreadable {
        /// Which input.
        part: RecognitionRequestPart,
        /// Why it was refused.
        error: Box<crate::Error>,
    },
    /// The facts given to `recognize` are inconsistent (an evidence item points at an event
    /// that does not exist, for example).
    #[error("recognition input: {path}: {message}")]
    InvalidInput {
        /// JSON path in the input.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl RecognitionError {
    /// The stable code of this error.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            RecognitionError::RulesInvalid { .. } => ErrorCode::RulesInvalid,
            RecognitionError::UnknownCriterion { .. } => ErrorCode::RulesUnknownCriterion,
            RecognitionError::MissingCitation { .. } => ErrorCode::RulesMissingCitation,
            RecognitionError::OverlappingDates { .. } => ErrorCode::RulesOverlappingDates,
            RecognitionError::Incomplete { .. } => ErrorCode::RulesIncomplete,
            RecognitionError::InvalidParams { .. } => ErrorCode::RulesInvalidParams,
            RecognitionError::UnknownReference { .. } => ErrorCode::RulesUnknownReference,
            RecognitionError::AmbiguousTarget { .. } => ErrorCode::RulesUnknownReference,
            RecognitionError::InvalidInput { .. }
            | RecognitionError::TitleLogMissing
            | RecognitionError::TitleLogNotApplicable { .. } => ErrorCode::RecognitionInvalidInput,
            RecognitionError::UnsupportedRecord { .. } => ErrorCode::UnsupportedFormat,
            RecognitionError::RequestPartUnreadable { error, .. } => error.code(),
        }
    }
}

/// The side inputs of a recognition request, named in
/// [`RecognitionError::RequestPartUnreadable`] so a caller can tell which of its files or
/// buffers was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecognitionRequestPart {
    /// The TradeTrust title-escrow event log.
    TitleLog,
    /// The receiver's evidence (consents, governing law, registry check).
    Evidence,
}

impl std::fmt::Display for RecognitionRequestPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RecognitionRequestPart::TitleLog => "title log",
            RecognitionRequestPart::Evidence => "evidence",
        })
    }
}
