//! Turning C arguments into Rust values, with every pointer checked: the only place (with
//! handle creation and freeing in [`crate::handle`]) that dereferences a pointer from C.
//!
//! The rules every function follows (and the header states):
//! - an input buffer is `const uint8_t *ptr, size_t len`: NULL with length 0 is the empty
//!   input; NULL with a non-zero length is `EBL_RESULT_NULL_ARGUMENT`; a non-NULL pointer
//!   with length 0 is the empty input too;
//! - a string is such a buffer holding UTF-8 (no NUL needed); invalid UTF-8 is
//!   `EBL_RESULT_INVALID_ARGUMENT`, naming the argument and the byte offset;
//! - an optional buffer or string is absent when its pointer is NULL (its length must then be 0);
//! - a handle or out-pointer that is NULL is `EBL_RESULT_NULL_ARGUMENT`, naming it.
//!
//! The macros bind their arguments to locals before the `unsafe` block, so the block holds
//! exactly one call to an `unsafe fn` below, whose contract its `SAFETY` comment restates.

use ebl_core::Error;

/// A NULL argument, by its C parameter name.
pub fn null(name: &str) -> Error {
    Error::NullArgument(name.to_owned())
}

/// The bytes of an input buffer.
///
/// # Safety
/// When `ptr` is not NULL it must point to `len` readable bytes that stay valid and unchanged
/// for `'a` (the duration of the C call).
pub unsafe fn slice<'a>(ptr: *const u8, len: usize, name: &str) -> Result<&'a [u8], Error> {
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(null(name)) };
    }
    // SAFETY: `ptr` is not NULL and, by this function's contract, points to `len` readable
    // bytes valid for `'a`.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// An optional input buffer: `None` when `ptr` is NULL (and `len` 0).
///
/// # Safety
/// As [`slice`].
pub unsafe fn optional_slice<'a>(
    ptr: *const u8,
    len: usize,
    name: &str,
) -> Result<Option<&'a [u8]>, Error> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(None)
        } else {
            Err(Error::InvalidArgument(format!(
                "{name} is NULL (absent) but its length is {len}, not 0"
            )))
        };
    }
    // SAFETY: `ptr` is not NULL; the caller's contract is that of `slice`.
    unsafe { slice(ptr, len, name) }.map(Some)
}

/// An array of `count` input buffers (NULL with `count` 0 is the empty list).
///
/// # Safety
/// When `ptr` is not NULL it must point to `count` readable `ebl_slice`s, each following
/// [`slice`]'s contract, valid for `'a`.
pub unsafe fn slices<'a>(
    ptr: *const crate::types::ebl_slice,
    count: usize,
    name: &str,
) -> Result<Vec<&'a [u8]>, Error> {
    if ptr.is_null() {
        return if count == 0 {
            Ok(Vec::new())
        } else {
            Err(null(name))
        };
    }
    // SAFETY: `ptr` is not NULL and, by this function's contract, points to `count` slices.
    let items = unsafe { std::slice::from_raw_parts(ptr, count) };
    items
        .iter()
        .enumerate()
        // SAFETY: each element follows `slice`'s contract, by this function's contract.
        .map(|(i, item)| unsafe { slice(item.data, item.len, &format!("{name}[{i}].data")) })
        .collect()
}

/// A buffer read as UTF-8 text.
pub fn utf8<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        Error::InvalidArgument(format!(
            "{name} is not valid UTF-8 (at byte {})",
            e.valid_up_to()
        ))
    })
}

/// A borrowed handle.
///
/// # Safety
/// When `ptr` is not NULL it must be a live handle of type `T` made by this library (not
/// freed), not mutated by another thread during `'a`.
pub unsafe fn reference<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, Error> {
    // SAFETY: by this function's contract a non-NULL `ptr` is a live, aligned `T`.
    unsafe { ptr.as_ref() }.ok_or_else(|| null(name))
}

/// A handle borrowed for mutation.
///
/// # Safety
/// As [`reference`], and no other reference to the handle is used during `'a`.
pub unsafe fn reference_mut<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T, Error> {
    // SAFETY: by this function's contract a non-NULL `ptr` is a live `T` used by nobody else.
    unsafe { ptr.as_mut() }.ok_or_else(|| null(name))
}

