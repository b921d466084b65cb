//! What a scenario does to voice beyond the pools: the PSTN calls of each site whose gateways
//! or Mediation pools fail, and what a branch site keeps when its WAN link fails.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::failures::{Failed, Names};
use super::pool::{PoolOutcome, State};
use crate::tokens::PoolKind;
use crate::topology::Topology;

/// How a site's PSTN calls go in a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PstnCalls {
    /// Through the site's gateways that still work.
    Local,
    /// Through the failover route's gateways of another site (VOICE-006).
    FailoverRoute,
    /// No gateway can carry them.
    Lost,
    /// The site's gateways are down and the document does not say which gateways its
    /// failover route uses (`failover_gateways`).
    NotKnown,
}

/// The PSTN calls of a site whose gateways, or their Mediation pools, fail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PstnOutcome {
    /// The site id.
    pub site: String,
    /// How its calls go.
    pub calls: PstnCalls,
    /// Its gateways that cannot carry calls: failed, or on a Mediation pool that is down.
    pub gateways_down: Vec<String>,
    /// The gateways that carry its calls now.
    pub via: Vec<String>,
    /// The catalog rules the statements rest on.
    pub rules: Vec<&'static str>,
    /// The way back, in order.
    pub steps: Vec<String>,
    /// Plain-language explanation.
    pub notes: Vec<String>,
}

/// What a branch site keeps and loses while its WAN link to the central sites is down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BranchOutcome {
    /// The branch site id.
    pub site: String,
    /// Its Survivable Branch Appliances and Servers.
    pub appliances: Vec<String>,
    /// What keeps working.
    pub keeps: Vec<&'static str>,
    /// What is lost until the link returns.
    pub loses: Vec<&'static str>,
    /// The catalog rules the statements rest on.
    pub rules: Vec<&'static str>,
    /// The way back, in order.
    pub steps: Vec<String>,
    /// Plain-language explanation.
    pub notes: Vec<String>,
}

/// What a branch appliance keeps during a WAN outage (enterprise-voice-resiliency.md § Branch
/// site resiliency features).
const BRANCH_KEEPS: &[&str] = &[
    "inbound and outbound PSTN calls",
    "enterprise calls between users of the same site and of two different sites",
    "basic call handling: hold, retrieval and transfer",
    "two-party instant messaging",
    "call forwarding, simultaneous ringing, delegation and team calls among users of the site",
    "call detail records",
    "PSTN dial-in conferencing with Conferencing Auto-Attendant",
    "voice mail, if voice mail rerouting is configured",
    "user authentication and authorization",
];

/// What only a full deployment in the branch keeps (same section), and XMPP (SBA-008).
const BRANCH_LOSES: &[&str] = &[
    "IM, web and A/V conferencing",
    "presence and DND-based routing",
    "updating call forwarding settings",
    "Response Group and Call Park",
    "provisioning new phones and clients",
    "IM and presence with XMPP contacts",
];

/// The PSTN outcome of every site with a gateway that cannot carry calls: failed itself, lost
/// with its site, or on a Mediation pool that is down. In site order.
pub(super) fn pstn(
    topology: &Topology,
    names: &Names<'_>,
    failed: &Failed,
    outcomes: &BTreeMap<usize, PoolOutcome>,
) -> Vec<PstnOutcome> {
    let mediation_down = |pool: usize| outcomes.get(&pool).is_some_and(|o| o.state == State::Down);
    let down = |gateway: usize| {
        failed.gateways.contains(&gateway)
            || topology
                .gateway(gateway)
                .is_some_and(|(_, f)| mediation_down(f.mediation))
    };
    // Only the gateways a failure can reach: named, in a lost site, or on a touched pool.
    let mut touched: BTreeSet<usize> = failed.gateways.iter().copied().collect();
    for &pool in outcomes.keys() {
        touched.extend(names.pool_gateways(pool));
    }
    let sites: BTreeSet<usize> = touched
        .iter()
        .filter(|&&g| down(g))
        .filter_map(|&g| topology.gateway(g).map(|(_, f)| f.site))
        .collect();
    let document = topology.document();
    sites
        .into_iter()
        .filter_map(|site| {
            let id = document.sites.get(site)?.id.to_string();
            let local = names.site_gateways(site);
            Some(site_outcome(topology, site, id, local, &down))
        })
        .collect()
}

