//! Support questions that need no topology: back-end support, the SQL Server and Windows Server
//! versions of a product, and the Front End quorum of a pool size. Tokens are spelt as in the
//! topology format (`sfb2019`, `always_on_ag`, `2019`, `enterprise`).

use std::ffi::c_char;

use hadr_rules::matrix::Support;
use hadr_rules::matrix::quorum::{self, Quorum};
use hadr_rules::support::{self as core_support, Verdict};
use hadr_rules::tokens::{HaMode, Product, SqlEdition, SqlVersion};

use crate::panic::{boundary, guard};
use crate::ptr::{borrow, c_str, free, into_handle, output};
use crate::status::hadr_status;
use crate::strings::{hadr_str, json_array, to_c_string};

/// A token of one of the format's enumerations, or `HADR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// `ptr` must be NULL or a NUL-terminated string.
unsafe fn token<T>(
    ptr: *const c_char,
    from_token: fn(&str) -> Option<T>,
) -> Result<T, hadr_status> {
    // SAFETY: this function's contract is `c_str`'s.
    let text = unsafe { c_str(ptr) }?;
    from_token(text).ok_or(hadr_status::InvalidArgument)
}

/// Whether the documentation supports a combination.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum hadr_support {
    /// Stated as unsupported, or not listed where the documentation lists what is supported.
    No = 0,
    /// Listed as supported.
    Yes = 1,
    /// The documentation read says nothing either way.
    Undocumented = 2,
}

impl From<Support> for hadr_support {
    fn from(support: Support) -> Self {
        match support {
            Support::Yes => hadr_support::Yes,
            Support::No => hadr_support::No,
            Support::Undocumented => hadr_support::Undocumented,
        }
    }
}

/// The answer to "is this back end supported?", from `hadr_back_end_support`; freed by
/// `hadr_verdict_free`. Immutable.
#[derive(Debug)]
pub struct hadr_verdict {
    verdict: &'static Verdict,
}

/// Answers whether `product` supports a back end in HA mode `ha_mode` on SQL Server
/// `sql_version`, `sql_edition` edition (patch-level minimums aside), and writes the verdict to
/// `*verdict_out` (free it with `hadr_verdict_free`). Tokens: product `lync2013`, `sfb2015`,
/// `sfb2019`, `sfbse`; mode `none`, `mirroring`, `always_on_ag`, `always_on_fci`,
/// `failover_cluster`; version `2008r2`, `2012`, `2014`, `2016`, `2017`, `2019`, `2022`;
/// edition `express`, `standard`, `enterprise`. An unknown token gives
/// `HADR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// The four tokens must be NULL or NUL-terminated strings; `verdict_out` must be NULL or valid
/// for a write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_back_end_support(
    product: *const c_char,
    ha_mode: *const c_char,
    sql_version: *const c_char,
    sql_edition: *const c_char,
    verdict_out: *mut *mut hadr_verdict,
) -> hadr_status {
    guard(|| {
        // SAFETY: the caller passes NULL or NUL-terminated strings, and NULL or a pointer valid
        // for a write.
        let (product, mode, version, edition, verdict_out) = unsafe {
            (
                token(product, Product::from_token)?,
                token(ha_mode, HaMode::from_token)?,
                token(sql_version, SqlVersion::from_token)?,
                token(sql_edition, SqlEdition::from_token)?,
                output(verdict_out)?,
            )
        };
        let verdict = core_support::back_end_verdict(product, mode, version, edition);
        verdict_out.write(into_handle(hadr_verdict { verdict }));
        Ok(())
    })
}

/// Reads a field of a verdict.
///
/// # Safety
///
/// `verdict` must be NULL or a live verdict; `out` must be NULL or valid for a write of a `T`.
unsafe fn read_verdict<T>(
    verdict: *const hadr_verdict,
    out: *mut T,
    field: impl FnOnce(&Verdict) -> Result<T, hadr_status>,
) -> hadr_status {
    guard(|| {
        // SAFETY: this function's contract: NULL or a live verdict, NULL or a writable pointer.
        let (verdict, out) = unsafe { (borrow(verdict)?, output(out)?) };
        out.write(field(verdict.verdict)?);
        Ok(())
    })
}

