//! The set of loaded jurisdictions and agreements (the embedded ones, plus any from disk), and
//! the [`Target`] a recognition request is evaluated against.

use serde::{Deserialize, Serialize};

use super::agreement::{Agreement, Instrument};
use super::cell::Cell;
use super::jurisdiction::{IndustryCover, Regime, RuleSet};
use super::laws::LawList;
use crate::recognition::CriterionId;
use crate::recognition::RecognitionError;

/// The rule files shipped inside the crate: `(source name, contents)`.
const EMBEDDED_JURISDICTIONS: &[(&str, &str)] = &[
    (
        "embedded:jurisdictions/mletr.json",
        include_str!("../../../rules/jurisdictions/mletr.json"),
    ),
    (
        "embedded:jurisdictions/sg.json",
        include_str!("../../../rules/jurisdictions/sg.json"),
    ),
    (
        "embedded:jurisdictions/cn.json",
        include_str!("../../../rules/jurisdictions/cn.json"),
    ),
    (
        "embedded:jurisdictions/gb.json",
        include_str!("../../../rules/jurisdictions/gb.json"),
    ),
    (
        "embedded:jurisdictions/fr.json",
        include_str!("../../../rules/jurisdictions/fr.json"),
    ),
    (
        "embedded:jurisdictions/hk.json",
        include_str!("../../../rules/jurisdictions/hk.json"),
    ),
    (
        "embedded:jurisdictions/bh.json",
        include_str!("../../../rules/jurisdictions/bh.json"),
    ),
    (
        "embedded:jurisdictions/adgm.json",
        include_str!("../../../rules/jurisdictions/adgm.json"),
    ),
    (
        "embedded:jurisdictions/de.json",
        include_str!("../../../rules/jurisdictions/de.json"),
    ),
    (
        "embedded:jurisdictions/us.json",
        include_str!("../../../rules/jurisdictions/us.json"),
    ),
];

const EMBEDDED_LAWS: (&str, &str) = (
    "embedded:recognising-laws.json",
    include_str!("../../../rules/recognising-laws.json"),
);

const EMBEDDED_AGREEMENTS: &[(&str, &str)] = &[(
    "embedded:agreements/sg-cn-shenzhen.json",
    include_str!("../../../rules/agreements/sg-cn-shenzhen.json"),
)];

/// Loaded jurisdictions and agreements.
///
/// ```
/// use ebl::recognition::Catalogue;
/// let catalogue = Catalogue::embedded()?;
/// let ids: Vec<&str> = catalogue.jurisdictions().iter().map(|j| j.id.as_str()).collect();
/// assert_eq!(ids, ["MLETR", "SG", "CN", "GB", "FR", "HK", "BH", "ADGM", "DE", "US"]);
/// let target = catalogue.agreement_target("sg-cn-shenzhen", "CN")?;
/// assert_eq!(target.receiving, "CN");
/// assert_eq!(target.layers.len(), 2);
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalogue {
    pub(super) jurisdictions: Vec<RuleSet>,
    pub(super) agreements: Vec<Agreement>,
    pub(super) laws: Option<LawList>,
}

impl Catalogue {
    /// An empty catalogue.
    #[must_use]
    pub fn new() -> Catalogue {
        Catalogue::default()
    }

    /// The rule files shipped with the crate: MLETR baseline, SG, CN, GB, FR, HK, BH, ADGM, DE,
    /// US, the shared list of laws recognising electronic bills, and the SG–CN (Shenzhen)
    /// agreement model.
    ///
    /// # Errors
    /// Only if an embedded file is invalid, which the test suite rules out.
    pub fn embedded() -> crate::Result<Catalogue> {
        let mut catalogue = Catalogue::new();
        let (name, text) = EMBEDDED_LAWS;
        catalogue.set_recognising_laws(LawList::from_json(text.as_bytes(), name)?);
        for (name, text) in EMBEDDED_JURISDICTIONS {
            catalogue.add_jurisdiction(RuleSet::from_json(text.as_bytes(), name)?)?;
        }
        for (name, text) in EMBEDDED_AGREEMENTS {
            catalogue.add_agreement(Agreement::from_json(text.as_bytes(), name)?)?;
        }
        Ok(catalogue)
    }

