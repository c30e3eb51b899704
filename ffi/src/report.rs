//! `ebl_report`: one read-only handle for every verdict the library gives — a verification,
//! a received envelope, a title replay, a document upload check, a response check, a trust
//! list check and a recognition — readable field by field and as the JSON the core (and
//! `ebl … --json`) prints. The fields are taken from the core's result when the handle is
//! made, so reading them is a borrow, never a computation.

use ebl_core::Error;
use ebl_core::pint::{
    DocumentMetadata, DocumentUploadReport, EnvelopeTransferFinishedResponse, ReceivedEnvelope,
};
use ebl_core::recognition::RecognitionOutcome;
use ebl_core::report::{Finding, Severity};
use ebl_core::title::Replay;
use ebl_core::trust::TrustListVerdict;
use ebl_core::verify::{Verification, unusable_json};
use serde_json::Value;

use crate::boundary::call;
use crate::handle::free_handle;
use crate::ptr::{arg_out, arg_ref, set_out};
use crate::result::ebl_result;
use crate::types::{ebl_bytes, ebl_str};

/// One finding of a report (for a recognition: one criterion, with `code` its id,
/// `severity` its status and `message` its reason). Every string is a view valid while the
/// report lives; an absent one is empty.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ebl_finding {
    /// A stable, machine-readable code such as `signature-invalid`.
    pub code: ebl_str,
    /// `error`, `warning` or `info` (for a criterion: `satisfied`, `not-satisfied`,
    /// `indeterminate`).
    pub severity: ebl_str,
    /// The JSON path the finding is about (`$.transportDocument…`), or empty.
    pub path: ebl_str,
    /// What was found, for people.
    pub message: ebl_str,
    /// For a recognition criterion: the legal citation; otherwise empty.
    pub citation: ebl_str,
    /// For PINT: the transfer-chain entry (0-based); -1 when not about an entry.
    pub entry: i64,
}

struct Item {
    code: String,
    severity: String,
    path: String,
    message: String,
    citation: String,
}

/// What a report was made from: kept as the core returned it, so that making a report costs
/// nothing beyond the core call (its JSON is built when asked for).
// The report itself is boxed (it is a C handle); boxing a variant too would add an allocation.
#[allow(clippy::large_enum_variant)]
enum Source {
    Verification(Verification),
    Received(ReceivedEnvelope),
    Replay(Replay),
    Upload(DocumentUploadReport),
    /// A result whose JSON is all it has (an unusable input, a response, a trust list, a
    /// recognition), with its findings as text.
    Json(Value, Vec<Item>),
}

impl Source {
    fn findings(&self) -> &[Finding] {
        match self {
            Source::Verification(v) => &v.findings,
            Source::Received(r) => &r.report.findings,
            Source::Replay(r) => &r.findings,
            Source::Upload(u) => &u.findings,
            Source::Json(..) => &[],
        }
    }

    fn json(&self) -> Value {
        match self {
            Source::Verification(v) => v.to_json_value(),
            Source::Received(r) => r.to_json_value(),
            Source::Replay(r) => serde_json::to_value(r).unwrap_or(Value::Null),
            Source::Upload(u) => serde_json::to_value(u).unwrap_or(Value::Null),
            Source::Json(value, _) => value.clone(),
        }
    }
}

