//! DIR: Director pools.

use super::shared::{ALL, L13_CAPACITY, S15_S19_SE};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

pub(super) const TOPOLOGY_BASICS_SITE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "What's in a Skype for Business Server site?",
};
pub(super) const TOPOLOGY_BASICS_COLLOCATION: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/topology-basics.md",
    heading: "Collocation of server roles",
};
const S15_USER_MODEL_DIRECTOR: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/capacity/user-model.md",
    heading: "Director",
};
const S19_USER_MODEL_DIRECTOR: Source = Source {
    path: "Skype/SfBServer2019/plan/user-model-2019.md",
    heading: "Director",
};
pub(super) const VOICE_ARCHITECTURE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Architecture and Topology",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "DIR-001",
        name: "dir-max-directors",
        title: "At most 10 Directors per pool",
        family: Family::Dir,
        strength: Strength::Unsupported,
        products: S15_S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_BASICS_SITE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `director` pool of Skype for Business Server 2015, 2019 or Subscription Edition lists at most 10 `servers`; more is an error.",
            why: "Microsoft states that a Director pool holds up to 10 Directors.",
            example: "`dir-dal.contoso.com` (`\"kind\": \"director\"`, `\"product\": \"sfb2019\"`) with 11 servers.",
            fix: "Split the Directors into two pools of at most 10, or remove Directors the remote-user load does not need.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "DIR-002",
        name: "dir-ha-and-capacity",
        title: "Director HA: ≥2 Directors; 12,000 (L13/S15) / 18,000 (S19) concurrent remote users each",
        family: Family::Dir,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[
            L13_CAPACITY,
            S15_USER_MODEL_DIRECTOR,
            S19_USER_MODEL_DIRECTOR,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `director` pool with one server is a warning (no high availability). With two or more, its `concurrent_remote_users` must fit 12,000 per Director (Lync Server 2013, Skype for Business Server 2015) or 18,000 (2019, Subscription Edition); absent, the capacity is not evaluated.",
            why: "The capacity pages recommend at least two Directors for high availability and size each for 12,000 (2013, 2015) or 18,000 (2019) concurrent remote users.",
            example: "`dir-dal.contoso.com` with one server; or two 2015 Directors with `\"concurrent_remote_users\": 30000`.",
            fix: "Add a second Director to the pool, and enough Directors for the concurrent remote users.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "DIR-003",
        name: "dir-no-stretched-pool",
        title: "No stretched Director pools",
        family: Family::Dir,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[
            L13_CAPACITY,
            S15_USER_MODEL_DIRECTOR,
            S19_USER_MODEL_DIRECTOR,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "The servers of a `director` pool are all in one data center (each server's `data_center`, else its site's); servers in two or more data centers are an error.",
            why: "The capacity pages state that stretched Director pools are not supported.",
            example: "`dir-dal.contoso.com` with one server in `dc-dal` and one in `dc-chi`.",
            fix: "Deploy one Director pool in each data center instead of one pool across both.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "DIR-004",
        name: "dir-not-collocated",
        title: "Director separate from other roles (cannot be collocated)",
        family: Family::Dir,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_BASICS_COLLOCATION],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `director` pool has no `collocated_roles`; a role listed there (Mediation, A/V Conferencing, Archiving, Monitoring) is an error. Without the key the rule is not evaluated.",
            why: "Topology basics list the Director among the roles that cannot be collocated with any other server role.",
            example: "`dir-dal.contoso.com` with `\"collocated_roles\": [\"mediation\"]`.",
            fix: "Move the collocated role to its own pool or to a Front End pool, and keep the Directors for the Director role only.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "DIR-005",
        name: "dir-web-fqdn-and-hlb",
        title: "Director web FQDN uniqueness and HLB for web",
        family: Family::Dir,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[TOPOLOGY_BASICS_SITE],
        evaluation: Evaluation::AliasOf("LB-002"),
        doc: RuleDoc {
            what: "Reported as LB-002 (a Director pool's web traffic needs a hardware load balancer), the checked half of the catalog's cross-reference; FE-022 (web services FQDN uniqueness with DNS load balancing) is guidance.",
            why: "A Director pool publishes web services as a Front End pool does, and the same web load-balancing rules apply to it.",
            example: "A Director pool load balanced by DNS only, web traffic included.",
            fix: "Give the Director pool's web services a hardware load balancer and their own FQDN.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "DIR-006",
        name: "dir-srv-for-registrar-failover",
        title: "Director pools at each central site can front DNS SRV for registrar failover",
        family: Family::Dir,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[VOICE_ARCHITECTURE],
        evaluation: Evaluation::Guidance(
            "DNS SRV records, their priorities and weights are DNS data, not part of a topology",
        ),
        doc: RuleDoc {
            what: "Design guidance: DNS SRV records may return a Director pool (or a Front End pool) in each central site, so that a client reaches a first hop while one site is down.",
            why: "The Director tells the client its primary and backup Registrar; with an SRV record per central site, a client still finds a Director when one site is lost. A Director pool is optional: a Front End pool can play the same part.",
            example: "Three central sites, each with a Director pool, and SRV records for all three with the local one first.",
            fix: "Publish SRV records for a Director or Front End pool in each central site, ordered by priority and weight per user population.",
        },
        ..Rule::STABLE
    },
];
