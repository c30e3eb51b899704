//! The rules engine: evaluate every criterion at every event under the law in force at that
//! event, aggregate into a verdict and flags.

use chrono::{DateTime, Utc};

use super::criteria::{Context, assess};
use super::facts::RecognitionInput;
use super::report::{
    CriterionReport, Decisive, EventAssessment, Flag, FlagValue, Flags, NOTICE, REPORT_SCHEMA,
    RegimeReport, Report,
};
use super::rules::{Cell, CellStatus, Confidence, EarlierRecords, Layer, RegimeStatus, Target};
use super::{CriterionId, CriterionStatus, Effect, Outcome, RecognitionError, Verdict};
use crate::trust::TrustStore;

/// Decides whether `target` (a jurisdiction, or one side of an agreement) recognises the record
/// described by `input`, as at `at`, using the receiver's `trust` store.
///
/// Each criterion is judged at every event it concerns, under the rule cell in force at that
/// event's time. The verdict is [`Verdict::NotRecognised`] if a required criterion is not
/// satisfied under a cell verified against the statute text ([`Effect::of_cell`]);
/// [`Verdict::Indeterminate`] if a required one is indeterminate, fails only under a cell that
/// is not verified (the reason names that premise), or a possibly required (`unknown`) one is
/// not satisfied; otherwise [`Verdict::RecognisedSubjectToReliability`]. A criterion that no
/// event falls under is [`CriterionStatus::NotApplicable`]. The report lists every criterion with its cells
/// and citations, the decisive ones, and the presumption / industry-cover / non-discrimination
/// flags.
///
/// # Errors
/// [`RecognitionError::InvalidInput`] if the history is empty or evidence points at events that
/// do not exist.
///
/// ```
/// use ebl::recognition::{recognize, Catalogue, RecognitionInput, Verdict};
/// use ebl::trust::TrustStore;
///
/// let input: RecognitionInput = serde_json::from_str(r#"{
///   "history": {"record_id": "BL-1", "to_order": true, "events": [
///     {"kind": "issue", "at": "2024-01-10T00:00:00Z", "actor": "CARRIER",
///      "controller_after": {"parties": ["SHIPPER"]}},
///     {"kind": "surrender-accepted", "at": "2024-02-01T00:00:00Z", "actor": "CARRIER",
///      "controller_before": {"parties": ["CARRIER"]}, "status_after": "surrendered"},
///     {"kind": "transfer", "at": "2024-02-02T00:00:00Z", "actor": "SHIPPER",
///      "controller_before": {"parties": ["SHIPPER"]}, "controller_after": {"parties": ["BANK"]}}
///   ]}
/// }"#)?;
/// let target = Catalogue::embedded()?.jurisdiction_target("GB")?;
/// let report = recognize(&input, &TrustStore::new(), &target, "2024-03-01T00:00:00Z".parse()?)?;
/// assert_eq!(report.verdict, Verdict::NotRecognised);
/// assert!(report.decisive_ids().contains(&"terminal-states"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recognize(
    input: &RecognitionInput,
    trust: &TrustStore,
    target: &Target,
    at: DateTime<Utc>,
) -> crate::Result<Report> {
    validate(input)?;
    let ctx = Context {
        document: input.document.as_ref(),
        history: &input.history,
        evidence: &input.evidence,
        trust,
        at,
    };
    let regime = regime_report(&ctx, target);
    let mut criteria = Vec::new();
    for layer in &target.layers {
        for &criterion in CriterionId::ALL {
            if let Some(report) = evaluate(&ctx, layer, criterion) {
                criteria.push(report);
            }
        }
    }
    let worst = criteria
        .iter()
        .map(|c| c.effect)
        .chain(std::iter::once(regime.effect))
        .max()
        .unwrap_or(Effect::None);
    let mut decisive = Vec::new();
    if worst != Effect::None {
        if regime.effect == worst {
            decisive.push(Decisive {
                criterion: "regime".to_owned(),
                source: target.receiving.clone(),
                status: if worst == Effect::Blocks {
                    CriterionStatus::NotSatisfied
                } else {
                    CriterionStatus::Indeterminate
                },
                reason: regime.reason.clone(),
            });
        }
        for c in criteria.iter().filter(|c| c.effect == worst) {
            decisive.push(Decisive {
                criterion: c.criterion.to_string(),
                source: c.source.clone(),
                status: c.status,
                reason: c.reason.clone(),
            });
        }
    }
    let flags = Flags {
        statutory_presumption: presumption_flag(&ctx, target),
        industry_cover: industry_flag(&ctx, target),
        foreign_nondiscrimination: foreign_flag(&ctx, target),
    };
    Ok(Report {
        schema: REPORT_SCHEMA.to_owned(),
        target: target.id.clone(),
        receiving: target.receiving.clone(),
        rules: target
            .layers
            .iter()
            .map(|l| l.source.clone())
            .chain(target.shared.iter().cloned())
            .collect(),
        instrument: target.instrument.clone(),
        evaluated_at: at,
        record_id: input.history.record_id.clone(),
        events: input.history.events.len(),
        verdict: Verdict::from_worst(worst),
        decisive,
        regime,
        flags,
        criteria,
        notice: NOTICE.to_owned(),
    })
}

