//! Additional documents uploaded after an envelope (`reference/dcsa.md` §2.8): each way an
//! upload can be wrong gets its own finding and `INCD` (or `BENV` for a body that is not a
//! JSON string of base64), and an accepted upload moves the transfer from `MDOC` to `RECE`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use ebl::crypto::b64::encode_standard;
use ebl::pint::{DocumentMetadata, ResponseCode, check_document_upload};

const PDF: &[u8] = b"%PDF-1.7 the carrier's rendering of LCOL123";

fn declared() -> Vec<DocumentMetadata> {
    vec![
        DocumentMetadata::for_bytes("bl.pdf", "application/pdf", PDF),
        DocumentMetadata::for_bytes("invoice.txt", "text/plain", b"invoice"),
    ]
}

fn body(bytes: &[u8]) -> Vec<u8> {
    format!("\"{}\"", encode_standard(bytes)).into_bytes()
}

fn refusal(path_checksum: &str, body: &[u8]) -> (Option<ResponseCode>, String) {
    let report = check_document_upload(&declared(), path_checksum, body);
    assert_eq!(report.is_accepted(), report.findings.is_empty());
    (
        report.response_code,
        report
            .findings
            .first()
            .map(|f| f.code.clone())
            .unwrap_or_default(),
    )
}

#[test]
fn the_declared_bytes_are_accepted_every_time() {
    let checksum = ebl::checksum::sha256_hex(PDF);
    for _ in 0..2 {
        assert_eq!(refusal(&checksum, &body(PDF)), (None, String::new()));
    }
}

#[test]
fn each_wrong_upload_is_inconclusive_with_its_reason() {
    let pdf = ebl::checksum::sha256_hex(PDF);
    let incd = Some(ResponseCode::InconclusiveDocument);
    // Other bytes sent to the PDF's checksum.
    assert_eq!(
        refusal(&pdf, &body(b"another file")),
        (incd, "document-checksum-mismatch".into())
    );
    // The invoice's bytes sent to the PDF's checksum.
    assert_eq!(
        refusal(&pdf, &body(b"invoice")),
        (incd, "document-checksum-mismatch".into())
    );
    // A document the manifest never declared, correctly addressed.
    let stray = ebl::checksum::sha256_hex(b"stray");
    assert_eq!(
        refusal(&stray, &body(b"stray")),
        (incd, "document-not-declared".into())
    );
    // The right bytes, but the manifest declared another size.
    let mut wrong_size = declared();
    wrong_size[0].size += 1;
    let report = check_document_upload(&wrong_size, &pdf, &body(PDF));
    assert_eq!(report.response_code, incd);
    assert_eq!(report.findings[0].code, "document-size-mismatch");
}

#[test]
fn a_body_that_is_not_a_json_string_of_base64_is_a_bad_envelope() {
    let pdf = ebl::checksum::sha256_hex(PDF);
    let benv = Some(ResponseCode::BadEnvelope);
    for bad in [
        &b"not json"[..],
        b"42",
        b"{\"document\": \"JVBE\"}",
        b"\"not base64!\"",
        b"\"JVBERi0xLjc=\" trailing",
        // URL-safe alphabet where `format: byte` means standard base64.
        format!("\"{}\"", ebl::crypto::b64::encode_url(&[0xfb, 0xff])).as_bytes(),
    ] {
        let (code, finding) = refusal(&pdf, bad);
        assert_eq!(
            (code, finding.as_str()),
            (benv, "document-body-malformed"),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
}
