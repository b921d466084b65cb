//! Bytes → the C ABI (`hadr_check_json`, `hadr_topology_parse` + `hadr_engine_check` and the
//! report accessors, `hadr_check_input`), called as a C caller would through the `extern "C"`
//! functions of `hadr_rules_ffi`, with every returned string and handle freed by its own free
//! function. The results must equal the Rust API's, byte for byte; a panic caught at the
//! boundary (`HADR_STATUS_PANIC`) or an internal error is a crash.
//!
//! `unsafe` is allowed here, unlike in the project's workspace (which forbids it outside
//! `ffi/`): calling the C ABI is the point of this target, and every call passes pointers the
//! ABI's safety contracts allow (live buffers with their lengths, valid out-pointers, handles
//! from the library freed once). AddressSanitizer, which `cargo fuzz` builds with, checks that
//! the library keeps its side of those contracts.

#![no_main]

use std::ffi::{CStr, c_char};
use std::ptr;

use hadr_rules::{Options, Topology};
use hadr_rules_ffi::engine::{hadr_engine_check, hadr_engine_free, hadr_engine_new};
use hadr_rules_ffi::import::hadr_check_input;
use hadr_rules_ffi::report::{
    hadr_report_diagnostic, hadr_report_diagnostic_count, hadr_report_free, hadr_report_summary,
    hadr_report_to_json,
};
use hadr_rules_ffi::strings::hadr_string_free;
use hadr_rules_ffi::topology::{hadr_check_json, hadr_topology_free, hadr_topology_parse};
use hadr_rules_ffi::{hadr_diagnostic, hadr_report, hadr_status, hadr_summary, hadr_topology};
use libfuzzer_sys::fuzz_target;

/// Takes a string the library returned: copies it and frees it with `hadr_string_free`.
///
/// # Safety
///
/// `s` is NULL or a live string from the library, not used afterwards.
unsafe fn take_string(s: *mut c_char) -> Option<String> {
    if s.is_null() {
        return None;
    }
    // SAFETY: a string from the library is NUL-terminated and live until freed below.
    let text = unsafe { CStr::from_ptr(s) }
        .to_str()
        .expect("the library returns UTF-8")
        .to_owned();
    // SAFETY: `s` came from the library and is freed once.
    unsafe { hadr_string_free(s) };
    Some(text)
}

/// The bytes of a borrowed view.
///
/// # Safety
///
/// `view` comes from a live report.
unsafe fn view(view: hadr_rules_ffi::hadr_str) -> String {
    assert!(!view.data.is_null(), "a hadr_str is never NULL");
    // SAFETY: a view holds `len` readable bytes while its report lives.
    let bytes = unsafe { std::slice::from_raw_parts(view.data.cast::<u8>(), view.len) };
    std::str::from_utf8(bytes)
        .expect("views are UTF-8")
        .to_owned()
}

