//! One pass over a wrapped document's bytes that hashes the leaves of `data` where they stand.
//!
//! Verifying a TradeTrust document is mostly hashing its leaves: Keccak-256 is about two
//! thirds of the work, and it cannot be avoided. Most of the rest was building `data` as a
//! `serde_json::Value` (a `String` and a map entry for every member, every name hashed into
//! its map) only to walk it once and drop it. The scan reads the document every wrapper
//! writes — each leaf a salted string without escapes, member names plain — and hashes each
//! leaf straight from the bytes, keeping as values only the members of `data` the report reads
//! ([`REPORTED_DATA_MEMBERS`]) and the small top-level members (`signature`, `privacy`, …).
//!
//! Anything else makes it step aside (`None`): an escape, a number or boolean leaf, a
//! duplicate or unusual member name (empty, with a `.`, starting with a digit, `__proto__`),
//! an unknown top-level member, malformed JSON, a limit reached. The caller then verifies
//! through the parsed value as before, so every finding and every error is the one that
//! path gives. Where the scan does answer, its answer is that path's answer: the test
//! `openattestation_scan` holds the two equal over every vector and generated documents.

use serde_json::{Map, Value};

use super::WrappedDocument;
use super::digest::{Scratch, is_salted_str, keccak256, leaf_hash};
use crate::detect::{Format, detect};
use crate::json::{Limits, MAX_DEPTH_CEILING, parse_value_at, plain_run};

/// The members of `data` that verification reads besides hashing them: the issuers (identity
/// checks), the network, and the document's reference.
pub(crate) const REPORTED_DATA_MEMBERS: [&str; 4] = ["issuers", "network", "blNumber", "id"];

/// The top-level members of a wrapped document; any other makes the scan step aside (the
/// parsed path reports it as unhashed).
pub(crate) const KNOWN_TOP_LEVEL: [&str; 6] =
    ["version", "schema", "data", "privacy", "signature", "proof"];

/// Most members one object in `data` may have for the scan, which finds a duplicate name by
/// comparing it with the names before it; a larger object is left to the parser.
const MAX_SCANNED_MEMBERS: usize = 64;

/// Scans a plain wrapped document: on success, `scratch` holds the hashes of every visible
/// leaf of `data` (as [`super::digest`] would compute them) and the returned document holds
/// everything but the rest of `data`.
pub(crate) fn scan_plain(bytes: &[u8], scratch: &mut Scratch) -> Option<WrappedDocument> {
    let limits = Limits::javascript_numbers();
    if bytes.len() > limits.max_bytes || !first_name_is_known(bytes) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let max_depth = limits.max_depth.min(MAX_DEPTH_CEILING);
    // A top-level member's value sits one level down.
    let member_limits = Limits {
        max_depth: max_depth.checked_sub(1)?,
        ..limits
    };
    scratch.hashes.clear();
    scratch.path.clear();
    let mut scan = Scan {
        text,
        bytes,
        pos: 0,
        values: 1,
        max_depth,
        names: Vec::new(),
    };
    scan.whitespace();
    scan.expect(b'{')?;
    scan.whitespace();
    let mut top = Map::new();
    loop {
        let name = scan.name()?;
        if !KNOWN_TOP_LEVEL.contains(&name) || top.contains_key(name) {
            return None;
        }
        scan.whitespace();
        scan.expect(b':')?;
        scan.whitespace();
        let value = if name == "data" {
            Value::Object(scan.data(scratch)?)
        } else {
            let (value, end, counted) = parse_value_at(text, scan.pos, &member_limits).ok()?;
            scan.pos = end;
            scan.values += counted;
            value
        };
        top.insert(name.to_owned(), value);
        scan.whitespace();
        match scan.next()? {
            b',' => scan.whitespace(),
            b'}' => break,
            _ => return None,
        }
    }
    scan.whitespace();
    if scan.pos != bytes.len() || scan.values > limits.max_values {
        return None;
    }
    let document = Value::Object(top);
    if detect(&document) != Format::OpenAttestationV2 {
        return None;
    }
    WrappedDocument::from_value(document).ok()
}

/// Whether the first member of the object `bytes` opens with has a wrapped document's name:
/// most inputs that are not wrapped documents (a PINT envelope, a DCSA document) are turned
/// away here, before the whole input is checked as UTF-8.
fn first_name_is_known(bytes: &[u8]) -> bool {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let mut rest = bytes.iter().skip_while(|b| is_space(b));
    if rest.next() != Some(&b'{') {
        return false;
    }
    let mut rest = rest.skip_while(|b| is_space(b));
    if rest.next() != Some(&b'"') {
        return false;
    }
    let name = rest.take_while(|b| **b != b'"').take(16);
    KNOWN_TOP_LEVEL
        .iter()
        .any(|known| name.clone().eq(known.as_bytes()))
}

