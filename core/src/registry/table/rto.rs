//! RTO: recovery targets.

use super::shared::{
    ALL, BACKUP_SERVICE, DR_CMS_FAILOVER, L13_BACK_END_HA, L13_CMS_FAILOVER, L13_S15,
};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const BACK_END_SERVER_RECOVERY_TIME: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md",
    heading: "Recovery time for automatic Back End Server failover with database mirroring",
};
const DR_RECOVERY_TIME: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md",
    heading: "Recovery time for pool failover and pool failback",
};
const L13_RECOVERY_TIME: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md",
    heading: "",
};
const USER_EXPERIENCE_FAILBACK: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/user-experience.md",
    heading: "User experience during failback",
};
const FAIL_BACK_POOL: Source = Source {
    path: "Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md",
    heading: "Fail back a pool",
};
const FILE_SHARING: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/file-sharing.md",
    heading: "",
};
const L13_FILE_SHARING: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-file-sharing-high-availability.md",
    heading: "",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "RTO-001",
        name: "rto-mirroring-failover",
        title: "Mirroring automatic Back End failover: RTO 5 min, RPO 5 min",
        family: Family::Rto,
        strength: Strength::Informational,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_RECOVERY_TIME, L13_BACK_END_HA],
        evaluation: Evaluation::Guidance(
            "a recovery target, reported by `hadr-rules simulate` for the scenarios it applies to",
        ),
        doc: RuleDoc {
            what: "For an automatic Back End failover with synchronous database mirroring and a witness, the engineering targets are a recovery time objective (RTO) of 5 minutes and a recovery point objective (RPO) of 5 minutes. `hadr-rules simulate` reports them when it fails the principal of a mirrored back end with a witness.",
            why: "Synchronous mirroring means no data loss is expected, except in the rare case where the Front End Servers and the Back End Server go down at the same time while data is moving between them.",
            example: "The principal Back End Server of `pool-dal.contoso.com`, mirrored with a witness, fails; a DR plan needs to know how long the back end is unavailable.",
            fix: "Use 5 minutes for both RTO and RPO of an automatic mirroring failover in planning; deploy a witness if the back end is mirrored without one, so that the failover is automatic.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "RTO-002",
        name: "rto-pool-failover",
        title: "Pool failover and failback: RTO 15-20 min / RPO 5 min (Lync Server 2013: 30 min / 30 min)",
        family: Family::Rto,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_RECOVERY_TIME, L13_RECOVERY_TIME],
        evaluation: Evaluation::Guidance(
            "a recovery target, reported by `hadr-rules simulate` for the scenarios it applies to",
        ),
        doc: RuleDoc {
            what: "For pool failover and pool failback between paired pools, the engineering targets are an RTO of 15-20 minutes and an RPO of 5 minutes in Skype for Business Server 2015 and 2019, and an RTO of 30 minutes and an RPO of 30 minutes in Lync Server 2013. `hadr-rules simulate` reports them when it fails over a paired pool.",
            why: "The RTO is the time the failover itself takes once administrators have started it; the RPO is the data written to the failed pool that the Backup Service may not yet have replicated to the backup pool.",
            example: "`pool-dal.contoso.com` (Skype for Business Server 2015) is lost at 10:00 and failed over to `pool-chi.contoso.com`: data written after 9:55 may be lost, and the failover takes 15-20 minutes once started.",
            fix: "Plan with these targets, adding the time to decide to fail over and the time for users to sign in again, neither of which the RTO includes.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "RTO-003",
        name: "rto-pool-measurement-conditions",
        title: "Conditions behind the pool failover numbers",
        family: Family::Rto,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_RECOVERY_TIME, L13_RECOVERY_TIME],
        evaluation: Evaluation::Guidance(
            "the conditions of a recovery target, reported with it by `hadr-rules simulate`, not a check of the topology",
        ),
        doc: RuleDoc {
            what: "The pool failover and failback targets (RTO-002) assume both data centers are in the same world region with a high-speed, low-latency link, a pool of 40,000 concurrently active users and 200,000 enabled users, and no replication backlog. The RTO excludes the decision time and the time for users to sign in again.",
            why: "Outside these conditions the documented numbers do not hold: pairing across world regions or running with a replication backlog can lose more data and take longer.",
            example: "`pool-dal.contoso.com` in North America is paired with `pool-sin.contoso.com` in Asia over a high-latency link, and the DR plan still counts on an RPO of 5 minutes.",
            fix: "Pair pools in the same world region over a fast link, keep the Backup Service free of backlog, and add decision and sign-in time to the RTO in the plan.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "RTO-004",
        name: "rto-cms-failover",
        title: "CMS failover: RTO 5 min, RPO 5 min",
        family: Family::Rto,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_CMS_FAILOVER, L13_CMS_FAILOVER],
        evaluation: Evaluation::AliasOf("CMS-005"),
        doc: RuleDoc {
            what: "Reported as CMS-005: the engineering targets for a Central Management store failover are an RTO of 5 minutes and an RPO of 5 minutes.",
            why: "These figures tell how long configuration changes are unavailable after a CMS failover and how much recent configuration data may be lost.",
            example: "A DR plan needs to know how long configuration changes stay impossible after the CMS pool `pool-dal.contoso.com` is lost.",
            fix: "Use 5 minutes for both RTO and RPO of the CMS in DR planning, on top of the time needed to decide to fail over.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "RTO-005",
        name: "rto-backup-sync-interval",
        title: "Backup Service sync interval defaults to 2 minutes; changing it affects RPO",
        family: Family::Rto,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACKUP_SERVICE],
        evaluation: Evaluation::Guidance(
            "a Backup Service setting that is not recorded in a topology; the recovery targets `hadr-rules simulate` reports assume its default",
        ),
        doc: RuleDoc {
            what: "The Backup Service replicates data between paired pools every `SyncInterval`, which defaults to 2 minutes. Do not change it with `Set-CsBackupServiceConfiguration -SyncInterval` unless absolutely necessary. The engine lists this as guidance.",
            why: "The sync interval has a great impact on Backup Service performance and on the recovery point objective: the documented RPO of pool failover assumes the default.",
            example: "`Set-CsBackupServiceConfiguration -SyncInterval 00:15:00` is run to reduce WAN traffic between `pool-dal.contoso.com` and `pool-chi.contoso.com`.",
            fix: "Keep the default 2-minute interval (check it with `Get-CsBackupServiceConfiguration`); if it must change, re-evaluate the RPO of the pair.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "RTO-006",
        name: "rto-failback-duration",
        title: "Failback takes up to ~60 minutes for a 20,000-user pool",
        family: Family::Rto,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[USER_EXPERIENCE_FAILBACK, FAIL_BACK_POOL],
        evaluation: Evaluation::Guidance(
            "a recovery duration used by `hadr-rules simulate`, not a check of the topology",
        ),
        doc: RuleDoc {
            what: "Failing a pool back with `Invoke-CsPoolFailback` takes several minutes; for reference, up to 60 minutes for a pool of 20,000 users. The engine lists this as guidance.",
            why: "Affected users stay signed in to the backup pool during failback, but are signed out and back in to their home pool in Resiliency mode at some point, so the failback window must be planned.",
            example: "A maintenance window of 15 minutes is booked to fail back the 20,000 users of `pool-dal.contoso.com` from `pool-chi.contoso.com`.",
            fix: "Book a failback window of up to 60 minutes per 20,000 users, preferably outside business hours.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "RTO-007",
        name: "rto-dfs-no-commitment",
        title: "DFS: no RTO/RPO commitment",
        family: Family::Rto,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[FILE_SHARING, L13_FILE_SHARING],
        evaluation: Evaluation::AliasOf("FILE-002"),
        doc: RuleDoc {
            what: "DFS replication of the file store is best effort: Microsoft publishes no RTO or RPO for a DFS file share failover. FILE-002 reports it for every file store with `ha: dfs`.",
            why: "Without a recovery target, recent conference content and other file store data may be missing after a DFS failover.",
            example: "A DR plan assumes the DFS-replicated file store of `pool-dal.contoso.com` fails over with an RPO of 5 minutes.",
            fix: "Do not assume a recovery target for DFS; if the content is critical, back up the file share regularly (every 4-8 hours).",
        },
        ..Rule::STABLE
    },
];
