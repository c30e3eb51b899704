//! Criteria over signatures and times: integrity (row 3), reliable signature (10), accepted
//! algorithm (11), issuer identity (12), timestamps (15).

use super::Context;
use crate::recognition::Outcome;
use crate::recognition::facts::{LegalEventKind, TimeSource};
use crate::recognition::rules::CellParams;
use crate::recognition::{CriterionStatus, SignatureEvidence};
use crate::trust::{KeyBinding, KeyStatus};

/// Row 3, judged at every event: its signatures verify, the hash link to the previous event
/// holds, and the content changed only at issuance or an amendment.
pub(super) fn integrity(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    let mut problems = Vec::new();
    let mut signed = false;
    for s in ctx.signatures(i) {
        signed = true;
        if !s.verified {
            problems.push(Outcome::not_satisfied(format!(
                "signature by '{}' over event {i} does not verify",
                s.signer.as_deref().unwrap_or("unknown signer")
            )));
        }
    }
    if e.previous_link_ok == Some(false) {
        problems.push(Outcome::not_satisfied(format!(
            "the hash link from event {i} to the previous event is broken"
        )));
    }
    let previous = ctx
        .history
        .events
        .iter()
        .take(i)
        .rev()
        .find_map(|p| p.document_checksum.as_deref());
    if let (Some(before), Some(now)) = (previous, e.document_checksum.as_deref())
        && before != now
        && !(e.kind.is_creation() || e.kind == LegalEventKind::Amend)
    {
        problems.push(Outcome::not_satisfied(format!(
            "the content changed at event {i} ('{}') without an amendment",
            e.kind.name()
        )));
    }
    if !signed {
        problems.push(Outcome::indeterminate(format!(
            "no signature covers event {i}"
        )));
    }
    Some(super::worst(problems, || {
        Outcome::satisfied(format!("event {i} signed and unaltered"))
    }))
}

/// What the trust store says about one signature's key, as an outcome.
fn key_outcome(ctx: &Context<'_>, i: usize, s: &SignatureEvidence) -> Outcome {
    let Some(e) = ctx.event(i) else {
        return Outcome::indeterminate(format!("no event {i}"));
    };
    if !s.verified {
        return Outcome::not_satisfied(format!("signature over event {i} does not verify"));
    }
    let Some(kid) = s.kid.as_deref() else {
        return Outcome::indeterminate(format!(
            "signature over event {i} names no key, so its signer cannot be identified"
        ));
    };
    match ctx.trust.key_status(kid, e.at) {
        KeyStatus::Unknown => Outcome::indeterminate(format!(
            "key '{kid}' that signed event {i} is not in the trust store, so the signer cannot be identified"
        )),
        KeyStatus::Revoked { party, at, reason } => Outcome::not_satisfied(format!(
            "key '{kid}' of '{party}' was revoked at {}{} before event {i} at {}",
            at.to_rfc3339(),
            reason.map(|r| format!(" ({r})")).unwrap_or_default(),
            e.at.to_rfc3339()
        )),
        KeyStatus::OutsideValidity { party, state } => Outcome::not_satisfied(format!(
            "key '{kid}' of '{party}' was {state} at event {i} ({})",
            e.at.to_rfc3339()
        )),
        KeyStatus::Valid { party, .. } => match s.signer.as_deref() {
            Some(signer) if signer != party => Outcome::not_satisfied(format!(
                "signature over event {i} is attributed to '{signer}' but key '{kid}' belongs to '{party}'"
            )),
            _ => Outcome::satisfied(format!("event {i} signed by '{party}' with key '{kid}'")),
        },
    }
}

/// Row 10, judged at every event: each signature verifies with a key the trust store binds to
/// the signer, valid and unrevoked at the event's time. That is what is checked; "the method is
/// reliable" (MLETR art. 12) is not claimed, it is left to the reliability evidence.
pub(super) fn reliable_signature(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    ctx.event(i)?;
    let outcomes: Vec<Outcome> = ctx.signatures(i).map(|s| key_outcome(ctx, i, s)).collect();
    if outcomes.is_empty() {
        return Some(Outcome::indeterminate(format!(
            "event {i} carries no signature"
        )));
    }
    if outcomes
        .iter()
        .all(|o| o.status == CriterionStatus::Satisfied)
    {
        let reasons: Vec<String> = outcomes.into_iter().map(|o| o.reason).collect();
        return Some(Outcome::satisfied(format!(
            "{} (key attributed by the trust store; the method's reliability is not decided here)",
            reasons.join("; ")
        )));
    }
    Some(super::worst(outcomes, || Outcome::indeterminate("")))
}

/// Row 11, judged at every signed event: each signature's algorithm is on the cell's list.
pub(super) fn accepted_algorithm(
    ctx: &Context<'_>,
    i: usize,
    params: &CellParams,
) -> Option<Outcome> {
    ctx.event(i)?;
    let algs: Vec<&str> = ctx.signatures(i).map(|s| s.algorithm.as_str()).collect();
    if algs.is_empty() {
        return Some(Outcome::indeterminate(format!(
            "event {i} carries no signature"
        )));
    }
    if params.algorithms.is_empty() {
        return Some(Outcome::indeterminate(format!(
            "no list of accepted algorithms applies (event {i} signed with {})",
            algs.join(", ")
        )));
    }
    let refused: Vec<&str> = algs
        .iter()
        .copied()
        .filter(|a| !params.algorithms.iter().any(|ok| ok == a))
        .collect();
    Some(if refused.is_empty() {
        Outcome::satisfied(format!("event {i} signed with {}", algs.join(", ")))
    } else {
        Outcome::not_satisfied(format!(
            "event {i} signed with {}, not accepted (accepted: {})",
            refused.join(", "),
            params.algorithms.join(", ")
        ))
    })
}

