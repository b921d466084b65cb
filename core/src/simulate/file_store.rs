//! A lost file store: the conference content it holds, and what the Backup Service restores
//! from the paired pool (`Skype/SfbServer/manage/ha-dr-and-backup-service/configuring-and-monitoring-the-backup-service.md`
//! § Restore conference contents using the Backup Service).

use super::pool::{PoolOutcome, State};
use super::recovery::{Recovery, RecoveryAction};
use crate::tokens::{FileStoreHa, PoolKind};
use crate::topology::Topology;

/// What the loss of its file store `file_store` means for the pool at `index`, whose state
/// from its servers and back end is already in `out`.
pub(super) fn lost(topology: &Topology, index: usize, file_store: usize, out: &mut PoolOutcome) {
    let Some(pool) = topology.pool(index) else {
        return;
    };
    let Some(store) = topology.document().file_stores.get(file_store) else {
        return;
    };
    out.rule("FILE-007");
    if store.ha == Some(FileStoreHa::Dfs) {
        out.rule("FILE-002");
    }
    let partner = topology
        .pool_facts(index)
        .and_then(|f| f.backup)
        .filter(|&p| p != index)
        .and_then(|p| topology.pool(p))
        .filter(|p| p.kind == PoolKind::FrontEnd && pool.kind == PoolKind::FrontEnd);
    let sync = partner.map(|partner| {
        [
            format!(
                "Invoke-CsBackupServiceSync -PoolFqdn {} -BackupModule ConfServices.DataConf",
                partner.fqdn
            ),
            format!(
                "Get-CsBackupServiceStatus -PoolFqdn {} -BackupModule ConfServices.DataConf",
                partner.fqdn
            ),
        ]
    });
    if out.state != State::Up {
        out.notes.push(format!(
            "its file store `{}` is lost too: once the pool is back, restore its conference content{}",
            store.id,
            partner.map_or(String::new(), |p| format!(
                " from {} with `Invoke-CsBackupServiceSync -PoolFqdn {} -BackupModule ConfServices.DataConf`",
                p.fqdn, p.fqdn
            ))
        ));
        return;
    }
    out.state = State::Degraded;
    out.notes.push(format!(
        "the file store `{}` ({}) is lost: meeting content (uploaded presentations, handouts, attachments) is unavailable until it is restored; conferences themselves go on",
        store.id, store.fqdn
    ));
    let mut recovery = Recovery::action(RecoveryAction::RestoreConferenceContent);
    recovery.steps.push(format!(
        "restore the file share of `{}` on {}",
        store.id, store.fqdn
    ));
    match (partner, sync) {
        (Some(partner), Some(sync)) => {
            out.rule("RTO-005");
            recovery.target = Some(partner.fqdn.to_string());
            recovery.steps.extend(sync);
            out.notes.push(format!(
                "the Backup Service restores the conference content it copied to {}; run the status cmdlet until the data conferencing module reports the steady state. Content uploaded after its last synchronization (every 2 minutes by default) is lost",
                partner.fqdn
            ));
        }
        _ => {
            out.rule("PAIR-018");
            out.notes.push(
                "the pool is not paired: the Backup Service holds no copy, and content written since the share's last backup is lost".to_owned(),
            );
        }
    }
    out.recovery = recovery;
}
