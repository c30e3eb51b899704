//! Step 4 of the receiver's procedure and the checks of each chain entry it walks: the
//! entry's signature (4), its transport document (5), its link to the entry before (4), the
//! fields only the first entry may carry (10), its transactions and, in entry 0, the carrier's
//! issuance manifest (6).

use super::MAX_CHAIN_ENTRIES;
use super::checks::{
    CHAIN_EMPTY, CHAIN_TOO_LONG, CTR_NOT_FIRST, ENTRY_MALFORMED, ENTRY_SIGNATURE, ENTRY_SIGNER,
    ENTRY_TD_CHECKSUM, FIRST_NOT_ISSUE, ISSUANCE_CHECKSUM, ISSUANCE_MALFORMED, ISSUANCE_MISSING,
    ISSUANCE_SIGNATURE, ISSUANCE_SIGNER, ISSUE_NOT_FIRST, LINK_BROKEN, LINK_MISSING,
    LINK_UNEXPECTED, NO_TRANSACTIONS, UNKNOWN_ACTION,
};
use super::procedure::ReceiverProcedure;
use super::report::EntryReport;
use super::signed::{Signed, SignedChecks};
use crate::checksum::sha256_hex;
use crate::json::JsonPath;
use crate::pint::types::{
    ActionCode, EnvelopeTransferChainEntry, IssuanceManifest, Transaction, TransactionGeneration,
};
use crate::report::{Finding, Severity};

/// One chain entry whose payload could be read, where it stands in the chain.
struct EntryAt<'e> {
    entry: &'e EnvelopeTransferChainEntry,
    index: usize,
    path: &'e JsonPath,
}

