//! Rule files are validated when loaded: unknown criterion ids, missing citations, overlapping
//! effective dates, gaps, misplaced parameters are errors naming the file and JSON path.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ebl::ErrorCode;
use ebl::recognition::{Agreement, Catalogue, CellStatus, CriterionId, RuleSet};
use serde_json::{Value, json};

fn file(name: &str) -> Value {
    let path = format!("{}/rules/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn load(v: &Value) -> ebl::Error {
    RuleSet::from_json(v.to_string().as_bytes(), "test-sg.json").unwrap_err()
}

fn cell_index(v: &Value, criterion: &str) -> usize {
    v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["criterion"] == criterion)
        .unwrap()
}

#[test]
fn every_shipped_file_loads_and_covers_every_criterion() {
    let catalogue = Catalogue::embedded().unwrap();
    assert_eq!(catalogue.jurisdictions().len(), 10);
    let at = "2026-12-01T00:00:00Z".parse().unwrap();
    for j in catalogue.jurisdictions() {
        assert!(!j.version.is_empty() && j.digest.starts_with("sha256:"));
        for &c in CriterionId::ALL {
            let cell = j
                .cell_at(c, at)
                .unwrap_or_else(|| panic!("{} lacks {c}", j.id));
            assert!(!cell.citation.trim().is_empty());
        }
    }
    // The files on disk are the embedded ones.
    for (name, id) in [
        ("jurisdictions/sg.json", "SG"),
        ("jurisdictions/cn.json", "CN"),
    ] {
        let from_disk = RuleSet::from_json(file(name).to_string().as_bytes(), name).unwrap();
        assert_eq!(from_disk.digest, catalogue.jurisdiction(id).unwrap().digest);
    }
}

#[test]
fn law_in_force_depends_on_the_date() {
    let catalogue = Catalogue::embedded().unwrap();
    let cn = catalogue.jurisdiction("CN").unwrap();
    let june = "2026-06-15T00:00:00Z".parse().unwrap();
    let october = "2026-10-15T00:00:00Z".parse().unwrap();
    let before_code = "2026-04-30T15:59:59Z".parse().unwrap();
    assert_eq!(
        cn.cell_at(CriterionId::Singularity, june).unwrap().status,
        CellStatus::Unknown
    );
    // From 1 Sep 2026 the Provisions' rows rest on an unverified Q&A summary: still unknown,
    // but on another citation; data protection goes from silent to unknown.
    let from_september = cn.cell_at(CriterionId::Singularity, october).unwrap();
    assert_eq!(from_september.status, CellStatus::Unknown);
    assert!(from_september.citation.contains("Provisions"));
    assert_eq!(
        cn.cell_at(CriterionId::DataProtection, june)
            .unwrap()
            .status,
        CellStatus::Silent
    );
    assert_eq!(
        cn.cell_at(CriterionId::DataProtection, october)
            .unwrap()
            .status,
        CellStatus::Unknown
    );
    assert!(cn.regime_in_force(june) && !cn.regime_in_force(before_code));
    // Midnight in Beijing is 16:00 UTC the day before.
    assert!(cn.regime_in_force("2026-04-30T16:00:00Z".parse().unwrap()));
    let sg = catalogue.jurisdiction("SG").unwrap();
    assert_eq!(
        sg.cell_at(CriterionId::ApprovedList, june)
            .map(|c| c.presumption),
        Some(true)
    );
}

#[test]
fn unknown_criterion_ids_are_refused_with_their_path() {
    let mut v = file("jurisdictions/sg.json");
    v["cells"][3]["criterion"] = json!("singularty");
    let err = load(&v);
    assert_eq!(err.code(), ErrorCode::RulesUnknownCriterion);
    assert_eq!(
        err.to_string(),
        "test-sg.json: $.cells[3].criterion: unknown criterion id 'singularty'"
    );
}

