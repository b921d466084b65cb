//! Python bindings of the hadr-rules engine: the private extension `hadr_rules._hadr_rules`
//! that the `hadr_rules` package re-exports.
//!
//! Only conversions live here: every rule, matrix and message comes from the core crate.

mod convert;
mod errors;
mod registry;
mod report;
mod support;

use std::path::PathBuf;

use hadr_rules::tokens::Severity;
use hadr_rules::{Options, Selector, Suppression, Topology, TopologyError};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMapping, PyString};
use serde_json::Value;

use crate::convert::type_name;
use crate::errors::{Failure, argument_error, token, topology_error};
use crate::report::PyReport;

/// A topology as the caller gave it, copied out of Python objects so that it can be read
/// without the GIL.
enum Input {
    /// JSON text.
    Bytes(Vec<u8>),
    /// A dict converted to JSON.
    Value(Value),
    /// A file, and its name for error messages.
    File(PathBuf, String),
}

/// Check a topology and return its report.
///
/// `topology` is JSON text (`str` or `bytes`), a dict shaped like the topology format, or a
/// path (`os.PathLike`) to a JSON file. Raises `TopologyError` when it cannot be read. The GIL
/// is released while the engine reads and checks the topology.
#[pyfunction]
#[pyo3(signature = (
    topology,
    *,
    fail_level = "error",
    allow_basic_ag_on_standard = false,
    severity = None,
    suppress = None,
))]
fn check(
    py: Python<'_>,
    topology: &Bound<'_, PyAny>,
    fail_level: &str,
    allow_basic_ag_on_standard: bool,
    severity: Option<&Bound<'_, PyAny>>,
    suppress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    let level = token(
        py,
        "fail level",
        fail_level,
        Severity::ALL,
        Severity::as_str,
    )?;
    let options = Options {
        allow_basic_ag_on_standard,
        severity: severity
            .map(|s| severities(py, s))
            .transpose()?
            .unwrap_or_default(),
        suppress: suppress
            .map(|s| suppressions(py, s))
            .transpose()?
            .unwrap_or_default(),
    };
    let input = match input(topology)? {
        Ok(input) => input,
        Err(failure) => return Err(topology_error(py, &failure)),
    };
    // Reading, resolving and checking need no Python object: other threads run meanwhile.
    let result = py.detach(move || load(input).map(|t| hadr_rules::check(&t, &options)));
    match result {
        Ok(report) => Ok(PyReport::new(report, level)),
        Err(failure) => Err(topology_error(py, &failure)),
    }
}

