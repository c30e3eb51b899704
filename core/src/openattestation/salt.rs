//! Salting (`"<uuid v4>:<type>:<String(value)>"`) and unsalting of OpenAttestation v2 values.
//!
//! Every primitive in `data` is replaced by a salted string; empty objects and arrays stay as
//! they are. The salt comes from a [`SaltSource`], so tests can rebuild documents whose salts
//! are known (the fixed-salt vectors) while production uses [`UuidV4Salts`].

use ring::rand::SecureRandom;
use serde_json::{Map, Number, Value};

use super::OaError;
use super::jsorder::js_ordered_members;
use crate::json::{JsonPath, format_js_number, number_as_f64};

/// Where salts come from: each call returns one UUID v4 string (36 characters).
///
/// Closures `FnMut() -> String` are salt sources too ([`FixedSalts`] gives salts as data):
///
/// ```
/// use ebl::openattestation::{wrap, SaltSource};
/// let mut n = 0u64;
/// let mut fixed = move || { n += 1; format!("00000000-0000-4000-8000-{n:012x}") };
/// let doc = wrap(&serde_json::json!({"a": 1}), &mut fixed)?;
/// assert_eq!(doc.as_value()["data"]["a"], "00000000-0000-4000-8000-000000000001:number:1");
/// # Ok::<(), ebl::Error>(())
/// ```
pub trait SaltSource {
    /// The next salt.
    fn next_salt(&mut self) -> crate::Result<String>;
}

impl<F: FnMut() -> String> SaltSource for F {
    fn next_salt(&mut self) -> crate::Result<String> {
        Ok(self())
    }
}

/// Random UUID v4 salts, as OpenAttestation's `wrapDocument` makes them (122 random bits each).
///
/// ```
/// use ebl::openattestation::{wrap, UuidV4Salts};
/// let rng = ring::rand::SystemRandom::new();
/// let doc = wrap(&serde_json::json!({"a": true}), &mut UuidV4Salts::new(&rng))?;
/// assert!(doc.as_value()["data"]["a"].as_str().unwrap().ends_with(":boolean:true"));
/// # Ok::<(), ebl::Error>(())
/// ```
pub struct UuidV4Salts<'a> {
    rng: &'a dyn SecureRandom,
}

impl<'a> UuidV4Salts<'a> {
    /// Salts drawn from `rng`.
    #[must_use]
    pub fn new(rng: &'a dyn SecureRandom) -> UuidV4Salts<'a> {
        UuidV4Salts { rng }
    }
}

impl SaltSource for UuidV4Salts<'_> {
    fn next_salt(&mut self) -> crate::Result<String> {
        let mut b = [0u8; 16];
        self.rng.fill(&mut b).map_err(|_| OaError::Random)?;
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let h = hex::encode(b);
        Ok(format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        ))
    }
}

/// Salts given as data, consumed in order: what a caller that cannot pass a callback (C,
/// Python, a test) uses to rebuild a document whose salts are known, such as the fixed-salt
/// interop vectors (`00000000-0000-4000-8000-<12-hex counter>`).
///
/// ```
/// use ebl::openattestation::{wrap, FixedSalts};
/// let mut salts = FixedSalts::new(vec![
///     "00000000-0000-4000-8000-000000000001".into(),
///     "00000000-0000-4000-8000-000000000002".into(),
/// ])?;
/// let doc = wrap(&serde_json::json!({"a": 1, "b": [true]}), &mut salts)?;
/// assert_eq!(doc.as_value()["data"]["b"][0], "00000000-0000-4000-8000-000000000002:boolean:true");
/// assert_eq!(salts.remaining(), 0);
/// // One more value than salts: a clear error.
/// let mut short = FixedSalts::new(vec!["00000000-0000-4000-8000-000000000001".into()])?;
/// assert!(wrap(&serde_json::json!({"a": 1, "b": 2}), &mut short).unwrap_err().to_string().contains("ran out"));
/// // A salt that is not a UUID v4 is refused up front, with its position.
/// assert!(FixedSalts::new(vec!["nope".into()]).unwrap_err().to_string().contains("fixed salt 0"));
/// # Ok::<(), ebl::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct FixedSalts {
    salts: std::vec::IntoIter<String>,
    given: usize,
}

impl FixedSalts {
    /// The salts, to be given out in order.
    ///
    /// # Errors
    /// [`OaError::FixedSaltMalformed`] naming the first salt that is not a UUID v4.
    pub fn new(salts: Vec<String>) -> crate::Result<FixedSalts> {
        if let Some((index, salt)) = salts.iter().enumerate().find(|(_, s)| !is_uuid_v4(s)) {
            return Err(OaError::FixedSaltMalformed {
                index,
                salt: salt.clone(),
            }
            .into());
        }
        Ok(FixedSalts {
            given: salts.len(),
            salts: salts.into_iter(),
        })
    }

