//! OpenAttestation v2 (TradeTrust): wrap, obfuscate, read the data, and the title history of
//! a token from its title-escrow event log.

use ebl_core::openattestation::{UuidV4Salts, WrappedDocument, title_history_from_log, wrap_bytes};
use ring::rand::SystemRandom;

use crate::boundary::call;
use crate::ptr::{arg_bytes, arg_out, arg_slices, set_out, utf8};
use crate::result::ebl_result;
use crate::types::{ebl_bytes, ebl_slice};

/// Wraps a raw OpenAttestation v2 document (JSON): salts every value with a random UUID v4
/// (the system's random generator) and adds the signature block with its target hash and
/// merkle root, exactly as the JavaScript library does. On success `*out` owns the wrapped
/// document (pretty JSON; free with `ebl_bytes_free`).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_oa_wrap(data: *const u8, len: usize, out: *mut *mut ebl_bytes) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let rng = SystemRandom::new();
        let wrapped = wrap_bytes(arg_bytes!(data, len)?, &mut UuidV4Salts::new(&rng))?;
        set_out!(out, ebl_bytes::from_string(wrapped.to_pretty_json()));
        Ok(())
    })
}

/// Hides the fields at `paths` (`path_count` dotted paths such as `shipper.address`, UTF-8)
/// of a wrapped document; the result still verifies. On success `*out` owns the obfuscated
/// document (pretty JSON).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_oa_obfuscate(
    document: *const u8,
    document_len: usize,
    paths: *const ebl_slice,
    path_count: usize,
    out: *mut *mut ebl_bytes,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let document = arg_bytes!(document, document_len)?;
        let paths = arg_slices!(paths, path_count)?
            .into_iter()
            .enumerate()
            .map(|(i, p)| utf8(p, &format!("paths[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let obfuscated = WrappedDocument::from_bytes(document)?.obfuscate(&paths)?;
        set_out!(out, ebl_bytes::from_string(obfuscated.to_pretty_json()));
        Ok(())
    })
}

/// The data of a wrapped document without salts, as the JavaScript library's `getData`
/// returns it (pretty JSON, JavaScript's number forms). On success `*out` owns it.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_oa_data(
    document: *const u8,
    document_len: usize,
    out: *mut *mut ebl_bytes,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let data = WrappedDocument::from_bytes(arg_bytes!(document, document_len)?)?.data()?;
        set_out!(
            out,
            ebl_bytes::from_string(ebl_core::json::to_js_string_pretty(&data, 2))
        );
        Ok(())
    })
}

/// The title history of a TradeTrust token from its title-escrow event log (the format
/// `ebl oa title` reads), as title-history JSON for `ebl_title_replay`. On success `*out`
/// owns it.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_oa_title_history(
    log: *const u8,
    log_len: usize,
    out: *mut *mut ebl_bytes,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let history = title_history_from_log(arg_bytes!(log, log_len)?)?;
        set_out!(out, ebl_bytes::from_string(history.to_json()?));
        Ok(())
    })
}
