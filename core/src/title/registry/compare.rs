//! Comparing a received chain with what the platform accepted before (`reference/dcsa.md`
//! §2.7 step 8, §2.10), and a PINT holder with the TradeTrust side of the same eBL. Pure
//! functions: the registry supplies the records, the receiving procedure the answer.

use super::{AcceptedTransfer, TradeTrustTitle};
use crate::title::{PartyId, replay};

/// How a received transfer chain relates to the transfers accepted for its document.
#[derive(Debug, Clone, PartialEq)]
pub enum ChainComparison {
    /// Nothing was accepted for this document: a first transfer here.
    Unknown,
    /// The chain continues the latest accepted chain: a new transfer (the eBL left and came
    /// back). `previous` is the latest transfer's sequence number.
    Extends {
        /// The sequence number of the latest accepted transfer.
        previous: u64,
    },
    /// The chain's last entry was accepted before: answer `DUPE` with that transfer.
    Duplicate(Box<AcceptedTransfer>),
    /// The chain contradicts the latest accepted one from entry `entry` on (another
    /// continuation of the same prefix, or an older state): answer `DISE`.
    Disputed {
        /// The accepted transfer it contradicts.
        accepted: Box<AcceptedTransfer>,
        /// The first chain index at which the two differ.
        entry: usize,
    },
}

/// Compares a received chain (`chain`: SHA-256 of each entry's JWS; `last_payload_checksum`:
/// SHA-256 of the last entry's decoded payload) with `known`, the transfers accepted for the
/// same document, oldest first.
///
/// Strict `DUPE` needs the same last-entry checksum (what PINT requires a receiver to
/// detect); with `lenient`, a re-signed last entry with the same payload and the same earlier
/// entries is a duplicate too (what the DCSA conformance kit tolerates).
///
/// ```
/// use ebl::title::{compare_chain, ChainComparison};
/// assert_eq!(compare_chain(&[], &["a".into()], "pa", false), ChainComparison::Unknown);
/// ```
#[must_use]
pub fn compare_chain(
    known: &[AcceptedTransfer],
    chain: &[String],
    last_payload_checksum: &str,
    lenient: bool,
) -> ChainComparison {
    let Some(last) = chain.last() else {
        return ChainComparison::Unknown;
    };
    let prefix = &chain[..chain.len() - 1];
    if let Some(earlier) = known.iter().find(|t| {
        t.last_entry_checksum() == last
            || (lenient
                && t.last_entry_payload_checksum == last_payload_checksum
                && t.chain.len() == chain.len()
                && t.chain[..prefix.len()] == *prefix)
    }) {
        return ChainComparison::Duplicate(Box::new(earlier.clone()));
    }
    let Some(latest) = known.last() else {
        return ChainComparison::Unknown;
    };
    let common = latest
        .chain
        .iter()
        .zip(chain)
        .take_while(|(a, b)| a == b)
        .count();
    if common == latest.chain.len() && chain.len() > common {
        return ChainComparison::Extends {
            previous: latest.sequence,
        };
    }
    ChainComparison::Disputed {
        accepted: Box::new(latest.clone()),
        entry: common.min(chain.len() - 1),
    }
}

/// Whether the TradeTrust side of an eBL still gives control to someone other than the holder
/// the PINT chain names: a possible double spend across formats. Returns why, or `None` when
/// they agree, when either names no holder, or when the TradeTrust record has ended
/// (surrendered or converted: the title then moved out of it).
///
/// ```
/// use ebl::title::{cross_format_conflict, Event, EventKind, History, Negotiability, PartyId, TradeTrustTitle};
/// let a = PartyId::ethereum("eip155:1/0xa", "0x00000000000000000000000000000000000000b1");
/// let carrier = PartyId::ethereum("eip155:1/0xa", "0x0000000000000000000000000000000000000a11");
/// let mut history = History::new("0x01", Negotiability::ToOrder);
/// history.events.push(Event::new(EventKind::Issue, carrier, Some(a.clone()), "2026-01-01T00:00:00Z".parse()?));
/// let title = TradeTrustTitle { transport_document_reference: "BL1".into(), history };
/// assert!(cross_format_conflict(Some(&a), &title).is_none());
/// let other = PartyId::dcsa("SZP1", "qianhai", []);
/// assert!(cross_format_conflict(Some(&other), &title).is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn cross_format_conflict(
    pint_holder: Option<&PartyId>,
    tradetrust: &TradeTrustTitle,
) -> Option<String> {
    let state = replay(&tradetrust.history).final_state;
    if state.status.is_terminal() {
        return None;
    }
    let (pint, other) = (pint_holder?, state.holder.as_ref()?);
    (!pint.same_party(other)).then(|| {
        format!(
            "possible double spend: eBL {} is also a live TradeTrust record (token {}) held by {}, while the PINT chain gives it to {}",
            tradetrust.transport_document_reference,
            tradetrust.history.document_reference,
            describe(other),
            describe(pint)
        )
    })
}

/// A party for a message: its name, else its address or first code, with its platform.
fn describe(party: &PartyId) -> String {
    let who = party
        .name
        .clone()
        .or_else(|| party.address.clone())
        .or_else(|| party.codes.first().map(|c| c.code.clone()))
        .unwrap_or_else(|| "an unnamed party".to_owned());
    match &party.platform {
        Some(platform) => format!("{who} ({platform})"),
        None => who,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(chain: &[&str], payload: &str, sequence: u64) -> AcceptedTransfer {
        AcceptedTransfer {
            transport_document_checksum: "td".into(),
            transport_document_reference: None,
            sequence,
            chain: chain.iter().map(|c| (*c).to_owned()).collect(),
            last_entry: "jws".into(),
            last_entry_payload_checksum: payload.into(),
            holder: None,
            documents: Vec::new(),
            response: "r".into(),
            accepted_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    fn chain(entries: &[&str]) -> Vec<String> {
        entries.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn a_re_signed_last_entry_is_a_duplicate_only_when_lenient() {
        let known = [accepted(&["e0", "e1"], "p1", 1)];
        let resigned = chain(&["e0", "e1-resigned"]);
        assert!(matches!(
            compare_chain(&known, &resigned, "p1", false),
            ChainComparison::Disputed { entry: 1, .. }
        ));
        assert!(matches!(
            compare_chain(&known, &resigned, "p1", true),
            ChainComparison::Duplicate(_)
        ));
        // Same payload after a different prefix is no duplicate, even when lenient.
        assert!(matches!(
            compare_chain(&known, &chain(&["x0", "e1-resigned"]), "p1", true),
            ChainComparison::Disputed { entry: 0, .. }
        ));
    }

    #[test]
    fn extensions_and_older_states() {
        let known = [
            accepted(&["e0", "e1"], "p1", 1),
            accepted(&["e0", "e1", "e2", "e3"], "p3", 2),
        ];
        assert_eq!(
            compare_chain(&known, &chain(&["e0", "e1", "e2", "e3", "e4"]), "p4", false),
            ChainComparison::Extends { previous: 2 }
        );
        assert!(matches!(
            compare_chain(&known, &chain(&["e0", "e1"]), "p1", false),
            ChainComparison::Duplicate(t) if t.sequence == 1
        ));
        assert!(matches!(
            compare_chain(&known, &chain(&["e0", "e1", "e2"]), "p2", false),
            ChainComparison::Disputed { entry: 2, .. }
        ));
    }
}
