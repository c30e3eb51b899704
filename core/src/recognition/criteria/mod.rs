//! The criteria, each a pure function over (document, history, evidence, trust store, time).
//!
//! Every function has the shape `fn(&Context, event, &CellParams) -> Option<Outcome>`: it judges
//! the criterion at one event of the history (the engine calls it once per event, with the
//! parameters of the rule cell in force at that event's time), and returns `None` when the
//! criterion does not concern that event (an endorsement check at an issuance, say).

mod content;
mod control;
mod law;
mod platform;
mod signature;

use chrono::{DateTime, Utc};

use super::facts::{EventFacts, Evidence, HistoryFacts, RecordStatus, SignatureEvidence};
use super::rules::CellParams;
use super::{CriterionId, Outcome};
use crate::json::Value;
use crate::trust::TrustStore;

/// What every criterion may look at. Borrowed, cheap to build, never mutated.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The current transport document, if supplied.
    pub document: Option<&'a Value>,
    /// The history.
    pub history: &'a HistoryFacts,
    /// The evidence.
    pub evidence: &'a Evidence,
    /// The receiver's trust store.
    pub trust: &'a TrustStore,
    /// The evaluation time.
    pub at: DateTime<Utc>,
}

impl<'a> Context<'a> {
    /// Event `i`, if it exists.
    #[must_use]
    pub fn event(&self, i: usize) -> Option<&'a EventFacts> {
        self.history.events.get(i)
    }

    /// The signatures over event `i`.
    pub fn signatures(&self, i: usize) -> impl Iterator<Item = &'a SignatureEvidence> + 'a {
        self.evidence
            .signatures
            .iter()
            .filter(move |s| s.event == i)
    }

    /// The record's status before event `i` (`None` before the first event).
    #[must_use]
    pub fn status_before(&self, i: usize) -> Option<RecordStatus> {
        i.checked_sub(1)
            .and_then(|p| self.event(p))
            .map(|e| e.status_after)
    }

    /// The index of the first terminal event before `i`, if the record had ceased to have
    /// effect before event `i`.
    #[must_use]
    pub fn terminal_before(&self, i: usize) -> Option<usize> {
        self.history
            .events
            .iter()
            .take(i)
            .position(|e| e.status_after.is_terminal())
    }

    /// The issuer: the actor of the first creation event.
    #[must_use]
    pub fn issuer(&self) -> Option<&'a str> {
        self.history
            .events
            .iter()
            .find(|e| e.kind.is_creation())
            .and_then(|e| e.actor.as_deref())
    }

    /// Whether event `i` carries a verified signature by `party` (directly or through the
    /// platform on which the event happened).
    #[must_use]
    pub fn signed_by_or_for(&self, i: usize, party: &str) -> bool {
        let event = self.event(i);
        if event
            .is_some_and(|e| e.actor.as_deref() == Some(party) && e.signed_by_actor == Some(true))
        {
            return true;
        }
        let platform = event.and_then(|e| e.platform.as_deref());
        self.signatures(i).any(|s| {
            s.verified
                && s.signer
                    .as_deref()
                    .is_some_and(|who| who == party || Some(who) == platform)
        })
    }
}

