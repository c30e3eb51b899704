//! DCSA PINT: building and passing on envelopes (issue, transfer, endorse, surrender, seal),
//! receiving them (report + signed response), checking a signed response as the sender, and
//! checking an uploaded additional document.

use ebl_core::Error;
use ebl_core::pint::{
    EblEnvelope, EndorseTo, EnvelopeBuilder, Issuance, SurrenderPurpose, Transaction,
    TransactionParty, check_document_upload, endorsement_steps, receive_envelope, verify_response,
};
use ring::rand::SystemRandom;

use crate::boundary::call;
use crate::context::ebl_verify_context;
use crate::handle::{free_handle, into_raw};
use crate::key::ebl_key;
use crate::ptr::{arg_bytes, arg_mut, arg_opt_str, arg_out, arg_ref, arg_slices, arg_str, set_out};
use crate::report::ebl_report;
use crate::result::ebl_result;
use crate::time::from_millis;
use crate::types::{ebl_bytes, ebl_slice};

/// `ebl_envelope_builder_endorse`: the endorsee may endorse further (`ENDORSE_TO_ORDER`).
pub const EBL_ENDORSE_TO_ORDER: u32 = 1;
/// `ebl_envelope_builder_endorse`: record the endorsement only, without the transfer of
/// possession to the endorsee that otherwise follows it.
pub const EBL_ENDORSE_ONLY: u32 = 2;
/// `ebl_envelope_builder_surrender`: surrender to take delivery of the goods.
pub const EBL_SURRENDER_FOR_DELIVERY: u32 = 1;
/// `ebl_envelope_builder_surrender`: surrender to have the bill amended or switched.
pub const EBL_SURRENDER_FOR_AMENDMENT: u32 = 2;

/// A PINT envelope chain being built: issued (`ebl_envelope_builder_issue`) or continued
/// from a received envelope (`ebl_envelope_builder_continue`), extended with transactions,
/// then sealed for sending. Mutable: one thread at a time. Free with
/// `ebl_envelope_builder_free`.
pub struct ebl_envelope_builder {
    builder: EnvelopeBuilder,
}

fn party(text: &str) -> Result<TransactionParty, Error> {
    TransactionParty::parse(text)
}

/// Issues a new eBL: `document` is the DCSA transport document (JSON); `carrier` and
/// `issue_to` are parties as `PLATFORM:PROVIDER:CODE[:NAME]` (UTF-8); the issuance is
/// recorded at `at_ms` on the carrier's platform. `carrier_key` signs the issuance manifest,
/// `platform_key` chain entry 0 (they may be the same key). On success `*out` owns the
/// builder (free with `ebl_envelope_builder_free`).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_envelope_builder_issue(
    document: *const u8,
    document_len: usize,
    carrier: *const u8,
    carrier_len: usize,
    issue_to: *const u8,
    issue_to_len: usize,
    at_ms: i64,
    carrier_key: *const ebl_key,
    platform_key: *const ebl_key,
    out: *mut *mut ebl_envelope_builder,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let document = arg_bytes!(document, document_len)?;
        let carrier = arg_str!(carrier, carrier_len)?;
        let issue_to = arg_str!(issue_to, issue_to_len)?;
        let (carrier_key, platform_key) = (arg_ref!(carrier_key)?, arg_ref!(platform_key)?);
        let issuance = Issuance::new(
            party(carrier)?,
            party(issue_to)?,
            from_millis(at_ms, "at_ms")?,
        );
        let document = ebl_core::json::parse(document)?;
        let builder = EnvelopeBuilder::issue(
            document,
            issuance,
            &carrier_key.signer,
            &platform_key.signer,
            &SystemRandom::new(),
        )?;
        set_out!(out, into_raw(ebl_envelope_builder { builder }));
        Ok(())
    })
}

/// Continues the chain of a received envelope (its JSON), to record new transactions and
/// pass it on; the carrier's declared visualisation is carried forward. The signatures are
/// not checked here: verify the envelope first. On success `*out` owns the builder.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_envelope_builder_continue(
    envelope: *const u8,
    envelope_len: usize,
    out: *mut *mut ebl_envelope_builder,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let envelope: EblEnvelope =
            ebl_core::json::from_slice(arg_bytes!(envelope, envelope_len)?)?;
        let builder = EnvelopeBuilder::continue_from(&envelope, envelope.declared_visualisation());
        set_out!(out, into_raw(ebl_envelope_builder { builder }));
        Ok(())
    })
}

