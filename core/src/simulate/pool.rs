//! One pool's outcome in a scenario: state, Front End quorum, back end and recovery.

use serde::Serialize;

use super::back_end::{self, BackEndState};
use super::failures::Failures;
use crate::document::Pool;
use crate::matrix::quorum::{self, Needed, Quorum};
use crate::matrix::recovery::{self, MIRROR_FAILOVER};
use crate::tokens::{CmsRole, PoolKind};
use crate::topology::Topology;

/// Whether a pool serves its users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Serving normally, possibly after an automatic back-end failover.
    Up,
    /// Functional, but users are in resiliency mode (back end unavailable) or routing-group
    /// quorum is lost.
    Degraded,
    /// Not serving: pool-level quorum lost, every server down, or its site lost.
    Down,
}

/// A quorum threshold: conditions, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Threshold {
    /// What must be running: every condition must hold.
    Needs(Vec<Needed>),
    /// `undocumented` or `not_supported`.
    Status(&'static str),
}

impl From<Quorum> for Threshold {
    fn from(quorum: Quorum) -> Self {
        match quorum {
            Quorum::Needs { needed } => Threshold::Needs(needed),
            Quorum::NotSupported => Threshold::Status("not_supported"),
            Quorum::Undocumented => Threshold::Status("undocumented"),
        }
    }
}

impl Threshold {
    /// Whether the running servers meet it; `None` without a documented threshold.
    fn met_by(&self, running: &[bool]) -> Option<bool> {
        match self {
            Threshold::Needs(needed) => Some(needed.iter().all(|n| n.met_by(running))),
            Threshold::Status(_) => None,
        }
    }
}

/// The Front End Servers of an Enterprise pool against the quorum tables (FE-005, FE-006).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrontEnd {
    /// Servers running.
    pub running: usize,
    /// Servers in the pool.
    pub total: usize,
    /// Pool-level quorum: below it the pool stops.
    pub functional_needed: Threshold,
    /// Start-up (routing-group) quorum.
    pub first_start_needed: Threshold,
}

/// The way back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecoveryAction {
    /// Nothing to do.
    None,
    /// The back end failed over by itself.
    Automatic,
    /// An administrator fails the back end over to its partner.
    ManualBackEndFailover,
    /// `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`.
    QuorumLossRecovery,
    /// An administrator fails the pool over to its paired pool.
    PoolFailover,
    /// No documented failover: restore the failed servers (or the backing pool).
    Restore,
}

/// How the pool recovers, and what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recovery {
    /// What to do.
    pub action: RecoveryAction,
    /// The pool to fail over to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The failed pool hosts the active Central Management store: fail it over first (CMS-003).
    pub cms_failover_first: bool,
    /// Documented recovery time objective.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rto: Option<&'static str>,
    /// Documented recovery point objective.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rpo: Option<&'static str>,
    /// Cmdlets and steps, in order.
    pub steps: Vec<String>,
    /// Branch appliances (SBA/SBS) whose users have no recovery while this pool is lost.
    pub users_without_recovery: Vec<String>,
}

