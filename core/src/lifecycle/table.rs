//! The lifecycle table (`lifecycle.md` §2): each product, SQL Server and Windows Server version
//! with its policy, its support dates, its releases (service packs and Extended Security Update
//! windows) and the source of every row. End dates are the last supported day, inclusive, as
//! Pacific calendar dates (§1.3.1).

use jiff::civil::date;

use super::{Date, Dated, Express, Item, Policy, Release, ReleaseKind, Row};
use crate::registry::Provenance::{Primary, Secondary};
use crate::tokens::{Os, Product, SqlVersion};

/// The date the table was last checked against its sources.
pub const AS_OF: Date = date(2026, 11, 26);

/// A file of `MicrosoftDocs/lifecycle-data-pr.fr-fr`, branch `live`, at a commit.
macro_rules! yml {
    ($slug:literal, $commit:literal) => {
        concat!(
            "MicrosoftDocs/lifecycle-data-pr.fr-fr lifecycle-data/products/",
            $slug,
            ".yml @",
            $commit
        )
    };
}

/// The lifecycle page of a product.
macro_rules! page {
    ($slug:literal) => {
        concat!("https://learn.microsoft.com/lifecycle/products/", $slug)
    };
}

/// The commit of most lifecycle files (2022-04-01).
macro_rules! yml_e536 {
    ($slug:literal) => {
        yml!($slug, "e536f95c2e1221bf385c4453c6adcf86abc652f8")
    };
}

const ESU_FAQ: &str = "MicrosoftDocs/sql-docs docs/sql-server/end-of-support/extended-security-updates-frequently-asked-questions.md @da493185fdf4 and its version of ms.date 2026-06-22";
const SQL_2016_ESU: &str = "MicrosoftDocs/sql-docs docs/sql-server/end-of-support/extended-security-updates-frequently-asked-questions.md (ms.date 2026-06-22); docs/sql-server/azure-arc/extended-security-updates.md (ms.date 2026-06-22)";
const SFB_ESU_1: &str = "https://windowsreport.com/microsoft-offers-six-month-security-updates-for-exchange-and-skype-beyond-2025/ (2025-07-16); https://betanews.com/2025/07/18/microsoft-announces-extended-security-update-programs-for-exchange-and-skype-for-business/";
const SFB_ESU_2: &str = "https://news.lavx.hu/article/microsoft-extends-skype-for-business-esu-program-with-period-2-option";

const fn primary(y: i16, m: i8, d: i8) -> Dated {
    Dated {
        date: date(y, m, d),
        provenance: Primary,
    }
}

const fn secondary(y: i16, m: i8, d: i8) -> Dated {
    Dated {
        date: date(y, m, d),
        provenance: Secondary,
    }
}

/// A release of a yml file: RTM (service pack 0) or a service pack.
const fn sp(
    name: &'static str,
    level: u32,
    start: Date,
    end: Date,
    source: &'static str,
) -> Release {
    Release {
        name,
        kind: ReleaseKind::ServicePack(level),
        start,
        end,
        azure_only: false,
        provenance: Primary,
        source,
    }
}

/// An Extended Security Update window.
const fn esu(name: &'static str, start: Date, end: Date, source: &'static str) -> Release {
    Release {
        name,
        kind: ReleaseKind::Esu,
        start,
        end,
        azure_only: false,
        provenance: Primary,
        source,
    }
}

/// An ESU year sold for Azure only: the topology cannot say where a server runs, so no rule
/// counts it (lifecycle.md Q-B3).
const fn esu_azure(name: &'static str, start: Date, end: Date, source: &'static str) -> Release {
    Release {
        azure_only: true,
        ..esu(name, start, end, source)
    }
}

/// A fixed-policy row: every date from the row's own source.
const fn fixed(
    item: Item,
    page: &'static str,
    dates: [Dated; 3],
    releases: &'static [Release],
    source: &'static str,
) -> Row {
    let [start, mainstream_end, extended_end] = dates;
    Row {
        item,
        policy: Policy::Fixed,
        start,
        mainstream_end: Some(mainstream_end),
        extended_end: Some(extended_end),
        earliest_end: None,
        releases,
        page,
        source,
        notes: "",
    }
}

