//! Persistent Chat pools: active and idle servers, the mirrored database, and the manual
//! log-shipping failover to the backup database in the other data center (PCHAT-003), as
//! `Skype/SfbServer/manage/persistent-chat/high-availability-and-disaster-recovery.md` gives it.

use super::back_end::BackEndState;
use super::failures::Failed;
use super::pool::{PoolOutcome, State};
use super::recovery::{Recovery, RecoveryAction};
use crate::document::{Ha, Pool};
use crate::matrix::limits::persistent_chat::MAX_ACTIVE_SERVERS;
use crate::topology::{PoolFacts, Topology};

/// Sets the state and the way back of the Persistent Chat pool at `index`, from its servers
/// and databases.
pub(super) fn outcome(topology: &Topology, index: usize, failed: &Failed, out: &mut PoolOutcome) {
    let (Some(pool), Some(facts)) = (topology.pool(index), topology.pool_facts(index)) else {
        return;
    };
    let active: Vec<usize> = match &facts.chat.active {
        Some(active) => active.clone(),
        None => (0..pool.servers.len()).collect(),
    };
    let up = |k: usize| !failed.server_down(index, k);
    let idle_up: Vec<usize> = (0..pool.servers.len())
        .filter(|k| !active.contains(k) && up(*k))
        .collect();
    let active_up = active.iter().filter(|&&k| up(k)).count();
    match out.back_end {
        BackEndState::Unavailable => database_lost(topology, pool, facts, failed, index, out),
        BackEndState::ManualFailoverNeeded => {
            out.state = State::Down;
            let mut recovery = Recovery::action(RecoveryAction::ManualBackEndFailover);
            recovery.steps.push(format!(
                "Invoke-CsDatabaseFailover -PoolFqdn {} -DatabaseType PersistentChat -NewPrincipal mirror",
                pool.fqdn
            ));
            if facts.chat.compliance_store.is_some()
                && facts.chat.compliance_store == facts.back_end
            {
                recovery.steps.push(format!(
                    "Invoke-CsDatabaseFailover -PoolFqdn {} -DatabaseType PersistentChatCompliance -NewPrincipal mirror",
                    pool.fqdn
                ));
            }
            out.notes.push(
                "the Persistent Chat database's principal is down and its mirror has no witness: chat is unavailable until an administrator fails the database over to the mirror".to_owned(),
            );
            out.recovery = recovery;
        }
        _ if out.state == State::Down => {
            out.recovery = Recovery::action(RecoveryAction::Restore);
            out.notes
                .push("no Persistent Chat server runs: restore the failed servers".to_owned());
        }
        _ if active_up == 0 && !idle_up.is_empty() => {
            out.state = State::Down;
            let mut recovery = Recovery::action(RecoveryAction::ActivateIdleServers);
            recovery
                .steps
                .push(activate(pool, &idle_up, MAX_ACTIVE_SERVERS));
            out.notes.push(
                "every active Persistent Chat server is down: idle servers take no users until they are made active".to_owned(),
            );
            out.recovery = recovery;
        }
        back_end => {
            let down: Vec<&str> = active
                .iter()
                .filter(|&&k| !up(k))
                .filter_map(|&k| pool.servers.get(k).map(|s| s.fqdn.as_str()))
                .collect();
            if !down.is_empty() {
                out.notes.push(format!(
                    "users connected to {} lose their Persistent Chat session and are moved to the {active_up} remaining active servers",
                    down.join(", ")
                ));
            } else if pool.servers.len() > idle_up.len() + active.len() {
                out.notes.push(
                    "only idle Persistent Chat servers are down: users are not affected".to_owned(),
                );
            }
            out.recovery = Recovery::action(if back_end == BackEndState::AutomaticFailover {
                RecoveryAction::Automatic
            } else {
                RecoveryAction::None
            });
        }
    }
    out.rule("PCHAT-004");
}

