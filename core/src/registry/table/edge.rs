//! EDGE: Edge pools.

use super::shared::ALL;
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const EDGE_SCENARIOS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/edge-server-deployments/scenarios.md",
    heading: "",
};
const CAPACITY_EDGE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/capacity/user-model.md",
    heading: "Edge Server",
};
const S19_CAPACITY_EDGE: Source = Source {
    path: "Skype/SfBServer2019/plan/user-model-2019.md",
    heading: "Edge Server",
};
const LB_INTRO: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "",
};
const LB_HLB: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "Hardware load balancer requirements",
};
const LB_DNS_EDGE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "DNS Load Balancing on Edge Server Pools",
};
const LB_AV_EDGE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "Hardware Load Balancer Requirements for Edge Servers Running the A/V Edge Service",
};
const EDGE_LOAD_BALANCERS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/edge-server-deployments/system-requirements.md",
    heading: "Load Balancers",
};
const L13_EDGE_DR: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-edge-server-disaster-recovery.md",
    heading: "",
};
const L13_EDGE_REMOTE: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-edge-server-disaster-recovery.md",
    heading: "Remote Access",
};
const L13_EDGE_FEDERATION: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-edge-server-disaster-recovery.md",
    heading: "Federation",
};
const L13_EDGE_FE_RUNNING: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-edge-server-disaster-recovery.md",
    heading: "Edge Pool Fails But Front End Pool Is Still Running",
};
const FAIL_OVER_FE: Source = Source {
    path: "Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md",
    heading: "Fail over a Front-End pool",
};
const FAIL_OVER_FEDERATION: Source = Source {
    path: "Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md",
    heading: "Fail over the Edge pool used for Skype for Business Server federation",
};
const FAIL_OVER_XMPP: Source = Source {
    path: "Skype/SfbServer/manage/ha-dr-and-backup-service/failing-over-and-failing-back-a-pool.md",
    heading: "Fail over the Edge pool used for XMPP federation in Skype for Business Server",
};
const S19_DEPRECATED_XMPP: Source = Source {
    path: "Skype/SfBServer2019/deprecated.md",
    heading: "XMPP Gateways",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "EDGE-001",
        name: "edge-pool-of-two",
        title: "Edge high availability needs a pool of two or more Edge Servers",
        family: Family::Edge,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[EDGE_SCENARIOS, CAPACITY_EDGE, S19_CAPACITY_EDGE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An `edge` pool with one server is a warning: it has no high availability. With two or more, its `concurrent_remote_users` must fit 12,000 per Edge Server (Lync Server 2013, Skype for Business Server 2015) or 18,000 (2019, Subscription Edition); absent, the capacity is not evaluated.",
            why: "High availability for remote access, federation and A/V comes from a pool of two or more Edge Servers: when one fails, the others carry its clients. A single Edge Server (or a single consolidated Edge) stops all external access when it fails. One Edge Server serves 12,000 concurrent remote users (Lync Server 2013, Skype for Business Server 2015) or 18,000 (Skype for Business Server 2019), users of the site's branch appliances included.",
            example: "`edge-dal.contoso.com` with one server; or two 2019 Edge Servers with `\"concurrent_remote_users\": 40000`.",
            fix: "Add a second Edge Server to the pool (and load balancing for it, LB-001); add Edge Servers until the pool carries its remote users, counting those of the site's branch appliances.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-002",
        name: "edge-same-load-balancing",
        title: "The internal and external Edge interfaces use the same type of load balancing",
        family: Family::Edge,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_INTRO, LB_HLB, LB_DNS_EDGE, EDGE_LOAD_BALANCERS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An `edge` pool of more than one server whose `load_balancing.edge_internal` and `edge_external` differ (`dns` on one side, `hardware` on the other) is an error; `sip` stands for a side that is not stated, and a side stated by neither is not evaluated.",
            why: "Using DNS load balancing on one Edge interface and hardware load balancing on the other is not supported: both interfaces use hardware load balancing, or both use DNS load balancing.",
            example: "`\"load_balancing\": { \"edge_internal\": \"dns\", \"edge_external\": \"hardware\" }`.",
            fix: "Use the same type on both interfaces.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-003",
        name: "edge-hlb-when-needed",
        title: "An Edge pool needs hardware load balancing for legacy federation, public IM or older Exchange UM",
        family: Family::Edge,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_HLB, LB_DNS_EDGE, EDGE_LOAD_BALANCERS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An `edge` pool of more than one server with DNS load balancing (`edge_internal` or `edge_external` is `dns`) must not have `edge.legacy_federation` or `edge.exchange_um_before_2013` set to `true` (an error); `edge.xmpp_federation` alone is a warning (its failover is lost too, without the page's \"must\"). A DNS load-balanced pool that does not state the three is not evaluated, and so is a pool that serves one of them without stating both sides' load balancing.",
            why: "DNS load balancing on Edge pools loses failover for federation with Office Communications Server 2007 and 2007 R2, for public IM connectivity and for Exchange UM remote users on older Exchange: when high availability is needed for those, the Edge pool needs hardware load balancing. The Edge pages put the Exchange threshold at Exchange 2013 (catalog C-8).",
            example: "A DNS load-balanced Edge pool with `\"legacy_federation\": true`.",
            fix: "Put the Edge pool behind hardware load balancers on both sides (EDGE-002), or retire the legacy partners and Exchange UM versions.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-004",
        name: "edge-internal-hlb-scope",
        title: "The internal hardware load balancer balances only Access Edge and A/V Edge traffic",
        family: Family::Edge,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_HLB],
        evaluation: Evaluation::Guidance(
            "which services a load balancer's virtual IPs carry is load balancer configuration, not topology",
        ),
        doc: RuleDoc {
            what: "Guidance: the services behind each virtual IP are not in the topology.",
            why: "The internal-side hardware load balancer of an Edge pool must balance only the traffic to the Access Edge and A/V Edge services, never the internal Web Conferencing Edge or XMPP Proxy traffic.",
            example: "An internal virtual IP that also balances port 8057 (Web Conferencing Edge).",
            fix: "Remove the Web Conferencing Edge and XMPP Proxy ports from the internal virtual IP.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-005",
        name: "edge-av-hlb-addressing",
        title: "A/V Edge behind a hardware load balancer: no NAT on its addresses",
        family: Family::Edge,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_AV_EDGE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An `edge` pool whose `load_balancing.edge_external` is `hardware` must not have `\"edge.av_nat\": true`; without `av_nat` it is not evaluated. The other requirements of the section (TCP nagling off on 443 and 50,000-59,999, separate unrouted internal and external networks, the client's source address kept) are load balancer and network settings a topology does not hold.",
            why: "For Edge Servers running the A/V Edge service behind a hardware load balancer, the external interface must use publicly routable IP addresses with no NAT or port translation, and neither firewall may use NAT.",
            example: "A hardware load-balanced Edge pool with `\"av_nat\": true`.",
            fix: "Give the A/V Edge public addresses without NAT, or use DNS load balancing on both sides (which allows NAT).",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-006",
        name: "edge-distinct-fqdns",
        title: "Edge pools have distinct internal and external FQDNs",
        family: Family::Edge,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Derived,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_EDGE_REMOTE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "No two `edge` pools may share an external FQDN (`edge.access`, `edge.web_conferencing`, `edge.av`); their internal FQDNs are their pool FQDNs, unique anyway. With more than one Edge pool, one without external FQDNs is not evaluated.",
            why: "When Edge pools are created in different sites they cannot use the same FQDN: each Edge pool must have unique internal and external FQDNs, so that clients can fail over from one to the other by DNS SRV priority.",
            example: "`edge-dal` and `edge-chi` both with `\"access\": { \"fqdn\": \"sip.contoso.com\" }`.",
            fix: "Give each Edge pool its own external FQDNs (e.g. `sip-dal.contoso.com`, `sip-chi.contoso.com`) and publish SRV records with priorities.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-007",
        name: "edge-dr-another-site",
        title: "Edge disaster recovery is another Edge pool in another site, never pairing",
        family: Family::Edge,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_EDGE_DR, L13_EDGE_REMOTE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "When the topology has Edge pools and more than one central site but every Edge pool is in one site, that is a warning on the Edge pools' site: remote access has no disaster recovery. Edge pools are never paired (`backup_pool` is for Front End pools).",
            why: "Disaster recovery for remote access needs separate Edge pools in separate sites; they are not paired. When a whole Edge pool fails, clients re-query the remote-access DNS SRV records and reach the Edge pool of another site without administrator action.",
            example: "Sites `dallas` and `chicago`; the only Edge pool is in `dallas`.",
            fix: "Deploy an Edge pool in another site with its own FQDNs (EDGE-006) and SRV records of a lower priority.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-008",
        name: "edge-single-federation-route",
        title: "Outbound federation goes through one Edge pool; its failover is a manual route change",
        family: Family::Edge,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_EDGE_FEDERATION, FAIL_OVER_FEDERATION],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Reports (info) the Edge pool with `\"edge.federation\": true` as the outbound federation route, and how it fails over; more than one such pool is reported too (outbound federation uses one published pool). Quiet when no Edge pool enables federation; not evaluated when an Edge pool does not say.",
            why: "Outbound federation is always set up through one published Edge pool. When it fails, federation stops until an administrator moves the route: clear \"Enable federation for this Edge pool (Port 5061)\" on it, select it on another Edge pool, publish the topology and re-run setup on the Edge Servers. Inbound federation fails over only with a geo-DNS solution: federation does not use SRV priorities.",
            example: "`edge-dal.contoso.com` with `\"federation\": true`.",
            fix: "Nothing to fix; plan the route change (or `hadr-rules simulate`) and the geo-DNS for inbound federation.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-009",
        name: "edge-single-xmpp-pool",
        title: "One XMPP federation Edge pool (Lync Server 2013 and Skype for Business Server 2015 only)",
        family: Family::Edge,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[FAIL_OVER_XMPP, S19_DEPRECATED_XMPP],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "`\"edge.xmpp_federation\": true` on an Edge pool of Skype for Business Server 2019 is an error (no XMPP gateway or proxy; unverified, a warning, on Subscription Edition). On Lync Server 2013 and 2015 the XMPP federation pool is reported as information, with how XMPP fails over; several such pools are reported together. Without `xmpp_federation` on any Edge pool, not evaluated.",
            why: "One Edge pool is designated for XMPP federation; when it fails, inbound and outbound XMPP federation stop until the route is moved (`Set-CsSite -XmppExternalFederationRoute`) and the `_xmpp-server._tcp` SRV record (port 5269) and A record point to another pool. Skype for Business Server 2019 removed the XMPP gateway and proxy.",
            example: "A `sfb2019` Edge pool with `\"xmpp_federation\": true`.",
            fix: "Keep XMPP federation on one Lync Server 2013 or Skype for Business Server 2015 Edge pool, or retire it before moving to 2019.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-010",
        name: "edge-next-hop",
        title: "An Edge pool's next hop is a Front End or Director pool of its site, repointed before that pool fails over",
        family: Family::Edge,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[FAIL_OVER_FE, L13_EDGE_FE_RUNNING],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An `edge` pool needs `edge.next_hop`, the FQDN of a `front_end` or `director` pool (another kind is an input error); absent: not evaluated. A next hop in another site is a warning: that is the state after a failover with `Set-CsEdgeServer -Registrar`, and the Edge pool then depends on a remote pool. `hadr-rules simulate` lists the repointing step when a next hop pool fails.",
            why: "`Invoke-CsPoolFailover` refuses to fail over a Front End pool that an Edge pool uses as its next hop (\"Failing over this pool may cause External access/Federation/Split-domain/XMPP features to stop working\"). The next hop must first be moved: in Topology Builder (Edit Properties, Next Hop, publish) to a pool of the same site, or with `Set-CsEdgeServer -Identity EdgeServer:<Edge pool> -Registrar Registrar:<pool>` to a pool of another site.",
            example: "`edge-dal.contoso.com` whose `next_hop` is `pool-chi.contoso.com` in another site.",
            fix: "Point the Edge pool at a Front End or Director pool of its own site in Topology Builder and publish.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-011",
        name: "edge-firewall-reachability",
        title: "Front End Servers of every pool can reach every Edge Server",
        family: Family::Edge,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_EDGE_REMOTE],
        evaluation: Evaluation::Guidance("firewall rules are not in the topology"),
        doc: RuleDoc {
            what: "Guidance: firewall rules between the sites are not part of a topology.",
            why: "For Edge failover to work smoothly, the firewall must let the Front End Servers of every pool communicate with all Edge Servers, also those of other sites.",
            example: "A firewall that lets only the Dallas Front End pool reach the Dallas Edge pool.",
            fix: "Open the internal Edge ports from every Front End pool to every Edge pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-012",
        name: "edge-no-stretched-pool",
        title: "No stretched Edge pools",
        family: Family::Edge,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[CAPACITY_EDGE, S19_CAPACITY_EDGE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "The servers of an `edge` pool must all be in one data center (`data_center` of each server, default the site's); an Edge pool across data centers is an error.",
            why: "Stretching an Edge pool across geographic sites is not supported (the same holds for Front End, Director and Mediation pools): disaster recovery for Edge is a second pool in another site (EDGE-007).",
            example: "`edge-dal.contoso.com` with one server in `dal1` and one in `chi1`.",
            fix: "Keep each Edge pool in one data center and deploy another pool in the other site.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "EDGE-013",
        name: "edge-repoint-conferencing",
        title: "After an Edge pool fails, surviving Front End pools of its site use a remote Edge pool for conferencing",
        family: Family::Edge,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[FAIL_OVER_FEDERATION, L13_EDGE_FE_RUNNING],
        evaluation: Evaluation::Guidance(
            "a recovery step used by `hadr-rules simulate`, not a check of the topology",
        ),
        doc: RuleDoc {
            what: "Guidance: `hadr-rules simulate` lists this step when an Edge pool is lost while Front End pools of its site keep running.",
            why: "If the site of a failed Edge pool has Front End pools that are still running, their Web Conferencing and A/V Conferencing services must be changed to use an Edge pool in a remote site that is still running (Topology Builder: the pool's Edge association, then publish).",
            example: "`edge-dal` fails; `pool-dal` keeps running and still sends conferencing media to it.",
            fix: "In Topology Builder, associate the Front End pool with the remote Edge pool and publish; undo it after the failback.",
        },
        ..Rule::STABLE
    },
];
