//! Criteria over the platforms used: reliability evidence (row 13), approved lists (14),
//! data protection (24). Each is judged at every event, against the platform that event
//! happened on and the evidence valid at its time.

use super::Context;
use crate::recognition::Outcome;
use crate::recognition::rules::CellParams;
use crate::trust::{EvidenceKind, TrustedParty, kind_name};

/// The platform party of event `i`, or the outcome to report when there is none.
fn platform<'a>(
    ctx: &Context<'a>,
    i: usize,
    missing: fn(String) -> Outcome,
) -> Result<&'a TrustedParty, Outcome> {
    let e = ctx
        .event(i)
        .ok_or_else(|| Outcome::indeterminate(format!("no event {i}")))?;
    let Some(id) = e.platform.as_deref() else {
        return Err(Outcome::indeterminate(format!(
            "event {i} does not name the platform it happened on"
        )));
    };
    ctx.trust.party(id).ok_or_else(|| {
        missing(format!(
            "platform '{id}' of event {i} is not in the trust store"
        ))
    })
}

/// Row 13: evidence of the kinds the cell lists (MLETR art. 12(a) factors) holds for the
/// platform at the event's time. Absence is `Indeterminate`, never `NotSatisfied`: reliability
/// may still be shown otherwise ("proven in fact", art. 12(b)).
pub(super) fn reliability_evidence(
    ctx: &Context<'_>,
    i: usize,
    params: &CellParams,
) -> Option<Outcome> {
    let at = ctx.event(i)?.at;
    let party = match platform(ctx, i, Outcome::indeterminate) {
        Ok(p) => p,
        Err(o) => return Some(o),
    };
    let found: Vec<String> = party
        .evidence_matching(&params.evidence)
        .filter(|e| e.holds_at(at, None, false).is_ok())
        .filter(|e| {
            !matches!(
                e.kind,
                EvidenceKind::DataProtection | EvidenceKind::TrustList
            ) || !params.evidence.is_empty()
        })
        .map(|e| format!("{} '{}'", kind_name(e.kind), e.scheme))
        .collect();
    Some(if found.is_empty() {
        Outcome::indeterminate(format!(
            "no reliability evidence for platform '{}' at event {i}",
            party.id
        ))
    } else {
        Outcome::satisfied(format!(
            "platform '{}' at event {i}: {}",
            party.id,
            found.join(", ")
        ))
    })
}

/// Row 14: the platform holds an entry of a listed kind/scheme that is valid at the event's
/// time (and, where the cell says so, issued within `max_age_months` and without significant
/// reservation).
pub(super) fn approved_list(ctx: &Context<'_>, i: usize, params: &CellParams) -> Option<Outcome> {
    let at = ctx.event(i)?.at;
    if params.evidence.is_empty() {
        return Some(Outcome::indeterminate("the rule names no list"));
    }
    let lists: Vec<String> = params.evidence.iter().map(ToString::to_string).collect();
    let party = match platform(ctx, i, Outcome::not_satisfied) {
        Ok(p) => p,
        Err(mut o) => {
            if o.status == crate::recognition::CriterionStatus::NotSatisfied {
                o.reason = format!("{}, so it is on none of: {}", o.reason, lists.join(", "));
            }
            return Some(o);
        }
    };
    let mut failures = Vec::new();
    for e in party.evidence_matching(&params.evidence) {
        match e.holds_at(
            at,
            params.max_age_months,
            params.reject_significant_reservation,
        ) {
            Ok(()) => {
                return Some(Outcome::satisfied(format!(
                    "platform '{}' on {} '{}' at event {i}",
                    party.id,
                    kind_name(e.kind),
                    e.scheme
                )));
            }
            Err(why) => failures.push(why),
        }
    }
    Some(Outcome::not_satisfied(if failures.is_empty() {
        format!(
            "platform '{}' at event {i} is on none of: {}",
            party.id,
            lists.join(", ")
        )
    } else {
        format!(
            "platform '{}' at event {i}: {}",
            party.id,
            failures.join("; ")
        )
    }))
}

/// Row 24: the platform declared compliance with the regimes the cell lists (any declaration if
/// it lists none), valid at the event's time. Absence is `Indeterminate`.
pub(super) fn data_protection(ctx: &Context<'_>, i: usize, params: &CellParams) -> Option<Outcome> {
    let at = ctx.event(i)?.at;
    let party = match platform(ctx, i, Outcome::indeterminate) {
        Ok(p) => p,
        Err(o) => return Some(o),
    };
    let covered = party.evidence.iter().any(|e| {
        e.kind == EvidenceKind::DataProtection
            && e.holds_at(at, None, false).is_ok()
            && params.regimes.iter().all(|r| e.details.contains(r))
    });
    Some(if covered {
        Outcome::satisfied(format!(
            "platform '{}' declared data-protection compliance{} valid at event {i}",
            party.id,
            if params.regimes.is_empty() {
                String::new()
            } else {
                format!(" ({})", params.regimes.join(", "))
            }
        ))
    } else {
        Outcome::indeterminate(format!(
            "no data-protection declaration{} by platform '{}' valid at event {i}",
            if params.regimes.is_empty() {
                String::new()
            } else {
                format!(" covering {}", params.regimes.join(", "))
            },
            party.id
        ))
    })
}
