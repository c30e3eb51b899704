//! `ebl recognize`, `ebl trust` and `ebl verify --trust`, run as real processes on envelopes
//! built with `EnvelopeBuilder` and keys from fixed Ed25519 seeds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use support::{code, ebl, ed25519_key, stdout, temp_dir};

use std::path::PathBuf;
use std::process::Output;

use ebl::pint::{ActionCode, EnvelopeBuilder, Issuance, Signer, Transaction, TransactionParty};
use ring::rand::SystemRandom;
use serde_json::{Value, json};

const CARRIER: u8 = 21;
const PLATFORM: u8 = 22;
const AUTHORITY: u8 = 23;
const STRANGER: u8 = 24;

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        Dir(temp_dir(&format!("recognize-{name}")))
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }

    fn write(&self, name: &str, text: &str) -> String {
        std::fs::write(self.0.join(name), text).expect("write");
        self.path(name)
    }

    fn json(&self, name: &str, value: &Value) -> String {
        self.write(name, &serde_json::to_string_pretty(value).unwrap())
    }
}

fn p(name: &str, code: &str) -> TransactionParty {
    TransactionParty::new("SGP1", name, "LEI", code)
}

fn document(to_order: bool) -> Value {
    json!({
        "transportDocumentReference": "LCOL26000777",
        "transportDocumentTypeCode": "BOL",
        "isToOrder": to_order,
        "carrierCode": "LCOL",
        "placeOfIssue": {"UNLocationCode": "SGSIN"},
        "termsAndConditions": "Carried subject to the carrier's terms.",
        "documentParties": {"shipper": {"partyName": "Straits"}, "issuingParty": {"partyName": "LCOL"}},
        "transports": {"portOfLoading": {"UNLocationCode": "SGSIN"}, "portOfDischarge": {"UNLocationCode": "CNYTN"}},
        "consignmentItems": [{"descriptionOfGoods": ["Components"]}]
    })
}

/// Issue on SGP1 to the shipper, then the shipper endorses to the bank and hands it over.
fn envelope(to_order: bool) -> String {
    let rng = SystemRandom::new();
    let (carrier, platform) = (
        Signer::new(ed25519_key(CARRIER)),
        Signer::new(ed25519_key(PLATFORM)),
    );
    let mut builder = EnvelopeBuilder::issue(
        document(to_order),
        Issuance {
            platform: "SGP1".into(),
            carrier: p("Lion City Ocean Lines", "LCOL0000000000000001"),
            issue_to: p("Straits", "STRA0000000000000002"),
            at: "2026-06-14T09:30:00Z".parse().unwrap(),
            visualisation: None,
        },
        &carrier,
        &platform,
        &rng,
    )
    .unwrap();
    let at = "2026-06-15T02:00:00Z".parse().unwrap();
    let (shipper, bank) = (
        p("Straits", "STRA0000000000000002"),
        p("Bank", "BANK0000000000000003"),
    );
    builder
        .record(
            "SGP1",
            vec![
                Transaction::new(ActionCode::Endorse, shipper.clone(), Some(bank.clone()), at),
                Transaction::new(ActionCode::Transfer, shipper, Some(bank), at),
            ],
            &platform,
            &rng,
        )
        .unwrap();
    builder
        .seal(&platform, Vec::new(), &rng)
        .unwrap()
        .to_json_pretty()
}

/// The receiver's store: the authority, the carrier (by LEI) and platform SGP1 on the IG list.
fn store(with_platform_key: bool) -> Value {
    let jwk = |seed| ed25519_key(seed).public_key().to_jwk();
    let mut platform = json!({"id": "SGP1", "kind": "platform", "jurisdiction": "SG",
        "evidence": [{"kind": "approved-list", "scheme": "ig-pi-clubs", "valid_from": "2025-01-01T00:00:00Z"}]});
    if with_platform_key {
        platform["keys"] = json!([{"jwk": jwk(PLATFORM), "binding": "direct"}]);
    }
    json!({
        "schema": "ebl-trust-store/1",
        "parties": [
            {"id": "SG-ETR-PLATFORMS", "kind": "authority", "keys": [{"jwk": jwk(AUTHORITY), "binding": "direct"}]},
            {"id": "LCOL", "kind": "carrier", "identifiers": [{"scheme": "LEI", "value": "LCOL0000000000000001"}],
             "keys": [{"jwk": jwk(CARRIER), "binding": "direct"}]},
            platform
        ]
    })
}