const L13: &str = yml_e536!("microsoft-lync-server-2013");
const S15: &str = yml_e536!("skype-for-business-server-2015");
const S19: &str = yml_e536!("skype-for-business-server-2019");
const SQL2008R2: &str = yml_e536!("microsoft-sql-server-2008-r2");
const SQL2012: &str = yml_e536!("microsoft-sql-server-2012");
const SQL2014: &str = yml_e536!("sql-server-2014");
const SQL2016: &str = yml_e536!("sql-server-2016");
const SQL2017: &str = yml_e536!("sql-server-2017");
const SQL2019: &str = yml_e536!("sql-server-2019");
const WS2008R2: &str = yml_e536!("windows-server-2008-r2");
const WS2012: &str = yml_e536!("windows-server-2012");
const WS2012R2: &str = yml!(
    "windows-server-2012-r2",
    "4257fca30b2a7f34449a786ef8bf6bc59e05530e"
);
const WS2016: &str = yml!(
    "windows-server-2016",
    "a8dc976b66d7948cfa08604e575e2b5b3dc65d17"
);
const WS2019: &str = yml!(
    "windows-server-2019",
    "a8dc976b66d7948cfa08604e575e2b5b3dc65d17"
);
const WS2022: &str = yml!(
    "windows-server-2022",
    "a8dc976b66d7948cfa08604e575e2b5b3dc65d17"
);

/// The Skype for Business Server 2015 / 2019 ESU periods: news only (lifecycle.md §2.5).
const SFB_ESU: &[Release] = &[
    Release {
        provenance: Secondary,
        ..esu(
            "Extended Security Updates, period 1",
            date(2025, 10, 14),
            date(2026, 4, 14),
            SFB_ESU_1,
        )
    },
    Release {
        provenance: Secondary,
        ..esu(
            "Extended Security Updates, period 2",
            date(2026, 5, 1),
            date(2026, 10, 31),
            SFB_ESU_2,
        )
    },
];

const WS2012_ESU: [Release; 3] = [
    esu(
        "Extended Security Update Year 1",
        date(2023, 10, 11),
        date(2024, 10, 8),
        WS2012,
    ),
    esu(
        "Extended Security Update Year 2",
        date(2024, 10, 9),
        date(2025, 10, 14),
        WS2012,
    ),
    esu(
        "Extended Security Update Year 3",
        date(2025, 10, 15),
        date(2026, 10, 13),
        WS2012,
    ),
];

