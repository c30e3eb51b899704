//! Owned handles: how a Rust value becomes an opaque C pointer and back. Every handle type has
//! exactly one NULL-safe `ebl_<type>_free`, which goes through [`free`].

/// Moves `value` to the heap and hands the pointer to C, which owns it from now on.
pub fn into_raw<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Frees a handle made by [`into_raw`]; NULL is a no-op.
///
/// # Safety
/// `ptr` is NULL or a handle of type `T` from [`into_raw`] that has not been freed, and no
/// view into it (an `ebl_str`, a data pointer) is used afterwards.
pub unsafe fn free<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: by this function's contract `ptr` came from `Box::into_raw` and is freed once.
        drop(unsafe { Box::from_raw(ptr) });
    }
}

/// The body of an `ebl_<type>_free` function: NULL-safe, inside the panic boundary.
macro_rules! free_handle {
    ($ptr:ident) => {{
        let pointer = $ptr;
        $crate::boundary::call_or((), || {
            // SAFETY: the header requires `$ptr` to be NULL or a live handle of this type,
            // freed once, with no view into it used afterwards.
            unsafe { $crate::handle::free(pointer) }
        })
    }};
}

pub(crate) use free_handle;
