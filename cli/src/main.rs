//! The `ebl` command-line tool.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Verify, transfer and recognise electronic bills of lading.
#[derive(Parser)]
#[command(name = "ebl", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the RFC 8785 canonical form of a JSON file (strictly parsed).
    Canonicalize {
        /// The JSON file to read.
        file: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Canonicalize { file } => {
            let bytes = match std::fs::read(&file) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("ebl: {}: {e}", file.display());
                    return ExitCode::from(2);
                }
            };
            match ebl::json::canonicalize_bytes(&bytes) {
                Ok(canonical) => {
                    println!("{}", String::from_utf8_lossy(&canonical));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("ebl: {}: {e}", file.display());
                    ExitCode::from(2)
                }
            }
        }
    }
}
