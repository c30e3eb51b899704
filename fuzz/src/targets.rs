// The body of every fuzz target, one function per target, shared by two builds: the cargo-fuzz
// targets in `fuzz/fuzz_targets/` (through the `ebl_fuzz` library) and the stable replay test
// `core/tests/fuzz_replay.rs` (which includes this file with `#[path]`), so the corpus replayed
// by `cargo test` runs exactly the code the fuzzer ran.
//
// A target returns normally for any input: an `Err` from `ebl` is the expected answer to
// hostile bytes. It panics only when an invariant that must hold for EVERY input breaks (a
// panic inside `ebl`, or a property such as "canonical form is a fixed point"), which is what
// libFuzzer then reports as a crash.
//
// Fixtures are compiled in with `include_bytes!` (paths relative to this file), so a fuzz
// binary and the test read the same bytes from the repository's `testdata/`.

use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use ebl::crypto::jws::{JwsVerifier, decode_compact, sign_compact};
use ebl::crypto::x509::{Certificate, CertificateAnchors};
use ebl::crypto::{KeySet, PrivateKey};
use ebl::json::{self, Limits};
use ebl::model::TransportDocument;
use ebl::openattestation::WrappedDocument;
use ebl::pint::{
    ActionCode, EblEnvelope, EnvelopeBuilder, EnvelopeVerifyOptions, Issuance, PintTrust,
    ResponseCode, Signer, Transaction, TransactionParty, receive_envelope, verify_envelope,
    verify_parsed_envelope, verify_response,
};
use ebl::recognition::{Agreement, Catalogue, RuleSet};
use ebl::title::History;
use ebl::trust::{TrustDocument, TrustList, TrustStore};
use ring::rand::SystemRandom;

/// The names of every target, as `fuzz/fuzz_targets/NAME.rs`, `fuzz/corpus/NAME/` and
/// `fuzz/regressions/NAME/`; the replay test walks these directories.
pub const TARGET_NAMES: &[&str] = &[
    "json_canonical",
    "jws_verify",
    "x509_chain",
    "transport_document",
    "pint_envelope",
    "signed_response",
    "openattestation",
    "title_log",
    "trust_import",
    "rules_load",
    "envelope_structured",
];

/// Targets whose body lives in another crate, so another test replays their corpus: `c_api`
/// (the C ABI; `ebl_ffi::fuzzing::c_api`, replayed by `ffi/tests/fuzz_replay_c_api.rs`).
pub const TARGETS_REPLAYED_ELSEWHERE: &[&str] = &["c_api"];

/// Runs the target called `name` on `data`; `false` if there is no such target.
pub fn run_target(name: &str, data: &[u8]) -> bool {
    match name {
        "json_canonical" => json_canonical(data),
        "jws_verify" => jws_verify(data),
        "x509_chain" => x509_chain(data),
        "transport_document" => transport_document(data),
        "pint_envelope" => pint_envelope(data),
        "signed_response" => signed_response(data),
        "openattestation" => openattestation(data),
        "title_log" => title_log(data),
        "trust_import" => trust_import(data),
        "rules_load" => rules_load(data),
        "envelope_structured" => envelope_structured(data),
        _ => return false,
    }
    true
}

fn time(text: &str) -> DateTime<Utc> {
    text.parse().expect("fixed RFC 3339 time")
}

/// The pint-demo keys and certificate anchors: what the DCSA demo envelopes verify with.
fn pint_demo_verifier() -> &'static JwsVerifier {
    static VERIFIER: OnceLock<JwsVerifier> = OnceLock::new();
    VERIFIER.get_or_init(|| {
        let mut verifier = JwsVerifier::default();
        for jwk in [
            &include_bytes!(
                "../../testdata/dcsa/pint-demo/keys-public/ed25519-carrier.example.com.public.jwk"
            )[..],
            include_bytes!(
                "../../testdata/dcsa/pint-demo/keys-public/ed25519-eblplatform.example.com.public.jwk"
            ),
            include_bytes!(
                "../../testdata/dcsa/pint-demo/keys-public/rsa-carrier.example.com.public.jwk"
            ),
            include_bytes!(
                "../../testdata/dcsa/pint-demo/keys-public/rsa-eblplatform.example.com.public.jwk"
            ),
        ] {
            verifier
                .keys
                .extend(KeySet::from_jwks_bytes(jwk).expect("pint-demo JWK"))
                .expect("distinct pint-demo keys");
        }
        verifier.anchors = pint_demo_anchors().clone();
        verifier
    })
}