/// An out-pointer, checked now and written (by [`write`]) only once the call has succeeded.
pub fn out<T>(ptr: *mut T, name: &str) -> Result<*mut T, Error> {
    if ptr.is_null() {
        Err(null(name))
    } else {
        Ok(ptr)
    }
}

/// Writes a result through a checked out-pointer.
///
/// # Safety
/// `ptr` (from [`out`]) must point to writable, aligned memory for a `T`.
pub unsafe fn write<T>(ptr: *mut T, value: T) {
    // SAFETY: by this function's contract. `write` does not drop the old (uninitialised) value.
    unsafe { ptr.write(value) }
}

/// Input buffer `$ptr, $len` as `&[u8]` (NULL with length 0 is empty).
macro_rules! arg_bytes {
    ($ptr:ident, $len:ident) => {{
        let (pointer, length) = ($ptr, $len);
        // SAFETY: the header requires `$ptr` to point to `$len` readable bytes for the call.
        unsafe { $crate::ptr::slice(pointer, length, stringify!($ptr)) }
    }};
}

/// Input string `$ptr, $len` as `&str`.
macro_rules! arg_str {
    ($ptr:ident, $len:ident) => {
        $crate::ptr::arg_bytes!($ptr, $len).and_then(|b| $crate::ptr::utf8(b, stringify!($ptr)))
    };
}

/// Optional input buffer (`None` when `$ptr` is NULL).
macro_rules! arg_opt_bytes {
    ($ptr:ident, $len:ident) => {{
        let (pointer, length) = ($ptr, $len);
        // SAFETY: the header requires a non-NULL `$ptr` to point to `$len` readable bytes.
        unsafe { $crate::ptr::optional_slice(pointer, length, stringify!($ptr)) }
    }};
}

/// Optional input string (`None` when `$ptr` is NULL).
macro_rules! arg_opt_str {
    ($ptr:ident, $len:ident) => {
        $crate::ptr::arg_opt_bytes!($ptr, $len).and_then(|b| {
            b.map(|b| $crate::ptr::utf8(b, stringify!($ptr)))
                .transpose()
        })
    };
}

/// An array of `$count` `ebl_slice`s at `$ptr`.
macro_rules! arg_slices {
    ($ptr:ident, $count:ident) => {{
        let (pointer, count) = ($ptr, $count);
        // SAFETY: the header requires a non-NULL `$ptr` to point to `$count` `ebl_slice`s,
        // each pointing to its `len` readable bytes for the call.
        unsafe { $crate::ptr::slices(pointer, count, stringify!($ptr)) }
    }};
}

/// A borrowed handle `$ptr` (NULL is an error naming it).
macro_rules! arg_ref {
    ($ptr:ident) => {{
        let pointer = $ptr;
        // SAFETY: the header requires `$ptr` to be a live handle from this library.
        unsafe { $crate::ptr::reference(pointer, stringify!($ptr)) }
    }};
}

/// A handle `$ptr` borrowed for mutation.
macro_rules! arg_mut {
    ($ptr:ident) => {{
        let pointer = $ptr;
        // SAFETY: the header requires `$ptr` to be a live handle that no other thread uses
        // during the call.
        unsafe { $crate::ptr::reference_mut(pointer, stringify!($ptr)) }
    }};
}

/// A checked out-pointer.
macro_rules! arg_out {
    ($ptr:ident) => {
        $crate::ptr::out($ptr, stringify!($ptr))
    };
}

/// Writes `$value` through the out-pointer `$out` checked by [`arg_out`].
macro_rules! set_out {
    ($out:ident, $value:expr) => {{
        let (pointer, value) = ($out, $value);
        // SAFETY: `$out` was checked non-NULL by `arg_out!`; the header requires it to point
        // to writable memory of its type.
        unsafe { $crate::ptr::write(pointer, value) }
    }};
}

pub(crate) use {
    arg_bytes, arg_mut, arg_opt_bytes, arg_opt_str, arg_out, arg_ref, arg_slices, arg_str, set_out,
};
