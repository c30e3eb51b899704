//! A jurisdiction's rule file: its regime, industry-cover test and one cell per criterion and
//! period.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use super::cell::{Cell, Confidence};
use super::laws::LawList;
use super::parse::{self, expect_schema, invalid, typed};
use crate::json::{self, JsonPath, Value};
use crate::recognition::{CriterionId, RecognitionError};
use crate::trust::EvidenceMatcher;

/// The schema identifier a jurisdiction file declares.
pub const JURISDICTION_SCHEMA: &str = "ebl-recognition-rules/1";

/// What the regime says about records issued before it came into force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EarlierRecords {
    /// The regime does not apply to them (e.g. UK ETDA 2023).
    NotCovered,
    /// Not established.
    Unknown,
}

/// Whether a jurisdiction has a statute recognising electronic transferable records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegimeStatus {
    /// A statute (or, for the baseline, the model law) recognises them.
    #[default]
    Enacted,
    /// No statute recognises them yet (a consultation, a bill): the regime check is
    /// indeterminate for every record.
    NotEnacted,
}

impl RegimeStatus {
    /// Whether this is [`RegimeStatus::Enacted`].
    #[must_use]
    pub fn is_enacted(&self) -> bool {
        *self == RegimeStatus::Enacted
    }
}

/// The statute (or model law) that makes electronic transferable records possible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regime {
    /// The instrument(s) and commencement provision.
    pub citation: String,
    /// When it came into force; `None` for a model law used as a baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<DateTime<FixedOffset>>,
    /// What it says about records issued before `effective_from`.
    pub earlier_records: EarlierRecords,
    /// Whether a statute recognising electronic transferable records exists at all
    /// (`enacted`, the default) or not yet (`not-enacted`: the verdict is at best
    /// indeterminate, as for Hong Kong before the ETO is amended).
    #[serde(default, skip_serializing_if = "RegimeStatus::is_enacted")]
    pub status: RegimeStatus,
    /// How the regime's commencement and its rule on earlier records were established
    /// (legal.md's tag). A regime rule that is not verified never blocks by itself. Absent in
    /// older files: then the regime's rule on earlier records is treated as unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Notes (uncertain dates and why).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The industry-cover test (for example the International Group of P&I Clubs list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndustryCover {
    /// Evidence that gives cover; every platform used must hold one at the time of its events.
    pub evidence: Vec<EvidenceMatcher>,
    /// The source of the industry rule.
    pub citation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleSet {
    schema: String,
    id: String,
    #[serde(default)]
    aliases: Vec<String>,
    name: String,
    version: String,
    #[serde(default)]
    sources: Option<String>,
    #[serde(default)]
    researched: Option<String>,
    regime: Regime,
    #[serde(default)]
    industry_cover: Option<IndustryCover>,
    cells: Vec<Value>,
}

/// One jurisdiction's rules, validated.
///
/// ```
/// use ebl::recognition::{Catalogue, CellStatus, CriterionId};
/// let catalogue = Catalogue::embedded()?;
/// let sg = catalogue.jurisdiction("SG").unwrap();
/// let at = "2026-01-01T00:00:00Z".parse()?;
/// let cell = sg.cell_at(CriterionId::PaperToElectronic, at).unwrap();
/// assert_eq!(cell.status, CellStatus::RequiredStricter);
/// assert!(cell.citation.contains("16M"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    /// The jurisdiction's id (`SG`, `CN`, `GB`, `FR`, `MLETR`).
    pub id: String,
    /// Other names callers may use for it (`UK` for `GB`); like ids, matched ignoring case.
    pub aliases: Vec<String>,
    /// A readable name.
    pub name: String,
    /// The rule-data version (named in every report).
    pub version: String,
    /// `sha256:` digest of the RFC 8785 canonical form of the file.
    pub digest: String,
    /// Where the research behind the file is (e.g. `reference/legal.md §2`).
    pub sources: Option<String>,
    /// When the legal research behind the file was done (`2026-06`); named in every report.
    pub researched: Option<String>,
    /// The shared list of laws recognising electronic bills, when the file's `governing-law`
    /// cells list none of their own (set by [`crate::recognition::Catalogue::add_jurisdiction`]).
    pub recognising_laws: Option<LawList>,
    /// The regime.
    pub regime: Regime,
    /// The industry-cover test, if the file defines one.
    pub industry_cover: Option<IndustryCover>,
    /// Every cell, in file order.
    pub cells: Vec<Cell>,
}

impl RuleSet {
    /// Parses and validates a jurisdiction file.
    ///
    /// Refused, with the file name and JSON path: malformed JSON, unknown members, an unknown
    /// criterion id, a cell without citation, parameters that do not fit the criterion, two
    /// cells of one criterion in force at once, and a criterion with no cell in force for some
    /// period from the regime's start on.
    ///
    /// # Errors
    /// [`RecognitionError`] (codes 8xx) or a JSON error.
    pub fn from_json(bytes: &[u8], source_name: &str) -> crate::Result<RuleSet> {
        let value = json::parse(bytes)?;
        Ok(RuleSet::from_value(&value, source_name)?)
    }

