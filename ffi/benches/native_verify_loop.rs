//! The Rust side of `scripts/bench-c`: the same loop as `ffi/benches/verify_loop.c`, calling
//! `ebl::verify::verify_bytes` directly, so the ratio of the two is the C call overhead
//! (argument checks, panic boundary, the report handle).
//!
//! `native_verify_loop ITER AT FILE [--key FILE]... [--dns-txt FILE]` prints the mean in ns.

use std::time::Instant;

use ebl_core::verify::{VerifyContext, verify_bytes};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, iterations, at, file, options @ ..] = args.as_slice() else {
        return Err(
            "usage: native_verify_loop ITER AT FILE [--key FILE]... [--dns-txt FILE]".into(),
        );
    };
    let iterations: u32 = iterations.parse()?;
    let mut context = VerifyContext::at(at.parse()?);
    for pair in options.chunks(2) {
        match pair {
            [flag, path] if flag == "--key" => {
                context.add_keys(&std::fs::read(path)?)?;
            }
            [flag, path] if flag == "--dns-txt" => {
                context.add_dns_txt_answers(&std::fs::read(path)?)?;
            }
            other => return Err(format!("unexpected arguments {other:?}").into()),
        }
    }
    let bytes = std::fs::read(file)?;
    let start = Instant::now();
    for _ in 0..iterations {
        let verification = verify_bytes(std::hint::black_box(&bytes), &context)?;
        if !verification.valid {
            return Err(format!("{file} is not valid").into());
        }
    }
    println!(
        "{:.0}",
        start.elapsed().as_nanos() as f64 / f64::from(iterations)
    );
    Ok(())
}
