//! Recognition honesty (issue 14): the report is never firmer or stricter than the law it
//! cites. Uncertainty reaches the verdict, criteria ask no more than the statutes, the SG–CN
//! arrangement is named a model, and every cell cites what `reference/legal.md` supports
//! (through the fixture `testdata/recognition/legal-citations.txt`; legal.md itself is not read).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use ebl::recognition::{
    Catalogue, CellStatus, Confidence, CriterionId as C, CriterionStatus, Effect, LoadedRules,
    Verdict,
};
use serde_json::{Value, json};
use support::recognition::{Fixture, TARGETS, rsa_platform_jwk, t};

fn repo(path: &str) -> String {
    format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Every shipped rule file, as raw JSON, with its name.
fn rule_files() -> Vec<(String, Value)> {
    let mut files = Vec::new();
    for dir in ["core/rules/jurisdictions", "core/rules/agreements"] {
        let mut names: Vec<_> = std::fs::read_dir(repo(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for path in names {
            let text = std::fs::read_to_string(&path).unwrap();
            files.push((
                path.display().to_string(),
                serde_json::from_str(&text).unwrap(),
            ));
        }
    }
    let laws = repo("core/rules/recognising-laws.json");
    let text = std::fs::read_to_string(&laws).unwrap();
    files.push((laws, serde_json::from_str(&text).unwrap()));
    files
}

/// Every citation in the shipped rule data: (where, citation).
fn citations() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |place: String, v: &Value| {
        out.push((place, v.as_str().unwrap_or_default().to_owned()));
    };
    for (name, file) in rule_files() {
        for key in ["regime", "industry_cover", "instrument"] {
            if let Some(c) = file.get(key).and_then(|r| r.get("citation")) {
                push(format!("{name} $.{key}"), c);
            }
        }
        for (i, cell) in file["cells"].as_array().into_iter().flatten().enumerate() {
            push(format!("{name} $.cells[{i}]"), &cell["citation"]);
        }
        for (i, law) in file["laws"].as_array().into_iter().flatten().enumerate() {
            push(format!("{name} $.laws[{i}]"), &law["citation"]);
        }
        // A clause is cited after its instrument, as `Agreement::cells_for` cites it.
        let instrument = file["instrument"]["citation"].as_str().unwrap_or_default();
        for (i, side) in file["sides"].as_array().into_iter().flatten().enumerate() {
            for (k, clause) in side.as_object().unwrap() {
                if let Some(c) = clause.get("citation").and_then(Value::as_str) {
                    let cited = json!(format!("{instrument} — {c}"));
                    push(format!("{name} $.sides[{i}].{k}"), &cited);
                }
            }
        }
    }
    out
}

/// The fixture's two lists: instruments and provision numbers.
fn allowed() -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(repo("testdata/recognition/legal-citations.txt")).unwrap();
    let (mut instruments, mut provisions, mut section) = (Vec::new(), Vec::new(), "");
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        match line {
            "[instruments]" | "[provisions]" => section = line,
            _ if section == "[instruments]" => instruments.push(line.to_owned()),
            _ => provisions.push(line.to_owned()),
        }
    }
    (instruments, provisions)
}

/// The provision numbers a citation gives after `s.`, `ss.`, `art.`, `arts` or `§`:
/// `16H(1)(a)`, `7-106(a)`, `13(3)`.
fn provision_numbers(citation: &str) -> Vec<String> {
    let chars: Vec<char> = citation.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..].iter().take(5).collect();
        let boundary = i == 0 || !chars[i - 1].is_alphabetic();
        let skip = if !boundary {
            0
        } else if rest.starts_with("ss.") || rest.starts_with("arts") {
            if rest.starts_with("ss.") { 3 } else { 4 }
        } else if rest.starts_with("s.") {
            2
        } else if rest.starts_with("art.") {
            4
        } else if rest.starts_with('§') {
            1
        } else {
            0
        };
        if skip == 0 {
            i += 1;
            continue;
        }
        let mut j = i + skip;
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        let start = j;
        while chars.get(j).is_some_and(char::is_ascii_digit) {
            j += 1;
        }
        if j == start {
            i += 1;
            continue;
        }
        if chars.get(j).is_some_and(char::is_ascii_uppercase) {
            j += 1;
        }
        if chars.get(j) == Some(&'-') && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
            j += 1;
            while chars.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
        }
        while chars.get(j) == Some(&'(') {
            let close = chars[j..].iter().position(|&c| c == ')').map(|p| j + p);
            match close {
                Some(k)
                    if k > j + 1
                        && chars[j + 1..k]
                            .iter()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) =>
                {
                    j = k + 1;
                }
                _ => break,
            }
        }
        out.push(chars[start..j].iter().collect());
        i = j;
    }
    out
}

