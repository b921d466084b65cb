//! From the model to the format-1 document: references resolved, sites, and pools with their
//! servers in topology order, kind, product and edition. Links between pools (back end,
//! pairing, CMS, file store) are in `links.rs`, SQL and file stores in `stores.rs`, warnings in
//! `notes.rs`.

use std::collections::HashMap;

use super::facts::Facts;
use super::model::{Model, Origin, Reference};
use super::{Source, Warning, WarningKind};
use crate::document::{Document, Pool, Server, Site, Text};
use crate::error::{ErrorKind, InputError};
use crate::tokens::{Edition, PoolKind, Product, SiteKind};

/// Role names of the Persistent Chat server: the XML name is unverified, both spellings seen at
/// cmdlet level are accepted.
const PERSISTENT_CHAT: [&str; 2] = ["PersistentChatService", "PersistentChatServer"];

/// What the model became: the document, where its values came from, and what went wrong.
pub(crate) struct Built {
    pub document: Document,
    pub warnings: Vec<Warning>,
    pub sources: Vec<Source>,
    pub errors: Vec<InputError>,
}

/// Where a service runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Cluster(usize),
    Instance(usize),
}

pub(super) struct Builder<'m> {
    pub model: &'m Model,
    pub facts: &'m Facts,
    /// Site id of each site.
    pub site_ids: Vec<String>,
    /// Site index of each cluster.
    pub cluster_site: Vec<Option<usize>>,
    /// Cluster index of each SQL instance.
    pub instance_cluster: Vec<Option<usize>>,
    /// Instance index of each instance's mirror.
    pub instance_mirror: Vec<Option<usize>>,
    /// Where each service runs.
    pub installed: Vec<Option<Target>>,
    /// Resolved dependencies of each service.
    pub deps: Vec<Vec<usize>>,
    /// Resolved backup Registrar of each service.
    pub backup: Vec<Option<usize>>,
    /// Pool index of each cluster that is a pool.
    pub pool_of_cluster: Vec<Option<usize>>,
    /// Store id of each SQL instance that is a store.
    pub store_of_instance: Vec<Option<String>>,
    /// File store id of each FileStore service.
    pub file_store_of_service: Vec<Option<String>>,
    pub document: Document,
    pub warnings: Vec<Warning>,
    pub sources: Vec<Source>,
    pub errors: Vec<InputError>,
}

/// Builds the document from the model with the facts.
pub(crate) fn build(model: &Model, facts: &Facts) -> Built {
    let mut builder = Builder::new(model, facts);
    if builder.errors.is_empty() {
        builder.sites();
        builder.pools();
        builder.sql_stores();
        builder.file_stores();
        builder.pool_links();
        builder.edge_links();
        builder.gateways();
        builder.notes();
    }
    Built {
        document: builder.document,
        warnings: builder.warnings,
        sources: builder.sources,
        errors: builder.errors,
    }
}

/// A dangling reference error at the referring element.
fn dangling(reference: &Reference) -> InputError {
    InputError::at(
        ErrorKind::DanglingReference,
        "",
        format!(
            "{} refers to {}, which the topology does not define",
            reference.origin.element, reference.written
        ),
    )
    .expected("a reference to an element of the topology")
    .position(reference.origin.line, 1)
}

/// The index of the element a reference names; a dangling reference is recorded.
fn resolve(
    errors: &mut Vec<InputError>,
    reference: &Reference,
    map: &HashMap<&str, usize>,
) -> Option<usize> {
    let found = map.get(reference.key.as_str()).copied();
    if found.is_none() {
        errors.push(dangling(reference));
    }
    found
}

/// Looks up where an element says it is (`(key, "is in site", expected)`), recording a dangling
/// reference with the element's line when nothing has that key.
fn lookup(
    errors: &mut Vec<InputError>,
    map: &HashMap<&str, usize>,
    origin: &Origin,
    (key, relation, expected): (&str, &str, &str),
) -> Option<usize> {
    let found = map.get(key).copied();
    if found.is_none() {
        let message = format!(
            "{} {relation} {key}, which the topology does not define",
            origin.element
        );
        errors.push(
            InputError::at(ErrorKind::DanglingReference, "", message)
                .expected(expected)
                .position(origin.line, 1),
        );
    }
    found
}

