//! The `ebl` command's contract, run as a real process.

mod support;

use support::{ebl, pint_demo, stdout, temp_dir};

use std::path::Path;
use std::process::Output;

const ED25519: [&str; 2] = [
    "HHL71800000-ebl-envelope-ed25519.json",
    "HHL71800000-ebl-envelope-nodocs-ed25519.json",
];

fn key_args() -> Vec<String> {
    ["ed25519-carrier", "ed25519-eblplatform"]
        .iter()
        .flat_map(|k| {
            [
                "--key".to_owned(),
                pint_demo(&format!("keys-public/{k}.example.com.public.jwk")),
            ]
        })
        .collect()
}

#[test]
fn verify_json_over_every_ed25519_envelope_is_valid() {
    for name in ED25519 {
        let mut args: Vec<String> = vec!["verify".into(), "--json".into()];
        args.extend(key_args());
        args.push(pint_demo(name));
        let output = ebl(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stdout(&output));
        let json: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("one JSON object");
        assert_eq!(json["valid"], true);
        assert_eq!(json["format"], "dcsa-pint-envelope");
        assert!(json["findings"].is_array());
    }
}

#[test]
fn several_files_give_json_lines_in_order_and_exit_1_when_one_is_tampered() {
    let dir = temp_dir("tampered");
    let original = std::fs::read_to_string(pint_demo(ED25519[0])).expect("envelope");
    let tampered = original.replacen("\"HHL71800000\"", "\"HHL71800001\"", 1);
    assert_ne!(original, tampered);
    let tampered_path = dir.join("tampered.json");
    std::fs::write(&tampered_path, tampered).expect("write");

    let mut args: Vec<String> = vec!["verify".into(), "--json".into()];
    args.extend(key_args());
    args.push(pint_demo(ED25519[0]));
    args.push(tampered_path.display().to_string());
    let output = ebl(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[1]["file"], tampered_path.display().to_string());
    assert_eq!(lines[1]["responseCode"], "BENV");
}

