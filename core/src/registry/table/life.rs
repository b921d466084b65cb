//! LIFE: support lifecycles on the check date (catalog §3.19, `lifecycle.md`). The dates are in
//! `crate::lifecycle`; these entries cite the lifecycle pages the dates come from.

use super::shared::{ALL, SE};
use crate::registry::{
    Evaluation, Provenance, Rule, RuleDoc, Source, Status, Strength, TbEnforced,
};
use crate::tokens::{Family, Product};

const L13_S15_S19: &[Product] = &[Product::Lync2013, Product::Sfb2015, Product::Sfb2019];

const LYNC_2013: Source = Source {
    path: "https://learn.microsoft.com/lifecycle/products/microsoft-lync-server-2013",
    heading: "",
};
const SFB_2015: Source = Source {
    path: "https://learn.microsoft.com/lifecycle/products/skype-for-business-server-2015",
    heading: "",
};
const SFB_2019: Source = Source {
    path: "https://learn.microsoft.com/lifecycle/products/skype-for-business-server-2019",
    heading: "",
};
const SQL_END_OF_SUPPORT: Source = Source {
    path: "https://learn.microsoft.com/sql/sql-server/end-of-support/sql-server-end-of-support-overview",
    heading: "",
};
const SQL_ESU_FAQ: Source = Source {
    path: "https://learn.microsoft.com/sql/sql-server/end-of-support/extended-security-updates-frequently-asked-questions",
    heading: "",
};
const WINDOWS_SERVER_2012_R2: Source = Source {
    path: "https://learn.microsoft.com/lifecycle/products/windows-server-2012-r2",
    heading: "",
};
const WINDOWS_SERVER_2016: Source = Source {
    path: "https://learn.microsoft.com/lifecycle/products/windows-server-2016",
    heading: "",
};
const MODERN_POLICY: Source = Source {
    path: "https://learn.microsoft.com/lifecycle/additional-support-server-modern-lifecycle-policy",
    heading: "",
};
const S19_SYSTEM_REQUIREMENTS: Source = Source {
    path: "Skype/SfBServer2019/plan/system-requirements.md",
    heading: "",
};

