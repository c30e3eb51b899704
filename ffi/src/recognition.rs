//! Recognition: whether a jurisdiction, or one side of an agreement, recognises a record as
//! an electronic transferable record, criterion by criterion, with citations.

use ebl_core::recognition::{Catalogue, RecognitionRequest, recognize_bytes};

use crate::boundary::call;
use crate::context::ebl_verify_context;
use crate::handle::into_raw;
use crate::ptr::{arg_bytes, arg_opt_bytes, arg_opt_str, arg_out, arg_ref, arg_str, set_out};
use crate::report::ebl_report;
use crate::result::ebl_result;
use crate::trust::ebl_trust_store;

/// Recognises `record` (a PINT envelope or a TradeTrust document) under `target` (a
/// jurisdiction such as `CN`, or an agreement side such as `sg-cn-shenzhen/CN`), with the
/// rules embedded in the library — what `ebl recognize` does. `context` says whom to trust and
/// when (its time is the evaluation time), `store` is the receiver's trust store. Optional
/// (NULL: absent): `title_log`, the title-escrow event log of a TradeTrust document;
/// `evidence`, the receiver's evidence file; `governing_law`, the law governing the bill. On
/// success `*out` owns a report (kind `recognition`): `ebl_report_verdict`, one finding per
/// criterion (status, reason, citation), and the JSON of `ebl recognize --json`.
/// Thread-safe for `context` and `store`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_recognize(
    context: *const ebl_verify_context,
    store: *const ebl_trust_store,
    record: *const u8,
    record_len: usize,
    target: *const u8,
    target_len: usize,
    title_log: *const u8,
    title_log_len: usize,
    evidence: *const u8,
    evidence_len: usize,
    governing_law: *const u8,
    governing_law_len: usize,
    out: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let context = &arg_ref!(context)?.context;
        let store = &arg_ref!(store)?.store;
        let request = RecognitionRequest {
            record: arg_bytes!(record, record_len)?,
            title_log: arg_opt_bytes!(title_log, title_log_len)?,
            evidence: arg_opt_bytes!(evidence, evidence_len)?,
            governing_law: arg_opt_str!(governing_law, governing_law_len)?,
            target: arg_str!(target, target_len)?,
        };
        let outcome = recognize_bytes(&request, context, store, &Catalogue::embedded()?)?;
        set_out!(out, into_raw(ebl_report::recognition(&outcome)));
        Ok(())
    })
}
