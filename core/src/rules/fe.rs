//! FE: Front End pool sizing, data centers, domains, operating systems and load balancing.

use std::collections::BTreeSet;

use super::{Finding, Findings};
use super::{missing_server_keys, pool_path, server_path, set_value, words};
use crate::document::{Pool, Text};
use crate::matrix::limits::limits_for;
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{PoolKind, Product, Severity, SipLoadBalancing, WebLoadBalancing};
use crate::topology::{NodeFacts, PoolFacts, Topology};

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    for (index, pool, facts) in topology.pools() {
        if pool.is_enterprise_front_end() {
            size(index, pool, out);
            users(topology, index, pool, facts, out);
        }
        if pool.kind == PoolKind::FrontEnd {
            stretched(index, pool, facts, out);
            domains(topology, index, pool, out);
            load_balancing(index, pool, out);
        }
        if pool.kind != PoolKind::Sba {
            one_os(index, pool, out);
        }
    }
}

/// FE-001, FE-002, FE-003, FE-004, FE-007, FE-018: the number of Front End Servers.
fn size(index: usize, pool: &Pool, out: &mut Findings) {
    let servers = pool.servers.len();
    let limits = limits_for(pool.product);
    let finding = |rule: RuleId, message: String| {
        Finding::new(rule, &pool.fqdn, pool_path(index, "servers"), message)
            .fact("servers", servers)
            .fact("product", pool.product.as_str())
    };
    if servers > limits.max_front_ends {
        let message = format!(
            "{} has {servers} Front End Servers; {} supports at most {} in a pool",
            pool.fqdn,
            pool.product.display_name(),
            limits.max_front_ends
        );
        out.push(
            finding(RuleId::Fe001, message)
                .fact("limit", limits.max_front_ends)
                .unverified(limits.unverified),
        );
    }
    if servers < 3 {
        let message = format!(
            "{} has {servers} Front End Server(s); Enterprise pools should have at least three",
            pool.fqdn
        );
        out.push(finding(RuleId::Fe002, message));
    }
    if servers == 2 {
        let (severity, wording) = match pool.product {
            Product::Sfb2019 | Product::SfbSe => (Severity::Error, "is not supported"),
            Product::Lync2013 | Product::Sfb2015 => (Severity::Warning, "is not recommended"),
        };
        let message = format!(
            "{} is an Enterprise pool of two Front End Servers, which {wording} for {}",
            pool.fqdn,
            pool.product.display_name()
        );
        // Subscription Edition's size limits rest on secondary sources.
        out.push(
            finding(RuleId::Fe003, message)
                .severity(severity)
                .unverified(pool.product == Product::SfbSe),
        );
    }
    if servers <= 2 {
        let message = format!(
            "{} is an Enterprise pool of {servers} server(s); for one or two servers deploy Standard Edition servers instead",
            pool.fqdn
        );
        out.push(finding(RuleId::Fe004, message));
    }
    if servers >= 2 && servers.is_multiple_of(2) {
        let message = format!(
            "{} has an even number of Front End Servers ({servers}): the primary back-end database acts as the tie-breaker, so failing the back end over while servers are down can stop the pool",
            pool.fqdn
        );
        out.push(finding(RuleId::Fe007, message));
    }
    if servers == 1 {
        let message = format!(
            "{} has a single Front End Server: the pool has no server-level high availability",
            pool.fqdn
        );
        out.push(finding(RuleId::Fe018, message));
    }
}

