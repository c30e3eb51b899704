//! Criteria over the document's content and its changes: required content (row 1), place
//! (16), amendments (17), change of medium (18, 19).

use super::Context;
use crate::json::Value;
use crate::recognition::Outcome;
use crate::recognition::facts::LegalEventKind;
use crate::recognition::rules::CellParams;

/// The value at a dotted path (`transports.portOfLoading`), if present and not empty.
fn present<'v>(doc: &'v Value, dotted: &str) -> Option<&'v Value> {
    let mut v = doc;
    for segment in dotted.split('.') {
        v = v.as_object()?.get(segment)?;
    }
    let empty = match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Bool(_) | Value::Number(_) => false,
    };
    (!empty).then_some(v)
}

/// Row 1, judged at the event that last set the content (issuance, conversion or the latest
/// amendment), over the current document: every field the cell lists is present.
pub(super) fn required_content(
    ctx: &Context<'_>,
    i: usize,
    params: &CellParams,
) -> Option<Outcome> {
    let last_content = ctx
        .history
        .events
        .iter()
        .rposition(|e| e.kind.is_creation() || e.kind == LegalEventKind::Amend)?;
    if i != last_content {
        return None;
    }
    let Some(doc) = ctx.document else {
        return Some(Outcome::indeterminate("no transport document was supplied"));
    };
    if params.fields.is_empty() {
        return Some(Outcome::indeterminate(
            "the rule names no required fields for this document",
        ));
    }
    let missing: Vec<&str> = params
        .fields
        .iter()
        .map(String::as_str)
        .filter(|f| present(doc, f).is_none())
        .collect();
    Some(if missing.is_empty() {
        Outcome::satisfied(format!(
            "all {} required fields are present",
            params.fields.len()
        ))
    } else {
        Outcome::not_satisfied(format!("required content missing: {}", missing.join(", ")))
    })
}

/// Row 16, judged at the creation event: the place of issue is indicated. A missing place is
/// `Indeterminate`, because the rules require it only where the governing law does.
pub(super) fn place_indicated(ctx: &Context<'_>, i: usize, params: &CellParams) -> Option<Outcome> {
    if !ctx.event(i)?.kind.is_creation() {
        return None;
    }
    let Some(doc) = ctx.document else {
        return Some(Outcome::indeterminate("no transport document was supplied"));
    };
    if params.fields.is_empty() {
        return Some(Outcome::indeterminate("the rule names no place field"));
    }
    Some(
        match params.fields.iter().find(|f| present(doc, f).is_some()) {
            Some(field) => Outcome::satisfied(format!("place indicated ({field})")),
            None => Outcome::indeterminate(format!(
                "no place indicated ({}); whether the law governing the bill requires one was not assessed",
                params.fields.join(", ")
            )),
        },
    )
}

/// Row 17, judged at each amendment: it is identified (a new content checksum is recorded)
/// and made by the issuer.
pub(super) fn amendments_identified(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if e.kind != LegalEventKind::Amend {
        return None;
    }
    let issuer = ctx.issuer();
    let mut problems = Vec::new();
    match (&e.actor, issuer) {
        (Some(actor), Some(issuer)) if actor == issuer => {}
        (Some(actor), Some(issuer)) => problems.push(Outcome::not_satisfied(format!(
            "amendment at event {i} made by '{actor}', not by the issuer '{issuer}'"
        ))),
        _ => problems.push(Outcome::indeterminate(format!(
            "amendment at event {i}: its author or the issuer is not recorded"
        ))),
    }
    if e.document_checksum.is_none() {
        problems.push(Outcome::indeterminate(format!(
            "amendment at event {i} records no checksum of the amended content"
        )));
    }
    Some(super::worst(problems, || {
        Outcome::satisfied(format!(
            "amendment at event {i} identified and made by the issuer"
        ))
    }))
}

/// Row 18, judged at each conversion from paper: a change-of-medium statement, the paper made
/// inoperative, and (where the cell requires it) all the paper information reproduced.
pub(super) fn paper_to_electronic(
    ctx: &Context<'_>,
    i: usize,
    params: &CellParams,
) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if e.kind != LegalEventKind::ConvertFromPaper {
        return None;
    }
    let Some(change) = &e.change_of_medium else {
        return Some(Outcome::not_satisfied(format!(
            "conversion from paper at event {i} records no change of medium"
        )));
    };
    let mut problems = Vec::new();
    if !change.statement {
        problems.push(Outcome::not_satisfied(
            "no statement indicating the change of medium was inserted",
        ));
    }
    match change.old_medium_inoperative {
        Some(true) => {}
        Some(false) => problems.push(Outcome::not_satisfied(
            "the paper bill was not made inoperative",
        )),
        None => problems.push(Outcome::indeterminate(
            "whether the paper bill was made inoperative is not recorded",
        )),
    }
    if params.full_reproduction {
        match change.full_reproduction {
            Some(true) => {}
            Some(false) => problems.push(Outcome::not_satisfied(
                "not all the information of the paper bill was reproduced",
            )),
            None => problems.push(Outcome::indeterminate(
                "whether all the paper information was reproduced is not recorded",
            )),
        }
    }
    Some(super::worst(problems, || {
        Outcome::satisfied(format!(
            "conversion from paper at event {i}: statement inserted, paper made inoperative"
        ))
    }))
}

/// Row 19, judged at each conversion to paper: a statement on the paper, and the electronic
/// record inoperative afterwards (no later event).
pub(super) fn electronic_to_paper(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if e.kind != LegalEventKind::ConvertToPaper {
        return None;
    }
    let mut problems = Vec::new();
    match &e.change_of_medium {
        Some(change) if change.statement => {}
        Some(_) => problems.push(Outcome::not_satisfied(
            "no statement indicating the change of medium was put on the paper bill",
        )),
        None => problems.push(Outcome::not_satisfied(format!(
            "conversion to paper at event {i} records no change of medium"
        ))),
    }
    let later = ctx.history.events.len().saturating_sub(i + 1);
    if later > 0 {
        problems.push(Outcome::not_satisfied(format!(
            "the electronic record was used in {later} event(s) after its conversion to paper"
        )));
    }
    Some(super::worst(problems, || {
        Outcome::satisfied(format!(
            "conversion to paper at event {i}: statement on the paper, record inoperative afterwards"
        ))
    }))
}
