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
use ebl_core::report::Finding;
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
    entry: Option<usize>,
}

impl From<&Finding> for Item {
    fn from(finding: &Finding) -> Item {
        Item {
            code: finding.code.clone(),
            severity: finding.severity.to_string(),
            path: finding.path.clone(),
            message: finding.message.clone(),
            citation: String::new(),
            entry: finding.entry,
        }
    }
}

/// A verdict, read-only: share it between threads freely. Its kind (`ebl_report_kind`) says
/// which call made it: `verification`, `envelope` (received), `title-replay`,
/// `document-upload`, `response`, `trust-list` or `recognition`. Free with `ebl_report_free`;
/// every `ebl_str` read from it is valid until then.
pub struct ebl_report {
    kind: &'static str,
    valid: bool,
    format: String,
    format_description: String,
    response_code: String,
    response_description: String,
    verdict: String,
    document_reference: String,
    last_entry_checksum: String,
    error: Option<(u32, String)>,
    findings: Vec<Item>,
    json: Value,
    signed_response: String,
    pub(crate) declared_documents: Vec<DocumentMetadata>,
}

impl ebl_report {
    fn new(kind: &'static str, valid: bool, json: Value) -> ebl_report {
        ebl_report {
            kind,
            valid,
            format: String::new(),
            format_description: String::new(),
            response_code: String::new(),
            response_description: String::new(),
            verdict: String::new(),
            document_reference: String::new(),
            last_entry_checksum: String::new(),
            error: None,
            findings: Vec::new(),
            json,
            signed_response: String::new(),
            declared_documents: Vec::new(),
        }
    }

    fn with_response_code(mut self, code: Option<ebl_core::pint::ResponseCode>) -> ebl_report {
        if let Some(code) = code {
            self.response_code = code.as_str().to_owned();
            self.response_description = code.description().to_owned();
        }
        self
    }

    fn with_format(mut self, format: ebl_core::detect::Format) -> ebl_report {
        self.format = format.as_str().to_owned();
        self.format_description = format.description().to_owned();
        self
    }

    /// The verdict of `ebl_verify`.
    pub fn verification(verification: Verification) -> ebl_report {
        let mut report = ebl_report::new(
            "verification",
            verification.valid,
            verification.to_json_value(),
        )
        .with_format(verification.format)
        .with_response_code(verification.response_code);
        report.findings = verification.findings.iter().map(Item::from).collect();
        report.document_reference = verification.document_reference.unwrap_or_default();
        if let Some(pint) = verification.pint {
            report.last_entry_checksum = pint.last_entry_checksum.unwrap_or_default();
            report.declared_documents = pint.declared_documents;
        }
        report
    }

    /// An input `ebl_verify_batch` could not evaluate: invalid, format `unknown`, with the
    /// error (its JSON is the core's `unusable_json`, what `ebl verify --json` prints).
    pub fn unusable(error: &Error) -> ebl_report {
        let mut report = ebl_report::new("verification", false, unusable_json(error))
            .with_format(ebl_core::detect::Format::Unknown);
        report.error = Some((error.code().as_u32(), error.to_string()));
        report
    }

    /// A received envelope, with the signed response to send back.
    pub fn received(received: ReceivedEnvelope) -> ebl_report {
        let mut report =
            ebl_report::new("envelope", received.is_accepted(), received.to_json_value())
                .with_format(ebl_core::detect::Format::PintEnvelope)
                .with_response_code(Some(received.report.response_code));
        report.findings = received.report.findings.iter().map(Item::from).collect();
        report.last_entry_checksum = received.report.last_entry_checksum.unwrap_or_default();
        report.declared_documents = received.report.declared_documents;
        report.signed_response = received.response;
        report
    }

    /// A title history replayed.
    pub fn replay(replay: &Replay) -> ebl_report {
        let json = serde_json::to_value(replay).unwrap_or(Value::Null);
        let mut report = ebl_report::new("title-replay", replay.is_valid(), json);
        report.findings = replay.findings.iter().map(Item::from).collect();
        report
    }

