//! Step 1 of a scenario: names → the set of failed entities.
//!
//! [`Names`] indexes every name `--fail` accepts once per simulation (sites, data centers,
//! pools, servers, SQL hosts, SQL stores, file stores, all without case), so resolving a name
//! costs what it fails, not the size of the topology.

use std::collections::{BTreeSet, HashSet};

use std::collections::hash_map::Entry;

use foldhash::{HashMap, HashMapExt};

use crate::caseless::Caseless;
use crate::error::{ErrorKind, InputError, TopologyError, closest};
use crate::tokens::SiteKind;
use crate::topology::Topology;

/// The prefix that names a branch site's WAN link: `wan:austin`.
const WAN: &str = "wan:";

/// The servers `(pool, k)` and SQL nodes `(store, node)` of one data center.
type Members = (Vec<(usize, usize)>, Vec<(usize, usize)>);

/// One thing a name can stand for.
#[derive(Debug, Clone, Copy)]
enum Entity<'t> {
    Site(usize),
    DataCenter(Caseless<'t>),
    Pool(usize),
    /// Server `k` of pool `pool`.
    Server(usize, usize),
    /// Every node on this host, in every store.
    Host(Caseless<'t>),
    Store(usize),
    FileStore(usize),
    /// A gateway of `pstn_gateways`.
    Gateway(usize),
}

/// Every failable name of a topology, and what a site or data center holds.
#[derive(Debug)]
pub(super) struct Names<'t> {
    topology: &'t Topology,
    /// The first entity of each name, and the rare others (a SQL host named like a server, a
    /// site named like a data center) apart, so that the index costs one entry a name.
    by_name: HashMap<Caseless<'t>, Entity<'t>>,
    more: HashMap<Caseless<'t>, Vec<Entity<'t>>>,
    /// Servers `(pool, k)` and SQL nodes `(store, node)` of each data center.
    data_centers: HashMap<Caseless<'t>, Members>,
    /// SQL nodes `(store, node)` of each host.
    hosts: HashMap<Caseless<'t>, Vec<(usize, usize)>>,
    /// Pools of each site.
    site_pools: Vec<Vec<usize>>,
    /// File stores of each site.
    site_file_stores: Vec<Vec<usize>>,
    /// Pools whose `file_store` is each file store.
    file_store_users: Vec<Vec<usize>>,
    /// Gateways of each site.
    site_gateways: Vec<Vec<usize>>,
    /// Gateways whose Mediation pool is each pool.
    pool_gateways: Vec<Vec<usize>>,
}

impl<'t> Names<'t> {
    /// Indexes the topology's names.
    pub(super) fn new(topology: &'t Topology) -> Self {
        let document = topology.document();
        let mut names = Names {
            topology,
            by_name: HashMap::new(),
            more: HashMap::new(),
            data_centers: HashMap::new(),
            hosts: HashMap::new(),
            site_pools: vec![Vec::new(); document.sites.len()],
            site_file_stores: vec![Vec::new(); document.sites.len()],
            file_store_users: vec![Vec::new(); document.file_stores.len()],
            site_gateways: vec![Vec::new(); document.sites.len()],
            pool_gateways: vec![Vec::new(); document.pools.len()],
        };
        for (index, site) in document.sites.iter().enumerate() {
            names.add(&site.id, Entity::Site(index));
        }
        let sites: HashMap<&str, usize> = document
            .sites
            .iter()
            .enumerate()
            .map(|(index, site)| (&*site.id, index))
            .collect();
        let mut file_stores: HashMap<Caseless<'t>, usize> = HashMap::new();
        for (index, file_store) in document.file_stores.iter().enumerate() {
            names.add(&file_store.id, Entity::FileStore(index));
            file_stores.entry(Caseless(&file_store.id)).or_insert(index);
            let site = sites.get(&*file_store.site);
            if let Some(list) = site.and_then(|&s| names.site_file_stores.get_mut(s)) {
                list.push(index);
            }
        }
        for (index, pool, facts) in topology.pools() {
            names.add(&pool.fqdn, Entity::Pool(index));
            if let Some(list) = names.site_pools.get_mut(facts.site) {
                list.push(index);
            }
            let file_store = pool.file_store.as_deref().map(Caseless);
            if let Some(list) = file_store
                .and_then(|f| file_stores.get(&f))
                .and_then(|&f| names.file_store_users.get_mut(f))
            {
                list.push(index);
            }
            for (k, (server, data_center)) in pool
                .servers
                .iter()
                .zip(&facts.server_data_centers)
                .enumerate()
            {
                names.add(&server.fqdn, Entity::Server(index, k));
                names.in_data_center(data_center).0.push((index, k));
            }
        }
        for (index, gateway, facts) in topology.gateways() {
            names.add(&gateway.fqdn, Entity::Gateway(index));
            if let Some(list) = names.site_gateways.get_mut(facts.site) {
                list.push(index);
            }
            if let Some(list) = names.pool_gateways.get_mut(facts.mediation) {
                list.push(index);
            }
        }
        for (index, store, facts) in topology.stores() {
            names.add(&store.id, Entity::Store(index));
            for (n, node) in facts.nodes.iter().enumerate() {
                let host = Caseless(node.host());
                if !names.hosts.contains_key(&host) {
                    names.add(&node.fqdn, Entity::Host(host));
                }
                names.hosts.entry(host).or_default().push((index, n));
                if let Some(data_center) = node_data_center(topology, index, node) {
                    names.in_data_center(data_center).1.push((index, n));
                }
            }
        }
        names
    }

