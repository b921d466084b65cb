//! Reading a format-1 document from bytes, with errors that name the JSON path, the position
//! and what was expected.

use serde_path_to_error::{Path, Segment};

use crate::document::Document;
use crate::error::{ErrorKind, InputError, TopologyError, closest, one_of};

/// Parses the bytes of a format-1 document (UTF-8, an optional byte-order mark).
/// The deepest nesting of JSON arrays and objects read (serde_json's fixed recursion limit);
/// a format-1 document nests at most 6 levels outside `x`.
pub const MAX_DEPTH: usize = 128;

pub(crate) fn parse(bytes: &[u8]) -> Result<Document, TopologyError> {
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(
            InputError::at(ErrorKind::Empty, "", "the document is empty")
                .expected("a topology document, format 1")
                .into(),
        );
    }
    // Most documents are valid: read them without tracking the path, and read a failing one
    // again with the tracking to say where it fails.
    if let Ok(mut document) = serde_json::from_str::<Document>(text) {
        document.shrink_to_fit();
        return Ok(document);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| translate(pointer(error.path()), error.inner()))
        .and_then(|mut document: Document| match deserializer.end() {
            Ok(()) => {
                document.shrink_to_fit();
                Ok(document)
            }
            Err(error) => Err(translate(String::new(), &error)),
        });
    parsed.map_err(|error| TopologyError::from(declared_format(text).unwrap_or(*error)))
}

/// The text of the document: UTF-8 without its byte-order mark, or an encoding error.
fn decode(bytes: &[u8]) -> Result<&str, TopologyError> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(
            InputError::at(ErrorKind::Encoding, "", "the document is UTF-32 text")
                .expected("UTF-8 text; save the file as UTF-8")
                .into(),
        );
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            InputError::at(ErrorKind::Encoding, "", "the document is UTF-16 text")
                .expected("UTF-8 text; save the file as UTF-8")
                .into(),
        );
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let column = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        InputError::at(
            ErrorKind::Encoding,
            "",
            format!(
                "the document is not UTF-8 text (invalid byte at offset {})",
                error.valid_up_to()
            ),
        )
        .expected("a JSON topology document in UTF-8")
        .position(line, column)
        .into()
    })
}

/// When a document that failed to parse declares a format other than 1, that is the error to
/// report: its other keys are probably that format's.
fn declared_format(text: &str) -> Option<InputError> {
    #[derive(serde::Deserialize)]
    struct Probe {
        format: serde_json::Value,
    }
    let probe: Probe = serde_json::from_str(text).ok()?;
    (probe.format != serde_json::json!(1)).then(|| unsupported_format(&probe.format))
}

/// The error for a `format` other than 1.
pub(crate) fn unsupported_format(format: &serde_json::Value) -> InputError {
    InputError::at(
        ErrorKind::UnsupportedFormat,
        "/format",
        format!("format `{format}` is not supported by this version of hadr-rules"),
    )
    .expected("`1`")
}

