//! Step 3 of a scenario: the way back for one pool, once its state and its partner's are
//! known, with the cmdlets as an administrator runs them.

use serde::Serialize;

use super::back_end::{self, BackEndState};
use super::front_end::Restart;
use super::pool::{PoolOutcome, State};
use crate::document::{Ha, Pool};
use crate::matrix::recovery::{self, MIRROR_FAILOVER};
use crate::tokens::{CmsRole, PoolKind};
use crate::topology::Topology;

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
    /// Check the routing groups with `Get-CsPoolFabricState` and bring the failed Front End
    /// Servers back; no reset while the pool runs.
    CheckFabricState,
    /// `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`: the pool must start below
    /// the start-up table while pool-level quorum holds.
    QuorumLossRecovery,
    /// An administrator fails the pool over to its paired pool.
    PoolFailover,
    /// No documented failover: restore the failed servers (or the backing pool).
    Restore,
    /// Persistent Chat: make idle servers active (`Set-CsPersistentChatActiveServer`).
    ActivateIdleServers,
    /// Persistent Chat: fail over to the log-shipping backup database (PCHAT-003).
    PersistentChatFailover,
    /// A lost file store: restore the share and the conference content the Backup Service
    /// copied to the paired pool (FILE-007).
    RestoreConferenceContent,
    /// Move what an Edge pool carried to another Edge pool or next hop: remote access fails
    /// over by itself; the federation and XMPP routes, the next hop and the conferencing
    /// association move by hand.
    EdgeFailover,
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
    /// The pairing rules a `pool_failover` to this target breaks: the failover is unsupported.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unsupported_by: Vec<&'static str>,
}

impl Recovery {
    pub(super) fn action(action: RecoveryAction) -> Self {
        Recovery {
            action,
            target: None,
            cms_failover_first: false,
            rto: None,
            rpo: None,
            steps: Vec::new(),
            users_without_recovery: Vec::new(),
            unsupported_by: Vec::new(),
        }
    }
}

/// Fills in the way back of the pool at `index`. `partner_state` is the state of its paired
/// pool in the same scenario.
pub(super) fn fill(
    topology: &Topology,
    index: usize,
    partner_state: Option<State>,
    outcome: &mut PoolOutcome,
) {
    let Some(pool) = topology.pool(index) else {
        return;
    };
    // Persistent Chat pools and lost file stores have their way back already.
    if pool.kind == PoolKind::PersistentChat
        || outcome.recovery.action == RecoveryAction::RestoreConferenceContent
    {
        return;
    }
    let branches: Vec<String> = topology
        .pool_facts(index)
        .map(|f| {
            f.branches
                .iter()
                .filter_map(|&b| topology.pool(b))
                .map(|b| b.fqdn.to_string())
                .collect()
        })
        .unwrap_or_default();
    let mirrored = topology
        .back_end(index)
        .is_some_and(|(store, _, _)| back_end::is_mirroring(topology, store));
    let restart = outcome.front_end.as_ref().map(|f| f.restart);
    let mut recovery = match (outcome.state, outcome.back_end) {
        (State::Up, BackEndState::AutomaticFailover) => {
            let mut recovery = Recovery::action(RecoveryAction::Automatic);
            if mirrored {
                recovery.rto = Some(MIRROR_FAILOVER.rto);
                recovery.rpo = Some(MIRROR_FAILOVER.rpo);
            }
            recovery
        }
        (State::Up, _) => Recovery::action(RecoveryAction::None),
        (State::Degraded, BackEndState::ManualFailoverNeeded) => {
            manual_back_end_failover(pool, mirrored, outcome)
        }
        (State::Degraded, BackEndState::Available | BackEndState::AutomaticFailover) => {
            let mut recovery = Recovery::action(RecoveryAction::CheckFabricState);
            recovery
                .steps
                .push(format!("Get-CsPoolFabricState -PoolFqdn {}", pool.fqdn));
            outcome.notes.push(
                "bring the failed Front End Servers back; reset the routing groups only if the pool must restart without them".to_owned(),
            );
            recovery
        }
        // An even-numbered pool down below the start-up table while pool-level quorum holds
        // (FE-007): the case the documentation gives `QuorumLossRecovery` for.
        (State::Down, state)
            if restart == Some(Restart::QuorumLossRecovery)
                && state != BackEndState::Unavailable
                && !outcome.front_end_stopped() =>
        {
            let mut recovery = Recovery::action(RecoveryAction::QuorumLossRecovery);
            recovery
                .steps
                .push(format!("Get-CsPoolFabricState -PoolFqdn {}", pool.fqdn));
            recovery.steps.push(format!(
                "Reset-CsPoolRegistrarState -PoolFqdn {} -ResetType QuorumLossRecovery",
                pool.fqdn
            ));
            outcome.notes.push(
                "`QuorumLossRecovery` restarts the pool below the start-up table and can lose data not yet written: bring failed servers back first if you can".to_owned(),
            );
            recovery
        }
        (State::Down, _) if pool.kind == PoolKind::Director => director_lost(pool, outcome),
        (State::Down, _) if pool.kind == PoolKind::Mediation => mediation_lost(pool, outcome),
        _ => pool_failover(topology, index, pool, partner_state, outcome),
    };
    if outcome.state != State::Up && !branches.is_empty() {
        recovery.users_without_recovery = branches;
        outcome.rule("PAIR-019");
    }
    outcome.recovery = recovery;
}

