//! `ebl trust sign | verify | show`, and loading the `--trust` files of `verify` and
//! `recognize`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use ebl::crypto::PublicKey;
use ebl::json::{JsonPath, Value};
use ebl::trust::{KeyBinding, Party, TrustError, TrustList, TrustStore, kind_name};
use ebl::verify::VerifyContext;

use crate::exit::{EXIT_INVALID, EXIT_UNUSABLE, EXIT_VALID};
use crate::files::{self, Unusable};
use crate::output::outln;

/// Reads the `--trust` files in order into one store: a trust-store JSON file is merged in; a
/// signed trust list (compact JWS) is imported with the keys its publisher has in the store
/// built so far (so list the store holding the publisher first), checking its signature,
/// issuer, validity at `at` and sequence number.
pub fn load_stores(paths: &[PathBuf], at: DateTime<Utc>) -> Result<TrustStore, Unusable> {
    let mut store = TrustStore::new();
    for path in paths {
        let bytes = files::read(path)?;
        let name = path.display().to_string();
        if looks_like_json(&bytes) {
            let other = TrustStore::from_json(&bytes, &name).map_err(|e| Unusable::at(path, e))?;
            store
                .merge(&other, &name)
                .map_err(|e| Unusable::at(path, e))?;
        } else {
            let jws = text(path, &bytes)?;
            let list = unverified_list(path, jws)?;
            store
                .import_signed_trust_list(jws, &list.issuer, at)
                .map_err(|e| Unusable::at(path, format!("trust list refused: {e}")))?;
        }
    }
    Ok(store)
}

