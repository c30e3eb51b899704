//! `ebl_result` lists every core `ErrorCode` with its number and name (and nothing else), so
//! C, Python and Rust callers see the same number for the same failure. The variants in
//! `ffi/src/result.rs` are generated from the core's list here (cbindgen reads source, so they
//! must be written out): this test fails when they differ from what the core gives, and
//! rewrites them with `EBL_UPDATE_CODES=1 cargo test -p ebl-ffi --test codes`.

use std::fmt::Write as _;
use std::path::PathBuf;

use ebl::ebl_result;
use ebl_core::ErrorCode;

const BEGIN: &str = "    // BEGIN GENERATED";
const END: &str = "// END GENERATED";

/// The generated part of `result.rs`: the variants (with the core's one-line descriptions as
/// their documentation, which the header shows; a blank line between blocks of a hundred),
/// the end of the enum, and `FAILURES`, every failure in numeric order.
fn generated() -> String {
    let mut out = String::from("    /// Success: the out-parameters were written.\n    Ok = 0,\n");
    let mut block = 0;
    for code in ErrorCode::ALL {
        let number = code.as_u32();
        if number / 100 != block {
            block = number / 100;
            out.push('\n');
        }
        let (description, name) = (code.description(), code.name());
        writeln!(out, "    /// {description}\n    {name} = {number},")
            .expect("a String takes any text");
    }
    out.push_str(
        "}\n\n/// Every `ebl_result` but `Ok`, in numeric order (the core's `ErrorCode::ALL`).\n\
         const FAILURES: &[ebl_result] = &[\n",
    );
    for code in ErrorCode::ALL {
        writeln!(out, "    ebl_result::{},", code.name()).expect("a String takes any text");
    }
    out.push_str("];\n");
    out
}

#[test]
fn the_variants_are_generated_from_the_core_codes() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/result.rs");
    let source = std::fs::read_to_string(&path).expect("ffi/src/result.rs is readable");
    let begin = source
        .find(BEGIN)
        .expect("result.rs has the BEGIN GENERATED line");
    let start = begin + source[begin..].find('\n').expect("a line after BEGIN") + 1;
    let end = start
        + source[start..]
            .find(END)
            .expect("result.rs has the END GENERATED line");
    let fresh = generated();
    if std::env::var_os("EBL_UPDATE_CODES").is_some() {
        let updated = format!("{}{fresh}{}", &source[..start], &source[end..]);
        std::fs::write(&path, updated).expect("ffi/src/result.rs is writable");
    }
    assert!(
        source[start..end] == fresh,
        "the ebl_result variants in ffi/src/result.rs differ from the core's ErrorCode list; \
         regenerate them with\n  EBL_UPDATE_CODES=1 cargo test -p ebl-ffi --test codes\n\
         then regenerate include/ebl.h (EBL_UPDATE_HEADER=1 cargo test -p ebl-ffi --test header)"
    );
}

#[test]
fn every_core_code_is_an_ebl_result_with_its_number_and_name() {
    let results: Vec<ebl_result> = ebl_result::failures().collect();
    assert_eq!(
        results.len(),
        ErrorCode::ALL.len(),
        "one ebl_result per core code"
    );
    for (&code, result) in ErrorCode::ALL.iter().zip(&results) {
        assert_eq!(*result as u32, code.as_u32(), "{code}");
        assert_eq!(format!("{result:?}"), code.name(), "{code}");
        assert_eq!(ebl_result::from_code(code), *result);
    }
    assert_eq!(ebl_result::Ok as u32, 0);
}

#[test]
fn descriptions_name_the_code() {
    assert_eq!(ebl_result::describe_number(0), "Ok: success");
    assert_eq!(
        ebl_result::describe_number(101),
        "JsonDuplicateKey: An object has the same key twice."
    );
    assert_eq!(ebl_result::describe_number(7), "unknown ebl_result 7");
}
