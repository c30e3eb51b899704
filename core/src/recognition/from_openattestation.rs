//! Building a [`RecognitionInput`] from a TradeTrust (OpenAttestation v2) transferable record:
//! the wrapped document, its title-escrow history and the identity checks the caller made.

use serde_json::Value;

use super::facts::{
    Conflict, Evidence, HistoryFacts, IdentityProofEvidence, RecognitionInput, SignatureEvidence,
};
use super::from_title::party_name;
use crate::openattestation::{
    EthereumAddress, OpenAttestationIdentity, WrappedDocument, did_ethr_address, issuers,
    tradetrust_bl,
};
use crate::title::{EventSource, History, PartyId, Replay, SignatureFact};
use crate::trust::{KeyBinding, TrustStore};

/// The JWS name of the algorithm behind Ethereum transactions and OpenAttestation DID proofs
/// (ECDSA over secp256k1).
const ETHEREUM_ALGORITHM: &str = "ES256K";

impl RecognitionInput {
    /// The recognition input for a TradeTrust transferable record: the wrapped document, its
    /// title history read from the title-escrow event log
    /// ([`crate::openattestation::title_history_from_log`]) and that history's replay, the
    /// issuer identity checks, and the receiver's trust store.
    ///
    /// - **Document**: the unsalted data mapped to DCSA eBL 3.0 field names
    ///   ([`tradetrust_bl::to_dcsa`]), so required content is judged as for a PINT document
    ///   (`None` if the data cannot be read).
    /// - **History**: [`HistoryFacts::from_title`]; the issuance is the token registry's act
    ///   (only accounts holding the registry's minter role can mint, which the contract
    ///   enforces), so its actor is the registry's party rather than the minting account.
    /// - **Signatures**: every event is an Ethereum transaction by the acting account
    ///   (`ES256K`, signer = that account's party, `kid` = the trust-store key id equal to the
    ///   address in any letter case, else the EIP-55 address). They are recorded only when the
    ///   log says the senders were checked (`sendersVerified: true`), as verified. The minting
    ///   transaction commits to the token id, `0x` + `merkleRoot`: if the document fails its
    ///   integrity check ([`WrappedDocument::verify`]) the minting signature is recorded as not
    ///   verifying, since it does not cover this content.
    /// - **Identity proofs**: each DNS-TXT issuer of the document whose `tokenRegistry` is the
    ///   log's registry gives a `dns-txt` proof for the registry's party (verified if the DNS
    ///   check bound that address at that location); a DNS-DID binding gives a `dns-txt` proof
    ///   for the DID controller's party; each DID proof signer gives a `did` proof for its
    ///   party, verified if the whole DID check passed (its signers trusted, every DID issuer
    ///   signed). A DID signature recovered to its declared address counts as a signature over
    ///   the issuance, verified if the document's integrity holds, trusted or not.
    /// - **Singularity**: a log of another token, registry or chain than the document names is
    ///   a conflict; otherwise the registry counts as consulted (`registry_checked`): an ERC-721
    ///   token id is unique within its registry, and the log is that registry's record.
    ///
    /// Consents and the governing law are not in a TradeTrust record: set
    /// `evidence.consents` and `evidence.governing_law` on the result if the caller knows them.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use ebl::openattestation::{title_history_from_log, verify_dns_txt, WrappedDocument};
    /// use ebl::recognition::{recognize, Catalogue, OpenAttestationIdentity, RecognitionInput};
    /// use ebl::title::replay;
    /// use ebl::trust::TrustStore;
    ///
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../testdata/openattestation/vectors/bill-of-lading-sg-shenzhen-5kb.wrapped.json");
    /// let doc = WrappedDocument::from_bytes(&std::fs::read(path).unwrap())?;
    /// let registry = "0x9Eb613a88534E2939518f4ffBFE65F5969b491FF";
    /// let log = format!(r#"{{"chainId": "11155111", "tokenRegistry": "{registry}",
    ///   "tokenId": "0x{}", "sendersVerified": true, "events": [
    ///   {{"event": "mint", "timestamp": "2026-10-01T08:00:00Z", "from": "0x00000000000000000000000000000000000000f0",
    ///    "beneficiary": "0x00000000000000000000000000000000000000a1", "holder": "0x00000000000000000000000000000000000000a1"}}]}}"#,
    ///   doc.merkle_root().unwrap());
    /// let history = title_history_from_log(log.as_bytes())?;
    /// let answers = BTreeMap::from([("ebl.lioncity-ocean.example".to_owned(),
    ///     vec![format!("openatts net=ethereum netId=11155111 addr={registry}")])]);
    /// let identity = OpenAttestationIdentity { dns: Some(verify_dns_txt(&doc, &answers, None)), did: None };
    /// let trust = TrustStore::new();
    /// let input = RecognitionInput::from_openattestation(&doc, &history, &replay(&history), &identity, &trust);
    /// assert_eq!(input.document.as_ref().unwrap()["transportDocumentReference"], "LCOL-SIN-SZX-25-000123");
    /// assert!(input.evidence.identity_proofs[0].verified);
    /// let target = Catalogue::embedded()?.jurisdiction_target("SG")?;
    /// let report = recognize(&input, &trust, &target, "2026-11-01T00:00:00Z".parse()?)?;
    /// assert_eq!(report.receiving, "SG");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from_openattestation(
        doc: &WrappedDocument,
        history: &History,
        replay: &Replay,
        identity: &OpenAttestationIdentity,
        trust: &TrustStore,
    ) -> RecognitionInput {
        let mut facts = HistoryFacts::from_title(history, replay, trust);
        let data = doc.data().ok();
        let document = data
            .as_ref()
            .and_then(|d| tradetrust_bl::to_dcsa(d).ok())
            .map(|m| m.document);
        let integrity_ok = doc.verify().is_valid();
        let registry = history
            .carrier
            .as_ref()
            .and_then(|c| c.address.as_deref())
            .and_then(|a| a.parse::<EthereumAddress>().ok());
        let registry_name = history.carrier.as_ref().map(|c| party_name(c, trust));

        let conflicts = binding_conflicts(doc, data.as_ref(), history, registry);
        let registry_checked = conflicts.is_empty();
        facts.conflicts.extend(conflicts);

        let creation = history.events.iter().position(|e| e.kind.creates_record());
        if let (Some(i), Some(name)) = (creation, registry_name.as_ref())
            && let Some(e) = history.events.get(i)
            && matches!(e.source, EventSource::TradeTrust { .. })
            && e.on_behalf_of
                .as_ref()
                .zip(history.carrier.as_ref())
                .is_some_and(|(b, c)| b.same_party(c))
            && let Some(f) = facts.events.get_mut(i)
        {
            f.actor = Some(name.clone());
        }

        let mut signatures = Vec::new();
        for (i, e) in history.events.iter().enumerate() {
            let verified = match e.signed_by_actor {
                SignatureFact::Verified => true,
                SignatureFact::NotVerified => false,
                _ if Some(i) == creation && !integrity_ok => false,
                _ => continue,
            };
            signatures.push(SignatureEvidence {
                event: i,
                algorithm: ETHEREUM_ALGORITHM.to_owned(),
                kid: e.actor.address.as_deref().map(|a| key_id(a, trust)),
                signer: Some(party_name(&e.actor, trust)),
                verified: verified && (Some(i) != creation || integrity_ok),
            });
        }

        let platform = history
            .carrier
            .as_ref()
            .and_then(|c| c.platform.clone())
            .unwrap_or_default();
        let account = |a: &EthereumAddress| {
            party_name(&PartyId::ethereum(platform.clone(), a.to_string()), trust)
        };
        let mut proofs = Vec::new();
        if let Some(dns) = &identity.dns {
            for (location, issuer) in dns_txt_issuers(data.as_ref()) {
                if registry != Some(issuer) {
                    continue;
                }
                let bound = dns.bound.iter().any(|(domain, address)| {
                    domain.eq_ignore_ascii_case(&location)
                        && address.parse::<EthereumAddress>().ok() == Some(issuer)
                });
                proofs.push(IdentityProofEvidence {
                    party: account(&issuer),
                    method: KeyBinding::DnsTxt,
                    subject: location,
                    key: issuer.to_string(),
                    verified: bound,
                });
            }
            for (domain, key) in &dns.bound {
                if let Some(address) = did_ethr_address(key) {
                    proofs.push(IdentityProofEvidence {
                        party: account(&address),
                        method: KeyBinding::DnsTxt,
                        subject: domain.clone(),
                        key: key.clone(),
                        verified: true,
                    });
                }
            }
        }
        if let Some(did) = &identity.did {
            let valid = did.is_valid();
            for signer in &did.signers {
                proofs.push(IdentityProofEvidence {
                    party: account(signer),
                    method: KeyBinding::Did,
                    subject: format!("did:ethr:{signer}"),
                    key: signer.to_string(),
                    verified: valid,
                });
                if let Some(i) = creation {
                    signatures.push(SignatureEvidence {
                        event: i,
                        algorithm: ETHEREUM_ALGORITHM.to_owned(),
                        kid: Some(key_id(&signer.to_string(), trust)),
                        signer: Some(account(signer)),
                        verified: integrity_ok,
                    });
                }
            }
        }

        RecognitionInput {
            document,
            history: facts,
            evidence: Evidence {
                signatures,
                consents: Vec::new(),
                identity_proofs: proofs,
                governing_law: None,
                registry_checked,
            },
        }
    }
}