    /// How many salts are left (0 after wrapping data with exactly as many primitives).
    #[must_use]
    pub fn remaining(&self) -> usize {
        self.salts.len()
    }
}

impl SaltSource for FixedSalts {
    fn next_salt(&mut self) -> crate::Result<String> {
        self.salts
            .next()
            .ok_or_else(|| OaError::FixedSaltsExhausted { given: self.given }.into())
    }
}

/// Whether `s` is a UUID v4 as the `validator` package's `isUUID(s, 4)` reads it (which
/// OpenAttestation uses to recognise salted strings): hex digits in 8-4-4-4-12 groups, `4` as
/// the version digit, `8`, `9`, `a` or `b` as the variant digit, either case.
#[must_use]
pub fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            14 => c == b'4',
            19 => matches!(c, b'8' | b'9' | b'a' | b'b' | b'A' | b'B'),
            _ => c.is_ascii_hexdigit(),
        })
}

/// The salted form of a primitive: `"<salt>:<typeof value>:<String(value)>"` (`null:null`
/// for null). Objects and arrays are not primitives and give `None`.
#[must_use]
pub fn salt_primitive(salt: &str, value: &Value) -> Option<String> {
    let typed = match value {
        Value::String(s) => format!("string:{s}"),
        Value::Number(n) => format!("number:{}", format_js_number(number_as_f64(n))),
        Value::Bool(b) => format!("boolean:{b}"),
        Value::Null => "null:null".to_owned(),
        Value::Array(_) | Value::Object(_) => return None,
    };
    Some(format!("{salt}:{typed}"))
}

/// Salts every primitive of `data` depth-first, members in JavaScript property order
/// (array-index names first, ascending, then the others in insertion order), which is the
/// order OpenAttestation gives out salts in and writes the wrapped document in.
pub(crate) fn salt_data(
    data: &Value,
    salts: &mut dyn SaltSource,
    path: &mut Vec<String>,
) -> crate::Result<Value> {
    Ok(match data {
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                out.push(salt_data(item, salts, path)?);
                path.pop();
            }
            Value::Array(out)
        }
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, item) in js_ordered_members(map) {
                if key.contains('.') {
                    return Err(OaError::KeyWithDot {
                        path: path_string(path),
                        key: key.clone(),
                    }
                    .into());
                }
                if path.is_empty() && key == "__proto__" {
                    return Err(OaError::UnprotectedMember {
                        path: "$.data.__proto__".to_owned(),
                        message: "OpenAttestation's flattening drops a top-level member named \"__proto__\", so its value would not be covered by the hash".to_owned(),
                    }
                    .into());
                }
                path.push(key.clone());
                out.insert(key.clone(), salt_data(item, salts, path)?);
                path.pop();
            }
            Value::Object(out)
        }
        primitive => {
            let salt = salts.next_salt()?;
            if !is_uuid_v4(&salt) {
                return Err(OaError::InvalidSalt { salt }.into());
            }
            let salted = salt_primitive(&salt, primitive).unwrap_or_default();
            Value::String(salted)
        }
    })
}

fn path_string(path: &[String]) -> String {
    let mut p = JsonPath::root().key("data");
    for segment in path {
        p = p.key(segment);
    }
    p.to_string()
}

/// The unsalted view of `data`, as OpenAttestation's `getData` computes it.
pub(crate) fn unsalt_data(value: &Value, path: &JsonPath) -> crate::Result<Option<Value>> {
    Ok(Some(match value {
        Value::String(s) => return unsalt(s, path),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                // `undefined` inside an array is written as null by JSON.stringify.
                out.push(unsalt_data(item, &path.index(i))?.unwrap_or(Value::Null));
            }
            Value::Array(out)
        }
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, item) in map {
                if let Some(v) = unsalt_data(item, &path.key(key))? {
                    out.insert(key.clone(), v);
                }
            }
            Value::Object(out)
        }
        other => other.clone(),
    }))
}

/// Unsalts one string as OpenAttestation's `unsalt` does; `None` stands for `undefined`.
fn unsalt(s: &str, path: &JsonPath) -> crate::Result<Option<Value>> {
    let first = s.split(':').next().unwrap_or("");
    if !is_uuid_v4(first) {
        return Ok(Some(Value::String(s.to_owned())));
    }
    let typed = js_trim(s.get(37..).unwrap_or(""));
    let (tag, value) = typed.split_once(':').unwrap_or((typed, ""));
    Ok(match tag {
        "string" => Some(Value::String(value.to_owned())),
        "number" => Some(number_value(js_string_to_number(value))),
        "boolean" => Some(Value::Bool(value == "true")),
        "null" => Some(Value::Null),
        "undefined" => None,
        _ => {
            return Err(OaError::Unsalt {
                path: path.to_string(),
                value: s.to_owned(),
                message: format!("unknown type tag {tag:?}"),
            }
            .into());
        }
    })
}

