//! The validation context and the member-level checks (presence, text, codes, numbers).

use serde_json::Number;

use crate::json::{JsonPath, number_as_f64};
use crate::model::nulls::NullMember;
use crate::report::{Finding, Severity};

pub(crate) use super::pattern::Pattern;

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

/// Any number of items.
pub(crate) const ANY: (usize, usize) = (0, usize::MAX);
/// An integer, `minimum: 0`.
pub(crate) const INT_MIN0: Num = Num {
    integer: true,
    min: Some((0.0, false)),
    max: None,
};
/// A number, `exclusiveMinimum: 0`.
pub(crate) const POSITIVE: Num = Num {
    integer: false,
    min: Some((0.0, true)),
    max: None,
};
/// A number, `minimum: 0`.
pub(crate) const NON_NEGATIVE: Num = Num {
    integer: false,
    min: Some((0.0, false)),
    max: None,
};
/// Any number.
pub(crate) const FLOAT: Num = Num {
    integer: false,
    min: None,
    max: None,
};
/// A UN/LOCODE.
pub(crate) const UN_LOCODE: Text = pattern(Pattern::UnLocode);
/// An ISO 3166-1 alpha-2 country code.
pub(crate) const COUNTRY: Text = pattern(Pattern::Country);
/// An ISO 4217 currency code.
pub(crate) const CURRENCY: Text = pattern(Pattern::Currency);
/// A `YYYY-MM-DD` date.
pub(crate) const DATE: Text = pattern(Pattern::Date);

/// Calls `check` for each element of an optional array member, with its path.
pub(crate) fn each<T>(
    ctx: &mut Ctx<'_>,
    parent: &JsonPath,
    name: &str,
    items: Option<&Vec<T>>,
    mut check: impl FnMut(&mut Ctx<'_>, &T, &JsonPath),
) {
    let path = parent.key(name);
    for (i, item) in items.into_iter().flatten().enumerate() {
        check(ctx, item, &path.index(i));
    }
}

/// Like [`each`], for a required array with `minItems`/`maxItems`.
pub(crate) fn req_each<T>(
    ctx: &mut Ctx<'_>,
    parent: &JsonPath,
    name: &str,
    items: Option<&Vec<T>>,
    count: (usize, usize),
    check: impl FnMut(&mut Ctx<'_>, &T, &JsonPath),
) {
    if ctx.required(parent, name, items)
        && let Some(list) = items
    {
        ctx.count(&parent.key(name), list.len(), count);
    }
    each(ctx, parent, name, items, check);
}

/// Calls `check` on an optional object member, with its path.
pub(crate) fn object<T>(
    ctx: &mut Ctx<'_>,
    parent: &JsonPath,
    name: &str,
    value: Option<&T>,
    check: impl FnOnce(&mut Ctx<'_>, &T, &JsonPath),
) {
    if let Some(v) = value {
        check(ctx, v, &parent.key(name));
    }
}

/// Like [`object`], for a required member.
pub(crate) fn req_object<T>(
    ctx: &mut Ctx<'_>,
    parent: &JsonPath,
    name: &str,
    value: Option<&T>,
    check: impl FnOnce(&mut Ctx<'_>, &T, &JsonPath),
) {
    if ctx.required(parent, name, value) {
        object(ctx, parent, name, value, check);
    }
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
        if let Some((code, expected)) = pattern.mismatch(s) {
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
