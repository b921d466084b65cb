//! The topology, source and facts arguments: copied out of Python objects with the GIL, then
//! read without it.

use std::path::PathBuf;

use hadr_rules::import::{Facts, Import};
use hadr_rules::{ErrorKind, InputError, Limits, Topology, TopologyError};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMapping, PyString};
use serde_json::Value;

use crate::convert::{self, type_name};
use crate::errors::Failure;

/// An argument as the caller gave it, owned by Rust.
pub enum Input {
    /// Text: JSON, topology XML, a `.tbxml` file or the bytes of a zip.
    Bytes(Vec<u8>),
    /// A dict converted to JSON.
    Value(Value),
    /// A file, and its name for error messages.
    File(PathBuf, String),
}

impl Input {
    /// The file name of a path input, as errors show it.
    pub fn file_name(&self) -> Option<&str> {
        match self {
            Input::File(_, name) => Some(name),
            Input::Bytes(_) | Input::Value(_) => None,
        }
    }
}

/// Which argument is being read: what it accepts and how a wrong type is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `check(topology)`: any input, a dict included.
    Topology,
    /// `import_topology(source)`: XML text, bytes or a path.
    Source,
    /// `facts=`: a dict, JSON text or a path.
    Facts,
}

impl Role {
    fn accepts_mapping(self) -> bool {
        self != Role::Source
    }

    /// The input's name in size errors.
    fn what(self) -> &'static str {
        match self {
            Role::Topology | Role::Source => "document",
            Role::Facts => "facts file",
        }
    }

    fn expected(self) -> &'static str {
        match self {
            Role::Topology => {
                "topology must be JSON text or topology XML (str or bytes), a dict, or a path \
                 (os.PathLike)"
            }
            Role::Source => {
                "source must be topology XML (str or bytes, a .tbxml file or an \
                 Export-CsConfiguration zip as bytes) or a path (os.PathLike)"
            }
            Role::Facts => {
                "facts must be a dict, JSON text (str or bytes), or a path (os.PathLike)"
            }
        }
    }
}

/// Copies an argument out of Python: `Err` for a wrong type, `Ok(Err)` for a value that cannot
/// be a document (a string with a lone surrogate, a dict with no JSON equivalent, text longer
/// than the size limit, which is refused before it is copied).
pub fn input(
    object: &Bound<'_, PyAny>,
    role: Role,
    limits: &Limits,
) -> PyResult<Result<Input, Failure>> {
    let what = role.what();
    let bounded = |bytes: &[u8]| match limits.size(bytes.len(), what) {
        Ok(()) => Ok(Input::Bytes(bytes.to_vec())),
        Err(error) => Err(Failure::new(TopologyError::from(*error), None)),
    };
    if let Ok(text) = object.cast::<PyString>() {
        return Ok(match text.to_cow() {
            Ok(text) => bounded(text.as_bytes()),
            Err(_) => Err(Failure::new(
                InputError {
                    kind: ErrorKind::Encoding,
                    file: None,
                    path: String::new(),
                    line: None,
                    column: None,
                    message: "the text is not valid Unicode (it holds a lone surrogate)".to_owned(),
                    expected: Some("text that can be written as UTF-8".to_owned()),
                }
                .into(),
                None,
            )),
        });
    }
    if let Ok(bytes) = object.cast::<PyBytes>() {
        return Ok(bounded(bytes.as_bytes()));
    }
    if let Ok(bytes) = object.cast::<PyByteArray>() {
        return Ok(match limits.size(bytes.len(), what) {
            Ok(()) => Ok(Input::Bytes(bytes.to_vec())),
            Err(error) => Err(Failure::new(TopologyError::from(*error), None)),
        });
    }
    if role.accepts_mapping() && object.cast::<PyMapping>().is_ok() {
        return Ok(convert::to_value(object).map(Input::Value).map_err(|e| {
            let mut failure = Failure::new(e.error.into(), None);
            failure.locs = Some(vec![e.loc]);
            failure
        }));
    }
    if object.hasattr("__fspath__")? {
        let path: PathBuf = object.extract()?;
        let name = path.to_string_lossy().into_owned();
        return Ok(Ok(Input::File(path, name)));
    }
    Err(PyTypeError::new_err(format!(
        "{}, not {}",
        role.expected(),
        type_name(object)
    )))
}