#[test]
fn the_provision_scanner_reads_the_forms_the_rule_data_uses() {
    assert_eq!(
        provision_numbers("ETA s.16H(1)(b)(iii), (2); ss.16I, 16K"),
        ["16H(1)(b)(iii)", "16I"]
    );
    assert_eq!(
        provision_numbers("UCC § 7-106(a); MLETR art. 10(1)(a); arts 13–14"),
        ["7-106(a)", "10(1)(a)", "13"]
    );
    assert!(provision_numbers("Private international law").is_empty());
}

#[test]
fn every_citation_names_an_instrument_and_provisions_found_in_legal_md() {
    let (instruments, provisions) = allowed();
    assert!(instruments.len() > 10 && provisions.len() > 50);
    let all = citations();
    assert!(all.len() > 200, "{}", all.len());
    for (place, citation) in all {
        assert!(!citation.trim().is_empty(), "{place}: empty citation");
        assert!(
            instruments.iter().any(|i| citation.contains(i.as_str())),
            "{place}: '{citation}' names no instrument of legal.md"
        );
        for p in provision_numbers(&citation) {
            assert!(
                provisions.contains(&p),
                "{place}: provision '{p}' of '{citation}' is not in legal.md's list"
            );
        }
    }
}

#[test]
fn every_cell_carries_a_confidence_tag_and_every_file_its_research_date() {
    let tags = ["verified", "secondary", "recalled", "uncertain"];
    for (name, file) in rule_files() {
        if let Some(r) = file.get("researched") {
            assert!(r.as_str().is_some_and(|r| r.starts_with("2026-")), "{name}");
        } else {
            panic!("{name}: no research date");
        }
        for (i, cell) in file["cells"].as_array().into_iter().flatten().enumerate() {
            let c = cell["confidence"].as_str().unwrap_or_default();
            assert!(tags.contains(&c), "{name} $.cells[{i}]: confidence '{c}'");
        }
        for (i, law) in file["laws"].as_array().into_iter().flatten().enumerate() {
            let c = law["confidence"].as_str().unwrap_or_default();
            assert!(tags.contains(&c), "{name} $.laws[{i}]: confidence '{c}'");
        }
        if let Some(regime) = file.get("regime") {
            let c = regime["confidence"].as_str().unwrap_or_default();
            assert!(tags.contains(&c), "{name} $.regime: confidence '{c}'");
        }
    }
}

