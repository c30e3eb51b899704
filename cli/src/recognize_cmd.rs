//! `ebl recognize`: verify a file, then ask whether a jurisdiction (or one side of an
//! agreement) recognises the record, criterion by criterion.
//!
//! Each supported format turns a verified file into a [`RecognitionInput`]
//! ([`input_from_file`]); everything after that (the rules engine, [`print_report`]) is the
//! same whatever the format, so another format plugs in with one more arm there.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ebl::detect::Format;
use ebl::json::{Map, Value};
use ebl::openattestation::{WrappedDocument, title_history_from_log};
use ebl::recognition::{
    Agreement, Catalogue, CriterionStatus, Effect, Evidence, FlagValue, RecognitionInput, Report,
    Target, Verdict, recognize,
};
use ebl::title::replay;
use ebl::trust::TrustStore;
use ebl::verify::{Verification, VerifyContext, parse_document, verify_value};

use crate::exit::{EXIT_INDETERMINATE, EXIT_NOT_RECOGNISED, EXIT_RECOGNISED, EXIT_UNUSABLE};
use crate::files::{self, Unusable};
use crate::output::outln;
use crate::verifier_options::{Verifier, VerifierOptions};

/// `ebl recognize`: the record, what the receiver trusts and knows, and what to recognise
/// under (a jurisdiction, or one side of an agreement).
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["jurisdiction", "agreement"])))]
pub struct RecognizeArgs {
    /// The receiving jurisdiction: SG, CN, UK (= GB), FR or MLETR.
    #[arg(long, value_name = "ID")]
    pub jurisdiction: Option<String>,
    /// An agreement file, or the id of an embedded agreement (sg-cn-shenzhen).
    #[arg(long, value_name = "FILE|ID")]
    pub agreement: Option<String>,
    /// The receiving side of the agreement (SG or CN).
    #[arg(long, value_name = "ID", requires = "agreement")]
    pub side: Option<String>,
    #[command(flatten)]
    pub options: VerifierOptions,
    /// The TradeTrust title-escrow event log of an OpenAttestation document (the format
    /// `ebl oa title` reads): who held title, and when.
    #[arg(long, value_name = "FILE")]
    pub title_log: Option<PathBuf>,
    /// The law governing the bill (a rule-file id: SG, GB, CN, …), which neither an
    /// envelope nor a TradeTrust document carries.
    #[arg(long, value_name = "ID")]
    pub governing_law: Option<String>,
    /// Evidence the receiver holds, as JSON: {"consents": [...], "governing_law": "SG",
    /// "registry_checked": true} (see core/rules/README.md, "Recognition input").
    #[arg(long, value_name = "FILE")]
    pub evidence: Option<PathBuf>,
    /// Print the report as JSON (verdict, criteria with id/status/citation/reason, …).
    #[arg(long)]
    pub json: bool,
    /// A PINT envelope, or a TradeTrust (OpenAttestation v2) document with --title-log.
    pub file: PathBuf,
}

