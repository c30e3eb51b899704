//! The demo's recognition step: the Shenzhen side asks whether Chinese law, and the SG–CN
//! (Shenzhen) model arrangement, recognise the bill it received — then asks the same of the
//! same journey made in March 2026, before the revised Maritime Code came into force.

use std::path::Path;

use chrono::{DateTime, Utc};
use ebl::crypto::{KeyType, PrivateKey};
use ebl::pint::{EblEnvelope, EndorseTo};
use ebl::recognition::{Catalogue, RecognitionRequest, Report, recognize_bytes};
use ebl::trust::{TrustList, TrustStore};
use ebl::verify::VerifyContext;
use ring::rand::SystemRandom;
use serde_json::{Value, json};

use super::{Cast, Keys, SG_PLATFORM, SZ_PLATFORM, fail, heading, time};
use crate::files::{self, Unusable};
use crate::output::outln;
use crate::pint_cmd;
use crate::recognize_cmd::{exit_code, print_report};

/// The Singapore authority whose signed list of ETR platforms the Shenzhen side imports
/// (the issuer the SG–CN model arrangement names for the CN side).
const SG_LIST: &str = "SG-ETR-PLATFORMS";
const CARRIER_ID: &str = "LCOL";

/// The Singapore-side list: platform SGTT and the carrier, with their keys and evidence.
fn sg_list(cast: &Cast, keys: &Keys) -> Result<TrustList, Unusable> {
    let lei = |p: &ebl::pint::TransactionParty| {
        p.identifying_codes
            .first()
            .map(|c| c.party_code.clone())
            .unwrap_or_default()
    };
    let value = json!({
        "schema": "ebl-trust-list/1", "issuer": SG_LIST, "sequence": 12,
        "issued_at": "2026-01-02T00:00:00Z", "valid_from": "2026-01-02T00:00:00Z",
        "valid_until": "2027-01-02T00:00:00Z",
        "parties": [
            {"id": SG_PLATFORM, "kind": "platform", "name": "Straits TradeTrust (demo platform)",
             "jurisdiction": "SG",
             "keys": [{"jwk": keys.singapore.key.public_key().to_jwk(), "algorithms": ["EdDSA"],
                       "binding": "direct", "valid_from": "2026-01-01T00:00:00Z"}],
             "evidence": [
                {"kind": "approved-list", "scheme": "ig-pi-clubs", "reference": "demo listing",
                 "issued_by": "International Group of P&I Clubs (demo)",
                 "issued_at": "2025-03-01T00:00:00Z", "valid_from": "2025-03-01T00:00:00Z"},
                {"kind": "operational-rules", "scheme": "sgtt-rulebook", "reference": "v3",
                 "valid_from": "2025-01-01T00:00:00Z"},
                {"kind": "industry-standard", "scheme": "dcsa-ebl-3.0"},
                {"kind": "data-protection", "scheme": "declaration", "details": ["SG-PDPA"]}
             ]},
            {"id": CARRIER_ID, "kind": "carrier", "name": cast.carrier.party_name, "jurisdiction": "SG",
             "identifiers": [{"scheme": "GLEIF", "value": lei(&cast.carrier)}],
             "keys": [{"jwk": keys.carrier.key.public_key().to_jwk(), "algorithms": ["EdDSA"],
                       "binding": "direct", "valid_from": "2026-01-01T00:00:00Z"}]}
        ]
    });
    serde_json::from_value(value).map_err(fail)
}

