//! PAIR: Front End pool pairing (disaster recovery, backup registrar).

use super::shared::{
    ALL, BACK_END_SERVER, DEPLOY_PAIR_STEPS, DISASTER_RECOVERY, HA_ADDITIONAL_STEPS,
    L13_BACK_END_HA, L13_CAPACITY, L13_FE_PLANNING, L13_PAIRING_OPTIONS, L13_S15, S15_S19_SE,
    S15_USER_MODEL_FE, S19_USER_MODEL_FE, UPGRADE_IN_PLACE_METHODS, UPGRADE_OFFLINE_METHOD,
};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const DR_BACKUP_REGISTRAR: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md",
    heading: "Backup Registrar relationships and Survivable Branch Appliances",
};
const DR_DATA_SECURITY: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md",
    heading: "Front End pool pairing data security",
};
const DR_MITIGATING_RISKS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md",
    heading: "Mitigating security risks",
};
const L13_BACKUP_REGISTRAR: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-backup-registrar-relationships.md",
    heading: "",
};
const DEPLOY_PAIR: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/front-end-pools-for-disaster-recovery.md",
    heading: "",
};
const VOICE_RESILIENCY: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Requirements and Recommendations",
};
const TOPOLOGY_HADR: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "High availability and disaster recovery support",
};
const TOPOLOGY_DATABASES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "Databases",
};
const S15_USER_MODEL_SUMMARY: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/capacity/user-model.md",
    heading: "Summary of Results",
};
const L13_FE_ADDITIONAL_STEPS: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-topologies-and-components-for-front-end-servers-instant-messaging-and-presence.md",
    heading: "Additional Steps to Ensure Pools are Functional",
};
const L13_EDGE_DR: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-edge-server-disaster-recovery.md",
    heading: "",
};
const PCHAT_HADR: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/high-availability-and-disaster-recovery.md",
    heading: "Disaster recovery and high availability solutions",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "PAIR-001",
        name: "pair-same-edition",
        title: "Paired pools must be of the same edition",
        family: Family::Pair,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[DISASTER_RECOVERY, L13_PAIRING_OPTIONS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `front_end` pool whose `backup_pool` names another `front_end` pool, the two pools' `edition` must be equal: an Enterprise Edition pool pairs only with an Enterprise Edition pool, a Standard Edition server only with a Standard Edition server.",
            why: "Microsoft supports only Enterprise-with-Enterprise and Standard-with-Standard pairings. Topology Builder accepts an Enterprise pool paired with a Standard Edition server, but failing an Enterprise pool's users over to a single Standard Edition server is not supported and the server cannot carry them.",
            example: "`pool-dal.contoso.com` (`\"edition\": \"enterprise\"`) has `\"backup_pool\": \"se-chi.contoso.com\"`, a Standard Edition server.",
            fix: "Pair the Enterprise pool with another Enterprise pool, or pair two Standard Edition servers with each other.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-002",
        name: "pair-same-platform",
        title: "Paired pools must both be physical or both be virtual",
        family: Family::Pair,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[DISASTER_RECOVERY, L13_PAIRING_OPTIONS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `front_end` pool whose `backup_pool` names another `front_end` pool, all servers of both pools must share one `platform`: all `physical` or all `virtual`. A pool that mixes the two breaks the rule as well. The rule is not evaluated when a server has no `platform`.",
            why: "Microsoft supports pairing physical pools only with physical pools and virtual pools only with virtual pools. Neither Topology Builder nor topology validation stops a mixed pairing.",
            example: "`pool-dal.contoso.com` runs on `physical` servers and its `backup_pool` `pool-chi.contoso.com` runs on `virtual` servers.",
            fix: "Pair the pool with a pool on the same platform, or rebuild one pool so that both pools are entirely physical or entirely virtual.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-003",
        name: "pair-same-os",
        title: "Paired pools must run the same operating system",
        family: Family::Pair,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[DISASTER_RECOVERY, L13_PAIRING_OPTIONS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `front_end` pool whose `backup_pool` names another `front_end` pool, the set of `os` values on one pool's servers must equal the set on the other pool's servers. The rule is not evaluated when a server has no `os`.",
            why: "Paired pools must run the same base operating system (the Lync Server 2013 page says the same operating system), and Topology Builder does not check it. Only the Windows Server version is compared; a different edition or patch level does not count.",
            example: "`pool-dal.contoso.com` runs on `ws2019` and its partner `pool-chi.contoso.com` on `ws2016`.",
            fix: "Rebuild one pool's servers on the other pool's Windows Server version (in-place OS upgrades are not supported), or pair with a pool that runs the same version.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-004",
        name: "pair-same-back-end-ha",
        title: "Use the same Back End HA solution in both pools of a pair",
        family: Family::Pair,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[BACK_END_SERVER, L13_BACK_END_HA],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every pair of `front_end` pools, the `ha.mode` of the two pools' `back_end` stores must be the same whenever either of them is not `none`. `always_on_fci` and `failover_cluster` count as one solution, and a Standard Edition server counts as `none`.",
            why: "Microsoft says both pools of a pair should use the same Back End high-availability solution; the Lync Server 2013 page says explicitly not to pair a mirrored pool with a clustered one. Topology Builder does not compare the two back ends.",
            example: "`pool-dal.contoso.com` has a back end with `\"mode\": \"mirroring\"` and its partner `pool-chi.contoso.com` a back end with `\"mode\": \"always_on_ag\"`.",
            fix: "Give both pools' back ends the same HA solution, for example an AlwaysOn Availability Group in each.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-005",
        name: "pair-reciprocal",
        title: "Backup relationship is exactly 1:1 and reciprocal",
        family: Family::Pair,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::Partial,
        sources: &[DR_BACKUP_REGISTRAR, L13_BACKUP_REGISTRAR, DEPLOY_PAIR_STEPS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every pool with a `backup_pool`: the `backup_pool` must not name the pool itself, and the named pool's `backup_pool` must name this pool back (a missing `backup_pool` or one naming a third pool breaks the rule). This also keeps any pool from backing up more than one pool. The `associated_pool` of an `sba` or `sbs` pool is never counted as a pairing.",
            why: "Backup relationships between Front End pools must be one-to-one and symmetrical: each pool backs up exactly one other pool (the many-to-one model of Lync Server 2010 is gone). Topology Builder protects this only in part, by offering only unpaired pools in its list.",
            example: "`pool-dal.contoso.com` has `\"backup_pool\": \"pool-chi.contoso.com\"` but `pool-chi.contoso.com` has `\"backup_pool\": \"pool-nyc.contoso.com\"`.",
            fix: "Set each pool's `backup_pool` to its partner on both sides, so that every pool is paired with exactly one other pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-006",
        name: "pair-branch-backup-allowed",
        title: "A paired pool may also back up any number of SBAs/SBSs",
        family: Family::Pair,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_BACKUP_REGISTRAR, L13_BACKUP_REGISTRAR, DEPLOY_PAIR_STEPS],
        evaluation: Evaluation::Guidance(
            "an allowance rather than a restriction, built into PAIR-005, which never counts a branch appliance's association as a pairing",
        ),
        doc: RuleDoc {
            what: "A paired Front End pool may also be the backup registrar of any number of Survivable Branch Appliances and Survivable Branch Servers without breaking the one-to-one pairing rule. The engine lists this as guidance.",
            why: "The documentation states that although pool-to-pool backup relationships must be 1:1 and symmetrical, each pool can still back up any number of branch appliances.",
            example: "`pool-dal.contoso.com` is paired with `pool-chi.contoso.com` and is also the `associated_pool` of five branch appliances.",
            fix: "Nothing to change; associate as many branch appliances as needed, keeping the pool within its user capacity.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-007",
        name: "pair-same-product",
        title: "Both pools of a pair must run the same product version for DR failover to be supported",
        family: Family::Pair,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[UPGRADE_IN_PLACE_METHODS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every pair of `front_end` pools, the two pools' `product` must be equal. When one side is `sfbse` the finding is unverified and reported as a warning, because pairing 2019 with Subscription Edition is not documented.",
            why: "Pool failover in disaster mode is not supported when paired pools run different versions, so a disaster in the middle of an upgrade can lose data. Microsoft documents this for Lync Server 2013 with Skype for Business Server 2015; the engine applies it to every mix. Topology Builder allows mixed pairs because they exist during in-place upgrades.",
            example: "`pool-dal.contoso.com` (`sfb2015`) is paired with `pool-chi.contoso.com` (`lync2013`).",
            fix: "Upgrade the second pool immediately after the first so that both pools run the same product.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-008",
        name: "pair-different-site",
        title: "Partner pool must be in a different central site / data center",
        family: Family::Pair,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[VOICE_RESILIENCY, TOPOLOGY_HADR, DISASTER_RECOVERY],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every pair of `front_end` pools, the two pools must have different `site` values and both sites must be of `kind` `central`: the same site, or a `branch` site on either side, is an error. Two different central sites that share one data center (their `data_center`, else the site id) give a warning.",
            why: "Central-site voice resiliency requires a single backup Registrar pool in a different central site, and the disaster-recovery design puts each pool of a pair in its own data center and geography. A pair inside one data center does not survive the loss of that data center.",
            example: "`pool-dal.contoso.com` and its partner `pool-dal2.contoso.com` are both in site `dallas`.",
            fix: "Pair the pool with a pool in another central site, preferably in a different data center.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-009",
        name: "pair-same-region",
        title: "Prefer partner data centers in the same world region with fast links",
        family: Family::Pair,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[DISASTER_RECOVERY, L13_PAIRING_OPTIONS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every pair of `front_end` pools, when both pools' sites have a `region`, the two regions must be equal. The rule is not evaluated when either site has no `region`.",
            why: "Paired data centers may be any distance apart, but Microsoft recommends two data centers in the same world region with high-speed links. Across regions, replication latency can mean more data lost in a disaster, and the published recovery targets assume one region.",
            example: "`pool-dal.contoso.com` (site region `na`) is paired with `pool-ams.contoso.com` (site region `emea`).",
            fix: "Pair pools whose data centers are in the same world region and have fast links between them, or accept the larger potential data loss.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-010",
        name: "pair-capacity",
        title: "Each pool of a pair must be sized for the users of both pools",
        family: Family::Pair,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[
            DISASTER_RECOVERY,
            S15_USER_MODEL_FE,
            S19_USER_MODEL_FE,
            L13_CAPACITY,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every pair of `front_end` pools: an Enterprise pool's `users`, plus the `users` of the `sba`/`sbs` pools associated with it, must not exceed 40,000 (`lync2013`, `sfb2015`) or 53,000 (`sfb2019`, `sfbse`), and the two pools' `users` together must not exceed the lower of its server count × 6,660 and its pool maximum (80,000 or 106,000). A Standard Edition server may have at most 2,500 users, and the two servers at most 5,000 together. The rule is not evaluated when either pool has no `users`.",
            why: "After a failover one pool serves the users of both, so each pool must be designed for the combined load. Microsoft's capacity pages size a pool in a DR pair at 40,000 users (53,000 for 2019) and a Front End Server at 6,660 users.",
            example: "`pool-dal.contoso.com` (`sfb2015`, six servers) has `\"users\": 45000` and is paired with `pool-chi.contoso.com`.",
            fix: "Add Front End Servers, move users to another pair of pools, or split the deployment into more pairs so each pool can carry both pools' users.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-011",
        name: "pair-standard-dr-only",
        title: "Standard Edition pairs provide DR only (no Back End HA)",
        family: Family::Pair,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_PAIRING_OPTIONS, TOPOLOGY_DATABASES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every pair of `front_end` pools that both have `edition` `standard`, the engine notes that the pair gives disaster recovery only: no Back End high availability, and failover is a manual step.",
            why: "A Standard Edition server's SQL Server Express database is collocated and cannot be moved, so it cannot be made highly available. Pairing two such servers gives DR measures only, and an administrator must run the failover.",
            example: "`se-dal.contoso.com` and `se-chi.contoso.com`, both `\"edition\": \"standard\"`, are each other's `backup_pool`.",
            fix: "Nothing is wrong. If server and Back End high availability are needed, use Enterprise pools of at least three Front End Servers with an HA back end.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-012",
        name: "pair-three-servers-sync",
        title: "After pairing, three Front End Servers of each pool must run simultaneously at some point",
        family: Family::Pair,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HA_ADDITIONAL_STEPS, L13_FE_ADDITIONAL_STEPS],
        evaluation: Evaluation::Guidance(
            "a procedure: which servers run at the same time after pairing is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "After a pairing is created, each Enterprise pool of the pair must at some point have three Front End Servers running at the same time, so that it synchronizes with its backup pool. The engine lists this as guidance.",
            why: "Without three servers running together the pool's data is not properly synchronized with the backup pool, and a later failover can find the backup pool out of date.",
            example: "A new pairing is published while `pool-dal.contoso.com` is kept at two running servers for maintenance.",
            fix: "Once the pairing is published, have at least three Front End Servers of each pool running simultaneously, then check the Backup Service status.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-013",
        name: "pair-existing-pools-steps",
        title: "Pairing pools that are already deployed needs extra steps on every FE",
        family: Family::Pair,
        strength: Strength::RequiredProcedure,
        products: S15_S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DEPLOY_PAIR_STEPS],
        evaluation: Evaluation::Guidance(
            "a procedure: whether a pairing was added after deployment, and which steps were run, is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "When pools that are already deployed are paired, every Front End Server of both pools needs extra steps: run Bootstrapper, reapply the installed cumulative update, start the Backup Service (`LYNCBACKUP`), run `Invoke-CsBackupServiceSync` in both directions, and confirm the steady state with `Get-CsBackupServiceStatus`. The engine lists this as guidance.",
            why: "The pairing only works once the Backup Service runs on every server and the first synchronization has finished; skipping a step leaves the backup pool without the data a failover needs.",
            example: "`pool-dal.contoso.com` and `pool-chi.contoso.com` have been in production for a year and are paired by publishing the topology only.",
            fix: "Run steps 7 to 11 of the pairing procedure on every Front End Server of both pools and wait for the Backup Service to report a steady state in both directions.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-014",
        name: "pair-voice-failover-not-pool-failover",
        title: "\"Automatic failover and failback for Voice\" ≠ automatic pool failover",
        family: Family::Pair,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DEPLOY_PAIR],
        evaluation: Evaluation::Guidance("a behaviour to know, not a property of a topology"),
        doc: RuleDoc {
            what: "The \"Automatic failover and failback for Voice\" option affects voice resiliency only; pool failover and failback always need an administrator to run the cmdlets. The engine lists this as guidance.",
            why: "An administrator who ticks the voice option may expect the pool to fail over by itself. It does not, so a DR plan must name who runs `Invoke-CsPoolFailover` and `Invoke-CsPoolFailback`.",
            example: "A DR runbook expects the users of `pool-dal.contoso.com` to move to `pool-chi.contoso.com` automatically because the voice failover option is ticked.",
            fix: "Plan and rehearse a manual pool failover with `Invoke-CsPoolFailover -DisasterMode` and failback with `Invoke-CsPoolFailback`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-015",
        name: "pair-keep-during-upgrade",
        title: "Do not unpair pools before an in-place upgrade",
        family: Family::Pair,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[UPGRADE_OFFLINE_METHOD],
        evaluation: Evaluation::Guidance("upgrade plans are not recorded in a topology"),
        doc: RuleDoc {
            what: "During an in-place upgrade from Lync Server 2013 to Skype for Business Server 2015, paired pools must stay paired: their `backup_pool` must not be removed before the upgrade. The engine lists this as guidance.",
            why: "The upgrade documentation says explicitly not to unpair paired pools before the upgrade.",
            example: "An upgrade plan removes the pairing between `pool-dal.contoso.com` and `pool-chi.contoso.com` before running the in-place upgrade.",
            fix: "Keep the pairing in place and upgrade the second pool immediately after the first (see PAIR-007).",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-016",
        name: "pair-protect-backup-traffic",
        title: "Backup Service traffic between data centers must be protected",
        family: Family::Pair,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_DATA_SECURITY, DR_MITIGATING_RISKS],
        evaluation: Evaluation::Guidance(
            "network protection between data centers is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "Backup Service traffic between the data centers of paired pools must stay inside the protected corporate network. As an option, Microsoft suggests IPsec for SMB (TCP 445) from each Front End Server of one pool to the file store of the other. The engine lists this as guidance.",
            why: "The Backup Service does not encrypt the user data and conference content it copies (SIP URIs, contact lists, meeting content), so a link that crosses an unprotected network exposes it.",
            example: "Paired pools in Dallas and Chicago replicate over a link that crosses a third-party network without encryption.",
            fix: "Carry the traffic between data centers over the protected corporate WAN or a secured connection, and consider IPsec rules for SMB TCP 445 between each pool's Front End Servers and the partner's file store.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-017",
        name: "pair-front-end-pools-only",
        title: "Only Front End pools (EE) and Standard Edition servers participate in pool pairing",
        family: Family::Pair,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::Yes,
        sources: &[L13_EDGE_DR, PCHAT_HADR],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A pool whose `kind` is not `front_end` must not have a `backup_pool`, and the `backup_pool` of a `front_end` pool must name a `front_end` pool.",
            why: "Only Enterprise Front End pools and Standard Edition servers take part in pool pairing. Edge pools get disaster recovery from several Edge pools, Persistent Chat uses a stretched pool, and the other roles have no pairing at all.",
            example: "`edge-dal.contoso.com` (`\"kind\": \"edge\"`) has `\"backup_pool\": \"edge-chi.contoso.com\"`.",
            fix: "Remove the `backup_pool` from the pool that is not a Front End pool and plan its disaster recovery the way its role requires.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-018",
        name: "pair-optional",
        title: "Pool pairing is optional",
        family: Family::Pair,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DEPLOY_PAIR],
        evaluation: Evaluation::Guidance(
            "pairing is optional, so an unpaired pool breaks nothing; `simulate` answers \"no DR\" for unpaired pools",
        ),
        doc: RuleDoc {
            what: "Pool pairing is optional: a topology without any `backup_pool` is valid, but its pools have no disaster recovery. The engine lists this as guidance.",
            why: "Pairing is the only disaster-recovery mechanism for Front End pools; without it, losing a data center leaves its pools' users without service until the pool is restored.",
            example: "`pool-dal.contoso.com` has no `backup_pool`, and the business expects service to continue if the Dallas data center is lost.",
            fix: "If disaster recovery is required, pair the pool with a pool of the same edition, platform, OS and product in another central site.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-019",
        name: "pair-no-dr-for-branch-users",
        title: "No DR for users homed on an SBA/SBS",
        family: Family::Pair,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[DR_BACKUP_REGISTRAR, L13_BACKUP_REGISTRAR],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For every `sba` or `sbs` pool, the engine notes that the users homed on it have no disaster recovery, and names its `associated_pool`.",
            why: "If the Front End pool that backs a branch appliance fails, the appliance's users fall into resiliency mode, even while the Front End pool's own users are failed over to its partner.",
            example: "`sba-austin.contoso.com` (`\"kind\": \"sba\"`) has `\"associated_pool\": \"pool-dal.contoso.com\"`.",
            fix: "Nothing to change in the topology. Tell branch users what resiliency mode offers, or home users who need disaster recovery on a paired Front End pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "PAIR-020",
        name: "pair-small-use-standard",
        title: "Small-footprint DR: use two Standard Edition servers rather than a 1–2 server EE pool",
        family: Family::Pair,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_FE_PLANNING, S15_USER_MODEL_SUMMARY],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "The engine flags a `front_end` pool with `edition` `enterprise` and fewer than three `servers` whose `backup_pool` names another `front_end` pool.",
            why: "For a small deployment that needs disaster recovery, Microsoft recommends a pair of Standard Edition servers (2,500 users each, 5,000 after a failover) rather than a one- or two-server Enterprise pool.",
            example: "`pool-dal.contoso.com` (`enterprise`, two servers) has `\"backup_pool\": \"pool-chi.contoso.com\"`.",
            fix: "Replace the small Enterprise pools with two paired Standard Edition servers, or grow each Enterprise pool to at least three Front End Servers.",
        },
        ..Rule::STABLE
    },
];
