//! A parsed document with every reference resolved and the facts the rules read derived once.

use foldhash::{HashMap, HashMapExt};

use smol_str::StrExt;

use crate::caseless::Caseless;
use crate::document::parse;
use crate::document::{
    Cluster, Document, Ha, Pool, PstnGateway, Replica, Server, SqlNode, SqlStore, Text,
};
use crate::error::{ErrorKind, InputError, TopologyError, closest, one_of};
use crate::limits::Limits;
use crate::report::Pointer;
use crate::tokens::{
    Commit, Edition, FailoverMode, HaMode, PoolKind, SiteKind, SqlEdition, SqlVersion,
};

/// A topology ready to be checked: the document, its resolved references and derived facts.
///
/// Built once by [`Topology::from_json`] or [`Topology::from_document`]; immutable afterwards,
/// so one topology can be checked from many threads and against many option sets.
#[derive(Debug, Clone)]
pub struct Topology {
    document: Document,
    pools: Vec<PoolFacts>,
    stores: Vec<StoreFacts>,
    pairings: Vec<Pairing>,
    witnesses: Vec<WitnessFacts>,
    gateways: Vec<GatewayFacts>,
    /// Per site, the indices of its `failover_gateways` in `pstn_gateways`.
    failover: Vec<Option<Vec<usize>>>,
}

/// The facts of `pstn_gateways`, and each site's failover gateways as their indices.
type GatewayLists = (Vec<GatewayFacts>, Vec<Option<Vec<usize>>>);

/// What the rules know about one PSTN gateway or SIP trunk of `pstn_gateways`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GatewayFacts {
    /// Index of its site in `sites`.
    pub site: usize,
    /// Index of the pool named by `mediation_pool`.
    pub mediation: usize,
}

/// What the rules know about one pool beyond its document entry.
#[derive(Debug, Clone)]
pub struct PoolFacts {
    /// Index of the pool's site in `sites`.
    pub site: usize,
    /// Index of the back-end store in `sql_stores`.
    pub back_end: Option<usize>,
    /// Index of the pool named by `backup_pool`.
    pub backup: Option<usize>,
    /// Index of the pool named by `associated_pool`.
    pub associated: Option<usize>,
    /// Index of the pool named by `edge.next_hop`.
    pub next_hop: Option<usize>,
    /// Effective data center of each server, in server order.
    pub server_data_centers: Vec<Text>,
    /// Users homed on the SBAs and SBSs associated with this pool, when every one states them.
    pub branch_users: Option<u64>,
    /// Indices of the SBA/SBS pools associated with this pool.
    pub branches: Vec<usize>,
    /// Persistent Chat: the stores and pools it names, resolved.
    pub chat: ChatFacts,
}

/// What a `persistent_chat` pool names, resolved (all empty for other pools).
#[derive(Debug, Clone, Default)]
pub struct ChatFacts {
    /// Index of the pool named by `next_hop_pool`.
    pub next_hop: Option<usize>,
    /// Index of the pool named by `collocated_on`.
    pub collocated_on: Option<usize>,
    /// Indices of the servers named by `active_servers`, when given.
    pub active: Option<Vec<usize>>,
    /// Index of the `compliance_store` in `sql_stores`.
    pub compliance_store: Option<usize>,
    /// Index of the `backup_store` in `sql_stores`.
    pub backup_store: Option<usize>,
    /// Index of the `compliance_backup_store` in `sql_stores`.
    pub compliance_backup_store: Option<usize>,
}

/// What the rules know about one SQL store.
#[derive(Debug, Clone)]
pub struct StoreFacts {
    /// The HA mode.
    pub mode: HaMode,
    /// Every SQL node with its effective facts.
    pub nodes: Vec<NodeFacts>,
    /// Indices of the pools whose `back_end` is this store, in document order.
    pub used_by: Vec<usize>,
}

/// The part a SQL node plays in its store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeRole {
    /// The single instance of a store without HA.
    Server,
    /// The mirroring principal.
    Principal,
    /// The mirroring mirror.
    Mirror,
    /// The mirroring witness.
    Witness,
    /// An availability-group replica.
    Replica {
        /// Commit mode.
        commit: Commit,
        /// Failover mode.
        failover: FailoverMode,
    },
    /// A failover-cluster node.
    ClusterNode,
}

impl NodeRole {
    /// The role as a word for messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            NodeRole::Server => "server",
            NodeRole::Principal => "principal",
            NodeRole::Mirror => "mirror",
            NodeRole::Witness => "witness",
            NodeRole::Replica { .. } => "replica",
            NodeRole::ClusterNode => "cluster node",
        }
    }
}

/// Where a node sits in its store's `ha` object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeSlot {
    /// `ha.server`.
    Server,
    /// `ha.principal`.
    Principal,
    /// `ha.mirror`.
    Mirror,
    /// `ha.witness`.
    Witness,
    /// `ha.replicas[k]`.
    Replica(usize),
    /// `ha.nodes[k]`.
    Node(usize),
}

