//! VOICE: Registrar resiliency (Enterprise Voice).

use super::dir::{TOPOLOGY_BASICS_SITE, VOICE_ARCHITECTURE};
use super::shared::ALL;
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

pub(super) const VOICE_REQUIREMENTS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Requirements and Recommendations",
};
const VOICE_FEATURES: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/enterprise-voice-solution/enterprise-voice-resiliency.md",
    heading: "Survivable Voice Features",
};
const TB_RESILIENCY: Source = Source {
    path: "Skype/SfbServer/help-topics/help-topobld/registrar-sba-settings-expander.md",
    heading: "",
};
const TB_RESILIENCY_2019: Source = Source {
    path: "Skype/SfbServer/help-topics/2019/topobld/ms.lync.tb.RegistrarSBASettingsExpander.md",
    heading: "",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "VOICE-001",
        name: "voice-registrar-per-central-site",
        title: "Every central site has a Registrar pool",
        family: Family::Voice,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[VOICE_REQUIREMENTS, TOPOLOGY_BASICS_SITE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every site whose `kind` is `central` (the default) holds at least one `front_end` pool (an Enterprise pool or a Standard Edition server); a central site without one is an error, reported on the site.",
            why: "The voice resiliency requirements state that each central site must contain a Registrar pool of one or more Registrars, and topology basics define a central site by its Front End pool or Standard Edition server.",
            example: "Site `chicago` (central) holding only an Edge pool.",
            fix: "Deploy a Front End pool or a Standard Edition server in the site, or mark it `\"kind\": \"branch\"` if it is a branch site.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VOICE-002",
        name: "voice-single-backup-registrar",
        title: "Single backup Registrar pool in a different central site",
        family: Family::Voice,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[VOICE_REQUIREMENTS],
        evaluation: Evaluation::AliasOf("PAIR-005"),
        doc: RuleDoc {
            what: "Reported as PAIR-005 (the backup relationship is 1:1 and reciprocal) and PAIR-008 (the partner is in a different central site).",
            why: "The primary Registrar pool must have a single backup Registrar pool located in a different central site; the pairing rules check both halves.",
            example: "A pool whose `backup_pool` is a pool of the same site.",
            fix: "Pair the pool with one pool of another central site.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VOICE-003",
        name: "voice-resilient-wan-to-backup",
        title: "Resilient WAN between primary and backup Registrar sites",
        family: Family::Voice,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[VOICE_REQUIREMENTS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "For each pool with a `backup_pool` in another site, the WAN link between the two sites (an entry of either site's `links` naming the other) is `resilient`; a link with `\"resilient\": false` is a warning, and no link entry between the two sites is not evaluated.",
            why: "The voice resiliency requirements say that the sites of the primary and the backup Registrar pools should be connected by a resilient WAN link: automatic failover of users to the backup Registrar assumes it.",
            example: "`pool-dal` in `dallas` paired with `pool-chi` in `chicago`, and `dallas` with `\"links\": [{\"site\": \"chicago\", \"resilient\": false}]`.",
            fix: "Make the WAN link between the two sites resilient (redundant paths), and record it as `\"resilient\": true`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VOICE-004",
        name: "voice-registrar-load-balanced",
        title: "Registrar pools load balanced (DNS and/or HLB)",
        family: Family::Voice,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[VOICE_REQUIREMENTS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `director` pool of two or more servers (a Registrar pool that homes no users) has `load_balancing.sip` `dns` or `hardware`; `none` is an error, and an absent `load_balancing.sip` is not evaluated. The SIP load balancing of a Front End pool, the other Registrar pool, is reported by FE-014.",
            why: "The voice resiliency requirements state that each Registrar pool must be load balanced by DNS load balancing, hardware load balancing, or both.",
            example: "`dir-dal.contoso.com` with two Directors and `\"load_balancing\": {\"sip\": \"none\"}`.",
            fix: "Load balance the pool's SIP traffic with DNS load balancing (one A record per Director under the pool FQDN) or a hardware load balancer.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VOICE-005",
        name: "voice-failover-timers",
        title: "Voice failover timers",
        family: Family::Voice,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[VOICE_REQUIREMENTS, TB_RESILIENCY, TB_RESILIENCY_2019],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A pool with a `backup_pool` has `voice_failover` with `automatic` `true`, `failure_detection_seconds` and `failback_seconds` of at least 120, and a failback interval longer than the detection interval; each departure is a warning. An absent `voice_failover` (or an absent key of it) is not evaluated. The documented defaults are 300 seconds (voice resiliency page) or 120 s detection and 240 s failback (Topology Builder help), catalog C-7.",
            why: "The primary Registrar must be configured to fail over to the backup Registrar. Topology Builder's help warns that intervals below 120 seconds, or failover and failback intervals set too closely, may keep failover and failback from working as expected.",
            example: "`\"voice_failover\": {\"automatic\": true, \"failure_detection_seconds\": 60, \"failback_seconds\": 60}`.",
            fix: "In Topology Builder, edit the pool's Resiliency settings: select Automatic failover and failback for Voice and set, for example, 120 s detection and 240 s failback; publish the topology.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VOICE-006",
        name: "voice-failover-route-other-site",
        title: "Failover route uses a gateway in another site",
        family: Family::Voice,
        strength: Strength::Recommended,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[VOICE_REQUIREMENTS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A central site with a gateway of `pstn_gateways` has `failover_gateways` naming at least one gateway in another site. An empty list (no failover route) or a list of gateways of the same site only is a warning; an absent `failover_gateways` is not evaluated.",
            why: "The voice resiliency requirements ask for a failover route whose gateway is at a different site from the gateway of the primary route, so that PSTN calls continue when the site's gateways or Mediation pool fail.",
            example: "Site `dallas` with gateway `gw-dal.contoso.com` and `\"failover_gateways\": [\"gw-dal2.contoso.com\"]`, another Dallas gateway.",
            fix: "Add a PSTN usage with a route through a gateway of another site to the voice policy of the site's users, after the primary usage, and record that gateway in `failover_gateways`.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VOICE-007",
        name: "voice-management-tools-at-backup",
        title: "Management tools at backup site",
        family: Family::Voice,
        strength: Strength::RequiredProcedure,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[VOICE_REQUIREMENTS],
        evaluation: Evaluation::Guidance(
            "where the management tools are installed is an operations fact, not part of a topology",
        ),
        doc: RuleDoc {
            what: "If the central site that holds the primary management server may be down for long, the management tools must be reinstalled at the backup site to change any setting.",
            why: "The voice resiliency requirements note that without management tools at the backup site no management setting can be changed while the primary site is down.",
            example: "Topology Builder and the Management Shell installed only on servers of the Dallas site, which is lost.",
            fix: "Keep the management tools installed on a server at the backup site, or plan to install them there during a disaster.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VOICE-008",
        name: "voice-features-lost-with-site",
        title: "Features lost while the primary central site is down",
        family: Family::Voice,
        strength: Strength::Informational,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[VOICE_FEATURES, VOICE_ARCHITECTURE],
        evaluation: Evaluation::Guidance(
            "a behaviour during a site outage, stated by `simulate` for the scenarios that lose a Registrar or a branch site's WAN link",
        ),
        doc: RuleDoc {
            what: "While users are on the backup Registrar, Conference Auto-Attendant, presence and DND-based routing, call-forwarding setting changes, Response Group and Call Park, provisioning of new phones and clients, and Address Book Web Search do not work; conferencing and voice mail depend on configuration. Outbound PSTN calls, inbound PSTN calls (when the provider fails over), enterprise calls, basic call handling, two-party IM, and authentication survive.",
            why: "The voice resiliency page lists the survivable voice features and the features that do not work while the primary central site is out of service.",
            example: "Dallas is lost and its users register with the Chicago backup Registrar: they can call, but Response Group queues of Dallas do not answer.",
            fix: "Nothing to change in the topology; plan the communication to users and the Exchange UM failover (SRV records or dial plans) ahead of time.",
        },
        ..Rule::STABLE
    },
];