fn evidence() -> Value {
    json!({"governing_law": "SG", "registry_checked": true,
           "consents": [{"party": "LEI:BANK0000000000000003", "at": "2026-01-01T00:00:00Z",
                         "basis": "SGP1 platform terms"}]})
}

/// A scenario on disk: envelope, store, evidence.
struct Scenario {
    dir: Dir,
    envelope: String,
    store: String,
    evidence: String,
}

fn scenario(name: &str, to_order: bool) -> Scenario {
    let dir = Dir::new(name);
    let envelope = dir.write("envelope.json", &envelope(to_order));
    let store = dir.json("store.json", &store(true));
    let evidence = dir.json("evidence.json", &evidence());
    Scenario {
        dir,
        envelope,
        store,
        evidence,
    }
}

const AT: &str = "2026-06-16T00:00:00Z";

fn recognize(s: &Scenario, extra: &[&str]) -> Output {
    let mut args = vec!["recognize", "--trust", &s.store, "--at", AT];
    args.extend_from_slice(extra);
    args.push(&s.envelope);
    ebl(&args)
}

#[test]
fn a_clean_to_order_bill_is_recognised_exit_0_with_a_criteria_table() {
    let s = scenario("clean", true);
    let out = recognize(&s, &["--jurisdiction", "SG", "--evidence", &s.evidence]);
    let text = stdout(&out);
    assert_eq!(code(&out), Some(0), "{text}");
    let mut lines = text.lines();
    assert!(lines.next().unwrap().contains("VALID"), "{text}");
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("SG: recognised, subject to reliability"),
        "{text}"
    );
    for needle in [
        "integrity",
        "cites: ",
        "rule data: jurisdiction SG",
        "flag ",
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    assert!(!text.to_lowercase().contains("legally valid"));
}

#[test]
fn json_output_has_verdict_and_criteria_with_id_status_citation_reason() {
    let s = scenario("json", true);
    let out = recognize(
        &s,
        &["--jurisdiction", "UK", "--evidence", &s.evidence, "--json"],
    );
    assert_eq!(code(&out), Some(0), "{}", stdout(&out));
    let report: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(report["verdict"], "recognised-subject-to-reliability");
    assert_eq!(report["receiving"], "GB", "UK is the GB rule file");
    assert_eq!(report["verification"]["responseCode"], "RECE");
    let criteria = report["criteria"].as_array().unwrap();
    assert!(criteria.len() > 10);
    for c in criteria {
        for member in ["id", "status", "citation", "reason"] {
            assert!(c[member].is_string(), "{member}: {c}");
        }
    }
}

#[test]
fn without_the_governing_law_the_verdict_is_indeterminate_exit_3() {
    let s = scenario("indeterminate", true);
    let out = recognize(&s, &["--jurisdiction", "SG"]);
    assert_eq!(code(&out), Some(3), "{}", stdout(&out));
    assert!(stdout(&out).contains("decisive: governing-law"));
    // --governing-law supplies it.
    let out = recognize(
        &s,
        &[
            "--jurisdiction",
            "sg",
            "--governing-law",
            "SG",
            "--evidence",
            &s.evidence,
        ],
    );
    assert_eq!(code(&out), Some(0), "{}", stdout(&out));
}