/// A SQL node with its effective version, edition, domain and data center.
///
/// Its JSON Pointers are built on demand: only findings need them.
#[derive(Debug, Clone)]
pub struct NodeFacts {
    /// Its part in the store.
    pub role: NodeRole,
    /// Host FQDN as written.
    pub fqdn: Text,
    /// Host FQDN in lower case: the key that compares hosts.
    pub host: Text,
    /// Instance name (`""` for the default instance).
    pub instance: Text,
    /// Its own version, else the store's.
    pub version: Option<SqlVersion>,
    /// Its own edition, else the store's.
    pub edition: Option<SqlEdition>,
    /// Active Directory domain.
    pub domain: Option<Text>,
    /// Its own data center.
    pub data_center: Option<Text>,
    /// Network interfaces its operating system sees.
    pub network_interfaces: Option<u32>,
    /// Index of its store in `sql_stores`.
    pub store: usize,
    /// Where it sits in the store.
    pub slot: NodeSlot,
    /// Whether the node states its own `version` (else it takes the store's).
    pub own_version: bool,
    /// Whether the node states its own `edition` (else it takes the store's).
    pub own_edition: bool,
    /// Its service pack: its own, else the store's when it runs the store's version; `None`
    /// when it runs another version without stating its own.
    pub service_pack: Option<u32>,
    /// Its SQL Server cumulative update, as `service_pack`.
    pub cumulative_update: Option<u32>,
    /// Whether its patch level is its own (stated, or due because it runs another version
    /// than the store's): its keys are then the node's, else the store's.
    pub own_patch: bool,
    /// Its own `esu`, else the store's.
    pub esu: bool,
}

impl NodeFacts {
    /// Whether this node stores the pool's databases (every role but the witness).
    pub fn holds_data(&self) -> bool {
        self.role != NodeRole::Witness
    }

    /// Case-insensitive host key.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// JSON Pointer of the node object.
    pub fn pointer(&self) -> Pointer {
        let ha = Pointer::entity("sql_stores", self.store).key("ha");
        match self.slot {
            NodeSlot::Server => ha.key("server"),
            NodeSlot::Principal => ha.key("principal"),
            NodeSlot::Mirror => ha.key("mirror"),
            NodeSlot::Witness => ha.key("witness"),
            NodeSlot::Replica(k) => ha.key("replicas").index(k),
            NodeSlot::Node(k) => ha.key("nodes").index(k),
        }
    }

    /// JSON Pointer of the `version` the node takes: its own, else the store's.
    pub fn version_path(&self) -> Pointer {
        self.own_path("version", self.own_version)
    }

    /// JSON Pointer of the object whose `service_pack` and `cumulative_update` describe the
    /// node: the node itself when its patch level is its own, else the store.
    pub fn patch_level_pointer(&self) -> Pointer {
        if self.own_patch {
            self.pointer()
        } else {
            Pointer::entity("sql_stores", self.store)
        }
    }

    /// JSON Pointer of the `edition` the node takes: its own, else the store's.
    pub fn edition_path(&self) -> Pointer {
        self.own_path("edition", self.own_edition)
    }

    fn own_path(&self, key: &'static str, own: bool) -> Pointer {
        if own {
            self.pointer().key(key)
        } else {
            Pointer::entity("sql_stores", self.store).key(key)
        }
    }
}

/// A pool whose `backup_pool` names another pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pairing {
    /// The pool whose `backup_pool` names the partner: the subject of pair findings.
    pub pool: usize,
    /// The pool it names.
    pub partner: usize,
}

/// One mirroring witness (host and instance) and the mirrored stores it serves.
#[derive(Debug, Clone)]
pub struct WitnessFacts {
    /// Host FQDN as first written.
    pub fqdn: Text,
    /// Instance name.
    pub instance: Text,
    /// Indices of the stores it witnesses.
    pub stores: Vec<usize>,
}

impl Topology {
    /// Parses and resolves the bytes of a format-1 JSON document, within the default
    /// [`Limits`].
    pub fn from_json(bytes: &[u8]) -> Result<Self, TopologyError> {
        Self::from_json_with_limits(bytes, &Limits::default())
    }

    /// Parses and resolves the bytes of a format-1 JSON document, refusing one larger than
    /// `limits` before reading it.
    pub fn from_json_with_limits(bytes: &[u8], limits: &Limits) -> Result<Self, TopologyError> {
        limits.size(bytes.len(), "document").map_err(|e| *e)?;
        let document = parse::parse(bytes)?;
        limits.entities(&document).map_err(|e| *e)?;
        Self::from_document(document)
    }

