//! Bilateral recognition agreements as data: which trust lists each side imports, which
//! algorithms and identity methods it accepts, which data elements it requires.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::cell::{Cell, CellParams, CellStatus, Confidence};
use super::parse::{self, expect_schema, invalid, typed};
use crate::json::{self, JsonPath, Value};
use crate::recognition::{CriterionId, RecognitionError};
use crate::trust::{EvidenceKind, EvidenceMatcher, KeyBinding};

/// The schema identifier an agreement file declares.
pub const AGREEMENT_SCHEMA: &str = "ebl-recognition-agreement/1";

/// The legal standing of the instrument an agreement file describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentStatus {
    /// A binding instrument in force.
    InForce,
    /// A signed instrument whose binding effect is not established (an MOU).
    NonBinding,
    /// A model of how such an instrument would be encoded; no such instrument was found.
    Model,
}

/// The instrument behind an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Its standing.
    pub status: InstrumentStatus,
    /// How to cite it (for a model: the file itself and the research that found no instrument).
    pub citation: String,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// One clause of a side: what it lists and where the agreement says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause<T> {
    /// The values (trust-list issuers, algorithms, methods, fields).
    pub values: Vec<T>,
    /// The clause of the agreement.
    pub citation: String,
}

/// What one side (receiving jurisdiction) of an agreement applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    /// The side's jurisdiction id; its rule file is the base the agreement adds to.
    pub jurisdiction: String,
    /// Issuers of signed trust lists this side imports; a platform must be on one of them.
    pub imports_trust_lists: Clause<String>,
    /// JWS algorithms this side accepts.
    pub accepted_algorithms: Clause<String>,
    /// Ways of binding an issuer's key to its identity this side accepts.
    pub identity_methods: Clause<KeyBinding>,
    /// Document fields this side requires.
    pub required_data_elements: Clause<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgreement {
    schema: String,
    id: String,
    name: String,
    version: String,
    #[serde(default)]
    sources: Option<String>,
    #[serde(default)]
    researched: Option<String>,
    instrument: Instrument,
    #[serde(default)]
    effective_from: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    effective_until: Option<DateTime<FixedOffset>>,
    sides: Vec<Side>,
}

/// A bilateral agreement, validated.
///
/// ```
/// use ebl::recognition::Catalogue;
/// let catalogue = Catalogue::embedded()?;
/// let sg_cn = catalogue.agreement("sg-cn-shenzhen").unwrap();
/// let cn_side = sg_cn.side("CN").unwrap();
/// assert!(!cn_side.accepted_algorithms.values.is_empty());
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// The agreement's id.
    pub id: String,
    /// A readable name.
    pub name: String,
    /// The rule-data version.
    pub version: String,
    /// `sha256:` digest of the RFC 8785 canonical form of the file.
    pub digest: String,
    /// Where the research behind the file is.
    pub sources: Option<String>,
    /// When the legal research behind the file was done; named in every report.
    pub researched: Option<String>,
    /// The instrument and its standing.
    pub instrument: Instrument,
    /// When it applies from.
    pub effective_from: Option<DateTime<FixedOffset>>,
    /// When it stops applying.
    pub effective_until: Option<DateTime<FixedOffset>>,
    /// One entry per side.
    pub sides: Vec<Side>,
}

impl Agreement {
    /// Parses and validates an agreement file: known schema, non-empty clauses with citations,
    /// distinct sides, an ordered effective period.
    ///
    /// # Errors
    /// [`RecognitionError`] (codes 8xx) or a JSON error, with the file name and JSON path.
    pub fn from_json(bytes: &[u8], source_name: &str) -> crate::Result<Agreement> {
        let value = json::parse(bytes)?;
        Ok(Agreement::from_value(&value, source_name)?)
    }