    /// An additional document upload checked.
    pub fn upload(upload: &DocumentUploadReport) -> ebl_report {
        let json = serde_json::to_value(upload).unwrap_or(Value::Null);
        let mut report = ebl_report::new("document-upload", upload.is_accepted(), json)
            .with_response_code(upload.response_code);
        report.findings = upload.findings.iter().map(Item::from).collect();
        report
    }

    /// A signed response whose signature verified.
    pub fn response(response: &EnvelopeTransferFinishedResponse) -> ebl_report {
        let json = serde_json::to_value(response).unwrap_or(Value::Null);
        ebl_report::new("response", true, json)
            .with_format(ebl_core::detect::Format::PintResponse)
            .with_response_code(Some(response.response_code))
    }

    /// A signed trust list checked: accepted with what importing it changes, or refused with
    /// the reason (as the report's error).
    pub fn trust_list(verdict: TrustListVerdict) -> ebl_report {
        match verdict {
            TrustListVerdict::Accepted(summary) => {
                let json = serde_json::json!({"valid": true, "import": summary});
                ebl_report::new("trust-list", true, json)
            }
            TrustListVerdict::Refused(error) => {
                let json = serde_json::json!({
                    "valid": false,
                    "error": error.to_string(),
                    "errorCode": error.code().name(),
                    "errorNumber": error.code().as_u32(),
                });
                let mut report = ebl_report::new("trust-list", false, json);
                report.error = Some((error.code().as_u32(), error.to_string()));
                report
            }
        }
    }

    /// A recognition: the record's verification and the criterion-by-criterion report.
    pub fn recognition(outcome: &RecognitionOutcome) -> ebl_report {
        let verification = &outcome.verification;
        let mut report =
            ebl_report::new("recognition", verification.valid, outcome.to_json_value())
                .with_format(verification.format)
                .with_response_code(verification.response_code);
        report.verdict = serde_json::to_value(outcome.report.verdict)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        report.document_reference = verification.document_reference.clone().unwrap_or_default();
        report.findings = outcome
            .report
            .criteria
            .iter()
            .map(|criterion| Item {
                code: criterion.id.clone(),
                severity: criterion.status.to_string(),
                path: String::new(),
                message: criterion.reason.clone(),
                citation: criterion.citation.clone(),
                entry: None,
            })
            .collect();
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
        set_out!(name, ebl_str::of(&report.format));
        set_out!(description, ebl_str::of(&report.format_description));
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
        set_out!(code, ebl_str::of(&report.response_code));
        set_out!(description, ebl_str::of(&report.response_description));
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
        set_out!(out, ebl_str::of(&arg_ref!(report)?.document_reference));
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
        set_out!(out, ebl_str::of(&arg_ref!(report)?.last_entry_checksum));
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
        set_out!(out, arg_ref!(report)?.findings.len());
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
        let item = report.findings.get(index).ok_or_else(|| {
            Error::InvalidArgument(format!(
                "index {index} is out of range: the report has {} findings",
                report.findings.len()
            ))
        })?;
        set_out!(
            out,
            ebl_finding {
                code: ebl_str::of(&item.code),
                severity: ebl_str::of(&item.severity),
                path: ebl_str::of(&item.path),
                message: ebl_str::of(&item.message),
                citation: ebl_str::of(&item.citation),
                entry: item.entry.and_then(|e| i64::try_from(e).ok()).unwrap_or(-1),
            }
        );
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
        set_out!(out, ebl_str::of(&arg_ref!(report)?.signed_response));
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
        let text = json_text(&arg_ref!(report)?.json, pretty_print);
        set_out!(out, ebl_bytes::from_string(text));
        Ok(())
    })
}

/// Frees a report (and with it every view read from it). NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_report_free(report: *mut ebl_report) {
    free_handle!(report);
}