#[test]
fn no_cell_that_is_not_verified_can_make_a_verdict_not_recognised() {
    let catalogue = Catalogue::embedded().unwrap();
    let mut cells = Vec::new();
    for j in catalogue.jurisdictions() {
        cells.extend(j.cells.iter().cloned());
    }
    for a in catalogue.agreements() {
        for side in &a.sides {
            cells.extend(a.cells_for(side));
        }
    }
    let mut checked = 0;
    for cell in &cells {
        let blocks = Effect::of_cell(cell, CriterionStatus::NotSatisfied) == Effect::Blocks;
        if cell.confidence != Confidence::Verified || cell.uncertain {
            assert!(!blocks, "{} ({}) blocks", cell.criterion, cell.citation);
            checked += 1;
        }
        for s in [
            CriterionStatus::Satisfied,
            CriterionStatus::NotApplicable,
            CriterionStatus::Indeterminate,
        ] {
            assert_ne!(Effect::of_cell(cell, s), Effect::Blocks);
        }
    }
    assert!(checked > 100, "{checked}");
    // And end to end: whenever a broken record is "not recognised", every decisive criterion
    // rests on a cell that can block (or on a verified regime).
    let scenarios: Vec<Fixture> = vec![
        straight_bill_endorsed(),
        transfer_after_surrender(),
        unlisted_platform(),
        rs256(),
    ];
    let all_targets =
        TARGETS
            .iter()
            .copied()
            .chain(["HK", "BH", "ADGM", "DE", "US", "sg-cn-shenzhen/SG"]);
    for fx in &scenarios {
        for target in all_targets.clone() {
            let report = fx.report(target);
            if report.verdict != Verdict::NotRecognised {
                continue;
            }
            for d in &report.decisive {
                let c = report
                    .criteria
                    .iter()
                    .find(|c| c.id == d.criterion && c.source == d.source)
                    .unwrap();
                assert_eq!(c.effect, Effect::Blocks);
                assert!(
                    c.cells.iter().any(ebl::recognition::Cell::can_block),
                    "{target}: {} blocks on {:?}",
                    c.id,
                    c.cells
                );
            }
        }
    }
}

fn straight_bill_endorsed() -> Fixture {
    let mut fx = Fixture::valid();
    fx.input["history"]["to_order"] = json!(false);
    fx
}

fn transfer_after_surrender() -> Fixture {
    let mut fx = Fixture::valid();
    fx.events().push(json!({
        "kind": "transfer", "at": "2026-10-07T08:00:00Z", "time_source": "signed",
        "platform": "SGTD", "actor": "BANK", "controller_after": {"parties": ["CONSIGNEE"]},
        "status_after": "active"
    }));
    let kid = fx.sgtd_key.public_key().thumbprint();
    fx.signatures().push(
        json!({"event": 5, "algorithm": "ES256", "kid": kid, "signer": "SGTD", "verified": true}),
    );
    fx
}

fn unlisted_platform() -> Fixture {
    let mut fx = Fixture::valid();
    fx.list_sgtd = false;
    fx
}

fn rs256() -> Fixture {
    let mut fx = Fixture::valid();
    fx.sgtd["keys"] =
        json!([{"jwk": rsa_platform_jwk(), "algorithms": ["RS256"], "binding": "direct"}]);
    for s in fx.signatures().iter_mut() {
        if s["signer"] == "SGTD" {
            s["algorithm"] = json!("RS256");
            s["kid"] = json!("cbnuKK2OdATnMnmf");
        }
    }
    fx
}

#[test]
fn a_failure_on_a_recalled_rule_is_indeterminate_and_names_the_premise() {
    let report = transfer_after_surrender().report("MLETR");
    assert_eq!(report.verdict, Verdict::Indeterminate);
    let terminal = report.criterion(C::TerminalStates).unwrap();
    assert_eq!(terminal.status, CriterionStatus::NotSatisfied);
    assert_eq!(terminal.effect, Effect::Undetermined);
    assert!(
        terminal
            .reason
            .contains("not decisive: the rule rests on an unverified premise ([R] recalled"),
        "{}",
        terminal.reason
    );
    assert!(
        terminal
            .reason
            .contains("MLETR arts 10(1)(b)(ii), 17(3), 18(3)")
    );
    // The same history under Singapore's verified s.16H(1)(b)(ii) is not recognised.
    let sg = transfer_after_surrender().report("SG");
    assert_eq!(sg.verdict, Verdict::NotRecognised);
    assert!(
        sg.criterion(C::TerminalStates)
            .unwrap()
            .citation
            .contains("16H(1)(b)(ii)")
    );
}

