//! Step 2 of a scenario: one pool's state from its own servers and back end.

use serde::Serialize;

use super::back_end::{self, BackEndState};
use super::failures::Failed;
use super::front_end::{FrontEnd, Restart, RoutingGroups};
use super::recovery::{Recovery, RecoveryAction};
use super::{chat, file_store};
use crate::matrix::recovery::RESILIENCY_AFTER;
use crate::tokens::PoolKind;
use crate::topology::Topology;

/// Whether a pool serves its users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Serving normally, possibly after an automatic back-end failover.
    Up,
    /// Functional, but users are in resiliency mode (back end unavailable), routing groups may
    /// have lost quorum, or a branch appliance's backing pool is down.
    Degraded,
    /// Not serving: pool-level quorum lost, every server down, its site lost, or an
    /// even-numbered pool below the start-up table with its primary database down.
    Down,
}

/// One pool in one scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolOutcome {
    /// Pool FQDN.
    pub pool: String,
    /// `up`, `degraded` or `down`.
    pub state: State,
    /// Enterprise Front End pools only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub front_end: Option<FrontEnd>,
    /// The back end's outcome.
    pub back_end: BackEndState,
    /// The way back.
    pub recovery: Recovery,
    /// The catalog rules the statements rest on.
    pub rules: Vec<&'static str>,
    /// Plain-language explanation.
    pub notes: Vec<String>,
}

impl PoolOutcome {
    /// Adds a rule once.
    pub(super) fn rule(&mut self, rule: &'static str) {
        if !self.rules.contains(&rule) {
            self.rules.push(rule);
        }
    }

    /// Whether the Front End Servers alone took the pool down (pool-level quorum).
    pub(super) fn front_end_stopped(&self) -> bool {
        self.front_end
            .as_ref()
            .is_some_and(|f| f.routing_groups == RoutingGroups::Stopped && f.running > 0)
    }
}

/// The pool's state from its own servers and back end; the recovery comes later, once the
/// partner's state is known.
pub(super) fn outcome(
    topology: &Topology,
    index: usize,
    failed: &Failed,
    file_store_down: Option<usize>,
) -> Option<PoolOutcome> {
    let pool = topology.pool(index)?;
    let running: Vec<bool> = (0..pool.servers.len())
        .map(|k| !failed.server_down(index, k))
        .collect();
    let total = running.len();
    let up = running.iter().filter(|r| **r).count();
    let mut outcome = PoolOutcome {
        pool: pool.fqdn.to_string(),
        state: State::Up,
        front_end: None,
        back_end: BackEndState::NotApplicable,
        recovery: Recovery::action(RecoveryAction::None),
        rules: Vec::new(),
        notes: Vec::new(),
    };
    let front_end = pool
        .is_enterprise_front_end()
        .then(|| FrontEnd::new(pool, &running));
    if front_end.is_some() {
        outcome.rules.extend(["FE-006", "FE-005"]);
    }
    let mut primary_down = false;
    if let Some((store, _, _)) = topology.back_end(index) {
        let (state, rules) = back_end::outcome(topology, store, failed);
        outcome.back_end = state;
        for rule in rules {
            outcome.rule(rule);
        }
        primary_down = back_end::primary_down(topology, store, failed);
    }
    let even_pool_down = front_end.as_ref().is_some_and(|f| {
        f.total.is_multiple_of(2) && primary_down && f.restart == Restart::QuorumLossRecovery
    });
    if failed.pool_lost(index) || up == 0 {
        outcome.state = State::Down;
        outcome
            .notes
            .push(format!("{up} of {total} servers running: the pool is down"));
    } else if let Some(f) = front_end.as_ref().filter(|f| f.functional() == Some(false)) {
        outcome.state = State::Down;
        outcome.notes.push(format!(
            "{up} of {total} Front End Servers running, below the pool-level quorum ({}): the remaining servers stop every service",
            f.pool_level()
        ));
    } else if let Some(f) = front_end.as_ref().filter(|_| even_pool_down) {
        outcome.state = State::Down;
        outcome.rule("FE-007");
        outcome.notes.push(format!(
            "an even-numbered pool uses its primary back-end database as witness: with it down and {up} of {total} Front End Servers running, below the start-up table ({}), the entire pool goes down",
            f.start_up()
        ));
    } else if matches!(
        outcome.back_end,
        BackEndState::Unavailable | BackEndState::ManualFailoverNeeded
    ) && pool.kind != PoolKind::PersistentChat
    {
        outcome.state = State::Degraded;
        outcome.rule("OPS-005");
        outcome.notes.push(format!(
            "the back end is unavailable: users keep working for {RESILIENCY_AFTER} and then enter resiliency mode"
        ));
    } else if front_end
        .as_ref()
        .is_some_and(|f| f.routing_groups == RoutingGroups::MayHaveLostQuorum)
    {
        outcome.state = State::Degraded;
        outcome.notes.push(format!(
            "{} of {total} Front End Servers down at once: routing groups with two of their three replicas on them may have lost quorum; check with `Get-CsPoolFabricState` before any reset",
            total - up
        ));
    }
    if let Some(f) = &front_end {
        front_end_notes(f, primary_down, &mut outcome);
    }
    outcome.front_end = front_end;
    if pool.kind == PoolKind::PersistentChat {
        chat::outcome(topology, index, failed, &mut outcome);
    }
    if let Some(file_store) = file_store_down {
        file_store::lost(topology, index, file_store, &mut outcome);
    }
    Some(outcome)
}

/// What the Front End Servers mean beyond the state: one failure in a pool of three or more,
/// what a restart would need, and the sizes the tables leave open.
fn front_end_notes(f: &FrontEnd, primary_down: bool, outcome: &mut PoolOutcome) {
    let down = f.total - f.running;
    if outcome.state == State::Down && f.running == 0 {
        return;
    }
    if down == 1 && f.total >= 3 {
        outcome.notes.push(
            "1 Front End Server down: every routing group keeps at least two of its three replicas"
                .to_owned(),
        );
    }
    if down == 1 && f.total == 2 {
        outcome.rule("FE-017");
        outcome
            .notes
            .push("1 of the 2 Front End Servers down: bring it back as soon as you can".to_owned());
    }
    match f.restart {
        Restart::QuorumLossRecovery if outcome.state != State::Down => {
            outcome.notes.push(format!(
                "if the pool restarts before the failed servers return, {} must start (start-up table): with {} it needs `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`, which can lose data not yet written",
                f.start_up(),
                f.running
            ));
        }
        Restart::Undocumented if down > 0 => {
            outcome.notes.push(format!(
                "the start-up table has no row for a pool of {} servers: whether it restarts with {} running is not documented",
                f.total, f.running
            ));
            if f.total.is_multiple_of(2) && primary_down {
                outcome.rule("FE-007");
                outcome.notes.push(
                    "with its primary back-end database down, this even-numbered pool goes down if fewer servers run than the (undocumented) start-up threshold"
                        .to_owned(),
                );
            }
        }
        _ => {}
    }
    if f.functional() != Some(false) && matches!(f.functional_needed, super::Threshold::Status(_)) {
        outcome
            .notes
            .push("the pool-level quorum of a pool this size is not documented".to_owned());
    }
}
