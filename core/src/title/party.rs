//! Who acts on a bill: platform-neutral party identities and the rule that says when two
//! descriptions name the same party.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

/// One identifying code of a party, as in DCSA `IdentifyingCode` (`codeListProvider`,
/// `partyCode`, `codeListName`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdentifyingCode {
    /// Who runs the code list, e.g. `GLEIF`, `W3C`, `DCSA`, `EPUI` (DCSA `codeListProvider`).
    pub provider: String,
    /// The party's code in that list (DCSA `partyCode`).
    pub code: String,
    /// The list's name where the provider runs several, e.g. `LEI` or `DID` (DCSA
    /// `codeListName`). Informative only: it does not take part in identity matching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_list_name: Option<String>,
}

impl IdentifyingCode {
    /// A code without a list name.
    pub fn new(provider: impl Into<String>, code: impl Into<String>) -> IdentifyingCode {
        IdentifyingCode {
            provider: provider.into(),
            code: code.into(),
            code_list_name: None,
        }
    }

    /// Whether the code can identify anyone: neither the provider nor the code is blank.
    #[must_use]
    pub fn is_usable(&self) -> bool {
        !self.provider.trim().is_empty() && !self.code.trim().is_empty()
    }
}

/// A party as it appears in a title event: a DCSA actor or recipient (platform code, name,
/// identifying codes) or a TradeTrust account (chain/registry and Ethereum address).
///
/// # Identity
///
/// [`PartyId::same_party`] decides whether two descriptions name the same party. It never
/// looks at [`name`](PartyId::name) (names are not unique and are spelled freely):
///
/// 1. when both name a [`platform`](PartyId::platform), the platforms must be equal, because
///    control is held through an account on one platform and the same company on another
///    platform does not hold it; a description without a platform (a DCSA eBL 3.0 consignee,
///    for one, never carries `eblPlatform`) says nothing about where the account is, so it
///    matches a party on any platform by the second rule alone; and
/// 2. either both carry an [`address`](PartyId::address) and the addresses are equal ignoring
///    ASCII case (Ethereum hex), or both share at least one usable [`IdentifyingCode`]: same
///    `provider` and same `code`, compared exactly (`codeListName` is ignored).
///
/// A party with no usable code and no address identifies nobody, not even itself.
///
/// ```
/// use ebl::title::{IdentifyingCode, PartyId};
///
/// let a = PartyId::dcsa("WAVE", "Shipper Ltd", [IdentifyingCode::new("GLEIF", "5493001KJTIIGC8Y1R12")]);
/// let same = PartyId::dcsa("WAVE", "SHIPPER LIMITED", [IdentifyingCode::new("GLEIF", "5493001KJTIIGC8Y1R12")]);
/// let elsewhere = PartyId::dcsa("BOLE", "Shipper Ltd", [IdentifyingCode::new("GLEIF", "5493001KJTIIGC8Y1R12")]);
/// assert!(a.same_party(&same));
/// assert!(!a.same_party(&elsewhere));
///
/// // A straight bill's consignee, named in the document without a platform.
/// let consignee = PartyId { platform: None, ..a.clone() };
/// assert!(consignee.same_party(&a) && a.same_party(&consignee));
/// let namesake = PartyId::dcsa("WAVE", "Shipper Ltd", [IdentifyingCode::new("GLEIF", "254900OPPU84GM83MG36")]);
/// assert!(!consignee.same_party(&namesake));
///
/// let holder = PartyId::ethereum("eip155:1/0xRegistry", "0xAbC0000000000000000000000000000000000001");
/// assert!(holder.same_party(&PartyId::ethereum("eip155:1/0xRegistry", "0xabc0000000000000000000000000000000000001")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PartyId {
    /// Where the party holds its account: a DCSA eBL platform code (`WAVE`, `BOLE`, …) or,
    /// for TradeTrust, the chain and token registry (a free string chosen by the converting
    /// layer, used consistently within one history).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// The party's name, for people to read. Never used to match parties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Identifying codes (LEI, DID, platform user ids, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<IdentifyingCode>,
    /// For TradeTrust: the Ethereum address (`0x` + 40 hex digits) of the holder or
    /// beneficiary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

