//! The one list of governing laws that recognise electronic bills of lading, shared by every
//! jurisdiction's `governing-law` cell (`core/rules/recognising-laws.json`).
//!
//! Which laws recognise electronic bills is a fact about those laws, not about the receiving
//! jurisdiction, so it is kept once: a jurisdiction file whose `governing-law` cell lists no
//! laws of its own uses this list, and the report names the list's version, digest and
//! research date beside the jurisdiction file's.

use serde::Deserialize;

use super::catalogue::RulesSource;
use super::cell::RecognisingLaw;
use super::parse::{self, expect_schema, invalid, typed};
use crate::json::{self, JsonPath, Value};
use crate::recognition::RecognitionError;

/// The schema identifier a recognising-laws file declares.
pub const LAWS_SCHEMA: &str = "ebl-recognising-laws/1";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLawList {
    schema: String,
    version: String,
    researched: String,
    #[serde(default)]
    sources: Option<String>,
    laws: Vec<RecognisingLaw>,
}

/// The laws that recognise electronic bills, validated.
///
/// ```
/// use ebl::recognition::Catalogue;
/// let catalogue = Catalogue::embedded()?;
/// let laws = catalogue.recognising_laws().unwrap();
/// let gb = laws.laws.iter().find(|l| l.law == "GB").unwrap();
/// assert!(gb.from.is_some() && gb.citation.contains("Electronic Trade Documents Act 2023"));
/// // Belize is listed on a secondary source only, with no verified date.
/// let bz = laws.laws.iter().find(|l| l.law == "BZ").unwrap();
/// assert!(bz.from.is_none());
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawList {
    /// The data version (named in every report that uses it).
    pub version: String,
    /// `sha256:` digest of the RFC 8785 canonical form of the file.
    pub digest: String,
    /// When the legal research behind the list was done (`2026-06`).
    pub researched: String,
    /// Where the research is.
    pub sources: Option<String>,
    /// The laws, each with its citation and confidence.
    pub laws: Vec<RecognisingLaw>,
}

impl LawList {
    /// Parses and validates a recognising-laws file: known schema, a version and research
    /// date, and for every law a non-empty id and citation, each id once.
    ///
    /// # Errors
    /// [`RecognitionError`] (codes 8xx) or a JSON error, with the file name and JSON path.
    pub fn from_json(bytes: &[u8], source_name: &str) -> crate::Result<LawList> {
        let value = json::parse(bytes)?;
        Ok(LawList::from_value(&value, source_name)?)
    }

    /// Validates an already-parsed recognising-laws file (see [`LawList::from_json`]).
    ///
    /// # Errors
    /// As [`LawList::from_json`].
    pub fn from_value(value: &Value, source: &str) -> Result<LawList, RecognitionError> {
        let root = JsonPath::root();
        let raw: RawLawList = typed(value, source, &root)?;
        expect_schema(&raw.schema, LAWS_SCHEMA, source)?;
        for (name, text) in [("version", &raw.version), ("researched", &raw.researched)] {
            if text.trim().is_empty() {
                return Err(invalid(source, &root.key(name), format!("empty {name}")));
            }
        }
        for (i, law) in raw.laws.iter().enumerate() {
            let path = root.key("laws").index(i);
            if law.law.trim().is_empty() {
                return Err(invalid(source, &path.key("law"), "empty law id"));
            }
            if law.citation.trim().is_empty() {
                return Err(RecognitionError::MissingCitation {
                    source_name: source.to_owned(),
                    path: path.to_string(),
                });
            }
            if raw.laws[..i].iter().any(|l| l.law == law.law) {
                return Err(invalid(
                    source,
                    &path.key("law"),
                    format!("law '{}' is listed twice", law.law),
                ));
            }
        }
        Ok(LawList {
            version: raw.version,
            digest: parse::digest(value),
            researched: raw.researched,
            sources: raw.sources,
            laws: raw.laws,
        })
    }

    /// How reports name this list.
    #[must_use]
    pub fn source(&self) -> RulesSource {
        RulesSource {
            kind: "recognising-laws".to_owned(),
            id: "recognising-laws".to_owned(),
            version: self.version.clone(),
            digest: self.digest.clone(),
            researched: Some(self.researched.clone()),
        }
    }
}
