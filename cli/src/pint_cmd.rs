//! `ebl keygen | issue | transfer | endorse | surrender`: making and extending PINT envelopes.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ebl::crypto::{KeyType, PrivateKey};
use ebl::pint::{
    ActionCode, DocumentMetadata, EblEnvelope, EnvelopeBuilder, Issuance, Signer, Transaction,
    TransactionParty,
};
use ring::rand::SystemRandom;

use crate::files::{self, Unusable};

/// Writes `NAME.key.pem` (private, PKCS#8) and `NAME.jwk` (public, `kid` = thumbprint).
pub fn keygen(
    key_type: KeyType,
    dir: &Path,
    name: &str,
) -> Result<(PathBuf, PathBuf, String), Unusable> {
    let key = PrivateKey::generate(key_type, &SystemRandom::new())
        .map_err(|e| Unusable(e.to_string()))?;
    let (private, public, thumbprint) = (
        dir.join(format!("{name}.key.pem")),
        dir.join(format!("{name}.jwk")),
        key.public_key().thumbprint(),
    );
    let mut jwk = key.public_key().to_jwk();
    if let Some(object) = jwk.as_object_mut() {
        object.insert(
            "kid".to_owned(),
            serde_json::Value::String(thumbprint.clone()),
        );
    }
    files::write(&private, key.to_pkcs8_pem().as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600));
    }
    files::write(
        &public,
        serde_json::to_string_pretty(&jwk)
            .unwrap_or_default()
            .as_bytes(),
    )?;
    Ok((private, public, thumbprint))
}

pub struct IssueArgs<'a> {
    pub document: &'a Path,
    pub carrier_key: &'a Path,
    pub platform: Option<&'a str>,
    pub carrier: TransactionParty,
    pub to: TransactionParty,
    pub at: DateTime<Utc>,
    pub visualisation: Option<&'a Path>,
}

pub fn issue(args: &IssueArgs<'_>) -> Result<EblEnvelope, Unusable> {
    let document = ebl::json::parse(&files::read(args.document)?)
        .map_err(|e| Unusable::at(args.document, e))?;
    let signer = files::signer(args.carrier_key)?;
    let visualisation = match args.visualisation {
        Some(path) => Some(DocumentMetadata::for_bytes(
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            media_type(path),
            &files::read(path)?,
        )),
        None => None,
    };
    let rng = SystemRandom::new();
    let issuance = Issuance {
        platform: args
            .platform
            .map_or_else(|| args.carrier.ebl_platform.clone(), str::to_owned),
        carrier: args.carrier.clone(),
        issue_to: args.to.clone(),
        at: args.at,
        visualisation,
    };
    let builder = EnvelopeBuilder::issue(document, issuance, &signer, &signer, &rng)
        .map_err(|e| Unusable(e.to_string()))?;
    builder
        .seal(&signer, Vec::new(), &rng)
        .map_err(|e| Unusable(e.to_string()))
}

fn media_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        _ => "application/octet-stream",
    }
}

/// Appends one chain entry with `transactions` to a received envelope and seals it again.
pub fn extend(
    envelope_path: &Path,
    key: &Path,
    platform: &str,
    transactions: Vec<Transaction>,
) -> Result<EblEnvelope, Unusable> {
    let envelope = files::envelope(envelope_path)?;
    let signer: Signer = files::signer(key)?;
    let rng = SystemRandom::new();
    let visualisation = declared_visualisation(&envelope);
    let mut builder = EnvelopeBuilder::continue_from(&envelope, visualisation);
    builder
        .record(platform, transactions, &signer, &rng)
        .map_err(|e| Unusable(e.to_string()))?;
    builder
        .seal(&signer, Vec::new(), &rng)
        .map_err(|e| Unusable(e.to_string()))
}

/// The visualisation the received manifest declared, which later transfers must repeat.
fn declared_visualisation(envelope: &EblEnvelope) -> Option<DocumentMetadata> {
    let jws = ebl::crypto::jws::decode_compact(&envelope.envelope_manifest_signed_content).ok()?;
    let manifest: ebl::pint::EnvelopeManifest = ebl::json::from_slice(jws.payload()).ok()?;
    manifest.ebl_visualisation_by_carrier
}

/// The transactions of `ebl endorse`: the endorsement, then (unless `endorse_only`) the
/// transfer of possession to the endorsee, since a DCSA endorsement alone moves nothing.
pub fn endorsement(
    from: TransactionParty,
    to: Option<TransactionParty>,
    to_order: bool,
    endorse_only: bool,
    at: DateTime<Utc>,
) -> Vec<Transaction> {
    match to {
        None => vec![Transaction::new(ActionCode::BlankEndorse, from, None, at)],
        Some(to) => {
            let action = if to_order {
                ActionCode::EndorseToOrder
            } else {
                ActionCode::Endorse
            };
            let mut transactions =
                vec![Transaction::new(action, from.clone(), Some(to.clone()), at)];
            if !endorse_only {
                transactions.push(Transaction::new(ActionCode::Transfer, from, Some(to), at));
            }
            transactions
        }
    }
}
