//! The checks, one module a family. Each check reads the resolved [`Topology`] and reports
//! [`Finding`]s; the registry supplies severities, help and references.

mod be;
mod cms;
mod coex;
mod fe;
mod os;
mod pair;
mod sql;
mod wit;

use crate::check::{Findings, Options};
use std::collections::BTreeSet;

use serde_json::Value;

use crate::document::{Pool, Server};
use crate::tokens::{Edition, PoolKind};
use crate::topology::Topology;

/// Runs every family's checks.
pub(crate) fn run(topology: &Topology, options: &Options, out: &mut Findings) {
    pair::check(topology, out);
    fe::check(topology, out);
    be::check(topology, out);
    wit::check(topology, out);
    sql::check(topology, options, out);
    os::check(topology, out);
    cms::check(topology, out);
    coex::check(topology, out);
}

/// Whether a pool is an Enterprise Edition Front End pool.
pub(crate) fn is_enterprise_front_end(pool: &Pool) -> bool {
    pool.kind == PoolKind::FrontEnd && pool.edition == Some(Edition::Enterprise)
}

/// JSON Pointer of a key of the pool at `index`.
fn pool_path(index: usize, key: &str) -> String {
    format!("/pools/{index}/{key}")
}

/// JSON Pointers of a server key that is absent, for a not-evaluated finding.
fn missing_server_keys<T>(
    index: usize,
    pool: &Pool,
    key: &str,
    value: impl Fn(&Server) -> Option<T>,
) -> Vec<String> {
    pool.servers
        .iter()
        .enumerate()
        .filter(|(_, server)| value(server).is_none())
        .map(|(k, _)| format!("/pools/{index}/servers/{k}/{key}"))
        .collect()
}

/// `physical`, `physical and virtual`, `unknown`.
fn words(set: &BTreeSet<&str>) -> String {
    match set.len() {
        0 => "unknown".to_owned(),
        _ => set.iter().copied().collect::<Vec<_>>().join(" and "),
    }
}

/// A set as a fact: the value when there is one, else an array.
fn set_value(set: &BTreeSet<&str>) -> Value {
    match set.iter().next() {
        Some(only) if set.len() == 1 => Value::from(*only),
        _ => Value::from(set.iter().copied().collect::<Vec<_>>()),
    }
}
