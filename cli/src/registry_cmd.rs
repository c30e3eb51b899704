//! `ebl registry`: what this platform's registry remembers (`show`, `history`), the documents
//! a transfer answered `MDOC` still needs (`upload`), and the TradeTrust side of an eBL also
//! known as a PINT envelope (`tradetrust`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ebl::pint::upload_document_recorded;
use ebl::title::{Registry, TradeTrustTitle, cross_format_conflict, open_registry, registry_json};

use crate::exit::{EXIT_INVALID, EXIT_UNUSABLE, EXIT_VALID};
use crate::files::{self, Unusable};
use crate::output::{outln, print_pretty_json};

/// The registry `ebl receive` records into when no `--db` is given: in the current folder.
pub const DEFAULT_DB: &str = "ebl-registry.sqlite";

#[derive(clap::Subcommand)]
pub enum RegistryCommand {
    /// What the registry knows about one eBL: the holder here and the latest accepted
    /// transfer (JSON). Exit 0 known, 1 unknown, 2 unusable registry.
    Show {
        #[command(flatten)]
        db: Db,
        /// The transport document's checksum (or its reference, the B/L number).
        key: String,
    },
    /// Every transfer of one eBL accepted here, oldest first (JSON). Exit 0 known, 1 unknown.
    History {
        #[command(flatten)]
        db: Db,
        /// The transport document's checksum (or its reference, the B/L number).
        key: String,
    },
    /// Upload an additional document for a transfer answered MDOC. Exit 0 accepted, 1 refused
    /// (INCD: not the declared bytes or size), 2 unusable (no such transfer waiting).
    Upload {
        #[command(flatten)]
        db: Db,
        /// The transfer: its last chain entry's checksum (printed with the MDOC answer).
        #[arg(long, value_name = "CHECKSUM")]
        transfer: String,
        /// The declared document this upload is for (default: the file's own SHA-256).
        #[arg(long, value_name = "CHECKSUM")]
        checksum: Option<String>,
        /// The document.
        file: PathBuf,
    },
    /// Record the TradeTrust side (title-escrow log) of an eBL this platform also receives as a
    /// PINT envelope; a holder that disagrees with the PINT side is reported as a possible
    /// double spend (exit 1), and later PINT transfers of it are answered DISE.
    Tradetrust {
        #[command(flatten)]
        db: Db,
        /// The B/L number both formats share (the PINT `transportDocumentReference`).
        #[arg(long)]
        reference: String,
        /// The title-escrow event log (see `ebl oa title`).
        log: PathBuf,
    },
}

#[derive(clap::Args)]
pub struct Db {
    /// The registry: a SQLite file or a postgres://… URL.
    #[arg(long, value_name = "FILE|URL", default_value = DEFAULT_DB)]
    pub db: String,
}

/// Opens a registry; `create` allows a new SQLite file (receiving), otherwise a missing file
/// is an error rather than an empty registry left behind.
pub fn open(location: &str, create: bool) -> Result<Box<dyn Registry + Send + Sync>, Unusable> {
    let is_url = location.starts_with("postgres://") || location.starts_with("postgresql://");
    if !create && !is_url && !Path::new(location).exists() {
        return Err(Unusable(format!(
            "{location}: no registry here (give --db FILE or a postgres:// URL)"
        )));
    }
    open_registry(location).map_err(|e| Unusable(e.to_string()))
}

pub fn run(command: &RegistryCommand) -> ExitCode {
    match dispatch(command) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("ebl: {e}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

fn dispatch(command: &RegistryCommand) -> Result<u8, Unusable> {
    match command {
        RegistryCommand::Show { db, key } => show(&db.db, key, false),
        RegistryCommand::History { db, key } => show(&db.db, key, true),
        RegistryCommand::Upload {
            db,
            transfer,
            checksum,
            file,
        } => upload(&db.db, transfer, checksum.as_deref(), file),
        RegistryCommand::Tradetrust { db, reference, log } => tradetrust(&db.db, reference, log),
    }
}

fn unusable(error: ebl::Error) -> Unusable {
    Unusable(error.to_string())
}

fn show(location: &str, key: &str, history: bool) -> Result<u8, Unusable> {
    let registry = open(location, false)?;
    let Some(mut known) =
        registry_json(registry.as_ref(), key).map_err(|e| Unusable(e.to_string()))?
    else {
        eprintln!("{key}: not known to this registry");
        return Ok(EXIT_INVALID);
    };
    if let Some(object) = known.as_object_mut() {
        if history {
            let transfers = object.remove("transfers").unwrap_or_default();
            print_pretty_json(&transfers);
            return Ok(EXIT_VALID);
        }
        object.remove("transfers");
    }
    print_pretty_json(&known);
    Ok(EXIT_VALID)
}

fn upload(
    location: &str,
    transfer: &str,
    checksum: Option<&str>,
    file: &Path,
) -> Result<u8, Unusable> {
    let bytes = files::read(file)?;
    let checksum = checksum.map_or_else(|| ebl::checksum::sha256_hex(&bytes), str::to_owned);
    let body = format!("\"{}\"", ebl::crypto::b64::encode_standard(&bytes));
    let registry = open(location, false)?;
    let report = upload_document_recorded(registry.as_ref(), transfer, &checksum, body.as_bytes())
        .map_err(unusable)?;
    match report.response_code {
        None => {
            outln!("{}: received as document {checksum}", file.display());
            Ok(EXIT_VALID)
        }
        Some(code) => {
            outln!("{}: {code} ({})", file.display(), code.description());
            for finding in &report.findings {
                outln!("  {finding}");
            }
            Ok(EXIT_INVALID)
        }
    }
}

fn tradetrust(location: &str, reference: &str, log: &Path) -> Result<u8, Unusable> {
    let history = ebl::openattestation::title_history_from_log(&files::read(log)?)
        .map_err(|e| Unusable::at(log, e))?;
    let title = TradeTrustTitle {
        transport_document_reference: reference.to_owned(),
        history,
    };
    let registry = open(location, true)?;
    registry
        .record_tradetrust(&title)
        .map_err(|e| Unusable(e.to_string()))?;
    let pint = registry
        .latest_by_reference(reference)
        .map_err(|e| Unusable(e.to_string()))?;
    match pint.and_then(|t| cross_format_conflict(t.holder.as_ref(), &title)) {
        Some(conflict) => {
            outln!("{reference}: recorded; {conflict}");
            Ok(EXIT_INVALID)
        }
        None => {
            outln!("{reference}: TradeTrust title recorded");
            Ok(EXIT_VALID)
        }
    }
}
