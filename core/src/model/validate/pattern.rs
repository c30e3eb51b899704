//! The string patterns of the DCSA schema, checked by hand: they are simple enough that no
//! regular-expression engine is needed, and ECMAScript's `\s` (the JSON Schema dialect) is
//! not Rust's notion of white space.

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

impl Pattern {
    /// `None` if `s` matches; otherwise the finding code and what was expected instead.
    pub(crate) fn mismatch(self, s: &str) -> Option<(&'static str, &'static str)> {
        let (ok, code, expected) = match self {
            Pattern::Any => return None,
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
                crate::model::access::parse_date(Some(s)).is_some(),
                "date",
                "a date `YYYY-MM-DD`",
            ),
            Pattern::DateTime => (
                chrono::DateTime::parse_from_rfc3339(s).is_ok(),
                "date-time",
                "an RFC 3339 date-time",
            ),
        };
        (!ok).then_some((code, expected))
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