    /// Validates an already-parsed jurisdiction file (see [`RuleSet::from_json`]).
    ///
    /// # Errors
    /// As [`RuleSet::from_json`].
    pub fn from_value(value: &Value, source: &str) -> Result<RuleSet, RecognitionError> {
        let root = JsonPath::root();
        let raw: RawRuleSet = typed(value, source, &root)?;
        expect_schema(&raw.schema, JURISDICTION_SCHEMA, source)?;
        for (name, text) in [("id", &raw.id), ("version", &raw.version)] {
            if text.trim().is_empty() {
                return Err(invalid(source, &root.key(name), format!("empty {name}")));
            }
        }
        check_aliases(&raw.id, &raw.aliases, source)?;
        if raw.regime.citation.trim().is_empty() {
            return Err(RecognitionError::MissingCitation {
                source_name: source.to_owned(),
                path: root.key("regime").to_string(),
            });
        }
        if let Some(cover) = &raw.industry_cover
            && cover.citation.trim().is_empty()
        {
            return Err(RecognitionError::MissingCitation {
                source_name: source.to_owned(),
                path: root.key("industry_cover").to_string(),
            });
        }
        let mut cells = Vec::with_capacity(raw.cells.len());
        for (i, v) in raw.cells.iter().enumerate() {
            let path = root.key("cells").index(i);
            cells.push((
                parse::cell(v, source, &path, raw.regime.effective_from)?,
                path,
            ));
        }
        parse::check_overlaps(&cells, source)?;
        check_coverage(&cells, raw.regime.effective_from, source)?;
        Ok(RuleSet {
            id: raw.id,
            aliases: raw.aliases,
            name: raw.name,
            version: raw.version,
            digest: parse::digest(value),
            sources: raw.sources,
            researched: raw.researched,
            recognising_laws: None,
            regime: raw.regime,
            industry_cover: raw.industry_cover,
            cells: cells.into_iter().map(|(c, _)| c).collect(),
        })
    }

    /// The cell for `criterion` in force at `at`, if any.
    #[must_use]
    pub fn cell_at(&self, criterion: CriterionId, at: DateTime<Utc>) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.criterion == criterion && c.in_force(at))
    }

    /// Whether `text` names this jurisdiction: its id or one of its aliases, ignoring case and
    /// surrounding white space.
    ///
    /// ```
    /// use ebl::recognition::Catalogue;
    /// let gb = Catalogue::embedded()?.jurisdiction("GB").unwrap().clone();
    /// assert!(gb.is_named(" uk ") && gb.is_named("gb") && !gb.is_named("FR"));
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn is_named(&self, text: &str) -> bool {
        let text = text.trim();
        self.id.eq_ignore_ascii_case(text)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(text))
    }

    /// Whether a `governing-law` cell lists no laws of its own, so the catalogue's shared list
    /// applies.
    #[must_use]
    pub fn needs_shared_laws(&self) -> bool {
        self.cells.iter().any(|c| {
            c.criterion == CriterionId::GoverningLaw && c.params.recognising_laws.is_empty()
        })
    }

    /// Whether the regime was in force at `at`.
    #[must_use]
    pub fn regime_in_force(&self, at: DateTime<Utc>) -> bool {
        self.regime
            .effective_from
            .is_none_or(|from| from.with_timezone(&Utc) <= at)
    }
}

/// Aliases are names like ids: not empty, no white space or `/` (which separates an agreement
/// from its side in a target), none equal to the id or to another alias, ignoring case.
fn check_aliases(id: &str, aliases: &[String], source: &str) -> Result<(), RecognitionError> {
    for (i, alias) in aliases.iter().enumerate() {
        let path = JsonPath::root().key("aliases").index(i);
        if alias.is_empty() || alias.contains(|c: char| c.is_whitespace() || c == '/') {
            return Err(invalid(
                source,
                &path,
                format!("alias {alias:?} must be a non-empty name without spaces or '/'"),
            ));
        }
        if alias.eq_ignore_ascii_case(id)
            || aliases[..i].iter().any(|a| a.eq_ignore_ascii_case(alias))
        {
            return Err(invalid(
                source,
                &path,
                format!("alias '{alias}' repeats the id or another alias"),
            ));
        }
    }
    Ok(())
}

/// Every criterion must have a cell in force at every instant from the regime's start on.
fn check_coverage(
    cells: &[(Cell, JsonPath)],
    start: Option<DateTime<FixedOffset>>,
    source: &str,
) -> Result<(), RecognitionError> {
    let incomplete = |message: String| RecognitionError::Incomplete {
        source_name: source.to_owned(),
        path: JsonPath::root().key("cells").to_string(),
        message,
    };
    for &criterion in CriterionId::ALL {
        let mut mine: Vec<&Cell> = cells
            .iter()
            .map(|(c, _)| c)
            .filter(|c| c.criterion == criterion)
            .collect();
        // Overlaps are already excluded, so ordering by start orders the periods.
        mine.sort_by_key(|c| c.effective_from.map(|f| f.with_timezone(&Utc)));
        let Some(first) = mine.first() else {
            return Err(incomplete(format!("criterion '{criterion}' has no cell")));
        };
        let starts_in_time = match (first.effective_from, start) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(from), Some(start)) => from <= start,
        };
        if !starts_in_time {
            return Err(incomplete(format!(
                "criterion '{criterion}' has no cell in force when the regime starts"
            )));
        }
        let mut end = first.effective_until;
        for next in mine.iter().skip(1) {
            match (end, next.effective_from) {
                (Some(until), Some(from)) if until == from => end = next.effective_until,
                (Some(until), _) => {
                    return Err(incomplete(format!(
                        "criterion '{criterion}' has no cell in force from {until}"
                    )));
                }
                (None, _) => end = None,
            }
        }
        if let Some(until) = end {
            return Err(incomplete(format!(
                "criterion '{criterion}' has no cell in force from {until}"
            )));
        }
    }
    Ok(())
}