#[test]
fn an_evidence_file_names_the_governing_law_as_the_command_line_does() {
    let s = scenario("evidence-law", true);
    let mut lower_case = evidence();
    lower_case["governing_law"] = json!("sg");
    let dir = Dir::new("evidence-law-lower");
    let file = dir.json("evidence.json", &lower_case);
    let out = recognize(&s, &["--jurisdiction", "SG", "--evidence", &file]);
    assert_eq!(code(&out), Some(0), "{}", stdout(&out));
}

#[test]
fn an_endorsed_straight_bill_is_indeterminate_exit_3_on_an_unverified_rule() {
    let s = scenario("straight", false);
    let out = recognize(&s, &["--jurisdiction", "SG", "--evidence", &s.evidence]);
    let text = stdout(&out);
    // SG s.16K's wording was not retrieved ([R]): the failure cannot refuse recognition alone.
    assert_eq!(code(&out), Some(3), "{text}");
    assert!(text.lines().next().unwrap().contains("INVALID"), "{text}");
    assert!(text.contains("decisive: endorsement-recorded"), "{text}");
    assert!(text.contains("unverified premise ([R]"), "{text}");
}

#[test]
fn agreements_by_id_and_by_file_and_their_sides() {
    let s = scenario("agreement", true);
    // The CN side requires the platform on the imported SG list, which this store lacks.
    let out = recognize(
        &s,
        &[
            "--agreement",
            "sg-cn-shenzhen",
            "--side",
            "CN",
            "--evidence",
            &s.evidence,
            "--json",
        ],
    );
    // The arrangement is a model: its clauses never block by themselves.
    assert_eq!(code(&out), Some(3), "{}", stdout(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["target"], "sg-cn-shenzhen/CN");
    assert_eq!(report["instrument"]["status"], "model");
    assert!(
        report["decisive"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["criterion"] == "approved-list" && d["source"] == "sg-cn-shenzhen")
    );
    let file = format!(
        "{}/../core/rules/agreements/sg-cn-shenzhen.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = recognize(
        &s,
        &[
            "--agreement",
            &file,
            "--side",
            "CN",
            "--evidence",
            &s.evidence,
        ],
    );
    assert_eq!(code(&out), Some(3), "{}", stdout(&out));
    assert!(stdout(&out).contains(
        "sg-cn-shenzhen/CN (model arrangement: no binding instrument exists): indeterminate"
    ));
    // Two sides and no --side: a usage error.
    let out = recognize(&s, &["--agreement", "sg-cn-shenzhen"]);
    assert_eq!(code(&out), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--side"));
}

#[test]
fn unusable_input_and_usage_errors_are_exit_2() {
    let s = scenario("unusable", true);
    assert_eq!(code(&recognize(&s, &[])), Some(2), "no target");
    assert_eq!(
        code(&recognize(&s, &["--jurisdiction", "XX"])),
        Some(2),
        "unknown jurisdiction"
    );
    assert_eq!(
        code(&recognize(
            &s,
            &["--jurisdiction", "SG", "--agreement", "sg-cn-shenzhen"]
        )),
        Some(2),
        "two targets"
    );
    let pdf = s.dir.write("bill.pdf", "%PDF-1.7");
    let out = ebl(&["recognize", "--jurisdiction", "SG", &pdf]);
    assert_eq!(code(&out), Some(2));
    let document = s.dir.json("td.json", &document(true));
    let out = ebl(&["recognize", "--jurisdiction", "SG", &document]);
    assert_eq!(code(&out), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not supported"));
    let bad_store = s
        .dir
        .write("bad-store.json", r#"{"schema": "ebl-trust-store/9"}"#);
    let out = ebl(&[
        "recognize",
        "--jurisdiction",
        "SG",
        "--trust",
        &bad_store,
        &s.envelope,
    ]);
    assert_eq!(code(&out), Some(2));
}

#[test]
fn target_strings_and_own_rule_files() {
    let s = scenario("target", true);
    // --target takes the syntax reports print; UK is GB's alias in the rule data.
    let out = recognize(&s, &["--target", "uk", "--evidence", &s.evidence, "--json"]);
    assert_eq!(code(&out), Some(0), "{}", stdout(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["target"], "GB");
    let keys: Vec<&String> = report.as_object().unwrap().keys().collect();
    assert_eq!(keys[..2], ["file", "verification"]);
    let out = recognize(
        &s,
        &["--target", "sg-cn-shenzhen/cn", "--evidence", &s.evidence],
    );
    assert_eq!(code(&out), Some(3), "{}", stdout(&out));
    assert!(stdout(&out).contains("sg-cn-shenzhen/CN (model arrangement"));

    // A user's own jurisdiction file, named by its id or its alias.
    let xl = format!(
        "{}/../testdata/recognition/xl.rules.json",
        env!("CARGO_MANIFEST_DIR")
    );
    for name in ["XL", "xanadu"] {
        let out = recognize(
            &s,
            &[
                "--rules",
                &xl,
                "--jurisdiction",
                name,
                "--evidence",
                &s.evidence,
            ],
        );
        let text = stdout(&out);
        assert!(text.contains("\nXL: "), "{text}");
        // The report names the user's file by its digest, as it names the embedded ones.
        let digest = ebl::recognition::RuleSet::from_json(&std::fs::read(&xl).unwrap(), "xl")
            .unwrap()
            .digest;
        assert!(
            text.contains(&format!(
                "rule data: jurisdiction XL version test-1 ({digest}), legal research of 2026-06"
            )),
            "{text}"
        );
    }
    // Without --rules it is unknown, and the error lists what is known.
    let out = recognize(&s, &["--jurisdiction", "XL"]);
    assert_eq!(code(&out), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'XL' is not known") && err.contains("UK"),
        "{err}"
    );
    // A jurisdiction file is not an agreement; a file that is not JSON is named.
    let out = recognize(&s, &["--agreement", &xl]);
    assert_eq!(code(&out), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rules"));
    let out = recognize(&s, &["--rules", &s.envelope, "--jurisdiction", "SG"]);
    assert_eq!(code(&out), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("$.schema"));
}

fn trust_list(sequence: u64, until: &str) -> Value {
    json!({
        "schema": "ebl-trust-list/1", "issuer": "SG-ETR-PLATFORMS", "sequence": sequence,
        "issued_at": "2026-01-01T00:00:00Z", "valid_from": "2026-01-01T00:00:00Z",
        "valid_until": until,
        "parties": [{"id": "SGP1", "kind": "platform", "jurisdiction": "SG",
                     "keys": [{"jwk": ed25519_key(PLATFORM).public_key().to_jwk(), "binding": "direct"}],
                     "evidence": [{"kind": "approved-list", "scheme": "ig-pi-clubs",
                                   "valid_from": "2025-01-01T00:00:00Z"}]},
                    {"id": "LCOL", "kind": "carrier",
                     "identifiers": [{"scheme": "LEI", "value": "LCOL0000000000000001"}],
                     "keys": [{"jwk": ed25519_key(CARRIER).public_key().to_jwk(), "binding": "direct"}]}]
    })
}

/// Writes a PEM private key and a public JWK for `seed`.
fn key_files(dir: &Dir, name: &str, seed: u8) -> (String, String) {
    let k = ed25519_key(seed);
    (
        dir.write(&format!("{name}.key.pem"), &k.to_pkcs8_pem()),
        dir.json(&format!("{name}.jwk"), &k.public_key().to_jwk()),
    )
}

fn sign(dir: &Dir, name: &str, list: &Value, private: &str) -> String {
    let list_file = dir.json(&format!("{name}.json"), list);
    let jws = dir.path(&format!("{name}.jws"));
    let out = ebl(&[
        "trust",
        "sign",
        "--key",
        private,
        "--issuer",
        "SG-ETR-PLATFORMS",
        &list_file,
        "-o",
        &jws,
    ]);
    assert_eq!(
        code(&out),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    jws
}

fn verify_list(public: &str, jws: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "trust",
        "verify",
        "--key",
        public,
        "--issuer",
        "SG-ETR-PLATFORMS",
        "--at",
        AT,
    ];
    args.extend_from_slice(extra);
    args.push(jws);
    ebl(&args)
}

#[test]
fn trust_lists_are_signed_verified_and_refused_when_bad() {
    let dir = Dir::new("lists");
    let (private, public) = key_files(&dir, "authority", AUTHORITY);
    let (stranger_private, stranger_public) = key_files(&dir, "stranger", STRANGER);
    let good = sign(
        &dir,
        "good",
        &trust_list(5, "2027-01-01T00:00:00Z"),
        &private,
    );

    let out = verify_list(&public, &good, &[]);
    assert_eq!(code(&out), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("VALID") && stdout(&out).contains("#5"));

    // Signed by someone else, or checked against the wrong key: bad signature.
    let forged = sign(
        &dir,
        "forged",
        &trust_list(6, "2027-01-01T00:00:00Z"),
        &stranger_private,
    );
    let out = verify_list(&public, &forged, &[]);
    assert_eq!(code(&out), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("REFUSED"));
    assert_eq!(code(&verify_list(&stranger_public, &good, &[])), Some(1));

    // Expired at the check time.
    let expired = sign(
        &dir,
        "expired",
        &trust_list(7, "2026-03-01T00:00:00Z"),
        &private,
    );
    let out = verify_list(&public, &expired, &[]);
    assert_eq!(code(&out), Some(1));
    assert!(stdout(&out).contains("expired"), "{}", stdout(&out));

    // Older than the list the store already imported.
    let mut seen = store(false);
    seen["imported_lists"] = json!([{"issuer": "SG-ETR-PLATFORMS", "sequence": 9}]);
    let seen = dir.json("seen-store.json", &seen);
    let out = verify_list(&public, &good, &["--store", &seen]);
    assert_eq!(code(&out), Some(1));
    assert!(
        stdout(&out).contains("replayed or older"),
        "{}",
        stdout(&out)
    );

    // The wrong issuer: refused by verify, and sign refuses a list of another issuer.
    let out = ebl(&[
        "trust",
        "verify",
        "--key",
        &public,
        "--issuer",
        "CN-SZ-EBL",
        "--at",
        AT,
        &good,
    ]);
    assert_eq!(code(&out), Some(1));
    let other = dir.json("other.json", &trust_list(1, "2027-01-01T00:00:00Z"));
    let out = ebl(&[
        "trust",
        "sign",
        "--key",
        &private,
        "--issuer",
        "CN-SZ-EBL",
        &other,
    ]);
    assert_eq!(code(&out), Some(2));

    // Not a JWS at all.
    let junk = dir.write("junk.jws", "not a jws");
    assert_eq!(code(&verify_list(&public, &junk, &[])), Some(2));
}

#[test]
fn recognize_imports_signed_lists_and_refuses_bad_ones() {
    let s = scenario("imports", true);
    let (private, _) = key_files(&s.dir, "authority", AUTHORITY);
    let (stranger, _) = key_files(&s.dir, "stranger", STRANGER);
    // The store holds only the authority: SGP1 and the carrier come from the signed SG list.
    let base = s.dir.json("base.json", &{
        let mut v = store(false);
        v["parties"]
            .as_array_mut()
            .unwrap()
            .retain(|p| p["id"] == "SG-ETR-PLATFORMS");
        v
    });
    let good = sign(
        &s.dir,
        "good",
        &trust_list(5, "2027-01-01T00:00:00Z"),
        &private,
    );
    let run = |list: &str| {
        ebl(&[
            "recognize",
            "--agreement",
            "sg-cn-shenzhen",
            "--side",
            "CN",
            "--trust",
            &base,
            "--trust",
            list,
            "--evidence",
            &s.evidence,
            "--at",
            AT,
            &s.envelope,
        ])
    };
    let out = run(&good);
    let text = stdout(&out);
    assert_eq!(code(&out), Some(0), "{text}");
    assert!(
        text.contains(
            "sg-cn-shenzhen/CN (model arrangement: no binding instrument exists): recognised, subject to reliability"
        ),
        "{text}"
    );

    let forged = sign(
        &s.dir,
        "forged",
        &trust_list(6, "2027-01-01T00:00:00Z"),
        &stranger,
    );
    let out = run(&forged);
    assert_eq!(code(&out), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refused"));
    let expired = sign(
        &s.dir,
        "expired",
        &trust_list(7, "2026-03-01T00:00:00Z"),
        &private,
    );
    assert_eq!(code(&run(&expired)), Some(2));
    // An older list after a newer one: the second --trust of the same issuer is refused.
    let newer = sign(
        &s.dir,
        "newer",
        &trust_list(8, "2027-01-01T00:00:00Z"),
        &private,
    );
    let out = ebl(&[
        "recognize",
        "--jurisdiction",
        "CN",
        "--trust",
        &base,
        "--trust",
        &newer,
        "--trust",
        &good,
        "--at",
        AT,
        &s.envelope,
    ]);
    assert_eq!(code(&out), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("replayed or older"));
}

#[test]
fn trust_show_reads_stores_lists_and_signed_lists() {
    let dir = Dir::new("show");
    let (private, _) = key_files(&dir, "authority", AUTHORITY);
    let store_file = dir.json("store.json", &store(true));
    let out = ebl(&["trust", "show", &store_file]);
    assert_eq!(code(&out), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("3 parties") && text.contains("SGP1 (platform, SG)"),
        "{text}"
    );
    assert!(
        text.contains("evidence approved-list 'ig-pi-clubs'"),
        "{text}"
    );

    let jws = sign(
        &dir,
        "list",
        &trust_list(5, "2027-01-01T00:00:00Z"),
        &private,
    );
    let out = ebl(&["trust", "show", &jws]);
    assert_eq!(code(&out), Some(0));
    assert!(stdout(&out).contains("NOT checked") && stdout(&out).contains("sequence 5"));
    let out = ebl(&["trust", "show", "--json", &jws]);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["issuer"], "SG-ETR-PLATFORMS");
    assert_eq!(value["signature"]["verified"], false);
    let out = ebl(&["trust", "show", "--json", &store_file]);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["schema"], "ebl-trust-store/1");
    assert_eq!(
        code(&ebl(&["trust", "show", &dir.write("x.txt", "hello")])),
        Some(2)
    );
}

#[test]
fn verify_trusts_the_keys_of_a_trust_store() {
    let s = scenario("verify-trust", true);
    let out = ebl(&["verify", "--trust", &s.store, "--at", AT, &s.envelope]);
    assert_eq!(code(&out), Some(0), "{}", stdout(&out));
    // A store without the platform's key: the entries' signatures are unknown.
    let sparse = s.dir.json("sparse.json", &store(false));
    let out = ebl(&["verify", "--trust", &sparse, "--at", AT, &s.envelope]);
    assert_eq!(code(&out), Some(1));
    assert!(stdout(&out).contains("BSIG"));
    // The platform key trusted, but bound to another platform code by the store: refused.
    let mut wrong = store(false);
    wrong["parties"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "OTHER", "kind": "platform",
                     "keys": [{"jwk": ed25519_key(PLATFORM).public_key().to_jwk(), "binding": "direct"}]}));
    wrong["parties"][2]["keys"] =
        json!([{"jwk": ed25519_key(STRANGER).public_key().to_jwk(), "binding": "direct"}]);
    let wrong = s.dir.json("wrong.json", &wrong);
    let out = ebl(&["verify", "--trust", &wrong, "--at", AT, &s.envelope]);
    assert_eq!(code(&out), Some(1));
    assert!(
        stdout(&out).contains("entry-signer-not-entry-platform"),
        "{}",
        stdout(&out)
    );
}
