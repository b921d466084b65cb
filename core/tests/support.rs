//! Support questions without a topology, and the library's thread-safety contract.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::too_many_arguments
)]

use hadr_rules::matrix::Support;
use hadr_rules::support::{back_end_support, os_versions, sql_versions};
use hadr_rules::tokens::HaMode::{AlwaysOnAg, AlwaysOnFci, FailoverCluster, Mirroring};
use hadr_rules::tokens::Product::{Lync2013, Sfb2015, Sfb2019, SfbSe};
use hadr_rules::tokens::SqlEdition::{Enterprise, Express, Standard};
use hadr_rules::tokens::{HaMode, Os, Product, SqlEdition, SqlVersion};
use rstest::rstest;

#[rstest]
#[case(Sfb2015, Mirroring, SqlVersion::V2016, Standard, Support::Yes, &[], false, false)]
#[case(Sfb2019, Mirroring, SqlVersion::V2019, Enterprise, Support::No, &["BE-002"], false, false)]
#[case(SfbSe, Mirroring, SqlVersion::V2019, Enterprise, Support::No, &["BE-002"], true, false)]
#[case(Lync2013, AlwaysOnAg, SqlVersion::V2012, Enterprise, Support::No, &["BE-002"], false, false)]
#[case(Lync2013, FailoverCluster, SqlVersion::V2012, Standard, Support::Yes, &[], false, false)]
#[case(Lync2013, Mirroring, SqlVersion::V2014, Enterprise, Support::No, &["SQL-001"], false, false)]
#[case(Sfb2015, AlwaysOnAg, SqlVersion::V2019, Standard, Support::No, &["SQL-007"], false, true)]
#[case(Sfb2019, AlwaysOnAg, SqlVersion::V2017, Enterprise, Support::Yes, &[], false, false)]
#[case(Sfb2019, AlwaysOnFci, SqlVersion::V2014, Enterprise, Support::No, &["SQL-004"], false, false)]
#[case(Sfb2015, Mirroring, SqlVersion::V2008r2, Enterprise, Support::No, &["SQL-003"], false, false)]
#[case(SfbSe, AlwaysOnAg, SqlVersion::V2022, Enterprise, Support::Undocumented, &["SQL-005"], true, false)]
#[case(Sfb2019, HaMode::None, SqlVersion::V2019, Express, Support::No, &["SQL-011"], false, false)]
fn back_end_questions(
    #[case] product: Product,
    #[case] mode: HaMode,
    #[case] version: SqlVersion,
    #[case] edition: SqlEdition,
    #[case] support: Support,
    #[case] rules: &[&str],
    #[case] unverified: bool,
    #[case] contested: bool,
) {
    let verdict = back_end_support(product, mode, version, edition);
    assert_eq!(
        (
            verdict.support,
            verdict.rules.as_slice(),
            verdict.unverified,
            verdict.contested
        ),
        (support, rules, unverified, contested),
        "{}",
        verdict.reason
    );
}

#[test]
fn supported_versions_per_product() {
    use SqlVersion::*;
    assert_eq!(sql_versions(Lync2013), [V2008r2, V2012]);
    assert_eq!(sql_versions(Sfb2015), [V2012, V2014, V2016, V2017, V2019]);
    assert_eq!(sql_versions(Sfb2019), [V2016, V2017, V2019]);
    assert_eq!(sql_versions(SfbSe), [V2016, V2017, V2019]);
    assert_eq!(
        os_versions(Lync2013),
        [Os::Ws2008r2, Os::Ws2012, Os::Ws2012r2]
    );
    assert_eq!(
        os_versions(Sfb2015),
        [Os::Ws2012, Os::Ws2012r2, Os::Ws2016, Os::Ws2019]
    );
    assert_eq!(os_versions(Sfb2019), [Os::Ws2016, Os::Ws2019]);
}

#[test]
fn the_engine_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<hadr_rules::Topology>();
    shared::<hadr_rules::Options>();
    shared::<hadr_rules::Report>();
    shared::<hadr_rules::TopologyError>();
}

#[test]
fn one_topology_checked_from_many_threads_gives_one_report() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/rules/base.json"
    ))
    .unwrap();
    let topology = hadr_rules::Topology::from_json(&bytes).unwrap();
    let serial = hadr_rules::check(&topology, &pinned()).to_json();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| scope.spawn(|| hadr_rules::check(&topology, &pinned()).to_json()))
            .collect();
        for handle in handles {
            assert_eq!(handle.join().unwrap(), serial);
        }
    });
}

#[test]
fn the_verdict_table_answers_as_the_rules_do_for_every_combination() {
    use hadr_rules::support::{back_end_support, back_end_verdict};
    use hadr_rules::tokens::{HaMode, Product, SqlEdition, SqlVersion};
    let mut count = 0;
    for &product in Product::ALL {
        for &mode in HaMode::ALL {
            for &version in SqlVersion::ALL {
                for &edition in SqlEdition::ALL {
                    assert_eq!(
                        back_end_verdict(product, mode, version, edition),
                        &back_end_support(product, mode, version, edition),
                        "{product} {mode} {version} {edition}"
                    );
                    count += 1;
                }
            }
        }
    }
    assert_eq!(count, 4 * 5 * 7 * 3);
}

/// The default options on a fixed check date, so that no result depends on the day the tests
/// run.
fn pinned() -> hadr_rules::Options {
    hadr_rules::Options {
        as_of: Some(hadr_rules::lifecycle::AS_OF),
        ..hadr_rules::Options::default()
    }
}
