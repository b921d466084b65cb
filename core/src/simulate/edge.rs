//! Edge pools in a scenario: a lost Edge pool (remote access, federation, XMPP and A/V for
//! remote users, and what moving each of them to another Edge pool restores), an Edge pool whose
//! next hop is lost, and the next hop to move before a Front End pool fails over (EDGE-010).

use super::pool::{PoolOutcome, State};
use super::recovery::{Recovery, RecoveryAction};
use crate::document::Pool;
use crate::tokens::PoolKind;
use crate::topology::Topology;

/// The Edge pool that takes over from the Edge pool at `index`: an Edge pool not down, of
/// another site if there is one, else of the same site.
fn fallback<'t>(
    topology: &'t Topology,
    index: usize,
    state: &impl Fn(usize) -> State,
) -> Option<(usize, &'t Pool)> {
    let site = topology.pool_facts(index)?.site;
    let candidates: Vec<(usize, &Pool, usize)> = topology
        .pools()
        .filter(|&(i, p, _)| i != index && p.kind == PoolKind::Edge && state(i) != State::Down)
        .map(|(i, p, f)| (i, p, f.site))
        .collect();
    candidates
        .iter()
        .find(|(_, _, s)| *s != site)
        .or_else(|| candidates.first())
        .map(|&(i, p, _)| (i, p))
}

/// The way back of a lost Edge pool.
pub(super) fn lost(
    topology: &Topology,
    index: usize,
    state: &impl Fn(usize) -> State,
    outcome: &mut PoolOutcome,
) {
    let Some(pool) = topology.pool(index) else {
        return;
    };
    let site = &pool.site;
    let edge = pool.edge.as_deref();
    outcome.notes.push(format!(
        "remote users of site `{site}` lose external access, federation and A/V through this Edge pool"
    ));
    if pool.servers.len() == 1 {
        outcome.rule("EDGE-001");
        outcome
            .notes
            .push("a one-server Edge pool has no high availability".to_owned());
    }
    let Some((_, target)) = fallback(topology, index, state) else {
        outcome.rule("EDGE-007");
        outcome.notes.push(
            "no other Edge pool is running: external access stops until this Edge pool is restored"
                .to_owned(),
        );
        outcome.recovery = Recovery::action(RecoveryAction::Restore);
        return;
    };
    let mut recovery = Recovery::action(RecoveryAction::EdgeFailover);
    recovery.target = Some(target.fqdn.to_string());
    outcome.rule("EDGE-007");
    outcome.notes.push(format!(
        "remote access fails over by itself: clients re-query the DNS SRV records and reach {} by priority (its external FQDNs must differ, EDGE-006)",
        target.fqdn
    ));
    match edge.and_then(|e| e.federation) {
        Some(true) => {
            outcome.rule("EDGE-008");
            outcome.notes.push(format!(
                "outbound federation went through this pool: it stops until the route moves to {}; inbound federation fails over only with geo-DNS",
                target.fqdn
            ));
            recovery.steps.extend([
                format!(
                    "Topology Builder: {} > Edit Properties > General: clear \"Enable federation for this Edge pool (Port 5061)\"",
                    pool.fqdn
                ),
                format!(
                    "Topology Builder: {} > Edit Properties > General: select \"Enable federation for this Edge pool (Port 5061)\"",
                    target.fqdn
                ),
                "Topology Builder: Action > Topology > Publish".to_owned(),
                format!(
                    "on each Edge Server of {}: Deployment Wizard > Install or Update Skype for Business Server System > Setup or Remove Skype for Business Server Components > Run Again",
                    target.fqdn
                ),
            ]);
        }
        Some(false) => {}
        None => outcome.notes.push(
            "whether this pool is the federation route is not stated (`edge.federation`)"
                .to_owned(),
        ),
    }
    if edge.and_then(|e| e.xmpp_federation) == Some(true) {
        outcome.rule("EDGE-009");
        let server = target.servers.first().map_or(&*target.fqdn, |s| &*s.fqdn);
        outcome.notes.push(format!(
            "XMPP federation went through this pool: inbound and outbound XMPP stop until its route moves to {}",
            target.fqdn
        ));
        recovery.steps.extend([
            format!(
                "Stop-CsWindowsService (on each Edge Server of {})",
                target.fqdn
            ),
            format!(
                "Set-CsSite {} -XmppExternalFederationRoute {server}",
                target.site
            ),
            format!("external DNS: point the XMPP federation A record to {server}"),
            format!(
                "external DNS: an _xmpp-server._tcp SRV record, port 5269, resolving to {}",
                target.fqdn
            ),
            format!(
                "Start-CsWindowsService (on each Edge Server of {})",
                target.fqdn
            ),
        ]);
    }
    // Front End pools of the lost Edge pool's site that keep running send their conferencing
    // media to it until they are moved (EDGE-013).
    let surviving: Vec<&Pool> = topology
        .pools()
        .filter(|&(i, p, f)| {
            p.kind == PoolKind::FrontEnd
                && Some(f.site) == topology.pool_facts(index).map(|e| e.site)
                && state(i) != State::Down
        })
        .map(|(_, p, _)| p)
        .collect();
    if !surviving.is_empty() {
        outcome.rule("EDGE-013");
    }
    for front_end in surviving {
        recovery.steps.push(format!(
            "Topology Builder: associate {} with the Edge pool {} for Web Conferencing and A/V Conferencing, then publish",
            front_end.fqdn, target.fqdn
        ));
    }
    outcome.recovery = recovery;
}