    /// Adds a jurisdiction, replacing one with the same id (so a newer file from disk can
    /// supersede the embedded one).
    ///
    /// # Errors
    /// [`RecognitionError::RulesInvalid`] if its id or an alias names another loaded
    /// jurisdiction (ignoring case), so that every name keeps meaning one rule file.
    pub fn add_jurisdiction(&mut self, mut rules: RuleSet) -> crate::Result<()> {
        let names = std::iter::once(&rules.id).chain(&rules.aliases);
        if let Some((name, other)) = names
            .filter_map(|n| {
                self.jurisdictions
                    .iter()
                    .find(|j| j.id != rules.id && j.is_named(n))
                    .map(|j| (n, j))
            })
            .next()
        {
            return Err(RecognitionError::RulesInvalid {
                source_name: format!("jurisdiction '{}'", rules.id),
                path: "$".to_owned(),
                message: format!(
                    "the name '{name}' already names jurisdiction '{}'",
                    other.id
                ),
            }
            .into());
        }
        if rules.needs_shared_laws() {
            rules.recognising_laws.clone_from(&self.laws);
        }
        match self.jurisdictions.iter_mut().find(|j| j.id == rules.id) {
            Some(existing) => *existing = rules,
            None => self.jurisdictions.push(rules),
        }
        Ok(())
    }

    /// Sets the shared list of laws that recognise electronic bills, used by every loaded
    /// and later added jurisdiction whose `governing-law` cells list none of their own.
    ///
    /// ```
    /// use ebl::recognition::{Catalogue, LawList};
    /// let mut catalogue = Catalogue::embedded()?;
    /// let list = br#"{"schema": "ebl-recognising-laws/1", "version": "t1", "researched": "2026-06",
    ///   "laws": [{"law": "SG", "from": "2021-03-19T00:00:00+08:00", "citation": "ETA Part 2A [V]", "confidence": "verified"}]}"#;
    /// catalogue.set_recognising_laws(LawList::from_json(list, "laws.json")?);
    /// assert_eq!(catalogue.jurisdiction("GB").unwrap().recognising_laws.as_ref().unwrap().version, "t1");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    pub fn set_recognising_laws(&mut self, laws: LawList) {
        for j in &mut self.jurisdictions {
            if j.needs_shared_laws() {
                j.recognising_laws = Some(laws.clone());
            }
        }
        self.laws = Some(laws);
    }

    /// The shared list of laws that recognise electronic bills, if one is loaded.
    #[must_use]
    pub fn recognising_laws(&self) -> Option<&LawList> {
        self.laws.as_ref()
    }

    /// Adds an agreement (replacing one with the same id). Every side must name a loaded
    /// jurisdiction.
    ///
    /// # Errors
    /// [`RecognitionError::UnknownReference`] naming the missing jurisdiction.
    pub fn add_agreement(&mut self, agreement: Agreement) -> crate::Result<()> {
        if let Some(side) = agreement
            .sides
            .iter()
            .find(|s| self.jurisdiction(&s.jurisdiction).is_none())
        {
            return Err(RecognitionError::UnknownReference {
                what: "jurisdiction",
                id: side.jurisdiction.clone(),
                context: format!(" (side of agreement '{}')", agreement.id),
            }
            .into());
        }
        match self.agreements.iter_mut().find(|a| a.id == agreement.id) {
            Some(existing) => *existing = agreement,
            None => self.agreements.push(agreement),
        }
        Ok(())
    }

    /// Reads a jurisdiction file from disk and adds it.
    ///
    /// # Errors
    /// [`crate::Error::Io`] if the file cannot be read, else as [`RuleSet::from_json`].
    pub fn load_jurisdiction_file(&mut self, path: &std::path::Path) -> crate::Result<()> {
        let bytes = read(path)?;
        self.add_jurisdiction(RuleSet::from_json(&bytes, &path.display().to_string())?)
    }

    /// Reads an agreement file from disk and adds it.
    ///
    /// # Errors
    /// [`crate::Error::Io`] if the file cannot be read, else as [`Agreement::from_json`] and
    /// [`Catalogue::add_agreement`].
    pub fn load_agreement_file(&mut self, path: &std::path::Path) -> crate::Result<()> {
        let bytes = read(path)?;
        self.add_agreement(Agreement::from_json(&bytes, &path.display().to_string())?)
    }

    /// Every jurisdiction, in load order.
    #[must_use]
    pub fn jurisdictions(&self) -> &[RuleSet] {
        &self.jurisdictions
    }

    /// Every agreement, in load order.
    #[must_use]
    pub fn agreements(&self) -> &[Agreement] {
        &self.agreements
    }

    /// The jurisdiction with this id.
    #[must_use]
    pub fn jurisdiction(&self, id: &str) -> Option<&RuleSet> {
        self.jurisdictions.iter().find(|j| j.id == id)
    }

    /// The agreement with this id.
    #[must_use]
    pub fn agreement(&self, id: &str) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.id == id)
    }

    /// The target for recognition in jurisdiction `id`.
    ///
    /// # Errors
    /// [`RecognitionError::UnknownReference`] if no such jurisdiction is loaded.
    pub fn jurisdiction_target(&self, id: &str) -> crate::Result<Target> {
        let rules = self
            .jurisdiction(id)
            .ok_or_else(|| RecognitionError::UnknownReference {
                what: "jurisdiction",
                id: id.to_owned(),
                context: String::new(),
            })?;
        Ok(Target::jurisdiction(rules))
    }

    /// The target for recognition under agreement `agreement`, on the side of the receiving
    /// jurisdiction `side`: that jurisdiction's rules plus the agreement's clauses for it.
    ///
    /// # Errors
    /// [`RecognitionError::UnknownReference`] if the agreement or the side is not known.
    pub fn agreement_target(&self, agreement: &str, side: &str) -> crate::Result<Target> {
        let a = self
            .agreement(agreement)
            .ok_or_else(|| RecognitionError::UnknownReference {
                what: "agreement",
                id: agreement.to_owned(),
                context: String::new(),
            })?;
        let base = self
            .jurisdiction(side)
            .filter(|_| a.side(side).is_some())
            .ok_or_else(|| RecognitionError::UnknownReference {
                what: "agreement side",
                id: side.to_owned(),
                context: format!(" (in agreement '{agreement}')"),
            })?;
        Ok(Target::agreement(a, side, base)?)
    }
}