/// A double as a JSON value: integers that a double holds exactly become integer numbers,
/// NaN and infinities (which JSON cannot hold) become `null` as `JSON.stringify` writes them.
pub(crate) fn number_value(x: f64) -> Value {
    const SAFE: f64 = 9_007_199_254_740_992.0;
    if x.fract() == 0.0 && x.abs() < SAFE && !(x == 0.0 && x.is_sign_negative()) {
        #[allow(clippy::cast_possible_truncation)]
        return Value::Number(Number::from(x as i64));
    }
    Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// Whether `c` is white space or a line terminator for ECMAScript's `String.prototype.trim`.
fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\u{9}'..='\u{d}'
            | ' '
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{feff}'
    )
}

/// ECMAScript `String.prototype.trim`.
pub(crate) fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_whitespace)
}

/// ECMAScript `Number(string)` (StringToNumber): NaN for anything that is not a number.
pub(crate) fn js_string_to_number(s: &str) -> f64 {
    let t = js_trim(s);
    if t.is_empty() {
        return 0.0;
    }
    for (prefix, radix) in [
        ("0x", 16),
        ("0X", 16),
        ("0o", 8),
        ("0O", 8),
        ("0b", 2),
        ("0B", 2),
    ] {
        if let Some(digits) = t.strip_prefix(prefix) {
            if digits.is_empty() {
                return f64::NAN;
            }
            let mut acc = 0u128;
            let mut overflow = false;
            for c in digits.chars() {
                let Some(d) = c.to_digit(radix) else {
                    return f64::NAN;
                };
                match acc
                    .checked_mul(u128::from(radix))
                    .and_then(|a| a.checked_add(u128::from(d)))
                {
                    Some(a) => acc = a,
                    None => overflow = true,
                }
            }
            #[allow(clippy::cast_precision_loss)]
            return if overflow { f64::INFINITY } else { acc as f64 };
        }
    }
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if unsigned == "Infinity" {
        return if t.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    if !is_decimal_literal(unsigned) {
        return f64::NAN;
    }
    t.parse::<f64>().unwrap_or(f64::NAN)
}

/// ECMAScript StrUnsignedDecimalLiteral without `Infinity`: `1`, `1.`, `.5`, `1.5e-3`.
fn is_decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_v4_recognition_matches_validator() {
        assert!(is_uuid_v4("00000000-0000-4000-8000-000000000001"));
        assert!(is_uuid_v4("4AD7A5CE-7A2B-4F3C-BF4A-B1A2C3D4E5F6"));
        assert!(!is_uuid_v4("00000000-0000-3000-8000-000000000001"));
        assert!(!is_uuid_v4("00000000-0000-4000-c000-000000000001"));
        assert!(!is_uuid_v4("00000000-0000-4000-8000-00000000001"));
        assert!(!is_uuid_v4("00000000x0000-4000-8000-000000000001"));
    }

    #[test]
    fn string_to_number_follows_ecmascript() {
        assert_eq!(js_string_to_number(""), 0.0);
        assert_eq!(js_string_to_number("  12 \n"), 12.0);
        assert_eq!(js_string_to_number("1e+21"), 1e21);
        assert_eq!(js_string_to_number("0x10"), 16.0);
        assert_eq!(js_string_to_number("-Infinity"), f64::NEG_INFINITY);
        assert_eq!(js_string_to_number(".5"), 0.5);
        assert_eq!(js_string_to_number("5."), 5.0);
        assert!(js_string_to_number("inf").is_nan());
        assert!(js_string_to_number("1e").is_nan());
        assert!(js_string_to_number("-0x10").is_nan());
        assert!(js_string_to_number("1_0").is_nan());
        assert!(js_string_to_number(".").is_nan());
    }

    #[test]
    fn trim_uses_javascript_white_space() {
        assert_eq!(js_trim("\u{feff} a \u{2028}"), "a");
        assert_eq!(js_trim("\u{85}a"), "\u{85}a");
    }

    #[test]
    fn unsalt_reads_every_type_tag() {
        let p = JsonPath::root();
        let s = "00000000-0000-4000-8000-000000000001";
        let un = |v: &str| unsalt(&format!("{s}:{v}"), &p).expect("test");
        assert_eq!(un("string:a:b "), Some(Value::String("a:b".into())));
        assert_eq!(un("number:1e+21"), Some(serde_json::json!(1e21)));
        assert_eq!(un("number:-17"), Some(serde_json::json!(-17)));
        assert_eq!(un("boolean:false"), Some(Value::Bool(false)));
        assert_eq!(un("null:null"), Some(Value::Null));
        assert_eq!(un("undefined:undefined"), None);
        assert!(unsalt(&format!("{s}:bigint:1"), &p).is_err());
        assert_eq!(
            unsalt("plain", &p).expect("test"),
            Some(Value::String("plain".into()))
        );
    }
}