impl PartyId {
    /// A DCSA party: platform code, name and identifying codes.
    pub fn dcsa(
        platform: impl Into<String>,
        name: impl Into<String>,
        codes: impl IntoIterator<Item = IdentifyingCode>,
    ) -> PartyId {
        PartyId {
            platform: Some(platform.into()),
            name: Some(name.into()),
            codes: codes.into_iter().collect(),
            address: None,
        }
    }

    /// A TradeTrust account: chain/registry label and Ethereum address.
    pub fn ethereum(platform: impl Into<String>, address: impl Into<String>) -> PartyId {
        PartyId {
            platform: Some(platform.into()),
            name: None,
            codes: Vec::new(),
            address: Some(address.into()),
        }
    }

    /// Whether this description can identify anyone: it has a usable identifying code or a
    /// non-blank address.
    #[must_use]
    pub fn is_identified(&self) -> bool {
        self.codes.iter().any(IdentifyingCode::is_usable) || self.usable_address().is_some()
    }

    /// Whether `self` and `other` name the same party (see the type's documentation).
    #[must_use]
    pub fn same_party(&self, other: &PartyId) -> bool {
        if let (Some(mine), Some(theirs)) = (&self.platform, &other.platform)
            && mine != theirs
        {
            return false;
        }
        if let (Some(a), Some(b)) = (self.usable_address(), other.usable_address())
            && a.eq_ignore_ascii_case(b)
        {
            return true;
        }
        self.codes.iter().filter(|c| c.is_usable()).any(|mine| {
            other
                .codes
                .iter()
                .any(|theirs| mine.provider == theirs.provider && mine.code == theirs.code)
        })
    }

    /// A short human-readable label: the name, else the first code or the address.
    #[must_use]
    pub fn label(&self) -> String {
        let id = self
            .codes
            .iter()
            .find(|c| c.is_usable())
            .map(|c| format!("{}:{}", c.provider, c.code))
            .or_else(|| self.usable_address().map(str::to_owned));
        let mut out = match (&self.name, id) {
            (Some(name), Some(id)) => format!("{name} ({id})"),
            (Some(name), None) => format!("{name} (unidentified)"),
            (None, Some(id)) => id,
            (None, None) => "an unidentified party".to_owned(),
        };
        if let Some(platform) = &self.platform {
            out.push_str(" on ");
            out.push_str(platform);
        }
        out
    }

    fn usable_address(&self) -> Option<&str> {
        self.address
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
    }

    /// The keys of this party's address and usable codes, each on `platform`.
    fn keys_on(&self, platform: Option<String>) -> impl Iterator<Item = PartyKey> + '_ {
        let address = self.usable_address().map(|a| PartyKey::Address {
            platform: platform.clone(),
            address: a.to_ascii_lowercase(),
        });
        address
            .into_iter()
            .chain(
                self.codes
                    .iter()
                    .filter(|c| c.is_usable())
                    .map(move |c| PartyKey::Code {
                        platform: platform.clone(),
                        provider: c.provider.clone(),
                        code: c.code.clone(),
                    }),
            )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum PartyKey {
    Address {
        platform: Option<String>,
        address: String,
    },
    Code {
        platform: Option<String>,
        provider: String,
        code: String,
    },
}

/// A set of parties with the matching rule of [`PartyId::same_party`]: `contains(p)` is true
/// when some member is the same party as `p`. Lookups cost one hash per code of `p`, so replay
/// stays linear however many parties a history names.
#[derive(Debug, Clone, Default)]
pub(crate) struct PartySet {
    /// Every member's keys on its own platform (`None` for a member without one).
    on_platform: HashSet<PartyKey>,
    /// Every member's keys with the platform left out, for looking up a party without one.
    anywhere: HashSet<PartyKey>,
}

impl PartySet {
    pub(crate) fn insert(&mut self, party: &PartyId) {
        self.on_platform
            .extend(party.keys_on(party.platform.clone()));
        self.anywhere.extend(party.keys_on(None));
    }