fn read(path: &std::path::Path) -> crate::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| crate::Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

/// Which rule file a layer of cells comes from; named in every report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesSource {
    /// `jurisdiction` or `agreement`.
    pub kind: String,
    /// The file's id.
    pub id: String,
    /// The rule-data version.
    pub version: String,
    /// `sha256:` digest of the canonical file.
    pub digest: String,
    /// When the legal research behind the file was done (`2026-06`), if the file says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub researched: Option<String>,
}

/// A set of cells from one rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    /// Where the cells come from.
    pub source: RulesSource,
    /// The cells.
    pub cells: Vec<Cell>,
}

/// What a record is evaluated against: a receiving jurisdiction's rules, optionally with an
/// agreement's clauses for that side layered on top (each layer is evaluated; the verdict takes
/// the worst).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `SG`, or `sg-cn-shenzhen/CN` for an agreement side.
    pub id: String,
    /// The receiving jurisdiction.
    pub receiving: String,
    /// The receiving jurisdiction's regime.
    pub regime: Regime,
    /// The industry-cover test of the receiving jurisdiction's file.
    pub industry_cover: Option<IndustryCover>,
    /// The agreement's instrument, for an agreement target.
    pub instrument: Option<Instrument>,
    /// The jurisdiction layer first, then the agreement layer if any.
    pub layers: Vec<Layer>,
    /// Data the layers' cells draw on besides their own files (the shared list of
    /// recognising laws), named in the report beside the layers.
    pub shared: Vec<RulesSource>,
}

impl Target {
    /// The target for one jurisdiction.
    #[must_use]
    pub fn jurisdiction(rules: &RuleSet) -> Target {
        let mut cells = rules.cells.clone();
        let mut shared = Vec::new();
        if let Some(laws) = &rules.recognising_laws {
            for c in &mut cells {
                if c.criterion == CriterionId::GoverningLaw && c.params.recognising_laws.is_empty()
                {
                    c.params.recognising_laws.clone_from(&laws.laws);
                }
            }
            shared.push(laws.source());
        }
        Target {
            id: rules.id.clone(),
            receiving: rules.id.clone(),
            regime: rules.regime.clone(),
            industry_cover: rules.industry_cover.clone(),
            instrument: None,
            layers: vec![Layer {
                source: RulesSource {
                    kind: "jurisdiction".to_owned(),
                    id: rules.id.clone(),
                    version: rules.version.clone(),
                    digest: rules.digest.clone(),
                    researched: rules.researched.clone(),
                },
                cells,
            }],
            shared,
        }
    }

    /// The target for side `side` of `agreement`, whose jurisdiction rules are `base`.
    ///
    /// # Errors
    /// [`RecognitionError::UnknownReference`] if the agreement has no such side or `base` is
    /// not that side's jurisdiction.
    pub fn agreement(
        agreement: &Agreement,
        side: &str,
        base: &RuleSet,
    ) -> Result<Target, RecognitionError> {
        let s = agreement
            .side(side)
            .filter(|s| s.jurisdiction == base.id)
            .ok_or_else(|| RecognitionError::UnknownReference {
                what: "agreement side",
                id: side.to_owned(),
                context: format!(" (in agreement '{}')", agreement.id),
            })?;
        let mut target = Target::jurisdiction(base);
        target.id = format!("{}/{}", agreement.id, side);
        target.instrument = Some(agreement.instrument.clone());
        target.layers.push(Layer {
            source: RulesSource {
                kind: "agreement".to_owned(),
                id: agreement.id.clone(),
                version: agreement.version.clone(),
                digest: agreement.digest.clone(),
                researched: agreement.researched.clone(),
            },
            cells: agreement.cells_for(s),
        });
        Ok(target)
    }
}
