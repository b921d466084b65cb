//! `simulate`: what every pool lives through when servers, SQL nodes, witnesses, file stores,
//! sites or data centers fail, as `hadr-rules simulate --format json` prints it.

use hadr_rules::Limits;
use hadr_rules::simulate::{BackEndState, RecoveryAction, Request, State};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMapping, PyString};
use serde::Serialize;

use crate::convert::{to_python, type_name};
use crate::errors::{Failure, argument_error, topology_error};
use crate::input::{self, Input, Role};

const FAILED_TYPE: &str = "failed must be a list of names or a list of lists of names";

/// Simulate failures in a topology and return the simulation as a dict.
///
/// `topology` is read as `check` reads it (JSON text or a dict, topology XML, a `.tbxml` file or
/// an `Export-CsConfiguration` zip, or a path), with `facts` for XML. `failed` is a list of
/// names failing together (one scenario) or a list of such lists (one scenario each): sites,
/// data centers, pools, servers, SQL hosts, SQL stores or file stores, matched without case.
/// `all_single` adds every single failure, `sites` the loss of each site and data center; with
/// no scenario and neither flag, both run. Raises `TopologyError` when the topology cannot be
/// read or a name is unknown (`unknown_entity`). The GIL is released while simulating.
#[pyfunction]
#[pyo3(signature = (
    topology,
    *,
    failed = None,
    all_single = false,
    sites = false,
    facts = None,
    max_document_bytes = None,
    max_entities = None,
))]
#[allow(
    clippy::too_many_arguments,
    reason = "a Python function with keyword-only options"
)]
pub fn simulate<'py>(
    py: Python<'py>,
    topology: &Bound<'py, PyAny>,
    failed: Option<&Bound<'py, PyAny>>,
    all_single: bool,
    sites: bool,
    facts: Option<&Bound<'py, PyAny>>,
    #[pyo3(from_py_with = crate::arguments::max_document_bytes)] max_document_bytes: Option<usize>,
    #[pyo3(from_py_with = crate::arguments::max_entities)] max_entities: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let limits = Limits::with(max_document_bytes, max_entities);
    let fail = match failed.filter(|failed| !failed.is_none()) {
        Some(failed) => scenarios(failed)?,
        None => Vec::new(),
    };
    // As `hadr-rules simulate` without `--fail`, `--all-single` or `--sites`.
    let nothing_asked = fail.is_empty() && !all_single && !sites;
    let request = Request {
        fail,
        all_single: all_single || nothing_asked,
        sites: sites || nothing_asked,
    };
    let (topology, facts) = match input::arguments(topology, facts, Role::Topology, &limits)? {
        Ok(arguments) => arguments,
        Err(failure) => return Err(topology_error(py, &failure)),
    };
    let file = match &topology {
        Input::File(_, name) => Some(name.clone()),
        Input::Bytes(_) | Input::Value(_) => None,
    };
    let simulation = py
        .detach(move || {
            let facts = facts.map(|f| input::facts(f, &limits)).transpose()?;
            let topology = input::topology(topology, facts.as_ref(), &limits)?;
            let simulation =
                hadr_rules::simulate::simulate(&topology, &request).map_err(|error| {
                    // As the command line: an unknown name is an error of the file.
                    let error = match &file {
                        Some(file) => error.in_file(file),
                        None => error,
                    };
                    Failure::new(error, None)
                })?;
            Ok(serde_json::to_value(&simulation).unwrap_or_default())
        })
        .map_err(|failure| topology_error(py, &failure))?;
    to_python(py, &simulation)
}

