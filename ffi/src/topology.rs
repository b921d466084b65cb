//! Topology documents: the one-call check (`hadr_check_json`) and the parsed-topology handle.

use std::ffi::c_char;

use hadr_rules::{Limits, Options, Topology, TopologyError};

use crate::panic::{boundary, guard};
use crate::ptr::{Output, bytes, free, into_handle, output};
use crate::status::hadr_status;
use crate::strings::to_c_string;

/// A parsed, resolved topology document. Created by `hadr_topology_parse`, freed by
/// `hadr_topology_free`; immutable, so any number of threads may check it at once.
#[derive(Debug)]
pub struct hadr_topology {
    pub(crate) topology: Topology,
}

/// Parses `len` bytes of a topology document; on an input error, writes the errors JSON to
/// `errors_out` and returns `HADR_STATUS_INVALID_TOPOLOGY`.
fn parse(
    json: &[u8],
    limits: &Limits,
    errors_out: Output<*mut c_char>,
) -> Result<Topology, hadr_status> {
    Topology::from_json_with_limits(json, limits).or_else(|error: TopologyError| {
        errors_out.write(to_c_string(error.to_json())?);
        Err(hadr_status::InvalidTopology)
    })
}

/// Writes the JSON a call produced to `out`; for an input error, writes its errors JSON to `out`
/// instead and returns `HADR_STATUS_INVALID_TOPOLOGY`, as `hadr_check_json` does.
pub(crate) fn write_json_or_errors(
    out: Output<*mut c_char>,
    result: Result<String, TopologyError>,
) -> Result<(), hadr_status> {
    match result {
        Ok(json) => {
            out.write(to_c_string(json)?);
            Ok(())
        }
        Err(error) => {
            out.write(to_c_string(error.to_json())?);
            Err(hadr_status::InvalidTopology)
        }
    }
}

/// Checks a topology document (format 1 JSON, `len` bytes at `topology_json`, no NUL needed)
/// with the default options and writes the report JSON to `*report_json_out`: the bytes
/// `hadr-rules check --format json` prints for the same document, two-space indented with a
/// final newline (`docs/report-format.md`).
///
/// When the document cannot be read (not UTF-8, not JSON, an unknown key or token, a dangling
/// reference…) the call returns `HADR_STATUS_INVALID_TOPOLOGY` and writes the **errors JSON**
/// to `*report_json_out` instead: `{"errors": [{"kind", "path", "line", "column", "message",
/// "expected"}]}` as `hadr-rules check --format json` prints it, without the `file` key. This
/// is the only status other than `HADR_STATUS_OK` with an output. Either string is freed with
/// `hadr_string_free`.
///
/// # Safety
///
/// `topology_json` must be NULL or valid for reads of `len` bytes; `report_json_out` must be
/// NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_check_json(
    topology_json: *const c_char,
    len: usize,
    report_json_out: *mut *mut c_char,
) -> hadr_status {
    // SAFETY: the caller's guarantees are those `checked_json` asks for.
    unsafe { checked_json(topology_json, len, 0, 0, report_json_out) }
}

/// The limits of a call: `0` takes the default (64 MiB, 1,000,000 entities).
fn limits(max_document_bytes: usize, max_entities: usize) -> Limits {
    let given = |value: usize| (value != 0).then_some(value);
    Limits::with(given(max_document_bytes), given(max_entities))
}

/// `hadr_check_json` with explicit limits: a document longer than `max_document_bytes`, or
/// with more than `max_entities` sites, pools, servers, SQL stores and nodes and file stores,
/// is refused with `HADR_STATUS_INVALID_TOPOLOGY` and an error of kind `too_large`, before it
/// is read. `0` takes the default limit (64 MiB, 1,000,000 entities).
///
/// # Safety
///
/// `topology_json` must be NULL or valid for reads of `len` bytes; `report_json_out` must be
/// NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_check_json_with_limits(
    topology_json: *const c_char,
    len: usize,
    max_document_bytes: usize,
    max_entities: usize,
    report_json_out: *mut *mut c_char,
) -> hadr_status {
    // SAFETY: the caller's guarantees are those `checked_json` asks for.
    unsafe {
        checked_json(
            topology_json,
            len,
            max_document_bytes,
            max_entities,
            report_json_out,
        )
    }
}

