//! NET: network interfaces of the servers (catalog §3.8).

use super::{Finding, Findings, missing_server_keys, server_path};
use crate::registry::RuleId;
use crate::tokens::PoolKind;
use crate::topology::Topology;

/// The pool kinds whose servers must not be multi-homed (NET-001).
const SINGLE_HOMED: &[PoolKind] = &[
    PoolKind::FrontEnd,
    PoolKind::Director,
    PoolKind::PersistentChat,
];

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(&[RuleId::Net001, RuleId::Net002, RuleId::Net003]) {
        return;
    }
    for (index, pool, _) in topology.pools() {
        let (rule, wanted) = match pool.kind {
            kind if SINGLE_HOMED.contains(&kind) => (RuleId::Net001, "one"),
            PoolKind::Edge => (RuleId::Net002, "two"),
            PoolKind::Mediation => (RuleId::Net003, "more than one"),
            _ => continue,
        };
        if !out.wants(rule) {
            continue;
        }
        // NET-003 allows, it forbids nothing: an unknown count is no finding.
        let missing =
            missing_server_keys(index, pool, "network_interfaces", |s| s.network_interfaces);
        if !missing.is_empty() && rule != RuleId::Net003 {
            out.push(Finding::not_evaluated(rule, &pool.fqdn, missing));
        }
        for (k, server) in pool.servers.iter().enumerate() {
            let Some(count) = server.network_interfaces else {
                continue;
            };
            let message = match rule {
                RuleId::Net001 if count > 1 => format!(
                    "{} ({}) has {count} network interfaces: a {} server must not be dual- or multi-homed (team the adapters with one MAC and one IP address)",
                    server.fqdn,
                    pool.fqdn,
                    role(pool.kind)
                ),
                RuleId::Net002 if count < 2 => format!(
                    "{} ({}) has {count} network interface(s): an Edge Server needs two, one internal and one external",
                    server.fqdn, pool.fqdn
                ),
                RuleId::Net003 if count > 1 => format!(
                    "{} ({}) has {count} network interfaces: allowed on a stand-alone Mediation Server for a dedicated PSTN address",
                    server.fqdn, pool.fqdn
                ),
                _ => continue,
            };
            out.push(
                Finding::new(
                    rule,
                    &server.fqdn,
                    server_path(index, k, "network_interfaces"),
                    message,
                )
                .related([&pool.fqdn])
                .fact("network_interfaces", count)
                .fact("expected", wanted),
            );
        }
    }
    back_ends(topology, out);
}

/// NET-001 on the SQL nodes that hold a Front End pool's back end (not a mirroring witness).
fn back_ends(topology: &Topology, out: &mut Findings) {
    if !out.wants(RuleId::Net001) {
        return;
    }
    for (_, store, facts) in topology.stores() {
        let pools: Vec<&str> = facts
            .used_by
            .iter()
            .filter_map(|&p| topology.pool(p))
            .filter(|p| p.kind == PoolKind::FrontEnd)
            .map(|p| p.fqdn.as_str())
            .collect();
        if pools.is_empty() {
            continue;
        }
        let nodes = facts.nodes.iter().filter(|n| n.holds_data());
        let missing: Vec<_> = nodes
            .clone()
            .filter(|n| n.network_interfaces.is_none())
            .map(|n| n.pointer().key("network_interfaces"))
            .collect();
        if !missing.is_empty() {
            out.push(Finding::not_evaluated(RuleId::Net001, &store.id, missing).related(&pools));
        }
        for node in nodes {
            let Some(count) = node.network_interfaces.filter(|&c| c > 1) else {
                continue;
            };
            let message = format!(
                "the Back End SQL Server {} (store `{}`) has {count} network interfaces: a Back End Server must not be dual- or multi-homed (team the adapters with one MAC and one IP address)",
                node.fqdn, store.id
            );
            out.push(
                Finding::new(
                    RuleId::Net001,
                    &node.fqdn,
                    node.pointer().key("network_interfaces"),
                    message,
                )
                .related(pools.iter().copied().chain([store.id.as_str()]))
                .fact("network_interfaces", count)
                .fact("expected", "one"),
            );
        }
    }
}

/// The role's name for messages.
fn role(kind: PoolKind) -> &'static str {
    match kind {
        PoolKind::Director => "Director",
        PoolKind::PersistentChat => "Persistent Chat",
        _ => "Front End or Standard Edition",
    }
}
