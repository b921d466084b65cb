//! Baselines and the facts template from Python (`docs/baselines.md`,
//! `docs/facts-template.md`).

use std::path::PathBuf;

use hadr_rules::Limits;
use hadr_rules::baseline::Baseline;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::convert::type_name;
use crate::errors::{Failure, topology_error};
use crate::input::{self, Role};

/// A baseline given as JSON text, bytes or a path; errors name the file.
pub fn read(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Baseline> {
    let read = if let Ok(text) = value.cast::<PyString>() {
        Baseline::from_json(text.to_cow()?.as_bytes())
    } else if let Ok(bytes) = value.cast::<PyBytes>() {
        Baseline::from_json(bytes.as_bytes())
    } else if value.hasattr("__fspath__")? {
        let path: PathBuf = value.extract()?;
        let name = path.to_string_lossy().into_owned();
        hadr_rules::read::file(&path, &name, &Limits::default(), "baseline")
            .and_then(|bytes| Baseline::from_json(&bytes).map_err(|error| error.in_file(&name)))
    } else {
        return Err(PyTypeError::new_err(format!(
            "baseline must be JSON text (str or bytes) or a path (os.PathLike), not {}",
            type_name(value)
        )));
    };
    read.map_err(|error| topology_error(py, &Failure::new(error, None)))
}

/// The facts file of a topology XML with every fact the rules read and the XML lacks, each a
/// `null` with the rules it unlocks and where to find it, the facts that unlock the most rules
/// first: the text `hadr-rules facts` writes. `topology` is topology XML (`str` or `bytes`), a
/// `.tbxml` file or an `Export-CsConfiguration` zip (`bytes`), or a path; `facts` the facts
/// already known; `config` a `hadr-rules.toml` whose rule selection applies. A format-1 JSON
/// document, which states its facts itself, raises `TopologyError`.
#[pyfunction]
#[pyo3(signature = (topology, *, facts = None, config = None))]
pub fn facts_template(
    py: Python<'_>,
    topology: &Bound<'_, PyAny>,
    facts: Option<&Bound<'_, PyAny>>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let config = crate::config::load(py, config)?;
    let limits = config.limits();
    let (options, _) = config.options();
    let name = match topology.hasattr("__fspath__")? {
        true => topology
            .extract::<PathBuf>()?
            .to_string_lossy()
            .into_owned(),
        false => "the topology".to_owned(),
    };
    let facts_path = config
        .facts
        .clone()
        .map(|path| path.into_pyobject(py))
        .transpose()?;
    let facts = facts.filter(|f| !f.is_none()).or(facts_path.as_ref());
    let (topology, facts) = match input::arguments(topology, facts, Role::Topology, &limits)? {
        Ok(arguments) => arguments,
        Err(failure) => return Err(topology_error(py, &failure)),
    };
    let result = py.detach(move || {
        let facts = facts.map(|f| input::facts(f, &limits)).transpose()?;
        let import = input::read(topology, facts.as_ref(), &limits)?;
        hadr_rules::import::template_of(&import, &options, &name)
            .map_err(|error| Failure::new(error, None))
    });
    result.map_err(|failure| topology_error(py, &failure))
}