#[test]
fn a_clause_of_the_model_arrangement_never_blocks_by_itself() {
    let report = rs256().report("sg-cn-shenzhen/CN");
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert_eq!(report.decisive_ids(), ["accepted-algorithm"]);
    let clause = report
        .criteria
        .iter()
        .find(|c| c.criterion == C::AcceptedAlgorithm && c.source == "sg-cn-shenzhen")
        .unwrap();
    assert_eq!(clause.status, CriterionStatus::NotSatisfied);
    assert!(clause.reason.contains("MODEL"), "{}", clause.reason);
    assert!(clause.citation.contains("model cl. 3.2"));
    // The one-line verdict names it a model.
    let line = report.to_string();
    assert!(
        line.starts_with("sg-cn-shenzhen/CN (model arrangement: no binding instrument exists): "),
        "{line}"
    );
}

#[test]
fn missing_proxy_content_is_indeterminate_naming_the_field_and_s16h() {
    let mut fx = Fixture::valid();
    fx.input["document"]
        .as_object_mut()
        .unwrap()
        .remove("termsAndConditions");
    let sg = fx.report("SG");
    assert_eq!(sg.verdict, Verdict::Indeterminate);
    let content = sg.criterion(C::RequiredContent).unwrap();
    assert_eq!(content.status, CriterionStatus::Indeterminate);
    assert!(content.reason.contains("termsAndConditions") && content.reason.contains("proxy"));
    assert!(content.citation.contains("s.16H(1)(a)"));
}

#[test]
fn chinese_provisions_rows_are_unknown_and_full_reproduction_is_singapores() {
    let catalogue = Catalogue::embedded().unwrap();
    let cn = catalogue.jurisdiction("CN").unwrap();
    for cell in cn
        .cells
        .iter()
        .filter(|c| c.citation.contains("Provisions on"))
    {
        assert!(
            !matches!(
                cell.status,
                CellStatus::Required | CellStatus::RequiredStricter
            ),
            "{} {:?}",
            cell.criterion,
            cell.status
        );
        assert!(!cell.params.full_reproduction, "{}", cell.criterion);
    }
    let divests = cn
        .cell_at(C::TransferDivests, t("2026-10-01T00:00:00Z"))
        .unwrap();
    assert_eq!(divests.status, CellStatus::Unknown);
    assert!(
        divests
            .notes
            .as_deref()
            .unwrap_or_default()
            .contains("truncated")
    );
    let sg = catalogue.jurisdiction("SG").unwrap();
    let p2e = sg
        .cell_at(C::PaperToElectronic, t("2026-10-01T00:00:00Z"))
        .unwrap();
    assert!(p2e.params.full_reproduction && p2e.citation.contains("16M"));
}

/// The valid history, issued by conversion from paper with no change-of-medium statement.
fn converted_without_statement() -> Fixture {
    let mut fx = Fixture::valid();
    fx.events()[0]["kind"] = json!("convert-from-paper");
    fx.events()[0]["change_of_medium"] =
        json!({"statement": false, "old_medium_inoperative": true});
    fx
}

#[test]
fn the_uk_change_of_medium_rule_is_recalled_only_and_does_not_block() {
    let fx = converted_without_statement();
    let gb = fx.report("GB");
    let row = gb.criterion(C::PaperToElectronic).unwrap();
    assert_eq!(row.status, CriterionStatus::NotSatisfied);
    assert_eq!(row.effect, Effect::Undetermined);
    assert!(row.citation.contains("s.4"));
    assert!(row.reason.contains("[R]"), "{}", row.reason);
    assert_ne!(gb.verdict, Verdict::NotRecognised);
    // Singapore's s.16M is verified: the same conversion is not recognised there.
    assert_eq!(fx.report("SG").verdict, Verdict::NotRecognised);
}

