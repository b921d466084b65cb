//! SQL stores and file stores. A SQL instance becomes a store when it holds a store service and
//! is neither a collocated SQL Express (on a pool's own cluster) nor the mirror of another.

use super::WarningKind;
use super::facts::StoreEntry;
use super::topology::{Builder, Target};
use crate::document::{FileStore, Ha, Replica, SqlNode, SqlStore, Text};
use crate::tokens::{Commit, FailoverMode};

/// The id of the store on a SQL instance: `host\\instance`, or the host for a default instance.
fn store_id(host: &str, instance: &str) -> String {
    if instance.is_empty() {
        host.to_owned()
    } else {
        format!("{host}\\{instance}")
    }
}

/// Every host of a store's HA configuration.
pub(crate) fn hosts(ha: &Ha) -> Vec<String> {
    match ha {
        Ha::None { server } => vec![server.fqdn.to_string()],
        Ha::Mirroring {
            principal,
            mirror,
            witness,
            ..
        } => [Some(principal), Some(mirror), witness.as_ref()]
            .into_iter()
            .flatten()
            .map(|n| n.fqdn.to_string())
            .collect(),
        Ha::AlwaysOnAg {
            listener, replicas, ..
        } => std::iter::once(listener.to_string())
            .chain(replicas.iter().map(|r| r.fqdn.to_string()))
            .collect(),
        Ha::AlwaysOnFci(cluster) | Ha::FailoverCluster(cluster) => {
            std::iter::once(cluster.virtual_name.to_string())
                .chain(cluster.nodes.iter().map(|n| n.fqdn.to_string()))
                .collect()
        }
    }
}

