//! Finding rule data by the names people type: a target as one string (`CN`,
//! `sg-cn-shenzhen/CN`), a law id with its aliases, and a user's own rule file from bytes.
//!
//! Every surface (the CLI, C, Python) passes the same strings, so the syntax lives here once.

use super::agreement::{AGREEMENT_SCHEMA, Agreement};
use super::catalogue::{Catalogue, Target};
use super::jurisdiction::{JURISDICTION_SCHEMA, RuleSet};
use super::parse::invalid;
use crate::json::{self, JsonPath, Value};
use crate::recognition::RecognitionError;

/// What [`Catalogue::add_rules`] added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadedRules {
    /// A jurisdiction file, with its id.
    Jurisdiction(String),
    /// An agreement file, with its id.
    Agreement(String),
}

impl Catalogue {
    /// The jurisdiction `text` names: its id or an alias (`UK` for `GB`), ignoring case.
    ///
    /// ```
    /// let catalogue = ebl::recognition::Catalogue::embedded()?;
    /// assert_eq!(catalogue.find_jurisdiction("uk").map(|j| j.id.as_str()), Some("GB"));
    /// assert!(catalogue.find_jurisdiction("XX").is_none());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn find_jurisdiction(&self, text: &str) -> Option<&RuleSet> {
        self.jurisdictions.iter().find(|j| j.is_named(text))
    }

    /// The agreement `text` names by its id, ignoring case.
    ///
    /// ```
    /// let catalogue = ebl::recognition::Catalogue::embedded()?;
    /// assert_eq!(catalogue.find_agreement("SG-CN-Shenzhen").map(|a| a.id.as_str()), Some("sg-cn-shenzhen"));
    /// assert!(catalogue.find_agreement("SG").is_none());
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn find_agreement(&self, text: &str) -> Option<&Agreement> {
        self.agreements
            .iter()
            .find(|a| a.id.eq_ignore_ascii_case(text.trim()))
    }

    /// The law id to record for `text` (the governing law a receiver states): the id of the
    /// jurisdiction it names, through aliases and ignoring case; otherwise `text` upper-cased,
    /// so a law without a rule file is still recorded (and judged by the `governing-law`
    /// criterion).
    ///
    /// ```
    /// let catalogue = ebl::recognition::Catalogue::embedded()?;
    /// assert_eq!(catalogue.law_id(" uk"), "GB");
    /// assert_eq!(catalogue.law_id("sg"), "SG");
    /// assert_eq!(catalogue.law_id("de"), "DE");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn law_id(&self, text: &str) -> String {
        self.find_jurisdiction(text)
            .map_or_else(|| text.trim().to_ascii_uppercase(), |j| j.id.clone())
    }

    /// Every target string this catalogue accepts, in load order: each jurisdiction id, then
    /// `agreement/side` for every side of every agreement (what error messages list).
    #[must_use]
    pub fn target_ids(&self) -> Vec<String> {
        let jurisdictions = self.jurisdictions.iter().map(|j| j.id.clone());
        let sides = self.agreements.iter().flat_map(|a| {
            a.sides
                .iter()
                .map(move |s| format!("{}/{}", a.id, s.jurisdiction))
        });
        jurisdictions.chain(sides).collect()
    }

    /// The target `text` names, in the syntax every report prints as its `target`: a
    /// jurisdiction (`CN`, or an alias such as `UK`), or one side of an agreement
    /// (`sg-cn-shenzhen/CN`). An agreement with a single side may be named alone. Ids, sides
    /// and aliases are matched ignoring case.
    ///
    /// ```
    /// use ebl::recognition::Catalogue;
    /// let catalogue = Catalogue::embedded()?;
    /// assert_eq!(catalogue.target("uk")?.id, "GB");
    /// assert_eq!(catalogue.target("SG-CN-Shenzhen/cn")?.id, "sg-cn-shenzhen/CN");
    /// // Two sides: the receiving one must be named.
    /// let err = catalogue.target("sg-cn-shenzhen").unwrap_err();
    /// assert!(err.to_string().contains("sg-cn-shenzhen/SG or sg-cn-shenzhen/CN"));
    /// // An unknown name lists the known ones.
    /// assert!(catalogue.target("XX").unwrap_err().to_string().contains("MLETR, SG, CN, GB, FR, HK, BH, ADGM, DE, US"));
    /// # Ok::<(), ebl::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`RecognitionError::UnknownReference`] listing the known targets, or
    /// [`RecognitionError::AmbiguousTarget`] for an agreement with several sides named alone.
    pub fn target(&self, text: &str) -> crate::Result<Target> {
        let text = text.trim();
        let (name, side) = match text.split_once('/') {
            Some((name, side)) => (name.trim(), Some(side.trim())),
            None => (text, None),
        };
        if side.is_none()
            && let Some(rules) = self.find_jurisdiction(name)
        {
            return Ok(Target::jurisdiction(rules));
        }
        let Some(agreement) = self.find_agreement(name) else {
            return Err(self.unknown(
                if side.is_some() {
                    "agreement"
                } else {
                    "target"
                },
                name,
            ));
        };
        let side = match (side, agreement.sides.as_slice()) {
            (Some(side), _) => self.law_id(side),
            (None, [only]) => only.jurisdiction.clone(),
            (None, sides) => {
                return Err(RecognitionError::AmbiguousTarget {
                    agreement: agreement.id.clone(),
                    sides: sides.iter().map(|s| s.jurisdiction.clone()).collect(),
                }
                .into());
            }
        };
        self.agreement_target(&agreement.id, &side)
    }

    fn unknown(&self, what: &'static str, id: &str) -> crate::Error {
        RecognitionError::UnknownReference {
            what,
            id: id.to_owned(),
            context: format!(" (known: {})", self.known_names().join(", ")),
        }
        .into()
    }

    /// Target ids with the aliases after the jurisdictions.
    fn known_names(&self) -> Vec<String> {
        let mut names = self.target_ids();
        let split = self.jurisdictions.len();
        let aliases = self.jurisdictions.iter().flat_map(|j| j.aliases.clone());
        names.splice(split..split, aliases);
        names
    }

    /// Adds a user's rule file, a jurisdiction or an agreement, telling which from its
    /// `schema` member, so a caller with only bytes (a C or Python program, an upload) can
    /// extend the catalogue. A file with the id of a loaded one replaces it; an agreement's
    /// sides must name loaded jurisdictions. `source_name` (a file name) is named in errors.
    ///
    /// ```
    /// use ebl::recognition::{Catalogue, LoadedRules};
    /// let mut catalogue = Catalogue::embedded()?;
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/recognition/xl.rules.json");
    /// let added = catalogue.add_rules(&std::fs::read(path).unwrap(), "xl.rules.json")?;
    /// assert_eq!(added, LoadedRules::Jurisdiction("XL".into()));
    /// assert_eq!(catalogue.target("Xanadu")?.receiving, "XL");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    ///
    /// # Errors
    /// JSON errors; [`RecognitionError::RulesInvalid`] at `$.schema` for a file that is
    /// neither kind; otherwise as [`RuleSet::from_json`], [`Agreement::from_json`] and the
    /// `add_…` methods.
    pub fn add_rules(&mut self, bytes: &[u8], source_name: &str) -> crate::Result<LoadedRules> {
        let value = json::parse(bytes)?;
        match value.get("schema").and_then(Value::as_str) {
            Some(JURISDICTION_SCHEMA) => {
                let rules = RuleSet::from_value(&value, source_name)?;
                let id = rules.id.clone();
                self.add_jurisdiction(rules)?;
                Ok(LoadedRules::Jurisdiction(id))
            }
            Some(AGREEMENT_SCHEMA) => {
                let agreement = Agreement::from_value(&value, source_name)?;
                let id = agreement.id.clone();
                self.add_agreement(agreement)?;
                Ok(LoadedRules::Agreement(id))
            }
            other => Err(invalid(
                source_name,
                &JsonPath::root().key("schema"),
                format!(
                    "{}: a rule file declares \"schema\": \"{JURISDICTION_SCHEMA}\" (a jurisdiction) or \"{AGREEMENT_SCHEMA}\" (an agreement)",
                    other.map_or_else(|| "missing".to_owned(), |s| format!("'{s}'"))
                ),
            )
            .into()),
        }
    }
}
