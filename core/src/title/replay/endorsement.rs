//! Endorsement and nomination of a to-order bill: who may endorse, to whom, and whether the
//! endorsee may endorse further.

use super::super::event::EventKind;
use super::super::rules;
use super::context::{Ctx, acts_as};
use super::machine::Machine;

impl Machine<'_> {
    pub(super) fn endorse(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if !self.to_order() {
            cx.error(
                rules::STRAIGHT_BILL_ENDORSED,
                Some("kind"),
                format!("{} on a straight (non-negotiable) bill", event.kind),
            );
            return;
        }
        let is_endorsee = self
            .state
            .endorsee
            .as_ref()
            .is_some_and(|e| acts_as(event, e));
        let to_nominee = event.kind != EventKind::BlankEndorse
            && matches!((&self.state.nominee, &event.recipient), (Some(n), Some(r)) if n.same_party(r));
        let entitled = self.state.blank_endorsed || is_endorsee || to_nominee;
        let mut ok = cx.facts.actor_was_holder;
        if !entitled {
            ok = false;
            cx.error(
                rules::ENDORSER_NOT_ENTITLED,
                Some("actor"),
                format!(
                    "{} by {}, who is neither the endorsee nor endorsing to the endorsee's nominee, and the bill is not blank endorsed",
                    event.kind,
                    event.actor.label()
                ),
            );
        } else if is_endorsee && !self.state.blank_endorsed && !self.state.endorsee_may_endorse {
            ok = false;
            cx.error(
                rules::ENDORSEE_MAY_NOT_ENDORSE,
                Some("kind"),
                format!(
                    "{} by {}, who became endorsee by ENDORSE (not to order) and may not endorse further",
                    event.kind,
                    event.actor.label()
                ),
            );
        }
        if event.kind == EventKind::BlankEndorse {
            self.state.endorsee = None;
            self.state.blank_endorsed = true;
            self.state.endorsee_may_endorse = true;
        } else {
            let Some(recipient) = &event.recipient else {
                return;
            };
            self.state.endorsee = Some(recipient.clone());
            self.state.blank_endorsed = false;
            self.state.endorsee_may_endorse = event.kind == EventKind::EndorseToOrder;
        }
        self.state.nominee = None;
        cx.facts.endorsement_recorded = ok;
    }

    pub(super) fn nominate(&mut self, cx: &mut Ctx<'_>) {
        let event = cx.event;
        if !self.to_order() {
            cx.error(
                rules::STRAIGHT_BILL_ENDORSED,
                Some("kind"),
                "NOMINATE on a straight (non-negotiable) bill".to_owned(),
            );
            return;
        }
        // The endorsee nominates; on a blank-endorsed bill the holder stands in.
        let nominator = if self.state.blank_endorsed {
            self.state.holder.clone()
        } else {
            self.state.endorsee.clone()
        };
        let ok = nominator.as_ref().is_some_and(|n| acts_as(event, n));
        cx.facts.actor_was_holder = ok;
        if !ok {
            cx.facts.actor_was_divested = self.divested.contains(&event.actor);
            cx.error(
                rules::ACTOR_NOT_ENDORSEE,
                Some("actor"),
                format!(
                    "NOMINATE by {}, but only the endorsee {} may nominate",
                    event.actor.label(),
                    nominator.map_or_else(|| "(none)".to_owned(), |n| n.label())
                ),
            );
        } else if !self.state.endorsee_may_endorse {
            cx.error(
                rules::ENDORSEE_MAY_NOT_ENDORSE,
                Some("kind"),
                format!(
                    "NOMINATE by {}, who became endorsee by ENDORSE (not to order) and may not endorse further",
                    event.actor.label()
                ),
            );
        }
        if let Some(recipient) = &event.recipient {
            self.state.nominee = Some(recipient.clone());
        }
    }
}
