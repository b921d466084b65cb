//! The engine handle: the options of a check, reusable across topologies and threads.

use std::ffi::c_char;

use hadr_rules::tokens::Severity;
use hadr_rules::{Options, Selector, Suppression};

use crate::panic::{boundary, guard};
use crate::ptr::{borrow, borrow_mut, c_str, free, into_handle, optional_c_str, output};
use crate::report::hadr_report;
use crate::status::hadr_status;
use crate::topology::hadr_topology;

/// A reusable engine: the options of a check (fail level, severity overrides, suppressions,
/// basic availability groups on Standard edition). Created by `hadr_engine_new`, freed by
/// `hadr_engine_free`. Once configured, one engine may check topologies on any number of
/// threads at once.
#[derive(Debug)]
pub struct hadr_engine {
    pub(crate) options: Options,
    pub(crate) fail_level: Severity,
    pub(crate) fail_on_not_evaluated: bool,
}

/// A selector (`PAIR-001` or `PAIR`) or `HADR_STATUS_INVALID_ARGUMENT`.
fn parse_selector(text: &str) -> Result<Selector, hadr_status> {
    Selector::parse(text).map_err(|_| hadr_status::InvalidArgument)
}

/// A level token (`error`, `warning`, `info`) or `HADR_STATUS_INVALID_ARGUMENT`.
fn parse_level(text: &str) -> Result<Severity, hadr_status> {
    Severity::from_token(text).ok_or(hadr_status::InvalidArgument)
}

/// Creates an engine with the default options: fail level `error`, no overrides, no
/// suppressions, basic availability groups on Standard edition reported as errors. The same
/// options as `hadr-rules check` without flags.
///
/// # Safety
///
/// `engine_out` must be NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_new(engine_out: *mut *mut hadr_engine) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a pointer valid for a write.
        let engine_out = unsafe { output(engine_out) }?;
        engine_out.write(into_handle(hadr_engine {
            options: Options::default(),
            fail_level: Severity::Error,
            fail_on_not_evaluated: false,
        }));
        Ok(())
    })
}

/// Frees an engine. NULL is ignored. Reports it produced stay valid.
///
/// # Safety
///
/// `engine` must be NULL or an engine from `hadr_engine_new`, not yet freed, that no other
/// thread is using.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_free(engine: *mut hadr_engine) {
    // SAFETY: the caller passes NULL or a live engine nobody else uses.
    boundary(|| unsafe { free(engine) })
}

/// Sets the level at or above which a finding makes a report fail (`hadr_report_fails`):
/// `"error"` (the default), `"warning"` or `"info"`, as `hadr-rules check --fail-level`.
/// An unknown level gives `HADR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// `engine` must be NULL or a live engine that no other thread is using during the call;
/// `level` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_set_fail_level(
    engine: *mut hadr_engine,
    level: *const c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live engine used by this call only.
        let engine = unsafe { borrow_mut(engine) }?;
        // SAFETY: the caller passes NULL or a NUL-terminated string.
        engine.fail_level = parse_level(unsafe { c_str(level) }?)?;
        Ok(())
    })
}

/// Accepts (`true`) or rejects (`false`, the default) basic AlwaysOn Availability Groups on
/// SQL Server Standard edition, which Microsoft's pages contradict each other on: a warning
/// instead of an error, as `hadr-rules check --allow-basic-ag-on-standard`.
///
/// # Safety
///
/// `engine` must be NULL or a live engine that no other thread is using during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_set_allow_basic_ag_on_standard(
    engine: *mut hadr_engine,
    allow: bool,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live engine used by this call only.
        let engine = unsafe { borrow_mut(engine) }?;
        engine.options.allow_basic_ag_on_standard = allow;
        Ok(())
    })
}

/// Overrides a severity, as `hadr-rules check --severity SELECTOR=LEVEL`: `selector` is a
/// rule ID (`"PAIR-009"`) or a family (`"PAIR"`), `level` is `"error"`, `"warning"` or
/// `"info"`. A rule wins over its family; among equal selectors the last call wins.
/// Unverified findings stay below `error` whatever the override. An unknown selector or level
/// gives `HADR_STATUS_INVALID_ARGUMENT` and changes nothing.
///
/// # Safety
///
/// `engine` must be NULL or a live engine that no other thread is using during the call;
/// `selector` and `level` must be NULL or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_set_severity(
    engine: *mut hadr_engine,
    selector: *const c_char,
    level: *const c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live engine used by this call only.
        let engine = unsafe { borrow_mut(engine) }?;
        // SAFETY: the caller passes NULL or NUL-terminated strings.
        let (selector, level) = unsafe { (c_str(selector)?, c_str(level)?) };
        let override_ = (parse_selector(selector)?, parse_level(level)?);
        engine.options.severity.push(override_);
        Ok(())
    })
}

