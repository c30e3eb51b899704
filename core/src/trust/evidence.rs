//! Validity windows and reliability evidence (MLETR art. 12(a) factors, approved lists,
//! accreditations, certifications).

use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};

/// A half-open time window `[valid_from, valid_until)`; a missing bound is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    /// First instant of validity; `None` means "since always".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<DateTime<Utc>>,
    /// First instant of invalidity; `None` means "until further notice".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateTime<Utc>>,
}

impl Validity {
    /// A window with no bounds.
    #[must_use]
    pub fn always() -> Validity {
        Validity::default()
    }

    /// Whether `at` falls inside the window.
    ///
    /// ```
    /// use ebl::trust::Validity;
    /// let t = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    /// let w = Validity { valid_from: Some(t("2025-01-01T00:00:00Z")), valid_until: Some(t("2026-01-01T00:00:00Z")) };
    /// assert!(w.contains(t("2025-06-01T00:00:00Z")));
    /// assert!(!w.contains(t("2026-01-01T00:00:00Z")));
    /// ```
    #[must_use]
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.valid_from.is_none_or(|from| from <= at) && self.valid_until.is_none_or(|u| at < u)
    }

    /// Whether the window is well-formed (it does not end before it starts).
    #[must_use]
    pub fn is_ordered(&self) -> bool {
        match (self.valid_from, self.valid_until) {
            (Some(from), Some(until)) => from < until,
            _ => true,
        }
    }

    /// Describes where `at` lies relative to the window, for reasons in reports.
    #[must_use]
    pub fn describe(&self, at: DateTime<Utc>) -> &'static str {
        if self.valid_from.is_some_and(|from| at < from) {
            "not yet valid"
        } else if self.valid_until.is_some_and(|until| at >= until) {
            "expired"
        } else {
            "valid"
        }
    }
}

/// The kind of a piece of reliability evidence.
///
/// The first seven mirror the factors of MLETR art. 12(a)(i)–(vii) (and SG ETA s.16O(1), UK ETDA
/// s.2(5)); the rest are lists a party can be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EvidenceKind {
    /// Operational rules of the system (a rulebook, user agreement), art. 12(a)(i).
    OperationalRules,
    /// A regular independent audit, art. 12(a)(v).
    Audit,
    /// A declaration by a supervisory body, art. 12(a)(vi).
    SupervisoryDeclaration,
    /// Accreditation by an accreditation body or under a statutory scheme (e.g. SG ETA s.16Q).
    Accreditation,
    /// An independent certification with its date (e.g. FR décret 2025-811 art. 3).
    Certification,
    /// An industry standard the platform claims to follow, art. 12(a)(vii).
    IndustryStandard,
    /// An entry on an approved list (e.g. the International Group of P&I Clubs list).
    ApprovedList,
    /// A declaration of compliance with named data-protection regimes.
    DataProtection,
    /// Membership of a signed trust list imported into this store (added by the importer).
    TrustList,
}

/// One piece of evidence about a party's reliability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReliabilityEvidence {
    /// What kind of evidence this is.
    pub kind: EvidenceKind,
    /// The scheme, list or standard, as an identifier the rule files name (for example
    /// `ig-pi-clubs`, `sg-eta-s16q`, `iso-27001`).
    pub scheme: String,
    /// A reference such as a certificate number or a list entry id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Who issued it (the auditor, the accreditation body, the list publisher).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_by: Option<String>,
    /// When it was issued (the certification or audit date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<DateTime<Utc>>,
    /// First instant it holds; `None` means "since always".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<DateTime<Utc>>,
    /// First instant it no longer holds; `None` means "until further notice".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateTime<Utc>>,
    /// Whether the issuer expressed a significant reservation.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub significant_reservation: bool,
    /// Free details: standards claimed, data-protection regimes covered, rulebook version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

/// A pattern over [`ReliabilityEvidence`], as written in rule files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceMatcher {
    /// The kind required.
    pub kind: EvidenceKind,
    /// The scheme required; `None` accepts any scheme of that kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
}

impl EvidenceMatcher {
    /// Whether the evidence is of the kind and scheme this matcher asks for.
    #[must_use]
    pub fn matches(&self, evidence: &ReliabilityEvidence) -> bool {
        self.kind == evidence.kind && self.scheme.as_ref().is_none_or(|s| *s == evidence.scheme)
    }
}