/// Shenzhen's own store: the Singapore authority (its key exchanged under the arrangement),
/// its own platform, and the traders it has identified (by LEI).
fn szeb_store(cast: &Cast, keys: &Keys, authority: &PrivateKey) -> Result<Value, Unusable> {
    let trader = |id: &str, p: &ebl::pint::TransactionParty| {
        json!({"id": id, "kind": "trader", "name": p.party_name,
               "identifiers": [{"scheme": "GLEIF",
                                "value": p.identifying_codes.first().map(|c| c.party_code.clone())}]})
    };
    Ok(json!({
        "schema": "ebl-trust-store/1",
        "name": "SZEB receiving platform (demo)",
        "parties": [
            {"id": SG_LIST, "kind": "authority", "jurisdiction": "SG",
             "name": "Singapore list of ETR management systems (demo)",
             "keys": [{"jwk": authority.public_key().to_jwk(), "binding": "direct"}]},
            {"id": SZ_PLATFORM, "kind": "platform", "jurisdiction": "CN",
             "keys": [{"jwk": keys.shenzhen.key.public_key().to_jwk(), "binding": "direct"}]},
            trader("STRAITS", &cast.shipper),
            trader("BOC-SG", &cast.bank),
            trader("QIANHAI", &cast.buyer)
        ]
    }))
}

/// What the receiver knows that the envelope does not carry.
fn receiver_evidence() -> Value {
    json!({
        "governing_law": "SG",
        "registry_checked": true,
        "consents": [{"party": "QIANHAI", "at": "2026-01-15T00:00:00Z",
                      "basis": "SZEB platform terms accepted at onboarding"}]
    })
}

/// Issue, endorse to the bank, endorse to the buyer and send to Shenzhen, at the given times.
fn journey(
    document: Value,
    cast: &Cast,
    keys: &Keys,
    [issue, endorse, transfer]: [DateTime<Utc>; 3],
    rng: &SystemRandom,
) -> Result<EblEnvelope, Unusable> {
    let mut builder = super::issue(document, cast, keys, issue, rng)?;
    let to_bank = EndorseTo::ToOrder(cast.bank.clone());
    super::endorse_and_hand_over(&mut builder, &cast.shipper, to_bank, endorse, keys, rng)?;
    let to_buyer = EndorseTo::Named(cast.buyer.clone());
    super::endorse_and_hand_over(&mut builder, &cast.bank, to_buyer, transfer, keys, rng)?;
    builder.seal(&keys.singapore, Vec::new(), rng).map_err(fail)
}

/// Verifies `envelope` with the PINT trust the store gives, adds the receiver's evidence and
/// recognises it under `target` — the one core call `ebl recognize` makes.
fn assess(
    envelope: &EblEnvelope,
    store: &TrustStore,
    catalogue: &Catalogue,
    target: &str,
    at: DateTime<Utc>,
) -> Result<Report, Unusable> {
    let mut context = VerifyContext::at(at);
    context.pint = store.pint_trust(at).map_err(fail)?;
    context.receiving_platform = Some(SZ_PLATFORM.into());
    let record = serde_json::to_vec(envelope).map_err(fail)?;
    let evidence = serde_json::to_vec(&receiver_evidence()).map_err(fail)?;
    let request = RecognitionRequest {
        record: &record,
        evidence: Some(&evidence),
        target,
        ..RecognitionRequest::default()
    };
    let outcome = recognize_bytes(&request, &context, store, catalogue).map_err(fail)?;
    Ok(outcome.report)
}

fn save_json(
    dir: &Path,
    name: &str,
    value: Result<Value, serde_json::Error>,
) -> Result<(), Unusable> {
    let text = serde_json::to_string_pretty(&value.map_err(fail)?).map_err(fail)?;
    files::write(&dir.join(name), text.as_bytes())?;
    Ok(())
}

fn outcome(report: &Report) -> String {
    format!(
        "{} (ebl recognize would exit {})",
        report.verdict,
        exit_code(report.verdict)
    )
}

