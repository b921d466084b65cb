//! EDGE: Edge pools (catalog §3.10).

use std::collections::{BTreeMap, BTreeSet};

use super::remote_users::{self, Role};
use super::{Finding, Findings, pool_path};
use crate::document::{Edge, Pool};
use crate::matrix::limits::limits_for;
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{PoolKind, Product, Severity, SipLoadBalancing, SiteKind};
use crate::topology::{PoolFacts, Topology};

const RULES: &[RuleId] = &[
    RuleId::Edge001,
    RuleId::Edge002,
    RuleId::Edge003,
    RuleId::Edge005,
    RuleId::Edge006,
    RuleId::Edge007,
    RuleId::Edge008,
    RuleId::Edge009,
    RuleId::Edge010,
    RuleId::Edge012,
];

/// EDGE-001: two or more Edge Servers, and enough for the concurrent remote users.
const EDGE: Role = Role {
    rule: RuleId::Edge001,
    pool: "the Edge pool",
    server: "Edge Server",
    servers: "Edge Servers",
    lost: "remote access, federation and A/V for remote users",
};

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(RULES) {
        return;
    }
    // By FQDN, so that findings about several pools name the same subject in any pool order.
    let mut edges: Vec<(usize, &Pool, &PoolFacts)> = topology
        .pools()
        .filter(|(_, pool, _)| pool.kind == PoolKind::Edge)
        .collect();
    edges.sort_by_cached_key(|(_, pool, _)| pool.fqdn.to_lowercase());
    if edges.is_empty() {
        return;
    }
    for &(index, pool, facts) in &edges {
        let limits = limits_for(pool.product);
        remote_users::check(
            &EDGE,
            index,
            pool,
            limits.remote_users_per_edge,
            limits.unverified,
            out,
        );
        sides(index, pool, out);
        stretched(index, pool, facts, out);
        next_hop(topology, index, pool, facts, out);
    }
    external_fqdns(&edges, out);
    other_site(topology, &edges, out);
    federation(&edges, out);
    xmpp(&edges, out);
}

fn edge_path(index: usize, key: &'static str) -> Pointer {
    pool_path(index, "edge").key(key)
}

fn lb_path(index: usize, key: &'static str) -> Pointer {
    pool_path(index, "load_balancing").key(key)
}

/// An Edge pool's `edge` facts, if any.
fn edge(pool: &Pool) -> Option<&Edge> {
    pool.edge.as_deref()
}

/// The load balancing of an Edge pool's internal and external sides, each with the key that
/// states it: `edge_internal` and `edge_external`, else `sip` for both sides (a document that
/// does not tell the sides apart), else absent under the side's own key.
pub(super) fn edge_sides(pool: &Pool) -> [(&'static str, Option<SipLoadBalancing>); 2] {
    let lb = pool.load_balancing.as_ref();
    let sip = lb.and_then(|lb| lb.sip);
    let side = |key: &'static str, own: Option<SipLoadBalancing>| match (own, sip) {
        (Some(value), _) => (key, Some(value)),
        (None, Some(value)) => ("sip", Some(value)),
        (None, None) => (key, None),
    };
    [
        side("edge_internal", lb.and_then(|lb| lb.edge_internal)),
        side("edge_external", lb.and_then(|lb| lb.edge_external)),
    ]
}

