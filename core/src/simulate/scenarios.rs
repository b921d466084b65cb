//! Scenario generators (every single failure, every site and data-center loss), the Front End
//! failures each pool survives, and the single points of failure.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use super::Scenario;
use super::pool::State;
use crate::caseless::Caseless;
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

/// An entity whose loss alone takes pools down or degrades them.
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

/// The name of each single failure: every server, every SQL host once, every file store.
pub(super) fn single_names(topology: &Topology) -> impl Iterator<Item = &str> {
    let servers = topology
        .pools()
        .flat_map(|(_, pool, _)| pool.servers.iter().map(|s| &*s.fqdn));
    let mut hosts = HashSet::new();
    let sql_hosts = topology
        .stores()
        .flat_map(|(_, _, facts)| facts.nodes.iter())
        .filter(move |node| hosts.insert(node.host()))
        .map(|node| &*node.fqdn);
    let file_stores = topology.document().file_stores.iter().map(|f| &*f.id);
    servers.chain(sql_hosts).chain(file_stores)
}

/// Each site, then each data center that is not named like a site: `(title, name)`.
pub(super) fn site_losses(topology: &Topology) -> Vec<(String, String)> {
    let sites = &topology.document().sites;
    let site_ids: HashSet<Caseless<'_>> = sites.iter().map(|s| Caseless(&s.id)).collect();
    let mut losses: Vec<(String, String)> = sites
        .iter()
        .map(|s| (format!("lose site {}", s.id), s.id.to_string()))
        .collect();
    let data_centers: BTreeSet<&str> = topology
        .pools()
        .flat_map(|(_, _, facts)| facts.server_data_centers.iter().map(|dc| &**dc))
        .filter(|dc| !site_ids.contains(&Caseless(dc)))
        .collect();
    losses.extend(
        data_centers
            .into_iter()
            .map(|dc| (format!("lose data center {dc}"), dc.to_owned())),
    );
    losses
}

/// The single point of failure a single-failure scenario shows, if any: the pools it leaves
/// degraded or down.
pub(super) fn single_point_of_failure(scenario: &Scenario) -> Option<SinglePointOfFailure> {
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
}