struct Scan<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Values met so far, counted as the parser counts them against `max_values`.
    values: usize,
    max_depth: usize,
    /// The member names of the objects being read, innermost last.
    names: Vec<&'a str>,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// A string without escapes or control characters, without its quotes: its bytes are
    /// then both its value and its `JSON.stringify` form. `None`, with nothing read, for any
    /// other string.
    fn name(&mut self) -> Option<&'a str> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.pos + 1;
        let end = start + plain_run(self.bytes.get(start..)?);
        if self.bytes.get(end) != Some(&b'"') {
            return None;
        }
        self.pos = end + 1;
        self.text.get(start..end)
    }

    /// The members of `data`, their leaves hashed into `scratch`; returns the reported ones.
    fn data(&mut self, scratch: &mut Scratch) -> Option<Map<String, Value>> {
        // An array `data` is hashed too, but left to the parser.
        self.expect(b'{')?;
        self.values += 1;
        let mut reported = Map::new();
        self.whitespace();
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(reported);
        }
        self.members(2, scratch, Some(&mut reported))?;
        Some(reported)
    }

    /// The members of an object at nesting `depth` whose `{` has been read, up to its `}`.
    /// `scratch.path` holds the object's flattened path (empty for `data` itself).
    fn members(
        &mut self,
        depth: usize,
        scratch: &mut Scratch,
        mut reported: Option<&mut Map<String, Value>>,
    ) -> Option<()> {
        let first = self.names.len();
        loop {
            let name = self.name()?;
            if name.is_empty()
                || name.as_bytes()[0].is_ascii_digit()
                || name.contains('.')
                || name == "__proto__"
                || self.names.len() - first >= MAX_SCANNED_MEMBERS
                || self.names[first..].contains(&name)
            {
                return None;
            }
            self.names.push(name);
            self.whitespace();
            self.expect(b':')?;
            self.whitespace();
            let prefix = scratch.path.len();
            if prefix > 0 {
                scratch.path.push('.');
            }
            scratch.path.push_str(name);
            let start = self.pos;
            self.value(depth + 1, scratch)?;
            scratch.path.truncate(prefix);
            if let Some(reported) = reported.as_deref_mut()
                && REPORTED_DATA_MEMBERS.contains(&name)
            {
                let (value, _, _) =
                    parse_value_at(self.text, start, &Limits::javascript_numbers()).ok()?;
                reported.insert(name.to_owned(), value);
            }
            self.whitespace();
            match self.next()? {
                b',' => self.whitespace(),
                b'}' => break,
                _ => return None,
            }
        }
        self.names.truncate(first);
        Some(())
    }

    /// One value of `data` whose flattened path is in `scratch.path` (never empty here); a
    /// container would be at nesting `depth`.
    fn value(&mut self, depth: usize, scratch: &mut Scratch) -> Option<()> {
        self.values += 1;
        match self.peek()? {
            b'"' => {
                let open = self.pos;
                if let Some(value) = self.name() {
                    if !is_salted_str(value) {
                        return None;
                    }
                    hash_leaf(scratch, self.text.get(open..self.pos)?);
                } else {
                    // An escape (`\"` in a description): the parser decodes it, and the
                    // preimage is written as the parsed path writes it.
                    let (value, end, _) =
                        parse_value_at(self.text, open, &Limits::javascript_numbers()).ok()?;
                    let Value::String(value) = value else {
                        return None;
                    };
                    if !is_salted_str(&value) {
                        return None;
                    }
                    self.pos = end;
                    let leaf =
                        leaf_hash(&mut scratch.preimage, &scratch.path, &Value::String(value));
                    scratch.hashes.push(leaf);
                }
            }
            open @ (b'{' | b'[') => {
                if depth > self.max_depth {
                    return None;
                }
                self.pos += 1;
                self.whitespace();
                let (close, empty) = if open == b'{' {
                    (b'}', "{}")
                } else {
                    (b']', "[]")
                };
                if self.peek()? == close {
                    // An empty object or array is a leaf.
                    self.pos += 1;
                    hash_leaf(scratch, empty);
                } else if open == b'{' {
                    self.members(depth, scratch, None)?;
                } else {
                    self.elements(depth, scratch)?;
                }
            }
            _ => return None,
        }
        Some(())
    }

    /// The elements of an array at nesting `depth` whose `[` has been read, up to its `]`.
    fn elements(&mut self, depth: usize, scratch: &mut Scratch) -> Option<()> {
        let prefix = scratch.path.len();
        let mut index = 0usize;
        loop {
            scratch.path.push('.');
            push_index(&mut scratch.path, index);
            self.value(depth + 1, scratch)?;
            scratch.path.truncate(prefix);
            self.whitespace();
            match self.next()? {
                b',' => self.whitespace(),
                b']' => return Some(()),
                _ => return None,
            }
            index += 1;
        }
    }
}

