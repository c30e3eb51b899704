//! A strict, bounded JSON parser for untrusted bytes.

use serde_json::{Map, Number, Value};

use super::error::JsonError;
use super::path::{JsonPath, Segment};

/// The hard ceiling on nesting, whatever a caller configures. The parser itself does not
/// recurse, but dropping, comparing and serialising a `Value` do, once per level; this keeps
/// that safe on a thread with a small stack.
///
/// ```
/// use ebl::json::{parse_with, Limits, MAX_DEPTH_CEILING};
///
/// let unlimited = Limits { max_depth: usize::MAX, ..Limits::default() };
/// let ok = "[".repeat(MAX_DEPTH_CEILING) + &"]".repeat(MAX_DEPTH_CEILING);
/// assert!(parse_with(ok.as_bytes(), &unlimited).is_ok());
/// let deeper = "[".repeat(MAX_DEPTH_CEILING + 1) + &"]".repeat(MAX_DEPTH_CEILING + 1);
/// assert_eq!(parse_with(deeper.as_bytes(), &unlimited).unwrap_err().code(), ebl::ErrorCode::JsonTooDeep);
/// ```
pub const MAX_DEPTH_CEILING: usize = 1024;

/// The default of [`Limits::max_values`]: 2^18 = 262 144 values (about 20 MiB of parsed
/// values at most, and far beyond any bill of lading, whose largest documents hold a few
/// thousand values; an embedded file is one string value).
///
/// ```
/// use ebl::json::{parse, parse_with, Limits, DEFAULT_MAX_VALUES};
///
/// let many = format!("[{}0]", "0,".repeat(DEFAULT_MAX_VALUES));
/// assert_eq!(parse(many.as_bytes()).unwrap_err().code(), ebl::ErrorCode::JsonTooLarge);
/// let few = Limits { max_values: 3, ..Limits::default() };
/// assert!(parse_with(b"[1, 2]", &few).is_ok());
/// assert!(parse_with(b"[1, 2, 3]", &few).is_err());
/// ```
pub const DEFAULT_MAX_VALUES: usize = 1 << 18;

/// Limits and strictness for [`parse_with`].
///
/// ```
/// use ebl::json::{parse_with, Limits};
///
/// let tight = Limits { max_depth: 2, ..Limits::default() };
/// assert!(parse_with(b"[[1]]", &tight).is_ok());
/// assert!(parse_with(b"[[[1]]]", &tight).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Deepest nesting of arrays and objects allowed (default 128; at most
    /// [`MAX_DEPTH_CEILING`]).
    pub max_depth: usize,
    /// Largest input accepted, in bytes (default 16 MiB).
    pub max_bytes: usize,
    /// Most values (scalars, arrays, objects, each counted once) one input may hold (default
    /// [`DEFAULT_MAX_VALUES`]). The byte limit alone does not bound memory: a parsed value
    /// takes 32 bytes or more however few bytes spelled it, so 16 MiB of `[0,0,…]` would take
    /// over 600 MiB and seconds to build. With this limit a parse holds at most about the
    /// input's size plus 80 bytes per value.
    pub max_values: usize,
    /// Refuse numbers an IEEE-754 double cannot hold exactly in range, as I-JSON (RFC 7493)
    /// and therefore RFC 8785 require: integers that would be rounded (such as
    /// `9007199254740993`), magnitudes that overflow, and non-zero values that underflow to
    /// zero. Default `true`. With `false`, such numbers are read the way JavaScript's
    /// `JSON.parse` reads them (rounded to the nearest double), which OpenAttestation needs;
    /// overflow to infinity is refused either way, because JSON cannot hold it.
    pub ijson_numbers: bool,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_depth: 128,
            max_bytes: 16 * 1024 * 1024,
            max_values: DEFAULT_MAX_VALUES,
            ijson_numbers: true,
        }
    }
}

