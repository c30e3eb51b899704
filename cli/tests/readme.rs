//! The shell commands of README.md's "The command line", "TradeTrust documents" and
//! "Recognition" sections, run in order as a user pasting them would, so that a renamed flag
//! or a moved file breaks a test rather than a reader's first try. A command may be valid, invalid, not recognised or
//! indeterminate (exits 0, 1, 3) — the README says which — but never unusable (exit 2, a usage
//! error or a missing file) and never a crash.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

const SECTIONS: [&str; 3] = [
    "## The command line",
    "## TradeTrust documents",
    "## Recognition",
];

/// The commands of the `sh` blocks in `section`, continuation lines joined, comments and
/// `cargo` lines (installation) left out.
fn commands(readme: &str, section: &str) -> Vec<String> {
    let start = readme.find(section).expect("section");
    let body = &readme[start + section.len()..];
    let body = body.find("\n## ").map_or(body, |end| &body[..end]);
    let mut commands = Vec::new();
    let mut in_block = false;
    let mut pending = String::new();
    for line in body.lines() {
        if line.starts_with("```") {
            in_block = line == "```sh";
            continue;
        }
        if !in_block {
            continue;
        }
        let code = line.split(" #").next().unwrap_or("").trim_end();
        if code.trim_start().starts_with('#') || code.trim().is_empty() {
            continue;
        }
        pending.push_str(code.trim_end_matches('\\').trim_start());
        if code.ends_with('\\') {
            pending.push(' ');
        } else {
            if !pending.starts_with("cargo ") {
                commands.push(std::mem::take(&mut pending));
            }
            pending.clear();
        }
    }
    commands
}

/// A scratch checkout: `cli` and `testdata` linked from this one, nothing beside it.
fn scratch(root: &Path) -> PathBuf {
    let base = std::env::temp_dir().join(format!("ebl-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let main = base.join("main");
    std::fs::create_dir_all(&main).expect("scratch dir");
    for name in ["cli", "testdata"] {
        std::os::unix::fs::symlink(root.join(name), main.join(name)).expect("link");
    }
    main
}

#[test]
fn the_readme_commands_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_ebl"))
        .parent()
        .expect("bin dir");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let dir = scratch(&root);
    let mut ran = 0;
    for section in SECTIONS {
        let commands = commands(&readme, section);
        assert!(!commands.is_empty(), "no commands in {section}");
        for command in commands {
            assert!(command.starts_with("ebl "), "{command}");
            let output = Command::new("bash")
                .args(["-c", &command])
                .current_dir(&dir)
                .env("PATH", &path)
                .output()
                .expect("bash");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                matches!(output.status.code(), Some(0 | 1 | 3)) && !stderr.contains("panicked"),
                "{section}: `{command}` exited {:?}: {stderr}",
                output.status.code()
            );
            ran += 1;
        }
    }
    assert!(ran >= 20, "only {ran} commands found");
    let _ = std::fs::remove_dir_all(dir.parent().expect("base"));
}

/// The `python` block of "Using it from Python", run from the repository root as written.
/// The interpreter is `$EBL_PYTHON` (required to succeed: `scripts/test-python` sets it after
/// `pip install ./python`), else the project virtualenv's when it has `ebl` installed; with
/// neither there is no Python package to run it against, and the test says so.
#[test]
fn the_readme_python_example_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let section = "## Using it from Python";
    let body = &readme[readme.find(section).expect("Python section") + section.len()..];
    let start = body.find("```python\n").expect("a python block") + "```python\n".len();
    let code = &body[start..start + body[start..].find("```").expect("block end")];
    assert!(code.lines().count() >= 8, "{code}");
    let python = match std::env::var_os("EBL_PYTHON") {
        Some(python) => PathBuf::from(python),
        None => {
            let venv = root.join(".venv/bin/python");
            let has_ebl = Command::new(&venv)
                .args(["-c", "import ebl"])
                .output()
                .is_ok_and(|o| o.status.success());
            if !has_ebl {
                eprintln!("no Python with ebl installed: scripts/test-python runs this example");
                return;
            }
            venv
        }
    };
    let output = Command::new(&python)
        .args(["-W", "error", "-c", code])
        .current_dir(&root)
        .output()
        .expect("python");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("\"responseCode\": \"RECE\""), "{stdout}");
    assert!(stdout.contains("101 JsonDuplicateKey"), "{stdout}");
}
