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