impl<'m> Builder<'m> {
    fn new(model: &'m Model, facts: &'m Facts) -> Self {
        let index = |keys: Vec<&'m str>| -> HashMap<&'m str, usize> {
            keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect()
        };
        let sites = index(model.sites.iter().map(|s| s.key.as_str()).collect());
        let clusters = index(model.clusters.iter().map(|c| c.key.as_str()).collect());
        let instances = index(model.instances.iter().map(|i| i.key.as_str()).collect());
        let services = index(model.services.iter().map(|s| s.key.as_str()).collect());
        let mut errors = model.errors.clone();
        let cluster_site = model
            .clusters
            .iter()
            .map(|c| {
                let placed = (c.site.as_str(), "is in site", "a site of the topology");
                lookup(&mut errors, &sites, &c.origin, placed)
            })
            .collect();
        let instance_cluster = model
            .instances
            .iter()
            .map(|i| {
                let placed = (
                    i.cluster.as_str(),
                    "is on cluster",
                    "a cluster of the topology",
                );
                lookup(&mut errors, &clusters, &i.origin, placed)
            })
            .collect();
        let instance_mirror = model
            .instances
            .iter()
            .map(|i| {
                i.mirror
                    .as_ref()
                    .and_then(|m| resolve(&mut errors, m, &instances))
            })
            .collect();
        let installed = model
            .services
            .iter()
            .map(|s| {
                let reference = s.installed_on.as_ref()?;
                match (
                    clusters.get(reference.key.as_str()),
                    instances.get(reference.key.as_str()),
                ) {
                    (Some(&c), _) => Some(Target::Cluster(c)),
                    (None, Some(&i)) => Some(Target::Instance(i)),
                    (None, None) => {
                        errors.push(dangling(reference));
                        None
                    }
                }
            })
            .collect();
        let deps = model
            .services
            .iter()
            .map(|s| {
                s.depends_on
                    .iter()
                    .filter_map(|d| resolve(&mut errors, d, &services))
                    .collect()
            })
            .collect();
        let backup = model
            .services
            .iter()
            .map(|s| {
                s.backup
                    .as_ref()
                    .and_then(|b| resolve(&mut errors, b, &services))
            })
            .collect();
        errors.sort_by_key(|e| e.line);
        Builder {
            model,
            facts,
            site_ids: Vec::new(),
            cluster_site,
            instance_cluster,
            instance_mirror,
            installed,
            deps,
            backup,
            pool_of_cluster: vec![None; model.clusters.len()],
            store_of_instance: vec![None; model.instances.len()],
            file_store_of_service: vec![None; model.services.len()],
            document: Document {
                format: 1,
                name: facts
                    .name
                    .clone()
                    .or_else(|| model.default_domain.as_deref().map(Text::from)),
                sites: Vec::new(),
                pools: Vec::new(),
                sql_stores: Vec::new(),
                file_stores: Vec::new(),
                pstn_gateways: None,
                x: None,
            },
            warnings: Vec::new(),
            sources: Vec::new(),
            errors,
        }
    }

    pub(super) fn source(&mut self, pointer: String, origin: &Origin) {
        self.sources.push(Source {
            pointer,
            line: Some(origin.line),
            origin: origin.element.clone(),
        });
    }

    pub(super) fn fact_source(&mut self, pointer: String, fact: String) {
        self.sources.push(Source {
            pointer,
            line: None,
            origin: format!("facts {fact}"),
        });
    }

    pub(super) fn warn(
        &mut self,
        kind: WarningKind,
        path: String,
        line: Option<usize>,
        message: String,
    ) {
        self.warnings.push(Warning {
            kind,
            path,
            line,
            message,
        });
    }

