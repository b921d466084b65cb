//! LB: Load balancing.

use super::shared::ALL;
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const LB_INTRO: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "",
};
const LB_DNS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "DNS Load Balancing",
};
const LB_HLB: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "Hardware load balancer requirements",
};
const LB_HLB_OTHER: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "Other Hardware Load Balancer requirements",
};
const LB_AFFINITY: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "Summary of Hardware Load Balancer Affinity Requirements",
};
const LB_OLDER_CLIENTS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "DNS Load Balancing and Supporting Older Clients and Servers",
};
const LB_BLOCKING: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/network-requirements/load-balancing.md",
    heading: "Blocking Traffic to a Server With DNS Load Balancing",
};
const EDGE_LOAD_BALANCERS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/edge-server-deployments/system-requirements.md",
    heading: "Load Balancers",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "LB-001",
        name: "lb-pools-that-need-load-balancing",
        title: "Edge and Mediation pools of several servers need load balancing",
        family: Family::Lb,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_INTRO],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "An `edge` pool of more than one server needs `load_balancing.edge_internal` and `load_balancing.edge_external` (or `sip`, which stands for a side that is not stated) other than `none`; a `mediation` pool of more than one server needs `load_balancing.sip` other than `none`. Absent keys: not evaluated. Front End pools are FE-014's; server-to-server traffic needs no set-up (topology-aware load balancing).",
            why: "Front End pools, Mediation Server pools and Edge Server pools need DNS or hardware load balancing for client-to-server traffic; without it the servers of the pool do not share the load and a failed server is not bypassed.",
            example: "`edge-dal.contoso.com` with two servers and `\"load_balancing\": { \"edge_internal\": \"none\", \"edge_external\": \"none\" }`.",
            fix: "Deploy DNS load balancing (or hardware load balancers) for the pool and record it.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "LB-002",
        name: "lb-dns-scope",
        title: "DNS load balancing cannot carry web traffic to Directors and Front End pools",
        family: Family::Lb,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_DNS, LB_INTRO],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `director` pool of more than one server needs `load_balancing.web` set to `hardware`: `none` is an error, an absent value is not evaluated. (A `front_end` pool's web traffic is FE-014's.) DNS load balancing is accepted for the SIP traffic of Front End, Edge, Director and stand-alone Mediation pools.",
            why: "DNS load balancing is supported for Front End pools, Edge Server pools, Director pools and stand-alone Mediation Server pools, but it cannot be used for client-to-server web traffic to Directors or Front End Servers: that traffic needs a hardware load balancer.",
            example: "`dir-dal.contoso.com` with two Directors and `\"load_balancing\": { \"sip\": \"dns\", \"web\": \"none\" }`.",
            fix: "Put the Director pool's web services behind a hardware load balancer and keep DNS load balancing for SIP if you like.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "LB-003",
        name: "lb-hlb-web-settings",
        title: "Hardware load balancer for web services: source-address persistence, 1800-second TCP idle timeout",
        family: Family::Lb,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_HLB_OTHER, LB_AFFINITY],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A Front End pool of more than one server or a Director pool of more than one server whose `load_balancing.web` is `hardware` needs `web_persistence` other than `none` (`source_address`, or `cookie`, which does no harm) and a `web_idle_timeout` of at least 1800 seconds. Absent keys: not evaluated.",
            why: "The hardware load balancer requirements for Director and Front End pool web services are source-address persistence on the internal web virtual IPs (ports 80 and 443) and a TCP idle timeout of 1800 seconds; without persistence a client's connections land on different servers and lose their session state, a shorter timeout drops long-lived web connections. The same section calls a typical 20-minute TCP session lifetime with source-address affinity \"fine\"; the listed requirement is still 1800 seconds, and that is what is checked.",
            example: "`pool-dal.contoso.com` with `\"load_balancing\": { \"web\": \"hardware\", \"web_persistence\": \"source_address\", \"web_idle_timeout\": 300 }`.",
            fix: "Set source-address persistence on the internal web services virtual IPs and a TCP idle timeout of 1800 seconds; the external web virtual IP needs no affinity. The load balancer listens on 80, 443 and 4443.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "LB-004",
        name: "lb-cookie-affinity",
        title: "Cookie-based affinity only when Lync Server 2010 pools remain, with the MS-WSMAN cookie",
        family: Family::Lb,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_HLB_OTHER],
        evaluation: Evaluation::Guidance(
            "the cookie's name, flags and insertion policy are settings of the load balancer, not of the topology",
        ),
        doc: RuleDoc {
            what: "Guidance: a topology records whether a pool uses cookie persistence (`web_persistence: cookie`, accepted by LB-003) but not how the cookie is set.",
            why: "Cookie-based persistence is needed only while Lync Server 2010 Front End Servers or pools remain (using it anyway does no harm). When it is used, the load balancer's cookie must be named MS-WSMAN, must not be httpOnly, must not expire, and must be set on every response to a request without a cookie.",
            example: "A load balancer that inserts its cookie once per TCP connection.",
            fix: "Configure the cookie as listed, or use source-address persistence when no Lync Server 2010 pool remains.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "LB-005",
        name: "lb-no-dsr-nat",
        title: "Direct server return NAT is not supported",
        family: Family::Lb,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_HLB, EDGE_LOAD_BALANCERS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A pool with a hardware load balancer (`load_balancing.sip`, `web`, `edge_internal` or `edge_external` set to `hardware`) must not have `\"dsr_nat\": true`; an absent `dsr_nat` is not evaluated.",
            why: "Microsoft states that direct server return (DSR) NAT is not supported with Skype for Business Server.",
            example: "`pool-dal.contoso.com` with `\"load_balancing\": { \"web\": \"hardware\", \"dsr_nat\": true }`.",
            fix: "Configure the hardware load balancer in full (source and destination) NAT or routed mode instead of DSR NAT.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "LB-006",
        name: "lb-dns-failover-modern-endpoints",
        title: "DNS load balancing fails over only for modern clients and servers",
        family: Family::Lb,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_OLDER_CLIENTS],
        evaluation: Evaluation::Guidance(
            "the client versions and the Exchange Unified Messaging version in use are not in the topology",
        ),
        doc: RuleDoc {
            what: "Guidance: which clients and which Exchange UM version connect to a pool is not in the topology (an Edge pool's Exchange UM version is EDGE-003's `exchange_um_before_2013`).",
            why: "Automatic failover under DNS load balancing works for Lync Server 2010 and later servers and for Lync 2013 and Skype for Business clients; older clients and Office Communications Server cannot fail over. Exchange UM needs Exchange 2010 SP1 or later for Front End and Director pools (catalog C-8).",
            example: "Office Communicator 2007 R2 clients on a DNS load-balanced pool.",
            fix: "Upgrade the clients and Exchange UM, or use hardware load balancing while they remain.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "LB-007",
        name: "lb-dns-draining",
        title: "Taking a server out of a DNS load-balanced pool needs its own DNS record removed",
        family: Family::Lb,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_BLOCKING, LB_INTRO],
        evaluation: Evaluation::Guidance("a maintenance procedure, not a fact of the topology"),
        doc: RuleDoc {
            what: "Guidance: a procedure for maintenance.",
            why: "With DNS load balancing, removing a server's address from the pool FQDN is not enough to block traffic to it: its own DNS record must go too, and blocking server-to-server traffic needs the server removed from the topology.",
            example: "A Front End Server drained for patching whose host record still resolves.",
            fix: "Remove both the pool record and the server's own record (or remove the server from the topology) before maintenance.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "LB-008",
        name: "lb-mobility-per-request",
        title: "Mobility through a hardware load balancer needs per-request balancing",
        family: Family::Lb,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[LB_HLB_OTHER],
        evaluation: Evaluation::Guidance(
            "whether mobile clients are deployed and how the load balancer splits requests are not in the topology",
        ),
        doc: RuleDoc {
            what: "Guidance: the mobility deployment and the load balancer's request handling are not part of a topology.",
            why: "When mobile devices are deployed, the hardware load balancer must balance individual requests within one TCP session (F5 calls it OneConnect).",
            example: "Mobile clients behind a load balancer that pins every request of a TCP connection to one server.",
            fix: "Enable per-request load balancing on the web services virtual IPs.",
        },
        ..Rule::STABLE
    },
];
