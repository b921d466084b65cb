//! What the input is, read from its content rather than its name: a zip, XML (UTF-8 or
//! UTF-16, with or without a byte-order mark) or anything else (taken for JSON).

use crate::error::{ErrorKind, InputError};

/// The form of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A format-1 JSON document (or anything that is neither XML nor a zip).
    Json,
    /// `Get-CsTopology -AsXml` output: a `Topology` element.
    Topology,
    /// A Topology Builder file (`.tbxml`): a `TopologyBuilder` element.
    TopologyBuilder,
    /// An `Export-CsConfiguration` zip whose `DocItemSet.xml` holds the topology.
    ConfigurationZip,
}

impl Form {
    /// The form as a token.
    pub const fn as_str(self) -> &'static str {
        match self {
            Form::Json => "json",
            Form::Topology => "topology",
            Form::TopologyBuilder => "topology_builder",
            Form::ConfigurationZip => "configuration_zip",
        }
    }
}

/// The text encodings the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// Whether the bytes are a zip archive (local file header or empty-archive record).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The encoding by byte-order mark, else by the pattern of a leading `<` in UTF-16, else UTF-8;
/// and the length of the mark.
pub(crate) fn sniff(bytes: &[u8]) -> (Encoding, usize) {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding::Utf8, 3),
        [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
        [b'<', 0, ..] => (Encoding::Utf16Le, 0),
        [0, b'<', ..] => (Encoding::Utf16Be, 0),
        _ => (Encoding::Utf8, 0),
    }
}

/// Whether the content is XML: its first character after the mark and white space is `<`.
pub(crate) fn is_xml(bytes: &[u8]) -> bool {
    let (encoding, mark) = sniff(bytes);
    let rest = bytes.get(mark..).unwrap_or_default();
    match encoding {
        Encoding::Utf8 => rest
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'<'),
        Encoding::Utf16Le | Encoding::Utf16Be => units(rest, encoding)
            .find(|u| !matches!(u, 0x20 | 0x09 | 0x0A | 0x0D))
            .is_some_and(|u| u == u16::from(b'<')),
    }
}

/// The form of the input as far as the bytes show it without parsing: zip, XML or JSON. XML is
/// told apart into [`Form::Topology`] and [`Form::TopologyBuilder`] when it is parsed.
pub fn detect(bytes: &[u8]) -> Form {
    if is_zip(bytes) {
        Form::ConfigurationZip
    } else if is_xml(bytes) {
        if contains_builder_root(bytes) {
            Form::TopologyBuilder
        } else {
            Form::Topology
        }
    } else {
        Form::Json
    }
}

/// A cheap look for the Topology Builder root name near the start of the text.
fn contains_builder_root(bytes: &[u8]) -> bool {
    decode(bytes).is_ok_and(|text| {
        let head: String = text.chars().take(2048).collect();
        head.contains("<TopologyBuilder") || head.contains(":TopologyBuilder")
    })
}

fn units(bytes: &[u8], encoding: Encoding) -> impl Iterator<Item = u16> + '_ {
    bytes
        .chunks_exact(2)
        .map(move |pair| match (encoding, pair) {
            (Encoding::Utf16Be, [high, low]) => u16::from_be_bytes([*high, *low]),
            (_, [low, high]) => u16::from_le_bytes([*low, *high]),
            _ => 0,
        })
}

/// The text of the input: UTF-8 or UTF-16 (either byte order), without its byte-order mark.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, Box<InputError>> {
    let (encoding, mark) = sniff(bytes);
    let rest = bytes.get(mark..).unwrap_or_default();
    match encoding {
        Encoding::Utf8 => std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|error| {
                let valid = rest.get(..error.valid_up_to()).unwrap_or_default();
                let text = String::from_utf8_lossy(valid);
                let (line, column) = super::xml::position(&text, text.len());
                Box::new(
                    InputError::at(
                        ErrorKind::Encoding,
                        "",
                        format!(
                            "the document is not UTF-8 text (invalid byte at offset {})",
                            mark + error.valid_up_to()
                        ),
                    )
                    .expected("topology XML in UTF-8 or UTF-16 with a byte-order mark")
                    .position(line, column),
                )
            }),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            if rest.len() % 2 != 0 {
                return Err(Box::new(
                    InputError::at(
                        ErrorKind::Encoding,
                        "",
                        "the document is UTF-16 text with an odd number of bytes (truncated?)",
                    )
                    .expected("complete UTF-16 text"),
                ));
            }
            let mut text = String::with_capacity(rest.len() / 2);
            for unit in char::decode_utf16(units(rest, encoding)) {
                match unit {
                    Ok(c) => text.push(c),
                    Err(_) => {
                        let (line, column) = super::xml::position(&text, text.len());
                        return Err(Box::new(
                            InputError::at(
                                ErrorKind::Encoding,
                                "",
                                "the document is not valid UTF-16 (an unpaired surrogate)",
                            )
                            .expected("valid UTF-16 text")
                            .position(line, column),
                        ));
                    }
                }
            }
            Ok(text)
        }
    }
}
