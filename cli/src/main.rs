//! The `ebl` command: verify, transfer and recognise electronic bills of lading.

/// The process's allocator. Verifying a file is mostly building and dropping a JSON tree of
/// small strings and maps on every core at once, where mimalloc's per-thread free lists cost
/// fewer instructions (8 % fewer for a directory of TradeTrust files) and less time (about 15 %
/// for `ebl verify DIR`) than the system allocator. The choice is the program's alone: the
/// library, the C library and the Python module leave the allocator to the program that links them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod demo;
mod exit;
mod files;
mod inspect_cmd;
mod oa_cmd;
mod output;
mod pint_cmd;
mod receive_cmd;
mod recognize_cmd;
mod registry_cmd;
mod title_text;
mod trust_cmd;
mod verifier_options;
mod verify_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use ebl::crypto::KeyType;
use ebl::pint::{EndorseTo, SurrenderPurpose, Transaction, TransactionParty, endorsement_steps};
use ring::rand::SystemRandom;

use crate::files::Unusable;
use crate::output::outln;

const AFTER_HELP: &str = "\
The workflow, end to end:
  ebl demo                                    the Singapore → Shenzhen journey, with a report
  ebl keygen --out keys carrier               a key pair: keys/carrier.key.pem + keys/carrier.jwk
  ebl issue --document td.json --key keys/carrier.key.pem \\
      --carrier SGP1:SMDG:LCOL:'Lion City Ocean Lines' --to SGP1:SGP1:straits:'Straits Precision' -o issued.json
  ebl endorse issued.json --key keys/sgp1.key.pem --from SGP1:SGP1:straits --to SGP1:SGP1:bank --to-order -o endorsed.json
  ebl endorse endorsed.json --key keys/sgp1.key.pem --from SGP1:SGP1:bank --to SZP1:SZP1:qianhai -o to-shenzhen.json
  ebl verify --key keys/carrier.jwk --key keys/sgp1.jwk --platform SZP1 to-shenzhen.json
  ebl receive --key keys/carrier.jwk --key keys/sgp1.jwk --platform SZP1 \\
      --response-key keys/szp1.key.pem -o response.jws to-shenzhen.json
  ebl verify --key keys/szp1.jwk response.jws  the sender checks the signed answer
  ebl surrender to-shenzhen.json --key keys/szp1.key.pem --from SZP1:SZP1:qianhai --carrier SGP1:SMDG:LCOL -o surrender.json

A party is PLATFORM:PROVIDER:CODE[:NAME]. Times are RFC 3339 (default: now).
verify exits 0 when every file is valid, 1 when one is not, 2 on unusable input.

Recognition (does a jurisdiction recognise the record? criterion by criterion, law cited):
  ebl trust sign --key keys/authority.key.pem --issuer SG-ETR-PLATFORMS sg-list.json -o sg-list.jws
  ebl trust verify --key keys/authority.jwk --issuer SG-ETR-PLATFORMS sg-list.jws
  ebl recognize --jurisdiction CN --trust store.json --governing-law SG to-shenzhen.json
  ebl recognize --agreement sg-cn-shenzhen --side CN --trust store.json --trust sg-list.jws to-shenzhen.json
  ebl recognize --jurisdiction SG --trust store.json --governing-law SG \\
      --title-log title-log.json --dns-txt dns.json tradetrust-bl.json
recognize exits 0 recognised (subject to reliability), 1 not recognised, 3 indeterminate, 2 unusable input.

TradeTrust (OpenAttestation v2) documents; DNS answers and title logs are files, never fetched:
  ebl verify --dns-txt dns.json bl.wrapped.json
  ebl oa obfuscate bl.wrapped.json --path shipper.address -o redacted.json
  ebl oa data redacted.json
  ebl oa wrap bl.json -o bl.wrapped.json
  ebl oa title title-log.json";

/// Verify, transfer and recognise electronic bills of lading (DCSA PINT, TradeTrust).
#[derive(Parser)]
#[command(name = "ebl", version, about, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum KeyKind {
    Ed25519,
    P256,
    P384,
}