/// The defaults of the family: new, not enforced by Topology Builder, every product.
const LIFE: Rule = Rule {
    family: Family::Life,
    status: Status::Preview,
    tb_enforced: TbEnforced::No,
    products: ALL,
    evaluation: Evaluation::Checked,
    ..Rule::STABLE
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "LIFE-001",
        name: "life-product-past-end-of-support",
        title: "Product version past the end of support",
        strength: Strength::Unsupported,
        products: L13_S15_S19,
        provenance: Provenance::Primary,
        sources: &[LYNC_2013, SFB_2015, SFB_2019],
        doc: RuleDoc {
            what: "Every pool whose `product` is `lync2013`, `sfb2015` or `sfb2019` is checked against the product's last day of extended support (2023-04-11, 2025-10-14, 2025-10-14) on the check date (`--as-of`, default today). The last day itself is still supported. A pool marked `\"esu\": true` gets LIFE-007 instead while a Skype for Business Server ESU period covers the date.",
            why: "After the end of extended support Microsoft ships no fixes or security updates and does not take support cases for the product. Skype for Business Server 2019's extended support was shortened to end with 2015's.",
            example: "`sfb2019` pool `pool-dal.contoso.com` checked on 2025-10-15.",
            fix: "Move to Skype for Business Server Subscription Edition: in place from 2019, side by side (new pools, move the users) from 2015 and Lync Server 2013; `hadr-rules check --target-product sfbse` shows what blocks the move.",
        },
        ..LIFE
    },
    Rule {
        id: "LIFE-002",
        name: "life-approaching-end-of-support",
        title: "Product, SQL Server or Windows Server approaching the end of support",
        strength: Strength::Recommended,
        provenance: Provenance::Derived,
        sources: &[SQL_END_OF_SUPPORT, WINDOWS_SERVER_2016],
        doc: RuleDoc {
            what: "A pool's product, a SQL store's version (or its service pack, for SQL Server 2008 R2 to 2016), a SQL node that overrides its store's version, or a server's Windows Server version whose last supported day falls within `--approaching-months` (default 12) after the check date.",
            why: "Replacing a SQL Server or a Windows Server under a pool takes planning; the horizon is this project's planning default (Microsoft's Modern policy gives 12 months' notice), not a Microsoft statement.",
            example: "Server `fe1-dal.contoso.com` with `\"os\": \"ws2016\"` checked on 2026-11-26: 47 days before 2027-01-12.",
            fix: "Plan the upgrade or replacement of the component before its last supported day.",
        },
        ..LIFE
    },
    Rule {
        id: "LIFE-003",
        name: "life-sql-past-end-of-support",
        title: "SQL Server version or service pack past the end of support",
        strength: Strength::Unsupported,
        provenance: Provenance::Primary,
        sources: &[SQL_END_OF_SUPPORT],
        doc: RuleDoc {
            what: "Every SQL store that is not `express`, and every SQL node that overrides its store's `version`, is checked against the last supported day of its SQL Server version and, for 2008 R2 to 2016 with `service_pack` given, of that service pack (RTM is `0`). Not evaluated when `version` is absent; the service pack part is not evaluated when `service_pack` is absent or unknown and a service pack of that version has already ended.",
            why: "Each SQL Server service pack has its own end of support, before the version's; after the end Microsoft ships no security updates and does not take support cases.",
            example: "Store `be-dal` with `\"version\": \"2016\", \"service_pack\": 2` checked on 2022-10-12 (SP2 ended after 2022-10-11).",
            fix: "Apply the latest service pack, or upgrade to a SQL Server version that is supported on the check date and by the product (catalog SQL family).",
        },
        ..LIFE
    },
    Rule {
        id: "LIFE-004",
        name: "life-windows-past-end-of-support",
        title: "Windows Server version past the end of support",
        strength: Strength::Unsupported,
        provenance: Provenance::Primary,
        sources: &[WINDOWS_SERVER_2012_R2, WINDOWS_SERVER_2016],
        doc: RuleDoc {
            what: "Every server with an `os` is checked against the last supported day of its Windows Server version. Not evaluated when `os` is absent. Windows Server 2025's dates rest on a secondary copy: its findings are unverified warnings.",
            why: "After the end of extended support Windows Server gets no security updates unless the server is enrolled in Extended Security Updates.",
            example: "Server `fe1-dal.contoso.com` with `\"os\": \"ws2012r2\"` checked on 2023-10-11.",
            fix: "Replace the server with one on a Windows Server version that is supported on the check date and by the product (catalog OS family).",
        },
        ..LIFE
    },
    Rule {
        id: "LIFE-005",
        name: "life-subscription-edition-modern-policy",
        title: "Subscription Edition: Modern Lifecycle Policy (stay current)",
        strength: Strength::Informational,
        products: SE,
        provenance: Provenance::Secondary,
        sources: &[MODERN_POLICY],
        doc: RuleDoc {
            what: "One info (subject `/`) when the topology has `sfbse` pools: Subscription Edition follows the Modern Lifecycle Policy. A warning when the earliest possible end of its support, 2035-12-31, is within `--approaching-months` of the check date.",
            why: "Under the Modern policy a product is supported only while it is kept current with the published updates, with no fixed end; Microsoft commits to Subscription Edition through at least 2035. Subscription Edition's place on the policy and the exact day rest on secondary sources.",
            example: "A topology with the `sfbse` pool `pool-dal.contoso.com`.",
            fix: "Keep every Subscription Edition server on the latest update, and check Microsoft's lifecycle page before the earliest possible end of support.",
        },
        ..LIFE
    },
    Rule {
        id: "LIFE-006",
        name: "life-past-mainstream-support",
        title: "Past mainstream support (security fixes only)",
        strength: Strength::Informational,
        provenance: Provenance::Primary,
        sources: &[SQL_END_OF_SUPPORT, WINDOWS_SERVER_2016],
        doc: RuleDoc {
            what: "A product, SQL Server or Windows Server version past its last day of mainstream support and within extended support, when no other LIFE finding is reported for it.",
            why: "In extended support Microsoft ships security updates only: no functional fixes or improvements.",
            example: "Server `fe1-dal.contoso.com` with `\"os\": \"ws2019\"` checked on 2024-01-10.",
            fix: "Plan the component's replacement before its extended support ends.",
        },
        ..LIFE
    },
    Rule {
        id: "LIFE-007",
        name: "life-extended-security-updates",
        title: "Running on Extended Security Updates",
        strength: Strength::Recommended,
        provenance: Provenance::Primary,
        sources: &[SQL_ESU_FAQ, WINDOWS_SERVER_2012_R2],
        doc: RuleDoc {
            what: "A pool, server, SQL store or node marked `\"esu\": true` that is past its end of support while a documented Extended Security Update window covers the check date: reported instead of LIFE-001, LIFE-003 or LIFE-004. Outside every window, on a SQL Server service pack other than the latest or on an Express edition, the error stands (facts `esu_window_ended` or `esu_not_available`). Windows with Azure-only years are not counted; the Skype for Business Server ESU periods rest on news reports only (unverified).",
            why: "Extended Security Updates deliver critical security fixes for a limited time; they are not support, and SQL Server ESUs need the latest service pack.",
            example: "Store `be-dal` with `\"version\": \"2014\", \"service_pack\": 3, \"esu\": true` checked on 2025-01-01 (window to 2027-07-08).",
            fix: "Finish the upgrade before the ESU window ends.",
        },
        ..LIFE
    },
    Rule {
        id: "LIFE-008",
        name: "life-collocated-express-past-end-of-support",
        title: "Collocated SQL Server Express past the end of support",
        strength: Strength::Recommended,
        provenance: Provenance::Derived,
        sources: &[S19_SYSTEM_REQUIREMENTS, SQL_END_OF_SUPPORT],
        doc: RuleDoc {
            what: "(a) A SQL store with `\"edition\": \"express\"` past its version's end of support. (b) Each Front End, Director or Edge pool whose product installs a SQL Server Express on its servers that is past its end of support: 2012 for Lync Server 2013, 2014 for 2015, 2016 for 2019 and (secondary) Subscription Edition.",
            why: "The product installs SQL Server Express for its local stores (and a Standard Edition server's back end); once that Express version leaves support it gets no SQL Server fixes. Microsoft supports the product as a whole, so this is a warning.",
            example: "`sfb2019` pool `pool-dal.contoso.com` checked on 2026-07-15 (SQL Server 2016 ended after 2026-07-14).",
            fix: "Apply the product's latest update and check whether it installs a newer SQL Server Express; move to a product version whose local SQL Server is supported.",
        },
        ..LIFE
    },
];
