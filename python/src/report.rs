//! `Report` and `Diagnostic`: frozen views of the engine's report.

use std::collections::hash_map::DefaultHasher;
use std::fmt::Write;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use hadr_rules::baseline::Baseline;
use hadr_rules::import::Import;
use hadr_rules::output::{self, Checked};
use hadr_rules::tokens::Severity;
use hadr_rules::{Diagnostic, Report};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyIterator, PyList, PyString, PyTuple};

use crate::convert::to_python;

/// How many findings `repr(report)` lists before it stops.
const REPR_LINES: usize = 40;

/// The topology a report was checked from.
#[derive(Debug)]
struct CheckedTopology {
    /// The path it was read from, if it was.
    file: Option<String>,
    import: Import,
}

/// What a pickled report holds: its JSON, fail level and whether it fails on not-evaluated.
type ReportState = (String, &'static str, bool);

/// What a check of one topology found.
#[pyclass(frozen, module = "hadr_rules._hadr_rules", name = "Report")]
pub struct PyReport {
    report: Arc<Report>,
    fail_level: Severity,
    fail_on_not_evaluated: bool,
    /// The checked topology and its file name, for the SARIF locations and the HTML page; absent
    /// in a report restored from its JSON.
    checked: Option<Arc<CheckedTopology>>,
    /// The `Diagnostic` objects, made on first use.
    diagnostics: PyOnceLock<Py<PyTuple>>,
}

impl std::fmt::Debug for PyReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Report")
            .field("report", &self.report)
            .field("fail_level", &self.fail_level)
            .finish_non_exhaustive()
    }
}

impl PyReport {
    /// A report judged against `fail_level`.
    pub fn new(report: Report, fail_level: Severity, fail_on_not_evaluated: bool) -> Self {
        PyReport {
            report: Arc::new(report),
            fail_level,
            fail_on_not_evaluated,
            checked: None,
            diagnostics: PyOnceLock::new(),
        }
    }

    /// The report of `import`, read from `file` (a path) or from text, bytes or a dict.
    pub fn with_topology(mut self, file: Option<String>, import: Import) -> Self {
        self.checked = Some(Arc::new(CheckedTopology { file, import }));
        self
    }

    /// The file name the outputs show: the argument, else the path checked, else `-`.
    fn file_name<'a>(&'a self, file: Option<&'a str>) -> &'a str {
        file.or_else(|| self.checked.as_ref()?.file.as_deref())
            .unwrap_or("-")
    }

    /// The report as the outputs see it, with the XML sources of an imported topology.
    fn checked<'a>(&'a self, file: &'a str) -> Checked<'a> {
        match &self.checked {
            Some(checked) => Checked::new(file, &self.report, &checked.import),
            None => Checked::of_json(file, &self.report),
        }
    }

    fn all<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        self.diagnostics
            .get_or_try_init(py, || {
                let items = (0..self.report.diagnostics.len())
                    .map(|index| {
                        let report = Arc::clone(&self.report);
                        Py::new(py, PyDiagnostic { report, index })
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(PyTuple::new(py, items)?.unbind())
            })
            .map(|tuple| tuple.bind(py))
    }

    /// The diagnostics for which `keep` holds, as a new list.
    fn select<'py>(
        &self,
        py: Python<'py>,
        keep: impl Fn(&Diagnostic) -> bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let all = self.all(py)?;
        let list = PyList::empty(py);
        for (item, diagnostic) in all.iter().zip(&self.report.diagnostics) {
            if keep(diagnostic) {
                list.append(item)?;
            }
        }
        Ok(list)
    }

    fn counted(diagnostic: &Diagnostic, severity: Severity) -> bool {
        diagnostic.severity == severity
            && diagnostic.suppressed.is_none()
            && !diagnostic.not_evaluated
    }
}