/// Writes whether the back end is supported (`HADR_SUPPORT_YES`), not supported or
/// undocumented to `*support_out`.
///
/// # Safety
///
/// `verdict` must be NULL or a live verdict; `support_out` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_verdict_support(
    verdict: *const hadr_verdict,
    support_out: *mut hadr_support,
) -> hadr_status {
    // SAFETY: the caller's contract is `read_verdict`'s.
    unsafe { read_verdict(verdict, support_out, |v| Ok(v.support.into())) }
}

/// Writes whether the answer rests on secondary or unsourced statements only to
/// `*unverified_out`.
///
/// # Safety
///
/// `verdict` must be NULL or a live verdict; `unverified_out` must be NULL or valid for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_verdict_unverified(
    verdict: *const hadr_verdict,
    unverified_out: *mut bool,
) -> hadr_status {
    // SAFETY: the caller's contract is `read_verdict`'s.
    unsafe { read_verdict(verdict, unverified_out, |v| Ok(v.unverified)) }
}

/// Writes whether the documentation contradicts itself on this combination (AlwaysOn
/// Availability Groups on SQL Server Standard edition) to `*contested_out`.
///
/// # Safety
///
/// `verdict` must be NULL or a live verdict; `contested_out` must be NULL or valid for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_verdict_contested(
    verdict: *const hadr_verdict,
    contested_out: *mut bool,
) -> hadr_status {
    // SAFETY: the caller's contract is `read_verdict`'s.
    unsafe { read_verdict(verdict, contested_out, |v| Ok(v.contested)) }
}

/// Writes why, in one sentence, to `*reason_out`: a view valid until the verdict is freed.
///
/// # Safety
///
/// `verdict` must be NULL or a live verdict; `reason_out` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_verdict_reason(
    verdict: *const hadr_verdict,
    reason_out: *mut hadr_str,
) -> hadr_status {
    // SAFETY: the caller's contract is `read_verdict`'s.
    unsafe { read_verdict(verdict, reason_out, |v| Ok(hadr_str::new(&v.reason))) }
}

/// Writes the number of rules the answer rests on (0 when supported) to `*count_out`.
///
/// # Safety
///
/// `verdict` must be NULL or a live verdict; `count_out` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_verdict_rule_count(
    verdict: *const hadr_verdict,
    count_out: *mut usize,
) -> hadr_status {
    // SAFETY: the caller's contract is `read_verdict`'s.
    unsafe { read_verdict(verdict, count_out, |v| Ok(v.rules.len())) }
}

/// Writes the ID of the rule at `index` the answer rests on (e.g. `BE-002`) to `*rule_out`: a
/// static view. An index at or past the count gives `HADR_STATUS_INDEX_OUT_OF_RANGE`.
///
/// # Safety
///
/// `verdict` must be NULL or a live verdict; `rule_out` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_verdict_rule(
    verdict: *const hadr_verdict,
    index: usize,
    rule_out: *mut hadr_str,
) -> hadr_status {
    // SAFETY: the caller's contract is `read_verdict`'s.
    unsafe {
        read_verdict(verdict, rule_out, |v| {
            let rule = v.rules.get(index).ok_or(hadr_status::IndexOutOfRange)?;
            Ok(hadr_str::new(rule))
        })
    }
}

/// Frees a verdict. NULL is ignored.
///
/// # Safety
///
/// `verdict` must be NULL or a verdict from `hadr_back_end_support`, not yet freed, that no
/// other thread is using.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_verdict_free(verdict: *mut hadr_verdict) {
    // SAFETY: the caller passes NULL or a live verdict nobody else uses.
    boundary(|| unsafe { free(verdict) })
}

/// The SQL Server version tokens a product supports for its Enterprise back end.
fn sql_version_tokens(product: Product) -> Vec<&'static str> {
    core_support::sql_versions(product)
        .into_iter()
        .map(SqlVersion::as_str)
        .collect()
}

/// The Windows Server version tokens a product runs on for new installations.
fn os_version_tokens(product: Product) -> Vec<&'static str> {
    core_support::os_versions(product)
        .into_iter()
        .map(|os| os.as_str())
        .collect()
}

