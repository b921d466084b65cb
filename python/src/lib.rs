//! Python bindings of the hadr-rules engine: the private extension `hadr_rules._hadr_rules`
//! that the `hadr_rules` package re-exports.
//!
//! Only conversions live here: every rule, matrix and message comes from the core crate.

mod arguments;
mod baseline;
mod config;
mod convert;
mod errors;
mod importer;
mod input;
mod lifecycle;
mod registry;
mod report;
mod simulate;
mod support;

use hadr_rules::tokens::Severity;
use hadr_rules::{Limits, Options, Selector, Suppression};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyString};

use crate::convert::type_name;
use crate::errors::{argument_error, token, topology_error};
use crate::input::Role;
use crate::report::PyReport;

/// Check a topology and return its report.
///
/// `topology` is JSON text (`str` or `bytes`), a dict shaped like the topology format, topology
/// XML (`str` or `bytes`), a `.tbxml` file or an `Export-CsConfiguration` zip (`bytes`), or a
/// path (`os.PathLike`) to any of them; the form is told from the content. `facts` (a dict, JSON
/// text or a path) completes imported XML. `as_of` (`YYYY-MM-DD` or a `datetime.date`) is the day
/// the lifecycle rules judge on, today (UTC) by default; `approaching_months` (default 12) is
/// how far ahead LIFE-002 looks. `target_product="sfbse"` checks the topology as if every pool
/// were moved to Subscription Edition (readiness). `config` is a `hadr-rules.toml` (TOML text or a
/// path) whose settings the keyword arguments override (`docs/config.md`). Raises
/// `TopologyError` when it cannot be read. The GIL is released while the engine reads and
/// checks the topology.
#[pyfunction]
#[pyo3(signature = (
    topology,
    *,
    fail_level = None,
    allow_basic_ag_on_standard = false,
    severity = None,
    suppress = None,
    select = None,
    ignore = None,
    fail_on_not_evaluated = false,
    facts = None,
    max_document_bytes = None,
    max_entities = None,
    as_of = None,
    approaching_months = None,
    target_product = None,
    config = None,
))]
// `fail_level` is read by `arguments::fail_level`, whose default pyo3 shows as `...`.
#[pyo3(
    text_signature = "(topology, *, fail_level=None, allow_basic_ag_on_standard=False, \
                      severity=None, suppress=None, select=None, ignore=None, \
                      fail_on_not_evaluated=False, facts=None, max_document_bytes=None, \
                      max_entities=None, as_of=None, approaching_months=None, \
                      target_product=None, config=None)"
)]
#[allow(
    clippy::too_many_arguments,
    reason = "a Python function with keyword-only options"
)]
fn check(
    py: Python<'_>,
    topology: &Bound<'_, PyAny>,
    #[pyo3(from_py_with = arguments::fail_level)] fail_level: Option<String>,
    allow_basic_ag_on_standard: bool,
    severity: Option<&Bound<'_, PyAny>>,
    suppress: Option<&Bound<'_, PyAny>>,
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
    fail_on_not_evaluated: bool,
    facts: Option<&Bound<'_, PyAny>>,
    #[pyo3(from_py_with = arguments::max_document_bytes)] max_document_bytes: Option<usize>,
    #[pyo3(from_py_with = arguments::max_entities)] max_entities: Option<usize>,
    as_of: Option<&Bound<'_, PyAny>>,
    approaching_months: Option<u32>,
    target_product: Option<&str>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    let config = config::load(py, config)?;
    let limits = Limits::with(
        max_document_bytes.or(config.max_document_size),
        max_entities.or(config.max_entities),
    );
    let level = match fail_level {
        Some(level) => token(py, "fail level", &level, Severity::ALL, Severity::as_str)?,
        None => config.fail_level.unwrap_or(Severity::Error),
    };
    let fail_on_not_evaluated =
        fail_on_not_evaluated || config.fail_on_not_evaluated.unwrap_or(false);
    // Today is fixed once, before the engine runs.
    let as_of = as_of
        .map(|value| lifecycle::date(py, value))
        .transpose()?
        .or(config.as_of)
        .unwrap_or_else(hadr_rules::lifecycle::today);
    let (mut suppressed, expired) = config.suppressions(as_of);
    config::warn(py, &expired)?;
    if let Some(s) = suppress {
        suppressed.extend(suppressions(py, s)?);
    }
    let mut overrides = config.severity.clone();
    if let Some(s) = severity {
        overrides.extend(severities(py, s)?);
    }
    let facts_path = config
        .facts
        .clone()
        .map(|path| path.into_pyobject(py))
        .transpose()?;
    let facts = facts.filter(|f| !f.is_none()).or(facts_path.as_ref());
    let options = Options {
        allow_basic_ag_on_standard: allow_basic_ag_on_standard
            || config.allow_basic_ag_on_standard.unwrap_or(false),
        select: match select {
            Some(select) => selectors(py, "select", Some(select))?,
            None => config.select.clone().unwrap_or_default(),
        },
        ignore: match ignore {
            Some(ignore) => selectors(py, "ignore", Some(ignore))?,
            None => config.ignore.clone().unwrap_or_default(),
        },
        severity: overrides,
        suppress: suppressed,
        as_of: Some(as_of),
        approaching_months: approaching_months.or(config.approaching_months),
        target_product: target_product
            .map(|product| match product {
                "sfbse" => Ok(hadr_rules::tokens::Product::SfbSe),
                other => Err(argument_error(
                    py,
                    format!(
                        "`{other}` is not a target product: readiness is checked for `sfbse` (Skype for Business Server Subscription Edition)"
                    ),
                )),
            })
            .transpose()?
            .or(config.target_product),
    };
    let (topology, facts) = match input::arguments(topology, facts, Role::Topology, &limits)? {
        Ok(arguments) => arguments,
        Err(failure) => return Err(topology_error(py, &failure)),
    };
    // Reading, importing, resolving and checking need no Python object: other threads run
    // meanwhile.
    let file = topology.file_name().map(str::to_owned);
    let result = py.detach(move || {
        let facts = facts.map(|f| input::facts(f, &limits)).transpose()?;
        input::read(topology, facts.as_ref(), &limits).map(|import| {
            let report = hadr_rules::check(&import.topology, &options);
            (report, import)
        })
    });
    match result {
        Ok((report, import)) => {
            Ok(PyReport::new(report, level, fail_on_not_evaluated).with_topology(file, import))
        }
        Err(failure) => Err(topology_error(py, &failure)),
    }
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
    Selector::parse(text).map_err(|error| argument_error(py, error.to_string()))
}

