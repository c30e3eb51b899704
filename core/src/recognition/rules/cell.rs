//! One cell of the rules table: how much a criterion matters in a jurisdiction, from when,
//! and on what authority.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use crate::recognition::CriterionId;
use crate::trust::{EvidenceMatcher, KeyBinding};

/// How a jurisdiction treats a criterion (`reference/legal.md` §6, "Encoding guidance").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellStatus {
    /// The law requires it (✓, or ≈ where a broader provision covers it).
    Required,
    /// The law requires it, more strictly than MLETR (the cell's `stricter` says how).
    RequiredStricter,
    /// The law makes it a reliability factor, not a condition.
    Factor,
    /// The law says nothing about it.
    Silent,
    /// Whether the law requires it is not established.
    Unknown,
}

/// How the cell's legal statement was established (the tags of `reference/legal.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// `[V]` verified against a stored copy of the statute or an official page.
    Verified,
    /// `[S]` from a secondary source (law-firm note, news report, circular).
    Secondary,
    /// `[R]` recalled, not re-verified against the official text.
    Recalled,
    /// `[?]` uncertain, or the law is silent as far as found.
    Uncertain,
}

impl Confidence {
    /// The tag `reference/legal.md` uses: `[V]`, `[S]`, `[R]` or `[?]`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Confidence::Verified => "[V]",
            Confidence::Secondary => "[S]",
            Confidence::Recalled => "[R]",
            Confidence::Uncertain => "[?]",
        }
    }
}

/// A governing law that recognises electronic bills from a given instant (param of
/// `governing-law`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecognisingLaw {
    /// The law's id as callers name it in `Evidence::governing_law` (`SG`, `GB`, `CN`, …).
    pub law: String,
    /// From when that law recognises electronic bills of lading; absent when the research
    /// names the law but not a verified date (then a bill governed by it is indeterminate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DateTime<FixedOffset>>,
    /// The instrument.
    pub citation: String,
    /// How the statement was established (legal.md's tag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

/// Parameters a cell gives its criterion. Which parameters a criterion accepts is checked when
/// the file is loaded (see `core/rules/README.md`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellParams {
    /// Document fields (dotted paths into the DCSA transport document) that must be present:
    /// `required-content`, `place-indicated`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Whether `fields` is the library's proxy for a statutory test rather than a list the law
    /// (or an agreement) states: a missing field is then indeterminate, not a failure
    /// (`required-content`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub proxy_fields: bool,
    /// JWS algorithms accepted: `accepted-algorithm`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub algorithms: Vec<String>,
    /// Accepted ways of binding the issuer's key to its identity: `issuer-identity`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identity_methods: Vec<KeyBinding>,
    /// Accepted identifier schemes for controllers: `identifiable-controller`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier_schemes: Vec<String>,
    /// Evidence that counts: `reliability-evidence`, `approved-list`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceMatcher>,
    /// Maximum age of the evidence at the event time, in months: `approved-list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age_months: Option<u32>,
    /// Whether evidence with a significant reservation is refused: `approved-list`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reject_significant_reservation: bool,
    /// Whether all the paper information must be reproduced: `paper-to-electronic`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub full_reproduction: bool,
    /// Data-protection regimes a platform must declare: `data-protection`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regimes: Vec<String>,
    /// Laws that recognise electronic bills: `governing-law`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recognising_laws: Vec<RecognisingLaw>,
}