/// FE-009: homed users (with the users of associated branch appliances) within the pool's capacity.
fn users(topology: &Topology, index: usize, pool: &Pool, facts: &PoolFacts, out: &mut Findings) {
    if !out.wants(RuleId::Fe009) {
        return;
    }
    let (Some(own), Some(branch)) = (pool.users, facts.branch_users) else {
        let missing = missing_users(topology, index, facts);
        out.push(Finding::not_evaluated(RuleId::Fe009, &pool.fqdn, missing));
        return;
    };
    let limits = limits_for(pool.product);
    let users = u64::from(own) + branch;
    let servers = u64::try_from(pool.servers.len()).unwrap_or(u64::MAX);
    let per_server = limits.users_per_front_end;
    let full = servers
        .saturating_mul(per_server)
        .min(limits.max_pool_users);
    let one_down = capacity_one_down(pool);
    let message = if users > full {
        format!(
            "{} homes {users} users, above the {full} its {servers} Front End Server(s) carry ({per_server} per server, at most {} per pool)",
            pool.fqdn, limits.max_pool_users
        )
    } else if users > one_down {
        format!(
            "{} homes {users} users: with one of its {servers} Front End Servers down, the other {} carry {} each, above {per_server}; size the pool for one server down (at most {one_down} users)",
            pool.fqdn,
            servers - 1,
            users.div_ceil(servers - 1)
        )
    } else {
        return;
    };
    out.push(
        Finding::new(
            RuleId::Fe009,
            &pool.fqdn,
            pool_path(index, "users"),
            message,
        )
        .fact("users", users)
        .fact("servers", servers)
        .fact("limit", one_down)
        .unverified(limits.unverified),
    );
}

/// The `users` of a pool and of its branch appliances that are absent: FE-009 and SBA-003 count
/// them together.
pub(super) fn missing_users(topology: &Topology, index: usize, facts: &PoolFacts) -> Vec<Pointer> {
    std::iter::once(index)
        .chain(facts.branches.iter().copied())
        .filter(|&p| topology.pool(p).is_some_and(|p| p.users.is_none()))
        .map(|p| pool_path(p, "users"))
        .collect()
}

/// The users an Enterprise pool carries sized for one Front End Server down (N-1): the
/// capacity page's 30,000 users on five servers leave 7,500 on each of the four others.
pub(super) fn capacity_one_down(pool: &Pool) -> u64 {
    let limits = limits_for(pool.product);
    u64::try_from(pool.servers.len())
        .unwrap_or(u64::MAX)
        .saturating_sub(1)
        .max(1)
        .saturating_mul(limits.users_per_front_end)
        .min(limits.max_pool_users)
}

/// FE-010: no stretched Front End pools.
fn stretched(index: usize, pool: &Pool, facts: &PoolFacts, out: &mut Findings) {
    if !out.wants(RuleId::Fe010) {
        return;
    }
    let first = facts.server_data_centers.first();
    if facts.server_data_centers.iter().all(|dc| Some(dc) == first) {
        return;
    }
    let data_centers: BTreeSet<&str> = facts.server_data_centers.iter().map(Text::as_str).collect();
    if data_centers.len() > 1 {
        let message = format!(
            "{} has servers in the data centers {}; stretched Front End pools are not supported",
            pool.fqdn,
            quoted(&data_centers)
        );
        out.push(
            Finding::new(
                RuleId::Fe010,
                &pool.fqdn,
                pool_path(index, "servers"),
                message,
            )
            .fact("data_centers", set_value(&data_centers)),
        );
    }
}

/// FE-011: the Front End Servers and the back-end SQL nodes in one domain.
fn domains(topology: &Topology, index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Fe011) {
        return;
    }
    let store = topology.back_end(index);
    // Each member's domain, and how to build its path: paths are only built for a finding.
    let members = || {
        let servers = pool
            .servers
            .iter()
            .enumerate()
            .map(|(k, s)| (s.domain.as_deref(), Member::Server(k)));
        let nodes = store
            .iter()
            .flat_map(|(_, _, facts)| facts.nodes.iter().filter(|n| n.holds_data()))
            .map(|n| (n.domain.as_deref(), Member::Node(n)));
        servers.chain(nodes)
    };
    if members().nth(1).is_none() {
        return;
    }
    let first = members().find_map(|(d, _)| d).unwrap_or_default();
    let odd = members().find(|(d, _)| d.is_some_and(|d| !same_domain(d, first)));
    if let Some((_, odd)) = odd {
        let path = odd.domain_path(index);
        let known: BTreeSet<String> = members()
            .filter_map(|(d, _)| d.map(str::to_lowercase))
            .collect();
        let names: BTreeSet<&str> = known.iter().map(String::as_str).collect();
        let message = format!(
            "the servers of {} and its back-end SQL Servers are in the domains {}; they must all be in one domain",
            pool.fqdn,
            quoted(&names)
        );
        let mut finding = Finding::new(RuleId::Fe011, &pool.fqdn, path, message)
            .fact("domains", set_value(&names));
        if let Some((_, store, _)) = store {
            finding = finding.related([&store.id]);
        }
        out.push(finding);
        return;
    }
    if members().any(|(d, _)| d.is_none()) {
        let missing = members()
            .filter(|(d, _)| d.is_none())
            .map(|(_, member)| member.domain_path(index))
            .collect();
        out.push(Finding::not_evaluated(RuleId::Fe011, &pool.fqdn, missing));
    }
}