impl Limits {
    /// The default limits, but with numbers read as JavaScript reads them (see
    /// [`Limits::ijson_numbers`]).
    ///
    /// ```
    /// use ebl::json::{parse, parse_with, Limits};
    ///
    /// // 2^53 + 1 cannot be held by a double: I-JSON refuses it, JavaScript rounds it.
    /// assert!(parse(b"9007199254740993").is_err());
    /// let v = parse_with(b"9007199254740993", &Limits::javascript_numbers())?;
    /// assert_eq!(ebl::json::to_js_string(&v), "9007199254740992");
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn javascript_numbers() -> Limits {
        Limits {
            ijson_numbers: false,
            ..Limits::default()
        }
    }
}

/// Parses untrusted bytes with the [`Limits::default`] limits.
///
/// Duplicate member names, invalid UTF-8, lone surrogates, numbers outside I-JSON, nesting
/// deeper than 128 and inputs over 16 MiB are all errors that say where they were found.
///
/// ```
/// use ebl::json::parse;
///
/// let v = parse(br#"{"b": [1, 2.5, "x"], "a": null}"#)?;
/// assert_eq!(v["b"][1], 2.5);
///
/// let err = parse(br#"{"a": {"b": 1, "b": 2}}"#).unwrap_err();
/// assert_eq!(err.to_string(), r#"duplicate key "b" in the object at $.a (byte 15)"#);
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn parse(bytes: &[u8]) -> Result<Value, JsonError> {
    parse_with(bytes, &Limits::default())
}

/// Parses untrusted bytes with explicit [`Limits`].
///
/// ```
/// use ebl::json::{parse_with, Limits};
///
/// let small = Limits { max_bytes: 8, ..Limits::default() };
/// assert_eq!(parse_with(b"[1, 2]", &small)?, serde_json::json!([1, 2]));
/// let err = parse_with(b"[1, 2, 3, 4]", &small).unwrap_err();
/// assert_eq!(err.code(), ebl::ErrorCode::JsonTooLarge);
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn parse_with(bytes: &[u8], limits: &Limits) -> Result<Value, JsonError> {
    parse_value(bytes, limits)
}

pub(crate) fn parse_value(bytes: &[u8], limits: &Limits) -> Result<Value, JsonError> {
    if bytes.len() > limits.max_bytes {
        return Err(JsonError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| JsonError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    let mut parser = Parser {
        text,
        bytes,
        pos: 0,
        path: Vec::new(),
        max_depth: limits.max_depth.min(MAX_DEPTH_CEILING),
        values_left: limits.max_values,
        max_values: limits.max_values,
        ijson: limits.ijson_numbers,
    };
    if text.starts_with('\u{feff}') {
        return Err(parser.syntax("a byte order mark is not allowed in JSON (RFC 8259 §8.1)"));
    }
    parser.skip_whitespace();
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.pos < bytes.len() {
        return Err(parser.syntax("unexpected data after the JSON value"));
    }
    Ok(value)
}

/// Parses the one value that starts at byte `start` of `text` (whole-document checks — size,
/// UTF-8, byte order mark — are the caller's), for a scanner that reads a document's members
/// one at a time. Returns the value, the offset just past it, and how many values it counted
/// against [`Limits::max_values`]. Nesting is counted from this value, so a member of a
/// top-level object is parsed with `max_depth` one less than the document's.
pub(crate) fn parse_value_at(
    text: &str,
    start: usize,
    limits: &Limits,
) -> Result<(Value, usize, usize), JsonError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: start,
        path: Vec::new(),
        max_depth: limits.max_depth.min(MAX_DEPTH_CEILING),
        values_left: limits.max_values,
        max_values: limits.max_values,
        ijson: limits.ijson_numbers,
    };
    let value = parser.value()?;
    Ok((value, parser.pos, limits.max_values - parser.values_left))
}

enum Container {
    Array(Vec<Value>),
    Object(Map<String, Value>),
}

enum OwnedSegment {
    Key(String),
    Index(usize),
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    path: Vec<OwnedSegment>,
    max_depth: usize,
    values_left: usize,
    max_values: usize,
    ijson: bool,
}