/// Records a `TRANSFER` of possession from `from` to `to` (parties as text) at `at_ms`, as
/// one chain entry on `platform`, signed with `key`. Not thread-safe for `builder`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_envelope_builder_transfer(
    builder: *mut ebl_envelope_builder,
    platform: *const u8,
    platform_len: usize,
    from: *const u8,
    from_len: usize,
    to: *const u8,
    to_len: usize,
    at_ms: i64,
    key: *const ebl_key,
) -> ebl_result {
    call(|| {
        let builder = arg_mut!(builder)?;
        let platform = arg_str!(platform, platform_len)?;
        let (from, to) = (arg_str!(from, from_len)?, arg_str!(to, to_len)?);
        let key = arg_ref!(key)?;
        let step = Transaction::transfer(party(from)?, party(to)?, from_millis(at_ms, "at_ms")?);
        builder
            .builder
            .record(platform, vec![step], &key.signer, &SystemRandom::new())
    })
}

/// Records an endorsement by `from` to `to` (a party as text; NULL endorses in blank) at
/// `at_ms`, as one chain entry on `platform` signed with `key`. `flags` combines
/// `EBL_ENDORSE_TO_ORDER` and `EBL_ENDORSE_ONLY` (0: a named endorsement followed by the
/// transfer of possession). Not thread-safe for `builder`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_envelope_builder_endorse(
    builder: *mut ebl_envelope_builder,
    platform: *const u8,
    platform_len: usize,
    from: *const u8,
    from_len: usize,
    to: *const u8,
    to_len: usize,
    flags: u32,
    at_ms: i64,
    key: *const ebl_key,
) -> ebl_result {
    call(|| {
        let builder = arg_mut!(builder)?;
        let platform = arg_str!(platform, platform_len)?;
        let (from, to) = (arg_str!(from, from_len)?, arg_opt_str!(to, to_len)?);
        let key = arg_ref!(key)?;
        if flags & !(EBL_ENDORSE_TO_ORDER | EBL_ENDORSE_ONLY) != 0 {
            return Err(Error::InvalidArgument(format!(
                "flags {flags:#x} holds bits other than EBL_ENDORSE_TO_ORDER and EBL_ENDORSE_ONLY"
            )));
        }
        let from = party(from)?;
        let to = EndorseTo::new(
            to.map(party).transpose()?,
            flags & EBL_ENDORSE_TO_ORDER != 0,
        );
        let steps = endorsement_steps(
            from,
            to,
            flags & EBL_ENDORSE_ONLY != 0,
            from_millis(at_ms, "at_ms")?,
        );
        builder
            .builder
            .record(platform, steps, &key.signer, &SystemRandom::new())
    })
}

/// Records the surrender of the bill by its holder `from` to `carrier` for `purpose`
/// (`EBL_SURRENDER_FOR_*`), with an optional PINT `reason` code (NULL: none), at `at_ms`, as
/// one chain entry on `platform` signed with `key`. Not thread-safe for `builder`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_envelope_builder_surrender(
    builder: *mut ebl_envelope_builder,
    platform: *const u8,
    platform_len: usize,
    from: *const u8,
    from_len: usize,
    carrier: *const u8,
    carrier_len: usize,
    purpose: u32,
    reason: *const u8,
    reason_len: usize,
    at_ms: i64,
    key: *const ebl_key,
) -> ebl_result {
    call(|| {
        let purpose = match purpose {
            EBL_SURRENDER_FOR_DELIVERY => SurrenderPurpose::Delivery,
            EBL_SURRENDER_FOR_AMENDMENT => SurrenderPurpose::Amendment,
            other => {
                return Err(Error::InvalidArgument(format!(
                    "purpose {other} is not an EBL_SURRENDER_FOR_* value"
                )));
            }
        };
        let builder = arg_mut!(builder)?;
        let platform = arg_str!(platform, platform_len)?;
        let (from, carrier) = (arg_str!(from, from_len)?, arg_str!(carrier, carrier_len)?);
        let reason = arg_opt_str!(reason, reason_len)?;
        let key = arg_ref!(key)?;
        let step = Transaction::surrender(
            party(from)?,
            party(carrier)?,
            purpose,
            reason.map(str::to_owned),
            from_millis(at_ms, "at_ms")?,
        );
        builder
            .builder
            .record(platform, vec![step], &key.signer, &SystemRandom::new())
    })
}

