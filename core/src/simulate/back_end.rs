//! A back end's outcome by HA mode when some of its SQL nodes are down (BE-032, WIT-001,
//! OPS-005, RTO-001).

use serde::Serialize;

use super::failures::Failed;
use crate::document::Ha;
use crate::tokens::{Commit, FailoverMode, HaMode, QuorumWitness};
use crate::topology::{NodeRole, Topology};

/// What happened to a pool's back end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackEndState {
    /// The pool has no SQL back end of its own (Standard Edition server, Edge, …).
    NotApplicable,
    /// Serving as before.
    Available,
    /// A partner took over by itself: mirror with a witness, a synchronous automatic AG
    /// replica, or another cluster node.
    AutomaticFailover,
    /// A partner is up but an administrator must fail over to it.
    ManualFailoverNeeded,
    /// No partner can serve.
    Unavailable,
}

/// Whether the node that holds the primary databases is down: the single server, the
/// principal, the first replica of an availability group, the first node of a cluster. (In a
/// pool with an even number of Front End Servers the primary database is the tie-breaker,
/// FE-007.)
pub(super) fn primary_down(topology: &Topology, store: usize, failed: &Failed) -> bool {
    topology.store(store).is_some_and(|(_, facts)| {
        facts
            .nodes
            .iter()
            .position(|n| n.holds_data())
            .is_some_and(|first| failed.node_down(store, first))
    })
}

/// The back end's state and the rules it rests on.
pub(super) fn outcome(
    topology: &Topology,
    store: usize,
    failed: &Failed,
) -> (BackEndState, Vec<&'static str>) {
    let Some((document, facts)) = topology.store(store) else {
        return (BackEndState::NotApplicable, Vec::new());
    };
    let down = |role: NodeRole| {
        facts
            .nodes
            .iter()
            .position(|n| n.role == role)
            .map(|i| failed.node_down(store, i))
    };
    let up_nodes: Vec<bool> = (0..facts.nodes.len())
        .map(|i| !failed.node_down(store, i))
        .collect();
    match &document.ha {
        Ha::None { .. } => match down(NodeRole::Server) {
            Some(true) => (BackEndState::Unavailable, vec!["BE-001"]),
            _ => (BackEndState::Available, Vec::new()),
        },
        Ha::Mirroring { .. } => {
            let principal = down(NodeRole::Principal) == Some(false);
            let mirror = down(NodeRole::Mirror) == Some(false);
            match down(NodeRole::Witness) {
                // With a witness, two of the three must be up (BE-032).
                Some(witness_down) => {
                    let witness = !witness_down;
                    match (principal, mirror, witness) {
                        (true, true, _) | (true, false, true) => {
                            (BackEndState::Available, Vec::new())
                        }
                        (false, true, true) => {
                            (BackEndState::AutomaticFailover, vec!["BE-032", "RTO-001"])
                        }
                        // One partner and the witness lost: unavailable even with the principal up.
                        (_, _, false) | (false, false, true) => {
                            (BackEndState::Unavailable, vec!["BE-032"])
                        }
                    }
                }
                // Without a witness, failover to the mirror is manual (WIT-001, OPS-005).
                None => match (principal, mirror) {
                    (true, _) => (BackEndState::Available, Vec::new()),
                    (false, true) => (
                        BackEndState::ManualFailoverNeeded,
                        vec!["WIT-001", "OPS-005"],
                    ),
                    (false, false) => (BackEndState::Unavailable, vec!["BE-032"]),
                },
            }
        }
        Ha::AlwaysOnAg { quorum_witness, .. } => {
            if !cluster_quorum(&up_nodes, *quorum_witness) {
                return (BackEndState::Unavailable, vec!["BE-020"]);
            }
            // The first replica is the primary.
            if up_nodes.first() == Some(&true) {
                return (BackEndState::Available, Vec::new());
            }
            let automatic = facts.nodes.iter().zip(&up_nodes).skip(1).any(|(n, up)| {
                *up && n.role
                    == NodeRole::Replica {
                        commit: Commit::Synchronous,
                        failover: FailoverMode::Automatic,
                    }
            });
            if automatic {
                (BackEndState::AutomaticFailover, vec!["BE-015"])
            } else if up_nodes.iter().any(|up| *up) {
                (BackEndState::ManualFailoverNeeded, vec!["BE-015"])
            } else {
                (BackEndState::Unavailable, vec!["BE-015"])
            }
        }
        Ha::AlwaysOnFci(cluster) | Ha::FailoverCluster(cluster) => {
            if !cluster_quorum(&up_nodes, cluster.quorum_witness) {
                return (BackEndState::Unavailable, vec!["BE-022"]);
            }
            // The first node is the active one; the instance moves to a surviving node.
            match (up_nodes.first(), up_nodes.iter().any(|up| *up)) {
                (Some(true), _) => (BackEndState::Available, Vec::new()),
                (_, true) => (BackEndState::AutomaticFailover, vec!["BE-022"]),
                (_, false) => (BackEndState::Unavailable, vec!["BE-022"]),
            }
        }
    }
}

/// Windows Server Failover Cluster quorum: more than half of the votes, the quorum witness
/// (assumed up when one is configured or not stated) counting as one.
fn cluster_quorum(up_nodes: &[bool], witness: Option<QuorumWitness>) -> bool {
    let witness = usize::from(witness != Some(QuorumWitness::None));
    let votes = up_nodes.iter().filter(|up| **up).count() + witness;
    votes * 2 > up_nodes.len() + witness
}

/// Whether the store's mode is mirroring (its manual failover has its own cmdlet).
pub(super) fn is_mirroring(topology: &Topology, store: usize) -> bool {
    topology
        .store(store)
        .is_some_and(|(_, facts)| facts.mode == HaMode::Mirroring)
}
