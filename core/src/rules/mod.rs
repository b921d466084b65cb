//! The checks, one module a family. Each check reads the resolved [`Topology`] and reports
//! [`Finding`]s; the registry supplies severities, help and references.

mod be;
mod cms;
mod coex;
mod dir;
mod edge;
mod fe;
mod file;
mod finding;
mod lb;
mod life;
mod med;
mod net;
mod os;
mod pair;
mod pchat;
mod remote_users;
mod sba;
mod sql;
mod virt;
mod voice;
mod wit;

pub(crate) use finding::{Finding, Findings};

use std::collections::BTreeSet;

use serde_json::Value;

use crate::check::Options;
use crate::document::{Pool, Server};
use crate::lifecycle::Date;
use crate::readiness::Move;
use crate::report::Pointer;
use crate::tokens::Family;
use crate::topology::{PoolFacts, Topology};

/// Runs every family that has a selected rule; within a family, a rule that is not selected
/// skips its work where it has work of its own, and never reports.
pub(crate) fn run(
    topology: &Topology,
    options: &Options,
    check_date: Date,
    moves: &[Move],
    out: &mut Findings,
) {
    if out.wants_family(Family::Pair) {
        pair::check(topology, out);
    }
    if out.wants_family(Family::Fe) {
        fe::check(topology, out);
    }
    if out.wants_family(Family::Be) {
        be::check(topology, out);
    }
    if out.wants_family(Family::Wit) {
        wit::check(topology, out);
    }
    if out.wants_family(Family::Sql) {
        sql::check(topology, options, out);
    }
    if out.wants_family(Family::Os) {
        os::check(topology, out);
    }
    if out.wants_family(Family::Virt) {
        virt::check(topology, out);
    }
    if out.wants_family(Family::Net) {
        net::check(topology, out);
    }
    if out.wants_family(Family::Lb) {
        lb::check(topology, out);
    }
    if out.wants_family(Family::Edge) {
        edge::check(topology, out);
    }
    if out.wants_family(Family::Dir) {
        dir::check(topology, out);
    }
    if out.wants_family(Family::Med) {
        med::check(topology, out);
    }
    if out.wants_family(Family::Voice) {
        voice::check(topology, out);
    }
    if out.wants_family(Family::Sba) {
        sba::check(topology, out);
    }
    if out.wants_family(Family::Pchat) {
        pchat::check(topology, out);
    }
    if out.wants_family(Family::File) {
        file::check(topology, out);
    }
    if out.wants_family(Family::Cms) {
        cms::check(topology, out);
    }
    if out.wants_family(Family::Coex) {
        coex::check(topology, moves, out);
    }
    if out.wants_family(Family::Life) {
        life::check(topology, check_date, options.approaching_months(), out);
    }
}

/// JSON Pointer of a key of the pool at `index`.
fn pool_path(index: usize, key: &'static str) -> Pointer {
    Pointer::entity("pools", index).key(key)
}

/// JSON Pointer of a key of the server `server` of the pool at `index`.
fn server_path(index: usize, server: usize, key: &'static str) -> Pointer {
    Pointer::entity("pools", index)
        .key("servers")
        .index(server)
        .key(key)
}

/// JSON Pointer of a key of the SQL store at `index`.
fn store_path(index: usize, key: &'static str) -> Pointer {
    Pointer::entity("sql_stores", index).key(key)
}

/// JSON Pointers of a server key that is absent, for a not-evaluated finding.
fn missing_server_keys<T>(
    index: usize,
    pool: &Pool,
    key: &'static str,
    value: impl Fn(&Server) -> Option<T>,
) -> Vec<Pointer> {
    pool.servers
        .iter()
        .enumerate()
        .filter(|(_, server)| value(server).is_none())
        .map(|(k, _)| server_path(index, k, key))
        .collect()
}

/// A pool's data centers when its servers are in more than one (a stretched pool).
fn stretched(facts: &PoolFacts) -> Option<BTreeSet<&str>> {
    let data_centers: BTreeSet<&str> = facts
        .server_data_centers
        .iter()
        .map(|d| d.as_str())
        .collect();
    (data_centers.len() > 1).then_some(data_centers)
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