#[test]
fn missing_or_blank_citations_are_refused() {
    let mut v = file("jurisdictions/sg.json");
    v["cells"][5].as_object_mut().unwrap().remove("citation");
    let err = load(&v);
    assert_eq!(err.code(), ErrorCode::RulesMissingCitation);
    assert!(err.to_string().contains("$.cells[5]"), "{err}");

    let mut v = file("jurisdictions/gb.json");
    let i = cell_index(&v, "reliable-signature");
    v["cells"][i]["citation"] = json!("  ");
    assert_eq!(load(&v).code(), ErrorCode::RulesMissingCitation);

    let mut v = file("jurisdictions/gb.json");
    v["regime"]["citation"] = json!("");
    assert_eq!(load(&v).code(), ErrorCode::RulesMissingCitation);
}

#[test]
fn overlapping_effective_dates_are_refused() {
    let mut v = file("jurisdictions/cn.json");
    let i = cell_index(&v, "singularity");
    // The first singularity cell ends 1 Sep 2026; stretch it past the start of the next.
    v["cells"][i]["effective_until"] = json!("2026-10-01T00:00:00+08:00");
    let err = load(&v);
    assert_eq!(err.code(), ErrorCode::RulesOverlappingDates);
    assert!(err.to_string().contains("'singularity'"), "{err}");

    let mut v = file("jurisdictions/sg.json");
    let extra = v["cells"][0].clone();
    v["cells"].as_array_mut().unwrap().push(extra);
    assert_eq!(load(&v).code(), ErrorCode::RulesOverlappingDates);
}

#[test]
fn gaps_and_uncovered_criteria_are_refused() {
    let mut v = file("jurisdictions/cn.json");
    let i = cell_index(&v, "singularity");
    v["cells"][i]["effective_until"] = json!("2026-08-01T00:00:00+08:00");
    let err = load(&v);
    assert_eq!(err.code(), ErrorCode::RulesIncomplete);
    assert!(
        err.to_string()
            .contains("'singularity' has no cell in force from 2026-08-01"),
        "{err}"
    );

    let mut v = file("jurisdictions/mletr.json");
    let i = cell_index(&v, "consent");
    v["cells"].as_array_mut().unwrap().remove(i);
    let err = load(&v);
    assert_eq!(err.code(), ErrorCode::RulesIncomplete);
    assert!(err.to_string().contains("'consent' has no cell"), "{err}");

    let mut v = file("jurisdictions/sg.json");
    let i = cell_index(&v, "timestamps");
    v["cells"][i]["effective_from"] = json!("2022-01-01T00:00:00+08:00");
    assert_eq!(load(&v).code(), ErrorCode::RulesIncomplete);
}

#[test]
fn parameters_must_fit_their_criterion() {
    let mut v = file("jurisdictions/sg.json");
    let i = cell_index(&v, "singularity");
    v["cells"][i]["params"] = json!({"algorithms": ["ES256"]});
    let err = load(&v);
    assert_eq!(err.code(), ErrorCode::RulesInvalidParams);
    assert!(
        err.to_string()
            .contains(&format!("$.cells[{i}].params.algorithms")),
        "{err}"
    );

    let mut v = file("jurisdictions/sg.json");
    let i = cell_index(&v, "approved-list");
    v["cells"][i]["params"]["evidence"][0]["kind"] = json!("rumour");
    assert_eq!(load(&v).code(), ErrorCode::RulesInvalidParams);
}

