//! COEX: upgrade, migration and coexistence constraints on HA/DR.

use super::shared::{
    ALL, L13, L13_S15, S15_S19_SE, S19_MIGRATING_SITES, S19_SE, UPGRADE_IN_PLACE_METHODS,
    UPGRADE_OFFLINE_METHOD,
};
use crate::registry::{
    Evaluation, Provenance, Rule, RuleDoc, Source, Status, Strength, TbEnforced,
};
use crate::tokens::{Family, Severity};

const UPGRADE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "",
};
const UPGRADE_PATHS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "Recommended upgrade paths to Skype for Business Server 2015",
};
const UPGRADE_PLAN_FROM_L13: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "Plan to upgrade from Lync Server 2013 to Skype for Business Server 2015",
};
const UPGRADE_MOVE_USERS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "Move Users method (no user downtime)",
};
const UPGRADE_COEXISTENCE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "Support for coexistence with Lync Server 2013 and Lync Server 2010",
};
const S19_DEPRECATED_IN_PLACE: Source = Source {
    path: "Skype/SfBServer2019/deprecated.md",
    heading: "In-place upgrades",
};
const S19_ADMINISTERING_AFTER_MIGRATION: Source = Source {
    path: "Skype/SfBServer2019/migration/administering-servers-after-migration.md",
    heading: "",
};
const AZUREFEEDS_SE_UPGRADE: Source = Source {
    path: "https://azurefeeds.com/",
    heading: "Repost (26 Jun 2025) of the Microsoft Tech Community post \"Why in-place upgrade from Skype for Business Server 2019 to Subscription Edition (SE) is low risk\"",
};
const NEOWIN_SE_NEWS: Source = Source {
    path: "https://www.neowin.net/",
    heading: "News article \"Skype for Business Server SE now available\" (future coexistence restriction)",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "COEX-001",
        name: "coex-mixed-version-pair",
        title: "Mixed-version pairs break DR failover",
        family: Family::Coex,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[UPGRADE_IN_PLACE_METHODS],
        evaluation: Evaluation::AliasOf("PAIR-007"),
        doc: RuleDoc {
            what: "Reported as PAIR-007: both pools of a pair must run the same `product`.",
            why: "Pool failover in disaster mode is not supported between paired pools of different versions.",
            example: "`pool-dal.contoso.com` has been upgraded to `sfb2015` while its partner `pool-chi.contoso.com` is still `lync2013`.",
            fix: "Upgrade the partner pool immediately after the first one.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "COEX-002",
        name: "coex-keep-pairing-during-upgrade",
        title: "Do not unpair for an in-place upgrade",
        family: Family::Coex,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[UPGRADE_OFFLINE_METHOD],
        evaluation: Evaluation::AliasOf("PAIR-015"),
        doc: RuleDoc {
            what: "Reported as PAIR-015: paired pools stay paired during an in-place upgrade.",
            why: "The upgrade documentation says not to unpair paired pools before an in-place upgrade.",
            example: "An upgrade plan removes the `backup_pool` of `pool-dal.contoso.com` and `pool-chi.contoso.com` before upgrading them.",
            fix: "Keep the pairing and upgrade both pools one right after the other.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "COEX-003",
        name: "coex-whole-pool-upgrade",
        title: "Whole-pool upgrades only",
        family: Family::Coex,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[UPGRADE_OFFLINE_METHOD],
        evaluation: Evaluation::Guidance(
            "the upgrade state of each server is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "Once the in-place upgrade of a pool has started, every server of the pool must be upgraded; a partly upgraded pool is not supported. The engine lists this as guidance.",
            why: "Skype for Business Server does not support a pool in which only some servers run the new version.",
            example: "Two of the four servers of `pool-dal.contoso.com` are upgraded to Skype for Business Server 2015 and the rest are left on Lync Server 2013.",
            fix: "Complete the upgrade of every server of the pool before returning it to service.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "COEX-004",
        name: "coex-two-generations",
        title: "At most two product generations in one topology",
        family: Family::Coex,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[UPGRADE_COEXISTENCE, UPGRADE_PATHS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "The pools of one topology must not use more than two different `product` values; the finding is reported on the topology as a whole. When `sfbse` is one of the values, the finding is unverified and reported as a warning.",
            why: "Skype for Business Server 2015 can share a topology with Lync Server 2013 or with Lync Server 2010, but not with both: three versions at once (\"tri-existence\") is not supported. The engine applies the same two-version limit to every mix.",
            example: "A topology holds `lync2013` pool `pool-old.contoso.com`, `sfb2015` pool `pool-dal.contoso.com` and `sfb2019` pool `pool-chi.contoso.com`.",
            fix: "Finish migrating one version (move its users, then remove its pools) before introducing the next.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "COEX-005",
        name: "coex-in-place-upgrade-no-hadr",
        title: "In-place upgrade gives no HA/DR during the upgrade",
        family: Family::Coex,
        strength: Strength::Recommended,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[UPGRADE_PLAN_FROM_L13, UPGRADE_MOVE_USERS],
        evaluation: Evaluation::Guidance("upgrade plans are not recorded in a topology"),
        doc: RuleDoc {
            what: "An in-place upgrade gives no high availability or disaster recovery: the users of the pool being upgraded are offline unless they are moved to another pool first (Move Users method), together with the conference directories so that PSTN conferences still resolve. The engine lists this as guidance.",
            why: "The pool is taken offline during an in-place upgrade, and PSTN dial-in conferencing keeps resolving conference IDs to the pool being upgraded unless its conference directories are moved.",
            example: "`pool-dal.contoso.com` is upgraded in place with the Offline method during business hours, with its users still homed on it.",
            fix: "Move the users and the conference directories to another pool before the upgrade, or schedule the Offline method in a maintenance window and tell users.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "COEX-006",
        name: "coex-legacy-features-legacy-pools",
        title: "S19 keeps legacy HA features only in legacy pools",
        family: Family::Coex,
        strength: Strength::Unsupported,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::Yes,
        sources: &[S19_MIGRATING_SITES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `sfb2019` or `sfbse` pool must not have a `back_end` whose `ha.mode` is `mirroring`, and no `persistent_chat` pool may have `product` `sfb2019` or `sfbse` (PCHAT-001 reports that pool too, as the product's missing role). Findings on `sfbse` pools are unverified and reported as warnings.",
            why: "Skype for Business Server 2019 removed SQL mirroring, Persistent Chat and XMPP. They may keep running in Lync Server 2013 or Skype for Business Server 2015 pools that coexist with 2019, but cannot be configured on 2019 pools.",
            example: "`pool-chi.contoso.com` (`sfb2019`) has a back end with `\"mode\": \"mirroring\"`.",
            fix: "Give 2019 pools an AlwaysOn Availability Group, an FCI or a failover cluster as back end, and keep Persistent Chat on a 2015 pool until it is retired.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "COEX-007",
        name: "coex-no-in-place-to-2019",
        title: "No in-place upgrade to S19",
        family: Family::Coex,
        strength: Strength::Unsupported,
        products: S15_S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S19_DEPRECATED_IN_PLACE, UPGRADE],
        evaluation: Evaluation::Guidance("upgrade methods are not recorded in a topology"),
        doc: RuleDoc {
            what: "Moving from Skype for Business Server 2015 to 2019 is side by side only: deploy new 2019 pools and move users to them; in-place upgrade is not supported. The engine lists this as guidance.",
            why: "In-place upgrades existed in Skype for Business Server 2015 but are no longer supported in 2019.",
            example: "A plan runs an in-place upgrade of the 2015 pool `pool-dal.contoso.com` to Skype for Business Server 2019.",
            fix: "Deploy a new 2019 pool, move the users and services to it, then remove the 2015 pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "COEX-008",
        name: "coex-se-upgrade-paths",
        title: "SE upgrade paths",
        family: Family::Coex,
        strength: Strength::Unsupported,
        severity: Some(Severity::Warning),
        status: Status::Preview,
        products: ALL,
        provenance: Provenance::Secondary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[AZUREFEEDS_SE_UPGRADE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "With `--target-product sfbse` (readiness), one finding per pool that cannot simply be upgraded in place: a `sfb2015` pool moves side by side only; no path from `lync2013` is documented; a `persistent_chat` pool stays behind on its product, since Persistent Chat does not exist in Subscription Edition. `sfb2019` pools are upgraded in place and get no finding. Never reported by an ordinary check.",
            why: "A repost of a Microsoft Tech Community post describes the paths: in place or side by side from 2019, side by side only from 2015; a news article claims an in-place path from 2015 as well, but the Microsoft-authored text is followed. No primary documentation was found.",
            example: "`hadr-rules check --target-product sfbse` on a topology with the 2015 pool `pool-dal.contoso.com`.",
            fix: "Move 2015 pools to Subscription Edition side by side (new pools, move users); check the current Microsoft documentation before relying on an in-place path.",
        },
    },
    Rule {
        id: "COEX-009",
        name: "coex-admin-tools-version",
        title: "Administrative tools versioning",
        family: Family::Coex,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S19_ADMINISTERING_AFTER_MIGRATION],
        evaluation: Evaluation::Guidance("administrative tools are not recorded in a topology"),
        doc: RuleDoc {
            what: "Once a 2019 pilot pool exists, manage every resource, legacy ones included, with the 2019 Topology Builder and Control Panel; administrative tools of different versions cannot be installed on one computer. The engine lists this as guidance.",
            why: "Mixing administrative tool versions is not supported, and older tools cannot manage the 2019 parts of the topology.",
            example: "An administrator keeps editing the topology with the 2015 Topology Builder after the 2019 pilot pool `pool-chi.contoso.com` is deployed.",
            fix: "Use the 2019 administrative tools for the whole deployment, installed on a computer without older versions of the tools.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "COEX-010",
        name: "coex-sql-upgrade-order-l13",
        title: "SQL upgrade ordering with L13",
        family: Family::Coex,
        strength: Strength::Unsupported,
        products: L13,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[UPGRADE_PATHS],
        evaluation: Evaluation::AliasOf("SQL-002"),
        doc: RuleDoc {
            what: "Reported as SQL-002: a Lync Server 2013 pool must not use SQL Server 2014 or later.",
            why: "SQL Server 2014 is supported by Skype for Business Server 2015 but not by Lync Server 2013, so the pool must be upgraded before the SQL Server.",
            example: "The back end of `lync2013` pool `pool-dal.contoso.com` is upgraded to SQL Server `2014`.",
            fix: "Upgrade the pool to Skype for Business Server 2015 first, then upgrade SQL Server.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "COEX-011",
        name: "coex-se-future-coexistence",
        title: "Future SE update may block coexistence with numbered versions",
        family: Family::Coex,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Secondary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[NEOWIN_SE_NEWS],
        evaluation: Evaluation::Guidance(
            "an announced future change found only in a news article, not in a primary source",
        ),
        doc: RuleDoc {
            what: "A news article reports that a future Subscription Edition update may stop Subscription Edition from coexisting with the numbered versions (2015, 2019). The engine lists this as unverified guidance and does not enforce it.",
            why: "If the restriction arrives, a mixed topology would have to finish its migration before taking that update; no Microsoft documentation confirms it yet.",
            example: "A migration plan keeps `sfb2019` pools alongside `sfbse` pools indefinitely.",
            fix: "Plan to complete the move to Subscription Edition, and watch Microsoft's documentation for the actual restriction.",
        },
        ..Rule::STABLE
    },
];
