//! The generator of large topologies (`hadr_rules::generate`): its documents are valid, the same
//! arguments give the same bytes, other seeds give other documents, and the findings of one
//! small document are exactly those of the mistakes it plants.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use hadr_rules::generate::generate;
use hadr_rules::{Options, Report, Topology, check};

fn report(pools: usize, seed: u64) -> Report {
    let json = generate(pools, seed);
    let topology = Topology::from_json(json.as_bytes())
        .unwrap_or_else(|error| panic!("generate({pools}, {seed}) is rejected: {error}"));
    check(&topology, &Options::default())
}

/// The (rule, severity, subject) of every finding at `severity`.
fn findings(report: &Report, severity: &str) -> BTreeSet<(String, String)> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity.as_str() == severity)
        .map(|d| (d.rule.to_string(), d.subject.to_string()))
        .collect()
}

fn set(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|(rule, subject)| ((*rule).to_owned(), (*subject).to_owned()))
        .collect()
}

#[test]
fn documents_of_every_size_are_valid() {
    for (pools, seed) in [
        (0, 0),
        (1, 1),
        (2, 7),
        (7, 3),
        (40, 5),
        (60, 720),
        (301, 42),
    ] {
        let json = generate(pools, seed);
        let document: serde_json::Value = serde_json::from_str(&json).unwrap();
        let expected = pools.div_ceil(2).max(1) * 2;
        assert_eq!(document["pools"].as_array().unwrap().len(), expected);
        let report = report(pools, seed);
        assert_eq!(report.summary.not_evaluated, 0, "generate({pools}, {seed})");
    }
}

#[test]
fn the_same_arguments_give_the_same_bytes() {
    for (pools, seed) in [(2, 0), (40, 5), (500, 9)] {
        assert_eq!(generate(pools, seed), generate(pools, seed));
    }
}

#[test]
fn other_seeds_give_other_documents() {
    let documents: BTreeSet<String> = (0..8).map(|seed| generate(40, seed)).collect();
    assert_eq!(documents.len(), 8);
}

#[test]
fn a_document_without_planted_mistakes_has_no_error_or_warning() {
    // generate(40, 5): none of its 20 pairs draws a mistake.
    let report = report(40, 5);
    assert_eq!((report.summary.error, report.summary.warning), (0, 0));
}

/// generate(60, 720) plants one mistake of each kind, in pairs 2, 10, 19, 23, 25 and 27 (pair
/// `i` is pools `2i` and `2i + 1`; the second one is the partner the mistake is planted in):
///
/// - pair 2 (Skype for Business Server 2019), `OsMismatch`: pool-5 runs ws2016 against pool-4's
///   ws2019 → PAIR-003 on both pools.
/// - pair 10 (2015 on mirroring), `EditionMismatch`: pool-21 is a Standard Edition server → PAIR-001
///   on both pools, and PAIR-004 on both (mirroring against a Standard server's own database, "no
///   high availability"). pool-21 also happens to home 2540 users, above the 2500 of a paired
///   Standard server: PAIR-010 (the users are drawn at random, not planted).
/// - pair 19 (2019, AlwaysOn AG), `WitnessVersion`: a pair on an availability group has no
///   witness, so the mistake plants nothing.
/// - pair 23 (2015 on mirroring), `PlatformMismatch`: pool-47 runs on virtual machines → PAIR-002
///   on both pools.
/// - pair 25 (2019), `MirroringOn2019`: pool-50's back end is mirrored → BE-002, BE-004 and
///   COEX-006 on pool-50 (errors), PAIR-004 on both pools (mirroring against an AG).
/// - pair 27 (2019), `TwoServerPool`: pool-54 has two Front End Servers → FE-003 (error), FE-002,
///   FE-004 and PAIR-020 (warnings).
///
/// Every other finding is an info: FE-007 for each pool with an even number of servers, and
/// CMS-002 on pool-0, which holds the active Central Management store.
#[test]
fn the_findings_are_those_of_the_planted_mistakes() {
    let report = report(60, 720);
    assert_eq!(
        findings(&report, "error"),
        set(&[
            ("BE-002", "pool-50.contoso.com"),
            ("BE-004", "pool-50.contoso.com"),
            ("COEX-006", "pool-50.contoso.com"),
            ("FE-003", "pool-54.contoso.com"),
            ("PAIR-001", "pool-20.contoso.com"),
            ("PAIR-001", "pool-21.contoso.com"),
            ("PAIR-002", "pool-46.contoso.com"),
            ("PAIR-002", "pool-47.contoso.com"),
            ("PAIR-003", "pool-4.contoso.com"),
            ("PAIR-003", "pool-5.contoso.com"),
        ])
    );
    assert_eq!(
        findings(&report, "warning"),
        set(&[
            ("FE-002", "pool-54.contoso.com"),
            ("FE-004", "pool-54.contoso.com"),
            ("PAIR-004", "pool-20.contoso.com"),
            ("PAIR-004", "pool-21.contoso.com"),
            ("PAIR-004", "pool-50.contoso.com"),
            ("PAIR-004", "pool-51.contoso.com"),
            ("PAIR-010", "pool-21.contoso.com"),
            ("PAIR-020", "pool-54.contoso.com"),
        ])
    );
    let infos: BTreeSet<String> = findings(&report, "info")
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert_eq!(
        infos,
        BTreeSet::from(["CMS-002".to_owned(), "FE-007".to_owned()])
    );
    assert!(
        findings(&report, "info")
            .contains(&("CMS-002".to_owned(), "pool-0.contoso.com".to_owned()))
    );
    assert_eq!(report.summary.not_evaluated, 0);
}

#[test]
fn a_dense_document_gives_about_four_findings_a_pool_mostly_not_evaluated() {
    let text = hadr_rules::generate::generate_dense(400, 7);
    assert_eq!(text, hadr_rules::generate::generate_dense(400, 7));
    let topology = Topology::from_json(text.as_bytes()).unwrap();
    let report = hadr_rules::check(&topology, &Options::default());
    let per_pool = report.diagnostics.len() as f64 / 400.0;
    assert!((3.0..5.0).contains(&per_pool), "{per_pool} findings a pool");
    assert!(report.summary.not_evaluated * 2 > report.diagnostics.len());
    // The facts a dense document leaves out are the ones real exports lack.
    let missing: BTreeSet<String> = report
        .missing_facts(&topology)
        .iter()
        .flat_map(|group| group.keys.iter().map(|k| (*k).to_owned()))
        .collect();
    assert_eq!(
        missing,
        ["domain", "load_balancing", "os", "users"]
            .map(str::to_owned)
            .into()
    );
    // A sparse document of the same size is far quieter.
    let sparse = Topology::from_json(generate(400, 7).as_bytes()).unwrap();
    let sparse = hadr_rules::check(&sparse, &Options::default());
    assert_eq!(sparse.summary.not_evaluated, 0);
}