pub fn run(args: &RecognizeArgs) -> ExitCode {
    match evaluate(args) {
        Ok((verification, report)) => {
            if args.json {
                print_json(&args.file, &verification, &report);
            } else {
                outln!(
                    "{}: {}",
                    args.file.display(),
                    describe_verification(&verification)
                );
                print_report(&report, "", None, None);
            }
            ExitCode::from(exit_code(report.verdict))
        }
        Err(e) => {
            eprintln!("ebl: {e}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

pub fn exit_code(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::RecognisedSubjectToReliability => EXIT_RECOGNISED,
        Verdict::NotRecognised => EXIT_NOT_RECOGNISED,
        Verdict::Indeterminate => EXIT_INDETERMINATE,
    }
}

fn evaluate(args: &RecognizeArgs) -> Result<(Verification, Report), Unusable> {
    let target = target(args)?;
    let Verifier { context, store } = args.options.load()?;
    let bytes = files::read(&args.file)?;
    let (verification, mut input) = input_from_file(
        &args.file,
        &bytes,
        args.title_log.as_deref(),
        &context,
        &store,
    )?;
    add_receiver_evidence(&mut input.evidence, args)?;
    let report =
        recognize(&input, &store, &target, context.at).map_err(|e| Unusable(e.to_string()))?;
    Ok((verification, report))
}

/// Verifies the document and builds the recognition input from what the verification found.
/// One arm per format: a format whose verifier yields a [`RecognitionInput`] plugs in here.
fn input_from_file(
    path: &Path,
    bytes: &[u8],
    title_log: Option<&Path>,
    context: &VerifyContext,
    store: &TrustStore,
) -> Result<(Verification, RecognitionInput), Unusable> {
    let value = parse_document(bytes).map_err(|e| Unusable::at(path, e))?;
    let verification = verify_value(&value, context).map_err(|e| Unusable::at(path, e))?;
    if title_log.is_some() && verification.format != Format::OpenAttestationV2 {
        return Err(Unusable::at(
            path,
            format!(
                "--title-log is the title-escrow log of a TradeTrust document, and this is a {}",
                verification.format.as_str()
            ),
        ));
    }
    let input = match (verification.format, verification.pint.as_deref()) {
        (_, Some(report)) => {
            let document = value.get("transportDocument").cloned().unwrap_or_default();
            RecognitionInput::from_pint(report, &document, store)
        }
        (Format::OpenAttestationV2, None) => {
            let Some(log) = title_log else {
                return Err(Unusable::at(
                    path,
                    "a TradeTrust document is recognised with its title-escrow event log, which says who holds title: give --title-log FILE (the format `ebl oa title` reads)",
                ));
            };
            from_tradetrust(value, log, &verification, store).map_err(|e| Unusable::at(path, e))?
        }
        (format, None) => {
            return Err(Unusable::at(
                path,
                format!(
                    "recognition of a {} is not supported: give a DCSA PINT envelope (the record's signed history) or a TradeTrust document with its title-escrow log",
                    format.as_str()
                ),
            ));
        }
    };
    Ok((verification, input))
}

/// A TradeTrust record: the document, its title history from `log`, and the issuer identity
/// checks its verification made.
fn from_tradetrust(
    value: Value,
    log: &Path,
    verification: &Verification,
    store: &TrustStore,
) -> Result<RecognitionInput, Unusable> {
    let document = WrappedDocument::from_value(value).map_err(|e| Unusable(e.to_string()))?;
    let history = title_history_from_log(&files::read(log)?).map_err(|e| Unusable::at(log, e))?;
    let identity = verification
        .openattestation_identity
        .as_deref()
        .cloned()
        .unwrap_or_default();
    Ok(RecognitionInput::from_openattestation(
        &document,
        &history,
        &replay(&history),
        &identity,
        store,
    ))
}

/// The facts only the receiver knows: the governing law and an evidence file
/// (`consents`, `governing_law`, `registry_checked`).
fn add_receiver_evidence(evidence: &mut Evidence, args: &RecognizeArgs) -> Result<(), Unusable> {
    if let Some(path) = &args.evidence {
        let value = ebl::json::parse(&files::read(path)?).map_err(|e| Unusable::at(path, e))?;
        let extra: Evidence = ebl::json::from_value(&value, &ebl::json::JsonPath::root())
            .map_err(|e| Unusable::at(path, e))?;
        if !extra.signatures.is_empty() {
            return Err(Unusable::at(
                path,
                "signature evidence comes from verifying the file, not from an evidence file",
            ));
        }
        evidence.consents.extend(extra.consents);
        if let Some(law) = extra.governing_law {
            evidence.governing_law = Some(jurisdiction_id(&law));
        }
        evidence.registry_checked |= extra.registry_checked;
    }
    if let Some(law) = &args.governing_law {
        evidence.governing_law = Some(jurisdiction_id(law));
    }
    Ok(())
}

/// `UK` is the United Kingdom's rule file `GB`; ids are upper case.
pub fn jurisdiction_id(text: &str) -> String {
    let upper = text.trim().to_ascii_uppercase();
    if upper == "UK" {
        "GB".to_owned()
    } else {
        upper
    }
}

fn target(args: &RecognizeArgs) -> Result<Target, Unusable> {
    let mut catalogue = Catalogue::embedded().map_err(|e| Unusable(e.to_string()))?;
    match (&args.jurisdiction, &args.agreement) {
        (Some(id), _) => catalogue
            .jurisdiction_target(&jurisdiction_id(id))
            .map_err(|e| {
                let known: Vec<&str> = catalogue
                    .jurisdictions()
                    .iter()
                    .map(|j| j.id.as_str())
                    .collect();
                Unusable(format!("{e} (known: {}, UK)", known.join(", ")))
            }),
        (None, None) => Err(Unusable("give --jurisdiction or --agreement".into())),
        (None, Some(agreement)) => {
            let id = if Path::new(agreement).is_file() {
                let path = Path::new(agreement);
                let parsed = Agreement::from_json(&files::read(path)?, agreement)
                    .map_err(|e| Unusable::at(path, e))?;
                let id = parsed.id.clone();
                catalogue
                    .add_agreement(parsed)
                    .map_err(|e| Unusable::at(path, e))?;
                id
            } else {
                agreement.clone()
            };
            let Some(found) = catalogue.agreement(&id) else {
                let known: Vec<&str> = catalogue
                    .agreements()
                    .iter()
                    .map(|a| a.id.as_str())
                    .collect();
                return Err(Unusable(format!(
                    "agreement '{agreement}' is neither a file nor an embedded agreement (embedded: {})",
                    known.join(", ")
                )));
            };
            let sides: Vec<String> = found.sides.iter().map(|s| s.jurisdiction.clone()).collect();
            let side = match (&args.side, sides.as_slice()) {
                (Some(s), _) => jurisdiction_id(s),
                (None, [only]) => only.clone(),
                (None, _) => {
                    return Err(Unusable(format!(
                        "agreement '{id}' has several sides: choose the receiving one with --side ({})",
                        sides.join(" or ")
                    )));
                }
            };
            catalogue
                .agreement_target(&id, &side)
                .map_err(|e| Unusable(e.to_string()))
        }
    }
}

fn describe_verification(v: &Verification) -> String {
    let mut text = format!(
        "{} {}",
        if v.valid { "VALID" } else { "INVALID" },
        v.format.as_str()
    );
    if let Some(reference) = &v.document_reference {
        text.push_str(&format!(" {reference}"));
    }
    if let Some(code) = v.response_code {
        text.push_str(&format!(", PINT response {code} ({})", code.description()));
    }
    text
}

fn print_json(path: &Path, verification: &Verification, report: &Report) {
    let mut object = Map::new();
    object.insert("file".into(), Value::String(path.display().to_string()));
    let mut checked = Map::new();
    checked.insert("valid".into(), Value::Bool(verification.valid));
    checked.insert(
        "format".into(),
        Value::String(verification.format.as_str().to_owned()),
    );
    if let Some(code) = verification.response_code {
        checked.insert(
            "responseCode".into(),
            serde_json::to_value(code).unwrap_or(Value::Null),
        );
    }
    object.insert("verification".into(), Value::Object(checked));
    if let Ok(Value::Object(members)) = serde_json::to_value(report) {
        object.extend(members);
    }
    outln!(
        "{}",
        serde_json::to_string_pretty(&Value::Object(object)).unwrap_or_default()
    );
}

fn status_mark(effect: Effect) -> &'static str {
    match effect {
        Effect::None => " ",
        Effect::Undetermined => "?",
        Effect::Blocks => "!",
    }
}

fn flag(value: FlagValue) -> &'static str {
    match value {
        FlagValue::Yes => "yes",
        FlagValue::No => "no",
        FlagValue::Unknown => "unknown",
    }
}

/// The verdict line, then the criteria as a table (id, status, source, reason, citation), the
/// flags and the rule-data versions. `indent` prefixes every line; `limit` shortens long
/// reasons and citations and cites only the criteria not satisfied (the JSON report has
/// everything); `only_source` shows only the criteria of one rule file.
pub fn print_report(
    report: &Report,
    indent: &str,
    limit: Option<usize>,
    only_source: Option<&str>,
) {
    outln!(
        "{indent}{}: {} — record {}, {} events, evaluated at {}",
        report.target,
        report.verdict,
        report.record_id,
        report.events,
        report.evaluated_at.to_rfc3339()
    );
    if let Some(instrument) = &report.instrument {
        let status = serde_json::to_value(instrument)
            .ok()
            .and_then(|v| v.get("status").and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_default();
        outln!("{indent}  instrument ({status}): {}", instrument.citation);
    }
    outln!(
        "{indent}  regime: {} — {}",
        if report.regime.in_force_at_creation {
            "in force when the record was created"
        } else {
            "NOT in force when the record was created"
        },
        report.regime.citation
    );
    for d in &report.decisive {
        outln!(
            "{indent}  decisive: {} [{}] {} — {}",
            d.criterion,
            d.source,
            d.status,
            d.reason
        );
    }
    let width = report
        .criteria
        .iter()
        .map(|c| c.id.len())
        .max()
        .unwrap_or(0)
        .max("criterion".len());
    outln!(
        "{indent}  {:<width$}   {:<13}  {:<15}  reason / citation",
        "criterion",
        "status",
        "rules"
    );
    for c in report
        .criteria
        .iter()
        .filter(|c| only_source.is_none_or(|s| c.source == s))
    {
        outln!(
            "{indent}{} {:<width$}   {:<13}  {:<15}  {}",
            status_mark(c.effect),
            c.id,
            c.status.to_string(),
            c.source,
            shorten(&c.reason, limit)
        );
        // Shortened (demo) output cites only the criteria that are not satisfied.
        if limit.is_none() || c.status != CriterionStatus::Satisfied {
            outln!(
                "{indent}  {:<width$}   {:<13}  {:<15}  cites: {}",
                "",
                "",
                "",
                shorten(&c.citation, limit)
            );
        }
    }
    outln!("{indent}  (! blocks recognition, ? leaves it undetermined)");
    for (name, f) in [
        ("statutory presumption", &report.flags.statutory_presumption),
        ("industry cover", &report.flags.industry_cover),
        (
            "foreign non-discrimination",
            &report.flags.foreign_nondiscrimination,
        ),
    ] {
        outln!(
            "{indent}  flag {name}: {} — {}{}",
            flag(f.value),
            shorten(&f.reason, limit),
            f.citation
                .as_deref()
                .map(|c| format!(" ({})", shorten(c, limit)))
                .unwrap_or_default()
        );
    }
    for rules in &report.rules {
        outln!(
            "{indent}  rule data: {} {} version {} (sha256 {})",
            rules.kind,
            rules.id,
            rules.version,
            rules.digest
        );
    }
}

/// `text`, cut at a character boundary after `limit` characters with "…".
fn shorten(text: &str, limit: Option<usize>) -> String {
    match limit {
        Some(n) if text.chars().count() > n => {
            let cut: String = text.chars().take(n).collect();
            format!("{cut}…")
        }
        _ => text.to_owned(),
    }
}
