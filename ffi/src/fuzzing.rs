//! The body of the `c_api` fuzz target (feature `fuzzing`): untrusted bytes through the C ABI,
//! exactly as a C caller would pass them.
//!
//! The fuzz crate forbids `unsafe`, and reading what the C API returns (`ebl_str` views,
//! `ebl_bytes`) needs it, so the body lives here, in the one crate where `unsafe` may live;
//! `fuzz/src/c_api.rs` calls [`c_api`] and `ffi/tests/fuzz_replay_c_api.rs` replays the
//! committed corpus through it on stable Rust.
//!
//! What it checks beyond "no panic" (a panic inside the core is caught by the panic boundary
//! and comes back as `EBL_RESULT_PANIC_CAUGHT`, which this function turns into a crash):
//! every read-only accessor of a live report succeeds and hands out valid UTF-8; the finding
//! just past the count is refused; the report's JSON parses and agrees with `is_valid`; a
//! document obfuscated through the C API still reads back; and every handle is freed (the
//! address sanitizer of the fuzz build reports a leak or a double free).

use std::ptr;

use crate::context::{
    ebl_verify_context, ebl_verify_context_add_anchors, ebl_verify_context_add_keys,
    ebl_verify_context_free, ebl_verify_context_new, ebl_verify_context_set_receiving_platform,
};
use crate::oa::{ebl_oa_data, ebl_oa_obfuscate};
use crate::report::{
    ebl_finding, ebl_report, ebl_report_document_reference, ebl_report_error, ebl_report_finding,
    ebl_report_finding_count, ebl_report_format, ebl_report_free, ebl_report_is_valid,
    ebl_report_kind, ebl_report_last_entry_checksum, ebl_report_response_code,
    ebl_report_signed_response, ebl_report_to_json, ebl_report_verdict,
};
use crate::result::ebl_result;
use crate::trust::{
    ebl_trust_store, ebl_trust_store_add_bytes, ebl_trust_store_free, ebl_trust_store_new,
    ebl_trust_store_to_json,
};
use crate::types::{ebl_bytes, ebl_bytes_data, ebl_bytes_free, ebl_bytes_len, ebl_slice, ebl_str};
use crate::verify::ebl_verify;

/// The pint-demo public keys and root certificate, which the DCSA demo envelopes (the seeds)
/// verify with, so the fuzzer starts from inputs that pass the signature checks.
const KEYS: [&[u8]; 4] = [
    include_bytes!(
        "../../testdata/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk"
    ),
    include_bytes!(
        "../../testdata/dcsa/pint-demo/keys-public/ed25519-eblplatform.example.com.public.jwk"
    ),
    include_bytes!("../../testdata/dcsa/pint-demo/keys-public/rsa-carrier.example.com.public.jwk"),
    include_bytes!(
        "../../testdata/dcsa/pint-demo/keys-public/rsa-eblplatform.example.com.public.jwk"
    ),
];
const ROOT: &[u8] = include_bytes!("../../testdata/dcsa/pint-demo/certs/root-ca.crt");

/// 2026-07-01T00:00:00Z, when the pint-demo certificates are valid, in ms since the epoch.
const AT_MS: i64 = 1_782_864_000_000;

/// Paths the OpenAttestation bill-of-lading seeds hold, for `ebl_oa_obfuscate`.
const OBFUSCATE_PATHS: [&str; 2] = ["blNumber", "shipper"];

/// Runs `data` through the C API: `ebl_verify` on a context trusting the pint-demo keys (as
/// receiving platform `EBL2`), every read-only accessor of the report and
/// `ebl_report_to_json`; `ebl_trust_store_add_bytes` and `ebl_trust_store_to_json`;
/// `ebl_oa_obfuscate` and `ebl_oa_data` on its output; then every free. Returns normally for
/// any input; panics when the C API breaks its contract (see the module documentation).
pub fn c_api(data: &[u8]) {
    let context = new_context();
    let mut report: *mut ebl_report = ptr::null_mut();
    let result = ebl_verify(context, data.as_ptr(), data.len(), &raw mut report);
    ebl_verify_context_free(context);
    refuse_panic(result, "ebl_verify");
    if result == ebl_result::Ok {
        assert!(!report.is_null(), "ebl_verify succeeded without a report");
        read_report(report);
    } else {
        assert!(report.is_null(), "ebl_verify failed but wrote a report");
    }
    ebl_report_free(report);
    trust_store(data);
    obfuscate(data);
}

