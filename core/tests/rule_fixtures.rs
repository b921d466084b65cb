//! Every checked rule against its fixtures in `tests/rules/<RULE-ID>/`.
//!
//! Each fixture is a topology document whose `x.expect` lists the exact findings it must give,
//! as `[rule, severity, subject]` (`not_evaluated` in place of the severity for a rule that could
//! not be evaluated). Every checked rule needs a fixture that fires it and one that does not.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use hadr_rules::registry::{self, Evaluation};
use hadr_rules::{Options, Topology, check};

type Finding = (String, String, String);

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/rules")
}

/// Every fixture file with its directory name (the rule it is about).
fn fixtures() -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for dir in std::fs::read_dir(fixtures_dir()).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let rule = dir.file_name().unwrap().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "json") {
                found.push((rule.clone(), file));
            }
        }
    }
    found.sort();
    found
}

fn expected(path: &Path) -> BTreeSet<Finding> {
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let expect = json["x"]["expect"]
        .as_array()
        .unwrap_or_else(|| panic!("{}: no x.expect", path.display()));
    expect
        .iter()
        .map(|entry| {
            let parts: Vec<String> = entry
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            (parts[0].clone(), parts[1].clone(), parts[2].clone())
        })
        .collect()
}

fn actual(path: &Path) -> BTreeSet<Finding> {
    let topology = Topology::from_json(&std::fs::read(path).unwrap())
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let options = Options {
        allow_basic_ag_on_standard: path.to_string_lossy().contains("allow-basic-ag"),
        ..Options::default()
    };
    check(&topology, &options)
        .diagnostics
        .iter()
        .map(|d| {
            let severity = if d.not_evaluated {
                "not_evaluated".to_owned()
            } else {
                d.severity.to_string()
            };
            (d.rule.to_string(), severity, d.subject.to_string())
        })
        .collect()
}

#[test]
fn base_fixture_is_clean() {
    let base = fixtures_dir().join("base.json");
    assert_eq!(actual(&base), expected(&base));
}

#[test]
fn every_fixture_gives_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for (_, path) in fixtures() {
        let (want, got) = (expected(&path), actual(&path));
        if want != got {
            let missing: Vec<_> = want.difference(&got).collect();
            let extra: Vec<_> = got.difference(&want).collect();
            failures.push(format!(
                "{}\n  missing: {missing:?}\n  unexpected: {extra:?}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_checked_rule_has_a_firing_and_a_quiet_fixture() {
    let fixtures = fixtures();
    let mut gaps = Vec::new();
    for rule in registry::rules()
        .iter()
        .filter(|r| r.evaluation == Evaluation::Checked)
    {
        let mine: Vec<BTreeSet<Finding>> = fixtures
            .iter()
            .filter(|(dir, _)| dir == rule.id)
            .map(|(_, path)| expected(path))
            .collect();
        let fires = |set: &BTreeSet<Finding>| {
            set.iter()
                .any(|(id, severity, _)| id == rule.id && severity != "not_evaluated")
        };
        if !mine.iter().any(fires) {
            gaps.push(format!("{}: no fixture fires it", rule.id));
        }
        if !mine
            .iter()
            .any(|set| !set.iter().any(|(id, _, _)| id == rule.id))
        {
            gaps.push(format!("{}: no fixture where it stays quiet", rule.id));
        }
    }
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

#[test]
fn fixture_directories_name_catalog_rules() {
    for (dir, path) in fixtures() {
        assert!(
            registry::rule(&dir).is_some(),
            "{}: `{dir}` is not a rule ID",
            path.display()
        );
    }
}

/// Each fixture's full diagnostics (message, path, related names, facts) pinned beside it in
/// `tests/rules/<RULE-ID>/snapshots/`, so that a change of wording or facts shows in review.
#[test]
fn every_fixture_pins_its_full_diagnostics() {
    for (_, path) in fixtures() {
        let topology = Topology::from_json(&std::fs::read(&path).unwrap()).unwrap();
        let options = Options {
            allow_basic_ag_on_standard: path.to_string_lossy().contains("allow-basic-ag"),
            ..Options::default()
        };
        let report = check(&topology, &options);
        let pinned: Vec<serde_json::Value> = report
            .diagnostics
            .iter()
            .map(|d| {
                let mut value = serde_json::to_value(d).unwrap();
                let object = value.as_object_mut().unwrap();
                // The rule's help and references are the registry's, pinned by its own tests.
                object.remove("help");
                object.remove("references");
                value
            })
            .collect();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::with_settings!({
            snapshot_path => path.parent().unwrap().join("snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            input_file => &path,
        }, {
            insta::assert_snapshot!(name, serde_json::to_string_pretty(&pinned).unwrap());
        });
    }
}
