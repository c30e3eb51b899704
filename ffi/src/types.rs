//! The value types that cross the boundary besides handles: `ebl_bytes` (owned output bytes),
//! `ebl_str` (a borrowed view of text inside a handle) and `ebl_slice` (a borrowed input
//! buffer, for functions taking several).

use std::os::raw::c_char;

use crate::handle::free_handle;

/// Owned output bytes (JSON, PEM, a compact JWS …), made by the library and freed with
/// `ebl_bytes_free`. The bytes are not NUL-terminated; read them with `ebl_bytes_data` and
/// `ebl_bytes_len`. Immutable: one `ebl_bytes` may be read from several threads at once.
pub struct ebl_bytes {
    bytes: Vec<u8>,
}

impl ebl_bytes {
    /// Wraps owned bytes as a handle to give to C.
    pub fn from_vec(bytes: Vec<u8>) -> *mut ebl_bytes {
        crate::handle::into_raw(ebl_bytes { bytes })
    }

    /// Wraps text as a handle to give to C.
    pub fn from_string(text: String) -> *mut ebl_bytes {
        ebl_bytes::from_vec(text.into_bytes())
    }
}

/// A borrowed view of UTF-8 text owned by a handle: `len` bytes at `data`, NOT
/// NUL-terminated (print it with `printf("%.*s", (int)s.len, s.data)`). It is valid while the
/// handle it came from lives and must not be freed. `data` is never NULL (an empty string
/// points to a static empty string).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ebl_str {
    /// The first byte.
    pub data: *const c_char,
    /// The number of bytes.
    pub len: usize,
}

impl ebl_str {
    /// A view of `text`, which must outlive every use of the view.
    #[must_use]
    pub fn of(text: &str) -> ebl_str {
        if text.is_empty() {
            return ebl_str::empty();
        }
        ebl_str {
            data: text.as_ptr().cast(),
            len: text.len(),
        }
    }

    /// The empty string, pointing to static storage.
    #[must_use]
    pub fn empty() -> ebl_str {
        ebl_str {
            data: c"".as_ptr(),
            len: 0,
        }
    }
}

/// A borrowed input buffer, for functions that take a list of them (a batch of files,
/// obfuscation paths): `len` bytes at `data`, with the same NULL rules as a `ptr, len` pair.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ebl_slice {
    /// The first byte (NULL only when `len` is 0).
    pub data: *const u8,
    /// The number of bytes.
    pub len: usize,
}

/// The bytes' first byte (never NULL for a live `ebl_bytes`; NULL when `bytes` is NULL).
/// Valid until `ebl_bytes_free(bytes)`.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_bytes_data(bytes: *const ebl_bytes) -> *const u8 {
    crate::boundary::call_or(std::ptr::null(), || {
        crate::ptr::arg_ref!(bytes).map_or(std::ptr::null(), |b| b.bytes.as_ptr())
    })
}

/// The number of bytes (0 when `bytes` is NULL).
#[unsafe(no_mangle)]
pub extern "C" fn ebl_bytes_len(bytes: *const ebl_bytes) -> usize {
    crate::boundary::call_or(0, || {
        crate::ptr::arg_ref!(bytes).map_or(0, |b| b.bytes.len())
    })
}

/// Frees bytes returned by the library. NULL is a no-op; freeing twice is undefined.
#[unsafe(no_mangle)]
pub extern "C" fn ebl_bytes_free(bytes: *mut ebl_bytes) {
    free_handle!(bytes);
}
