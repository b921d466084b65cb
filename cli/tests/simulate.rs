//! `hadr-rules simulate`: text and JSON output for example topologies (snapshots), the exit
//! status, and unknown names.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use serde_json::Value;

use common::{Run, run};

#[test]
fn losing_a_site_of_a_pair() {
    let Run {
        code, stdout: text, ..
    } = run(&[
        "simulate",
        "examples/paired-2019-ag.json",
        "--fail",
        "chicago",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("paired-lose-chicago.text", text);
    let Run {
        code, stdout: json, ..
    } = run(&[
        "simulate",
        "examples/paired-2019-ag.json",
        "--fail",
        "chicago",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&json).unwrap();
    let chicago = &json["scenarios"][0]["pools"][1];
    assert_eq!(chicago["pool"], "pool-chi.contoso.com");
    assert_eq!(chicago["state"], "down");
    assert_eq!(chicago["recovery"]["action"], "pool_failover");
    assert_eq!(chicago["recovery"]["target"], "pool-dal.contoso.com");
    assert_eq!(json["scenarios"][0]["pools"][0]["state"], "up");
}

#[test]
fn every_single_failure_and_site_of_a_mirrored_pool() {
    let Run {
        code, stdout: text, ..
    } = run(&["simulate", "examples/clean-2015-mirroring-witness.json"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("mirrored-default.text", text);
    let Run {
        code: _,
        stdout: json,
        ..
    } = run(&[
        "simulate",
        "examples/clean-2015-mirroring-witness.json",
        "--all-single",
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_str(&json).unwrap();
    let names: Vec<&str> = json["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.iter().all(|n| n.starts_with("fail ")), "{names:?}");
    // One Front End Server of three, one SQL node of three: nothing fails alone.
    assert_eq!(json["single_points_of_failure"], serde_json::json!([]));
}

#[test]
fn a_standard_edition_server_is_its_own_single_point_of_failure() {
    let Run {
        code, stdout: json, ..
    } = run(&[
        "simulate",
        "examples/clean-standard-edition-pair.json",
        "--all-single",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&json).unwrap();
    insta::assert_json_snapshot!("standard-edition-spof", json["single_points_of_failure"]);
}

#[test]
fn several_failures_in_one_scenario() {
    let Run {
        code, stdout: json, ..
    } = run(&[
        "simulate",
        "examples/clean-2015-mirroring-witness.json",
        "--fail",
        "sql1-sea.contoso.com,sqlwit-sea.contoso.com",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["scenarios"].as_array().unwrap().len(), 1);
    let pool = &json["scenarios"][0]["pools"][0];
    assert_eq!(
        (pool["state"].as_str(), pool["back_end"].as_str()),
        (Some("degraded"), Some("unavailable"))
    );
}

#[test]
fn an_unknown_name_is_an_input_error_with_a_suggestion() {
    let Run {
        code,
        stdout,
        stderr,
    } = run(&[
        "simulate",
        "examples/paired-2019-ag.json",
        "--fail",
        "chicgo",
    ]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        "error: examples/paired-2019-ag.json: no entity `chicgo` in the topology: did you mean `chicago`? (expected the name of a site, data center, pool, server, SQL host, SQL store, file store or gateway, or `wan:` and a branch site)\n"
    );
}

#[test]
fn topology_xml_with_facts_simulates_like_its_imported_document() {
    let xml = [
        "tests/xml/director.xml",
        "--facts",
        "tests/xml/facts/director.json",
    ];
    let Run {
        code,
        stdout: imported,
        ..
    } = run(&["import", xml[0], xml[1], xml[2]]);
    assert_eq!(code, 0);
    let json_file =
        std::env::temp_dir().join(format!("hadr-rules-simulate-{}.json", std::process::id()));
    std::fs::write(&json_file, imported).unwrap();
    let Run {
        code,
        stdout: from_xml,
        ..
    } = run(&["simulate", xml[0], xml[1], xml[2], "--format", "json"]);
    assert_eq!(code, 0);
    let Run {
        code: _,
        stdout: from_json,
        ..
    } = run(&["simulate", json_file.to_str().unwrap(), "--format", "json"]);
    std::fs::remove_file(&json_file).unwrap();
    assert_eq!(from_xml, from_json);
    assert!(from_xml.contains("\"lose site Dallas\""));
}
