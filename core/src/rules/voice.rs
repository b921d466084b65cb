//! VOICE: Registrar resiliency for Enterprise Voice.

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};

use super::{Finding, Findings, pool_path};
use crate::document::{Pool, VoiceFailover};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{PoolKind, SipLoadBalancing, SiteKind};
use crate::topology::Topology;

/// A site's link entry: the site index, the entry's index in `links`, and `resilient`.
type LinkEntry = (usize, usize, bool);

/// Below this, Topology Builder's help warns that failover and failback may not work.
const MIN_INTERVAL_SECONDS: u32 = 120;

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    registrar_per_site(topology, out);
    resilient_wan(topology, out);
    for (index, pool, facts) in topology.pools() {
        if pool.kind == PoolKind::Director {
            director_load_balanced(index, pool, out);
        }
        if facts.backup.is_some_and(|b| b != index) {
            failover_timers(index, pool, out);
        }
    }
    failover_route(topology, out);
}

fn site_path(index: usize, key: &'static str) -> Pointer {
    Pointer::entity("sites", index).key(key)
}

/// VOICE-001: every central site holds a Front End pool or Standard Edition server.
fn registrar_per_site(topology: &Topology, out: &mut Findings) {
    if !out.wants(RuleId::Voice001) {
        return;
    }
    let document = topology.document();
    let mut with_registrar = vec![false; document.sites.len()];
    for (_, pool, facts) in topology.pools() {
        let slot = with_registrar.get_mut(facts.site);
        if let Some(slot) = slot.filter(|_| pool.kind == PoolKind::FrontEnd) {
            *slot = true;
        }
    }
    for ((index, site), registrar) in document.sites.iter().enumerate().zip(with_registrar) {
        if registrar || site.kind.unwrap_or(SiteKind::Central) != SiteKind::Central {
            continue;
        }
        let message = format!(
            "central site `{}` has no Registrar pool (a Front End pool or a Standard Edition server)",
            site.id
        );
        out.push(Finding::new(
            RuleId::Voice001,
            &site.id,
            Pointer::entity("sites", index),
            message,
        ));
    }
}

/// VOICE-003: the WAN link between paired Registrars' sites is resilient.
fn resilient_wan(topology: &Topology, out: &mut Findings) {
    if !out.wants(RuleId::Voice003) {
        return;
    }
    let document = topology.document();
    // Link entries by (site index, the other site's id): (site, entry index, resilient).
    let mut links: HashMap<(usize, &str), Vec<LinkEntry>> = HashMap::new();
    for (i, site) in document.sites.iter().enumerate() {
        for (k, link) in site.links.iter().flatten().enumerate() {
            links
                .entry((i, link.site.as_str()))
                .or_default()
                .push((i, k, link.resilient));
        }
    }
    let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
    for pairing in topology.pairings() {
        let (Some(a), Some(b)) = (
            topology.pool_facts(pairing.pool).map(|f| f.site),
            topology.pool_facts(pairing.partner).map(|f| f.site),
        ) else {
            continue;
        };
        let pair = (
            pairing.pool.min(pairing.partner),
            pairing.pool.max(pairing.partner),
        );
        if a == b || !seen.insert(pair) {
            continue;
        }
        let (Some(site_a), Some(site_b), Some(one), Some(other)) = (
            document.sites.get(a),
            document.sites.get(b),
            topology.pool(pairing.pool),
            topology.pool(pairing.partner),
        ) else {
            continue;
        };
        // The subject is the pair's smaller FQDN: the same whichever pool names the other.
        let (pool, partner) = if one.fqdn.to_lowercase() <= other.fqdn.to_lowercase() {
            (one, other)
        } else {
            (other, one)
        };
        // Each entry naming the other site, with its path: either site may record the link.
        let entries: Vec<(Pointer, bool)> = [(a, &site_b.id), (b, &site_a.id)]
            .into_iter()
            .flat_map(|(from, to)| links.get(&(from, to.as_str())).into_iter().flatten())
            .map(|&(from, k, resilient)| {
                (
                    site_path(from, "links").index(k).key("resilient"),
                    resilient,
                )
            })
            .collect();
        if entries.is_empty() {
            out.push(Finding::not_evaluated(
                RuleId::Voice003,
                &pool.fqdn,
                vec![site_path(a, "links"), site_path(b, "links")],
            ));
            continue;
        }
        if let Some((path, _)) = entries.iter().find(|(_, resilient)| !resilient) {
            let message = format!(
                "the WAN link between `{}` and `{}`, the sites of the paired Registrars {} and {}, is not resilient",
                site_a.id, site_b.id, pool.fqdn, partner.fqdn
            );
            out.push(
                Finding::new(RuleId::Voice003, &pool.fqdn, *path, message).related([&partner.fqdn]),
            );
        }
    }
}

