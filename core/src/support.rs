//! Support questions that need no topology: the answers tool authors ask for most, read from the
//! same matrices the rules use.

use std::sync::LazyLock;

use serde::Serialize;

use crate::matrix::Support;
use crate::matrix::os::supported_os;
use crate::matrix::sql::{SQL_MATRIX, ha_modes, mode_rule, sql_row, version_rule};
use crate::tokens::{HaMode, Os, Product, SqlEdition, SqlVersion};

/// The answer to "is this back end supported?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// `yes`, `no` or `undocumented`.
    pub support: Support,
    /// The answer rests on secondary or unsourced statements only.
    pub unverified: bool,
    /// The documentation contradicts itself (AlwaysOn on SQL Standard edition, catalog C-1).
    pub contested: bool,
    /// The rules the answer rests on (empty when supported).
    pub rules: Vec<&'static str>,
    /// Why, in one sentence.
    pub reason: String,
}

impl Verdict {
    fn yes(
        product: Product,
        mode: HaMode,
        version: SqlVersion,
        edition: SqlEdition,
        unverified: bool,
    ) -> Self {
        Verdict {
            support: Support::Yes,
            unverified,
            contested: false,
            rules: Vec::new(),
            reason: format!(
                "{} supports {} on {} {} edition",
                product.display_name(),
                mode.display_name(),
                version.display_name(),
                edition
            ),
        }
    }
}

/// Every verdict, worked out once: a query from C or Python is then a lookup.
static VERDICTS: LazyLock<Vec<Verdict>> = LazyLock::new(|| {
    let mut all = Vec::new();
    for &product in Product::ALL {
        for &mode in HaMode::ALL {
            for &version in SqlVersion::ALL {
                for &edition in SqlEdition::ALL {
                    all.push(back_end_support(product, mode, version, edition));
                }
            }
        }
    }
    all
});

/// [`back_end_support`] from a table built on first use: the same verdict, without building
/// its sentence again.
pub fn back_end_verdict(
    product: Product,
    mode: HaMode,
    version: SqlVersion,
    edition: SqlEdition,
) -> &'static Verdict {
    let index = ((at(Product::ALL, product) * HaMode::ALL.len() + at(HaMode::ALL, mode))
        * SqlVersion::ALL.len()
        + at(SqlVersion::ALL, version))
        * SqlEdition::ALL.len()
        + at(SqlEdition::ALL, edition);
    // The table holds every combination, in this order.
    VERDICTS.get(index).unwrap_or(&UNREACHABLE)
}

/// The position of a token in its `ALL` list.
fn at<T: PartialEq>(all: &[T], value: T) -> usize {
    all.iter().position(|v| *v == value).unwrap_or_default()
}

/// The answer for an index outside the table, which the table's construction rules out.
static UNREACHABLE: Verdict = Verdict {
    support: Support::Undocumented,
    unverified: true,
    contested: false,
    rules: Vec::new(),
    reason: String::new(),
};

/// Whether a product supports a back end with this HA mode on this SQL Server version and
/// edition (patch-level minimums aside: see the matrix rows for those).
pub fn back_end_support(
    product: Product,
    mode: HaMode,
    version: SqlVersion,
    edition: SqlEdition,
) -> Verdict {
    let no = |rule: &'static str, reason: String, unverified: bool| Verdict {
        support: Support::No,
        unverified,
        contested: false,
        rules: vec![rule],
        reason,
    };
    if let Some(modes) = ha_modes(product).filter(|modes| !modes.modes.contains(&mode)) {
        let reason = format!(
            "{} does not support {}",
            product.display_name(),
            mode.display_name()
        );
        return no("BE-002", reason, modes.unverified);
    }
    if edition == SqlEdition::Express {
        return no(
            "SQL-011",
            "SQL Server Express cannot hold an Enterprise back end".to_owned(),
            false,
        );
    }
    let Some(row) = sql_row(product, version) else {
        return no(
            version_rule(product).as_str(),
            format!("{} is not listed", version.display_name()),
            false,
        );
    };
    let cells = [
        (row.back_end, version_rule(product).as_str()),
        (
            row.mode_cell(mode),
            mode_rule(product, mode)
                .unwrap_or(version_rule(product))
                .as_str(),
        ),
    ];
    for (cell, rule) in cells {
        if cell.support != Support::Yes {
            let verb = if cell.support == Support::No {
                "does not support"
            } else {
                "is not documented to support"
            };
            let mut verdict = no(
                rule,
                format!(
                    "{} {verb} {} on {}",
                    product.display_name(),
                    mode.display_name(),
                    version.display_name()
                ),
                cell.is_unverified(),
            );
            verdict.support = cell.support;
            return verdict;
        }
    }
    let unverified = row.back_end.is_unverified();
    if mode == HaMode::AlwaysOnAg && edition == SqlEdition::Standard {
        return Verdict {
            support: Support::No,
            unverified,
            contested: true,
            rules: vec!["SQL-007"],
            reason: "AlwaysOn Availability Groups need SQL Server Enterprise edition; the documentation also mentions Standard edition \"with limitations\" (contested)".to_owned(),
        };
    }
    Verdict::yes(product, mode, version, edition, unverified)
}

/// The SQL Server versions a product supports for its Enterprise back end.
pub fn sql_versions(product: Product) -> Vec<SqlVersion> {
    SQL_MATRIX
        .iter()
        .filter(|row| row.product == product && row.back_end.support == Support::Yes)
        .map(|row| row.version)
        .collect()
}

/// The Windows Server versions a product is documented to run on for new installations.
pub fn os_versions(product: Product) -> Vec<Os> {
    supported_os(product).collect()
}
