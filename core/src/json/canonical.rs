//! RFC 8785 (JCS) canonical bytes and JavaScript `JSON.stringify` output.

use serde_json::Value;

use super::number::{number_as_f64, write_js_number};

/// The RFC 8785 canonical form of a value: members sorted by their UTF-16 code units, no
/// insignificant whitespace, ECMAScript number formatting and minimal string escaping.
///
/// DCSA checksums (`transportDocumentChecksum`, `issueToChecksum`) are SHA-256 of these bytes.
///
/// ```
/// use ebl::json::{canonicalize, parse};
///
/// let v = parse(br#"{ "b": 2.50, "a": [1e3, "\u20ac"], "\u00e9": null }"#)?;
/// assert_eq!(canonicalize(&v), r#"{"a":[1000,"€"],"b":2.5,"é":null}"#.as_bytes());
/// # Ok::<(), ebl::Error>(())
/// ```
#[must_use]
pub fn canonicalize(value: &Value) -> Vec<u8> {
    canonical_string(value).into_bytes()
}

/// [`canonicalize`], as a `String`.
///
/// ```
/// use ebl::json::{canonical_string, parse};
///
/// let v = parse(br#"{"b": true, "a": 1.50}"#)?;
/// assert_eq!(canonical_string(&v), r#"{"a":1.5,"b":true}"#);
/// # Ok::<(), ebl::Error>(())
/// ```
#[must_use]
pub fn canonical_string(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, KeyOrder::Utf16Sorted);
    out
}

/// Parses untrusted bytes strictly (see [`super::parse`]) and returns their canonical form.
///
/// ```
/// use ebl::json::canonicalize_bytes;
/// assert_eq!(canonicalize_bytes(b"[ 1.0 , -0, 1E2 ]")?, b"[1,0,100]");
/// # Ok::<(), ebl::Error>(())
/// ```
pub fn canonicalize_bytes(bytes: &[u8]) -> Result<Vec<u8>, super::JsonError> {
    Ok(canonicalize(&super::parse(bytes)?))
}

/// What JavaScript's `JSON.stringify(value)` returns: members in their insertion order, no
/// whitespace, ECMAScript numbers and the same minimal escaping as RFC 8785.
///
/// OpenAttestation hashes exactly these bytes, which is why they are not the JCS bytes.
///
/// ```
/// use ebl::json::{parse, to_js_string};
/// let v = parse(br#"{"b": 1e21, "a": "\u2028"}"#)?;
/// assert_eq!(to_js_string(&v), "{\"b\":1e+21,\"a\":\"\u{2028}\"}");
/// # Ok::<(), ebl::Error>(())
/// ```
#[must_use]
pub fn to_js_string(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, KeyOrder::Insertion);
    out
}

/// What JavaScript's `JSON.stringify(value, null, indent)` returns: [`to_js_string`] with
/// each member and element on its own line, indented by `indent` spaces per level, `": "`
/// between a name and its value, and empty objects and arrays written as `{}` and `[]`.
///
/// As in JavaScript, `indent` is capped at 10 and an `indent` of 0 gives the compact form.
/// OpenAttestation tools save wrapped documents this way (with `indent` 2), so producing the
/// same file bytes as the JavaScript library needs it.
///
/// ```
/// use ebl::json::{parse, to_js_string_pretty};
/// let v = parse(br#"{"a": [1, {}], "b": {"c": []}}"#)?;
/// assert_eq!(to_js_string_pretty(&v, 2), "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": {\n    \"c\": []\n  }\n}");
/// # Ok::<(), ebl::Error>(())
/// ```
#[must_use]
pub fn to_js_string_pretty(value: &Value, indent: usize) -> String {
    let mut out = String::new();
    if indent == 0 {
        write_value(&mut out, value, KeyOrder::Insertion);
    } else {
        write_pretty(&mut out, value, indent.min(10), 0);
    }
    out
}

fn write_pretty(out: &mut String, value: &Value, indent: usize, level: usize) {
    let newline = |out: &mut String, level: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', indent * level));
    };
    match value {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                write_pretty(out, item, indent, level + 1);
            }
            newline(out, level);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                write_js_string(out, key);
                out.push_str(": ");
                write_pretty(out, item, indent, level + 1);
            }
            newline(out, level);
            out.push('}');
        }
        other => write_value(out, other, KeyOrder::Insertion),
    }
}

/// Appends the `JSON.stringify` form of a string (quotes included) to `out`.
///
/// ```
/// let mut out = String::from("name=");
/// ebl::json::write_js_string(&mut out, "a\"b\n\u{1}é");
/// assert_eq!(out, r#"name="a\"b\n\u0001é""#);
/// ```
pub fn write_js_string(out: &mut String, s: &str) {
    out.push('"');
    let mut run_start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x09 => "\\t",
            0x0A => "\\n",
            0x0C => "\\f",
            0x0D => "\\r",
            0x00..=0x1F => "",
            _ => continue,
        };
        out.push_str(&s[run_start..i]);
        if escaped.is_empty() {
            out.push_str(&format!("\\u{b:04x}"));
        } else {
            out.push_str(escaped);
        }
        run_start = i + 1;
    }
    out.push_str(&s[run_start..]);
    out.push('"');
}

#[derive(Clone, Copy)]
enum KeyOrder {
    Utf16Sorted,
    Insertion,
}

fn write_value(out: &mut String, value: &Value, order: KeyOrder) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => write_js_number(out, number_as_f64(n)),
        Value::String(s) => write_js_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item, order);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            if let KeyOrder::Utf16Sorted = order {
                members.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
            }
            out.push('{');
            for (i, (key, item)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_js_string(out, key);
                out.push(':');
                write_value(out, item, order);
            }
            out.push('}');
        }
    }
}