fn pint_demo_anchors() -> &'static CertificateAnchors {
    static ANCHORS: OnceLock<CertificateAnchors> = OnceLock::new();
    ANCHORS.get_or_init(|| {
        CertificateAnchors::from_pem(include_str!(
            "../../testdata/dcsa/pint-demo/certs/root-ca.crt"
        ))
        .expect("pint-demo root")
    })
}

/// The time the pint-demo and golden vectors are verified at.
fn demo_time() -> DateTime<Utc> {
    time("2026-07-01T00:00:00Z")
}

/// PINT trust in the golden vectors' keys (`testdata/pint/keys`) and the pint-demo keys.
fn pint_trust() -> &'static PintTrust {
    static TRUST: OnceLock<PintTrust> = OnceLock::new();
    TRUST.get_or_init(|| {
        let mut trust = PintTrust::new(pint_demo_verifier().clone());
        for jwk in [
            &include_bytes!("../../testdata/pint/keys/carrier.jwk")[..],
            include_bytes!("../../testdata/pint/keys/sgtt.jwk"),
            include_bytes!("../../testdata/pint/keys/szeb.jwk"),
        ] {
            trust
                .verifier
                .keys
                .extend(KeySet::from_jwks_bytes(jwk).expect("golden JWK"))
                .expect("distinct golden keys");
        }
        trust
    })
}

/// Strict parse; on success the RFC 8785 form must parse again and be a fixed point, and a
/// parse under tight limits must agree or refuse cleanly.
pub fn json_canonical(data: &[u8]) {
    let _ = json::parse_with(
        data,
        &Limits {
            max_depth: 8,
            max_bytes: 256,
            ..Limits::default()
        },
    );
    let Ok(value) = json::parse(data) else { return };
    let canonical = json::canonicalize(&value);
    let again = json::parse(&canonical).expect("canonical bytes must parse");
    assert_eq!(
        json::canonicalize(&again),
        canonical,
        "canonical form is not a fixed point"
    );
    let _ = json::to_js_string(&value);
}

/// Compact JWS decode, header accessors, and verification against the pint-demo keys and
/// certificate anchors.
pub fn jws_verify(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(decoded) = decode_compact(text) {
        let header = decoded.header();
        let _ = (header.alg(), header.kid(), header.typ(), header.crit());
        let _ = header.x5c_certificates();
    }
    if let Ok(verified) = pint_demo_verifier().verify(text, demo_time()) {
        let decoded = decode_compact(text).expect("a verified JWS decodes");
        assert_eq!(verified.payload(), decoded.payload());
    }
}

/// Certificate parsing (PEM or DER, one or many) and chain building to the pint-demo root.
pub fn x509_chain(data: &[u8]) {
    let _ = Certificate::from_der(data);
    if let Ok(chain) = Certificate::read_all(data) {
        for certificate in &chain {
            let _ = (certificate.subject(), certificate.is_ca());
        }
        let _ = pint_demo_anchors().verify_chain(&chain, demo_time());
    }
}

/// Transport-document parse and validation; an accepted document survives to_value → from_value
/// with the same canonical bytes and checksum.
pub fn transport_document(data: &[u8]) {
    let Ok(document) = TransportDocument::from_json(data) else {
        return;
    };
    let _ = document.validate();
    let value = document.to_value();
    let again = TransportDocument::from_value(&value).expect("serialised document reads back");
    assert_eq!(again.canonical_bytes(), document.canonical_bytes());
    assert_eq!(again.checksum(), document.checksum());
}

/// The receiver's procedure on any bytes, as platform `EBL2`.
pub fn pint_envelope(data: &[u8]) {
    let mut options = EnvelopeVerifyOptions::at(demo_time());
    options.receiving_platform = Some("EBL2".into());
    if let Ok(report) = verify_envelope(data, pint_trust(), &options)
        && report.is_accepted()
    {
        assert!(
            report.replay.is_valid(),
            "accepted an envelope whose title replay has errors"
        );
    }
}

/// The key a fuzzed signed response is verified with (a fixed Ed25519 seed).
fn response_signer() -> &'static Signer {
    static SIGNER: OnceLock<Signer> = OnceLock::new();
    SIGNER.get_or_init(|| fixed_signer(0x5a))
}

