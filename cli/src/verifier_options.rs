//! The options every verifying command shares: what the receiver trusts, at what time, and
//! who it is. `ebl verify` and `ebl recognize` both flatten [`VerifierOptions`], so a receiver
//! passes the same flags to either.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ebl::trust::TrustStore;
use ebl::verify::VerifyContext;

use crate::files::{self, Unusable};

#[derive(clap::Args)]
pub struct VerifierOptions {
    /// Trust a public key: JWK, JWK set, PEM public key or X.509 certificate. Repeatable.
    #[arg(long = "key", value_name = "FILE")]
    pub keys: Vec<PathBuf>,
    /// Trust a root certificate for x5c chains (PEM or DER). Repeatable.
    #[arg(long = "anchor", value_name = "FILE")]
    pub anchors: Vec<PathBuf>,
    /// A trust store (JSON) or signed trust list (JWS, imported with its publisher's key from
    /// an earlier --trust): parties, keys (platform keys bound to their platform codes) and
    /// reliability evidence. Repeatable.
    #[arg(long = "trust", value_name = "FILE")]
    pub trust: Vec<PathBuf>,
    /// The time at which keys, certificates and lists must be valid (default: now).
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<DateTime<Utc>>,
    /// This receiver's platform code: the last PINT transaction must be addressed to it.
    #[arg(long, value_name = "CODE")]
    pub platform: Option<String>,
    /// Trust an Ethereum address to sign OpenAttestation DID proofs. Repeatable.
    #[arg(long = "ethereum-address", value_name = "0x…")]
    pub ethereum_addresses: Vec<String>,
    /// DNS TXT answers for OpenAttestation identity proofs: a JSON object of domain → array
    /// of TXT strings (what a resolver returned; ebl makes no network calls).
    #[arg(long = "dns-txt", value_name = "FILE")]
    pub dns_txt: Option<PathBuf>,
}

/// What the options resolve to: the verification context (its `at` fixed once) and the trust
/// store read from every `--trust` file.
pub struct LoadedTrust {
    pub context: VerifyContext,
    pub store: TrustStore,
}

impl VerifierOptions {
    /// Reads every file the options name; any unreadable one makes the input unusable.
    pub fn load(&self) -> Result<LoadedTrust, Unusable> {
        let at = self.at.unwrap_or_else(Utc::now);
        let mut context = VerifyContext::at(at);
        context.set_receiving_platform(self.platform.as_deref());
        for path in &self.keys {
            context
                .add_keys(&files::read(path)?)
                .map_err(|e| Unusable::at(path, e))?;
        }
        for path in &self.anchors {
            context
                .add_anchors(&files::read(path)?)
                .map_err(|e| Unusable::at(path, e))?;
        }
        for address in &self.ethereum_addresses {
            context
                .add_ethereum_addresses(address)
                .map_err(|e| Unusable(format!("--ethereum-address {address}: {e}")))?;
        }
        if let Some(path) = &self.dns_txt {
            context
                .add_dns_txt_answers(&files::read(path)?)
                .map_err(|e| Unusable::at(path, e))?;
        }
        let store = load_stores(&self.trust, at)?;
        context
            .add_trust_store(&store)
            .map_err(|e| Unusable(format!("--trust: {e}")))?;
        Ok(LoadedTrust { context, store })
    }
}

/// Reads the `--trust` files in order into one store (see [`TrustStore::add_bytes`]): a
/// trust-store JSON file is merged in; a signed trust list is imported with the keys its
/// publisher has in the store built so far (so list the store holding the publisher first).
fn load_stores(paths: &[PathBuf], at: DateTime<Utc>) -> Result<TrustStore, Unusable> {
    let mut store = TrustStore::new();
    for path in paths {
        store
            .add_bytes(&files::read(path)?, &path.display().to_string(), at)
            .map_err(|e| Unusable::at(path, e))?;
    }
    Ok(store)
}