/// Copies the topology argument out of Python.
fn input(topology: &Bound<'_, PyAny>) -> PyResult<Result<Input, Failure>> {
    if let Ok(text) = topology.cast::<PyString>() {
        return Ok(match text.to_cow() {
            Ok(text) => Ok(Input::Bytes(text.into_owned().into_bytes())),
            Err(_) => Err(Failure::new(
                hadr_rules::InputError {
                    kind: hadr_rules::ErrorKind::Encoding,
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
    if let Ok(bytes) = topology.cast::<PyBytes>() {
        return Ok(Ok(Input::Bytes(bytes.as_bytes().to_vec())));
    }
    if let Ok(bytes) = topology.cast::<PyByteArray>() {
        return Ok(Ok(Input::Bytes(bytes.to_vec())));
    }
    if topology.cast::<PyMapping>().is_ok() {
        return Ok(convert::to_value(topology).map(Input::Value).map_err(|e| {
            let mut failure = Failure::new(e.error.into(), None);
            failure.locs = Some(vec![e.loc]);
            failure
        }));
    }
    if topology.hasattr("__fspath__")? {
        let path: PathBuf = topology.extract()?;
        let name = path.to_string_lossy().into_owned();
        return Ok(Ok(Input::File(path, name)));
    }
    Err(PyTypeError::new_err(format!(
        "topology must be JSON text (str or bytes), a dict, or a path (os.PathLike), not {}",
        type_name(topology)
    )))
}

/// Reads and resolves a topology; runs without the GIL.
fn load(input: Input) -> Result<Topology, Failure> {
    match input {
        Input::Bytes(bytes) => from_bytes(&bytes),
        Input::Value(value) => {
            let text = serde_json::to_vec(&value).unwrap_or_default();
            Topology::from_json(&text).map_err(|mut error| {
                // Positions would point into JSON text the caller never saw.
                for e in &mut error.errors {
                    e.line = None;
                    e.column = None;
                }
                Failure::new(error, Some(value))
            })
        }
        Input::File(path, name) => {
            let bytes = std::fs::read(&path).map_err(|error| {
                let reason = match error.kind() {
                    std::io::ErrorKind::NotFound => "no such file".to_owned(),
                    std::io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                    _ => error.to_string(),
                };
                Failure::new(TopologyError::unreadable(&name, &reason), None)
            })?;
            from_bytes(&bytes).map_err(|mut failure| {
                failure.error = failure.error.in_file(&name);
                failure
            })
        }
    }
}

fn from_bytes(bytes: &[u8]) -> Result<Topology, Failure> {
    Topology::from_json(bytes).map_err(|error| {
        let text = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        Failure::new(error, serde_json::from_slice(text).ok())
    })
}

/// `{"PAIR-009": "error", "SQL": "info"}` as severity overrides, in order.
fn severities(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Vec<(Selector, Severity)>> {
    let mapping = value.cast::<PyMapping>().map_err(|_| {
        PyTypeError::new_err(format!(
            "severity must be a mapping of rule IDs or families to levels, not {}",
            type_name(value)
        ))
    })?;
    let mut overrides = Vec::new();
    for item in mapping.items()?.iter() {
        let (selector, level): (String, String) = item.extract()?;
        let severity = token(py, "severity", &level, Severity::ALL, Severity::as_str)?;
        overrides.push((selector_of(py, &selector)?, severity));
    }
    Ok(overrides)
}

/// `[{"rule": "PAIR-009", "subject": "pool.contoso.com", "reason": "..."}]` as suppressions.
fn suppressions(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Vec<Suppression>> {
    if value.cast::<PyMapping>().is_ok() || value.cast::<PyString>().is_ok() {
        return Err(PyTypeError::new_err(
            "suppress must be a list of dicts with `rule`, `reason` and optionally `subject`",
        ));
    }
    let mut list = Vec::new();
    for item in value.try_iter()? {
        let item = item?;
        let mapping = item.cast::<PyMapping>().map_err(|_| {
            PyTypeError::new_err(format!(
                "a suppression must be a dict with `rule`, `reason` and optionally `subject`, not {}",
                type_name(&item)
            ))
        })?;
        let (mut rule, mut subject, mut reason) = (None, None, None);
        for entry in mapping.items()?.iter() {
            let (key, value): (String, Option<String>) = entry.extract()?;
            match key.as_str() {
                "rule" => rule = value,
                "subject" => subject = value,
                "reason" => reason = value,
                _ => {
                    return Err(argument_error(
                        py,
                        format!(
                            "unknown key `{key}` in a suppression (expected `rule`, `subject`, `reason`)"
                        ),
                    ));
                }
            }
        }
        let rule = rule.ok_or_else(|| argument_error(py, "a suppression needs a `rule`".into()))?;
        let reason = reason
            .filter(|reason| !reason.trim().is_empty())
            .ok_or_else(|| {
                argument_error(py, format!("the suppression of `{rule}` needs a `reason`"))
            })?;
        list.push(Suppression {
            selector: selector_of(py, &rule)?,
            subject,
            reason,
        });
    }
    Ok(list)
}

fn selector_of(py: Python<'_>, text: &str) -> PyResult<Selector> {
    Selector::parse(text).ok_or_else(|| {
        let families: Vec<&str> = hadr_rules::tokens::Family::ALL
            .iter()
            .map(|f| f.as_str())
            .collect();
        argument_error(
            py,
            format!(
                "`{text}` is neither a rule ID nor a family ({})",
                families.join(", ")
            ),
        )
    })
}

/// Every token of the enumerations the API takes or returns, for the test that keeps the
/// literal types of `hadr_rules._types` in step with the engine.
#[pyfunction]
fn _tokens() -> Vec<(&'static str, Vec<&'static str>)> {
    use hadr_rules::tokens::{Family, HaMode, Os, Product, SqlEdition, SqlVersion};
    vec![
        (
            "Severity",
            Severity::ALL.iter().map(|t| t.as_str()).collect(),
        ),
        ("Product", Product::ALL.iter().map(|t| t.as_str()).collect()),
        ("HaMode", HaMode::ALL.iter().map(|t| t.as_str()).collect()),
        (
            "SqlVersion",
            SqlVersion::ALL.iter().map(|t| t.as_str()).collect(),
        ),
        (
            "SqlEdition",
            SqlEdition::ALL.iter().map(|t| t.as_str()).collect(),
        ),
        ("Family", Family::ALL.iter().map(|t| t.as_str()).collect()),
        ("Os", Os::ALL.iter().map(|t| t.as_str()).collect()),
    ]
}

/// The private extension of the `hadr_rules` package.
#[pymodule]
fn _hadr_rules(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("RULESET", hadr_rules::RULESET)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(registry::rules, m)?)?;
    m.add_function(wrap_pyfunction!(registry::rule, m)?)?;
    m.add_function(wrap_pyfunction!(registry::explain, m)?)?;
    m.add_function(wrap_pyfunction!(support::back_end_support, m)?)?;
    m.add_function(wrap_pyfunction!(support::sql_versions, m)?)?;
    m.add_function(wrap_pyfunction!(support::os_versions, m)?)?;
    m.add_function(wrap_pyfunction!(support::first_start_quorum, m)?)?;
    m.add_function(wrap_pyfunction!(support::functional_quorum, m)?)?;
    m.add_class::<PyReport>()?;
    m.add_class::<report::PyDiagnostic>()?;
    m.add_class::<registry::PyRuleInfo>()?;
    m.add_class::<support::PyBackEndSupport>()?;
    m.add_class::<support::PyQuorum>()?;
    m.add_class::<support::PyQuorumCondition>()?;
    Ok(())
}
