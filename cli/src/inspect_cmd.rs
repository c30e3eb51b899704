//! `ebl inspect`: what a file contains, decoded, without judging it
//! ([`ebl::inspect::inspect_bytes`]); this module only prints.

use std::path::Path;

use ebl::pint::Transaction;

use crate::files::{self, Unusable};
use crate::output::{outln, print_pretty_json};

pub fn run(path: &Path, json: bool) -> Result<(), Unusable> {
    let bytes = files::read(path)?;
    let inspection = ebl::inspect::inspect_bytes(&bytes).map_err(|e| Unusable::at(path, e))?;
    if json {
        print_pretty_json(&inspection.to_json_value());
        return Ok(());
    }
    outln!(
        "{}: {} (decoded, not verified — use `ebl verify` for a verdict)",
        path.display(),
        inspection.format.label()
    );
    for line in &inspection.summary {
        outln!("{line}");
    }
    Ok(())
}

pub fn transaction_text(transaction: &Transaction) -> String {
    ebl::inspect::transaction_line(transaction)
}
