//! The validation context and the member-level checks (presence, text, codes, numbers).

use serde_json::Number;

use crate::json::{JsonPath, number_as_f64};
use crate::model::nulls::NullMember;
use crate::report::{Finding, Severity};

/// A string pattern of the DCSA schema. The patterns are simple enough to check by hand, so
/// no regular-expression engine is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// No pattern.
    Any,
    /// `^\S(?:.*\S)?$`: not empty, no leading or trailing white space, no line break.
    Trimmed,
    /// `^\S+$`: not empty, no white space at all.
    NoSpace,
    /// `^[A-Z]{2}[A-Z2-9]{3}$`.
    UnLocode,
    /// `^[A-Z]{3}$`.
    Currency,
    /// `^[A-Z]{2}$`.
    Country,
    /// `^\d{min,max}$`.
    Digits(usize, usize),
    /// `^\d{2}[0-9A-Z]{2}[NEWSR]$`.
    VoyageReference,
    /// `^[0-9](\.[0-9])?$`.
    SubsidiaryRisk,
    /// `^[0-3][0-9A-Z]{3}$`.
    CodedVariantList,
    /// `^[A-Z0-9]{min,max}$`.
    UpperAlnum(usize, usize),
    /// `^.+@\S+$`.
    Email,
    /// `format: date` (`YYYY-MM-DD`).
    Date,
    /// `format: date-time` (RFC 3339 §5.6).
    DateTime,
}

/// The constraints on one string member.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text {
    pub(crate) min: usize,
    pub(crate) max: usize,
    pub(crate) pattern: Pattern,
}

/// `maxLength` only.
pub(crate) const fn max(max: usize) -> Text {
    Text {
        min: 0,
        max,
        pattern: Pattern::Any,
    }
}

/// `maxLength` and `^\S(?:.*\S)?$`.
pub(crate) const fn trimmed(max: usize) -> Text {
    Text {
        min: 0,
        max,
        pattern: Pattern::Trimmed,
    }
}

/// A fixed pattern, with its own length limits folded in.
pub(crate) const fn pattern(pattern: Pattern) -> Text {
    Text {
        min: 0,
        max: usize::MAX,
        pattern,
    }
}

/// The constraints on one number member.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Num {
    pub(crate) integer: bool,
    /// Lower bound and whether it is exclusive.
    pub(crate) min: Option<(f64, bool)>,
    pub(crate) max: Option<f64>,
}

/// How strictly a code list is enforced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codes {
    /// A schema `enum`: another value is an `invalid-enum` error.
    Closed,
    /// Values listed in the description only: another value is an `unknown-code` warning.
    Open,
}