/// VOICE-004: a Director pool, a Registrar pool that homes no users, is load balanced (FE-014
/// reports Front End pools).
fn director_load_balanced(index: usize, pool: &Pool, out: &mut Findings) {
    if pool.servers.len() < 2 || !out.wants(RuleId::Voice004) {
        return;
    }
    let path = pool_path(index, "load_balancing").key("sip");
    match pool.load_balancing.as_ref().and_then(|lb| lb.sip) {
        None => out.push(Finding::not_evaluated(
            RuleId::Voice004,
            &pool.fqdn,
            vec![path],
        )),
        Some(SipLoadBalancing::None) => {
            let message = format!(
                "{} has {} Directors but its SIP traffic is not load balanced; a Registrar pool must use DNS or hardware load balancing",
                pool.fqdn,
                pool.servers.len()
            );
            out.push(
                Finding::new(RuleId::Voice004, &pool.fqdn, path, message)
                    .fact("load_balancing.sip", "none"),
            );
        }
        Some(_) => {}
    }
}

/// VOICE-005: automatic voice failover with intervals of 120 s or more, failback after
/// detection.
fn failover_timers(index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Voice005) {
        return;
    }
    let path = pool_path(index, "voice_failover");
    let Some(VoiceFailover {
        automatic,
        failure_detection_seconds: detection,
        failback_seconds: failback,
    }) = pool.voice_failover.as_ref()
    else {
        out.push(Finding::not_evaluated(
            RuleId::Voice005,
            &pool.fqdn,
            vec![path],
        ));
        return;
    };
    let mut problems = Vec::new();
    let mut first = None;
    if *automatic == Some(false) {
        problems.push("automatic failover and failback for voice is off".to_owned());
        first.get_or_insert(path.key("automatic"));
    }
    for (key, value, what) in [
        ("failure_detection_seconds", detection, "failure detection"),
        ("failback_seconds", failback, "failback"),
    ] {
        if let Some(seconds) = value.filter(|s| *s < MIN_INTERVAL_SECONDS) {
            problems.push(format!(
                "the voice {what} interval is {seconds} s, below {MIN_INTERVAL_SECONDS} s"
            ));
            first.get_or_insert(path.key(key));
        }
    }
    if let (Some(d), Some(b)) = (detection, failback)
        && b <= d
    {
        problems.push(format!(
            "the failback interval ({b} s) is not longer than the failure detection interval ({d} s)"
        ));
        first.get_or_insert(path.key("failback_seconds"));
    }
    if let Some(at) = first {
        let message = format!("{}: {}", pool.fqdn, problems.join("; "));
        let mut finding = Finding::new(RuleId::Voice005, &pool.fqdn, at, message);
        if let Some(d) = detection {
            finding = finding.fact("failure_detection_seconds", *d);
        }
        if let Some(b) = failback {
            finding = finding.fact("failback_seconds", *b);
        }
        out.push(finding);
        return;
    }
    let missing: Vec<Pointer> = [
        ("automatic", automatic.is_none()),
        ("failure_detection_seconds", detection.is_none()),
        ("failback_seconds", failback.is_none()),
    ]
    .into_iter()
    .filter(|(_, absent)| *absent)
    .map(|(key, _)| path.key(key))
    .collect();
    if !missing.is_empty() {
        out.push(Finding::not_evaluated(
            RuleId::Voice005,
            &pool.fqdn,
            missing,
        ));
    }
}

/// VOICE-006: a central site with gateways has a failover route through a gateway of another
/// site.
fn failover_route(topology: &Topology, out: &mut Findings) {
    if !out.wants(RuleId::Voice006) {
        return;
    }
    let document = topology.document();
    let mut local: Vec<Vec<&str>> = vec![Vec::new(); document.sites.len()];
    for (_, gateway, facts) in topology.gateways() {
        if let Some(list) = local.get_mut(facts.site) {
            list.push(&gateway.fqdn);
        }
    }
    for ((index, site), local) in document.sites.iter().enumerate().zip(local) {
        if site.kind.unwrap_or(SiteKind::Central) != SiteKind::Central {
            continue;
        }
        if local.is_empty() {
            continue;
        }
        let path = site_path(index, "failover_gateways");
        let Some(failover) = topology.failover_gateways(index) else {
            out.push(Finding::not_evaluated(
                RuleId::Voice006,
                &site.id,
                vec![path],
            ));
            continue;
        };
        let remote = failover
            .iter()
            .any(|&g| topology.gateway(g).is_some_and(|(_, f)| f.site != index));
        if remote {
            continue;
        }
        let message = if failover.is_empty() {
            format!(
                "central site `{}` has PSTN gateways but no failover route: configure one through a gateway of another site",
                site.id
            )
        } else {
            format!(
                "the failover route of central site `{}` goes only through gateways of the same site; use a gateway of another site",
                site.id
            )
        };
        out.push(
            Finding::new(RuleId::Voice006, &site.id, path, message)
                .related(local.iter().copied())
                .fact(
                    "failover_gateways",
                    site.failover_gateways.clone().unwrap_or_default(),
                ),
        );
    }
}
