//! `config=`: a `hadr-rules.toml` as TOML text or a path, whose settings the keyword arguments
//! of a call override (`docs/config.md`).

use std::path::PathBuf;

use hadr_rules::config::{Config, Expired};
use pyo3::exceptions::{PyTypeError, PyUserWarning};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::type_name;
use crate::errors::{Failure, topology_error};

/// The configuration of `config=`: `None`, TOML text (`str`) or a path (`os.PathLike`), whose
/// `facts` path is taken relative to its folder.
pub fn load(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Config> {
    let Some(value) = value.filter(|value| !value.is_none()) else {
        return Ok(Config::default());
    };
    let loaded = if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?.into_owned();
        py.detach(move || Config::from_toml(&text))
    } else if value.hasattr("__fspath__")? {
        let path: PathBuf = value.extract()?;
        py.detach(move || Config::load(&path))
    } else {
        return Err(PyTypeError::new_err(format!(
            "config must be the text of a hadr-rules.toml (str) or its path (os.PathLike), not {}",
            type_name(value)
        )));
    };
    loaded.map_err(|error| topology_error(py, &Failure::new(error, None)))
}

/// Warns of each suppression that expired before the check date: it no longer applies.
pub fn warn(py: Python<'_>, expired: &[Expired]) -> PyResult<()> {
    let category = py.get_type::<PyUserWarning>();
    for expired in expired {
        let message = format!("hadr-rules.toml line {}: {expired}", expired.line);
        let message = std::ffi::CString::new(message).unwrap_or_default();
        PyErr::warn(py, &category, &message, 1)?;
    }
    Ok(())
}
