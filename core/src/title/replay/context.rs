//! One event under check: the facts and findings it collects, and how a broken rule becomes a
//! finding at the event's JSON path (and PINT chain entry).

use super::super::event::{Event, EventKind, EventSource, History};
use super::super::party::PartyId;
use super::super::state::StepFacts;
use crate::report::{Finding, Severity};

/// What the checks of one event produce before its effect is applied.
pub(super) struct Ctx<'e> {
    pub(super) index: usize,
    pub(super) event: &'e Event,
    pub(super) facts: StepFacts,
    pub(super) findings: Vec<Finding>,
}

impl Ctx<'_> {
    pub(super) fn report(
        &mut self,
        severity: Severity,
        code: &str,
        member: Option<&str>,
        message: String,
    ) {
        let mut path = History::event_path(self.index);
        if let Some(member) = member {
            path.push('.');
            path.push_str(member);
        }
        let message = match &self.event.source {
            EventSource::Pint { path: p, .. } => format!("{message} (PINT transaction {p})"),
            EventSource::TradeTrust { log_index, .. } => {
                format!("{message} (TradeTrust log {log_index})")
            }
            EventSource::Manual => message,
        };
        let mut finding = Finding::new(severity, code, path, message);
        if let EventSource::Pint { entry, .. } = self.event.source {
            finding = finding.at_entry(entry);
        }
        if severity == Severity::Error && !self.facts.broken_rules.iter().any(|c| c == code) {
            self.facts.broken_rules.push(code.to_owned());
        }
        self.findings.push(finding);
    }

    pub(super) fn error(&mut self, code: &str, member: Option<&str>, message: String) {
        self.report(Severity::Error, code, member, message);
    }

    pub(super) fn warning(&mut self, code: &str, member: Option<&str>, message: String) {
        self.report(Severity::Warning, code, member, message);
    }

    pub(super) fn kind(&self) -> EventKind {
        self.event.kind
    }
}

/// Whether the event was done by `party`, directly or by representing it.
pub(super) fn acts_as(event: &Event, party: &PartyId) -> bool {
    event.actor.same_party(party)
        || event
            .on_behalf_of
            .as_ref()
            .is_some_and(|p| p.same_party(party))
}

/// Whether `a` is present and the same party as `b`.
pub(super) fn same(a: Option<&PartyId>, b: &PartyId) -> bool {
    a.is_some_and(|a| a.same_party(b))
}
