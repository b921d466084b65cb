//! SBA: Branch survivability.

use super::dir::TOPOLOGY_BASICS_SITE;
use super::shared::{ALL, L13_CAPACITY, S15_S19_SE, S15_USER_MODEL_FE, S19_USER_MODEL_FE};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const SBA_DETAILS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Survivable Branch Appliance Details",
};
const L13_SBA_DETAILS: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-branch-site-resiliency-solutions.md",
    heading: "Survivable Branch Appliance Details",
};
const BRANCH_SOLUTIONS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Branch site resiliency solutions",
};
const BRANCH_FEATURES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Branch site resiliency features",
};
const SBS_REQUIREMENTS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Requirements for Survivable Branch Servers",
};
const SBA_REQUIREMENTS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Requirements for Survivable Branch Appliances",
};
const VOICE_ARCHITECTURE_NOTE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Architecture and Topology",
};
const ASSOCIATE_APPLIANCE: Source = Source {
    path: "Skype/SfbServer/help-topics/help-topobld/associate-branch-office-appliance-with-front-end.md",
    heading: "",
};
const UPGRADE_WITH_SBA: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/upgrade.md",
    heading: "Upgrade process with existing Survivable Branch Appliance and Server",
};
const DR_BACKUP_REGISTRAR: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md",
    heading: "Backup Registrar relationships",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "SBA-001",
        name: "sba-at-most-two-per-branch",
        title: "At most two SBAs per branch site",
        family: Family::Sba,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[SBA_DETAILS, L13_SBA_DETAILS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A site holds at most two `sba` pools; a third is an error, reported on the site with the appliances as related names. Survivable Branch Servers (`sbs`) are not counted.",
            why: "The Survivable Branch Appliance details state that up to two Survivable Branch Appliances can be deployed in one branch site.",
            example: "Branch site `austin` with `sba1-aus`, `sba2-aus` and `sba3-aus`.",
            fix: "Keep two appliances in the site; for more users deploy a Survivable Branch Server, or make the site a central site with a Standard Edition server.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SBA-002",
        name: "sba-associated-with-central-registrar",
        title: "SBA/SBS associated with a FE pool or Standard Edition server",
        family: Family::Sba,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::Yes,
        sources: &[ASSOCIATE_APPLIANCE, TOPOLOGY_BASICS_SITE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An `sba` or `sbs` pool sits in a branch site and its `associated_pool` is a Front End pool or Standard Edition server of a central site; an appliance in a central site, one associated with a pool of another kind (a Director, an Edge pool…), or one backed by a pool of a branch site, is an error. (An `associated_pool` that is missing or names no pool is an input error: the document cannot be resolved.)",
            why: "Topology Builder associates every branch appliance with a Front End pool or Standard Edition server, its backup Registrar, and branch appliances belong to branch sites, which depend on a central site for most services.",
            example: "`sba-aus.contoso.com` in the central site `dallas`.",
            fix: "Place the appliance in its branch site and associate it with a Front End pool or Standard Edition server of a central site.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SBA-003",
        name: "sba-users-count-centrally",
        title: "Branch users count toward central capacity",
        family: Family::Sba,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[
            VOICE_ARCHITECTURE_NOTE,
            L13_CAPACITY,
            S15_USER_MODEL_FE,
            S19_USER_MODEL_FE,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For a `front_end` pool that backs branch appliances: when its own `users` fit the FE-009 capacity (sized for one Front End Server down) but its users plus the `users` of its `sba`/`sbs` pools do not, a warning names the appliances that tip it over (FE-009 reports the total too). Appliances without `users` make it not evaluated.",
            why: "Microsoft recommends counting each branch user as a user of the central site, because branch users rely on it for presence, conferencing and failover.",
            example: "`pool-dal` (3 Front End Servers, 2019) with 12,000 users and `sba-aus` with 2,000 users associated with it.",
            fix: "Add Front End Servers to the pool, or associate some appliances with another pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SBA-004",
        name: "sba-branch-sizing",
        title: "Branch solution sizing",
        family: Family::Sba,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[BRANCH_SOLUTIONS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "The users of a branch site's appliances (the `users` of its `sba` and `sbs` pools) fit the documented solution: one SBA up to 1,000 users, two SBAs or an SBS up to 2,000. More is a warning (above 2,000 the site is better deployed as a central site with a Standard Edition server). An appliance without `users` makes it not evaluated.",
            why: "Microsoft recommends an SBA for 25 to 1,000 branch users, an SBS or two SBAs for 1,000 to 2,000 users without a resilient WAN, and a full deployment (a Standard Edition server) for presence and conferencing up to 5,000 users.",
            example: "Branch site `austin` with one `sba` of 1,500 users.",
            fix: "Add a second SBA, replace it with an SBS, or deploy the site as a central site with a Standard Edition server rather than as a branch site.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SBA-005",
        name: "sba-no-dr-for-branch-users",
        title: "No DR for SBA-homed users",
        family: Family::Sba,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_BACKUP_REGISTRAR],
        evaluation: Evaluation::AliasOf("PAIR-019"),
        doc: RuleDoc {
            what: "Reported as PAIR-019: users homed on an SBA or SBS have no disaster recovery when the pool that backs the appliance fails.",
            why: "When the backing Front End pool fails, the appliance's users go into resiliency mode, even while the pool's own users are failed over to its partner.",
            example: "`sba-aus` associated with `pool-dal`, which is lost.",
            fix: "Home users who need disaster recovery on a paired Front End pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SBA-006",
        name: "sba-no-in-place-upgrade",
        title: "No in-place upgrade of SBA/SBS; coexistence with L10/L13 SBA/SBS supported",
        family: Family::Sba,
        strength: Strength::Unsupported,
        products: S15_S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[UPGRADE_WITH_SBA],
        evaluation: Evaluation::Guidance(
            "an upgrade method is a procedure, not part of a topology",
        ),
        doc: RuleDoc {
            what: "A Survivable Branch Appliance or Server cannot be upgraded in place; a Lync Server 2010 or 2013 appliance keeps working beside upgraded pools until it is replaced.",
            why: "The upgrade page states that branch appliances are not upgraded in place and that existing ones coexist with the new version.",
            example: "Running the in-place upgrade on a Lync Server 2013 SBA.",
            fix: "Keep the appliance during the upgrade of its pool, then replace it with an appliance of the new version.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SBA-007",
        name: "sba-sbs-requirements",
        title: "SBS hardware/software = FE requirements",
        family: Family::Sba,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[SBS_REQUIREMENTS],
        evaluation: Evaluation::Guidance(
            "hardware is not part of a topology; the operating system of an `sbs` pool's servers is read by the OS family as for every pool",
        ),
        doc: RuleDoc {
            what: "A Survivable Branch Server needs the hardware and software of a Front End Server.",
            why: "The requirements for Survivable Branch Servers are those of a Front End Server.",
            example: "An SBS on a desktop-class machine.",
            fix: "Size and install the SBS as a Front End Server.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SBA-008",
        name: "sba-no-xmpp",
        title: "SBA does not support XMPP",
        family: Family::Sba,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BRANCH_FEATURES],
        evaluation: Evaluation::Guidance(
            "which users have XMPP contacts is not part of a topology",
        ),
        doc: RuleDoc {
            what: "Users homed on a Survivable Branch Appliance cannot send IMs to, or see the presence of, XMPP contacts.",
            why: "The branch resiliency features note that an SBA does not support XMPP.",
            example: "A branch user homed on `sba-aus` with partner contacts federated through XMPP.",
            fix: "Home users who need XMPP federation on a Front End pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "SBA-009",
        name: "sba-branch-discovery",
        title: "Branch discovery survivability",
        family: Family::Sba,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[SBA_REQUIREMENTS],
        evaluation: Evaluation::Guidance(
            "DNS and DHCP servers of a branch are network infrastructure, not part of a topology",
        ),
        doc: RuleDoc {
            what: "During a WAN outage, branch clients must still resolve DNS SRV records (a local DNS server or DNS caching) or receive DHCP option 120; a DHCP server in the branch is recommended.",
            why: "The requirements for Survivable Branch Appliances name DNS resolution and DHCP option 120 as what lets a branch client find the appliance without the central site.",
            example: "A branch whose only DNS server is in the central site.",
            fix: "Provide DNS (or DNS caching) and DHCP in the branch, or enable the Registrar's DHCP option 120.",
        },
        ..Rule::STABLE
    },
];