    /// Resolves a document built in code or by an importer.
    pub fn from_document(document: Document) -> Result<Self, TopologyError> {
        Resolver::new(&document)
            .resolve()
            .map(|(pools, stores, (gateways, failover))| {
                let pairings = pairings(&pools);
                let witnesses = witnesses(&stores);
                Topology {
                    document,
                    pools,
                    stores,
                    pairings,
                    witnesses,
                    gateways,
                    failover,
                }
            })
    }

    /// The document as written.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Facts of the pool at `index` in `pools`.
    pub fn pool_facts(&self, index: usize) -> Option<&PoolFacts> {
        self.pools.get(index)
    }

    /// Every pool with its facts, in document order.
    pub fn pools(&self) -> impl Iterator<Item = (usize, &Pool, &PoolFacts)> {
        self.document
            .pools
            .iter()
            .zip(&self.pools)
            .enumerate()
            .map(|(i, (p, f))| (i, p, f))
    }

    /// Every store with its facts, in document order.
    pub fn stores(&self) -> impl Iterator<Item = (usize, &SqlStore, &StoreFacts)> {
        self.document
            .sql_stores
            .iter()
            .zip(&self.stores)
            .enumerate()
            .map(|(i, (s, f))| (i, s, f))
    }

    /// The pool at `index`.
    pub fn pool(&self, index: usize) -> Option<&Pool> {
        self.document.pools.get(index)
    }

    /// The store at `index` with its facts.
    pub fn store(&self, index: usize) -> Option<(&SqlStore, &StoreFacts)> {
        self.document
            .sql_stores
            .get(index)
            .zip(self.stores.get(index))
    }

    /// The back-end store of the pool at `index`, with its index.
    pub fn back_end(&self, pool: usize) -> Option<(usize, &SqlStore, &StoreFacts)> {
        let index = self.pools.get(pool)?.back_end?;
        self.store(index)
            .map(|(store, facts)| (index, store, facts))
    }

    /// The back-end HA mode of a pool: its store's mode; `none` for a Standard Edition server,
    /// whose store is the collocated SQL Express; `None` when an Enterprise pool has no store.
    pub fn back_end_mode(&self, pool: usize) -> Option<HaMode> {
        match self.back_end(pool) {
            Some((_, _, facts)) => Some(facts.mode),
            None => {
                let standard = self.pool(pool)?.edition == Some(Edition::Standard);
                standard.then_some(HaMode::None)
            }
        }
    }

    /// Every pairing, one per pool with a `backup_pool` other than itself, in document order.
    pub fn pairings(&self) -> &[Pairing] {
        &self.pairings
    }

    /// Every mirroring witness, in order of first appearance.
    pub fn witnesses(&self) -> &[WitnessFacts] {
        &self.witnesses
    }

    /// Every gateway of `pstn_gateways` with its facts, in document order; empty when the
    /// document has none or does not say.
    pub fn gateways(&self) -> impl Iterator<Item = (usize, &PstnGateway, &GatewayFacts)> {
        self.document
            .pstn_gateways
            .iter()
            .flatten()
            .zip(&self.gateways)
            .enumerate()
            .map(|(i, (g, f))| (i, g, f))
    }

    /// The gateway at `index` of `pstn_gateways`, with its facts.
    pub fn gateway(&self, index: usize) -> Option<(&PstnGateway, &GatewayFacts)> {
        let gateway = self.document.pstn_gateways.as_ref()?.get(index)?;
        Some((gateway, self.gateways.get(index)?))
    }

    /// The indices (in `pstn_gateways`) of the site's `failover_gateways`; `None` when the
    /// site does not say.
    pub fn failover_gateways(&self, site: usize) -> Option<&[usize]> {
        self.failover.get(site)?.as_deref()
    }

    /// The site kind of the pool at `index`.
    pub fn site_kind(&self, pool: usize) -> SiteKind {
        self.pools
            .get(pool)
            .and_then(|facts| self.document.sites.get(facts.site))
            .and_then(|site| site.kind)
            .unwrap_or(SiteKind::Central)
    }

    /// The kind of the site at `index` (`central` when absent).
    pub fn site_kind_of(&self, site: usize) -> SiteKind {
        self.document
            .sites
            .get(site)
            .and_then(|site| site.kind)
            .unwrap_or(SiteKind::Central)
    }

    /// Data center of a site: its `data_center`, else its id.
    pub fn site_data_center(&self, site: usize) -> Option<&str> {
        let site = self.document.sites.get(site)?;
        Some(site.data_center.as_deref().unwrap_or(&site.id))
    }
}

/// Builds the directed pairing list from the resolved `backup_pool` references.
fn pairings(pools: &[PoolFacts]) -> Vec<Pairing> {
    pools
        .iter()
        .enumerate()
        .filter_map(|(pool, facts)| facts.backup.map(|partner| Pairing { pool, partner }))
        .filter(|pairing| pairing.pool != pairing.partner)
        .collect()
}