/// Seals the envelope to send: `sender_key` (the sending platform's) signs the manifest. The
/// builder stays usable. On success `*out` owns the envelope's JSON (pretty; free with
/// `ebl_bytes_free`). Thread-safe for `builder` only if no thread is changing it.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_envelope_builder_seal(
    builder: *const ebl_envelope_builder,
    sender_key: *const ebl_key,
    out: *mut *mut ebl_bytes,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let sender = arg_ref!(sender_key)?;
        let envelope =
            arg_ref!(builder)?
                .builder
                .seal(&sender.signer, Vec::new(), &SystemRandom::new())?;
        set_out!(out, ebl_bytes::from_string(envelope.to_json_pretty()));
        Ok(())
    })
}

/// Frees a builder. NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_envelope_builder_free(builder: *mut ebl_envelope_builder) {
    free_handle!(builder);
}

/// Receives an envelope as the platform `context` names (set with
/// `ebl_verify_context_set_receiving_platform`; required), at the context's time, holding the
/// `document_count` additional documents in `documents` (a declared document not among them
/// makes the verdict `MDOC`), then signs the response with `response_key`. On success
/// `*out` owns a report (kind `envelope`): its response code, findings, and the signed
/// response to send back (`ebl_report_signed_response`). Thread-safe for `context`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_receive_envelope(
    context: *const ebl_verify_context,
    data: *const u8,
    len: usize,
    documents: *const ebl_slice,
    document_count: usize,
    response_key: *const ebl_key,
    out: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let context = arg_ref!(context)?;
        let bytes = arg_bytes!(data, len)?;
        let held = arg_slices!(documents, document_count)?;
        let key = arg_ref!(response_key)?;
        let options = context.receiving(held)?;
        let received = receive_envelope(
            bytes,
            &context.context.pint,
            &options,
            &key.signer,
            &SystemRandom::new(),
        )?;
        set_out!(out, into_raw(ebl_report::received(received)));
        Ok(())
    })
}

/// As the sender: verifies a signed response (compact JWS) with the keys of `context`, at
/// its time, and checks that it answers the transfer whose last chain entry's checksum is
/// `expected_checksum`. A response that verifies gives a report (kind `response`) with its
/// code; a bad signature or a response to another transfer is an error.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_response_verify(
    context: *const ebl_verify_context,
    response: *const u8,
    response_len: usize,
    expected_checksum: *const u8,
    expected_checksum_len: usize,
    out: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let context = &arg_ref!(context)?.context;
        let compact = arg_str!(response, response_len)?.trim();
        let expected = arg_str!(expected_checksum, expected_checksum_len)?;
        let verified = verify_response(compact, &context.pint.verifier, context.at, expected)?;
        set_out!(out, into_raw(ebl_report::response(&verified)));
        Ok(())
    })
}

/// Checks an uploaded additional document against the documents declared by a verified or
/// received envelope (`envelope_report`, from `ebl_verify` or `ebl_receive_envelope`):
/// `body` is the HTTP request body (a JSON string of base64), `checksum` the
/// `{documentChecksum}` it was sent to. On success `*out` owns a report (kind
/// `document-upload`), valid when accepted, else with response code `INCD` or `BENV`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_document_upload_check(
    envelope_report: *const ebl_report,
    checksum: *const u8,
    checksum_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let declared = arg_ref!(envelope_report)?.declared_documents();
        let checksum = arg_str!(checksum, checksum_len)?;
        let upload = check_document_upload(declared, checksum, arg_bytes!(body, body_len)?);
        set_out!(out, into_raw(ebl_report::upload(upload)));
        Ok(())
    })
}