impl Parser<'_> {
    fn current_path(&self) -> String {
        JsonPath::from_segments(self.path.iter().map(|s| match s {
            OwnedSegment::Key(k) => Segment::Key(k),
            OwnedSegment::Index(i) => Segment::Index(*i),
        }))
        .into()
    }

    fn syntax(&self, message: impl Into<String>) -> JsonError {
        self.syntax_at(self.pos, message)
    }

    fn syntax_at(&self, offset: usize, message: impl Into<String>) -> JsonError {
        JsonError::Syntax {
            offset,
            path: self.current_path(),
            message: message.into(),
        }
    }

    fn found(&self) -> String {
        match self.text[self.pos..].chars().next() {
            None => "end of input".to_owned(),
            Some(c) if c.is_control() => format!("control character U+{:04X}", u32::from(c)),
            Some(c) => format!("{c:?}"),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_literal(&mut self, literal: &str, value: Value) -> Result<Value, JsonError> {
        if self.text[self.pos..].starts_with(literal) {
            self.pos += literal.len();
            Ok(value)
        } else {
            Err(self.syntax(format!("expected a JSON value, found {}", self.found())))
        }
    }

    /// Reads one whole value. Containers are tracked on an explicit stack rather than by
    /// recursion, so no input and no configured depth can exhaust the thread's stack.
    fn value(&mut self) -> Result<Value, JsonError> {
        let mut open: Vec<Container> = Vec::new();
        loop {
            self.count_value()?;
            // Read the start of a value: a scalar completes it, a bracket opens a container.
            let mut value = match self.peek() {
                Some(b'{') => {
                    self.enter(open.len() + 1)?;
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        Value::Object(Map::new())
                    } else {
                        let map = Map::new();
                        self.member_name(&map)?;
                        open.push(Container::Object(map));
                        continue;
                    }
                }
                Some(b'[') => {
                    self.enter(open.len() + 1)?;
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        Value::Array(Vec::new())
                    } else {
                        self.path.push(OwnedSegment::Index(0));
                        open.push(Container::Array(Vec::new()));
                        continue;
                    }
                }
                Some(b'"') => Value::String(self.string()?),
                Some(b't') => self.expect_literal("true", Value::Bool(true))?,
                Some(b'f') => self.expect_literal("false", Value::Bool(false))?,
                Some(b'n') => self.expect_literal("null", Value::Null)?,
                Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
                _ => {
                    return Err(
                        self.syntax(format!("expected a JSON value, found {}", self.found()))
                    );
                }
            };
            // Hand the finished value to its container; close containers that end here.
            loop {
                let Some(container) = open.last_mut() else {
                    return Ok(value);
                };
                let segment = self.path.pop();
                self.skip_whitespace();
                match container {
                    Container::Array(items) => {
                        items.push(value);
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                self.path.push(OwnedSegment::Index(items.len()));
                                self.skip_whitespace();
                                break;
                            }
                            Some(b']') => self.pos += 1,
                            _ => {
                                return Err(self.syntax(format!(
                                    "expected ',' or ']' after an array element, found {}",
                                    self.found()
                                )));
                            }
                        }
                    }
                    Container::Object(map) => {
                        let Some(OwnedSegment::Key(key)) = segment else {
                            return Err(self.syntax("internal error: path stack out of step"));
                        };
                        map.insert(key, value);
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                self.skip_whitespace();
                                self.member_name(map)?;
                                break;
                            }
                            Some(b'}') => self.pos += 1,
                            _ => {
                                return Err(self.syntax(format!(
                                    "expected ',' or '}}' after an object member, found {}",
                                    self.found()
                                )));
                            }
                        }
                    }
                }
                value = match open.pop() {
                    Some(Container::Array(items)) => Value::Array(items),
                    Some(Container::Object(map)) => Value::Object(map),
                    None => return Err(self.syntax("internal error: container stack out of step")),
                };
            }
        }
    }

    /// Reads `"name" :` and pushes the name onto the path; refuses a name `map` already has.
    fn member_name(&mut self, map: &Map<String, Value>) -> Result<(), JsonError> {
        if self.peek() != Some(b'"') {
            return Err(self.syntax(format!(
                "expected a member name in double quotes, found {}",
                self.found()
            )));
        }
        let key_offset = self.pos;
        let key = self.string()?;
        // A short object is searched faster than its key is hashed.
        let duplicate = if map.len() < 8 {
            map.keys().any(|k| *k == key)
        } else {
            map.contains_key(&key)
        };
        if duplicate {
            return Err(JsonError::DuplicateKey {
                key,
                path: self.current_path(),
                offset: key_offset,
            });
        }
        self.skip_whitespace();
        if self.peek() != Some(b':') {
            return Err(self.syntax(format!(
                "expected ':' after member name, found {}",
                self.found()
            )));
        }
        self.pos += 1;
        self.skip_whitespace();
        self.path.push(OwnedSegment::Key(key));
        Ok(())
    }

    /// Counts one more value against [`Limits::max_values`], before it is built.
    fn count_value(&mut self) -> Result<(), JsonError> {
        match self.values_left.checked_sub(1) {
            Some(left) => {
                self.values_left = left;
                Ok(())
            }
            None => Err(JsonError::TooManyValues {
                limit: self.max_values,
                path: self.current_path(),
                offset: self.pos,
            }),
        }
    }

    fn enter(&self, depth: usize) -> Result<(), JsonError> {
        if depth > self.max_depth {
            Err(JsonError::TooDeep {
                limit: self.max_depth,
                path: self.current_path(),
                offset: self.pos,
            })
        } else {
            Ok(())
        }
    }

    fn hex4(&self, at: usize) -> Result<u16, JsonError> {
        let digits = self
            .bytes
            .get(at..at + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .ok_or_else(|| self.syntax_at(at, "expected four hex digits after \\u"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.syntax_at(at, "bad hex digits"))?;
        u16::from_str_radix(text, 16).map_err(|_| self.syntax_at(at, "bad hex digits"))
    }

    fn lone_surrogate(&self, code: u16, offset: usize) -> JsonError {
        JsonError::LoneSurrogate {
            code,
            offset,
            path: self.current_path(),
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        let start = self.pos;
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            // Copy the longest run that needs no attention in one go.
            let run_start = self.pos;
            self.pos += super::scan::plain_run(&self.bytes[run_start..]);
            let run = &self.text[run_start..self.pos];
            match self.peek() {
                None => return Err(self.syntax_at(start, "unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    // Most strings have no escape: one allocation of the exact size.
                    if out.is_empty() {
                        return Ok(run.to_owned());
                    }
                    out.push_str(run);
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(
                        self.syntax(format!("{} must be escaped inside a string", self.found()))
                    );
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let escape_at = self.pos;
        self.pos += 1; // backslash
        let c = self.peek();
        self.pos += 1;
        match c {
            Some(b'"') => out.push('"'),
            Some(b'\\') => out.push('\\'),
            Some(b'/') => out.push('/'),
            Some(b'b') => out.push('\u{8}'),
            Some(b'f') => out.push('\u{c}'),
            Some(b'n') => out.push('\n'),
            Some(b'r') => out.push('\r'),
            Some(b't') => out.push('\t'),
            Some(b'u') => {
                let unit = self.hex4(self.pos)?;
                self.pos += 4;
                let scalar = match unit {
                    0xD800..=0xDBFF => {
                        let low_at = self.pos;
                        if self.bytes.get(low_at..low_at + 2) != Some(b"\\u") {
                            return Err(self.lone_surrogate(unit, escape_at));
                        }
                        let low = self.hex4(low_at + 2)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.lone_surrogate(unit, escape_at));
                        }
                        self.pos += 6;
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(self.lone_surrogate(unit, escape_at)),
                    _ => u32::from(unit),
                };
                let ch = char::from_u32(scalar)
                    .ok_or_else(|| self.syntax_at(escape_at, "invalid \\u escape"))?;
                out.push(ch);
            }
            _ => {
                self.pos -= 1;
                return Err(self.syntax_at(
                    escape_at,
                    format!("invalid escape sequence: backslash then {}", self.found()),
                ));
            }
        }
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Number, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        match self.digits() {
            0 => return Err(self.syntax("expected a digit")),
            n if n > 1 && self.bytes[int_start] == b'0' => {
                return Err(self.syntax_at(int_start, "leading zeros are not allowed in numbers"));
            }
            _ => {}
        }
        let mut is_integer = true;
        if self.peek() == Some(b'.') {
            is_integer = false;
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.syntax("expected a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            is_integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.syntax("expected a digit in the exponent"));
            }
        }
        let text = &self.text[start..self.pos];
        self.to_number(text, start, is_integer)
    }

    fn out_of_range(&self, text: &str, offset: usize, reason: &str) -> JsonError {
        JsonError::NumberOutOfRange {
            text: text.to_owned(),
            path: self.current_path(),
            offset,
            reason: reason.to_owned(),
        }
    }

    fn to_number(&self, text: &str, offset: usize, is_integer: bool) -> Result<Number, JsonError> {
        if is_integer {
            if let Ok(u) = text.parse::<u64>() {
                self.check_exact_integer(text, offset, u as f64)?;
                return Ok(Number::from(u));
            }
            if let Ok(i) = text.parse::<i64>() {
                self.check_exact_integer(text, offset, i as f64)?;
                return Ok(Number::from(i));
            }
        }
        let value: f64 = text
            .parse()
            .map_err(|_| self.syntax_at(offset, "malformed number"))?;
        if !value.is_finite() {
            return Err(self.out_of_range(text, offset, "overflows an IEEE-754 double"));
        }
        if is_integer {
            self.check_exact_integer(text, offset, value)?;
        } else if self.ijson
            && value == 0.0
            && text
                .split(['e', 'E'])
                .next()
                .is_some_and(|mantissa| mantissa.bytes().any(|b| matches!(b, b'1'..=b'9')))
        {
            return Err(self.out_of_range(
                text,
                offset,
                "underflows to zero as an IEEE-754 double",
            ));
        }
        Number::from_f64(value).ok_or_else(|| self.syntax_at(offset, "malformed number"))
    }

    /// Whether the integer `text` survives a trip through the double `value`: it must be the
    /// double's exact value or its shortest ECMAScript form (`233813527708128500000`), so that
    /// reading it back gives the same number. `9007199254740993` fails: it reads back as
    /// `9007199254740992`.
    fn check_exact_integer(&self, text: &str, offset: usize, value: f64) -> Result<(), JsonError> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below it is exact
        if !self.ijson || value.abs() < EXACT {
            return Ok(());
        }
        let written = decimal_key(text.trim_start_matches('-'));
        let exact = decimal_key(&format!("{:.0}", value.abs()));
        let shortest = decimal_key(&super::number::format_js_number(value.abs()));
        if written == exact || written == shortest {
            Ok(())
        } else {
            Err(self.out_of_range(
                text,
                offset,
                "is an integer that an IEEE-754 double cannot hold: it would read back as a different number",
            ))
        }
    }
}

/// A positive decimal in the form `digits[.digits][e±digits]`, reduced to its significant
/// digits and the power of ten of the first one, so that `1e+21` and `1000000000000000000000`
/// compare equal.
fn decimal_key(text: &str) -> (String, i64) {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = int_part.chars().chain(frac_part.chars()).collect();
    let leading_zeros = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0').to_owned();
    let int_len = i64::try_from(int_part.len()).unwrap_or(i64::MAX);
    let leading = i64::try_from(leading_zeros).unwrap_or(i64::MAX);
    (
        digits,
        exponent.saturating_add(int_len).saturating_sub(leading),
    )
}
