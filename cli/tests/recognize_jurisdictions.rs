//! `ebl recognize --jurisdiction HK|BH|ADGM|DE|US` on the demo's envelope, as a user runs it
//! after `ebl demo`: every report answers, is honest about the confidence of its rules (no
//! "not recognised" on a valid bill, Hong Kong indeterminate for want of a statute), names its
//! rule data with version, digest and research date, and says what it could not verify.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use serde_json::Value;
use support::{code, ebl, stdout, temp_dir};

#[test]
fn the_new_jurisdictions_judge_the_demo_envelope() {
    let dir = temp_dir("jurisdictions");
    let out = dir.to_str().expect("utf-8").to_owned();
    assert_eq!(code(&ebl(&["demo", "--out", &out])), Some(0));
    let file = |name: &str| dir.join(name).display().to_string();
    let run = |jurisdiction: &str, json: bool| {
        let (store, list, evidence, envelope) = (
            file("trust/szeb-store.json"),
            file("trust/sg-etr-platforms.jws"),
            file("trust/szeb-evidence.json"),
            file("1-sgtt-to-szeb.envelope.json"),
        );
        let mut args = vec![
            "recognize",
            "--jurisdiction",
            jurisdiction,
            "--trust",
            &store,
            "--trust",
            &list,
            "--evidence",
            &evidence,
            "--at",
            "2026-06-16T07:00:00Z",
        ];
        if json {
            args.push("--json");
        }
        args.push(&envelope);
        ebl(&args)
    };
    for j in ["HK", "BH", "ADGM", "DE", "US"] {
        let text_out = run(j, false);
        let text = stdout(&text_out);
        // A valid bill: nothing verified fails, and what is unknown leaves the answer open.
        assert_eq!(code(&text_out), Some(3), "{j}: {text}");
        assert!(
            text.contains(&format!("\n{j}: indeterminate")),
            "{j}: {text}"
        );
        assert!(
            text.contains(&format!(
                "rule data: jurisdiction {j} version 2026-06.2 (sha256:"
            )) && text.contains("legal research of 2026-06"),
            "{j}: {text}"
        );
        let json_out = run(j, true);
        let report: Value = serde_json::from_slice(&json_out.stdout).expect("JSON report");
        assert_eq!(report["target"], j);
        let criteria = report["criteria"].as_array().expect("criteria");
        assert_eq!(
            criteria.len(),
            23,
            "{j}: every evaluated criterion is reported"
        );
        for c in criteria {
            for cell in c["cells"].as_array().expect("cells") {
                assert!(cell["confidence"].is_string(), "{j}: {cell}");
                assert!(!cell["citation"].as_str().unwrap_or_default().is_empty());
            }
            // Whatever is short of satisfied says why the law leaves it open.
            if c["status"] == "indeterminate" && c["effect"] == "undetermined" {
                let reason = c["reason"].as_str().unwrap_or_default();
                assert!(!reason.is_empty(), "{j}: {c}");
            }
        }
        let rules = report["rules"].as_array().expect("rules");
        assert!(rules.iter().any(|r| r["kind"] == "recognising-laws"));
        assert!(rules.iter().all(|r| r["researched"] == "2026-06"), "{j}");
    }
    let hk = stdout(&run("HK", false));
    assert!(
        hk.contains("decisive: regime [HK] indeterminate — no statute of HK recognises"),
        "{hk}"
    );
    assert!(hk.contains("Cap. 553"), "{hk}");
    let de: Value = serde_json::from_slice(&run("DE", true).stdout).expect("JSON");
    let integrity = de["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .find(|c| c["id"] == "integrity")
        .expect("integrity");
    assert_eq!(integrity["status"], "satisfied");
    assert!(
        integrity["citation"]
            .as_str()
            .unwrap_or_default()
            .contains("§ 516(2)")
    );
    let _ = std::fs::remove_dir_all(dir);
}
