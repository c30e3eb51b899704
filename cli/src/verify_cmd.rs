//! `ebl verify`: the verdict on each file, for people or (with `--json`) for scripts.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::TryRecvError;

use ebl::detect::Format;
use ebl::json::Value;
use ebl::report::Severity;
use ebl::verify::{VERIFY_STREAM_BATCH, Verification, unusable_json, verify_stream};

use crate::exit::{EXIT_INVALID, EXIT_UNUSABLE, EXIT_VALID};
use crate::output::{EXIT_BROKEN_PIPE, with_file};
use crate::verifier_options::VerifierOptions;

#[derive(clap::Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub options: VerifierOptions,
    /// One JSON object per file (JSON Lines for several files).
    #[arg(long)]
    pub json: bool,
    /// The files to verify. A directory stands for every file under it (recursively, hidden
    /// files skipped), in sorted order.
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
    let several = args.files.len() > 1 || args.files.iter().any(|p| p.is_dir());
    let files = expand(&args.files);
    // A reader thread keeps up to one batch read ahead while the previous batch is verified.
    let (sender, receiver) = std::sync::mpsc::sync_channel(VERIFY_STREAM_BATCH);
    // A printer thread writes one batch's verdicts while the next batch is verified.
    let (done, verdicts) = std::sync::mpsc::sync_channel::<(PathBuf, _)>(VERIFY_STREAM_BATCH);
    let worst = std::thread::scope(|scope| {
        scope.spawn(move || {
            for (path, listed) in files {
                let bytes = listed.and_then(|()| read(&path));
                if sender.send((path, bytes)).is_err() {
                    break;
                }
            }
        });
        let printer = scope.spawn(move || {
            let mut out = Stdout::new();
            let mut worst = EXIT_VALID;
            loop {
                let (path, outcome) = match verdicts.try_recv() {
                    Ok(verdict) => verdict,
                    Err(TryRecvError::Empty) => {
                        // Nothing more is ready: show what is done before waiting.
                        out.flush();
                        match verdicts.recv() {
                            Ok(verdict) => verdict,
                            Err(_) => break,
                        }
                    }
                    Err(TryRecvError::Disconnected) => break,
                };
                worst = worst.max(report(&mut out, &path, outcome, args.json, several));
            }
            out.flush();
            worst
        });
        for verdict in verify_stream(receiver, &context, VERIFY_STREAM_BATCH) {
            if done.send(verdict).is_err() {
                break;
            }
        }
        drop(done);
        printer.join().unwrap_or(EXIT_UNUSABLE)
    });
    ExitCode::from(worst)
}

/// Prints one file's verdict (or why it could not be had); returns its exit status.
/// Standard output for a stream of verdicts: written in large blocks rather than a system
/// call per file, flushed whenever no verdict is ready (so a person watching sees each batch
/// as soon as it is done) and before anything goes to standard error (so the two stay in
/// order). A failed write means the reader has gone: exit as [`crate::output::outln`] does.
struct Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>);

impl Stdout {
    fn new() -> Stdout {
        Stdout(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout().lock(),
        ))
    }

    fn line(&mut self, text: &str) {
        if writeln!(self.0, "{text}").is_err() {
            std::process::exit(EXIT_BROKEN_PIPE);
        }
    }

    fn flush(&mut self) {
        if self.0.flush().is_err() {
            std::process::exit(EXIT_BROKEN_PIPE);
        }
    }
}

fn report(
    out: &mut Stdout,
    path: &Path,
    outcome: ebl::Result<Verification>,
    json: bool,
    several: bool,
) -> u8 {
    match outcome {
        Ok(verification) => {
            if json {
                print_json(out, &with_file(path, verification.to_json_value()), several);
            } else {
                print_human(out, path, &verification);
            }
            if verification.valid {
                EXIT_VALID
            } else {
                EXIT_INVALID
            }
        }
        Err(e) => {
            out.flush();
            match e {
                // Its message names the file already.
                ebl::Error::Io { .. } => eprintln!("ebl: {e}"),
                _ => eprintln!("ebl: {}: {e}", path.display()),
            }
            if json {
                print_json(out, &with_file(path, unusable_json(&e)), several);
            }
            EXIT_UNUSABLE
        }
    }
}

fn io_error(path: &Path, error: impl std::fmt::Display) -> ebl::Error {
    ebl::Error::Io {
        path: path.display().to_string(),
        message: error.to_string(),
    }
}

fn read(path: &Path) -> ebl::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| io_error(path, e))
}

/// The files named, a directory replaced by the files under it (sorted, hidden ones
/// skipped); a directory that cannot be listed, or holds no file, is an entry with its error.
fn expand(paths: &[PathBuf]) -> Vec<(PathBuf, ebl::Result<()>)> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push((path.clone(), Ok(())));
            continue;
        }
        let mut found = Vec::new();
        let mut failed = Vec::new();
        walk(path, &mut found, &mut failed);
        if found.is_empty() && failed.is_empty() {
            failed.push((
                path.clone(),
                Err(io_error(path, "the directory holds no files")),
            ));
        }
        found.sort();
        out.extend(found.into_iter().map(|p| (p, Ok(()))));
        out.extend(failed);
    }
    out
}

/// Every regular file under `dir` (symbolic links to directories are not followed).
fn walk(dir: &Path, found: &mut Vec<PathBuf>, failed: &mut Vec<(PathBuf, ebl::Result<()>)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            failed.push((dir.to_path_buf(), Err(io_error(dir, e))));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                failed.push((dir.to_path_buf(), Err(io_error(dir, e))));
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => walk(&path, found, failed),
            Ok(kind) if kind.is_symlink() && path.is_dir() => {}
            Ok(_) => found.push(path),
            Err(e) => failed.push((path.clone(), Err(io_error(&path, e)))),
        }
    }
}

fn print_json(out: &mut Stdout, value: &Value, one_per_line: bool) {
    let text = if one_per_line {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    };
    out.line(&text.unwrap_or_default());
}

/// A verdict line, then the findings, errors first.
fn print_human(out: &mut Stdout, path: &Path, verification: &Verification) {
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
    let mut findings: Vec<_> = verification.findings.iter().collect();
    findings.sort_by_key(|f| f.severity);
    for finding in findings {
        if finding.severity != Severity::Info {
            line.push_str(&format!("\n  {finding}"));
        }
    }
    out.line(&line);
}
