//! SQL: SQL Server version / edition support.

use super::shared::{
    ALL, BACK_END_SERVER, BACK_END_SERVER_ALWAYS_ON, BACK_END_SERVER_CLUSTERING,
    BACK_END_SERVER_MIRRORING, L13, L13_DATABASE_SOFTWARE, L13_S15, S15, S15_BACK_END_DATABASES,
    S15_S19_SE, S15_SERVER_REQUIREMENTS, S19, S19_SYSTEM_REQUIREMENTS, SE, SE_NEWS,
};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::{Family, Severity};

const S19_BACK_END_DATABASES: Source = Source {
    path: "Skype/SfBServer2019/plan/system-requirements.md",
    heading: "Back end databases that will work with Skype for Business Server 2019",
};
const UPGRADE_PATHS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "Recommended upgrade paths",
};
const PCHAT_DATABASES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/hardware-and-software-requirements.md",
    heading: "Persistent Chat Server database requirements",
};
const SE_UPGRADE_BLOG: Source = Source {
    path: "https://azurefeeds.com/",
    heading: "Why in-place upgrade from Skype for Business Server 2019 to Subscription Edition (SE) is low risk",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "SQL-001",
        name: "sql-lync2013-versions",
        title: "L13 Back End versions",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: L13,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[L13_DATABASE_SOFTWARE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `lync2013` Enterprise `front_end` pool and `lync2013` `persistent_chat` pool, the SQL version of its `back_end` store (each node's own `version`, else the store's; witnesses excepted) must be `2008r2` or `2012`; not evaluated when a version is unknown. This list also covers the store's mirroring and clustering.",
            why: "Lync Server 2013 supports SQL Server 2008 R2 and SQL Server 2012 (Standard or Enterprise, 64-bit, latest service pack recommended) for its back-end, Archiving, Monitoring and Persistent Chat databases; no other version is listed.",
            example: "A `lync2013` pool whose `back_end` store has `\"version\": \"2016\"`.",
            fix: "Run the store on 64-bit SQL Server 2008 R2 or 2012, Standard or Enterprise, or upgrade the pool to Skype for Business Server first.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-002",
        name: "sql-lync2013-no-sql2014",
        title: "L13 does not support SQL 2014",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: L13,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[UPGRADE_PATHS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `lync2013` Enterprise `front_end` pool and `lync2013` `persistent_chat` pool, a back-end SQL version (witnesses excepted) of `2014` or later is an error; not evaluated when a version is unknown.",
            why: "Lync Server 2013 does not support SQL Server 2014. Microsoft's upgrade path is to move the pool to Skype for Business Server 2015 first and upgrade SQL Server afterwards.",
            example: "A `lync2013` pool whose `back_end` store has `\"version\": \"2014\"`.",
            fix: "Keep the store on SQL Server 2008 R2 or 2012 until the pool runs Skype for Business Server 2015, then upgrade SQL Server.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-003",
        name: "sql-sfb2015-versions",
        title: "S15 Back End versions",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[S15_BACK_END_DATABASES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `sfb2015` Enterprise `front_end` pool, the back-end SQL version (witnesses excepted) must be `2012`, `2014`, `2016`, `2017` or `2019`; `2014` also needs the store's `cumulative_update` 6 or later, and `2016` needs `service_pack` 1 or later with the pool's `cumulative_update` 7 or later (not evaluated when that SP or CU is absent).",
            why: "Those are the SQL Server versions Skype for Business Server 2015 lists for an Enterprise back end, 64-bit Standard or Enterprise: SQL Server 2014 must run CU6 or later, and SQL Server 2016 needs SP1 with Skype for Business Server 2015 CU7 or later.",
            example: "An `sfb2015` pool with `\"cumulative_update\": 5` whose `back_end` store has `\"version\": \"2016\", \"service_pack\": 1`.",
            fix: "Move the store to a listed SQL Server version and install the updates it requires: CU6 for SQL Server 2014, or SP1 for SQL Server 2016 with the pool at CU7 or later.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-004",
        name: "sql-sfb2019-versions",
        title: "S19 Back End versions",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: S19,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[S19_BACK_END_DATABASES, BACK_END_SERVER],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `sfb2019` Enterprise `front_end` pool, the back-end SQL version (witnesses excepted) must be `2016`, `2017` or `2019`; not evaluated when a version is unknown.",
            why: "Skype for Business Server 2019 supports only SQL Server 2016, 2017 and 2019 (64-bit, running the latest updates) for an Enterprise back end.",
            example: "An `sfb2019` pool whose `back_end` store has `\"version\": \"2014\"`.",
            fix: "Move the back-end databases to SQL Server 2016, 2017 or 2019 and keep them on the latest updates.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-005",
        name: "sql-sfbse-versions",
        title: "SE Back End versions",
        family: Family::Sql,
        strength: Strength::Unsupported,
        severity: Some(Severity::Warning),
        products: SE,
        provenance: Provenance::Secondary,
        tb_enforced: TbEnforced::No,
        sources: &[SE_UPGRADE_BLOG, SE_NEWS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `sfbse` Enterprise `front_end` pool, the back-end SQL version (witnesses excepted) should be `2016`, `2017` or `2019`; any other version is an unverified warning, and `2022` is reported as not documented.",
            why: "No Microsoft documentation page for Subscription Edition was available; news and a repost of a Microsoft blog say its prerequisites are identical to Skype for Business Server 2019, so the 2019 list is applied. SQL Server 2022 support is not sourced.",
            example: "An `sfbse` pool whose `back_end` store has `\"version\": \"2014\"`.",
            fix: "Use SQL Server 2016, 2017 or 2019, or check the version against Microsoft's current Subscription Edition requirements.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-006",
        name: "sql-sfb2015-mirroring-versions",
        title: "Mirroring version list (S15)",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[BACK_END_SERVER_MIRRORING],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `sfb2015` Enterprise `front_end` pool whose `back_end` store has `ha.mode` `mirroring`, the SQL version must be `2012` with `service_pack` 2 and `cumulative_update` 2 or later, or `2014`, `2016`, `2017` or `2019`.",
            why: "Skype for Business Server 2015 supports database mirroring on SQL Server 2012 SP2 with CU2, 2014, 2016, 2017 and 2019, Standard or Enterprise. The deployment page's minimum of SQL Server 2008 R2 is left over from Lync Server 2013.",
            example: "An `sfb2015` pool on a mirrored store with `\"version\": \"2008r2\"`.",
            fix: "Move the mirrored store to SQL Server 2012 SP2 with CU2 or a later listed version.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-007",
        name: "sql-ag-enterprise-versions",
        title: "AG version/edition list",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: S15_S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[BACK_END_SERVER_ALWAYS_ON],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `sfb2015`, `sfb2019` or `sfbse` Enterprise `front_end` pool whose `back_end` store has `ha.mode` `always_on_ag`, every replica must be `enterprise` edition and the SQL version must be in the product's list: `2012` (at `service_pack` 2 and `cumulative_update` 2 or later), `2014`, `2016`, `2017` or `2019` for `sfb2015`; `2016`, `2017` or `2019` for `sfb2019` and `sfbse`. A `standard` edition replica is an error, or a warning when the `allow_basic_ag_on_standard` option is set.",
            why: "AlwaysOn Availability Groups are supported on SQL Server Enterprise. Microsoft's page lists the 2016–2019 Standard editions 'with limitations' but a note on the same page says AG is not supported on them; their basic groups hold one database each, too few for a pool.",
            example: "An `sfb2019` pool on store `ag-dal` with `\"edition\": \"standard\"` and `\"ha\": {\"mode\": \"always_on_ag\", ...}`.",
            fix: "Run the Availability Group on SQL Server Enterprise, or use a failover cluster instance on Standard edition.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-008",
        name: "sql-cluster-versions",
        title: "FCI / failover clustering version list",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[
            BACK_END_SERVER_CLUSTERING,
            S15_SERVER_REQUIREMENTS,
            S19_SYSTEM_REQUIREMENTS,
            L13_DATABASE_SOFTWARE,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `sfb2015`, `sfb2019` or `sfbse` Enterprise `front_end` pool whose `back_end` store has `ha.mode` `always_on_fci` or `failover_cluster`, the SQL version must be in the product's list: `2012` (at `service_pack` 2 and `cumulative_update` 2 or later), `2014`, `2016`, `2017` or `2019` for `sfb2015`; `2016`, `2017` or `2019` for `sfb2019` and `sfbse`. Lync Server 2013 clusters are covered by SQL-001.",
            why: "Each product lists the SQL Server versions it supports for failover clustering, with two nodes on Standard and up to sixteen on Enterprise; a cluster on another version is outside support.",
            example: "An `sfb2019` pool on store `fci-dal` with `\"version\": \"2014\"` and `\"ha\": {\"mode\": \"always_on_fci\", ...}`.",
            fix: "Build the cluster on a SQL Server version listed for the pool's product.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-009",
        name: "sql-sfb2015-sql2012-ha-patch-level",
        title: "SQL 2012 patch level in S15 HA configurations",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[
            BACK_END_SERVER_MIRRORING,
            BACK_END_SERVER_ALWAYS_ON,
            BACK_END_SERVER_CLUSTERING,
            S15_SERVER_REQUIREMENTS,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `sfb2015` Enterprise `front_end` pool whose `back_end` store has an `ha.mode` other than `none` and `version` `2012`, the store must be at `service_pack` 2 and `cumulative_update` 2 or later.",
            why: "For SQL Server 2012 in general, Skype for Business Server 2015 only recommends the latest service pack, but its mirroring, AlwaysOn and failover clustering lists all require SQL Server 2012 SP2 with CU2; the stricter high availability requirement applies.",
            example: "An `sfb2015` pool on a mirrored store with `\"version\": \"2012\", \"service_pack\": 1`.",
            fix: "Install SQL Server 2012 SP2 and CU2 or later on every server of the store.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-010",
        name: "sql-upgrade-sql2012-sp1-on-front-ends",
        title: "Upgrading to S15 needs SQL 2012 SP1 on FEs",
        family: Family::Sql,
        strength: Strength::RequiredProcedure,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_SERVER_REQUIREMENTS],
        evaluation: Evaluation::Guidance(
            "the SQL Server Express version on Front End Servers is not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation requires at least SQL Server 2012 SP1 on the Front End Servers (their local SQL Express stores) before an in-place upgrade from Lync Server 2013 to Skype for Business Server 2015. The engine lists this as guidance.",
            why: "Microsoft lists SQL Server 2012 SP1 on every Front End Server as a prerequisite of the in-place upgrade.",
            example: "Starting an in-place upgrade of a Lync Server 2013 pool whose Front End Servers still run SQL Server 2012 Express without a service pack.",
            fix: "Apply SQL Server 2012 SP1 or later to the local SQL Express instances of every Front End Server before upgrading.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-011",
        name: "sql-no-express-back-end",
        title: "Express editions only where collocated",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[
            L13_DATABASE_SOFTWARE,
            S15_SERVER_REQUIREMENTS,
            S19_SYSTEM_REQUIREMENTS,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every Enterprise `front_end` pool, no node of its `back_end` store other than a witness may have the effective `edition` `express`.",
            why: "SQL Server Express is supported only where the product installs it itself: on Standard Edition servers and as the local store of Front End, Director and Edge Servers. An Enterprise back end, Archiving or Monitoring store needs Standard or Enterprise edition.",
            example: "An Enterprise pool whose `back_end` store has `\"edition\": \"express\"`.",
            fix: "Move the back end to SQL Server Standard or Enterprise edition.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SQL-012",
        name: "sql-sfb2015-persistent-chat-versions",
        title: "Persistent Chat store versions (S15)",
        family: Family::Sql,
        strength: Strength::Unsupported,
        products: S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[PCHAT_DATABASES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `sfb2015` `persistent_chat` pool, the SQL version of its `back_end` store (witnesses excepted) must be `2008r2`, `2012` or `2014`; `2014` also needs the pool's `cumulative_update` 6 or later.",
            why: "Skype for Business Server 2015 lists SQL Server 2008 R2, 2012 and 2014 for the Persistent Chat and compliance databases (mgc and mgccomp), with Skype for Business Server CU6 or later for SQL Server 2014.",
            example: "An `sfb2015` `persistent_chat` pool whose `back_end` store has `\"version\": \"2016\"`.",
            fix: "Put the Persistent Chat databases on SQL Server 2008 R2, 2012 or 2014, and update the pool to CU6 or later when using 2014.",
        },
        ..Rule::STABLE
    },
];
