//! BE: back-end high availability, per pool (what its product allows) and per store (how the
//! store itself is built).

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};

use super::{Finding, Findings};
use super::{pool_path, set_value, store_path};
use crate::document::{Ha, Pool, SqlStore};
use crate::matrix::sql::ha_modes;
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{Commit, FailoverMode, HaMode, PoolKind, Product, QuorumWitness, SqlEdition};
use crate::topology::{NodeFacts, NodeRole, PoolFacts, StoreFacts, Topology};

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    for (index, pool, facts) in topology.pools() {
        let Some((store_index, store, store_facts)) = topology.back_end(index) else {
            continue;
        };
        let back_end = BackEnd {
            index,
            pool,
            store_index,
            store,
            facts: store_facts,
        };
        if pool.is_enterprise_front_end() {
            back_end.no_ha(out);
            back_end.allowed_mode(out);
            back_end.no_mirroring_on_2019(out);
            back_end.local(facts, out);
        }
        if pool.kind == PoolKind::PersistentChat {
            back_end.no_availability_group_for_persistent_chat(out);
        }
    }
    for (index, store, facts) in topology.stores() {
        let store = Store {
            topology,
            index,
            store,
            facts,
        };
        store.synchronous_mirroring(out);
        store.mirroring_versions(out);
        store.mirroring_domains(out);
        store.availability_group(out);
        store.cluster_size(out);
        store.shared(out);
    }
    shared_hosts(topology, out);
}

/// A pool and its back-end store.
struct BackEnd<'a> {
    index: usize,
    pool: &'a Pool,
    store_index: usize,
    store: &'a SqlStore,
    facts: &'a StoreFacts,
}

impl BackEnd<'_> {
    fn finding(&self, rule: RuleId, message: String) -> Finding {
        Finding::new(
            rule,
            &self.pool.fqdn,
            store_path(self.store_index, "ha").key("mode"),
            message,
        )
        .related([&self.store.id])
        .fact("product", self.pool.product.as_str())
        .fact("back_end.ha.mode", self.facts.mode.as_str())
    }

    /// BE-001: Back End HA is optional but recommended.
    fn no_ha(&self, out: &mut Findings) {
        if !out.wants(RuleId::Be001) {
            return;
        }
        if self.facts.mode == HaMode::None {
            let message = format!(
                "the back end of {} (`{}`) has no high availability: losing its SQL Server can lose data and stop the pool",
                self.pool.fqdn, self.store.id
            );
            out.push(self.finding(RuleId::Be001, message));
        }
    }

    /// BE-002: the HA modes the product allows.
    fn allowed_mode(&self, out: &mut Findings) {
        if !out.wants(RuleId::Be002) {
            return;
        }
        let Some(allowed) = ha_modes(self.pool.product) else {
            return;
        };
        if !allowed.modes.contains(&self.facts.mode) {
            let message = format!(
                "{} uses {} for its back end (`{}`), which {} does not support",
                self.pool.fqdn,
                self.facts.mode.display_name(),
                self.store.id,
                self.pool.product.display_name()
            );
            let modes: Vec<&str> = allowed.modes.iter().map(|m| m.as_str()).collect();
            out.push(
                self.finding(RuleId::Be002, message)
                    .fact("allowed", modes)
                    .unverified(allowed.unverified),
            );
        }
    }

    /// BE-004: no mirroring on 2019 or Subscription Edition pools.
    fn no_mirroring_on_2019(&self, out: &mut Findings) {
        if !out.wants(RuleId::Be004) {
            return;
        }
        let modern = matches!(self.pool.product, Product::Sfb2019 | Product::SfbSe);
        if modern && self.facts.mode == HaMode::Mirroring {
            let message = format!(
                "{} is a {} pool on the mirrored store `{}`; SQL mirroring cannot be used with {}",
                self.pool.fqdn,
                self.pool.product.display_name(),
                self.store.id,
                self.pool.product.display_name()
            );
            out.push(
                self.finding(RuleId::Be004, message)
                    .unverified(self.pool.product == Product::SfbSe),
            );
        }
    }

    /// BE-016: Persistent Chat databases are never in an availability group.
    fn no_availability_group_for_persistent_chat(&self, out: &mut Findings) {
        if !out.wants(RuleId::Be016) {
            return;
        }
        if self.facts.mode == HaMode::AlwaysOnAg {
            let message = format!(
                "the Persistent Chat pool {} keeps its databases on the availability group `{}`; Persistent Chat databases cannot be in an AlwaysOn Availability Group",
                self.pool.fqdn, self.store.id
            );
            out.push(
                Finding::new(
                    RuleId::Be016,
                    &self.pool.fqdn,
                    pool_path(self.index, "back_end"),
                    message,
                )
                .related([&self.store.id])
                .fact("back_end.ha.mode", self.facts.mode.as_str()),
            );
        }
    }

    /// BE-028: the back end in the Front End Servers' data center.
    fn local(&self, pool: &PoolFacts, out: &mut Findings) {
        if !out.wants(RuleId::Be028) {
            return;
        }
        let remote: Vec<&NodeFacts> = self
            .facts
            .nodes
            .iter()
            .filter(|n| n.holds_data())
            .filter(|n| {
                n.data_center
                    .as_ref()
                    .is_some_and(|dc| !pool.server_data_centers.contains(dc))
            })
            .collect();
        let Some(first) = remote.first() else {
            return;
        };
        let names: Vec<String> = remote
            .iter()
            .map(|n| {
                format!(
                    "{} (`{}`)",
                    n.fqdn,
                    n.data_center.as_deref().unwrap_or_default()
                )
            })
            .collect();
        let message = format!(
            "the back end of {} has SQL Servers outside the pool's data center: {}; the back end should be on the Front End Servers' local network",
            self.pool.fqdn,
            names.join(", ")
        );
        out.push(
            Finding::new(
                RuleId::Be028,
                &self.pool.fqdn,
                first.pointer().key("data_center"),
                message,
            )
            .related(
                std::iter::once(self.store.id.as_str())
                    .chain(remote.iter().map(|n| n.fqdn.as_str())),
            ),
        );
    }
}