fn severity_text(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// A verdict, read-only: share it between threads freely. Its kind (`ebl_report_kind`) says
/// which call made it: `verification`, `envelope` (received), `title-replay`,
/// `document-upload`, `response`, `trust-list` or `recognition`. Free with `ebl_report_free`;
/// every `ebl_str` read from it is valid until then.
pub struct ebl_report {
    kind: &'static str,
    valid: bool,
    format: (&'static str, &'static str),
    response_code: (&'static str, &'static str),
    verdict: String,
    error: Option<(u32, String)>,
    transfer_done: bool,
    source: Source,
}

impl ebl_report {
    fn new(kind: &'static str, valid: bool, source: Source) -> ebl_report {
        ebl_report {
            kind,
            valid,
            format: ("", ""),
            response_code: ("", ""),
            verdict: String::new(),
            error: None,
            transfer_done: false,
            source,
        }
    }

    fn with_response_code(mut self, code: Option<ebl_core::pint::ResponseCode>) -> ebl_report {
        if let Some(code) = code {
            self.response_code = (code.as_str(), code.description());
        }
        self
    }

    fn with_format(mut self, format: ebl_core::detect::Format) -> ebl_report {
        self.format = (format.as_str(), format.description());
        self
    }

    /// The documents a PINT envelope declares (for `ebl_document_upload_check`).
    pub(crate) fn declared_documents(&self) -> &[DocumentMetadata] {
        match &self.source {
            Source::Verification(v) => v.pint.as_ref().map_or(&[], |p| &p.declared_documents),
            Source::Received(r) => &r.report.declared_documents,
            _ => &[],
        }
    }

    fn document_reference(&self) -> &str {
        match &self.source {
            Source::Verification(v) => v.document_reference.as_deref().unwrap_or(""),
            _ => "",
        }
    }

    fn last_entry_checksum(&self) -> &str {
        let checksum = match &self.source {
            Source::Verification(v) => v
                .pint
                .as_ref()
                .and_then(|p| p.last_entry_checksum.as_deref()),
            Source::Received(r) => r.report.last_entry_checksum.as_deref(),
            _ => None,
        };
        checksum.unwrap_or("")
    }

    fn signed_response(&self) -> &str {
        match &self.source {
            Source::Received(r) => &r.response,
            _ => "",
        }
    }

    fn finding_count(&self) -> usize {
        match &self.source {
            Source::Json(_, items) => items.len(),
            source => source.findings().len(),
        }
    }

    fn finding(&self, index: usize) -> Option<ebl_finding> {
        if let Source::Json(_, items) = &self.source {
            return items.get(index).map(|item| ebl_finding {
                code: ebl_str::of(&item.code),
                severity: ebl_str::of(&item.severity),
                path: ebl_str::of(&item.path),
                message: ebl_str::of(&item.message),
                citation: ebl_str::of(&item.citation),
                entry: -1,
            });
        }
        self.source.findings().get(index).map(|f| ebl_finding {
            code: ebl_str::of(&f.code),
            severity: ebl_str::of(severity_text(f.severity)),
            path: ebl_str::of(&f.path),
            message: ebl_str::of(&f.message),
            citation: ebl_str::empty(),
            entry: f.entry.and_then(|e| i64::try_from(e).ok()).unwrap_or(-1),
        })
    }

    /// The verdict of `ebl_verify`.
    pub fn verification(verification: Verification) -> ebl_report {
        let (valid, format, code) = (
            verification.valid,
            verification.format,
            verification.response_code,
        );
        ebl_report::new("verification", valid, Source::Verification(verification))
            .with_format(format)
            .with_response_code(code)
    }

    /// An input `ebl_verify_batch` could not evaluate: invalid, format `unknown`, with the
    /// error (its JSON is the core's `unusable_json`, what `ebl verify --json` prints).
    pub fn unusable(error: &Error) -> ebl_report {
        let source = Source::Json(unusable_json(error), Vec::new());
        let mut report = ebl_report::new("verification", false, source)
            .with_format(ebl_core::detect::Format::Unknown);
        report.error = Some((error.code().as_u32(), error.to_string()));
        report
    }

    /// A received envelope, with the signed response to send back.
    pub fn received(received: ReceivedEnvelope) -> ebl_report {
        let (valid, code) = (received.is_accepted(), received.report.response_code);
        ebl_report::new("envelope", valid, Source::Received(received))
            .with_format(ebl_core::detect::Format::PintEnvelope)
            .with_response_code(Some(code))
    }

    /// A title history replayed.
    pub fn replay(replay: Replay) -> ebl_report {
        ebl_report::new("title-replay", replay.is_valid(), Source::Replay(replay))
    }

    /// An additional document upload checked.
    pub fn upload(upload: DocumentUploadReport) -> ebl_report {
        let (valid, code) = (upload.is_accepted(), upload.response_code);
        ebl_report::new("document-upload", valid, Source::Upload(upload)).with_response_code(code)
    }

    /// A signed response whose signature verified.
    pub fn response(response: &EnvelopeTransferFinishedResponse) -> ebl_report {
        let json = serde_json::to_value(response).unwrap_or(Value::Null);
        let mut report = ebl_report::new("response", true, Source::Json(json, Vec::new()))
            .with_format(ebl_core::detect::Format::PintResponse)
            .with_response_code(Some(response.response_code));
        report.transfer_done = response.transfer_done();
        report
    }

    /// A signed trust list checked: accepted with what importing it changes, or refused with
    /// the reason (as the report's error).
    pub fn trust_list(verdict: TrustListVerdict) -> ebl_report {
        match verdict {
            TrustListVerdict::Accepted(summary) => {
                let json = serde_json::json!({"valid": true, "import": summary});
                ebl_report::new("trust-list", true, Source::Json(json, Vec::new()))
            }
            TrustListVerdict::Refused(error) => {
                let json = serde_json::json!({
                    "valid": false,
                    "error": error.to_string(),
                    "errorCode": error.code().name(),
                    "errorNumber": error.code().as_u32(),
                });
                let mut report =
                    ebl_report::new("trust-list", false, Source::Json(json, Vec::new()));
                report.error = Some((error.code().as_u32(), error.to_string()));
                report
            }
        }
    }

    /// A recognition: the record's verification and the criterion-by-criterion report.
    pub fn recognition(outcome: &RecognitionOutcome) -> ebl_report {
        let verification = &outcome.verification;
        let criteria = outcome
            .report
            .criteria
            .iter()
            .map(|criterion| Item {
                code: criterion.id.clone(),
                severity: criterion.status.to_string(),
                path: String::new(),
                message: criterion.reason.clone(),
                citation: criterion.citation.clone(),
            })
            .collect();
        let source = Source::Json(outcome.to_json_value(), criteria);
        let mut report = ebl_report::new("recognition", verification.valid, source)
            .with_format(verification.format)
            .with_response_code(verification.response_code);
        report.verdict = serde_json::to_value(outcome.report.verdict)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        report
    }
}

/// JSON as the CLI prints it: pretty (two-space indent) or on one line.
pub fn json_text(value: &Value, pretty_print: bool) -> String {
    let text = if pretty_print {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.unwrap_or_default()
}

/// Pretty JSON text.
pub fn pretty(value: &Value) -> String {
    json_text(value, true)
}

/// Which call made the report: `verification`, `envelope`, `title-replay`,
/// `document-upload`, `response`, `trust-list` or `recognition` (a static string).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_kind(report: *const ebl_report, out: *mut ebl_str) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(out, ebl_str::of(arg_ref!(report)?.kind));
        Ok(())
    })
}

