//! FILE: File store.

use super::shared::{ALL, BACKUP_SERVICE, DISASTER_RECOVERY, S15_S19_SE};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const FILE_SHARING: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/file-sharing.md",
    heading: "",
};
const L13_FILE_SHARING: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-file-sharing-high-availability.md",
    heading: "",
};
const S15_FILE_SHARE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/environmental-requirements.md",
    heading: "File Share",
};
const S19_FILE_SHARE: Source = Source {
    path: "Skype/SfBServer2019/plan/system-requirements.md",
    heading: "File Share",
};
const CONFERENCING_FILE_STORE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/conferencing/hardware-and-software-requirements.md",
    heading: "File Store",
};
const TOPOLOGY_BASICS_FILE_SHARES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "File shares",
};
const DR_SECURITY: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md",
    heading: "Mitigating security risks",
};
const BACKUP_SERVICE_RESTORE: Source = Source {
    path: "Skype/SfbServer/manage/ha-dr-and-backup-service/configuring-and-monitoring-the-backup-service.md",
    heading: "Restore conference contents using the Backup Service",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "FILE-001",
        name: "file-dfs-one-data-center",
        title: "File store high availability through DFS within one data center",
        family: Family::File,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[FILE_SHARING, L13_FILE_SHARING],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A file store with `ha: dfs` and `dfs_scope: cross_data_center` is a warning; with `ha: dfs` and no `dfs_scope` the rule is not evaluated.",
            why: "DFS gives the file store failover only within one data center; the pool's disaster recovery across data centers is the Backup Service's copy of conference content to the paired pool's own file store, not DFS replication.",
            example: "File store `fs-dal` with `\"ha\": \"dfs\", \"dfs_scope\": \"cross_data_center\"`.",
            fix: "Keep the DFS replicas of a pool's file store in its data center (dedicated file servers paired with DFS, one pair per site or pool) and let the paired pool keep its own file store.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FILE-002",
        name: "file-dfs-best-effort",
        title: "DFS is best-effort: no RTO or RPO",
        family: Family::File,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[FILE_SHARING, L13_FILE_SHARING],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every file store with `ha: dfs` is a warning: DFS failover is best-effort, with no recovery time or point objective, and the share needs its own frequent backup.",
            why: "Microsoft gives no RTO or RPO for DFS; if the content is critical, back the share up every 4 to 8 hours.",
            example: "File store `fs-dal` with `\"ha\": \"dfs\"`.",
            fix: "Back up the share every 4 to 8 hours if its content is critical.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FILE-003",
        name: "file-storage-type",
        title: "File store on direct-attached or SAN storage, not NAS",
        family: Family::File,
        strength: Strength::Unsupported,
        products: S15_S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[S15_FILE_SHARE, S19_FILE_SHARE, CONFERENCING_FILE_STORE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A file store with `storage: nas` used by a 2015, 2019 or Subscription Edition pool (or by no pool) is an error (unverified when only Subscription Edition pools use it); one used only by Lync Server 2013 pools is not judged. Without `storage` the rule is not evaluated.",
            why: "The file share can be on direct-attached storage or a storage area network (DFS and RAID allowed); network-attached storage is not supported.",
            example: "File store `fs-dal` with `\"storage\": \"nas\"`.",
            fix: "Move the share to direct-attached storage or a SAN.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FILE-004",
        name: "file-cluster-os",
        title: "Clustered file share on Windows Server 2012 or later",
        family: Family::File,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[S15_FILE_SHARE, S19_FILE_SHARE, CONFERENCING_FILE_STORE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A file store with `ha: cluster` whose `os` is `ws2008r2` is a warning, unless every pool using it is Lync Server 2013 or 2015 (whose page still accepts Windows Server 2008 R2); without `os` the rule is not evaluated.",
            why: "A shared cluster is recommended for the file share; the cluster runs Windows Server 2012 or later (the 2015 page also accepts Windows Server 2008 R2).",
            example: "File store `fs-dal` with `\"ha\": \"cluster\", \"os\": \"ws2008r2\"` used by a 2019 pool.",
            fix: "Build the file-share cluster on Windows Server 2012 or later.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FILE-005",
        name: "file-not-on-database-server",
        title: "File share on a database server: possible, not recommended",
        family: Family::File,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[TOPOLOGY_BASICS_FILE_SHARES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A file store whose `fqdn` is the host of a SQL node of any store (not a witness) is a warning.",
            why: "The file share can be collocated on a back-end database server, but Microsoft cautions against it: the share and the databases then compete for the server and fail together.",
            example: "File store `fs-dal` with `\"fqdn\": \"sql1-dal.contoso.com\"`, a replica of `ag-dal`.",
            fix: "Put the file share on a file server or cluster of its own.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FILE-006",
        name: "file-backup-service-access",
        title: "The Backup Service needs file-store access between paired pools",
        family: Family::File,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Derived,
        tb_enforced: TbEnforced::No,
        sources: &[DR_SECURITY, DISASTER_RECOVERY],
        evaluation: Evaluation::Guidance(
            "SMB (TCP 445) reachability between the Front End Servers of one pool and the file store of its partner is network data a topology does not hold",
        ),
        doc: RuleDoc {
            what: "Guidance: every Front End Server of a paired pool reaches the partner's file store over SMB (TCP 445), in both directions.",
            why: "The Backup Service copies conference content between the file stores of paired pools; the disaster-recovery page asks to protect that traffic (IPsec), which presumes it flows. A firewall between them stops the copy silently.",
            example: "A firewall that blocks TCP 445 from `pool-dal`'s Front End Servers to `pool-chi`'s file store.",
            fix: "Open SMB between each pool's Front End Servers and the partner's file store, and check `Get-CsBackupServiceStatus` in both directions.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FILE-007",
        name: "file-restore-conference-content",
        title: "Restore conference content to the home pool after failback",
        family: Family::File,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACKUP_SERVICE_RESTORE, BACKUP_SERVICE],
        evaluation: Evaluation::Guidance(
            "a procedure after failback; `simulate` names it for a lost file store",
        ),
        doc: RuleDoc {
            what: "Guidance: after failing users back, run `Invoke-CsBackupServiceSync -PoolFqdn <pool> -BackupModule ConfServices.DataConf` until the Backup Service reaches the steady state.",
            why: "Conference content uploaded while users were served by the backup pool lives in that pool's file store; the Backup Service brings it back to the home pool.",
            example: "Failing back `pool-dal` without syncing `ConfServices.DataConf`.",
            fix: "Run `Invoke-CsBackupServiceSync` for `ConfServices.DataConf` and check `Get-CsBackupServiceStatus`.",
        },
        ..Rule::STABLE
    },
];
