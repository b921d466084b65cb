//! What the tests of the exports share: taking a string the library returned, and a checked
//! topology.

use std::ffi::{CStr, c_char};
use std::ptr;

use hadr_rules_ffi::engine::{hadr_engine, hadr_engine_check};
use hadr_rules_ffi::hadr_status;
use hadr_rules_ffi::report::hadr_report;
use hadr_rules_ffi::strings::hadr_string_free;
use hadr_rules_ffi::topology::{hadr_topology, hadr_topology_parse};

/// Takes a string the library returned and frees it.
pub fn take(s: *mut c_char) -> String {
    assert!(!s.is_null());
    // SAFETY: `s` is a NUL-terminated string from the library, freed once here.
    unsafe {
        let text = CStr::from_ptr(s).to_str().unwrap().to_owned();
        hadr_string_free(s);
        text
    }
}

/// Parses the topology document `json` and checks it with `engine`, both without error.
///
/// # Safety
///
/// `engine` is a live engine handle. The caller frees the two handles returned.
pub unsafe fn parse_and_check(
    engine: *const hadr_engine,
    json: &[u8],
) -> (*mut hadr_topology, *mut hadr_report) {
    let (mut topology, mut errors, mut report) =
        (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
    // SAFETY: valid pointers and lengths; `engine` is live (the caller's contract).
    unsafe {
        assert_eq!(
            hadr_topology_parse(json.as_ptr().cast(), json.len(), &mut topology, &mut errors),
            hadr_status::Ok
        );
        assert!(errors.is_null());
        assert_eq!(
            hadr_engine_check(engine, topology, &mut report),
            hadr_status::Ok
        );
    }
    (topology, report)
}
