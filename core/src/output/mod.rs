//! The report in the formats other tools read: SARIF 2.1.0 for code scanning, JUnit XML for CI
//! test reports, and a self-contained HTML page with a diagram of the topology.

mod html;
mod junit;
mod sarif;

pub use html::{MAX_DIAGRAM_NODES, html};
pub use junit::junit;
pub use sarif::{SARIF_SCHEMA, sarif};

use crate::Report;
use crate::import::{Import, Source};

/// One checked file as the outputs show it.
#[derive(Debug, Clone, Copy)]
pub struct Checked<'a> {
    /// The file name shown and used as the artifact's address (`-` for standard input).
    pub file: &'a str,
    /// What the check found.
    pub report: &'a Report,
    /// Where each value of an imported document came from (XML element and line); empty for a
    /// format-1 JSON document.
    pub sources: &'a [Source],
}

impl<'a> Checked<'a> {
    /// A file's report with the sources of its import.
    pub fn new(file: &'a str, report: &'a Report, import: &'a Import) -> Self {
        Checked {
            file,
            report,
            sources: &import.sources,
        }
    }

    /// A report of a format-1 JSON document, which has no XML sources.
    pub fn of_json(file: &'a str, report: &'a Report) -> Self {
        Checked {
            file,
            report,
            sources: &[],
        }
    }

    /// Where the value at `pointer` came from in the imported XML, if it did.
    fn source(&self, pointer: &str) -> Option<&'a Source> {
        crate::import::source(self.sources, pointer)
    }
}

/// Control characters of names taken from a document, written as `\u{1b}` so that no output
/// carries them (XML 1.0 forbids most of them outright).
fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out.into()
}
