//! The registry's data, one file a family, in catalog order.

mod be;
mod cms;
mod coex;
mod fe;
mod ops;
mod os;
mod pair;
mod rto;
mod shared;
mod sql;
mod wit;

use std::sync::LazyLock;

use super::Rule;

/// Each family's entries, in catalog order.
pub(super) const FAMILIES: &[&[Rule]] = &[
    pair::RULES,
    fe::RULES,
    be::RULES,
    wit::RULES,
    sql::RULES,
    os::RULES,
    cms::RULES,
    coex::RULES,
    rto::RULES,
    ops::RULES,
];

pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| FAMILIES.concat());
