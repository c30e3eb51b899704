//! Criteria over control of the record: singularity (row 2), controllability (4), single
//! holder (5), identifiable controller (6), divesting transfers (7), holder-made transfers (8),
//! endorsements (9), terminal states (20).

use super::Context;
use crate::recognition::Outcome;
use crate::recognition::facts::LegalEventKind;
use crate::recognition::rules::CellParams;

/// Row 2, judged at every event: no conflict (fork, double spend, second record) was found at
/// it, it is not a second issuance, and at the latest event a registry was consulted.
pub(super) fn singularity(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    let mut problems = Vec::new();
    if i == 0 && ctx.history.record_id.trim().is_empty() {
        problems.push(Outcome::not_satisfied("the record has no identifier"));
    }
    for c in &ctx.history.conflicts {
        if c.event == Some(i) || (c.event.is_none() && i == 0) {
            problems.push(Outcome::not_satisfied(format!(
                "conflict: {}",
                c.description
            )));
        }
    }
    if e.kind.is_creation()
        && let Some(first) = ctx.history.events.iter().position(|e| e.kind.is_creation())
        && first < i
    {
        problems.push(Outcome::not_satisfied(format!(
            "record '{}' created again at event {i} (first created at event {first})",
            ctx.history.record_id
        )));
    }
    if i + 1 == ctx.history.events.len() && !ctx.evidence.registry_checked {
        problems.push(Outcome::indeterminate(
            "no registry of authoritative records was consulted, so a second authoritative record with this id cannot be excluded",
        ));
    }
    Some(super::worst(problems, || {
        Outcome::satisfied(format!(
            "record '{}' is the only authoritative record found",
            ctx.history.record_id
        ))
    }))
}

/// Row 4, judged at every event: the history starts with the record's creation, every
/// non-terminal state has a controller, and nothing happens after the record ceased to have
/// effect.
pub(super) fn controllability(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if i == 0 && !e.kind.is_creation() {
        return Some(super::partial_history(
            ctx,
            "control from the record's creation",
        ));
    }
    if let Some(t) = ctx.terminal_before(i) {
        return Some(Outcome::not_satisfied(format!(
            "event {i} ('{}') happened after the record ceased to have effect at event {t}",
            e.kind.name()
        )));
    }
    if !e.status_after.is_terminal() && e.controller_after.is_empty() {
        return Some(Outcome::not_satisfied(format!(
            "nobody controls the record after event {i}"
        )));
    }
    Some(Outcome::satisfied(format!(
        "controlled by {} after event {i}",
        e.controller_after.describe()
    )))
}

/// Row 5, judged at every event after which the record is in effect: one controller, or a
/// group declared to act jointly.
pub(super) fn single_holder(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if e.status_after.is_terminal() {
        return None;
    }
    let c = &e.controller_after;
    Some(match c.parties.len() {
        0 => Outcome::not_satisfied(format!("no holder after event {i}")),
        1 => Outcome::satisfied(format!("single holder {} after event {i}", c.describe())),
        _ if c.joint => Outcome::satisfied(format!(
            "joint holders {} act as one after event {i}",
            c.describe()
        )),
        n => Outcome::not_satisfied(format!(
            "{n} parties ({}) control the record after event {i} without being declared joint",
            c.describe()
        )),
    })
}

/// Row 6, judged at every event after which the record is in effect: each controller is in
/// the trust store or has an identifier (of an accepted scheme, where the cell lists some).
pub(super) fn identifiable_controller(
    ctx: &Context<'_>,
    i: usize,
    params: &CellParams,
) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if e.status_after.is_terminal() {
        return None;
    }
    let accepted = |scheme: &str| {
        params.identifier_schemes.is_empty()
            || params.identifier_schemes.iter().any(|s| s == scheme)
    };
    let mut problems = Vec::new();
    for party in &e.controller_after.parties {
        let in_store = ctx.trust.party(party).is_some_and(|p| {
            p.identifiers.iter().any(|id| accepted(&id.scheme))
                || params.identifier_schemes.is_empty()
        });
        let identified = ctx
            .history
            .parties
            .iter()
            .filter(|p| p.id == *party)
            .flat_map(|p| &p.identifiers)
            .any(|id| accepted(&id.scheme) && !id.value.trim().is_empty());
        if !in_store && !identified {
            problems.push(Outcome::not_satisfied(format!(
                "controller '{party}' after event {i} has no identifier{} and is not in the trust store",
                if params.identifier_schemes.is_empty() {
                    String::new()
                } else {
                    format!(" of an accepted scheme ({})", params.identifier_schemes.join(", "))
                }
            )));
        }
    }
    if e.controller_after.is_empty() {
        problems.push(Outcome::not_satisfied(format!(
            "no controller to identify after event {i}"
        )));
    }
    Some(super::worst(problems, || {
        Outcome::satisfied(format!(
            "controller {} identified after event {i}",
            e.controller_after.describe()
        ))
    }))
}

