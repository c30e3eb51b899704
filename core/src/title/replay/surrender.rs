//! Surrender for delivery or amendment, and the carrier's rejection that hands the record
//! back.

use super::super::event::EventKind;
use super::super::party::PartyId;
use super::super::rules;
use super::super::state::Status;
use super::context::{Ctx, acts_as};
use super::machine::Machine;

impl Machine<'_> {
    pub(super) fn surrender(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if self.to_order()
            && !self.state.blank_endorsed
            && !self
                .state
                .endorsee
                .as_ref()
                .is_some_and(|e| acts_as(event, e))
        {
            cx.error(
                rules::SURRENDER_NOT_ENTITLED,
                Some("actor"),
                format!(
                    "{} by {}, but only the endorsee {} may surrender this to-order bill (it is not blank endorsed)",
                    event.kind,
                    event.actor.label(),
                    self.state
                        .endorsee
                        .as_ref()
                        .map_or_else(|| "(none)".to_owned(), PartyId::label)
                ),
            );
        }
        self.state.surrendered_by = self.state.holder.clone();
        self.state.surrender_reason = event.reason_code.clone();
        self.state.status = if event.kind == EventKind::SurrenderForDelivery {
            Status::SurrenderPendingForDelivery
        } else {
            Status::SurrenderPendingForAmendment
        };
        let Some(recipient) = &event.recipient else {
            // missing-recipient is reported; a surrender goes to the carrier.
            self.state.holder = self.carrier.clone();
            return;
        };
        if let Some(carrier) = &self.carrier
            && !carrier.same_party(recipient)
        {
            let carrier = carrier.label();
            cx.error(
                rules::SURRENDER_NOT_TO_CARRIER,
                Some("recipient"),
                format!(
                    "{} is addressed to {}, not to the carrier {carrier}",
                    event.kind,
                    recipient.label()
                ),
            );
        }
        self.state.holder = Some(recipient.clone());
    }

    pub(super) fn reject_surrender(&mut self, cx: &mut Ctx<'_>) {
        self.check_carrier_acts(cx);
        let event = cx.event;
        let back_to = self.state.surrendered_by.take();
        if let (Some(recipient), Some(back)) = (&event.recipient, &back_to)
            && !recipient.same_party(back)
        {
            cx.error(
                rules::SURRENDER_RETURNED_TO_WRONG_PARTY,
                Some("recipient"),
                format!(
                    "SURRENDER_REJECTED returns the record to {}, but {} surrendered it",
                    recipient.label(),
                    back.label()
                ),
            );
        }
        // With no record of who surrendered, the next actor is taken as the holder.
        self.state.holder = back_to;
        self.state.surrender_reason = None;
        self.state.status = Status::Active;
    }
}