/// Groups mirroring witnesses by host and instance.
fn witnesses(stores: &[StoreFacts]) -> Vec<WitnessFacts> {
    let mut found: Vec<WitnessFacts> = Vec::new();
    let mut index: HashMap<(Text, Text), usize> = HashMap::new();
    for (store, facts) in stores.iter().enumerate() {
        for node in facts
            .nodes
            .iter()
            .filter(|node| node.role == NodeRole::Witness)
        {
            let key = (node.host.clone(), node.instance.to_lowercase_smolstr());
            match index.get(&key).and_then(|&i| found.get_mut(i)) {
                Some(witness) => {
                    witness.stores.push(store);
                    // Of several spellings of one witness, the smallest: not the first one in
                    // document order, so that findings do not depend on the order of stores.
                    if node.fqdn < witness.fqdn {
                        witness.fqdn.clone_from(&node.fqdn);
                    }
                    if node.instance < witness.instance {
                        witness.instance.clone_from(&node.instance);
                    }
                }
                None => {
                    index.insert(key, found.len());
                    found.push(WitnessFacts {
                        fqdn: node.fqdn.clone(),
                        instance: node.instance.clone(),
                        stores: vec![store],
                    });
                }
            }
        }
    }
    found
}

/// Resolves references and checks identifiers, collecting every problem in document order.
struct Resolver<'a> {
    document: &'a Document,
    errors: Vec<InputError>,
    sites: HashMap<&'a str, usize>,
    pools: HashMap<Caseless<'a>, usize>,
    stores: HashMap<&'a str, usize>,
    file_stores: HashMap<&'a str, usize>,
}

impl<'a> Resolver<'a> {
    fn new(document: &'a Document) -> Self {
        Resolver {
            document,
            errors: Vec::new(),
            sites: HashMap::with_capacity(document.sites.len()),
            pools: HashMap::with_capacity(document.pools.len()),
            stores: HashMap::with_capacity(document.sql_stores.len()),
            file_stores: HashMap::with_capacity(document.file_stores.len()),
        }
    }

    fn resolve(mut self) -> Result<(Vec<PoolFacts>, Vec<StoreFacts>, GatewayLists), TopologyError> {
        let document = self.document;
        if document.format != 1 {
            return Err(parse::unsupported_format(&document.format.into()).into());
        }
        self.index_identifiers();
        let mut pools: Vec<PoolFacts> = document
            .pools
            .iter()
            .enumerate()
            .map(|(i, pool)| self.pool(i, pool))
            .collect();
        let mut used_by = vec![Vec::new(); document.sql_stores.len()];
        for (pool, facts) in pools.iter().enumerate() {
            if let Some(users) = facts.back_end.and_then(|store| used_by.get_mut(store)) {
                users.push(pool);
            }
        }
        let stores: Vec<StoreFacts> = document
            .sql_stores
            .iter()
            .zip(used_by)
            .enumerate()
            .map(|(i, (store, used_by))| store_facts(i, store, used_by))
            .collect();
        for (i, facts) in stores.iter().enumerate() {
            if facts.nodes.is_empty() {
                let key = if facts.mode == HaMode::AlwaysOnAg {
                    "replicas"
                } else {
                    "nodes"
                };
                self.errors.push(
                    InputError::at(
                        ErrorKind::InvalidValue,
                        format!("/sql_stores/{i}/ha/{key}"),
                        format!("`{key}` is empty"),
                    )
                    .expected(format!("an array of one or more {key}")),
                );
            }
        }
        for (index, file_store) in document.file_stores.iter().enumerate() {
            self.site_ref(&file_store.site, || format!("/file_stores/{index}/site"));
        }
        let gateways = self.gateways();
        let failover = self.site_voice_keys();
        // Branch appliances count toward the pool that backs them.
        for branch in 0..pools.len() {
            let Some(target) = pools.get(branch).and_then(|facts| facts.associated) else {
                continue;
            };
            let users = document.pools.get(branch).and_then(|pool| pool.users);
            if let Some(facts) = pools.get_mut(target) {
                facts.branches.push(branch);
                facts.branch_users = facts.branch_users.zip(users).map(|(a, b)| a + u64::from(b));
            }
        }
        if self.errors.is_empty() {
            Ok((pools, stores, (gateways, failover)))
        } else {
            Err(TopologyError {
                errors: self.errors,
            })
        }
    }

