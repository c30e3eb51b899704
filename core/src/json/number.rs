//! ECMAScript number formatting, as used by RFC 8785 and by JavaScript's `JSON.stringify`.

use serde_json::Number;

/// Formats a finite double exactly as ECMAScript's `Number.prototype.toString()` does.
///
/// This is the number format of RFC 8785 (JCS) §3.2.2.3 and of `JSON.stringify`, which
/// OpenAttestation hashes. `-0` prints as `0`; non-finite values (which JSON cannot hold)
/// print as `null`, as `JSON.stringify` does.
///
/// ```
/// use ebl::json::format_js_number;
/// assert_eq!(format_js_number(1e21), "1e+21");
/// assert_eq!(format_js_number(1e20), "100000000000000000000");
/// assert_eq!(format_js_number(-0.0), "0");
/// assert_eq!(format_js_number(5e-324), "5e-324");
/// assert_eq!(format_js_number(0.000001), "0.000001");
/// assert_eq!(format_js_number(1e-7), "1e-7");
/// ```
#[must_use]
pub fn format_js_number(value: f64) -> String {
    let mut out = String::new();
    write_js_number(&mut out, value);
    out
}

/// Appends the ECMAScript form of `value` to `out` (see [`format_js_number`]).
///
/// ```
/// let mut out = String::from("x=");
/// ebl::json::write_js_number(&mut out, 1.5e-7);
/// assert_eq!(out, "x=1.5e-7");
/// ```
pub fn write_js_number(out: &mut String, value: f64) {
    if !value.is_finite() {
        out.push_str("null");
    } else if value == 0.0 {
        out.push('0');
    } else {
        let mut buffer = ryu_js::Buffer::new();
        out.push_str(buffer.format_finite(value));
    }
}

/// The IEEE-754 double a JSON number stands for, as JavaScript would read it.
///
/// Integers beyond 2^53 are rounded to the nearest double, exactly as `JSON.parse` does.
///
/// ```
/// use ebl::json::{number_as_f64, parse_with, Limits};
///
/// let v = parse_with(b"[7, -2.5, 9007199254740993]", &Limits::javascript_numbers())?;
/// assert_eq!(number_as_f64(v[0].as_number().unwrap()), 7.0);
/// assert_eq!(number_as_f64(v[1].as_number().unwrap()), -2.5);
/// // Beyond 2^53, the nearest double, as JavaScript's JSON.parse reads it.
/// assert_eq!(number_as_f64(v[2].as_number().unwrap()), 9007199254740992.0);
/// # Ok::<(), ebl::Error>(())
/// ```
#[must_use]
pub fn number_as_f64(n: &Number) -> f64 {
    if let Some(u) = n.as_u64() {
        // Rounding to nearest is the documented intent: JavaScript has only doubles.
        #[allow(clippy::cast_precision_loss)]
        return u as f64;
    }
    if let Some(i) = n.as_i64() {
        #[allow(clippy::cast_precision_loss)]
        return i as f64;
    }
    n.as_f64().unwrap_or(f64::NAN)
}
