//! The report handle and its accessors: counts, the summary, and each diagnostic's fields as
//! borrowed string views whose lifetime is the report's.

use std::ffi::c_char;
use std::sync::OnceLock;

use hadr_rules::Report;
use hadr_rules::output::{self as formats, Checked};
use hadr_rules::tokens::Severity;

use crate::panic::{boundary, guard};
use crate::ptr::{borrow, c_str, free, output};
use crate::status::hadr_status;
use crate::strings::{hadr_str, to_c_string};
use crate::topology::hadr_topology;

/// The report of one check, from `hadr_engine_check`; freed by `hadr_report_free`. Immutable:
/// any number of threads may read it at once.
#[derive(Debug)]
pub struct hadr_report {
    pub(crate) report: Report,
    pub(crate) fail_level: Severity,
    pub(crate) fail_on_not_evaluated: bool,
    /// Each diagnostic's path and message, written on first access so that the string views
    /// handed out live as long as the report.
    text: Vec<OnceLock<Text>>,
}

/// The rendered strings of one diagnostic.
#[derive(Debug)]
struct Text {
    path: String,
    message: String,
}

impl hadr_report {
    pub(crate) fn new(report: Report, fail_level: Severity, fail_on_not_evaluated: bool) -> Self {
        let text = report.diagnostics.iter().map(|_| OnceLock::new()).collect();
        hadr_report {
            report,
            fail_level,
            fail_on_not_evaluated,
            text,
        }
    }

    fn fails(&self) -> bool {
        self.report.fails(self.fail_level)
            || (self.fail_on_not_evaluated && self.report.has_not_evaluated())
    }
}

/// The severity of a diagnostic, in increasing order.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum hadr_severity {
    /// A fact worth knowing, or a rule that could not be evaluated.
    Info = 0,
    /// The documentation recommends against it.
    Warning = 1,
    /// The documentation says it is unsupported.
    Error = 2,
}

impl From<Severity> for hadr_severity {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Info => hadr_severity::Info,
            Severity::Warning => hadr_severity::Warning,
            Severity::Error => hadr_severity::Error,
        }
    }
}

/// The counts of a report, as its `summary` object: every diagnostic is counted exactly once.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct hadr_summary {
    /// Errors, suppressed ones left out.
    pub error: usize,
    /// Warnings, suppressed ones left out.
    pub warning: usize,
    /// Infos, suppressed and not-evaluated ones left out.
    pub info: usize,
    /// Rule × subject pairs that could not be evaluated for lack of a fact.
    pub not_evaluated: usize,
    /// Findings silenced by a suppression (still listed).
    pub suppressed: usize,
}

/// One diagnostic of a report. The string views borrow from the report: valid until
/// `hadr_report_free`, never to be freed themselves. The fields `related`, `facts` and
/// `references` are in `hadr_report_to_json`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct hadr_diagnostic {
    /// The rule's catalog ID, e.g. `PAIR-001`.
    pub rule: hadr_str,
    /// The severity token: `error`, `warning` or `info`.
    pub severity: hadr_str,
    /// The entity the finding is about: a pool, server, SQL store or SQL node, or `/`.
    pub subject: hadr_str,
    /// JSON Pointer of the fact that triggered it.
    pub path: hadr_str,
    /// One sentence with the concrete values.
    pub message: hadr_str,
    /// What to change.
    pub help: hadr_str,
    /// Why a suppression silenced it; empty when `is_suppressed` is false.
    pub suppressed: hadr_str,
    /// The severity as a number.
    pub level: hadr_severity,
    /// The rule could not run for this subject (an `info` naming the missing facts).
    pub not_evaluated: bool,
    /// The finding rests on a secondary or unsourced statement: never an error.
    pub unverified: bool,
    /// A suppression silenced it: listed, not counted.
    pub is_suppressed: bool,
}

/// Writes the number of diagnostics (suppressed and not-evaluated ones included) to
/// `*count_out`.
///
/// # Safety
///
/// `report` must be NULL or a live report; `count_out` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_diagnostic_count(
    report: *const hadr_report,
    count_out: *mut usize,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live report, and NULL or a writable pointer.
        let (report, count_out) = unsafe { (borrow(report)?, output(count_out)?) };
        count_out.write(report.report.diagnostics.len());
        Ok(())
    })
}

/// Writes the report's counts by severity (its `summary`) to `*summary_out`.
///
/// # Safety
///
/// `report` must be NULL or a live report; `summary_out` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_summary(
    report: *const hadr_report,
    summary_out: *mut hadr_summary,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live report, and NULL or a writable pointer.
        let (report, summary_out) = unsafe { (borrow(report)?, output(summary_out)?) };
        let summary = report.report.summary;
        summary_out.write(hadr_summary {
            error: summary.error,
            warning: summary.warning,
            info: summary.info,
            not_evaluated: summary.not_evaluated,
            suppressed: summary.suppressed,
        });
        Ok(())
    })
}

/// Writes whether the report fails at the engine's fail level to `*fails_out`: a finding
/// that is neither suppressed nor not-evaluated at or above the level, or, when the engine was
/// set to fail on not-evaluated rules, any rule that could not be evaluated. The exit status of
/// `hadr-rules check` with the same options is 1 exactly when this is true.
///
/// # Safety
///
/// `report` must be NULL or a live report; `fails_out` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_fails(
    report: *const hadr_report,
    fails_out: *mut bool,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live report, and NULL or a writable pointer.
        let (report, fails_out) = unsafe { (borrow(report)?, output(fails_out)?) };
        fails_out.write(report.fails());
        Ok(())
    })
}

