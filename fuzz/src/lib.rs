//! What must hold for every input the fuzz targets are given: a violated invariant panics, and
//! libFuzzer records the input as a crash.
//!
//! The invariants are those `docs/report-format.md` and `docs/topology-format.md` promise:
//! the report is JSON, every diagnostic is counted exactly once in the summary, the order is
//! severity, rule ID, subject; a not-evaluated finding is an `info` whose `path` is the first
//! missing key; an unverified finding is never an error; an input error has a message and a
//! JSON Pointer; the same input gives the same bytes.

use std::cmp::Reverse;

use hadr_rules::{Options, Report, Topology, TopologyError, check};
use serde_json::Value;

/// Checks `topology` with the default options, asserts every report invariant and that a
/// second check gives the same bytes, and returns the report JSON.
pub fn check_and_verify(topology: &Topology) -> String {
    let report = check(topology, &Options::default());
    let json = report.to_json();
    verify_report(&report, &json);
    let again = check(topology, &Options::default()).to_json();
    assert_eq!(json, again, "two checks of one topology differ");
    json
}

/// The rank of a severity token in the report's order: errors first.
fn rank(severity: &str) -> Reverse<u8> {
    match severity {
        "error" => Reverse(2),
        "warning" => Reverse(1),
        "info" => Reverse(0),
        other => panic!("unknown severity `{other}`"),
    }
}

/// Asserts the invariants of a report and of its JSON text.
pub fn verify_report(report: &Report, json: &str) {
    assert!(json.ends_with('\n'), "the report JSON ends with a newline");
    let value: Value = serde_json::from_str(json).expect("the report JSON parses back");
    assert_eq!(value["format"], 1, "report format");
    assert_eq!(value["ruleset"], hadr_rules::RULESET, "rule set");
    let diagnostics = value["diagnostics"]
        .as_array()
        .expect("`diagnostics` is an array");
    assert_eq!(diagnostics.len(), report.diagnostics.len());

    // error, warning, info, not_evaluated, suppressed
    let mut counted = [0_u64; 5];
    let mut previous: Option<(Reverse<u8>, String, String)> = None;
    for diagnostic in diagnostics {
        let text = |key: &str| {
            diagnostic[key]
                .as_str()
                .unwrap_or_else(|| panic!("`{key}` is a string in {diagnostic}"))
                .to_owned()
        };
        let (rule, severity, subject, path, message) = (
            text("rule"),
            text("severity"),
            text("subject"),
            text("path"),
            text("message"),
        );
        assert!(
            hadr_rules::registry::rule(&rule).is_some(),
            "rule `{rule}` is not in the catalog"
        );
        assert!(!message.is_empty(), "empty message of {rule}");
        assert!(
            path.is_empty() || path.starts_with('/'),
            "path `{path}` of {rule} is not a JSON Pointer"
        );
        let not_evaluated = diagnostic["not_evaluated"] == true;
        let unverified = diagnostic["unverified"] == true;
        let suppressed = diagnostic.get("suppressed").is_some();
        if not_evaluated {
            assert_eq!(severity, "info", "a not-evaluated {rule} is an info");
            let missing = diagnostic["facts"]["missing"]
                .as_array()
                .unwrap_or_else(|| panic!("a not-evaluated {rule} lists `facts.missing`"));
            assert_eq!(
                missing.first().and_then(Value::as_str),
                Some(path.as_str()),
                "the path of a not-evaluated {rule} is its first missing key"
            );
        }
        if unverified {
            assert_ne!(severity, "error", "an unverified {rule} is an error");
            assert!(
                message.starts_with("unverified:"),
                "the message of an unverified {rule} starts with `unverified:`: {message}"
            );
        }
        let slot = match (suppressed, not_evaluated, severity.as_str()) {
            (true, _, _) => 4,
            (false, true, _) => 3,
            (false, false, "error") => 0,
            (false, false, "warning") => 1,
            _ => 2,
        };
        if let Some(count) = counted.get_mut(slot) {
            *count += 1;
        }
        let key = (rank(&severity), rule, subject);
        if let Some(previous) = &previous {
            assert!(
                *previous <= key,
                "diagnostics out of order: {previous:?} before {key:?}"
            );
        }
        previous = Some(key);
    }
    let summary = &value["summary"];
    let stated = ["error", "warning", "info", "not_evaluated", "suppressed"]
        .map(|key| summary[key].as_u64().unwrap_or(u64::MAX));
    assert_eq!(stated, counted, "summary {summary} against the diagnostics");
}

