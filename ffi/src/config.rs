//! `hadr_engine_load_config`: the settings of a `hadr-rules.toml` applied to an engine handle
//! (`docs/config.md`).

use std::ffi::c_char;

use hadr_rules::config::Config;

use crate::engine::hadr_engine;
use crate::panic::guard;
use crate::ptr::{borrow_mut, bytes, output};
use crate::status::hadr_status;
use crate::strings::to_c_string;

/// Applies the check settings of a `hadr-rules.toml` (`len` bytes of TOML text at `toml`, no NUL
/// needed) to an engine: `select`, `ignore`, `[severity]` and `[[suppress]]` are added to the
/// engine's, as the calls `hadr_engine_select`, `hadr_engine_ignore`, `hadr_engine_set_severity`
/// and `hadr_engine_suppress` add them; `fail_level`, `fail_on_not_evaluated`,
/// `allow_basic_ag_on_standard`, `as_of`, `approaching_months` and `target_product` replace the
/// engine's where the file sets them. Calls made after this one override the file, as the
/// command line overrides it. The `facts`, `baseline` and limit keys are read but not applied:
/// facts, baselines and limits are arguments of the calls that take them.
///
/// A suppression whose `expires` date is before the check date (the engine's `as_of` once the
/// file is applied, else today in UTC) is not added. On success `*notices_out` receives a JSON
/// array with one `{"line": N, "message": "..."}` object per such suppression (`[]` when there
/// are none). When the text is not a valid configuration (TOML syntax, an unknown key, a bad
/// value) the call returns `HADR_STATUS_INVALID_TOPOLOGY`, leaves the engine unchanged and
/// writes the errors JSON to `*notices_out` instead, each error with its `line` and `column`.
/// Either string is freed with `hadr_string_free`.
///
/// # Safety
///
/// `engine` must be NULL or a live engine that no other thread is using during the call; `toml`
/// must be NULL or valid for reads of `len` bytes; `notices_out` must be NULL or valid for a
/// write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_engine_load_config(
    engine: *mut hadr_engine,
    toml: *const c_char,
    len: usize,
    notices_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live engine used by this call only, NULL or `len`
        // readable bytes, and NULL or a pointer valid for a write.
        let (engine, toml, notices_out) =
            unsafe { (borrow_mut(engine)?, bytes(toml, len)?, output(notices_out)?) };
        let parsed = std::str::from_utf8(toml)
            .map_err(|_| hadr_status::InvalidUtf8)
            .map(Config::from_toml)?;
        let config = match parsed {
            Ok(config) => config,
            Err(error) => {
                notices_out.write(to_c_string(error.to_json())?);
                return Err(hadr_status::InvalidTopology);
            }
        };
        let options = &mut engine.options;
        options
            .select
            .extend(config.select.iter().flatten().copied());
        options
            .ignore
            .extend(config.ignore.iter().flatten().copied());
        options.severity.extend(config.severity.iter().copied());
        options.as_of = config.as_of.or(options.as_of);
        options.approaching_months = config.approaching_months.or(options.approaching_months);
        options.target_product = config.target_product.or(options.target_product);
        if let Some(allow) = config.allow_basic_ag_on_standard {
            options.allow_basic_ag_on_standard = allow;
        }
        let (suppress, expired) = config.suppressions(options.check_date());
        options.suppress.extend(suppress);
        engine.fail_level = config.fail_level.unwrap_or(engine.fail_level);
        engine.fail_on_not_evaluated = config
            .fail_on_not_evaluated
            .unwrap_or(engine.fail_on_not_evaluated);
        notices_out.write(to_c_string(hadr_rules::config::expired_json(&expired))?);
        Ok(())
    })
}