/// A store and the pools that use it.
struct Store<'a> {
    topology: &'a Topology,
    index: usize,
    store: &'a SqlStore,
    facts: &'a StoreFacts,
}

impl Store<'_> {
    fn path(&self, key: &'static str) -> Pointer {
        store_path(self.index, "ha").key(key)
    }

    fn pools(&self) -> Vec<&str> {
        self.facts
            .used_by
            .iter()
            .filter_map(|&p| self.topology.pool(p))
            .map(|p| p.fqdn.as_str())
            .collect()
    }

    fn finding(&self, rule: RuleId, path: Pointer, message: String) -> Finding {
        Finding::new(rule, &self.store.id, path, message).related(self.pools())
    }

    /// BE-003: only synchronous mirroring.
    fn synchronous_mirroring(&self, out: &mut Findings) {
        if !out.wants(RuleId::Be003) {
            return;
        }
        if let Ha::Mirroring {
            synchronous: Some(false),
            ..
        } = self.store.ha
        {
            let message = format!(
                "the store `{}` uses asynchronous mirroring; only synchronous mirroring is supported",
                self.store.id
            );
            out.push(
                self.finding(RuleId::Be003, self.path("synchronous"), message)
                    .fact("synchronous", false),
            );
        }
    }

    /// The principal, mirror and witness of a mirrored store.
    fn mirroring_nodes(&self) -> Vec<&NodeFacts> {
        let roles = [NodeRole::Principal, NodeRole::Mirror, NodeRole::Witness];
        self.facts
            .nodes
            .iter()
            .filter(|n| roles.contains(&n.role))
            .collect()
    }

    /// BE-006 (and WIT-003): one SQL version for principal, mirror and witness; one edition for
    /// principal and mirror.
    fn mirroring_versions(&self, out: &mut Findings) {
        if !out.wants(RuleId::Be006) {
            return;
        }
        if self.facts.mode != HaMode::Mirroring {
            return;
        }
        let nodes = self.mirroring_nodes();
        let partners: Vec<&NodeFacts> = nodes
            .iter()
            .copied()
            .filter(|n| n.role != NodeRole::Witness)
            .collect();
        let versions: BTreeSet<&str> = nodes
            .iter()
            .filter_map(|n| n.version)
            .map(|v| v.as_str())
            .collect();
        let editions: BTreeSet<&str> = partners
            .iter()
            .filter_map(|n| n.edition)
            .map(|e| e.as_str())
            .collect();
        let mut problems = Vec::new();
        let mut path = None;
        if versions.len() > 1 {
            problems.push(format!(
                "versions differ ({})",
                describe(&nodes, |n| n.version.map(|v| v.display_name()))
            ));
            path = odd_one(&nodes, |n| n.version.map(|v| v.as_str())).map(|n| n.version_path());
        }
        if editions.len() > 1 {
            problems.push(format!(
                "principal and mirror editions differ ({})",
                describe(&partners, |n| n.edition.map(|e| e.as_str()))
            ));
            path = path.or_else(|| {
                odd_one(&partners, |n| n.edition.map(|e| e.as_str())).map(|n| n.edition_path())
            });
        }
        if !problems.is_empty() {
            let message = format!(
                "the mirrored store `{}`: {}; principal, mirror and witness must run one SQL Server version, and principal and mirror one edition",
                self.store.id,
                problems.join("; ")
            );
            out.push(
                self.finding(
                    RuleId::Be006,
                    path.unwrap_or_else(|| self.path("mode")),
                    message,
                )
                .related(nodes.iter().map(|n| n.fqdn.as_str()))
                .fact("versions", set_value(&versions))
                .fact("editions", set_value(&editions)),
            );
            return;
        }
        let mut missing: Vec<Pointer> = nodes
            .iter()
            .filter(|n| n.version.is_none())
            .map(|n| n.version_path())
            .collect();
        missing.extend(
            partners
                .iter()
                .filter(|n| n.edition.is_none())
                .map(|n| n.edition_path()),
        );
        if !missing.is_empty() {
            out.push(
                Finding::not_evaluated(RuleId::Be006, &self.store.id, missing)
                    .related(self.pools()),
            );
        }
    }

    /// BE-007 (and WIT-004): principal, mirror and witness in one domain.
    fn mirroring_domains(&self, out: &mut Findings) {
        if !out.wants(RuleId::Be007) {
            return;
        }
        if self.facts.mode != HaMode::Mirroring {
            return;
        }
        let nodes = self.mirroring_nodes();
        let domains: BTreeSet<String> = nodes
            .iter()
            .filter_map(|n| n.domain.as_deref())
            .map(str::to_lowercase)
            .collect();
        if domains.len() > 1 {
            let names: BTreeSet<&str> = domains.iter().map(String::as_str).collect();
            let odd = odd_one(&nodes, |n| n.domain.as_deref()).map(|n| n.pointer().key("domain"));
            let message = format!(
                "the mirrored store `{}` spans the domains {}; mirroring set up by Topology Builder or the cmdlets needs principal, mirror and witness in one domain",
                self.store.id,
                describe(&nodes, |n| n.domain.as_deref())
            );
            out.push(
                self.finding(
                    RuleId::Be007,
                    odd.unwrap_or_else(|| self.path("principal")),
                    message,
                )
                .related(nodes.iter().map(|n| n.fqdn.as_str()))
                .fact("domains", set_value(&names)),
            );
            return;
        }
        let missing: Vec<Pointer> = nodes
            .iter()
            .filter(|n| n.domain.is_none())
            .map(|n| n.pointer().key("domain"))
            .collect();
        if !missing.is_empty() {
            out.push(
                Finding::not_evaluated(RuleId::Be007, &self.store.id, missing)
                    .related(self.pools()),
            );
        }
    }

    /// BE-012, BE-014, BE-015, BE-020: availability-group settings.
    fn availability_group(&self, out: &mut Findings) {
        if !out.wants_any(&[RuleId::Be012, RuleId::Be014, RuleId::Be015, RuleId::Be020]) {
            return;
        }
        let Ha::AlwaysOnAg {
            active_active,
            quorum_witness,
            ..
        } = &self.store.ha
        else {
            return;
        };
        if *active_active == Some(true) {
            let message = format!(
                "the availability group `{}` is active/active; only active/passive is supported",
                self.store.id
            );
            out.push(
                self.finding(RuleId::Be012, self.path("active_active"), message)
                    .fact("active_active", true),
            );
        }
        let replicas: Vec<&NodeFacts> = self.facts.nodes.iter().collect();
        let first = replicas.first().map_or("", |n| n.instance.as_str());
        if replicas.iter().any(|n| {
            !n.instance.eq_ignore_ascii_case(first)
                && n.instance.to_lowercase() != first.to_lowercase()
        }) {
            let instances: BTreeSet<String> =
                replicas.iter().map(|n| n.instance.to_lowercase()).collect();
            let odd = odd_one(&replicas, |n| Some(n.instance.as_str()))
                .map(|n| n.pointer().key("instance"));
            let message = format!(
                "the replicas of `{}` use different instance names ({}); every replica must use the same instance name",
                self.store.id,
                describe(&replicas, |n| Some(if n.instance.is_empty() {
                    "default"
                } else {
                    n.instance.as_str()
                }))
            );
            let names: BTreeSet<&str> = instances.iter().map(String::as_str).collect();
            out.push(
                self.finding(
                    RuleId::Be014,
                    odd.unwrap_or_else(|| self.path("replicas")),
                    message,
                )
                .related(replicas.iter().map(|n| n.fqdn.as_str()))
                .fact("instances", set_value(&names)),
            );
        }
        let wrong: Vec<&NodeFacts> = replicas
            .iter()
            .copied()
            .filter(|n| matches!(n.role, NodeRole::Replica { commit, failover } if commit != Commit::Synchronous || failover != FailoverMode::Automatic))
            .collect();
        if let Some(first) = wrong.first() {
            let names: Vec<String> = wrong
                .iter()
                .map(|n| match n.role {
                    NodeRole::Replica { commit, failover } => {
                        format!("{} ({commit} commit, {failover} failover)", n.fqdn)
                    }
                    _ => n.fqdn.to_string(),
                })
                .collect();
            let message = format!(
                "the availability group `{}` has replicas that are not synchronous-commit with automatic failover: {}",
                self.store.id,
                names.join(", ")
            );
            out.push(
                self.finding(RuleId::Be015, first.pointer(), message)
                    .related(wrong.iter().map(|n| n.fqdn.as_str())),
            );
        }
        match quorum_witness {
            Some(QuorumWitness::FileShare) => {}
            Some(witness) => {
                let message = format!(
                    "the cluster of the availability group `{}` uses a `{witness}` quorum witness; a file share witness is recommended",
                    self.store.id
                );
                out.push(
                    self.finding(RuleId::Be020, self.path("quorum_witness"), message)
                        .fact("quorum_witness", witness.as_str()),
                );
            }
            None => out.push(
                Finding::not_evaluated(
                    RuleId::Be020,
                    &self.store.id,
                    vec![self.path("quorum_witness")],
                )
                .related(self.pools()),
            ),
        }
    }

    /// BE-023: at most 2 cluster nodes on Standard edition, 16 on Enterprise.
    fn cluster_size(&self, out: &mut Findings) {
        if !out.wants(RuleId::Be023) {
            return;
        }
        if !matches!(
            self.facts.mode,
            HaMode::AlwaysOnFci | HaMode::FailoverCluster
        ) {
            return;
        }
        let nodes = self.facts.nodes.len();
        let standard = self
            .facts
            .nodes
            .iter()
            .any(|n| n.edition == Some(SqlEdition::Standard));
        let limit = if nodes > 16 {
            16
        } else if nodes > 2 && standard {
            2
        } else {
            let missing: Vec<Pointer> = self
                .facts
                .nodes
                .iter()
                .filter(|n| n.edition.is_none())
                .map(|n| n.edition_path())
                .collect();
            if nodes > 2 && !missing.is_empty() {
                out.push(
                    Finding::not_evaluated(RuleId::Be023, &self.store.id, missing)
                        .related(self.pools()),
                );
            }
            return;
        };
        let edition = if limit == 2 { "Standard" } else { "Enterprise" };
        let message = format!(
            "the failover cluster `{}` has {nodes} nodes; SQL Server {edition} edition supports at most {limit}",
            self.store.id
        );
        out.push(
            self.finding(RuleId::Be023, self.path("nodes"), message)
                .fact("nodes", nodes)
                .fact("limit", limit),
        );
    }

    /// BE-025 (store shared by Front End pools) and BE-026 (by Persistent Chat pools).
    fn shared(&self, out: &mut Findings) {
        if !out.wants_any(&[RuleId::Be025, RuleId::Be026]) {
            return;
        }
        for (rule, kind) in [
            (RuleId::Be025, PoolKind::FrontEnd),
            (RuleId::Be026, PoolKind::PersistentChat),
        ] {
            let of_kind = || {
                self.facts
                    .used_by
                    .iter()
                    .copied()
                    .filter(move |&p| self.topology.pool(p).is_some_and(|p| p.kind == kind))
            };
            let Some(second) = of_kind().nth(1) else {
                continue;
            };
            let users: Vec<usize> = of_kind().collect();
            let names: Vec<&str> = users
                .iter()
                .filter_map(|&p| self.topology.pool(p))
                .map(|p| p.fqdn.as_str())
                .collect();
            let what = if kind == PoolKind::FrontEnd {
                "back end"
            } else {
                "Persistent Chat store"
            };
            let message = format!(
                "the store `{}` is the {what} of {} pools ({}); a SQL {what} cannot be shared between pools",
                self.store.id,
                names.len(),
                names.join(", ")
            );
            out.push(
                Finding::new(rule, &self.store.id, pool_path(second, "back_end"), message)
                    .related(names)
                    .fact("pools", users.len()),
            );
        }
    }
}

