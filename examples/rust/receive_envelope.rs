//! A receiving platform in Shenzhen takes delivery of an eBL sent over DCSA PINT: it verifies
//! the envelope with the keys it trusts, reads who holds title now, and answers the sender
//! with a signed `EnvelopeTransferFinishedResponse`.
//!
//! ```sh
//! cargo run -p ebl --example receive_envelope [ENVELOPE.json]
//! ```
//!
//! Without an argument it receives `testdata/pint/valid-to-order-sg-to-shenzhen.json`, a
//! golden vector signed by the test keys in `testdata/pint/keys/` (never trust those keys
//! outside tests). Try `testdata/pint/fail-document-changed.json` for a rejection.

use std::path::{Path, PathBuf};

use ebl::crypto::{KeyType, PrivateKey, PublicKey};
use ebl::pint::{EnvelopeVerifyOptions, PintTrust, Signer, sign_response, verify_envelope};
use ring::rand::SystemRandom;

/// This platform's PINT code: the last transaction must be addressed to it.
const THIS_PLATFORM: &str = "SZEB";

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/pint")
        .join(name)
}

fn public_key(name: &str) -> Result<PublicKey, Box<dyn std::error::Error>> {
    Ok(PublicKey::from_jwk_bytes(&std::fs::read(testdata(name))?)?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os().nth(1).map_or_else(
        || testdata("valid-to-order-sg-to-shenzhen.json"),
        PathBuf::from,
    );

    // Who we trust, and for what: each platform's key signs only for that platform, the
    // carrier's key signs issuance manifests.
    let mut trust = PintTrust::default();
    trust.trust_platform_key("SGTT", public_key("keys/sgtt.jwk")?)?;
    trust.trust_platform_key("SZEB", public_key("keys/szeb.jwk")?)?;
    trust.trust_carrier_key(public_key("keys/carrier.jwk")?)?;

    // Time is a parameter: the verdict is the one a receiver would give at that instant.
    let mut options = EnvelopeVerifyOptions::at("2026-07-01T00:00:00Z".parse()?);
    options.receiving_platform = Some(THIS_PLATFORM.to_owned());

    let report = verify_envelope(&std::fs::read(&path)?, &trust, &options)?;
    println!("{}: {}", path.display(), report.response_code);
    if let Some(reference) = &report.transport_document_reference {
        println!("  bill of lading {reference}");
    }
    for finding in &report.findings {
        println!("  {finding}");
    }
    println!("  title history:");
    for step in &report.replay.steps {
        println!(
            "    {} {:<20} holder: {}",
            step.at.format("%Y-%m-%d %H:%M"),
            step.kind.as_str(),
            step.state
                .holder
                .as_ref()
                .map_or_else(|| "—".to_owned(), |h| h.label())
        );
    }

    // The signed answer. A real platform signs with its long-lived key; a fresh one here.
    let rng = SystemRandom::new();
    let our_key = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
    let response = sign_response(&report.finished_response(), &our_key, &rng)?;
    println!(
        "  signed response ({} bytes): {}…",
        response.len(),
        response.get(..48).unwrap_or(&response)
    );
    Ok(())
}