#[test]
fn a_consent_refusal_and_a_late_governing_law_do_not_block() {
    let mut fx = Fixture::valid();
    fx.evidence()["consents"] = json!([{"party": "BANK", "at": "2026-09-30T00:00:00Z",
        "basis": "declined the platform terms", "refused": true}]);
    let sg = fx.report("SG");
    let consent = sg.criterion(C::Consent).unwrap();
    assert_eq!(consent.status, CriterionStatus::NotSatisfied);
    assert_eq!(consent.effect, Effect::None);
    assert_eq!(consent.cells[0].status, CellStatus::Factor);
    assert!(consent.citation.contains("s.16D"));
    assert_eq!(sg.verdict, Verdict::RecognisedSubjectToReliability);

    let mut fx = Fixture::valid();
    fx.evidence()["governing_law"] = json!("CN");
    fx.events()[0]["at"] = json!("2026-03-01T00:00:00Z");
    let sg = fx.report("SG");
    let law = sg.criterion(C::GoverningLaw).unwrap();
    assert_eq!(law.status, CriterionStatus::Indeterminate);
    assert!(law.reason.contains("conflict-of-laws") && law.reason.contains("Maritime Code"));
    assert_ne!(sg.verdict, Verdict::NotRecognised);
}

#[test]
fn recognising_laws_are_kept_once_and_the_s_tagged_adopters_are_indeterminate() {
    for (name, file) in rule_files() {
        if name.ends_with("recognising-laws.json") {
            continue;
        }
        let text = file.to_string();
        assert!(
            !text.contains("recognising_laws"),
            "{name} repeats the list"
        );
    }
    let catalogue = Catalogue::embedded().unwrap();
    let laws = catalogue.recognising_laws().unwrap();
    for id in ["BZ", "KI", "PG", "PY"] {
        let law = laws.laws.iter().find(|l| l.law == id).unwrap();
        assert_eq!(law.confidence, Some(Confidence::Secondary), "{id}");
        assert!(law.from.is_none(), "{id}: a date legal.md does not give");
        let mut fx = Fixture::valid();
        fx.evidence()["governing_law"] = json!(id);
        let row = fx.status("SG", C::GoverningLaw);
        assert_eq!(row, CriterionStatus::Indeterminate, "{id}");
    }
    // Every report names the shared list with its version, digest and research date.
    let report = Fixture::valid().report("GB");
    let shared = report
        .rules
        .iter()
        .find(|r| r.kind == "recognising-laws")
        .unwrap();
    assert_eq!(shared.digest, laws.digest);
    assert_eq!(shared.researched.as_deref(), Some("2026-06"));
    assert!(
        report
            .rules
            .iter()
            .all(|r| r.researched.as_deref() == Some("2026-06"))
    );
}

#[test]
fn france_encodes_certification_once_from_the_decrets_entry_into_force() {
    let catalogue = Catalogue::embedded().unwrap();
    let fr = catalogue.jurisdiction("FR").unwrap();
    assert!(fr.cells.iter().all(|c| !c.presumption));
    let certified = fr
        .cell_at(C::ApprovedList, t("2025-10-01T00:00:00Z"))
        .unwrap();
    assert_eq!(certified.status, CellStatus::RequiredStricter);
    assert_eq!(certified.params.max_age_months, Some(60));
    // Between the décret's signing (12 Aug 2025) and 1 Sep 2025 — legal.md dates its entry
    // into force only "Aug 2025" — its cells are unknown.
    let signing_month = fr
        .cell_at(C::ApprovedList, t("2025-08-20T00:00:00Z"))
        .unwrap();
    assert_eq!(signing_month.status, CellStatus::Unknown);
    assert_eq!(
        certified.effective_from.map(|f| f.to_rfc3339()).as_deref(),
        Some("2025-09-01T00:00:00+02:00")
    );
    assert_eq!(
        Fixture::valid()
            .report("FR")
            .flags
            .statutory_presumption
            .value,
        ebl::recognition::FlagValue::No
    );
}

