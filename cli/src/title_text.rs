//! A title replay for a person, one line per step: time, event, holder. `ebl oa title` and the
//! demo's verification report print it the same way.

use ebl::title::{PartyId, Step};

use crate::output::outln;

/// Prints one line per step, each after `indent`; `holder` says how to name the party holding
/// the record (`—` when nobody does).
pub fn print_steps(steps: &[Step], indent: &str, holder: impl Fn(&PartyId) -> String) {
    for step in steps {
        outln!(
            "{indent}{} {:<24} holder: {}",
            step.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            step.kind.as_str(),
            step.state
                .holder
                .as_ref()
                .map_or_else(|| "—".to_owned(), &holder)
        );
    }
}
