//! CMS: Central Management store.

use super::shared::{
    AG_ON_MIRRORED_POOL, AG_ON_UNMIRRORED_POOL, ALL, DR_CMS_FAILOVER, L13_CMS_FAILOVER, L13_S15,
    S15_S19_SE, USER_EXPERIENCE,
};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const FAIL_OVER_POOL_IN_DISASTER: Source = Source {
    path: "Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md",
    heading: "To fail over a pool in a disaster",
};
const UPGRADE_ORDER: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "Upgrade order",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "CMS-001",
        name: "cms-single-active",
        title: "Exactly one active CMS",
        family: Family::Cms,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_CMS_FAILOVER, L13_CMS_FAILOVER],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Exactly one pool must have `cms` `active`: none is reported on the topology as a whole, several are reported on each such pool. A pool with `cms` `active` or `standby` must be a `front_end` pool.",
            why: "Each deployment has one Central Management store, hosted on the Back End of one Front End pool or on a Standard Edition server, and every server takes its configuration from it.",
            example: "Both `pool-dal.contoso.com` and `pool-chi.contoso.com` have `\"cms\": \"active\"`.",
            fix: "Mark the one pool that hosts the active CMS with `\"cms\": \"active\"`, its partner (if paired) with `\"cms\": \"standby\"`, and remove `cms` from every other pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "CMS-002",
        name: "cms-standby-on-partner",
        title: "Pairing the CMS pool creates an active/standby CMS",
        family: Family::Cms,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_CMS_FAILOVER, L13_CMS_FAILOVER],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "When the pool with `cms` `active` has a `backup_pool`, the engine notes that the partner holds the standby CMS. A pool with `cms` `standby` that is not the active CMS pool's `backup_pool` is reported as well.",
            why: "Pairing the pool that hosts the CMS sets up a standby CMS database in the backup pool, which the Backup Service keeps in sync with the active one. A standby CMS cannot exist anywhere else.",
            example: "`pool-nyc.contoso.com` has `\"cms\": \"standby\"`, but the active CMS pool `pool-dal.contoso.com` is paired with `pool-chi.contoso.com`.",
            fix: "Mark only the active CMS pool's partner as `standby`, and remove `cms` from other pools.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "CMS-003",
        name: "cms-fail-over-first",
        title: "Fail over the CMS before the pool",
        family: Family::Cms,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[
            DR_CMS_FAILOVER,
            L13_CMS_FAILOVER,
            FAIL_OVER_POOL_IN_DISASTER,
        ],
        evaluation: Evaluation::Guidance("a failover procedure, not a property of a topology"),
        doc: RuleDoc {
            what: "In a disaster that involves the pool hosting the CMS, or whenever the CMS is unavailable, fail over the CMS with `Invoke-CsManagementServerFailover` (or reinstall or move it) before running `Invoke-CsPoolFailover -DisasterMode`. The engine lists this as guidance.",
            why: "Pool failover needs a working Central Management store; failing over the pool first leaves the deployment without configuration data.",
            example: "`pool-dal.contoso.com` hosts the active CMS and is lost; the runbook fails its users over to `pool-chi.contoso.com` before moving the CMS.",
            fix: "Run `Invoke-CsManagementServerFailover` first, then `Invoke-CsPoolFailover -DisasterMode`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "CMS-004",
        name: "cms-no-failback",
        title: "No CMS failback needed",
        family: Family::Cms,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_CMS_FAILOVER, L13_CMS_FAILOVER],
        evaluation: Evaluation::Guidance("a behaviour to know, not a property of a topology"),
        doc: RuleDoc {
            what: "After the disaster is repaired, the CMS does not need to be failed back; it can stay in the pool it was failed over to. The engine lists this as guidance.",
            why: "Failing back the pool's users does not require moving the CMS, which saves a step and a risk during failback.",
            example: "After `pool-dal.contoso.com` is repaired, the runbook plans to move the CMS back from `pool-chi.contoso.com` as a required step.",
            fix: "Leave the CMS in the pool it was failed over to, and record in the topology which pool now holds `\"cms\": \"active\"`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "CMS-005",
        name: "cms-failover-targets",
        title: "CMS failover targets RTO 5 min / RPO 5 min",
        family: Family::Cms,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_CMS_FAILOVER, L13_CMS_FAILOVER],
        evaluation: Evaluation::Guidance(
            "an engineering target, not a property of a topology; it feeds `simulate`",
        ),
        doc: RuleDoc {
            what: "The engineering targets for a CMS failover are a recovery time objective of 5 minutes and a recovery point objective of 5 minutes. The engine lists this as guidance.",
            why: "These figures tell how long configuration changes are unavailable after a CMS failover and how much recent configuration data may be lost.",
            example: "A DR plan needs to know how long configuration changes stay impossible after the CMS pool `pool-dal.contoso.com` is lost.",
            fix: "Use 5 minutes for both RTO and RPO of the CMS in DR planning, on top of the time needed to decide to fail over.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "CMS-006",
        name: "cms-move-before-ag",
        title: "Move CMS before converting its pool to AG",
        family: Family::Cms,
        strength: Strength::Unsupported,
        products: S15_S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[AG_ON_MIRRORED_POOL, AG_ON_UNMIRRORED_POOL],
        evaluation: Evaluation::AliasOf("BE-018"),
        doc: RuleDoc {
            what: "Reported as BE-018: before the pool that hosts the CMS is converted to an AlwaysOn Availability Group, the CMS must be moved to another pool.",
            why: "The AG deployment procedure requires the CMS to be moved off the pool first.",
            example: "A plan converts the mirrored back end of the CMS pool `pool-dal.contoso.com` to an AG without moving the CMS.",
            fix: "Move the CMS with `Move-CsManagementServer` (to a temporary Standard Edition server if no other pool exists) before the conversion.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "CMS-007",
        name: "cms-pool-upgraded-last",
        title: "CMS pool upgraded last",
        family: Family::Cms,
        strength: Strength::Recommended,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[UPGRADE_ORDER],
        evaluation: Evaluation::Guidance("upgrade order is not recorded in a topology"),
        doc: RuleDoc {
            what: "In an in-place upgrade from Lync Server 2013 to Skype for Business Server 2015, upgrade all other pools first, then the Edge Servers, and the pool that hosts the CMS last. The engine lists this as guidance.",
            why: "Microsoft documents the upgrade order from the inside out, with the CMS pool last.",
            example: "An upgrade plan starts with the CMS pool `pool-dal.contoso.com` before the other pools and the Edge Servers.",
            fix: "Reorder the plan: user pools first, then Edge Servers, then the CMS pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "CMS-008",
        name: "cms-lis-backup",
        title: "LIS data is not replicated",
        family: Family::Cms,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[USER_EXPERIENCE],
        evaluation: Evaluation::Guidance(
            "backups of the Location Information Server database are not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "The Backup Service does not replicate the Location Information Server (LIS) database: back it up regularly and restore it into the backup pool after a failover. The engine lists this as guidance.",
            why: "The LIS database is not copied to the backup pool, so after a failover the backup pool only has the location data an administrator restores there; Microsoft's best practice is to restore the latest backup.",
            example: "`pool-dal.contoso.com` is failed over to `pool-chi.contoso.com`, but no recent LIS backup exists to restore there.",
            fix: "Schedule regular LIS backups and add restoring them into the backup pool to the failover runbook.",
        },
        ..Rule::STABLE
    },
];