    /// Services installed on a cluster, in document order.
    pub(super) fn on_cluster(&self, cluster: usize) -> impl Iterator<Item = usize> + '_ {
        self.installed
            .iter()
            .enumerate()
            .filter(move |(_, t)| **t == Some(Target::Cluster(cluster)))
            .map(|(s, _)| s)
    }

    /// Services installed on a SQL instance, in document order.
    pub(super) fn on_instance(&self, instance: usize) -> impl Iterator<Item = usize> + '_ {
        self.installed
            .iter()
            .enumerate()
            .filter(move |(_, t)| **t == Some(Target::Instance(instance)))
            .map(|(s, _)| s)
    }

    pub(super) fn role(&self, service: usize) -> &str {
        self.model
            .services
            .get(service)
            .map(|s| s.role.as_str())
            .unwrap_or_default()
    }

    /// The first dependency of `service` with the role `role`.
    pub(super) fn dependency(&self, service: usize, role: &str) -> Option<usize> {
        self.deps
            .get(service)?
            .iter()
            .copied()
            .find(|&d| self.role(d) == role)
    }

    fn sites(&mut self) {
        let mut used: Vec<String> = Vec::new();
        for (i, site) in self.model.sites.iter().enumerate() {
            let mut id = site.name.clone();
            if id.is_empty() || used.contains(&id) {
                id = format!("site-{}", site.key);
            }
            used.push(id.clone());
            let entry = self.facts.site(&id).map(|(_, e)| e);
            let defaults = &self.facts.defaults.site;
            let region = entry
                .and_then(|e| e.region.clone())
                .or_else(|| defaults.region.clone());
            let data_center = entry
                .and_then(|e| e.data_center.clone())
                .or_else(|| defaults.data_center.clone());
            let links = entry
                .and_then(|e| e.links.clone())
                .or_else(|| defaults.links.clone());
            let failover_gateways = entry
                .and_then(|e| e.failover_gateways.clone())
                .or_else(|| defaults.failover_gateways.clone());
            self.source(format!("/sites/{i}"), &site.origin);
            for (key, set, own) in [
                (
                    "region",
                    region.is_some(),
                    entry.is_some_and(|e| e.region.is_some()),
                ),
                (
                    "data_center",
                    data_center.is_some(),
                    entry.is_some_and(|e| e.data_center.is_some()),
                ),
                (
                    "links",
                    links.is_some(),
                    entry.is_some_and(|e| e.links.is_some()),
                ),
                (
                    "failover_gateways",
                    failover_gateways.is_some(),
                    entry.is_some_and(|e| e.failover_gateways.is_some()),
                ),
            ] {
                if set {
                    let fact = if own {
                        format!("/sites/{}/{key}", crate::document::parse::escape(&id))
                    } else {
                        format!("/defaults/site/{key}")
                    };
                    self.fact_source(format!("/sites/{i}/{key}"), fact);
                }
            }
            if site.branch {
                self.warn(
                    WarningKind::Unverified,
                    format!("/sites/{i}/kind"),
                    Some(site.origin.line),
                    format!(
                        "branch site `{id}` is read from a `BranchSite` element, an XML shape \
                         no public export confirms"
                    ),
                );
            }
            self.document.sites.push(Site {
                id: id.clone().into(),
                kind: site.branch.then_some(SiteKind::Branch),
                region,
                data_center,
                links,
                failover_gateways,
                x: None,
            });
            self.site_ids.push(id);
        }
    }

    /// The kind of pool a cluster is, with the service that defines it.
    fn kind(&mut self, cluster: usize) -> Option<(PoolKind, usize)> {
        let services: Vec<usize> = self.on_cluster(cluster).collect();
        let with = |role: &str| services.iter().copied().find(|&s| self.role(s) == role);
        if let Some(user) = with("UserServices") {
            return Some((PoolKind::FrontEnd, user));
        }
        if let Some(registrar) = with("Registrar") {
            let branch = self
                .cluster_site
                .get(cluster)
                .copied()
                .flatten()
                .and_then(|s| self.model.sites.get(s))
                .is_some_and(|s| s.branch);
            let director = self
                .model
                .services
                .get(registrar)
                .and_then(|s| s.is_director)
                .unwrap_or(false);
            if branch {
                return Some((PoolKind::Sba, registrar));
            }
            if director {
                return Some((PoolKind::Director, registrar));
            }
            if let Some(c) = self.model.clusters.get(cluster) {
                let (line, element) = (c.origin.line, c.origin.element.clone());
                self.warn(
                    WarningKind::SkippedCluster,
                    String::new(),
                    Some(line),
                    format!(
                        "{element} has a Registrar without UserServices that is neither a \
                         Director (`IsDirector`) nor in a branch site: not imported as a pool"
                    ),
                );
            }
            return None;
        }
        if let Some(edge) = with("EdgeServer") {
            return Some((PoolKind::Edge, edge));
        }
        if let Some(chat) = services
            .iter()
            .copied()
            .find(|&s| PERSISTENT_CHAT.contains(&self.role(s)))
        {
            return Some((PoolKind::PersistentChat, chat));
        }
        with("MediationServer").map(|m| (PoolKind::Mediation, m))
    }

    /// The product of a pool: the facts' override, else the defining service's version.
    fn product(&mut self, fqdn: &str, service: usize) -> Option<Product> {
        if let Some((key, product)) = self
            .facts
            .pool(fqdn)
            .and_then(|(key, e)| e.product.map(|p| (key.to_owned(), p)))
        {
            let index = self.document.pools.len();
            self.fact_source(
                format!("/pools/{index}/product"),
                format!("/pools/{}/product", crate::document::parse::escape(&key)),
            );
            return Some(product);
        }
        let origin = self.model.services.get(service)?.origin.clone();
        let version = self.model.services.get(service)?.version.clone();
        let expected = "`ServiceVersion` 6 (Lync Server 2013), 7 (Skype for Business Server \
                        2015) or 8 (Skype for Business Server 2019)";
        let error = match version.as_deref() {
            Some("6") => return Some(Product::Lync2013),
            Some("7") => return Some(Product::Sfb2015),
            Some("8") => return Some(Product::Sfb2019),
            Some("5") => InputError::at(
                ErrorKind::UnsupportedProduct,
                "",
                format!(
                    "pool `{fqdn}` runs Lync Server 2010 (`ServiceVersion` 5 on {}): \
                     unsupported product, hadr-rules checks Lync Server 2013 and Skype for \
                     Business Server 2015, 2019 and Subscription Edition",
                    origin.element
                ),
            ),
            Some(other) => InputError::at(
                ErrorKind::UnsupportedProduct,
                "",
                format!(
                    "pool `{fqdn}` has an unknown `ServiceVersion` `{other}` on {}: unsupported \
                     product (give the pool's `product` in the facts file if you know it)",
                    origin.element
                ),
            ),
            None => InputError::at(
                ErrorKind::MissingKey,
                "",
                format!(
                    "{} of pool `{fqdn}` has no `ServiceVersion`",
                    origin.element
                ),
            ),
        };
        self.errors
            .push(error.expected(expected).position(origin.line, 1));
        None
    }

    fn pools(&mut self) {
        for cluster in 0..self.model.clusters.len() {
            let Some((kind, defining)) = self.kind(cluster) else {
                continue;
            };
            let Some(c) = self.model.clusters.get(cluster) else {
                continue;
            };
            let index = self.document.pools.len();
            let Some(product) = self.product(&c.fqdn, defining) else {
                continue;
            };
            self.source(format!("/pools/{index}"), &c.origin);
            if let Some(service) = self.model.services.get(defining) {
                let origin = service.origin.clone();
                self.source(format!("/pools/{index}/product"), &origin);
                let version = service.version.clone();
                let mixed: Vec<String> = self
                    .on_cluster(cluster)
                    .filter_map(|s| self.model.services.get(s))
                    .filter(|s| s.version.is_some() && s.version != version)
                    .map(|s| format!("{} {}", s.role, s.version.clone().unwrap_or_default()))
                    .collect();
                if !mixed.is_empty() {
                    self.warn(
                        WarningKind::MixedVersions,
                        format!("/pools/{index}/product"),
                        Some(origin.line),
                        format!(
                            "pool `{}` has `ServiceVersion` {} on {} but other versions on {}",
                            c.fqdn,
                            version.unwrap_or_default(),
                            service.role,
                            mixed.join(", ")
                        ),
                    );
                }
            }
            let servers = self.servers(cluster, index);
            let site = self
                .cluster_site
                .get(cluster)
                .copied()
                .flatten()
                .and_then(|s| self.site_ids.get(s))
                .cloned()
                .unwrap_or_default();
            let edition = (kind == PoolKind::FrontEnd).then(|| self.edition(cluster, defining));
            let entry = self
                .facts
                .pool(&c.fqdn)
                .map(|(k, e)| (k.to_owned(), e.clone()));
            let defaults = &self.facts.defaults.pool;
            let own =
                |f: fn(&super::facts::PoolEntry) -> bool| entry.as_ref().is_some_and(|(_, e)| f(e));
            let cumulative_update = entry
                .as_ref()
                .and_then(|(_, e)| e.cumulative_update)
                .or(defaults.cumulative_update);
            let load_balancing = entry
                .as_ref()
                .and_then(|(_, e)| e.load_balancing.clone())
                .or_else(|| defaults.load_balancing.clone());
            let users = entry.as_ref().and_then(|(_, e)| e.users);
            let concurrent_remote_users =
                entry.as_ref().and_then(|(_, e)| e.concurrent_remote_users);
            let chat = entry.as_ref().map(|(_, e)| e.clone()).unwrap_or_default();
            for (key, set, from_entry) in [
                (
                    "cumulative_update",
                    cumulative_update.is_some(),
                    own(|e| e.cumulative_update.is_some()),
                ),
                (
                    "load_balancing",
                    load_balancing.is_some(),
                    own(|e| e.load_balancing.is_some()),
                ),
                ("users", users.is_some(), true),
                (
                    "concurrent_remote_users",
                    concurrent_remote_users.is_some(),
                    true,
                ),
                ("next_hop_pool", chat.next_hop_pool.is_some(), true),
                ("collocated_on", chat.collocated_on.is_some(), true),
                ("active_servers", chat.active_servers.is_some(), true),
                ("compliance", chat.compliance.is_some(), true),
                ("compliance_store", chat.compliance_store.is_some(), true),
                ("backup_store", chat.backup_store.is_some(), true),
                (
                    "compliance_backup_store",
                    chat.compliance_backup_store.is_some(),
                    true,
                ),
                (
                    "log_shipping_from_mirror",
                    chat.log_shipping_from_mirror.is_some(),
                    true,
                ),
            ] {
                if !set {
                    continue;
                }
                let fact = match (&entry, from_entry) {
                    (Some((k, _)), true) => {
                        format!("/pools/{}/{key}", crate::document::parse::escape(k))
                    }
                    _ => format!("/defaults/pool/{key}"),
                };
                self.fact_source(format!("/pools/{index}/{key}"), fact);
            }
            if let Some(slot) = self.pool_of_cluster.get_mut(cluster) {
                *slot = Some(index);
            }
            self.document.pools.push(Pool {
                fqdn: c.fqdn.clone().into(),
                site: site.into(),
                kind,
                edition,
                product,
                cumulative_update,
                servers,
                back_end: None,
                backup_pool: None,
                cms: None,
                load_balancing,
                users,
                associated_pool: None,
                collocated_roles: None,
                concurrent_remote_users,
                voice_failover: None,
                file_store: None,
                edge: None,
                next_hop_pool: chat.next_hop_pool,
                collocated_on: chat.collocated_on,
                active_servers: chat.active_servers,
                compliance: chat.compliance,
                compliance_store: chat.compliance_store,
                backup_store: chat.backup_store,
                compliance_backup_store: chat.compliance_backup_store,
                log_shipping_from_mirror: chat.log_shipping_from_mirror,
                esu: false,
                x: None,
            });
        }
    }

    /// The machines of a cluster in topology order (by `OrdinalInCluster` where every machine
    /// has one, else as written), with the facts of each.
    fn servers(&mut self, cluster: usize, pool: usize) -> Vec<Server> {
        let Some(c) = self.model.clusters.get(cluster) else {
            return Vec::new();
        };
        let mut machines: Vec<&super::model::Machine> = c.machines.iter().collect();
        if machines.iter().all(|m| m.ordinal.is_some()) {
            machines.sort_by_key(|m| m.ordinal);
        }
        let mut servers = Vec::new();
        for (k, machine) in machines.into_iter().enumerate() {
            let fqdn = machine.fqdn.clone().unwrap_or_else(|| c.fqdn.clone());
            let pointer = format!("/pools/{pool}/servers/{k}");
            self.source(pointer.clone(), &machine.origin);
            let entry = self
                .facts
                .server(&fqdn)
                .map(|(key, e)| (key.to_owned(), e.clone()));
            let defaults = self.facts.defaults.server.clone();
            let pick = |own: Option<Text>, default: Option<Text>| own.or(default);
            let own = entry.as_ref().map(|(_, e)| e.clone()).unwrap_or_default();
            let server = Server {
                fqdn: fqdn.into(),
                os: own.os.or(defaults.os),
                platform: own.platform.or(defaults.platform),
                data_center: pick(own.data_center.clone(), defaults.data_center.clone()),
                domain: pick(own.domain.clone(), defaults.domain.clone()),
                time_zone: pick(own.time_zone.clone(), defaults.time_zone.clone()),
                virtualization: own
                    .virtualization
                    .clone()
                    .or(defaults.virtualization.clone()),
                network_interfaces: own.network_interfaces.or(defaults.network_interfaces),
                esu: false,
                x: None,
            };
            for (key, set, from_entry) in [
                ("os", server.os.is_some(), own.os.is_some()),
                (
                    "platform",
                    server.platform.is_some(),
                    own.platform.is_some(),
                ),
                (
                    "data_center",
                    server.data_center.is_some(),
                    own.data_center.is_some(),
                ),
                ("domain", server.domain.is_some(), own.domain.is_some()),
                (
                    "time_zone",
                    server.time_zone.is_some(),
                    own.time_zone.is_some(),
                ),
                (
                    "virtualization",
                    server.virtualization.is_some(),
                    own.virtualization.is_some(),
                ),
                (
                    "network_interfaces",
                    server.network_interfaces.is_some(),
                    own.network_interfaces.is_some(),
                ),
            ] {
                if !set {
                    continue;
                }
                let fact = match (&entry, from_entry) {
                    (Some((name, _)), true) => {
                        format!("/servers/{}/{key}", crate::document::parse::escape(name))
                    }
                    _ => format!("/defaults/server/{key}"),
                };
                self.fact_source(format!("{pointer}/{key}"), fact);
            }
            servers.push(server);
        }
        servers
    }

    /// The SQL instance holding the user store of a Front End pool's UserServices.
    pub(super) fn user_store(&self, user_services: usize) -> Option<(usize, usize)> {
        let store = self.dependency(user_services, "UserStore")?;
        match self.installed.get(store).copied().flatten()? {
            Target::Instance(instance) => Some((store, instance)),
            Target::Cluster(_) => None,
        }
    }

    /// Standard Edition: a `.tbxml` single-machine cluster, or a user store on the pool's own
    /// cluster (the collocated SQL Express).
    fn edition(&self, cluster: usize, user_services: usize) -> Edition {
        let single = self
            .model
            .clusters
            .get(cluster)
            .and_then(|c| c.single_machine)
            .unwrap_or(false);
        let collocated = self
            .user_store(user_services)
            .and_then(|(_, instance)| self.instance_cluster.get(instance).copied().flatten())
            == Some(cluster);
        if single || collocated {
            Edition::Standard
        } else {
            Edition::Enterprise
        }
    }
}