/// `select=["PAIR", "BE-002"]` (or one string, comma-separated) as selectors.
fn selectors(
    py: Python<'_>,
    name: &str,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Selector>> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let texts: Vec<String> = if let Ok(text) = value.extract::<String>() {
        text.split(',').map(str::to_owned).collect()
    } else {
        value
            .try_iter()
            .and_then(|items| items.map(|item| item?.extract::<String>()).collect())
            .map_err(|_| {
                PyTypeError::new_err(format!(
                    "{name} must be a list of rule IDs or families, not {}",
                    type_name(value)
                ))
            })?
    };
    texts.iter().map(|text| selector_of(py, text)).collect()
}

/// Every token of the enumerations the API takes or returns, for the test that keeps the
/// literal types of `hadr_rules._types` in step with the engine.
#[pyfunction]
fn _tokens() -> Vec<(&'static str, Vec<String>)> {
    use hadr_rules::tokens::{Family, HaMode, Os, Product, SqlEdition, SqlVersion};
    fn strings<T: Copy>(all: &[T], as_str: impl Fn(T) -> &'static str) -> Vec<String> {
        all.iter().map(|t| as_str(*t).to_owned()).collect()
    }
    vec![
        ("Severity", strings(Severity::ALL, Severity::as_str)),
        ("Product", strings(Product::ALL, Product::as_str)),
        ("HaMode", strings(HaMode::ALL, HaMode::as_str)),
        ("SqlVersion", strings(SqlVersion::ALL, SqlVersion::as_str)),
        ("SqlEdition", strings(SqlEdition::ALL, SqlEdition::as_str)),
        ("Family", strings(Family::ALL, Family::as_str)),
        ("Os", strings(Os::ALL, Os::as_str)),
        (
            "ImportWarningKind",
            strings(&importer::WARNING_KINDS, |kind| kind.as_str()),
        ),
        ("PoolState", simulate::tokens(&simulate::STATES)),
        ("BackEndState", simulate::tokens(&simulate::BACK_END_STATES)),
        (
            "RecoveryAction",
            simulate::tokens(&simulate::RECOVERY_ACTIONS),
        ),
    ]
}

/// The private extension of the `hadr_rules` package.
#[pymodule]
fn _hadr_rules(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("RULESET", hadr_rules::RULESET)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(baseline::facts_template, m)?)?;
    m.add_function(wrap_pyfunction!(importer::import_topology, m)?)?;
    m.add_function(wrap_pyfunction!(importer::import_warnings, m)?)?;
    m.add_function(wrap_pyfunction!(simulate::simulate, m)?)?;
    m.add_function(wrap_pyfunction!(_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(registry::rules, m)?)?;
    m.add_function(wrap_pyfunction!(registry::rule, m)?)?;
    m.add_function(wrap_pyfunction!(registry::explain, m)?)?;
    m.add_function(wrap_pyfunction!(support::back_end_support, m)?)?;
    m.add_function(wrap_pyfunction!(support::sql_versions, m)?)?;
    m.add_function(wrap_pyfunction!(support::os_versions, m)?)?;
    m.add_function(wrap_pyfunction!(support::first_start_quorum, m)?)?;
    m.add_function(wrap_pyfunction!(support::functional_quorum, m)?)?;
    m.add_function(wrap_pyfunction!(report::_report_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(report::_diagnostic_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(lifecycle::lifecycle_status, m)?)?;
    m.add_function(wrap_pyfunction!(lifecycle::end_of_support, m)?)?;
    m.add_function(wrap_pyfunction!(lifecycle::lifecycle_table, m)?)?;
    m.add_class::<PyReport>()?;
    m.add_class::<report::PyDiagnostic>()?;
    m.add_class::<registry::PyRuleInfo>()?;
    m.add_class::<support::PyBackEndSupport>()?;
    m.add_class::<support::PyQuorum>()?;
    m.add_class::<support::PyQuorumCondition>()?;
    Ok(())
}
