//! The DNS identity proofs of OpenAttestation v2, checked against DNS answers the caller
//! supplies as data (ebl does no network I/O).
//!
//! **Answer format**: a map from domain name to the TXT strings found there, for example
//! what `dig +short TXT example.tradetrust.io` or a DNS-over-HTTPS JSON answer lists:
//!
//! ```json
//! { "example.tradetrust.io": ["openatts net=ethereum netId=11155111 addr=0x142Ca30e3b78A840a82192529cA047ED759a6F7e"] }
//! ```
//!
//! - `DNS-TXT` issuers (`identityProof: {type: "DNS-TXT", location}`): a record
//!   `openatts net=ethereum netId=<chain id> addr=<0x address>` at `location` must name the
//!   issuer's `tokenRegistry` / `documentStore` / `certificateStore` (any letter case), on
//!   the document's chain (`network.chainId`, or the chain the caller names).
//! - `DNS-DID` issuers (`{type: "DNS-DID", location, key}`): a record
//!   `openatts a=dns-did; p=<did…#controller>; v=1.0;` at `location` whose `p` equals `key`.
//!
//! This binds a domain to an address. That the domain is the issuer it claims to be, and that
//! the address signed or minted the document, are separate checks.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::{EthereumAddress, WrappedDocument};
use crate::report::{Finding, is_clean};

/// One parsed `openatts net=… netId=… addr=…` record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenAttestationTxt {
    /// `net`, for example `ethereum`.
    pub net: String,
    /// `netId`, the chain id as text, for example `11155111`.
    pub net_id: String,
    /// `addr`.
    pub address: EthereumAddress,
}

/// Parses an `openatts net=ethereum netId=<id> addr=<0x…>` TXT string (members in any
/// order, separated by white space); `None` for anything else.
///
/// ```
/// use ebl::openattestation::parse_openatts_txt;
/// let r = parse_openatts_txt("openatts net=ethereum netId=1 addr=0x142Ca30e3b78A840a82192529cA047ED759a6F7e").unwrap();
/// assert_eq!((r.net.as_str(), r.net_id.as_str()), ("ethereum", "1"));
/// assert!(parse_openatts_txt("v=spf1 -all").is_none());
/// ```
#[must_use]
pub fn parse_openatts_txt(record: &str) -> Option<OpenAttestationTxt> {
    let mut words = record.split_whitespace();
    if words.next()? != "openatts" {
        return None;
    }
    let (mut net, mut net_id, mut addr) = (None, None, None);
    for word in words {
        match word.split_once('=')? {
            ("net", v) => net = Some(v.to_owned()),
            ("netId", v) => net_id = Some(v.to_owned()),
            ("addr", v) => addr = v.parse().ok(),
            _ => {}
        }
    }
    Some(OpenAttestationTxt {
        net: net?,
        net_id: net_id?,
        address: addr?,
    })
}

/// The `p` of an `openatts a=dns-did; p=<did>; v=1.0;` record.
fn dns_did_key(record: &str) -> Option<&str> {
    let rest = record.trim().strip_prefix("openatts")?;
    let mut is_dns_did = false;
    let mut key = None;
    for part in rest.split(';') {
        match part.trim().split_once('=') {
            Some(("a", "dns-did")) => is_dns_did = true,
            Some(("p", p)) => key = Some(p.trim()),
            _ => {}
        }
    }
    key.filter(|_| is_dns_did)
}

/// The outcome of the DNS identity check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DnsIdentityCheck {
    /// The domains that were found to bind an issuer, with what they bind (an address, or a
    /// DID key).
    pub bound: Vec<(String, String)>,
    /// Everything found; no error means every DNS-TXT / DNS-DID issuer is bound.
    pub findings: Vec<Finding>,
}

impl DnsIdentityCheck {
    /// Whether at least one issuer was bound and nothing is wrong.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        !self.bound.is_empty() && is_clean(&self.findings)
    }
}

