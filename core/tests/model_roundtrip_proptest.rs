//! Property: unknown members of any shape, anywhere in a transport document, survive the
//! typed view unchanged (value, canonical bytes, checksum) and add no findings.

mod support;

use ebl::json::{Map, Number, Value, canonicalize};
use proptest::prelude::*;
use support::model::{at, briefs, clean_straight, clean_to_order, doc};

/// JSON pointers of every object in `value`.
fn object_pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(here.clone());
            for (k, v) in map {
                object_pointers(v, format!("{here}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                object_pointers(v, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter_map("finite", Number::from_f64)
            .prop_map(Value::Number),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-zA-Z]{1,6}", inner), 0..4)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(support::proptest_config(96))]

    #[test]
    fn unknown_members_survive(
        to_order in any::<bool>(),
        inserts in prop::collection::vec((any::<prop::sample::Index>(), "[a-zA-Z0-9_]{0,8}", json_value()), 1..6),
    ) {
        let mut value = if to_order { clean_to_order() } else { clean_straight() };
        let before = briefs(&value);
        let mut pointers = Vec::new();
        object_pointers(&value, String::new(), &mut pointers);
        for (index, name, member) in inserts {
            let pointer = index.get(&pointers);
            if let Value::Object(map) = at(&mut value, pointer) {
                // The `x-` prefix keeps the name clear of every DCSA member name.
                map.insert(format!("x-{name}"), member);
            }
        }
        let doc = doc(&value);
        prop_assert_eq!(&doc.to_value(), &value);
        prop_assert_eq!(doc.canonical_bytes(), canonicalize(&value));
        let digest = ring::digest::digest(&ring::digest::SHA256, &canonicalize(&value));
        prop_assert_eq!(doc.checksum(), hex::encode(digest));
        prop_assert_eq!(briefs(&value), before);
    }
}
