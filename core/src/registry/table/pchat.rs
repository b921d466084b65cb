//! PCHAT: Persistent Chat Server.

use super::shared::{L13_S15, S19_MIGRATING_SITES, S19_SE};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const HADR: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/high-availability-and-disaster-recovery.md",
    heading: "",
};
const HADR_RESOURCES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/high-availability-and-disaster-recovery.md",
    heading: "Resource requirements",
};
const HADR_SOLUTIONS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/high-availability-and-disaster-recovery.md",
    heading: "Disaster recovery and high availability solutions",
};
const TOPOLOGY: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/topology.md",
    heading: "",
};
const TOPOLOGY_SE_COLLOCATED: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/topology.md",
    heading: "Standard Edition Server with Persistent Chat Server collocated on the Front End Server",
};
const TOPOLOGY_EE_SINGLE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/topology.md",
    heading: "Enterprise Edition Server with a single Persistent Chat Server",
};
const TOPOLOGY_EE_MULTIPLE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/topology.md",
    heading: "Enterprise Edition Server with multiple Persistent Chat Servers",
};
const CAPACITY: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/capacity-planning.md",
    heading: "Plan capacity for number of users",
};
const HARDWARE_SOFTWARE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/hardware-and-software-requirements.md",
    heading: "",
};
const CONFIGURE_HADR: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/configure-hadr-for-persistent-chat.md",
    heading: "",
};
const CONFIGURE_LOG_SHIPPING_MIRROR: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/configure-hadr-for-persistent-chat.md",
    heading: "Set up SQL Server log shipping between the primary mirror and the secondary database",
};
const AG_DEPLOY: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md",
    heading: "",
};
const S19_DEPRECATED: Source = Source {
    path: "Skype/SfBServer2019/deprecated.md",
    heading: "",
};
const L13_RESOURCES: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-required-resources-for-persistent-chat-server.md",
    heading: "",
};
const L13_STRETCHED: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-using-a-stretched-persistent-chat-server-pool-for-disaster-recovery.md",
    heading: "",
};
const SERVER_REQUIREMENTS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md",
    heading: "",
};
const TOPOLOGY_BASICS_ROLES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "PCHAT-001",
        name: "pchat-product-availability",
        title: "Persistent Chat exists on Lync Server 2013 and Skype for Business Server 2015 only",
        family: Family::Pchat,
        strength: Strength::Unsupported,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::Yes,
        sources: &[S19_DEPRECATED, TOPOLOGY, S19_MIGRATING_SITES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `persistent_chat` pool of `sfb2019` or `sfbse` is an error (on `sfbse`, unverified and reported as a warning). COEX-006 reports the same pool for the coexistence: Persistent Chat may only stay in a Lync Server 2013 or 2015 pool.",
            why: "Skype for Business Server 2019 removed Persistent Chat from Topology Builder and the product; a 2015 (or Lync Server 2013) Persistent Chat pool may stay in coexistence.",
            example: "`pchat.contoso.com` with `\"kind\": \"persistent_chat\", \"product\": \"sfb2019\"`.",
            fix: "Keep Persistent Chat on a 2015 pool during the migration, or move its users to Teams.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-002",
        name: "pchat-no-availability-group",
        title: "No AlwaysOn Availability Group for Persistent Chat databases",
        family: Family::Pchat,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HADR, TOPOLOGY_EE_SINGLE, CONFIGURE_HADR, AG_DEPLOY],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every store of a `persistent_chat` pool (`back_end`, `compliance_store`, `backup_store`, `compliance_backup_store`) whose `ha.mode` is `always_on_ag` is an error, one finding a store. BE-016 also reports the `back_end` case.",
            why: "Using SQL AlwaysOn Availability Groups is not supported with Persistent Chat Server databases; their high availability is SQL mirroring and their disaster recovery SQL log shipping.",
            example: "`pchat.contoso.com` with `\"backup_store\": \"ag-chi\"`, an `always_on_ag` store.",
            fix: "Put the Persistent Chat and compliance databases (and their log-shipping secondaries) on mirrored or single SQL instances.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-003",
        name: "pchat-stretched-pool-design",
        title: "Persistent Chat DR is a stretched pool with SQL mirroring and log shipping",
        family: Family::Pchat,
        strength: Strength::Recommended,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[HADR_SOLUTIONS, L13_STRETCHED],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `persistent_chat` pool whose servers are in more than two data centers, or in two without a `backup_store` (the log-shipping secondary), is a warning.",
            why: "The documented disaster recovery for Persistent Chat is one pool stretched over two data centers: the database and its mirror in the primary data center, a log-shipping backup database (with an optional mirror) in the other. A pool stretched without the backup database cannot fail over; a third data center is no documented design.",
            example: "`pchat.contoso.com` with servers in `dal1` and `chi1` and no `backup_store`.",
            fix: "Configure the backup SQL store in the second data center in Topology Builder, set up log shipping to it, and record it as `backup_store`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-004",
        name: "pchat-pool-size",
        title: "At most 8 Persistent Chat servers in a pool, 4 of them active",
        family: Family::Pchat,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_EE_MULTIPLE, CAPACITY, HADR_SOLUTIONS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `persistent_chat` pool with more than 8 servers, or more than 4 `active_servers`, is an error. A pool of more than 4 servers without `active_servers` is not evaluated.",
            why: "A Persistent Chat pool has as many as four active servers; high availability and disaster recovery configurations allow up to eight, four active and the others on standby. Each active server supports 20,000 concurrent users, 80,000 for the pool.",
            example: "`pchat.contoso.com` with 9 servers, or with `\"active_servers\"` naming 6.",
            fix: "Keep at most eight servers and mark at most four active (`Set-CsPersistentChatActiveServer`).",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-005",
        name: "pchat-dr-sql-instances",
        title: "The extra SQL instances Persistent Chat HA/DR needs, in their data centers",
        family: Family::Pchat,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[HADR_RESOURCES, L13_RESOURCES, TOPOLOGY_EE_SINGLE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For a `persistent_chat` pool: the mirror of its mirrored `back_end` (or `compliance_store`) in another data center than the principal; a `backup_store` (or `compliance_backup_store`) in the primary database's data center, or on the same store or a host of it; the mirror or the witness of a mirrored backup store in another data center than its principal; `compliance` `true` with a `backup_store` and a `compliance_store` of its own but no `compliance_backup_store`: each an error (`compliance` absent there: not evaluated). A `back_end` (or `compliance_store`) without mirroring while it has a log-shipping secondary is a warning (the primary's mirror is missing). In a pool set up for high availability or disaster recovery (a mirrored `back_end` or a `backup_store`), a `compliance_store` that is the `back_end` store or runs on one of its SQL instances (host and instance) is a warning. A backup store's node whose data center is unknown makes the rule not evaluated.",
            why: "High availability and disaster recovery need dedicated instances: the mirror of the primary database in the primary data center, the log-shipping secondary in the other data center, and its optional mirror and witness beside it (both must be in the secondary's data center); with compliance enabled, the same three again for the compliance database. The compliance database may share the Persistent Chat database's instance (a single instance may hold any or all of the databases), but standalone instances are recommended for high availability and disaster recovery.",
            example: "`pchat.contoso.com` whose `backup_store` has its principal in `dal1`, the data center of the primary database; or whose `backup_store`'s witness is in `dal1` while its principal is in `chi1`.",
            fix: "Place the backup database (and its mirror and witness) in the other data center, the primary's mirror beside the primary, give the compliance database its own log-shipping secondary, and preferably instances of its own.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-006",
        name: "pchat-log-shipping-shares",
        title: "Log-shipping shares readable and writable by every Persistent Chat SQL Server",
        family: Family::Pchat,
        strength: Strength::RequiredProcedure,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[HADR_RESOURCES, CONFIGURE_HADR],
        evaluation: Evaluation::Guidance(
            "share permissions, the destination folder on the secondary and the SQL Server service account are not in a topology",
        ),
        doc: RuleDoc {
            what: "Guidance: a share for the transaction-log backups that every SQL Server running Persistent Chat databases in both data centers can read and write (not a FileStore role), and a destination folder on the secondary.",
            why: "Log shipping backs up the primary's transaction log to the share and restores it on the secondary; a server that cannot write or read the share breaks disaster recovery. When the primary's SQL Server service runs as Local System, the backup folder must be local to the primary.",
            example: "A log-shipping share that only the primary can write to.",
            fix: "Create the share, grant read/write to every SQL Server service account of both data centers, and create the destination folder on the secondary.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-007",
        name: "pchat-log-shipping-from-mirror",
        title: "Log shipping from both the primary and its mirror",
        family: Family::Pchat,
        strength: Strength::RequiredProcedure,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[CONFIGURE_LOG_SHIPPING_MIRROR],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `persistent_chat` pool with a `backup_store` and a mirrored `back_end` whose `log_shipping_from_mirror` is `false` is an error; absent, the rule is not evaluated.",
            why: "After a failover to the primary's mirror, log shipping must continue from the mirror to the same secondary; it is configured ahead (restore in No recovery mode, 0-minute restore delay), otherwise the secondary stops receiving the log once the mirror is principal.",
            example: "`pchat.contoso.com` with a mirrored `back_end`, `\"backup_store\": \"pc-chi\"` and `\"log_shipping_from_mirror\": false`.",
            fix: "Configure log shipping from the primary's mirror to the secondary as the deployment page describes, and record `\"log_shipping_from_mirror\": true`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-008",
        name: "pchat-standard-edition-collocated",
        title: "Persistent Chat collocated on a Standard Edition server cannot scale or be highly available",
        family: Family::Pchat,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_SE_COLLOCATED, TOPOLOGY],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `persistent_chat` pool `collocated_on` a Standard Edition server: an error when it lists more than one server, else a warning (no high availability, no servers can be added later).",
            why: "Servers cannot be added to a Persistent Chat pool whose first server is collocated with a Standard Edition Front End Server, and Persistent Chat on Standard Edition has no high availability; it is recommended for proof of concept and evaluation.",
            example: "`pchat.contoso.com` with `\"collocated_on\": \"se-dal.contoso.com\"`.",
            fix: "Install the first Persistent Chat Server as a standalone server so that servers can be added later.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-009",
        name: "pchat-not-on-enterprise-front-end",
        title: "Persistent Chat is not collocated on Enterprise Edition Front End Servers",
        family: Family::Pchat,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_EE_SINGLE, HARDWARE_SOFTWARE, TOPOLOGY_BASICS_ROLES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `persistent_chat` pool `collocated_on` an Enterprise `front_end` pool is an error.",
            why: "With Enterprise Edition, Persistent Chat Server must be installed on a separate computer; it cannot be collocated on an Enterprise Edition Front End Server.",
            example: "`pchat.contoso.com` with `\"collocated_on\": \"pool-dal.contoso.com\"`, an Enterprise pool.",
            fix: "Move Persistent Chat to servers of its own and remove `collocated_on`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-010",
        name: "pchat-same-domain",
        title: "Persistent Chat servers in the same AD domain as Skype for Business Server",
        family: Family::Pchat,
        strength: Strength::Recommended,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_EE_MULTIPLE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "The servers of a `persistent_chat` pool should share one `domain`, and it should be the domain of the servers of its `next_hop_pool`; without `next_hop_pool`, the domain of at least one `front_end` pool (a forest may hold Front End pools in several domains). Otherwise a warning. A server without `domain` that the decision needs makes the rule not evaluated.",
            why: "Multiple computers running Persistent Chat Server should reside in the same Active Directory domain as Skype for Business Server and the Compliance service.",
            example: "`pc1.emea.contoso.com` with `\"domain\": \"emea.contoso.com\"` beside Front End Servers in `contoso.com`.",
            fix: "Join the Persistent Chat servers to the Skype for Business Server domain.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-011",
        name: "pchat-next-hop-time-zone",
        title: "Active Persistent Chat servers in the time zone of their next-hop pool",
        family: Family::Pchat,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[L13_RESOURCES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every active server of a `persistent_chat` pool (those in `active_servers`, else every server) must have the `time_zone` of the servers of its `next_hop_pool`; otherwise an error. Without `next_hop_pool`, or a `time_zone` it needs, the rule is not evaluated. Stated for Lync Server 2013, applied to 2015 as well (the catalog's derivation, Q-10).",
            why: "The Lync Server 2013 resources page says the active Persistent Chat servers must be in the same time zone as their next-hop pool.",
            example: "Active `pc5.contoso.com` with `\"time_zone\": \"Pacific Standard Time\"`, its next-hop pool in `Central Standard Time`.",
            fix: "Make the servers in the other time zone idle (`Set-CsPersistentChatActiveServer`), or set their time zone to the next-hop pool's.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-012",
        name: "pchat-database-beside-back-end",
        title: "Persistent Chat database beside a Back End database: allowed, not recommended",
        family: Family::Pchat,
        strength: Strength::Recommended,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[TOPOLOGY_EE_SINGLE, HARDWARE_SOFTWARE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `persistent_chat` pool whose `back_end` or `compliance_store` is also the `back_end` of a `front_end` pool is a warning.",
            why: "The Persistent Chat database may be collocated with a Front End pool's back-end database, but its disk space can grow very large with the messages of more than a few users; Microsoft does not recommend collocating it with the back-end database.",
            example: "`pchat.contoso.com` and `pool-dal.contoso.com` both with `\"back_end\": \"be-dal\"`.",
            fix: "Give the Persistent Chat databases a SQL store of their own.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PCHAT-013",
        name: "pchat-message-queuing",
        title: "Message Queuing on Persistent Chat servers",
        family: Family::Pchat,
        strength: Strength::RequiredProcedure,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[SERVER_REQUIREMENTS],
        evaluation: Evaluation::Guidance(
            "the Windows features installed on a server are not in a topology",
        ),
        doc: RuleDoc {
            what: "Guidance: Persistent Chat servers need Windows Message Queuing (MSMQ).",
            why: "The server requirements list Message Queuing, also called MSMQ, as what Persistent Chat servers also need, a Windows Server component installed from the Features section of Server Manager.",
            example: "A Persistent Chat server built without the Message Queuing feature.",
            fix: "Install Message Queuing before running Skype for Business Server setup on the server.",
        },
        ..Rule::STABLE
    },
];
