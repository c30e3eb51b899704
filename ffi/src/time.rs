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