/// Row 12, judged at the creation event: the issuer signed with a key the trust store binds to
/// it by an accepted method, valid at the time; or an identity proof checked for this record
/// ([`crate::recognition::IdentityProofEvidence`]) binds the issuer by an accepted method and
/// the creation event carries the issuer's verified signature. A failed identity proof of the
/// issuer is not satisfied whatever else holds: the record's own identity claim is false.
pub(super) fn issuer_identity(ctx: &Context<'_>, i: usize, params: &CellParams) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if !super::is_creation_or_partial_start(ctx, i) {
        return None;
    }
    if !e.kind.is_creation() {
        return Some(super::partial_history(ctx, "the issuer's identity"));
    }
    let Some(issuer) = e.actor.as_deref() else {
        return Some(Outcome::not_satisfied(format!(
            "the creation event {i} does not name its issuer"
        )));
    };
    let methods = &params.identity_methods;
    let accepts = |method: KeyBinding| methods.is_empty() || methods.contains(&method);
    let accepted = || {
        methods
            .iter()
            .map(|&m| binding_name(m))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut outcomes = Vec::new();
    for s in ctx.signatures(i) {
        let Some(kid) = s.kid.as_deref() else {
            continue;
        };
        let owner_is_issuer = ctx.trust.key(kid).is_some_and(|(p, _)| p.id == issuer);
        if !owner_is_issuer && s.signer.as_deref() != Some(issuer) {
            continue;
        }
        let key = key_outcome(ctx, i, s);
        if key.status != CriterionStatus::Satisfied {
            outcomes.push(key);
            continue;
        }
        let Some((_, entry)) = ctx.trust.key(kid) else {
            continue;
        };
        let method = binding_name(entry.binding);
        if accepts(entry.binding) {
            outcomes.push(Outcome::satisfied(format!(
                "issuer '{issuer}' signed event {i} with key '{kid}', bound by {method}"
            )));
        } else {
            outcomes.push(Outcome::not_satisfied(format!(
                "issuer '{issuer}' key '{kid}' is bound by {method}, not an accepted method ({})",
                accepted()
            )));
        }
    }
    let mut refuted = Vec::new();
    for p in ctx
        .evidence
        .identity_proofs
        .iter()
        .filter(|p| p.party == issuer)
    {
        let method = binding_name(p.method);
        if !p.verified {
            refuted.push(Outcome::not_satisfied(format!(
                "the {method} identity proof of issuer '{issuer}' does not hold: '{}' is not bound to '{}'",
                p.key, p.subject
            )));
        } else if !accepts(p.method) {
            outcomes.push(Outcome::not_satisfied(format!(
                "issuer '{issuer}' ('{}') is bound to '{}' by {method}, not an accepted method ({})",
                p.key,
                p.subject,
                accepted()
            )));
        } else if ctx.signed_by_or_for(i, issuer) {
            outcomes.push(Outcome::satisfied(format!(
                "issuer '{issuer}' ('{}') is bound to '{}' by {method}, and event {i} carries its verified signature",
                p.key, p.subject
            )));
        } else {
            outcomes.push(Outcome::indeterminate(format!(
                "issuer '{issuer}' ('{}') is bound to '{}' by {method}, but no verified signature by it covers event {i}",
                p.key, p.subject
            )));
        }
    }
    if !refuted.is_empty() {
        return Some(super::worst(refuted, || Outcome::indeterminate("")));
    }
    if outcomes
        .iter()
        .any(|o| o.status == CriterionStatus::Satisfied)
    {
        outcomes.retain(|o| o.status == CriterionStatus::Satisfied);
    }
    Some(super::worst(outcomes, || {
        Outcome::indeterminate(format!(
            "no signature over event {i} is attributable to the issuer '{issuer}' through the trust store or an identity proof"
        ))
    }))
}

/// Row 15, judged at every event: the event's time is covered by a signature or a trusted
/// time source, not in the future and not before the previous event.
///
/// MLETR art. 13 (SG s.16J) applies only "where the law requires or permits" an indication of
/// time, which depends on the law governing the act at that event and is not assessed here. So
/// a problem found is *indeterminate*, the reason naming the condition, never *not satisfied*.
pub(super) fn timestamps(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    let mut problems = Vec::new();
    if e.at > ctx.at {
        problems.push(format!(
            "event {i} is dated {}, after the evaluation time {}",
            e.at.to_rfc3339(),
            ctx.at.to_rfc3339()
        ));
    }
    if let Some(prev) = i.checked_sub(1).and_then(|p| ctx.event(p))
        && e.at < prev.at
    {
        problems.push(format!(
            "event {i} ({}) is dated before event {} ({})",
            e.at.to_rfc3339(),
            i - 1,
            prev.at.to_rfc3339()
        ));
    }
    if e.time_source == TimeSource::Unsigned {
        problems.push(format!(
            "the time of event {i} is not covered by a signature or a trusted time source"
        ));
    }
    Some(if problems.is_empty() {
        Outcome::satisfied(format!("event {i} reliably dated {}", e.at.to_rfc3339()))
    } else {
        Outcome::indeterminate(format!(
            "{}; this matters where the law requires or permits an indication of time for the event (MLETR art. 13), which was not assessed",
            problems.join("; ")
        ))
    })
}

fn binding_name(b: KeyBinding) -> String {
    serde_json::to_value(b)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
