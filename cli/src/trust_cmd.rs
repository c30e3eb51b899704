//! `ebl trust sign | verify | show`.

use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use ebl::json::Value;
use ebl::trust::{
    KeyBinding, TrustDocument, TrustList, TrustListVerdict, TrustStore, TrustedParty, kind_name,
};

use crate::exit::{EXIT_INVALID, EXIT_UNUSABLE, EXIT_VALID};
use crate::files::{self, Unusable};
use crate::output::{outln, print_pretty_json};

/// `ebl trust sign`: a trust-list JSON file → a compact JWS signed by the publisher.
pub fn sign(key: &Path, issuer: &str, list: &Path, output: Option<&Path>) -> Result<(), Unusable> {
    let list_value =
        TrustList::from_json(&files::read(list)?).map_err(|e| Unusable::at(list, e))?;
    let signer = files::signer(key)?;
    let jws = list_value
        .sign_as(issuer, &signer.key, &ring::rand::SystemRandom::new())
        .map_err(|e| Unusable::at(list, e))?;
    files::write_or_print(output, &jws)?;
    if let Some(path) = output {
        eprintln!(
            "signed trust list '{issuer}' #{} ({} parties, valid {} to {}) → {}",
            list_value.sequence,
            list_value.parties.len(),
            list_value.valid_from.to_rfc3339(),
            list_value.valid_until.to_rfc3339(),
            path.display()
        );
    }
    Ok(())
}

/// Arguments of `ebl trust verify`.
pub struct VerifyListArgs<'a> {
    pub key: &'a Path,
    pub issuer: &'a str,
    pub at: DateTime<Utc>,
    pub store: Option<&'a Path>,
    pub list: &'a Path,
}

