//! `ebl receive`: what a receiving platform does with an envelope — verify it as this platform,
//! compare it with what the platform's registry remembers (`--db`, default
//! `ebl-registry.sqlite`; `--no-db` for a stateless check), then sign the
//! `EnvelopeTransferFinishedResponse` to send back (`RECE`, `DUPE`, `DISE`, `BSIG`, `BENV`, or
//! `MDOC` naming the additional documents it still needs).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ebl::pint::{
    DuplicatePolicy, EnvelopeVerifyOptions, ReceivedEnvelope, ResponseCode, receive_envelope,
    receive_envelope_recorded,
};
use ring::rand::SystemRandom;

use crate::exit::{EXIT_INVALID, EXIT_UNUSABLE, EXIT_VALID};
use crate::files::{self, Unusable};
use crate::output::{outln, print_pretty_json, with_file};
use crate::verifier_options::VerifierOptions;

#[derive(clap::Args)]
pub struct ReceiveArgs {
    #[command(flatten)]
    pub options: VerifierOptions,
    /// This platform's private key (PKCS#8 PEM or private JWK), to sign the response.
    #[arg(long, value_name = "FILE")]
    pub response_key: PathBuf,
    /// An additional document this platform already holds (visualisation, supporting
    /// document). Repeatable; a declared document not given makes the response MDOC.
    #[arg(long = "document", value_name = "FILE")]
    pub documents: Vec<PathBuf>,
    /// Where to write the signed response (default: standard output, the verdict then goes to
    /// standard error).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Print the verdict, findings and signed response as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// The registry that remembers what this platform accepted: a SQLite file (created when
    /// missing) or a postgres://… URL.
    #[arg(long, value_name = "FILE|URL", default_value = crate::registry_cmd::DEFAULT_DB)]
    pub db: String,
    /// Receive without a registry: verify and answer only (no DUPE or DISE, nothing recorded).
    #[arg(long, conflicts_with = "db")]
    pub no_db: bool,
    /// Also answer DUPE to a re-signed last entry with the same payload (not only to the
    /// byte-identical entry PINT requires).
    #[arg(long, conflicts_with = "no_db")]
    pub lenient_duplicates: bool,
    /// The envelope received.
    pub file: PathBuf,
}

pub fn run(args: &ReceiveArgs) -> ExitCode {
    match receive(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("ebl: {e}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

fn receive(args: &ReceiveArgs) -> Result<u8, Unusable> {
    let Some(platform) = args.options.platform.clone() else {
        return Err(Unusable(
            "give --platform CODE: the platform receiving (the last transaction must be addressed to it)".into(),
        ));
    };
    let signer = files::signer(&args.response_key)?;
    let verifier = args.options.load()?;
    let held = args
        .documents
        .iter()
        .map(|path| files::read(path))
        .collect::<Result<Vec<_>, _>>()?;
    let options = EnvelopeVerifyOptions::receiving(
        &platform,
        verifier.context.at,
        held.iter().map(Vec::as_slice),
    );
    let bytes = files::read(&args.file)?;
    let rng = SystemRandom::new();
    let received = if args.no_db {
        receive_envelope(&bytes, &verifier.context.pint, &options, &signer, &rng)
            .map_err(|e| Unusable::at(&args.file, e))?
    } else {
        let registry = crate::registry_cmd::open(&args.db, true)?;
        let policy = if args.lenient_duplicates {
            DuplicatePolicy::SamePayload
        } else {
            DuplicatePolicy::SameEntry
        };
        receive_envelope_recorded(
            &bytes,
            &verifier.context.pint,
            &options,
            &signer,
            &rng,
            registry.as_ref(),
            policy,
        )
        .map_err(|e| match e {
            ebl::Error::Registry(e) => Unusable(e.to_string()),
            other => Unusable::at(&args.file, other),
        })?
    };

    if let Some(path) = &args.output {
        files::write(path, received.response.as_bytes())?;
    }
    if args.json {
        print_json(&args.file, &received);
    } else {
        print_verdict(&args.file, &received, args.output.as_deref());
        if args.output.is_none() {
            outln!("{}", received.response);
        }
    }
    Ok(if received.is_accepted() {
        EXIT_VALID
    } else {
        EXIT_INVALID
    })
}

/// The verdict for a person: on standard error when the response itself goes to standard
/// output, so that `ebl receive … > response.jws` captures only the JWS.
fn print_verdict(path: &Path, received: &ReceivedEnvelope, output: Option<&Path>) {
    let report = &received.report;
    let mut lines = vec![format!(
        "{}: {} ({})",
        path.display(),
        report.response_code,
        report.response_code.description()
    )];
    lines.extend(report.errors().map(|f| format!("  {f}")));
    if report.response_code == ResponseCode::MissingDocuments {
        lines.push(format!(
            "  upload still needed: {}",
            report.missing_documents.join(", ")
        ));
        if let Some(last) = &report.last_entry_checksum {
            lines.push(format!(
                "  upload each with: ebl registry upload --transfer {last} FILE (then receive again)"
            ));
        }
    }
    lines.extend(
        report
            .findings
            .iter()
            .filter(|f| f.code == "duplicate-transfer")
            .map(|f| format!("  {}", f.message)),
    );
    match output {
        Some(out) => {
            lines.push(format!("  signed response written to {}", out.display()));
            for line in lines {
                outln!("{line}");
            }
        }
        None => {
            for line in lines {
                eprintln!("{line}");
            }
        }
    }
}

/// The core's JSON verdict, with the file name first.
fn print_json(path: &Path, received: &ReceivedEnvelope) {
    print_pretty_json(&with_file(path, received.to_json_value()));
}