fn looks_like_json(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

fn text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Unusable> {
    std::str::from_utf8(bytes).map(str::trim).map_err(|_| {
        Unusable::at(
            path,
            "not a trust store (JSON) or a signed trust list (JWS)",
        )
    })
}

/// The payload of a signed list, read without checking the signature (to learn its issuer,
/// or to show it).
fn unverified_list(path: &Path, jws: &str) -> Result<TrustList, Unusable> {
    let decoded = ebl::crypto::jws::decode_compact(jws).map_err(|e| {
        Unusable::at(
            path,
            format!("not a trust store (JSON) or a signed trust list (JWS): {e}"),
        )
    })?;
    let value = ebl::json::parse(decoded.payload()).map_err(|e| Unusable::at(path, e))?;
    ebl::json::from_value(&value, &JsonPath::root()).map_err(|e| Unusable::at(path, e))
}

/// `ebl trust sign`: a trust-list JSON file → a compact JWS signed by the publisher.
pub fn sign(key: &Path, issuer: &str, list: &Path, output: Option<&Path>) -> Result<(), Unusable> {
    let bytes = files::read(list)?;
    let value = ebl::json::parse(&bytes).map_err(|e| Unusable::at(list, e))?;
    let list_value: TrustList =
        ebl::json::from_value(&value, &JsonPath::root()).map_err(|e| Unusable::at(list, e))?;
    if list_value.issuer != issuer {
        return Err(Unusable::at(
            list,
            format!(
                "the list's issuer is '{}', not '{issuer}'",
                list_value.issuer
            ),
        ));
    }
    let signer = files::signer(key)?;
    let jws = list_value
        .sign(&signer.key, &ring::rand::SystemRandom::new())
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
        Ok(Ok(summary)) => {
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
        Ok(Err(refused)) => {
            outln!("{}: REFUSED — {refused}", args.list.display());
            ExitCode::from(EXIT_INVALID)
        }
        Err(unusable) => {
            eprintln!("ebl: {unusable}");
            ExitCode::from(EXIT_UNUSABLE)
        }
    }
}

type Checked = Result<ebl::trust::ImportSummary, String>;

fn check_list(args: &VerifyListArgs<'_>) -> Result<Checked, Unusable> {
    let bytes = files::read(args.list)?;
    let jws = text(args.list, &bytes)?;
    ebl::crypto::jws::decode_compact(jws).map_err(|e| {
        Unusable::at(
            args.list,
            format!("not a signed trust list (compact JWS): {e}"),
        )
    })?;
    let keys = public_keys(args.key, args.at)?;
    let base = match args.store {
        Some(path) => TrustStore::from_json(&files::read(path)?, &path.display().to_string())
            .map_err(|e| Unusable::at(path, e))?,
        None => TrustStore::new(),
    };
    let mut last = String::from("no key");
    for key in &keys {
        let mut store = base.clone();
        match store.import_signed_trust_list_with_key(jws, key, args.issuer, args.at) {
            Ok(summary) => return Ok(Ok(summary)),
            Err(ebl::Error::Trust(TrustError::ListMalformed { message })) => {
                return Err(Unusable::at(args.list, message));
            }
            Err(e) => last = e.to_string(),
        }
    }
    Ok(Err(last))
}

/// The public keys in a key file of any form `ebl verify --key` reads.
fn public_keys(path: &Path, at: DateTime<Utc>) -> Result<Vec<PublicKey>, Unusable> {
    let mut context = VerifyContext::at(at);
    context
        .add_keys(&files::read(path)?)
        .map_err(|e| Unusable::at(path, e))?;
    Ok(context
        .pint
        .verifier
        .keys
        .iter()
        .map(|e| e.key.clone())
        .collect())
}

/// `ebl trust show`: a trust store, a trust list or a signed trust list, for people or as JSON.
pub fn show(path: &Path, json: bool) -> Result<(), Unusable> {
    let bytes = files::read(path)?;
    if looks_like_json(&bytes) {
        let value = ebl::json::parse(&bytes).map_err(|e| Unusable::at(path, e))?;
        if value.get("schema").and_then(Value::as_str) == Some(ebl::trust::TRUST_LIST_SCHEMA) {
            let list: TrustList = ebl::json::from_value(&value, &JsonPath::root())
                .map_err(|e| Unusable::at(path, e))?;
            return show_list(path, &list, None, json);
        }
        let store = TrustStore::from_value(&value, &path.display().to_string())
            .map_err(|e| Unusable::at(path, e))?;
        if json {
            print_json(&store.to_json_value());
        } else {
            print_store(path, &store);
        }
        return Ok(());
    }
    let jws = text(path, &bytes)?;
    let list = unverified_list(path, jws)?;
    let header = ebl::crypto::jws::decode_compact(jws)
        .map(|d| {
            (
                d.header().alg().as_str().to_owned(),
                d.header().kid().map(str::to_owned),
            )
        })
        .map_err(|e| Unusable::at(path, e))?;
    show_list(path, &list, Some(header), json)
}

fn show_list(
    path: &Path,
    list: &TrustList,
    signed: Option<(String, Option<String>)>,
    json: bool,
) -> Result<(), Unusable> {
    if json {
        let mut value = serde_json::to_value(list).map_err(|e| Unusable::at(path, e))?;
        if let (Some((alg, kid)), Some(object)) = (&signed, value.as_object_mut()) {
            object.insert(
                "signature".into(),
                serde_json::json!({"alg": alg, "kid": kid, "verified": false}),
            );
        }
        print_json(&value);
        return Ok(());
    }
    match &signed {
        Some((alg, kid)) => outln!(
            "{}: signed trust list (signature NOT checked here — use `ebl trust verify`), {alg}, key {}",
            path.display(),
            kid.as_deref().unwrap_or("(no kid)")
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
    Ok(())
}

fn print_json(value: &Value) {
    outln!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
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

fn print_party(party: &Party) {
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
        // A list's keys get their id (the RFC 7638 thumbprint) when imported.
        let kid = if key.kid.is_empty() {
            PublicKey::from_jwk(&key.jwk)
                .map(|k| k.thumbprint())
                .unwrap_or_else(|_| "(no kid)".to_owned())
        } else {
            key.kid.clone()
        };
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
