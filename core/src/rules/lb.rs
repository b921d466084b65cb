//! LB: load balancing of Edge, Mediation and Director pools and the hardware load balancer's
//! settings (catalog §3.9). Front End pools' need for load balancing is FE-014's.

use super::edge::edge_sides;
use super::{Finding, Findings, pool_path};
use crate::document::{LoadBalancing, Pool};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{PoolKind, SipLoadBalancing, WebLoadBalancing, WebPersistence};
use crate::topology::Topology;

/// The TCP idle timeout the web services need, in seconds (LB-003).
const WEB_IDLE_TIMEOUT: u32 = 1800;

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(&[RuleId::Lb001, RuleId::Lb002, RuleId::Lb003, RuleId::Lb005]) {
        return;
    }
    for (index, pool, _) in topology.pools() {
        let lb = pool.load_balancing.as_ref();
        let several = pool.servers.len() > 1;
        match pool.kind {
            PoolKind::Edge | PoolKind::Mediation if several => needed(index, pool, out),
            PoolKind::Director if several => director_web(index, pool, out),
            _ => {}
        }
        let web_pool = several
            && (pool.is_enterprise_front_end() || pool.kind == PoolKind::Director)
            && lb.and_then(|lb| lb.web) == Some(WebLoadBalancing::Hardware);
        if web_pool {
            web_settings(index, pool, out);
        }
        if let Some(lb) = lb.filter(|lb| hardware(lb)) {
            dsr_nat(index, pool, lb, out);
        }
    }
}

fn lb_path(index: usize, key: &'static str) -> Pointer {
    pool_path(index, "load_balancing").key(key)
}

/// Whether any traffic of the pool goes through a hardware load balancer.
fn hardware(lb: &LoadBalancing) -> bool {
    lb.web == Some(WebLoadBalancing::Hardware)
        || [lb.sip, lb.edge_internal, lb.edge_external].contains(&Some(SipLoadBalancing::Hardware))
}

/// LB-001: Edge and Mediation pools of several servers are load balanced.
fn needed(index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Lb001) {
        return;
    }
    let edge = edge_sides(pool);
    let sip = [("sip", pool.load_balancing.as_ref().and_then(|lb| lb.sip))];
    let sides: &[(&'static str, Option<SipLoadBalancing>)] = if pool.kind == PoolKind::Edge {
        &edge
    } else {
        &sip
    };
    let mut unbalanced: Vec<&str> = sides
        .iter()
        .filter(|(_, value)| *value == Some(SipLoadBalancing::None))
        .map(|(key, _)| *key)
        .collect();
    // Both Edge sides may come from one `sip`.
    unbalanced.dedup();
    if let Some(first) = unbalanced.first() {
        let message = format!(
            "{} has {} servers but its {} traffic is not load balanced (use DNS or hardware load balancing)",
            pool.fqdn,
            pool.servers.len(),
            unbalanced.join(" and ").replace('_', " ")
        );
        out.push(
            Finding::new(RuleId::Lb001, &pool.fqdn, lb_path(index, first), message)
                .fact("servers", pool.servers.len())
                .fact("kind", pool.kind.as_str()),
        );
        return;
    }
    let missing: Vec<Pointer> = sides
        .iter()
        .filter(|(_, value)| value.is_none())
        .map(|(key, _)| lb_path(index, key))
        .collect();
    if !missing.is_empty() {
        out.push(Finding::not_evaluated(RuleId::Lb001, &pool.fqdn, missing));
    }
}

/// LB-002: a Director pool's web traffic needs a hardware load balancer.
fn director_web(index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Lb002) {
        return;
    }
    match pool.load_balancing.as_ref().and_then(|lb| lb.web) {
        None => out.push(Finding::not_evaluated(
            RuleId::Lb002,
            &pool.fqdn,
            vec![lb_path(index, "web")],
        )),
        Some(WebLoadBalancing::None) => {
            let message = format!(
                "the Director pool {} has {} servers and no hardware load balancer for its web traffic: DNS load balancing cannot carry client-to-server web traffic",
                pool.fqdn,
                pool.servers.len()
            );
            out.push(
                Finding::new(RuleId::Lb002, &pool.fqdn, lb_path(index, "web"), message)
                    .fact("load_balancing.web", "none"),
            );
        }
        Some(WebLoadBalancing::Hardware) => {}
    }
}

/// LB-003: persistence and TCP idle timeout of the web services' hardware load balancer.
fn web_settings(index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Lb003) {
        return;
    }
    let lb = pool.load_balancing.as_ref();
    let persistence = lb.and_then(|lb| lb.web_persistence);
    let timeout = lb.and_then(|lb| lb.web_idle_timeout);
    let mut problems = Vec::new();
    if persistence == Some(WebPersistence::None) {
        problems.push((
            "web_persistence",
            "no persistence on the internal web services virtual IP (source-address persistence is required)".to_owned(),
        ));
    }
    if let Some(seconds) = timeout.filter(|&s| s < WEB_IDLE_TIMEOUT) {
        problems.push((
            "web_idle_timeout",
            format!(
                "a TCP idle timeout of {seconds} seconds (at least {WEB_IDLE_TIMEOUT} required)"
            ),
        ));
    }
    if let Some((key, _)) = problems.first() {
        let message = format!(
            "the hardware load balancer of {}'s web services has {}",
            pool.fqdn,
            problems
                .iter()
                .map(|(_, p)| p.as_str())
                .collect::<Vec<_>>()
                .join(" and ")
        );
        let mut finding = Finding::new(RuleId::Lb003, &pool.fqdn, lb_path(index, key), message);
        if let Some(persistence) = persistence {
            finding = finding.fact("web_persistence", persistence.as_str());
        }
        if let Some(timeout) = timeout {
            finding = finding.fact("web_idle_timeout", timeout);
        }
        out.push(finding);
        return;
    }
    let missing: Vec<Pointer> = [
        ("web_persistence", persistence.is_none()),
        ("web_idle_timeout", timeout.is_none()),
    ]
    .into_iter()
    .filter(|(_, absent)| *absent)
    .map(|(key, _)| lb_path(index, key))
    .collect();
    if !missing.is_empty() {
        out.push(Finding::not_evaluated(RuleId::Lb003, &pool.fqdn, missing));
    }
}

/// LB-005: no direct server return NAT on a hardware load balancer.
fn dsr_nat(index: usize, pool: &Pool, lb: &LoadBalancing, out: &mut Findings) {
    if !out.wants(RuleId::Lb005) {
        return;
    }
    match lb.dsr_nat {
        None => out.push(Finding::not_evaluated(
            RuleId::Lb005,
            &pool.fqdn,
            vec![lb_path(index, "dsr_nat")],
        )),
        Some(true) => {
            let message = format!(
                "the hardware load balancer of {} uses direct server return NAT, which Skype for Business Server does not support",
                pool.fqdn
            );
            out.push(
                Finding::new(
                    RuleId::Lb005,
                    &pool.fqdn,
                    lb_path(index, "dsr_nat"),
                    message,
                )
                .fact("dsr_nat", true),
            );
        }
        Some(false) => {}
    }
}