impl ReceiverProcedure<'_> {
    /// Step 4: walks the chain from its first entry, checking each entry and its link to the
    /// one before it.
    pub(super) fn walk_chain(&mut self) {
        let envelope = self.envelope;
        let chain = &envelope.envelope_transfer_chain;
        if chain.is_empty() {
            let message = "the envelope transfer chain has no entries";
            self.outcome
                .fail(CHAIN_EMPTY, self.chain_path.as_str(), message, None);
        }
        if chain.len() > MAX_CHAIN_ENTRIES {
            // Refused before any entry is read, so the work stays bounded; the other steps then
            // see no entries, as for an empty chain.
            let message = format!(
                "the envelope transfer chain has {} entries, more than the {MAX_CHAIN_ENTRIES} allowed",
                chain.len()
            );
            self.outcome
                .fail(CHAIN_TOO_LONG, self.chain_path.as_str(), message, None);
            return;
        }
        for (index, compact) in chain.iter().enumerate() {
            self.chain_entry(index, compact);
        }
    }

    /// Every check of entry `index`, whose JWS string is `compact`.
    fn chain_entry(&mut self, index: usize, compact: &str) {
        let path = self.chain_path.index(index);
        let checks = SignedChecks {
            signature: ENTRY_SIGNATURE,
            shape: ENTRY_MALFORMED,
        };
        let Signed { info, payload } =
            self.signed::<EnvelopeTransferChainEntry>(compact, &path, Some(index), checks);
        let mut report = EntryReport {
            index,
            checksum: sha256_hex(compact.as_bytes()),
            platform: None,
            signer: info,
            issuance_signer: None,
            content_matches: false,
            link_ok: None,
            issuance_content_matches: None,
            transactions: Vec::new(),
        };
        if let Some(entry) = &payload {
            let at = EntryAt {
                entry,
                index,
                path: &path,
            };
            report.platform = Some(entry.ebl_platform.clone());
            self.entry_signer(&at, &mut report);
            report.content_matches = self.entry_transport_document(&at);
            report.link_ok = self.entry_link(&at);
            self.first_entry_fields(&at);
            self.entry_transactions(&at);
            if index == 0 {
                self.issuance_manifest(&at, &mut report);
            }
        }
        self.entries.push(report);
        self.parsed.push(payload);
    }

    /// Step 4, signature: the entry is signed by a key of the platform that says it recorded
    /// it (when that platform is bound to keys).
    fn entry_signer(&mut self, at: &EntryAt<'_>, report: &mut EntryReport) {
        let trust = self.trust;
        let platform = &at.entry.ebl_platform;
        self.bind_signer(
            &mut report.signer,
            |t| trust.is_platform_thumbprint(platform, t),
            ENTRY_SIGNER,
            at.path,
            || format!(
                "the entry says it was recorded by platform {platform}, but is not signed by a key of that platform"
            ),
            Some(at.index),
        );
    }

    /// Step 5: the entry names the transport document received (anti-replay).
    fn entry_transport_document(&mut self, at: &EntryAt<'_>) -> bool {
        let named = &at.entry.transport_document_checksum;
        if *named == self.td_checksum {
            return true;
        }
        let message = format!(
            "the entry is for transport document {named}, but the envelope carries {}",
            self.td_checksum
        );
        let path = at.path.key("transportDocumentChecksum");
        self.outcome
            .fail(ENTRY_TD_CHECKSUM, path.as_str(), message, Some(at.index));
        false
    }

    /// Step 4, link: entry 0 points nowhere, every later entry to the checksum of the one
    /// before it. Returns [`EntryReport::link_ok`].
    fn entry_link(&mut self, at: &EntryAt<'_>) -> Option<bool> {
        let previous = at
            .index
            .checked_sub(1)
            .and_then(|i| self.entries.get(i))
            .map(|e| e.checksum.as_str());
        let link = at
            .entry
            .previous_envelope_transfer_chain_entry_signed_content_checksum
            .as_deref();
        let (check, message) = match (at.index, link, previous) {
            (0, Some(_), _) => (
                LINK_UNEXPECTED,
                "the first entry must not point to a previous entry".to_owned(),
            ),
            (_, None, Some(_)) => (
                LINK_MISSING,
                "every entry after the first must carry the checksum of the one before it"
                    .to_owned(),
            ),
            (_, Some(link), Some(expected)) if link != expected => (
                LINK_BROKEN,
                format!(
                    "the entry points to previous entry {link}, but the entry before it is {expected}"
                ),
            ),
            (_, Some(_), Some(_)) => return Some(true),
            _ => return None,
        };
        let path = at
            .path
            .key("previousEnvelopeTransferChainEntrySignedContentChecksum");
        self.outcome
            .fail(check, path.as_str(), message, Some(at.index));
        Some(false)
    }

    /// Steps 6 and 10: a control tracking registry may only be named in entry 0, and an
    /// issuance manifest anywhere else is ignored.
    fn first_entry_fields(&mut self, at: &EntryAt<'_>) {
        if at.index == 0 {
            return;
        }
        if at.entry.control_tracking_registry.is_some() {
            self.outcome.fail(
                CTR_NOT_FIRST,
                at.path.key("controlTrackingRegistry").as_str(),
                "a control tracking registry may only be named in the first entry",
                Some(at.index),
            );
        }
        if at.entry.issuance_manifest_signed_content.is_some() {
            self.outcome.note(
                Finding::warning(
                    "issuance-manifest-not-first",
                    at.path.key("issuanceManifestSignedContent"),
                    "an issuance manifest outside the first entry is ignored",
                )
                .at_entry(at.index),
            );
        }
    }

    /// Steps 6 and 7: the entry records transactions, the first of the chain is `ISSUE` and
    /// no other is, and every action code is known.
    fn entry_transactions(&mut self, at: &EntryAt<'_>) {
        if at.entry.transactions.is_empty() {
            let path = at.path.key("transactions");
            let message = "the entry records no transactions";
            self.outcome
                .fail(NO_TRANSACTIONS, path.as_str(), message, Some(at.index));
        }
        for (t, transaction) in at.entry.transactions.iter().enumerate() {
            self.transaction(at, t, transaction);
        }
    }

    /// Transaction `t` of the entry `at`. Its path is only written out for a finding.
    fn transaction(&mut self, at: &EntryAt<'_>, t: usize, transaction: &Transaction) {
        let index = at.index;
        let first = index == 0 && t == 0;
        let path = || at.path.key("transactions").index(t);
        let action_path = || String::from(path().key("actionCode"));
        match &transaction.action_code {
            ActionCode::Issue if !first => self.outcome.fail(
                ISSUE_NOT_FIRST,
                action_path(),
                "ISSUE may only be the first transaction of the first entry",
                Some(index),
            ),
            ActionCode::Other(code) => self.outcome.fail(
                UNKNOWN_ACTION,
                action_path(),
                format!("unknown action code {code:?}"),
                Some(index),
            ),
            _ => {}
        }
        if first && transaction.action_code != ActionCode::Issue {
            let message = format!(
                "the first transaction must be ISSUE, not {}",
                transaction.action_code.as_str()
            );
            self.outcome
                .fail(FIRST_NOT_ISSUE, action_path(), message, Some(index));
        }
        if transaction.generation == TransactionGeneration::Legacy {
            self.outcome.note(
                Finding::new(
                    Severity::Info,
                    "legacy-transaction-format",
                    path().as_str(),
                    "written in the pre-November-2025 format (action/timestamp); read as the current one",
                )
                .at_entry(index),
            );
        }
    }

    /// Step 6: entry 0 carries the issuance manifest, signed by a carrier key, for the
    /// transport document received.
    fn issuance_manifest(&mut self, at: &EntryAt<'_>, report: &mut EntryReport) {
        let path = at.path.key("issuanceManifestSignedContent");
        let Some(compact) = &at.entry.issuance_manifest_signed_content else {
            let message = "the first entry must carry the carrier-signed issuance manifest";
            self.outcome
                .fail(ISSUANCE_MISSING, path.as_str(), message, Some(0));
            return;
        };
        let checks = SignedChecks {
            signature: ISSUANCE_SIGNATURE,
            shape: ISSUANCE_MALFORMED,
        };
        let Signed { mut info, payload } =
            self.signed::<IssuanceManifest>(compact, &path, Some(0), checks);
        let trust = self.trust;
        self.bind_signer(
            &mut info,
            |t| trust.is_carrier_thumbprint(t),
            ISSUANCE_SIGNER,
            &path,
            || "the issuance manifest is not signed by a trusted carrier key".to_owned(),
            Some(0),
        );
        let matches = payload
            .as_ref()
            .is_some_and(|manifest| self.issued_document(manifest, &path));
        report.issuance_signer = Some(info);
        report.issuance_content_matches = Some(matches);
        self.issuance_manifest = payload;
    }

    /// Step 6, checksum: the carrier issued the transport document received.
    fn issued_document(&mut self, manifest: &IssuanceManifest, path: &JsonPath) -> bool {
        if manifest.document_checksum == self.td_checksum {
            return true;
        }
        let message = format!(
            "the carrier issued transport document {}, but the envelope carries {}",
            manifest.document_checksum, self.td_checksum
        );
        let path = path.key("documentChecksum");
        self.outcome
            .fail(ISSUANCE_CHECKSUM, path.as_str(), message, Some(0));
        false
    }
}