    /// Indexes ids and FQDNs, reporting duplicates.
    fn index_identifiers(&mut self) {
        let document = self.document;
        for (i, site) in document.sites.iter().enumerate() {
            if self.sites.insert(&site.id, i).is_some() {
                self.duplicate(format!("/sites/{i}/id"), "site id", &site.id);
            }
        }
        for (i, pool) in document.pools.iter().enumerate() {
            if self.pools.insert(Caseless(&pool.fqdn), i).is_some() {
                self.duplicate(format!("/pools/{i}/fqdn"), "pool FQDN", &pool.fqdn);
            }
        }
        let count = document.pools.iter().map(|pool| pool.servers.len()).sum();
        let mut servers: HashMap<Caseless<'a>, usize> = HashMap::with_capacity(count);
        for (i, pool) in document.pools.iter().enumerate() {
            for (k, server) in pool.servers.iter().enumerate() {
                let key = Caseless(&server.fqdn);
                // A Persistent Chat pool collocated on a Front End pool shares its machines.
                let clash = servers
                    .insert(key, i)
                    .is_some_and(|other| other != i && !self.collocated(i, other))
                    || self
                        .pools
                        .get(&key)
                        .is_some_and(|&other| other != i && !self.collocated(i, other));
                if clash {
                    self.duplicate(
                        format!("/pools/{i}/servers/{k}/fqdn"),
                        "server FQDN",
                        &server.fqdn,
                    );
                }
            }
        }
        for (i, store) in document.sql_stores.iter().enumerate() {
            if self.stores.insert(&store.id, i).is_some() {
                self.duplicate(format!("/sql_stores/{i}/id"), "SQL store id", &store.id);
            }
        }
        for (i, file_store) in document.file_stores.iter().enumerate() {
            if self.file_stores.insert(&file_store.id, i).is_some() {
                self.duplicate(
                    format!("/file_stores/{i}/id"),
                    "file store id",
                    &file_store.id,
                );
            }
        }
    }

    /// Whether one of the two pools names the other as `collocated_on`.
    fn collocated(&self, a: usize, b: usize) -> bool {
        let names = |from: usize, to: usize| {
            let pools = &self.document.pools;
            pools
                .get(from)
                .and_then(|p| p.collocated_on.as_deref())
                .zip(pools.get(to))
                .is_some_and(|(name, to)| Caseless(name) == Caseless(&to.fqdn))
        };
        names(a, b) || names(b, a)
    }

    /// Resolves the references of a Persistent Chat pool's own keys.
    fn chat(&mut self, i: usize, pool: &'a Pool) -> ChatFacts {
        let at = |key: &str| format!("/pools/{i}/{key}");
        let store = |this: &mut Self, id: Option<&str>, key: &str| {
            id.and_then(|id| {
                let found = this.stores.get(id).copied();
                let names = |r: &Self| r.stores.keys().copied().collect();
                this.reference(id, || at(key), "SQL store", found, names)
            })
        };
        let compliance_store = store(self, pool.compliance_store.as_deref(), "compliance_store");
        let backup_store = store(self, pool.backup_store.as_deref(), "backup_store");
        let compliance_backup_store = store(
            self,
            pool.compliance_backup_store.as_deref(),
            "compliance_backup_store",
        );
        let next_hop = pool
            .next_hop_pool
            .as_deref()
            .and_then(|fqdn| self.pool_ref(fqdn, || at("next_hop_pool")));
        let collocated_on = pool
            .collocated_on
            .as_deref()
            .and_then(|fqdn| self.pool_ref(fqdn, || at("collocated_on")));
        if let Some(target) = collocated_on
            .and_then(|c| self.document.pools.get(c))
            .filter(|target| target.kind != PoolKind::FrontEnd)
        {
            self.errors.push(
                InputError::at(
                    ErrorKind::InvalidValue,
                    at("collocated_on"),
                    format!(
                        "`{}` is collocated on `{}`, a `{}` pool; Persistent Chat is collocated on a Front End pool or a Standard Edition server",
                        pool.fqdn, target.fqdn, target.kind
                    ),
                )
                .expected("the FQDN of a `front_end` pool"),
            );
        }
        let active = pool.active_servers.as_ref().map(|names| {
            let mut active = Vec::with_capacity(names.len());
            for (n, name) in names.iter().enumerate() {
                match pool
                    .servers
                    .iter()
                    .position(|s| Caseless(&s.fqdn) == Caseless(name))
                {
                    Some(k) if !active.contains(&k) => active.push(k),
                    Some(_) => self.duplicate(
                        format!("/pools/{i}/active_servers/{n}"),
                        "active server",
                        name,
                    ),
                    None => {
                        let found = None;
                        let names =
                            |_: &Self| pool.servers.iter().map(|s| s.fqdn.as_str()).collect();
                        self.reference(
                            name,
                            || format!("/pools/{i}/active_servers/{n}"),
                            "server of this pool",
                            found,
                            names,
                        );
                    }
                }
            }
            active
        });
        ChatFacts {
            next_hop,
            collocated_on,
            active,
            compliance_store,
            backup_store,
            compliance_backup_store,
        }
    }

