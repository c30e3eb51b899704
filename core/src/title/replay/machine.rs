//! The replay state and the order of the checks: where the record is (not issued, active,
//! surrender pending, ended) decides which event kinds are possible and which rules apply.

use chrono::{DateTime, Utc};

use super::super::event::{Event, EventKind, History, Negotiability};
use super::super::party::{PartyId, PartySet};
use super::super::rules;
use super::super::state::{Status, Step, StepFacts, TitleState};
use super::context::Ctx;
use crate::report::Finding;

/// The replay in progress: the state after the events seen so far.
pub(super) struct Machine<'h> {
    pub(super) history: &'h History,
    pub(super) carrier: Option<PartyId>,
    pub(super) state: TitleState,
    /// Parties that held control and gave it up.
    pub(super) divested: PartySet,
    /// Whether the previous event handed the record to its recipient.
    pub(super) last_handover: Option<usize>,
    pub(super) previous_at: Option<DateTime<Utc>>,
    pub(super) consignee_warned: bool,
    pub(super) steps: Vec<Step>,
    pub(super) findings: Vec<Finding>,
}

impl<'h> Machine<'h> {
    pub(super) fn new(history: &'h History) -> Machine<'h> {
        Machine {
            history,
            carrier: history.carrier.clone(),
            state: TitleState::default(),
            divested: PartySet::default(),
            last_handover: None,
            previous_at: None,
            consignee_warned: false,
            steps: Vec::new(),
            findings: Vec::new(),
        }
    }

    pub(super) fn to_order(&self) -> bool {
        self.history.negotiability == Negotiability::ToOrder
    }

    pub(super) fn step(&mut self, index: usize, event: &Event) {
        let mut cx = Ctx {
            index,
            event,
            facts: StepFacts {
                signed_by_actor: event.signed_by_actor,
                time_monotonic: true,
                ..StepFacts::default()
            },
            findings: Vec::new(),
        };
        self.check_common(&mut cx);
        let holder_before = self.state.holder.clone();
        if self.state.status.is_terminal() {
            cx.error(
                rules::EVENT_AFTER_TERMINAL,
                Some("kind"),
                format!(
                    "{} after the record ended ({:?}); nothing may happen after a terminal state",
                    event.kind, self.state.status
                ),
            );
        } else if self.state.status == Status::NotIssued {
            self.first_event(&mut cx);
        } else {
            self.later_event(&mut cx);
        }
        // Holder change facts.
        let changed = match (&holder_before, &self.state.holder) {
            (Some(a), Some(b)) => !a.same_party(b),
            (None, Some(_)) => true,
            _ => false,
        };
        cx.facts.holder_changed = changed;
        cx.facts.transfer_divested_previous_holder = changed && holder_before.is_some();
        if changed {
            if let Some(previous) = &holder_before {
                self.divested.insert(previous);
            }
            self.last_handover = Some(index);
        } else {
            self.last_handover = None;
        }
        self.previous_at = Some(event.at);
        self.findings.append(&mut cx.findings);
        self.steps.push(Step {
            index,
            kind: event.kind,
            at: event.at,
            source: event.source.clone(),
            state: self.state.clone(),
            facts: cx.facts,
        });
    }

    pub(super) fn carrier_label(&self) -> String {
        self.carrier
            .as_ref()
            .map_or_else(|| "the carrier".to_owned(), PartyId::label)
    }

    /// The first event: `ISSUE` or `CONVERT_FROM_PAPER` by the carrier.
    pub(super) fn first_event(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if self.carrier.is_none() && cx.kind().creates_record() {
            self.carrier = Some(event.actor.clone());
        }
        if !cx.kind().creates_record() {
            cx.error(
                rules::FIRST_EVENT_NOT_ISSUE,
                Some("kind"),
                format!(
                    "the first event is {}, but a record starts with ISSUE or CONVERT_FROM_PAPER",
                    event.kind
                ),
            );
            // Carry on as if the actor held an issued record.
            self.state.status = Status::Active;
            self.state.holder = Some(event.actor.clone());
            self.state.blank_endorsed = self.to_order();
            self.state.endorsee_may_endorse = true;
            self.later_event(cx);
            return;
        }
        self.create_record(cx, rules::ISSUE_NOT_BY_CARRIER);
    }

    pub(super) fn later_event(&mut self, cx: &mut Ctx<'_>) {
        let kind = cx.kind();
        if kind.creates_record() {
            cx.error(
                rules::ISSUE_NOT_FIRST,
                Some("kind"),
                format!(
                    "{kind} after the record was created; only the first event creates it (an amended record is AMEND)"
                ),
            );
            return;
        }
        if kind != EventKind::Amend {
            self.check_document_version(cx);
        }
        if !self.allowed_in_state(cx) {
            return;
        }
        match kind {
            EventKind::Nominate => self.nominate(cx),
            _ => {
                self.check_holder_acts(cx);
                self.apply(cx);
            }
        }
    }

    /// Whether the event kind is possible in the current status; reports it if not.
    pub(super) fn allowed_in_state(&self, cx: &mut Ctx<'_>) -> bool {
        let status = self.state.status;
        let kind = cx.kind();
        let answer = matches!(
            kind,
            EventKind::SurrenderAccepted | EventKind::SurrenderRejected
        );
        let ok = match status {
            Status::Active => !answer && kind != EventKind::Amend,
            Status::SurrenderPendingForDelivery => answer,
            Status::SurrenderPendingForAmendment => answer || kind == EventKind::ConvertToPaper,
            Status::AwaitingAmendment => kind == EventKind::Amend,
            Status::NotIssued | Status::Surrendered | Status::ConvertedToPaper => false,
        };
        if !ok {
            if answer && !status.is_surrender_pending() {
                cx.error(
                    rules::SURRENDER_NOT_PENDING,
                    Some("kind"),
                    format!("{kind}, but no surrender is pending (status {status:?})"),
                );
            } else {
                cx.error(
                    rules::NOT_ALLOWED_IN_STATE,
                    Some("kind"),
                    format!("{kind} is not possible while the record is {status:?}"),
                );
            }
        }
        ok
    }
}
