//! The durable title registry (issue 12): an open-registry handle, receiving with memory
//! (`DUPE`, `DISE`, `MDOC` then `RECE`), document uploads for a transfer answered `MDOC`, and
//! what the registry knows about one eBL as JSON. Each function is one core call.

use ebl_core::Error;
use ebl_core::pint::{DuplicatePolicy, receive_envelope_recorded, upload_document_recorded};
use ebl_core::title::{Registry, open_registry, registry_json};
use ring::rand::SystemRandom;

use crate::boundary::call;
use crate::context::ebl_verify_context;
use crate::handle::{free_handle, into_raw};
use crate::key::ebl_key;
use crate::ptr::{arg_bytes, arg_out, arg_ref, arg_slices, arg_str, set_out};
use crate::report::{ebl_report, pretty};
use crate::result::ebl_result;
use crate::types::{ebl_bytes, ebl_slice};

/// `ebl_receive_envelope_recorded`: a retry is `DUPE` only when its last chain entry is
/// byte-identical to the accepted one (what PINT requires).
pub const EBL_DUPLICATES_SAME_ENTRY: u32 = 0;
/// `ebl_receive_envelope_recorded`: also a last entry re-signed over the same payload after
/// the same earlier entries is `DUPE` (the DCSA conformance kit's leniency).
pub const EBL_DUPLICATES_SAME_PAYLOAD: u32 = 1;

/// An open title registry: what this platform accepted, the transfers waiting for documents,
/// the documents received. Backends synchronise inside, so one handle may be shared by any
/// number of threads at once (every function takes it `const`). Free with
/// `ebl_registry_free`, after every call using it has returned.
pub struct ebl_registry {
    registry: Box<dyn Registry + Send + Sync>,
}

/// Opens the registry `location` names (UTF-8): `postgres://…` for PostgreSQL (when this
/// build has it), otherwise the path of a SQLite file, created when missing. An existing file
/// must be an ebl registry: a corrupt or foreign file, a newer schema or a read-only file is an
/// `EBL_RESULT_REGISTRY_*` error and the file is left untouched. On success `*out` owns the
/// handle (free with `ebl_registry_free`).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_registry_open(
    location: *const u8,
    location_len: usize,
    out: *mut *mut ebl_registry,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let registry = open_registry(arg_str!(location, location_len)?)?;
        set_out!(out, into_raw(ebl_registry { registry }));
        Ok(())
    })
}

/// Closes a registry. NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_registry_free(registry: *mut ebl_registry) {
    free_handle!(registry);
}

/// Receives an envelope as `ebl_receive_envelope` does, and remembers: compares it with what
/// `registry` accepted for the same transport document and answers `DUPE` (carrying the
/// earlier accepted entry), `DISE` (a contradicting continuation: a possible double spend),
/// `MDOC` (documents still to upload with `ebl_registry_upload_document`) or `RECE`, recorded
/// in `registry` before this function returns. `documents` are held in addition to those
/// the registry holds. `duplicates` is `EBL_DUPLICATES_SAME_ENTRY` or
/// `EBL_DUPLICATES_SAME_PAYLOAD`. On success `*out` owns a report (kind `envelope`) with the
/// signed response to send back. A registry that cannot be read or written is an
/// `EBL_RESULT_REGISTRY_*` error (nothing was answered: the sender retries). Thread-safe for
/// `context` and `registry`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_receive_envelope_recorded(
    context: *const ebl_verify_context,
    data: *const u8,
    len: usize,
    documents: *const ebl_slice,
    document_count: usize,
    response_key: *const ebl_key,
    registry: *const ebl_registry,
    duplicates: u32,
    out: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let context = arg_ref!(context)?;
        let bytes = arg_bytes!(data, len)?;
        let held = arg_slices!(documents, document_count)?;
        let key = arg_ref!(response_key)?;
        let registry = arg_ref!(registry)?;
        let duplicates = match duplicates {
            EBL_DUPLICATES_SAME_ENTRY => DuplicatePolicy::SameEntry,
            EBL_DUPLICATES_SAME_PAYLOAD => DuplicatePolicy::SamePayload,
            other => {
                return Err(Error::InvalidArgument(format!(
                    "duplicates {other} is not an EBL_DUPLICATES_* value"
                )));
            }
        };
        let options = context.receiving(held)?;
        let received = receive_envelope_recorded(
            bytes,
            &context.context.pint,
            &options,
            &key.signer,
            &SystemRandom::new(),
            registry.registry.as_ref(),
            duplicates,
        )?;
        set_out!(out, into_raw(ebl_report::received(received)));
        Ok(())
    })
}

/// Receives one additional document for a transfer `registry` answered `MDOC`: `transfer` is
/// that transfer's last chain entry checksum (`ebl_report_last_entry_checksum` of the `MDOC`
/// report), `checksum` the `{documentChecksum}` it was sent to, `body` the HTTP request body
/// (a JSON string of the file's base64). On success `*out` owns a report (kind
/// `document-upload`): valid when the document was accepted and stored (receive the envelope
/// again to get `RECE`), else `INCD` and nothing stored. A transfer the registry is not waiting
/// for is `EBL_RESULT_REGISTRY_UNKNOWN_TRANSFER`. Thread-safe for `registry`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_registry_upload_document(
    registry: *const ebl_registry,
    transfer: *const u8,
    transfer_len: usize,
    checksum: *const u8,
    checksum_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let registry = arg_ref!(registry)?;
        let transfer = arg_str!(transfer, transfer_len)?;
        let checksum = arg_str!(checksum, checksum_len)?;
        let body = arg_bytes!(body, body_len)?;
        let upload =
            upload_document_recorded(registry.registry.as_ref(), transfer, checksum, body)?;
        set_out!(out, into_raw(ebl_report::upload(upload)));
        Ok(())
    })
}

/// What `registry` knows about one eBL, as pretty JSON (what `ebl registry show` prints, plus
/// `transfers`: every accepted transfer, oldest first, what `ebl registry history` prints).
/// `key` is the transport document's checksum or its reference (the B/L number). On success
/// `*out` owns the JSON (free with `ebl_bytes_free`), or is set to NULL when the registry
/// knows nothing of `key`. Thread-safe for `registry`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_registry_json(
    registry: *const ebl_registry,
    key: *const u8,
    key_len: usize,
    out: *mut *mut ebl_bytes,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let registry = arg_ref!(registry)?;
        let key = arg_str!(key, key_len)?;
        let known = registry_json(registry.registry.as_ref(), key)?;
        let bytes = match known {
            Some(value) => ebl_bytes::from_string(pretty(&value)),
            None => std::ptr::null_mut(),
        };
        set_out!(out, bytes);
        Ok(())
    })
}