    /// Resolves one pool's references and checks the keys its kind requires.
    fn pool(&mut self, i: usize, pool: &'a Pool) -> PoolFacts {
        let at = |key: &str| format!("/pools/{i}/{key}");
        let site = self.site_ref(&pool.site, || at("site")).unwrap_or_default();
        if pool.servers.is_empty() {
            self.errors.push(
                InputError::at(
                    ErrorKind::InvalidValue,
                    at("servers"),
                    "a pool needs at least one server",
                )
                .expected("an array of one or more servers"),
            );
        }
        if pool.kind == PoolKind::FrontEnd && pool.edition.is_none() {
            self.missing(
                at("edition"),
                "edition",
                "a `front_end` pool",
                "`enterprise` or `standard`",
            );
        }
        let needs_back_end = pool.kind == PoolKind::PersistentChat
            || (pool.kind == PoolKind::FrontEnd && pool.edition == Some(Edition::Enterprise));
        if needs_back_end && pool.back_end.is_none() {
            self.missing(
                at("back_end"),
                "back_end",
                &format!("an Enterprise `{}` pool", pool.kind),
                "a SQL store id",
            );
        }
        // A Standard Edition server is one server with SQL Server Express collocated on it: a
        // second server or a `back_end` store would describe an Enterprise pool, and the rules
        // of one would not run.
        let standard = pool.kind == PoolKind::FrontEnd && pool.edition == Some(Edition::Standard);
        if standard && pool.servers.len() > 1 {
            self.errors.push(
                InputError::at(
                    ErrorKind::InvalidValue,
                    at("servers"),
                    format!(
                        "`{}` is a Standard Edition server (`\"edition\": \"standard\"`) but lists {} servers",
                        pool.fqdn,
                        pool.servers.len()
                    ),
                )
                .expected("one server, or `\"edition\": \"enterprise\"` for a pool of several"),
            );
        }
        if standard && pool.back_end.is_some() {
            self.errors.push(
                InputError::at(
                    ErrorKind::InvalidValue,
                    at("back_end"),
                    format!(
                        "`{}` is a Standard Edition server (`\"edition\": \"standard\"`): its databases are in the SQL Server Express instance on it, not in a `back_end` store",
                        pool.fqdn
                    ),
                )
                .expected("no `back_end`, or `\"edition\": \"enterprise\"` for a pool on a SQL store"),
            );
        }
        let is_branch = matches!(pool.kind, PoolKind::Sba | PoolKind::Sbs);
        if is_branch && pool.associated_pool.is_none() {
            self.missing(
                at("associated_pool"),
                "associated_pool",
                &format!("an `{}` pool", pool.kind),
                "a pool FQDN",
            );
        }
        let back_end = pool.back_end.as_deref().and_then(|id| {
            let found = self.stores.get(id).copied();
            let names = |r: &Self| r.stores.keys().copied().collect();
            self.reference(id, || at("back_end"), "SQL store", found, names)
        });
        let backup = pool
            .backup_pool
            .as_deref()
            .and_then(|fqdn| self.pool_ref(fqdn, || at("backup_pool")));
        let associated = pool
            .associated_pool
            .as_deref()
            .and_then(|fqdn| self.pool_ref(fqdn, || at("associated_pool")));
        if pool.edge.is_some() && pool.kind != PoolKind::Edge {
            self.errors.push(
                InputError::at(
                    ErrorKind::InvalidValue,
                    at("edge"),
                    format!(
                        "`{}` is a `{}` pool; only an `edge` pool has `edge` facts",
                        pool.fqdn, pool.kind
                    ),
                )
                .expected("no `edge` object, or `\"kind\": \"edge\"`"),
            );
        }
        let next_hop = pool
            .edge
            .as_ref()
            .and_then(|edge| edge.next_hop.as_deref())
            .and_then(|fqdn| self.pool_ref(fqdn, || format!("{}/next_hop", at("edge"))));
        if let Some(target) = next_hop
            .and_then(|n| self.document.pools.get(n))
            .filter(|target| !matches!(target.kind, PoolKind::FrontEnd | PoolKind::Director))
        {
            self.errors.push(
                InputError::at(
                    ErrorKind::InvalidValue,
                    format!("{}/next_hop", at("edge")),
                    format!(
                        "the next hop of `{}` is `{}`, a `{}` pool; an Edge pool's next hop is a Front End pool, a Standard Edition server or a Director pool",
                        pool.fqdn, target.fqdn, target.kind
                    ),
                )
                .expected("the FQDN of a `front_end` or `director` pool"),
            );
        }
        if let Some(id) = pool.file_store.as_deref() {
            let found = self.file_stores.get(id).copied();
            let names = |r: &Self| r.file_stores.keys().copied().collect();
            self.reference(id, || at("file_store"), "file store", found, names);
        }
        let site_data_center = self
            .document
            .sites
            .get(site)
            .map(|site| site.data_center.clone().unwrap_or_else(|| site.id.clone()))
            .unwrap_or_default();
        let server_data_centers = pool
            .servers
            .iter()
            .map(|server: &Server| {
                server
                    .data_center
                    .clone()
                    .unwrap_or_else(|| site_data_center.clone())
            })
            .collect();
        let chat = self.chat(i, pool);
        PoolFacts {
            site,
            back_end,
            backup,
            associated,
            next_hop,
            server_data_centers,
            branch_users: Some(0),
            branches: Vec::new(),
            chat,
        }
    }

