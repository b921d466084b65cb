//! The verdict of the LIFE family on one item of a topology (`lifecycle.md` §3.0): at most one of
//! past the end (error), on Extended Security Updates, approaching the end, past mainstream.

use super::{Date, End, EndKind, Item, Phase, Release, ReleaseKind, row, standing};
use crate::tokens::SqlEdition;

/// Why `esu: true` does not turn an error into a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EsuRefused {
    /// No documented ESU window covers the check date (fact `esu_window_ended`).
    WindowEnded,
    /// The item cannot get ESUs: an Express edition, or a SQL Server service pack other than
    /// the latest (fact `esu_not_available`).
    NotAvailable,
    /// SQL Server ESUs need the latest service pack and the store does not say which it runs.
    ServicePackUnknown,
}

/// What the LIFE family reports about one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Past its end (version or service pack); `esu` says why a stated ESU did not help.
    Past {
        end: End,
        days: i64,
        esu: Option<EsuRefused>,
    },
    /// Past its end and covered by the ESU window the topology says it is enrolled in.
    OnEsu { end: End, window: &'static Release },
    /// Within the warning horizon of its end.
    Approaching { end: End, days: i64 },
    /// Past mainstream support, within extended support.
    PastMainstream { mainstream: Date, end: End },
    /// Nothing to report (mainstream support, Modern policy, not yet released).
    Supported,
}

/// An item of the topology as the LIFE rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Subject {
    pub item: Item,
    pub service_pack: Option<u32>,
    pub edition: Option<SqlEdition>,
    pub esu: bool,
}

/// The verdict on `subject` on `date`, with the horizon `months` ahead.
pub(crate) fn judge(subject: Subject, date: Date, months: u32) -> Verdict {
    let standing = standing(subject.item, subject.service_pack, date, months);
    let Some(end) = standing.end else {
        return Verdict::Supported;
    };
    let days = standing.days_left.unwrap_or_default();
    match standing.phase {
        Phase::NotYetReleased | Phase::Modern => Verdict::Supported,
        Phase::Ended => {
            if !subject.esu {
                return Verdict::Past {
                    end,
                    days: -days,
                    esu: None,
                };
            }
            match (esu_refused(subject, end), standing.esu) {
                (None, Some(window)) => Verdict::OnEsu { end, window },
                (refused, _) => Verdict::Past {
                    end,
                    days: -days,
                    esu: Some(refused.unwrap_or(EsuRefused::WindowEnded)),
                },
            }
        }
        _ if standing.approaching => Verdict::Approaching { end, days },
        Phase::Extended => match row(subject.item).mainstream_end {
            Some(mainstream) => Verdict::PastMainstream {
                mainstream: mainstream.date,
                end,
            },
            None => Verdict::Supported,
        },
        Phase::Mainstream => Verdict::Supported,
    }
}

/// Why an item enrolled in ESUs cannot get them, if it cannot.
fn esu_refused(subject: Subject, end: End) -> Option<EsuRefused> {
    if subject.edition == Some(SqlEdition::Express) || end.kind == EndKind::ServicePack {
        return Some(EsuRefused::NotAvailable);
    }
    let latest = row(subject.item).latest_service_pack()?;
    match subject.service_pack {
        Some(level) if level == latest => None,
        Some(_) => Some(EsuRefused::NotAvailable),
        None => Some(EsuRefused::ServicePackUnknown),
    }
}

/// Whether the service pack part of a SQL Server verdict could not be judged: the version has
/// service packs, the version itself is not past its end, and the store's `service_pack` is
/// absent while one of them has already ended, or names a level the table does not know.
pub(crate) fn service_pack_unjudged(subject: Subject, date: Date, verdict: Verdict) -> bool {
    if matches!(verdict, Verdict::Past { .. } | Verdict::OnEsu { .. }) {
        return false;
    }
    let row = row(subject.item);
    match subject.service_pack {
        Some(level) => row.latest_service_pack().is_some() && row.service_pack(level).is_none(),
        None => row.releases.iter().any(|release| {
            matches!(release.kind, ReleaseKind::ServicePack(_)) && release.end < date
        }),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::lifecycle::parse_date;
    use crate::tokens::{Os, SqlVersion};

    fn sql(version: SqlVersion, sp: Option<u32>, esu: bool) -> Subject {
        Subject {
            item: Item::Sql(version),
            service_pack: sp,
            edition: Some(SqlEdition::Enterprise),
            esu,
        }
    }

    fn on(subject: Subject, date: &str) -> Verdict {
        judge(subject, parse_date(date).unwrap(), 12)
    }

    #[test]
    fn esu_windows_lower_the_error_only_inside_them() {
        let s = sql(SqlVersion::V2014, Some(3), true);
        assert!(matches!(on(s, "2024-07-09"), Verdict::Approaching { .. }));
        assert!(matches!(on(s, "2024-07-10"), Verdict::OnEsu { .. }));
        assert!(matches!(on(s, "2027-07-08"), Verdict::OnEsu { .. }));
        assert!(matches!(
            on(s, "2027-07-09"),
            Verdict::Past {
                esu: Some(EsuRefused::WindowEnded),
                ..
            }
        ));
    }

    #[test]
    fn esus_need_the_latest_service_pack_and_not_express() {
        let sp2 = sql(SqlVersion::V2016, Some(2), true);
        assert!(matches!(
            on(sp2, "2026-07-15"),
            Verdict::Past {
                esu: Some(EsuRefused::NotAvailable),
                ..
            }
        ));
        let unknown = sql(SqlVersion::V2016, None, true);
        assert!(matches!(
            on(unknown, "2026-07-15"),
            Verdict::Past {
                esu: Some(EsuRefused::ServicePackUnknown),
                ..
            }
        ));
        let express = Subject {
            edition: Some(SqlEdition::Express),
            ..sql(SqlVersion::V2016, Some(3), true)
        };
        assert!(matches!(
            on(express, "2026-07-15"),
            Verdict::Past {
                esu: Some(EsuRefused::NotAvailable),
                ..
            }
        ));
    }

    #[test]
    fn mainstream_then_extended() {
        let ws2022 = Subject {
            item: Item::Os(Os::Ws2022),
            service_pack: None,
            edition: None,
            esu: false,
        };
        assert_eq!(on(ws2022, "2026-10-13"), Verdict::Supported);
        assert!(matches!(
            on(ws2022, "2026-10-14"),
            Verdict::PastMainstream { .. }
        ));
        assert!(matches!(
            on(ws2022, "2030-10-14"),
            Verdict::PastMainstream { .. }
        ));
        assert!(matches!(
            on(ws2022, "2030-10-15"),
            Verdict::Approaching { .. }
        ));
    }

    #[test]
    fn an_unknown_or_absent_service_pack_is_not_judged() {
        let date = parse_date("2020-01-01").unwrap();
        for (sp, unjudged) in [(Some(7), true), (None, true), (Some(3), false)] {
            let s = sql(SqlVersion::V2016, sp, false);
            assert_eq!(
                service_pack_unjudged(s, date, judge(s, date, 12)),
                unjudged,
                "{sp:?}"
            );
        }
        let s = sql(SqlVersion::V2019, None, false);
        assert!(!service_pack_unjudged(s, date, judge(s, date, 12)));
    }
}
