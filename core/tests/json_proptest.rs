//! Properties of the parser and the canonical form over generated JSON values.

mod support;

use ebl::json::{Value, canonicalize, number_as_f64, parse, to_js_string};
use proptest::prelude::*;

fn arb_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-(1i64 << 53)..=(1i64 << 53)).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        (-1000i32..1000, -30i32..30).prop_map(|(m, e)| Value::from(f64::from(m) * 10f64.powi(e))),
    ]
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        arb_number(),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Equality of JSON values as RFC 8785 sees them: member order does not matter and numbers
/// are the doubles they stand for.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => number_as_f64(x) == number_as_f64(y),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, p)| y.get(k).is_some_and(|q| same_value(p, q)))
        }
        _ => a == b,
    }
}

proptest! {
    #![proptest_config(support::proptest_config(256))]

    #[test]
    fn canonicalisation_is_idempotent(v in arb_json()) {
        let once = canonicalize(&v);
        let twice = canonicalize(&parse(&once).expect("canonical bytes parse"));
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn parse_of_canonical_equals_the_value(v in arb_json()) {
        let reparsed = parse(&canonicalize(&v)).expect("canonical bytes parse");
        prop_assert!(same_value(&reparsed, &v), "{reparsed:?} != {v:?}");
    }

    #[test]
    fn stringify_output_parses_back_to_the_same_text(v in arb_json()) {
        let text = to_js_string(&v);
        let reparsed = parse(text.as_bytes()).expect("stringify output parses");
        prop_assert_eq!(to_js_string(&reparsed), text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        accepted_or_refused_where(&bytes)?;
    }

    #[test]
    fn arbitrary_json_like_text_never_panics(text in r#"[\[\]{}",:0-9eE.+\-tfrunal\\ ]{0,64}"#) {
        accepted_or_refused_where(text.as_bytes())?;
    }
}

/// What "never panics" means for input of any shape: accepted input is JSON whose
/// serialisation parses back to the same text; refused input gets an error that says at which
/// byte.
fn accepted_or_refused_where(bytes: &[u8]) -> Result<(), TestCaseError> {
    match parse(bytes) {
        Ok(v) => {
            let text = to_js_string(&v);
            let again = parse(text.as_bytes()).map(|r| to_js_string(&r));
            prop_assert_eq!(again.ok(), Some(text));
        }
        Err(e) => prop_assert!(e.to_string().contains("byte "), "{}", e),
    }
    Ok(())
}