/// The trust-store key id of an Ethereum account: a key whose `kid` is the address in any
/// letter case, else the EIP-55 address.
fn key_id(address: &str, trust: &TrustStore) -> String {
    trust
        .parties()
        .iter()
        .flat_map(|p| &p.keys)
        .find(|k| k.kid.eq_ignore_ascii_case(address))
        .map_or_else(
            || {
                address
                    .parse::<EthereumAddress>()
                    .map_or_else(|_| address.to_owned(), |a| a.to_string())
            },
            |k| k.kid.clone(),
        )
}

/// The `(identityProof.location, tokenRegistry)` of every DNS-TXT issuer of the data.
fn dns_txt_issuers(data: Option<&Value>) -> Vec<(String, EthereumAddress)> {
    data.map(issuers)
        .unwrap_or_default()
        .iter()
        .filter(|i| i.pointer("/identityProof/type").and_then(Value::as_str) == Some("DNS-TXT"))
        .filter_map(|i| {
            let location = i.pointer("/identityProof/location")?.as_str()?;
            let registry = i.get("tokenRegistry")?.as_str()?.parse().ok()?;
            Some((location.to_owned(), registry))
        })
        .collect()
}

/// Whether the log is the history of this document: the same token id (`0x` + merkle root),
/// a token registry the document names, the document's chain.
fn binding_conflicts(
    doc: &WrappedDocument,
    data: Option<&Value>,
    history: &History,
    registry: Option<EthereumAddress>,
) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    let mut conflict = |description: String| {
        conflicts.push(Conflict {
            event: None,
            description,
        });
    };
    let token = history.document_reference.trim();
    match doc.merkle_root() {
        Some(root)
            if token
                .strip_prefix("0x")
                .is_some_and(|t| t.eq_ignore_ascii_case(root)) => {}
        root => conflict(format!(
            "the title log is of token '{token}', but the document's token id is '0x{}'",
            root.unwrap_or("?")
        )),
    }
    let named: Vec<EthereumAddress> = data
        .map(issuers)
        .unwrap_or_default()
        .iter()
        .filter_map(|i| i.get("tokenRegistry")?.as_str()?.parse().ok())
        .collect();
    match registry {
        Some(r) if named.contains(&r) => {}
        r => conflict(format!(
            "the title log is of token registry '{}', which the document does not name as its issuer's ({})",
            r.map(|a| a.to_string()).unwrap_or_default(),
            named
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    let log_chain = history
        .carrier
        .as_ref()
        .and_then(|c| c.platform.as_deref())
        .and_then(|p| p.strip_prefix("eip155:"))
        .and_then(|p| p.split('/').next());
    let doc_chain = data
        .and_then(|d| d.pointer("/network/chainId"))
        .and_then(Value::as_str);
    if let (Some(log), Some(doc)) = (log_chain, doc_chain)
        && log != doc
    {
        conflict(format!(
            "the title log is from chain {log}, but the document is on chain {doc}"
        ));
    }
    conflicts
}
