//! Scenario generators: every single failure, every site and data-center loss, the Front End
//! failures each pool survives, and the single points of failure.

use std::collections::BTreeSet;

use serde::Serialize;

use super::pool::{self, State};
use super::{Failures, Scenario};
use crate::matrix::quorum::{self, Quorum};
use crate::topology::Topology;

/// How many Front End Servers of a pool may fail at once, whichever they are (FE-006).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tolerance {
    /// Pool FQDN.
    pub pool: String,
    /// Front End Servers in the pool.
    pub servers: usize,
    /// Worst case: the largest number of simultaneous failures that always leaves the pool
    /// functional; `None` when the pool-level quorum of this size is not documented.
    pub survives: Option<usize>,
}

/// An entity whose loss alone takes pools down or to resiliency mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SinglePointOfFailure {
    /// The entity's name.
    pub entity: String,
    /// The pools it affects and their state.
    pub pools: Vec<AffectedPool>,
}

/// A pool affected by a single failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffectedPool {
    /// Pool FQDN.
    pub pool: String,
    /// `degraded` or `down`.
    pub state: State,
}

/// Per Enterprise Front End pool, the worst-case number of Front End failures it survives,
/// computed from the pool-level quorum table: losses inside the "first M" window count first.
pub fn tolerance(topology: &Topology) -> Vec<Tolerance> {
    topology
        .pools()
        .filter(|(_, pool, _)| pool.is_enterprise_front_end())
        .map(|(_, pool, _)| {
            let servers = pool.servers.len();
            let survives = match quorum::functional(pool.product, servers) {
                Quorum::Needs { needed } => needed
                    .iter()
                    .map(|n| {
                        n.of_first
                            .unwrap_or(servers)
                            .min(servers)
                            .saturating_sub(n.count)
                    })
                    .min(),
                Quorum::NotSupported | Quorum::Undocumented => None,
            };
            Tolerance {
                pool: pool.fqdn.to_string(),
                servers,
                survives,
            }
        })
        .collect()
}

/// One scenario for each server, SQL host and file store.
pub(super) fn single_failures(topology: &Topology) -> Vec<Scenario> {
    let mut names: Vec<String> = Vec::new();
    for (_, pool, _) in topology.pools() {
        names.extend(pool.servers.iter().map(|s| s.fqdn.to_string()));
    }
    let mut hosts = BTreeSet::new();
    for (_, _, facts) in topology.stores() {
        for node in &facts.nodes {
            if hosts.insert(node.host()) {
                names.push(node.fqdn.to_string());
            }
        }
    }
    names.extend(
        topology
            .document()
            .file_stores
            .iter()
            .map(|f| f.id.to_string()),
    );
    names
        .into_iter()
        .map(|name| named(topology, format!("fail {name}"), name))
        .collect()
}

/// One scenario for each site, and for each data center that is not named like a site.
pub(super) fn site_losses(topology: &Topology) -> Vec<Scenario> {
    let sites: Vec<String> = topology
        .document()
        .sites
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    let mut scenarios: Vec<Scenario> = sites
        .iter()
        .map(|site| named(topology, format!("lose site {site}"), site.clone()))
        .collect();
    let mut data_centers = BTreeSet::new();
    for (_, _, facts) in topology.pools() {
        data_centers.extend(facts.server_data_centers.iter().cloned());
    }
    for data_center in data_centers
        .into_iter()
        .filter(|dc| !sites.iter().any(|s| s.eq_ignore_ascii_case(dc)))
    {
        scenarios.push(named(
            topology,
            format!("lose data center {data_center}"),
            data_center.to_string(),
        ));
    }
    scenarios
}

/// A scenario of one name known to exist.
fn named(topology: &Topology, title: String, name: String) -> Scenario {
    let failures = Failures::resolve(topology, std::slice::from_ref(&name)).unwrap_or_default();
    Scenario {
        name: title,
        failed: vec![name],
        pools: pool::outcomes(topology, &failures),
    }
}

/// The single failures that take a pool down or to resiliency mode.
pub(super) fn single_points_of_failure(singles: &[Scenario]) -> Vec<SinglePointOfFailure> {
    singles
        .iter()
        .filter_map(|scenario| {
            let pools: Vec<AffectedPool> = scenario
                .pools
                .iter()
                .filter(|p| p.state != State::Up)
                .map(|p| AffectedPool {
                    pool: p.pool.clone(),
                    state: p.state,
                })
                .collect();
            let entity = scenario.failed.first()?.clone();
            (!pools.is_empty()).then_some(SinglePointOfFailure { entity, pools })
        })
        .collect()
}
