//! The checks that do not depend on the record's state: time, parties, recipient presence,
//! fields that only some kinds carry, the change-of-medium statement.

use super::super::event::EventKind;
use super::super::rules;
use super::context::Ctx;
use super::machine::Machine;

impl Machine<'_> {
    /// Checks that do not depend on the state: time, parties, recipient presence, fields.
    pub(super) fn check_common(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if let Some(previous) = self.previous_at
            && event.at < previous
        {
            cx.facts.time_monotonic = false;
            cx.error(
                rules::TIME_WENT_BACKWARDS,
                Some("at"),
                format!(
                    "{} is dated {}, before the previous event ({previous})",
                    event.kind,
                    event.at.to_rfc3339()
                ),
            );
        }
        if !event.actor.is_identified() {
            cx.error(
                rules::PARTY_UNIDENTIFIED,
                Some("actor"),
                format!(
                    "the actor {} has no identifying code or address, so it cannot be matched",
                    event.actor.label()
                ),
            );
        }
        match &event.recipient {
            Some(r) if !r.is_identified() => cx.error(
                rules::PARTY_UNIDENTIFIED,
                Some("recipient"),
                format!(
                    "the recipient {} has no identifying code or address, so it cannot be matched",
                    r.label()
                ),
            ),
            Some(r) if cx.kind().takes_no_recipient() => cx.warning(
                rules::UNEXPECTED_RECIPIENT,
                Some("recipient"),
                format!(
                    "{} has no recipient; the recipient {} is ignored",
                    event.kind,
                    r.label()
                ),
            ),
            None if cx.kind().needs_recipient() => cx.error(
                rules::MISSING_RECIPIENT,
                Some("recipient"),
                format!("{} needs a recipient and has none", event.kind),
            ),
            _ => {}
        }
        if event.endorsee.is_some()
            && !matches!(
                cx.kind(),
                EventKind::Issue | EventKind::Amend | EventKind::ConvertFromPaper
            )
        {
            cx.warning(
                rules::UNEXPECTED_ENDORSEE,
                Some("endorsee"),
                format!(
                    "only ISSUE, AMEND and CONVERT_FROM_PAPER name an initial endorsee; it is ignored on {}",
                    event.kind
                ),
            );
        }
        if matches!(
            cx.kind(),
            EventKind::ConvertFromPaper | EventKind::ConvertToPaper
        ) {
            let has_statement = event
                .medium_change
                .as_ref()
                .and_then(|m| m.statement.as_deref())
                .is_some_and(|s| !s.trim().is_empty());
            cx.facts.change_of_medium_statement = has_statement;
            if !has_statement {
                cx.warning(
                    rules::CHANGE_OF_MEDIUM_STATEMENT_MISSING,
                    Some("mediumChange"),
                    format!(
                        "{} carries no statement indicating the change of medium",
                        event.kind
                    ),
                );
            }
        }
    }
}
