//! PCHAT: Persistent Chat pools of Lync Server 2013 and Skype for Business Server 2015 (the
//! later products have none: PCHAT-001, and COEX-006 for the coexistence, report one).

use std::collections::BTreeSet;

use super::{Finding, Findings, pool_path, server_path};
use crate::document::{Ha, Pool, SqlStore, Text};
use crate::matrix::limits::persistent_chat::{MAX_ACTIVE_SERVERS, MAX_SERVERS};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{Edition, HaMode, PoolKind, Product, Severity};
use crate::topology::{NodeFacts, NodeRole, PoolFacts, Topology};

const RULES: &[RuleId] = &[
    RuleId::Pchat001,
    RuleId::Pchat002,
    RuleId::Pchat003,
    RuleId::Pchat004,
    RuleId::Pchat005,
    RuleId::Pchat007,
    RuleId::Pchat008,
    RuleId::Pchat009,
    RuleId::Pchat010,
    RuleId::Pchat011,
    RuleId::Pchat012,
];

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(RULES) {
        return;
    }
    for (index, pool, facts) in topology.pools() {
        if pool.kind != PoolKind::PersistentChat {
            continue;
        }
        if !matches!(pool.product, Product::Lync2013 | Product::Sfb2015) {
            product(index, pool, out);
            continue;
        }
        let chat = Chat {
            topology,
            index,
            pool,
            facts,
        };
        chat.no_availability_group(out);
        chat.stretched(out);
        chat.size(out);
        chat.instances(out);
        chat.log_shipping_from_mirror(out);
        chat.collocated(out);
        chat.domain(out);
        chat.time_zone(out);
        chat.beside_back_end(out);
    }
}

/// PCHAT-001: 2019 and Subscription Edition have no Persistent Chat.
fn product(index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Pchat001) {
        return;
    }
    let message = format!(
        "{} is a Persistent Chat pool of {}, which has no Persistent Chat Server role: Persistent Chat exists on Lync Server 2013 and Skype for Business Server 2015 only",
        pool.fqdn,
        pool.product.display_name()
    );
    out.push(
        Finding::new(
            RuleId::Pchat001,
            &pool.fqdn,
            pool_path(index, "product"),
            message,
        )
        .fact("product", pool.product.as_str())
        // What Subscription Edition keeps of 2019's removals rests on secondary sources.
        .unverified(pool.product == Product::SfbSe),
    );
}

/// One Persistent Chat pool and what it names.
struct Chat<'a> {
    topology: &'a Topology,
    index: usize,
    pool: &'a Pool,
    facts: &'a PoolFacts,
}

/// A store a Persistent Chat pool names, with the key that names it.
struct Named<'a> {
    key: &'static str,
    index: usize,
    store: &'a SqlStore,
    mode: HaMode,
    nodes: &'a [NodeFacts],
}

impl<'a> Chat<'a> {
    fn path(&self, key: &'static str) -> Pointer {
        pool_path(self.index, key)
    }

    fn store(&self, key: &'static str, index: Option<usize>) -> Option<Named<'a>> {
        let index = index?;
        let (store, facts) = self.topology.store(index)?;
        Some(Named {
            key,
            index,
            store,
            mode: facts.mode,
            nodes: &facts.nodes,
        })
    }

    /// The stores in key order: `back_end`, `compliance_store`, `backup_store`,
    /// `compliance_backup_store`.
    fn stores(&self) -> [Option<Named<'a>>; 4] {
        let chat = &self.facts.chat;
        [
            self.store("back_end", self.facts.back_end),
            self.store("compliance_store", chat.compliance_store),
            self.store("backup_store", chat.backup_store),
            self.store("compliance_backup_store", chat.compliance_backup_store),
        ]
    }

    /// The primary data center: the one of the Persistent Chat database (its principal or
    /// single server), else the pool's site's.
    fn primary_data_center(&self) -> Option<&'a str> {
        let back_end = self.store("back_end", self.facts.back_end);
        back_end
            .and_then(|b| {
                b.nodes
                    .iter()
                    .find(|n| matches!(n.role, NodeRole::Principal | NodeRole::Server))
                    .and_then(|n| n.data_center.as_deref())
            })
            .or_else(|| self.topology.site_data_center(self.facts.site))
    }