    fn add(&mut self, name: &'t str, entity: Entity<'t>) {
        let key = Caseless(name);
        match self.by_name.entry(key) {
            Entry::Occupied(_) => self.more.entry(key).or_default().push(entity),
            Entry::Vacant(slot) => {
                slot.insert(entity);
            }
        }
    }

    /// The members of a data center, registering its name on first sight.
    fn in_data_center(&mut self, name: &'t str) -> &mut Members {
        let key = Caseless(name);
        if !self.data_centers.contains_key(&key) {
            self.add(name, Entity::DataCenter(key));
        }
        self.data_centers.entry(key).or_default()
    }

    /// Resolves names; an unknown name is an input error with the closest known name.
    pub(super) fn resolve(&self, names: &[String]) -> Result<Failed, TopologyError> {
        let mut failed = Failed::default();
        let mut errors = Vec::new();
        for name in names {
            if let Some(site) = name.get(..4).filter(|p| p.eq_ignore_ascii_case(WAN)) {
                let rest = name.get(site.len()..).unwrap_or_default();
                match self.branch_site(rest) {
                    Ok(index) => {
                        failed.wan.insert(index);
                    }
                    Err(error) => errors.push(*error),
                }
                continue;
            }
            let key = Caseless(name);
            match self.by_name.get(&key) {
                Some(entity) => {
                    self.fail(*entity, &mut failed);
                    for entity in self.more.get(&key).into_iter().flatten() {
                        self.fail(*entity, &mut failed);
                    }
                }
                None => errors.push(self.unknown(name)),
            }
        }
        if errors.is_empty() {
            Ok(failed)
        } else {
            Err(TopologyError { errors })
        }
    }

    /// The branch site a `wan:` name names.
    fn branch_site(&self, id: &str) -> Result<usize, Box<InputError>> {
        let document = self.topology.document();
        let found = document
            .sites
            .iter()
            .position(|site| site.id.eq_ignore_ascii_case(id));
        match found {
            Some(index) if self.topology.site_kind_of(index) == SiteKind::Branch => Ok(index),
            Some(_) => Err(Box::new(InputError::at(
                ErrorKind::InvalidValue,
                "",
                format!("`{WAN}{id}`: `{id}` is a central site; a WAN link failure is simulated for a branch site"),
            )
            .expected(format!("`{WAN}` and the id of a branch site")))),
            None => {
                let ids = document.sites.iter().map(|site| site.id.as_str());
                let message = match closest(id, ids) {
                    Some(near) => format!("no site `{id}` in the topology: did you mean `{WAN}{near}`?"),
                    None => format!("no site `{id}` in the topology"),
                };
                Err(Box::new(
                    InputError::at(ErrorKind::UnknownEntity, "", message)
                        .expected(format!("`{WAN}` and the id of a branch site")),
                ))
            }
        }
    }

    /// Adds what an entity takes down.
    fn fail(&self, entity: Entity<'t>, failed: &mut Failed) {
        match entity {
            Entity::Site(site) => {
                failed
                    .lost_pools
                    .extend(self.site_pools.get(site).into_iter().flatten());
                failed
                    .file_stores
                    .extend(self.site_file_stores.get(site).into_iter().flatten());
                failed
                    .gateways
                    .extend(self.site_gateways.get(site).into_iter().flatten());
                let data_center = self.topology.site_data_center(site).map(Caseless);
                if let Some((_, nodes)) = data_center.and_then(|dc| self.data_centers.get(&dc)) {
                    failed.nodes.extend(nodes);
                }
            }
            Entity::DataCenter(key) => {
                if let Some((servers, nodes)) = self.data_centers.get(&key) {
                    failed.servers.extend(servers);
                    failed.nodes.extend(nodes);
                }
            }
            Entity::Pool(pool) => {
                failed.lost_pools.insert(pool);
            }
            Entity::Server(pool, k) => {
                failed.servers.insert((pool, k));
            }
            Entity::Host(host) => {
                failed
                    .nodes
                    .extend(self.hosts.get(&host).into_iter().flatten());
            }
            Entity::Store(store) => {
                let nodes = self.topology.store(store).map_or(0, |(_, f)| f.nodes.len());
                failed.nodes.extend((0..nodes).map(|n| (store, n)));
            }
            Entity::FileStore(index) => {
                failed.file_stores.insert(index);
            }
            Entity::Gateway(index) => {
                failed.gateways.insert(index);
            }
        }
    }

