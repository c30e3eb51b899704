//! Part of a document's unsalted data: the few members a check reads (the issuers, the
//! network, the B/L number), unsalted exactly as [`WrappedDocument::data`] would give them,
//! without building the unsalted copy of everything else.
//!
//! Verifying a 5 KB TradeTrust bill needs three short members of its ~130 leaves; building
//! the whole view cost about a third of the verification.

use serde_json::{Map, Value};

use super::WrappedDocument;
use super::salt::{is_uuid_v4, js_trim, unsalt_data};
use crate::json::JsonPath;

impl WrappedDocument {
    /// The named top-level members of the unsalted data, as `data()` would hold them (a member
    /// that unsalts to `undefined`, or is absent, is not in the map). Fails exactly when
    /// [`WrappedDocument::data`] fails, so a caller sees the same verdict either way.
    pub(crate) fn data_members(&self, names: &[&str]) -> crate::Result<Map<String, Value>> {
        let Some(data) = self.value.get("data") else {
            return self.data().map(|_| Map::new());
        };
        if !all_tags_known(data) {
            // Let the full view find and name the offending value.
            return self.data().map(|_| Map::new());
        }
        let mut members = Map::new();
        let Value::Object(object) = data else {
            return Ok(members);
        };
        let root = JsonPath::root().key("data");
        for &name in names {
            if let Some(value) = object.get(name)
                && let Some(unsalted) = unsalt_data(value, &root.key(name))?
            {
                members.insert(name.to_owned(), unsalted);
            }
        }
        Ok(members)
    }
}

/// Whether every salted string under `value` carries a type tag `getData` knows (what makes
/// [`WrappedDocument::data`] succeed), checked without allocating.
fn all_tags_known(value: &Value) -> bool {
    match value {
        Value::String(s) => tag_known(s),
        Value::Array(items) => items.iter().all(all_tags_known),
        Value::Object(map) => map.values().all(all_tags_known),
        _ => true,
    }
}

fn tag_known(s: &str) -> bool {
    // What OA writes, `<36-character salt>:<tag>:<value>`: a known tag, whatever the salt.
    let bytes = s.as_bytes();
    if bytes.get(36) == Some(&b':')
        && [
            &b"string:"[..],
            b"number:",
            b"boolean:",
            b"null:",
            b"undefined:",
        ]
        .iter()
        .any(|tag| bytes[37..].starts_with(tag))
    {
        return true;
    }
    // Otherwise as `unsalt` reads it: salted when the first `:`-separated part is a UUID v4.
    if !is_uuid_v4(s.split(':').next().unwrap_or("")) {
        return true;
    }
    let typed = js_trim(s.get(37..).unwrap_or(""));
    let tag = typed.split_once(':').map_or(typed, |(tag, _)| tag);
    matches!(tag, "string" | "number" | "boolean" | "null" | "undefined")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(data: Value) -> WrappedDocument {
        WrappedDocument::from_value(serde_json::json!({"data": data})).expect("object")
    }

    const SALT: &str = "00000000-0000-4000-8000-000000000001";

    #[test]
    fn members_equal_the_full_view() {
        let d = doc(serde_json::json!({
            "issuers": [{"name": format!("{SALT}:string:ACME"), "n": format!("{SALT}:number:1e3")}],
            "gone": format!("{SALT}:undefined:undefined"),
            "blNumber": format!("{SALT}:string:BL-1"),
        }));
        let full = d.data().expect("view");
        let part = d
            .data_members(&["issuers", "gone", "blNumber", "absent"])
            .expect("view");
        assert_eq!(part.get("issuers"), full.get("issuers"));
        assert_eq!(part.get("blNumber"), full.get("blNumber"));
        assert!(!part.contains_key("gone") && !part.contains_key("absent"));
    }

    #[test]
    fn an_unknown_tag_elsewhere_fails_as_the_full_view_does() {
        let d = doc(serde_json::json!({
            "issuers": [],
            "other": {"x": format!("{SALT}:bigint:1")},
        }));
        let full = d.data().expect_err("unknown tag");
        let part = d.data_members(&["issuers"]).expect_err("unknown tag");
        assert_eq!(part.to_string(), full.to_string());
        assert!(part.to_string().contains("$.data.other.x"), "{part}");
    }

    #[test]
    fn no_data_fails_as_the_full_view_does() {
        let d = WrappedDocument::from_value(serde_json::json!({})).expect("object");
        assert_eq!(
            d.data_members(&["issuers"])
                .expect_err("no data")
                .to_string(),
            d.data().expect_err("no data").to_string()
        );
    }
}