/// A member of FE-011's domain check.
enum Member<'a> {
    /// A Front End Server, by its index in the pool.
    Server(usize),
    /// A back-end SQL node.
    Node(&'a NodeFacts),
}

impl Member<'_> {
    fn domain_path(&self, pool: usize) -> Pointer {
        match self {
            Member::Server(k) => server_path(pool, *k, "domain"),
            Member::Node(node) => node.pointer().key("domain"),
        }
    }
}

/// Domains compare without case.
fn same_domain(a: &str, b: &str) -> bool {
    a == b || a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

/// FE-012: one operating-system version across a pool (stated for 2019, derived for 2015).
fn one_os(index: usize, pool: &Pool, out: &mut Findings) {
    if pool.product == Product::Lync2013 || pool.servers.len() < 2 || !out.wants(RuleId::Fe012) {
        return;
    }
    let first = pool.servers.iter().find_map(|s| s.os);
    if pool
        .servers
        .iter()
        .filter_map(|s| s.os)
        .any(|os| Some(os) != first)
    {
        let known: BTreeSet<&str> = pool
            .servers
            .iter()
            .filter_map(|s| s.os)
            .map(|o| o.as_str())
            .collect();
        let odd = pool
            .servers
            .iter()
            .position(|s| s.os.is_some() && s.os != first)
            .unwrap_or_default();
        let message = format!(
            "the servers of {} run {}; every server of a pool must run the same operating system version",
            pool.fqdn,
            words(&known)
        );
        out.push(
            Finding::new(
                RuleId::Fe012,
                &pool.fqdn,
                server_path(index, odd, "os"),
                message,
            )
            .fact("os", set_value(&known))
            .unverified(pool.product == Product::SfbSe),
        );
        return;
    }
    let missing = missing_server_keys(index, pool, "os", |s| s.os);
    if !missing.is_empty() {
        out.push(Finding::not_evaluated(RuleId::Fe012, &pool.fqdn, missing));
    }
}

/// FE-014: a multi-server pool needs SIP load balancing and a hardware load balancer for web.
fn load_balancing(index: usize, pool: &Pool, out: &mut Findings) {
    if pool.servers.len() < 2 || !out.wants(RuleId::Fe014) {
        return;
    }
    let path = || pool_path(index, "load_balancing");
    let sip = pool.load_balancing.as_ref().and_then(|lb| lb.sip);
    let web = pool.load_balancing.as_ref().and_then(|lb| lb.web);
    let mut problems = Vec::new();
    if sip == Some(SipLoadBalancing::None) {
        problems.push("SIP traffic is not load balanced (use DNS or a hardware load balancer)");
    }
    if web == Some(WebLoadBalancing::None) {
        problems
            .push("web traffic has no hardware load balancer (DNS load balancing cannot carry it)");
    }
    if !problems.is_empty() {
        let message = format!(
            "{} has {} servers but {}",
            pool.fqdn,
            pool.servers.len(),
            problems.join(" and ")
        );
        let mut finding = Finding::new(RuleId::Fe014, &pool.fqdn, path(), message);
        if let Some(sip) = sip {
            finding = finding.fact("load_balancing.sip", sip.as_str());
        }
        if let Some(web) = web {
            finding = finding.fact("load_balancing.web", web.as_str());
        }
        out.push(finding);
        return;
    }
    let missing: Vec<Pointer> = if pool.load_balancing.is_none() {
        vec![path()]
    } else {
        [("sip", sip.is_none()), ("web", web.is_none())]
            .into_iter()
            .filter(|(_, absent)| *absent)
            .map(|(key, _)| path().key(key))
            .collect()
    };
    if !missing.is_empty() {
        out.push(Finding::not_evaluated(RuleId::Fe014, &pool.fqdn, missing));
    }
}

/// `` `a`, `b` `` for a message.
pub(super) fn quoted(set: &BTreeSet<&str>) -> String {
    set.iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
