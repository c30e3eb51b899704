//! Creating the record: `ISSUE`, `CONVERT_FROM_PAPER` and `AMEND` by the carrier, and the
//! rule that the document changes only by `AMEND`.

use super::super::event::EventKind;
use super::super::rules;
use super::super::state::Status;
use super::context::{Ctx, acts_as};
use super::machine::Machine;

impl Machine<'_> {
    /// `ISSUE`, `CONVERT_FROM_PAPER` and `AMEND`: the carrier (re)creates the record for the
    /// recipient.
    pub(super) fn create_record(&mut self, cx: &mut Ctx<'_>, carrier_rule: &str) {
        let event = cx.event;
        let by_carrier = self.carrier.as_ref().is_none_or(|c| acts_as(event, c));
        cx.facts.actor_was_holder = by_carrier;
        if !by_carrier {
            let carrier = self.carrier_label();
            cx.error(
                carrier_rule,
                Some("actor"),
                format!(
                    "{} by {}, but only the carrier {carrier} may do it",
                    event.kind,
                    event.actor.label()
                ),
            );
        }
        if event.endorsee.is_some() && !self.to_order() {
            cx.error(
                rules::STRAIGHT_BILL_ENDORSED,
                Some("endorsee"),
                format!("{} names an endorsee on a straight bill", event.kind),
            );
        }
        self.state.status = Status::Active;
        let Some(recipient) = &event.recipient else {
            // missing-recipient is reported; the next actor is taken as the holder.
            self.state.holder = None;
            return;
        };
        let to_order = self.to_order();
        let endorsee = if to_order {
            event.endorsee.clone()
        } else {
            None
        };
        self.state.status = Status::Active;
        self.state.holder = Some(recipient.clone());
        self.state.blank_endorsed = to_order && endorsee.is_none();
        self.state.endorsee = endorsee;
        self.state.endorsee_may_endorse = true;
        self.state.nominee = None;
        self.state.surrendered_by = None;
        self.state.surrender_reason = None;
        if event.kind == EventKind::Amend {
            self.state.document_version = self.state.document_version.saturating_add(1);
            cx.facts.amendment_identified = event.document_checksum.is_some();
            if event.document_checksum.is_none() {
                cx.warning(
                    rules::AMENDMENT_NOT_IDENTIFIED,
                    Some("documentChecksum"),
                    "AMEND does not name the checksum of the amended document".to_owned(),
                );
            }
            self.state.document_checksum = event.document_checksum.clone();
        } else if event.document_checksum.is_some() {
            self.state.document_checksum = event.document_checksum.clone();
        }
    }

    pub(super) fn check_document_version(&mut self, cx: &mut Ctx<'_>) {
        let Some(claimed) = &cx.event.document_checksum else {
            return;
        };
        match &self.state.document_checksum {
            Some(current) if !current.eq_ignore_ascii_case(claimed) => cx.error(
                rules::DOCUMENT_CHANGED_WITHOUT_AMENDMENT,
                Some("documentChecksum"),
                format!(
                    "{} concerns document {claimed}, but the current version is {current} and no AMEND replaced it",
                    cx.event.kind
                ),
            ),
            Some(_) => {}
            None => self.state.document_checksum = Some(claimed.clone()),
        }
    }
}
