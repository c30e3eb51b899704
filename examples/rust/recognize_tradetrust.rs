//! A Shenzhen bank receives a TradeTrust (OpenAttestation v2) bill of lading issued in
//! Singapore and asks: is the document intact, who holds title, what does it look like as a
//! DCSA transport document, and does Singapore law recognise it as a transferable record?
//!
//! ```sh
//! cargo run -p ebl --example recognize_tradetrust
//! ```
//!
//! Nothing here touches the network: the DNS TXT answers for the issuer's domain and the
//! title-escrow event log (what a TradeTrust node reports for the token) are supplied as data,
//! from `testdata/openattestation/` (see its README), with the receiver's trust store from
//! `testdata/recognition/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ebl::openattestation::{
    WrappedDocument, title_history_from_log, tradetrust_bl, verify_dns_txt,
};
use ebl::recognition::{Catalogue, OpenAttestationIdentity, RecognitionInput, recognize};
use ebl::report::Severity;
use ebl::title::replay;
use ebl::trust::TrustStore;

fn root(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bill = root("testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json");
    let document = WrappedDocument::from_bytes(&std::fs::read(bill)?)?;

    // 1. Integrity: target hash and merkle proof, as the OpenAttestation library checks them.
    let integrity = document.verify();
    println!(
        "integrity: {}",
        if integrity.is_valid() {
            "intact"
        } else {
            "BROKEN"
        }
    );

    // 2. The issuer's identity: the DNS TXT records of its domain bind its token registry.
    let answers: BTreeMap<String, Vec<String>> = serde_json::from_slice(&std::fs::read(root(
        "testdata/openattestation/sg-shenzhen-5kb.dns-txt.json",
    ))?)?;
    let dns = verify_dns_txt(&document, &answers, None);
    for (domain, address) in &dns.bound {
        println!("identity: {domain} names token registry {address}");
    }

    // 3. Title: the token's event log, as a platform-neutral history, replayed.
    let history = title_history_from_log(&std::fs::read(root(
        "testdata/openattestation/sg-shenzhen-5kb.title-log.json",
    ))?)?;
    let replayed = replay(&history);
    for step in &replayed.steps {
        let holder = step
            .state
            .holder
            .as_ref()
            .map_or_else(|| "—".into(), |h| h.label());
        println!(
            "title: {} {:<18} holder {holder}",
            step.at.format("%Y-%m-%d"),
            step.kind.as_str()
        );
    }

    // 4. The same bill in DCSA eBL 3.0 terms, and what has no counterpart there.
    let mapping = tradetrust_bl::to_dcsa(&document.data()?)?;
    let unmapped = mapping
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Info)
        .count();
    println!(
        "as DCSA: transportDocumentReference {}, {unmapped} TradeTrust fields without a DCSA counterpart",
        mapping.document["transportDocumentReference"]
    );
    for finding in mapping
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
    {
        println!("  {finding}");
    }

    // 5. Recognition under Singapore's Electronic Transactions Act, criterion by criterion.
    let store_path = root("testdata/recognition/tradetrust-sg.trust-store.json");
    let store = TrustStore::from_json(
        &std::fs::read(&store_path)?,
        &store_path.display().to_string(),
    )?;
    let identity = OpenAttestationIdentity {
        dns: Some(dns),
        did: None,
    };
    let mut input =
        RecognitionInput::from_openattestation(&document, &history, &replayed, &identity, &store);
    // What the receiver knows that the record does not say.
    input.evidence.governing_law = Some("SG".into());
    let target = Catalogue::embedded()?.jurisdiction_target("SG")?;
    let report = recognize(&input, &store, &target, "2026-11-01T00:00:00Z".parse()?)?;
    println!("recognition under {}: {}", report.target, report.verdict);
    for decisive in &report.decisive {
        println!(
            "  because {} is {}: {}",
            decisive.criterion, decisive.status, decisive.reason
        );
    }
    Ok(())
}