/// Hashes the leaf `{"<path>":<value>}`: the path's names need no escaping (they had none in
/// the document), and `value` is already in its `JSON.stringify` form.
fn hash_leaf(scratch: &mut Scratch, value: &str) {
    let preimage = &mut scratch.preimage;
    preimage.clear();
    preimage.push_str("{\"");
    preimage.push_str(&scratch.path);
    preimage.push_str("\":");
    preimage.push_str(value);
    preimage.push('}');
    scratch.hashes.push(keccak256(preimage.as_bytes()));
}

/// Appends `index` in decimal.
fn push_index(out: &mut String, index: usize) {
    use std::fmt::Write as _;
    if index < 10 {
        out.push(char::from(b'0' + index as u8));
    } else {
        // Writing to a String cannot fail.
        let _ = write!(out, "{index}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../testdata/openattestation/vectors/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(path).expect("vector")
    }

    #[test]
    fn a_wrapped_bill_of_lading_is_scanned_and_hashes_like_the_parsed_path() {
        let bytes = vector("bill-of-lading-sg-shenzhen-5kb.wrapped.json");
        let mut scratch = Scratch::default();
        let document = scan_plain(&bytes, &mut scratch).expect("a plain document is scanned");
        let mut scanned = scratch.hashes.clone();
        scanned.sort_unstable();

        let parsed = WrappedDocument::from_bytes(&bytes).expect("parses");
        let mut reference = Scratch::default();
        let full = super::super::digest::digest(&parsed.as_value()["data"], &[], &mut reference)
            .expect("digest");
        let mut hashed = reference.hashes.clone();
        hashed.sort_unstable();
        assert_eq!(full.leaves, 134);
        assert_eq!(scanned, hashed);
        let data = document.as_value()["data"].as_object().expect("data");
        let present = REPORTED_DATA_MEMBERS
            .iter()
            .filter(|name| parsed.as_value()["data"].get(**name).is_some())
            .count();
        assert!(present >= 2, "the vector names its issuers and its B/L");
        assert_eq!(data.len(), present);
        for name in REPORTED_DATA_MEMBERS {
            assert_eq!(
                data.get(name),
                parsed.as_value()["data"].get(name),
                "{name}"
            );
        }
        assert_eq!(
            document.as_value()["signature"],
            parsed.as_value()["signature"]
        );
    }

    #[test]
    fn the_scan_steps_aside_for_what_it_does_not_read() {
        let salt = "00000000-0000-4000-8000-000000000001";
        let head = r#"{"version":"https://schema.openattestation.com/2.0/schema.json","signature":{},"data":"#;
        let plain = format!(r#"{head}{{"a":"{salt}:string:x"}}}}"#);
        assert!(scan_plain(plain.as_bytes(), &mut Scratch::default()).is_some());
        let escaped = format!(r#"{head}{{"a":"{salt}:string:say \"hi\"\u00e9"}}}}"#);
        let mut scratch = Scratch::default();
        assert!(scan_plain(escaped.as_bytes(), &mut scratch).is_some());
        let leaf = format!("{{\"a\":\"{salt}:string:say \\\"hi\\\"\u{e9}\"}}");
        assert_eq!(scratch.hashes, [keccak256(leaf.as_bytes())]);
        for data in [
            format!(r#"{{"a\n":"{salt}:string:x"}}"#),
            format!(r#"{{"a":"{salt}:string:x\ud800"}}"#),
            format!(r#"{{"a":"{salt}:string:x","a":"{salt}:string:y"}}"#),
            format!(r#"{{"a.b":"{salt}:string:x"}}"#),
            format!(r#"{{"":"{salt}:string:x"}}"#),
            format!(r#"{{"0":"{salt}:string:x"}}"#),
            format!(r#"{{"__proto__":"{salt}:string:x"}}"#),
            r#"{"a":"not salted"}"#.to_owned(),
            r#"{"a":1}"#.to_owned(),
            r#"{"a":true}"#.to_owned(),
            r#"{"a":null}"#.to_owned(),
            format!(r#"["{salt}:string:x"]"#),
            format!(r#"{{"a":"{salt}:string:x",}}"#),
        ] {
            let doc = format!("{head}{data}}}");
            assert!(
                scan_plain(doc.as_bytes(), &mut Scratch::default()).is_none(),
                "{doc}"
            );
        }
        let envelope = r#"{"envelopeManifestSignedContent": "x", "envelopeTransferChain": []}"#;
        assert!(!first_name_is_known(envelope.as_bytes()));
        assert!(first_name_is_known(b" {\n \"signature\": {}}"));
        assert!(!first_name_is_known(b"[\"version\"]"));
        let extra = format!(r#"{head}{{"a":"{salt}:string:x"}},"extra":1}}"#);
        assert!(scan_plain(extra.as_bytes(), &mut Scratch::default()).is_none());
        let trailing = format!("{plain} x");
        assert!(scan_plain(trailing.as_bytes(), &mut Scratch::default()).is_none());
    }
}
