//! `ebl demo`: a negotiable bill of lading from Singapore to Shenzhen (Yantian), end to end.
//!
//! Everything is real: fresh Ed25519 keys, real signatures, the library's own verification
//! procedure. The shipment is the one of the 5 KB TradeTrust example
//! (`bill-of-lading-sg-shenzhen-5kb`), re-dated to June 2026 so that the revised PRC Maritime
//! Code (in force 1 May 2026) is the law of the Shenzhen side, and written as a DCSA eBL 3.0
//! transport document (`demo/bill-of-lading.json`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ebl::crypto::KeyType;
use ebl::pint::{
    DuplicatePolicy, EblEnvelope, EndorseTo, EnvelopeBuilder, EnvelopeReport,
    EnvelopeVerifyOptions, Issuance, PintTrust, ResponseCode, Signer, SurrenderPurpose,
    Transaction, TransactionParty, endorsement_steps, receive_envelope_recorded,
    verify_parsed_envelope, verify_response,
};
use ebl::report::Severity;
use ring::rand::SystemRandom;

use crate::files::{self, Unusable};
use crate::inspect_cmd::transaction_text;
use crate::output::outln;
use crate::pint_cmd;

mod recognition;

/// The transport document, built from the 5 KB TradeTrust example's data.
const BILL_OF_LADING: &str = include_str!("demo/bill-of-lading.json");

const SG_PLATFORM: &str = "SGTT";
const SZ_PLATFORM: &str = "SZEB";

fn lei(platform: &str, name: &str, lei: &str) -> TransactionParty {
    let mut party = TransactionParty::new(platform, name, "GLEIF", lei);
    party.identifying_codes[0].code_list_name = Some("LEI".to_owned());
    party
}

struct Cast {
    carrier: TransactionParty,
    shipper: TransactionParty,
    bank: TransactionParty,
    buyer: TransactionParty,
}

fn cast() -> Cast {
    Cast {
        carrier: lei(
            SG_PLATFORM,
            "Lion City Ocean Lines Pte. Ltd.",
            "5299001CLOL2026SG077",
        ),
        shipper: lei(
            SG_PLATFORM,
            "Straits Precision Components Pte. Ltd.",
            "5493001KJTIIGC8Y1R12",
        ),
        bank: lei(
            SG_PLATFORM,
            "Bank of China, Singapore Branch",
            "54930053HGCFWVHYZX42",
        ),
        buyer: lei(
            SZ_PLATFORM,
            "Qianhai Electronics Co., Ltd.",
            "300300QHEL2026SZX088",
        ),
    }
}

fn time(text: &str) -> Result<DateTime<Utc>, Unusable> {
    text.parse()
        .map_err(|e| Unusable(format!("demo time {text}: {e}")))
}

fn fail(e: impl std::fmt::Display) -> Unusable {
    Unusable(e.to_string())
}

struct Keys {
    carrier: Signer,
    singapore: Signer,
    shenzhen: Signer,
}

fn make_keys(dir: &Path, rng: &SystemRandom) -> Result<Keys, Unusable> {
    let make = |name: &str| -> Result<Signer, Unusable> {
        let files = pint_cmd::keygen(KeyType::Ed25519, &dir.join("keys"), name, rng)?;
        Ok(Signer::new(files.pair.key))
    };
    Ok(Keys {
        carrier: make("carrier")?,
        singapore: make("sgtt")?,
        shenzhen: make("szeb")?,
    })
}

/// A temporary folder for the demo's registry, removed when the demo ends (the demo leaves
/// no registry in the user's folder).
struct ScratchFolder(PathBuf);