/// Writes a product's token list as a JSON array.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `json_out` must be NULL or valid for a
/// write of a pointer.
unsafe fn tokens_json(
    product: *const c_char,
    json_out: *mut *mut c_char,
    tokens: fn(Product) -> Vec<&'static str>,
) -> hadr_status {
    guard(|| {
        // SAFETY: this function's contract.
        let (product, json_out) =
            unsafe { (token(product, Product::from_token)?, output(json_out)?) };
        json_out.write(to_c_string(json_array(tokens(product)))?);
        Ok(())
    })
}

/// Writes the number of a product's tokens.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `count_out` must be NULL or valid for a
/// write.
unsafe fn token_count(
    product: *const c_char,
    count_out: *mut usize,
    tokens: fn(Product) -> Vec<&'static str>,
) -> hadr_status {
    guard(|| {
        // SAFETY: this function's contract.
        let (product, count_out) =
            unsafe { (token(product, Product::from_token)?, output(count_out)?) };
        count_out.write(tokens(product).len());
        Ok(())
    })
}

/// Writes a product's token at `index`.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `token_out` must be NULL or valid for a
/// write.
unsafe fn token_at(
    product: *const c_char,
    index: usize,
    token_out: *mut hadr_str,
    tokens: fn(Product) -> Vec<&'static str>,
) -> hadr_status {
    guard(|| {
        // SAFETY: this function's contract.
        let (product, token_out) =
            unsafe { (token(product, Product::from_token)?, output(token_out)?) };
        let token = tokens(product)
            .get(index)
            .copied()
            .ok_or(hadr_status::IndexOutOfRange)?;
        token_out.write(hadr_str::new(token));
        Ok(())
    })
}

/// Writes the SQL Server versions `product` supports for its Enterprise back end, oldest
/// first, as a JSON array of tokens (e.g. `["2016","2019"]` and a newline) to `*json_out`;
/// free it with `hadr_string_free`. An unknown product gives `HADR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `json_out` must be NULL or valid for a
/// write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_sql_versions_json(
    product: *const c_char,
    json_out: *mut *mut c_char,
) -> hadr_status {
    // SAFETY: the caller's contract is `tokens_json`'s.
    unsafe { tokens_json(product, json_out, sql_version_tokens) }
}

/// Writes the number of SQL Server versions `product` supports to `*count_out`.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `count_out` must be NULL or valid for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_sql_version_count(
    product: *const c_char,
    count_out: *mut usize,
) -> hadr_status {
    // SAFETY: the caller's contract is `token_count`'s.
    unsafe { token_count(product, count_out, sql_version_tokens) }
}

/// Writes the token of the SQL Server version at `index` (oldest first) that `product`
/// supports to `*version_out`: a static view. An index at or past the count gives
/// `HADR_STATUS_INDEX_OUT_OF_RANGE`.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `version_out` must be NULL or valid for
/// a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_sql_version(
    product: *const c_char,
    index: usize,
    version_out: *mut hadr_str,
) -> hadr_status {
    // SAFETY: the caller's contract is `token_at`'s.
    unsafe { token_at(product, index, version_out, sql_version_tokens) }
}

/// Writes the Windows Server versions `product` is documented to run on for new
/// installations, oldest first, as a JSON array of tokens (e.g. `["ws2016","ws2019"]` and a
/// newline) to `*json_out`; free it with `hadr_string_free`. An unknown product gives
/// `HADR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `json_out` must be NULL or valid for a
/// write of a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_os_versions_json(
    product: *const c_char,
    json_out: *mut *mut c_char,
) -> hadr_status {
    // SAFETY: the caller's contract is `tokens_json`'s.
    unsafe { tokens_json(product, json_out, os_version_tokens) }
}

/// Writes the number of Windows Server versions `product` runs on to `*count_out`.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `count_out` must be NULL or valid for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_os_version_count(
    product: *const c_char,
    count_out: *mut usize,
) -> hadr_status {
    // SAFETY: the caller's contract is `token_count`'s.
    unsafe { token_count(product, count_out, os_version_tokens) }
}

/// Writes the token of the Windows Server version at `index` (oldest first) that `product`
/// runs on to `*os_out`: a static view. An index at or past the count gives
/// `HADR_STATUS_INDEX_OUT_OF_RANGE`.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `os_out` must be NULL or valid for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_os_version(
    product: *const c_char,
    index: usize,
    os_out: *mut hadr_str,
) -> hadr_status {
    // SAFETY: the caller's contract is `token_at`'s.
    unsafe { token_at(product, index, os_out, os_version_tokens) }
}

