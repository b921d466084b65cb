//! Support lifecycles without a topology, and the check date of `check(as_of=...)`.

use hadr_rules::lifecycle::{self, Date, Item};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{to_python, type_name};
use crate::errors::argument_error;

/// A date given as `"YYYY-MM-DD"` or a `datetime.date`.
pub fn date(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Date> {
    let text = if let Ok(text) = value.cast::<PyString>() {
        text.to_cow()?.into_owned()
    } else if value.hasattr("isoformat")? {
        value.call_method0("isoformat")?.extract::<String>()?
    } else {
        return Err(argument_error(
            py,
            format!(
                "a date must be `YYYY-MM-DD` text or a datetime.date, not {}",
                type_name(value)
            ),
        ));
    };
    lifecycle::parse_date(&text).map_err(|message| argument_error(py, message))
}

/// `("sql", "2016")` as an item, or `ArgumentError`.
fn item(py: Python<'_>, kind: &str, token: &str) -> PyResult<Item> {
    Item::parse(kind, token).ok_or_else(|| {
        let message = if Item::KINDS.contains(&kind) {
            format!("unknown {kind} token `{token}`")
        } else {
            format!("unknown kind `{kind}`: expected {}", Item::KINDS.join(", "))
        };
        argument_error(py, message)
    })
}

/// Where a product (`"product"`, `"sfb2019"`), SQL Server (`"sql"`, `"2016"`, with its
/// service pack) or Windows Server version (`"os"`, `"ws2019"`) stands on a date (today in UTC
/// when `on` is None): a dict with `phase`, `supported`, the deciding `end` (`date`, `kind`,
/// `provenance`), `days_left`, `approaching` (within `approaching_months`), the covering `esu`
/// window and the lifecycle page `url`.
#[pyfunction]
#[pyo3(signature = (kind, token, *, service_pack = None, on = None, approaching_months = 12))]
pub fn lifecycle_status<'py>(
    py: Python<'py>,
    kind: &str,
    token: &str,
    service_pack: Option<u32>,
    on: Option<&Bound<'py, PyAny>>,
    approaching_months: u32,
) -> PyResult<Bound<'py, PyAny>> {
    let item = item(py, kind, token)?;
    let date = on
        .map(|value| date(py, value))
        .transpose()?
        .unwrap_or_else(lifecycle::today);
    let standing = lifecycle::standing(item, service_pack, date, approaching_months);
    let value =
        serde_json::to_value(standing).map_err(|error| argument_error(py, error.to_string()))?;
    to_python(py, &value)
}

/// The last day Microsoft supports an item (at `service_pack`), as `YYYY-MM-DD`; None for
/// Subscription Edition, which has no fixed end.
#[pyfunction]
#[pyo3(signature = (kind, token, *, service_pack = None))]
pub fn end_of_support(
    py: Python<'_>,
    kind: &str,
    token: &str,
    service_pack: Option<u32>,
) -> PyResult<Option<String>> {
    let item = item(py, kind, token)?;
    Ok(lifecycle::end_of_support(item, service_pack).map(|end| end.date.to_string()))
}

/// The lifecycle table: `as_of`, `rows` (each with its dates, releases, provenance and source)
/// and `collocated_express`.
#[pyfunction]
pub fn lifecycle_table(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let value: serde_json::Value = serde_json::from_str(&lifecycle::table_json())
        .map_err(|error| argument_error(py, error.to_string()))?;
    to_python(py, &value)
}