/// Checks every `DNS-TXT` and `DNS-DID` issuer of `doc` against `answers` (domain → TXT
/// strings). `chain_id` overrides the document's `network.chainId` (OA's own default, when a
/// document names no network, is the verifier's provider; pass it here).
///
/// ```
/// use std::collections::BTreeMap;
/// use ebl::openattestation::{verify_dns_txt, WrappedDocument};
/// let path = concat!(env!("CARGO_MANIFEST_DIR"),
///     "/../testdata/openattestation/vectors/bill-of-lading-generic-templates.wrapped.json");
/// let doc = WrappedDocument::from_bytes(&std::fs::read(path).unwrap())?;
/// let mut answers = BTreeMap::new();
/// answers.insert("example.tradetrust.io".to_owned(), vec![
///     "openatts net=ethereum netId=11155111 addr=0x142ca30e3b78a840a82192529ca047ed759a6f7e".to_owned()]);
/// assert!(verify_dns_txt(&doc, &answers, None).is_valid());
/// answers.insert("example.tradetrust.io".to_owned(), vec![
///     "openatts net=ethereum netId=1 addr=0x142ca30e3b78a840a82192529ca047ed759a6f7e".to_owned()]);
/// assert!(!verify_dns_txt(&doc, &answers, None).is_valid()); // wrong chain
/// # Ok::<(), ebl::Error>(())
/// ```
#[must_use]
pub fn verify_dns_txt(
    doc: &WrappedDocument,
    answers: &BTreeMap<String, Vec<String>>,
    chain_id: Option<&str>,
) -> DnsIdentityCheck {
    let data = doc.data_members(&["issuers", "network"]).map(Value::Object);
    verify_dns_txt_of(data.as_ref(), answers, chain_id)
}

/// [`verify_dns_txt`] on the document's unsalted data, or on the error unsalting gave (at
/// least its `issuers` and `network` members, as [`WrappedDocument::data_members`] gives them).
pub(crate) fn verify_dns_txt_of(
    data: Result<&Value, &crate::Error>,
    answers: &BTreeMap<String, Vec<String>>,
    chain_id: Option<&str>,
) -> DnsIdentityCheck {
    let mut check = DnsIdentityCheck {
        bound: Vec::new(),
        findings: Vec::new(),
    };
    let data = match data {
        Ok(d) => d,
        Err(e) => {
            check
                .findings
                .push(Finding::error("oa-dns-malformed", "$.data", e.to_string()));
            return check;
        }
    };
    let chain = chain_id.map(str::to_owned).or_else(|| {
        data.pointer("/network/chainId")
            .and_then(Value::as_str)
            .map(str::to_owned)
    });
    for (i, issuer) in super::issuers(data).iter().enumerate() {
        let at = format!("$.data.issuers[{i}]");
        let kind = issuer
            .pointer("/identityProof/type")
            .and_then(Value::as_str);
        let location = issuer
            .pointer("/identityProof/location")
            .and_then(Value::as_str)
            .unwrap_or("");
        let records = answers
            .iter()
            .find(|(domain, _)| domain.trim_end_matches('.').eq_ignore_ascii_case(location))
            .map(|(_, r)| r.as_slice())
            .unwrap_or_default();
        match kind {
            Some("DNS-TXT") => {
                let address = ["tokenRegistry", "documentStore", "certificateStore"]
                    .iter()
                    .find_map(|k| issuer.get(*k).and_then(Value::as_str))
                    .and_then(|a| a.parse::<EthereumAddress>().ok());
                let Some(address) = address else {
                    check.findings.push(Finding::error(
                        "oa-dns-malformed",
                        at,
                        "a DNS-TXT issuer needs a tokenRegistry, documentStore or certificateStore address",
                    ));
                    continue;
                };
                let Some(chain) = chain.as_deref() else {
                    check.findings.push(Finding::error(
                        "oa-dns-unknown-chain",
                        "$.data.network.chainId",
                        "the document names no chain; pass the chain id to check the record's netId",
                    ));
                    continue;
                };
                let found = records
                    .iter()
                    .filter_map(|r| parse_openatts_txt(r))
                    .any(|r| r.net == "ethereum" && r.net_id == chain && r.address == address);
                if found {
                    check.bound.push((location.to_owned(), address.to_string()));
                } else {
                    check.findings.push(Finding::error(
                        "oa-dns-not-bound",
                        format!("{at}.identityProof.location"),
                        format!("no \"openatts net=ethereum netId={chain} addr={address}\" TXT record at {location:?}"),
                    ));
                }
            }
            Some("DNS-DID") => {
                let key = issuer
                    .pointer("/identityProof/key")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                if records
                    .iter()
                    .filter_map(|r| dns_did_key(r))
                    .any(|p| p.eq_ignore_ascii_case(key))
                {
                    check.bound.push((location.to_owned(), key.to_owned()));
                } else {
                    check.findings.push(Finding::error(
                        "oa-dns-not-bound",
                        format!("{at}.identityProof.location"),
                        format!(
                            "no \"openatts a=dns-did; p={key}; v=1.0;\" TXT record at {location:?}"
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    if check.bound.is_empty() && check.findings.is_empty() {
        check.findings.push(Finding::error(
            "oa-dns-no-issuer",
            "$.data.issuers",
            "no issuer uses a DNS-TXT or DNS-DID identity proof",
        ));
    }
    check
}