/// A Director pool is lost: it homes no users and has no pairing; clients reach a Registrar
/// through the other DNS SRV records.
fn director_lost(pool: &Pool, outcome: &mut PoolOutcome) -> Recovery {
    outcome.rule("DIR-006");
    outcome.rule("DIR-002");
    outcome.notes.push(
        "Directors home no users: users keep their Front End pools, and clients that discover this Director through DNS SRV move on to the next SRV record (a Director or Front End pool of another central site) where one is published".to_owned(),
    );
    // The Edge pools that use it as next hop are moved first (edge::before_failover).
    let mut recovery = Recovery::action(RecoveryAction::Restore);
    recovery
        .steps
        .push(format!("restore the Directors of {}", pool.fqdn));
    recovery
}

/// A Mediation pool is lost: the trunks of its gateways carry no call; the sites' PSTN calls
/// are in the scenario's `pstn`.
fn mediation_lost(pool: &Pool, outcome: &mut PoolOutcome) -> Recovery {
    outcome.rule("VOICE-006");
    outcome.notes.push(
        "the trunks to this Mediation pool carry no call: the PSTN calls of their sites take the failover route where one is configured (see `pstn`)".to_owned(),
    );
    let mut recovery = Recovery::action(RecoveryAction::Restore);
    recovery.steps.push(format!(
        "restore the Mediation Servers of {}, or in Topology Builder associate its trunks with a Mediation pool that is up and publish the topology",
        pool.fqdn
    ));
    recovery
}

/// A mirrored back end without a witness, or an availability group without an automatic
/// partner: an administrator fails it over (OPS-005). The Central Management database moves
/// with the user databases when the pool hosts the active store.
fn manual_back_end_failover(pool: &Pool, mirrored: bool, outcome: &mut PoolOutcome) -> Recovery {
    let mut recovery = Recovery::action(RecoveryAction::ManualBackEndFailover);
    if mirrored {
        recovery.steps.push(format!(
            "Invoke-CsDatabaseFailover -PoolFqdn {} -DatabaseType User -NewPrincipal mirror",
            pool.fqdn
        ));
        if pool.cms == Some(CmsRole::Active) {
            outcome.rule("CMS-003");
            recovery.steps.push(format!(
                "Invoke-CsDatabaseFailover -PoolFqdn {} -DatabaseType CentralMgmt -NewPrincipal mirror",
                pool.fqdn
            ));
        }
    } else {
        recovery.steps.push(
            "fail the availability group over to a surviving replica in SQL Server".to_owned(),
        );
    }
    recovery
}