#[test]
fn a_criterion_with_no_event_is_not_applicable_and_a_partial_history_indeterminate() {
    let report = Fixture::valid().report("SG");
    let p2e = report.criterion(C::PaperToElectronic).unwrap();
    assert_eq!(p2e.status, CriterionStatus::NotApplicable);
    assert!(p2e.reason.starts_with("not applicable"));
    assert_eq!(p2e.effect, Effect::None);
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    let row = json["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "paper-to-electronic")
        .unwrap();
    assert_eq!(row["status"], "not-applicable");

    // A history that starts after the issuance says nothing about content, place, issuer or
    // governing law: indeterminate, never not satisfied.
    let mut fx = Fixture::valid();
    fx.events().remove(0);
    fx.signatures().retain(|s| s["event"] != 0);
    for s in fx.signatures().iter_mut() {
        let e = s["event"].as_u64().unwrap();
        s["event"] = json!(e - 1);
    }
    let sg = fx.report("SG");
    for c in [
        C::RequiredContent,
        C::PlaceIndicated,
        C::IssuerIdentity,
        C::GoverningLaw,
        C::Controllability,
    ] {
        let row = sg.criterion(c).unwrap();
        assert_eq!(
            row.status,
            CriterionStatus::Indeterminate,
            "{c}: {}",
            row.reason
        );
        assert!(
            row.reason.contains("partial history"),
            "{c}: {}",
            row.reason
        );
    }
}

#[test]
fn the_new_jurisdictions_are_honest_about_their_confidence() {
    let fx = Fixture::valid();
    let hk = fx.report("HK");
    assert_eq!(hk.verdict, Verdict::Indeterminate);
    assert!(hk.decisive_ids().contains(&"regime"));
    assert!(!hk.regime.in_force_at_creation);
    assert!(hk.regime.citation.contains("Cap. 553"));
    // Where Hong Kong law governs a bill, recognition elsewhere is not established either.
    let mut governed_by_hk = Fixture::valid();
    governed_by_hk.evidence()["governing_law"] = json!("HK");
    assert_eq!(
        governed_by_hk.status("SG", C::GoverningLaw),
        CriterionStatus::Indeterminate
    );
    assert_eq!(governed_by_hk.report("SG").verdict, Verdict::Indeterminate);
    let catalogue = Catalogue::embedded().unwrap();
    let at = t("2026-10-01T00:00:00Z");
    let cell = |j: &str, c: C| {
        catalogue
            .jurisdiction(j)
            .unwrap()
            .cell_at(c, at)
            .unwrap()
            .clone()
    };
    // Germany: integrity and authenticity verified; control waits for the § 516(3) ordinance.
    assert!(cell("DE", C::Integrity).can_block());
    assert!(cell("DE", C::Integrity).citation.contains("Integrität"));
    assert_eq!(cell("DE", C::SingleHolder).status, CellStatus::Unknown);
    // United States: the (b) safe harbour is not a condition; (a) is.
    assert_eq!(cell("US", C::Singularity).status, CellStatus::Unknown);
    assert!(cell("US", C::SingleHolder).citation.contains("7-106(a)"));
    // Bahrain and ADGM rows rest on secondary sources: none can block.
    for j in ["BH", "ADGM"] {
        let rules = catalogue.jurisdiction(j).unwrap();
        assert!(rules.cells.iter().all(|c| !c.can_block()), "{j}");
    }
    for j in ["HK", "BH", "ADGM", "DE", "US"] {
        let report = fx.report(j);
        assert!(report.rules.iter().all(|r| r.researched.is_some()), "{j}");
        for broken in [transfer_after_surrender(), rs256()] {
            let r = broken.report(j);
            if j != "DE" && j != "US" {
                assert_ne!(r.verdict, Verdict::NotRecognised, "{j}");
            }
        }
    }
}

#[test]
fn a_users_rule_file_gets_the_same_schema_checks_and_is_named_by_its_digest() {
    let xl = std::fs::read(repo("testdata/recognition/xl.rules.json")).unwrap();
    let mut catalogue = Catalogue::embedded().unwrap();
    assert_eq!(
        catalogue.add_rules(&xl, "xl.rules.json").unwrap(),
        LoadedRules::Jurisdiction("XL".into())
    );
    let digest = catalogue.jurisdiction("XL").unwrap().digest.clone();
    let target = catalogue.target("XL").unwrap();
    let fx = Fixture::valid();
    let report =
        ebl::recognition::recognize(&fx.recognition_input(), &fx.trust(), &target, fx.at).unwrap();
    assert!(
        report
            .rules
            .iter()
            .any(|r| r.id == "XL" && r.digest == digest)
    );
    // The shared list applies to it, as to the embedded files.
    assert!(report.rules.iter().any(|r| r.kind == "recognising-laws"));

    // A cell without its confidence tag is refused with the file name and path, as an
    // embedded file would be.
    let mut value: Value = serde_json::from_slice(&xl).unwrap();
    value["cells"][3]
        .as_object_mut()
        .unwrap()
        .remove("confidence");
    let err = catalogue
        .add_rules(value.to_string().as_bytes(), "mine.json")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("mine.json") && err.contains("$.cells[3]"),
        "{err}"
    );
    let mut value: Value = serde_json::from_slice(&xl).unwrap();
    value["cells"][0]["params"]["proxy_fields"] = json!("yes");
    assert!(
        catalogue
            .add_rules(value.to_string().as_bytes(), "mine.json")
            .is_err()
    );
}

