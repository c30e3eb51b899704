//! `ebl inspect`: what a file contains, decoded, without judging it.

use std::path::Path;

use ebl::crypto::jws::decode_compact;
use ebl::detect::{Format, detect, detect_compact};
use ebl::json::{Map, Value};
use ebl::pint::{
    EblEnvelope, EnvelopeManifest, EnvelopeTransferChainEntry, IssuanceManifest, Transaction,
};

use crate::files::{self, Unusable};
use crate::output::outln;

pub fn run(path: &Path, json: bool) -> Result<(), Unusable> {
    let bytes = files::read(path)?;
    if let Some(compact) = detect_compact(&bytes) {
        return inspect_compact(path, compact, json);
    }
    let value = ebl::json::parse(&bytes).map_err(|e| Unusable::at(path, e))?;
    let format = detect(&value);
    let decoded = match format {
        Format::PintEnvelope => decode_envelope(&value).map_err(|e| Unusable::at(path, e))?,
        _ => value.clone(),
    };
    if json {
        let mut out = Map::new();
        out.insert("format".into(), Value::String(format.as_str().into()));
        out.insert("content".into(), decoded);
        outln!(
            "{}",
            serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default()
        );
        return Ok(());
    }
    outln!(
        "{}: {} (decoded, not verified — use `ebl verify` for a verdict)",
        path.display(),
        format.as_str()
    );
    match format {
        Format::PintEnvelope => print_envelope(&value).map_err(|e| Unusable::at(path, e))?,
        _ => {
            if let Some(reference) = value
                .get("transportDocumentReference")
                .and_then(Value::as_str)
            {
                outln!("  transport document {reference}");
            }
            outln!(
                "  checksum (SHA-256 of RFC 8785 form): {}",
                ebl::checksum::canonical_json_sha256(&value)
            );
        }
    }
    Ok(())
}

/// A compact JWS (a signed PINT response, say): its protected header and payload.
fn inspect_compact(path: &Path, compact: &str, json: bool) -> Result<(), Unusable> {
    let decoded = decode_jws(compact).map_err(|e| Unusable::at(path, e))?;
    if json {
        let mut out = Map::new();
        out.insert("format".into(), Value::String("compact-jws".into()));
        out.insert("content".into(), decoded);
        outln!(
            "{}",
            serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default()
        );
    } else {
        outln!(
            "{}: compact JWS (decoded, not verified — use `ebl verify` for a verdict)",
            path.display()
        );
        outln!(
            "{}",
            serde_json::to_string_pretty(&decoded).unwrap_or_default()
        );
    }
    Ok(())
}

/// The envelope with every JWS replaced by its decoded header and payload.
fn decode_envelope(value: &Value) -> ebl::Result<Value> {
    let envelope: EblEnvelope = ebl::json::from_value(value, &ebl::json::JsonPath::root())?;
    let mut out = Map::new();
    out.insert(
        "transportDocumentChecksum".into(),
        Value::String(ebl::checksum::canonical_json_sha256(
            &envelope.transport_document,
        )),
    );
    out.insert(
        "envelopeManifest".into(),
        decode_jws(&envelope.envelope_manifest_signed_content)?,
    );
    let mut chain = Vec::new();
    for compact in &envelope.envelope_transfer_chain {
        let mut entry = decode_jws(compact)?;
        if let Some(issuance) = entry
            .pointer("/payload/issuanceManifestSignedContent")
            .and_then(Value::as_str)
        {
            let decoded = decode_jws(issuance)?;
            if let Some(payload) = entry.get_mut("payload").and_then(Value::as_object_mut) {
                payload.insert("issuanceManifestSignedContent".into(), decoded);
            }
        }
        chain.push(entry);
    }
    out.insert("envelopeTransferChain".into(), Value::Array(chain));
    out.insert("transportDocument".into(), envelope.transport_document);
    Ok(Value::Object(out))
}

fn decode_jws(compact: &str) -> ebl::Result<Value> {
    let jws = decode_compact(compact)?;
    let mut out = Map::new();
    out.insert(
        "checksum".into(),
        Value::String(ebl::checksum::sha256_hex(compact.as_bytes())),
    );
    out.insert("header".into(), Value::Object(jws.header().json().clone()));
    out.insert("payload".into(), ebl::json::parse(jws.payload())?);
    Ok(Value::Object(out))
}

fn print_envelope(value: &Value) -> ebl::Result<()> {
    let envelope: EblEnvelope = ebl::json::from_value(value, &ebl::json::JsonPath::root())?;
    let td = &envelope.transport_document;
    outln!(
        "  transport document {} (checksum {})",
        td.get("transportDocumentReference")
            .and_then(Value::as_str)
            .unwrap_or("?"),
        ebl::checksum::canonical_json_sha256(td)
    );
    let manifest_jws = decode_compact(&envelope.envelope_manifest_signed_content)?;
    let manifest: EnvelopeManifest = ebl::json::from_slice(manifest_jws.payload())?;
    outln!("  manifest signed with {}", signer_text(&manifest_jws));
    for document in manifest
        .ebl_visualisation_by_carrier
        .iter()
        .chain(&manifest.supporting_documents)
    {
        outln!(
            "    document {} ({}, {} bytes, {})",
            document.name,
            document.media_type,
            document.size,
            document.document_checksum
        );
    }
    for (index, compact) in envelope.envelope_transfer_chain.iter().enumerate() {
        let jws = decode_compact(compact)?;
        let entry: EnvelopeTransferChainEntry = ebl::json::from_slice(jws.payload())?;
        outln!(
            "  entry {index}: platform {}, signed with {}",
            entry.ebl_platform,
            signer_text(&jws)
        );
        if let Some(issuance) = &entry.issuance_manifest_signed_content {
            let issuance_jws = decode_compact(issuance)?;
            let manifest: IssuanceManifest = ebl::json::from_slice(issuance_jws.payload())?;
            outln!(
                "    issuance manifest by {}: document {}",
                signer_text(&issuance_jws),
                manifest.document_checksum
            );
        }
        for transaction in &entry.transactions {
            outln!("    {}", transaction_text(transaction));
        }
    }
    Ok(())
}

fn signer_text(jws: &ebl::crypto::jws::UnverifiedJws) -> String {
    let header = jws.header();
    let mut text = header.alg().as_str().to_owned();
    if let Some(kid) = header.kid() {
        text.push_str(&format!(" key {kid}"));
    }
    if !header.x5c().is_empty() {
        text.push_str(&format!(" (x5c chain of {})", header.x5c().len()));
    }
    text
}

pub fn transaction_text(transaction: &Transaction) -> String {
    let who = |p: &ebl::pint::TransactionParty| format!("{} ({})", p.party_name, p.ebl_platform);
    let mut text = format!(
        "{} {:<24} {}",
        transaction
            .action_date_time
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        transaction.action_code.as_str(),
        who(&transaction.actor)
    );
    if let Some(recipient) = &transaction.recipient {
        text.push_str(&format!(" → {}", who(recipient)));
    }
    text
}