/// The pool is lost: fail it over to its paired pool (OPS-001), the Central Management store
/// first when it hosts the active one (CMS-003); without a partner that can take over, restore.
fn pool_failover(
    topology: &Topology,
    index: usize,
    pool: &Pool,
    partner_state: Option<State>,
    outcome: &mut PoolOutcome,
) -> Recovery {
    let partner = topology
        .pool_facts(index)
        .and_then(|f| f.backup)
        .filter(|&p| p != index && partner_state != Some(State::Down))
        .and_then(|p| Some(p).zip(topology.pool(p)))
        .filter(|(_, p)| p.kind == PoolKind::FrontEnd && pool.kind == PoolKind::FrontEnd);
    let Some((partner_index, partner)) = partner else {
        outcome.rule("PAIR-018");
        outcome
            .notes
            .push("no paired pool can take over: restore the failed servers".to_owned());
        return Recovery::action(RecoveryAction::Restore);
    };
    let target = recovery::pool_failover(pool.product);
    let mut recovery = Recovery::action(RecoveryAction::PoolFailover);
    recovery.target = Some(partner.fqdn.to_string());
    recovery.rto = Some(target.rto);
    recovery.rpo = Some(target.rpo);
    outcome.rule("OPS-001");
    outcome.rule(target.rule);
    if partner.product != pool.product {
        recovery.unsupported_by.push("PAIR-007");
        outcome.notes.push(format!(
            "failing over to {} is unsupported: the paired pools run different products (PAIR-007)",
            partner.fqdn
        ));
    }
    if partner.edition != pool.edition {
        recovery.unsupported_by.push("PAIR-001");
        outcome.notes.push(format!(
            "failing over to {} is unsupported: an Enterprise pool and a Standard Edition server cannot be paired (PAIR-001)",
            partner.fqdn
        ));
    }
    for rule in recovery.unsupported_by.clone() {
        outcome.rule(rule);
    }
    if pool.cms == Some(CmsRole::Active) {
        recovery.cms_failover_first = true;
        outcome.rule("CMS-003");
        recovery
            .steps
            .push(management_server_failover(topology, partner_index, partner));
        recovery.steps.push(
            "Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus".to_owned(),
        );
        recovery
            .steps
            .push("Get-CsManagementStoreReplicationStatus".to_owned());
    }
    recovery.steps.push(format!(
        "Invoke-CsPoolFailover -PoolFqdn {} -DisasterMode",
        pool.fqdn
    ));
    recovery
}

/// `Invoke-CsManagementServerFailover` in disaster mode onto the partner's back end: its SQL
/// server and instance, and its mirror when it has one.
fn management_server_failover(topology: &Topology, partner_index: usize, partner: &Pool) -> String {
    let mut command = "Invoke-CsManagementServerFailover".to_owned();
    let mut add = |parameter: &str, value: &str| {
        command.push_str(&format!(" -{parameter} {value}"));
    };
    let mut sql = |server: &str, instance: Option<&str>, prefix: &str| {
        add(&format!("{prefix}SqlServerFqdn"), server);
        if let Some(instance) = instance.filter(|i| !i.is_empty()) {
            add(&format!("{prefix}SqlInstanceName"), instance);
        }
    };
    match topology
        .back_end(partner_index)
        .map(|(_, store, _)| &store.ha)
    {
        Some(Ha::None { server }) => sql(&server.fqdn, server.instance.as_deref(), "Backup"),
        Some(Ha::Mirroring {
            principal, mirror, ..
        }) => {
            sql(&principal.fqdn, principal.instance.as_deref(), "Backup");
            sql(&mirror.fqdn, mirror.instance.as_deref(), "BackupMirror");
        }
        Some(Ha::AlwaysOnAg {
            listener, replicas, ..
        }) => {
            let instance = replicas.first().and_then(|r| r.instance.as_deref());
            sql(listener, instance, "Backup");
        }
        Some(Ha::AlwaysOnFci(cluster) | Ha::FailoverCluster(cluster)) => {
            sql(&cluster.virtual_name, Some(&cluster.instance), "Backup");
        }
        // A Standard Edition server keeps its databases in its own SQL Server Express
        // instance, `rtc`.
        None if !partner.is_enterprise_front_end() => {
            let server = partner.servers.first().map_or(&*partner.fqdn, |s| &*s.fqdn);
            sql(server, Some("rtc"), "Backup");
        }
        None => sql("<backup pool's Back End Server>", None, "Backup"),
    }
    command.push_str(" -Force");
    command
}