impl ScratchFolder {
    fn new() -> Result<ScratchFolder, Unusable> {
        let dir = std::env::temp_dir().join(format!("ebl-demo-registry-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Unusable::at(&dir, e))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| Unusable::at(&dir, e))?;
        Ok(ScratchFolder(dir))
    }
}

impl Drop for ScratchFolder {
    fn drop(&mut self) {
        // Best effort: a folder left in the temporary directory harms nobody.
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn heading(number: usize, text: &str) {
    outln!("\n{number}. {text}");
}

fn save(dir: &Path, name: &str, envelope: &EblEnvelope) -> Result<(), Unusable> {
    files::write(&dir.join(name), envelope.to_json_pretty().as_bytes())?;
    outln!("   wrote {}", dir.join(name).display());
    Ok(())
}

/// The carrier issues `document` on the Singapore platform to the order of the shipper: the
/// first step of the demo's journey (and of its March copy).
fn issue(
    document: serde_json::Value,
    cast: &Cast,
    keys: &Keys,
    at: DateTime<Utc>,
    rng: &SystemRandom,
) -> Result<EnvelopeBuilder, Unusable> {
    EnvelopeBuilder::issue(
        document,
        Issuance {
            platform: SG_PLATFORM.into(),
            carrier: cast.carrier.clone(),
            issue_to: cast.shipper.clone(),
            at,
            visualisation: None,
        },
        &keys.carrier,
        &keys.singapore,
        rng,
    )
    .map_err(fail)
}

/// `from` endorses the bill as `to` says and hands it over, recorded on the Singapore
/// platform; returns the transactions recorded.
fn endorse_and_hand_over(
    builder: &mut EnvelopeBuilder,
    from: &TransactionParty,
    to: EndorseTo,
    at: DateTime<Utc>,
    keys: &Keys,
    rng: &SystemRandom,
) -> Result<Vec<Transaction>, Unusable> {
    let steps = endorsement_steps(from.clone(), to, false, at);
    builder
        .record(SG_PLATFORM, steps.clone(), &keys.singapore, rng)
        .map_err(fail)?;
    Ok(steps)
}

fn print_transactions(transactions: &[Transaction]) {
    for transaction in transactions {
        outln!("     {}", transaction_text(transaction));
    }
}

pub fn run(dir: &Path) -> Result<(), Unusable> {
    let rng = SystemRandom::new();
    let cast = cast();
    let document: serde_json::Value = ebl::json::parse(BILL_OF_LADING.as_bytes()).map_err(fail)?;
    let reference = document["transportDocumentReference"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    outln!("ebl demo — a negotiable bill of lading, Singapore → Shenzhen (Yantian), end to end");
    outln!("Singapore side: platform {SG_PLATFORM} (carrier, shipper, negotiating bank).");
    outln!("Shenzhen side:  platform {SZ_PLATFORM} (the buyer, Qianhai Electronics).");
    outln!(
        "Artefacts (keys, envelopes, report) are written to {}/",
        dir.display()
    );

    heading(
        1,
        "Keys: fresh Ed25519 key pairs for the carrier and both platforms",
    );
    let keys = make_keys(dir, &rng)?;
    for (who, signer) in [
        ("carrier  ", &keys.carrier),
        ("SGTT     ", &keys.singapore),
        ("SZEB     ", &keys.shenzhen),
    ] {
        outln!("   {who} key id {}", signer.key.public_key().thumbprint());
    }
    files::write(&dir.join("bill-of-lading.json"), BILL_OF_LADING.as_bytes())?;

    heading(
        2,
        "Issue (Singapore): the carrier issues the B/L to the order of the shipper",
    );
    let mut builder = issue(
        document.clone(),
        &cast,
        &keys,
        time("2026-06-14T09:30:00Z")?,
        &rng,
    )?;
    outln!(
        "   B/L {reference}: MV STRAITS PIONEER 0425N, SGSIN → CNYTN, 2 containers, 180 packages"
    );
    outln!(
        "   document checksum (SHA-256 of its RFC 8785 form): {}",
        builder.transport_document_checksum()
    );
    outln!("   the carrier signs the issuance manifest; {SG_PLATFORM} signs chain entry 0 (ISSUE)");

    heading(
        3,
        "Endorse (Singapore): the shipper endorses the B/L to the negotiating bank and hands it over",
    );
    let endorsement = endorse_and_hand_over(
        &mut builder,
        &cast.shipper,
        EndorseTo::ToOrder(cast.bank.clone()),
        time("2026-06-15T02:00:00Z")?,
        &keys,
        &rng,
    )?;
    print_transactions(&endorsement);

    // What a double-spending bank would start from: the B/L as it stood before step 4.
    let before_transfer = builder.clone();
    heading(
        4,
        "Transfer across platforms: the bank endorses to the buyer and sends it to Shenzhen",
    );
    let transfer = endorse_and_hand_over(
        &mut builder,
        &cast.bank,
        EndorseTo::Named(cast.buyer.clone()),
        time("2026-06-16T06:45:00Z")?,
        &keys,
        &rng,
    )?;
    print_transactions(&transfer);
    let to_shenzhen = builder
        .seal(&keys.singapore, Vec::new(), &rng)
        .map_err(fail)?;
    outln!(
        "   {SG_PLATFORM} seals a PINT envelope ({} chain entries) and sends it to {SZ_PLATFORM}",
        to_shenzhen.envelope_transfer_chain.len()
    );
    save(dir, "1-sgtt-to-szeb.envelope.json", &to_shenzhen)?;

    heading(
        5,
        "Shenzhen verifies the envelope, as the receiving platform must (DCSA PINT §2.7)",
    );
    let mut shenzhen_trust = PintTrust::default();
    shenzhen_trust
        .trust_carrier_key(keys.carrier.key.public_key().clone())
        .map_err(fail)?;
    shenzhen_trust
        .trust_platform_key(SG_PLATFORM, keys.singapore.key.public_key().clone())
        .map_err(fail)?;
    let verify_at = time("2026-06-16T07:00:00Z")?;
    let scratch = ScratchFolder::new()?;
    let registry =
        ebl::title::SqliteRegistry::open(&scratch.0.join("szeb-registry.sqlite")).map_err(fail)?;
    let receive = |envelope: &EblEnvelope| {
        receive_envelope_recorded(
            envelope.to_json_pretty().as_bytes(),
            &shenzhen_trust,
            &EnvelopeVerifyOptions::receiving(SZ_PLATFORM, verify_at, []),
            &keys.shenzhen,
            &rng,
            &registry,
            DuplicatePolicy::SameEntry,
        )
        .map_err(fail)
    };
    let receipt = receive(&to_shenzhen)?;
    let received = &receipt.report;
    print_verdict(received);
    if received.response_code != ResponseCode::Received {
        return Err(Unusable(
            "the demo envelope was not accepted; this is a bug".into(),
        ));
    }
    let holder = received
        .replay
        .final_state
        .holder
        .as_ref()
        .and_then(|h| h.name.clone())
        .unwrap_or_default();
    outln!("   holder now: {holder}");
    let response = &receipt.response;
    files::write(&dir.join("2-szeb-response.jws"), response.as_bytes())?;
    let mut sender_view = PintTrust::default();
    sender_view
        .trust_platform_key(SZ_PLATFORM, keys.shenzhen.key.public_key().clone())
        .map_err(fail)?;
    let answer = verify_response(
        response,
        &sender_view.verifier,
        verify_at,
        received.last_entry_checksum.as_deref().unwrap_or_default(),
    )
    .map_err(fail)?;
    outln!(
        "   {SZ_PLATFORM} answers with a signed {} response; {SG_PLATFORM} checks its signature: ok",
        answer.response_code
    );
    outln!(
        "   {SZ_PLATFORM} recorded the acceptance in its title registry before answering (SQLite, in a temporary folder)"
    );
    let retry = receive(&to_shenzhen)?;
    let retried = verify_response(
        &retry.response,
        &sender_view.verifier,
        verify_at,
        received.last_entry_checksum.as_deref().unwrap_or_default(),
    )
    .map_err(fail)?;
    outln!(
        "   the answer is lost and {SG_PLATFORM} retries the same envelope: {} ({}); {SG_PLATFORM} treats the transfer as done: {}",
        retried.response_code,
        retried.response_code.description(),
        if retried.transfer_done() { "yes" } else { "no" }
    );
    let mut double_spend = before_transfer;
    let other_buyer = lei(
        SZ_PLATFORM,
        "Shekou Components Trading Co., Ltd.",
        "300300SKCT2026SZX019",
    );
    endorse_and_hand_over(
        &mut double_spend,
        &cast.bank,
        EndorseTo::Named(other_buyer),
        time("2026-06-16T06:50:00Z")?,
        &keys,
        &rng,
    )?;
    let double_spend = double_spend
        .seal(&keys.singapore, Vec::new(), &rng)
        .map_err(fail)?;
    let disputed = receive(&double_spend)?;
    outln!(
        "   a double spend: the bank also endorses the same B/L to Shekou Components and sends it to {SZ_PLATFORM}: {} ({})",
        disputed.report.response_code,
        disputed.report.response_code.description()
    );
    if let Some(reason) = disputed.report.errors().next() {
        outln!("   reason: {}", reason.message);
    }
    if retried.response_code != ResponseCode::Duplicate
        || disputed.report.response_code != ResponseCode::DisputedEnvelope
    {
        return Err(Unusable(
            "the registry did not answer DUPE and DISE; this is a bug".into(),
        ));
    }

    heading(
        6,
        "Surrender for delivery: the buyer surrenders the B/L to the carrier, via PINT back to Singapore",
    );
    let surrender_at = time("2026-06-19T08:00:00Z")?;
    let surrender = vec![Transaction::surrender(
        cast.buyer.clone(),
        cast.carrier.clone(),
        SurrenderPurpose::Delivery,
        None,
        surrender_at,
    )];
    print_transactions(&surrender);
    let to_carrier = to_shenzhen
        .extend_chain(SZ_PLATFORM, surrender, &keys.shenzhen, &rng)
        .map_err(fail)?;
    save(dir, "3-szeb-to-sgtt.envelope.json", &to_carrier)?;
    let mut carrier_trust = shenzhen_trust.clone();
    carrier_trust
        .trust_platform_key(SZ_PLATFORM, keys.shenzhen.key.public_key().clone())
        .map_err(fail)?;
    let mut options = EnvelopeVerifyOptions::at(time("2026-06-19T08:30:00Z")?);
    options.receiving_platform = Some(SG_PLATFORM.into());
    let final_report = verify_parsed_envelope(&to_carrier, &carrier_trust, &options);
    outln!(
        "   the carrier's platform verifies it: {}",
        final_report.response_code
    );
    outln!(
        "   status: {:?} — the carrier may now accept (SACC) and release the cargo at Yantian",
        final_report.replay.final_state.status
    );

    heading(
        7,
        "A tampered copy: someone raises the declared gross weight in the envelope sent to Shenzhen",
    );
    let mut tampered = to_shenzhen.clone();
    tampered.transport_document["consignmentItems"][1]["cargoItems"][0]["cargoGrossWeight"]["value"] =
        serde_json::json!(725);
    save(dir, "4-tampered.envelope.json", &tampered)?;
    let mut options = EnvelopeVerifyOptions::at(verify_at);
    options.receiving_platform = Some(SZ_PLATFORM.into());
    let rejected = verify_parsed_envelope(&tampered, &shenzhen_trust, &options);
    outln!(
        "   verdict: {} ({})",
        rejected.response_code,
        rejected.response_code.description()
    );
    for finding in rejected.errors() {
        outln!("   reason: {finding}");
    }
    if rejected.response_code == ResponseCode::Received {
        return Err(Unusable(
            "the tampered copy was accepted; this is a bug".into(),
        ));
    }

    print_report(&final_report);
    let report_json = serde_json::to_string_pretty(&final_report).unwrap_or_default();
    files::write(&dir.join("report.json"), report_json.as_bytes())?;
    files::write(
        &dir.join("history.json"),
        final_report.history.to_json().map_err(fail)?.as_bytes(),
    )?;

    recognition::run(dir, &cast, &keys, &document, &to_shenzhen, &rng)?;

    outln!("\nTry it yourself:");
    let d = dir.display();
    outln!(
        "   cargo run -p ebl-cli -- verify --key {d}/keys/carrier.jwk --key {d}/keys/sgtt.jwk --key {d}/keys/szeb.jwk --at 2026-06-20T00:00:00Z {d}/*.envelope.json"
    );
    outln!("   cargo run -p ebl-cli -- inspect {d}/3-szeb-to-sgtt.envelope.json");
    outln!(
        "   cargo run -p ebl-cli -- recognize --agreement sg-cn-shenzhen --side CN --trust {d}/trust/szeb-store.json --trust {d}/trust/sg-etr-platforms.jws --evidence {d}/trust/szeb-evidence.json --at 2026-06-16T07:00:00Z {d}/1-sgtt-to-szeb.envelope.json"
    );
    Ok(())
}

fn print_verdict(report: &EnvelopeReport) {
    outln!(
        "   verdict: {} ({}); {} entries, every signature {}",
        report.response_code,
        report.response_code.description(),
        report.entries.len(),
        if report.entries.iter().all(|e| e.signer.verified) {
            "verified"
        } else {
            "NOT verified"
        }
    );
}

/// The final verification report: entries, signers, the title history and the findings.
fn print_report(report: &EnvelopeReport) {
    outln!("\nVerification report — envelope received by the carrier's platform");
    outln!(
        "   document {} checksum {}",
        report
            .transport_document_reference
            .as_deref()
            .unwrap_or("?"),
        report.transport_document_checksum
    );
    outln!(
        "   verdict  {} ({})",
        report.response_code,
        report.response_code.description()
    );
    outln!("   chain:");
    for entry in &report.entries {
        outln!(
            "     entry {} on {:<4} signed {} key {} — {}",
            entry.index,
            entry.platform.as_deref().unwrap_or("?"),
            entry.signer.algorithm,
            entry.signer.key_thumbprint.as_deref().unwrap_or("?"),
            if entry.signer.verified {
                "verified"
            } else {
                "NOT verified"
            }
        );
    }
    outln!("   title history (replayed against the title rules):");
    crate::title_text::print_steps(&report.replay.steps, "     ", |h| {
        h.name.clone().unwrap_or_else(|| "—".to_owned())
    });
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    outln!("   findings: {errors} errors, {warnings} warnings");
    for finding in report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
    {
        outln!("     {finding}");
    }
}
