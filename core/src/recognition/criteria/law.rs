//! Criteria over the parties' choices and the applicable law: consent (row 21) and governing
//! law (23).

use std::collections::BTreeSet;

use super::Context;
use crate::recognition::Outcome;
use crate::recognition::rules::CellParams;

/// Row 21, judged at each event where a party first appears (as actor, controller or
/// endorsee): that party consented before, or consent is inferred from its own signed conduct
/// in the history (MLETR art. 7(3)); a refusal recorded before the event fails.
pub(super) fn consent(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    let earlier: BTreeSet<&str> = ctx
        .history
        .events
        .iter()
        .take(i)
        .flat_map(involved)
        .collect();
    let newcomers: BTreeSet<&str> = involved(e).filter(|p| !earlier.contains(p)).collect();
    if newcomers.is_empty() {
        return None;
    }
    let mut outcomes = Vec::new();
    for party in newcomers {
        let records: Vec<_> = ctx
            .evidence
            .consents
            .iter()
            .filter(|c| c.party == party && c.at <= e.at)
            .collect();
        if let Some(refusal) = records.iter().find(|c| c.refused) {
            outcomes.push(Outcome::not_satisfied(format!(
                "'{party}' refused the electronic form ({}) before event {i}: it cannot be required to use the record (MLETR art. 7(2)), which protects the party and is not a validity condition of the record",
                refusal.basis
            )));
        } else if let Some(c) = records.first() {
            outcomes.push(Outcome::satisfied(format!(
                "'{party}' consented: {}",
                c.basis
            )));
        } else if let Some(j) = (0..ctx.history.events.len()).find(|&j| {
            ctx.event(j).and_then(|x| x.actor.as_deref()) == Some(party)
                && ctx.signed_by_or_for(j, party)
        }) {
            outcomes.push(Outcome::satisfied(format!(
                "'{party}' consent inferred from its signed conduct at event {j}"
            )));
        } else {
            outcomes.push(Outcome::indeterminate(format!(
                "no evidence that '{party}' consented to the electronic form"
            )));
        }
    }
    let status = outcomes.iter().map(|o| o.status).max()?;
    let reasons: Vec<String> = outcomes.into_iter().map(|o| o.reason).collect();
    Some(crate::recognition::Outcome {
        status,
        reason: reasons.join("; "),
    })
}

fn involved(e: &crate::recognition::EventFacts) -> impl Iterator<Item = &str> {
    e.actor
        .as_deref()
        .into_iter()
        .chain(e.controller_after.parties.iter().map(String::as_str))
        .chain(e.endorsee.as_deref())
}

/// Row 23, judged at the creation event: the bill's governing law is one the shared list
/// says recognises electronic bills, from before the bill was created.
///
/// Never `NotSatisfied`: whether a bill governed by a law that did not (yet) recognise
/// electronic bills is effective before the receiving court is a conflict-of-laws question
/// (legal.md §6 row 23, "≈ (PIL)"), which the library does not decide. A law listed without a
/// verified date is indeterminate too.
pub(super) fn governing_law(ctx: &Context<'_>, i: usize, params: &CellParams) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if !super::is_creation_or_partial_start(ctx, i) {
        return None;
    }
    if !e.kind.is_creation() {
        return Some(super::partial_history(
            ctx,
            "the law governing the bill at its creation",
        ));
    }
    let Some(law) = ctx.evidence.governing_law.as_deref() else {
        return Some(Outcome::indeterminate(
            "the law governing the bill was not supplied",
        ));
    };
    let Some(l) = params.recognising_laws.iter().find(|l| l.law == law) else {
        return Some(Outcome::indeterminate(format!(
            "whether law '{law}' recognises electronic bills is not in the rule data"
        )));
    };
    let tag = l.confidence.map_or("", |c| c.tag());
    Some(match l.from {
        None => Outcome::indeterminate(format!(
            "law '{law}' is listed as recognising electronic bills ({}{}{tag}), but from when is not verified",
            l.citation,
            if tag.is_empty() { "" } else { " " },
        )),
        Some(from) if from.with_timezone(&chrono::Utc) <= e.at => Outcome::satisfied(format!(
            "governing law '{law}' recognises electronic bills since {} ({})",
            from.to_rfc3339(),
            l.citation
        )),
        Some(from) => Outcome::indeterminate(format!(
            "the bill was created at {}, before governing law '{law}' recognised electronic bills ({}; {}); whether it is effective is a conflict-of-laws question for the receiving court",
            e.at.to_rfc3339(),
            from.to_rfc3339(),
            l.citation
        )),
    })
}
