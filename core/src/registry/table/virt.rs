//! VIRT: Virtualization.

use super::shared::{ALL, S19_SE};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::Family;

const GUIDANCE: Source = Source {
    path: "Skype/SfBServer2019/virtualization-guidance.md",
    heading: "",
};
const HYPERVISORS: Source = Source {
    path: "Skype/SfBServer2019/virtualization-guidance.md",
    heading: "Supported hypervisors",
};
const PAIRING: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md",
    heading: "",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "VIRT-001",
        name: "virt-no-physical-virtual-pair",
        title: "Pairing physical with virtual is unsupported",
        family: Family::Virt,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[PAIRING],
        evaluation: Evaluation::AliasOf("PAIR-002"),
        doc: RuleDoc {
            what: "A pair of pools whose servers are not all physical or all virtual: PAIR-002 reports it.",
            why: "Both pools of a pair must be physical, or both virtual.",
            example: "`pool-dal` on physical servers paired with `pool-chi` on virtual ones.",
            fix: "Pair pools of the same platform.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VIRT-002",
        name: "virt-vcpu-ratio",
        title: "One virtual CPU per physical core",
        family: Family::Virt,
        strength: Strength::Recommended,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[GUIDANCE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `virtual` server of a `sfb2019` or `sfbse` pool whose `virtualization.vcpu_per_core` is above 1 is a warning; without it (or without `platform`) the rule is not evaluated. Subscription Edition findings are unverified.",
            why: "The 2019 virtualization guidance asks to maintain a 1:1 ratio of virtual CPU to physical CPU.",
            example: "`fe1-dal` with `\"virtualization\": {\"vcpu_per_core\": 2}`.",
            fix: "Give the guest no more virtual processors than the host has physical cores for it.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VIRT-003",
        name: "virt-no-live-migration",
        title: "No live migration or move of a running guest",
        family: Family::Virt,
        strength: Strength::Unsupported,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[GUIDANCE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `virtual` server of a `sfb2019` or `sfbse` pool with `virtualization.live_migration: true` is an error; without it the rule is not evaluated.",
            why: "Do not move a guest server while it is operating: migration of a live system and portability of a virtual machine are not supported.",
            example: "`fe1-dal` with `\"virtualization\": {\"live_migration\": true}`.",
            fix: "Disable live migration (and automatic load balancing moves) for the Skype for Business guests; move a guest only when it is shut down.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VIRT-004",
        name: "virt-host-hyper-threading",
        title: "Hyper-threading disabled on virtualization hosts",
        family: Family::Virt,
        strength: Strength::Recommended,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[GUIDANCE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `virtual` server of a `sfb2019` or `sfbse` pool with `virtualization.host_hyper_threading: true` is a warning; without it the rule is not evaluated.",
            why: "The guidance asks to disable hyper-threading on all hosts.",
            example: "`fe1-dal` with `\"virtualization\": {\"host_hyper_threading\": true}`.",
            fix: "Disable hyper-threading in the host's firmware.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VIRT-005",
        name: "virt-no-dynamic-memory",
        title: "No dynamic memory",
        family: Family::Virt,
        strength: Strength::Recommended,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[GUIDANCE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `virtual` server of a `sfb2019` or `sfbse` pool with `virtualization.dynamic_memory: true` is a warning; without it the rule is not evaluated.",
            why: "The guidance says not to configure dynamic memory on host servers (the catalog's strength is recommended or unsupported; the wording is an instruction without \"not supported\", so a warning).",
            example: "`fe1-dal` with `\"virtualization\": {\"dynamic_memory\": true}`.",
            fix: "Give the guest static memory.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VIRT-006",
        name: "virt-fixed-disks",
        title: "Fixed or pass-through disks, not dynamic disks",
        family: Family::Virt,
        strength: Strength::Recommended,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[GUIDANCE],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `virtual` server of a `sfb2019` or `sfbse` pool with `virtualization.disk: dynamic` is a warning; without it the rule is not evaluated.",
            why: "The guidance asks for fixed or pass-through disks rather than dynamic disks.",
            example: "`fe1-dal` with `\"virtualization\": {\"disk\": \"dynamic\"}`.",
            fix: "Convert the guest's disks to fixed size, or use pass-through disks.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VIRT-007",
        name: "virt-hypervisor-overhead",
        title: "Reserve 6 to 10 % of the host for the hypervisor",
        family: Family::Virt,
        strength: Strength::Informational,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[GUIDANCE],
        evaluation: Evaluation::Guidance(
            "a host's capacity and what its guests reserve is capacity planning a topology does not hold",
        ),
        doc: RuleDoc {
            what: "Guidance: size the host with 6 to 10 percent overhead for the hypervisor beyond what the guests require.",
            why: "The guidance asks to allow 6 to 10 percent overhead for hypervisors beyond what the virtual guest requires.",
            example: "A host whose guests together take all of its cores and memory.",
            fix: "Leave 6 to 10 percent of the host's resources to the hypervisor.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "VIRT-008",
        name: "virt-supported-hypervisor",
        title: "Hyper-V on Windows Server 2016 or 2019, or an SVVP-validated hypervisor",
        family: Family::Virt,
        strength: Strength::Unsupported,
        products: S19_SE,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[HYPERVISORS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "A `virtual` server of a `sfb2019` or `sfbse` pool whose `virtualization.hypervisor` is `hyper_v` on a `host_os` other than `ws2016` or `ws2019` (Windows Server 2022 and 2025: unverified, a warning), or `other` with `svvp_validated: false`, is an error; without the facts it needs, the rule is not evaluated.",
            why: "Skype for Business Server 2019 is supported on Windows Server 2016 and 2019 Hyper-V; a third-party hypervisor must have passed the Server Virtualization Validation Program for the guest's operating system.",
            example: "`fe1-dal` with `\"virtualization\": {\"hypervisor\": \"hyper_v\", \"host_os\": \"ws2012r2\"}`.",
            fix: "Run the guests on Hyper-V of Windows Server 2016 or 2019, or on a hypervisor the SVVP lists for the guest's Windows Server.",
        },
        ..Rule::STABLE
    },
];
