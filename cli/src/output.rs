//! Standard output that survives a closed pipe. `println!` panics when the reader has gone
//! (`ebl inspect big.json | head`); [`outln!`] ends the process quietly instead, with the exit
//! status a shell gives a command killed by SIGPIPE.

/// What a shell reports for a command whose output pipe closed (128 + SIGPIPE).
pub const EXIT_BROKEN_PIPE: i32 = 141;

/// `println!` to standard output; if the write fails (the reader closed the pipe), exit with
/// [`EXIT_BROKEN_PIPE`] rather than panic.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit($crate::output::EXIT_BROKEN_PIPE);
        }
    }};
}

pub(crate) use outln;

/// A core JSON object with the file it is about as its first member (`"file"`), as every
/// `--json` output of the CLI prints it.
pub fn with_file(path: &std::path::Path, value: ebl::json::Value) -> ebl::json::Value {
    use ebl::json::Value;
    let mut object = ebl::json::Map::new();
    object.insert("file".to_owned(), Value::String(path.display().to_string()));
    if let Value::Object(members) = value {
        object.extend(members);
    }
    Value::Object(object)
}

/// Prints a JSON value, indented, on standard output.
pub fn print_pretty_json(value: &ebl::json::Value) {
    outln!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}
