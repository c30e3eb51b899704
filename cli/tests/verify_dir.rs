//! `ebl verify` over directories (every file under them, sorted) and the JSON it prints per
//! file, which must stay what scripts already read.

mod support;

use support::{ebl, pint_demo, temp_dir};

use std::path::{Path, PathBuf};
use std::process::Output;

use ebl::verify::{VerifyContext, verify_bytes};

const ENVELOPE: &str = "HHL71800000-ebl-envelope-ed25519.json";
const KEYS: [&str; 2] = [
    "keys-public/ed25519-carrier.example.com.public.jwk",
    "keys-public/ed25519-eblplatform.example.com.public.jwk",
];
const AT: &str = "2026-11-26T00:00:00Z";

fn args(json: bool, files: &[&Path]) -> Vec<String> {
    let mut args = vec!["verify".to_owned(), "--at".to_owned(), AT.to_owned()];
    if json {
        args.push("--json".to_owned());
    }
    for key in KEYS {
        args.push("--key".to_owned());
        args.push(pint_demo(key));
    }
    args.extend(files.iter().map(|f| f.display().to_string()));
    args
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON Lines"))
        .collect()
}

#[test]
fn a_directory_is_every_file_under_it_in_sorted_order() {
    let dir = temp_dir("nested");
    let envelope = std::fs::read(pint_demo(ENVELOPE)).expect("envelope");
    let tampered = String::from_utf8(envelope.clone())
        .expect("utf-8")
        .replacen("HHL71800000", "HHL71800001", 1);
    for (name, bytes) in [
        ("b/2.json", envelope.clone()),
        ("a.json", tampered.into_bytes()),
        ("b/c/d/3.json", envelope.clone()),
        ("b/1.json", b"not json".to_vec()),
        ("b/.hidden.json", b"not json".to_vec()),
        (".git/config", b"not json".to_vec()),
    ] {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dirs");
        std::fs::write(path, bytes).expect("write");
    }
    std::fs::create_dir_all(dir.join("empty/deeper")).expect("dirs");
    let explicit = PathBuf::from(pint_demo(ENVELOPE));

    let output = ebl(&args(true, &[&dir, &explicit]));
    assert_eq!(output.status.code(), Some(2), "a non-JSON file is unusable");
    let lines = json_lines(&output);
    let files: Vec<String> = lines
        .iter()
        .map(|l| l["file"].as_str().expect("file").to_owned())
        .collect();
    let under = |name: &str| dir.join(name).display().to_string();
    assert_eq!(
        files,
        [
            under("a.json"),
            under("b/1.json"),
            under("b/2.json"),
            under("b/c/d/3.json"),
            explicit.display().to_string(),
        ]
    );
    let valid: Vec<bool> = lines.iter().map(|l| l["valid"] == true).collect();
    assert_eq!(valid, [false, false, true, true, true]);
    assert_eq!(lines[1]["format"], "unknown");
    assert_eq!(lines[1]["errorCode"], "JsonSyntax");
    assert!(lines[0].get("error").is_none() && lines[1].get("error").is_some());

    // Human output: one verdict line per file, in the same order.
    let output = ebl(&args(false, &[&dir]));
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let verdicts: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(verdicts.len(), 3, "{text}");
    assert!(verdicts[0].starts_with(&format!("{}: INVALID", under("a.json"))));
    assert!(verdicts[2].starts_with(&format!("{}: VALID", under("b/c/d/3.json"))));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&under("b/1.json")), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_directory_without_files_is_unusable() {
    let dir = temp_dir("empty");
    std::fs::create_dir_all(dir.join("sub")).expect("dirs");
    let output = ebl(&args(true, &[&dir]));
    assert_eq!(output.status.code(), Some(2));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["valid"], false);
    assert_eq!(lines[0]["errorCode"], "Io");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_json_of_one_file_is_the_file_then_the_core_verification() {
    let path = PathBuf::from(pint_demo(ENVELOPE));
    let output = ebl(&args(true, &[&path]));
    assert_eq!(output.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");

    let mut context = VerifyContext::at(AT.parse().expect("time"));
    for key in KEYS {
        context
            .add_keys(&std::fs::read(pint_demo(key)).expect("key"))
            .expect("key");
    }
    let verification =
        verify_bytes(&std::fs::read(&path).expect("envelope"), &context).expect("verifies");
    let mut expected = serde_json::Map::new();
    expected.insert("file".into(), path.display().to_string().into());
    let serde_json::Value::Object(members) = serde_json::to_value(&verification).expect("json")
    else {
        panic!("an object")
    };
    expected.extend(members);
    assert_eq!(printed, serde_json::Value::Object(expected));
    let names: Vec<&str> = printed
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        names,
        [
            "file",
            "valid",
            "format",
            "findings",
            "responseCode",
            "documentReference",
            "documentChecksum"
        ]
    );
}

/// The verdicts on a directory are written in blocks by their own thread: a reader that has
/// gone still ends the command quietly, with the status a shell gives a command killed by
/// SIGPIPE, and never a panic.
#[test]
fn a_closed_output_pipe_ends_a_directory_run_quietly() {
    let output =
        support::ebl_with_stdout_closed(&["verify", &support::testdata("openattestation/vectors")]);
    assert_eq!(output.status.code(), Some(141));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