fuzz_target!(|data: &[u8]| {
    // What the Rust API gives for the same bytes.
    let expected = match Topology::from_json(data) {
        Ok(topology) => Ok(hadr_rules::check(&topology, &Options::default())),
        Err(error) => Err(error.to_json()),
    };

    // The one-call check.
    let mut out: *mut c_char = ptr::null_mut();
    // SAFETY: `data` is live for `data.len()` bytes; `out` is a valid out-pointer.
    let status = unsafe { hadr_check_json(data.as_ptr().cast(), data.len(), &mut out) };
    // SAFETY: `out` is NULL or a string the call returned.
    let text = unsafe { take_string(out) };
    match &expected {
        Ok(report) => {
            assert_eq!(status, hadr_status::Ok);
            assert_eq!(text.as_deref(), Some(report.to_json().as_str()));
        }
        Err(errors) => {
            assert_eq!(status, hadr_status::InvalidTopology);
            assert_eq!(text.as_deref(), Some(errors.as_str()));
        }
    }

    // Any input `hadr-rules check` reads: for JSON without facts, exactly hadr_check_json.
    let mut out: *mut c_char = ptr::null_mut();
    // SAFETY: as above; no facts (NULL, 0).
    let status = unsafe { hadr_check_input(data.as_ptr(), data.len(), ptr::null(), 0, &mut out) };
    // SAFETY: `out` is NULL or a string the call returned.
    let text = unsafe { take_string(out) };
    assert!(
        matches!(status, hadr_status::Ok | hadr_status::InvalidTopology),
        "hadr_check_input returned {status:?}"
    );
    assert!(text.is_some(), "hadr_check_input wrote no string");

    // Parse once, check with an engine, read the report through its accessors.
    let mut topology: *mut hadr_topology = ptr::null_mut();
    let mut errors: *mut c_char = ptr::null_mut();
    // SAFETY: as above; both out-pointers are valid.
    let status = unsafe {
        hadr_topology_parse(data.as_ptr().cast(), data.len(), &mut topology, &mut errors)
    };
    // SAFETY: `errors` is NULL or a string the call returned.
    let errors = unsafe { take_string(errors) };
    let Ok(report) = &expected else {
        assert_eq!(status, hadr_status::InvalidTopology);
        assert!(topology.is_null(), "no handle is written on an input error");
        assert_eq!(errors, expected.err());
        return;
    };
    assert_eq!(status, hadr_status::Ok);
    assert!(errors.is_none(), "no errors are written on success");

    let mut engine = ptr::null_mut();
    // SAFETY: a valid out-pointer.
    assert_eq!(unsafe { hadr_engine_new(&mut engine) }, hadr_status::Ok);
    let mut handle: *mut hadr_report = ptr::null_mut();
    // SAFETY: live engine and topology from the library, a valid out-pointer.
    let status = unsafe { hadr_engine_check(engine, topology, &mut handle) };
    assert_eq!(status, hadr_status::Ok);
    // SAFETY: the engine and topology came from the library and are freed once; the report
    // stays valid after them (the ABI's contract).
    unsafe {
        hadr_engine_free(engine);
        hadr_topology_free(topology);
    }

    let mut count = 0_usize;
    // SAFETY: a live report and a valid out-pointer.
    let status = unsafe { hadr_report_diagnostic_count(handle, &mut count) };
    assert_eq!(status, hadr_status::Ok);
    assert_eq!(count, report.diagnostics.len());
    for (index, diagnostic) in report.diagnostics.iter().enumerate() {
        // SAFETY: `hadr_diagnostic` is plain data; the call overwrites it.
        let mut out: hadr_diagnostic = unsafe { std::mem::zeroed() };
        // SAFETY: a live report and a valid out-pointer.
        let status = unsafe { hadr_report_diagnostic(handle, index, &mut out) };
        assert_eq!(status, hadr_status::Ok);
        // SAFETY: the views come from the live report.
        let read = unsafe {
            (
                view(out.rule),
                view(out.subject),
                view(out.path),
                view(out.message),
            )
        };
        assert_eq!(
            read,
            (
                diagnostic.rule.as_str().to_owned(),
                diagnostic.subject.to_string(),
                diagnostic.path.to_string(),
                diagnostic.message().to_string()
            )
        );
    }
    // SAFETY: `hadr_diagnostic` is plain data.
    let mut past: hadr_diagnostic = unsafe { std::mem::zeroed() };
    // SAFETY: a live report and a valid out-pointer.
    let status = unsafe { hadr_report_diagnostic(handle, count, &mut past) };
    assert_eq!(status, hadr_status::IndexOutOfRange);

    // SAFETY: `hadr_summary` is plain data.
    let mut summary: hadr_summary = unsafe { std::mem::zeroed() };
    // SAFETY: a live report and a valid out-pointer.
    let status = unsafe { hadr_report_summary(handle, &mut summary) };
    assert_eq!(status, hadr_status::Ok);
    let counts = (
        summary.error,
        summary.warning,
        summary.info,
        summary.not_evaluated,
        summary.suppressed,
    );
    let s = report.summary;
    assert_eq!(
        counts,
        (s.error, s.warning, s.info, s.not_evaluated, s.suppressed)
    );

    let mut json: *mut c_char = ptr::null_mut();
    // SAFETY: a live report and a valid out-pointer.
    let status = unsafe { hadr_report_to_json(handle, &mut json) };
    assert_eq!(status, hadr_status::Ok);
    // SAFETY: `json` is a string the call returned.
    let json = unsafe { take_string(json) };
    assert_eq!(json.as_deref(), Some(report.to_json().as_str()));
    // SAFETY: the report came from the library and is freed once.
    unsafe { hadr_report_free(handle) };
});