/// Writes the diagnostic at `index` (0-based, in report order: severity, rule ID, subject) to
/// `*diagnostic_out`. Its string views stay valid until the report is freed. An index at or
/// past the count gives `HADR_STATUS_INDEX_OUT_OF_RANGE`.
///
/// # Safety
///
/// `report` must be NULL or a live report; `diagnostic_out` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_diagnostic(
    report: *const hadr_report,
    index: usize,
    diagnostic_out: *mut hadr_diagnostic,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live report, and NULL or a writable pointer.
        let (report, diagnostic_out) = unsafe { (borrow(report)?, output(diagnostic_out)?) };
        let (diagnostic, text) = report
            .report
            .diagnostics
            .get(index)
            .zip(report.text.get(index))
            .ok_or(hadr_status::IndexOutOfRange)?;
        let text = text.get_or_init(|| Text {
            path: diagnostic.path.to_string(),
            message: diagnostic.message().to_string(),
        });
        diagnostic_out.write(hadr_diagnostic {
            rule: hadr_str::new(diagnostic.rule.as_str()),
            severity: hadr_str::new(diagnostic.severity.as_str()),
            subject: hadr_str::new(&diagnostic.subject),
            path: hadr_str::new(&text.path),
            message: hadr_str::new(&text.message),
            help: hadr_str::new(diagnostic.help()),
            suppressed: hadr_str::new(diagnostic.suppressed.as_deref().unwrap_or_default()),
            level: diagnostic.severity.into(),
            not_evaluated: diagnostic.not_evaluated,
            unverified: diagnostic.unverified,
            is_suppressed: diagnostic.suppressed.is_some(),
        });
        Ok(())
    })
}

/// Writes the report as JSON to `*json_out` (free it with `hadr_string_free`): the bytes
/// `hadr-rules check --format json` prints for the same document and options.
///
/// # Safety
///
/// `report` must be NULL or a live report; `json_out` must be NULL or valid for a write of a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_to_json(
    report: *const hadr_report,
    json_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live report, and NULL or a writable pointer.
        let (report, json_out) = unsafe { (borrow(report)?, output(json_out)?) };
        json_out.write(to_c_string(report.report.to_json())?);
        Ok(())
    })
}

/// Writes the report as a SARIF 2.1.0 log to `*sarif_out` (free it with `hadr_string_free`):
/// the bytes `hadr-rules check FILE --format sarif` prints, `file` naming the checked file as
/// the results' artifact (`docs/sarif.md`).
///
/// # Safety
///
/// `report` must be NULL or a live report; `file` must be NULL or a NUL-terminated string;
/// `sarif_out` must be NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_to_sarif(
    report: *const hadr_report,
    file: *const c_char,
    sarif_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live report, NULL or a NUL-terminated string,
        // and NULL or a writable pointer.
        let (report, file, sarif_out) =
            unsafe { (borrow(report)?, c_str(file)?, output(sarif_out)?) };
        let checked = Checked::of_json(file, &report.report);
        sarif_out.write(to_c_string(formats::sarif(&[checked]))?);
        Ok(())
    })
}

/// Writes the report as JUnit XML to `*junit_out` (free it with `hadr_string_free`): the bytes
/// `hadr-rules check FILE --format junit` prints, a test case per rule and subject failing at
/// the engine's fail level (`docs/junit.md`).
///
/// # Safety
///
/// `report` must be NULL or a live report; `file` must be NULL or a NUL-terminated string;
/// `junit_out` must be NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_to_junit(
    report: *const hadr_report,
    file: *const c_char,
    junit_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: as for `hadr_report_to_sarif`.
        let (report, file, junit_out) =
            unsafe { (borrow(report)?, c_str(file)?, output(junit_out)?) };
        let checked = Checked::of_json(file, &report.report);
        junit_out.write(to_c_string(formats::junit(&[checked], report.fail_level))?);
        Ok(())
    })
}

/// Writes the report as one self-contained HTML page to `*html_out` (free it with
/// `hadr_string_free`): the bytes `hadr-rules check FILE --format html` prints, with the
/// failure scenarios of `--simulate` when `simulate` is true (`docs/html-report.md`).
/// `topology` is the topology the report was checked from: the page draws it.
///
/// # Safety
///
/// `report` and `topology` must be NULL or live handles; `file` must be NULL or a
/// NUL-terminated string; `html_out` must be NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_to_html(
    report: *const hadr_report,
    topology: *const hadr_topology,
    file: *const c_char,
    simulate: bool,
    html_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or live handles, NULL or a NUL-terminated string, and
        // NULL or a writable pointer.
        let (report, topology, file, html_out) = unsafe {
            (
                borrow(report)?,
                borrow(topology)?,
                c_str(file)?,
                output(html_out)?,
            )
        };
        let topology = &topology.topology;
        let simulation = simulate
            .then(|| {
                hadr_rules::simulate::simulate(topology, &hadr_rules::simulate::Request::REPORT)
            })
            .transpose()
            .map_err(|_| hadr_status::InvalidArgument)?;
        let checked = Checked::of_json(file, &report.report);
        let page = formats::html(&checked, topology, report.fail_level, simulation.as_ref());
        html_out.write(to_c_string(page)?);
        Ok(())
    })
}

/// Frees a report and every string view taken from it. NULL is ignored.
///
/// # Safety
///
/// `report` must be NULL or a report from `hadr_engine_check`, not yet freed, that no other
/// thread is using.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_report_free(report: *mut hadr_report) {
    // SAFETY: the caller passes NULL or a live report nobody else uses.
    boundary(|| unsafe { free(report) })
}
