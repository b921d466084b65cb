//! The support matrices, row by row, against the catalog's tables (§2.1, §2.2, §2.4, §2.5).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hadr_rules::matrix::Support::{self, No, Undocumented, Yes};
use hadr_rules::matrix::limits::limits_for;
use hadr_rules::matrix::os::{OS_MATRIX, os_row};
use hadr_rules::matrix::quorum::{self, Needed, Quorum};
use hadr_rules::matrix::sql::{SQL_MATRIX, sql_row};
use hadr_rules::tokens::Product::{self, Lync2013, Sfb2015, Sfb2019, SfbSe};
use hadr_rules::tokens::{Os, SqlVersion};
use rstest::rstest;

#[test]
fn every_product_and_version_has_exactly_one_row() {
    for product in Product::ALL {
        for version in SqlVersion::ALL {
            let rows = SQL_MATRIX
                .iter()
                .filter(|r| r.product == *product && r.version == *version)
                .count();
            assert_eq!(rows, 1, "{product} {version}");
        }
        for os in Os::ALL {
            let rows = OS_MATRIX
                .iter()
                .filter(|r| r.product == *product && r.os == *os)
                .count();
            assert_eq!(rows, 1, "{product} {os}");
        }
    }
}

#[rstest]
//     product   version              back end  mirroring  AG   cluster   unverified
#[case(Lync2013, SqlVersion::V2008r2, Yes, Yes, No, Yes, false)]
#[case(Lync2013, SqlVersion::V2012, Yes, Yes, No, Yes, false)]
#[case(Lync2013, SqlVersion::V2014, No, No, No, No, false)]
#[case(Lync2013, SqlVersion::V2019, No, No, No, No, false)]
#[case(Sfb2015, SqlVersion::V2008r2, No, No, No, No, false)]
#[case(Sfb2015, SqlVersion::V2012, Yes, Yes, Yes, Yes, false)]
#[case(Sfb2015, SqlVersion::V2014, Yes, Yes, Yes, Yes, false)]
#[case(Sfb2015, SqlVersion::V2016, Yes, Yes, Yes, Yes, false)]
#[case(Sfb2015, SqlVersion::V2017, Yes, Yes, Yes, Yes, false)]
#[case(Sfb2015, SqlVersion::V2019, Yes, Yes, Yes, Yes, false)]
#[case(Sfb2015, SqlVersion::V2022, No, No, No, No, false)]
#[case(Sfb2019, SqlVersion::V2012, No, No, No, No, false)]
#[case(Sfb2019, SqlVersion::V2014, No, No, No, No, false)]
#[case(Sfb2019, SqlVersion::V2016, Yes, No, Yes, Yes, false)]
#[case(Sfb2019, SqlVersion::V2017, Yes, No, Yes, Yes, false)]
#[case(Sfb2019, SqlVersion::V2019, Yes, No, Yes, Yes, false)]
#[case(Sfb2019, SqlVersion::V2022, No, No, No, No, false)]
#[case(SfbSe, SqlVersion::V2014, No, No, No, No, true)]
#[case(SfbSe, SqlVersion::V2019, Yes, No, Yes, Yes, true)]
#[case(
    SfbSe,
    SqlVersion::V2022,
    Undocumented,
    No,
    Undocumented,
    Undocumented,
    true
)]
fn sql_back_end_matrix(
    #[case] product: Product,
    #[case] version: SqlVersion,
    #[case] back_end: Support,
    #[case] mirroring: Support,
    #[case] availability_group: Support,
    #[case] failover_cluster: Support,
    #[case] unverified: bool,
) {
    let row = sql_row(product, version).unwrap();
    assert_eq!(
        [
            row.back_end.support,
            row.mirroring.support,
            row.availability_group.support,
            row.failover_cluster.support
        ],
        [back_end, mirroring, availability_group, failover_cluster]
    );
    assert_eq!(row.back_end.is_unverified(), unverified);
    assert!(!row.source.is_empty());
}

#[test]
fn sql_patch_level_minimums() {
    let describe = |product, version| {
        let row = sql_row(product, version).unwrap();
        (
            row.min_level.map(|l| l.describe()),
            row.min_level_ha.map(|l| l.describe()),
            row.min_product_cu,
        )
    };
    assert_eq!(
        describe(Sfb2015, SqlVersion::V2012),
        (None, Some("SP2 CU2".to_owned()), None)
    );
    assert_eq!(
        describe(Sfb2015, SqlVersion::V2014),
        (Some("CU6".to_owned()), None, None)
    );
    assert_eq!(
        describe(Sfb2015, SqlVersion::V2016),
        (Some("SP1".to_owned()), None, Some(7))
    );
    assert_eq!(describe(Sfb2019, SqlVersion::V2016), (None, None, None));
}

#[rstest]
#[case(Some(2), Some(2), Some(true))]
#[case(Some(2), Some(1), Some(false))]
#[case(Some(3), None, Some(true))]
#[case(Some(1), Some(9), Some(false))]
#[case(Some(2), None, None)]
#[case(None, Some(5), None)]
#[case(None, None, None)]
fn sp2_cu2_minimum(#[case] sp: Option<u32>, #[case] cu: Option<u32>, #[case] met: Option<bool>) {
    let row = sql_row(Sfb2015, SqlVersion::V2012).unwrap();
    assert_eq!(row.min_level_ha.unwrap().satisfied_by(sp, cu), met);
}

