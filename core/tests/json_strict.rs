//! The strict parser refuses hostile input with a clear, located error and never panics.

use ebl::ErrorCode;
use ebl::json::{Limits, parse, parse_with};

fn code_of(input: &[u8]) -> ErrorCode {
    parse(input).expect_err("must be refused").code()
}

#[test]
fn duplicate_key_is_refused_with_its_path() {
    let err = parse(br#"{"transportDocument": {"isToOrder": false, "isToOrder": true}}"#)
        .expect_err("duplicate");
    assert_eq!(err.code(), ErrorCode::JsonDuplicateKey);
    assert_eq!(
        err.to_string(),
        r#"duplicate key "isToOrder" in the object at $.transportDocument (byte 43)"#
    );
}

#[test]
fn duplicate_key_after_escape_decoding_is_refused() {
    // "a" and "\u0061" are the same member name once decoded.
    assert_eq!(
        code_of(br#"{"a": 1, "\u0061": 2}"#),
        ErrorCode::JsonDuplicateKey
    );
}

#[test]
fn nesting_200_deep_is_refused() {
    let deep = "[".repeat(200) + &"]".repeat(200);
    let err = parse(deep.as_bytes()).expect_err("too deep");
    assert_eq!(err.code(), ErrorCode::JsonTooDeep);
    assert!(err.to_string().contains("limit of 128"), "{err}");
    let objects = r#"{"a":"#.repeat(200) + "1" + &"}".repeat(200);
    assert_eq!(code_of(objects.as_bytes()), ErrorCode::JsonTooDeep);
    // 128 levels are fine.
    let ok = "[".repeat(128) + &"]".repeat(128);
    assert!(parse(ok.as_bytes()).is_ok());
}

#[test]
fn very_deep_nesting_with_a_raised_limit_still_cannot_exhaust_the_stack() {
    let limits = Limits {
        max_depth: usize::MAX,
        ..Limits::default()
    };
    let deep = "[".repeat(100_000);
    let err = parse_with(deep.as_bytes(), &limits).expect_err("too deep");
    assert_eq!(err.code(), ErrorCode::JsonTooDeep);
}

#[test]
fn input_of_20_mib_is_refused_before_parsing() {
    let big = vec![b' '; 20 * 1024 * 1024];
    let err = parse(&big).expect_err("too large");
    assert_eq!(err.code(), ErrorCode::JsonTooLarge);
    assert_eq!(
        err.to_string(),
        "JSON input of 20971520 bytes exceeds the limit of 16777216 bytes"
    );
}

#[test]
fn invalid_utf8_is_refused_at_its_offset() {
    let err = parse(b"{\"a\": \"\xff\"}").expect_err("utf-8");
    assert_eq!(err.code(), ErrorCode::JsonInvalidUtf8);
    assert_eq!(err.to_string(), "invalid UTF-8 at byte 7");
}

#[test]
fn lone_surrogates_are_refused() {
    assert_eq!(code_of(br#"["\ud800"]"#), ErrorCode::JsonLoneSurrogate);
    assert_eq!(code_of(br#"["\udc00"]"#), ErrorCode::JsonLoneSurrogate);
    assert_eq!(
        code_of(br#"["\ud800\u0041"]"#),
        ErrorCode::JsonLoneSurrogate
    );
    assert_eq!(
        code_of(br#"{"k": "x\ud83d"}"#),
        ErrorCode::JsonLoneSurrogate
    );
    let pair = parse(br#""\ud83d\ude00""#).expect("a proper pair");
    assert_eq!(pair, "\u{1F600}");
}

#[test]
fn numbers_outside_i_json_are_refused() {
    for text in [
        "9007199254740993",
        "-9007199254740993",
        "1e400",
        "-1e400",
        "1e-400",
        "123456789012345678901234567890",
    ] {
        let err = parse(text.as_bytes()).expect_err(text);
        assert_eq!(err.code(), ErrorCode::JsonNumberOutOfRange, "{text}: {err}");
    }
    // Exactly representable, however large, and the usual decimals are fine.
    for text in [
        "9007199254740992",
        "18446744073709551616",
        "1e300",
        "0.1",
        "-0",
        "0e-400",
        "5e-324",
    ] {
        assert!(parse(text.as_bytes()).is_ok(), "{text}");
    }
}

#[test]
fn javascript_number_mode_rounds_like_json_parse() {
    let v =
        parse_with(b"[9007199254740993, 1e-400]", &Limits::javascript_numbers()).expect("lenient");
    assert_eq!(ebl::json::to_js_string(&v), "[9007199254740992,0]");
    // Infinity cannot be held in JSON at all.
    assert!(parse_with(b"1e400", &Limits::javascript_numbers()).is_err());
}

#[test]
fn syntax_errors_say_where() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"{\"a\": [1, 2,]}",
            "JSON syntax error at byte 12 (in $.a[2]): expected a JSON value, found ']'",
        ),
        (
            b"{\"a\" 1}",
            "JSON syntax error at byte 5 (in $): expected ':' after member name, found '1'",
        ),
        (
            b"[01]",
            "JSON syntax error at byte 1 (in $[0]): leading zeros are not allowed in numbers",
        ),
        (
            b"{\"a\": \"x\ny\"}",
            "JSON syntax error at byte 8 (in $.a): control character U+000A must be escaped inside a string",
        ),
        (
            b"{\"a\": 1} x",
            "JSON syntax error at byte 9 (in $): unexpected data after the JSON value",
        ),
        (
            b"",
            "JSON syntax error at byte 0 (in $): expected a JSON value, found end of input",
        ),
        (
            b"\"abc",
            "JSON syntax error at byte 0 (in $): unterminated string",
        ),
        (
            b"[\"\\x\"]",
            "JSON syntax error at byte 2 (in $[0]): invalid escape sequence: backslash then 'x'",
        ),
        (
            b"{'a': 1}",
            "JSON syntax error at byte 1 (in $): expected a member name in double quotes, found '\\''",
        ),
        (
            b"[nul]",
            "JSON syntax error at byte 1 (in $[0]): expected a JSON value, found 'n'",
        ),
        (
            b"\xEF\xBB\xBF{}",
            "JSON syntax error at byte 0 (in $): a byte order mark is not allowed in JSON (RFC 8259 §8.1)",
        ),
    ];
    for (input, expected) in cases {
        let err = parse(input).expect_err(expected);
        assert_eq!(err.code(), ErrorCode::JsonSyntax);
        assert_eq!(&err.to_string(), expected);
    }
}

#[test]
fn truncations_of_a_real_document_never_panic() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/dcsa/pint-demo/HHL71800000-ebl-envelope-ed25519.json"
    );
    let bytes = std::fs::read(path).expect("pint-demo envelope");
    assert!(parse(&bytes).is_ok());
    // Every proper prefix of an object (before its closing brace) is refused.
    let end = bytes.trim_ascii_end().len();
    for cut in (0..end).step_by(97) {
        assert!(parse(&bytes[..cut]).is_err(), "a cut at byte {cut} parsed");
    }
}