/// EDGE-002, EDGE-003 and EDGE-005: the load balancing of both sides of a pool of several.
fn sides(index: usize, pool: &Pool, out: &mut Findings) {
    let [(internal_key, internal), (external_key, external)] = edge_sides(pool);
    let several = pool.servers.len() > 1;
    if several && out.wants(RuleId::Edge002) {
        match (internal, external) {
            (Some(i), Some(e)) if i != e && ![i, e].contains(&SipLoadBalancing::None) => {
                let message = format!(
                    "the Edge pool {} uses {} load balancing on its internal interface and {} on its external one: both sides must use the same type",
                    pool.fqdn,
                    words(i),
                    words(e)
                );
                out.push(
                    Finding::new(
                        RuleId::Edge002,
                        &pool.fqdn,
                        lb_path(index, external_key),
                        message,
                    )
                    .fact("load_balancing.edge_internal", i.as_str())
                    .fact("load_balancing.edge_external", e.as_str()),
                );
            }
            (Some(_), Some(_)) => {}
            _ => {
                let missing = [(internal_key, internal), (external_key, external)]
                    .into_iter()
                    .filter(|(_, v)| v.is_none())
                    .map(|(k, _)| lb_path(index, k))
                    .collect();
                out.push(Finding::not_evaluated(RuleId::Edge002, &pool.fqdn, missing));
            }
        }
    }
    // The sides whose load balancing is not stated: a rule that depends on them is not
    // evaluated when the pool serves what it is about.
    let unknown: Vec<Pointer> = [(internal_key, internal), (external_key, external)]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| lb_path(index, k))
        .collect();
    if several && out.wants(RuleId::Edge003) {
        needs_hardware(index, pool, internal, external, unknown.clone(), out);
    }
    if out.wants(RuleId::Edge005) {
        av_nat(index, pool, external, several, out);
    }
}

/// EDGE-003: what a DNS load-balanced Edge pool cannot fail over. The load-balancing page
/// requires hardware load balancing for the first two; for XMPP it states the lost failover
/// without the "must", hence a warning alone.
fn needs_hardware(
    index: usize,
    pool: &Pool,
    internal: Option<SipLoadBalancing>,
    external: Option<SipLoadBalancing>,
    unknown: Vec<Pointer>,
    out: &mut Findings,
) {
    let facts = edge(pool);
    let flags = [
        (
            "legacy_federation",
            facts.and_then(|e| e.legacy_federation),
            "federation with Office Communications Server 2007 or 2007 R2 partners or public IM connectivity",
            true,
        ),
        (
            "exchange_um_before_2013",
            facts.and_then(|e| e.exchange_um_before_2013),
            "Exchange UM remote users on Exchange older than 2013",
            true,
        ),
        (
            "xmpp_federation",
            facts.and_then(|e| e.xmpp_federation),
            "XMPP federation",
            false,
        ),
    ];
    let needs: Vec<_> = flags.iter().filter(|f| f.1 == Some(true)).collect();
    let dns = [internal, external].contains(&Some(SipLoadBalancing::Dns));
    if !dns {
        // Hardware on both sides (or none: LB-001's) leaves nothing to fail; an unknown side
        // does not, when the pool serves one of them.
        if !needs.is_empty() && !unknown.is_empty() {
            out.push(Finding::not_evaluated(RuleId::Edge003, &pool.fqdn, unknown));
        }
        return;
    }
    let Some((key, ..)) = needs.first() else {
        let missing: Vec<Pointer> = flags
            .iter()
            .filter(|f| f.1.is_none())
            .map(|f| edge_path(index, f.0))
            .collect();
        if !missing.is_empty() {
            out.push(Finding::not_evaluated(RuleId::Edge003, &pool.fqdn, missing));
        }
        return;
    };
    let message = format!(
        "the Edge pool {} uses DNS load balancing but serves {}: their failover needs hardware load balancing on both sides",
        pool.fqdn,
        needs.iter().map(|f| f.2).collect::<Vec<_>>().join(" and ")
    );
    let mut finding = Finding::new(RuleId::Edge003, &pool.fqdn, edge_path(index, key), message);
    for f in &needs {
        finding = finding.fact(f.0, true);
    }
    out.push(if needs.iter().any(|f| f.3) {
        finding
    } else {
        finding.severity(Severity::Warning)
    });
}