#[test]
fn shape_errors_name_the_path() {
    let mut v = file("jurisdictions/sg.json");
    v["cells"][2]["status"] = json!("mandatory");
    let err = load(&v);
    assert_eq!(err.code(), ErrorCode::RulesInvalid);
    assert!(
        err.to_string()
            .starts_with("test-sg.json: $.cells[2].status"),
        "{err}"
    );

    let mut v = file("jurisdictions/sg.json");
    v["cells"][2]["colour"] = json!("red");
    assert_eq!(load(&v).code(), ErrorCode::RulesInvalid);

    let mut v = file("jurisdictions/sg.json");
    let i = cell_index(&v, "paper-to-electronic");
    v["cells"][i].as_object_mut().unwrap().remove("stricter");
    assert_eq!(load(&v).code(), ErrorCode::RulesInvalid);

    let mut v = file("jurisdictions/sg.json");
    v["schema"] = json!("ebl-recognition-rules/9");
    assert_eq!(load(&v).code(), ErrorCode::RulesInvalid);

    let err = RuleSet::from_json(b"{\"schema\": 1, \"schema\": 2}", "dup.json").unwrap_err();
    assert_eq!(err.code(), ErrorCode::JsonDuplicateKey);
}

#[test]
fn agreements_are_validated_and_need_loaded_sides() {
    let v = file("agreements/sg-cn-shenzhen.json");
    let a = Agreement::from_json(v.to_string().as_bytes(), "a.json").unwrap();
    assert_eq!(a.sides.len(), 2);

    let mut bad = v.clone();
    bad["sides"][1]["accepted_algorithms"]["citation"] = json!("");
    let err = Agreement::from_json(bad.to_string().as_bytes(), "a.json").unwrap_err();
    assert_eq!(err.code(), ErrorCode::RulesMissingCitation);
    assert!(
        err.to_string().contains("$.sides[1].accepted_algorithms"),
        "{err}"
    );

    let mut bad = v.clone();
    bad["sides"][1]["jurisdiction"] = json!("SG");
    let err = Agreement::from_json(bad.to_string().as_bytes(), "a.json").unwrap_err();
    assert!(err.to_string().contains("appears twice"), "{err}");

    let mut bad = v;
    bad["sides"][1]["jurisdiction"] = json!("ZZ");
    let a = Agreement::from_json(bad.to_string().as_bytes(), "a.json").unwrap();
    let mut catalogue = Catalogue::embedded().unwrap();
    let err = catalogue.add_agreement(a).unwrap_err();
    assert_eq!(err.code(), ErrorCode::RulesUnknownReference);

    let err = catalogue
        .agreement_target("sg-cn-shenzhen", "GB")
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::RulesUnknownReference);
    assert_eq!(
        catalogue.jurisdiction_target("XX").unwrap_err().code(),
        ErrorCode::RulesUnknownReference
    );
}

#[test]
fn files_load_from_disk_and_supersede_embedded_ones() {
    let dir = std::env::temp_dir().join(format!("ebl-recog-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut v = file("jurisdictions/gb.json");
    v["version"] = json!("2099-01.1");
    let path = dir.join("gb.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let mut catalogue = Catalogue::embedded().unwrap();
    catalogue.load_jurisdiction_file(&path).unwrap();
    assert_eq!(catalogue.jurisdiction("GB").unwrap().version, "2099-01.1");
    assert_eq!(catalogue.jurisdictions().len(), 10);

    v["cells"][0]["criterion"] = json!("nope");
    std::fs::write(&path, v.to_string()).unwrap();
    let err = catalogue.load_jurisdiction_file(&path).unwrap_err();
    assert!(
        err.to_string().starts_with(&path.display().to_string()),
        "{err}"
    );
    let missing = catalogue
        .load_jurisdiction_file(&dir.join("absent.json"))
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::Io);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn agreement_sides_add_a_layer_of_required_cells() {
    let catalogue = Catalogue::embedded().unwrap();
    let target = catalogue.agreement_target("sg-cn-shenzhen", "CN").unwrap();
    let layer = &target.layers[1];
    let algs = layer
        .cells
        .iter()
        .find(|c| c.criterion == CriterionId::AcceptedAlgorithm)
        .unwrap();
    assert_eq!(algs.status, CellStatus::Required);
    assert!(algs.uncertain, "a model instrument's cells are uncertain");
    assert!(algs.citation.contains("MODEL"));
    assert!(!algs.params.algorithms.iter().any(|a| a == "RS256"));
}
