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
///
/// A cell whose `proxy_fields` is set lists fields that stand in for the statutory test ("the
/// information required in the paper instrument", which depends on the governing carriage law;
/// a short-form bill incorporating terms by reference is valid): a missing field is then
/// *indeterminate*, naming the field and why it is only a proxy. A cell without it (an agreed
/// list of data elements) makes a missing field *not satisfied*.
pub(super) fn required_content(
    ctx: &Context<'_>,
    i: usize,
    params: &CellParams,
) -> Option<Outcome> {
    let Some(last_content) = ctx
        .history
        .events
        .iter()
        .rposition(|e| e.kind.is_creation() || e.kind == LegalEventKind::Amend)
    else {
        return (i == 0).then(|| super::partial_history(ctx, "the content it was issued with"));
    };
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
    } else if params.proxy_fields {
        Outcome::indeterminate(format!(
            "field(s) missing: {}; the field list is a proxy for the information the paper bill would need under the governing carriage law, not a statutory list (a short-form bill may incorporate terms by reference), so whether the content suffices was not decided",
            missing.join(", ")
        ))
    } else {
        Outcome::not_satisfied(format!("required content missing: {}", missing.join(", ")))
    })
}

/// Row 16, judged at the creation event: the place of issue is indicated. A missing place is
/// `Indeterminate`, because the rules require it only where the governing law does.
pub(super) fn place_indicated(ctx: &Context<'_>, i: usize, params: &CellParams) -> Option<Outcome> {
    if !super::is_creation_or_partial_start(ctx, i) {
        return None;
    }
    if !ctx.event(i)?.kind.is_creation() {
        return Some(super::partial_history(ctx, "the place of issue"));
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

/// Row 17, judged at each amendment: the amended information is identified as such (a new
/// content checksum is recorded for it). MLETR art. 16 (SG s.16L) asks only that; who may amend
/// comes from the platform's rulebook, not the statute, so the author is reported, not judged.
pub(super) fn amendments_identified(ctx: &Context<'_>, i: usize) -> Option<Outcome> {
    let e = ctx.event(i)?;
    if e.kind != LegalEventKind::Amend {
        return None;
    }
    let author = e
        .actor
        .as_deref()
        .map_or_else(|| "an unrecorded author".to_owned(), |a| format!("'{a}'"));
    Some(if e.document_checksum.is_none() {
        Outcome::indeterminate(format!(
            "amendment at event {i} (by {author}) records no checksum of the amended content, so the amended information is not identified"
        ))
    } else {
        Outcome::satisfied(format!(
            "amendment at event {i} (by {author}; who may amend is for the platform's rulebook) identified by its content checksum"
        ))
    })
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
