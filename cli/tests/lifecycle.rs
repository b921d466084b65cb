//! The lifecycle family on the command line: the check date (`--as-of`, today by default), the
//! horizon, and readiness for Subscription Edition (`--target-product sfbse`) on the examples
//! and on imported topology XML.

#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::path::Path;

use common::{AS_OF, hadr, parse, run, workspace};
use rstest::rstest;

const EXAMPLES: &[&str] = &[
    "paired-2019-ag.json",
    "clean-2015-mirroring-witness.json",
    "clean-standard-edition-pair.json",
    "clean-lync2013-cluster.json",
    "broken-pairing.json",
    "broken-mirroring-on-2019.json",
    "broken-two-server-2019.json",
    "broken-witness-version.json",
    "broken-unsupported-os.json",
    "broken-cms-shared-back-end.json",
];

fn stem(file: &str) -> &str {
    file.trim_end_matches(".json")
        .trim_end_matches(".xml")
        .trim_end_matches(".tbxml")
}

/// The only test that reads the real date: without `--as-of` the report is judged on today.
#[test]
fn the_default_check_date_is_today_in_utc() {
    let before = hadr_rules::lifecycle::today().to_string();
    let output = hadr()
        .args(["check", "examples/paired-2019-ag.json", "--format", "json"])
        .output()
        .expect("runs");
    let after = hadr_rules::lifecycle::today().to_string();
    let report = parse(&String::from_utf8(output.stdout).expect("UTF-8"));
    let date = report["check_date"].as_str().expect("check_date");
    assert!(
        date == before || date == after,
        "{date} is not today ({before})"
    );
}

#[test]
fn a_pinned_date_is_recorded_and_the_lifecycle_family_runs() {
    let run = run(&[
        "check",
        "examples/paired-2019-ag.json",
        "--format",
        "json",
        "--as-of",
        AS_OF,
    ]);
    let report = parse(&run.stdout);
    assert_eq!(report["check_date"], AS_OF);
    let life: Vec<(&str, &str)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"].as_str().is_some_and(|r| r.starts_with("LIFE-")))
        .map(|d| (d["rule"].as_str().unwrap(), d["subject"].as_str().unwrap()))
        .collect();
    // Both 2019 pools left support after 2025-10-14.
    assert!(life.contains(&("LIFE-001", "pool-dal.contoso.com")));
    assert!(life.contains(&("LIFE-001", "pool-chi.contoso.com")));
    assert_eq!(run.code, 1);
}

#[test]
fn ignoring_the_family_leaves_no_date_in_the_report() {
    let path = "examples/paired-2019-ag.json";
    let with = run(&[
        "check", path, "--format", "json", "--as-of", AS_OF, "--ignore", "LIFE",
    ]);
    let without = hadr()
        .args(["check", path, "--format", "json", "--ignore", "LIFE"])
        .output()
        .expect("runs");
    assert_eq!(
        with.stdout,
        String::from_utf8(without.stdout).expect("UTF-8")
    );
    assert!(parse(&with.stdout).get("check_date").is_none());
}

