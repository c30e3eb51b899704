//! `ebl receive` as a real process: a carrier issues a bill with its rendering, it is sent to a
//! Shenzhen platform, which receives it (MDOC until it holds the rendering, then RECE) and
//! signs its answer; the sender checks that answer with `ebl verify`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use support::{ebl_in, ok, stdout_json, temp_dir};

use std::path::PathBuf;

/// Keys for the carrier and both platforms, and a to-order bill with the carrier's rendering,
/// issued on SGP1 and sent to a buyer on SZP1.
fn journey(name: &str) -> PathBuf {
    let dir = temp_dir(&format!("receive-{name}"));
    for key in ["carrier", "sgp1", "szp1"] {
        ok(&ebl_in(&dir, &["keygen", "--out", "keys", key]));
    }
    std::fs::write(dir.join("bl.pdf"), b"%PDF-1.7 the carrier's rendering").expect("write");
    let document = format!(
        "{}/src/demo/bill-of-lading.json",
        env!("CARGO_MANIFEST_DIR")
    );
    ok(&ebl_in(
        &dir,
        &[
            "issue",
            "--document",
            &document,
            "--key",
            "keys/carrier.key.pem",
            "--carrier",
            "SGP1:SMDG:LCOL:Lion City Ocean Lines",
            "--to",
            "SGP1:SGP1:straits:Straits Precision",
            "--visualisation",
            "bl.pdf",
            "--at",
            "2026-06-01T08:00:00Z",
            "-o",
            "issued.json",
        ],
    ));
    ok(&ebl_in(
        &dir,
        &[
            "endorse",
            "issued.json",
            "--key",
            "keys/carrier.key.pem",
            "--from",
            "SGP1:SGP1:straits",
            "--to",
            "SZP1:SZP1:qianhai:Qianhai Electronics",
            "--at",
            "2026-06-02T08:00:00Z",
            "-o",
            "to-shenzhen.json",
        ],
    ));
    dir
}

const RECEIVE: [&str; 8] = [
    "receive",
    "--key",
    "keys/carrier.jwk",
    "--platform",
    "SZP1",
    "--response-key",
    "keys/szp1.key.pem",
    "--at=2026-06-03T00:00:00Z",
];

#[test]
fn a_receiver_answers_mdoc_until_it_holds_the_rendering_then_rece() {
    let dir = journey("documents");
    let mut args = RECEIVE.to_vec();
    args.extend(["--json", "to-shenzhen.json"]);
    let missing = ebl_in(&dir, &args);
    assert_eq!(missing.status.code(), Some(1));
    let report = stdout_json(&missing);
    assert_eq!(report["responseCode"], "MDOC");
    let checksum = ebl::checksum::sha256_hex(b"%PDF-1.7 the carrier's rendering");
    assert_eq!(
        report["missingAdditionalDocumentChecksums"],
        serde_json::json!([checksum])
    );

    let mut args = RECEIVE.to_vec();
    args.extend([
        "--document",
        "bl.pdf",
        "-o",
        "response.jws",
        "to-shenzhen.json",
    ]);
    let out = ok(&ebl_in(&dir, &args));
    assert!(out.contains("RECE (accepted)"), "{out}");
    assert!(
        out.contains("signed response written to response.jws"),
        "{out}"
    );

    // The sender checks the answer with the receiver's public key...
    let verified = stdout_json(&ebl_in(
        &dir,
        &["verify", "--json", "--key", "keys/szp1.jwk", "response.jws"],
    ));
    assert_eq!(verified["valid"], true);
    assert_eq!(verified["format"], "dcsa-pint-response");
    assert_eq!(verified["responseCode"], "RECE");
    // ...and refuses it under any other key.
    let other = ebl_in(&dir, &["verify", "--key", "keys/sgp1.jwk", "response.jws"]);
    assert_eq!(other.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&other.stdout).contains("response-signature"));
    // `inspect` decodes it without judging it.
    let shown = ok(&ebl_in(&dir, &["inspect", "response.jws"]));
    assert!(shown.contains("\"responseCode\": \"RECE\""), "{shown}");
}

#[test]
fn a_bad_envelope_gets_a_signed_refusal_on_standard_output() {
    let dir = journey("refusal");
    // Someone edits the document after signing.
    let text = std::fs::read_to_string(dir.join("to-shenzhen.json")).expect("read");
    let tampered = text.replacen("Lion City Ocean Lines", "Lion City Ocean Linez", 1);
    assert_ne!(text, tampered);
    std::fs::write(dir.join("tampered.json"), tampered).expect("write");

    let mut args = RECEIVE.to_vec();
    args.extend(["--document", "bl.pdf", "tampered.json"]);
    let refused = ebl_in(&dir, &args);
    assert_eq!(refused.status.code(), Some(1));
    // Standard output is the signed response alone; the verdict went to standard error.
    let jws = String::from_utf8_lossy(&refused.stdout).trim().to_owned();
    assert_eq!(jws.split('.').count(), 3, "{jws}");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("BENV"));
    std::fs::write(dir.join("refusal.jws"), &jws).expect("write");
    let verified = stdout_json(&ebl_in(
        &dir,
        &["verify", "--json", "--key", "keys/szp1.jwk", "refusal.jws"],
    ));
    assert_eq!(verified["responseCode"], "BENV");
}

#[test]
fn receiving_needs_this_platform_and_a_usable_envelope() {
    let dir = journey("unusable");
    let no_platform = ebl_in(
        &dir,
        &[
            "receive",
            "--key",
            "keys/carrier.jwk",
            "--response-key",
            "keys/szp1.key.pem",
            "to-shenzhen.json",
        ],
    );
    assert_eq!(no_platform.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_platform.stderr).contains("--platform"));
    std::fs::write(dir.join("junk.json"), "not json").expect("write");
    let mut args = RECEIVE.to_vec();
    args.push("junk.json");
    assert_eq!(ebl_in(&dir, &args).status.code(), Some(2));
}
