//! `ebl verify` and `ebl oa …` on OpenAttestation v2 (TradeTrust) documents, as a real process.

mod support;

use support::{ebl, oa_vector, temp_dir, testdata};

#[test]
fn verify_gives_the_javascript_library_verdict_on_every_vector() {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(oa_vector("manifest.json")).expect("manifest"))
            .expect("json");
    let mut checked = 0;
    for entry in manifest["vectors"].as_array().expect("vectors") {
        let Some(expected) = entry["expect_verifySignature"].as_bool() else {
            continue;
        };
        let file = entry["file"].as_str().expect("file");
        let output = ebl(&["verify", "--json", &oa_vector(file)]);
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
    let signed = testdata("openattestation/did-signed-by-oa.json");
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
    let corrupted = testdata("openattestation/did-signed-by-oa.corrupted-signature.json");
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
    let document = oa_vector("bill-of-lading-generic-templates.wrapped.json");
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
    let input = oa_vector("bill-of-lading-sg-shenzhen-5kb.input.json");
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
        oa_vector("bill-of-lading-generic-templates.input.json"),
        oa_vector("certificate-of-origin-document-store.input.json"),
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

/// `ebl recognize` on the 5 KB Singapore → Shenzhen bill, with its title-escrow log (minted to
/// the shipper, endorsed to the bank; `testdata/openattestation/README.md`) and the receiver's
/// Singapore TradeTrust trust store.
mod recognize {
    use super::support::{ebl, oa_vector, temp_dir, testdata};

    const DOC: &str = "bill-of-lading-sg-shenzhen-5kb.wrapped.json";

    /// DNS answers binding the identity location to `address`, in a new file.
    fn dns_answers(name: &str, address: &str) -> String {
        let dns = temp_dir(name).join("dns.json");
        std::fs::write(
            &dns,
            format!(
                r#"{{"ebl.lioncity-ocean.example": ["openatts net=ethereum netId=11155111 addr={address}"]}}"#
            ),
        )
        .expect("write");
        dns.display().to_string()
    }

    fn recognize(log: &str, dns: &str, target: &[&str]) -> (Option<i32>, serde_json::Value) {
        let store = testdata("recognition/tradetrust-sg.trust-store.json");
        let mut args = vec![
            "recognize",
            "--trust",
            &store,
            "--dns-txt",
            dns,
            "--title-log",
            log,
            "--governing-law",
            "SG",
            "--at",
            "2026-11-01T00:00:00Z",
            "--json",
        ];
        args.extend_from_slice(target);
        let doc = oa_vector(DOC);
        args.push(&doc);
        let output = ebl(&args);
        let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!("{e}: {}", String::from_utf8_lossy(&output.stderr));
        });
        (output.status.code(), report)
    }

    fn status<'a>(report: &'a serde_json::Value, id: &str) -> &'a str {
        report["criteria"]
            .as_array()
            .expect("criteria")
            .iter()
            .find(|c| c["id"] == id)
            .and_then(|c| c["status"].as_str())
            .unwrap_or_else(|| panic!("criterion {id} not reported"))
    }

    #[test]
    fn a_tradetrust_bill_is_judged_from_its_title_log_and_dns_proof() {
        let log = testdata("openattestation/sg-shenzhen-5kb.title-log.json");
        let dns = testdata("openattestation/sg-shenzhen-5kb.dns-txt.json");
        let (code, report) = recognize(&log, &dns, &["--jurisdiction", "SG"]);
        assert_eq!(report["verification"]["format"], "openattestation-v2");
        assert_eq!(report["verification"]["valid"], true);
        assert_eq!(report["events"], 3, "mint, endorse, transfer");
        assert_eq!(status(&report, "issuer-identity"), "satisfied");
        assert_eq!(status(&report, "holder-signed-transfers"), "satisfied");
        assert_eq!(status(&report, "singularity"), "satisfied");
        // The TradeTrust B/L template carries no terms and conditions. The DCSA field list is
        // only a proxy for ETA s.16H(1)(a) (a short-form bill may incorporate its terms by
        // reference), so the verdict is indeterminate, naming the field; nothing else decides.
        assert_eq!(report["verdict"], "indeterminate");
        let decisive = report["decisive"].as_array().expect("decisive");
        assert_eq!(decisive.len(), 1, "{decisive:?}");
        assert_eq!(decisive[0]["criterion"], "required-content");
        let reason = decisive[0]["reason"].as_str().unwrap_or_default();
        assert!(
            reason.starts_with("field(s) missing: termsAndConditions;") && reason.contains("proxy"),
            "{reason}"
        );
        assert_eq!(code, Some(3));
    }

    #[test]
    fn dns_answers_naming_another_address_leave_the_issuer_unproven() {
        let log = testdata("openattestation/sg-shenzhen-5kb.title-log.json");
        let dns = dns_answers("rec-dns", "0x0000000000000000000000000000000000000001");
        let (code, report) = recognize(&log, &dns, &["--jurisdiction", "SG"]);
        assert_eq!(report["verification"]["valid"], false);
        assert_ne!(status(&report, "issuer-identity"), "satisfied");
        assert_eq!(code, Some(1));
    }

    #[test]
    fn a_tradetrust_bill_needs_its_title_log_and_a_log_needs_a_tradetrust_bill() {
        let output = ebl(&["recognize", "--jurisdiction", "SG", &oa_vector(DOC)]);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("give --title-log FILE"),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let log = testdata("openattestation/sg-shenzhen-5kb.title-log.json");
        let envelope = format!(
            "{}/../testdata/pint/valid-to-order-sg-to-shenzhen.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let output = ebl(&[
            "recognize",
            "--jurisdiction",
            "CN",
            "--title-log",
            &log,
            &envelope,
        ]);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&output.stderr)
                .contains("--title-log is the title-escrow log of a TradeTrust document")
        );
    }
}
