//! MED: Mediation Server.

use super::shared::{ALL, L13_CAPACITY};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const MEDIATION_M_N: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/mediation-server.md",
    heading: "M:N trunk",
};
const MEDIATION_TOPOLOGIES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/mediation-server.md",
    heading: "Topologies for Mediation Server",
};
const REFERENCE_LARGE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/topology-basics/reference-topologies.md",
    heading: "Reference topology for a large organization",
};
const S15_USER_MODEL_MEDIATION: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/capacity/user-model.md",
    heading: "Mediation Server",
};
const S19_USER_MODEL_MEDIATION: Source = Source {
    path: "Skype/SfBServer2019/plan/user-model-2019.md",
    heading: "Mediation Server",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "MED-001",
        name: "med-collocated-pool-size",
        title: "Collocated Mediation pool size ≤12",
        family: Family::Med,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[MEDIATION_M_N],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `front_end` pool with Mediation collocated (`collocated_roles` holds `mediation`, or a gateway of `pstn_gateways` names it as `mediation_pool`) has at most 12 servers. Above 12 it is an error for Lync Server 2013 and Skype for Business Server 2015, and a warning for a 2019 or Subscription Edition pool of 13 to 16 servers (catalog C-5); above 16 it is an error again. A pool above 12 servers whose collocation is not known is not evaluated.",
            why: "The Mediation Server page limits a Front End pool with collocated Mediation to 12 servers, the Registrar pool limit when it was written; Skype for Business Server 2019 later raised the Front End limit to 16 without restating the Mediation limit.",
            example: "A 2019 Enterprise pool of 14 servers with `\"collocated_roles\": [\"mediation\"]`.",
            fix: "Deploy a stand-alone Mediation pool for the trunks, or keep the pool at 12 servers.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "MED-002",
        name: "med-standalone-with-sip-trunking",
        title: "Stand-alone Mediation pool recommended with SIP trunking",
        family: Family::Med,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[MEDIATION_TOPOLOGIES, REFERENCE_LARGE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A gateway of `pstn_gateways` with `\"sip_trunk\": true` uses a `mediation` pool; one whose `mediation_pool` is a `front_end` pool (Mediation collocated) is a warning, reported on the gateway. A gateway on a `front_end` pool whose `sip_trunk` is absent is not evaluated.",
            why: "Microsoft recommends a stand-alone Mediation pool when SIP trunking is deployed: the trunk's media processing then does not load the Front End Servers.",
            example: "`sbc-dal.contoso.com` with `\"sip_trunk\": true` and `\"mediation_pool\": \"pool-dal.contoso.com\"`, a Front End pool.",
            fix: "Deploy a stand-alone Mediation pool in the site and move the SIP trunk to it.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "MED-003",
        name: "med-uniform-peer-view",
        title: "Uniform peer view per Mediation pool",
        family: Family::Med,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[MEDIATION_M_N],
        evaluation: Evaluation::Guidance(
            "which pool members each peer can reach is peer and trunk configuration, not part of a topology",
        ),
        doc: RuleDoc {
            what: "Every member of a Mediation pool must see the same gateway and trunk peers; a peer must accept calls from, and route to, any member of the pool.",
            why: "The Mediation Server page does not support segmenting peers across the members of one pool: a pool is one unit toward its peers. Peers that cannot do so need per-server trunks or separate pools.",
            example: "An IP-PBX that accepts calls from only one member of a four-server Mediation pool.",
            fix: "Deploy separate Mediation pools for peers that cannot reach every member, or configure the peer for every member (DNS load balancing on qualified gateways).",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "MED-004",
        name: "med-standalone-when-collocation-fails",
        title: "Stand-alone Mediation required if collocation conditions fail",
        family: Family::Med,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[MEDIATION_TOPOLOGIES],
        evaluation: Evaluation::Guidance(
            "whether a peer can talk to every pool member and whether the Front End pool can absorb the transcoding load are measurements, not part of a topology",
        ),
        doc: RuleDoc {
            what: "Mediation may be collocated on a Front End pool only when the IP-PBX or SBC can talk to every pool member and the Front End pool can carry the media processing; otherwise a stand-alone Mediation pool is required.",
            why: "The Mediation Server page lists these conditions for collocation; when they fail, collocation is not supported.",
            example: "An SBC that supports a single next hop, trunked to a collocated Mediation on an eight-server Front End pool.",
            fix: "Deploy a stand-alone Mediation pool for that peer.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "MED-005",
        name: "med-no-stretched-pool",
        title: "No stretched Mediation pools",
        family: Family::Med,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[
            L13_CAPACITY,
            S15_USER_MODEL_MEDIATION,
            S19_USER_MODEL_MEDIATION,
        ],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "The servers of a `mediation` pool are all in one data center (each server's `data_center`, else its site's); servers in two or more data centers are an error.",
            why: "The capacity pages state that stretched Mediation pools are not supported.",
            example: "`med-dal.contoso.com` with one server in `dc-dal` and one in `dc-chi`.",
            fix: "Deploy one Mediation pool in each data center, each with its own trunks.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "MED-006",
        name: "med-capacity",
        title: "Mediation capacity",
        family: Family::Med,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[
            L13_CAPACITY,
            S15_USER_MODEL_MEDIATION,
            S19_USER_MODEL_MEDIATION,
        ],
        evaluation: Evaluation::Guidance(
            "the concurrent call load and the server hardware are not part of a topology",
        ),
        doc: RuleDoc {
            what: "Sizing facts: a stand-alone Mediation Server on the reference hardware carries about 1,100 to 1,500 concurrent calls (Lync Server 2013, Skype for Business Server 2015) or 1,500 to 2,000 (2019); Mediation collocated on a Front End Server about 150 (2013, 2015) or 200 (2019).",
            why: "The capacity pages give these numbers for planning the number of Mediation Servers.",
            example: "1,000 concurrent PSTN calls through a Mediation collocated on a four-server Front End pool (600 to 800 calls).",
            fix: "Size the Mediation pool for the peak concurrent calls with one server down.",
        },
        ..Rule::STABLE
    },
];
