//! Checked conversions of C pointers: NULL becomes `HADR_STATUS_NULL_PARAMETER`, bad UTF-8
//! `HADR_STATUS_INVALID_UTF8`. Every `unsafe` operation on a caller's pointer goes through here
//! or through a handle module.

use std::ffi::{CStr, c_char};
use std::ptr::NonNull;

use crate::status::hadr_status;

/// A checked, non-NULL output pointer, written at most once on success.
#[derive(Debug)]
pub(crate) struct Output<T>(NonNull<T>);

impl<T> Output<T> {
    /// Writes the output (without reading or dropping what was there).
    pub(crate) fn write(self, value: T) {
        // SAFETY: `output` was given a pointer valid for a write of `T` (its contract), and the
        // pointer is not NULL.
        unsafe { self.0.as_ptr().write(value) }
    }
}

/// Checks an output pointer.
///
/// # Safety
///
/// `ptr` must be NULL or valid for a write of a `T` (aligned, not aliased) until the
/// [`Output`] is written or dropped.
pub(crate) unsafe fn output<T>(ptr: *mut T) -> Result<Output<T>, hadr_status> {
    NonNull::new(ptr)
        .map(Output)
        .ok_or(hadr_status::NullParameter)
}

/// Borrows a handle the library created.
///
/// # Safety
///
/// `ptr` must be NULL or point to a live `T` created by this library that nobody mutates for
/// `'a`.
pub(crate) unsafe fn borrow<'a, T>(ptr: *const T) -> Result<&'a T, hadr_status> {
    // SAFETY: by this function's contract, a non-NULL `ptr` points to a live, unmutated `T`.
    unsafe { ptr.as_ref() }.ok_or(hadr_status::NullParameter)
}

/// Borrows a handle the library created, mutably.
///
/// # Safety
///
/// `ptr` must be NULL or point to a live `T` created by this library that nobody else uses
/// for `'a`.
pub(crate) unsafe fn borrow_mut<'a, T>(ptr: *mut T) -> Result<&'a mut T, hadr_status> {
    // SAFETY: by this function's contract, a non-NULL `ptr` points to a live `T` used by this
    // call only.
    unsafe { ptr.as_mut() }.ok_or(hadr_status::NullParameter)
}

/// Moves a value to the heap and hands the pointer to C, which gives it back to [`free`].
pub(crate) fn into_handle<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Frees a handle made by [`into_handle`]; NULL is ignored.
///
/// # Safety
///
/// `ptr` must be NULL or a pointer returned by [`into_handle`] for this `T`, not yet freed and
/// not in use by another thread.
pub(crate) unsafe fn free<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: by this function's contract, `ptr` came from `Box::into_raw` and is freed
        // once.
        drop(unsafe { Box::from_raw(ptr) });
    }
}

/// A byte buffer the caller passed with its length.
///
/// # Safety
///
/// `ptr` must be NULL or valid for reads of `len` bytes that nobody mutates for `'a`.
pub(crate) unsafe fn bytes<'a>(ptr: *const c_char, len: usize) -> Result<&'a [u8], hadr_status> {
    // SAFETY: this function's contract is `u8_bytes`'s.
    unsafe { u8_bytes(ptr.cast::<u8>(), len) }
}

/// A byte buffer the caller passed as `const uint8_t *` with its length.
///
/// # Safety
///
/// As [`bytes`].
pub(crate) unsafe fn u8_bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], hadr_status> {
    if ptr.is_null() {
        return Err(hadr_status::NullParameter);
    }
    if isize::try_from(len).is_err() {
        return Err(hadr_status::InvalidArgument);
    }
    // SAFETY: `ptr` is not NULL and, by this function's contract, valid for `len` bytes;
    // `len` fits in `isize`.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// An optional byte buffer: NULL with a length of 0 gives `None`; NULL with another length is
/// `HADR_STATUS_NULL_PARAMETER`.
///
/// # Safety
///
/// As [`bytes`].
pub(crate) unsafe fn optional_bytes<'a>(
    ptr: *const c_char,
    len: usize,
) -> Result<Option<&'a [u8]>, hadr_status> {
    if ptr.is_null() && len == 0 {
        return Ok(None);
    }
    // SAFETY: this function's contract is `bytes`'s.
    unsafe { bytes(ptr, len) }.map(Some)
}

/// A NUL-terminated UTF-8 string the caller passed.
///
/// # Safety
///
/// `ptr` must be NULL or point to a NUL-terminated string that nobody mutates for `'a`.
pub(crate) unsafe fn c_str<'a>(ptr: *const c_char) -> Result<&'a str, hadr_status> {
    if ptr.is_null() {
        return Err(hadr_status::NullParameter);
    }
    // SAFETY: `ptr` is not NULL and, by this function's contract, NUL-terminated.
    let text = unsafe { CStr::from_ptr(ptr) };
    text.to_str().map_err(|_| hadr_status::InvalidUtf8)
}

/// An optional NUL-terminated UTF-8 string: NULL gives `None`.
///
/// # Safety
///
/// As [`c_str`].
pub(crate) unsafe fn optional_c_str<'a>(
    ptr: *const c_char,
) -> Result<Option<&'a str>, hadr_status> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: this function's contract is `c_str`'s.
    unsafe { c_str(ptr) }.map(Some)
}

/// Copies `bytes` and a NUL terminator to `buf`.
///
/// # Safety
///
/// `buf` must be valid for writes of `bytes.len() + 1` bytes and not overlap `bytes`.
pub(crate) unsafe fn write_bytes(buf: *mut c_char, bytes: &[u8]) {
    let buf = buf.cast::<u8>();
    // SAFETY: by this function's contract `buf` holds `bytes.len() + 1` bytes and does not
    // overlap `bytes`.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf, bytes.len());
        buf.add(bytes.len()).write(0);
    }
}
