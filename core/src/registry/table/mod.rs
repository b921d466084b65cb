//! The registry's data, one file a family, in catalog order.

mod be;
mod cms;
mod coex;
mod dir;
mod edge;
mod fe;
mod file;
mod lb;
mod life;
mod med;
mod net;
mod ops;
mod os;
mod pair;
mod pchat;
mod rto;
mod sba;
mod shared;
mod sql;
mod virt;
mod voice;
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
    virt::RULES,
    net::RULES,
    lb::RULES,
    edge::RULES,
    dir::RULES,
    med::RULES,
    voice::RULES,
    sba::RULES,
    pchat::RULES,
    file::RULES,
    cms::RULES,
    coex::RULES,
    rto::RULES,
    ops::RULES,
    life::RULES,
];

pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| FAMILIES.concat());
