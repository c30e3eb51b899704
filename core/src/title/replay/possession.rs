//! Possession: only the holder acts, only the carrier does the carrier's acts, the effect of
//! each event kind, and `TRANSFER` (never to the holder; a straight bill only to its
//! consignee).

use super::super::event::{EventKind, History};
use super::super::rules;
use super::super::state::Status;
use super::context::{Ctx, acts_as, same};
use super::machine::Machine;

impl Machine<'_> {
    /// Only the current holder acts.
    pub(super) fn check_holder_acts(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        let Some(holder) = self.state.holder.clone() else {
            // An earlier broken event left the holder unknown: the actor is taken as the
            // holder, without a finding (the broken event has one) and without the fact.
            self.state.holder = Some(event.actor.clone());
            return;
        };
        let is_holder = acts_as(event, &holder);
        cx.facts.actor_was_holder = is_holder;
        if is_holder {
            return;
        }
        cx.facts.actor_was_divested = self.divested.contains(&event.actor);
        let holder_label = holder.label();
        match self.last_handover {
            Some(previous) if previous + 1 == cx.index => cx.error(
                rules::RECIPIENT_NOT_NEXT_ACTOR,
                Some("actor"),
                format!(
                    "{} by {}, but the previous event ({}) handed the record to {holder_label}",
                    event.kind,
                    event.actor.label(),
                    History::event_path(previous)
                ),
            ),
            _ => cx.error(
                rules::ACTOR_NOT_HOLDER,
                Some("actor"),
                format!(
                    "{} by {}, who does not hold the record; the holder is {holder_label}{}",
                    event.kind,
                    event.actor.label(),
                    if cx.facts.actor_was_divested {
                        " (the actor gave up control earlier)"
                    } else {
                        ""
                    }
                ),
            ),
        }
    }

    pub(super) fn check_carrier_acts(&self, cx: &mut Ctx<'_>) {
        if let Some(carrier) = &self.carrier
            && !acts_as(cx.event, carrier)
        {
            let carrier = carrier.label();
            cx.error(
                rules::CARRIER_ACTION_NOT_BY_CARRIER,
                Some("actor"),
                format!(
                    "{} by {}, but only the carrier {carrier} may do it",
                    cx.event.kind,
                    cx.event.actor.label()
                ),
            );
        }
    }

    /// The effect of an event allowed in the current status, after the holder check.
    pub(super) fn apply(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        match event.kind {
            EventKind::Transfer => self.transfer(cx),
            EventKind::Endorse | EventKind::EndorseToOrder | EventKind::BlankEndorse => {
                self.endorse(cx);
            }
            EventKind::SurrenderForDelivery | EventKind::SurrenderForAmendment => {
                self.surrender(cx);
            }
            EventKind::SurrenderAccepted => {
                self.check_carrier_acts(cx);
                self.state.status = match self.state.status {
                    Status::SurrenderPendingForDelivery => Status::Surrendered,
                    _ if self.state.surrender_reason.as_deref() == Some("SWTP") => {
                        Status::ConvertedToPaper
                    }
                    _ => Status::AwaitingAmendment,
                };
            }
            EventKind::SurrenderRejected => self.reject_surrender(cx),
            EventKind::Amend => {
                // create_record checks the carrier; keep the holder fact of the check above.
                let was_holder = cx.facts.actor_was_holder;
                self.create_record(cx, rules::CARRIER_ACTION_NOT_BY_CARRIER);
                cx.facts.actor_was_holder = was_holder;
            }
            EventKind::ConvertToPaper => {
                self.check_carrier_acts(cx);
                self.state.status = Status::ConvertedToPaper;
            }
            EventKind::Sign => {}
            // Handled elsewhere: record creation and nomination.
            EventKind::Issue | EventKind::ConvertFromPaper | EventKind::Nominate => {}
        }
    }

    pub(super) fn transfer(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        let Some(recipient) = &event.recipient else {
            // missing-recipient is reported; the next actor is taken as the holder.
            self.state.holder = None;
            return;
        };
        if same(self.state.holder.as_ref(), recipient) {
            cx.error(
                rules::TRANSFER_TO_SELF,
                Some("recipient"),
                format!(
                    "TRANSFER to {}, who already holds the record",
                    recipient.label()
                ),
            );
            return;
        }
        if !self.to_order() {
            match &self.history.consignee {
                Some(consignee) if !consignee.same_party(recipient) => cx.error(
                    rules::STRAIGHT_TRANSFER_NOT_TO_CONSIGNEE,
                    Some("recipient"),
                    format!(
                        "a straight bill may only be transferred to its consignee {}, not to {}",
                        consignee.label(),
                        recipient.label()
                    ),
                ),
                Some(_) => {}
                None if !self.consignee_warned => {
                    self.consignee_warned = true;
                    cx.warning(
                        rules::CONSIGNEE_UNKNOWN,
                        Some("recipient"),
                        "a straight bill was transferred, but the history names no consignee to check the transferee against"
                            .to_owned(),
                    );
                }
                None => {}
            }
        }
        self.state.holder = Some(recipient.clone());
    }
}