/// `ebl trust verify`: the signature, issuer, validity at `at` and (with a store) the
/// sequence number. Exit 0 accepted, 1 refused, 2 unusable input.
pub fn verify(args: &VerifyListArgs<'_>) -> ExitCode {
    match check_list(args) {
        Ok(TrustListVerdict::Accepted(summary)) => {
            outln!(
                "{}: VALID — trust list '{}' #{}{}, {} parties: {}",
                args.list.display(),
                summary.issuer,
                summary.sequence,
                summary
                    .previous
                    .map(|p| format!(" (replaces #{p})"))
                    .unwrap_or_default(),
                summary.parties.len(),
                summary.parties.join(", ")
            );
            ExitCode::from(EXIT_VALID)
        }
        Ok(TrustListVerdict::Refused(refused)) => {
            outln!("{}: REFUSED — {refused}", args.list.display());
            ExitCode::from(EXIT_INVALID)
        }
        Err(unusable) => {
            eprintln!("ebl: {unusable}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

fn check_list(args: &VerifyListArgs<'_>) -> Result<TrustListVerdict, Unusable> {
    let jws = files::read(args.list)?;
    let keys: Vec<ebl::crypto::PublicKey> = ebl::crypto::read_public_keys(&files::read(args.key)?)
        .map_err(|e| Unusable::at(args.key, e))?
        .into_iter()
        .map(|entry| entry.key)
        .collect();
    let base = match args.store {
        Some(path) => TrustStore::from_json(&files::read(path)?, &path.display().to_string())
            .map_err(|e| Unusable::at(path, e))?,
        None => TrustStore::new(),
    };
    TrustList::verify_signed(&jws, &keys, args.issuer, args.at, &base)
        .map_err(|e| Unusable::at(args.list, e))
}

/// `ebl trust show`: a trust store, a trust list or a signed trust list, for people or as JSON.
pub fn show(path: &Path, json: bool) -> Result<(), Unusable> {
    let document = TrustDocument::from_bytes(&files::read(path)?, &path.display().to_string())
        .map_err(|e| Unusable::at(path, e))?;
    if json {
        print_pretty_json(&document.to_json_value());
        return Ok(());
    }
    match &document {
        TrustDocument::Store(store) => print_store(path, store),
        TrustDocument::List(list) => show_list(path, list, None),
        TrustDocument::SignedList { list, alg, kid } => {
            show_list(path, list, Some((alg.as_str(), kid.as_deref())));
        }
    }
    Ok(())
}

fn show_list(path: &Path, list: &TrustList, signed: Option<(&str, Option<&str>)>) {
    match signed {
        Some((alg, kid)) => outln!(
            "{}: signed trust list (signature NOT checked here — use `ebl trust verify`), {alg}, key {}",
            path.display(),
            kid.unwrap_or("(no kid)")
        ),
        None => outln!("{}: unsigned trust list", path.display()),
    }
    outln!(
        "  issuer {} sequence {}, issued {}, valid {} to {}",
        list.issuer,
        list.sequence,
        list.issued_at.to_rfc3339(),
        list.valid_from.to_rfc3339(),
        list.valid_until.to_rfc3339()
    );
    for party in &list.parties {
        print_party(party);
    }
}

fn print_store(path: &Path, store: &TrustStore) {
    outln!(
        "{}: trust store{} — {} parties",
        path.display(),
        store.name().map(|n| format!(" '{n}'")).unwrap_or_default(),
        store.parties().len()
    );
    let lists = store.to_json_value();
    if let Some(imported) = lists.get("imported_lists").and_then(Value::as_array) {
        for list in imported {
            outln!(
                "  imported list {} #{}",
                list["issuer"].as_str().unwrap_or_default(),
                list["sequence"]
            );
        }
    }
    for party in store.parties() {
        print_party(party);
    }
}

fn window(from: Option<DateTime<Utc>>, until: Option<DateTime<Utc>>) -> String {
    match (from, until) {
        (None, None) => "always".to_owned(),
        (Some(f), None) => format!("from {}", f.to_rfc3339()),
        (None, Some(u)) => format!("until {}", u.to_rfc3339()),
        (Some(f), Some(u)) => format!("{} to {}", f.to_rfc3339(), u.to_rfc3339()),
    }
}

fn print_party(party: &TrustedParty) {
    let kind = serde_json::to_value(party.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    outln!(
        "  {} ({kind}{}){}{} — valid {}",
        party.id,
        party
            .jurisdiction
            .as_deref()
            .map(|j| format!(", {j}"))
            .unwrap_or_default(),
        party
            .name
            .as_deref()
            .map(|n| format!(" {n}"))
            .unwrap_or_default(),
        party
            .listed_by
            .as_deref()
            .map(|l| format!(", listed by {l}"))
            .unwrap_or_default(),
        window(party.valid_from, party.valid_until)
    );
    for id in &party.identifiers {
        outln!("      identifier {}: {}", id.scheme, id.value);
    }
    for key in &party.keys {
        let kid = key.key_id().unwrap_or_else(|| "(no kid)".to_owned());
        outln!(
            "      key {kid} bound by {}{}, valid {}",
            binding(key.binding),
            if key.algorithms.is_empty() {
                String::new()
            } else {
                format!(", {}", key.algorithms.join("/"))
            },
            window(key.valid_from, key.valid_until)
        );
    }
    for certificate in &party.certificates {
        outln!(
            "      certificate{}",
            if certificate.anchor {
                " (trust anchor)"
            } else {
                ""
            }
        );
    }
    for revocation in &party.revocations {
        outln!(
            "      REVOKED key {} at {}{}",
            revocation.kid,
            revocation.at.to_rfc3339(),
            revocation
                .reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        );
    }
    for evidence in &party.evidence {
        outln!(
            "      evidence {} '{}'{}, valid {}{}",
            kind_name(evidence.kind),
            evidence.scheme,
            evidence
                .issued_by
                .as_deref()
                .map(|b| format!(" by {b}"))
                .unwrap_or_default(),
            window(evidence.valid_from, evidence.valid_until),
            if evidence.significant_reservation {
                ", WITH significant reservation"
            } else {
                ""
            }
        );
    }
}

fn binding(b: KeyBinding) -> String {
    serde_json::to_value(b)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