/// The last-entry checksum the fuzzed responses are expected to answer.
pub const RESPONSE_CHECKSUM: &str =
    "2c1e1a9b3f3a44c4b8d5a0a8e6f1d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a39281";

/// A signed finished response verified with the response key against [`RESPONSE_CHECKSUM`]:
/// the input as a compact JWS, and the input as the payload of a JWS the response key signs,
/// so the response reader is fuzzed past the signature check.
pub fn signed_response(data: &[u8]) {
    static VERIFIER: OnceLock<JwsVerifier> = OnceLock::new();
    let verifier = VERIFIER.get_or_init(|| {
        let mut verifier = JwsVerifier::default();
        verifier
            .keys
            .insert(None, response_signer().key.public_key().clone())
            .expect("response key");
        verifier
    });
    let mut candidates = Vec::new();
    if let Ok(text) = std::str::from_utf8(data) {
        candidates.push(text.to_owned());
    }
    let header = ebl::crypto::jws::JwsHeader::default();
    if let Ok(signed) = sign_compact(data, &response_signer().key, &header, &SystemRandom::new()) {
        candidates.push(signed);
    }
    for compact in candidates {
        if let Ok(response) = verify_response(&compact, verifier, demo_time(), RESPONSE_CHECKSUM) {
            assert_eq!(
                response.last_envelope_transfer_chain_entry_signed_content_checksum,
                RESPONSE_CHECKSUM
            );
        }
    }
}

/// OpenAttestation v2: integrity, data, and obfuscation of each top-level data member; an
/// obfuscation `ebl` agrees to perform never turns a valid document invalid.
pub fn openattestation(data: &[u8]) {
    let Ok(document) = WrappedDocument::from_bytes(data) else {
        return;
    };
    let valid = document.verify().is_valid();
    let _ = (document.target_hash(), document.merkle_root());
    let Ok(plain) = document.data() else { return };
    let names: Vec<String> = plain
        .as_object()
        .map(|members| members.keys().take(4).cloned().collect())
        .unwrap_or_default();
    for name in names {
        if let Ok(obfuscated) = document.obfuscate(&[name.as_str()]) {
            if valid {
                assert!(
                    obfuscated.verify().is_valid(),
                    "obfuscating {name} broke a valid document"
                );
            }
            let reread = WrappedDocument::from_bytes(obfuscated.to_json().as_bytes())
                .expect("an obfuscated document reads back");
            assert_eq!(reread.verify().is_valid(), obfuscated.verify().is_valid());
        }
    }
}

/// Title-escrow log → title history → replay; a history written out reads back the same.
pub fn title_log(data: &[u8]) {
    if let Ok(history) = ebl::openattestation::title_history_from_log(data) {
        let _ = ebl::title::replay(&history);
        let text = history.to_json().expect("a read history serialises");
        let again = History::from_json(text.as_bytes()).expect("a written history reads back");
        assert_eq!(again, history);
    }
    if let Ok(history) = History::from_json(data) {
        let _ = ebl::title::replay(&history);
    }
}

/// Trust stores and signed trust lists: the store reader, the combined importer and the
/// signed-list verifier with a fixed issuer key.
pub fn trust_import(data: &[u8]) {
    let at = time("2026-11-01T00:00:00Z");
    if let Ok(store) = TrustStore::from_json(data, "fuzz") {
        let written = serde_json::to_vec(&store.to_json_value()).expect("store JSON");
        TrustStore::from_json(&written, "fuzz-rewritten").expect("a written store reads back");
    }
    let _ = TrustDocument::from_bytes(data, "fuzz");
    let _ = TrustList::from_json(data);
    let mut store = TrustStore::new();
    let _ = store.add_bytes(data, "fuzz", at);
    let issuer = [response_signer().key.public_key().clone()];
    let _ = TrustList::verify_signed(data, &issuer, "FUZZ-ISSUER", at, &TrustStore::new());
    // The input as the payload of a list the issuer key signed: past the signature check.
    let header = ebl::crypto::jws::JwsHeader {
        kid: Some(response_signer().key.public_key().thumbprint()),
        typ: Some(ebl::trust::TRUST_LIST_TYP.to_owned()),
        ..Default::default()
    };
    if let Ok(signed) = sign_compact(data, &response_signer().key, &header, &SystemRandom::new()) {
        let _ = TrustList::verify_signed(
            signed.as_bytes(),
            &issuer,
            "FUZZ-ISSUER",
            at,
            &TrustStore::new(),
        );
    }
}

