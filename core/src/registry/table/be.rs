//! BE: Back End high availability (SQL store topology).

use super::shared::{
    AG_ON_MIRRORED_POOL, AG_ON_UNMIRRORED_POOL, ALL, BACK_END_SERVER, BACK_END_SERVER_ALWAYS_ON,
    BACK_END_SERVER_CLUSTERING, BACK_END_SERVER_GUIDELINES, BACK_END_SERVER_MIRRORING,
    BACK_END_SERVER_USER_EXPERIENCE, L13_BACK_END_HA, L13_DATABASE_SOFTWARE, L13_S15,
    S15_BACK_END_DATABASES, S15_S19_SE, S15_SERVER_REQUIREMENTS, S19_MIGRATING_SITES, S19_SE,
    S19_SYSTEM_REQUIREMENTS, SQL_MIRRORING, SQL_MIRRORING_CMDLETS,
};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const HADR_HUB: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability-and-disaster-recovery.md",
    heading: "",
};
const SQL_MIRRORING_ADD: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/sql-mirroring-for-high-availability.md",
    heading: "To add SQL mirroring to an existing Front End pool in Topology Builder",
};
const SQL_MIRRORING_REMOVE: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/sql-mirroring-for-high-availability.md",
    heading: "Removing or Changing SQL Mirroring",
};
const AG_NEW_POOL: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md",
    heading: "Deploy an Always On Availability Group on a new Front End pool",
};
const AG_PROCEDURES: &[Source] = &[AG_NEW_POOL, AG_ON_MIRRORED_POOL, AG_ON_UNMIRRORED_POOL];
const PCHAT_HADR: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/high-availability-and-disaster-recovery.md",
    heading: "",
};
const S15_SQL_HA: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md",
    heading: "SQL Mirroring, SQL Clustering, and SQL Always On",
};
const S19_SQL_HA: Source = Source {
    path: "Skype/SfBServer2019/plan/system-requirements.md",
    heading: "SQL Clustering, and SQL Always On",
};
const S19_DEPRECATED_MIRRORING: Source = Source {
    path: "Skype/SfBServer2019/deprecated.md",
    heading: "SQL Mirroring for Skype for Business Server",
};
const TOPOLOGY_DATABASES_BOTH: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "Both",
};
const TOPOLOGY_DATABASES_ENTERPRISE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "Enterprise",
};
const TOPOLOGY_DATABASES_STANDARD: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "Standard",
};
const TOPOLOGY_FRONT_END_BACK_END: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "Front End Server and Back End Server",
};
const TB_FRONT_END_SQL_STORE: Source = Source {
    path: "Skype/SfbServer/help-topics/2019/topobld/ms.lync.tb.AddFrontEndSqlStorePage.md",
    heading: "",
};
const L13_SQL_CLUSTERING: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-configure-sql-server-clustering.md",
    heading: "",
};
const L13_SQL_CLUSTERING_STEPS: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-configure-sql-server-clustering.md",
    heading: "To configure SQL Server clustering",
};
const CLUSTERING_REQUIREMENTS: &[Source] = &[S15_SQL_HA, S19_SQL_HA, L13_DATABASE_SOFTWARE];
const SQL_SOFTWARE_REQUIREMENTS: &[Source] = &[
    L13_DATABASE_SOFTWARE,
    S15_SERVER_REQUIREMENTS,
    S19_SYSTEM_REQUIREMENTS,
];

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BE-001",
        name: "be-ha-recommended",
        title: "Back End HA is optional but recommended",
        family: Family::Be,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER, L13_BACK_END_HA],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every Enterprise `front_end` pool, looks at the store its `back_end` names and warns when that store's `ha.mode` is `none`.",
            why: "Back End high availability is optional, but Microsoft recommends it: with a single database server, losing that server can lose a significant amount of Skype for Business Server data.",
            example: "`pool-dal.contoso.com` has `\"back_end\": \"be-dal\"`, and store `be-dal` has `\"ha\": {\"mode\": \"none\", \"server\": {...}}`.",
            fix: "Protect the back end with an AlwaysOn Availability Group, a failover cluster instance or SQL failover clustering (or synchronous mirroring on Lync Server 2013 and Skype for Business Server 2015).",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-002",
        name: "be-ha-mode-per-product",
        title: "Allowed HA modes per product",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::Partial,
        sources: &[
            BACK_END_SERVER,
            L13_BACK_END_HA,
            L13_DATABASE_SOFTWARE,
            S19_DEPRECATED_MIRRORING,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every Enterprise `front_end` pool, the `ha.mode` of its `back_end` store must be one its `product` supports: `lync2013` allows `none`, `mirroring`, `failover_cluster` and `always_on_fci`; `sfb2015` allows every mode; `sfb2019` and `sfbse` allow every mode except `mirroring`. Findings on `sfbse` pools are unverified.",
            why: "Lync Server 2013 documents only mirroring and SQL clustering (AlwaysOn Availability Groups arrived with Skype for Business Server 2015), and mirroring was removed in Skype for Business Server 2019. A back end on an HA mode the product does not list is outside Microsoft support.",
            example: "A `lync2013` Enterprise pool whose `back_end` store has `\"ha\": {\"mode\": \"always_on_ag\", ...}`.",
            fix: "Use an HA mode the product supports: mirroring or SQL clustering for Lync Server 2013; an Availability Group, a failover cluster instance or SQL failover clustering for Skype for Business Server 2019 and Subscription Edition. Otherwise upgrade the pool first.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-003",
        name: "be-sync-mirroring-only",
        title: "Only synchronous mirroring",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_MIRRORING, L13_BACK_END_HA],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every store whose `ha.mode` is `mirroring` must be synchronous: `\"synchronous\": false` is an error (the key defaults to `true`).",
            why: "Asynchronous database mirroring is not supported for Back End Server high availability. Everything Microsoft says about mirroring, including automatic failover and the 5-minute recovery targets, assumes synchronous mirroring.",
            example: "Store `be-dal` with `\"ha\": {\"mode\": \"mirroring\", \"synchronous\": false, ...}`.",
            fix: "Run the mirroring session in synchronous (high-safety) mode in SQL Server and remove `\"synchronous\": false` from the store.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-004",
        name: "be-no-mirroring-sfb2019",
        title: "No mirroring on S19 / SE",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::Yes,
        sources: &[
            S19_DEPRECATED_MIRRORING,
            BACK_END_SERVER,
            S19_MIGRATING_SITES,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An Enterprise `front_end` pool whose `product` is `sfb2019` or `sfbse` must not have a `back_end` store whose `ha.mode` is `mirroring`. Findings on `sfbse` pools are unverified.",
            why: "SQL mirroring cannot be deployed with Skype for Business Server 2019, and Topology Builder no longer offers it for new stores; Subscription Edition inherits the 2019 feature set. Only Lync Server 2013 and Skype for Business Server 2015 pools that coexist with 2019 may keep their mirroring.",
            example: "An `sfb2019` pool with `\"back_end\": \"be-dal\"`, where store `be-dal` has `\"ha\": {\"mode\": \"mirroring\", ...}`.",
            fix: "Move the pool's back end to an AlwaysOn Availability Group, a failover cluster instance or SQL failover clustering.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-005",
        name: "be-mirroring-all-databases",
        title: "Mirroring covers every database of the pool",
        family: Family::Be,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_MIRRORING, SQL_MIRRORING_CMDLETS],
        evaluation: Evaluation::Guidance(
            "which databases a pool hosts and which of them are mirrored are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation says that mirroring a pool's back end mirrors every Skype for Business Server database in it, including the Central Management store when the pool hosts it and the Response Group and Call Park databases. The engine lists this as guidance.",
            why: "A mirror holding only some of the databases leaves the others without a failover copy. `Install-CsMirrorDatabase` can mirror a subset with `-DatabaseType` or `-ExcludeDatabaseList`, but the planning pages describe mirroring as covering the whole pool.",
            example: "A pool mirrored with `Install-CsMirrorDatabase -ExcludeDatabaseList rtcab,rtcxds`, which leaves two databases without a mirror.",
            fix: "Mirror every database of the pool, through Topology Builder or with `Install-CsMirrorDatabase -ConfiguredDatabases`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-006",
        name: "be-mirroring-same-sql-version",
        title: "Mirroring: principal, mirror (and witness) share one SQL version; principal and mirror share one edition",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_GUIDELINES, SQL_MIRRORING],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every store whose `ha.mode` is `mirroring`, the effective `version` of `principal`, `mirror` and `witness` must be equal, and `principal` and `mirror` must have the same effective `edition` (the witness's edition may differ). A node without its own `version` or `edition` takes the store's; the rule is not evaluated when a version, or the edition of the principal or the mirror, is unknown.",
            why: "Microsoft requires principal, mirror and witness to run the same SQL Server version, and principal and mirror the same edition; the principal's version must also support mirroring. A mismatched set does not form a supported mirroring session.",
            example: "Store `be-dal` with `\"version\": \"2014\"` whose `witness` node has `\"version\": \"2012\"`.",
            fix: "Install the same SQL Server version on all three servers, and the same edition on the principal and the mirror.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-007",
        name: "be-mirroring-same-domain",
        title: "TB/cmdlet-managed mirroring requires one AD domain",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER, SQL_MIRRORING],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every store whose `ha.mode` is `mirroring`, the `domain` of `principal`, `mirror` and `witness` (when there is one) must be equal; not evaluated when one of them has no `domain`.",
            why: "Setting up or removing mirroring with Topology Builder or the Skype for Business Server cmdlets is supported only when all three servers belong to the same Active Directory domain. Across domains the mirror has to be built and managed with SQL Server's own tools.",
            example: "Store `be-dal` whose `principal` has `\"domain\": \"corp.contoso.com\"` and whose `mirror` has `\"domain\": \"emea.contoso.com\"`.",
            fix: "Put the principal, the mirror and the witness in one domain, or build and manage the cross-domain mirror with SQL Server tools instead of Topology Builder.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-008",
        name: "be-mirroring-ports",
        title: "Mirroring endpoint/port hygiene",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[SQL_MIRRORING_ADD, SQL_MIRRORING_CMDLETS],
        evaluation: Evaluation::Guidance(
            "mirroring endpoints, ports and firewall rules are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation uses port 5022 for the mirror and 7022 for the witness by default, reuses an existing mirroring endpoint with its own port (ignoring the one entered in Topology Builder), and forbids two SQL instances on one server from using the same mirroring port; the ports must be open in Windows Firewall. The engine lists this as guidance.",
            why: "A port already taken by another instance or application on the same server breaks the mirroring endpoint, and a blocked port keeps the mirror or the witness from being reached.",
            example: "Two SQL instances on `sql1.contoso.com` both set to mirror on port 5022.",
            fix: "Give each instance on a server its own mirroring port, check the port of any existing endpoint, and open the mirror and witness ports in Windows Firewall.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-009",
        name: "be-mirroring-backup-share",
        title: "Mirroring backup share",
        family: Family::Be,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[SQL_MIRRORING],
        evaluation: Evaluation::Guidance(
            "the mirroring backup share and its permissions are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation requires a file share for the initial mirror backup, readable and writable by the accounts that run SQL Server and SQL Server Agent on the principal and the mirror; Topology Builder asks for its path when it publishes. The engine lists this as guidance.",
            why: "Without a writable share the mirror databases cannot be initialised, and publishing the mirrored topology fails.",
            example: "Publishing a newly mirrored pool whose backup share gives the mirror's SQL Server service account no write access.",
            fix: "Create the share before publishing and grant read/write access to the SQL Server and SQL Server Agent service accounts of both servers (their computer accounts when the services run as Network Service).",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-010",
        name: "be-mirroring-change-restart",
        title: "Restart all FEs after any change to the mirroring relationship",
        family: Family::Be,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[SQL_MIRRORING, SQL_MIRRORING_REMOVE],
        evaluation: Evaluation::Guidance(
            "a procedure: restarts after a mirroring change are not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "The documentation requires restarting every Front End Server of the pool after any change to its back-end mirroring. Moving a mirror means removing the old mirror, adding the new one and publishing in Topology Builder; removing mirroring means running `Uninstall-CsMirrorDatabase` first, then clearing the option in Topology Builder and publishing. The engine lists this as guidance.",
            why: "The Front End Servers only pick up the new mirroring relationship when they restart, and removing mirroring in the wrong order leaves SQL Server and the topology disagreeing.",
            example: "A mirror moved to a new server and published while the pool's Front End Servers keep running.",
            fix: "Restart all Front End Servers of the pool after publishing the change; when removing mirroring, run `Uninstall-CsMirrorDatabase` before editing the topology.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-011",
        name: "be-mirroring-full-recovery",
        title: "Full recovery model under mirroring",
        family: Family::Be,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_GUIDELINES, SQL_MIRRORING],
        evaluation: Evaluation::Guidance(
            "database recovery models and transaction-log backups are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation notes that mirrored databases always use the Full recovery model, so their transaction logs must be watched and backed up regularly. The engine lists this as guidance.",
            why: "Under the Full recovery model transaction logs grow until they are backed up; without scheduled log backups the Back End Servers run out of disk space.",
            example: "A mirrored back end with nightly full backups but no transaction-log backup job.",
            fix: "Estimate the log growth of the pool's workload and schedule transaction-log backups often enough to keep the logs bounded.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-012",
        name: "be-ag-active-passive",
        title: "AlwaysOn AG is active/passive only",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: S15_S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[BACK_END_SERVER_ALWAYS_ON],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A store whose `ha.mode` is `always_on_ag` must not set `\"active_active\": true`.",
            why: "Skype for Business Server supports AlwaysOn Availability Groups only as active/passive, not active/active. The group is built in SQL Server and Topology Builder only associates it, so nothing stops an active/active design.",
            example: "Store `ag-dal` with `\"ha\": {\"mode\": \"always_on_ag\", \"active_active\": true, ...}`.",
            fix: "Run the Availability Group active/passive: one primary replica serves the pool, the other replicas are non-readable secondaries.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-013",
        name: "be-sql-ha-built-in-sql",
        title: "AG/FCI/clustering are built in SQL Server, then associated in TB; mirroring only via TB",
        family: Family::Be,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[
            BACK_END_SERVER,
            BACK_END_SERVER_CLUSTERING,
            L13_SQL_CLUSTERING,
        ],
        evaluation: Evaluation::Guidance(
            "how and in which order the SQL high availability solution was built is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "The documentation says AlwaysOn Availability Groups, failover cluster instances and SQL failover clusters are built in SQL Server first and then associated with the pool in Topology Builder, and that a SQL cluster must exist before the Front End pool is deployed; only mirroring is set up by Topology Builder itself. The engine lists this as guidance.",
            why: "Topology Builder cannot create an Availability Group or a cluster; pointing a new pool at one that does not exist yet makes the deployment fail.",
            example: "Deploying a new Front End pool against a SQL failover cluster that has not been installed yet.",
            fix: "Build and validate the Availability Group or the cluster in SQL Server first, then define the SQL store in Topology Builder and publish.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-014",
        name: "be-ag-same-instance-name",
        title: "AG replicas must use identical instance names",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[BACK_END_SERVER_ALWAYS_ON],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "All `replicas` of a store whose `ha.mode` is `always_on_ag` must have the same `instance` name; a replica with a different name is an error.",
            why: "Microsoft requires the instance names of the Availability Group replicas to be the same: the pool reaches its databases through one instance name, which must exist on every replica it can fail over to.",
            example: "Store `ag-dal` with one replica on instance `rtc` and another on instance `rtc2`.",
            fix: "Install the SQL instances of all replicas with the same instance name and rebuild the Availability Group on them.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-015",
        name: "be-ag-replica-settings",
        title: "AG replica configuration",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: AG_PROCEDURES,
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every replica of a store whose `ha.mode` is `always_on_ag` must have `commit` `synchronous` and `failover` `automatic`; the replicas that do not are reported together in one finding.",
            why: "Microsoft's deployment steps set Synchronous Commit and Automatic Failover on every replica, with no readable secondary, endpoint port 5022 and a listener on port 1433 (other listener ports are not supported). An asynchronous or manual replica can lose data or leave the pool without its databases after a failure.",
            example: "Store `ag-dal` with a replica `{\"fqdn\": \"sql2-dal.contoso.com\", \"instance\": \"rtc\", \"commit\": \"asynchronous\", \"failover\": \"manual\"}`.",
            fix: "Set every replica to Synchronous Commit and Automatic Failover in SQL Server Management Studio, leave Readable Secondary off and keep the listener on port 1433.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-016",
        name: "be-ag-excluded-databases",
        title: "Databases excluded from AGs",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[AG_NEW_POOL, PCHAT_HADR, HADR_HUB],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `persistent_chat` pool must not have a `back_end` store whose `ha.mode` is `always_on_ag`.",
            why: "AlwaysOn Availability Groups are not supported for the Persistent Chat databases (mgc and mgccomp), nor for ReportServer and ReportServerTempDB; every other Skype for Business Server database may go into the group. Persistent Chat gets its high availability from mirroring and its disaster recovery from log shipping.",
            example: "A `persistent_chat` pool with `\"back_end\": \"ag-dal\"`, where store `ag-dal` has `\"ha\": {\"mode\": \"always_on_ag\", ...}`.",
            fix: "Put the Persistent Chat databases on a mirrored or single SQL store outside any Availability Group, and keep ReportServer and ReportServerTempDB out of the group as well.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-017",
        name: "be-ag-logins-every-replica",
        title: "SQL logins on every AG replica",
        family: Family::Be,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: AG_PROCEDURES,
        evaluation: Evaluation::Guidance(
            "a post-deployment procedure: the SQL logins on each replica are not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "The documentation requires, once the pool and its Availability Group are published, failing the group over to each secondary replica in turn and running `Install-CsDatabase -Update` on it. The engine lists this as guidance.",
            why: "The SQL logins the pool needs are created only on the replica that was primary when the databases were installed; without them the pool loses access to its databases after a failover.",
            example: "An Availability Group whose secondary replica never ran `Install-CsDatabase -Update`, so the pool cannot log in after failing over to it.",
            fix: "Fail the group over to every secondary replica one at a time and run `Install-CsDatabase -Update` on each.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-018",
        name: "be-ag-move-cms-first",
        title: "Move the CMS away before converting its pool to an AG",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[AG_ON_MIRRORED_POOL, AG_ON_UNMIRRORED_POOL],
        evaluation: Evaluation::Guidance(
            "a conversion procedure: the history of a store is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "The documentation requires moving the Central Management store to another pool with `Move-CsManagementServer` before the pool hosting it is converted to an Availability Group, whether from mirroring or from no high availability; a temporary Standard Edition server may host it when there is no other pool. The engine lists this as guidance.",
            why: "The conversion takes the pool's databases through a period without a working store, and the Central Management store must stay available to the whole deployment meanwhile.",
            example: "Converting the pool marked `\"cms\": \"active\"` from mirroring to an Availability Group without moving the Central Management store first.",
            fix: "Run `Move-CsManagementServer` to move the Central Management store to another pool or a temporary Standard Edition server, then convert the pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-019",
        name: "be-mirror-to-ag-sequence",
        title: "Mirror→AG conversion sequence",
        family: Family::Be,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[AG_ON_MIRRORED_POOL],
        evaluation: Evaluation::Guidance(
            "a conversion procedure: the order of its steps is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "The documentation sets the order for converting a mirrored back end to an Availability Group: fail every database over to the principal, clear mirroring in Topology Builder and publish, remove the mirror in SQL Server, build the Windows Server Failover Cluster and the group, create a store for the listener with the old principal as primary, associate it with the pool and publish. The engine lists this as guidance.",
            why: "Doing the steps out of order can leave databases active on the old mirror, or a topology pointing at a store that no longer exists.",
            example: "Removing the mirror in SQL Server Management Studio before clearing mirroring in Topology Builder.",
            fix: "Follow the documented order, starting with `Invoke-CsDatabaseFailover -NewPrincipal \"Primary\"` for every database type of the pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-020",
        name: "be-ag-file-share-witness",
        title: "WSFC quorum for AGs: file-share witness recommended",
        family: Family::Be,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: AG_PROCEDURES,
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For a store whose `ha.mode` is `always_on_ag`, `quorum_witness` should be `file_share`; `disk`, `cloud` or `none` is a warning, and the rule is not evaluated when `quorum_witness` is absent.",
            why: "Microsoft's Availability Group deployment steps recommend configuring the quorum of the Windows Server Failover Cluster under the group with a file share witness.",
            example: "Store `ag-dal` with `\"ha\": {\"mode\": \"always_on_ag\", \"quorum_witness\": \"none\", ...}`.",
            fix: "Configure the cluster quorum with a file share witness in Failover Cluster Manager and set `\"quorum_witness\": \"file_share\"`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-021",
        name: "be-ha-shared-storage",
        title: "Shared storage",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_MIRRORING, AG_NEW_POOL],
        evaluation: Evaluation::Guidance(
            "storage and cluster validation results are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation says mirroring and Availability Groups need no shared storage, since each server keeps its own copy of the databases: cluster validation warnings about storage may be ignored, but validation errors must be fixed before going on. The engine lists this as guidance.",
            why: "A Windows Server Failover Cluster built despite validation errors is not a supported base for an Availability Group.",
            example: "Creating the cluster for an Availability Group although the validation wizard reported errors.",
            fix: "Fix every error the cluster validation wizard reports; storage warnings on a cluster without shared disks can stay.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-022",
        name: "be-cluster-active-passive",
        title: "SQL failover clustering is active/passive and the passive node is dedicated",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: CLUSTERING_REQUIREMENTS,
        evaluation: Evaluation::Guidance(
            "whether a cluster runs active/passive and what its passive node hosts are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation supports SQL failover clustering only as active/passive and says the passive node must not be shared with any other SQL instance (Lync Server 2013 words this second point as a performance recommendation). The engine lists this as guidance.",
            why: "An active/active cluster, or a passive node already running another instance, may be unable to carry the Back End load after a failover.",
            example: "A two-node cluster whose passive node also hosts the Monitoring database instance.",
            fix: "Run the cluster active/passive and keep its passive node free of other SQL instances.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-023",
        name: "be-cluster-node-count",
        title: "Cluster node count by SQL edition",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: CLUSTERING_REQUIREMENTS,
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A store whose `ha.mode` is `always_on_fci` or `failover_cluster` may have at most 16 `nodes`, and at most 2 when a node's effective `edition` is `standard`; a cluster of more than 2 nodes with an unknown edition is not evaluated.",
            why: "Every product supports two-node failover clustering on SQL Server Standard and up to sixteen-node clustering on SQL Server Enterprise.",
            example: "Store `fci-dal` with `\"edition\": \"standard\"` and three entries in `nodes`.",
            fix: "Reduce the cluster to two nodes, or move the store to SQL Server Enterprise.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-024",
        name: "be-cluster-virtual-name",
        title: "Clustered store defined by virtual name",
        family: Family::Be,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_SQL_CLUSTERING_STEPS],
        evaluation: Evaluation::Guidance(
            "a deployment procedure: the name used in Topology Builder and the cluster's disk layout are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation requires defining a clustered SQL store in Topology Builder by the cluster's virtual SQL Server name and instance, never by one of its nodes, and mapping the default database and log folders to shared cluster disks before Topology Builder creates the databases. The engine lists this as guidance.",
            why: "A store defined by a node name stops working when the cluster fails over, and databases created on a node's local disks are missing on the other node.",
            example: "A SQL store defined as `sqlnode1.contoso.com\\rtc` instead of the cluster's virtual name.",
            fix: "Define the store with the cluster's virtual name and instance, and point the default data and log paths at shared cluster disks before publishing.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-025",
        name: "be-no-shared-back-end",
        title: "One Back End per Enterprise pool; no shared back ends",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_BACK_END_DATABASES, TOPOLOGY_DATABASES_BOTH],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A store may be the `back_end` of only one `front_end` pool (the finding names the store), and one SQL host (a single server, principal, mirror, replica or cluster node; witnesses excepted) may serve the back ends of only one `front_end` pool (the finding names the host's FQDN).",
            why: "Sharing a SQL back end between two or more pools is not supported, and a database server can support only one Enterprise Edition Front End pool. A shared back end also ties the fate of both pools to the same servers.",
            example: "`pool-a.contoso.com` and `pool-b.contoso.com` both with `\"back_end\": \"be-shared\"`.",
            fix: "Give every Enterprise pool its own back-end store on its own SQL Servers.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-026",
        name: "be-instance-collocation-limits",
        title: "Per-instance database collocation limits",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_DATABASES_BOTH, TOPOLOGY_DATABASES_ENTERPRISE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A store may be the `back_end` of only one `persistent_chat` pool.",
            why: "A SQL instance can hold only one pool Back End database, one Monitoring, one Archiving, one Persistent Chat and one Persistent Chat compliance database, and a database server only one of each across its instances; two Persistent Chat pools cannot share a store.",
            example: "Two `persistent_chat` pools both with `\"back_end\": \"pchat-sql\"`.",
            fix: "Give each Persistent Chat pool its own store on its own database server.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-027",
        name: "be-no-foreign-databases",
        title: "Do not mix SfB databases with foreign databases",
        family: Family::Be,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_FRONT_END_BACK_END, L13_DATABASE_SOFTWARE],
        evaluation: Evaluation::Guidance(
            "the databases of other applications are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation recommends not collocating Skype for Business Server databases with other applications' databases; Lync Server 2013 adds that if you do, you should check that a surviving node can carry the whole load and test every failover case. The engine lists this as guidance.",
            why: "Other databases compete for the same SQL Server and can hurt the availability and performance of the pool.",
            example: "A SharePoint content database on the same SQL instance as a pool's back-end databases.",
            fix: "Move the other databases to their own SQL Server, or size the shared server for the combined load and test its failover.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-028",
        name: "be-local-to-front-ends",
        title: "Back End should be network-local to the Front Ends",
        family: Family::Be,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_BACK_END_DATABASES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every Enterprise `front_end` pool, each node of its back-end store other than a witness should be in a data center of the pool's servers: a node whose `data_center` is none of theirs is a warning (a node without `data_center` counts as local).",
            why: "Microsoft says the connection from the Front End Servers to a well-connected SQL back end should be local, not across a low-speed link. A back-end node in the partner data center puts every database call on the WAN.",
            example: "`pool-dal.contoso.com` in site `dallas` whose back-end `mirror` node has `\"data_center\": \"chicago\"`.",
            fix: "Place the back-end SQL Servers in the pool's data center and use pool pairing for disaster recovery across data centers.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-029",
        name: "be-sql-64-bit-listed-editions",
        title: "64-bit, listed editions only",
        family: Family::Be,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: SQL_SOFTWARE_REQUIREMENTS,
        evaluation: Evaluation::Guidance(
            "the bitness of SQL Server and editions other than Express, Standard and Enterprise are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation supports only the 64-bit SQL Server editions listed for each product: Express only for Standard Edition servers and local stores, and never the Web or Workgroup editions; a version or edition that is not listed cannot be used. The engine lists this as guidance (SQL-011 checks Express on an Enterprise back end).",
            why: "No product release supports 32-bit SQL Server, and Microsoft states that an edition missing from the list cannot be used.",
            example: "A Monitoring database on SQL Server 2012 Workgroup edition.",
            fix: "Use a 64-bit Standard or Enterprise edition of a SQL Server version listed for the product.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-030",
        name: "be-monitoring-needs-ssrs",
        title: "Monitoring needs SQL Server Reporting Services",
        family: Family::Be,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: SQL_SOFTWARE_REQUIREMENTS,
        evaluation: Evaluation::Guidance(
            "the Monitoring store and SQL Server Reporting Services are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation requires SQL Server Reporting Services for the Monitoring role, on the SQL Server that holds the Monitoring database. The engine lists this as guidance.",
            why: "The Monitoring reports run on Reporting Services; without it call detail and quality data are collected but cannot be reported.",
            example: "A Monitoring database deployed on a SQL instance without Reporting Services.",
            fix: "Install SQL Server Reporting Services on the Monitoring store's SQL Server and deploy the Monitoring reports.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-031",
        name: "be-standard-edition-sql-express",
        title: "Standard Edition server SQL Express is fixed",
        family: Family::Be,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::Yes,
        sources: &[TOPOLOGY_DATABASES_STANDARD, TB_FRONT_END_SQL_STORE],
        evaluation: Evaluation::Guidance(
            "a Standard Edition server's SQL Express store is fixed by Topology Builder and not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation says a Standard Edition server's store is the SQL Server Express instance collocated on it: installed automatically, it cannot be moved, and Topology Builder shows it prefilled and unchangeable. The engine lists this as guidance.",
            why: "A Standard Edition server therefore has no Back End high availability; its only protection is pairing with another Standard Edition server for disaster recovery.",
            example: "Planning to move a Standard Edition server's databases to a central SQL cluster.",
            fix: "Deploy an Enterprise Edition pool when the back end needs its own SQL Server or high availability.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "BE-032",
        name: "be-failure-behaviour",
        title: "Back End failure behaviour (for Q&A)",
        family: Family::Be,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_USER_EXPERIENCE],
        evaluation: Evaluation::Guidance(
            "a failure behaviour rather than a configuration; `simulate` uses it",
        ),
        doc: RuleDoc {
            what: "The documentation describes when a mirrored back end becomes unavailable: if the principal and the mirror both fail, or one of them and the witness fail, the Back End Server is unavailable even when the principal still runs, and users move to Resiliency mode after a while. The engine lists this as guidance and uses it in `simulate`.",
            why: "With a witness, losing two of the three mirroring participants loses the quorum, so even a healthy principal stops serving its databases.",
            example: "The mirror and the witness share a host that fails, taking the pool's back end down although the principal is healthy.",
            fix: "Keep the principal, the mirror and the witness on separate hosts, and restore a failed participant quickly.",
        },
        ..Rule::STABLE
    },
];