/// Collects findings during a walk.
pub(crate) struct Ctx<'a> {
    findings: Vec<Finding>,
    nulls: &'a [NullMember],
    /// Whether the document's status says it has been issued.
    pub(crate) issued: bool,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(nulls: &'a [NullMember], issued: bool) -> Ctx<'a> {
        Ctx {
            findings: Vec::new(),
            nulls,
            issued,
        }
    }

    pub(crate) fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    /// Records a finding.
    pub(crate) fn push(
        &mut self,
        severity: Severity,
        code: &str,
        path: &JsonPath,
        message: String,
    ) {
        self.findings
            .push(Finding::new(severity, code, path.as_str(), message));
    }

    /// Records an error.
    pub(crate) fn error(&mut self, code: &str, path: &JsonPath, message: String) {
        self.push(Severity::Error, code, path, message);
    }

    /// Records a warning.
    pub(crate) fn warning(&mut self, code: &str, path: &JsonPath, message: String) {
        self.push(Severity::Warning, code, path, message);
    }

    /// An error on an issued document, a warning on a draft.
    pub(crate) fn once_issued(&mut self, code: &str, path: &JsonPath, message: String) {
        let severity = if self.issued {
            Severity::Error
        } else {
            Severity::Warning
        };
        self.push(severity, code, path, message);
    }

    fn is_null(&self, parent: &JsonPath, name: &str) -> bool {
        self.nulls
            .iter()
            .any(|n| n.key == name && n.parent_path() == *parent)
    }

    /// Reports the explicit `null`s on the members `fields` of the object at `parent`.
    pub(crate) fn nulls(&mut self, parent: &JsonPath, fields: &[&str]) {
        let found: Vec<String> = self
            .nulls
            .iter()
            .filter(|n| fields.contains(&n.key.as_str()) && n.parent_path() == *parent)
            .map(|n| n.key.clone())
            .collect();
        for key in found {
            self.error(
                "null-value",
                &parent.key(&key),
                format!("`{key}` is null; no member of a DCSA transport document may be null"),
            );
        }
    }

    /// Reports a required member that is absent; `true` if present.
    pub(crate) fn required<T>(&mut self, parent: &JsonPath, name: &str, value: Option<&T>) -> bool {
        if value.is_some() {
            return true;
        }
        if !self.is_null(parent, name) {
            self.error(
                "required",
                &parent.key(name),
                format!("required member `{name}` is missing"),
            );
        }
        false
    }

    /// Checks an optional string member.
    pub(crate) fn text(
        &mut self,
        parent: &JsonPath,
        name: &str,
        value: Option<&String>,
        rule: Text,
    ) {
        if let Some(s) = value {
            self.string(&parent.key(name), s, rule);
        }
    }

    /// Checks a required string member.
    pub(crate) fn req_text(
        &mut self,
        parent: &JsonPath,
        name: &str,
        value: Option<&String>,
        rule: Text,
    ) {
        if self.required(parent, name, value) {
            self.text(parent, name, value, rule);
        }
    }

    /// Checks one string at `path`.
    pub(crate) fn string(&mut self, path: &JsonPath, s: &str, rule: Text) {
        let len = s.chars().count();
        if len > rule.max {
            self.error(
                "max-length",
                path,
                format!("{len} characters, more than the maximum of {}", rule.max),
            );
        }
        if len < rule.min {
            self.error(
                "min-length",
                path,
                format!("{len} characters, fewer than the minimum of {}", rule.min),
            );
        }
        self.pattern(path, s, rule.pattern);
    }

    fn pattern(&mut self, path: &JsonPath, s: &str, pattern: Pattern) {
        let (ok, code, expected) = match pattern {
            Pattern::Any => return,
            Pattern::Trimmed => (
                is_trimmed(s),
                "untrimmed-text",
                "non-empty text on one line without leading or trailing white space (`^\\S(?:.*\\S)?$`)",
            ),
            Pattern::NoSpace => (
                !s.is_empty() && !s.chars().any(is_js_space),
                "pattern",
                "non-empty text without white space (`^\\S+$`)",
            ),
            Pattern::UnLocode => (
                is_un_locode(s),
                "un-locode",
                "a UN/LOCODE: two capital letters then three capital letters or digits 2-9",
            ),
            Pattern::Currency => (
                is_upper(s, 3),
                "currency-code",
                "an ISO 4217 currency code (three capital letters)",
            ),
            Pattern::Country => (
                is_upper(s, 2),
                "country-code",
                "an ISO 3166-1 alpha-2 country code (two capital letters)",
            ),
            Pattern::Digits(min, max) => (
                (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()),
                "pattern",
                "digits only, of the allowed length",
            ),
            Pattern::VoyageReference => (
                is_voyage_reference(s),
                "pattern",
                "a universal voyage reference (`^\\d{2}[0-9A-Z]{2}[NEWSR]$`)",
            ),
            Pattern::SubsidiaryRisk => (
                is_subsidiary_risk(s),
                "pattern",
                "a hazard class such as `6` or `6.1`",
            ),
            Pattern::CodedVariantList => (
                s.len() == 4
                    && matches!(s.as_bytes().first(), Some(b'0'..=b'3'))
                    && s.bytes()
                        .skip(1)
                        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()),
                "pattern",
                "a coded variant list entry (`^[0-3][0-9A-Z]{3}$`)",
            ),
            Pattern::UpperAlnum(min, max) => (
                (min..=max).contains(&s.len())
                    && s.bytes()
                        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()),
                "pattern",
                "capital letters and digits only, of the allowed length",
            ),
            Pattern::Email => (is_email(s), "pattern", "an e-mail address (`^.+@\\S+$`)"),
            Pattern::Date => (
                crate::model::document::parse_date(Some(s)).is_some(),
                "date",
                "a date `YYYY-MM-DD`",
            ),
            Pattern::DateTime => (
                chrono::DateTime::parse_from_rfc3339(s).is_ok(),
                "date-time",
                "an RFC 3339 date-time",
            ),
        };
        if !ok {
            self.error(code, path, format!("{s:?} is not {expected}"));
        }
    }

    /// Checks an optional list of strings: item count, then each item.
    pub(crate) fn texts(
        &mut self,
        parent: &JsonPath,
        name: &str,
        value: Option<&Vec<String>>,
        items: (usize, usize),
        rule: Text,
    ) {
        let Some(list) = value else { return };
        let path = parent.key(name);
        self.count(&path, list.len(), items);
        for (i, s) in list.iter().enumerate() {
            self.string(&path.index(i), s, rule);
        }
    }

    /// Checks a required list of strings.
    pub(crate) fn req_texts(
        &mut self,
        parent: &JsonPath,
        name: &str,
        value: Option<&Vec<String>>,
        items: (usize, usize),
        rule: Text,
    ) {
        if self.required(parent, name, value) {
            self.texts(parent, name, value, items, rule);
        }
    }

    /// Checks `minItems`/`maxItems`.
    pub(crate) fn count(&mut self, path: &JsonPath, len: usize, (min, max): (usize, usize)) {
        if len < min {
            self.error(
                "min-items",
                path,
                format!("{len} items, fewer than the minimum of {min}"),
            );
        }
        if len > max {
            self.error(
                "max-items",
                path,
                format!("{len} items, more than the maximum of {max}"),
            );
        }
    }

    /// Checks an optional coded member against its code list.
    pub(crate) fn code(
        &mut self,
        parent: &JsonPath,
        name: &str,
        value: Option<&String>,
        list: &[&str],
        kind: Codes,
    ) {
        if let Some(s) = value {
            self.code_at(&parent.key(name), s, list, kind);
        }
    }

    /// Checks a required coded member.
    pub(crate) fn req_code(
        &mut self,
        parent: &JsonPath,
        name: &str,
        value: Option<&String>,
        list: &[&str],
        kind: Codes,
    ) {
        if self.required(parent, name, value) {
            self.code(parent, name, value, list, kind);
        }
    }

    /// Checks one code at `path`.
    pub(crate) fn code_at(&mut self, path: &JsonPath, s: &str, list: &[&str], kind: Codes) {
        if list.contains(&s) {
            return;
        }
        let known = list.join(", ");
        match kind {
            Codes::Closed => self.error(
                "invalid-enum",
                path,
                format!("{s:?} is not one of the allowed values {known}"),
            ),
            Codes::Open => self.warning(
                "unknown-code",
                path,
                format!("{s:?} is not one of the known values {known}"),
            ),
        }
    }

    /// Checks an optional number member.
    pub(crate) fn number(
        &mut self,
        parent: &JsonPath,
        name: &str,
        value: Option<&Number>,
        rule: Num,
    ) {
        let Some(n) = value else { return };
        let path = parent.key(name);
        let x = number_as_f64(n);
        if rule.integer && x.fract() != 0.0 {
            self.error("not-integer", &path, format!("{n} is not an integer"));
        }
        if let Some((min, exclusive)) = rule.min
            && (x < min || (exclusive && x == min))
        {
            let bound = if exclusive {
                "greater than"
            } else {
                "at least"
            };
            self.error("out-of-range", &path, format!("{n} must be {bound} {min}"));
        }
        if let Some(max) = rule.max
            && x > max
        {
            self.error("out-of-range", &path, format!("{n} must be at most {max}"));
        }
    }

    /// Checks a required number member.
    pub(crate) fn req_number(
        &mut self,
        parent: &JsonPath,
        name: &str,
        value: Option<&Number>,
        rule: Num,
    ) {
        if self.required(parent, name, value) {
            self.number(parent, name, value, rule);
        }
    }
}

