//! OS: Operating system support.

use super::shared::{
    ALL, DISASTER_RECOVERY, L13, L13_PAIRING_OPTIONS, L13_S15, S15, S19, S19_OPERATING_SYSTEMS,
    S19_SYSTEM_REQUIREMENTS, SE, SE_NEWS,
};
use crate::registry::{Evaluation, Provenance, Rule, RuleDoc, Source, Strength, TbEnforced};
use crate::tokens::{Family, Severity};

const L13_OPERATING_SYSTEMS: Source = Source {
    path: "Lync/LyncServer/lync-server-2013-server-and-tools-operating-system-support.md",
    heading: "Operating Systems for Server Roles",
};
const S15_OPERATING_SYSTEMS: Source = Source {
    path: "Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md",
    heading: "Operating systems for Skype for Business Server 2015",
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "OS-001",
        name: "os-lync2013-versions",
        title: "L13 server operating systems",
        family: Family::Os,
        strength: Strength::Unsupported,
        products: L13,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_OPERATING_SYSTEMS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every server of a `lync2013` pool (`sba` pools excepted) must have `os` `ws2008r2`, `ws2012` or `ws2012r2`; `ws2012r2` also needs the pool at `cumulative_update` 3 (the October 2013 update) or later. Not evaluated when a server has no `os`, or when `ws2012r2` meets a pool without `cumulative_update`.",
            why: "Lync Server 2013 runs on 64-bit Windows Server 2008 R2 SP1 (Standard, Enterprise or Datacenter), Windows Server 2012 (Standard or Datacenter) and, from the October 2013 cumulative update, Windows Server 2012 R2; no later Windows Server is listed.",
            example: "Server `fe1.contoso.com` of a `lync2013` pool with `\"os\": \"ws2016\"`.",
            fix: "Install a listed Windows Server version, and bring the pool to the October 2013 cumulative update or later before using Windows Server 2012 R2.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OS-002",
        name: "os-lync2013-excluded-variants",
        title: "L13 excluded OS variants",
        family: Family::Os,
        strength: Strength::Unsupported,
        products: L13,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[L13_OPERATING_SYSTEMS],
        evaluation: Evaluation::Guidance(
            "the Windows Server installation option and edition are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation excludes, for Lync Server 2013, the Server Core installation option and the Web and HPC editions of Windows Server 2008 R2 and Windows Server 2012. The engine lists this as guidance.",
            why: "Lync Server 2013 needs a full installation of a Standard, Enterprise or Datacenter edition and is not supported on the excluded variants.",
            example: "A Lync Server 2013 Edge Server installed on Windows Server 2012 Server Core.",
            fix: "Reinstall the server with the full installation option of a Standard, Enterprise or Datacenter edition.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OS-003",
        name: "os-sfb2015-versions",
        title: "S15 server operating systems",
        family: Family::Os,
        strength: Strength::Unsupported,
        products: S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_OPERATING_SYSTEMS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every server of an `sfb2015` pool (`sba` pools excepted) must have `os` `ws2012`, `ws2012r2`, `ws2016` (with the pool at `cumulative_update` 5 or later) or `ws2019` (`cumulative_update` 9 or later); `ws2008r2` is left to OS-004. Not evaluated when a server has no `os`, or when the pool's `cumulative_update` is needed and absent.",
            why: "Skype for Business Server 2015 lists Windows Server 2012 and 2012 R2 (Standard or Datacenter, with all required updates), Windows Server 2016 from CU5 and Windows Server 2019 from CU9; anything else is not supported for new installations.",
            example: "Server `fe1.contoso.com` of an `sfb2015` pool with `\"cumulative_update\": 4` and `\"os\": \"ws2016\"`.",
            fix: "Use a listed Windows Server version and update the pool to the cumulative update that version needs.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OS-004",
        name: "os-sfb2015-ws2008r2-upgrade-only",
        title: "WS2008 R2 only for in-place upgraded L13 servers (S15)",
        family: Family::Os,
        strength: Strength::Unsupported,
        severity: Some(Severity::Warning),
        products: S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_OPERATING_SYSTEMS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every server of an `sfb2015` pool (`sba` pools excepted) with `os` `ws2008r2` is reported as a warning: Windows Server 2008 R2 is acceptable only on a Lync Server 2013 server upgraded in place.",
            why: "Skype for Business Server 2015 does not list Windows Server 2008 R2. It may remain only on existing Lync Server 2013 servers upgraded in place, and Microsoft recommends Windows Server 2012 R2 for all new servers.",
            example: "A newly built `sfb2015` pool whose server `fe1.contoso.com` has `\"os\": \"ws2008r2\"`.",
            fix: "Build new servers on Windows Server 2012 R2 or later; for servers upgraded in place, plan a new pool on a supported operating system and move the users.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OS-005",
        name: "os-sfb2019-versions",
        title: "S19 server operating systems",
        family: Family::Os,
        strength: Strength::Unsupported,
        products: S19,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S19_OPERATING_SYSTEMS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every server of an `sfb2019` pool (`sba` pools excepted) must have `os` `ws2016` or `ws2019`; `ws2022` is reported as an unverified warning rather than an error. Not evaluated when a server has no `os`.",
            why: "Skype for Business Server 2019 lists only Windows Server 2016 and 2019 and excludes Server Core. Later cumulative updates may have added Windows Server 2022, but the documentation read does not say so.",
            example: "Server `fe1.contoso.com` of an `sfb2019` pool with `\"os\": \"ws2012r2\"`.",
            fix: "Deploy the pool's servers on Windows Server 2016 or 2019, or confirm Windows Server 2022 support for the cumulative update you run.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OS-006",
        name: "os-sfbse-versions",
        title: "SE server operating systems",
        family: Family::Os,
        strength: Strength::Unsupported,
        severity: Some(Severity::Warning),
        products: SE,
        provenance: Provenance::Secondary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[SE_NEWS],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "Every server of an `sfbse` pool (`sba` pools excepted) should have `os` `ws2016` or `ws2019`; any other value is an unverified warning. Not evaluated when a server has no `os`.",
            why: "No Microsoft documentation page for Subscription Edition was available; a news report says its prerequisites are identical to Skype for Business Server 2019, so the 2019 list is applied. Windows Server 2022 and 2025 support is not sourced.",
            example: "Server `fe1.contoso.com` of an `sfbse` pool with `\"os\": \"ws2012r2\"`.",
            fix: "Use Windows Server 2016 or 2019, or check the version against Microsoft's current Subscription Edition requirements.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OS-007",
        name: "os-no-in-place-upgrade",
        title: "No in-place OS upgrade of server roles",
        family: Family::Os,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_OPERATING_SYSTEMS, S19_SYSTEM_REQUIREMENTS],
        evaluation: Evaluation::Guidance(
            "a server's operating system history is not recorded in a topology",
        ),
        doc: RuleDoc {
            what: "The documentation does not support upgrading the operating system of a server in place: to change a pool's Windows Server version, deploy a new pool on the new version and move the users to it. The pages state this for Lync Server 2013; it is applied to every product. The engine lists this as guidance.",
            why: "Microsoft states that an in-place operating system upgrade is not supported and that a separate pool must be deployed instead.",
            example: "Running an in-place upgrade from Windows Server 2016 to 2019 on the Front End Servers of a pool.",
            fix: "Build a new pool on the new Windows Server version, move the users and services to it, then remove the old pool.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OS-008",
        name: "os-one-version-per-pool",
        title: "One OS version per pool",
        family: Family::Os,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S19_OPERATING_SYSTEMS],
        evaluation: Evaluation::AliasOf("FE-012"),
        doc: RuleDoc {
            what: "Reported as FE-012: all servers of a pool must run the same Windows Server version.",
            why: "Microsoft requires every server in a pool to have the same operating system version.",
            example: "A pool with `fe1.contoso.com` on `ws2016` and `fe2.contoso.com` on `ws2019`.",
            fix: "Bring all servers of the pool to one Windows Server version, by building a new pool where an upgrade would be needed.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OS-009",
        name: "os-same-in-pair",
        title: "OS identity across a pair",
        family: Family::Os,
        strength: Strength::Unsupported,
        products: ALL,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::No,
        sources: &[DISASTER_RECOVERY, L13_PAIRING_OPTIONS],
        evaluation: Evaluation::AliasOf("PAIR-003"),
        doc: RuleDoc {
            what: "Reported as PAIR-003: the two pools of a pair must run the same operating system.",
            why: "Pool pairing is supported only between pools on the same base operating system, and Topology Builder does not stop a mismatch.",
            example: "`pool-dal.contoso.com` on `ws2016` paired with `pool-chi.contoso.com` on `ws2019`.",
            fix: "Run both pools of the pair on the same Windows Server version.",
        },
        ..Rule::STABLE
    },
    Rule {
        id: "OS-010",
        name: "os-pre-upgrade-hotfixes",
        title: "Pre-upgrade OS hotfixes (L13→S15 in-place)",
        family: Family::Os,
        strength: Strength::RequiredProcedure,
        products: L13_S15,
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[S15_OPERATING_SYSTEMS],
        evaluation: Evaluation::Guidance(
            "installed updates and upgrade plans are not in the topology format",
        ),
        doc: RuleDoc {
            what: "The documentation requires, before an in-place upgrade from Lync Server 2013 to Skype for Business Server 2015, KB2858668 on Windows Server 2012, KB2982006 on Windows Server 2012 R2 and KB2533623 on Windows Server 2008 R2. The engine lists this as guidance.",
            why: "Microsoft lists these operating system updates, on top of the latest service pack, as prerequisites of the in-place upgrade.",
            example: "Upgrading a Windows Server 2012 R2 Front End Server in place without KB2982006.",
            fix: "Install the update for each server's Windows Server version before running the upgrade.",
        },
        ..Rule::STABLE
    },
];