/// The body of `hadr_check_json` and `hadr_check_json_with_limits`, inside the boundary.
///
/// # Safety
///
/// As `hadr_check_json_with_limits`.
unsafe fn checked_json(
    topology_json: *const c_char,
    len: usize,
    max_document_bytes: usize,
    max_entities: usize,
    report_json_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or `len` readable bytes, and NULL or a pointer valid
        // for a write.
        let (json, report_json_out) =
            unsafe { (bytes(topology_json, len)?, output(report_json_out)?) };
        match Topology::from_json_with_limits(json, &limits(max_document_bytes, max_entities)) {
            Ok(topology) => {
                let report = hadr_rules::check(&topology, &Options::default());
                report_json_out.write(to_c_string(report.to_json())?);
                Ok(())
            }
            Err(error) => {
                report_json_out.write(to_c_string(error.to_json())?);
                Err(hadr_status::InvalidTopology)
            }
        }
    })
}

/// Parses a topology document (format 1 JSON, `len` bytes, no NUL needed) once, to check it
/// with several engines. On success writes the handle to `*topology_out` (free it with
/// `hadr_topology_free`). When the document cannot be read, returns
/// `HADR_STATUS_INVALID_TOPOLOGY` and writes the errors JSON (as `hadr_check_json` does) to
/// `*errors_json_out`, to be freed with `hadr_string_free`; `*topology_out` is not written.
///
/// # Safety
///
/// `topology_json` must be NULL or valid for reads of `len` bytes; `topology_out` and
/// `errors_json_out` must be NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_topology_parse(
    topology_json: *const c_char,
    len: usize,
    topology_out: *mut *mut hadr_topology,
    errors_json_out: *mut *mut c_char,
) -> hadr_status {
    // SAFETY: the caller's guarantees are those `parsed_topology` asks for.
    unsafe { parsed_topology(topology_json, len, 0, 0, topology_out, errors_json_out) }
}

/// `hadr_topology_parse` with explicit limits, as `hadr_check_json_with_limits` takes them
/// (`0` for a default).
///
/// # Safety
///
/// `topology_json` must be NULL or valid for reads of `len` bytes; `topology_out` and
/// `errors_json_out` must be NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_topology_parse_with_limits(
    topology_json: *const c_char,
    len: usize,
    max_document_bytes: usize,
    max_entities: usize,
    topology_out: *mut *mut hadr_topology,
    errors_json_out: *mut *mut c_char,
) -> hadr_status {
    // SAFETY: the caller's guarantees are those `parsed_topology` asks for.
    unsafe {
        parsed_topology(
            topology_json,
            len,
            max_document_bytes,
            max_entities,
            topology_out,
            errors_json_out,
        )
    }
}

/// The body of `hadr_topology_parse` and `hadr_topology_parse_with_limits`, inside the
/// boundary.
///
/// # Safety
///
/// As `hadr_topology_parse_with_limits`.
unsafe fn parsed_topology(
    topology_json: *const c_char,
    len: usize,
    max_document_bytes: usize,
    max_entities: usize,
    topology_out: *mut *mut hadr_topology,
    errors_json_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or `len` readable bytes, and NULL or pointers valid
        // for a write.
        let (json, topology_out, errors_json_out) = unsafe {
            (
                bytes(topology_json, len)?,
                output(topology_out)?,
                output(errors_json_out)?,
            )
        };
        let topology = parse(
            json,
            &limits(max_document_bytes, max_entities),
            errors_json_out,
        )?;
        topology_out.write(into_handle(hadr_topology { topology }));
        Ok(())
    })
}

/// Frees a topology. NULL is ignored. Reports checked from it stay valid.
///
/// # Safety
///
/// `topology` must be NULL or a topology from `hadr_topology_parse`, not yet freed, that no
/// other thread is using.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_topology_free(topology: *mut hadr_topology) {
    // SAFETY: the caller passes NULL or a live topology nobody else uses.
    boundary(|| unsafe { free(topology) })
}