/// White space as ECMAScript's `\s` (the regex dialect of JSON Schema): its WhiteSpace
/// (tab, vertical tab, form feed, U+FEFF and every `Zs` space) and LineTerminator characters.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    ) || is_line_terminator(c)
}

/// ECMAScript line terminators, which `.` does not match.
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// `^\S(?:.*\S)?$`.
pub(crate) fn is_trimmed(s: &str) -> bool {
    match (s.chars().next(), s.chars().next_back()) {
        (Some(first), Some(last)) => {
            !is_js_space(first) && !is_js_space(last) && !s.chars().any(is_line_terminator)
        }
        _ => false,
    }
}

/// `^[A-Z]{2}[A-Z2-9]{3}$`.
pub(crate) fn is_un_locode(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b.iter().take(2).all(u8::is_ascii_uppercase)
        && b.iter()
            .skip(2)
            .all(|c| c.is_ascii_uppercase() || (b'2'..=b'9').contains(c))
}

fn is_upper(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_voyage_reference(s: &str) -> bool {
    match s.as_bytes() {
        [a, b, c, d, e] => {
            a.is_ascii_digit()
                && b.is_ascii_digit()
                && (c.is_ascii_digit() || c.is_ascii_uppercase())
                && (d.is_ascii_digit() || d.is_ascii_uppercase())
                && b"NEWSR".contains(e)
        }
        _ => false,
    }
}

/// `^.+@\S+$`: some `@` after at least one character, followed by a non-empty run without
/// white space; `.` matches no line break.
fn is_email(s: &str) -> bool {
    !s.chars().any(is_line_terminator)
        && s.char_indices().any(|(i, c)| {
            c == '@' && i > 0 && {
                let tail = &s[i + 1..];
                !tail.is_empty() && !tail.chars().any(is_js_space)
            }
        })
}

/// `^[0-9](\.[0-9])?$`.
fn is_subsidiary_risk(s: &str) -> bool {
    match s.as_bytes() {
        [d] => d.is_ascii_digit(),
        [d, b'.', e] => d.is_ascii_digit() && e.is_ascii_digit(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_pattern() {
        assert!(is_trimmed("a"));
        assert!(is_trimmed("a b"));
        for bad in [
            "",
            " a",
            "a ",
            "\ta",
            "a\nb",
            "\u{feff}a",
            "a\u{a0}",
            "a\u{3000}",
            "a\u{2028}b",
        ] {
            assert!(!is_trimmed(bad), "{bad:?}");
        }
        // U+0085 is white space to Rust but not to ECMAScript's `\s`.
        assert!(is_trimmed("\u{85}a"));
    }

    #[test]
    fn un_locode_pattern() {
        assert!(is_un_locode("NLAMS"));
        assert!(is_un_locode("DK2A9"));
        for bad in ["nlams", "NLAM1", "NLAM", "NLAMSX", "N1AMS", "NLAM0"] {
            assert!(!is_un_locode(bad), "{bad}");
        }
    }

    #[test]
    fn email_and_voyage_patterns() {
        assert!(is_email("no-reply@dcsa.example.org"));
        assert!(is_email("a b@c"));
        assert!(!is_email("@c"));
        assert!(!is_email("a@"));
        assert!(!is_email("a@b c"));
        assert!(is_email("a@b@"));
        assert!(is_subsidiary_risk("6.1"));
        assert!(!is_subsidiary_risk("6."));
        assert!(is_voyage_reference("2103N"));
        assert!(!is_voyage_reference("2103X"));
        assert!(!is_voyage_reference("A103N"));
    }
}
