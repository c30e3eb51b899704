//! `ebl_result` lists every core `ErrorCode` with its number and name (and nothing else), so
//! C, Python and Rust callers see the same number for the same failure.

use ebl::ebl_result;
use ebl_core::ErrorCode;

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
    assert!(ebl_result::describe_number(101).starts_with("JsonDuplicateKey: "));
    assert_eq!(ebl_result::describe_number(7), "unknown ebl_result 7");
}