/// Recognition rule files: a jurisdiction, an agreement, and added to the embedded catalogue.
pub fn rules_load(data: &[u8]) {
    let _ = RuleSet::from_json(data, "fuzz");
    let _ = Agreement::from_json(data, "fuzz");
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    let mut catalogue = CATALOGUE
        .get_or_init(|| Catalogue::embedded().expect("embedded rules"))
        .clone();
    let _ = catalogue.add_rules(data, "fuzz");
}

fn fixed_signer(seed_byte: u8) -> Signer {
    Signer::new(
        PrivateKey::from_ed25519_seed(&[seed_byte; 32], &SystemRandom::new()).expect("seed"),
    )
}

/// The structure-aware target's cast: signers by seed, the platforms they speak for, parties.
struct Cast {
    carrier: Signer,
    sgp1: Signer,
    szp1: Signer,
    rogue: Signer,
    trust: PintTrust,
    parties: Vec<TransactionParty>,
}

fn cast() -> &'static Cast {
    static CAST: OnceLock<Cast> = OnceLock::new();
    CAST.get_or_init(|| {
        let (carrier, sgp1, szp1, rogue) = (
            fixed_signer(1),
            fixed_signer(2),
            fixed_signer(3),
            fixed_signer(4),
        );
        let mut trust = PintTrust::default();
        trust
            .trust_carrier_key(carrier.key.public_key().clone())
            .expect("carrier key");
        trust
            .trust_platform_key("SGP1", sgp1.key.public_key().clone())
            .expect("SGP1 key");
        trust
            .trust_platform_key("SZP1", szp1.key.public_key().clone())
            .expect("SZP1 key");
        let party = |platform: &str, name: &str, code: &str| {
            TransactionParty::new(platform, name, platform, code)
        };
        let parties = vec![
            party("SGP1", "Lion City Ocean Lines", "lcol"),
            party("SGP1", "Straits Precision", "straits"),
            party("SGP1", "Bank of China Singapore", "boc-sg"),
            party("SZP1", "Qianhai Electronics", "qianhai"),
            party("SZP1", "Shenzhen Bank", "szbank"),
            party("XXP1", "Mallory Freight", "mallory"),
        ];
        Cast {
            carrier,
            sgp1,
            szp1,
            rogue,
            trust,
            parties,
        }
    })
}

const ACTIONS: &[&str] = &[
    "ISSUE",
    "TRANSFER",
    "ENDORSE",
    "ENDORSE_TO_ORDER",
    "BLANK_ENDORSE",
    "SIGN",
    "SURRENDER_FOR_DELIVERY",
    "SURRENDER_FOR_AMENDMENT",
    "SACC",
    "SREJ",
    "PLEDGE",
];

/// Builds an envelope from the fuzzer's choices with valid signatures throughout (the chain
/// is mutated in content, not in signature), verifies it as `SZP1` and receives it.
///
/// Invariants: an accepted envelope has a clean title replay and no entry signed by the
/// untrusted key; verifying the built value and its serialised bytes gives the same verdict
/// and findings; an accepted receipt's signed response verifies for the last entry.
pub fn envelope_structured(data: &[u8]) {
    let mut u = arbitrary::Unstructured::new(data);
    let _ = build_and_check(&mut u);
}

