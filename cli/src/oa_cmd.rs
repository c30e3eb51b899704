//! `ebl oa wrap | obfuscate | data | title`: OpenAttestation v2 (TradeTrust) documents.

use std::path::{Path, PathBuf};

use ebl::json::to_js_string_pretty;
use ebl::openattestation::{
    OaError, UuidV4Salts, WrappedDocument, title_history_from_log, wrap_batch_bytes, wrap_bytes,
};
use ring::rand::SystemRandom;

use crate::files::{self, Unusable};
use crate::output::outln;

fn read_wrapped(path: &Path) -> Result<WrappedDocument, Unusable> {
    WrappedDocument::from_bytes(&files::read(path)?).map_err(|e| Unusable::at(path, e))
}

/// Wraps one document, or several into one batch (one merkle root, a proof each). With
/// several inputs, each output goes to `OUT_DIR/NAME` (same file name as its input).
pub fn wrap_files(
    inputs: &[PathBuf],
    output: Option<&Path>,
    out_dir: Option<&Path>,
) -> Result<(), Unusable> {
    let rng = SystemRandom::new();
    let mut salts = UuidV4Salts::new(&rng);
    if let [single] = inputs {
        let wrapped =
            wrap_bytes(&files::read(single)?, &mut salts).map_err(|e| Unusable::at(single, e))?;
        return files::write_or_print(output, &wrapped.to_pretty_json());
    }
    let dir =
        out_dir.ok_or_else(|| Unusable("wrapping several documents needs --out-dir DIR".into()))?;
    let data = inputs
        .iter()
        .map(|p| files::read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let wrapped = wrap_batch_bytes(&data, &mut salts).map_err(|e| match e {
        ebl::Error::OpenAttestation(OaError::BatchDocument { index, error }) => {
            match inputs.get(index) {
                Some(path) => Unusable::at(path, error),
                None => Unusable(error.to_string()),
            }
        }
        other => Unusable(other.to_string()),
    })?;
    for (input, document) in inputs.iter().zip(wrapped) {
        let name = input
            .file_name()
            .ok_or_else(|| Unusable::at(input, "not a file name"))?;
        files::write(&dir.join(name), document.to_pretty_json().as_bytes())?;
        outln!("wrapped {} → {}", input.display(), dir.join(name).display());
    }
    Ok(())
}

pub fn obfuscate(input: &Path, paths: &[String], output: Option<&Path>) -> Result<(), Unusable> {
    let document = read_wrapped(input)?;
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let obfuscated = document
        .obfuscate(&paths)
        .map_err(|e| Unusable::at(input, e))?;
    files::write_or_print(output, &obfuscated.to_pretty_json())
}

pub fn data(input: &Path) -> Result<(), Unusable> {
    let data = read_wrapped(input)?
        .data()
        .map_err(|e| Unusable::at(input, e))?;
    outln!("{}", to_js_string_pretty(&data, 2));
    Ok(())
}

/// A TradeTrust title-escrow event log as a platform-neutral title history, with its replay.
pub fn title(log: &Path, json: bool) -> Result<(), Unusable> {
    let history = title_history_from_log(&files::read(log)?).map_err(|e| Unusable::at(log, e))?;
    if json {
        outln!("{}", history.to_json().map_err(|e| Unusable::at(log, e))?);
        return Ok(());
    }
    let replay = ebl::title::replay(&history);
    outln!(
        "{}: title history of token {} ({} events)",
        log.display(),
        history.document_reference,
        history.events.len()
    );
    crate::title_text::print_steps(&replay.steps, "  ", ebl::title::PartyId::label);
    outln!("  final status: {:?}", replay.final_state.status);
    for finding in &replay.findings {
        outln!("  {finding}");
    }
    Ok(())
}
