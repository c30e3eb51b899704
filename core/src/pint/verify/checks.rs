//! The checks of the receiver's procedure: each one's finding code and the PINT response code
//! its failure leads to, and the collector that turns failures into the verdict.

use std::collections::BTreeSet;

use crate::pint::types::ResponseCode;
use crate::report::Finding;

/// A check of the procedure: its finding code and the response code it leads to when it fails.
#[derive(Clone, Copy)]
pub(crate) struct Check {
    pub(crate) code: &'static str,
    response: ResponseCode,
}

/// A check whose failure means a bad signature (`BSIG`).
const fn bsig(code: &'static str) -> Check {
    Check {
        code,
        response: ResponseCode::BadSignature,
    }
}

/// A check whose failure means a bad envelope (`BENV`).
const fn benv(code: &'static str) -> Check {
    Check {
        code,
        response: ResponseCode::BadEnvelope,
    }
}

pub(super) const MANIFEST_SIGNATURE: Check = bsig("manifest-signature");
pub(super) const MANIFEST_SIGNER: Check = bsig("manifest-signer-not-sending-platform");
pub(super) const ENTRY_SIGNATURE: Check = bsig("entry-signature");
pub(super) const ENTRY_SIGNER: Check = bsig("entry-signer-not-entry-platform");
pub(super) const ISSUANCE_SIGNATURE: Check = bsig("issuance-manifest-signature");
pub(super) const ISSUANCE_SIGNER: Check = bsig("issuance-manifest-signer-not-carrier");
pub(super) const MANIFEST_MALFORMED: Check = benv("manifest-malformed");
pub(super) const ENTRY_MALFORMED: Check = benv("entry-malformed");
pub(super) const ISSUANCE_MALFORMED: Check = benv("issuance-manifest-malformed");
pub(super) const CHAIN_EMPTY: Check = benv("chain-empty");
pub(super) const CHAIN_TOO_LONG: Check = benv("chain-too-long");
pub(super) const TD_CHECKSUM: Check = benv("transport-document-checksum-mismatch");
pub(super) const LAST_ENTRY_CHECKSUM: Check = benv("last-entry-checksum-mismatch");
pub(super) const ENTRY_TD_CHECKSUM: Check = benv("entry-transport-document-checksum-mismatch");
pub(super) const LINK_UNEXPECTED: Check = benv("chain-link-in-first-entry");
pub(super) const LINK_MISSING: Check = benv("chain-link-missing");
pub(super) const LINK_BROKEN: Check = benv("chain-link-broken");
pub(super) const ISSUANCE_MISSING: Check = benv("issuance-manifest-missing");
pub(super) const ISSUANCE_CHECKSUM: Check = benv("issuance-manifest-checksum-mismatch");
pub(super) const VISUALISATION_CHECKSUM: Check = benv("visualisation-checksum-mismatch");
pub(super) const CTR_NOT_FIRST: Check = benv("control-tracking-registry-not-in-first-entry");
pub(super) const NO_TRANSACTIONS: Check = benv("transactions-empty");
pub(super) const FIRST_NOT_ISSUE: Check = benv("first-transaction-not-issue");
pub(super) const ISSUE_NOT_FIRST: Check = benv("issue-not-first");
pub(super) const UNKNOWN_ACTION: Check = benv("unknown-action-code");
pub(super) const WRONG_RECIPIENT: Check = benv("recipient-not-this-platform");
/// The response a broken title rule ([`crate::title`]) leads to.
pub(super) const TITLE_RULE: ResponseCode = ResponseCode::BadEnvelope;
pub(crate) const DOCUMENT_MISSING: Check = Check {
    code: "document-missing",
    response: ResponseCode::MissingDocuments,
};

/// Collects findings and the verdict they add up to.
#[derive(Default)]
pub(super) struct Outcome {
    pub(super) findings: Vec<Finding>,
    failures: BTreeSet<ResponseCode>,
}

impl Outcome {
    /// Records that `check` failed at `path` (of chain entry `entry`, if any).
    pub(super) fn fail(
        &mut self,
        check: Check,
        path: impl Into<String>,
        message: impl Into<String>,
        entry: Option<usize>,
    ) {
        let mut finding = Finding::error(check.code, path, message);
        finding.entry = entry;
        self.findings.push(finding);
        self.failures.insert(check.response);
    }

    /// Records a finding that does not count against the envelope.
    pub(super) fn note(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Records a finding of the title rules; an error leads to [`TITLE_RULE`].
    pub(super) fn title_finding(&mut self, finding: Finding) {
        if finding.is_error() {
            self.failures.insert(TITLE_RULE);
        }
        self.findings.push(finding);
    }

    /// BSIG outranks BENV (a bad signature means nothing about the content can be asserted),
    /// BENV outranks MDOC, and no failure at all is RECE.
    pub(super) fn response_code(&self) -> ResponseCode {
        [
            ResponseCode::BadSignature,
            ResponseCode::BadEnvelope,
            ResponseCode::MissingDocuments,
        ]
        .into_iter()
        .find(|code| self.failures.contains(code))
        .unwrap_or(ResponseCode::Received)
    }
}