impl Builder<'_> {
    fn cluster_fqdn(&self, instance: usize) -> Option<String> {
        let cluster = self.instance_cluster.get(instance).copied().flatten()?;
        self.model.clusters.get(cluster).map(|c| c.fqdn.clone())
    }

    /// A SQL node with the machine facts of its host.
    fn node(&self, fqdn: String, instance: &str) -> SqlNode {
        let own = self
            .facts
            .server(&fqdn)
            .map(|(_, e)| e.clone())
            .unwrap_or_default();
        let defaults = &self.facts.defaults.server;
        SqlNode {
            domain: own.domain.or_else(|| defaults.domain.clone()),
            data_center: own.data_center.or_else(|| defaults.data_center.clone()),
            network_interfaces: own.network_interfaces.or(defaults.network_interfaces),
            fqdn: fqdn.into(),
            instance: (!instance.is_empty()).then(|| instance.into()),
            version: None,
            edition: None,
            service_pack: None,
            cumulative_update: None,
            esu: false,
            x: None,
        }
    }

    /// The machine facts (domain, data center) of every node that does not state its own.
    fn fill_nodes(&self, mut ha: Ha) -> Ha {
        let fill = |fqdn: &str,
                    domain: &mut Option<Text>,
                    data_center: &mut Option<Text>,
                    interfaces: &mut Option<u32>| {
            let node = self.node(fqdn.to_owned(), "");
            if domain.is_none() {
                *domain = node.domain;
            }
            if data_center.is_none() {
                *data_center = node.data_center;
            }
            if interfaces.is_none() {
                *interfaces = node.network_interfaces;
            }
        };
        match &mut ha {
            Ha::None { server } => fill(
                &server.fqdn.clone(),
                &mut server.domain,
                &mut server.data_center,
                &mut server.network_interfaces,
            ),
            Ha::Mirroring {
                principal,
                mirror,
                witness,
                ..
            } => {
                for node in [Some(principal), Some(mirror), witness.as_mut()]
                    .into_iter()
                    .flatten()
                {
                    fill(
                        &node.fqdn.clone(),
                        &mut node.domain,
                        &mut node.data_center,
                        &mut node.network_interfaces,
                    );
                }
            }
            Ha::AlwaysOnAg { replicas, .. } => {
                for replica in replicas {
                    fill(
                        &replica.fqdn.clone(),
                        &mut replica.domain,
                        &mut replica.data_center,
                        &mut replica.network_interfaces,
                    );
                }
            }
            Ha::AlwaysOnFci(cluster) | Ha::FailoverCluster(cluster) => {
                for node in &mut cluster.nodes {
                    fill(
                        &node.fqdn.clone(),
                        &mut node.domain,
                        &mut node.data_center,
                        &mut node.network_interfaces,
                    );
                }
            }
        }
        ha
    }

    /// Whether a service is a database role other than a mirroring witness.
    fn is_store(&self, service: usize) -> bool {
        let role = self.role(service);
        role.ends_with("Store") && role != "WitnessStore"
    }

    pub(super) fn sql_stores(&mut self) {
        let model = self.model;
        let mirrors: Vec<usize> = self.instance_mirror.iter().flatten().copied().collect();
        for (j, instance) in model.instances.iter().enumerate() {
            let holds = self.on_instance(j).any(|s| self.is_store(s));
            let collocated = self
                .instance_cluster
                .get(j)
                .copied()
                .flatten()
                .and_then(|c| self.pool_of_cluster.get(c).copied().flatten())
                .is_some();
            if !holds || collocated || mirrors.contains(&j) {
                continue;
            }
            let Some(host) = self.cluster_fqdn(j) else {
                continue;
            };
            let id = store_id(&host, &instance.name);
            let index = self.document.sql_stores.len();
            let base = format!("/sql_stores/{index}");
            self.source(base.clone(), &instance.origin);
            let entry = self
                .facts
                .store(&id)
                .map(|(k, e)| (k.to_owned(), e.clone()));
            let ha = match entry
                .as_ref()
                .and_then(|(k, e)| e.ha.clone().map(|h| (k, h)))
            {
                Some((key, ha)) => {
                    self.fact_source(
                        format!("{base}/ha"),
                        format!("/sql_stores/{}/ha", crate::document::parse::escape(key)),
                    );
                    ha
                }
                None => self.read_ha(j, &host, &base, entry.as_ref().map(|(_, e)| e)),
            };
            let ha = self.fill_nodes(ha);
            let own = entry.as_ref().map(|(_, e)| e.clone()).unwrap_or_default();
            let defaults = &self.facts.defaults.sql_store;
            let store = SqlStore {
                id: id.clone().into(),
                version: own.version.or(defaults.version),
                service_pack: own.service_pack.or(defaults.service_pack),
                cumulative_update: own.cumulative_update.or(defaults.cumulative_update),
                edition: own.edition.or(defaults.edition),
                ha,
                esu: false,
                x: None,
            };
            for (key, set, from_entry) in [
                ("version", store.version.is_some(), own.version.is_some()),
                (
                    "service_pack",
                    store.service_pack.is_some(),
                    own.service_pack.is_some(),
                ),
                (
                    "cumulative_update",
                    store.cumulative_update.is_some(),
                    own.cumulative_update.is_some(),
                ),
                ("edition", store.edition.is_some(), own.edition.is_some()),
            ] {
                if !set {
                    continue;
                }
                let fact = match (&entry, from_entry) {
                    (Some((k, _)), true) => {
                        format!("/sql_stores/{}/{key}", crate::document::parse::escape(k))
                    }
                    _ => format!("/defaults/sql_store/{key}"),
                };
                self.fact_source(format!("{base}/{key}"), fact);
            }
            if let Some(slot) = self.store_of_instance.get_mut(j) {
                *slot = Some(id);
            }
            self.document.sql_stores.push(store);
        }
    }

    /// The HA configuration as far as the XML shows it: an AlwaysOn primary, a mirror (and
    /// witness), or a single server.
    fn read_ha(&mut self, j: usize, host: &str, base: &str, entry: Option<&StoreEntry>) -> Ha {
        let model = self.model;
        let Some(instance) = model.instances.get(j) else {
            return Ha::None {
                server: self.node(host.to_owned(), ""),
            };
        };
        let quorum_witness =
            entry
                .and_then(|e| e.quorum_witness)
                .or(self.facts.defaults.sql_store.quorum_witness);
        let machines: Vec<String> = self
            .instance_cluster
            .get(j)
            .copied()
            .flatten()
            .and_then(|c| model.clusters.get(c))
            .map(|c| {
                c.machines
                    .iter()
                    .filter_map(|m| m.fqdn.clone())
                    .filter(|f| !f.eq_ignore_ascii_case(&c.fqdn))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(primary) = &instance.always_on_primary {
            self.source(format!("{base}/ha"), &instance.origin);
            let replicas = match entry.and_then(|e| e.replicas.clone()) {
                Some(replicas) => {
                    let key = self
                        .facts
                        .store(&store_id(host, &instance.name))
                        .map(|(k, _)| crate::document::parse::escape(k))
                        .unwrap_or_default();
                    self.fact_source(
                        format!("{base}/ha/replicas"),
                        format!("/sql_stores/{key}/replicas"),
                    );
                    replicas
                }
                None => {
                    let mut hosts = vec![primary.clone()];
                    for machine in machines {
                        if !hosts.iter().any(|h| h.eq_ignore_ascii_case(&machine))
                            && !machine.eq_ignore_ascii_case(host)
                        {
                            hosts.push(machine);
                        }
                    }
                    let names: Vec<String> = hosts.iter().map(|h| format!("`{h}`")).collect();
                    self.warn(
                        WarningKind::Assumed,
                        format!("{base}/ha/replicas"),
                        Some(instance.origin.line),
                        format!(
                            "the XML names the availability group's primary only: the import \
                             lists {} as synchronous replicas with automatic failover; give the \
                             store's `replicas` in the facts file",
                            names.join(", ")
                        ),
                    );
                    hosts
                        .into_iter()
                        .map(|fqdn| {
                            let node = self.node(fqdn, &instance.name);
                            Replica {
                                fqdn: node.fqdn,
                                instance: node.instance,
                                version: None,
                                edition: None,
                                service_pack: None,
                                cumulative_update: None,
                                domain: node.domain,
                                data_center: node.data_center,
                                network_interfaces: node.network_interfaces,
                                commit: Commit::Synchronous,
                                failover: FailoverMode::Automatic,
                                esu: false,
                                x: None,
                            }
                        })
                        .collect()
                }
            };
            return Ha::AlwaysOnAg {
                listener: host.into(),
                replicas,
                active_active: entry.and_then(|e| e.active_active),
                quorum_witness,
            };
        }
        if let Some(mirror) = self.instance_mirror.get(j).copied().flatten() {
            let mirror_host = self.cluster_fqdn(mirror).unwrap_or_default();
            let mirror_name = model
                .instances
                .get(mirror)
                .map(|m| m.name.clone())
                .unwrap_or_default();
            let witness = self.on_instance(j).find_map(|s| {
                let w = self.dependency(s, "WitnessStore")?;
                match self.installed.get(w).copied().flatten()? {
                    Target::Instance(i) => Some((w, i)),
                    Target::Cluster(_) => None,
                }
            });
            if let Some(reference) = &instance.mirror {
                self.source(format!("{base}/ha/mirror"), &reference.origin);
            }
            let witness = witness.map(|(service, w)| {
                if let Some(origin) = model.services.get(service).map(|s| s.origin.clone()) {
                    self.source(format!("{base}/ha/witness"), &origin);
                }
                let name = model
                    .instances
                    .get(w)
                    .map(|i| i.name.clone())
                    .unwrap_or_default();
                self.node(self.cluster_fqdn(w).unwrap_or_default(), &name)
            });
            self.warn(
                WarningKind::Unverified,
                format!("{base}/ha"),
                Some(instance.origin.line),
                "mirroring and its witness are read from `MirrorSqlInstanceId` and a \
                 `WitnessStore` service, an XML shape no public export confirms: check the \
                 imported store"
                    .to_owned(),
            );
            return Ha::Mirroring {
                principal: Box::new(self.node(host.to_owned(), &instance.name)),
                mirror: Box::new(self.node(mirror_host, &mirror_name)),
                witness: witness.map(Box::new),
                synchronous: None,
            };
        }
        if !machines.is_empty() {
            self.warn(
                WarningKind::Assumed,
                format!("{base}/ha"),
                Some(instance.origin.line),
                format!(
                    "SQL cluster `{host}` lists other machines ({}): the import reads it as one \
                     SQL Server; if it is a failover cluster, give the store's `ha` in the \
                     facts file",
                    machines.join(", ")
                ),
            );
        }
        Ha::None {
            server: self.node(host.to_owned(), &instance.name),
        }
    }

    pub(super) fn file_stores(&mut self) {
        let model = self.model;
        for (s, service) in model.services.iter().enumerate() {
            if service.role != "FileStore" {
                continue;
            }
            let Some(Target::Cluster(c)) = self.installed.get(s).copied().flatten() else {
                continue;
            };
            let Some(cluster) = model.clusters.get(c) else {
                continue;
            };
            let id = match &service.share {
                Some(share) if !share.is_empty() => format!("{}\\{share}", cluster.fqdn),
                _ => cluster.fqdn.clone(),
            };
            if let Some(slot) = self.file_store_of_service.get_mut(s) {
                *slot = Some(id.clone());
            }
            if self.document.file_stores.iter().any(|f| f.id == id) {
                continue;
            }
            let site = self
                .cluster_site
                .get(c)
                .copied()
                .flatten()
                .and_then(|i| self.site_ids.get(i))
                .cloned()
                .unwrap_or_default();
            let index = self.document.file_stores.len();
            self.source(format!("/file_stores/{index}"), &service.origin);
            let defaults = self.facts.defaults.file_store.clone();
            let entry = self
                .facts
                .file_store(&id)
                .map(|(key, e)| (key.to_owned(), e.clone()));
            let own = entry.as_ref().map(|(_, e)| e.clone()).unwrap_or_default();
            let file_store = FileStore {
                id: id.into(),
                fqdn: cluster.fqdn.clone().into(),
                site: site.into(),
                ha: own.ha.or(defaults.ha),
                dfs_scope: own.dfs_scope.or(defaults.dfs_scope),
                storage: own.storage.or(defaults.storage),
                os: own.os.or(defaults.os),
                x: None,
            };
            for (key, set, from_entry) in [
                ("ha", file_store.ha.is_some(), own.ha.is_some()),
                (
                    "dfs_scope",
                    file_store.dfs_scope.is_some(),
                    own.dfs_scope.is_some(),
                ),
                (
                    "storage",
                    file_store.storage.is_some(),
                    own.storage.is_some(),
                ),
                ("os", file_store.os.is_some(), own.os.is_some()),
            ] {
                if !set {
                    continue;
                }
                let fact = match (&entry, from_entry) {
                    (Some((name, _)), true) => {
                        format!(
                            "/file_stores/{}/{key}",
                            crate::document::parse::escape(name)
                        )
                    }
                    _ => format!("/defaults/file_store/{key}"),
                };
                self.fact_source(format!("/file_stores/{index}/{key}"), fact);
            }
            self.document.file_stores.push(file_store);
        }
    }
}