/// EDGE-005: behind a hardware load balancer, the A/V Edge has public addresses without NAT.
/// A single server's external side is not asked for: it needs no load balancer.
fn av_nat(
    index: usize,
    pool: &Pool,
    external: Option<SipLoadBalancing>,
    several: bool,
    out: &mut Findings,
) {
    let nat = edge(pool).and_then(|e| e.av_nat);
    match (external, nat) {
        (Some(SipLoadBalancing::Hardware), None) => out.push(Finding::not_evaluated(
            RuleId::Edge005,
            &pool.fqdn,
            vec![edge_path(index, "av_nat")],
        )),
        (None, Some(true)) if several => out.push(Finding::not_evaluated(
            RuleId::Edge005,
            &pool.fqdn,
            vec![lb_path(index, "edge_external")],
        )),
        (Some(SipLoadBalancing::Hardware), Some(true)) => {
            let message = format!(
                "the A/V Edge of {} is behind a hardware load balancer and its public addresses are translated by NAT: behind a hardware load balancer the A/V Edge needs publicly routable addresses without NAT",
                pool.fqdn
            );
            out.push(
                Finding::new(
                    RuleId::Edge005,
                    &pool.fqdn,
                    edge_path(index, "av_nat"),
                    message,
                )
                .fact("av_nat", true)
                .fact("load_balancing.edge_external", "hardware"),
            );
        }
        _ => {}
    }
}

fn words(lb: SipLoadBalancing) -> &'static str {
    match lb {
        SipLoadBalancing::Dns => "DNS",
        SipLoadBalancing::Hardware => "hardware",
        SipLoadBalancing::None => "no",
    }
}

/// EDGE-012: the servers of an Edge pool are in one data center.
fn stretched(index: usize, pool: &Pool, facts: &PoolFacts, out: &mut Findings) {
    if !out.wants(RuleId::Edge012) {
        return;
    }
    let centers: BTreeSet<&str> = facts
        .server_data_centers
        .iter()
        .map(|d| d.as_str())
        .collect();
    if centers.len() < 2 {
        return;
    }
    let message = format!(
        "the Edge pool {} is stretched across data centers {}: stretched Edge pools are not supported (disaster recovery is another Edge pool in another site)",
        pool.fqdn,
        centers.iter().copied().collect::<Vec<_>>().join(", ")
    );
    let second = facts
        .server_data_centers
        .iter()
        .position(|d| Some(d.as_str()) != centers.first().copied())
        .unwrap_or(0);
    let path = pool_path(index, "servers").index(second).key("data_center");
    out.push(
        Finding::new(RuleId::Edge012, &pool.fqdn, path, message).fact(
            "data_centers",
            centers.iter().map(|d| (*d).to_owned()).collect::<Vec<_>>(),
        ),
    );
}

/// EDGE-010: the next hop is stated, and is a pool of the Edge pool's site.
fn next_hop(topology: &Topology, index: usize, pool: &Pool, facts: &PoolFacts, out: &mut Findings) {
    if !out.wants(RuleId::Edge010) {
        return;
    }
    let Some(target) = facts.next_hop else {
        out.push(Finding::not_evaluated(
            RuleId::Edge010,
            &pool.fqdn,
            vec![edge_path(index, "next_hop")],
        ));
        return;
    };
    let (Some(hop), Some(hop_facts)) = (topology.pool(target), topology.pool_facts(target)) else {
        return;
    };
    if hop_facts.site == facts.site {
        return;
    }
    let message = format!(
        "the next hop of the Edge pool {} is {}, in site `{}`, not in its own site `{}`: the Edge pool depends on a remote pool (the state after `Set-CsEdgeServer -Registrar` during a failover)",
        pool.fqdn, hop.fqdn, hop.site, pool.site
    );
    out.push(
        Finding::new(
            RuleId::Edge010,
            &pool.fqdn,
            edge_path(index, "next_hop"),
            message,
        )
        .related([&hop.fqdn])
        .fact("next_hop", &hop.fqdn)
        .severity(Severity::Warning),
    );
}

