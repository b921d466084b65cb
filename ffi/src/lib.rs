//! C ABI of the hadr-rules engine.
//!
//! ```
//! use std::ffi::{CStr, c_char};
//! use hadr_rules_ffi::hadr_status;
//! use hadr_rules_ffi::strings::hadr_string_free;
//! use hadr_rules_ffi::topology::hadr_check_json;
//!
//! let json = r#"{"format": 1, "sites": [{"id": "dallas"}], "pools": []}"#;
//! let mut report: *mut c_char = std::ptr::null_mut();
//! // SAFETY: the buffer is valid for its length; the report is freed once, by the library.
//! let status = unsafe { hadr_check_json(json.as_ptr().cast(), json.len(), &mut report) };
//! assert_eq!(status, hadr_status::Ok);
//! let text = unsafe { CStr::from_ptr(report) }.to_str().unwrap().to_owned();
//! unsafe { hadr_string_free(report) };
//! assert!(text.contains(r#""rule": "CMS-001""#));
//! ```
//!
//! From C, the same call through `include/hadr_rules.h`, linked with
//! `pkg-config --cflags --libs hadr_rules` or CMake's `find_package(hadr_rules)`
//! (`docs/c-abi.md`).
//!
//! The only crate of the workspace allowed `unsafe`: it converts C arguments into the core API
//! of `hadr-rules` and its results back, and holds no rule logic. Conventions (after
//! rustls-ffi): opaque handles created and freed by the library, `free(NULL)` allowed, inputs
//! before outputs, every buffer followed by its length, outputs written only on success, every
//! pointer checked for NULL, every export inside one panic boundary ([`panic`](mod@panic)).
//!
//! `include/hadr_rules.h` is generated from this crate by cbindgen (`ffi/cbindgen.toml`);
//! `docs/c-abi.md` describes the ABI for C and C# callers.

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]
// The exported names follow C conventions (`hadr_status`, `hadr_engine`).
#![allow(non_camel_case_types)]

pub mod baseline;
pub mod config;
pub mod engine;
pub mod import;
pub mod lifecycle;
pub mod panic;
pub mod report;
pub mod simulate;
pub mod status;
pub mod strings;
pub mod support;
pub mod topology;

mod ptr;
mod version;

pub use engine::hadr_engine;
pub use report::{hadr_diagnostic, hadr_report, hadr_severity, hadr_summary};
pub use simulate::{HADR_SIMULATE_ALL_SINGLE, HADR_SIMULATE_SITES};
pub use status::hadr_status;
pub use strings::hadr_str;
pub use support::{
    hadr_quorum, hadr_quorum_condition, hadr_quorum_status, hadr_support, hadr_verdict,
};
pub use topology::hadr_topology;
pub use version::{
    HADR_RULES_VERSION_MAJOR, HADR_RULES_VERSION_MINOR, HADR_RULES_VERSION_PATCH, hadr_version,
};
