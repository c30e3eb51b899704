//! Flattening of `data` into `path → leaf` pairs, exactly as OpenAttestation v2 does it with
//! npm `flatley` 5.2.0.
//!
//! - Paths join member names and array indices with `.`: `packages.0.weight`.
//! - Empty objects and arrays are leaves (`{"emptyObject": {}}`), everything else is descended.
//! - A member name containing `.` is an error (OpenAttestation throws).
//! - `flatley` joins with `prev ? prev + "." + key : key`, so an empty prefix is dropped: the
//!   leaves under a top-level member named `""` get the same paths as top-level members.

use serde_json::{Map, Value};

use super::OaError;
use super::jsorder::js_ordered_members;
use crate::json::JsonPath;

/// One step of a path inside `data`, kept only to name the place in messages.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The JSON path (`$.data.a[0]`) of a segment stack.
pub(crate) fn json_path(segs: &[Seg<'_>]) -> String {
    let mut p = JsonPath::root().key("data");
    for s in segs {
        p = match s {
            Seg::Key(k) => p.key(k),
            Seg::Index(i) => p.index(*i),
        };
    }
    p.to_string()
}

/// Receives the leaves (and, for checks, the objects) met while flattening.
pub(crate) trait LeafSink<'v> {
    /// A leaf: a primitive, `{}` or `[]`, with its flattened path.
    fn leaf(&mut self, path: &str, value: &'v Value, segs: &[Seg<'v>]);
    /// A non-empty object about to be descended into.
    fn object(&mut self, _map: &'v Map<String, Value>, _segs: &[Seg<'v>]) {}
}

/// How members of an object are visited.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// As stored: cheapest, and enough when only the set of leaves matters.
    Stored,
    /// JavaScript property order, when the order of the output matters.
    JavaScript,
}

/// Flattens the members of `value` (an object or array) below the flattened path `prefix`.
///
/// `prefix` and `segs` are restored before returning, so one buffer serves a whole document.
pub(crate) fn flatten_children<'v>(
    value: &'v Value,
    prefix: &mut String,
    segs: &mut Vec<Seg<'v>>,
    order: Order,
    sink: &mut dyn LeafSink<'v>,
) -> Result<(), OaError> {
    match value {
        Value::Object(map) => {
            if order == Order::JavaScript {
                for (key, item) in js_ordered_members(map) {
                    member(key, Seg::Key(key), item, prefix, segs, order, sink)?;
                }
            } else {
                for (key, item) in map {
                    member(key, Seg::Key(key), item, prefix, segs, order, sink)?;
                }
            }
        }
        Value::Array(items) => {
            let mut digits = itoa_buffer();
            for (i, item) in items.iter().enumerate() {
                let key = format_index(&mut digits, i);
                member(key, Seg::Index(i), item, prefix, segs, order, sink)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn member<'v>(
    key: &str,
    seg: Seg<'v>,
    item: &'v Value,
    prefix: &mut String,
    segs: &mut Vec<Seg<'v>>,
    order: Order,
    sink: &mut dyn LeafSink<'v>,
) -> Result<(), OaError> {
    if key.contains('.') {
        return Err(OaError::KeyWithDot {
            path: json_path(segs),
            key: key.to_owned(),
        });
    }
    let restore = prefix.len();
    if !prefix.is_empty() {
        prefix.push('.');
    }
    prefix.push_str(key);
    segs.push(seg);
    let result = match item {
        Value::Object(map) if !map.is_empty() => {
            sink.object(map, segs);
            flatten_children(item, prefix, segs, order, sink)
        }
        Value::Array(items) if !items.is_empty() => {
            flatten_children(item, prefix, segs, order, sink)
        }
        _ => {
            sink.leaf(prefix, item, segs);
            Ok(())
        }
    };
    segs.pop();
    prefix.truncate(restore);
    result
}

type IndexBuffer = [u8; 20];

fn itoa_buffer() -> IndexBuffer {
    [0; 20]
}

/// Decimal digits of `i` without allocating.
fn format_index(buf: &mut IndexBuffer, mut i: usize) -> &str {
    let mut pos = buf.len();
    loop {
        pos -= 1;
        // `i % 10` is below 10, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        {
            buf[pos] = b'0' + (i % 10) as u8;
        }
        i /= 10;
        if i == 0 || pos == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[pos..]).unwrap_or("0")
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Collect(Vec<(String, Value)>);
    impl<'v> LeafSink<'v> for Collect {
        fn leaf(&mut self, path: &str, value: &'v Value, _segs: &[Seg<'v>]) {
            self.0.push((path.to_owned(), value.clone()));
        }
    }

    fn flat(v: &Value) -> Result<Vec<(String, Value)>, OaError> {
        let mut sink = Collect(Vec::new());
        flatten_children(
            v,
            &mut String::new(),
            &mut Vec::new(),
            Order::Stored,
            &mut sink,
        )?;
        Ok(sink.0)
    }

    #[test]
    fn flattens_like_flatley() {
        let v = serde_json::json!({"a": {"b": [1, {}, [[], {"c": null}]]}, "e": [], "": {"x": 1}});
        let got = flat(&v).expect("test");
        let paths: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["a.b.0", "a.b.1", "a.b.2.0", "a.b.2.1.c", "e", "x"]);
        assert_eq!(format_index(&mut itoa_buffer(), 1234567), "1234567");
    }

    #[test]
    fn refuses_dotted_names_with_their_path() {
        let v = serde_json::json!({"a": [{"b.c": 1}]});
        let err = flat(&v).expect_err("must fail");
        assert_eq!(
            err.to_string(),
            "$.data.a[0]: the member name \"b.c\" contains '.', which OpenAttestation v2 cannot hash"
        );
    }
}