/// The Persistent Chat database and its mirror are lost: fail over to the log-shipping backup
/// database when it survives, else restore.
fn database_lost(
    topology: &Topology,
    pool: &Pool,
    facts: &PoolFacts,
    failed: &Failed,
    index: usize,
    out: &mut PoolOutcome,
) {
    out.state = State::Down;
    out.rule("PCHAT-003");
    let backup = facts.chat.backup_store.and_then(|b| {
        let (store, store_facts) = topology.store(b)?;
        let first = store_facts.nodes.iter().position(|n| n.holds_data())?;
        (!failed.node_down(b, first)).then_some((store, store_facts.nodes.get(first)?))
    });
    let Some((store, primary)) = backup else {
        out.notes.push(match facts.chat.backup_store {
            None => "the Persistent Chat database is lost and the pool has no log-shipping backup database (`backup_store`): chat stays down until the database is restored".to_owned(),
            Some(_) => "the Persistent Chat database and its log-shipping backup are both lost: chat stays down until a database is restored".to_owned(),
        });
        out.recovery = Recovery::action(RecoveryAction::Restore);
        return;
    };
    let instance = instance_name(&primary.fqdn, &primary.instance);
    let mut recovery = Recovery::action(RecoveryAction::PersistentChatFailover);
    recovery.target = Some(store.id.to_string());
    recovery.steps.extend([
        format!("on {instance}: exec sp_delete_log_shipping_secondary_database mgc"),
        "copy the log backups not yet copied from the log-shipping share to the backup server's copy destination folder".to_owned(),
        "apply the transaction log backups not yet applied to mgc, in sequence".to_owned(),
        format!("on {instance}: end the connections to mgc (sp_who2, kill), then restore database mgc with recovery"),
        format!(
            "Set-CsPersistentChatState -Identity \"service:{}\" -PoolState FailedOver",
            pool.fqdn
        ),
    ]);
    if let Ha::Mirroring { mirror, .. } = &store.ha {
        recovery.steps.push(format!(
            "Install-CsMirrorDatabase: mirror the backup database onto {}, the backup's own mirror",
            instance_name(&mirror.fqdn, &mirror.instance.clone().unwrap_or_default())
        ));
    }
    // The servers to make active: those running in the backup database's data center.
    let backup_dc = primary.data_center.as_deref();
    let near: Vec<usize> = facts
        .server_data_centers
        .iter()
        .enumerate()
        .filter(|(k, dc)| !failed.server_down(index, *k) && Some(&***dc) == backup_dc)
        .map(|(k, _)| k)
        .collect();
    if near.is_empty() {
        out.notes.push(
            "no Persistent Chat server runs in the backup database's data center: restore or add servers there before making them active".to_owned(),
        );
    } else {
        recovery
            .steps
            .push(activate(pool, &near, MAX_ACTIVE_SERVERS));
    }
    out.notes.push(
        "chat messages written after the last transaction log backup that reached the backup database are lost".to_owned(),
    );
    if facts.chat.compliance_store.is_some() || pool.compliance == Some(true) {
        out.notes.push(
            "the compliance database (mgccomp) is not failed over: its content is transient, and the compliance adapter's output must be managed to avoid losing it".to_owned(),
        );
    }
    if matches!(
        topology.back_end(index).map(|(_, s, _)| &s.ha),
        Some(Ha::Mirroring { .. })
    ) {
        out.rule("PCHAT-007");
    }
    out.notes.push(format!(
        "fail back once the primary data center is rebuilt: restore mgc there from a full backup of the backup database, set up log shipping again, then Set-CsPersistentChatState -Identity \"service:{}\" -PoolState Normal",
        pool.fqdn
    ));
    out.recovery = recovery;
}

/// `host\instance`, or the host alone for a default instance.
fn instance_name(host: &str, instance: &str) -> String {
    if instance.is_empty() {
        host.to_owned()
    } else {
        format!("{host}\\{instance}")
    }
}

/// `Set-CsPersistentChatActiveServer` adding up to `limit` of these servers.
fn activate(pool: &Pool, servers: &[usize], limit: usize) -> String {
    let names: Vec<String> = servers
        .iter()
        .take(limit)
        .filter_map(|&k| pool.servers.get(k))
        .map(|s| format!("\"{}\"", s.fqdn))
        .collect();
    format!(
        "Set-CsPersistentChatActiveServer -Identity <the server collection of {} (Get-CsService -PersistentChatServer)> -ActiveServers @{{Add={}}}",
        pool.fqdn,
        names.join(",")
    )
}