    /// Resolves each gateway's site and Mediation pool: a `mediation` pool, or a `front_end`
    /// pool with Mediation collocated.
    fn gateways(&mut self) -> Vec<GatewayFacts> {
        let document = self.document;
        let mut seen: HashMap<Caseless<'a>, usize> = HashMap::new();
        let mut facts = Vec::new();
        for (i, gateway) in document.pstn_gateways.iter().flatten().enumerate() {
            let at = |key: &str| format!("/pstn_gateways/{i}/{key}");
            if seen.insert(Caseless(&gateway.fqdn), i).is_some() {
                self.duplicate(at("fqdn"), "gateway FQDN", &gateway.fqdn);
            }
            let site = self.site_ref(&gateway.site, || at("site"));
            let mediation = self.pool_ref(&gateway.mediation_pool, || at("mediation_pool"));
            if let Some(pool) = mediation
                .and_then(|m| document.pools.get(m))
                .filter(|p| !matches!(p.kind, PoolKind::Mediation | PoolKind::FrontEnd))
            {
                self.errors.push(
                    InputError::at(
                        ErrorKind::InvalidValue,
                        at("mediation_pool"),
                        format!(
                            "gateway `{}` names `{}`, a `{}` pool, as its Mediation pool",
                            gateway.fqdn, pool.fqdn, pool.kind
                        ),
                    )
                    .expected("the FQDN of a `mediation` pool or of a `front_end` pool with Mediation collocated"),
                );
            }
            facts.push(GatewayFacts {
                site: site.unwrap_or_default(),
                mediation: mediation.unwrap_or_default(),
            });
        }
        facts
    }

    /// Resolves each site's `links` and `failover_gateways` (to gateway indices).
    fn site_voice_keys(&mut self) -> Vec<Option<Vec<usize>>> {
        let document = self.document;
        let mut gateways: HashMap<Caseless<'a>, usize> = HashMap::new();
        for (i, gateway) in document.pstn_gateways.iter().flatten().enumerate() {
            gateways.entry(Caseless(&gateway.fqdn)).or_insert(i);
        }
        let names = |_: &Self| -> Vec<&'a str> {
            document
                .pstn_gateways
                .iter()
                .flatten()
                .map(|g| g.fqdn.as_str())
                .collect()
        };
        let mut failover = Vec::with_capacity(document.sites.len());
        for (i, site) in document.sites.iter().enumerate() {
            for (k, link) in site.links.iter().flatten().enumerate() {
                self.site_ref(&link.site, || format!("/sites/{i}/links/{k}/site"));
            }
            failover.push(site.failover_gateways.as_ref().map(|list| {
                list.iter()
                    .enumerate()
                    .filter_map(|(k, fqdn)| {
                        let found = gateways.get(&Caseless(fqdn)).copied();
                        self.reference(
                            fqdn,
                            || format!("/sites/{i}/failover_gateways/{k}"),
                            "gateway",
                            found,
                            names,
                        )
                    })
                    .collect()
            }));
        }
        failover
    }

    fn site_ref(&mut self, id: &str, pointer: impl FnOnce() -> String) -> Option<usize> {
        let found = self.sites.get(id).copied();
        self.reference(id, pointer, "site", found, |r| {
            r.sites.keys().copied().collect()
        })
    }

    fn pool_ref(&mut self, fqdn: &str, pointer: impl FnOnce() -> String) -> Option<usize> {
        let found = self.pools.get(&Caseless(fqdn)).copied();
        self.reference(fqdn, pointer, "pool", found, |r| {
            r.document
                .pools
                .iter()
                .map(|pool| pool.fqdn.as_str())
                .collect()
        })
    }

    /// Records a dangling reference, suggesting the closest existing name. The names are
    /// listed only for a dangling reference: listing them for every reference is quadratic.
    fn reference(
        &mut self,
        name: &str,
        pointer: impl FnOnce() -> String,
        what: &str,
        found: Option<usize>,
        names: impl FnOnce(&Self) -> Vec<&'a str>,
    ) -> Option<usize> {
        if found.is_none() {
            let mut names = names(self);
            names.sort_unstable();
            let message = match closest(name, names.iter().copied()) {
                Some(near) => format!("no {what} `{name}` in the document: did you mean `{near}`?"),
                None => format!("no {what} `{name}` in the document"),
            };
            let expected = if names.is_empty() {
                format!("a {what} defined in the document (there are none)")
            } else {
                format!("a {what} defined in the document: {}", one_of(names))
            };
            self.errors.push(
                InputError::at(ErrorKind::DanglingReference, pointer(), message).expected(expected),
            );
        }
        found
    }

    fn duplicate(&mut self, pointer: String, what: &str, value: &str) {
        self.errors.push(
            InputError::at(
                ErrorKind::Duplicate,
                pointer,
                format!("{what} `{value}` appears more than once"),
            )
            .expected(format!("a unique {what}")),
        );
    }

    fn missing(&mut self, pointer: String, key: &str, owner: &str, expected: &str) {
        self.errors.push(
            InputError::at(
                ErrorKind::MissingKey,
                pointer,
                format!("missing key `{key}`, required for {owner}"),
            )
            .expected(expected.to_owned()),
        );
    }
}