    /// Validates an already-parsed agreement file (see [`Agreement::from_json`]).
    ///
    /// # Errors
    /// As [`Agreement::from_json`].
    pub fn from_value(value: &Value, source: &str) -> Result<Agreement, RecognitionError> {
        let root = JsonPath::root();
        let raw: RawAgreement = typed(value, source, &root)?;
        expect_schema(&raw.schema, AGREEMENT_SCHEMA, source)?;
        if raw.instrument.citation.trim().is_empty() {
            return Err(RecognitionError::MissingCitation {
                source_name: source.to_owned(),
                path: root.key("instrument").to_string(),
            });
        }
        if let (Some(from), Some(until)) = (raw.effective_from, raw.effective_until)
            && from >= until
        {
            return Err(invalid(
                source,
                &root.key("effective_until"),
                "agreement ends before it starts",
            ));
        }
        if raw.sides.is_empty() {
            return Err(invalid(
                source,
                &root.key("sides"),
                "an agreement needs at least one side",
            ));
        }
        for (i, side) in raw.sides.iter().enumerate() {
            let path = root.key("sides").index(i);
            if raw
                .sides
                .iter()
                .take(i)
                .any(|s| s.jurisdiction == side.jurisdiction)
            {
                return Err(invalid(
                    source,
                    &path.key("jurisdiction"),
                    format!("side '{}' appears twice", side.jurisdiction),
                ));
            }
            for (name, citation, empty) in [
                (
                    "imports_trust_lists",
                    &side.imports_trust_lists.citation,
                    side.imports_trust_lists.values.is_empty(),
                ),
                (
                    "accepted_algorithms",
                    &side.accepted_algorithms.citation,
                    side.accepted_algorithms.values.is_empty(),
                ),
                (
                    "identity_methods",
                    &side.identity_methods.citation,
                    side.identity_methods.values.is_empty(),
                ),
                (
                    "required_data_elements",
                    &side.required_data_elements.citation,
                    side.required_data_elements.values.is_empty(),
                ),
            ] {
                if citation.trim().is_empty() {
                    return Err(RecognitionError::MissingCitation {
                        source_name: source.to_owned(),
                        path: path.key(name).to_string(),
                    });
                }
                if empty {
                    return Err(invalid(
                        source,
                        &path.key(name).key("values"),
                        "empty clause",
                    ));
                }
            }
        }
        Ok(Agreement {
            id: raw.id,
            name: raw.name,
            version: raw.version,
            digest: parse::digest(value),
            sources: raw.sources,
            researched: raw.researched,
            instrument: raw.instrument,
            effective_from: raw.effective_from,
            effective_until: raw.effective_until,
            sides: raw.sides,
        })
    }

    /// The side whose receiving jurisdiction is `jurisdiction`.
    #[must_use]
    pub fn side(&self, jurisdiction: &str) -> Option<&Side> {
        self.sides.iter().find(|s| s.jurisdiction == jurisdiction)
    }

    /// The cells this agreement adds for a side: each clause becomes a `Required` cell (a
    /// `RequiredStricter` one for data elements) of the matching criterion, in force for the
    /// agreement's period, citing the clause. Cells of a `model` or `non-binding` instrument are
    /// flagged uncertain.
    #[must_use]
    pub fn cells_for(&self, side: &Side) -> Vec<Cell> {
        let uncertain = self.instrument.status != InstrumentStatus::InForce;
        let confidence = if uncertain {
            Confidence::Uncertain
        } else {
            Confidence::Verified
        };
        let cite = |clause: &str| format!("{} — {clause}", self.instrument.citation);
        let cell = |criterion, status, citation: String, params, stricter: Option<String>| Cell {
            criterion,
            status,
            citation,
            confidence,
            uncertain,
            derived: false,
            presumption: false,
            stricter,
            effective_from: self.effective_from,
            effective_until: self.effective_until,
            params,
            notes: self.instrument.notes.clone(),
        };
        vec![
            cell(
                CriterionId::RequiredContent,
                CellStatus::RequiredStricter,
                cite(&side.required_data_elements.citation),
                CellParams {
                    fields: side.required_data_elements.values.clone(),
                    ..CellParams::default()
                },
                Some("data elements agreed between the sides".to_owned()),
            ),
            cell(
                CriterionId::AcceptedAlgorithm,
                CellStatus::Required,
                cite(&side.accepted_algorithms.citation),
                CellParams {
                    algorithms: side.accepted_algorithms.values.clone(),
                    ..CellParams::default()
                },
                None,
            ),
            cell(
                CriterionId::IssuerIdentity,
                CellStatus::Required,
                cite(&side.identity_methods.citation),
                CellParams {
                    identity_methods: side.identity_methods.values.clone(),
                    ..CellParams::default()
                },
                None,
            ),
            cell(
                CriterionId::ApprovedList,
                CellStatus::Required,
                cite(&side.imports_trust_lists.citation),
                CellParams {
                    evidence: side
                        .imports_trust_lists
                        .values
                        .iter()
                        .map(|issuer| EvidenceMatcher {
                            kind: EvidenceKind::TrustList,
                            scheme: Some(issuer.clone()),
                        })
                        .collect(),
                    ..CellParams::default()
                },
                None,
            ),
        ]
    }
}
