//! `ebl_verify`: the verdict on any supported file, one at a time or a batch on every core.

use ebl_core::verify::{verify_batch, verify_bytes};

use crate::boundary::call;
use crate::context::ebl_verify_context;
use crate::handle::into_raw;
use crate::ptr::{arg_bytes, arg_out, arg_ref, arg_slices, set_out};
use crate::report::ebl_report;
use crate::result::ebl_result;
use crate::types::ebl_slice;

/// Verifies one file (a DCSA PINT envelope, transport document, issuance request or signed
/// response, or an OpenAttestation v2 document; the format is detected from the bytes) as
/// `context` says — exactly what `ebl verify` does. An input that cannot be evaluated (not
/// JSON, unknown format) is an error; a verdict, valid or not, is `EBL_RESULT_OK` with a
/// report (kind `verification`) in `*out`, to free with `ebl_report_free`. Thread-safe: any
/// number of threads may verify with one context at once.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify(
    context: *const ebl_verify_context,
    data: *const u8,
    len: usize,
    out: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let out = arg_out!(out)?;
        let bytes = arg_bytes!(data, len)?;
        let verification = verify_bytes(bytes, &arg_ref!(context)?.context)?;
        set_out!(out, into_raw(ebl_report::verification(verification)));
        Ok(())
    })
}

/// Verifies `count` files at once, on every core, as `ebl_verify` would each. `reports` is
/// the caller's array of `count` pointers: on success each receives a report in input order
/// (free each with `ebl_report_free`); an input that cannot be evaluated gets a report with
/// `valid` false, format `unknown` and its error (`ebl_report_error`), whose JSON is what
/// `ebl verify --json` prints for it. A NULL `inputs[i].data` with a non-zero length fails the
/// whole call before anything is verified. `inputs` and `reports` may be NULL when `count`
/// is 0. Thread-safe for `context`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_verify_batch(
    context: *const ebl_verify_context,
    inputs: *const ebl_slice,
    count: usize,
    reports: *mut *mut ebl_report,
) -> ebl_result {
    call(|| {
        let context = arg_ref!(context)?;
        let inputs = arg_slices!(inputs, count)?;
        let reports =
            arg_out!(reports).or_else(|e| if count == 0 { Ok(reports) } else { Err(e) })?;
        let results = verify_batch(&inputs, &context.context);
        for (index, result) in results.into_iter().enumerate() {
            let report = match result {
                Ok(verification) => ebl_report::verification(verification),
                Err(error) => ebl_report::unusable(&error),
            };
            // SAFETY: `reports` is not NULL (count > 0 here) and the header requires it to hold
            // `count` writable pointers; `index < count`.
            unsafe { reports.add(index).write(into_raw(report)) };
        }
        Ok(())
    })
}
