//! Microsoft support lifecycles (`lifecycle.md`): the dates of each product, SQL Server and
//! Windows Server version as data, and where an item stands on a calendar date. The LIFE rules
//! read it; so do the questions that need no topology ("is SQL Server 2016 SP3 supported on
//! 2026-07-15?", "when does Windows Server 2019 leave support?").

pub(crate) mod judge;
mod markdown;
mod table;

pub use jiff::civil::Date;
pub use markdown::markdown;
pub use table::{AS_OF, COLLOCATED_EXPRESS, LIFECYCLE};

use serde::Serialize;

use crate::registry::Provenance;
use crate::tokens::{Os, Product, SqlVersion};

/// How far ahead "approaching the end of support" looks by default, in months (`lifecycle.md`
/// §1.5.2: a planning horizon, the Modern policy's own notice period).
pub const DEFAULT_WARN_MONTHS: u32 = 12;

/// Something with a lifecycle, named by its topology token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// A pool's product.
    Product(Product),
    /// A SQL Server version.
    Sql(SqlVersion),
    /// A Windows Server version.
    Os(Os),
}

impl Item {
    /// Every kind, as spelt by [`Item::parse`].
    pub const KINDS: &'static [&'static str] = &["product", "sql", "os"];

    /// `product`, `sql` or `os`.
    pub const fn kind(self) -> &'static str {
        match self {
            Item::Product(_) => "product",
            Item::Sql(_) => "sql",
            Item::Os(_) => "os",
        }
    }

    /// The topology token: `sfb2019`, `2016`, `ws2019`.
    pub const fn token(self) -> &'static str {
        match self {
            Item::Product(product) => product.as_str(),
            Item::Sql(version) => version.as_str(),
            Item::Os(os) => os.as_str(),
        }
    }

    /// The name Microsoft gives it.
    pub const fn display_name(self) -> &'static str {
        match self {
            Item::Product(product) => product.display_name(),
            Item::Sql(version) => version.display_name(),
            Item::Os(os) => os.display_name(),
        }
    }

    /// The item of a kind and a token, e.g. `("sql", "2016")`; `None` when either is unknown.
    pub fn parse(kind: &str, token: &str) -> Option<Item> {
        match kind {
            "product" => Product::from_token(token).map(Item::Product),
            "sql" => SqlVersion::from_token(token).map(Item::Sql),
            "os" => Os::from_token(token).map(Item::Os),
            _ => None,
        }
    }
}

impl Serialize for Item {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("kind", self.kind())?;
        map.serialize_entry("token", self.token())?;
        map.serialize_entry("name", self.display_name())?;
        map.end()
    }
}

/// A lifecycle policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// Five years of mainstream and five of extended support, each with a fixed end.
    Fixed,
    /// Supported while kept current; no fixed end (`policyType: modern-on-prem`).
    ModernOnPrem,
}

/// A date and how well it is sourced: a date resting on secondary sources never raises an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dated {
    /// The calendar date; for an end, the last supported day.
    pub date: Date,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// What a release of a product is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseKind {
    /// A service pack; `0` is the original release (RTM).
    ServicePack(u32),
    /// A paid Extended Security Update window: security fixes only, not support.
    Esu,
}

/// A release: a service pack or an ESU window, with its own start and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Release {
    /// As Microsoft names it: `Service Pack 3`, `Extended Security Update Year 1`.
    pub name: &'static str,
    /// Service pack or ESU window.
    pub kind: ReleaseKind,
    /// First day.
    pub start: Date,
    /// Last day, inclusive.
    pub end: Date,
    /// Sold for Azure only: not counted by the rules (the topology cannot say where a server
    /// runs).
    pub azure_only: bool,
    /// Where the dates come from.
    pub provenance: Provenance,
    /// The source.
    pub source: &'static str,
}

impl Release {
    /// Whether `date` lies in the release's window, both ends included.
    pub fn covers(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}

/// One item's lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The product, SQL Server or Windows Server version.
    pub item: Item,
    /// Fixed or Modern.
    pub policy: Policy,
    /// First day of support.
    pub start: Dated,
    /// Last day of mainstream support (fixed policy).
    pub mainstream_end: Option<Dated>,
    /// Last day of extended support, the end of support (fixed policy).
    pub extended_end: Option<Dated>,
    /// The earliest day Microsoft may end support (Modern policy).
    pub earliest_end: Option<Dated>,
    /// Service packs and ESU windows.
    pub releases: &'static [Release],
    /// Microsoft's lifecycle page of the item.
    pub page: &'static str,
    /// Where the row comes from (repository, path and commit, or address).
    pub source: &'static str,
    /// Conflicts between sources, and what the row chose.
    pub notes: &'static str,
}

