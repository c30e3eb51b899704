//! `ebl verify` and `ebl oa …` on OpenAttestation v2 (TradeTrust) documents, as a real process.

use std::process::{Command, Output};

fn ebl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ebl"))
        .args(args)
        .output()
        .expect("run ebl")
}

fn vector(name: &str) -> String {
    format!(
        "{}/../../shared/vectors/openattestation/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn testdata(name: &str) -> String {
    format!(
        "{}/../testdata/openattestation/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ebl-oa-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn verify_gives_the_javascript_library_verdict_on_every_vector() {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(vector("manifest.json")).expect("manifest"))
            .expect("json");
    let mut checked = 0;
    for entry in manifest["vectors"].as_array().expect("vectors") {
        let Some(expected) = entry["expect_verifySignature"].as_bool() else {
            continue;
        };
        let file = entry["file"].as_str().expect("file");
        let output = ebl(&["verify", "--json", &vector(file)]);
        let json: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("a JSON object");
        assert_eq!(json["valid"], expected, "{file}: {json}");
        assert_eq!(json["format"], "openattestation-v2");
        assert_eq!(
            output.status.code(),
            Some(if expected { 0 } else { 1 }),
            "{file}"
        );
        checked += 1;
    }
    assert!(checked >= 20, "{checked}");
}

#[test]
fn a_did_signed_document_needs_its_signer_trusted() {
    let signed = testdata("did-signed-by-oa.json");
    let signer = "0xc5997926Eb7d94Da226cFf7aeAA5eA0bC5D8814A";
    assert_eq!(
        ebl(&["verify", "--ethereum-address", signer, &signed])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(ebl(&["verify", &signed]).status.code(), Some(1));
    let other = "0x00000000000000000000000000000000000000a1";
    assert_eq!(
        ebl(&["verify", "--ethereum-address", other, &signed])
            .status
            .code(),
        Some(1)
    );
    let corrupted = testdata("did-signed-by-oa.corrupted-signature.json");
    assert_eq!(
        ebl(&["verify", "--ethereum-address", signer, &corrupted])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        ebl(&["verify", "--ethereum-address", "not-an-address", &signed])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn dns_txt_answers_bind_the_issuer() {
    let dir = temp_dir("dns");
    let document = vector("bill-of-lading-generic-templates.wrapped.json");
    let good = dir.join("good.json");
    std::fs::write(&good, r#"{"example.tradetrust.io": ["openatts net=ethereum netId=11155111 addr=0x142ca30e3b78a840a82192529ca047ed759a6f7e"]}"#).expect("write");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"example.tradetrust.io": ["openatts net=ethereum netId=11155111 addr=0x0000000000000000000000000000000000000001"]}"#).expect("write");
    let output = ebl(&[
        "verify",
        "--dns-txt",
        good.to_str().expect("path"),
        &document,
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&output.stdout).contains("oa-identity-not-checked"));
    assert_eq!(
        ebl(&[
            "verify",
            "--dns-txt",
            bad.to_str().expect("path"),
            &document
        ])
        .status
        .code(),
        Some(1)
    );
}

#[test]
fn wrap_obfuscate_and_data_round_trip() {
    let dir = temp_dir("wrap");
    let input = vector("bill-of-lading-sg-shenzhen-5kb.input.json");
    let wrapped = dir.join("wrapped.json");
    let obfuscated = dir.join("obfuscated.json");
    let path = |p: &std::path::Path| p.to_str().expect("utf-8").to_owned();
    assert_eq!(
        ebl(&["oa", "wrap", &input, "-o", &path(&wrapped)])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(ebl(&["verify", &path(&wrapped)]).status.code(), Some(0));
    let output = ebl(&[
        "oa",
        "obfuscate",
        &path(&wrapped),
        "--path",
        "charges",
        "--path",
        "shipper.contact",
        "-o",
        &path(&obfuscated),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(ebl(&["verify", &path(&obfuscated)]).status.code(), Some(0));
    let data: serde_json::Value =
        serde_json::from_slice(&ebl(&["oa", "data", &path(&obfuscated)]).stdout).expect("data");
    assert!(data.get("charges").is_none());
    assert!(data["shipper"].get("contact").is_none());
    assert_eq!(data["blNumber"], "LCOL-SIN-SZX-25-000123");
    // A path that names nothing is refused rather than silently ignored.
    assert_eq!(
        ebl(&[
            "oa",
            "obfuscate",
            &path(&wrapped),
            "--path",
            "no.such.field"
        ])
        .status
        .code(),
        Some(2)
    );
    // A batch: one merkle root, every member verifies.
    let batch = dir.join("batch");
    let inputs = [
        vector("bill-of-lading-generic-templates.input.json"),
        vector("certificate-of-origin-document-store.input.json"),
    ];
    assert_eq!(
        ebl(&[
            "oa",
            "wrap",
            &inputs[0],
            &inputs[1],
            "--out-dir",
            &path(&batch)
        ])
        .status
        .code(),
        Some(0)
    );
    let members: Vec<String> = [
        "bill-of-lading-generic-templates.input.json",
        "certificate-of-origin-document-store.input.json",
    ]
    .iter()
    .map(|n| path(&batch.join(n)))
    .collect();
    assert_eq!(
        ebl(&["verify", &members[0], &members[1]]).status.code(),
        Some(0)
    );
}
