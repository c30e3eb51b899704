//! Helpers shared by the `model_*` integration tests.

use ebl::json::Value;
use ebl::model::TransportDocument;
use ebl::report::Severity;

/// The DCSA example directory beside the repository.
pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa");

/// Parses an example file strictly.
pub fn example(relative: &str) -> Value {
    let path = format!("{EXAMPLES}/{relative}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    ebl::json::parse(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The transport document inside an example, at a JSON pointer (`""` = the whole file).
pub fn example_td(relative: &str, pointer: &str) -> Value {
    example(relative)
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{relative}: nothing at {pointer:?}"))
        .clone()
}

/// Parses a transport document value, failing the test on a shape error.
pub fn doc(value: &Value) -> TransportDocument {
    TransportDocument::from_value(value).unwrap_or_else(|e| panic!("from_value: {e}"))
}

/// A finding reduced to what the tests compare.
pub type Brief = (String, String, Severity);

/// `(code, path, severity)` of every finding, in order.
pub fn briefs(value: &Value) -> Vec<Brief> {
    doc(value)
        .validate()
        .into_iter()
        .map(|f| (f.code, f.path, f.severity))
        .collect()
}

/// Builds a `Brief`.
pub fn brief(code: &str, path: &str, severity: Severity) -> Brief {
    (code.to_owned(), path.to_owned(), severity)
}

/// Mutable access to the member at a JSON pointer; panics if it is not there.
pub fn at<'a>(value: &'a mut Value, pointer: &str) -> &'a mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("nothing at {pointer:?}"))
}

/// Removes the member at a JSON pointer (`/a/b`), panicking if it is not there.
pub fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a parent");
    let removed = at(value, parent)
        .as_object_mut()
        .and_then(|m| m.shift_remove(key));
    assert!(removed.is_some(), "nothing to remove at {pointer:?}");
}

/// Sets the member at a JSON pointer, creating it in its (existing) parent object.
pub fn set(value: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a parent");
    at(value, parent)
        .as_object_mut()
        .unwrap_or_else(|| panic!("{parent:?} is not an object"))
        .insert(key.to_owned(), new);
}

/// An issued, electronic, straight (`isToOrder: false`) bill of lading with no findings at
/// all: the DCSA conformance toolkit's PINT transport document with its placeholders
/// replaced (reference ≤20 characters, an `issueDate`, code-list values the spec knows).
pub fn clean_straight() -> Value {
    let mut v = example_td("conformance-gateway/pint-3.0.0-transport-document.json", "");
    set(
        &mut v,
        "/transportDocumentReference",
        "CTK0000000001".into(),
    );
    set(&mut v, "/issueDate", "2023-12-19".into());
    let issuing_code = at(&mut v, "/documentParties/issuingParty/identifyingCodes/0");
    set(issuing_code, "/codeListProvider", "DCSA".into());
    remove(issuing_code, "/codeListName");
    v
}

/// An issued, electronic, to-order bill of lading with an endorsee and a notify party and no
/// findings at all, built from the DCSA eBL 3.0.3 `regularSTDExample`.
pub fn clean_to_order() -> Value {
    let mut v = example_td(
        "openapi-extracted/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json",
        "",
    );
    set(&mut v, "/transportDocumentStatus", "ISSUED".into());
    set(&mut v, "/issueDate", "2023-12-20".into());
    let party = serde_json::json!({
        "partyName": "Bank of Test",
        "identifyingCodes": [{"codeListProvider": "GLEIF", "codeListName": "LEI", "partyCode": "5493001KJTIIGC8Y1R12"}]
    });
    set(&mut v, "/documentParties/endorsee", party.clone());
    set(
        &mut v,
        "/documentParties/notifyParties",
        Value::Array(vec![party]),
    );
    v
}