/// The nodes of a store with their effective facts, and the pools that use it.
fn store_facts(index: usize, store: &SqlStore, used_by: Vec<usize>) -> StoreFacts {
    // A node's patch level: its own when stated; the store's when it runs the store's version;
    // unknown when it runs another version (the store's numbers describe another release).
    let patch = |version: Option<SqlVersion>, sp: Option<u32>, cu: Option<u32>| {
        if sp.is_some() || cu.is_some() {
            (sp, cu, true)
        } else if version.is_none() || version == store.version {
            (store.service_pack, store.cumulative_update, false)
        } else {
            (None, None, true)
        }
    };
    let node = |role: NodeRole, node: &SqlNode, slot: NodeSlot| {
        let (service_pack, cumulative_update, own_patch) =
            patch(node.version, node.service_pack, node.cumulative_update);
        NodeFacts {
            role,
            fqdn: node.fqdn.clone(),
            host: node.fqdn.to_lowercase_smolstr(),
            instance: node.instance.clone().unwrap_or_default(),
            version: node.version.or(store.version),
            edition: node.edition.or(store.edition),
            domain: node.domain.clone(),
            data_center: node.data_center.clone(),
            network_interfaces: node.network_interfaces,
            store: index,
            slot,
            own_version: node.version.is_some(),
            own_edition: node.edition.is_some(),
            service_pack,
            cumulative_update,
            own_patch,
            esu: node.esu || store.esu,
        }
    };
    let replica = |k: usize, replica: &Replica| {
        let (service_pack, cumulative_update, own_patch) = patch(
            replica.version,
            replica.service_pack,
            replica.cumulative_update,
        );
        NodeFacts {
            role: NodeRole::Replica {
                commit: replica.commit,
                failover: replica.failover,
            },
            fqdn: replica.fqdn.clone(),
            host: replica.fqdn.to_lowercase_smolstr(),
            instance: replica.instance.clone().unwrap_or_default(),
            version: replica.version.or(store.version),
            edition: replica.edition.or(store.edition),
            domain: replica.domain.clone(),
            data_center: replica.data_center.clone(),
            network_interfaces: replica.network_interfaces,
            store: index,
            slot: NodeSlot::Replica(k),
            own_version: replica.version.is_some(),
            own_edition: replica.edition.is_some(),
            service_pack,
            cumulative_update,
            own_patch,
            esu: replica.esu || store.esu,
        }
    };
    let cluster = |cluster: &Cluster| -> Vec<NodeFacts> {
        cluster
            .nodes
            .iter()
            .enumerate()
            .map(|(k, n)| node(NodeRole::ClusterNode, n, NodeSlot::Node(k)))
            .collect()
    };
    let (mode, nodes) = match &store.ha {
        Ha::None { server } => (
            HaMode::None,
            vec![node(NodeRole::Server, server, NodeSlot::Server)],
        ),
        Ha::Mirroring {
            principal,
            mirror,
            witness,
            ..
        } => {
            let mut nodes = vec![
                node(NodeRole::Principal, principal, NodeSlot::Principal),
                node(NodeRole::Mirror, mirror, NodeSlot::Mirror),
            ];
            nodes.extend(
                witness
                    .iter()
                    .map(|w| node(NodeRole::Witness, w, NodeSlot::Witness)),
            );
            (HaMode::Mirroring, nodes)
        }
        Ha::AlwaysOnAg { replicas, .. } => (
            HaMode::AlwaysOnAg,
            replicas
                .iter()
                .enumerate()
                .map(|(k, r)| replica(k, r))
                .collect(),
        ),
        Ha::AlwaysOnFci(c) => (HaMode::AlwaysOnFci, cluster(c)),
        Ha::FailoverCluster(c) => (HaMode::FailoverCluster, cluster(c)),
    };
    StoreFacts {
        mode,
        nodes,
        used_by,
    }
}