/// Suppresses findings, as `hadr-rules check --suppress SELECTOR[@SUBJECT]=REASON`: they stay
/// in the report, marked with `reason`, but are not counted. `selector` is a rule ID or a
/// family; `subject` limits the suppression to one subject (compared without case) and may be
/// NULL or `""` for every subject; `reason` must not be empty. An unknown selector or an empty
/// reason gives `HADR_STATUS_INVALID_ARGUMENT` and changes nothing.
///
/// # Safety
///
/// `engine` must be NULL or a live engine that no other thread is using during the call;
/// `selector`, `subject` and `reason` must be NULL or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_suppress(
    engine: *mut hadr_engine,
    selector: *const c_char,
    subject: *const c_char,
    reason: *const c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live engine used by this call only.
        let engine = unsafe { borrow_mut(engine) }?;
        // SAFETY: the caller passes NULL or NUL-terminated strings.
        let (selector, subject, reason) =
            unsafe { (c_str(selector)?, optional_c_str(subject)?, c_str(reason)?) };
        if reason.trim().is_empty() {
            return Err(hadr_status::InvalidArgument);
        }
        let suppression = Suppression {
            selector: parse_selector(selector)?,
            subject: subject.filter(|s| !s.is_empty()).map(str::to_owned),
            reason: reason.to_owned(),
        };
        engine.options.suppress.push(suppression);
        Ok(())
    })
}

/// Runs only the selected rules, as `hadr-rules check --select`: `selector` is a rule ID
/// (`"PAIR-001"`) or a family (`"PAIR"`); each call adds one. Once anything is selected, rules
/// no selector names are not evaluated at all. An alias, a guidance rule or an unknown ID gives
/// `HADR_STATUS_INVALID_ARGUMENT` and changes nothing.
///
/// # Safety
///
/// `engine` must be NULL or a live engine that no other thread is using during the call;
/// `selector` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_select(
    engine: *mut hadr_engine,
    selector: *const c_char,
) -> hadr_status {
    // SAFETY: forwarded from this function's own contract.
    unsafe { add_selector(engine, selector, |options| &mut options.select) }
}

/// Does not run a rule or family, as `hadr-rules check --ignore`, even when selected; a rule
/// ID wins over its family. An alias, a guidance rule or an unknown ID gives
/// `HADR_STATUS_INVALID_ARGUMENT` and changes nothing.
///
/// # Safety
///
/// `engine` must be NULL or a live engine that no other thread is using during the call;
/// `selector` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_ignore(
    engine: *mut hadr_engine,
    selector: *const c_char,
) -> hadr_status {
    // SAFETY: forwarded from this function's own contract.
    unsafe { add_selector(engine, selector, |options| &mut options.ignore) }
}

/// Adds a selector to the list `list` picks from the engine's options.
///
/// # Safety
///
/// As `hadr_engine_select`.
unsafe fn add_selector(
    engine: *mut hadr_engine,
    selector: *const c_char,
    list: fn(&mut Options) -> &mut Vec<Selector>,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live engine used by this call only.
        let engine = unsafe { borrow_mut(engine) }?;
        // SAFETY: the caller passes NULL or a NUL-terminated string.
        let selector = parse_selector(unsafe { c_str(selector) }?)?;
        list(&mut engine.options).push(selector);
        Ok(())
    })
}

/// Makes a report fail (`hadr_report_fails`) when any rule could not be evaluated for lack of a
/// fact (`true`), as `hadr-rules check --fail-on-not-evaluated`; `false` is the default.
///
/// # Safety
///
/// `engine` must be NULL or a live engine that no other thread is using during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_set_fail_on_not_evaluated(
    engine: *mut hadr_engine,
    fail: bool,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live engine used by this call only.
        let engine = unsafe { borrow_mut(engine) }?;
        engine.fail_on_not_evaluated = fail;
        Ok(())
    })
}

/// Checks a parsed topology with the engine's options and writes the report to
/// `*report_out` (free it with `hadr_report_free`). Does not modify the engine or the
/// topology: any number of threads may check with one engine and one topology at once.
///
/// # Safety
///
/// `engine` and `topology` must be NULL or live handles from this library that no thread
/// modifies or frees during the call; `report_out` must be NULL or valid for a write of a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_check(
    engine: *const hadr_engine,
    topology: *const hadr_topology,
    report_out: *mut *mut hadr_report,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or live handles that nobody modifies during the call,
        // and NULL or a pointer valid for a write.
        let (engine, topology, report_out) =
            unsafe { (borrow(engine)?, borrow(topology)?, output(report_out)?) };
        let report = hadr_rules::check(&topology.topology, &engine.options);
        report_out.write(into_handle(hadr_report::new(
            report,
            engine.fail_level,
            engine.fail_on_not_evaluated,
        )));
        Ok(())
    })
}