/// Every row, in the order of `lifecycle.md` §2.
pub const LIFECYCLE: &[Row] = &[
    fixed(
        Item::Product(Product::Lync2013),
        page!("microsoft-lync-server-2013"),
        [
            primary(2011, 1, 25),
            primary(2018, 4, 10),
            primary(2023, 4, 11),
        ],
        &[],
        L13,
    ),
    fixed(
        Item::Product(Product::Sfb2015),
        page!("skype-for-business-server-2015"),
        [
            primary(2015, 7, 30),
            primary(2020, 10, 13),
            primary(2025, 10, 14),
        ],
        SFB_ESU,
        S15,
    ),
    Row {
        notes: "extended support shortened to the day 2015's ends",
        ..fixed(
            Item::Product(Product::Sfb2019),
            page!("skype-for-business-server-2019"),
            [
                primary(2018, 10, 22),
                primary(2024, 1, 9),
                primary(2025, 10, 14),
            ],
            SFB_ESU,
            S19,
        )
    },
    Row {
        item: Item::Product(Product::SfbSe),
        policy: Policy::ModernOnPrem,
        start: secondary(2025, 7, 1),
        mainstream_end: None,
        extended_end: None,
        earliest_end: Some(secondary(2035, 12, 31)),
        releases: &[],
        // No lifecycle page of its own is known: the page that lists its earliest end.
        page: "https://learn.microsoft.com/lifecycle/additional-support-server-modern-lifecycle-policy",
        source: "Microsoft Learn \"What is Microsoft 365 Local?\" (ms.date 2026-02-17: supported through at least 2035); general availability and the day 2035-12-31: https://www.neowin.net/forum/topic/1456374-skype-for-business-server-se-now-available-because-teams-can039t-solve-one-problem/ and pages quoting https://learn.microsoft.com/lifecycle/additional-support-server-modern-lifecycle-policy",
        notes: "Modern Lifecycle Policy: supported while kept current; no lifecycle yml exists",
    },
    fixed(
        Item::Sql(SqlVersion::V2008r2),
        page!("microsoft-sql-server-2008-r2"),
        [
            primary(2010, 7, 20),
            primary(2014, 7, 8),
            primary(2019, 7, 9),
        ],
        &[
            sp(
                "Original Release",
                0,
                date(2010, 7, 20),
                date(2012, 7, 10),
                SQL2008R2,
            ),
            sp(
                "Service Pack 1",
                1,
                date(2011, 7, 12),
                date(2013, 10, 8),
                SQL2008R2,
            ),
            // IA64 kept SP2 to 2019-07-09; the topology has no architecture (Q-B5).
            sp(
                "Service Pack 2",
                2,
                date(2012, 7, 26),
                date(2015, 10, 13),
                SQL2008R2,
            ),
            sp(
                "Service Pack 3",
                3,
                date(2014, 7, 7),
                date(2019, 7, 9),
                SQL2008R2,
            ),
            esu(
                "Extended Security Update Year 1",
                date(2019, 7, 9),
                date(2020, 7, 14),
                SQL2008R2,
            ),
            esu(
                "Extended Security Update Year 2",
                date(2020, 7, 15),
                date(2021, 7, 13),
                SQL2008R2,
            ),
            esu(
                "Extended Security Update Year 3",
                date(2021, 7, 14),
                date(2022, 7, 12),
                SQL2008R2,
            ),
            esu_azure(
                "Extended Security Update Year 4 (Azure only)",
                date(2022, 7, 13),
                date(2023, 7, 11),
                SQL2008R2,
            ),
        ],
        SQL2008R2,
    ),
    fixed(
        Item::Sql(SqlVersion::V2012),
        page!("microsoft-sql-server-2012"),
        [
            primary(2012, 5, 20),
            primary(2017, 7, 11),
            primary(2022, 7, 12),
        ],
        &[
            sp(
                "Original Release",
                0,
                date(2012, 5, 20),
                date(2014, 1, 14),
                SQL2012,
            ),
            sp(
                "Service Pack 1",
                1,
                date(2012, 11, 7),
                date(2015, 7, 14),
                SQL2012,
            ),
            sp(
                "Service Pack 2",
                2,
                date(2014, 6, 10),
                date(2017, 1, 10),
                SQL2012,
            ),
            sp(
                "Service Pack 3",
                3,
                date(2015, 12, 1),
                date(2018, 10, 9),
                SQL2012,
            ),
            sp(
                "Service Pack 4",
                4,
                date(2017, 10, 5),
                date(2022, 7, 12),
                SQL2012,
            ),
            esu(
                "Extended Security Update Year 1",
                date(2022, 7, 13),
                date(2023, 7, 11),
                SQL2012,
            ),
            esu(
                "Extended Security Update Year 2",
                date(2023, 7, 12),
                date(2024, 7, 9),
                SQL2012,
            ),
            esu(
                "Extended Security Update Year 3",
                date(2024, 7, 10),
                date(2025, 7, 8),
                SQL2012,
            ),
        ],
        SQL2012,
    ),
    fixed(
        Item::Sql(SqlVersion::V2014),
        page!("sql-server-2014"),
        [
            primary(2014, 6, 5),
            primary(2019, 7, 9),
            primary(2024, 7, 9),
        ],
        &[
            sp(
                "Original Release",
                0,
                date(2014, 6, 5),
                date(2016, 7, 12),
                SQL2014,
            ),
            sp(
                "Service Pack 1",
                1,
                date(2015, 4, 14),
                date(2017, 10, 10),
                SQL2014,
            ),
            sp(
                "Service Pack 2",
                2,
                date(2016, 7, 14),
                date(2020, 1, 14),
                SQL2014,
            ),
            sp(
                "Service Pack 3",
                3,
                date(2018, 10, 30),
                date(2024, 7, 9),
                SQL2014,
            ),
            // The last day is disputed (2027-07-12 / -13 reported elsewhere, Q-A4).
            esu(
                "Extended Security Updates",
                date(2024, 7, 10),
                date(2027, 7, 8),
                ESU_FAQ,
            ),
        ],
        SQL2014,
    ),
    fixed(
        Item::Sql(SqlVersion::V2016),
        page!("sql-server-2016"),
        [
            primary(2016, 6, 1),
            primary(2021, 7, 13),
            primary(2026, 7, 14),
        ],
        &[
            sp(
                "Original Release",
                0,
                date(2016, 6, 1),
                date(2018, 1, 9),
                SQL2016,
            ),
            sp(
                "Service Pack 1",
                1,
                date(2016, 11, 16),
                date(2019, 7, 9),
                SQL2016,
            ),
            sp(
                "Service Pack 2",
                2,
                date(2018, 4, 24),
                date(2022, 10, 11),
                SQL2016,
            ),
            sp(
                "Service Pack 3",
                3,
                date(2021, 9, 15),
                date(2026, 7, 14),
                SQL2016,
            ),
            esu(
                "Extended Security Updates",
                date(2026, 7, 14),
                date(2029, 7, 17),
                SQL_2016_ESU,
            ),
        ],
        SQL2016,
    ),
    fixed(
        Item::Sql(SqlVersion::V2017),
        page!("sql-server-2017"),
        [
            primary(2017, 9, 29),
            primary(2022, 10, 11),
            primary(2027, 10, 12),
        ],
        &[],
        SQL2017,
    ),
    Row {
        notes: "mainstream end 2025-01-14 in the yml; 2025-02-28 on the current lifecycle page (secondary copies, Q-A5)",
        source: concat!(
            yml_e536!("sql-server-2019"),
            "; mainstream end: https://sqlservercentral.com/editorials/the-end-of-sql-server-2019 and copies of https://learn.microsoft.com/lifecycle/products/sql-server-2019"
        ),
        ..fixed(
            Item::Sql(SqlVersion::V2019),
            page!("sql-server-2019"),
            [
                primary(2019, 11, 4),
                secondary(2025, 2, 28),
                primary(2030, 1, 8),
            ],
            &[],
            SQL2019,
        )
    },
    fixed(
        Item::Sql(SqlVersion::V2022),
        page!("sql-server-2022"),
        [
            secondary(2022, 11, 16),
            secondary(2028, 1, 11),
            primary(2033, 1, 11),
        ],
        &[],
        "extended end: MicrosoftDocs/sql-docs docs/reporting-services/reporting-services-consolidation-faq.md @b5de13b78646; start and mainstream end: phongnguyend/sql-server-kit README.md and copies of https://learn.microsoft.com/lifecycle/products/sql-server-2022 (mainstream end also https://learn.microsoft.com/sql/connect/odbc/support-lifecycle)",
    ),
    fixed(
        Item::Os(Os::Ws2008r2),
        page!("windows-server-2008-r2"),
        [
            primary(2009, 10, 22),
            primary(2015, 1, 13),
            primary(2020, 1, 14),
        ],
        &[
            sp(
                "Original Release",
                0,
                date(2009, 10, 22),
                date(2013, 4, 9),
                WS2008R2,
            ),
            sp(
                "Service Pack 1",
                1,
                date(2011, 2, 22),
                date(2020, 1, 14),
                WS2008R2,
            ),
            esu(
                "Extended Security Update Year 1",
                date(2020, 1, 14),
                date(2021, 1, 12),
                WS2008R2,
            ),
            esu(
                "Extended Security Update Year 2",
                date(2021, 1, 13),
                date(2022, 1, 11),
                WS2008R2,
            ),
            esu(
                "Extended Security Update Year 3",
                date(2022, 1, 12),
                date(2023, 1, 10),
                WS2008R2,
            ),
            esu_azure(
                "Extended Security Update Year 4 (Azure only)",
                date(2023, 1, 11),
                date(2024, 1, 9),
                WS2008R2,
            ),
        ],
        WS2008R2,
    ),
    fixed(
        Item::Os(Os::Ws2012),
        page!("windows-server-2012"),
        [
            primary(2012, 10, 30),
            primary(2018, 10, 9),
            primary(2023, 10, 10),
        ],
        &WS2012_ESU,
        WS2012,
    ),
    fixed(
        Item::Os(Os::Ws2012r2),
        page!("windows-server-2012-r2"),
        [
            primary(2013, 11, 25),
            primary(2018, 10, 9),
            primary(2023, 10, 10),
        ],
        &[
            esu(
                "Extended Security Update Year 1",
                date(2023, 10, 11),
                date(2024, 10, 8),
                WS2012R2,
            ),
            esu(
                "Extended Security Update Year 2",
                date(2024, 10, 9),
                date(2025, 10, 14),
                WS2012R2,
            ),
            esu(
                "Extended Security Update Year 3",
                date(2025, 10, 15),
                date(2026, 10, 13),
                WS2012R2,
            ),
        ],
        WS2012R2,
    ),
    fixed(
        Item::Os(Os::Ws2016),
        page!("windows-server-2016"),
        [
            primary(2016, 10, 15),
            primary(2022, 1, 11),
            primary(2027, 1, 12),
        ],
        &[],
        WS2016,
    ),
    fixed(
        Item::Os(Os::Ws2019),
        page!("windows-server-2019"),
        [
            primary(2018, 11, 13),
            primary(2024, 1, 9),
            primary(2029, 1, 9),
        ],
        &[],
        WS2019,
    ),
    Row {
        notes: "start 2021-08-18 in earlier versions of the yml (Q-A5); start dates feed no rule",
        ..fixed(
            Item::Os(Os::Ws2022),
            page!("windows-server-2022"),
            [
                primary(2021, 11, 2),
                primary(2026, 10, 13),
                primary(2031, 10, 14),
            ],
            &[],
            WS2022,
        )
    },
    fixed(
        Item::Os(Os::Ws2025),
        page!("windows-server-2025"),
        [
            secondary(2024, 11, 1),
            secondary(2029, 11, 13),
            secondary(2034, 11, 14),
        ],
        &[],
        "altrhombus/DataForGeeks content/ms/win/lifecycle-server.json @04b0bfce0117 (a copy of https://learn.microsoft.com/lifecycle/products/windows-server-2025, collected 2026-07-22)",
    ),
];

