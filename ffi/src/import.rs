//! Topology XML: the import into a format-1 document (`hadr_import_xml`) and the one-call check
//! of any input the command line reads (`hadr_check_input`), with an optional facts document.

use std::ffi::c_char;

use hadr_rules::import::Facts;
use hadr_rules::{Options, TopologyError};

use crate::engine::hadr_engine;
use crate::panic::guard;
use crate::ptr::{borrow, optional_bytes, optional_c_str, output, u8_bytes};
use crate::status::hadr_status;
use crate::topology::write_json_or_errors;

/// Reads the optional facts document, as `hadr-rules --facts FILE` does.
fn facts(bytes: Option<&[u8]>) -> Result<Option<Facts>, TopologyError> {
    bytes.map(Facts::from_json).transpose()
}

/// Imports topology XML (`Get-CsTopology -AsXml`), a Topology Builder .tbxml file or an
/// Export-CsConfiguration zip (`len` bytes at `input`; the form is told from the content,
/// UTF-8 and UTF-16 alike) and writes the format-1 JSON document to `*document_json_out`: the
/// bytes `hadr-rules import FILE [--facts FACTS]` prints, two-space indented with a final
/// newline (`docs/topology-xml.md`). The import's warnings, which the command line prints on
/// standard error, are not returned.
///
/// `facts_json` is an optional facts document, format 1 (`docs/facts-format.md`): `facts_len`
/// bytes, no NUL needed, with the facts the XML does not hold (OS, platform, SQL versions,
/// replicas, users…). NULL with `facts_len` 0 means no facts; NULL with another length gives
/// `HADR_STATUS_NULL_PARAMETER`; an empty document is an input error, as an empty facts file is,
/// and so is one longer than the input limit (64 MiB): `too_large`, as the command line says.
///
/// When the facts document or the input cannot be read (the facts are read first), including a
/// format-1 JSON topology document, which needs no import, the call returns
/// `HADR_STATUS_INVALID_TOPOLOGY` and writes the errors JSON to `*document_json_out` instead,
/// as `hadr_check_json` does: `{"errors": [...]}` without the `file` key (the paths of errors in
/// the facts document point into it). Either string is freed with `hadr_string_free`.
///
/// # Safety
///
/// `input` must be NULL or valid for reads of `len` bytes; `facts_json` must be NULL or valid
/// for reads of `facts_len` bytes; `document_json_out` must be NULL or valid for a write of a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_import_xml(
    input: *const u8,
    len: usize,
    facts_json: *const c_char,
    facts_len: usize,
    document_json_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or `len` and `facts_len` readable bytes, and NULL or a
        // pointer valid for a write.
        let (input, facts_json, document_json_out) = unsafe {
            (
                u8_bytes(input, len)?,
                optional_bytes(facts_json, facts_len)?,
                output(document_json_out)?,
            )
        };
        let result = facts(facts_json).and_then(|facts| {
            hadr_rules::import::import(input, facts.as_ref()).map(|import| import.to_json())
        });
        write_json_or_errors(document_json_out, result)
    })
}

/// Checks any input `hadr-rules check` reads (`len` bytes at `input`): a format-1 JSON
/// document, topology XML, a .tbxml file or an Export-CsConfiguration zip, the XML forms
/// completed by the optional facts document (`facts_json`, `facts_len` bytes, as for
/// `hadr_import_xml`), with the default options. Writes the report JSON to
/// `*report_json_out`: the bytes `hadr-rules check FILE [--facts FACTS] --format json` prints.
/// For a JSON document without facts this is exactly `hadr_check_json`.
///
/// When the facts document or the input cannot be read, or facts come with a JSON document
/// (which states its facts itself), the call returns `HADR_STATUS_INVALID_TOPOLOGY` and writes
/// the errors JSON to `*report_json_out` instead, as `hadr_check_json` does. Either string is
/// freed with `hadr_string_free`.
///
/// # Safety
///
/// `input` must be NULL or valid for reads of `len` bytes; `facts_json` must be NULL or valid
/// for reads of `facts_len` bytes; `report_json_out` must be NULL or valid for a write of a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_check_input(
    input: *const u8,
    len: usize,
    facts_json: *const c_char,
    facts_len: usize,
    report_json_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or `len` and `facts_len` readable bytes, and NULL or a
        // pointer valid for a write.
        let (input, facts_json, report_json_out) = unsafe {
            (
                u8_bytes(input, len)?,
                optional_bytes(facts_json, facts_len)?,
                output(report_json_out)?,
            )
        };
        let result = facts(facts_json).and_then(|facts| {
            let import = hadr_rules::import::read(input, facts.as_ref())?;
            Ok(hadr_rules::check(&import.topology, &Options::default()).to_json())
        });
        write_json_or_errors(report_json_out, result)
    })
}

/// Writes the facts template of topology XML, a .tbxml file or an Export-CsConfiguration zip
/// (`len` bytes at `input`) to `*template_out`: the text `hadr-rules facts FILE [--facts FACTS]`
/// prints, a facts file with every fact the engine's selected rules read and the input lacks,
/// each a `null` with the rules it unlocks and where to find it, the facts that unlock the most
/// rules first (`docs/facts-template.md`). `facts_json` (`facts_len` bytes, NULL with 0 for
/// none) holds the facts already known; `name` (NULL for `"the topology"`) names the input in
/// the template's first line.
///
/// When the facts document or the input cannot be read, or the input is a format-1 JSON
/// document (which states its facts itself: `not_topology`), the call returns
/// `HADR_STATUS_INVALID_TOPOLOGY` and writes the errors JSON to `*template_out` instead. Either
/// string is freed with `hadr_string_free`.
///
/// # Safety
///
/// `engine` must be NULL or a live engine that no thread modifies during the call; `input` must
/// be NULL or valid for reads of `len` bytes; `facts_json` must be NULL or valid for reads of
/// `facts_len` bytes; `name` must be NULL or a NUL-terminated string; `template_out` must be
/// NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_facts_template(
    engine: *const hadr_engine,
    input: *const u8,
    len: usize,
    facts_json: *const c_char,
    facts_len: usize,
    name: *const c_char,
    template_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a live engine, NULL or readable bytes of the given
        // lengths, NULL or a NUL-terminated string, and NULL or a pointer valid for a write.
        let (engine, input, facts_json, name, template_out) = unsafe {
            (
                borrow(engine)?,
                u8_bytes(input, len)?,
                optional_bytes(facts_json, facts_len)?,
                optional_c_str(name)?,
                output(template_out)?,
            )
        };
        let name = name.unwrap_or("the topology");
        let result = facts(facts_json).and_then(|facts| {
            let import = hadr_rules::import::read(input, facts.as_ref())?;
            hadr_rules::import::template_of(&import, &engine.options, name)
        });
        write_json_or_errors(template_out, result)
    })
}
