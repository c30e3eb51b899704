//! The trust store: parties, their keys and certificates, revocations and reliability evidence.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::evidence::{EvidenceMatcher, ReliabilityEvidence, Validity};

/// The schema identifier a trust-store file must declare in its `schema` member.
pub const TRUST_STORE_SCHEMA: &str = "ebl-trust-store/1";

/// What role a party plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum PartyKind {
    /// An eBL platform (a DCSA PINT platform, a TradeTrust token registry operator).
    Platform,
    /// A carrier that issues bills of lading.
    Carrier,
    /// A public authority that publishes trust lists or accredits platforms.
    Authority,
    /// A bank, shipper, consignee or other trading party.
    Trader,
}

/// How a key is tied to its party's identity (legal.md §6 row 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum KeyBinding {
    /// Configured by the store's owner out of band (exchanged directly with the party).
    Direct,
    /// Published in a signed trust list the store imported.
    TrustList,
    /// Certified by an X.509 certificate chain (`x5c`) to an anchor.
    X5c,
    /// Published in a DID document.
    Did,
    /// Published in a DNS TXT record (as TradeTrust's DNS-TXT identity proof).
    DnsTxt,
    /// Bound by a verifiable LEI credential (vLEI).
    Vlei,
}

/// One public key of a party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyKey {
    /// The key id signatures name. Optional in the file: when absent it is the JWK's own
    /// `kid` member, else the RFC 7638 JWK thumbprint. The key is found by this id and by its thumbprint.
    #[serde(default)]
    pub kid: String,
    /// The RFC 7638 thumbprint, computed when the store is loaded (`None` for a key type the
    /// crypto module does not implement, such as secp256k1, which then needs an explicit
    /// `kid`).
    #[serde(skip)]
    pub thumbprint: Option<String>,
    /// The public key as a JWK JSON object.
    pub jwk: serde_json::Value,
    /// JWS algorithms the party signs with this key (`ES256`, `EdDSA`, `PS256`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub algorithms: Vec<String>,
    /// How the key is bound to the party.
    pub binding: KeyBinding,
    /// First instant the key may be used; `None` means "since always".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<DateTime<Utc>>,
    /// First instant the key may no longer be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateTime<Utc>>,
}

impl PartyKey {
    /// The key's validity window.
    #[must_use]
    pub fn validity(&self) -> Validity {
        Validity {
            valid_from: self.valid_from,
            valid_until: self.valid_until,
        }
    }

    /// The id signatures name this key by: its `kid`, or (in a trust list, whose keys get
    /// their id when imported) the RFC 7638 thumbprint of its JWK. `None` when neither is
    /// known (no `kid` and a JWK the crypto module cannot read).
    ///
    /// ```
    /// use ebl::trust::{KeyBinding, PartyKey};
    /// let key: PartyKey = serde_json::from_value(serde_json::json!({"binding": "direct",
    ///     "jwk": {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}))?;
    /// assert_eq!(key.key_id().as_deref(), Some("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn key_id(&self) -> Option<String> {
        if !self.kid.is_empty() {
            return Some(self.kid.clone());
        }
        self.thumbprint.clone().or_else(|| {
            crate::crypto::PublicKey::from_jwk(&self.jwk)
                .ok()
                .map(|k| k.thumbprint())
        })
    }
}

/// An X.509 certificate of a party (a trust anchor or the party's own certificate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateEntry {
    /// The certificate, PEM-encoded.
    pub pem: String,
    /// Whether certificates chaining to this one are accepted for the party (a trust anchor).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anchor: bool,
}

/// A key revoked from a given instant on; signatures made before it stay attributable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revocation {
    /// The revoked key's id.
    pub kid: String,
    /// From when the key is revoked.
    pub at: DateTime<Utc>,
    /// Why (key compromise, superseded, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An identifier of a party in some scheme (`LEI`, `DID`, `dcsa-platform`, `carrier-code`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identifier {
    /// The scheme.
    pub scheme: String,
    /// The value in that scheme.
    pub value: String,
}

/// A carrier, platform, authority or trader the store knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedParty {
    /// The party's id, as used in event histories (for platforms, the DCSA platform code).
    pub id: String,
    /// Its role.
    pub kind: PartyKind,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The jurisdiction it is established in (ISO 3166 alpha-2, or a rule-file id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// Other identifiers of the party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// When the store trusts the party at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<DateTime<Utc>>,
    /// When the store stops trusting the party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateTime<Utc>>,
    /// Its public keys.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<PartyKey>,
    /// Its certificates or trust anchors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<CertificateEntry>,
    /// Revoked keys.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revocations: Vec<Revocation>,
    /// Reliability evidence: approved-list entries, accreditations, certifications, standards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<ReliabilityEvidence>,
    /// The issuer of the signed trust list this party was imported from (`None`: configured
    /// locally). A newer list from the same issuer replaces all its parties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_by: Option<String>,
}