#[pymethods]
impl PyReport {
    /// Every finding, sorted by severity (error first), rule ID and subject.
    #[getter]
    fn diagnostics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.select(py, |_| true)
    }

    /// The errors that count: neither suppressed nor not evaluated.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.select(py, |d| Self::counted(d, Severity::Error))
    }

    /// The warnings that count: neither suppressed nor not evaluated.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.select(py, |d| Self::counted(d, Severity::Warning))
    }

    /// The infos that count: neither suppressed nor not evaluated.
    #[getter]
    fn infos<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.select(py, |d| Self::counted(d, Severity::Info))
    }

    /// The rules that could not run for a subject for lack of a fact.
    #[getter]
    fn not_evaluated<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.select(py, |d| d.suppressed.is_none() && d.not_evaluated)
    }

    /// The findings silenced by a suppression.
    #[getter]
    fn suppressed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.select(py, |d| d.suppressed.is_some())
    }

    /// Counts: `error`, `warning`, `info`, `not_evaluated`, `suppressed`.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let summary = self.report.summary;
        let dict = PyDict::new(py);
        dict.set_item("error", summary.error)?;
        dict.set_item("warning", summary.warning)?;
        dict.set_item("info", summary.info)?;
        dict.set_item("not_evaluated", summary.not_evaluated)?;
        dict.set_item("suppressed", summary.suppressed)?;
        Ok(dict)
    }

    /// No finding at or above the fail level (suppressed and not-evaluated ones aside), and,
    /// when checked with `fail_on_not_evaluated=True`, no rule left unevaluated.
    #[getter]
    fn ok(&self) -> bool {
        !(self.report.fails(self.fail_level)
            || (self.fail_on_not_evaluated && self.report.has_not_evaluated()))
    }

    /// The fail level the report was checked with.
    #[getter]
    fn fail_level(&self) -> &'static str {
        self.fail_level.as_str()
    }

    /// The day the lifecycle rules judged the topology on (`YYYY-MM-DD`); None when none ran.
    #[getter]
    fn check_date(&self) -> Option<String> {
        self.report.check_date.map(|date| date.to_string())
    }

    /// The product every pool was moved to before the check (readiness); None otherwise.
    #[getter]
    fn target_product(&self) -> Option<&'static str> {
        self.report.target_product.map(|product| product.as_str())
    }

    /// The rule-set version.
    #[getter]
    fn ruleset(&self) -> &'static str {
        self.report.ruleset
    }

    /// The report format, always `1`.
    #[getter]
    fn format(&self) -> u32 {
        self.report.format
    }

    /// Pickles through its JSON, with the fail level it was checked with; copies are itself
    /// (a report is immutable).
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, ReportState)> {
        let load = py
            .import("hadr_rules._hadr_rules")?
            .getattr("_report_from_json")?;
        Ok((
            load,
            (
                self.report.to_json(),
                self.fail_level.as_str(),
                self.fail_on_not_evaluated,
            ),
        ))
    }

    fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }

    /// The report as JSON: the bytes of `hadr-rules check --format json`.
    fn to_json(&self) -> String {
        self.report.to_json()
    }

    /// The report as a SARIF 2.1.0 log: the bytes of `hadr-rules check FILE --format sarif`.
    #[pyo3(signature = (file=None))]
    fn to_sarif(&self, py: Python<'_>, file: Option<&str>) -> String {
        let file = self.file_name(file);
        py.detach(|| output::sarif(&[self.checked(file)]))
    }

    /// The report as JUnit XML, failing at the report's fail level: the bytes of
    /// `hadr-rules check FILE --format junit`.
    #[pyo3(signature = (file=None))]
    fn to_junit(&self, py: Python<'_>, file: Option<&str>) -> String {
        let file = self.file_name(file);
        py.detach(|| output::junit(&[self.checked(file)], self.fail_level))
    }

    /// The report as one self-contained HTML page with a diagram of the topology, and the
    /// failure scenarios when `simulate` is true: the bytes of `hadr-rules check FILE --format
    /// html [--simulate]`.
    #[pyo3(signature = (file=None, simulate=false))]
    fn to_html(&self, py: Python<'_>, file: Option<&str>, simulate: bool) -> PyResult<String> {
        let Some(checked) = &self.checked else {
            return Err(PyValueError::new_err(
                "this report was restored from its JSON and holds no topology to draw: check the topology again",
            ));
        };
        let file = self.file_name(file);
        let topology = &checked.import.topology;
        py.detach(|| {
            let simulation = simulate
                .then(|| {
                    hadr_rules::simulate::simulate(topology, &hadr_rules::simulate::Request::REPORT)
                })
                .transpose()
                .map_err(|error| PyValueError::new_err(error.to_string()))?;
            Ok(output::html(
                &self.checked(file),
                topology,
                self.fail_level,
                simulation.as_ref(),
            ))
        })
    }

    /// The report as a dict shaped like its JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&*self.report).unwrap_or_default();
        to_python(py, &value)
    }

    /// The baseline of the report's findings, as the JSON of `hadr-rules check
    /// --write-baseline` (`docs/baselines.md`).
    fn to_baseline(&self) -> String {
        Baseline::of(&self.report).to_json()
    }

    /// The report without the findings `baseline` knows (JSON text, bytes or a path), how many
    /// it hid, and the baseline's entries that no finding matched.
    fn apply_baseline<'py>(
        &self,
        py: Python<'py>,
        baseline: &Bound<'py, PyAny>,
    ) -> PyResult<(PyReport, usize, Bound<'py, PyList>)> {
        let baseline = crate::baseline::read(py, baseline)?;
        let mut report = (*self.report).clone();
        let outcome = baseline.apply(&mut report);
        let unmatched = PyList::empty(py);
        for entry in &outcome.unmatched {
            let dict = PyDict::new(py);
            dict.set_item("rule", &entry.rule)?;
            dict.set_item("subject", &entry.subject)?;
            dict.set_item("fingerprint", &entry.fingerprint)?;
            dict.set_item("message", &entry.message)?;
            unmatched.append(dict)?;
        }
        let report = PyReport::new(report, self.fail_level, self.fail_on_not_evaluated);
        Ok((report, outcome.hidden, unmatched))
    }

    fn __len__(&self) -> usize {
        self.report.diagnostics.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.all(py)?.try_iter()
    }

    fn __repr__(&self) -> String {
        let s = self.report.summary;
        let mut out = format!(
            "Report(ok={}, fail_level='{}', error={}, warning={}, info={}, not_evaluated={}, suppressed={})",
            if self.ok() { "True" } else { "False" },
            self.fail_level,
            s.error,
            s.warning,
            s.info,
            s.not_evaluated,
            s.suppressed
        );
        for d in self.report.diagnostics.iter().take(REPR_LINES) {
            let label = if d.suppressed.is_some() {
                "suppressed"
            } else if d.not_evaluated {
                "not eval"
            } else {
                d.severity.as_str()
            };
            let _ = write!(
                out,
                "\n  {label:<10} {:<9} {}: {}",
                d.rule,
                d.subject,
                d.message()
            );
        }
        let more = self.report.diagnostics.len().saturating_sub(REPR_LINES);
        if more > 0 {
            let _ = write!(out, "\n  ... and {more} more");
        }
        out
    }
}