/// Whether the input passed (for an envelope: accepted, `RECE`; for a recognition: whether
/// the record verified — its verdict is `ebl_report_verdict`).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_is_valid(report: *const ebl_report, out: *mut bool) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(out, arg_ref!(report)?.valid);
        Ok(())
    })
}

/// The format the input was read as (`dcsa-pint-envelope`, `openattestation-v2`, …,
/// `unknown`; empty when the kind has none) and its description for people. Views valid
/// while `report` lives.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_format(
    report: *const ebl_report,
    name: *mut ebl_str,
    description: *mut ebl_str,
) -> ebl_result {
    call(|| {
        let (name, description) = (arg_out!(name)?, arg_out!(description)?);
        let report = arg_ref!(report)?;
        set_out!(name, ebl_str::of(report.format.0));
        set_out!(description, ebl_str::of(report.format.1));
        Ok(())
    })
}

/// The PINT response code (`RECE`, `BSIG`, `BENV`, `MDOC`, `INCD` …) and its description;
/// both empty when there is none. Views valid while `report` lives.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_response_code(
    report: *const ebl_report,
    code: *mut ebl_str,
    description: *mut ebl_str,
) -> ebl_result {
    call(|| {
        let (code, description) = (arg_out!(code)?, arg_out!(description)?);
        let report = arg_ref!(report)?;
        set_out!(code, ebl_str::of(report.response_code.0));
        set_out!(description, ebl_str::of(report.response_code.1));
        Ok(())
    })
}

