//! Baselines of reports (`docs/baselines.md`): `hadr_report_baseline` records a report's
//! findings, `hadr_report_apply_baseline` leaves the known ones out.

use std::ffi::c_char;

use hadr_rules::baseline::Baseline;

use crate::panic::guard;
use crate::ptr::{borrow, bytes, into_handle, output};
use crate::report::hadr_report;
use crate::status::hadr_status;
use crate::strings::to_c_string;

/// Writes the baseline of a report's findings to `*json_out` (free it with
/// `hadr_string_free`): the bytes `hadr-rules check --write-baseline FILE` writes.
///
/// # Safety
///
/// `report` must be NULL or a live report; `json_out` must be NULL or valid for a write of a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_baseline(
    report: *const hadr_report,
    json_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live report, and NULL or a writable pointer.
        let (report, json_out) = unsafe { (borrow(report)?, output(json_out)?) };
        json_out.write(to_c_string(Baseline::of(&report.report).to_json())?);
        Ok(())
    })
}

/// Leaves out of a report the findings a baseline knows (`len` bytes of baseline JSON at
/// `baseline_json`), as `hadr-rules check --baseline FILE` does: writes the report of the new
/// findings to `*report_out` (free it with `hadr_report_free`; the given report is unchanged)
/// and `{"hidden": N, "unmatched": [entries]}` to `*outcome_json_out` — how many findings were
/// left out, and the baseline's entries that no finding matched. A baseline that cannot be read
/// gives `HADR_STATUS_INVALID_TOPOLOGY`, with the errors JSON in `*outcome_json_out` and nothing
/// in `*report_out`.
///
/// # Safety
///
/// `report` must be NULL or a live report; `baseline_json` must be NULL or valid for reads of
/// `len` bytes; `report_out` and `outcome_json_out` must be NULL or valid for a write of a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_apply_baseline(
    report: *const hadr_report,
    baseline_json: *const c_char,
    len: usize,
    report_out: *mut *mut hadr_report,
    outcome_json_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live report, NULL or `len` readable bytes, and
        // NULL or pointers valid for a write.
        let (report, baseline_json, report_out, outcome_json_out) = unsafe {
            (
                borrow(report)?,
                bytes(baseline_json, len)?,
                output(report_out)?,
                output(outcome_json_out)?,
            )
        };
        let baseline = match Baseline::from_json(baseline_json) {
            Ok(baseline) => baseline,
            Err(error) => {
                outcome_json_out.write(to_c_string(error.to_json())?);
                return Err(hadr_status::InvalidTopology);
            }
        };
        let mut filtered = report.report.clone();
        let outcome = baseline.apply(&mut filtered);
        let json = to_c_string(outcome.to_json())?;
        outcome_json_out.write(json);
        report_out.write(into_handle(hadr_report::new(
            filtered,
            report.fail_level,
            report.fail_on_not_evaluated,
        )));
        Ok(())
    })
}
