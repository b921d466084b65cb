//! WIT: Witnesses and quorum arbiters.

use super::shared::{
    ALL, BACK_END_SERVER, BACK_END_SERVER_GUIDELINES, BACK_END_SERVER_MIRRORING,
    BACK_END_SERVER_USER_EXPERIENCE, HIGH_AVAILABILITY, L13_BACK_END_HA, L13_FE_TOPOLOGIES,
    L13_S15, SQL_MIRRORING, SQL_MIRRORING_CMDLETS,
};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const SQL_MIRRORING_REMOVE_WITNESS: Source = Source {
    path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/sql-mirroring-for-high-availability.md",
    heading: "Removing a Mirroring Witness",
};
const AG_PROCEDURES: &[Source] = &[
    Source {
        path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md",
        heading: "Deploy an Always On Availability Group on a new Front End pool",
    },
    Source {
        path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md",
        heading: "Deploy an Always On Availability Group on an existing pool that uses database mirroring",
    },
    Source {
        path: "Skype/SfbServer/deploy/deploy-high-availability-and-disaster-recovery/alwayson-availability-group.md",
        heading: "Deploy an Always On Availability Group on an existing pool that does not use database mirroring",
    },
];
const PCHAT_RESOURCES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/persistent-chat-server/high-availability-and-disaster-recovery.md",
    heading: "Resource requirements",
};
const L13_PCHAT_RESOURCES: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-required-resources-for-persistent-chat-server.md",
    heading: "",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "WIT-001",
        name: "wit-mirroring-witness-recommended",
        title: "Mirroring witness is optional; recommended for automatic failover",
        family: Family::Wit,
        strength: Strength::Recommended,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[
            BACK_END_SERVER_MIRRORING,
            BACK_END_SERVER_USER_EXPERIENCE,
            L13_BACK_END_HA,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A store whose `ha.mode` is `mirroring` should name a `witness`; a mirrored store without one is a warning.",
            why: "Microsoft recommends a witness because it makes Back End failover automatic. Without one an administrator has to invoke the failover; meanwhile users keep working for about 30 minutes and then drop to Resiliency mode.",
            example: "Store `be-dal` with `\"ha\": {\"mode\": \"mirroring\", \"principal\": {...}, \"mirror\": {...}}` and no `witness`.",
            fix: "Add a witness SQL Server of the same SQL Server version in Topology Builder (Use SQL mirroring witness to enable automatic failover), publish, and record it as `witness`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "WIT-002",
        name: "wit-dedicated-witness",
        title: "One witness may serve several mirror pairs",
        family: Family::Wit,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_MIRRORING],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A witness (one `fqdn` and `instance`) should serve only one mirrored store; a witness named by more than one mirrored store is a warning, reported once with the witness's FQDN as subject.",
            why: "One witness may serve several mirror pairs, but Microsoft notes that this is not quite as resilient as a separate witness per pair: losing the shared witness removes automatic failover from every pair at once.",
            example: "Stores `be-dal` and `be-chi` both with `\"witness\": {\"fqdn\": \"wit.contoso.com\", \"instance\": \"w1\"}`.",
            fix: "Give each mirrored store its own witness, or keep the shared witness knowing that its failure affects every pair.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "WIT-003",
        name: "wit-same-sql-version",
        title: "Witness SQL version equals principal/mirror; edition may differ",
        family: Family::Wit,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_GUIDELINES, SQL_MIRRORING],
        evaluation: Evaluation::AliasOf("BE-006"),
        doc: RuleDoc {
            what: "Reported as BE-006: the witness must run the same SQL Server version as the principal and the mirror; its edition may differ.",
            why: "Microsoft requires the principal, the mirror and the witness to run one SQL Server version, and leaves the witness's edition free.",
            example: "A witness on SQL Server 2012 for a principal and a mirror on SQL Server 2014.",
            fix: "Install the principal's SQL Server version on the witness.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "WIT-004",
        name: "wit-same-domain",
        title: "Witness in the same AD domain (TB/cmdlet setup)",
        family: Family::Wit,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER, SQL_MIRRORING],
        evaluation: Evaluation::AliasOf("BE-007"),
        doc: RuleDoc {
            what: "Reported as BE-007: when mirroring is managed with Topology Builder or the cmdlets, the witness must be in the same Active Directory domain as the principal and the mirror.",
            why: "Topology Builder and the cmdlets set up and remove mirroring only when the principal, the mirror and the witness belong to one domain.",
            example: "A witness in `emea.contoso.com` for a principal and a mirror in `corp.contoso.com`.",
            fix: "Move the witness into the principal's domain, or manage the mirroring with SQL Server tools.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "WIT-005",
        name: "wit-port-reachability",
        title: "Witness port and reachability",
        family: Family::Wit,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[SQL_MIRRORING_CMDLETS],
        evaluation: Evaluation::Guidance(
            "ports, firewall rules and the WMI provider are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation requires the witness endpoint (port 7022 by default) to be reachable through Windows Firewall and, for `Install-CsMirrorDatabase`, the WMI provider to run on the principal, the mirror and the witness. The engine lists this as guidance.",
            why: "A blocked witness port leaves the mirror without automatic failover, and the cmdlet uses WMI to find the accounts of the SQL Server services on all three servers.",
            example: "Windows Firewall on the witness blocks port 7022.",
            fix: "Open the witness port in Windows Firewall and check that the WMI provider runs on all three servers before running `Install-CsMirrorDatabase`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "WIT-006",
        name: "wit-lifecycle-with-mirror",
        title: "Witness lifecycle tied to the mirror",
        family: Family::Wit,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[SQL_MIRRORING, SQL_MIRRORING_REMOVE_WITNESS],
        evaluation: Evaluation::Guidance(
            "how a witness was added or removed is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "The documentation says the witness is set up or removed together with the mirror: there is no separate command to deploy or remove only a witness, although clearing the witness option in Topology Builder and publishing removes it. The engine lists this as guidance.",
            why: "Topology Builder owns the pool's mirroring configuration, so a witness change made only in SQL Server is not reflected in the topology.",
            example: "Trying to add a witness to an existing mirror with a cmdlet alone.",
            fix: "Add or remove the witness by editing the pool's properties in Topology Builder and publishing the topology.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "WIT-007",
        name: "wit-separate-host",
        title: "Witness placement",
        family: Family::Wit,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Derived,
        tb_enforced: TbEnforced::NotStated,
        sources: &[BACK_END_SERVER_USER_EXPERIENCE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "In a store whose `ha.mode` is `mirroring`, the `witness` should not be on the same host (`fqdn`) as the `principal` or the `mirror`.",
            why: "A witness sharing a host with the principal or the mirror means one host failure removes two of the three mirroring votes and takes the back end down (see BE-032). The documentation does not say where the witness should be; this rule is derived.",
            example: "Store `be-dal` with `principal` on `sql1.contoso.com` and `\"witness\": {\"fqdn\": \"sql1.contoso.com\", \"instance\": \"witness\"}`.",
            fix: "Host the witness on a server that is neither the principal nor the mirror.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "WIT-008",
        name: "wit-primary-database-tie-breaker",
        title: "Primary SQL database as FE-pool tie-breaker",
        family: Family::Wit,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[HIGH_AVAILABILITY, L13_FE_TOPOLOGIES],
        evaluation: Evaluation::AliasOf("FE-007"),
        doc: RuleDoc {
            what: "Reported as FE-007: a Front End pool with an even number of servers uses the primary SQL database as the tie-breaker for its quorum.",
            why: "In an even-sized pool, failing the back end over to the mirror while servers are down can take the whole pool down.",
            example: "A four-server pool losing two Front End Servers while its back end fails over to the mirror.",
            fix: "Avoid back-end failovers during Front End maintenance of an even-sized pool, or run an odd number of Front End Servers.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "WIT-009",
        name: "wit-ag-cluster-quorum",
        title: "AG cluster quorum witness",
        family: Family::Wit,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: AG_PROCEDURES,
        evaluation: Evaluation::AliasOf("BE-020"),
        doc: RuleDoc {
            what: "Reported as BE-020: the Windows Server Failover Cluster under an AlwaysOn Availability Group should use a file share witness for its quorum.",
            why: "Microsoft's Availability Group deployment steps recommend a file share witness for the cluster quorum.",
            example: "An Availability Group store with `\"quorum_witness\": \"disk\"`.",
            fix: "Configure a file share witness for the cluster in Failover Cluster Manager.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "WIT-010",
        name: "wit-persistent-chat-witnesses",
        title: "Persistent Chat mirroring witnesses",
        family: Family::Wit,
        strength: Strength::Unsupported,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[PCHAT_RESOURCES, L13_PCHAT_RESOURCES],
        evaluation: Evaluation::Guidance(
            "PCHAT-005 checks the Persistent Chat witnesses' placement (the secondary's witness beside the secondary); the witnesses themselves are optional",
        ),
        doc: RuleDoc {
            what: "The documentation makes a witness for the primary Persistent Chat database mirror optional, and requires the mirror and any witness of the log-shipping secondary database to be in the same data center as that secondary; the compliance databases follow the same layout. The engine lists this as guidance.",
            why: "The secondary database and its mirror take over in a disaster, and a witness left in the failed data center could not arbitrate their failover.",
            example: "The witness for the log-shipping secondary's mirror placed in the primary data center.",
            fix: "Keep the secondary database, its mirror and its witness together in the secondary data center, and add a witness to the primary mirror when automatic failover is wanted.",
        },
        ..Rule::STABLE
    },
];