impl TrustedParty {
    /// The window in which the store trusts the party.
    #[must_use]
    pub fn validity(&self) -> Validity {
        Validity {
            valid_from: self.valid_from,
            valid_until: self.valid_until,
        }
    }

    /// The evidence items matching any of `matchers` (all items if `matchers` is empty).
    pub fn evidence_matching<'a>(
        &'a self,
        matchers: &'a [EvidenceMatcher],
    ) -> impl Iterator<Item = &'a ReliabilityEvidence> + 'a {
        self.evidence
            .iter()
            .filter(move |e| matchers.is_empty() || matchers.iter().any(|m| m.matches(e)))
    }
}

/// What the store says about a key at a given instant.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyStatus {
    /// The store does not know the key.
    Unknown,
    /// The key belongs to `party` and may be used at that instant.
    Valid {
        /// The owner's id.
        party: String,
        /// How the key is bound to the owner.
        binding: KeyBinding,
    },
    /// The key belongs to `party` but is outside its (or its party's) validity window.
    OutsideValidity {
        /// The owner's id.
        party: String,
        /// `expired` or `not yet valid`.
        state: &'static str,
    },
    /// The key was revoked before that instant.
    Revoked {
        /// The owner's id.
        party: String,
        /// When it was revoked.
        at: DateTime<Utc>,
        /// Why, if recorded.
        reason: Option<String>,
    },
}

/// Who is who: the parties a receiver trusts, with their keys and evidence.
///
/// Build one from the documented JSON format with [`TrustStore::from_json`]; see
/// `core/rules/README.md` for the format. Lookups are by party id and by key id (RFC 7638
/// thumbprint); every lookup that depends on time takes the instant as a parameter.
///
/// ```
/// use ebl::trust::{KeyStatus, TrustStore};
/// let store = TrustStore::from_json(br#"{
///   "schema": "ebl-trust-store/1",
///   "parties": [{"id": "SGTD", "kind": "platform", "jurisdiction": "SG",
///     "keys": [{"kid": "k1", "jwk": {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
///               "binding": "direct", "valid_from": "2025-01-01T00:00:00Z"}]}]
/// }"#, "example")?;
/// let at = "2026-01-01T00:00:00Z".parse()?;
/// assert!(matches!(store.key_status("k1", at), KeyStatus::Valid { .. }));
/// assert_eq!(store.key_status("k2", at), KeyStatus::Unknown);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustStore {
    pub(crate) name: Option<String>,
    pub(crate) parties: Vec<TrustedParty>,
    pub(crate) by_id: BTreeMap<String, usize>,
    pub(crate) by_kid: BTreeMap<String, (usize, usize)>,
    /// Highest sequence number imported per trust-list issuer.
    pub(crate) list_sequences: BTreeMap<String, u64>,
}

impl TrustStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> TrustStore {
        TrustStore::default()
    }

    /// The store's name, if it has one.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Every party, in file order.
    #[must_use]
    pub fn parties(&self) -> &[TrustedParty] {
        &self.parties
    }

    /// The party with this id.
    #[must_use]
    pub fn party(&self, id: &str) -> Option<&TrustedParty> {
        self.by_id.get(id).and_then(|&i| self.parties.get(i))
    }

    /// The key with this id (or RFC 7638 thumbprint) and its owner.
    #[must_use]
    pub fn key(&self, kid: &str) -> Option<(&TrustedParty, &PartyKey)> {
        let &(p, k) = self.by_kid.get(kid)?;
        let party = self.parties.get(p)?;
        Some((party, party.keys.get(k)?))
    }

    /// What the store says about key `kid` at instant `at`: unknown, valid (with its owner),
    /// outside its or its owner's validity window, or revoked.
    #[must_use]
    pub fn key_status(&self, kid: &str, at: DateTime<Utc>) -> KeyStatus {
        let Some((party, key)) = self.key(kid) else {
            return KeyStatus::Unknown;
        };
        if let Some(rev) = party
            .revocations
            .iter()
            .filter(|r| r.kid == kid && r.at <= at)
            .min_by_key(|r| r.at)
        {
            return KeyStatus::Revoked {
                party: party.id.clone(),
                at: rev.at,
                reason: rev.reason.clone(),
            };
        }
        for window in [party.validity(), key.validity()] {
            if !window.contains(at) {
                return KeyStatus::OutsideValidity {
                    party: party.id.clone(),
                    state: window.describe(at),
                };
            }
        }
        KeyStatus::Valid {
            party: party.id.clone(),
            binding: key.binding,
        }
    }

    /// The highest sequence number imported from trust-list issuer `issuer`.
    #[must_use]
    pub fn trust_list_sequence(&self, issuer: &str) -> Option<u64> {
        self.list_sequences.get(issuer).copied()
    }
}
