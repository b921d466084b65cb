//! `rules()`, `rule()`, `explain()` and `RuleInfo`: the rule registry.

use hadr_rules::registry::{self, Evaluation, Rule};
use hadr_rules::tokens::Family;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use serde::Serialize;

use crate::convert::to_python;
use crate::errors::{token, unknown_rule_error};

/// One rule of the catalog, with its documentation.
#[pyclass(frozen, module = "hadr_rules._hadr_rules", name = "RuleInfo")]
#[derive(Debug)]
pub struct PyRuleInfo(&'static Rule);

/// A serializable token (`kebab-case` enums of the registry) as its text.
fn text<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[pymethods]
impl PyRuleInfo {
    /// Pickles, copies and deep-copies as the catalog entry it is: `rule(id)` in the process
    /// that unpickles it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str,))> {
        let rule = py.import("hadr_rules")?.getattr("rule")?;
        Ok((rule, (self.0.id,)))
    }

    /// The catalog ID, e.g. `PAIR-001`: never reused.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id
    }

    /// Readable kebab-case name, e.g. `pair-same-edition`.
    #[getter]
    fn name(&self) -> &'static str {
        self.0.name
    }

    /// One-line title.
    #[getter]
    fn title(&self) -> &'static str {
        self.0.title
    }

    /// The family, the ID's prefix (`PAIR`, `FE`, `BE`, `WIT`, `SQL`, `OS`, `CMS`, `COEX`).
    #[getter]
    fn family(&self) -> &'static str {
        self.0.family.as_str()
    }

    /// The default severity of its findings.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity().as_str()
    }

    /// How strongly the documentation states it.
    #[getter]
    fn strength(&self) -> String {
        text(&self.0.strength)
    }

    /// The products it applies to.
    #[getter]
    fn products<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.0.products.iter().map(|p| p.as_str()))
    }

    /// Where the statement comes from: `primary`, `derived`, `secondary` or `unsourced`.
    #[getter]
    fn provenance(&self) -> String {
        text(&self.0.provenance)
    }

    /// It rests on a secondary or no source: its findings are never errors.
    #[getter]
    fn unverified(&self) -> bool {
        self.0.is_unverified()
    }

    /// Whether Topology Builder enforces it: `yes`, `no`, `partial` or `not-stated`.
    #[getter]
    fn tb_enforced(&self) -> String {
        text(&self.0.tb_enforced)
    }

    /// `checked`, `guidance` or `alias`.
    #[getter]
    fn evaluation(&self) -> &'static str {
        match self.0.evaluation {
            Evaluation::Checked => "checked",
            Evaluation::Guidance(_) => "guidance",
            Evaluation::AliasOf(_) => "alias",
        }
    }

    /// Why a guidance rule cannot be checked from a topology.
    #[getter]
    fn guidance_reason(&self) -> Option<&'static str> {
        match self.0.evaluation {
            Evaluation::Guidance(reason) => Some(reason),
            _ => None,
        }
    }

    /// The rule that reports the findings of an alias.
    #[getter]
    fn alias_of(&self) -> Option<&'static str> {
        match self.0.evaluation {
            Evaluation::AliasOf(target) => Some(target),
            _ => None,
        }
    }

    /// Documentation pages: dicts with `path`, `heading` and `url`.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let sources = self
            .0
            .sources
            .iter()
            .map(|source| {
                let dict = PyDict::new(py);
                dict.set_item("path", source.path)?;
                dict.set_item("heading", source.heading)?;
                dict.set_item("url", source.url())?;
                Ok(dict)
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, sources)
    }

    /// The learn.microsoft.com addresses of its sources.
    #[getter]
    fn references<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.0.references())
    }

    /// Its documentation: a dict with `what`, `why`, `example` and `fix`.
    #[getter]
    fn doc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("what", self.0.doc.what)?;
        dict.set_item("why", self.0.doc.why)?;
        dict.set_item("example", self.0.doc.example)?;
        dict.set_item("fix", self.0.doc.fix)?;
        Ok(dict)
    }

    /// The rule as a dict: the fields of `hadr-rules rules --format json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(self.0).unwrap_or_default();
        to_python(py, &value)
    }

    /// The rule's documentation, as `hadr_rules.explain` gives it.
    fn explain(&self) -> String {
        registry::explain(self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "RuleInfo(id='{}', name='{}', severity='{}', evaluation='{}')",
            self.0.id,
            self.0.name,
            self.0.severity(),
            self.evaluation()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyRuleInfo>()
            .is_ok_and(|other| other.get().0.id == self.0.id)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.0.id.hash(&mut hasher);
        hasher.finish()
    }
}

/// Every rule of the catalog, in catalog order; only one family's with `family`.
#[pyfunction]
#[pyo3(signature = (*, family = None))]
pub fn rules(py: Python<'_>, family: Option<&str>) -> PyResult<Vec<PyRuleInfo>> {
    let family = family
        .map(|text| {
            let upper = text.to_uppercase();
            token(py, "family", &upper, Family::ALL, Family::as_str)
        })
        .transpose()?;
    Ok(registry::rules()
        .iter()
        .filter(|rule| family.is_none_or(|family| rule.family == family))
        .map(PyRuleInfo)
        .collect())
}

/// The rule with this ID (case-insensitive); `UnknownRuleError` when there is none.
#[pyfunction]
pub fn rule(py: Python<'_>, rule_id: &str) -> PyResult<PyRuleInfo> {
    find(py, rule_id).map(PyRuleInfo)
}

/// The documentation of a rule, as `hadr-rules explain ID` prints it.
#[pyfunction]
pub fn explain(py: Python<'_>, rule_id: &str) -> PyResult<String> {
    find(py, rule_id).map(registry::explain)
}

fn find(py: Python<'_>, rule_id: &str) -> PyResult<&'static Rule> {
    registry::rule(rule_id).ok_or_else(|| {
        let near = registry::suggest(rule_id)
            .map(|id| format!(": did you mean `{id}`?"))
            .unwrap_or_default();
        unknown_rule_error(py, format!("no rule `{rule_id}` in the catalog{near}"))
    })
}
