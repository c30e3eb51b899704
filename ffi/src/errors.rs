//! Version, error text and the per-thread last-error message: the functions a C caller uses
//! around every other call.

use std::os::raw::c_char;

use crate::boundary::{call_or, last_error};
use crate::result::ebl_result;
use crate::types::ebl_str;

/// The library's version, `MAJOR.MINOR.PATCH` (the `EBL_VERSION` macro is the version of the
/// header; a program can compare the two). Static storage: never freed. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_version() -> ebl_str {
    ebl_str::of(env!("CARGO_PKG_VERSION"))
}

/// Copies `text` into `buf` as snprintf does: at most `len - 1` bytes and a NUL (nothing when
/// `buf` is NULL or `len` is 0); returns the full length of `text` without the NUL.
fn copy_out(text: &str, buf: *mut c_char, len: usize) -> usize {
    if !buf.is_null() && len > 0 {
        let n = text.len().min(len - 1);
        let target = buf.cast::<u8>();
        // SAFETY: the header requires `buf` to hold `len` writable bytes; `n + 1 <= len`, and
        // `text` (Rust memory) cannot overlap the caller's buffer.
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), target, n);
            target.add(n).write(0);
        }
    }
    text.len()
}

/// The detailed message of the last call on this thread that failed, such as
/// `duplicate key "isToOrder" in the object at $ (byte 21)` (with the JSON path and the
/// file or argument name when there is one), copied into `buf` like snprintf: at most
/// `len - 1` bytes and a terminating NUL. Returns the message's full length (excluding the
/// NUL), so `ebl_last_error_message(NULL, 0)` asks how large a buffer is needed. The
/// message is empty after a call that succeeded; each thread has its own (thread-safe).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_last_error_message(buf: *mut c_char, len: usize) -> usize {
    call_or(0, || copy_out(&last_error(), buf, len))
}

/// The static description of a result number (`EBL_RESULT_*`): its name and meaning, such as
/// `JsonDuplicateKey: An object has the same key twice.`, copied into `buf` as
/// [`ebl_last_error_message`] does. Takes the number as `uint32_t` so any value is safe to
/// pass; an unknown number is described as such. Returns the full length. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_result_describe(result: u32, buf: *mut c_char, len: usize) -> usize {
    call_or(0, || {
        copy_out(&ebl_result::describe_number(result), buf, len)
    })
}

/// Test-only (built with the cargo feature `test-panic`): panics inside the panic boundary,
/// so a test can check that the panic becomes `EBL_RESULT_PANIC_CAUGHT` and does not unwind
/// into C.
#[cfg(feature = "test-panic")]
#[unsafe(no_mangle)]
pub extern "C" fn ebl_test_panic() -> ebl_result {
    crate::boundary::call(|| panic!("ebl_test_panic: a deliberate panic inside the boundary"))
}
