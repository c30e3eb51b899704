//! Envelopes and key files for the registry tests: platform SGP1 (one key for carrier and
//! platform, seed 41) sends bills to platform SZP1 (seed 42), which receives with `ebl receive`.

use std::path::{Path, PathBuf};

use ebl::pint::{
    DocumentMetadata, EblEnvelope, EnvelopeBuilder, Issuance, Signer, Transaction, TransactionParty,
};
use ring::rand::SystemRandom;

use super::ed25519_key;

pub const AT: &str = "--at=2026-06-16T07:00:00Z";

fn party(platform: &str, code: &str) -> TransactionParty {
    TransactionParty::new(platform, code, platform, code)
}

fn time(text: &str) -> chrono::DateTime<chrono::Utc> {
    text.parse().expect("time")
}

/// Writes `keys/sgp1.jwk` (public) and `keys/szp1.key.jwk` (private) into `dir`.
pub fn write_keys(dir: &Path) {
    std::fs::create_dir_all(dir.join("keys")).expect("keys dir");
    let public = ed25519_key(41).public_key().to_jwk();
    std::fs::write(dir.join("keys/sgp1.jwk"), public.to_string()).expect("write");
    let private = ed25519_key(42).to_private_jwk().expect("private JWK");
    std::fs::write(dir.join("keys/szp1.key.jwk"), private.to_string()).expect("write");
}

/// `ebl receive` as SZP1 with the test keys, into `db` (or `--no-db` when `None`).
pub fn receive_args(db: Option<&str>, envelope: &Path) -> Vec<String> {
    let mut args: Vec<String> = [
        "receive",
        "--key",
        "keys/sgp1.jwk",
        "--platform",
        "SZP1",
        "--response-key",
        "keys/szp1.key.jwk",
        AT,
        "--json",
    ]
    .map(str::to_owned)
    .to_vec();
    match db {
        Some(db) => args.extend(["--db".to_owned(), db.to_owned()]),
        None => args.push("--no-db".to_owned()),
    }
    args.push(envelope.display().to_string());
    args
}

/// Bill `reference` issued on SGP1 to the shipper and transferred to `buyer` on SZP1,
/// declaring `documents`; written to `dir/name`.
pub fn transfer(
    dir: &Path,
    name: &str,
    reference: &str,
    buyer: &str,
    documents: Vec<DocumentMetadata>,
) -> (PathBuf, EblEnvelope) {
    let rng = SystemRandom::new();
    let sgp1 = Signer::new(ed25519_key(41));
    let td = serde_json::json!({"transportDocumentReference": reference, "isToOrder": false});
    let shipper = party("SGP1", "straits");
    let issuance = Issuance::new(
        party("SGP1", "lcol"),
        shipper.clone(),
        time("2026-06-14T09:30:00Z"),
    );
    let mut builder = EnvelopeBuilder::issue(td, issuance, &sgp1, &sgp1, &rng).expect("issue");
    builder
        .record(
            "SGP1",
            vec![Transaction::transfer(
                shipper,
                party("SZP1", buyer),
                time("2026-06-16T06:45:00Z"),
            )],
            &sgp1,
            &rng,
        )
        .expect("transfer");
    let envelope = builder.seal(&sgp1, documents, &rng).expect("seal");
    let path = dir.join(name);
    std::fs::write(&path, envelope.to_json_pretty()).expect("write envelope");
    (path, envelope)
}

/// The transport document checksum of an envelope (the registry's key).
pub fn checksum(envelope: &EblEnvelope) -> String {
    ebl::checksum::canonical_json_sha256(&envelope.transport_document)
}