    pub(crate) fn contains(&self, party: &PartyId) -> bool {
        match &party.platform {
            // Same platform, or a member that named none.
            Some(_) => party
                .keys_on(party.platform.clone())
                .chain(party.keys_on(None))
                .any(|k| self.on_platform.contains(&k)),
            None => party.keys_on(None).any(|k| self.anywhere.contains(&k)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lei(code: &str) -> IdentifyingCode {
        IdentifyingCode::new("GLEIF", code)
    }

    #[test]
    fn names_never_identify() {
        let a = PartyId {
            name: Some("ACME".into()),
            ..PartyId::default()
        };
        assert!(!a.is_identified());
        assert!(!a.same_party(&a.clone()));
    }

    #[test]
    fn blank_codes_never_match() {
        let a = PartyId::dcsa("WAVE", "A", [IdentifyingCode::new("GLEIF", " ")]);
        assert!(!a.same_party(&a.clone()));
        assert!(!a.is_identified());
    }

    #[test]
    fn one_shared_code_is_enough_but_provider_matters() {
        let a = PartyId::dcsa(
            "WAVE",
            "A",
            [lei("1"), IdentifyingCode::new("W3C", "did:x")],
        );
        let b = PartyId::dcsa("WAVE", "B", [IdentifyingCode::new("W3C", "did:x")]);
        let c = PartyId::dcsa("WAVE", "C", [IdentifyingCode::new("DCSA", "1")]);
        assert!(a.same_party(&b) && b.same_party(&a));
        assert!(!a.same_party(&c));
    }

    #[test]
    fn a_party_without_platform_matches_on_codes_alone() {
        let a = PartyId::dcsa("WAVE", "A", [lei("1")]);
        let b = PartyId {
            platform: None,
            ..a.clone()
        };
        assert!(a.same_party(&b) && b.same_party(&a));
        assert!(b.same_party(&b.clone()));
        let namesake = PartyId {
            codes: vec![lei("2")],
            ..b.clone()
        };
        assert!(!namesake.same_party(&a) && !a.same_party(&namesake));
        let eth = PartyId::ethereum("eip155:1", "0xABC");
        let eth_anywhere = PartyId {
            platform: None,
            ..eth.clone()
        };
        assert!(eth.same_party(&eth_anywhere) && eth_anywhere.same_party(&eth));
    }

    #[test]
    fn set_agrees_with_same_party_when_a_platform_is_absent() {
        let on_wave = PartyId::dcsa("WAVE", "A", [lei("1")]);
        let nowhere = PartyId {
            platform: None,
            ..PartyId::dcsa("X", "B", [lei("2")])
        };
        let mut set = PartySet::default();
        set.insert(&on_wave);
        set.insert(&nowhere);
        let probes = [
            PartyId::dcsa("WAVE", "x", [lei("1")]),
            PartyId::dcsa("BOLE", "x", [lei("1")]),
            PartyId::dcsa("BOLE", "x", [lei("2")]),
            PartyId::dcsa("BOLE", "x", [lei("3")]),
            PartyId {
                platform: None,
                ..PartyId::dcsa("X", "x", [lei("1")])
            },
            PartyId {
                platform: None,
                ..PartyId::dcsa("X", "x", [lei("3")])
            },
        ];
        for probe in &probes {
            let expected = on_wave.same_party(probe) || nowhere.same_party(probe);
            assert_eq!(set.contains(probe), expected, "{probe:?}");
        }
        assert_eq!(
            probes.iter().map(|p| set.contains(p)).collect::<Vec<_>>(),
            [true, false, true, false, true, false]
        );
    }

    #[test]
    fn set_agrees_with_same_party() {
        let a = PartyId::dcsa("WAVE", "A", [lei("1")]);
        let eth = PartyId::ethereum("eip155:1", "0xABCDEF");
        let mut set = PartySet::default();
        set.insert(&a);
        set.insert(&eth);
        assert!(set.contains(&PartyId::dcsa("WAVE", "x", [lei("1")])));
        assert!(!set.contains(&PartyId::dcsa("BOLE", "x", [lei("1")])));
        assert!(set.contains(&PartyId::ethereum("eip155:1", "0xabcdef")));
        assert!(!set.contains(&PartyId::ethereum("eip155:2", "0xabcdef")));
    }

    #[test]
    fn labels() {
        assert_eq!(
            PartyId::dcsa("WAVE", "A", [lei("1")]).label(),
            "A (GLEIF:1) on WAVE"
        );
        assert_eq!(PartyId::default().label(), "an unidentified party");
    }
}
