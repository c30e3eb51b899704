//! Times cross the boundary as `int64_t` milliseconds since the Unix epoch, UTC.

use chrono::{DateTime, Utc};
use ebl_core::Error;

/// The instant `ms` milliseconds after the epoch; out of chrono's range is an invalid argument.
pub fn from_millis(ms: i64, name: &str) -> Result<DateTime<Utc>, Error> {
    DateTime::from_timestamp_millis(ms).ok_or_else(|| {
        Error::InvalidArgument(format!(
            "{name} = {ms} ms is outside the representable time range"
        ))
    })
}

/// Parses an RFC 3339 time (`2026-06-16T07:00:00Z`, any offset) into milliseconds since the
/// Unix epoch, UTC — what `ebl --at` accepts — so a C program passes the same times the
/// command takes. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_time_from_rfc3339(
    text: *const u8,
    text_len: usize,
    out_ms: *mut i64,
) -> crate::result::ebl_result {
    crate::boundary::call(|| {
        let out_ms = crate::ptr::arg_out!(out_ms)?;
        let text = crate::ptr::arg_str!(text, text_len)?;
        let at = DateTime::parse_from_rfc3339(text.trim()).map_err(|e| {
            Error::InvalidArgument(format!("text {text:?} is not an RFC 3339 time: {e}"))
        })?;
        crate::ptr::set_out!(out_ms, at.timestamp_millis());
        Ok(())
    })
}
