//! Errors for input that cannot be read as a topology.

use std::fmt;

use serde::Serialize;

/// What kind of problem an input error is; a stable token for tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The file could not be read.
    Io,
    /// The document is empty.
    Empty,
    /// The bytes are not UTF-8 text.
    Encoding,
    /// The text is not JSON.
    Syntax,
    /// A value has the wrong JSON type.
    InvalidType,
    /// A value has the right type but is not allowed.
    InvalidValue,
    /// An enumerated value is not one of the tokens.
    UnknownToken,
    /// A key the format does not define (outside `"x"`).
    UnknownKey,
    /// A required key is absent.
    MissingKey,
    /// A key appears twice in one object.
    DuplicateKey,
    /// Two entities share an identifier that must be unique.
    Duplicate,
    /// A reference names no entity.
    DanglingReference,
    /// The document declares a format this version does not read.
    UnsupportedFormat,
    /// A name given to `simulate` matches no entity of the topology.
    UnknownEntity,
    /// The topology XML is not well-formed.
    Xml,
    /// The XML declares a DTD or entities (refused: nothing is expanded or fetched).
    Dtd,
    /// A zip archive that cannot be read, or that exceeds a size limit (zip bomb).
    Archive,
    /// The input holds no topology: not XML, another XML document, a zip of user data.
    NotTopology,
    /// The topology is of a product hadr-rules does not check (Lync Server 2010, an unknown
    /// `ServiceVersion`).
    UnsupportedProduct,
    /// The input exceeds a limit: its size, its nesting depth or its number of entities.
    TooLarge,
}

impl ErrorKind {
    /// The token, as serialized.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Empty => "empty",
            ErrorKind::Encoding => "encoding",
            ErrorKind::Syntax => "syntax",
            ErrorKind::InvalidType => "invalid_type",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::UnknownToken => "unknown_token",
            ErrorKind::UnknownKey => "unknown_key",
            ErrorKind::MissingKey => "missing_key",
            ErrorKind::DuplicateKey => "duplicate_key",
            ErrorKind::Duplicate => "duplicate",
            ErrorKind::DanglingReference => "dangling_reference",
            ErrorKind::UnsupportedFormat => "unsupported_format",
            ErrorKind::UnknownEntity => "unknown_entity",
            ErrorKind::Xml => "xml",
            ErrorKind::Dtd => "dtd",
            ErrorKind::Archive => "archive",
            ErrorKind::NotTopology => "not_topology",
            ErrorKind::UnsupportedProduct => "unsupported_product",
            ErrorKind::TooLarge => "too_large",
        }
    }
}

/// One problem with an input document: where it is and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// What kind of problem.
    pub kind: ErrorKind,
    /// The file, when the input came from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// JSON Pointer to the offending value (`""` for the whole document).
    pub path: String,
    /// 1-based line, where the parser knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, where the parser knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong, with the user's value in backticks.
    pub message: String,
    /// What the format expects there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
}

impl InputError {
    /// An error at `path` with no position.
    pub(crate) fn at(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            kind,
            file: None,
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            expected: None,
        }
    }

    /// The same error with what was expected.
    pub(crate) fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    /// The same error with a line and column.
    pub(crate) fn position(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}")?;
            if let (Some(line), Some(column)) = (self.line, self.column) {
                write!(f, ":{line}:{column}")?;
            }
            write!(f, ": ")?;
        } else if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "line {line}, column {column}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "at `{}`: ", self.path)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(expected) = &self.expected {
            write!(f, " (expected {expected})")?;
        }
        Ok(())
    }
}

/// A document that could not be read as a topology: one or more input errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
pub struct TopologyError {
    /// The problems, in document order.
    pub errors: Vec<InputError>,
}

impl TopologyError {
    /// A file that could not be read, with the reason in plain words.
    pub fn unreadable(file: &str, reason: &str) -> Self {
        let mut error =
            InputError::at(ErrorKind::Io, "", format!("cannot read the file: {reason}"))
                .expected("a readable topology document, format 1");
        error.file = Some(file.to_owned());
        error.into()
    }

    /// An output file that could not be written, with the reason in plain words.
    pub fn unwritable(file: &str, reason: &str) -> Self {
        let mut error = InputError::at(
            ErrorKind::Io,
            "",
            format!("cannot write the file: {reason}"),
        )
        .expected("a path where a file can be written");
        error.file = Some(file.to_owned());
        error.into()
    }

    /// Names the file every error came from.
    pub fn in_file(mut self, file: &str) -> Self {
        for error in &mut self.errors {
            error.file = Some(file.to_owned());
        }
        self
    }

    /// The error as the JSON object `{"errors": [...]}`.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

impl From<InputError> for TopologyError {
    fn from(error: InputError) -> Self {
        TopologyError {
            errors: vec![error],
        }
    }
}

impl fmt::Display for TopologyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for error in &self.errors {
            if !first {
                writeln!(f)?;
            }
            first = false;
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `value`, when it is close enough to be a likely typo
/// (case-insensitive Damerau–Levenshtein distance of at most a third of the length).
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let value = value.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            (
                strsim::damerau_levenshtein(&value, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, candidate)| *distance <= (candidate.len().max(value.len()) / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// `one of `a`, `b`, `c`` for a message.
pub(crate) fn one_of<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let list: Vec<String> = values
        .into_iter()
        .map(|value| format!("`{value}`"))
        .collect();
    format!("one of {}", list.join(", "))
}
