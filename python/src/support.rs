//! Support questions that need no topology: back-end support, SQL and OS versions, quorum.

use hadr_rules::matrix::quorum::{self, Needed, Quorum};
use hadr_rules::support::{self, Verdict};
use hadr_rules::tokens::{HaMode, Product, SqlEdition, SqlVersion};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::convert::to_python;
use crate::errors::{argument_error, token};

fn product(py: Python<'_>, text: &str) -> PyResult<Product> {
    token(py, "product", text, Product::ALL, Product::as_str)
}

/// The answer to "is this back end supported?".
#[pyclass(frozen, module = "hadr_rules._hadr_rules", name = "BackEndSupport")]
#[derive(Debug)]
pub struct PyBackEndSupport(&'static Verdict);

#[pymethods]
impl PyBackEndSupport {
    /// `yes`, `no` or `undocumented`.
    #[getter]
    fn support(&self) -> String {
        serde_json::to_value(self.0.support)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// `support == "yes"`.
    #[getter]
    fn supported(&self) -> bool {
        self.support() == "yes"
    }

    /// The answer rests on secondary or unsourced statements only.
    #[getter]
    fn unverified(&self) -> bool {
        self.0.unverified
    }

    /// The documentation contradicts itself (AlwaysOn on SQL Server Standard edition).
    #[getter]
    fn contested(&self) -> bool {
        self.0.contested
    }

    /// The rules the answer rests on (empty when supported).
    #[getter]
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.0.rules)
    }

    /// Why, in one sentence.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    /// The answer as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &serde_json::to_value(self.0).unwrap_or_default())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "BackEndSupport(support='{}', unverified={}, contested={}, rules={}, reason={})",
            self.support(),
            py_bool(self.0.unverified),
            py_bool(self.0.contested),
            self.rules(py)?.repr()?,
            PyString::new(py, &self.0.reason).repr()?
        ))
    }
}

fn py_bool(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

/// Whether `product` supports a back end with HA `mode` on SQL Server `version` and `edition`
/// (patch-level minimums aside).
#[pyfunction]
pub fn back_end_support(
    py: Python<'_>,
    product: &str,
    mode: &str,
    version: &str,
    edition: &str,
) -> PyResult<PyBackEndSupport> {
    let product = self::product(py, product)?;
    let mode = token(py, "HA mode", mode, HaMode::ALL, HaMode::as_str)?;
    let version = token(
        py,
        "SQL Server version",
        version,
        SqlVersion::ALL,
        SqlVersion::as_str,
    )?;
    let edition = token(
        py,
        "SQL Server edition",
        edition,
        SqlEdition::ALL,
        SqlEdition::as_str,
    )?;
    Ok(PyBackEndSupport(support::back_end_verdict(
        product, mode, version, edition,
    )))
}

/// The SQL Server versions `product` supports for its Enterprise back end.
#[pyfunction]
pub fn sql_versions(py: Python<'_>, product: &str) -> PyResult<Vec<&'static str>> {
    let product = self::product(py, product)?;
    Ok(support::sql_versions(product)
        .into_iter()
        .map(SqlVersion::as_str)
        .collect())
}

/// The Windows Server versions `product` is documented to run on for new installations.
#[pyfunction]
pub fn os_versions(py: Python<'_>, product: &str) -> PyResult<Vec<&'static str>> {
    let product = self::product(py, product)?;
    Ok(support::os_versions(product)
        .into_iter()
        .map(|os| os.as_str())
        .collect())
}

/// "Any `count` servers", or "any `count` of the first `of_first` servers" in topology order.
#[pyclass(frozen, module = "hadr_rules._hadr_rules", name = "QuorumCondition")]
#[derive(Debug)]
pub struct PyQuorumCondition(Needed);

#[pymethods]
impl PyQuorumCondition {
    /// How many servers must run.
    #[getter]
    fn count(&self) -> usize {
        self.0.count
    }

    /// Only the first this-many servers (in topology order) count, when set.
    #[getter]
    fn of_first(&self) -> Option<usize> {
        self.0.of_first
    }

    /// Whether servers running as listed (in topology order) meet the condition.
    fn met_by(&self, running: Vec<bool>) -> bool {
        self.0.met_by(&running)
    }

    fn __repr__(&self) -> String {
        match self.0.of_first {
            Some(first) => format!("QuorumCondition(count={}, of_first={first})", self.0.count),
            None => format!("QuorumCondition(count={}, of_first=None)", self.0.count),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyQuorumCondition>()
            .is_ok_and(|other| other.get().0 == self.0)
    }

    fn __hash__(&self) -> u64 {
        let first = self.0.of_first.map_or(0, |n| n as u64 + 1);
        ((self.0.count as u64) << 32) ^ first
    }
}

/// The quorum of a Front End pool of some size.
#[pyclass(frozen, module = "hadr_rules._hadr_rules", name = "Quorum")]
#[derive(Debug)]
pub struct PyQuorum(Quorum);

#[pymethods]
impl PyQuorum {
    /// `needs` (see `needed`), `not_supported` (no pool of this size for the product) or
    /// `undocumented` (the documentation gives no number).
    #[getter]
    fn status(&self) -> &'static str {
        match self.0 {
            Quorum::Needs { .. } => "needs",
            Quorum::NotSupported => "not_supported",
            Quorum::Undocumented => "undocumented",
        }
    }

    /// The conditions that must all hold (empty unless `status == "needs"`).
    #[getter]
    fn needed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let needed: &[Needed] = match &self.0 {
            Quorum::Needs { needed } => needed,
            _ => &[],
        };
        let items = needed
            .iter()
            .map(|n| Py::new(py, PyQuorumCondition(*n)))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, items)
    }

    /// Whether servers running as listed (in topology order) keep the quorum; `None` when the
    /// documentation gives no answer for this pool.
    fn met_by(&self, running: Vec<bool>) -> Option<bool> {
        match &self.0 {
            Quorum::Needs { needed } => Some(needed.iter().all(|n| n.met_by(&running))),
            _ => None,
        }
    }

    /// The answer as a dict: `{"status": ..., "needed": [{"count", "of_first"}]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &serde_json::to_value(&self.0).unwrap_or_default())
    }

    fn __repr__(&self) -> String {
        let needed: Vec<String> = match &self.0 {
            Quorum::Needs { needed } => needed
                .iter()
                .map(|n| PyQuorumCondition(*n).__repr__())
                .collect(),
            _ => Vec::new(),
        };
        format!(
            "Quorum(status='{}', needed=({}))",
            self.status(),
            match needed.len() {
                1 => format!("{},", needed.join(", ")),
                _ => needed.join(", "),
            }
        )
    }
}

fn servers(py: Python<'_>, servers: i64) -> PyResult<usize> {
    usize::try_from(servers).map_err(|_| {
        argument_error(
            py,
            format!("invalid number of servers `{servers}`: expected a non-negative integer"),
        )
    })
}

/// Servers that must run the first time a pool of `servers` Front End Servers starts.
#[pyfunction]
pub fn first_start_quorum(py: Python<'_>, product: &str, servers: i64) -> PyResult<PyQuorum> {
    let product = self::product(py, product)?;
    let servers = self::servers(py, servers)?;
    Ok(PyQuorum(quorum::first_start(product, servers)))
}

/// Servers that must run for a pool of `servers` Front End Servers to function.
#[pyfunction]
pub fn functional_quorum(py: Python<'_>, product: &str, servers: i64) -> PyResult<PyQuorum> {
    let product = self::product(py, product)?;
    let servers = self::servers(py, servers)?;
    Ok(PyQuorum(quorum::functional(product, servers)))
}
