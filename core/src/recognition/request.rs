//! Recognition from bytes: verify a record in any supported format, build its
//! [`RecognitionInput`], add the receiver's evidence and evaluate it against a target, in one
//! call a CLI, a C program or a Python script makes the same way.

use serde_json::{Map, Value};

use super::error::{RecognitionError, RecognitionRequestPart};
use super::facts::{Evidence, RecognitionInput};
use super::report::Report;
use super::rules::Catalogue;
use crate::detect::Format;
use crate::trust::TrustStore;
use crate::verify::{Verification, VerifyContext, parse_document, verify_value};

/// Verifies a record and builds its recognition input from what the verification found:
/// a DCSA PINT envelope (its signed history), or a TradeTrust (OpenAttestation v2) document
/// with its title-escrow event log (`title_log`, the format
/// [`title_history_from_log`](crate::openattestation::title_history_from_log) reads), whose
/// issuer identity is checked with the DNS TXT answers and addresses in `context`.
///
/// The verification is returned too, since a report on recognition is read next to it.
///
/// ```
/// use ebl::recognition::prepare_recognition_input;
/// use ebl::trust::TrustStore;
/// use ebl::verify::VerifyContext;
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/pint/valid-to-order-sg-to-shenzhen.json");
/// let context = VerifyContext::at("2026-06-16T00:00:00Z".parse()?);
/// let (verification, input) =
///     prepare_recognition_input(&std::fs::read(path)?, None, &context, &TrustStore::new())?;
/// assert_eq!(verification.format.as_str(), "dcsa-pint-envelope");
/// assert!(!input.history.events.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Parse and verification errors of the record; [`RecognitionError::TitleLogMissing`] for a
/// TradeTrust document without its log, [`RecognitionError::TitleLogNotApplicable`] for a log
/// given with another format, [`RecognitionError::UnsupportedRecord`] for a format recognition
/// does not read, and [`RecognitionError::RequestPartUnreadable`] for a log that cannot be
/// read.
pub fn prepare_recognition_input(
    record: &[u8],
    title_log: Option<&[u8]>,
    context: &VerifyContext,
    store: &TrustStore,
) -> crate::Result<(Verification, RecognitionInput)> {
    let value = parse_document(record)?;
    // A TradeTrust document is built once and both verified and read for its title from it.
    #[cfg(feature = "openattestation")]
    if crate::detect::detect(&value) == Format::OpenAttestationV2 {
        let document = crate::openattestation::WrappedDocument::from_value(value)?;
        let verification = crate::verify::verify_openattestation(&document, context)?;
        let log = title_log.ok_or(RecognitionError::TitleLogMissing)?;
        let input = from_tradetrust(&document, log, &verification, store)?;
        return Ok((verification, input));
    }
    let verification = verify_value(&value, context)?;
    if title_log.is_some() {
        return Err(RecognitionError::TitleLogNotApplicable {
            format: verification.format.as_str().to_owned(),
        }
        .into());
    }
    let input = match verification.pint.as_deref() {
        Some(report) => {
            let document = value.get("transportDocument").cloned().unwrap_or_default();
            RecognitionInput::from_pint(report, &document, store)
        }
        None => {
            return Err(RecognitionError::UnsupportedRecord {
                format: verification.format.as_str().to_owned(),
            }
            .into());
        }
    };
    Ok((verification, input))
}

/// A TradeTrust record: the document, its title history from `log`, and the issuer identity
/// checks its verification made.
#[cfg(feature = "openattestation")]
fn from_tradetrust(
    document: &crate::openattestation::WrappedDocument,
    log: &[u8],
    verification: &Verification,
    store: &TrustStore,
) -> crate::Result<RecognitionInput> {
    use crate::openattestation::title_history_from_log;
    let history =
        title_history_from_log(log).map_err(|e| unreadable(RecognitionRequestPart::TitleLog, e))?;
    let identity = verification
        .openattestation_identity
        .as_deref()
        .cloned()
        .unwrap_or_default();
    Ok(RecognitionInput::from_openattestation(
        document,
        &history,
        &crate::title::replay(&history),
        &identity,
        store,
    ))
}

fn unreadable(part: RecognitionRequestPart, error: crate::Error) -> crate::Error {
    RecognitionError::RequestPartUnreadable {
        part,
        error: Box::new(error),
    }
    .into()
}