/// EDGE-006: no external FQDN is shared by two Edge pools.
fn external_fqdns(edges: &[(usize, &Pool, &PoolFacts)], out: &mut Findings) {
    if edges.len() < 2 || !out.wants(RuleId::Edge006) {
        return;
    }
    // FQDN (lower case) -> the pools that use it, with the pointer of each use.
    let mut uses: BTreeMap<String, Vec<(&Pool, Pointer)>> = BTreeMap::new();
    for &(index, pool, _) in edges {
        let endpoints = edge(pool).map(|e| {
            [
                ("access", e.access.as_ref()),
                ("web_conferencing", e.web_conferencing.as_ref()),
                ("av", e.av.as_ref()),
            ]
        });
        let Some(endpoints) = endpoints.filter(|list| list.iter().any(|(_, e)| e.is_some())) else {
            out.push(Finding::not_evaluated(
                RuleId::Edge006,
                &pool.fqdn,
                vec![edge_path(index, "access")],
            ));
            continue;
        };
        let mut own = BTreeSet::new();
        for (key, endpoint) in endpoints {
            let Some(endpoint) = endpoint else { continue };
            let fqdn = endpoint.fqdn.to_lowercase();
            if own.insert(fqdn.clone()) {
                uses.entry(fqdn)
                    .or_default()
                    .push((pool, edge_path(index, key).key("fqdn")));
            }
        }
    }
    for (fqdn, users) in uses.iter().filter(|(_, users)| users.len() > 1) {
        let names: Vec<&str> = users.iter().map(|(p, _)| p.fqdn.as_str()).collect();
        for (pool, path) in users.iter().skip(1) {
            let first = users
                .first()
                .map(|(p, _)| p.fqdn.as_str())
                .unwrap_or_default();
            let message = format!(
                "the Edge pools {} and {} share the external FQDN {fqdn}: each Edge pool needs its own internal and external FQDNs",
                first, pool.fqdn
            );
            out.push(
                Finding::new(RuleId::Edge006, &pool.fqdn, *path, message)
                    .related(names.iter().copied().filter(|n| *n != pool.fqdn.as_str()))
                    .fact("fqdn", fqdn.clone()),
            );
        }
    }
}

/// EDGE-007: Edge pools in only one site, with more central sites, have no disaster recovery.
fn other_site(topology: &Topology, edges: &[(usize, &Pool, &PoolFacts)], out: &mut Findings) {
    if !out.wants(RuleId::Edge007) {
        return;
    }
    let document = topology.document();
    let central = document
        .sites
        .iter()
        .filter(|s| s.kind.unwrap_or(SiteKind::Central) == SiteKind::Central)
        .count();
    let sites: BTreeSet<usize> = edges.iter().map(|(_, _, f)| f.site).collect();
    let (Some(&only), true) = (sites.iter().next(), sites.len() == 1 && central > 1) else {
        return;
    };
    let Some(&(index, first, _)) = edges.first() else {
        return;
    };
    let site = document
        .sites
        .get(only)
        .map(|s| s.id.as_str())
        .unwrap_or_default();
    let message = format!(
        "every Edge pool is in site `{site}`: if it fails, remote users, federation and A/V for remote users have no Edge pool in another site to fail over to ({central} central sites)",
    );
    out.push(
        Finding::new(
            RuleId::Edge007,
            &first.fqdn,
            pool_path(index, "site"),
            message,
        )
        .related(edges.iter().skip(1).map(|(_, p, _)| p.fqdn.as_str()))
        .fact("site", site.to_owned())
        .fact("central_sites", central),
    );
}

