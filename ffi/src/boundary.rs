//! The one way every C function body runs: inside [`call`], which catches a panic (so nothing
//! unwinds into C, and the host process is not aborted), turns an error into its
//! `ebl_result`, and records the error's message as this thread's last error.
//!
//! A C function checks and converts its arguments, then calls the core, inside the closure;
//! it writes its out-parameters last, only once everything has succeeded, so a failed call
//! leaves them untouched.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};

use ebl_core::Error;

use crate::result::ebl_result;

thread_local! {
    /// The message of the last failed call on this thread (empty after a success).
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Runs `body` inside the panic boundary: `Ok` is `EBL_RESULT_OK`, an error its code, a
/// panic `EBL_RESULT_PANIC_CAUGHT`. Every call sets this thread's last-error message (to
/// empty on success), so a message never outlives the call it explains.
pub fn call(body: impl FnOnce() -> Result<(), Error>) -> ebl_result {
    // AssertUnwindSafe: after a panic no state the closure touched is used again; the
    // out-parameters are written only on success, so C sees nothing half-done.
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic with no message".to_owned());
        Err(Error::PanicCaught(message))
    });
    match outcome {
        Ok(()) => {
            set_last_error(String::new());
            ebl_result::Ok
        }
        Err(error) => {
            let result = ebl_result::from_code(error.code());
            set_last_error(error.to_string());
            result
        }
    }
}

/// Runs an infallible getter inside the panic boundary: its value, or `default` after a
/// panic (recorded as the last error).
pub fn call_or<T>(default: T, body: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value,
        Err(_) => {
            set_last_error(Error::PanicCaught("in an infallible getter".to_owned()).to_string());
            default
        }
    }
}

fn set_last_error(message: String) {
    LAST_ERROR.with(|last| *last.borrow_mut() = message);
}

/// This thread's last error message (empty when the last call succeeded).
pub fn last_error() -> String {
    LAST_ERROR.with(|last| last.borrow().clone())
}
