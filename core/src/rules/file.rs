//! FILE: file stores.

use std::collections::BTreeSet;

use super::{Finding, Findings};
use crate::document::FileStore;
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{DfsScope, FileStorage, FileStoreHa, Os, Product};
use crate::topology::Topology;

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    let rules = [
        RuleId::File001,
        RuleId::File002,
        RuleId::File003,
        RuleId::File004,
        RuleId::File005,
    ];
    let document = topology.document();
    if !out.wants_any(&rules) || document.file_stores.is_empty() {
        return;
    }
    // The hosts of SQL nodes that hold databases (FILE-005).
    let sql_hosts: BTreeSet<&str> = topology
        .stores()
        .flat_map(|(_, _, facts)| facts.nodes.iter())
        .filter(|n| n.holds_data())
        .map(|n| n.host())
        .collect();
    for (index, file_store) in document.file_stores.iter().enumerate() {
        let products: BTreeSet<Product> = document
            .pools
            .iter()
            .filter(|p| p.file_store.as_deref() == Some(&*file_store.id))
            .map(|p| p.product)
            .collect();
        let store = Store {
            index,
            file_store,
            products,
        };
        store.dfs(out);
        store.storage(out);
        store.cluster_os(out);
        if out.wants(RuleId::File005) && sql_hosts.contains(file_store.fqdn.to_lowercase().as_str())
        {
            let message = format!(
                "the file store `{}` is on {}, a SQL Server that holds databases; a file server of its own is recommended",
                file_store.id, file_store.fqdn
            );
            out.push(Finding::new(
                RuleId::File005,
                &file_store.id,
                store.path("fqdn"),
                message,
            ));
        }
    }
}

/// A file store and the products of the pools that use it.
struct Store<'a> {
    index: usize,
    file_store: &'a FileStore,
    products: BTreeSet<Product>,
}

impl Store<'_> {
    fn path(&self, key: &'static str) -> Pointer {
        Pointer::entity("file_stores", self.index).key(key)
    }

    /// Used by pools, all of them of these products.
    fn only(&self, products: &[Product]) -> bool {
        !self.products.is_empty() && self.products.iter().all(|p| products.contains(p))
    }

    /// FILE-001 and FILE-002: DFS within one data center, best-effort.
    fn dfs(&self, out: &mut Findings) {
        if self.file_store.ha != Some(FileStoreHa::Dfs) {
            return;
        }
        let id = &self.file_store.id;
        if out.wants(RuleId::File001) {
            match self.file_store.dfs_scope {
                None => out.push(Finding::not_evaluated(
                    RuleId::File001,
                    id,
                    vec![self.path("dfs_scope")],
                )),
                Some(DfsScope::CrossDataCenter) => {
                    let message = format!(
                        "the file store `{id}` replicates with DFS across data centers; DFS gives failover within one data center, and disaster recovery is the paired pool's own file store"
                    );
                    out.push(Finding::new(
                        RuleId::File001,
                        id,
                        self.path("dfs_scope"),
                        message,
                    ));
                }
                Some(DfsScope::DataCenter) => {}
            }
        }
        if out.wants(RuleId::File002) {
            let message = format!(
                "the file store `{id}` relies on DFS, which is best-effort: no recovery time or point objective; back the share up every 4 to 8 hours if its content is critical"
            );
            out.push(Finding::new(RuleId::File002, id, self.path("ha"), message));
        }
    }

    /// FILE-003: no network-attached storage (2015 and later pages).
    fn storage(&self, out: &mut Findings) {
        if !out.wants(RuleId::File003) || self.only(&[Product::Lync2013]) {
            return;
        }
        let id = &self.file_store.id;
        match self.file_store.storage {
            None => out.push(Finding::not_evaluated(
                RuleId::File003,
                id,
                vec![self.path("storage")],
            )),
            Some(FileStorage::Nas) => {
                let message = format!(
                    "the file store `{id}` is on network-attached storage, which is not supported; use direct-attached storage or a SAN"
                );
                out.push(
                    Finding::new(RuleId::File003, id, self.path("storage"), message)
                        .unverified(self.only(&[Product::SfbSe])),
                );
            }
            Some(FileStorage::Das | FileStorage::San) => {}
        }
    }

    /// FILE-004: a clustered share on Windows Server 2012 or later.
    fn cluster_os(&self, out: &mut Findings) {
        if !out.wants(RuleId::File004) || self.file_store.ha != Some(FileStoreHa::Cluster) {
            return;
        }
        let id = &self.file_store.id;
        match self.file_store.os {
            None => out.push(Finding::not_evaluated(
                RuleId::File004,
                id,
                vec![self.path("os")],
            )),
            Some(Os::Ws2008r2) if !self.only(&[Product::Lync2013, Product::Sfb2015]) => {
                let message = format!(
                    "the file-share cluster of `{id}` runs Windows Server 2008 R2; the cluster should run Windows Server 2012 or later"
                );
                out.push(Finding::new(RuleId::File004, id, self.path("os"), message));
            }
            Some(_) => {}
        }
    }
}