/// The Edge pools that are running while their next hop pool is down, with that pool.
pub(super) fn orphaned(topology: &Topology, down: &[usize]) -> Vec<(usize, usize)> {
    topology
        .pools()
        .filter(|(_, p, _)| p.kind == PoolKind::Edge)
        .filter_map(|(i, _, f)| f.next_hop.filter(|h| down.contains(h)).map(|h| (i, h)))
        .filter(|(i, _)| !down.contains(i))
        .collect()
}

/// The step that moves the next hop of the Edge pool `edge` away from the lost pool `hop`: a
/// Front End or Director pool of the Edge pool's site in Topology Builder, else the lost pool's
/// paired pool with `Set-CsEdgeServer -Registrar`.
fn repoint(
    topology: &Topology,
    edge: usize,
    hop: usize,
    state: &impl Fn(usize) -> State,
) -> Option<String> {
    let pool = topology.pool(edge)?;
    let site = topology.pool_facts(edge)?.site;
    let same_site = topology
        .pools()
        .find(|&(i, p, f)| {
            i != hop
                && f.site == site
                && matches!(p.kind, PoolKind::FrontEnd | PoolKind::Director)
                && state(i) != State::Down
        })
        .map(|(_, p, _)| p);
    if let Some(next) = same_site {
        return Some(format!(
            "Topology Builder: {} > Edit Properties > Next Hop: select {}, then publish",
            pool.fqdn, next.fqdn
        ));
    }
    let backup = topology
        .pool_facts(hop)?
        .backup
        .filter(|&b| state(b) != State::Down)
        .and_then(|b| topology.pool(b))?;
    Some(format!(
        "Set-CsEdgeServer -Identity EdgeServer:{} -Registrar Registrar:{}",
        pool.fqdn, backup.fqdn
    ))
}

/// An Edge pool running while its next hop is down: external access, federation and XMPP
/// through it stop until the next hop moves (EDGE-010).
pub(super) fn next_hop_lost(
    topology: &Topology,
    edge: usize,
    hop: usize,
    state: &impl Fn(usize) -> State,
    outcome: &mut PoolOutcome,
) {
    let Some(hop_pool) = topology.pool(hop) else {
        return;
    };
    outcome.state = State::Degraded;
    outcome.rule("EDGE-010");
    outcome.notes.push(format!(
        "its next hop {} is down: external access, federation and XMPP through this Edge pool stop until the next hop moves",
        hop_pool.fqdn
    ));
    match repoint(topology, edge, hop, state) {
        Some(step) => {
            let mut recovery = Recovery::action(RecoveryAction::EdgeFailover);
            recovery.steps.push(step);
            outcome.recovery = recovery;
        }
        None => {
            outcome
                .notes
                .push("no running pool can be its next hop: restore the lost pool".to_owned());
            outcome.recovery = Recovery::action(RecoveryAction::Restore);
        }
    }
}

/// Before a lost pool fails over, every running Edge pool that uses it as next hop is moved
/// (`Invoke-CsPoolFailover` refuses otherwise): the steps go first. A lost Director has no
/// failover: its Edge pools are moved before its Directors are restored.
pub(super) fn before_failover(
    topology: &Topology,
    hop: usize,
    state: &impl Fn(usize) -> State,
    outcome: &mut PoolOutcome,
) {
    let director = topology
        .pool(hop)
        .is_some_and(|p| p.kind == PoolKind::Director);
    let fails_over = outcome.recovery.action == RecoveryAction::PoolFailover;
    let director_lost = director && outcome.state == State::Down;
    if !(fails_over || director_lost) {
        return;
    }
    let steps: Vec<String> = orphaned(topology, &[hop])
        .into_iter()
        .filter(|&(edge, _)| state(edge) != State::Down)
        .filter_map(|(edge, _)| repoint(topology, edge, hop, state))
        .collect();
    if steps.is_empty() {
        return;
    }
    outcome.rule("EDGE-010");
    outcome.notes.push(if fails_over {
        "it is the next hop of a running Edge pool: move the next hop before `Invoke-CsPoolFailover`, which refuses otherwise"
            .to_owned()
    } else {
        "it is the next hop of a running Edge pool: move the next hop to a pool that is up until the Directors are back".to_owned()
    });
    let at = outcome
        .recovery
        .steps
        .iter()
        .position(|s| {
            s.starts_with("Invoke-CsPoolFailover") || s.starts_with("restore the Directors")
        })
        .unwrap_or(outcome.recovery.steps.len());
    for (k, step) in steps.into_iter().enumerate() {
        outcome.recovery.steps.insert(at + k, step);
    }
}
