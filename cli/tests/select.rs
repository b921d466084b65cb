//! `check --select/--ignore`, selector errors, `--fail-on-not-evaluated` and the grouped
//! not-evaluated text output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{parse, run};

const PAIRING: &str = "examples/broken-pairing.json";
const INCOMPLETE: &str = "examples/paired-2019-ag.json";

fn rules(args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let report = parse(&run(&all).stdout);
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn select_and_ignore_take_rules_and_families() {
    assert_eq!(
        rules(&[PAIRING, "--select", "PAIR-001,CMS"]),
        ["PAIR-001", "PAIR-001", "CMS-002"]
    );
    assert_eq!(
        rules(&[
            PAIRING,
            "--select",
            "pair",
            "--ignore",
            "PAIR-001,PAIR-003,PAIR-004"
        ]),
        ["PAIR-002", "PAIR-002"]
    );
    // A rule ID is more specific than its ignored family.
    assert_eq!(
        rules(&[PAIRING, "--select", "PAIR-003", "--ignore", "PAIR"]),
        ["PAIR-003", "PAIR-003"]
    );
}

#[test]
fn an_alias_names_the_rule_to_use() {
    let out = run(&["check", PAIRING, "--suppress", "WIT-003=known"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("`WIT-003` is reported as `BE-006`: name `BE-006` instead"),
        "{}",
        out.stderr
    );
    let out = run(&["check", PAIRING, "--severity", "WIT-003=info"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("name `BE-006` instead"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_selector_gets_a_hint_and_guidance_is_refused() {
    let out = run(&["check", PAIRING, "--select", "PAIR-0001"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("unknown rule or family `PAIR-0001`; did you mean `PAIR-001`?"),
        "{}",
        out.stderr
    );
    let out = run(&["check", PAIRING, "--ignore", "PAIR-006"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("`PAIR-006` is guidance and never reported"),
        "{}",
        out.stderr
    );
}

#[test]
fn fail_on_not_evaluated_sets_the_exit_code() {
    assert_eq!(run(&["check", INCOMPLETE]).code, 0);
    assert_eq!(
        run(&["check", INCOMPLETE, "--fail-on-not-evaluated"]).code,
        1
    );
    // Nothing left unevaluated once the rules that lack facts are not run.
    let ignore = "FE-009,FE-011,FE-014,PAIR-010";
    assert_eq!(
        run(&[
            "check",
            INCOMPLETE,
            "--fail-on-not-evaluated",
            "--ignore",
            ignore
        ])
        .code,
        0
    );
    // A complete example passes.
    let clean = "examples/clean-lync2013-cluster.json";
    assert_eq!(run(&["check", clean, "--fail-on-not-evaluated"]).code, 0);
}

#[test]
fn not_evaluated_findings_are_grouped_unless_asked_for() {
    let grouped = run(&["check", INCOMPLETE]).stdout;
    insta::assert_snapshot!("grouped", grouped);
    assert!(!grouped.contains("not eval   FE-011"));
    let listed = run(&["check", INCOMPLETE, "--show-not-evaluated"]).stdout;
    assert!(listed.contains(
        "not eval   FE-011  FE-011 not evaluated for pool-dal.contoso.com: missing /pools/0/servers/0/domain"
    ));
    assert!(!listed.contains("facts missing"));
}

#[test]
fn sixteen_servers_without_os_are_one_line() {
    let text = std::fs::read_to_string(common::workspace().join(INCOMPLETE)).unwrap();
    let mut doc = parse(&text);
    for pool in doc["pools"].as_array_mut().unwrap() {
        let name = pool["fqdn"].as_str().unwrap().to_owned();
        let servers = pool["servers"].as_array_mut().unwrap();
        let template = servers[0].clone();
        servers.clear();
        for k in 0..8 {
            let mut server = template.clone();
            let fqdn = format!("fe{k}-{name}");
            server["fqdn"] = fqdn.into();
            server.as_object_mut().unwrap().remove("os");
            servers.push(server);
        }
    }
    let bytes = serde_json::to_vec(&doc).unwrap();
    let out = common::run_with_stdin(&["check", "-", "--select", "OS"], Some(bytes));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "OS-005 not evaluated for 16 servers: `os` missing — add it to the servers or a facts file"
        ),
        "{}",
        out.stdout
    );
    assert_eq!(out.stdout.matches("not evaluated for").count(), 1);
}