    /// PCHAT-002: no availability group for any of its databases.
    fn no_availability_group(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pchat002) {
            return;
        }
        let mut seen = BTreeSet::new();
        for named in self.stores().into_iter().flatten() {
            if !matches!(named.store.ha, Ha::AlwaysOnAg { .. }) || !seen.insert(named.index) {
                continue;
            }
            let message = format!(
                "the `{}` of the Persistent Chat pool {} is the availability group `{}`; AlwaysOn Availability Groups are not supported for Persistent Chat databases",
                named.key, self.pool.fqdn, named.store.id
            );
            out.push(
                Finding::new(
                    RuleId::Pchat002,
                    &self.pool.fqdn,
                    self.path(named.key),
                    message,
                )
                .related([&named.store.id]),
            );
        }
    }

    /// PCHAT-003: a stretched pool over two data centers with a log-shipping backup store.
    fn stretched(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pchat003) {
            return;
        }
        let data_centers: BTreeSet<&str> = self
            .facts
            .server_data_centers
            .iter()
            .map(|dc| dc.as_str())
            .collect();
        let message = match data_centers.len() {
            0 | 1 => return,
            2 if self.pool.backup_store.is_some() => return,
            2 => format!(
                "the Persistent Chat pool {} is stretched over two data centers without a `backup_store`: the documented disaster recovery ships the database's log to a backup database in the other data center",
                self.pool.fqdn
            ),
            n => format!(
                "the Persistent Chat pool {} has servers in {n} data centers; the documented design stretches a pool over two",
                self.pool.fqdn
            ),
        };
        out.push(
            Finding::new(
                RuleId::Pchat003,
                &self.pool.fqdn,
                self.path("servers"),
                message,
            )
            .fact(
                "data_centers",
                data_centers
                    .into_iter()
                    .map(String::from)
                    .collect::<Vec<_>>(),
            ),
        );
    }

    /// PCHAT-004: at most 8 servers, at most 4 active.
    fn size(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pchat004) {
            return;
        }
        let servers = self.pool.servers.len();
        let active = self.facts.chat.active.as_ref().map(Vec::len);
        let (path, message) = if servers > MAX_SERVERS {
            (
                self.path("servers"),
                format!(
                    "the Persistent Chat pool {} has {servers} servers; a pool has at most {MAX_SERVERS}",
                    self.pool.fqdn
                ),
            )
        } else if let Some(active) = active.filter(|&a| a > MAX_ACTIVE_SERVERS) {
            (
                self.path("active_servers"),
                format!(
                    "the Persistent Chat pool {} has {active} active servers; at most {MAX_ACTIVE_SERVERS} may be active, the others idle",
                    self.pool.fqdn
                ),
            )
        } else if active.is_none() && servers > MAX_ACTIVE_SERVERS {
            out.push(Finding::not_evaluated(
                RuleId::Pchat004,
                &self.pool.fqdn,
                vec![self.path("active_servers")],
            ));
            return;
        } else {
            return;
        };
        let mut finding =
            Finding::new(RuleId::Pchat004, &self.pool.fqdn, path, message).fact("servers", servers);
        if let Some(active) = active {
            finding = finding.fact("active", active);
        }
        out.push(finding);
    }

    /// PCHAT-005: the mirror beside the principal, the backup (and its mirror and witness) in
    /// the other data center, the same again for the compliance database.
    fn instances(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pchat005) {
            return;
        }
        let [back_end, compliance, backup, compliance_backup] = self.stores();
        let primary = self.primary_data_center();
        let mut placement = Placement::default();
        let mut unmirrored = BTreeSet::new();
        for (main, secondary) in [(&back_end, &backup), (&compliance, &compliance_backup)] {
            if let Some(main) = main {
                if let Some((mirror, principal)) = misplaced(main, NodeRole::Mirror, primary) {
                    placement.error(
                        mirror.pointer().key("data_center"),
                        format!(
                            "the mirror {} of `{}` is in `{}`, not in `{principal}` with its principal",
                            mirror.fqdn,
                            main.store.id,
                            mirror.data_center.as_deref().unwrap_or_default()
                        ),
                        [&main.store.id, &mirror.fqdn],
                    );
                }
                if let Some(secondary) = secondary
                    && main.mode == HaMode::None
                    && unmirrored.insert(main.index)
                {
                    placement.push(
                        self.path(main.key),
                        format!(
                            "`{}` has a log-shipping secondary `{}` but no mirror: high availability and disaster recovery need a dedicated mirror of the primary database in the primary data center",
                            main.store.id, secondary.store.id
                        ),
                        Severity::Warning,
                        [&main.store.id, &secondary.store.id],
                    );
                }
            }
            if let Some(secondary) = secondary {
                self.secondary(main.as_ref(), secondary, primary, &mut placement);
            }
        }
        self.compliance_secondary(back_end.as_ref(), compliance.as_ref(), &mut placement);
        self.compliance_shares(back_end.as_ref(), compliance.as_ref(), &mut placement);
        let Placement { missing, problems } = placement;
        if problems.is_empty() && !missing.is_empty() {
            out.push(Finding::not_evaluated(
                RuleId::Pchat005,
                &self.pool.fqdn,
                missing,
            ));
        }
        for (path, message, severity, related) in problems {
            out.push(
                Finding::new(
                    RuleId::Pchat005,
                    &self.pool.fqdn,
                    path,
                    format!("{}: {message}", self.pool.fqdn),
                )
                .related(related)
                .severity(severity),
            );
        }
    }

    /// A log-shipping secondary: on hosts of its own, in the other data center, with its mirror
    /// and its witness beside it.
    fn secondary(
        &self,
        main: Option<&Named<'_>>,
        secondary: &Named<'_>,
        primary: Option<&str>,
        placement: &mut Placement,
    ) {
        if let Some(main) = main {
            let shared = main.index == secondary.index
                || secondary.nodes.iter().filter(|n| n.holds_data()).any(|n| {
                    main.nodes
                        .iter()
                        .any(|m| m.holds_data() && m.host() == n.host())
                });
            if shared {
                placement.error(
                    self.path(secondary.key),
                    format!(
                        "the log-shipping secondary `{}` shares SQL Servers with `{}`, the database it protects",
                        secondary.store.id, main.store.id
                    ),
                    [&secondary.store.id, &main.store.id],
                );
                return;
            }
        }
        let absent: Vec<Pointer> = secondary
            .nodes
            .iter()
            .filter(|n| n.data_center.is_none())
            .map(|n| n.pointer().key("data_center"))
            .collect();
        if !absent.is_empty() {
            placement.missing.extend(absent);
            return;
        }
        if let Some(node) = secondary
            .nodes
            .iter()
            .find(|n| n.holds_data() && n.data_center.as_deref() == primary)
        {
            placement.error(
                node.pointer().key("data_center"),
                format!(
                    "the log-shipping secondary `{}` is in `{}`, the primary data center; it belongs in the other data center",
                    secondary.store.id,
                    primary.unwrap_or_default()
                ),
                [&secondary.store.id, &node.fqdn],
            );
            return;
        }
        for (role, name) in [(NodeRole::Mirror, "mirror"), (NodeRole::Witness, "witness")] {
            if let Some((node, principal)) = misplaced(secondary, role, None) {
                placement.error(
                    node.pointer().key("data_center"),
                    format!(
                        "the {name} {} of the log-shipping secondary `{}` is in `{}`, not in `{principal}` with the secondary",
                        node.fqdn,
                        secondary.store.id,
                        node.data_center.as_deref().unwrap_or_default()
                    ),
                    [&secondary.store.id, &node.fqdn],
                );
            }
        }
    }

    /// A pool set up for disaster recovery (a `backup_store`) whose compliance database, on a
    /// store of its own, has no log-shipping secondary.
    fn compliance_secondary(
        &self,
        back_end: Option<&Named<'_>>,
        compliance: Option<&Named<'_>>,
        placement: &mut Placement,
    ) {
        let Some(compliance) = compliance else {
            // Compliance on, log shipping set up, and no word of where the compliance database
            // is: whether it needs its own secondary cannot be told.
            if self.pool.compliance == Some(true)
                && self.pool.backup_store.is_some()
                && self.pool.compliance_backup_store.is_none()
            {
                placement.missing.push(self.path("compliance_store"));
            }
            return;
        };
        if self.pool.compliance_backup_store.is_some()
            || self.pool.backup_store.is_none()
            || back_end.is_some_and(|b| b.index == compliance.index)
        {
            return;
        }
        match self.pool.compliance {
            Some(true) => placement.error(
                self.path("compliance_store"),
                format!(
                    "compliance is enabled and the Persistent Chat database ships its log to `{}`, but the compliance database `{}` has no log-shipping secondary (`compliance_backup_store`): with compliance the same instances are needed again for it",
                    self.pool.backup_store.as_deref().unwrap_or_default(),
                    compliance.store.id
                ),
                [&compliance.store.id],
            ),
            Some(false) => {}
            None => placement.missing.push(self.path("compliance")),
        }
    }

    /// The compliance database sharing the instance of the Persistent Chat database in a pool
    /// set up for high availability or disaster recovery.
    fn compliance_shares(
        &self,
        back_end: Option<&Named<'_>>,
        compliance: Option<&Named<'_>>,
        placement: &mut Placement,
    ) {
        let (Some(main), Some(compliance)) = (back_end, compliance) else {
            return;
        };
        let hadr = main.mode == HaMode::Mirroring || self.pool.backup_store.is_some();
        if !hadr || self.pool.compliance == Some(false) {
            return;
        }
        let message = if main.index == compliance.index {
            format!(
                "the compliance database shares the store `{}` with the Persistent Chat database; standalone instances are recommended for high availability and disaster recovery",
                main.store.id
            )
        } else if let Some(node) = compliance.nodes.iter().find(|n| {
            n.holds_data()
                && main
                    .nodes
                    .iter()
                    .any(|m| m.holds_data() && m.host() == n.host() && m.instance == n.instance)
        }) {
            format!(
                "the compliance store `{}` runs on the SQL instance {}\\{} of the Persistent Chat store `{}`; standalone instances are recommended for high availability and disaster recovery",
                compliance.store.id, node.fqdn, node.instance, main.store.id
            )
        } else {
            return;
        };
        placement.push(
            self.path("compliance_store"),
            message,
            Severity::Warning,
            [&main.store.id, &compliance.store.id],
        );
    }

    /// PCHAT-007: log shipping configured from the primary's mirror too.
    fn log_shipping_from_mirror(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pchat007) || self.pool.backup_store.is_none() {
            return;
        }
        let mirrored = self
            .topology
            .back_end_mode(self.index)
            .is_some_and(|mode| mode == HaMode::Mirroring);
        if !mirrored {
            return;
        }
        match self.pool.log_shipping_from_mirror {
            None => out.push(Finding::not_evaluated(
                RuleId::Pchat007,
                &self.pool.fqdn,
                vec![self.path("log_shipping_from_mirror")],
            )),
            Some(false) => {
                let message = format!(
                    "log shipping to `{}` is not configured from the mirror of the Persistent Chat database: after a failover to the mirror the backup database stops receiving the log",
                    self.pool.backup_store.as_deref().unwrap_or_default()
                );
                out.push(Finding::new(
                    RuleId::Pchat007,
                    &self.pool.fqdn,
                    self.path("log_shipping_from_mirror"),
                    message,
                ));
            }
            Some(true) => {}
        }
    }

    /// PCHAT-008 and PCHAT-009: collocation on a Front End pool.
    fn collocated(&self, out: &mut Findings) {
        let Some(host) = self
            .facts
            .chat
            .collocated_on
            .and_then(|c| self.topology.pool(c))
        else {
            return;
        };
        let path = self.path("collocated_on");
        if host.edition == Some(Edition::Standard) && out.wants(RuleId::Pchat008) {
            let servers = self.pool.servers.len();
            let (message, severity) = if servers > 1 {
                (
                    format!(
                        "the Persistent Chat pool {} is collocated on the Standard Edition server {} and lists {servers} servers; no server can be added to such a pool",
                        self.pool.fqdn, host.fqdn
                    ),
                    Severity::Error,
                )
            } else {
                (
                    format!(
                        "the Persistent Chat pool {} is collocated on the Standard Edition server {}: it has no high availability and no server can ever be added to it",
                        self.pool.fqdn, host.fqdn
                    ),
                    Severity::Warning,
                )
            };
            out.push(
                Finding::new(RuleId::Pchat008, &self.pool.fqdn, path, message)
                    .related([&host.fqdn])
                    .severity(severity),
            );
        } else if host.is_enterprise_front_end() && out.wants(RuleId::Pchat009) {
            let message = format!(
                "the Persistent Chat pool {} is collocated on the Enterprise Edition Front End pool {}; Persistent Chat Server must run on separate computers",
                self.pool.fqdn, host.fqdn
            );
            out.push(
                Finding::new(RuleId::Pchat009, &self.pool.fqdn, path, message)
                    .related([&host.fqdn]),
            );
        }
    }

    /// PCHAT-010: the Persistent Chat servers in one Active Directory domain, that of their
    /// next-hop pool (without one: that of a Front End pool, since a forest may hold Front End
    /// pools in several domains).
    fn domain(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pchat010) {
            return;
        }
        let missing: Vec<Pointer> = self
            .pool
            .servers
            .iter()
            .enumerate()
            .filter(|(_, s)| s.domain.is_none())
            .map(|(k, _)| server_path(self.index, k, "domain"))
            .collect();
        if !missing.is_empty() {
            out.push(Finding::not_evaluated(
                RuleId::Pchat010,
                &self.pool.fqdn,
                missing,
            ));
            return;
        }
        let domains: BTreeSet<String> = self
            .pool
            .servers
            .iter()
            .filter_map(|s| s.domain.as_deref().map(str::to_lowercase))
            .collect();
        let Some(domain) = domains.first().cloned() else {
            return;
        };
        if domains.len() > 1 {
            let k = self
                .pool
                .servers
                .iter()
                .position(|s| s.domain.as_deref().map(str::to_lowercase) != Some(domain.clone()))
                .unwrap_or_default();
            let Some(server) = self.pool.servers.get(k) else {
                return;
            };
            let message = format!(
                "the servers of the Persistent Chat pool {} are in several Active Directory domains ({}); they should be in one",
                self.pool.fqdn,
                domains.iter().cloned().collect::<Vec<_>>().join(", ")
            );
            out.push(
                Finding::new(
                    RuleId::Pchat010,
                    &self.pool.fqdn,
                    server_path(self.index, k, "domain"),
                    message,
                )
                .fact("server", &server.fqdn)
                .fact("domains", domains.into_iter().collect::<Vec<_>>()),
            );
            return;
        }
        let reference: Vec<(usize, &Pool)> = match self.facts.chat.next_hop {
            Some(next) => self
                .topology
                .pool(next)
                .map(|p| vec![(next, p)])
                .unwrap_or_default(),
            None => self
                .topology
                .pools()
                .filter(|(_, p, _)| p.kind == PoolKind::FrontEnd)
                .map(|(i, p, _)| (i, p))
                .collect(),
        };
        // A reference pool is in the domain when every server of it is; with a next hop it is
        // the one pool that counts, without one any Front End pool will do.
        let in_domain = |pool: &Pool| {
            pool.servers
                .iter()
                .all(|s| s.domain.as_deref().map(str::to_lowercase).as_ref() == Some(&domain))
        };
        let matched = reference.iter().any(|(_, p)| in_domain(p));
        if reference.is_empty() || matched {
            return;
        }
        let mut others = BTreeSet::new();
        let mut missing = Vec::new();
        for (p, pool) in &reference {
            for (k, server) in pool.servers.iter().enumerate() {
                match &server.domain {
                    Some(d) => {
                        others.insert(d.to_lowercase());
                    }
                    None => missing.push(server_path(*p, k, "domain")),
                }
            }
        }
        if !missing.is_empty() {
            out.push(Finding::not_evaluated(
                RuleId::Pchat010,
                &self.pool.fqdn,
                missing,
            ));
            return;
        }
        let others_list = others.iter().cloned().collect::<Vec<_>>().join(", ");
        let message = match reference.as_slice() {
            [(_, next)] if self.facts.chat.next_hop.is_some() => format!(
                "the servers of the Persistent Chat pool {} are in the Active Directory domain {domain}, those of its next-hop pool {} in {others_list}; they should be in one domain",
                self.pool.fqdn, next.fqdn
            ),
            _ => format!(
                "the servers of the Persistent Chat pool {} are in the Active Directory domain {domain}, which is the domain of no Front End pool ({others_list}); they should be in the domain of Skype for Business Server",
                self.pool.fqdn
            ),
        };
        out.push(
            Finding::new(
                RuleId::Pchat010,
                &self.pool.fqdn,
                server_path(self.index, 0, "domain"),
                message,
            )
            .related(reference.iter().map(|(_, p)| &p.fqdn))
            .fact("domain", domain)
            .fact("other_domains", others.into_iter().collect::<Vec<_>>()),
        );
    }

    /// PCHAT-011: active servers in the next-hop pool's time zone.
    fn time_zone(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pchat011) {
            return;
        }
        let Some((next_index, next)) = self
            .facts
            .chat
            .next_hop
            .and_then(|n| self.topology.pool(n).map(|p| (n, p)))
        else {
            out.push(Finding::not_evaluated(
                RuleId::Pchat011,
                &self.pool.fqdn,
                vec![self.path("next_hop_pool")],
            ));
            return;
        };
        let active: Vec<usize> = match &self.facts.chat.active {
            Some(active) => active.clone(),
            None => (0..self.pool.servers.len()).collect(),
        };
        let mut missing = Vec::new();
        for &k in &active {
            if self
                .pool
                .servers
                .get(k)
                .is_some_and(|s| s.time_zone.is_none())
            {
                missing.push(server_path(self.index, k, "time_zone"));
            }
        }
        let mut zones = BTreeSet::new();
        for (k, server) in next.servers.iter().enumerate() {
            match &server.time_zone {
                Some(zone) => {
                    zones.insert(zone.as_str());
                }
                None => missing.push(server_path(next_index, k, "time_zone")),
            }
        }
        if !missing.is_empty() {
            out.push(Finding::not_evaluated(
                RuleId::Pchat011,
                &self.pool.fqdn,
                missing,
            ));
            return;
        }
        let odd: Vec<(usize, &str, &str)> = active
            .iter()
            .filter_map(|&k| {
                let server = self.pool.servers.get(k)?;
                let zone = server.time_zone.as_deref()?;
                (!zones.contains(zone)).then_some((k, server.fqdn.as_str(), zone))
            })
            .collect();
        let Some(&(first, _, _)) = odd.first() else {
            return;
        };
        let message = format!(
            "active Persistent Chat servers of {} are not in the time zone of the next-hop pool {} ({}): {}",
            self.pool.fqdn,
            next.fqdn,
            zones.iter().copied().collect::<Vec<_>>().join(", "),
            odd.iter()
                .map(|(_, fqdn, zone)| format!("{fqdn} ({zone})"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        out.push(
            Finding::new(
                RuleId::Pchat011,
                &self.pool.fqdn,
                server_path(self.index, first, "time_zone"),
                message,
            )
            .related(
                std::iter::once(next.fqdn.as_str()).chain(odd.iter().map(|(_, fqdn, _)| *fqdn)),
            )
            .fact(
                "next_hop_time_zones",
                zones.into_iter().map(String::from).collect::<Vec<_>>(),
            ),
        );
    }

    /// PCHAT-012: not on a Front End pool's back-end store.
    fn beside_back_end(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pchat012) {
            return;
        }
        let [back_end, compliance, _, _] = self.stores();
        let mut seen = BTreeSet::new();
        for named in [back_end, compliance].into_iter().flatten() {
            if !seen.insert(named.index) {
                continue;
            }
            let Some((_, facts)) = self.topology.store(named.index) else {
                continue;
            };
            let front_ends: Vec<&str> = facts
                .used_by
                .iter()
                .filter_map(|&p| self.topology.pool(p))
                .filter(|p| p.kind == PoolKind::FrontEnd)
                .map(|p| p.fqdn.as_str())
                .collect();
            if front_ends.is_empty() {
                continue;
            }
            let message = format!(
                "the `{}` of the Persistent Chat pool {} is `{}`, the back end of {}; the Persistent Chat database can grow very large and is better on a store of its own",
                named.key,
                self.pool.fqdn,
                named.store.id,
                front_ends.join(", ")
            );
            out.push(
                Finding::new(
                    RuleId::Pchat012,
                    &self.pool.fqdn,
                    self.path(named.key),
                    message,
                )
                .related(std::iter::once(named.store.id.as_str()).chain(front_ends)),
            );
        }
    }
}