/// One finding of a check: a view of the report it belongs to, which it shares rather than
/// copies.
#[pyclass(frozen, module = "hadr_rules._hadr_rules", name = "Diagnostic")]
#[derive(Debug)]
pub struct PyDiagnostic {
    report: Arc<Report>,
    index: usize,
}

impl PyDiagnostic {
    fn get(&self) -> PyResult<&Diagnostic> {
        self.report
            .diagnostics
            .get(self.index)
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("diagnostic index out of range"))
    }
}

#[pymethods]
impl PyDiagnostic {
    /// The rule's catalog ID, e.g. `PAIR-001`.
    #[getter]
    fn rule(&self) -> PyResult<&'static str> {
        Ok(self.get()?.rule.as_str())
    }

    /// `error`, `warning` or `info`.
    #[getter]
    fn severity(&self) -> PyResult<&'static str> {
        Ok(self.get()?.severity.as_str())
    }

    /// The entity the finding is about: a pool, server, store, site or SQL node, or `/`.
    #[getter]
    fn subject(&self) -> PyResult<&str> {
        Ok(&self.get()?.subject)
    }

    /// Other entities involved.
    #[getter]
    fn related<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.get()?.related.iter().map(|name| name.as_str()))
    }

    /// JSON Pointer into the document of the fact that triggered the finding.
    #[getter]
    fn path(&self) -> PyResult<String> {
        Ok(self.get()?.path.to_string())
    }

    /// One sentence with the concrete values.
    #[getter]
    fn message(&self) -> PyResult<String> {
        Ok(self.get()?.message().to_string())
    }

    /// What to change.
    #[getter]
    fn help(&self) -> PyResult<&str> {
        Ok(self.get()?.help())
    }

    /// The values the rule read (a new dict on every access).
    #[getter]
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.get()?.facts.to_json())
    }

    /// Documentation links.
    #[getter]
    fn references<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.get()?.references())
    }

    /// The rule could not run for the subject; `facts["missing"]` names the absent keys.
    #[getter]
    fn not_evaluated(&self) -> PyResult<bool> {
        Ok(self.get()?.not_evaluated)
    }

    /// The finding rests on a secondary or unsourced statement: never an error.
    #[getter]
    fn unverified(&self) -> PyResult<bool> {
        Ok(self.get()?.unverified)
    }

    /// The reason of the suppression that silenced the finding, else `None`.
    #[getter]
    fn suppressed(&self) -> PyResult<Option<&str>> {
        Ok(self.get()?.suppressed.as_deref())
    }

    /// Pickles through its own JSON (not its report's); copies are itself.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let load = py
            .import("hadr_rules._hadr_rules")?
            .getattr("_diagnostic_from_json")?;
        Ok((
            load,
            (serde_json::to_string(self.get()?).unwrap_or_default(),),
        ))
    }

    fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }

    /// The diagnostic as a dict shaped like its JSON in the report.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(self.get()?).unwrap_or_default();
        to_python(py, &value)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.get()?;
        let quote = |text: &str| -> PyResult<String> {
            Ok(PyString::new(py, text)
                .repr()?
                .to_string_lossy()
                .into_owned())
        };
        let mut extra = String::new();
        if d.not_evaluated {
            extra.push_str(", not_evaluated=True");
        }
        if d.unverified {
            extra.push_str(", unverified=True");
        }
        if let Some(reason) = &d.suppressed {
            extra.push_str(&format!(", suppressed={}", quote(reason)?));
        }
        Ok(format!(
            "Diagnostic(rule={}, severity={}, subject={}, path={}, message={}{extra})",
            quote(d.rule.as_str())?,
            quote(d.severity.as_str())?,
            quote(&d.subject)?,
            quote(&d.path.to_string())?,
            quote(&d.message().to_string())?,
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<PyDiagnostic>() else {
            return Ok(false);
        };
        Ok(other.get().get()? == self.get()?)
    }

    /// Hashes what identifies a finding (rule, severity, subject, path, flags), without
    /// writing it out.
    fn __hash__(&self) -> PyResult<u64> {
        let d = self.get()?;
        let mut hasher = DefaultHasher::new();
        (d.rule, d.severity.as_str(), &d.subject, d.path).hash(&mut hasher);
        (d.not_evaluated, d.unverified, &d.suppressed).hash(&mut hasher);
        Ok(hasher.finish())
    }
}

/// Unpickles a `Report` (`Report.__reduce__`).
#[pyfunction]
pub fn _report_from_json(
    json: &str,
    fail_level: &str,
    fail_on_not_evaluated: bool,
) -> PyResult<PyReport> {
    let report = Report::from_json(json)
        .map_err(|error| pyo3::exceptions::PyValueError::new_err(error.to_string()))?;
    let level = Severity::from_token(fail_level)
        .ok_or_else(|| pyo3::exceptions::PyValueError::new_err("unknown fail level"))?;
    Ok(PyReport::new(report, level, fail_on_not_evaluated))
}

/// Unpickles a `Diagnostic` (`Diagnostic.__reduce__`): a view of a report of its own.
#[pyfunction]
pub fn _diagnostic_from_json(json: &str) -> PyResult<PyDiagnostic> {
    let ruleset = hadr_rules::RULESET;
    let report = format!(r#"{{"format": 1, "ruleset": "{ruleset}", "diagnostics": [{json}]}}"#);
    let report = Report::from_json(&report)
        .map_err(|error| pyo3::exceptions::PyValueError::new_err(error.to_string()))?;
    Ok(PyDiagnostic {
        report: Arc::new(report),
        index: 0,
    })
}