#[test]
fn each_reworded_criterion_says_what_it_checks_and_cites_its_provision() {
    // Amendments: identified as such; who may amend is for the rulebook (MLETR art. 16, s.16L).
    let mut fx = Fixture::valid();
    fx.events().insert(
        3,
        json!({"kind": "amend", "at": "2026-10-03T08:00:00Z", "time_source": "signed",
               "platform": "SGTD", "actor": "BANK", "document_checksum": "c2",
               "controller_before": {"parties": ["BANK"]}, "controller_after": {"parties": ["BANK"]}}),
    );
    for s in fx.signatures().iter_mut() {
        let e = s["event"].as_u64().unwrap();
        if e >= 3 {
            s["event"] = json!(e + 1);
        }
    }
    let sg = fx.report("SG");
    let amend = sg.criterion(C::AmendmentsIdentified).unwrap();
    assert_eq!(amend.status, CriterionStatus::Satisfied, "{}", amend.reason);
    assert!(
        amend.reason.contains("platform's rulebook"),
        "{}",
        amend.reason
    );
    assert!(amend.citation.contains("s.16L"));
    assert_eq!(amend.title, "amended information identified as such");

    let report = Fixture::valid().report("SG");
    let holder = report.criterion(C::SingleHolder).unwrap();
    assert!(
        holder.title.starts_with("one holder recorded"),
        "{}",
        holder.title
    );
    assert!(holder.citation.contains("s.16I(1)(a)"));
    let signature = report.criterion(C::ReliableSignature).unwrap();
    assert!(
        signature
            .title
            .contains("method reliability left to evidence")
    );
    assert!(
        signature
            .reason
            .contains("the method's reliability is not decided here"),
        "{}",
        signature.reason
    );
    let time = report.criterion(C::Timestamps).unwrap();
    assert!(time.title.contains("where the law requires or permits it"));
    assert!(time.citation.contains("s.16J"));
    let law = report.criterion(C::GoverningLaw).unwrap();
    assert!(law.citation.contains("Private international law"));

    // Consent refused: the reason says why it does not decide validity.
    let mut fx = Fixture::valid();
    fx.evidence()["consents"] = json!([{"party": "BANK", "at": "2026-09-30T00:00:00Z",
        "basis": "declined", "refused": true}]);
    let consent = fx.report("MLETR");
    let consent = consent.criterion(C::Consent).unwrap();
    assert!(
        consent.reason.contains("not a validity condition"),
        "{}",
        consent.reason
    );
    assert!(consent.citation.contains("art. 7(2)–(3)"));

    // China after 1 Sep 2026: a transfer after surrender fails a row whose basis is unknown.
    let cn = transfer_after_surrender().report("CN");
    let terminal = cn.criterion(C::TerminalStates).unwrap();
    assert_eq!(terminal.status, CriterionStatus::NotSatisfied);
    assert_eq!(terminal.effect, Effect::Undetermined);
    assert!(terminal.citation.contains("Provisions on Promoting"));
    assert!(
        terminal
            .reason
            .contains("whether the receiving law requires this is not established ([S]"),
        "{}",
        terminal.reason
    );
}