impl CellParams {
    /// The names of the parameters that are set.
    #[must_use]
    pub fn set_names(&self) -> Vec<&'static str> {
        let mut names = Vec::new();
        let mut push = |set: bool, name| {
            if set {
                names.push(name);
            }
        };
        push(!self.fields.is_empty(), "fields");
        push(self.proxy_fields, "proxy_fields");
        push(!self.algorithms.is_empty(), "algorithms");
        push(!self.identity_methods.is_empty(), "identity_methods");
        push(!self.identifier_schemes.is_empty(), "identifier_schemes");
        push(!self.evidence.is_empty(), "evidence");
        push(self.max_age_months.is_some(), "max_age_months");
        push(
            self.reject_significant_reservation,
            "reject_significant_reservation",
        );
        push(self.full_reproduction, "full_reproduction");
        push(!self.regimes.is_empty(), "regimes");
        push(!self.recognising_laws.is_empty(), "recognising_laws");
        names
    }

    /// The parameters criterion `c` accepts.
    #[must_use]
    pub fn accepted_by(c: CriterionId) -> &'static [&'static str] {
        match c {
            CriterionId::RequiredContent => &["fields", "proxy_fields"],
            CriterionId::PlaceIndicated => &["fields"],
            CriterionId::AcceptedAlgorithm => &["algorithms"],
            CriterionId::IssuerIdentity => &["identity_methods"],
            CriterionId::IdentifiableController => &["identifier_schemes"],
            CriterionId::ReliabilityEvidence => &["evidence"],
            CriterionId::ApprovedList => &[
                "evidence",
                "max_age_months",
                "reject_significant_reservation",
            ],
            CriterionId::PaperToElectronic => &["full_reproduction"],
            CriterionId::DataProtection => &["regimes"],
            CriterionId::GoverningLaw => &["recognising_laws"],
            _ => &[],
        }
    }
}

/// One cell: a criterion's status in a jurisdiction for a period, with its citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// The criterion.
    pub criterion: CriterionId,
    /// How the law treats it.
    pub status: CellStatus,
    /// The provision(s) relied on. Never empty.
    pub citation: String,
    /// How the statement was established.
    pub confidence: Confidence,
    /// Whether the cell is flagged as uncertain (an unverified article number, a reading of a
    /// draft, an unsettled mapping).
    pub uncertain: bool,
    /// Whether the requirement is derived from a broader provision (≈ in legal.md) rather than
    /// stated as such.
    pub derived: bool,
    /// Whether satisfying this cell gives a statutory presumption (of reliability).
    pub presumption: bool,
    /// For `RequiredStricter`: how it is stricter than MLETR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stricter: Option<String>,
    /// First instant the cell is in force; `None` means "since always".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<DateTime<FixedOffset>>,
    /// First instant the cell is no longer in force; `None` means "until further notice".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<DateTime<FixedOffset>>,
    /// Parameters for the criterion.
    #[serde(default, skip_serializing_if = "params_empty")]
    pub params: CellParams,
    /// Free notes (what is uncertain and why).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

fn params_empty(p: &CellParams) -> bool {
    p.set_names().is_empty()
}

impl Cell {
    /// Whether a failure under this cell may make a verdict "not recognised": only when its
    /// statement was verified against the statute text ([`Confidence::Verified`]) and the cell
    /// is not flagged uncertain (an unverified article number, a draft, a model instrument).
    ///
    /// ```
    /// use ebl::recognition::{Catalogue, CriterionId};
    /// let gb = Catalogue::embedded()?.jurisdiction("GB").unwrap().clone();
    /// let at = "2026-01-01T00:00:00Z".parse()?;
    /// assert!(gb.cell_at(CriterionId::Integrity, at).unwrap().can_block()); // s.2(2)(b) [V]
    /// assert!(!gb.cell_at(CriterionId::PaperToElectronic, at).unwrap().can_block()); // s.4 [R]
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn can_block(&self) -> bool {
        self.confidence == Confidence::Verified && !self.uncertain
    }

    /// The cell's confidence as legal.md writes it: `[V]`, `[S]`, `[R]` or `[?]`.
    #[must_use]
    pub fn confidence_tag(&self) -> &'static str {
        self.confidence.tag()
    }

    /// Whether the cell is in force at `at`.
    #[must_use]
    pub fn in_force(&self, at: DateTime<Utc>) -> bool {
        self.effective_from
            .is_none_or(|from| from.with_timezone(&Utc) <= at)
            && self
                .effective_until
                .is_none_or(|until| at < until.with_timezone(&Utc))
    }
}