pub(super) fn run(
    dir: &Path,
    cast: &Cast,
    keys: &Keys,
    document: &Value,
    to_shenzhen: &EblEnvelope,
    rng: &SystemRandom,
) -> Result<(), Unusable> {
    heading(
        8,
        "Recognition in Shenzhen: do Chinese law and the SG–CN model arrangement recognise the bill?",
    );
    let authority = pint_cmd::keygen(KeyType::Ed25519, &dir.join("keys"), "sg-authority", rng)?
        .pair
        .key;
    let list = sg_list(cast, keys)?;
    save_json(
        dir,
        "trust/sg-etr-platforms.list.json",
        serde_json::to_value(&list),
    )?;
    let signed = list.sign(&authority, rng).map_err(fail)?;
    files::write(&dir.join("trust/sg-etr-platforms.jws"), signed.as_bytes())?;
    let own = szeb_store(cast, keys, &authority)?;
    save_json(dir, "trust/szeb-store.json", Ok(own.clone()))?;
    save_json(dir, "trust/szeb-evidence.json", Ok(receiver_evidence()))?;
    let mut store = TrustStore::from_value(&own, "szeb-store.json").map_err(fail)?;
    let imported = store
        .import_signed_trust_list(&signed, SG_LIST, time("2026-06-01T00:00:00Z")?)
        .map_err(fail)?;
    outln!(
        "   {SZ_PLATFORM} imports {SG_LIST}'s signed trust list #{} ({}), checked with the authority's key",
        imported.sequence,
        imported.parties.join(", ")
    );
    outln!(
        "   {SG_PLATFORM}: on the IG P&I Clubs approved list since 2025-03-01 (demo), operating rules, DCSA eBL 3.0"
    );
    outln!(
        "   the receiver adds what an envelope does not carry: governing law SG (the carrier's terms),"
    );
    outln!(
        "   Qianhai's consent (SZEB onboarding), and the issuing platform's answer that it holds no other"
    );
    outln!("   authoritative record with this reference (a registry check; simulated in the demo)");

    let catalogue = Catalogue::embedded().map_err(fail)?;
    let at = time("2026-06-16T07:00:00Z")?;

    let under_cn = assess(to_shenzhen, &store, &catalogue, "CN", at)?;
    outln!("\n   Under Chinese law (CN), as received on 16 June 2026:");
    print_report(&under_cn, "   ", Some(110), None);
    save_json(dir, "recognition-cn.json", serde_json::to_value(&under_cn))?;

    let under_agreement = assess(to_shenzhen, &store, &catalogue, "sg-cn-shenzhen/CN", at)?;
    outln!(
        "\n   Under the SG–CN (Shenzhen) model arrangement, CN side (CN rows as above; the arrangement's own rows):"
    );
    print_report(&under_agreement, "   ", Some(110), Some("sg-cn-shenzhen"));
    save_json(
        dir,
        "recognition-sg-cn-agreement.json",
        serde_json::to_value(&under_agreement),
    )?;

    outln!(
        "\n   The same journey made in March 2026, received on 20 March 2026 — before the revised Maritime Code:"
    );
    let mut march_document = document.clone();
    march_document["issueDate"] = json!("2026-03-10");
    march_document["shippedOnBoardDate"] = json!("2026-03-10");
    let march = journey(
        march_document,
        cast,
        keys,
        [
            time("2026-03-10T09:30:00Z")?,
            time("2026-03-11T02:00:00Z")?,
            time("2026-03-12T06:45:00Z")?,
        ],
        rng,
    )?;
    let march_at = time("2026-03-20T00:00:00Z")?;
    let before = assess(&march, &store, &catalogue, "CN", march_at)?;
    save_json(
        dir,
        "recognition-cn-march.json",
        serde_json::to_value(&before),
    )?;
    outln!("   June copy:  {}", outcome(&under_cn));
    outln!("   March copy: {}", outcome(&before));
    for d in &before.decisive {
        outln!("   why: [{}] {} — {}", d.source, d.criterion, d.reason);
    }
    outln!(
        "   wrote {}, {} and {}",
        dir.join("recognition-cn.json").display(),
        dir.join("recognition-sg-cn-agreement.json").display(),
        dir.join("recognition-cn-march.json").display()
    );
    Ok(())
}