/// The most conditions a quorum answer holds (`hadr_quorum.conditions`).
pub const HADR_QUORUM_MAX_CONDITIONS: usize = 4;

/// What a quorum question's answer is.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum hadr_quorum_status {
    /// Every one of `conditions` must hold.
    Needs = 0,
    /// A pool of this size is not supported for the product.
    NotSupported = 1,
    /// The documentation gives no number for this size.
    Undocumented = 2,
}

/// "Any `count` servers must run", or, when `of_first` is not 0, "any `count` of the first
/// `of_first` servers" in topology order.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct hadr_quorum_condition {
    /// How many servers must run.
    pub count: usize,
    /// Only the first this-many servers count; 0 when any servers count.
    pub of_first: usize,
}

/// The quorum of a Front End pool of some size.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct hadr_quorum {
    /// Whether conditions apply, or the size is unsupported or undocumented.
    pub status: hadr_quorum_status,
    /// How many of `conditions` are set (0 unless `status` is `HADR_QUORUM_STATUS_NEEDS`).
    pub condition_count: usize,
    /// The conditions, all of which must hold; entries past `condition_count` are zero.
    pub conditions: [hadr_quorum_condition; HADR_QUORUM_MAX_CONDITIONS],
}

impl TryFrom<Quorum> for hadr_quorum {
    type Error = hadr_status;

    fn try_from(quorum: Quorum) -> Result<Self, hadr_status> {
        let mut answer = hadr_quorum {
            status: hadr_quorum_status::Needs,
            condition_count: 0,
            conditions: [hadr_quorum_condition::default(); HADR_QUORUM_MAX_CONDITIONS],
        };
        match quorum {
            Quorum::NotSupported => answer.status = hadr_quorum_status::NotSupported,
            Quorum::Undocumented => answer.status = hadr_quorum_status::Undocumented,
            Quorum::Needs { needed } => {
                if needed.len() > HADR_QUORUM_MAX_CONDITIONS {
                    return Err(hadr_status::InternalError);
                }
                answer.condition_count = needed.len();
                for (slot, needed) in answer.conditions.iter_mut().zip(needed) {
                    *slot = hadr_quorum_condition {
                        count: needed.count,
                        of_first: needed.of_first.unwrap_or(0),
                    };
                }
            }
        }
        Ok(answer)
    }
}

/// Answers a quorum question.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `quorum_out` must be NULL or valid for a
/// write.
unsafe fn quorum_of(
    product: *const c_char,
    servers: usize,
    quorum_out: *mut hadr_quorum,
    table: fn(Product, usize) -> Quorum,
) -> hadr_status {
    guard(|| {
        // SAFETY: this function's contract.
        let (product, quorum_out) =
            unsafe { (token(product, Product::from_token)?, output(quorum_out)?) };
        quorum_out.write(table(product, servers).try_into()?);
        Ok(())
    })
}

/// Writes how many Front End Servers of a pool of `servers` servers of `product` must run the
/// first time the pool starts (routing-group quorum) to `*quorum_out`. An unknown product gives
/// `HADR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `quorum_out` must be NULL or valid for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_first_start_quorum(
    product: *const c_char,
    servers: usize,
    quorum_out: *mut hadr_quorum,
) -> hadr_status {
    // SAFETY: the caller's contract is `quorum_of`'s.
    unsafe { quorum_of(product, servers, quorum_out, quorum::first_start) }
}

/// Writes how many Front End Servers of a pool of `servers` servers of `product` must run for
/// the pool to function at all (pool-level quorum) to `*quorum_out`. An unknown product gives
/// `HADR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
///
/// `product` must be NULL or a NUL-terminated string; `quorum_out` must be NULL or valid for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hadr_functional_quorum(
    product: *const c_char,
    servers: usize,
    quorum_out: *mut hadr_quorum,
) -> hadr_status {
    // SAFETY: the caller's contract is `quorum_of`'s.
    unsafe { quorum_of(product, servers, quorum_out, quorum::functional) }
}
