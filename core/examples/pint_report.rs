//! Prints the verification report of a PINT envelope, trusting the pint-demo keys.
//!
//! Usage: `cargo run -p ebl --example pint_report -- ENVELOPE.json [KEY.jwk ...]`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let envelope = std::fs::read(
        args.next()
            .ok_or("usage: pint_report ENVELOPE [KEY.jwk...]")?,
    )?;
    let mut trust = ebl::pint::PintTrust::default();
    for key in args {
        trust
            .verifier
            .keys
            .extend(ebl::crypto::KeySet::from_jwks_bytes(&std::fs::read(key)?)?)?;
    }
    let at = chrono::Utc::now();
    let report =
        ebl::pint::verify_envelope(&envelope, &trust, &ebl::pint::EnvelopeVerifyOptions::at(at))?;
    println!("{}", report.response_code);
    for finding in &report.findings {
        println!("  {finding}");
    }
    Ok(())
}