#[rstest]
#[case(Lync2013, Os::Ws2008r2, Yes, None, false)]
#[case(Lync2013, Os::Ws2012, Yes, None, false)]
#[case(Lync2013, Os::Ws2012r2, Yes, Some(3), false)]
#[case(Lync2013, Os::Ws2016, No, None, false)]
#[case(Lync2013, Os::Ws2025, No, None, false)]
#[case(Sfb2015, Os::Ws2008r2, Yes, None, false)]
#[case(Sfb2015, Os::Ws2012, Yes, None, false)]
#[case(Sfb2015, Os::Ws2012r2, Yes, None, false)]
#[case(Sfb2015, Os::Ws2016, Yes, Some(5), false)]
#[case(Sfb2015, Os::Ws2019, Yes, Some(9), false)]
#[case(Sfb2015, Os::Ws2022, No, None, false)]
#[case(Sfb2019, Os::Ws2012r2, No, None, false)]
#[case(Sfb2019, Os::Ws2016, Yes, None, false)]
#[case(Sfb2019, Os::Ws2019, Yes, None, false)]
#[case(Sfb2019, Os::Ws2022, Undocumented, None, true)]
#[case(Sfb2019, Os::Ws2025, No, None, false)]
#[case(SfbSe, Os::Ws2012r2, No, None, true)]
#[case(SfbSe, Os::Ws2019, Yes, None, true)]
#[case(SfbSe, Os::Ws2025, Undocumented, None, true)]
fn operating_system_matrix(
    #[case] product: Product,
    #[case] os: Os,
    #[case] support: Support,
    #[case] min_cu: Option<u32>,
    #[case] unverified: bool,
) {
    let row = os_row(product, os).unwrap();
    assert_eq!(
        (
            row.support.support,
            row.min_product_cu,
            row.support.is_unverified()
        ),
        (support, min_cu, unverified)
    );
    assert_eq!(row.upgrade_only, product == Sfb2015 && os == Os::Ws2008r2);
}

fn needs(rows: &[(usize, Option<usize>)]) -> Quorum {
    Quorum::Needs {
        needed: rows
            .iter()
            .map(|&(count, of_first)| Needed { count, of_first })
            .collect(),
    }
}

#[rstest]
#[case(2, 1, 1)]
#[case(3, 3, 2)]
#[case(4, 3, 2)]
#[case(5, 4, 3)]
#[case(6, 5, 3)]
#[case(7, 5, 4)]
#[case(8, 6, 4)]
#[case(9, 7, 4)]
#[case(10, 8, 5)]
#[case(11, 9, 5)]
#[case(12, 10, 5)]
fn quorum_tables_up_to_2015(
    #[case] servers: usize,
    #[case] start: usize,
    #[case] functional: usize,
) {
    for product in [Lync2013, Sfb2015] {
        assert_eq!(
            quorum::first_start(product, servers),
            needs(&[(start, None)])
        );
        let of_first = match servers {
            8 | 9 => Some(7),
            10..=12 => Some(9),
            _ => None,
        };
        assert_eq!(
            quorum::functional(product, servers),
            needs(&[(functional, of_first)])
        );
    }
}

#[rstest]
#[case(Sfb2019)]
#[case(SfbSe)]
fn quorum_tables_from_2019(#[case] product: Product) {
    assert_eq!(quorum::first_start(product, 2), Quorum::NotSupported);
    assert_eq!(quorum::functional(product, 2), Quorum::NotSupported);
    assert_eq!(quorum::first_start(product, 3), needs(&[(3, None)]));
    // C-6: at 12 both pool-level rows apply.
    assert_eq!(
        quorum::functional(product, 12),
        needs(&[(5, Some(9)), (7, Some(12))])
    );
    for servers in 13..=15 {
        assert_eq!(quorum::first_start(product, servers), Quorum::Undocumented);
        assert_eq!(
            quorum::functional(product, servers),
            needs(&[(7, Some(12))])
        );
    }
    assert_eq!(quorum::first_start(product, 16), needs(&[(12, None)]));
    assert_eq!(quorum::functional(product, 16), needs(&[(7, Some(12))]));
    assert_eq!(quorum::first_start(product, 17), Quorum::NotSupported);
}

#[test]
fn pools_beyond_the_product_limit_have_no_quorum() {
    assert_eq!(quorum::first_start(Sfb2015, 13), Quorum::NotSupported);
    assert_eq!(quorum::functional(Lync2013, 16), Quorum::NotSupported);
    assert_eq!(quorum::first_start(Sfb2015, 1), needs(&[(1, None)]));
}

#[test]
fn of_first_counts_only_the_first_servers() {
    let needed = Needed {
        count: 4,
        of_first: Some(7),
    };
    let running = [false, false, false, false, true, true, true, true, true];
    assert!(!needed.met_by(&running));
    let running = [true, true, true, true, false, false, false, false, false];
    assert!(needed.met_by(&running));
}

#[rstest]
#[case(Lync2013, 12, 80_000, 40_000)]
#[case(Sfb2015, 12, 80_000, 40_000)]
#[case(Sfb2019, 16, 106_000, 53_000)]
#[case(SfbSe, 16, 106_000, 53_000)]
fn sizing_limits(
    #[case] product: Product,
    #[case] max_fe: usize,
    #[case] pool: u64,
    #[case] paired: u64,
) {
    let limits = limits_for(product);
    assert_eq!(
        (
            limits.max_front_ends,
            limits.max_pool_users,
            limits.max_paired_pool_users
        ),
        (max_fe, pool, paired)
    );
    assert_eq!(
        (
            limits.users_per_front_end,
            limits.standard_pair_users,
            limits.standard_failover_users
        ),
        (6_660, 2_500, 5_000)
    );
    assert_eq!(limits.unverified, product == SfbSe);
}