impl Row {
    /// The release of a service pack level; `None` for a level the table does not know.
    pub fn service_pack(&self, level: u32) -> Option<&'static Release> {
        self.releases
            .iter()
            .find(|release| release.kind == ReleaseKind::ServicePack(level))
    }

    /// The latest service pack, for versions that ship service packs.
    pub fn latest_service_pack(&self) -> Option<u32> {
        self.releases
            .iter()
            .filter_map(|release| match release.kind {
                ReleaseKind::ServicePack(level) => Some(level),
                ReleaseKind::Esu => None,
            })
            .max()
    }

    /// The ESU window (not Azure-only) that covers `date`, if any.
    pub fn esu_window(&self, date: Date) -> Option<&'static Release> {
        self.releases.iter().find(|release| {
            release.kind == ReleaseKind::Esu && !release.azure_only && release.covers(date)
        })
    }
}

/// The SQL Server Express a product collocates on its servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Express {
    /// The product.
    pub product: Product,
    /// The Express version it installs.
    pub version: SqlVersion,
    /// Where that comes from.
    pub provenance: Provenance,
    /// The source.
    pub source: &'static str,
}

/// The lifecycle of an item. Every topology token has a row.
pub fn row(item: Item) -> &'static Row {
    LIFECYCLE
        .iter()
        .find(|row| row.item == item)
        .unwrap_or(&UNKNOWN)
}

/// The row for an item missing from the table, which the table's tests rule out: it has no end,
/// so nothing is reported about it.
static UNKNOWN: Row = Row {
    item: Item::Product(Product::SfbSe),
    policy: Policy::ModernOnPrem,
    start: Dated {
        date: Date::MIN,
        provenance: Provenance::Unsourced,
    },
    mainstream_end: None,
    extended_end: None,
    earliest_end: None,
    releases: &[],
    page: "",
    source: "",
    notes: "",
};

/// The SQL Server Express a product installs on its servers.
pub fn collocated_express(product: Product) -> Option<&'static Express> {
    COLLOCATED_EXPRESS
        .iter()
        .find(|express| express.product == product)
}

/// Today's date in UTC: the default check date.
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

/// A check date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let date = well_formed.then(|| text.parse::<Date>().ok()).flatten();
    date.ok_or_else(|| {
        format!("`{text}` is not a calendar date: expected YYYY-MM-DD, e.g. `2026-11-26`")
    })
}

/// The first day of the warning horizon before `end`: `end` minus `months` calendar months, the
/// day clamped to the end of a shorter month (2028-02-29 − 12 months = 2027-02-28). An item is
/// approaching `end` on the days after it, up to `end` itself.
pub fn horizon(end: Date, months: u32) -> Date {
    jiff::Span::new()
        .try_months(i64::from(months))
        .and_then(|span| end.checked_sub(span))
        .unwrap_or(Date::MIN)
}

/// The table as JSON, two-space indented with a final newline: `as_of`, `rows` and
/// `collocated_express`.
pub fn table_json() -> String {
    let table = serde_json::json!({
        "as_of": AS_OF,
        "rows": LIFECYCLE,
        "collocated_express": COLLOCATED_EXPRESS,
    });
    let mut json = serde_json::to_string_pretty(&table).unwrap_or_default();
    json.push('\n');
    json
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to)
        .map(|span| i64::from(span.get_days()))
        .unwrap_or_default()
}

/// Which end date decides an item's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndKind {
    /// The last day of mainstream support.
    Mainstream,
    /// The last day of extended support: the end of support.
    Extended,
    /// The last day of the item's service pack.
    ServicePack,
    /// The last day of an ESU window.
    EsuWindow,
    /// The earliest day Microsoft may end a Modern-policy product's support.
    EarliestPossible,
}

/// The phase of an item's lifecycle on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Before its first day.
    NotYetReleased,
    /// Mainstream support: functional and security updates.
    Mainstream,
    /// Extended support: security updates only.
    Extended,
    /// Past the end of support (of the version, or of its service pack).
    Ended,
    /// Modern policy: supported while kept current.
    Modern,
}

/// An end date, what kind it is and how well it is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct End {
    /// The last supported day.
    pub date: Date,
    /// Mainstream, extended, service pack, ESU window or earliest possible.
    pub kind: EndKind,
    /// Where the date comes from.
    pub provenance: Provenance,
}

