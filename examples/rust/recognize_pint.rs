//! The Shenzhen platform that received a PINT envelope from Singapore decides whether the
//! record is recognised as an electronic transport record under Chinese law and under the
//! SG–CN (Shenzhen) model arrangement, with every criterion's status and citation.
//!
//! ```sh
//! cargo run -p ebl --example recognize_pint
//! ```
//!
//! The envelope and keys are the golden test vectors of `testdata/pint/`; the trust store is
//! built here from those keys (a real receiver loads its own with `TrustStore::from_json`,
//! and imports partners' signed lists with `TrustStore::import_list`).

use std::path::{Path, PathBuf};

use ebl::pint::{EnvelopeVerifyOptions, verify_envelope};
use ebl::recognition::{
    Catalogue, ConsentEvidence, CriterionStatus, RecognitionInput, Target, recognize,
};
use ebl::trust::TrustStore;
use serde_json::{Value, json};

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/pint")
        .join(name)
}

fn jwk(name: &str) -> Result<Value, Box<dyn std::error::Error>> {
    Ok(serde_json::from_slice(&std::fs::read(testdata(name))?)?)
}

/// Who the Shenzhen receiver knows: the two platforms and the carrier with their keys, the
/// reliability evidence it holds about each platform, and the buyer it onboarded (by LEI).
fn store() -> Result<TrustStore, Box<dyn std::error::Error>> {
    let platform = |id: &str, jurisdiction: &str, key: Value| {
        json!({"id": id, "kind": "platform", "jurisdiction": jurisdiction,
               "keys": [{"jwk": key, "binding": "direct"}],
               "evidence": [
                   {"kind": "approved-list", "scheme": "ig-pi-clubs", "valid_from": "2025-03-01T00:00:00Z"},
                   {"kind": "industry-standard", "scheme": "dcsa-ebl-3.0"},
                   {"kind": "data-protection", "scheme": "declaration"}]})
    };
    let value = json!({
        "schema": "ebl-trust-store/1",
        "name": "SZEB receiving platform (example)",
        "parties": [
            platform("SGTT", "SG", jwk("keys/sgtt.jwk")?),
            platform("SZEB", "CN", jwk("keys/szeb.jwk")?),
            {"id": "LCOL", "kind": "carrier", "jurisdiction": "SG",
             "identifiers": [{"scheme": "GLEIF", "value": "5299001CLOL2026SG077"}],
             "keys": [{"jwk": jwk("keys/carrier.jwk")?, "binding": "direct"}]},
            {"id": "QIANHAI", "kind": "trader",
             "identifiers": [{"scheme": "GLEIF", "value": "300300QHEL2026SZX088"}]}
        ]
    });
    Ok(TrustStore::from_value(&value, "example store")?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let store = store()?;
    let at = "2026-07-01T00:00:00Z".parse()?;
    let bytes = std::fs::read(testdata("valid-to-order-sg-to-shenzhen.json"))?;

    // Verify first: recognition reasons over what the verification established.
    let mut options = EnvelopeVerifyOptions::at(at);
    options.receiving_platform = Some("SZEB".into());
    let verified = verify_envelope(&bytes, &store.pint_trust(at)?, &options)?;
    println!("PINT verdict: {}", verified.response_code);

    let envelope: Value = serde_json::from_slice(&bytes)?;
    let mut input = RecognitionInput::from_pint(&verified, &envelope["transportDocument"], &store);
    // Facts the envelope does not carry, which only the receiver can vouch for.
    input.evidence.governing_law = Some("SG".into());
    input.evidence.registry_checked = true;
    input.evidence.consents.push(ConsentEvidence {
        party: "QIANHAI".into(),
        at: "2026-01-15T00:00:00Z".parse()?,
        basis: "SZEB platform terms accepted at onboarding".into(),
        refused: false,
    });

    let catalogue = Catalogue::embedded()?;
    let targets: [(&str, Target); 2] = [
        ("Chinese law", catalogue.jurisdiction_target("CN")?),
        (
            "the SG–CN model arrangement, CN side",
            catalogue.agreement_target("sg-cn-shenzhen", "CN")?,
        ),
    ];
    // Chinese law recognises the record, subject to reliability (which the law leaves to the
    // circumstances and ebl never decides). The arrangement adds its own rows: the carrier's key
    // and the sending platform must come from the Singapore authority's signed list, which this
    // store has not imported. The arrangement is a model (no binding instrument exists), so its
    // clauses never block by themselves: under it the record is indeterminate (`ebl demo`
    // imports the list and shows the verdict change).
    for (name, target) in targets {
        let report = recognize(&input, &store, &target, at)?;
        let satisfied = report
            .criteria
            .iter()
            .filter(|c| c.status == CriterionStatus::Satisfied)
            .count();
        println!(
            "under {name}: {} ({satisfied} of {} criteria satisfied)",
            report.verdict,
            report.criteria.len()
        );
        for d in &report.decisive {
            println!(
                "  decisive: {} [{}] {}: {}",
                d.criterion, d.source, d.status, d.reason
            );
        }
        // The whole report — every criterion with its citation and reason, per event — is one
        // JSON document, for the audit trail.
        let json = serde_json::to_string(&report)?;
        println!("  ({} bytes as JSON)", json.len());
    }
    Ok(())
}