fn validate(input: &RecognitionInput) -> Result<(), RecognitionError> {
    let n = input.history.events.len();
    if n == 0 {
        return Err(RecognitionError::InvalidInput {
            path: "$.history.events".to_owned(),
            message: "the history has no events".to_owned(),
        });
    }
    let out_of_range = |what: &str, index: usize, event: usize| RecognitionError::InvalidInput {
        path: format!("$.{what}[{index}].event"),
        message: format!("event {event} does not exist (the history has {n} events)"),
    };
    for (k, s) in input.evidence.signatures.iter().enumerate() {
        if s.event >= n {
            return Err(out_of_range("evidence.signatures", k, s.event));
        }
    }
    for (k, c) in input.history.conflicts.iter().enumerate() {
        if let Some(e) = c.event.filter(|&e| e >= n) {
            return Err(out_of_range("history.conflicts", k, e));
        }
    }
    Ok(())
}

/// The cell of `criterion` in `layer` in force at `at`, with its index among that criterion's
/// cells.
fn cell_at(layer: &Layer, criterion: CriterionId, at: DateTime<Utc>) -> Option<(usize, &Cell)> {
    layer
        .cells
        .iter()
        .filter(|c| c.criterion == criterion)
        .enumerate()
        .find(|(_, c)| c.in_force(at))
}

fn evaluate(ctx: &Context<'_>, layer: &Layer, criterion: CriterionId) -> Option<CriterionReport> {
    if !criterion.is_evaluated() {
        return None;
    }
    let all_cells: Vec<&Cell> = layer
        .cells
        .iter()
        .filter(|c| c.criterion == criterion)
        .collect();
    if all_cells.is_empty() {
        return None;
    }
    let mut used: Vec<usize> = Vec::new();
    let mut events = Vec::new();
    // Why a failure did not block, or why a result short of satisfied leaves the verdict open:
    // each unverified or unknown cell behind one, named once.
    let mut unverified: Vec<String> = Vec::new();
    for (i, e) in ctx.history.events.iter().enumerate() {
        let Some((k, cell)) = cell_at(layer, criterion, e.at) else {
            continue;
        };
        let Some(outcome) = assess(criterion, ctx, i, &cell.params) else {
            continue;
        };
        let position = match used.iter().position(|&u| u == k) {
            Some(p) => p,
            None => {
                used.push(k);
                used.len() - 1
            }
        };
        let effect = Effect::of_cell(cell, outcome.status);
        if cell.status == CellStatus::Unknown && effect == Effect::Undetermined {
            let premise = format!(
                "whether the receiving law requires this is not established ({} {})",
                cell.confidence_tag(),
                cell.citation
            );
            if !unverified.contains(&premise) {
                unverified.push(premise);
            }
        } else if effect != Effect::of(cell.status, outcome.status) {
            let premise = format!(
                "not decisive: the rule rests on an unverified premise ({} {}: {})",
                cell.confidence_tag(),
                unverified_kind(cell),
                cell.citation
            );
            if !unverified.contains(&premise) {
                unverified.push(premise);
            }
        }
        events.push(EventAssessment {
            event: i,
            status: outcome.status,
            effect,
            cell: position,
            reason: outcome.reason,
        });
    }
    let cells: Vec<Cell> = used
        .iter()
        .filter_map(|&k| all_cells.get(k).map(|c| (*c).clone()))
        .collect();
    let (status, reason) = match events.iter().map(|e| e.status).max() {
        Some(worst) => {
            let mut reasons: Vec<&str> = Vec::new();
            for e in events.iter().filter(|e| e.status == worst) {
                if !reasons.contains(&e.reason.as_str()) {
                    reasons.push(&e.reason);
                }
            }
            let mut reason = reasons.join("; ");
            if worst != CriterionStatus::Satisfied {
                for premise in &unverified {
                    reason.push_str("; ");
                    reason.push_str(premise);
                }
            }
            (worst, reason)
        }
        None => (
            CriterionStatus::NotApplicable,
            "not applicable: no event in the history that this criterion concerns falls under a rule in force"
                .to_owned(),
        ),
    };
    let mut citations: Vec<&str> = Vec::new();
    for c in &cells {
        if !citations.contains(&c.citation.as_str()) {
            citations.push(&c.citation);
        }
    }
    if citations.is_empty()
        && let Some(c) = all_cells
            .iter()
            .find(|c| c.in_force(ctx.at))
            .or_else(|| all_cells.last())
    {
        citations.push(&c.citation);
    }
    let citation = citations.join("; ");
    Some(CriterionReport {
        id: criterion.to_string(),
        criterion,
        title: criterion.title().to_owned(),
        source: layer.source.id.clone(),
        status,
        effect: events
            .iter()
            .map(|e| e.effect)
            .max()
            .unwrap_or(Effect::None),
        reason,
        citation,
        cells,
        events,
    })
}

