//! The library's version: header macros checked against `Cargo.toml` at compile time, and
//! `hadr_version()`.

use std::ffi::c_char;

use crate::panic::boundary;

/// The major version of the library (`Cargo.toml`).
pub const HADR_RULES_VERSION_MAJOR: u32 = 0;
/// The minor version of the library (`Cargo.toml`).
pub const HADR_RULES_VERSION_MINOR: u32 = 1;
/// The patch version of the library (`Cargo.toml`).
pub const HADR_RULES_VERSION_PATCH: u32 = 0;

/// The decimal number `text` (digits only).
const fn number(text: &str) -> u32 {
    let mut digits = text.as_bytes();
    let mut value = 0;
    while let [digit, rest @ ..] = digits {
        value = value * 10 + (*digit - b'0') as u32;
        digits = rest;
    }
    value
}

// The header's numeric macros come from the constants above: a version bump in `Cargo.toml`
// that forgets them fails the build. (The string macro `HADR_RULES_VERSION` is written in
// `ffi/cbindgen.toml`; `tests/header.rs` checks it.)
const _: () = assert!(number(env!("CARGO_PKG_VERSION_MAJOR")) == HADR_RULES_VERSION_MAJOR);
const _: () = assert!(number(env!("CARGO_PKG_VERSION_MINOR")) == HADR_RULES_VERSION_MINOR);
const _: () = assert!(number(env!("CARGO_PKG_VERSION_PATCH")) == HADR_RULES_VERSION_PATCH);

/// The version, NUL-terminated.
static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The library's version, e.g. `"0.1.0"`: a static, NUL-terminated string, never freed. It
/// equals `HADR_RULES_VERSION` when the header matches the library.
#[unsafe(no_mangle)]
pub extern "C" fn hadr_version() -> *const c_char {
    boundary(|| VERSION.as_ptr().cast())
}