/// BE-025: one SQL host serving the back ends of several Front End pools.
fn shared_hosts(topology: &Topology, out: &mut Findings) {
    if !out.wants(RuleId::Be025) {
        return;
    }
    // Every data-holding node of a Front End back end, once per store, grouped by host with one
    // sort rather than a map of vectors.
    let mut hosts: Vec<(&str, usize, &NodeFacts)> = Vec::new();
    for (index, _, facts) in topology.stores() {
        let serves_front_end = facts.used_by.iter().any(|&p| {
            topology
                .pool(p)
                .is_some_and(|p| p.kind == PoolKind::FrontEnd)
        });
        if !serves_front_end {
            continue;
        }
        let data = || facts.nodes.iter().filter(|n| n.holds_data());
        for (k, node) in data().enumerate() {
            if !data().take(k).any(|earlier| earlier.host == node.host) {
                hosts.push((node.host(), index, node));
            }
        }
    }
    // Most hosts serve one store: count first, and sort only the hosts met twice.
    let mut seen: HashMap<&str, u32> = HashMap::with_capacity(hosts.len());
    for (host, _, _) in &hosts {
        *seen.entry(host).or_default() += 1;
    }
    hosts.retain(|(host, _, _)| seen.get(host).is_some_and(|&count| count > 1));
    hosts.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
    for nodes in hosts
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|nodes| nodes.len() > 1)
    {
        let nodes: Vec<(usize, &NodeFacts)> = nodes.iter().map(|&(_, s, n)| (s, n)).collect();
        let (Some((_, first)), Some((_, second))) = (nodes.first(), nodes.get(1)) else {
            continue;
        };
        // The host's smallest spelling, whichever store comes first in the document.
        let host = nodes
            .iter()
            .map(|(_, node)| node.fqdn.as_str())
            .min()
            .unwrap_or(&first.fqdn);
        let stores: Vec<&str> = nodes
            .iter()
            .filter_map(|(s, _)| topology.store(*s))
            .map(|(s, _)| s.id.as_str())
            .collect();
        let message = format!(
            "the SQL Server {} holds the back ends of several Front End pools (stores {}); a database server supports the back end of one Enterprise pool",
            host,
            stores
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        out.push(
            Finding::new(RuleId::Be025, host, second.pointer(), message)
                .related(stores.iter().copied())
                .fact("stores", stores.len()),
        );
    }
}

/// `a.contoso.com (2016), b.contoso.com (2019)`.
fn describe<'a>(
    nodes: &[&'a NodeFacts],
    value: impl Fn(&'a NodeFacts) -> Option<&'a str>,
) -> String {
    nodes
        .iter()
        .map(|n| {
            format!(
                "{} {}: {}",
                n.role.as_str(),
                n.fqdn,
                value(n).unwrap_or("unknown")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first node whose value differs from the first known value.
fn odd_one<'a>(
    nodes: &[&'a NodeFacts],
    value: impl Fn(&'a NodeFacts) -> Option<&'a str>,
) -> Option<&'a NodeFacts> {
    let first = nodes.iter().find_map(|n| value(n))?;
    nodes
        .iter()
        .copied()
        .find(|n| value(n).is_some_and(|v| !v.eq_ignore_ascii_case(first)))
}