impl std::fmt::Display for EvidenceMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = serde_json::to_value(self.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        match &self.scheme {
            Some(scheme) => write!(f, "{kind} '{scheme}'"),
            None => f.write_str(&kind),
        }
    }
}

impl ReliabilityEvidence {
    /// The window in which this evidence holds.
    #[must_use]
    pub fn validity(&self) -> Validity {
        Validity {
            valid_from: self.valid_from,
            valid_until: self.valid_until,
        }
    }

    /// Whether this evidence holds at `at`, optionally requiring that it was issued no more than
    /// `max_age_months` before `at` (certification age) and without a significant reservation.
    ///
    /// Returns `Err(reason)` saying why it does not hold.
    pub fn holds_at(
        &self,
        at: DateTime<Utc>,
        max_age_months: Option<u32>,
        reject_reservation: bool,
    ) -> Result<(), String> {
        let validity = self.validity();
        if !validity.contains(at) {
            return Err(format!(
                "{} '{}' is {} at {}",
                kind_name(self.kind),
                self.scheme,
                validity.describe(at),
                at.to_rfc3339()
            ));
        }
        if let Some(months) = max_age_months {
            let Some(issued) = self.issued_at else {
                return Err(format!(
                    "{} '{}' has no issue date, so its age cannot be checked",
                    kind_name(self.kind),
                    self.scheme
                ));
            };
            let oldest = at.checked_sub_months(Months::new(months));
            if issued > at || oldest.is_some_and(|oldest| issued <= oldest) {
                return Err(format!(
                    "{} '{}' issued {} is not within {months} months before {}",
                    kind_name(self.kind),
                    self.scheme,
                    issued.to_rfc3339(),
                    at.to_rfc3339()
                ));
            }
        }
        if reject_reservation && self.significant_reservation {
            return Err(format!(
                "{} '{}' carries a significant reservation",
                kind_name(self.kind),
                self.scheme
            ));
        }
        Ok(())
    }
}

/// The kebab-case name of an evidence kind.
#[must_use]
pub fn kind_name(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::OperationalRules => "operational-rules",
        EvidenceKind::Audit => "audit",
        EvidenceKind::SupervisoryDeclaration => "supervisory-declaration",
        EvidenceKind::Accreditation => "accreditation",
        EvidenceKind::Certification => "certification",
        EvidenceKind::IndustryStandard => "industry-standard",
        EvidenceKind::ApprovedList => "approved-list",
        EvidenceKind::DataProtection => "data-protection",
        EvidenceKind::TrustList => "trust-list",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap_or_default()
    }

    fn cert(issued: &str) -> ReliabilityEvidence {
        ReliabilityEvidence {
            kind: EvidenceKind::Certification,
            scheme: "fr-decret-2025-811".into(),
            reference: None,
            issued_by: None,
            issued_at: Some(t(issued)),
            valid_from: None,
            valid_until: None,
            significant_reservation: false,
            details: vec![],
        }
    }

    #[test]
    fn certification_age_is_checked_against_the_event_time() {
        let c = cert("2021-01-01T00:00:00Z");
        assert!(
            c.holds_at(t("2025-12-31T00:00:00Z"), Some(60), true)
                .is_ok()
        );
        let err = c.holds_at(t("2026-01-02T00:00:00Z"), Some(60), true);
        assert!(err.is_err_and(|e| e.contains("not within 60 months")));
        let mut reserved = cert("2025-01-01T00:00:00Z");
        reserved.significant_reservation = true;
        assert!(
            reserved
                .holds_at(t("2025-06-01T00:00:00Z"), Some(60), false)
                .is_ok()
        );
        assert!(
            reserved
                .holds_at(t("2025-06-01T00:00:00Z"), Some(60), true)
                .is_err()
        );
    }

    #[test]
    fn matcher_checks_kind_and_scheme() {
        let c = cert("2021-01-01T00:00:00Z");
        let any = EvidenceMatcher {
            kind: EvidenceKind::Certification,
            scheme: None,
        };
        let other = EvidenceMatcher {
            kind: EvidenceKind::Certification,
            scheme: Some("x".into()),
        };
        let wrong = EvidenceMatcher {
            kind: EvidenceKind::Audit,
            scheme: None,
        };
        assert!(any.matches(&c) && !other.matches(&c) && !wrong.matches(&c));
        assert_eq!(other.to_string(), "certification 'x'");
    }
}
