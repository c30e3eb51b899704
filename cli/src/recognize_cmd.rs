//! `ebl recognize`: verify a file, then ask whether a jurisdiction (or one side of an
//! agreement) recognises the record, criterion by criterion.
//!
//! The work is one core call, [`recognize_bytes`]; this module reads the files, turns the
//! command line into a target string and the core's errors into the command's words, and
//! prints the outcome ([`print_report`] is shared with the demo).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ebl::json::Value;
use ebl::recognition::{
    Catalogue, CriterionStatus, Effect, FlagValue, LoadedRules, RecognitionError,
    RecognitionOutcome, RecognitionRequest, RecognitionRequestPart, Report, Verdict,
    recognize_bytes,
};

use crate::exit::{EXIT_INDETERMINATE, EXIT_NOT_RECOGNISED, EXIT_RECOGNISED, EXIT_UNUSABLE};
use crate::files::{self, Unusable};
use crate::output::{outln, print_pretty_json, with_file};
use crate::verifier_options::{LoadedTrust, VerifierOptions};

/// `ebl recognize`: the record, what the receiver trusts and knows, and what to recognise
/// under (a jurisdiction, or one side of an agreement).
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["jurisdiction", "agreement", "target"])))]
pub struct RecognizeArgs {
    /// The receiving jurisdiction: SG, CN, GB (alias UK), FR, MLETR, or one from --rules.
    #[arg(long, value_name = "ID")]
    pub jurisdiction: Option<String>,
    /// An agreement file, or the id of a loaded agreement (sg-cn-shenzhen).
    #[arg(long, value_name = "FILE|ID")]
    pub agreement: Option<String>,
    /// The receiving side of the agreement (SG or CN).
    #[arg(long, value_name = "ID", requires = "agreement")]
    pub side: Option<String>,
    /// The target as reports print it: a jurisdiction (CN) or an agreement side
    /// (sg-cn-shenzhen/CN).
    #[arg(long, value_name = "TEXT")]
    pub target: Option<String>,
    /// A rule file of your own (a jurisdiction or an agreement, see core/rules/README.md),
    /// added to the embedded ones; one with the id of an embedded file replaces it. Repeatable.
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
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
        Ok(outcome) => {
            if args.json {
                print_json(&args.file, &outcome);
            } else {
                outln!(
                    "{}: {}",
                    args.file.display(),
                    describe_verification(&outcome.verification)
                );
                print_report(&outcome.report, "", None, None);
            }
            ExitCode::from(exit_code(outcome.report.verdict))
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

fn evaluate(args: &RecognizeArgs) -> Result<RecognitionOutcome, Unusable> {
    let mut catalogue = Catalogue::embedded().map_err(|e| Unusable(e.to_string()))?;
    for path in &args.rules {
        add_rules(&mut catalogue, path)?;
    }
    let target = target_text(args, &mut catalogue)?;
    let LoadedTrust { context, store } = args.options.load()?;
    let record = files::read(&args.file)?;
    let title_log = args.title_log.as_deref().map(files::read).transpose()?;
    let evidence = args.evidence.as_deref().map(files::read).transpose()?;
    let request = RecognitionRequest {
        record: &record,
        title_log: title_log.as_deref(),
        evidence: evidence.as_deref(),
        governing_law: args.governing_law.as_deref(),
        target: &target,
    };
    recognize_bytes(&request, &context, &store, &catalogue).map_err(|e| unusable(args, e))
}

/// The one target string the options stand for (`--jurisdiction ID`, `--agreement FILE|ID
/// [--side ID]` or `--target TEXT`); an agreement file is added to the catalogue first.
fn target_text(args: &RecognizeArgs, catalogue: &mut Catalogue) -> Result<String, Unusable> {
    let Some(agreement) = &args.agreement else {
        return Ok(args
            .jurisdiction
            .clone()
            .or_else(|| args.target.clone())
            .unwrap_or_default());
    };
    let path = Path::new(agreement);
    let id = if path.is_file() {
        match add_rules(catalogue, path)? {
            LoadedRules::Agreement(id) => id,
            LoadedRules::Jurisdiction(_) => {
                return Err(Unusable::at(
                    path,
                    "a jurisdiction file, not an agreement: give it with --rules",
                ));
            }
        }
    } else if let Some(found) = catalogue.find_agreement(agreement) {
        found.id.clone()
    } else {
        let known: Vec<&str> = catalogue
            .agreements()
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        return Err(Unusable(format!(
            "agreement '{agreement}' is neither a file nor a loaded agreement (loaded: {})",
            known.join(", ")
        )));
    };
    Ok(match &args.side {
        Some(side) => format!("{id}/{side}"),
        None => id,
    })
}

/// Adds a rule file; rule-data errors name the file themselves, JSON errors get its name.
fn add_rules(catalogue: &mut Catalogue, path: &Path) -> Result<LoadedRules, Unusable> {
    catalogue
        .add_rules(&files::read(path)?, &path.display().to_string())
        .map_err(|e| match e {
            ebl::Error::Recognition(e) => Unusable(e.to_string()),
            other => Unusable::at(path, other),
        })
}

/// The core's error in the command's words: its options for the inputs they name, the file
/// it concerns otherwise.
fn unusable(args: &RecognizeArgs, error: ebl::Error) -> Unusable {
    let file = &args.file;
    let ebl::Error::Recognition(recognition) = &error else {
        return Unusable::at(file, error);
    };
    match recognition {
        RecognitionError::AmbiguousTarget { agreement, sides } => Unusable(format!(
            "agreement '{agreement}' has several sides: choose the receiving one with --side ({})",
            sides.join(" or ")
        )),
        RecognitionError::TitleLogMissing => Unusable::at(
            file,
            "a TradeTrust document is recognised with its title-escrow event log, which says who holds title: give --title-log FILE (the format `ebl oa title` reads)",
        ),
        RecognitionError::TitleLogNotApplicable { format } => Unusable::at(
            file,
            format!(
                "--title-log is the title-escrow log of a TradeTrust document, and this is a {format}"
            ),
        ),
        RecognitionError::RequestPartUnreadable { part, error } => {
            let path = match part {
                RecognitionRequestPart::TitleLog => args.title_log.as_deref(),
                RecognitionRequestPart::Evidence => args.evidence.as_deref(),
            };
            match path {
                Some(path) => Unusable::at(path, error),
                None => Unusable(recognition.to_string()),
            }
        }
        RecognitionError::UnsupportedRecord { .. } => Unusable::at(file, recognition),
        _ => Unusable(recognition.to_string()),
    }
}

fn describe_verification(v: &ebl::verify::Verification) -> String {
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

fn print_json(path: &Path, outcome: &RecognitionOutcome) {
    print_pretty_json(&with_file(path, outcome.to_json_value()));
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
        "{indent}{}{}: {} — record {}, {} events, evaluated at {}",
        report.target,
        report.standing(),
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
    if report.regime.in_force_at_creation {
        outln!(
            "{indent}  regime: in force when the record was created — {}",
            report.regime.citation
        );
    } else {
        outln!("{indent}  regime: {}", report.regime.reason);
    }
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
        "{indent}  {:<width$}   {:<14}  {:<15}  reason / citation",
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
            "{indent}{} {:<width$}   {:<14}  {:<15}  {}",
            status_mark(c.effect),
            c.id,
            c.status.to_string(),
            c.source,
            shorten(&c.reason, limit)
        );
        // Shortened (demo) output cites only the criteria that are not satisfied.
        if limit.is_none()
            || !matches!(
                c.status,
                CriterionStatus::Satisfied | CriterionStatus::NotApplicable
            )
        {
            outln!(
                "{indent}  {:<width$}   {:<14}  {:<15}  cites: {}",
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
            "{indent}  rule data: {} {} version {} ({}), legal research of {}",
            rules.kind,
            rules.id,
            rules.version,
            rules.digest,
            rules.researched.as_deref().unwrap_or("an undated source")
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
