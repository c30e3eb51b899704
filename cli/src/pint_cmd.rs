//! `ebl keygen | issue | transfer | endorse | surrender`: making and extending PINT envelopes.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ebl::crypto::{GeneratedKeyPair, KeyType};
use ebl::pint::{DocumentMetadata, EblEnvelope, Issuance, Transaction, TransactionParty};
use ring::rand::{SecureRandom, SystemRandom};

use crate::files::{self, Unusable};

/// A generated key pair and the two files it was written to.
pub struct KeyFiles {
    /// `DIR/NAME.key.pem`: the private key, PKCS#8, readable by its owner only.
    pub private: PathBuf,
    /// `DIR/NAME.jwk`: the public key, `kid` = thumbprint.
    pub public: PathBuf,
    /// The pair itself, for a caller that signs with it right away (the demo).
    pub pair: GeneratedKeyPair,
}

/// `ebl keygen`, and the demo for each of its parties: generates a key pair with `rng` and
/// writes `DIR/NAME.key.pem` and `DIR/NAME.jwk`.
pub fn keygen(
    key_type: KeyType,
    dir: &Path,
    name: &str,
    rng: &dyn SecureRandom,
) -> Result<KeyFiles, Unusable> {
    let pair = GeneratedKeyPair::generate(key_type, rng).map_err(|e| Unusable(e.to_string()))?;
    let (private, public) = write_key_pair(dir, name, &pair)?;
    Ok(KeyFiles {
        private,
        public,
        pair,
    })
}

/// Writes a generated pair as `DIR/NAME.key.pem` (readable by its owner only) and
/// `DIR/NAME.jwk`.
fn write_key_pair(
    dir: &Path,
    name: &str,
    pair: &GeneratedKeyPair,
) -> Result<(PathBuf, PathBuf), Unusable> {
    let (private, public) = (
        dir.join(format!("{name}.key.pem")),
        dir.join(format!("{name}.jwk")),
    );
    files::write(&private, pair.private_pem.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600));
    }
    files::write(&public, pair.public_jwk.as_bytes())?;
    Ok((private, public))
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
    let mut issuance = Issuance::new(args.carrier.clone(), args.to.clone(), args.at);
    if let Some(platform) = args.platform {
        platform.clone_into(&mut issuance.platform);
    }
    if let Some(path) = args.visualisation {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        issuance.visualisation = Some(DocumentMetadata::for_file(&name, &files::read(path)?));
    }
    let rng = SystemRandom::new();
    EblEnvelope::issue(document, issuance, &signer, &rng).map_err(|e| Unusable(e.to_string()))
}

/// Appends one chain entry with `transactions` to a received envelope and seals it again.
pub fn extend(
    envelope_path: &Path,
    key: &Path,
    platform: &str,
    transactions: Vec<Transaction>,
) -> Result<EblEnvelope, Unusable> {
    let envelope = files::envelope(envelope_path)?;
    let signer = files::signer(key)?;
    envelope
        .extend_chain(platform, transactions, &signer, &SystemRandom::new())
        .map_err(|e| Unusable(e.to_string()))
}
