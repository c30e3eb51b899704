//! Builds an envelope of N entries (default 10) and verifies it repeatedly, for profilers such
//! as callgrind or perf: `pint_profile [ROUNDS] [ENTRIES]`.

use ebl::crypto::{KeyType, PrivateKey};
use ebl::pint::{
    ActionCode, EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust, Signer, Transaction,
    TransactionParty, verify_envelope,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let entries: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let rng = ring::rand::SystemRandom::new();
    let signer = Signer::new(PrivateKey::generate(KeyType::Ed25519, &rng)?);
    let party =
        |i: usize| TransactionParty::new("SGP1", format!("Holder {i}"), "SGP1", format!("h{i}"));
    let at: chrono::DateTime<chrono::Utc> = "2026-06-01T00:00:00Z".parse()?;
    let document = serde_json::json!({"transportDocumentReference": "PROFILE", "isToOrder": true});
    let issuance = Issuance {
        platform: "SGP1".into(),
        carrier: party(0),
        issue_to: party(1),
        at,
        visualisation: None,
    };
    let mut builder = EnvelopeBuilder::issue(document, issuance, &signer, &signer, &rng)?;
    for i in 1..entries {
        builder.record(
            "SGP1",
            vec![Transaction::new(
                ActionCode::Transfer,
                party(i),
                Some(party(i + 1)),
                at,
            )],
            &signer,
            &rng,
        )?;
    }
    let bytes = builder
        .seal(&signer, Vec::new(), &rng)?
        .to_json_pretty()
        .into_bytes();
    let mut trust = PintTrust::default();
    trust.trust_platform_key("SGP1", signer.key.public_key().clone())?;
    let mut options = EnvelopeVerifyOptions::at(at);
    options.validate_document = false;
    for _ in 0..rounds {
        assert!(verify_envelope(&bytes, &trust, &options)?.is_accepted());
    }
    Ok(())
}
