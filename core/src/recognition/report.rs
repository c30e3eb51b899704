//! The recognition report: deterministic, serialisable, naming the rule data it used.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::rules::{Cell, Instrument, InstrumentStatus, RulesSource};
use super::{CriterionId, CriterionStatus, Effect, Verdict};

/// The schema identifier of the report's JSON form.
pub const REPORT_SCHEMA: &str = "ebl-recognition-report/1";

/// What every report says about its own limits (it never claims legal validity).
pub const NOTICE: &str = "This report evaluates the computable criteria of the receiving rules over the evidence supplied. \
Reliability under the receiving law is judged on all relevant circumstances and is not decided here; \
the report is not an opinion on the legal effect of the record.";

/// One criterion judged at one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventAssessment {
    /// The event's index.
    pub event: usize,
    /// The result.
    pub status: CriterionStatus,
    /// What the result does to the verdict under the cell in force at the event.
    pub effect: Effect,
    /// Index into the criterion's `cells` of the cell in force at the event.
    pub cell: usize,
    /// Why.
    pub reason: String,
}

/// One criterion under one rule layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionReport {
    /// The criterion's id (`integrity`, `approved-list`, …), the same as `criterion`, so that
    /// each criterion's JSON reads `id`, `status`, `citation`, `reason`.
    #[serde(default)]
    pub id: String,
    /// The criterion.
    pub criterion: CriterionId,
    /// What it tests.
    pub title: String,
    /// The id of the rule file (jurisdiction or agreement) the cells come from.
    pub source: String,
    /// The worst result over the events it concerns (`satisfied` if it concerns none).
    pub status: CriterionStatus,
    /// The worst effect on the verdict.
    pub effect: Effect,
    /// The reasons for the worst result.
    pub reason: String,
    /// The citations of the cells that applied (`; `-separated when the law changed during the
    /// record's life); when no event concerned the criterion, the citation of the cell in force
    /// at the evaluation time.
    #[serde(default)]
    pub citation: String,
    /// The cells that applied, with their citations (several when the law changed during the
    /// record's life).
    pub cells: Vec<Cell>,
    /// The result at each event it concerns.
    pub events: Vec<EventAssessment>,
}

/// Whether the regime applied to the record at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegimeReport {
    /// The regime's citation.
    pub citation: String,
    /// When it came into force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<String>,
    /// Whether it was in force when the record was created.
    pub in_force_at_creation: bool,
    /// What that does to the verdict.
    pub effect: Effect,
    /// Why.
    pub reason: String,
}

/// A yes / no / unknown flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagValue {
    /// The flag holds.
    Yes,
    /// It does not.
    No,
    /// Not established.
    Unknown,
}

/// A flag with its basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// Its value.
    pub value: FlagValue,
    /// The provision or industry rule, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// Why.
    pub reason: String,
}

/// The flags of `reference/legal.md` §6 "Encoding guidance" 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flags {
    /// A statutory presumption of reliability is available (SG ETA s.16O(2), FR décret art. 3).
    pub statutory_presumption: Flag,
    /// Every platform used was on an industry approved list (International Group of P&I Clubs).
    pub industry_cover: Flag,
    /// The receiving law does not deny effect to a record solely because it is foreign
    /// (MLETR art. 19).
    pub foreign_nondiscrimination: Flag,
}

/// A criterion that decided the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decisive {
    /// The criterion (or `regime` for the regime check).
    pub criterion: String,
    /// The rule file it came from.
    pub source: String,
    /// Its status.
    pub status: CriterionStatus,
    /// Its reason.
    pub reason: String,
}

/// The answer to "does this receiving jurisdiction recognise this record", criterion by
/// criterion, with the law cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// `ebl-recognition-report/1`.
    pub schema: String,
    /// The target (`SG`, or `sg-cn-shenzhen/CN`).
    pub target: String,
    /// The receiving jurisdiction.
    pub receiving: String,
    /// The rule files used, with versions and digests.
    pub rules: Vec<RulesSource>,
    /// For an agreement: its instrument and standing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument: Option<Instrument>,
    /// The evaluation time.
    pub evaluated_at: DateTime<Utc>,
    /// The record's id.
    pub record_id: String,
    /// How many events the history has.
    pub events: usize,
    /// The verdict.
    pub verdict: Verdict,
    /// The criteria that decided it (empty when recognised).
    pub decisive: Vec<Decisive>,
    /// The regime check.
    pub regime: RegimeReport,
    /// The flags.
    pub flags: Flags,
    /// Every criterion under every layer, in table order.
    pub criteria: Vec<CriterionReport>,
    /// The report's limits.
    pub notice: String,
}

impl Report {
    /// The report as pretty-printed JSON. Deterministic: equal inputs give equal bytes.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report of criterion `c` under the first layer that has it (the jurisdiction).
    #[must_use]
    pub fn criterion(&self, c: CriterionId) -> Option<&CriterionReport> {
        self.criteria.iter().find(|r| r.criterion == c)
    }

    /// What the one-line verdict says after the target about the instrument's standing:
    /// empty for a jurisdiction or an agreement in force, otherwise that the arrangement is a
    /// model (no binding instrument exists) or non-binding, so a quoted verdict never reads as
    /// if a treaty stood behind it.
    #[must_use]
    pub fn standing(&self) -> &'static str {
        match self.instrument.as_ref().map(|i| i.status) {
            Some(InstrumentStatus::Model) => " (model arrangement: no binding instrument exists)",
            Some(InstrumentStatus::NonBinding) => " (non-binding instrument)",
            Some(InstrumentStatus::InForce) | None => "",
        }
    }

    /// The ids of the decisive criteria.
    #[must_use]
    pub fn decisive_ids(&self) -> Vec<&str> {
        self.decisive.iter().map(|d| d.criterion.as_str()).collect()
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{}{}: {} — {}",
            self.target,
            self.standing(),
            self.record_id,
            self.verdict
        )?;
        for d in &self.decisive {
            writeln!(
                f,
                "  {} [{}] {}: {}",
                d.status, d.source, d.criterion, d.reason
            )?;
        }
        Ok(())
    }
}