fn build_and_check(u: &mut arbitrary::Unstructured<'_>) -> arbitrary::Result<()> {
    let cast = cast();
    let rng = SystemRandom::new();
    let base = time("2026-06-01T08:00:00Z");
    let pick_party = |u: &mut arbitrary::Unstructured<'_>| -> arbitrary::Result<TransactionParty> {
        let mut party = u.choose(&cast.parties)?.clone();
        if u.ratio(1, 8)? {
            party.party_name = u.arbitrary()?;
        }
        if u.ratio(1, 8)? {
            party.ebl_platform = u.arbitrary()?;
        }
        if u.ratio(1, 16)? {
            party.identifying_codes.clear();
        }
        Ok(party)
    };
    let signer_for = |u: &mut arbitrary::Unstructured<'_>| -> arbitrary::Result<(u8, &Signer)> {
        Ok(match u.int_in_range(0u8..=3)? {
            0 => (0, &cast.carrier),
            1 => (1, &cast.sgp1),
            2 => (2, &cast.szp1),
            _ => (3, &cast.rogue),
        })
    };
    let mut document = serde_json::json!({
        "transportDocumentReference": if u.ratio(1, 4)? { u.arbitrary::<String>()? } else { "LCOL26000001".to_owned() },
        "transportDocumentTypeCode": "BOL",
        "isToOrder": u.arbitrary::<bool>()?,
    });
    if u.ratio(1, 4)? {
        document["documentParties"] = serde_json::json!({
            "consignee": {"partyName": "Qianhai Electronics", "eblPlatform": "SZP1",
                          "identifyingCodes": [{"codeListProvider": "SZP1", "partyCode": "qianhai"}]}
        });
    }
    let mut rogue_signed = false;
    let (issuer_index, issuer) = signer_for(u)?;
    rogue_signed |= issuer_index == 3;
    let mut minutes: i64 = 0;
    let issuance = Issuance {
        platform: u.choose(&["SGP1", "SZP1", "XXP1"])?.to_string(),
        carrier: pick_party(u)?,
        issue_to: pick_party(u)?,
        at: base,
        visualisation: None,
    };
    let (recorder_index, recorder) = signer_for(u)?;
    rogue_signed |= recorder_index == 3;
    let Ok(mut builder) = EnvelopeBuilder::issue(document, issuance, issuer, recorder, &rng) else {
        return Ok(());
    };
    for _ in 0..u.int_in_range(0u8..=5)? {
        let mut transactions = Vec::new();
        for _ in 0..u.int_in_range(1u8..=3)? {
            minutes += i64::from(u.int_in_range(-30i16..=600)?);
            let action = ActionCode::parse(u.choose(ACTIONS)?);
            let recipient = if u.ratio(7, 8)? {
                Some(pick_party(u)?)
            } else {
                None
            };
            let mut transaction = Transaction::new(
                action,
                pick_party(u)?,
                recipient,
                base + Duration::minutes(minutes),
            );
            if u.ratio(1, 8)? {
                transaction.reason_code =
                    Some(u.choose(&["SWTP", "COD", "SWI", "XYZ"])?.to_string());
            }
            transactions.push(transaction);
        }
        let platform = *u.choose(&["SGP1", "SZP1", "XXP1"])?;
        let (index, signer) = signer_for(u)?;
        rogue_signed |= index == 3;
        if builder
            .record(platform, transactions, signer, &rng)
            .is_err()
        {
            return Ok(());
        }
    }
    let (sender_index, sender) = signer_for(u)?;
    rogue_signed |= sender_index == 3;
    let Ok(envelope) = builder.seal(sender, Vec::new(), &rng) else {
        return Ok(());
    };
    check_envelope(&envelope, rogue_signed, base + Duration::days(60));
    Ok(())
}

fn check_envelope(envelope: &EblEnvelope, rogue_signed: bool, at: DateTime<Utc>) {
    let cast = cast();
    let options = EnvelopeVerifyOptions::receiving("SZP1", at, Vec::<&[u8]>::new());
    let report = verify_parsed_envelope(envelope, &cast.trust, &options);
    let bytes = serde_json::to_vec(envelope).expect("envelope JSON");
    let from_bytes = verify_envelope(&bytes, &cast.trust, &options).expect("built bytes parse");
    assert_eq!(from_bytes.response_code, report.response_code);
    assert_eq!(
        from_bytes
            .findings
            .iter()
            .map(|f| &f.code)
            .collect::<Vec<_>>(),
        report.findings.iter().map(|f| &f.code).collect::<Vec<_>>()
    );
    if report.is_accepted() {
        assert!(
            report.replay.is_valid(),
            "accepted a chain breaking a title rule"
        );
        assert!(!rogue_signed, "accepted a chain signed by an untrusted key");
    }
    let received = receive_envelope(
        &bytes,
        &cast.trust,
        &options,
        &cast.szp1,
        &SystemRandom::new(),
    )
    .expect("receiving built bytes");
    assert_eq!(received.report.response_code, report.response_code);
    if let Some(last) = report.last_entry_checksum.as_deref() {
        let mut verifier = JwsVerifier::default();
        verifier
            .keys
            .insert(None, cast.szp1.key.public_key().clone())
            .expect("receiver key");
        let response = verify_response(&received.response, &verifier, at, last)
            .expect("our own signed response verifies");
        assert_eq!(
            response.response_code == ResponseCode::Received,
            report.is_accepted()
        );
    }
}
