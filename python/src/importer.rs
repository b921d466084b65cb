//! `import_topology` and `import_warnings`: the XML importer of the core, as `hadr-rules import`
//! runs it.

use hadr_rules::import::{Import, WarningKind};
use hadr_rules::{Limits, Topology};
use pyo3::prelude::*;
use serde_json::Value;

use crate::convert::to_python;
use crate::errors::{Failure, topology_error};
use crate::input::{self, Role};

/// Import topology XML and return the format-1 document as a dict.
///
/// `source` is topology XML (`str` or `bytes`), a `.tbxml` file or an `Export-CsConfiguration`
/// zip (`bytes`), or a path (`os.PathLike`) to one of them; the form is told from the content.
/// `facts` (a dict, JSON text or a path) supplies what the XML does not hold. With `anonymize`,
/// host names, domains, addresses and ids are replaced consistently. Raises `TopologyError`
/// when the input cannot be imported. The GIL is released while importing.
#[pyfunction]
#[pyo3(signature = (source, *, facts = None, anonymize = false))]
pub fn import_topology<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    facts: Option<&Bound<'py, PyAny>>,
    anonymize: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let document = run(py, source, facts, move |import| {
        if !anonymize {
            return Ok(document_value(import.document()));
        }
        // As `hadr-rules import --anonymize`: the anonymized document must still resolve.
        let anonymous = hadr_rules::import::anonymize(import.document());
        let topology = Topology::from_document(anonymous).map_err(|e| Failure::new(e, None))?;
        Ok(document_value(topology.document()))
    })?;
    to_python(py, &document)
}

/// The warnings of importing topology XML, as `hadr-rules import` prints them: a list of
/// `{"kind", "path", "line", "message"}` dicts (`line` only when known), in document order.
///
/// Takes the same `source` and `facts` as `import_topology` and raises the same errors.
#[pyfunction]
#[pyo3(signature = (source, *, facts = None))]
pub fn import_warnings<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    facts: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let warnings = run(py, source, facts, |import| {
        Ok(serde_json::to_value(&import.warnings).unwrap_or_default())
    })?;
    to_python(py, &warnings)
}

/// Copies the arguments, imports without the GIL and turns the import into a JSON value.
fn run(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    facts: Option<&Bound<'_, PyAny>>,
    finish: impl FnOnce(Import) -> Result<Value, Failure> + Send,
) -> PyResult<Value> {
    let (source, facts) = match input::arguments(source, facts, Role::Source, &Limits::default())? {
        Ok(arguments) => arguments,
        Err(failure) => return Err(topology_error(py, &failure)),
    };
    py.detach(move || {
        let facts = facts
            .map(|f| input::facts(f, &Limits::default()))
            .transpose()?;
        finish(input::import(source, facts.as_ref())?)
    })
    .map_err(|failure| topology_error(py, &failure))
}

fn document_value(document: &hadr_rules::document::Document) -> Value {
    serde_json::to_value(document).unwrap_or_default()
}

/// Every kind of import warning, for the test that keeps `ImportWarningKind` in step.
pub const WARNING_KINDS: [WarningKind; 9] = [
    WarningKind::PlaceholderAddress,
    WarningKind::NotFullyQualified,
    WarningKind::Assumed,
    WarningKind::Unverified,
    WarningKind::UnknownElement,
    WarningKind::NoCms,
    WarningKind::SkippedCluster,
    WarningKind::MixedVersions,
    WarningKind::UnusedFact,
];

/// Stops the build when the core adds a kind that `WARNING_KINDS` lacks.
const fn _every_warning_kind_is_listed(kind: WarningKind) {
    match kind {
        WarningKind::PlaceholderAddress
        | WarningKind::NotFullyQualified
        | WarningKind::Assumed
        | WarningKind::Unverified
        | WarningKind::UnknownElement
        | WarningKind::NoCms
        | WarningKind::SkippedCluster
        | WarningKind::MixedVersions
        | WarningKind::UnusedFact => {}
    }
}
