//! Status codes: every call that can fail returns a [`hadr_status`].

use std::ffi::c_char;

use crate::panic::guard;
use crate::ptr::{output, write_bytes};

/// The result of a call. `HADR_STATUS_OK` means the outputs are written; any other value means
/// no output was written (except the errors JSON of `HADR_STATUS_INVALID_TOPOLOGY`, where the
/// function says so).
///
/// The values start at a reserved base (7000) so that they cannot be mistaken for `errno`
/// values or booleans; new codes are added at the end and never renumbered.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum hadr_status {
    /// Success: the outputs are written.
    Ok = 7000,
    /// A required pointer argument is NULL.
    NullParameter = 7001,
    /// A string argument is not valid UTF-8.
    InvalidUtf8 = 7002,
    /// An input document (a topology, topology XML, a facts document) cannot be read, or a
    /// simulation names an entity the topology does not hold; the errors JSON says where and
    /// why.
    InvalidTopology = 7003,
    /// An argument is not an accepted value: an unknown token, selector, level or simulation
    /// flag, an empty suppression reason, or a length too large for the platform.
    InvalidArgument = 7004,
    /// An index is past the end of a list.
    IndexOutOfRange = 7005,
    /// The caller's buffer is too small for the output.
    BufferTooSmall = 7006,
    /// A panic occurred inside the library and was stopped at the boundary; the process goes
    /// on, but please report it.
    Panic = 7007,
    /// An invariant of the library failed (a string to return held a NUL byte); please report
    /// it.
    InternalError = 7008,
}

/// The largest buffer `hadr_status_message` needs, terminating NUL included.
pub const HADR_STATUS_MESSAGE_MAX: usize = 128;

impl hadr_status {
    /// Every status, in numeric order.
    pub(crate) const ALL: &'static [hadr_status] = &[
        hadr_status::Ok,
        hadr_status::NullParameter,
        hadr_status::InvalidUtf8,
        hadr_status::InvalidTopology,
        hadr_status::InvalidArgument,
        hadr_status::IndexOutOfRange,
        hadr_status::BufferTooSmall,
        hadr_status::Panic,
        hadr_status::InternalError,
    ];

    /// The status whose number is `code`, if any.
    pub fn from_code(code: u32) -> Option<hadr_status> {
        Self::ALL
            .iter()
            .copied()
            .find(|status| *status as u32 == code)
    }

    /// What the status means: lower case, no final period.
    pub const fn message(self) -> &'static str {
        match self {
            hadr_status::Ok => "success",
            hadr_status::NullParameter => "a required pointer argument is NULL",
            hadr_status::InvalidUtf8 => "a string argument is not valid UTF-8",
            hadr_status::InvalidTopology => {
                "an input document cannot be read or names an unknown entity: the errors JSON says where and why"
            }
            hadr_status::InvalidArgument => {
                "an argument is not an accepted value (unknown token, selector, level or flag, or an empty reason)"
            }
            hadr_status::IndexOutOfRange => "the index is past the end of the list",
            hadr_status::BufferTooSmall => "the buffer is too small for the output",
            hadr_status::Panic => "a panic occurred inside hadr-rules; please report it",
            hadr_status::InternalError => "an invariant of hadr-rules failed; please report it",
        }
    }
}

/// A `hadr_status` as it crosses the ABI: any `uint32_t` a caller may pass.
pub type hadr_status_code = u32;

/// Writes the message of `status` into `buf` (`len` bytes), NUL-terminated, and its length
/// without the NUL into `*written`. `HADR_STATUS_MESSAGE_MAX` bytes always suffice.
///
/// Returns `HADR_STATUS_BUFFER_TOO_SMALL` when the message and its NUL do not fit, and
/// `HADR_STATUS_INVALID_ARGUMENT` for a number that is not a status; nothing is written then.
///
/// # Safety
///
/// `buf` must be NULL or valid for writes of `len` bytes; `written` must be NULL or valid for
/// a write of a `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_status_message(
    status: hadr_status_code,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> hadr_status {
    guard(|| {
        if buf.is_null() {
            return Err(hadr_status::NullParameter);
        }
        // SAFETY: the caller passes NULL or a pointer valid for a write of a `size_t`.
        let written = unsafe { output(written) }?;
        let message = hadr_status::from_code(status)
            .ok_or(hadr_status::InvalidArgument)?
            .message();
        if message.len() >= len {
            return Err(hadr_status::BufferTooSmall);
        }
        // SAFETY: `buf` is non-NULL and valid for `len` bytes, more than the message and its
        // NUL need.
        unsafe { write_bytes(buf, message.as_bytes()) };
        written.write(message.len());
        Ok(())
    })
}