fn site_outcome(
    topology: &Topology,
    site: usize,
    id: String,
    local: &[usize],
    down: &dyn Fn(usize) -> bool,
) -> PstnOutcome {
    let name = |g: usize| {
        topology
            .gateway(g)
            .map(|(gateway, _)| gateway.fqdn.to_string())
            .unwrap_or_default()
    };
    let (broken, working): (Vec<usize>, Vec<usize>) = local.iter().partition(|&&g| down(g));
    let mut outcome = PstnOutcome {
        site: id,
        calls: PstnCalls::Local,
        gateways_down: broken.iter().map(|&g| name(g)).collect(),
        via: working.iter().map(|&g| name(g)).collect(),
        rules: vec!["VOICE-006"],
        steps: Vec::new(),
        notes: Vec::new(),
    };
    for &g in &broken {
        let Some((gateway, facts)) = topology.gateway(g) else {
            continue;
        };
        if down(g) && topology.pool(facts.mediation).is_some() {
            outcome.steps.push(format!(
                "restore {} and its trunk to the Mediation pool {}",
                gateway.fqdn, gateway.mediation_pool
            ));
        }
    }
    if !working.is_empty() {
        outcome.notes.push(
            "the site's other gateways carry its PSTN calls where its routes list them".to_owned(),
        );
        return outcome;
    }
    match topology.failover_gateways(site) {
        None => {
            outcome.calls = PstnCalls::NotKnown;
            outcome.notes.push(
                "every gateway of the site is down; the document does not say which gateways its failover route uses (`failover_gateways`)".to_owned(),
            );
        }
        Some(failover) => {
            let usable: Vec<usize> = failover.iter().copied().filter(|&g| !down(g)).collect();
            if usable.is_empty() {
                outcome.calls = PstnCalls::Lost;
                outcome.notes.push(
                    "every gateway of the site and of its failover route is down: its users cannot call the PSTN".to_owned(),
                );
            } else {
                outcome.calls = PstnCalls::FailoverRoute;
                outcome.via = usable.iter().map(|&g| name(g)).collect();
                outcome.notes.push(
                    "outbound PSTN calls take the failover route; inbound calls reach the users only if the telephony provider fails over to those gateways".to_owned(),
                );
            }
        }
    }
    outcome
}

/// What each branch site whose WAN link failed keeps (its appliances) and loses (VOICE-008,
/// SBA-008).
pub(super) fn branches(
    topology: &Topology,
    names: &Names<'_>,
    failed: &Failed,
) -> Vec<BranchOutcome> {
    let document = topology.document();
    failed
        .wan
        .iter()
        .filter_map(|&site| {
            let id = document.sites.get(site)?.id.to_string();
            let appliances: Vec<String> = names
                .site_pools(site)
                .iter()
                .filter_map(|&p| topology.pool(p))
                .filter(|pool| matches!(pool.kind, PoolKind::Sba | PoolKind::Sbs))
                .map(|pool| pool.fqdn.to_string())
                .collect();
            let steps = vec![format!("restore the WAN link between {id} and the central sites")];
            if appliances.is_empty() {
                return Some(BranchOutcome {
                    site: id,
                    appliances,
                    keeps: Vec::new(),
                    loses: vec!["every service: the site's users are homed on central pools"],
                    rules: vec!["SBA-004"],
                    steps,
                    notes: vec![
                        "no Survivable Branch Appliance or Server in the site: nothing keeps its users registered while the link is down".to_owned(),
                    ],
                });
            }
            Some(BranchOutcome {
                site: id,
                appliances,
                keeps: BRANCH_KEEPS.to_vec(),
                loses: BRANCH_LOSES.to_vec(),
                rules: vec!["VOICE-008", "SBA-008"],
                steps,
                notes: vec![
                    "users homed on the site's appliances stay registered there and call through the branch's gateway or SIP trunk".to_owned(),
                    "E9-1-1 calls reach the branch gateway only if the users' voice policy routes them there when the WAN is down".to_owned(),
                ],
            })
        })
        .collect()
}
