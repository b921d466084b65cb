//! FE: Front End pool sizing, quorum and operations.

use super::shared::{
    ALL, HA_ADDITIONAL_STEPS, HIGH_AVAILABILITY, L13_CAPACITY, L13_FE_PLANNING, L13_FE_TOPOLOGIES,
    L13_S15, S15_S19_SE, S15_USER_MODEL_FE, S19_OPERATING_SYSTEMS, S19_USER_MODEL_FE,
};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const L13_CAPACITY_FE: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-capacity-planning-using-the-user-models.md",
    heading: "Front End Server",
};
const S15_USER_MODEL: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/capacity/user-model.md",
    heading: "",
};
const S19_USER_MODEL: Source = Source {
    path: "Skype/SfBServer2019/plan/user-model-2019.md",
    heading: "",
};
const HA_ROUTING_GROUP_QUORUM: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md",
    heading: "Routing Group Level quorum loss",
};
const HA_POOL_QUORUM: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md",
    heading: "Pool-level quorum loss",
};
const HA_TWO_SERVERS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md",
    heading: "Front End pool with two Front End servers",
};
const HA_CONFIGURATION_CHANGES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md",
    heading: "Front End pool configuration failures and changes",
};
const L13_ROUTING_GROUP_QUORUM: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-topologies-and-components-for-front-end-servers-instant-messaging-and-presence.md",
    heading: "Routing Group Level quorum loss",
};
const L13_POOL_QUORUM: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-topologies-and-components-for-front-end-servers-instant-messaging-and-presence.md",
    heading: "Pool-level quorum loss",
};
const L13_POOL_UPGRADES: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-topologies-and-components-for-front-end-servers-instant-messaging-and-presence.md",
    heading: "Improving the Reliability of Pool Upgrades",
};
const GET_CS_POOL_UPGRADE_READINESS_STATE: Source = Source {
    path: "https://learn.microsoft.com/powershell/module/skype/get-cspoolupgradereadinessstate",
    heading: "",
};
const L13_METROPOLITAN: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-compatibility-with-lync-server-2010-metropolitan-site-resiliency.md",
    heading: "",
};
const TOPOLOGY_SITES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "Sites",
};
const TOPOLOGY_SITE_CONTENTS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "What's in a Skype for Business Server site?",
};
const TOPOLOGY_SERVER_ROLES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "Server roles",
};
const S19_SINGLE_TREE_DOMAINS: Source = Source {
    path: "Skype/SfBServer2019/plan/system-requirements.md",
    heading: "Single forest with a single tree and multiple domains",
};
const MEDIATION_TOPOLOGIES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/mediation-server.md",
    heading: "Topologies for Mediation Server",
};
const LOAD_BALANCING: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "",
};
const LB_DNS_FE_DIRECTOR: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "DNS Load Balancing on Front End Pools and Director Pools",
};
const LB_DEPLOY_DNS_FE_DIRECTOR: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "Deploying DNS Load Balancing on Front End Pools and Director Pools",
};
const PLANNING_TOOL_HA: Source = Source {
    path: "Skype/SfbServer/help-topics/2019/planning/ms.lync.plan.HighAvailability.md",
    heading: "",
};
const TB_ADD_FRONT_END_POOL: Source = Source {
    path: "Skype/SfbServer/help-topics/2019/topobld/ms.lync.tb.AddFrontEndPoolPage.md",
    heading: "",
};
const LARGE_MEETINGS_DEDICATED_POOL: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/conferencing/large-meetings.md",
    heading: "Plan for a dedicated pool",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "FE-001",
        name: "fe-max-servers",
        title: "Maximum Front End Servers per pool",
        family: Family::Fe,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[
            L13_CAPACITY_FE,
            S15_USER_MODEL_FE,
            S19_USER_MODEL_FE,
            HIGH_AVAILABILITY,
            TOPOLOGY_SITES,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An Enterprise `front_end` pool may have at most 12 `servers` for `lync2013` and `sfb2015`, and at most 16 for `sfb2019`. For `sfbse` the limit of 16 is applied, but the finding is unverified and reported as a warning.",
            why: "The capacity pages give 12 Front End Servers per pool as the maximum for Lync Server 2013 and Skype for Business Server 2015; Skype for Business Server 2019 raised it to 16. Larger pools are not supported.",
            example: "`pool-dal.contoso.com` (`sfb2015`) lists 14 servers.",
            fix: "Reduce the pool to the supported maximum and home the remaining users on another pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-002",
        name: "fe-min-three-servers",
        title: "Enterprise pools should have at least three Front End Servers",
        family: Family::Fe,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HIGH_AVAILABILITY, L13_FE_PLANNING],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An Enterprise `front_end` pool with fewer than three `servers` is reported.",
            why: "Each user's data is kept on three Front End Servers of the pool. Microsoft recommends at least three servers in every Enterprise pool; smaller pools cannot keep all three copies and lose quorum easily.",
            example: "`pool-dal.contoso.com` (`\"edition\": \"enterprise\"`) has two servers.",
            fix: "Add Front End Servers until the pool has at least three, or deploy Standard Edition servers for a small site.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-003",
        name: "fe-two-server-pool",
        title: "Two-server Enterprise pools",
        family: Family::Fe,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::Partial,
        sources: &[HIGH_AVAILABILITY, HA_TWO_SERVERS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An Enterprise `front_end` pool with exactly two `servers` is an error for `sfb2019`, an unverified warning for `sfbse`, and a warning for `lync2013` and `sfb2015`.",
            why: "Skype for Business Server 2019 does not support two-server Enterprise pools, and Topology Builder refuses to publish them. Earlier versions allow them but Microsoft advises against it: the pool gives weak high availability and is likely to go down soon after its Back End Server fails.",
            example: "`pool-dal.contoso.com` (`sfb2019`, `enterprise`) has exactly two servers.",
            fix: "Add a third Front End Server or deploy Standard Edition servers instead. A two-server pool kept on 2013 or 2015 must follow the two-server operating rules (FE-017).",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-004",
        name: "fe-small-prefer-standard",
        title: "For one or two servers, prefer Standard Edition",
        family: Family::Fe,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HA_TWO_SERVERS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An Enterprise `front_end` pool with one or two `servers` gets a recommendation to deploy Standard Edition servers instead.",
            why: "When only one or two servers are deployed, Microsoft recommends Standard Edition servers: a one- or two-server Enterprise pool gives no robust high availability and needs extra care to operate.",
            example: "`pool-dal.contoso.com` (`\"edition\": \"enterprise\"`) has one server.",
            fix: "Deploy the servers as Standard Edition servers (pair two of them for disaster recovery), or grow the pool to three or more Front End Servers.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-005",
        name: "fe-startup-quorum",
        title: "First-start quorum (routing-group level)",
        family: Family::Fe,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HA_ROUTING_GROUP_QUORUM, L13_ROUTING_GROUP_QUORUM],
        evaluation: Evaluation::Guidance(
            "needs which servers are running, which a topology does not record; the start-up table feeds `simulate` and the quorum queries",
        ),
        doc: RuleDoc {
            what: "The first time a new pool starts, a minimum number of its Front End Servers must be running (for example 3 of 3, 3 of 4, 6 of 8, 10 of 12, and 12 of 16 for 2019), and later starts should meet the same threshold. The engine lists this as guidance.",
            why: "With fewer servers running, the services can stay stuck in the starting state and the pool may not start (routing-group quorum loss).",
            example: "A new eight-server pool is started for the first time with only five servers up; six are needed.",
            fix: "Bring up enough servers for the pool's size before its first start. If a later start cannot reach the threshold while pool-level quorum holds, run `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-006",
        name: "fe-pool-quorum",
        title: "Pool-level quorum",
        family: Family::Fe,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HA_POOL_QUORUM, L13_POOL_QUORUM],
        evaluation: Evaluation::Guidance(
            "needs which servers are running, which a topology does not record; the pool-level table feeds `simulate` and the quorum queries",
        ),
        doc: RuleDoc {
            what: "A pool works only while enough Front End Servers run: 1 of 2, any 2 of 3–4, any 3 of 5–6, any 4 of 7, any 4 of the first 7 for 8–9, any 5 of the first 9 for 10–12, and any 7 of the first 12 for 2019 pools of 12–16. The engine lists this as guidance.",
            why: "Below this level the remaining servers stop all services and the whole pool is down. The \"first\" servers are those started first, listed at the top of `Get-CsComputer -PoolFqdn` (the topology's `servers` order).",
            example: "A maintenance plan for a nine-server pool takes down four of its first seven servers at once, leaving only three of them running.",
            fix: "Plan maintenance and absorb failures so that the running servers always meet the table; `simulate` can test a plan.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-007",
        name: "fe-even-pool-tie-breaker",
        title: "Even-numbered pools depend on the primary SQL database as tie-breaker",
        family: Family::Fe,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HIGH_AVAILABILITY, L13_FE_TOPOLOGIES],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `front_end` pool with an even number of `servers` (two or more) gets a note that it uses its primary SQL Server database as quorum witness.",
            why: "In a pool with an even number of servers, the primary Back End database breaks ties. If the back end is switched to its mirror while too few Front End Servers are running, the whole pool goes down.",
            example: "`pool-dal.contoso.com` has four servers.",
            fix: "Nothing is wrong. Consider an odd number of servers, and avoid failing the back end over while Front End Servers are down.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-008",
        name: "fe-three-running-first-move",
        title: "At least three FEs running when users are first moved into a pool",
        family: Family::Fe,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HA_ADDITIONAL_STEPS],
        evaluation: Evaluation::Guidance(
            "a procedure: which servers run when users are moved is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "When users are moved into a pool for the first time, at least three of its Front End Servers must be running. The engine lists this as guidance.",
            why: "Each user's data is placed on three Front End Servers; with fewer running, the pool cannot place the replicas and may not stay functional.",
            example: "Users are moved into the new pool `pool-dal.contoso.com` while only two of its servers are running.",
            fix: "Start at least three Front End Servers of the pool before moving the first users into it.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-009",
        name: "fe-user-capacity",
        title: "User capacity per pool",
        family: Family::Fe,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_CAPACITY_FE, S15_USER_MODEL_FE, S19_USER_MODEL_FE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An Enterprise `front_end` pool's `users`, plus the `users` of the `sba`/`sbs` pools whose `associated_pool` it is, must not exceed its number of `servers` × 6,660, nor the pool maximum of 80,000 (`lync2013`, `sfb2015`) or 106,000 (`sfb2019`, `sfbse`). The rule is not evaluated when the pool has no `users`.",
            why: "Microsoft sizes each Front End Server for 6,660 users and caps a pool at 80,000 users (106,000 for 2019). Plan for one server down: 30,000 users need six servers, not five.",
            example: "`pool-dal.contoso.com` (`sfb2015`, five servers) has `\"users\": 40000`.",
            fix: "Add Front End Servers (within the pool maximum) or move users to another pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-010",
        name: "fe-no-stretched-pool",
        title: "Stretched Front End pools are not supported",
        family: Family::Fe,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_USER_MODEL_FE, S19_USER_MODEL_FE, L13_METROPOLITAN],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "All `servers` of a `front_end` pool must be in one data center, where a server's data center is its own `data_center`, else its pool's site's `data_center`, else the site id.",
            why: "A Front End pool stretched across data centers is not supported; Lync Server 2013 dropped the metropolitan site resiliency of Lync Server 2010. Disaster recovery across data centers uses pool pairing instead.",
            example: "`pool-dal.contoso.com` has `fe1-dal.contoso.com` with `\"data_center\": \"dal1\"` and `fe2-dal.contoso.com` with `\"data_center\": \"dal2\"`.",
            fix: "Keep every server of the pool in one data center, and pair the pool with a pool in the other data center for disaster recovery.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-011",
        name: "fe-single-domain",
        title: "All FEs and the pool's Back End servers in one AD domain",
        family: Family::Fe,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_SITE_CONTENTS, S19_SINGLE_TREE_DOMAINS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "All `servers` of a `front_end` pool and the SQL nodes of its `back_end` store (a mirroring witness excepted) must have the same `domain`. The rule is not evaluated when one of them has no `domain`.",
            why: "The documentation states that all Front End Servers of a pool, and the pool's Back End Servers, have to be in the same Active Directory domain.",
            example: "The servers of `pool-dal.contoso.com` are in `corp.contoso.com` and its back-end node `sql1-dal.contoso.com` is in `data.contoso.com`.",
            fix: "Put the pool's Front End Servers and its Back End SQL servers in one Active Directory domain.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-012",
        name: "fe-same-os",
        title: "Identical OS version across the pool",
        family: Family::Fe,
        strength: Strength::Unsupported,
        products: S15_S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S19_OPERATING_SYSTEMS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "All servers of a pool of any `kind` except `sba` must have the same `os`. It is an error for `sfb2015` and `sfb2019` pools, an unverified warning for `sfbse` pools, and is not applied to `lync2013` pools. When a server has no `os` and the known values agree, the rule is not evaluated.",
            why: "The Skype for Business Server 2019 requirements state that all servers of a pool must run the same operating system version; the same follows for 2015.",
            example: "`pool-dal.contoso.com` (`sfb2019`) has two servers on `ws2019` and one on `ws2016`.",
            fix: "Rebuild the odd servers on the Windows Server version of the rest of the pool (in-place OS upgrades are not supported).",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-013",
        name: "fe-identical-roles",
        title: "Identical roles on every server of a pool",
        family: Family::Fe,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_SERVER_ROLES, MEDIATION_TOPOLOGIES],
        evaluation: Evaluation::Guidance("the roles of each server are not recorded in a topology"),
        doc: RuleDoc {
            what: "Every server of a pool must run exactly the same set of server roles; for example, a collocated Mediation Server must be configured identically on every Front End Server. The engine lists this as guidance.",
            why: "A pool is a set of identically configured servers that share one load; a role present on only some servers breaks that model.",
            example: "Mediation Server is collocated on two of the three Front End Servers of `pool-dal.contoso.com`.",
            fix: "Configure the same roles on every server of the pool, or move the extra role to its own pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-014",
        name: "fe-load-balancing",
        title: "Multi-server pools need load balancing",
        family: Family::Fe,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[
            TOPOLOGY_SITES,
            TOPOLOGY_SERVER_ROLES,
            LOAD_BALANCING,
            LB_DNS_FE_DIRECTOR,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `front_end` pool with more than one server needs `load_balancing.sip` set to `dns` or `hardware` and `load_balancing.web` set to `hardware`. The rule is not evaluated when the pool has no `load_balancing`.",
            why: "A pool of several servers needs load balancing. DNS load balancing can carry SIP traffic but not client-to-server web traffic, which always needs a hardware load balancer.",
            example: "`pool-dal.contoso.com` has three servers and `\"load_balancing\": { \"sip\": \"dns\", \"web\": \"none\" }`.",
            fix: "Load-balance SIP with DNS or a hardware load balancer, and put the web services behind a hardware load balancer.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-015",
        name: "fe-restart-after-change",
        title: "Restart discipline after pool membership changes",
        family: Family::Fe,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HA_CONFIGURATION_CHANGES],
        evaluation: Evaluation::Guidance(
            "a procedure: restarts after a topology change are not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "After publishing a topology that adds or removes Front End Servers, restart every Front End Server of the pool, one at a time; if the whole pool was down during the change, run `Reset-CsPoolRegistrarState -ResetType ServiceReset` after publishing. The engine lists this as guidance.",
            why: "The pool's servers pick up the new membership only after a restart, and restarting them all at once can drop the pool below quorum.",
            example: "A fourth server is added to `pool-dal.contoso.com` and the topology is published, but the existing servers are not restarted.",
            fix: "Restart each Front End Server in turn after publishing, or run `Reset-CsPoolRegistrarState -PoolFqdn <pool> -ResetType ServiceReset` if the whole pool was down.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-016",
        name: "fe-remove-failed-server",
        title: "Remove long-failed FEs from the topology",
        family: Family::Fe,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HA_CONFIGURATION_CHANGES],
        evaluation: Evaluation::Guidance(
            "how long a server has been down is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "A Front End Server that has failed and will not be replaced for a few days or more should be removed from the topology and added back once it is available. The engine lists this as guidance.",
            why: "A server that stays in the topology while down counts against the pool's quorum and keeps replicas assigned to it.",
            example: "`fe3-dal.contoso.com` failed and its replacement hardware is a week away, but it stays in the topology.",
            fix: "Remove the server from the topology, publish, and add it back when the replacement is ready (restarting the pool's servers after each change).",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-017",
        name: "fe-two-server-operations",
        title: "Operating a two-FE pool",
        family: Family::Fe,
        strength: Strength::Recommended,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HA_TWO_SERVERS],
        evaluation: Evaluation::Guidance("an operating procedure, not a property of a topology"),
        doc: RuleDoc {
            what: "In a two-server Enterprise pool, bring a failed server back quickly. If both servers go down, restart them together; otherwise restart them in the reverse order of shutdown; failing that, run `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery` before bringing the pool back. The engine lists this as guidance.",
            why: "A two-server pool has no spare server for quorum, so a wrong restart order can leave the pool unable to start.",
            example: "Both servers of `pool-dal.contoso.com` are patched at once and restarted in the order they were shut down.",
            fix: "Follow the restart order above, or run `Reset-CsPoolRegistrarState -PoolFqdn <pool> -ResetType QuorumLossRecovery` before bringing the pool back.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-018",
        name: "fe-single-server-no-ha",
        title: "HA requires ≥2 FEs (Planning Tool view)",
        family: Family::Fe,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[PLANNING_TOOL_HA],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An Enterprise `front_end` pool with exactly one server gets a note that it has no server-level high availability.",
            why: "High availability of a Front End pool comes from several servers sharing the load; with one server, its failure stops the pool.",
            example: "`pool-dal.contoso.com` (`\"edition\": \"enterprise\"`) has one server.",
            fix: "Add Front End Servers (three or more are recommended) if the pool must stay up when a server fails.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-019",
        name: "fe-upgrade-domain-patching",
        title: "Upgrade-domain patching discipline (L13)",
        family: Family::Fe,
        strength: Strength::Recommended,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_POOL_UPGRADES, GET_CS_POOL_UPGRADE_READINESS_STATE],
        evaluation: Evaluation::Guidance("a patching procedure, not a property of a topology"),
        doc: RuleDoc {
            what: "When patching a pool one upgrade domain at a time, wait about 20 minutes after `Get-CsPoolUpgradeReadinessState` reports \"Ready\" before the next domain, stop if any server of the last domain failed to restart, and keep a primary and at least one secondary replica for every routing group. The engine lists this as guidance.",
            why: "Patching the next upgrade domain too early can take down every replica of some routing groups, and their users lose service.",
            example: "An administrator patches the second upgrade domain of `pool-dal.contoso.com` while a server of the first one has not come back.",
            fix: "Check readiness with `Get-CsPoolUpgradeReadinessState` (on 2019, `Get-CsUpgradeDomainInfo`), wait about 20 minutes after \"Ready\", and fix failed servers before continuing.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-020",
        name: "fe-fqdn-immutable",
        title: "Pool FQDN is immutable after publishing",
        family: Family::Fe,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TB_ADD_FRONT_END_POOL],
        evaluation: Evaluation::Guidance(
            "the history of a pool's name is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "A pool's FQDN cannot be changed once the topology is published; renaming a pool means deleting it and creating it again. The engine lists this as guidance.",
            why: "Recreating a pool affects everything that names it: its pairing, its associated branch appliances and the pools that use it as next hop.",
            example: "A plan renames `pool-dal.contoso.com` to `pool-tx.contoso.com` while keeping its pairing with `pool-chi.contoso.com`.",
            fix: "Choose pool FQDNs carefully before publishing; to rename, deploy a new pool, move users and dependencies, then remove the old pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-021",
        name: "fe-large-meeting-pool",
        title: "Large-meeting pools",
        family: Family::Fe,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[
            LARGE_MEETINGS_DEDICATED_POOL,
            L13_CAPACITY,
            S15_USER_MODEL,
            S19_USER_MODEL,
        ],
        evaluation: Evaluation::Guidance("a pool's meeting workload is not recorded in a topology"),
        doc: RuleDoc {
            what: "A pool meant for meetings of 250 to 1,000 participants should be dedicated to them: two Front End Servers, no users for IM, presence or voice, no other meetings, and one large meeting at a time. The engine lists this as guidance.",
            why: "A user-hosting pool supports meetings of up to 250 participants; larger meetings need the whole capacity of a dedicated pool.",
            example: "A 900-participant town hall is scheduled on `pool-dal.contoso.com`, which also homes 20,000 users.",
            fix: "Deploy a separate two-server pool for large meetings, home no other users on it, and schedule one large meeting at a time.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "FE-022",
        name: "fe-web-fqdn-unique",
        title: "Web services FQDN uniqueness with DNS load balancing",
        family: Family::Fe,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_DEPLOY_DNS_FE_DIRECTOR],
        evaluation: Evaluation::Guidance("web services FQDNs are not recorded in a topology"),
        doc: RuleDoc {
            what: "A Front End or Director pool that uses DNS load balancing needs a separate internal web services FQDN (the override) that resolves to the hardware load balancer's virtual IP. Every external web services FQDN, and every overridden internal one, must be unique across all Front End pools, Front End Servers and Director pools. The engine lists this as guidance.",
            why: "With DNS load balancing the pool FQDN resolves to the servers' own addresses, so web traffic needs another name that points at the hardware load balancer; a web FQDN shared by two pools sends clients to the wrong one.",
            example: "`pool-dal.contoso.com` and `pool-chi.contoso.com` both use `web.contoso.com` as external web services FQDN.",
            fix: "Tick \"Override internal Web Services pool FQDN\" in Topology Builder for DNS-load-balanced pools, and give every pool its own web services FQDNs.",
        },
        ..Rule::STABLE
    },
];
