//! RFC 8785 (JCS) known-answer tests: Appendix B numbers and the §3.2.2 / §3.2.3 examples.

use ebl::json::{canonicalize, canonicalize_bytes, format_js_number, parse};

fn testdata(name: &str) -> Vec<u8> {
    let path = format!("{}/../testdata/jcs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn appendix_b_numbers() {
    let table = String::from_utf8(testdata("rfc8785-appendix-b.txt")).expect("utf-8");
    let mut checked = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (hex, expected) = line.split_once(' ').expect("two columns");
        let value = f64::from_bits(u64::from_str_radix(hex, 16).expect("hex"));
        if expected == "error" {
            assert!(!value.is_finite(), "{hex} should be non-finite");
            assert!(serde_json::Number::from_f64(value).is_none());
        } else {
            assert_eq!(format_js_number(value), expected, "bits {hex}");
            // The same number, written in its shortest Rust form, parses and canonicalises alike.
            let text = format!("[{value:e}]");
            assert_eq!(
                canonicalize_bytes(text.as_bytes()).expect("parse"),
                format!("[{expected}]").as_bytes(),
                "bits {hex} via {text}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 26);
}

#[test]
fn section_3_2_2_structured_example() {
    let input = testdata("rfc8785-3.2.2.input.json");
    let expected = testdata("rfc8785-3.2.2.expected.json");
    assert_eq!(canonicalize_bytes(&input).expect("parse"), expected);
}

#[test]
fn section_3_2_3_utf16_property_sorting() {
    let input = testdata("rfc8785-3.2.3.input.json");
    let expected = testdata("rfc8785-3.2.3.expected.json");
    assert_eq!(canonicalize_bytes(&input).expect("parse"), expected);
}

#[test]
fn canonical_form_is_a_fixed_point() {
    for name in ["rfc8785-3.2.2.input.json", "rfc8785-3.2.3.input.json"] {
        let once = canonicalize_bytes(&testdata(name)).expect("parse");
        let twice = canonicalize(&parse(&once).expect("reparse"));
        assert_eq!(once, twice, "{name}");
    }
}