/// What makes a cell's premise unverified, in words.
fn unverified_kind(cell: &Cell) -> &'static str {
    match cell.confidence {
        Confidence::Verified => "flagged uncertain",
        Confidence::Secondary => "secondary source only",
        Confidence::Recalled => "recalled, not re-verified against the statute text",
        Confidence::Uncertain => "uncertain",
    }
}

fn regime_report(ctx: &Context<'_>, target: &Target) -> RegimeReport {
    let regime = &target.regime;
    let created = ctx
        .history
        .events
        .iter()
        .find(|e| e.kind.is_creation())
        .or_else(|| ctx.history.events.first())
        .map(|e| e.at);
    let in_force = match (regime.effective_from, created) {
        (None, _) => true,
        (Some(from), Some(t)) => from.with_timezone(&Utc) <= t,
        (Some(_), None) => false,
    };
    let verified = regime.confidence == Some(Confidence::Verified);
    let (effect, reason) = if regime.status == RegimeStatus::NotEnacted {
        (
            Effect::Undetermined,
            format!(
                "no statute of {} recognises electronic transferable records ({}); where that law governs, recognition is not established",
                target.receiving, regime.citation
            ),
        )
    } else if in_force {
        (
            Effect::None,
            "the regime was in force when the record was created".to_owned(),
        )
    } else {
        let when = regime
            .effective_from
            .map(|f| f.to_rfc3339())
            .unwrap_or_default();
        match regime.earlier_records {
            EarlierRecords::NotCovered if verified => (
                Effect::Blocks,
                format!(
                    "the record was created before the regime came into force ({when}), and the regime does not cover earlier records"
                ),
            ),
            EarlierRecords::NotCovered => (
                Effect::Undetermined,
                format!(
                    "the record was created before the regime came into force ({when}); that the regime does not cover earlier records rests on an unverified premise ({}: {})",
                    regime.confidence.map_or("untagged", Confidence::tag),
                    regime.citation
                ),
            ),
            EarlierRecords::Unknown => (
                Effect::Undetermined,
                format!(
                    "the record was created before the regime came into force ({when}); whether the regime covers earlier records is not established"
                ),
            ),
        }
    };
    RegimeReport {
        citation: regime.citation.clone(),
        effective_from: regime.effective_from.map(|f| f.to_rfc3339()),
        in_force_at_creation: in_force && regime.status.is_enacted(),
        effect,
        reason,
    }
}

