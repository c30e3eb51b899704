//! Adversarial catalogue, JSON: every hostile input the strict parser meets, each refused with
//! its own error code and place (or, for the accepted oddities, read in one agreed way).

use ebl::ErrorCode;
use ebl::json::{self, JsonError, Limits, parse, parse_with};

fn refused(input: &[u8]) -> JsonError {
    parse(input).expect_err("hostile JSON must be refused")
}

/// `{"k":1,"k":2}` wrapped `depth` times in alternating objects and arrays.
fn duplicate_at_depth(depth: usize) -> (String, String) {
    let mut text = r#"{"k":1,"k":2}"#.to_owned();
    let mut path = String::new();
    for level in (0..depth).rev() {
        if level % 2 == 0 {
            text = format!(r#"{{"a{level}":{text}}}"#);
            path = format!(".a{level}{path}");
        } else {
            text = format!("[0,{text}]");
            path = format!("[1]{path}");
        }
    }
    (text, format!("${path}"))
}

#[test]
fn duplicate_keys_are_refused_at_every_depth_with_their_path() {
    for depth in 0..=127 {
        let (text, path) = duplicate_at_depth(depth);
        match refused(text.as_bytes()) {
            JsonError::DuplicateKey {
                key, path: found, ..
            } => {
                assert_eq!(
                    (key.as_str(), found.as_str()),
                    ("k", path.as_str()),
                    "depth {depth}"
                );
            }
            other => panic!("depth {depth}: {other:?}"),
        }
    }
    // The same name spelled two ways is the same name once unescaped.
    assert_eq!(
        refused(br#"{"isToOrder":true,"isTo\u004frder":false}"#).code(),
        ErrorCode::JsonDuplicateKey
    );
}

#[test]
fn nesting_beyond_the_limit_is_refused_however_it_is_built() {
    for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
        let deep = open.repeat(129) + "1" + &close.repeat(129);
        assert_eq!(
            refused(deep.as_bytes()).code(),
            ErrorCode::JsonTooDeep,
            "{open}"
        );
        let ok = open.repeat(128) + "1" + &close.repeat(128);
        assert!(parse(ok.as_bytes()).is_ok(), "{open} at the limit");
    }
    // Unclosed nesting a megabyte deep stops at the limit, not at the end of the input.
    let unclosed = "[".repeat(1 << 20);
    assert_eq!(refused(unclosed.as_bytes()).code(), ErrorCode::JsonTooDeep);
}

#[test]
fn huge_numbers_strings_and_arrays_are_refused_or_bounded() {
    for number in ["1e400", "-1e400", "1e-400", &"9".repeat(400), "1E+400"] {
        assert_eq!(
            refused(number.as_bytes()).code(),
            ErrorCode::JsonNumberOutOfRange,
            "{number}"
        );
    }
    let small = Limits {
        max_bytes: 1024,
        ..Limits::default()
    };
    let long_string = format!("\"{}\"", "x".repeat(2000));
    let long_array = format!("[{}0]", "0,".repeat(1000));
    for input in [long_string, long_array] {
        let err = parse_with(input.as_bytes(), &small).expect_err("over the limit");
        assert_eq!(err.code(), ErrorCode::JsonTooLarge);
    }
}

#[test]
fn invalid_utf8_bom_trailing_data_and_non_json_tokens_are_syntax_errors() {
    let cases: &[(&[u8], ErrorCode)] = &[
        (b"\"\xc3\x28\"", ErrorCode::JsonInvalidUtf8),
        (b"\"\xed\xa0\x80\"", ErrorCode::JsonInvalidUtf8), // an encoded surrogate
        (b"\"\xf8\x88\x80\x80\x80\"", ErrorCode::JsonInvalidUtf8),
        (b"\xef\xbb\xbf{}", ErrorCode::JsonSyntax), // BOM
        (b"{} {}", ErrorCode::JsonSyntax),
        (b"{}\x00", ErrorCode::JsonSyntax),
        (b"[1] // comment", ErrorCode::JsonSyntax),
        (b"NaN", ErrorCode::JsonSyntax),
        (b"[Infinity]", ErrorCode::JsonSyntax),
        (b"[-Infinity]", ErrorCode::JsonSyntax),
        (b"[+1]", ErrorCode::JsonSyntax),
        (b"[01]", ErrorCode::JsonSyntax),
        (b"[.5]", ErrorCode::JsonSyntax),
        (b"[1.]", ErrorCode::JsonSyntax),
        (b"[0x10]", ErrorCode::JsonSyntax),
        (b"{'a':1}", ErrorCode::JsonSyntax),
        (b"[\"tab\there\"]", ErrorCode::JsonSyntax),
        (b"[\"\\x41\"]", ErrorCode::JsonSyntax),
        (b"[1,]", ErrorCode::JsonSyntax),
        (b"", ErrorCode::JsonSyntax),
        (br#"["\ud800"]"#, ErrorCode::JsonLoneSurrogate),
    ];
    for (input, code) in cases {
        assert_eq!(
            refused(input).code(),
            *code,
            "{}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn minus_zero_and_equivalent_spellings_canonicalise_to_one_form() {
    // -0, 0.0 and 0e5 are one number; RFC 8785 writes it 0, so signer and verifier agree.
    for text in ["-0", "0.0", "0e5", "-0.0e-3"] {
        let value = parse(text.as_bytes()).expect(text);
        assert_eq!(json::canonicalize(&value), b"0", "{text}");
    }
    let value = parse(b"[1E2, 100.0, 1e2]").expect("numbers");
    assert_eq!(json::canonicalize(&value), b"[100,100,100]");
}

#[test]
fn a_duplicate_key_inside_a_signed_payload_refuses_the_envelope() {
    // A chain entry whose transactions hide a second "actionCode": a verifier that kept the
    // last copy would read another action than a signer that kept the first.
    let payload = br#"{"eblPlatform":"SGP1","transactions":[{"actionCode":"ISSUE","actionCode":"SURRENDER_FOR_DELIVERY"}]}"#;
    assert_eq!(refused(payload).code(), ErrorCode::JsonDuplicateKey);
}
