//! `ebl verify`: the verdict on each file, for people or (with `--json`) for scripts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ebl::detect::Format;
use ebl::json::{Map, Value};
use ebl::report::Severity;
use ebl::verify::{Verification, VerifyContext, verify_batch};

use crate::exit::{EXIT_INVALID, EXIT_UNUSABLE, EXIT_VALID};
use crate::files::{self, Unusable};
use crate::output::outln;
use crate::verifier_options::VerifierOptions;

#[derive(clap::Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub options: VerifierOptions,
    /// One JSON object per file (JSON Lines for several files).
    #[arg(long)]
    pub json: bool,
    /// The files to verify.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

pub fn run(args: &VerifyArgs) -> ExitCode {
    let context = match args.options.load() {
        Ok(verifier) => verifier.context,
        Err(e) => {
            eprintln!("ebl: {e}");
            return ExitCode::from(EXIT_UNUSABLE);
        }
    };
    let several = args.files.len() > 1;
    let mut worst = EXIT_VALID;
    for (path, outcome) in verify_files(&args.files, &context) {
        match outcome {
            Ok(verification) => {
                if !verification.valid {
                    worst = worst.max(EXIT_INVALID);
                }
                if args.json {
                    print_json(&with_file(path, verification_json(&verification)), several);
                } else {
                    print_human(path, &verification);
                }
            }
            Err(e) => {
                worst = EXIT_UNUSABLE;
                eprintln!("ebl: {e}");
                if args.json {
                    let error = Value::Object(Map::from_iter([
                        ("valid".to_owned(), Value::Bool(false)),
                        ("format".to_owned(), Value::String("unknown".to_owned())),
                        ("findings".to_owned(), Value::Array(Vec::new())),
                        ("error".to_owned(), Value::String(e.to_string())),
                    ]));
                    print_json(&with_file(path, error), several);
                }
            }
        }
    }
    ExitCode::from(worst)
}

/// How many files are read and verified together: enough to keep every core busy, few enough
/// that thousands of files never sit in memory at once.
const BATCH: usize = 64;

/// Each file's verification, in the order given, verified a batch at a time on every core.
fn verify_files<'a>(
    paths: &'a [PathBuf],
    context: &'a VerifyContext,
) -> impl Iterator<Item = (&'a PathBuf, Result<Verification, Unusable>)> + 'a {
    paths.chunks(BATCH).flat_map(move |chunk| {
        let read: Vec<Result<Vec<u8>, Unusable>> = chunk.iter().map(|p| files::read(p)).collect();
        let inputs: Vec<&[u8]> = read
            .iter()
            .map(|r| r.as_deref().unwrap_or_default())
            .collect();
        let verified = verify_batch(&inputs, context);
        let outcomes: Vec<_> = chunk
            .iter()
            .zip(read.into_iter().zip(verified))
            .map(|(path, (bytes, verification))| {
                let outcome = bytes.and_then(|_| verification.map_err(|e| Unusable::at(path, e)));
                (path, outcome)
            })
            .collect();
        outcomes
    })
}

pub fn verification_json(verification: &Verification) -> Value {
    serde_json::to_value(verification).unwrap_or(Value::Null)
}

fn with_file(path: &Path, value: Value) -> Value {
    let mut object = Map::new();
    object.insert("file".to_owned(), Value::String(path.display().to_string()));
    if let Value::Object(members) = value {
        object.extend(members);
    }
    Value::Object(object)
}

fn print_json(value: &Value, one_per_line: bool) {
    let text = if one_per_line {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    };
    outln!("{}", text.unwrap_or_default());
}

/// A verdict line, then the findings, errors first.
pub fn print_human(path: &Path, verification: &Verification) {
    let verdict = if verification.valid {
        "VALID"
    } else {
        "INVALID"
    };
    let mut line = format!(
        "{}: {verdict} — {}",
        path.display(),
        verification.format.description()
    );
    if let Some(reference) = &verification.document_reference {
        line.push_str(&format!(" {reference}"));
    }
    match (verification.format, verification.response_code) {
        (Format::PintResponse, Some(code)) => {
            line.push_str(&format!(" {code} ({})", code.description()));
        }
        (_, Some(code)) => {
            line.push_str(&format!(", PINT response {code} ({})", code.description()));
        }
        (_, None) => {}
    }
    outln!("{line}");
    let mut findings: Vec<_> = verification.findings.iter().collect();
    findings.sort_by_key(|f| f.severity);
    for finding in findings {
        if finding.severity != Severity::Info {
            outln!("  {finding}");
        }
    }
}
