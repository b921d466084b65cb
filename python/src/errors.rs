//! The typed exceptions: `TopologyError`, `ArgumentError` and `UnknownRuleError`, defined in
//! `hadr_rules/_errors.py` and raised from here.

use hadr_rules::TopologyError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};
use serde_json::Value;

use crate::convert::{Segment, loc, loc_tuple};

const MODULE: &str = "hadr_rules._errors";

static TOPOLOGY_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ARGUMENT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UNKNOWN_RULE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// An input that could not be read, with what is needed to locate its errors.
#[derive(Debug)]
pub struct Failure {
    /// The engine's errors.
    pub error: TopologyError,
    /// The document as JSON, when it could be read as JSON: tells array indices from keys.
    pub root: Option<Value>,
    /// Locations already known (errors found while converting a Python object), by error.
    pub locs: Option<Vec<Vec<Segment>>>,
}

impl Failure {
    /// A failure located from its JSON Pointers.
    pub fn new(error: TopologyError, root: Option<Value>) -> Self {
        Failure {
            error,
            root,
            locs: None,
        }
    }
}

/// `hadr_rules.TopologyError` for a failure.
pub fn topology_error(py: Python<'_>, failure: &Failure) -> PyErr {
    match build_topology_error(py, failure) {
        Ok(error) => error,
        Err(error) => error,
    }
}

fn build_topology_error(py: Python<'_>, failure: &Failure) -> PyResult<PyErr> {
    let details = PyList::empty(py);
    for (index, error) in failure.error.errors.iter().enumerate() {
        let dict = PyDict::new(py);
        dict.set_item("type", error.kind.as_str())?;
        let location = failure
            .locs
            .as_ref()
            .and_then(|locs| locs.get(index).cloned())
            .unwrap_or_else(|| loc(&error.path, failure.root.as_ref()));
        dict.set_item("loc", loc_tuple(py, &location)?)?;
        dict.set_item("msg", &error.message)?;
        dict.set_item("path", &error.path)?;
        if let Some(line) = error.line {
            dict.set_item("line", line)?;
        }
        if let Some(column) = error.column {
            dict.set_item("column", column)?;
        }
        if let Some(expected) = &error.expected {
            dict.set_item("expected", expected)?;
        }
        if let Some(file) = &error.file {
            dict.set_item("file", file)?;
        }
        details.append(dict)?;
    }
    let class = TOPOLOGY_ERROR.import(py, MODULE, "TopologyError")?;
    let instance = class.call1((failure.error.to_string(), details, failure.error.to_json()))?;
    Ok(PyErr::from_value(instance))
}

/// `hadr_rules.ArgumentError` with this message.
pub fn argument_error(py: Python<'_>, message: String) -> PyErr {
    raise(py, &ARGUMENT_ERROR, "ArgumentError", message)
}

/// `hadr_rules.UnknownRuleError` with this message.
pub fn unknown_rule_error(py: Python<'_>, message: String) -> PyErr {
    raise(py, &UNKNOWN_RULE_ERROR, "UnknownRuleError", message)
}

fn raise(py: Python<'_>, cell: &PyOnceLock<Py<PyType>>, name: &str, message: String) -> PyErr {
    match cell
        .import(py, MODULE, name)
        .and_then(|class| class.call1((message,)))
    {
        Ok(instance) => PyErr::from_value(instance),
        Err(error) => error,
    }
}

use hadr_rules::closest;

/// Reads a token of an enumeration, or raises `ArgumentError` naming the closest one.
pub fn token<T: Copy>(
    py: Python<'_>,
    what: &str,
    text: &str,
    all: &[T],
    as_str: impl Fn(T) -> &'static str,
) -> PyResult<T> {
    if let Some(value) = all.iter().copied().find(|value| as_str(*value) == text) {
        return Ok(value);
    }
    let names: Vec<&'static str> = all.iter().map(|value| as_str(*value)).collect();
    let hint = closest(text, names.iter().copied())
        .map(|near| format!(": did you mean `{near}`?"))
        .unwrap_or_default();
    let list: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    Err(argument_error(
        py,
        format!(
            "unknown {what} `{text}`{hint} (expected one of {})",
            list.join(", ")
        ),
    ))
}