impl Recovery {
    fn action(action: RecoveryAction) -> Self {
        Recovery {
            action,
            target: None,
            cms_failover_first: false,
            rto: None,
            rpo: None,
            steps: Vec::new(),
            users_without_recovery: Vec::new(),
        }
    }
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

/// Every pool's outcome, in document order.
pub(super) fn outcomes(topology: &Topology, failures: &Failures) -> Vec<PoolOutcome> {
    let mut outcomes: Vec<PoolOutcome> = topology
        .pools()
        .map(|(index, pool, _)| own_outcome(topology, index, pool, failures))
        .collect();
    // Second pass: recovery depends on the partner's state and on the branch appliances.
    let states: Vec<State> = outcomes.iter().map(|o| o.state).collect();
    for (index, pool, facts) in topology.pools() {
        let Some(outcome) = outcomes.get_mut(index) else {
            continue;
        };
        let backing_down = facts.associated.and_then(|a| states.get(a)) == Some(&State::Down);
        if matches!(pool.kind, PoolKind::Sba | PoolKind::Sbs)
            && backing_down
            && outcome.state == State::Up
        {
            outcome.state = State::Degraded;
            outcome.rules.push("PAIR-019");
            outcome.notes.push(
                "its backing pool is down: users homed here are in resiliency mode and have no disaster recovery".to_owned(),
            );
            outcome.recovery = Recovery::action(RecoveryAction::Restore);
            outcome
                .recovery
                .users_without_recovery
                .push(pool.fqdn.to_string());
            continue;
        }
        recovery(topology, index, pool, &states, outcome);
    }
    for outcome in &mut outcomes {
        let mut seen = Vec::new();
        outcome.rules.retain(|rule| {
            let first = !seen.contains(rule);
            seen.push(rule);
            first
        });
    }
    outcomes
}

/// The pool's state from its own servers and back end.
fn own_outcome(topology: &Topology, index: usize, pool: &Pool, failures: &Failures) -> PoolOutcome {
    let running: Vec<bool> = (0..pool.servers.len())
        .map(|k| !failures.server_down(topology, index, k))
        .collect();
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
    let (functional, first_start) = if pool.is_enterprise_front_end() {
        let functional = Threshold::from(quorum::functional(pool.product, running.len()));
        let first_start = Threshold::from(quorum::first_start(pool.product, running.len()));
        outcome.rules.extend(["FE-006", "FE-005"]);
        let result = (functional.met_by(&running), first_start.met_by(&running));
        outcome.front_end = Some(FrontEnd {
            running: up,
            total: running.len(),
            functional_needed: functional,
            first_start_needed: first_start,
        });
        result
    } else {
        (Some(up > 0), Some(true))
    };
    if let Some((store, _, _)) = topology.back_end(index) {
        let (state, rules) = back_end::outcome(topology, store, failures);
        outcome.back_end = state;
        outcome.rules.extend(rules);
    }
    if failures.pool_lost(topology, index) || up == 0 {
        outcome.state = State::Down;
        outcome.notes.push(format!(
            "{} of {} servers running: the pool is down",
            up,
            running.len()
        ));
    } else if functional == Some(false) {
        outcome.state = State::Down;
        outcome.notes.push(format!("{up} of {} Front End Servers running: pool-level quorum is lost and every service stops", running.len()));
    } else if matches!(
        outcome.back_end,
        BackEndState::Unavailable | BackEndState::ManualFailoverNeeded
    ) {
        outcome.state = State::Degraded;
        outcome.rules.push("OPS-005");
        outcome.notes.push(format!(
            "the back end is unavailable: users keep working for {} and then enter resiliency mode",
            recovery::RESILIENCY_AFTER
        ));
    } else if first_start == Some(false) {
        outcome.state = State::Degraded;
        outcome.notes.push(format!(
            "{up} of {} Front End Servers running: routing-group quorum is lost; run `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`",
            running.len()
        ));
    }
    if functional.is_none() && outcome.state == State::Up {
        outcome
            .notes
            .push("the pool-level quorum of a pool this size is not documented".to_owned());
    }
    outcome
}

/// Fills in the way back, now that every pool's state is known.
fn recovery(
    topology: &Topology,
    index: usize,
    pool: &Pool,
    states: &[State],
    outcome: &mut PoolOutcome,
) {
    let facts = topology.pool_facts(index);
    let branches: Vec<String> = facts
        .map(|f| {
            f.branches
                .iter()
                .filter_map(|&b| topology.pool(b))
                .map(|b| b.fqdn.to_string())
                .collect()
        })
        .unwrap_or_default();
    let partner = facts
        .and_then(|f| f.backup)
        .filter(|&p| p != index && states.get(p) != Some(&State::Down))
        .and_then(|p| topology.pool(p))
        .filter(|p| p.kind == PoolKind::FrontEnd && pool.kind == PoolKind::FrontEnd);
    let back_end_lost = outcome.back_end == BackEndState::Unavailable;
    let mut recovery = match (outcome.state, outcome.back_end) {
        (State::Up, BackEndState::AutomaticFailover) => {
            let mut recovery = Recovery::action(RecoveryAction::Automatic);
            if topology
                .back_end(index)
                .is_some_and(|(store, _, _)| back_end::is_mirroring(topology, store))
            {
                recovery.rto = Some(MIRROR_FAILOVER.rto);
                recovery.rpo = Some(MIRROR_FAILOVER.rpo);
            }
            recovery
        }
        (State::Up, _) => Recovery::action(RecoveryAction::None),
        (State::Degraded, BackEndState::ManualFailoverNeeded) => {
            let mut recovery = Recovery::action(RecoveryAction::ManualBackEndFailover);
            let is_mirror = topology
                .back_end(index)
                .is_some_and(|(store, _, _)| back_end::is_mirroring(topology, store));
            recovery.steps.push(if is_mirror {
                format!("Invoke-CsDatabaseFailover -PoolFqdn {} -DatabaseType User -NewPrincipal mirror", pool.fqdn)
            } else {
                "fail the availability group over to a surviving replica in SQL Server".to_owned()
            });
            recovery
        }
        (State::Degraded, _) if !back_end_lost => {
            let mut recovery = Recovery::action(RecoveryAction::QuorumLossRecovery);
            recovery.steps.push(format!(
                "Reset-CsPoolRegistrarState -PoolFqdn {} -ResetType QuorumLossRecovery",
                pool.fqdn
            ));
            recovery
        }
        _ => match partner {
            Some(partner) => {
                let target = recovery::pool_failover(pool.product);
                let mut recovery = Recovery::action(RecoveryAction::PoolFailover);
                recovery.target = Some(partner.fqdn.to_string());
                recovery.rto = Some(target.rto);
                recovery.rpo = Some(target.rpo);
                outcome.rules.extend(["OPS-001", target.rule]);
                if pool.cms == Some(CmsRole::Active) {
                    recovery.cms_failover_first = true;
                    recovery
                        .steps
                        .push("Invoke-CsManagementServerFailover".to_owned());
                    outcome.rules.push("CMS-003");
                }
                recovery.steps.push(format!(
                    "Invoke-CsPoolFailover -PoolFqdn {} -DisasterMode",
                    pool.fqdn
                ));
                recovery
            }
            None => {
                outcome.rules.push("PAIR-018");
                outcome
                    .notes
                    .push("no paired pool can take over: restore the failed servers".to_owned());
                Recovery::action(RecoveryAction::Restore)
            }
        },
    };
    if outcome.state != State::Up && !branches.is_empty() {
        recovery.users_without_recovery = branches;
        outcome.rules.push("PAIR-019");
    }
    outcome.recovery = recovery;
}