/// The SQL Server Express each product installs and collocates on its servers
/// (`lifecycle.md` §2.11): Front End local stores and the Standard Edition server back end.
pub const COLLOCATED_EXPRESS: &[Express] = &[
    Express {
        product: Product::Lync2013,
        version: SqlVersion::V2012,
        provenance: Primary,
        source: "MicrosoftDocs/OfficeDocs-SkypeForBusiness Lync/LyncServer/lync-server-2013-database-software-support.md",
    },
    Express {
        product: Product::Sfb2015,
        version: SqlVersion::V2014,
        provenance: Primary,
        source: "MicrosoftDocs/OfficeDocs-SkypeForBusiness Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md",
    },
    Express {
        product: Product::Sfb2019,
        version: SqlVersion::V2016,
        provenance: Primary,
        source: "MicrosoftDocs/OfficeDocs-SkypeForBusiness Skype/SfBServer2019/plan/system-requirements.md",
    },
    // Whether SE or a later SE update moved to a newer Express is unsourced (Q-A3).
    Express {
        product: Product::SfbSe,
        version: SqlVersion::V2016,
        provenance: Secondary,
        source: "https://www.neowin.net/forum/topic/1456374-skype-for-business-server-se-now-available-because-teams-can039t-solve-one-problem/ (prerequisites identical to 2019)",
    },
];