/// Row 7: at a transfer, control leaves the transferor; afterwards, a former controller who
/// does not hold the record again does not act on it.
pub(super) fn transfer_divests(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    let mut problems = Vec::new();
    let changed = e.controller_after != e.controller_before;
    let is_transfer = matches!(e.kind, LegalEventKind::Transfer | LegalEventKind::Surrender)
        || (e.kind == LegalEventKind::Endorse && changed);
    if is_transfer && !changed {
        problems.push(Outcome::not_satisfied(format!(
            "'{}' at event {i} left control with {}",
            e.kind.name(),
            e.controller_before.describe()
        )));
    }
    let mut acted_after_divesting = false;
    if let Some(actor) = e.actor.as_deref()
        && !e.controller_before.contains(actor)
    {
        let divested_at = ctx.history.events.iter().take(i).rposition(|p| {
            p.controller_before.contains(actor) && !p.controller_after.contains(actor)
        });
        if let Some(t) = divested_at {
            acted_after_divesting = true;
            problems.push(Outcome::not_satisfied(format!(
                "'{actor}' acted at event {i} ('{}') after giving up control at event {t}",
                e.kind.name()
            )));
        }
    }
    if !is_transfer && !acted_after_divesting {
        return None;
    }
    Some(super::worst(problems, || {
        Outcome::satisfied(format!(
            "control passed from {} to {} at event {i}",
            e.controller_before.describe(),
            e.controller_after.describe()
        ))
    }))
}

/// The common test of rows 8 and 9: made by the holder, and signed by it or its platform.
fn made_and_signed_by_holder(ctx: &Context<'_>, i: usize, what: &str) -> Vec<Outcome> {
    let Some(e) = ctx.event(i) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    match e.actor.as_deref() {
        None => problems.push(Outcome::indeterminate(format!(
            "{what} at event {i} does not record who made it"
        ))),
        Some(actor) if !e.controller_before.contains(actor) => {
            problems.push(Outcome::not_satisfied(format!(
                "{what} at event {i} made by '{actor}', who did not hold the record (holder: {})",
                e.controller_before.describe()
            )));
        }
        Some(actor) => {
            if super::signature_failed(ctx, i) {
                problems.push(Outcome::not_satisfied(format!(
                    "a signature over the {what} at event {i} does not verify"
                )));
            } else if !ctx.signed_by_or_for(i, actor) {
                problems.push(Outcome::indeterminate(format!(
                    "no verified signature by '{actor}' or its platform over the {what} at event {i}"
                )));
            }
        }
    }
    problems
}

/// Row 8, judged at each transfer, endorsement and surrender: made by the holder, signed by it
/// or by its platform on its behalf.
pub(super) fn holder_signed_transfers(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if !e.kind.is_holder_transfer() {
        return None;
    }
    let problems = made_and_signed_by_holder(ctx, i, e.kind.name());
    Some(super::worst(problems, || {
        Outcome::satisfied(format!(
            "{} at event {i} made and signed by the holder",
            e.kind.name()
        ))
    }))
}

/// Row 9, judged at each endorsement: the bill is to order, and the endorsement is recorded,
/// made by the holder and signed.
pub(super) fn endorsement_recorded(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if e.kind != LegalEventKind::Endorse {
        return None;
    }
    let mut problems = made_and_signed_by_holder(ctx, i, "endorsement");
    match ctx.history.to_order {
        Some(true) => {}
        Some(false) => problems.push(Outcome::not_satisfied(format!(
            "endorsement at event {i} of a straight (non-negotiable) bill, which is not transferable by endorsement"
        ))),
        None => problems.push(Outcome::indeterminate(format!(
            "endorsement at event {i}: whether the bill is to order is not recorded"
        ))),
    }
    let endorsee = e.endorsee.clone().unwrap_or_else(|| "blank".to_owned());
    Some(super::worst(problems, || {
        Outcome::satisfied(format!(
            "endorsement ({endorsee}) at event {i} recorded and signed by the holder"
        ))
    }))
}

/// Row 20, judged at every event: nothing happens after the record was surrendered, converted
/// to paper or voided.
pub(super) fn terminal_states(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    Some(match ctx.terminal_before(i) {
        Some(t) => Outcome::not_satisfied(format!(
            "'{}' at event {i} after the record ceased to have effect at event {t} ({})",
            e.kind.name(),
            ctx.event(t).map(|x| x.kind.name()).unwrap_or_default()
        )),
        None => Outcome::satisfied(format!(
            "record in effect at event {i} ('{}')",
            e.kind.name()
        )),
    })
}
