//! Anonymizing a document so that a user can share it: host names, domains, site and
//! data-center ids and the deployment name are replaced consistently (the same name always
//! becomes the same placeholder, compared without case), so every reference still resolves
//! and every check gives the same findings.

use std::collections::HashMap;

use crate::document::{Document, Ha, SqlNode, Text};

#[derive(Default)]
struct Names {
    hosts: HashMap<String, Text>,
    domains: HashMap<String, Text>,
    sites: HashMap<String, Text>,
    data_centers: HashMap<String, Text>,
}

fn next(map: &mut HashMap<String, Text>, key: &str, prefix: &str, suffix: &str) -> Text {
    let count = map.len() + 1;
    map.entry(key.to_lowercase())
        .or_insert_with(|| format!("{prefix}{count}{suffix}").into())
        .clone()
}

impl Names {
    fn domain(&mut self, domain: &str) -> Text {
        next(&mut self.domains, domain, "domain", ".example")
    }

    /// `host.corp.contoso.com` → `host1.domain1.example`; a name without a dot → `host1`.
    fn fqdn(&mut self, fqdn: &str) -> Text {
        let count = self.hosts.len() + 1;
        let key = fqdn.to_lowercase();
        if let Some(name) = self.hosts.get(&key) {
            return name.clone();
        }
        let name: Text = match fqdn.split_once('.') {
            Some((_, domain)) => format!("host{count}.{}", self.domain(domain)).into(),
            None => format!("host{count}").into(),
        };
        self.hosts.insert(key, name.clone());
        name
    }

    /// `host.contoso.com\instance` → `host1.domain1.example\instance`.
    fn id(&mut self, id: &str) -> Text {
        match id.split_once('\\') {
            Some((host, rest)) => format!("{}\\{rest}", self.fqdn(host)).into(),
            None => self.fqdn(id),
        }
    }

    fn site(&mut self, id: &str) -> Text {
        next(&mut self.sites, id, "site", "")
    }

    fn data_center(&mut self, id: &str) -> Text {
        next(&mut self.data_centers, id, "dc", "")
    }

    fn node(&mut self, node: &mut SqlNode) {
        node.fqdn = self.fqdn(&node.fqdn);
        node.domain = node.domain.as_deref().map(|d| self.domain(d));
        node.data_center = node.data_center.as_deref().map(|d| self.data_center(d));
        node.x = None;
    }
}

/// The document with every identifying name replaced consistently; the user's `x` data is
/// dropped.
pub fn anonymize(document: &Document) -> Document {
    let mut names = Names::default();
    let mut out = document.clone();
    out.name = out.name.as_ref().map(|_| Text::new_static("anonymized"));
    out.x = None;
    for site in &mut out.sites {
        site.id = names.site(&site.id);
        site.data_center = site.data_center.as_deref().map(|d| names.data_center(d));
        for link in site.links.iter_mut().flatten() {
            link.site = names.site(&link.site);
        }
        for gateway in site.failover_gateways.iter_mut().flatten() {
            *gateway = names.fqdn(gateway);
        }
        site.x = None;
    }
    for pool in &mut out.pools {
        pool.fqdn = names.fqdn(&pool.fqdn);
        pool.site = names.site(&pool.site);
        for server in &mut pool.servers {
            server.fqdn = names.fqdn(&server.fqdn);
            server.domain = server.domain.as_deref().map(|d| names.domain(d));
            server.data_center = server.data_center.as_deref().map(|d| names.data_center(d));
            server.x = None;
        }
        pool.back_end = pool.back_end.as_deref().map(|id| names.id(id));
        pool.backup_pool = pool.backup_pool.as_deref().map(|f| names.fqdn(f));
        pool.associated_pool = pool.associated_pool.as_deref().map(|f| names.fqdn(f));
        pool.file_store = pool.file_store.as_deref().map(|id| names.id(id));
        // Persistent Chat references, renamed as the pools and stores they name.
        pool.next_hop_pool = pool.next_hop_pool.as_deref().map(|f| names.fqdn(f));
        pool.collocated_on = pool.collocated_on.as_deref().map(|f| names.fqdn(f));
        if let Some(active) = &mut pool.active_servers {
            for server in active.iter_mut() {
                *server = names.fqdn(server);
            }
        }
        for store in [
            &mut pool.compliance_store,
            &mut pool.backup_store,
            &mut pool.compliance_backup_store,
        ] {
            *store = store.as_deref().map(|id| names.id(id));
        }
        if let Some(edge) = pool.edge.as_deref_mut() {
            edge.next_hop = edge.next_hop.as_deref().map(|f| names.fqdn(f));
            for endpoint in [&mut edge.access, &mut edge.web_conferencing, &mut edge.av]
                .into_iter()
                .flatten()
            {
                endpoint.fqdn = names.fqdn(&endpoint.fqdn);
            }
        }
        pool.x = None;
    }
    for store in &mut out.sql_stores {
        store.id = names.id(&store.id);
        store.x = None;
        match &mut store.ha {
            Ha::None { server } => names.node(server),
            Ha::Mirroring {
                principal,
                mirror,
                witness,
                ..
            } => {
                names.node(principal);
                names.node(mirror);
                if let Some(witness) = witness {
                    names.node(witness);
                }
            }
            Ha::AlwaysOnAg {
                listener, replicas, ..
            } => {
                *listener = names.fqdn(listener);
                for replica in replicas {
                    replica.fqdn = names.fqdn(&replica.fqdn);
                    replica.domain = replica.domain.as_deref().map(|d| names.domain(d));
                    replica.data_center =
                        replica.data_center.as_deref().map(|d| names.data_center(d));
                    replica.x = None;
                }
            }
            Ha::AlwaysOnFci(cluster) | Ha::FailoverCluster(cluster) => {
                cluster.virtual_name = names.fqdn(&cluster.virtual_name);
                for node in &mut cluster.nodes {
                    names.node(node);
                }
            }
        }
    }
    for file_store in &mut out.file_stores {
        file_store.id = names.id(&file_store.id);
        file_store.fqdn = names.fqdn(&file_store.fqdn);
        file_store.site = names.site(&file_store.site);
        file_store.x = None;
    }
    for gateway in out.pstn_gateways.iter_mut().flatten() {
        gateway.fqdn = names.fqdn(&gateway.fqdn);
        gateway.site = names.site(&gateway.site);
        gateway.mediation_pool = names.fqdn(&gateway.mediation_pool);
        gateway.x = None;
    }
    out
}