    fn unknown(&self, name: &str) -> InputError {
        let mut known: Vec<&str> = self.by_name.keys().map(|k| k.0).collect();
        known.sort_unstable();
        let message = match closest(name, known) {
            Some(near) => format!("no entity `{name}` in the topology: did you mean `{near}`?"),
            None => format!("no entity `{name}` in the topology"),
        };
        InputError::at(ErrorKind::UnknownEntity, "", message).expected(
            "the name of a site, data center, pool, server, SQL host, SQL store, file store or gateway, or `wan:` and a branch site",
        )
    }

    /// The pools a set of failures touches directly: a server, the whole pool, a node of its
    /// back end, or its file store. In document order.
    pub(super) fn hit_pools(&self, failed: &Failed) -> BTreeSet<usize> {
        let mut pools: BTreeSet<usize> = failed.lost_pools.iter().copied().collect();
        pools.extend(failed.servers.iter().map(|(pool, _)| *pool));
        for (store, _) in &failed.nodes {
            if let Some((_, facts)) = self.topology.store(*store) {
                pools.extend(&facts.used_by);
            }
        }
        for file_store in &failed.file_stores {
            pools.extend(self.file_store_users.get(*file_store).into_iter().flatten());
        }
        pools
    }

    /// The gateways of a site.
    pub(super) fn site_gateways(&self, site: usize) -> &[usize] {
        self.site_gateways.get(site).map_or(&[], Vec::as_slice)
    }

    /// The gateways whose Mediation pool is `pool`.
    pub(super) fn pool_gateways(&self, pool: usize) -> &[usize] {
        self.pool_gateways.get(pool).map_or(&[], Vec::as_slice)
    }

    /// The pools of a site.
    pub(super) fn site_pools(&self, site: usize) -> &[usize] {
        self.site_pools.get(site).map_or(&[], Vec::as_slice)
    }

    /// Whether a pool uses a failed file store.
    pub(super) fn file_store_down(&self, failed: &Failed, pool: usize) -> bool {
        failed.file_stores.iter().any(|f| {
            self.file_store_users
                .get(*f)
                .is_some_and(|users| users.contains(&pool))
        })
    }
}

/// What is down in one scenario.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Failed {
    /// Pools lost as a whole (named, or their site lost).
    lost_pools: HashSet<usize>,
    /// Servers `(pool, k)`.
    servers: HashSet<(usize, usize)>,
    /// SQL nodes `(store, node)`.
    nodes: HashSet<(usize, usize)>,
    /// File stores.
    file_stores: HashSet<usize>,
    /// Gateways of `pstn_gateways`.
    pub(super) gateways: HashSet<usize>,
    /// Branch sites whose WAN link is down.
    pub(super) wan: BTreeSet<usize>,
}

impl Failed {
    /// Whether the pool is lost as a whole.
    pub(super) fn pool_lost(&self, pool: usize) -> bool {
        self.lost_pools.contains(&pool)
    }

    /// Whether server `k` of `pool` is down.
    pub(super) fn server_down(&self, pool: usize, k: usize) -> bool {
        self.pool_lost(pool) || self.servers.contains(&(pool, k))
    }

    /// Whether node `node` of `store` is down.
    pub(super) fn node_down(&self, store: usize, node: usize) -> bool {
        self.nodes.contains(&(store, node))
    }
}

/// A SQL node's data center: its own, else that of the first Front End server of the first pool
/// its store serves (a back end is local to its pool).
fn node_data_center<'t>(
    topology: &'t Topology,
    store: usize,
    node: &'t crate::topology::NodeFacts,
) -> Option<&'t str> {
    node.data_center.as_deref().or_else(|| {
        let (_, facts) = topology.store(store)?;
        let pool = facts.used_by.first()?;
        topology
            .pool_facts(*pool)?
            .server_data_centers
            .first()
            .map(|dc| &**dc)
    })
}
