//! Validation of a [`TransportDocument`]: a walk over every object that collects findings.
//!
//! Each file checks the objects of one section of the model (the document itself, parties,
//! locations, cargo, equipment); `check` holds the context and the member-level checks,
//! `pattern` the schema's string patterns, `rules` the cross-member rules.

mod cargo;
mod check;
mod document;
mod equipment;
mod locations;
mod parties;
mod pattern;
mod rules;

use crate::json::JsonPath;
use crate::report::Finding;

use super::ModelError;
use super::document::TransportDocument;

pub(crate) use check::Ctx;

/// Every finding about `doc`, in document order, cross-member rules last.
pub(crate) fn validate(doc: &TransportDocument) -> Vec<Finding> {
    let mut ctx = Ctx::new(&doc.nulls, doc.is_issued());
    let root = JsonPath::root();
    document::document(&mut ctx, doc, &root);
    rules::cross_member(&mut ctx, doc, &root);
    ctx.into_findings()
}

impl TransportDocument {
    /// Every finding about the document: required members, codes, lengths, patterns and the
    /// cross-member rules of the spec (see the [module documentation](crate::model) for the codes).
    ///
    /// ```
    /// use ebl::model::TransportDocument;
    ///
    /// let doc = TransportDocument::from_json(br#"{"transportDocumentTypeCode": "SWB", "isToOrder": true,
    ///     "transportDocumentReference": " HHL71800000"}"#)?;
    /// let findings = doc.validate();
    /// let has = |code: &str, path: &str| findings.iter().any(|f| f.code == code && f.path == path);
    /// assert!(has("swb-to-order", "$.isToOrder"));
    /// assert!(has("untrimmed-text", "$.transportDocumentReference"));
    /// assert!(has("required", "$.documentParties"));
    /// # Ok::<(), ebl::Error>(())
    /// ```
    #[must_use]
    pub fn validate(&self) -> Vec<Finding> {
        validate(self)
    }

    /// `Ok` if [`validate`](Self::validate) finds no error (warnings are allowed).
    ///
    /// # Errors
    /// [`ModelError::Invalid`] with the number of errors and the first of them.
    ///
    /// ```
    /// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/dcsa/openapi-extracted");
    /// # let doc = ebl::model::TransportDocument::from_json(&std::fs::read(format!(
    /// #     "{dir}/EBL_v3.0.3.get_v3_transport-documents_transportDocumentReference.200.regularSTDExample.json"))?)?;
    /// // The DCSA eBL 3.0.3 API example `regularSTDExample`: a draft, to-order, electronic B/L.
    /// assert!(doc.ensure_valid().is_ok()); // one warning (no notify party), no error
    /// let mut issued = doc.clone();
    /// issued.transport_document_status = Some("ISSUED".into());
    /// let err = issued.ensure_valid().unwrap_err(); // an issued B/L needs an issueDate
    /// assert!(err.to_string().contains("issue-date-missing"));
    /// issued.issue_date = Some("2023-12-20".into());
    /// assert!(issued.ensure_valid().is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ensure_valid(&self) -> crate::Result<()> {
        let findings = self.validate();
        let mut errors = findings.into_iter().filter(Finding::is_error);
        match errors.next() {
            None => Ok(()),
            Some(first) => Err(ModelError::Invalid {
                errors: 1 + errors.count(),
                first: Box::new(first),
            }
            .into()),
        }
    }
}
