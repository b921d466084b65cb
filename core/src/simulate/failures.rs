//! Failed entities, resolved against the topology: sites, data centers, pools, servers, SQL
//! hosts, SQL stores and file stores, all matched case-insensitively.

use std::collections::HashSet;

use crate::error::{ErrorKind, InputError, TopologyError, closest};
use crate::topology::Topology;

/// What is down in one scenario.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Failures {
    sites: HashSet<usize>,
    data_centers: HashSet<String>,
    pools: HashSet<usize>,
    servers: HashSet<String>,
    hosts: HashSet<String>,
    stores: HashSet<usize>,
    file_stores: HashSet<usize>,
}

impl Failures {
    /// Resolves names; an unknown name is an input error with the closest known name.
    pub fn resolve(topology: &Topology, names: &[String]) -> Result<Self, TopologyError> {
        let mut failures = Failures::default();
        let mut errors = Vec::new();
        for name in names {
            if !failures.add(topology, name) {
                let known = known_names(topology);
                let message = match closest(name, known.iter().map(String::as_str)) {
                    Some(near) => {
                        format!("no entity `{name}` in the topology: did you mean `{near}`?")
                    }
                    None => format!("no entity `{name}` in the topology"),
                };
                errors.push(InputError::at(ErrorKind::UnknownEntity, "", message).expected(
                    "the name of a site, data center, pool, server, SQL host, SQL store or file store",
                ));
            }
        }
        if errors.is_empty() {
            Ok(failures)
        } else {
            Err(TopologyError { errors })
        }
    }

    /// Adds every entity called `name`; false when nothing is.
    fn add(&mut self, topology: &Topology, name: &str) -> bool {
        let key = name.to_lowercase();
        let document = topology.document();
        let mut found = false;
        for (index, site) in document.sites.iter().enumerate() {
            if site.id.eq_ignore_ascii_case(name) {
                self.sites.insert(index);
                found = true;
            }
        }
        if data_centers(topology).contains(&key) {
            self.data_centers.insert(key.clone());
            found = true;
        }
        for (index, pool, _) in topology.pools() {
            if pool.fqdn.eq_ignore_ascii_case(name) {
                self.pools.insert(index);
                found = true;
            }
            if pool
                .servers
                .iter()
                .any(|s| s.fqdn.eq_ignore_ascii_case(name))
            {
                self.servers.insert(key.clone());
                found = true;
            }
        }
        for (index, store, facts) in topology.stores() {
            if store.id.eq_ignore_ascii_case(name) {
                self.stores.insert(index);
                found = true;
            }
            if facts.nodes.iter().any(|n| n.host() == key) {
                self.hosts.insert(key.clone());
                found = true;
            }
        }
        for (index, file_store) in document.file_stores.iter().enumerate() {
            if file_store.id.eq_ignore_ascii_case(name) {
                self.file_stores.insert(index);
                found = true;
            }
        }
        found
    }

    /// Whether a pool's whole site, or the pool itself, is lost.
    pub fn pool_lost(&self, topology: &Topology, pool: usize) -> bool {
        self.pools.contains(&pool)
            || topology
                .pool_facts(pool)
                .is_some_and(|f| self.sites.contains(&f.site))
    }

    /// Whether server `k` of `pool` is down.
    pub fn server_down(&self, topology: &Topology, pool: usize, k: usize) -> bool {
        let Some((document, facts)) = topology.pool(pool).zip(topology.pool_facts(pool)) else {
            return false;
        };
        let name = document
            .servers
            .get(k)
            .map(|s| s.fqdn.to_lowercase())
            .unwrap_or_default();
        let data_center = facts
            .server_data_centers
            .get(k)
            .map(|dc| dc.to_lowercase())
            .unwrap_or_default();
        self.pool_lost(topology, pool)
            || self.servers.contains(&name)
            || self.data_centers.contains(&data_center)
    }

    /// Whether node `node` of `store` is down: its host, its store, or its data center.
    pub fn node_down(&self, topology: &Topology, store: usize, node: usize) -> bool {
        let Some((_, facts)) = topology.store(store) else {
            return false;
        };
        let Some(node) = facts.nodes.get(node) else {
            return false;
        };
        let data_center = node_data_center(topology, store, node.data_center.as_deref());
        let site_lost = topology.document().sites.iter().enumerate().any(|(i, _)| {
            self.sites.contains(&i)
                && topology.site_data_center(i).map(str::to_lowercase) == data_center
        });
        self.stores.contains(&store)
            || self.hosts.contains(node.host())
            || data_center.is_some_and(|dc| self.data_centers.contains(&dc))
            || site_lost
    }

    /// Whether a file store is down.
    pub fn file_store_down(&self, topology: &Topology, index: usize) -> bool {
        let site = topology
            .document()
            .file_stores
            .get(index)
            .map(|f| f.site.as_str());
        let site_lost = topology
            .document()
            .sites
            .iter()
            .enumerate()
            .any(|(i, s)| self.sites.contains(&i) && Some(s.id.as_str()) == site);
        self.file_stores.contains(&index) || site_lost
    }
}

/// A SQL node's data center: its own, else that of the first Front End server of the first pool
/// its store serves (a back end is local to its pool).
fn node_data_center(topology: &Topology, store: usize, own: Option<&str>) -> Option<String> {
    own.map(str::to_owned)
        .or_else(|| {
            let (_, facts) = topology.store(store)?;
            let pool = facts.used_by.first()?;
            topology
                .pool_facts(*pool)?
                .server_data_centers
                .first()
                .map(ToString::to_string)
        })
        .map(|dc| dc.to_lowercase())
}

/// Every data center of the topology, lower case.
fn data_centers(topology: &Topology) -> HashSet<String> {
    let mut found: HashSet<String> = HashSet::new();
    for (_, _, facts) in topology.pools() {
        found.extend(facts.server_data_centers.iter().map(|dc| dc.to_lowercase()));
    }
    for (_, _, facts) in topology.stores() {
        found.extend(
            facts
                .nodes
                .iter()
                .filter_map(|n| n.data_center.as_ref())
                .map(|dc| dc.to_lowercase()),
        );
    }
    found
}

/// Every name `--fail` accepts, for suggestions.
fn known_names(topology: &Topology) -> Vec<String> {
    let document = topology.document();
    let mut names: Vec<String> = document.sites.iter().map(|s| s.id.to_string()).collect();
    names.extend(data_centers(topology));
    for pool in &document.pools {
        names.push(pool.fqdn.to_string());
        names.extend(pool.servers.iter().map(|s| s.fqdn.to_string()));
    }
    for (_, store, facts) in topology.stores() {
        names.push(store.id.to_string());
        names.extend(facts.nodes.iter().map(|n| n.fqdn.to_string()));
    }
    names.extend(document.file_stores.iter().map(|f| f.id.to_string()));
    names.sort();
    names.dedup();
    names
}