impl From<KeyKind> for KeyType {
    fn from(kind: KeyKind) -> KeyType {
        match kind {
            KeyKind::Ed25519 => KeyType::Ed25519,
            KeyKind::P256 => KeyType::P256,
            KeyKind::P384 => KeyType::P384,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum SurrenderFor {
    Delivery,
    Amendment,
}

impl From<SurrenderFor> for SurrenderPurpose {
    fn from(purpose: SurrenderFor) -> SurrenderPurpose {
        match purpose {
            SurrenderFor::Delivery => SurrenderPurpose::Delivery,
            SurrenderFor::Amendment => SurrenderPurpose::Amendment,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Run the Singapore → Shenzhen eBL journey end to end and print the report.
    Demo {
        /// Where to write the keys and envelopes (default: ./ebl-demo-out).
        #[arg(long, default_value = "ebl-demo-out")]
        out: PathBuf,
    },
    /// Verify files (PINT envelopes, issuance requests, transport documents, OpenAttestation
    /// documents); the format is detected.
    Verify(verify_cmd::VerifyArgs),
    /// Receive a PINT envelope as this platform (--platform): verify it, compare it with the
    /// registry (--db, default ebl-registry.sqlite; --no-db for a stateless check), record an
    /// acceptance, then sign the response to send back (RECE, or DUPE/DISE/BSIG/BENV/MDOC with
    /// the reason). Exit 0 RECE, 1 any other response, 2 unusable input or registry.
    Receive(receive_cmd::ReceiveArgs),
    /// What this platform's registry remembers (show, history), documents for a transfer
    /// answered MDOC (upload), and the TradeTrust side of an eBL (tradetrust).
    #[command(subcommand)]
    Registry(registry_cmd::RegistryCommand),
    /// OpenAttestation v2 (TradeTrust) documents: wrap, obfuscate, data, title.
    #[command(subcommand)]
    Oa(OaCommand),
    /// Verify a PINT envelope or a TradeTrust document, then decide whether a jurisdiction (or
    /// one side of an agreement) recognises the record: every criterion with its status,
    /// citation and reason.
    Recognize(recognize_cmd::RecognizeArgs),
    /// Sign, verify and show trust lists and trust stores.
    #[command(subcommand)]
    Trust(TrustCommand),
    /// Show what a file contains, decoded (signatures are not checked).
    Inspect {
        /// Print the decoded content as JSON.
        #[arg(long)]
        json: bool,
        /// The file.
        file: PathBuf,
    },
    /// Generate a signing key pair: NAME.key.pem (private) and NAME.jwk (public).
    Keygen {
        /// The key type.
        #[arg(long = "type", value_enum, default_value = "ed25519")]
        key_type: KeyKind,
        /// The directory to write to.
        #[arg(long, default_value = ".")]
        out: PathBuf,
        /// The file name stem.
        name: String,
    },
    /// Issue an eBL: the carrier signs the issuance manifest and the first chain entry.
    Issue {
        /// The DCSA transport document (JSON).
        #[arg(long)]
        document: PathBuf,
        /// The carrier's private key (PKCS#8 PEM or private JWK).
        #[arg(long)]
        key: PathBuf,
        /// The carrier, as PLATFORM:PROVIDER:CODE[:NAME].
        #[arg(long)]
        carrier: TransactionParty,
        /// The first holder, as PLATFORM:PROVIDER:CODE[:NAME].
        #[arg(long)]
        to: TransactionParty,
        /// The platform recording the issue (default: the carrier's).
        #[arg(long)]
        platform: Option<String>,
        /// The carrier's rendering of the B/L (a file; only its checksum is signed).
        #[arg(long)]
        visualisation: Option<PathBuf>,
        /// When (default: now).
        #[arg(long, value_name = "RFC3339")]
        at: Option<DateTime<Utc>>,
        /// Where to write the envelope (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Transfer possession to another party, on this platform or another.
    Transfer {
        #[command(flatten)]
        step: Step,
        /// The new holder.
        #[arg(long)]
        to: TransactionParty,
    },
    /// Endorse a to-order bill (and hand it to the endorsee, unless --endorse-only).
    Endorse {
        #[command(flatten)]
        step: Step,
        /// The endorsee; leave out with --blank.
        #[arg(long, required_unless_present = "blank")]
        to: Option<TransactionParty>,
        /// The endorsee may endorse further (ENDORSE_TO_ORDER).
        #[arg(long)]
        to_order: bool,
        /// Endorse in blank: the bill becomes payable to bearer.
        #[arg(long, conflicts_with_all = ["to", "to_order"])]
        blank: bool,
        /// Only record the endorsement; do not transfer possession to the endorsee.
        #[arg(long)]
        endorse_only: bool,
    },
    /// Surrender the eBL to the carrier, for delivery or for amendment.
    Surrender {
        #[command(flatten)]
        step: Step,
        /// The issuing carrier, as PLATFORM:PROVIDER:CODE[:NAME].
        #[arg(long)]
        carrier: TransactionParty,
        /// What for.
        #[arg(long = "for", value_enum, default_value = "delivery")]
        purpose: SurrenderFor,
        /// For an amendment: SWTP (switch to paper), COD (change of destination), SWI (switch B/L).
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Subcommand)]
enum OaCommand {
    /// Wrap raw documents (salt, hash, merkle root); several files make one batch.
    Wrap {
        /// Raw OpenAttestation v2 documents (JSON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write one wrapped document (default: standard output).
        #[arg(short, long, conflicts_with = "out_dir")]
        output: Option<PathBuf>,
        /// Where to write a batch (one file per input, same names).
        #[arg(long)]
        out_dir: Option<PathBuf>,
    },
    /// Hide fields (selective disclosure); the document still verifies.
    Obfuscate {
        /// A wrapped document.
        file: PathBuf,
        /// A field to hide, as a dotted path (`shipper.address`, `packages.0.weight`). Repeatable.
        #[arg(long = "path", required = true)]
        paths: Vec<String>,
        /// Where to write the result (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the document's data without salts (what OpenAttestation's getData returns).
    Data {
        /// A wrapped document.
        file: PathBuf,
    },
    /// Turn a TradeTrust title-escrow event log into a title history and replay it.
    Title {
        /// The event log (JSON; format in the `ebl::openattestation` docs).
        log: PathBuf,
        /// Print the history as JSON (the `ebl::title::History` format).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum TrustCommand {
    /// Sign a trust list (JSON, schema ebl-trust-list/1) as a compact JWS.
    Sign {
        /// The publisher's private key (PKCS#8 PEM or private JWK).
        #[arg(long)]
        key: PathBuf,
        /// The publisher's id: must be the list's `issuer`.
        #[arg(long)]
        issuer: String,
        /// The trust list.
        list: PathBuf,
        /// Where to write the JWS (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check a signed trust list: signature, issuer, validity (and sequence, with --store).
    /// Exit 0 accepted, 1 refused, 2 unusable input.
    Verify {
        /// The publisher's public key (JWK, JWK Set, PEM or certificate).
        #[arg(long)]
        key: PathBuf,
        /// The publisher expected.
        #[arg(long)]
        issuer: String,
        /// The time at which the list must be valid (default: now).
        #[arg(long, value_name = "RFC3339")]
        at: Option<DateTime<Utc>>,
        /// A trust store recording the lists already imported: an older or replayed list is
        /// refused.
        #[arg(long, value_name = "FILE")]
        store: Option<PathBuf>,
        /// The signed list.
        list: PathBuf,
    },
    /// Show a trust store, a trust list or a signed trust list (its signature is not checked).
    Show {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// The file.
        file: PathBuf,
    },
}

/// What every step on an existing envelope needs.
#[derive(clap::Args)]
struct Step {
    /// The envelope received.
    envelope: PathBuf,
    /// The private key of the platform recording this step.
    #[arg(long)]
    key: PathBuf,
    /// The acting party (the current holder), as PLATFORM:PROVIDER:CODE[:NAME].
    #[arg(long)]
    from: TransactionParty,
    /// The platform recording the step (default: the acting party's).
    #[arg(long)]
    platform: Option<String>,
    /// When (default: now).
    #[arg(long, value_name = "RFC3339")]
    at: Option<DateTime<Utc>>,
    /// Where to write the new envelope (default: standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

impl Step {
    fn record(&self, transactions: Vec<Transaction>) -> Result<(), Unusable> {
        let platform = self
            .platform
            .clone()
            .unwrap_or_else(|| self.from.ebl_platform.clone());
        let envelope = pint_cmd::extend(&self.envelope, &self.key, &platform, transactions)?;
        files::write_or_print(self.output.as_deref(), &envelope.to_json_pretty())
    }

    fn at(&self) -> DateTime<Utc> {
        self.at.unwrap_or_else(Utc::now)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Verify(args) => return verify_cmd::run(&args),
        Command::Receive(args) => return receive_cmd::run(&args),
        Command::Registry(command) => return registry_cmd::run(&command),
        Command::Oa(command) => match command {
            OaCommand::Wrap {
                files,
                output,
                out_dir,
            } => oa_cmd::wrap_files(&files, output.as_deref(), out_dir.as_deref()),
            OaCommand::Obfuscate {
                file,
                paths,
                output,
            } => oa_cmd::obfuscate(&file, &paths, output.as_deref()),
            OaCommand::Data { file } => oa_cmd::data(&file),
            OaCommand::Title { log, json } => oa_cmd::title(&log, json),
        },
        Command::Recognize(args) => return recognize_cmd::run(&args),
        Command::Trust(TrustCommand::Verify {
            key,
            issuer,
            at,
            store,
            list,
        }) => {
            return trust_cmd::verify(&trust_cmd::VerifyListArgs {
                key: &key,
                issuer: &issuer,
                at: at.unwrap_or_else(Utc::now),
                store: store.as_deref(),
                list: &list,
            });
        }
        Command::Trust(TrustCommand::Sign {
            key,
            issuer,
            list,
            output,
        }) => trust_cmd::sign(&key, &issuer, &list, output.as_deref()),
        Command::Trust(TrustCommand::Show { json, file }) => trust_cmd::show(&file, json),
        Command::Demo { out } => demo::run(&out),
        Command::Inspect { json, file } => inspect_cmd::run(&file, json),
        Command::Keygen {
            key_type,
            out,
            name,
        } => pint_cmd::keygen(key_type.into(), &out, &name, &SystemRandom::new()).map(|files| {
            outln!("private key: {} (keep it secret)", files.private.display());
            outln!(
                "public key:  {} (kid {})",
                files.public.display(),
                files.pair.thumbprint
            );
        }),
        Command::Issue {
            document,
            key,
            carrier,
            to,
            platform,
            visualisation,
            at,
            output,
        } => pint_cmd::issue(&pint_cmd::IssueArgs {
            document: &document,
            carrier_key: &key,
            platform: platform.as_deref(),
            carrier,
            to,
            at: at.unwrap_or_else(Utc::now),
            visualisation: visualisation.as_deref(),
        })
        .and_then(|envelope| files::write_or_print(output.as_deref(), &envelope.to_json_pretty())),
        Command::Transfer { step, to } => step.record(vec![Transaction::transfer(
            step.from.clone(),
            to,
            step.at(),
        )]),
        Command::Endorse {
            step,
            to,
            to_order,
            blank: _,
            endorse_only,
        } => step.record(endorsement_steps(
            step.from.clone(),
            EndorseTo::new(to, to_order),
            endorse_only,
            step.at(),
        )),
        Command::Surrender {
            step,
            carrier,
            purpose,
            reason,
        } => step.record(vec![Transaction::surrender(
            step.from.clone(),
            carrier,
            purpose.into(),
            reason,
            step.at(),
        )]),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ebl: {e}");
            ExitCode::from(exit::EXIT_UNUSABLE)
        }
    }
}