#[rstest]
#[case("2026-2-28")]
#[case("2026-02-30")]
#[case("today")]
fn a_bad_date_is_refused(#[case] date: &str) {
    let run = run(&["check", "examples/paired-2019-ag.json", "--as-of", date]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!(
            "`{date}` is not a calendar date: expected YYYY-MM-DD"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn the_horizon_is_an_option() {
    let path = "tests/rules/LIFE-002/quiet-one-month-horizon.json";
    let rules = |months: &str| {
        let run = run(&[
            "check",
            path,
            "--format",
            "json",
            "--as-of",
            AS_OF,
            "--approaching-months",
            months,
        ]);
        let report = parse(&run.stdout);
        report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["subject"] == "fe1-a.contoso.com")
            .map(|d| d["rule"].as_str().expect("rule").to_owned())
            .collect::<Vec<_>>()
    };
    // Windows Server 2016 has 47 days left on 2026-11-26.
    assert_eq!(rules("12"), ["LIFE-002"]);
    assert_eq!(rules("1"), ["LIFE-006"]);
}

/// What the lifecycle family says about every example on the reference date.
#[rstest]
fn lifecycle_of_each_example(#[values(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)] index: usize) {
    let file = EXAMPLES[index];
    let path = format!("examples/{file}");
    let run = run(&["check", &path, "--as-of", AS_OF, "--select", "LIFE"]);
    assert_eq!(run.stderr, "");
    insta::assert_snapshot!(format!("life-{}", stem(file)), run.stdout);
}

/// Readiness for Subscription Edition of every example.
#[rstest]
fn readiness_of_each_example(#[values(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)] index: usize) {
    let file = EXAMPLES[index];
    let path = format!("examples/{file}");
    let run = run(&[
        "check",
        &path,
        "--as-of",
        AS_OF,
        "--target-product",
        "sfbse",
    ]);
    assert_eq!(run.stderr, "");
    insta::assert_snapshot!(format!("sfbse-{}", stem(file)), run.stdout);
    let json = run_json(&path);
    assert_eq!(json["target_product"], "sfbse");
}

fn run_json(path: &str) -> serde_json::Value {
    let run = run(&[
        "check",
        path,
        "--format",
        "json",
        "--as-of",
        AS_OF,
        "--target-product",
        "sfbse",
    ]);
    parse(&run.stdout)
}

/// The (rule, subject) pairs of a readiness report.
fn readiness_findings(path: &str) -> Vec<(String, String)> {
    run_json(path)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["not_evaluated"] != true)
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_owned(),
                d["subject"].as_str().expect("subject").to_owned(),
            )
        })
        .collect()
}

#[test]
fn readiness_names_what_blocks_the_move() {
    // 2019 on Windows Server 2012 R2 and Lync Server 2013 on 2016: moved, the servers are on
    // operating systems Subscription Edition is not known to support, and Lync has no path.
    let found = readiness_findings("examples/broken-unsupported-os.json");
    for server in [
        "fe1-bos.contoso.com",
        "fe2-bos.contoso.com",
        "fe3-bos.contoso.com",
    ] {
        assert!(
            found.contains(&("OS-006".to_owned(), server.to_owned())),
            "{found:?}"
        );
        assert!(
            found.contains(&("LIFE-004".to_owned(), server.to_owned())),
            "{found:?}"
        );
    }
    assert!(found.contains(&("COEX-008".to_owned(), "lyncpool-atl.contoso.com".to_owned())));
    // No pool is left on a product past its end.
    assert!(
        !found.iter().any(|(rule, _)| rule == "LIFE-001"),
        "{found:?}"
    );
    // Mirroring does not exist in Subscription Edition pools.
    let mirrored = readiness_findings("examples/broken-mirroring-on-2019.json");
    assert!(
        mirrored.iter().any(|(rule, _)| rule == "COEX-006"),
        "{mirrored:?}"
    );
}

#[rstest]
#[case("tests/xml/director.xml")]
#[case("tests/xml/mirroring-witness.xml")]
#[case("tests/xml/branch-sba.xml")]
fn readiness_of_imported_xml(#[case] path: &str) {
    let name = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .expect("name");
    let run = run(&["check", path, "--as-of", AS_OF, "--target-product", "sfbse"]);
    insta::assert_snapshot!(format!("sfbse-xml-{}", stem(name)), run.stdout);
}

#[test]
fn readiness_of_the_shared_samples() {
    let samples = workspace().join("../shared/samples/topology-xml");
    let Ok(entries) = std::fs::read_dir(&samples) else {
        println!("skipped: no {} beside the repository", samples.display());
        return;
    };
    let mut checked = 0;
    for entry in entries {
        let path = entry.expect("entry").path();
        let text = path.to_string_lossy().into_owned();
        if !(text.ends_with(".xml") || text.ends_with(".tbxml")) {
            continue;
        }
        let report = run_json(&text);
        assert_eq!(report["target_product"], "sfbse", "{text}");
        let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
        // Every pool now runs Subscription Edition or stays behind with a COEX-008 finding: no
        // LIFE-001 unless a COEX-008 says the pool stays behind.
        for d in diagnostics.iter().filter(|d| d["rule"] == "LIFE-001") {
            assert!(
                diagnostics
                    .iter()
                    .any(|c| c["rule"] == "COEX-008" && c["subject"] == d["subject"]),
                "{text}: {d}"
            );
        }
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn only_subscription_edition_is_a_target() {
    let run = run(&[
        "check",
        "examples/paired-2019-ag.json",
        "--target-product",
        "sfb2019",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`sfb2019` is not a target product"),
        "{}",
        run.stderr
    );
}