/// `["a", "b"]` as one scenario, `[["a"], ["b", "c"]]` as one scenario each, names trimmed;
/// `[]` is no scenario. A blank name or an empty list of names is an `ArgumentError`.
fn scenarios(failed: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<String>>> {
    if is_text_or_mapping(failed) {
        return Err(PyTypeError::new_err(format!(
            "{FAILED_TYPE}, not {}",
            type_name(failed)
        )));
    }
    let mut names = Vec::new();
    let mut lists = Vec::new();
    for item in failed
        .try_iter()
        .map_err(|_| PyTypeError::new_err(format!("{FAILED_TYPE}, not {}", type_name(failed))))?
    {
        let item = item?;
        if let Ok(name) = item.cast::<PyString>() {
            names.push(name.to_cow()?.into_owned());
        } else {
            let wrong_item = || {
                PyTypeError::new_err(format!(
                    "{FAILED_TYPE}: an item of failed must be a str or a list of str, not {}",
                    type_name(&item)
                ))
            };
            if is_text_or_mapping(&item) {
                return Err(wrong_item());
            }
            let mut scenario = Vec::new();
            for name in item.try_iter().map_err(|_| wrong_item())? {
                let name = name?;
                let Ok(name) = name.cast::<PyString>() else {
                    return Err(PyTypeError::new_err(format!(
                        "{FAILED_TYPE}: a name must be a str, not {}",
                        type_name(&name)
                    )));
                };
                scenario.push(name.to_cow()?.into_owned());
            }
            lists.push(scenario);
        }
    }
    if !names.is_empty() && !lists.is_empty() {
        return Err(PyTypeError::new_err(format!(
            "{FAILED_TYPE}, not a mix of names and lists"
        )));
    }
    // As in every interface, a blank name or an empty scenario names nothing to fail.
    if lists.iter().any(Vec::is_empty) {
        return Err(argument_error(
            failed.py(),
            "failed holds an empty list of names (expected at least one name in each list)"
                .to_owned(),
        ));
    }
    if lists.is_empty() && !names.is_empty() {
        lists.push(names);
    }
    for scenario in &mut lists {
        for name in scenario.iter_mut() {
            let trimmed = name.trim();
            if trimmed.is_empty() {
                return Err(argument_error(
                    failed.py(),
                    format!("failed holds an empty name `{name}` (expected entity names)"),
                ));
            }
            *name = trimmed.to_owned();
        }
    }
    Ok(lists)
}

fn is_text_or_mapping(object: &Bound<'_, PyAny>) -> bool {
    object.cast::<PyString>().is_ok()
        || object.cast::<PyBytes>().is_ok()
        || object.cast::<PyByteArray>().is_ok()
        || object.cast::<PyMapping>().is_ok()
}

/// Every pool state, for the test that keeps `PoolState` in step.
pub const STATES: [State; 3] = [State::Up, State::Degraded, State::Down];

/// Every back-end state, for the test that keeps `BackEndState` in step.
pub const BACK_END_STATES: [BackEndState; 5] = [
    BackEndState::NotApplicable,
    BackEndState::Available,
    BackEndState::AutomaticFailover,
    BackEndState::ManualFailoverNeeded,
    BackEndState::Unavailable,
];

/// Every recovery action, for the test that keeps `RecoveryAction` in step.
pub const RECOVERY_ACTIONS: [RecoveryAction; 8] = [
    RecoveryAction::None,
    RecoveryAction::Automatic,
    RecoveryAction::ManualBackEndFailover,
    RecoveryAction::CheckFabricState,
    RecoveryAction::QuorumLossRecovery,
    RecoveryAction::PoolFailover,
    RecoveryAction::Restore,
    RecoveryAction::EdgeFailover,
];

/// The JSON token of each value.
pub fn tokens<T: Serialize>(values: &[T]) -> Vec<String> {
    values
        .iter()
        .map(|value| match serde_json::to_value(value) {
            Ok(serde_json::Value::String(token)) => token,
            _ => String::new(),
        })
        .collect()
}

/// Stops the build when the core adds a state, back-end state or action the lists above lack.
const fn _every_token_is_listed(state: State, back_end: BackEndState, action: RecoveryAction) {
    match state {
        State::Up | State::Degraded | State::Down => {}
    }
    match back_end {
        BackEndState::NotApplicable
        | BackEndState::Available
        | BackEndState::AutomaticFailover
        | BackEndState::ManualFailoverNeeded
        | BackEndState::Unavailable => {}
    }
    match action {
        RecoveryAction::None
        | RecoveryAction::Automatic
        | RecoveryAction::ManualBackEndFailover
        | RecoveryAction::CheckFabricState
        | RecoveryAction::QuorumLossRecovery
        | RecoveryAction::PoolFailover
        | RecoveryAction::Restore
        | RecoveryAction::EdgeFailover => {}
    }
}