/// What PCHAT-005 found: the problems, and the keys it lacked to decide.
#[derive(Default)]
struct Placement {
    missing: Vec<Pointer>,
    problems: Vec<(Pointer, String, Severity, Vec<String>)>,
}

impl Placement {
    fn push<'r>(
        &mut self,
        path: Pointer,
        message: String,
        severity: Severity,
        related: impl IntoIterator<Item = &'r Text>,
    ) {
        let related = related.into_iter().map(ToString::to_string).collect();
        self.problems.push((path, message, severity, related));
    }

    fn error<'r>(
        &mut self,
        path: Pointer,
        message: String,
        related: impl IntoIterator<Item = &'r Text>,
    ) {
        self.push(path, message, Severity::Error, related);
    }
}

/// The node of `role` (mirror or witness) of a mirrored store when it is in another data
/// center than its principal, with the principal's data center (`default`: where a node
/// without one is).
fn misplaced<'n>(
    named: &'n Named<'_>,
    role: NodeRole,
    default: Option<&'n str>,
) -> Option<(&'n NodeFacts, &'n str)> {
    let node = |role: NodeRole| named.nodes.iter().find(|n| n.role == role);
    let principal = node(NodeRole::Principal)?;
    let other = node(role)?;
    let at = |n: &'n NodeFacts| n.data_center.as_deref().or(default);
    let (p, o) = (at(principal)?, at(other)?);
    (p != o).then_some((other, p))
}