/// Copies a topology or source argument and the facts argument out of Python, each within the
/// size limit (the facts are held to the document's).
pub fn arguments(
    source: &Bound<'_, PyAny>,
    facts: Option<&Bound<'_, PyAny>>,
    role: Role,
    limits: &Limits,
) -> PyResult<Result<(Input, Option<Input>), Failure>> {
    let source = input(source, role, limits)?;
    let facts = facts
        .filter(|facts| !facts.is_none())
        .map(|facts| input(facts, Role::Facts, limits))
        .transpose()?;
    Ok(match (source, facts) {
        // The facts first, as the command line reads them first.
        (_, Some(Err(failure))) | (Err(failure), _) => Err(failure),
        (Ok(source), None) => Ok((source, None)),
        (Ok(source), Some(Ok(facts))) => Ok((source, Some(facts))),
    })
}

/// Reads and resolves a topology of any form: JSON as it is, XML, `.tbxml` and zips imported
/// with the facts (as `hadr-rules check [--facts]` does). Runs without the GIL.
pub fn topology(input: Input, facts: Option<&Facts>, limits: &Limits) -> Result<Topology, Failure> {
    read(input, facts, limits).map(|import| import.topology)
}

/// [`topology`] with where each value came from (the XML element and line of an import).
pub fn read(input: Input, facts: Option<&Facts>, limits: &Limits) -> Result<Import, Failure> {
    parse_within(input, limits, "document", |bytes| {
        hadr_rules::import::read_with_limits(bytes, facts, limits)
    })
}

/// Imports topology XML, a `.tbxml` file or a zip (as `hadr-rules import` does); JSON is
/// refused. Runs without the GIL.
pub fn import(input: Input, facts: Option<&Facts>) -> Result<Import, Failure> {
    let limits = Limits::default();
    parse_within(input, &limits, "document", |bytes| {
        hadr_rules::import::import_with_limits(bytes, facts, &limits)
    })
}

/// Reads a facts file (as `--facts` does) within the document's size limit. Runs without the
/// GIL. Its errors are located by key: a facts file has no arrays.
pub fn facts(input: Input, limits: &Limits) -> Result<Facts, Failure> {
    parse_within(input, limits, "facts file", |bytes| {
        Facts::from_json_with_limits(bytes, limits)
    })
    .map_err(|mut failure| {
        if failure.locs.is_none() {
            failure.locs = Some(
                failure
                    .error
                    .errors
                    .iter()
                    .map(|error| convert::keys(&error.path))
                    .collect(),
            );
        }
        failure
    })
}

/// Reads an input with `read`; errors are located in the document and name the file. A file is
/// read through the engine's bounded reader: never more than the limit and one byte.
fn parse_within<T>(
    input: Input,
    limits: &Limits,
    what: hadr_rules::read::What,
    read: impl FnOnce(&[u8]) -> Result<T, TopologyError>,
) -> Result<T, Failure> {
    match input {
        Input::Bytes(bytes) => read(&bytes).map_err(|error| Failure::new(error, None)),
        Input::Value(value) => {
            let text = serde_json::to_vec(&value).unwrap_or_default();
            read(&text).map_err(|mut error| {
                // Positions would point into JSON text the caller never saw.
                for e in &mut error.errors {
                    e.line = None;
                    e.column = None;
                }
                Failure::new(error, Some(value))
            })
        }
        Input::File(path, name) => {
            let bytes = hadr_rules::read::file(&path, &name, limits, what)
                .map_err(|error| Failure::new(error, None))?;
            read(&bytes).map_err(|error| Failure::new(error.in_file(&name), None))
        }
    }
}
