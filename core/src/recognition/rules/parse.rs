//! Shared parsing helpers for rule files: shape errors with file and JSON path, cells, digests.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::cell::{Cell, CellParams, CellStatus, Confidence};
use crate::json::{self, JsonPath, Value};
use crate::recognition::{CriterionId, RecognitionError};

/// Converts a JSON value into a typed view, reporting shape errors as rule-file errors.
pub(crate) fn typed<T: serde::de::DeserializeOwned>(
    value: &Value,
    source: &str,
    base: &JsonPath,
) -> Result<T, RecognitionError> {
    json::from_value(value, base).map_err(|e| match e {
        json::JsonError::Shape { path, message } => RecognitionError::RulesInvalid {
            source_name: source.to_owned(),
            path,
            message,
        },
        other => RecognitionError::RulesInvalid {
            source_name: source.to_owned(),
            path: base.to_string(),
            message: other.to_string(),
        },
    })
}

pub(crate) fn invalid(
    source: &str,
    path: &JsonPath,
    message: impl Into<String>,
) -> RecognitionError {
    RecognitionError::RulesInvalid {
        source_name: source.to_owned(),
        path: path.to_string(),
        message: message.into(),
    }
}

/// Refuses a rule file whose `schema` is not the one this version reads.
pub(crate) fn expect_schema(
    found: &str,
    expected: &str,
    source: &str,
) -> Result<(), RecognitionError> {
    if found == expected {
        Ok(())
    } else {
        Err(invalid(
            source,
            &JsonPath::root().key("schema"),
            format!("unsupported schema '{found}', expected '{expected}'"),
        ))
    }
}

/// `sha256:<hex>` of the RFC 8785 canonical form of a rule file.
pub(crate) fn digest(value: &Value) -> String {
    format!("sha256:{}", crate::checksum::canonical_json_sha256(value))
}

/// A cell as written in a file, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCell {
    criterion: String,
    status: CellStatus,
    #[serde(default)]
    citation: Option<String>,
    confidence: Confidence,
    #[serde(default)]
    uncertain: bool,
    #[serde(default)]
    derived: bool,
    #[serde(default)]
    presumption: bool,
    #[serde(default)]
    stricter: Option<String>,
    #[serde(default)]
    effective_from: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    effective_until: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    params: Option<Value>,
    #[serde(default)]
    notes: Option<String>,
}

/// Parses and validates one cell at `path`. `default_from` fills a missing `effective_from`.
pub(crate) fn cell(
    value: &Value,
    source: &str,
    path: &JsonPath,
    default_from: Option<DateTime<FixedOffset>>,
) -> Result<Cell, RecognitionError> {
    let raw: RawCell = typed(value, source, path)?;
    let criterion: CriterionId =
        raw.criterion
            .parse()
            .map_err(|_| RecognitionError::UnknownCriterion {
                source_name: source.to_owned(),
                path: path.key("criterion").to_string(),
                id: raw.criterion.clone(),
            })?;
    let citation = raw.citation.unwrap_or_default();
    if citation.trim().is_empty() {
        return Err(RecognitionError::MissingCitation {
            source_name: source.to_owned(),
            path: path.to_string(),
        });
    }
    match (raw.status, &raw.stricter) {
        (CellStatus::RequiredStricter, None) => {
            return Err(invalid(
                source,
                &path.key("stricter"),
                "a required-stricter cell must say how it is stricter",
            ));
        }
        (status, Some(_)) if status != CellStatus::RequiredStricter => {
            return Err(invalid(
                source,
                &path.key("stricter"),
                "'stricter' is only for required-stricter cells",
            ));
        }
        _ => {}
    }
    let effective_from = raw.effective_from.or(default_from);
    if let (Some(from), Some(until)) = (effective_from, raw.effective_until)
        && from >= until
    {
        return Err(invalid(
            source,
            &path.key("effective_until"),
            format!("cell ends ({until}) before it starts ({from})"),
        ));
    }
    let params_path = path.key("params");
    let params: CellParams = match &raw.params {
        Some(v) => typed(v, source, &params_path).map_err(|e| match e {
            RecognitionError::RulesInvalid {
                source_name,
                path,
                message,
            } => RecognitionError::InvalidParams {
                source_name,
                path,
                message,
            },
            other => other,
        })?,
        None => CellParams::default(),
    };
    let accepted = CellParams::accepted_by(criterion);
    if let Some(bad) = params
        .set_names()
        .into_iter()
        .find(|n| !accepted.contains(n))
    {
        return Err(RecognitionError::InvalidParams {
            source_name: source.to_owned(),
            path: params_path.key(bad).to_string(),
            message: format!("parameter '{bad}' does not apply to criterion '{criterion}'"),
        });
    }
    Ok(Cell {
        criterion,
        status: raw.status,
        citation,
        confidence: raw.confidence,
        uncertain: raw.uncertain,
        derived: raw.derived,
        presumption: raw.presumption,
        stricter: raw.stricter,
        effective_from,
        effective_until: raw.effective_until,
        params,
        notes: raw.notes,
    })
}

/// Checks that no two cells of one criterion are in force at the same time.
pub(crate) fn check_overlaps(
    cells: &[(Cell, JsonPath)],
    source: &str,
) -> Result<(), RecognitionError> {
    for (i, (a, a_path)) in cells.iter().enumerate() {
        for (b, b_path) in cells.iter().skip(i + 1) {
            if a.criterion == b.criterion && overlap(a, b) {
                return Err(RecognitionError::OverlappingDates {
                    source_name: source.to_owned(),
                    path: b_path.to_string(),
                    criterion: b.criterion.to_string(),
                    other: a_path.to_string(),
                });
            }
        }
    }
    Ok(())
}

fn overlap(a: &Cell, b: &Cell) -> bool {
    // [a.from, a.until) and [b.from, b.until) intersect iff each starts before the other ends.
    let starts_before_end = |x: &Cell, y: &Cell| match (x.effective_from, y.effective_until) {
        (Some(from), Some(until)) => from < until,
        _ => true,
    };
    starts_before_end(a, b) && starts_before_end(b, a)
}