/// Everything one recognition needs, as data: the record and its side inputs as bytes, the
/// receiver's statements, and the target as the string reports print (`CN`,
/// `sg-cn-shenzhen/CN`, see [`Catalogue::target`]). A request struct rather than many
/// arguments, so C and Python callers fill in what they have.
#[derive(Debug, Clone, Copy, Default)]
pub struct RecognitionRequest<'a> {
    /// The record: a PINT envelope or a TradeTrust document.
    pub record: &'a [u8],
    /// The title-escrow event log of a TradeTrust document.
    pub title_log: Option<&'a [u8]>,
    /// The receiver's evidence file ([`Evidence::from_receiver_json`]).
    pub evidence: Option<&'a [u8]>,
    /// The law governing the bill, as the receiver states it (overrides the evidence file's).
    pub governing_law: Option<&'a str>,
    /// The target.
    pub target: &'a str,
}

/// The result of a recognition: how the record verified, and the report.
#[derive(Debug, Clone, PartialEq)]
pub struct RecognitionOutcome {
    /// The verification of the record.
    pub verification: Verification,
    /// The recognition report.
    pub report: Report,
}

impl RecognitionOutcome {
    /// The outcome as one JSON object: `verification` (`valid`, `format`, `responseCode` for
    /// PINT) followed by the report's members — what `ebl recognize --json` prints (the CLI
    /// adds `file` first).
    ///
    /// ```
    /// # use ebl::recognition::{recognize_bytes, RecognitionRequest, Catalogue};
    /// # use ebl::verify::VerifyContext;
    /// # let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/pint/valid-to-order-sg-to-shenzhen.json");
    /// # let record = std::fs::read(path)?;
    /// # let request = RecognitionRequest { record: &record, target: "SG", ..Default::default() };
    /// # let context = VerifyContext::at("2026-06-16T00:00:00Z".parse()?);
    /// let outcome = recognize_bytes(&request, &context, &Default::default(), &Catalogue::embedded()?)?;
    /// let json = outcome.to_json_value();
    /// assert_eq!(json["verification"]["format"], "dcsa-pint-envelope");
    /// assert_eq!(json["target"], "SG");
    /// assert!(json["criteria"].is_array());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_json_value(&self) -> Value {
        let v = &self.verification;
        let mut checked = Map::new();
        checked.insert("valid".into(), Value::Bool(v.valid));
        checked.insert("format".into(), Value::String(v.format.as_str().to_owned()));
        if let Some(code) = v.response_code {
            checked.insert(
                "responseCode".into(),
                serde_json::to_value(code).unwrap_or(Value::Null),
            );
        }
        let mut object = Map::new();
        object.insert("verification".into(), Value::Object(checked));
        if let Ok(Value::Object(members)) = serde_json::to_value(&self.report) {
            object.extend(members);
        }
        Value::Object(object)
    }
}

/// Recognition in one call: resolves the target in `catalogue`, verifies the record with
/// `context`, builds its input ([`prepare_recognition_input`]), adds the receiver's evidence
/// and governing law ([`Evidence::merge_receiver`]) and evaluates it at `context.at` with the
/// receiver's `store` ([`super::recognize`]).
///
/// ```
/// use ebl::recognition::{recognize_bytes, Catalogue, RecognitionRequest, Verdict};
/// use ebl::verify::VerifyContext;
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/pint/valid-to-order-sg-to-shenzhen.json");
/// let record = std::fs::read(path)?;
/// let request = RecognitionRequest {
///     record: &record,
///     governing_law: Some("uk"),
///     target: "UK",
///     ..RecognitionRequest::default()
/// };
/// let context = VerifyContext::at("2026-06-16T00:00:00Z".parse()?);
/// let outcome = recognize_bytes(&request, &context, &Default::default(), &Catalogue::embedded()?)?;
/// assert_eq!(outcome.report.target, "GB");
/// // No trust store: nobody's keys are known, so recognition cannot be established.
/// assert_ne!(outcome.report.verdict, Verdict::RecognisedSubjectToReliability);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`Catalogue::target`], [`prepare_recognition_input`] and [`super::recognize`];
/// [`RecognitionError::RequestPartUnreadable`] for an evidence file that
/// [`Evidence::from_receiver_json`] refuses.
pub fn recognize_bytes(
    request: &RecognitionRequest<'_>,
    context: &VerifyContext,
    store: &TrustStore,
    catalogue: &Catalogue,
) -> crate::Result<RecognitionOutcome> {
    let target = catalogue.target(request.target)?;
    let (verification, mut input) =
        prepare_recognition_input(request.record, request.title_log, context, store)?;
    if let Some(bytes) = request.evidence {
        let extra = Evidence::from_receiver_json(bytes, catalogue)
            .map_err(|e| unreadable(RecognitionRequestPart::Evidence, e))?;
        input.evidence.merge_receiver(extra);
    }
    if let Some(law) = request.governing_law {
        input.evidence.governing_law = Some(catalogue.law_id(law));
    }
    let report = super::recognize(&input, store, &target, context.at)?;
    Ok(RecognitionOutcome {
        verification,
        report,
    })
}
