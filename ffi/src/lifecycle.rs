//! Support lifecycles without a topology: where a product, SQL Server or Windows Server version
//! stands on a date, and the lifecycle table itself. Items are named by a kind (`"product"`,
//! `"sql"`, `"os"`) and a topology token (`"sfb2019"`, `"2016"`, `"ws2019"`); dates are
//! `"YYYY-MM-DD"`.

use std::ffi::c_char;

use hadr_rules::lifecycle::{self, Date, Item, Standing};

use crate::panic::guard;
use crate::ptr::{c_str, optional_c_str, output};
use crate::status::hadr_status;
use crate::strings::to_c_string;

/// The item, service pack and date of a query, or `HADR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// `kind` and `token` must be NULL or NUL-terminated strings; `date` must be NULL or a
/// NUL-terminated string.
unsafe fn standing(
    kind: *const c_char,
    token: *const c_char,
    service_pack: i32,
    date: *const c_char,
) -> Result<Standing, hadr_status> {
    // SAFETY: this function's contract.
    let (kind, token, date) = unsafe { (c_str(kind)?, c_str(token)?, optional_c_str(date)?) };
    let item = Item::parse(kind, token).ok_or(hadr_status::InvalidArgument)?;
    let date: Date = match date {
        None | Some("") => lifecycle::today(),
        Some(text) => lifecycle::parse_date(text).map_err(|_| hadr_status::InvalidArgument)?,
    };
    let service_pack = u32::try_from(service_pack).ok();
    Ok(lifecycle::standing(
        item,
        service_pack,
        date,
        lifecycle::DEFAULT_WARN_MONTHS,
    ))
}

/// Writes whether Microsoft supports an item on a date to `*supported_out`: `kind` is
/// `"product"`, `"sql"` or `"os"`, `token` a topology token of that kind; `service_pack` is the
/// SQL Server service pack (`0` = RTM) or negative when unknown or not applicable; `date` is
/// `"YYYY-MM-DD"`, or NULL or `""` for today (UTC). Extended Security Updates are not support.
/// An unknown kind or token, or a malformed date, gives `HADR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// `kind`, `token` and `date` must be NULL or NUL-terminated strings; `supported_out` must be
/// NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_lifecycle_supported(
    kind: *const c_char,
    token: *const c_char,
    service_pack: i32,
    date: *const c_char,
    supported_out: *mut bool,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or NUL-terminated strings.
        let standing = unsafe { standing(kind, token, service_pack, date) }?;
        // SAFETY: the caller passes NULL or a pointer valid for a write.
        let out = unsafe { output(supported_out) }?;
        out.write(standing.supported);
        Ok(())
    })
}

/// Writes where an item stands on a date as a JSON object (`phase`, `supported`, the deciding
/// `end` with its `date`, `kind` and `provenance`, `days_left`, `approaching` within 12 months,
/// the covering `esu` window, the lifecycle page `url`) to `*json_out`; free it with
/// `hadr_string_free`. Arguments as `hadr_lifecycle_supported`. "When does Windows Server 2019
/// leave support?" is `end.date` of any date's answer.
///
/// # Safety
///
/// `kind`, `token` and `date` must be NULL or NUL-terminated strings; `json_out` must be NULL
/// or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_lifecycle_json(
    kind: *const c_char,
    token: *const c_char,
    service_pack: i32,
    date: *const c_char,
    json_out: *mut *mut c_char,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or NUL-terminated strings.
        let standing = unsafe { standing(kind, token, service_pack, date) }?;
        // SAFETY: the caller passes NULL or a pointer valid for a write.
        let out = unsafe { output(json_out) }?;
        out.write(to_c_string(standing.to_json())?);
        Ok(())
    })
}

/// Writes the whole lifecycle table as JSON (`as_of`, then one row per product, SQL Server and
/// Windows Server version with its dates, releases, provenance and source) to `*json_out`; free
/// it with `hadr_string_free`.
///
/// # Safety
///
/// `json_out` must be NULL or valid for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_lifecycle_table_json(json_out: *mut *mut c_char) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or a pointer valid for a write.
        let out = unsafe { output(json_out) }?;
        out.write(to_c_string(lifecycle::table_json())?);
        Ok(())
    })
}