/// A context as a C caller configures one; every call must succeed on the fixed inputs.
fn new_context() -> *mut ebl_verify_context {
    let mut context: *mut ebl_verify_context = ptr::null_mut();
    check(
        ebl_verify_context_new(AT_MS, &raw mut context),
        "context_new",
    );
    for key in KEYS {
        check(
            ebl_verify_context_add_keys(context, key.as_ptr(), key.len()),
            "context_add_keys",
        );
    }
    check(
        ebl_verify_context_add_anchors(context, ROOT.as_ptr(), ROOT.len()),
        "context_add_anchors",
    );
    let platform = b"EBL2";
    check(
        ebl_verify_context_set_receiving_platform(context, platform.as_ptr(), platform.len()),
        "context_set_receiving_platform",
    );
    context
}

/// Every read-only accessor of a live report, each of which must succeed.
fn read_report(report: *const ebl_report) {
    let mut text = ebl_str::empty();
    let mut other = ebl_str::empty();
    check(ebl_report_kind(report, &raw mut text), "report_kind");
    view(text, "kind");
    let mut valid = false;
    check(
        ebl_report_is_valid(report, &raw mut valid),
        "report_is_valid",
    );
    check(
        ebl_report_format(report, &raw mut text, &raw mut other),
        "report_format",
    );
    view(text, "format");
    view(other, "format description");
    check(
        ebl_report_response_code(report, &raw mut text, &raw mut other),
        "report_response_code",
    );
    view(text, "response code");
    view(other, "response code description");
    check(ebl_report_verdict(report, &raw mut text), "report_verdict");
    view(text, "verdict");
    check(
        ebl_report_document_reference(report, &raw mut text),
        "report_document_reference",
    );
    view(text, "document reference");
    check(
        ebl_report_last_entry_checksum(report, &raw mut text),
        "report_last_entry_checksum",
    );
    view(text, "last entry checksum");
    check(
        ebl_report_signed_response(report, &raw mut text),
        "report_signed_response",
    );
    view(text, "signed response");
    let mut code = 0u32;
    check(
        ebl_report_error(report, &raw mut code, &raw mut text),
        "report_error",
    );
    view(text, "error message");
    let mut count = 0usize;
    check(
        ebl_report_finding_count(report, &raw mut count),
        "report_finding_count",
    );
    let mut finding = empty_finding();
    for index in 0..count {
        check(
            ebl_report_finding(report, index, &raw mut finding),
            "report_finding",
        );
        for (field, name) in [
            (finding.code, "finding code"),
            (finding.severity, "finding severity"),
            (finding.path, "finding path"),
            (finding.message, "finding message"),
            (finding.citation, "finding citation"),
        ] {
            view(field, name);
        }
    }
    assert_eq!(
        ebl_report_finding(report, count, &raw mut finding),
        ebl_result::InvalidArgument,
        "the finding past the count must be refused"
    );
    for pretty in [false, true] {
        let mut json: *mut ebl_bytes = ptr::null_mut();
        check(
            ebl_report_to_json(report, pretty, &raw mut json),
            "report_to_json",
        );
        let value: serde_json::Value = serde_json::from_slice(&bytes(json))
            .unwrap_or_else(|e| panic!("ebl_report_to_json is not JSON: {e}"));
        ebl_bytes_free(json);
        assert_eq!(
            value.get("valid").and_then(serde_json::Value::as_bool),
            Some(valid),
            "the report's JSON disagrees with ebl_report_is_valid"
        );
    }
}