/// Available when, at every event, a cell marked `presumption` is in force and satisfied
/// (SG s.16O(3): the whole lifecycle on an accredited system within its accreditation period).
fn presumption_flag(ctx: &Context<'_>, target: &Target) -> Flag {
    let mut citation = None;
    let mut failures = Vec::new();
    let mut any = false;
    for layer in &target.layers {
        let cells: Vec<&Cell> = layer.cells.iter().filter(|c| c.presumption).collect();
        if cells.is_empty() {
            continue;
        }
        any = true;
        for (i, e) in ctx.history.events.iter().enumerate() {
            let Some(cell) = cells.iter().find(|c| c.in_force(e.at)) else {
                failures.push(format!("no presumption in force at event {i}"));
                continue;
            };
            citation.get_or_insert_with(|| cell.citation.clone());
            match assess(cell.criterion, ctx, i, &cell.params) {
                Some(Outcome {
                    status: CriterionStatus::Satisfied,
                    ..
                }) => {}
                Some(o) => failures.push(o.reason),
                None => failures.push(format!("event {i} not assessed")),
            }
        }
    }
    if !any {
        return Flag {
            value: FlagValue::No,
            citation: None,
            reason: "the receiving rules create no statutory presumption".to_owned(),
        };
    }
    if failures.is_empty() {
        Flag {
            value: FlagValue::Yes,
            citation,
            reason: "every event took place on a system whose accreditation or certification held at the time".to_owned(),
        }
    } else {
        Flag {
            value: FlagValue::No,
            citation,
            reason: failures.join("; "),
        }
    }
}

fn industry_flag(ctx: &Context<'_>, target: &Target) -> Flag {
    let Some(cover) = &target.industry_cover else {
        return Flag {
            value: FlagValue::Unknown,
            citation: None,
            reason: "the receiving rules define no industry-cover test".to_owned(),
        };
    };
    let mut missing = Vec::new();
    for (i, e) in ctx.history.events.iter().enumerate() {
        let platform = e.platform.as_deref().and_then(|p| ctx.trust.party(p));
        let covered = platform.is_some_and(|p| {
            p.evidence_matching(&cover.evidence)
                .any(|ev| ev.holds_at(e.at, None, false).is_ok())
        });
        if !covered {
            missing.push(format!(
                "event {i} on '{}'",
                e.platform.as_deref().unwrap_or("unnamed platform")
            ));
        }
    }
    let lists: Vec<String> = cover.evidence.iter().map(ToString::to_string).collect();
    if missing.is_empty() {
        Flag {
            value: FlagValue::Yes,
            citation: Some(cover.citation.clone()),
            reason: format!(
                "every platform used was on {} at the time",
                lists.join(" or ")
            ),
        }
    } else {
        Flag {
            value: FlagValue::No,
            citation: Some(cover.citation.clone()),
            reason: format!("not on {}: {}", lists.join(" or "), missing.join(", ")),
        }
    }
}

fn foreign_flag(ctx: &Context<'_>, target: &Target) -> Flag {
    let Some(layer) = target.layers.first() else {
        return Flag {
            value: FlagValue::Unknown,
            citation: None,
            reason: "no rules".to_owned(),
        };
    };
    let when = ctx.history.events.last().map_or(ctx.at, |e| e.at);
    let Some((_, cell)) = cell_at(layer, CriterionId::ForeignNondiscrimination, when) else {
        return Flag {
            value: FlagValue::Unknown,
            citation: None,
            reason: "no rule on foreign records in force at the last event".to_owned(),
        };
    };
    let foreign: Vec<String> = ctx
        .history
        .events
        .iter()
        .filter_map(|e| e.platform.as_deref())
        .filter_map(|p| ctx.trust.party(p))
        .filter(|p| {
            p.jurisdiction
                .as_deref()
                .is_some_and(|j| j != target.receiving)
        })
        .map(|p| {
            format!(
                "'{}' ({})",
                p.id,
                p.jurisdiction.as_deref().unwrap_or_default()
            )
        })
        .collect();
    let used_abroad = if foreign.is_empty() {
        "no platform used is known to be established outside the receiving jurisdiction".to_owned()
    } else {
        let mut f = foreign;
        f.dedup();
        format!(
            "the record was used on platforms established abroad: {}",
            f.join(", ")
        )
    };
    // A silent law leaves foreign records to the conflict of laws: that is not a "no".
    let value = match cell.status {
        CellStatus::Required | CellStatus::RequiredStricter => FlagValue::Yes,
        CellStatus::Unknown | CellStatus::Silent => FlagValue::Unknown,
        CellStatus::Factor => FlagValue::No,
    };
    Flag {
        value,
        citation: Some(cell.citation.clone()),
        reason: format!(
            "{used_abroad}; the receiving rule on foreign records is tagged {}",
            cell.confidence_tag()
        ),
    }
}
