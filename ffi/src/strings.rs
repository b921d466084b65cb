//! Strings across the ABI: borrowed views (`hadr_str`), strings the library allocates (freed
//! only by `hadr_string_free`) and the library's version.

use std::ffi::{CString, c_char};

use crate::panic::boundary;
use crate::status::hadr_status;

/// A borrowed UTF-8 string: `len` bytes at `data`, **not** NUL-terminated (print it with
/// `printf("%.*s", (int)s.len, s.data)`). `data` is never NULL. The bytes belong to the object
/// the view came from (a report, a verdict) or are static (tokens, rule IDs); they stay valid
/// until that object is freed. Never free or modify them.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct hadr_str {
    /// The first byte.
    pub data: *const c_char,
    /// The number of bytes.
    pub len: usize,
}

impl hadr_str {
    /// A view of `text`, which must outlive every use of the view.
    pub(crate) fn new(text: &str) -> hadr_str {
        // An empty `String` points to a dangling address: hand C a real one.
        let data = if text.is_empty() {
            c"".as_ptr()
        } else {
            text.as_ptr().cast()
        };
        hadr_str {
            data,
            len: text.len(),
        }
    }
}

/// Hands an owned string to C, to be freed by `hadr_string_free`.
pub(crate) fn to_c_string(text: String) -> Result<*mut c_char, hadr_status> {
    CString::new(text)
        .map(CString::into_raw)
        .map_err(|_| hadr_status::InternalError)
}

/// A JSON array of tokens, e.g. `["2016","2019"]`, with a final newline like every JSON
/// document the library returns.
pub(crate) fn json_array<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = tokens
        .into_iter()
        .map(|token| {
            let escaped = token.replace('\\', "\\\\").replace('"', "\\\"");
            format!("\"{escaped}\"")
        })
        .collect();
    format!("[{}]\n", items.join(","))
}

/// Frees a string the library returned (a report or errors JSON, a token list). NULL is
/// ignored. Strings from this library must be freed here, never with C's `free()`.
///
/// # Safety
///
/// `s` must be NULL or a string returned by this library, not yet freed, and not in use by
/// another thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_string_free(s: *mut c_char) {
    boundary(|| {
        if !s.is_null() {
            // SAFETY: by this function's contract, `s` came from `CString::into_raw` in this
            // library and is freed once.
            drop(unsafe { CString::from_raw(s) });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_of_empty_strings_point_to_a_real_byte() {
        let empty = hadr_str::new(String::new().as_str());
        assert_eq!(empty.len, 0);
        assert!(!empty.data.is_null());
        let text = hadr_str::new("sfb2019");
        assert_eq!(text.len, 7);
    }

    #[test]
    fn token_lists_are_json_arrays() {
        assert_eq!(json_array(["2016", "2019"]), "[\"2016\",\"2019\"]\n");
        assert_eq!(json_array([]), "[]\n");
        assert_eq!(json_array(["a\"b"]), "[\"a\\\"b\"]\n");
    }
}