/// The input as a trust file added to a new store, which is then written out.
fn trust_store(data: &[u8]) {
    let mut store: *mut ebl_trust_store = ptr::null_mut();
    check(ebl_trust_store_new(&raw mut store), "trust_store_new");
    let name = b"fuzz-input";
    let result = ebl_trust_store_add_bytes(
        store,
        data.as_ptr(),
        data.len(),
        name.as_ptr(),
        name.len(),
        AT_MS,
    );
    refuse_panic(result, "ebl_trust_store_add_bytes");
    let mut json: *mut ebl_bytes = ptr::null_mut();
    check(
        ebl_trust_store_to_json(store, &raw mut json),
        "trust_store_to_json",
    );
    serde_json::from_slice::<serde_json::Value>(&bytes(json))
        .unwrap_or_else(|e| panic!("ebl_trust_store_to_json is not JSON: {e}"));
    ebl_bytes_free(json);
    ebl_trust_store_free(store);
}

/// The input as an OpenAttestation document to obfuscate; what comes out must read back.
fn obfuscate(data: &[u8]) {
    let paths: Vec<ebl_slice> = OBFUSCATE_PATHS
        .iter()
        .map(|p| ebl_slice {
            data: p.as_ptr(),
            len: p.len(),
        })
        .collect();
    let mut out: *mut ebl_bytes = ptr::null_mut();
    let result = ebl_oa_obfuscate(
        data.as_ptr(),
        data.len(),
        paths.as_ptr(),
        paths.len(),
        &raw mut out,
    );
    refuse_panic(result, "ebl_oa_obfuscate");
    if result != ebl_result::Ok {
        assert!(out.is_null(), "ebl_oa_obfuscate failed but wrote bytes");
        return;
    }
    let obfuscated = bytes(out);
    ebl_bytes_free(out);
    // Obfuscating reads only the hidden fields' salts, so a document whose other values do
    // not unsalt obfuscates but does not read back; the property is "readable stays readable".
    if read_data(data) == ebl_result::Ok {
        check(
            read_data(&obfuscated),
            "oa_data of an obfuscated readable document",
        );
    }
}

/// `ebl_oa_data` on `document`, freeing what it returns.
fn read_data(document: &[u8]) -> ebl_result {
    let mut read: *mut ebl_bytes = ptr::null_mut();
    let result = ebl_oa_data(document.as_ptr(), document.len(), &raw mut read);
    refuse_panic(result, "ebl_oa_data");
    ebl_bytes_free(read);
    result
}

/// A call on fixed, valid arguments (or on a live handle) must succeed.
fn check(result: ebl_result, call: &str) {
    assert_eq!(result, ebl_result::Ok, "ebl_{call} failed");
}

/// Any answer but a caught panic is acceptable for hostile input.
fn refuse_panic(result: ebl_result, call: &str) {
    assert_ne!(
        result,
        ebl_result::PanicCaught,
        "{call} panicked inside the core"
    );
}

/// Reads a view the way a C caller would, and requires UTF-8 as the header promises.
fn view(text: ebl_str, what: &str) {
    assert!(!text.data.is_null(), "the {what} view is NULL");
    // SAFETY: the C API promises a view's `data` points to `len` readable bytes for as long as
    // the report it came from lives; every caller reads it before freeing that report.
    let bytes = unsafe { std::slice::from_raw_parts(text.data.cast::<u8>(), text.len) };
    assert!(
        std::str::from_utf8(bytes).is_ok(),
        "the {what} view is not UTF-8"
    );
}

/// Copies out the bytes of a live `ebl_bytes` through its two accessors.
fn bytes(handle: *const ebl_bytes) -> Vec<u8> {
    let (data, len) = (ebl_bytes_data(handle), ebl_bytes_len(handle));
    assert!(!data.is_null(), "ebl_bytes_data of live bytes is NULL");
    // SAFETY: `handle` is a live `ebl_bytes` (not yet freed); the C API promises its data
    // points to `len` readable bytes until `ebl_bytes_free`, which comes after this copy.
    unsafe { std::slice::from_raw_parts(data, len) }.to_vec()
}

fn empty_finding() -> ebl_finding {
    ebl_finding {
        code: ebl_str::empty(),
        severity: ebl_str::empty(),
        path: ebl_str::empty(),
        message: ebl_str::empty(),
        citation: ebl_str::empty(),
        entry: -1,
    }
}