/// The Edge pools whose `edge.<key>` is `true`, in FQDN order. When there is none, `rule` is not
/// evaluated for each pool that does not state the key: an unstated one may be the route.
fn routes<'p>(
    edges: &[(usize, &'p Pool, &PoolFacts)],
    rule: RuleId,
    key: &'static str,
    flag: fn(&Edge) -> Option<bool>,
    out: &mut Findings,
) -> Vec<(usize, &'p Pool)> {
    let enabled: Vec<(usize, &Pool)> = edges
        .iter()
        .filter(|(_, p, _)| edge(p).and_then(flag) == Some(true))
        .map(|&(i, p, _)| (i, p))
        .collect();
    if enabled.is_empty() {
        for &(index, pool, _) in edges {
            if edge(pool).and_then(flag).is_none() {
                out.push(Finding::not_evaluated(
                    rule,
                    &pool.fqdn,
                    vec![edge_path(index, key)],
                ));
            }
        }
    }
    enabled
}

/// EDGE-008: the outbound federation route and how it fails over.
fn federation(edges: &[(usize, &Pool, &PoolFacts)], out: &mut Findings) {
    if !out.wants(RuleId::Edge008) {
        return;
    }
    let enabled = routes(edges, RuleId::Edge008, "federation", |e| e.federation, out);
    let Some(&(index, route)) = enabled.first() else {
        return;
    };
    let others = enabled.iter().skip(1).map(|(_, p)| p.fqdn.as_str());
    let message = if enabled.len() == 1 {
        format!(
            "outbound federation goes through the Edge pool {} alone: if it fails, federation stops until its route is moved to another Edge pool in Topology Builder (publish, then re-run setup on the Edge Servers); inbound federation needs a geo-DNS solution",
            route.fqdn
        )
    } else {
        format!(
            "{} Edge pools enable federation ({}): outbound federation is set up through one published Edge pool",
            enabled.len(),
            enabled
                .iter()
                .map(|(_, p)| p.fqdn.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    out.push(
        Finding::new(
            RuleId::Edge008,
            &route.fqdn,
            edge_path(index, "federation"),
            message,
        )
        .related(others)
        .fact("federation_pools", enabled.len()),
    );
}

/// EDGE-009: XMPP federation goes through one Edge pool, which stops it when it fails (an
/// information, as EDGE-008's federation route); 2019 and Subscription Edition have none.
fn xmpp(edges: &[(usize, &Pool, &PoolFacts)], out: &mut Findings) {
    if !out.wants(RuleId::Edge009) {
        return;
    }
    let enabled = routes(
        edges,
        RuleId::Edge009,
        "xmpp_federation",
        |e| e.xmpp_federation,
        out,
    );
    let (removed, legacy): (Vec<_>, Vec<_>) = enabled
        .into_iter()
        .partition(|(_, p)| matches!(p.product, Product::Sfb2019 | Product::SfbSe));
    for (index, pool) in removed {
        let message = format!(
            "the Edge pool {} ({}) has XMPP federation: {} has no XMPP gateway or proxy",
            pool.fqdn,
            pool.product.display_name(),
            pool.product.display_name()
        );
        out.push(
            Finding::new(
                RuleId::Edge009,
                &pool.fqdn,
                edge_path(index, "xmpp_federation"),
                message,
            )
            .fact("product", pool.product.as_str())
            // Only the 2019 pages state the removal.
            .unverified(pool.product == Product::SfbSe),
        );
    }
    let Some(&(route_index, route)) = legacy.first() else {
        return;
    };
    let message = if legacy.len() == 1 {
        format!(
            "XMPP federation goes through the Edge pool {} alone: if it fails, XMPP federation stops until the XMPP federation route (XmppExternalFederationRoute) and the _xmpp-server._tcp DNS SRV record (port 5269) point to another Edge pool",
            route.fqdn
        )
    } else {
        format!(
            "{} Edge pools have XMPP federation ({}): one of them is designated as the XMPP federation route",
            legacy.len(),
            legacy
                .iter()
                .map(|(_, p)| p.fqdn.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    out.push(
        Finding::new(
            RuleId::Edge009,
            &route.fqdn,
            edge_path(route_index, "xmpp_federation"),
            message,
        )
        .related(legacy.iter().skip(1).map(|(_, p)| p.fqdn.as_str()))
        .fact("xmpp_pools", legacy.len())
        .severity(Severity::Info),
    );
}