/// Turns a serde error into the project's wording: a JSON Pointer, no Rust type names, and a
/// suggestion for a misspelt key or token.
pub(crate) fn translate(mut pointer: String, error: &serde_json::Error) -> Box<InputError> {
    let full = error.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full);
    let (kind, message, expected) = if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, expected) = unknown(rest);
        let message = match closest(&value, expected.iter().map(String::as_str)) {
            Some(near) => format!("unknown value `{value}`: did you mean `{near}`?"),
            None => format!("unknown value `{value}`"),
        };
        (
            ErrorKind::UnknownToken,
            message,
            Some(one_of(expected.iter().map(String::as_str))),
        )
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        let (key, mut expected) = unknown(rest);
        let takes_x = expected.iter().any(|k| k == "x");
        expected.retain(|k| k != "x");
        let message = match closest(&key, expected.iter().map(String::as_str)) {
            Some(near) => format!("unknown key `{key}`: did you mean `{near}`?"),
            None => format!("unknown key `{key}`"),
        };
        let mut keys = one_of(expected.iter().map(String::as_str));
        if takes_x {
            keys.push_str(", or your own data under `x`");
        }
        (ErrorKind::UnknownKey, message, Some(keys))
    } else if let Some(rest) = message.strip_prefix("missing field ") {
        let key = rest.trim_matches('`');
        (ErrorKind::MissingKey, format!("missing key `{key}`"), None)
    } else if let Some(rest) = message.strip_prefix("duplicate field ") {
        let key = rest.trim_matches('`');
        pointer = format!("{pointer}/{}", escape(key));
        (
            ErrorKind::DuplicateKey,
            format!("key `{key}` appears twice"),
            None,
        )
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let found = match found {
            "sequence" => "array",
            "map" => "object",
            found => found,
        };
        (
            ErrorKind::InvalidType,
            format!("invalid type: {found}"),
            Some(plain(expected)),
        )
    } else if message.starts_with("invalid length ") && message.contains("expected struct") {
        // serde accepts a struct written as an array; the format does not.
        (
            ErrorKind::InvalidType,
            "invalid type: array".to_owned(),
            Some("an object".to_owned()),
        )
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        (
            ErrorKind::InvalidValue,
            format!("invalid value: {found}"),
            Some(plain(expected)),
        )
    } else if message == "recursion limit exceeded" {
        (
            ErrorKind::TooLarge,
            format!("arrays and objects nest more than {MAX_DEPTH} levels deep"),
            Some(format!("at most {MAX_DEPTH} levels of nesting")),
        )
    } else if message.starts_with("EOF while parsing") {
        (
            ErrorKind::Syntax,
            "unexpected end of the document".to_owned(),
            Some(plain(message)),
        )
    } else if error.is_syntax() || error.is_eof() {
        (
            ErrorKind::Syntax,
            format!("not valid JSON: {message}"),
            None,
        )
    } else {
        (ErrorKind::InvalidValue, message.to_owned(), None)
    };
    let mut input = InputError::at(kind, pointer, message);
    input.expected = expected.filter(|expected| !expected.is_empty());
    if error.line() > 0 {
        input = input.position(error.line(), error.column());
    }
    Box::new(input)
}

/// Splits "`value`, expected one of `a`, `b`" into the value and the expected tokens.
fn unknown(rest: &str) -> (String, Vec<String>) {
    let (value, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let tokens = expected
        .split('`')
        .enumerate()
        .filter(|(index, _)| index % 2 == 1)
        .map(|(_, token)| token.to_owned())
        .collect();
    (value.trim_matches('`').to_owned(), tokens)
}

/// serde's description of an expected type, in the format's words.
fn plain(expected: &str) -> String {
    let expected = expected.trim();
    let words = [
        ("u32", "an integer from 0 to 4294967295"),
        ("u64", "an integer from 0 to 18446744073709551615"),
        ("a sequence", "an array"),
        ("a map", "an object"),
        ("map", "an object"),
        ("a boolean", "`true` or `false`"),
    ];
    if let Some((_, word)) = words.iter().find(|(serde, _)| *serde == expected) {
        return (*word).to_owned();
    }
    if expected.starts_with("struct ") {
        return "an object".to_owned();
    }
    if expected.starts_with("internally tagged enum") {
        return "an object with a `mode` key".to_owned();
    }
    if expected.starts_with("enum ") || expected.starts_with("variant identifier") {
        return "a string token".to_owned();
    }
    if let Some(rest) = expected.strip_prefix("EOF while parsing ") {
        return format!("the rest of {rest}");
    }
    expected.to_owned()
}

/// The JSON Pointer of a serde path.
pub(crate) fn pointer(path: &Path) -> String {
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(format!("/{index}")),
            Segment::Map { key } => Some(format!("/{}", escape(key))),
            Segment::Enum { variant } => Some(format!("/{}", escape(variant))),
            Segment::Unknown => None,
        })
        .collect()
}

/// Escapes a key for a JSON Pointer (RFC 6901).
pub(crate) fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
