//! Three-valued criterion results, how a rule cell weighs them, and the overall verdict.

use serde::{Deserialize, Serialize};

use super::rules::{Cell, CellStatus};

/// The result of one criterion over a record (`reference/legal.md` §0.1).
///
/// Ordered from best to worst, so `max` over several results gives the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionStatus {
    /// No event of the history falls under a rule in force that this criterion concerns (no
    /// endorsement to check, no conversion from paper): there was nothing to judge, which is
    /// not the same as the criterion being met.
    NotApplicable,
    /// The evidence shows the criterion is met.
    Satisfied,
    /// The evidence is missing or insufficient to decide.
    Indeterminate,
    /// The evidence shows the criterion is not met.
    NotSatisfied,
}

impl std::fmt::Display for CriterionStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CriterionStatus::NotApplicable => "not-applicable",
            CriterionStatus::Satisfied => "satisfied",
            CriterionStatus::Indeterminate => "indeterminate",
            CriterionStatus::NotSatisfied => "not-satisfied",
        })
    }
}

/// A criterion result with the reason for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The result.
    pub status: CriterionStatus,
    /// Why, in words a port operator can read.
    pub reason: String,
}

impl Outcome {
    /// A [`CriterionStatus::Satisfied`] outcome.
    pub fn satisfied(reason: impl Into<String>) -> Outcome {
        Outcome {
            status: CriterionStatus::Satisfied,
            reason: reason.into(),
        }
    }

    /// A [`CriterionStatus::NotSatisfied`] outcome.
    pub fn not_satisfied(reason: impl Into<String>) -> Outcome {
        Outcome {
            status: CriterionStatus::NotSatisfied,
            reason: reason.into(),
        }
    }

    /// A [`CriterionStatus::Indeterminate`] outcome.
    pub fn indeterminate(reason: impl Into<String>) -> Outcome {
        Outcome {
            status: CriterionStatus::Indeterminate,
            reason: reason.into(),
        }
    }
}

/// What one assessment does to the verdict, given the rule cell in force.
///
/// Ordered from harmless to decisive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    /// No effect on the verdict (satisfied, or the law treats it as a factor or is silent).
    None,
    /// Makes the verdict at best [`Verdict::Indeterminate`].
    Undetermined,
    /// Makes the verdict [`Verdict::NotRecognised`].
    Blocks,
}

impl Effect {
    /// The effect of a criterion result under a cell of the given status.
    ///
    /// A `Required` cell turns `NotSatisfied` into [`Effect::Blocks`] and `Indeterminate` into
    /// [`Effect::Undetermined`]. An `Unknown` cell (the law may or may not require it) turns
    /// anything short of `Satisfied` into [`Effect::Undetermined`]: a satisfied criterion does
    /// not need the doubt resolved. `Factor` and `Silent` cells never affect the verdict.
    ///
    /// ```
    /// use ebl::recognition::{CellStatus, CriterionStatus, Effect};
    /// assert_eq!(Effect::of(CellStatus::Required, CriterionStatus::NotSatisfied), Effect::Blocks);
    /// assert_eq!(Effect::of(CellStatus::Unknown, CriterionStatus::NotSatisfied), Effect::Undetermined);
    /// assert_eq!(Effect::of(CellStatus::Unknown, CriterionStatus::Satisfied), Effect::None);
    /// assert_eq!(Effect::of(CellStatus::Factor, CriterionStatus::NotSatisfied), Effect::None);
    /// ```
    #[must_use]
    pub fn of(cell: CellStatus, status: CriterionStatus) -> Effect {
        match (cell, status) {
            (_, CriterionStatus::Satisfied | CriterionStatus::NotApplicable)
            | (CellStatus::Factor | CellStatus::Silent, _) => Effect::None,
            (
                CellStatus::Required | CellStatus::RequiredStricter,
                CriterionStatus::NotSatisfied,
            ) => Effect::Blocks,
            (
                CellStatus::Required | CellStatus::RequiredStricter,
                CriterionStatus::Indeterminate,
            )
            | (CellStatus::Unknown, _) => Effect::Undetermined,
        }
    }

    /// The effect of a criterion result under `cell`, weighing the cell's confidence: a cell
    /// that cannot block ([`Cell::can_block`]: its statement is not verified against the
    /// statute text, or it comes from a model or non-binding instrument) turns what would block
    /// into [`Effect::Undetermined`]. A firm "not recognised" therefore always rests on a
    /// verified premise; an unverified one can only leave the answer open.
    ///
    /// ```
    /// use ebl::recognition::{Catalogue, CriterionId, CriterionStatus, Effect};
    /// let catalogue = Catalogue::embedded()?;
    /// let at = "2026-10-01T00:00:00Z".parse()?;
    /// // Singapore's s.16I(2) is verified: a failed transfer blocks.
    /// let sg = catalogue.jurisdiction("SG").unwrap().cell_at(CriterionId::TransferDivests, at).unwrap();
    /// assert_eq!(Effect::of_cell(sg, CriterionStatus::NotSatisfied), Effect::Blocks);
    /// // The MLETR article wording is recalled [R]: the same failure leaves the answer open.
    /// let mletr = catalogue.jurisdiction("MLETR").unwrap().cell_at(CriterionId::TransferDivests, at).unwrap();
    /// assert_eq!(Effect::of_cell(mletr, CriterionStatus::NotSatisfied), Effect::Undetermined);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn of_cell(cell: &Cell, status: CriterionStatus) -> Effect {
        match Effect::of(cell.status, status) {
            Effect::Blocks if !cell.can_block() => Effect::Undetermined,
            effect => effect,
        }
    }
}

/// The overall answer of a recognition report.
///
/// There is deliberately no "valid" verdict: reliability is a legal standard judged on all the
/// circumstances (MLETR art. 12), so the best the library can say is that every computable
/// requirement is met and the reliability standard remains to be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// A required criterion is not satisfied.
    NotRecognised,
    /// Nothing required fails, but something required (or possibly required) could not be decided.
    Indeterminate,
    /// Every required criterion is satisfied; recognition remains subject to the reliability
    /// standard of the receiving law.
    RecognisedSubjectToReliability,
}

impl Verdict {
    /// The verdict for the worst effect found.
    #[must_use]
    pub fn from_worst(effect: Effect) -> Verdict {
        match effect {
            Effect::None => Verdict::RecognisedSubjectToReliability,
            Effect::Undetermined => Verdict::Indeterminate,
            Effect::Blocks => Verdict::NotRecognised,
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Verdict::NotRecognised => "not recognised",
            Verdict::Indeterminate => "indeterminate",
            Verdict::RecognisedSubjectToReliability => "recognised, subject to reliability",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn effect_table_is_total_and_ordered() {
        use CellStatus::*;
        use CriterionStatus::*;
        let cells = [Required, RequiredStricter, Factor, Silent, Unknown];
        for cell in cells {
            assert_eq!(Effect::of(cell, Satisfied), Effect::None);
            assert!(Effect::of(cell, NotSatisfied) >= Effect::of(cell, Indeterminate));
        }
        assert_eq!(
            Effect::of(RequiredStricter, Indeterminate),
            Effect::Undetermined
        );
        assert_eq!(Effect::of(Silent, NotSatisfied), Effect::None);
        assert_eq!(Verdict::from_worst(Effect::Blocks), Verdict::NotRecognised);
        assert_eq!(
            Verdict::from_worst(Effect::None),
            Verdict::RecognisedSubjectToReliability
        );
        assert!(NotSatisfied > Indeterminate && Indeterminate > Satisfied);
    }
}
