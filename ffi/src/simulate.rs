//! Failure simulation (`hadr_simulate_json`): what happens to every pool when servers, SQL
//! nodes, witnesses, file stores, sites or data centers fail.

use std::ffi::c_char;

use hadr_rules::Topology;
use hadr_rules::simulate::Request;

use crate::panic::guard;
use crate::ptr::{bytes, optional_bytes, output};
use crate::status::hadr_status;
use crate::topology::write_json_or_errors;

/// A flag of `hadr_simulate_json`: every single failure (each server, SQL host and file store
/// on its own), as `hadr-rules simulate --all-single`.
pub const HADR_SIMULATE_ALL_SINGLE: u32 = 1;

/// A flag of `hadr_simulate_json`: the loss of each site and each data center, as
/// `hadr-rules simulate --sites`.
pub const HADR_SIMULATE_SITES: u32 = 2;

/// The scenarios of a `fail` text: scenarios separated by `;`, names within a scenario by `,`,
/// each name trimmed. An empty text is no scenario; a blank name or an empty scenario in a
/// text that is not empty is refused (`None`), as in every interface: it names nothing to fail.
fn scenarios(text: &str) -> Option<Vec<Vec<String>>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(';')
        .map(|names| {
            names
                .split(',')
                .map(str::trim)
                .map(|name| (!name.is_empty()).then(|| name.to_owned()))
                .collect::<Option<Vec<String>>>()
        })
        .collect()
}

/// Simulates failures in a topology document (format 1 JSON, `len` bytes at `topology_json`,
/// no NUL needed; import topology XML first with `hadr_import_xml`) and writes the simulation
/// JSON to `*simulation_json_out`: the bytes `hadr-rules simulate FILE --format json` prints
/// with the same scenarios, two-space indented with a final newline
/// (`docs/simulate-format.md`).
///
/// `fail` (`fail_len` bytes of UTF-8, no NUL needed) lists the scenarios to run, separated by
/// `;`, each a set of names failing together separated by `,`: a site, data center, pool,
/// server, SQL host, SQL store or file store, compared without case. The text `"a;b,c"` is
/// `--fail a --fail b,c`. Names are trimmed; a blank name or an empty scenario (`"a,,b"`,
/// `"a;"`, `" "`) gives `HADR_STATUS_INVALID_ARGUMENT`, as the command line and Python refuse
/// them. NULL with `fail_len` 0, or an empty text, means no scenario; NULL with another length
/// gives `HADR_STATUS_NULL_PARAMETER`, bytes that are not UTF-8 `HADR_STATUS_INVALID_UTF8`.
///
/// `flags` is 0 or a combination of `HADR_SIMULATE_ALL_SINGLE` and `HADR_SIMULATE_SITES`; any
/// other bit gives `HADR_STATUS_INVALID_ARGUMENT`. With no scenario and no flag, the call runs
/// every single failure and every site loss, as the command line does without options.
///
/// When the document cannot be read, or a scenario names an entity the topology does not hold,
/// the call returns `HADR_STATUS_INVALID_TOPOLOGY` and writes the errors JSON to
/// `*simulation_json_out` instead, as `hadr_check_json` does: the text `hadr-rules simulate
/// --format json` prints, without the `file` key. An unknown name is an error of kind
/// `unknown_entity` (one per unknown name of the first scenario that has one) whose message
/// suggests the closest name when one is close. Either string is freed with
/// `hadr_string_free`.
///
/// # Safety
///
/// `topology_json` must be NULL or valid for reads of `len` bytes; `fail` must be NULL or valid
/// for reads of `fail_len` bytes; `simulation_json_out` must be NULL or valid for a write of a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_simulate_json(
    topology_json: *const c_char,
    len: usize,
    fail: *const c_char,
    fail_len: usize,
    flags: u32,
    simulation_json_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or `len` and `fail_len` readable bytes, and NULL or a
        // pointer valid for a write.
        let (json, fail, simulation_json_out) = unsafe {
            (
                bytes(topology_json, len)?,
                optional_bytes(fail, fail_len)?,
                output(simulation_json_out)?,
            )
        };
        if flags & !(HADR_SIMULATE_ALL_SINGLE | HADR_SIMULATE_SITES) != 0 {
            return Err(hadr_status::InvalidArgument);
        }
        let fail = match fail {
            Some(fail) => std::str::from_utf8(fail).map_err(|_| hadr_status::InvalidUtf8)?,
            None => "",
        };
        let fail = scenarios(fail).ok_or(hadr_status::InvalidArgument)?;
        let nothing_asked = fail.is_empty() && flags == 0;
        let request = Request {
            fail,
            all_single: flags & HADR_SIMULATE_ALL_SINGLE != 0 || nothing_asked,
            sites: flags & HADR_SIMULATE_SITES != 0 || nothing_asked,
        };
        let result = Topology::from_json(json).and_then(|topology| {
            hadr_rules::simulate::simulate(&topology, &request)
                .map(|simulation| simulation.to_json())
        });
        write_json_or_errors(simulation_json_out, result)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_texts_split_into_scenarios_of_names() {
        assert_eq!(
            scenarios(" chicago ; sql1.contoso.com, sqlwit.contoso.com"),
            Some(vec![
                vec!["chicago".to_owned()],
                vec![
                    "sql1.contoso.com".to_owned(),
                    "sqlwit.contoso.com".to_owned()
                ],
            ])
        );
        assert_eq!(scenarios(""), Some(Vec::new()));
    }

    #[test]
    fn blank_names_and_empty_scenarios_are_refused() {
        for text in [" ", ";", "a;", "a,,b", "a;;b", "a, "] {
            assert_eq!(scenarios(text), None, "{text:?}");
        }
    }
}
