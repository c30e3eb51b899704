//! JavaScript's own-property order, which `JSON.parse` imposes on every object.
//!
//! `Object.keys` lists array-index names (`"0"`, `"2"`, `"10"`, …, up to 2^32 − 2) first in
//! ascending numeric order, then every other name in insertion order. OpenAttestation salts
//! and writes documents in that order, so a byte-exact wrap must follow it.

use serde_json::{Map, Value};

/// Whether `key` is an ECMAScript array index: the canonical decimal form of an integer in
/// `0 ..= 2^32 - 2`.
#[must_use]
pub(crate) fn array_index(key: &str) -> Option<u32> {
    let b = key.as_bytes();
    if b.is_empty() || b.len() > 10 || (b.len() > 1 && b[0] == b'0') {
        return None;
    }
    if !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n: u64 = key.parse().ok()?;
    if n <= u64::from(u32::MAX - 1) {
        u32::try_from(n).ok()
    } else {
        None
    }
}

/// The members of `map` in JavaScript property order.
pub(crate) fn js_ordered_members(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut members: Vec<(&String, &Value)> = map.iter().collect();
    if members.iter().any(|(k, _)| array_index(k).is_some()) {
        // A stable sort keeps insertion order among the non-index names.
        members.sort_by_key(|(k, _)| array_index(k).map_or((1, 0), |n| (0, n)));
    }
    members
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_names_come_first_in_numeric_order() {
        let v = serde_json::json!({"b": 1, "10": 2, "2": 3, "a": 4, "02": 5, "4294967295": 6, "4294967294": 7});
        let Value::Object(map) = &v else {
            unreachable!()
        };
        let keys: Vec<&str> = js_ordered_members(map)
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(
            keys,
            ["2", "10", "4294967294", "b", "a", "02", "4294967295"]
        );
    }
}