/// Asserts the invariants of an input error: at least one error, each with a message and a
/// JSON Pointer (or `""` for the whole document), and JSON that parses back.
pub fn verify_errors(error: &TopologyError) {
    assert!(!error.errors.is_empty(), "a topology error holds no error");
    for input in &error.errors {
        assert!(!input.message.trim().is_empty(), "empty message: {input:?}");
        assert!(
            input.path.is_empty() || input.path.starts_with('/'),
            "path `{}` is not a JSON Pointer: {input:?}",
            input.path
        );
    }
    let json = error.to_json();
    let value: Value = serde_json::from_str(&json).expect("the errors JSON parses back");
    let listed = value["errors"].as_array().map_or(0, Vec::len);
    assert_eq!(listed, error.errors.len(), "errors JSON lists every error");
    assert!(!error.to_string().is_empty(), "the error displays");
}

/// The (rule, severity) pairs of a report, sorted: what stays the same when names change.
pub fn rules_and_severities(report_json: &str) -> Vec<(String, String)> {
    let value: Value = serde_json::from_str(report_json).expect("the report JSON parses back");
    let mut pairs: Vec<(String, String)> = value["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_owned(),
                d["severity"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    pairs.sort();
    pairs
}

/// Simulates the first pool's loss, the first site's loss, every single failure and every
/// site loss, and asserts what `docs/simulate-format.md` promises: the streamed JSON is the
/// collected JSON; every rule named is in the catalog; each scenario lists pools of the
/// topology once, in document order; a single point of failure leaves a pool degraded or
/// down; an unknown name is an input error.
pub fn simulate_and_verify(topology: &Topology) {
    use hadr_rules::simulate::{Plan, Request, State, simulate};

    let document = topology.document();
    let mut fail = Vec::new();
    fail.extend(document.pools.first().map(|p| vec![p.fqdn.to_string()]));
    fail.extend(document.sites.first().map(|s| vec![s.id.to_string()]));
    let request = Request {
        fail,
        all_single: true,
        sites: true,
    };
    let simulation = simulate(topology, &request).expect("names of the topology resolve");
    let json = simulation.to_json();
    let mut streamed = Vec::new();
    Plan::new(topology, &request)
        .expect("names of the topology resolve")
        .write_json(&mut streamed)
        .expect("writing to a vector succeeds");
    assert_eq!(
        json.as_bytes(),
        streamed.as_slice(),
        "streamed and collected JSON differ"
    );
    let value: Value = serde_json::from_str(&json).expect("the simulation JSON parses back");
    assert_eq!(value["format"], 1, "simulation format");
    let order: std::collections::HashMap<&str, usize> = document
        .pools
        .iter()
        .enumerate()
        .map(|(i, p)| (&*p.fqdn, i))
        .collect();
    for scenario in &simulation.scenarios {
        let mut previous = None;
        for pool in &scenario.pools {
            let index = *order
                .get(pool.pool.as_str())
                .unwrap_or_else(|| panic!("`{}` is not a pool of the topology", pool.pool));
            assert!(
                previous < Some(index),
                "pools of `{}` out of document order or repeated",
                scenario.name
            );
            previous = Some(index);
            for rule in &pool.rules {
                assert!(
                    hadr_rules::registry::rule(rule).is_some(),
                    "rule `{rule}` is not in the catalog"
                );
            }
        }
    }
    for point in &simulation.single_points_of_failure {
        assert!(
            point.pools.iter().all(|p| p.state != State::Up),
            "single point of failure `{}` leaves every pool up",
            point.entity
        );
    }
    let unknown = Request {
        fail: vec![vec!["\u{1}no such entity".to_owned()]],
        ..Request::default()
    };
    let error = Plan::new(topology, &unknown).expect_err("an unknown name is an input error");
    verify_errors(&error);
}