/// Where an item stands on a date: the answer to "is it supported on D?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The item.
    pub item: Item,
    /// The service pack asked about (SQL Server 2008 R2 to 2016; `0` is RTM).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_pack: Option<u32>,
    /// The date judged.
    pub date: Date,
    /// Its phase on that date.
    pub phase: Phase,
    /// Whether Microsoft supports it on that date (ESUs are not support).
    pub supported: bool,
    /// The end that decides: the service pack's when it ends first, else the extended end (the
    /// earliest possible end for a Modern-policy product).
    pub end: Option<End>,
    /// Days from the date to that end: negative once it is past.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    /// The end is within the warning horizon and not yet past.
    pub approaching: bool,
    /// The ESU window covering the date, when the item is past its end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub esu: Option<&'static Release>,
    /// The service pack asked about is not in the table (its part could not be judged).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unknown_service_pack: bool,
    /// The decisive date rests on secondary sources.
    pub unverified: bool,
    /// The row's lifecycle page.
    pub url: &'static str,
}

impl Standing {
    /// The standing as JSON, two-space indented with a final newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

/// Where `item` (at `service_pack`, for SQL Server 2008 R2 to 2016) stands on `date`, with
/// "approaching" looking `warn_months` ahead.
pub fn standing(item: Item, service_pack: Option<u32>, date: Date, warn_months: u32) -> Standing {
    let row = row(item);
    let sp_release = service_pack.and_then(|level| row.service_pack(level));
    let unknown_service_pack =
        service_pack.is_some() && sp_release.is_none() && row.latest_service_pack().is_some();
    let end = match (row.policy, row.extended_end, row.earliest_end) {
        (Policy::Fixed, Some(_), _) => end_of_support(item, service_pack),
        (_, _, Some(earliest)) => Some(End {
            date: earliest.date,
            kind: EndKind::EarliestPossible,
            provenance: earliest.provenance,
        }),
        _ => None,
    };
    let past = end.is_some_and(|end| end.kind != EndKind::EarliestPossible && date > end.date);
    let phase = if date < row.start.date {
        Phase::NotYetReleased
    } else if row.policy == Policy::ModernOnPrem {
        Phase::Modern
    } else if past {
        Phase::Ended
    } else if row.mainstream_end.is_some_and(|m| date > m.date) {
        Phase::Extended
    } else {
        Phase::Mainstream
    };
    let approaching =
        !past && end.is_some_and(|end| horizon(end.date, warn_months) < date && date <= end.date);
    Standing {
        item,
        service_pack,
        date,
        phase,
        supported: !matches!(phase, Phase::Ended | Phase::NotYetReleased),
        end,
        days_left: end.map(|end| days_between(date, end.date)),
        approaching,
        esu: if past { row.esu_window(date) } else { None },
        unknown_service_pack,
        unverified: end.is_some_and(|end| end.provenance.is_unverified()),
        url: row.page,
    }
}

/// The last day Microsoft supports `item` (at `service_pack`): the service pack's end when it
/// comes first; `None` for a Modern-policy product, which has no fixed end.
pub fn end_of_support(item: Item, service_pack: Option<u32>) -> Option<End> {
    let row = row(item);
    let extended = row.extended_end?;
    let release = service_pack.and_then(|level| row.service_pack(level));
    Some(match release {
        Some(release) if release.end < extended.date => End {
            date: release.end,
            kind: EndKind::ServicePack,
            provenance: release.provenance,
        },
        _ => End {
            date: extended.date,
            kind: EndKind::Extended,
            provenance: extended.provenance,
        },
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn d(text: &str) -> Date {
        parse_date(text).unwrap()
    }

    #[test]
    fn every_token_has_exactly_one_row() {
        let items = Product::ALL
            .iter()
            .map(|p| Item::Product(*p))
            .chain(SqlVersion::ALL.iter().map(|v| Item::Sql(*v)))
            .chain(Os::ALL.iter().map(|o| Item::Os(*o)));
        for item in items {
            let rows = LIFECYCLE.iter().filter(|row| row.item == item).count();
            assert_eq!(rows, 1, "{item:?}");
            assert!(!row(item).source.is_empty());
        }
    }

    #[test]
    fn releases_lie_within_their_rows_and_windows_are_ordered() {
        for row in LIFECYCLE {
            for release in row.releases {
                assert!(
                    release.start <= release.end,
                    "{}: {}",
                    row.page,
                    release.name
                );
                assert!(!release.source.is_empty());
                if let ReleaseKind::ServicePack(_) = release.kind {
                    assert!(
                        release.end <= row.extended_end.unwrap().date,
                        "{}",
                        release.name
                    );
                }
            }
            if let (Some(m), Some(e)) = (row.mainstream_end, row.extended_end) {
                assert!(row.start.date < m.date && m.date < e.date, "{}", row.page);
            }
        }
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(d("2026-11-26"), jiff::civil::date(2026, 11, 26));
        for bad in [
            "2026-2-28",
            "2026-02-30",
            "26-11-2026",
            "2026-11-26T00:00",
            "",
            "2026/11/26",
        ] {
            let error = parse_date(bad).unwrap_err();
            assert!(error.contains("expected YYYY-MM-DD"), "{bad}: {error}");
        }
    }

    #[test]
    fn the_horizon_clamps_to_the_end_of_a_shorter_month() {
        assert_eq!(horizon(d("2028-02-29"), 12), d("2027-02-28"));
        assert_eq!(horizon(d("2027-01-12"), 12), d("2026-01-12"));
        assert_eq!(horizon(d("2027-01-12"), 0), d("2027-01-12"));
        assert_eq!(horizon(d("2027-01-12"), u32::MAX), Date::MIN);
    }

    #[test]
    fn an_end_date_is_the_last_supported_day() {
        let ws2016 = Item::Os(Os::Ws2016);
        let on = |date: &str| standing(ws2016, None, d(date), 12);
        assert!(!on("2026-01-12").approaching);
        assert_eq!(on("2026-01-12").phase, Phase::Extended);
        assert!(on("2026-01-13").approaching);
        let last = on("2027-01-12");
        assert!(last.supported && last.approaching);
        assert_eq!(last.days_left, Some(0));
        let after = on("2027-01-13");
        assert!(!after.supported && !after.approaching);
        assert_eq!(after.phase, Phase::Ended);
        assert_eq!(after.days_left, Some(-1));
        assert_eq!(on("2026-11-26").days_left, Some(47));
    }

    #[test]
    fn a_service_pack_ends_before_its_version() {
        let sql2016 = Item::Sql(SqlVersion::V2016);
        let sp2 = standing(sql2016, Some(2), d("2022-10-12"), 12);
        assert!(!sp2.supported);
        assert_eq!(sp2.end.unwrap().kind, EndKind::ServicePack);
        assert_eq!(sp2.end.unwrap().date, d("2022-10-11"));
        assert!(standing(sql2016, Some(3), d("2026-07-14"), 12).supported);
        let sp3 = standing(sql2016, Some(3), d("2026-07-15"), 12);
        assert!(!sp3.supported);
        assert_eq!(sp3.esu.unwrap().end, d("2029-07-17"));
        assert!(standing(sql2016, Some(7), d("2020-01-01"), 12).unknown_service_pack);
        assert!(
            !standing(Item::Sql(SqlVersion::V2019), Some(1), d("2020-01-01"), 12)
                .unknown_service_pack
        );
    }

    #[test]
    fn end_of_support_answers_without_a_date() {
        let ws2019 = end_of_support(Item::Os(Os::Ws2019), None).unwrap();
        assert_eq!(
            (ws2019.date, ws2019.kind),
            (d("2029-01-09"), EndKind::Extended)
        );
        assert_eq!(end_of_support(Item::Product(Product::SfbSe), None), None);
        let ws2025 = end_of_support(Item::Os(Os::Ws2025), None).unwrap();
        assert_eq!(ws2025.provenance, Provenance::Secondary);
    }

    #[test]
    fn subscription_edition_is_modern_with_an_earliest_end() {
        let se = Item::Product(Product::SfbSe);
        let now = standing(se, None, d("2026-11-26"), 12);
        assert_eq!(now.phase, Phase::Modern);
        assert!(now.supported && !now.approaching && now.unverified);
        assert!(!standing(se, None, d("2034-12-31"), 12).approaching);
        assert!(standing(se, None, d("2035-01-01"), 12).approaching);
        // Never "ended": the earliest possible end is not an end.
        assert!(standing(se, None, d("2036-01-01"), 12).supported);
    }

    #[test]
    fn azure_only_esu_years_do_not_count() {
        let ws2008r2 = row(Item::Os(Os::Ws2008r2));
        assert!(ws2008r2.esu_window(d("2023-01-10")).is_some());
        assert!(ws2008r2.esu_window(d("2023-01-11")).is_none());
    }
}