/// Judges criterion `criterion` at event `event` under cell parameters `params`.
///
/// Returns `None` when the criterion does not concern that event, and always `None` for
/// [`CriterionId::ForeignNondiscrimination`], which is a rule of the receiving law rather than
/// a property of the record.
///
/// ```
/// use ebl::recognition::{assess, Context, CellParams, CriterionId, CriterionStatus};
/// use ebl::recognition::{Controller, Evidence, EventFacts, LegalEventKind, HistoryFacts, RecordStatus, TimeSource};
/// use ebl::trust::TrustStore;
///
/// let at = "2026-10-01T00:00:00Z".parse()?;
/// let issue = EventFacts {
///     kind: LegalEventKind::Issue, at, time_source: TimeSource::Signed, platform: None,
///     actor: Some("CARRIER".into()), controller_before: Controller::default(),
///     controller_after: Controller::one("SHIPPER"), endorsee: None, document_checksum: None,
///     previous_link_ok: None, status_after: RecordStatus::Active, change_of_medium: None,
///     signed_by_actor: None,
/// };
/// let mut surrender_then_transfer = vec![issue.clone(), issue.clone(), issue];
/// surrender_then_transfer[1].kind = LegalEventKind::SurrenderAccepted;
/// surrender_then_transfer[1].status_after = RecordStatus::Surrendered;
/// surrender_then_transfer[2].kind = LegalEventKind::Transfer;
/// let history = HistoryFacts { record_id: "BL1".into(), events: surrender_then_transfer, ..Default::default() };
/// let (evidence, trust) = (Evidence::default(), TrustStore::new());
/// let ctx = Context { document: None, history: &history, evidence: &evidence, trust: &trust, at };
/// let outcome = assess(CriterionId::TerminalStates, &ctx, 2, &CellParams::default()).unwrap();
/// assert_eq!(outcome.status, CriterionStatus::NotSatisfied);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn assess(
    criterion: CriterionId,
    ctx: &Context<'_>,
    event: usize,
    params: &CellParams,
) -> Option<Outcome> {
    ctx.event(event)?;
    match criterion {
        CriterionId::RequiredContent => content::required_content(ctx, event, params),
        CriterionId::PlaceIndicated => content::place_indicated(ctx, event, params),
        CriterionId::AmendmentsIdentified => content::amendments_identified(ctx, event),
        CriterionId::PaperToElectronic => content::paper_to_electronic(ctx, event, params),
        CriterionId::ElectronicToPaper => content::electronic_to_paper(ctx, event),
        CriterionId::Singularity => control::singularity(ctx, event),
        CriterionId::Controllability => control::controllability(ctx, event),
        CriterionId::SingleHolder => control::single_holder(ctx, event),
        CriterionId::IdentifiableController => control::identifiable_controller(ctx, event, params),
        CriterionId::TransferDivests => control::transfer_divests(ctx, event),
        CriterionId::HolderSignedTransfers => control::holder_signed_transfers(ctx, event),
        CriterionId::EndorsementRecorded => control::endorsement_recorded(ctx, event),
        CriterionId::TerminalStates => control::terminal_states(ctx, event),
        CriterionId::Integrity => signature::integrity(ctx, event),
        CriterionId::ReliableSignature => signature::reliable_signature(ctx, event),
        CriterionId::AcceptedAlgorithm => signature::accepted_algorithm(ctx, event, params),
        CriterionId::IssuerIdentity => signature::issuer_identity(ctx, event, params),
        CriterionId::Timestamps => signature::timestamps(ctx, event),
        CriterionId::ReliabilityEvidence => platform::reliability_evidence(ctx, event, params),
        CriterionId::ApprovedList => platform::approved_list(ctx, event, params),
        CriterionId::DataProtection => platform::data_protection(ctx, event, params),
        CriterionId::Consent => law::consent(ctx, event),
        CriterionId::GoverningLaw => law::governing_law(ctx, event, params),
        CriterionId::ForeignNondiscrimination => None,
    }
}

/// Whether a signature over event `i` is known to have failed (an evidence item that did not
/// verify, or the history's own "not verified" fact for the actor).
#[must_use]
fn signature_failed(ctx: &Context<'_>, i: usize) -> bool {
    ctx.event(i)
        .is_some_and(|e| e.signed_by_actor == Some(false))
        || ctx.signatures(i).any(|s| !s.verified)
}

/// Whether event `i` is where a criterion judged "at the record's creation" is judged: the
/// first creation event, or — for a partial history that does not start with one — event 0.
fn is_creation_or_partial_start(ctx: &Context<'_>, i: usize) -> bool {
    match ctx.history.events.iter().position(|e| e.kind.is_creation()) {
        Some(first) => first == i,
        None => i == 0,
    }
}

/// The outcome for a criterion that needs the record's creation when the history does not
/// include it: a partial history says nothing either way, so it is indeterminate.
fn partial_history(ctx: &Context<'_>, what: &str) -> Outcome {
    Outcome::indeterminate(format!(
        "the history starts with '{}', not with the record's creation, so {what} cannot be judged (partial history)",
        ctx.event(0).map(|e| e.kind.name()).unwrap_or_default()
    ))
}

/// The worst of several outcomes (their reasons joined), or `ok()` if there are none.
fn worst(outcomes: Vec<Outcome>, ok: impl FnOnce() -> Outcome) -> Outcome {
    let Some(status) = outcomes.iter().map(|o| o.status).max() else {
        return ok();
    };
    let reasons: Vec<String> = outcomes
        .into_iter()
        .filter(|o| o.status == status)
        .map(|o| o.reason)
        .collect();
    Outcome {
        status,
        reason: reasons.join("; "),
    }
}
