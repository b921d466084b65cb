//! The panic boundary: every export runs inside [`guard`] or [`boundary`], so that a panic
//! becomes `HADR_STATUS_PANIC` (or a harmless default) and never unwinds into C.

use std::ffi::c_char;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::status::hadr_status;

/// What an export returns when its body panicked.
pub trait OnPanic {
    /// The value handed back to C instead of unwinding.
    fn on_panic() -> Self;
}

impl OnPanic for hadr_status {
    fn on_panic() -> Self {
        hadr_status::Panic
    }
}

impl OnPanic for () {
    fn on_panic() -> Self {}
}

impl OnPanic for *const c_char {
    fn on_panic() -> Self {
        std::ptr::null()
    }
}

/// Runs `body`, turning a panic into `T::on_panic()`.
///
/// The state a panicking body was changing is not repaired (hence `AssertUnwindSafe`): the
/// engine never mutates shared state while checking, and a handle whose setter panicked keeps
/// whatever the setter had done.
pub fn boundary<T: OnPanic>(body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| T::on_panic())
}

/// Runs a fallible `body` inside the boundary: `Ok` becomes `HADR_STATUS_OK`, an error its
/// status, a panic `HADR_STATUS_PANIC`.
pub fn guard(body: impl FnOnce() -> Result<(), hadr_status>) -> hadr_status {
    boundary(|| match body() {
        Ok(()) => hadr_status::Ok,
        Err(status) => status,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]

    use super::*;

    #[test]
    fn a_panic_becomes_the_panic_status_and_the_process_goes_on() {
        let status = guard(|| panic!("boom"));
        assert_eq!(status, hadr_status::Panic);
        assert_eq!(guard(|| Ok(())), hadr_status::Ok);
        assert_eq!(
            guard(|| Err(hadr_status::NullParameter)),
            hadr_status::NullParameter
        );
    }

    #[test]
    fn a_panic_in_a_void_or_pointer_export_returns_the_default() {
        boundary::<()>(|| panic!("boom"));
        let pointer: *const c_char = boundary(|| panic!("boom"));
        assert!(pointer.is_null());
    }

    /// An export built like every other one (`extern "C"`, body inside `guard`) whose body
    /// panics: the panic does not cross the `extern "C"` frame (which would abort) but comes
    /// back as the status.
    extern "C" fn hadr_test_panicking_export(out: *mut u32) -> hadr_status {
        guard(|| {
            if out.is_null() {
                panic!("the test passes a NULL pointer on purpose");
            }
            Ok(())
        })
    }

    #[test]
    fn a_panicking_export_returns_the_panic_status_to_its_caller() {
        for _ in 0..3 {
            assert_eq!(
                hadr_test_panicking_export(std::ptr::null_mut()),
                hadr_status::Panic
            );
        }
        let mut value = 0;
        assert_eq!(hadr_test_panicking_export(&mut value), hadr_status::Ok);
    }
}
