//! Keyword arguments that pyo3 would refuse with an error naming neither the argument nor the
//! documented exception: each wrong type is a `TypeError` and each value out of range an
//! `ArgumentError`, naming the argument.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString};

use crate::convert::type_name;
use crate::errors::argument_error;

/// `max_document_bytes`: `None`, or a whole number of bytes (0 takes the default).
pub fn max_document_bytes(value: &Bound<'_, PyAny>) -> PyResult<Option<usize>> {
    limit(value, "max_document_bytes")
}

/// `max_entities`: `None`, or a whole number of entities (0 takes the default).
pub fn max_entities(value: &Bound<'_, PyAny>) -> PyResult<Option<usize>> {
    limit(value, "max_entities")
}

fn limit(value: &Bound<'_, PyAny>, name: &str) -> PyResult<Option<usize>> {
    if value.is_none() {
        return Ok(None);
    }
    if value.cast::<PyBool>().is_ok() || value.cast::<PyInt>().is_err() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be an int or None, not {}",
            type_name(value)
        )));
    }
    value.extract::<usize>().map(Some).map_err(|_| {
        let shown = value.str().map(|text| text.to_string()).unwrap_or_default();
        argument_error(
            value.py(),
            format!(
                "{name} must be from 0 to {} (0 takes the default), not {shown}",
                usize::MAX
            ),
        )
    })
}

/// `fail_level`: `None` (the configuration's, else `error`) or a str, whose value is checked
/// against the levels afterwards.
pub fn fail_level(value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if value.is_none() {
        return Ok(None);
    }
    value
        .cast::<PyString>()
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "fail_level must be a str (`error`, `warning` or `info`), not {}",
                type_name(value)
            ))
        })?
        .to_cow()
        .map(|text| Some(text.into_owned()))
}
