//! Validation of a [`TransportDocument`]: a walk over every object that collects findings.

mod check;
mod objects;
mod parties;
mod rules;

use crate::json::JsonPath;
use crate::report::Finding;

use super::document::TransportDocument;

pub(crate) use check::Ctx;

/// Every finding about `doc`, in document order, cross-member rules last.
pub(crate) fn validate(doc: &TransportDocument) -> Vec<Finding> {
    let mut ctx = Ctx::new(&doc.nulls, doc.is_issued());
    let root = JsonPath::root();
    objects::document(&mut ctx, doc, &root);
    rules::cross_member(&mut ctx, doc, &root);
    ctx.into_findings()
}