#[test]
fn a_non_json_file_is_exit_2_with_a_one_line_error() {
    let dir = temp_dir("pdf");
    let pdf = dir.join("bill.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n...").expect("write");
    let output = ebl(&["verify", pdf.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bill.pdf") && stderr.contains("JSON syntax error at byte 0"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_are_exit_2() {
    assert_eq!(ebl(&["verify"]).status.code(), Some(2));
    assert_eq!(
        ebl(&["verify", "--at", "yesterday", "x.json"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn human_output_starts_with_a_verdict_line() {
    let mut args: Vec<String> = vec!["verify".into()];
    args.extend(key_args());
    args.push(pint_demo(ED25519[0]));
    let output = ebl(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let first = stdout(&output)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(first.contains("VALID") && first.contains("RECE"), "{first}");
}

fn run_ok(args: &[&str]) -> Output {
    let output = ebl(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn the_readme_workflow_issues_endorses_transfers_and_verifies() {
    let dir = temp_dir("workflow");
    let d = |name: &str| dir.join(name).display().to_string();
    for name in ["carrier", "sgp1", "szp1"] {
        run_ok(&["keygen", "--out", &d("keys"), name]);
    }
    let document = format!(
        "{}/src/demo/bill-of-lading.json",
        env!("CARGO_MANIFEST_DIR")
    );
    run_ok(&[
        "issue",
        "--document",
        &document,
        "--key",
        &d("keys/carrier.key.pem"),
        "--carrier",
        "SGP1:SMDG:LCOL:Lion City Ocean Lines",
        "--to",
        "SGP1:SGP1:straits:Straits Precision",
        "--at",
        "2026-06-14T09:30:00Z",
        "-o",
        &d("issued.json"),
    ]);
    // The carrier's key also signs for SGP1 here, as a carrier running its own platform would.
    run_ok(&[
        "endorse",
        &d("issued.json"),
        "--key",
        &d("keys/carrier.key.pem"),
        "--from",
        "SGP1:SGP1:straits",
        "--to",
        "SGP1:SGP1:bank:Bank",
        "--to-order",
        "--at",
        "2026-06-15T00:00:00Z",
        "-o",
        &d("endorsed.json"),
    ]);
    run_ok(&[
        "endorse",
        &d("endorsed.json"),
        "--key",
        &d("keys/carrier.key.pem"),
        "--from",
        "SGP1:SGP1:bank",
        "--to",
        "SZP1:SZP1:qianhai:Qianhai",
        "--at",
        "2026-06-16T00:00:00Z",
        "-o",
        &d("to-shenzhen.json"),
    ]);
    let output = run_ok(&[
        "verify",
        "--key",
        &d("keys/carrier.jwk"),
        "--platform",
        "SZP1",
        "--at",
        "2026-06-17T00:00:00Z",
        &d("to-shenzhen.json"),
    ]);
    assert!(stdout(&output).contains("RECE"));
    run_ok(&[
        "surrender",
        &d("to-shenzhen.json"),
        "--key",
        &d("keys/szp1.key.pem"),
        "--from",
        "SZP1:SZP1:qianhai",
        "--carrier",
        "SGP1:SMDG:LCOL",
        "--at",
        "2026-06-19T00:00:00Z",
        "-o",
        &d("surrender.json"),
    ]);
    let output = run_ok(&[
        "verify",
        "--key",
        &d("keys/carrier.jwk"),
        "--key",
        &d("keys/szp1.jwk"),
        "--platform",
        "SGP1",
        "--at",
        "2026-06-20T00:00:00Z",
        &d("surrender.json"),
    ]);
    assert!(stdout(&output).contains("RECE"));
    // Without the Shenzhen platform's key, its entry and manifest are a bad signature.
    let output = ebl(&[
        "verify",
        "--key",
        &d("keys/carrier.jwk"),
        "--at",
        "2026-06-20T00:00:00Z",
        &d("surrender.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("BSIG"));
    // A plain transfer to a party who is not the endorsee cannot be surrendered by that party.
    run_ok(&[
        "transfer",
        &d("endorsed.json"),
        "--key",
        &d("keys/carrier.key.pem"),
        "--from",
        "SGP1:SGP1:bank",
        "--to",
        "SZP1:SZP1:qianhai:Qianhai",
        "--at",
        "2026-06-16T00:00:00Z",
        "-o",
        &d("transferred.json"),
    ]);
    run_ok(&[
        "surrender",
        &d("transferred.json"),
        "--key",
        &d("keys/szp1.key.pem"),
        "--from",
        "SZP1:SZP1:qianhai",
        "--carrier",
        "SGP1:SMDG:LCOL",
        "--at",
        "2026-06-19T00:00:00Z",
        "-o",
        &d("wrong-surrender.json"),
    ]);
    let output = ebl(&[
        "verify",
        "--key",
        &d("keys/carrier.jwk"),
        "--key",
        &d("keys/szp1.jwk"),
        "--at",
        "2026-06-20T00:00:00Z",
        &d("wrong-surrender.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("surrender-not-entitled"),
        "{}",
        stdout(&output)
    );
    let inspect = run_ok(&["inspect", &d("surrender.json")]);
    assert!(stdout(&inspect).contains("SURRENDER_FOR_DELIVERY"));
}

#[test]
fn the_demo_runs_end_to_end_and_its_artefacts_verify() {
    let dir = temp_dir("demo");
    let output = run_ok(&["demo", "--out", dir.to_str().expect("utf-8")]);
    let text = stdout(&output);
    assert!(text.contains("Verification report"), "{text}");
    assert!(text.contains("verdict: RECE"));
    assert!(
        text.contains("verdict: BENV"),
        "the tampered copy must be rejected"
    );
    let key = |name: &str| dir.join(format!("keys/{name}.jwk")).display().to_string();
    let file = |name: &str| dir.join(name).display().to_string();
    let verify = ebl(&[
        "verify",
        "--json",
        "--key",
        &key("carrier"),
        "--key",
        &key("sgtt"),
        "--key",
        &key("szeb"),
        "--at",
        "2026-06-20T00:00:00Z",
        &file("1-sgtt-to-szeb.envelope.json"),
        &file("3-szeb-to-sgtt.envelope.json"),
        &file("4-tampered.envelope.json"),
    ]);
    assert_eq!(verify.status.code(), Some(1));
    let valid: Vec<bool> = stdout(&verify)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["valid"]
                .as_bool()
                .unwrap_or(true)
        })
        .collect();
    assert_eq!(valid, [true, true, false]);
    assert!(Path::new(&file("report.json")).exists());

    // The recognition step: CN and the SG–CN arrangement recognise the June bill (subject to
    // reliability); the same journey in March 2026 is indeterminate, before the regime.
    assert!(text.contains("8. Recognition in Shenzhen"), "{text}");
    assert!(
        text.contains("CN: recognised, subject to reliability"),
        "{text}"
    );
    // Wherever the SG–CN arrangement is named, the one-line verdict says it is a model.
    assert!(text.contains(
        "sg-cn-shenzhen/CN (model arrangement: no binding instrument exists): recognised, subject to reliability"
    ));
    assert!(
        text.contains("SG–CN model arrangement recognise the bill?"),
        "{text}"
    );
    assert!(text.contains("March copy: indeterminate"), "{text}");
    assert!(text.contains("why: [CN] regime"), "{text}");
    assert!(!text.to_lowercase().contains("legally valid"));
    let report = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(file(name)).expect(name)).expect("JSON report")
    };
    assert_eq!(
        report("recognition-cn.json")["verdict"],
        "recognised-subject-to-reliability"
    );
    assert_eq!(
        report("recognition-sg-cn-agreement.json")["target"],
        "sg-cn-shenzhen/CN"
    );
    let march = report("recognition-cn-march.json");
    assert_eq!(march["verdict"], "indeterminate");
    assert_eq!(march["decisive"][0]["criterion"], "regime");
    // The artefacts replay through the CLI: the command the demo prints exits 0.
    let recognised = ebl(&[
        "recognize",
        "--agreement",
        "sg-cn-shenzhen",
        "--side",
        "CN",
        "--trust",
        &file("trust/szeb-store.json"),
        "--trust",
        &file("trust/sg-etr-platforms.jws"),
        "--evidence",
        &file("trust/szeb-evidence.json"),
        "--at",
        "2026-06-16T07:00:00Z",
        &file("1-sgtt-to-szeb.envelope.json"),
    ]);
    assert_eq!(recognised.status.code(), Some(0), "{}", stdout(&recognised));
    let verified = ebl(&[
        "trust",
        "verify",
        "--key",
        &key("sg-authority"),
        "--issuer",
        "SG-ETR-PLATFORMS",
        "--at",
        "2026-06-16T07:00:00Z",
        &file("trust/sg-etr-platforms.jws"),
    ]);
    assert_eq!(verified.status.code(), Some(0), "{}", stdout(&verified));
}

/// A reader that goes away (`ebl inspect … | head`) ends the command quietly, with the status a
/// shell gives a command killed by SIGPIPE, instead of a panic message.
#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    // The read end is closed before the first write: the write fails with EPIPE.
    let output = support::ebl_with_stdout_closed(&["inspect", &pint_demo(ED25519[0])]);
    assert_eq!(output.status.code(), Some(141));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Many files are verified a batch at a time on every core, and still reported one line per
/// file in the order given, each with its verdict; a missing file is reported in its place.
#[test]
fn many_files_are_reported_in_the_order_given() {
    let dir = temp_dir("many");
    let good = std::fs::read(pint_demo(ED25519[0])).expect("envelope");
    let bad =
        String::from_utf8(good.clone())
            .expect("utf-8")
            .replacen("HHL71800000", "HHL71800001", 1);
    let mut files = Vec::new();
    let mut expected = Vec::new();
    for i in 0..150 {
        let path = dir.join(format!("{i:03}.json"));
        match i % 3 {
            0 => std::fs::write(&path, &good).expect("write"),
            1 => std::fs::write(&path, &bad).expect("write"),
            _ => {} // never written: unusable
        }
        expected.push(match i % 3 {
            0 => Some(true),
            1 => Some(false),
            _ => None,
        });
        files.push(path.display().to_string());
    }
    let mut args: Vec<String> = vec!["verify".into(), "--json".into()];
    args.extend(key_args());
    args.extend(files.iter().cloned());
    let output = ebl(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(
        output.status.code(),
        Some(2),
        "a missing file makes the run unusable"
    );
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON Lines"))
        .collect();
    assert_eq!(lines.len(), files.len());
    for ((line, file), valid) in lines.iter().zip(&files).zip(&expected) {
        assert_eq!(line["file"], file.as_str());
        assert_eq!(line["valid"], valid.unwrap_or(false), "{file}");
        assert_eq!(line.get("error").is_some(), valid.is_none(), "{file}");
    }
}