/// A recognition's verdict, as its JSON spells it: `recognised-subject-to-reliability`,
/// `not-recognised` or `indeterminate`; empty for other kinds. A view valid while `report` lives.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_verdict(report: *const ebl_report, out: *mut ebl_str) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(out, ebl_str::of(&arg_ref!(report)?.verdict));
        Ok(())
    })
}

/// The document's own reference (`transportDocumentReference`, B/L number …) when the
/// verification found one; empty otherwise. A view valid while `report` lives.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_document_reference(
    report: *const ebl_report,
    out: *mut ebl_str,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(out, ebl_str::of(arg_ref!(report)?.document_reference()));
        Ok(())
    })
}

/// For a PINT envelope (kinds `verification` and `envelope`): the SHA-256 of its last
/// transfer-chain entry, which the receiver's signed response must name (give it to
/// `ebl_response_verify`); empty otherwise. A view valid while `report` lives.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_last_entry_checksum(
    report: *const ebl_report,
    out: *mut ebl_str,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(out, ebl_str::of(arg_ref!(report)?.last_entry_checksum()));
        Ok(())
    })
}

/// Why the input could not be evaluated (a batch entry) or was refused (a trust list):
/// `*code` the `ebl_result` number and `*message` the text; 0 and empty when there is no
/// error. The view is valid while `report` lives.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_error(
    report: *const ebl_report,
    code: *mut u32,
    message: *mut ebl_str,
) -> ebl_result {
    call(|| {
        let (code, message) = (arg_out!(code)?, arg_out!(message)?);
        let report = arg_ref!(report)?;
        let (number, text) = report
            .error
            .as_ref()
            .map_or((0, ""), |(n, t)| (*n, t.as_str()));
        set_out!(code, number);
        set_out!(message, ebl_str::of(text));
        Ok(())
    })
}

/// The number of findings (criteria, for a recognition).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_finding_count(
    report: *const ebl_report,
    out: *mut usize,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(out, arg_ref!(report)?.finding_count());
        Ok(())
    })
}

/// Finding `index` (0-based, below `ebl_report_finding_count`; beyond it is
/// `EBL_RESULT_INVALID_ARGUMENT`). Its views are valid while `report` lives.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_finding(
    report: *const ebl_report,
    index: usize,
    out: *mut ebl_finding,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let report = arg_ref!(report)?;
        let finding = report.finding(index).ok_or_else(|| {
            Error::InvalidArgument(format!(
                "index {index} is out of range: the report has {} findings",
                report.finding_count()
            ))
        })?;
        set_out!(out, finding);
        Ok(())
    })
}

/// For a verified signed response (kind `response`, from `ebl_response_verify`): whether the
/// transfer is done and the eBL has left the sender — `RECE`, or `DUPE` (an earlier attempt of
/// this transfer was accepted and its answer lost). False for every other code and kind.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_transfer_done(
    report: *const ebl_report,
    out: *mut bool,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(out, arg_ref!(report)?.transfer_done);
        Ok(())
    })
}

/// For a received envelope: the signed `EnvelopeTransferFinishedResponse` (compact JWS) to
/// send back; empty for other kinds. A view valid while `report` lives.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_signed_response(
    report: *const ebl_report,
    out: *mut ebl_str,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        set_out!(out, ebl_str::of(arg_ref!(report)?.signed_response()));
        Ok(())
    })
}

/// The report as JSON, exactly the object the core returns (for `ebl_verify`, what
/// `ebl verify --json` prints for a file, less `"file"`): pretty-printed with two-space
/// indents when `pretty_print` is true, else on one line. On success `*out` owns bytes to free
/// with `ebl_bytes_free`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_to_json(
    report: *const ebl_report,
    pretty_print: bool,
    out: *mut *mut ebl_bytes,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let text = json_text(&arg_ref!(report)?.source.json(), pretty_print);
        set_out!(out, ebl_bytes::from_string(text));
        Ok(())
    })
}

/// Frees a report (and with it every view read from it). NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_free(report: *mut ebl_report) {
    free_handle!(report);
}
