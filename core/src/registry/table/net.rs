//! NET: Network interfaces.

use super::shared::ALL;
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const S15_HARDWARE: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md",
    heading: "Hardware for Skype for Business Server 2015",
};
const S19_HARDWARE: Source = Source {
    path: "Skype/SfBServer2019/plan/system-requirements.md",
    heading: "Hardware for Skype for Business Server 2019",
};
const L13_HARDWARE: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-server-hardware-platforms.md",
    heading: "",
};
const S15_LAST_THOUGHTS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md",
    heading: "Last thoughts",
};
const S19_ADDITIONAL_RECOMMENDATIONS: Source = Source {
    path: "Skype/SfBServer2019/plan/system-requirements.md",
    heading: "Additional server installation recommendations",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "NET-001",
        name: "net-no-multi-homing",
        title: "No dual- or multi-homed Front End, Back End, Standard Edition, Persistent Chat or Director servers",
        family: Family::Net,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_HARDWARE, S19_HARDWARE, L13_HARDWARE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every server of a `front_end` pool (Enterprise pools and Standard Edition servers), a `director` pool and a `persistent_chat` pool, and every SQL node that holds a Front End pool's back end, must have one `network_interfaces`; more is an error. A server that does not state it is not evaluated (one finding a pool or store, naming the absent keys).",
            why: "Microsoft does not support dual- or multi-homed Front End, Back End, Standard Edition, Persistent Chat and Director servers. Two adapters are allowed when they are teamed with one MAC address and one IP address (they count as one interface), and an out-of-band management port (DRAC, iLO) that the operating system does not see is not multi-homing.",
            example: "`{\"fqdn\": \"fe1-dal.contoso.com\", \"network_interfaces\": 2}` in a `front_end` pool.",
            fix: "Team the adapters with one MAC address and one IP address, or remove the second interface, and record `\"network_interfaces\": 1`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "NET-002",
        name: "net-edge-two-interfaces",
        title: "Edge Servers need two network interfaces (internal and external)",
        family: Family::Net,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_HARDWARE, S19_HARDWARE, L13_HARDWARE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every server of an `edge` pool must have at least two `network_interfaces`; fewer is an error, an absent count is not evaluated.",
            why: "An Edge Server needs one interface on the internal network and one on the perimeter (external) network; each may be a teamed pair with one MAC and one IP address.",
            example: "`{\"fqdn\": \"edge1-dal.contoso.com\", \"network_interfaces\": 1}` in an `edge` pool.",
            fix: "Give each Edge Server an internal and an external interface (teamed pairs count as one each) and record `\"network_interfaces\": 2`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "NET-003",
        name: "net-mediation-pstn-interface",
        title: "A stand-alone Mediation Server may add interfaces for a dedicated PSTN address",
        family: Family::Net,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_HARDWARE, S19_HARDWARE, L13_HARDWARE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A server of a stand-alone `mediation` pool with more than one of `network_interfaces` is reported as info: it is allowed, NET-001 does not apply to it. A Mediation Server without the count is not reported (the statement allows, it forbids nothing).",
            why: "Microsoft supports additional network adapters on stand-alone Mediation Servers so that a dedicated PSTN-facing IP address can be configured.",
            example: "`{\"fqdn\": \"med1-dal.contoso.com\", \"network_interfaces\": 2}` in a `mediation` pool.",
            fix: "Nothing to fix; make sure the extra interface carries only the PSTN (gateway or SIP trunk) traffic.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "NET-004",
        name: "net-no-inspecting-software",
        title: "No ISA client, Winsock LSP or inspecting antivirus/firewall software on Front End and stand-alone Mediation servers",
        family: Family::Net,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_LAST_THOUGHTS, S19_ADDITIONAL_RECOMMENDATIONS],
        evaluation: Evaluation::Guidance(
            "the software installed on a server is not in the topology format",
        ),
        doc: RuleDoc {
            what: "Guidance: the software installed on the servers is not part of a topology.",
            why: "Microsoft recommends against the ISA Server firewall client, other Winsock Layered Service Providers and antivirus or firewall software that inspects traffic on Front End Servers and stand-alone Mediation Servers: they can intercept and delay the servers' SIP and media traffic.",
            example: "A Front End Server with a third-party firewall client that installs a Winsock LSP.",
            fix: "Uninstall such software, or exclude the Skype for Business Server processes and ports from inspection as its vendor documents.",
        },
        ..Rule::STABLE
    },
];
