//! `check --format sarif|junit|html`: the SARIF of every example validates against the SARIF
//! 2.1.0 schema and carries each finding with its rule, level, pointer, XML location and
//! suppression; the JUnit XML has a test case per rule and subject; the HTML page draws every
//! pool and pairing and shows every finding with its rule and links. Snapshots pin the bytes of
//! one example each. None of them depends on how many rules the registry has.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeSet;

use serde_json::Value;

use common::{parse, run, workspace};

/// Every example, and the XML fixtures with their facts where they have some.
fn inputs() -> Vec<Vec<String>> {
    let mut inputs: Vec<Vec<String>> = std::fs::read_dir(workspace().join("examples"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .map(|name| vec![format!("examples/{name}")])
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 10, "the examples are there: {inputs:?}");
    for (xml, facts) in [
        ("tests/xml/mirroring-witness.xml", None),
        (
            "tests/xml/always-on-edge.xml",
            Some("tests/xml/facts/always-on-edge.json"),
        ),
        (
            "tests/xml/director.xml",
            Some("tests/xml/facts/director.json"),
        ),
        ("tests/xml/standard-edition.tbxml", None),
    ] {
        let mut input = vec![xml.to_owned()];
        if let Some(facts) = facts {
            input.extend(["--facts".to_owned(), facts.to_owned()]);
        }
        inputs.push(input);
    }
    inputs
}

fn check(input: &[String], extra: &[&str]) -> common::Run {
    let mut args = vec!["check"];
    args.extend(input.iter().map(String::as_str));
    args.extend(extra);
    run(&args)
}

/// The registry's rule IDs, in order, as `hadr-rules rules` lists them.
fn registry_ids() -> Vec<String> {
    let rules = parse(&run(&["rules", "--format", "json"]).stdout);
    rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

// --- SARIF -----------------------------------------------------------------------------------

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(workspace().join("tests/sarif/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

#[test]
fn sarif_of_every_example_validates_against_the_schema() {
    let validator = sarif_validator();
    let ids = registry_ids();
    for input in inputs() {
        let run = check(&input, &["--format", "sarif"]);
        assert!(run.code == 0 || run.code == 1, "{input:?}: {}", run.stderr);
        let log = parse(&run.stdout);
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{input:?}: {errors:#?}");
        // One run; the registry's rules in its order; every result names one of them by ID
        // and index, at its file.
        assert_eq!(log["runs"].as_array().unwrap().len(), 1);
        let run0 = &log["runs"][0];
        let rules: Vec<&str> = run0["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(rules, ids);
        for result in run0["results"].as_array().unwrap() {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(result["ruleId"], rules[index]);
            assert_eq!(
                result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                input[0].as_str()
            );
        }
    }
}

#[test]
fn sarif_rules_carry_descriptions_help_and_the_microsoft_page() {
    let log = parse(&run(&["check", "examples/broken-pairing.json", "--format", "sarif"]).stdout);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let pair = rules.iter().find(|r| r["id"] == "PAIR-001").unwrap();
    assert_eq!(pair["name"], "PairSameEdition");
    assert_eq!(
        pair["shortDescription"]["text"],
        "Paired pools must be of the same edition"
    );
    assert!(
        pair["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("`edition` must be equal")
    );
    assert!(
        pair["help"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Pair the Enterprise pool")
    );
    assert_eq!(
        pair["helpUri"],
        "https://learn.microsoft.com/skypeforbusiness/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery"
    );
    assert_eq!(pair["defaultConfiguration"]["level"], "error");
    // A recommendation is a warning, an informational rule a note; guidance is disabled.
    let level = |id: &str| {
        let rule = rules.iter().find(|r| r["id"] == id).unwrap();
        (
            rule["defaultConfiguration"]["level"]
                .as_str()
                .unwrap()
                .to_owned(),
            rule["defaultConfiguration"]["enabled"].as_bool().unwrap(),
        )
    };
    assert_eq!(level("PAIR-004"), ("warning".to_owned(), true));
    assert_eq!(level("FE-007"), ("note".to_owned(), true));
    let guidance = parse(&run(&["rules", "--format", "json"]).stdout);
    let guidance = guidance
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["evaluation"] == "guidance")
        .unwrap();
    assert!(!level(guidance["id"].as_str().unwrap()).1);
}

#[test]
fn sarif_results_carry_level_message_pointer_and_suppression() {
    let run = run(&[
        "check",
        "examples/broken-pairing.json",
        "--format",
        "sarif",
        "--suppress",
        "PAIR-004@se-par.contoso.com=accepted until the 2027 rebuild",
    ]);
    assert_eq!(run.code, 1);
    let log = parse(&run.stdout);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let find = |rule: &str, subject: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == rule && r["properties"]["subject"] == subject)
            .unwrap_or_else(|| panic!("no {rule} for {subject}"))
    };
    let pair = find("PAIR-001", "pool-ams.contoso.com");
    assert_eq!(pair["level"], "error");
    assert_eq!(pair["kind"], "fail");
    assert_eq!(
        pair["message"]["text"],
        "pool-ams.contoso.com (Enterprise Edition) is paired with se-par.contoso.com (Standard Edition); pairs must be of one edition"
    );
    assert_eq!(
        pair["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "/pools/0/backup_pool"
    );
    assert_eq!(pair["properties"]["pointer"], "/pools/0/backup_pool");
    assert!(pair.get("suppressions").is_none());
    let warning = find("PAIR-004", "pool-ams.contoso.com");
    assert_eq!(warning["level"], "warning");
    let suppressed = find("PAIR-004", "se-par.contoso.com");
    assert_eq!(
        suppressed["suppressions"],
        serde_json::json!([{ "kind": "external", "status": "accepted",
            "justification": "accepted until the 2027 rebuild" }])
    );
    // A rule that could not run is an open question, not a failure.
    let open = results.iter().find(|r| r["kind"] == "open");
    if let Some(open) = open {
        assert_eq!(open["level"], "none");
        assert!(open["properties"]["missing"].as_array().is_some());
    }
}

#[test]
fn sarif_of_imported_xml_names_the_file_line_and_element() {
    let run = run(&[
        "check",
        "tests/xml/mirroring-witness.xml",
        "--format",
        "sarif",
    ]);
    let log = parse(&run.stdout);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let users = results
        .iter()
        .find(|r| r["ruleId"] == "FE-009")
        .expect("FE-009 is not evaluated: the XML holds no user counts");
    assert_eq!(users["kind"], "open");
    let location = &users["locations"][0];
    assert_eq!(
        location["physicalLocation"],
        serde_json::json!({ "artifactLocation": { "uri": "tests/xml/mirroring-witness.xml" },
            "region": { "startLine": 15 } })
    );
    assert_eq!(
        location["logicalLocations"],
        serde_json::json!([
            { "fullyQualifiedName": "/pools/0/users", "kind": "member" },
            { "name": "<Cluster Fqdn=\"pool-ams.contoso.com\">", "kind": "element" }
        ])
    );
}

#[test]
fn sarif_of_several_files_is_one_run() {
    let run = run(&[
        "check",
        "examples/broken-pairing.json",
        "examples/broken-witness-version.json",
        "--format",
        "sarif",
    ]);
    assert_eq!(run.code, 1);
    let log = parse(&run.stdout);
    let uris: BTreeSet<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        uris,
        BTreeSet::from([
            "examples/broken-pairing.json",
            "examples/broken-witness-version.json"
        ])
    );
}

#[test]
fn sarif_snapshot() {
    let mut log = parse(
        &run(&[
            "check",
            "examples/broken-witness-version.json",
            "--format",
            "sarif",
        ])
        .stdout,
    );
    // The rules array grows with the registry; its entries are tested above.
    log["runs"][0]["tool"]["driver"]["rules"] = Value::String("[the registry's rules]".into());
    insta::assert_json_snapshot!("broken-witness-version.sarif", log);
}

// --- JUnit -----------------------------------------------------------------------------------

/// `(classname, name, outcome)` of every test case, and the counts of `<testsuites>`.
fn junit_cases(xml: &str) -> (Vec<(String, String, &'static str)>, [usize; 3]) {
    let document = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let count = |name: &str| root.attribute(name).unwrap().parse::<usize>().unwrap();
    let cases = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|case| {
            let outcome = if case.children().any(|c| c.has_tag_name("failure")) {
                "failed"
            } else if case.children().any(|c| c.has_tag_name("skipped")) {
                "skipped"
            } else {
                "passed"
            };
            (
                case.attribute("classname").unwrap().to_owned(),
                case.attribute("name").unwrap().to_owned(),
                outcome,
            )
        })
        .collect();
    (cases, [count("tests"), count("failures"), count("skipped")])
}

#[test]
fn junit_has_a_case_per_rule_and_subject_failing_at_the_fail_level() {
    let run = run(&["check", "examples/broken-pairing.json", "--format", "junit"]);
    assert_eq!(run.code, 1);
    let (cases, [tests, failures, skipped]) = junit_cases(&run.stdout);
    let failed: BTreeSet<(&str, &str)> = cases
        .iter()
        .filter(|c| c.2 == "failed")
        .map(|c| (c.0.as_str(), c.1.as_str()))
        .collect();
    let expected: BTreeSet<(&str, &str)> = [
        ("PAIR-001", "PAIR-001 pool-ams.contoso.com"),
        ("PAIR-001", "PAIR-001 se-par.contoso.com"),
        ("PAIR-002", "PAIR-002 pool-ams.contoso.com"),
        ("PAIR-002", "PAIR-002 se-par.contoso.com"),
        ("PAIR-003", "PAIR-003 pool-ams.contoso.com"),
        ("PAIR-003", "PAIR-003 se-par.contoso.com"),
    ]
    .into();
    assert_eq!(failed, expected);
    // The warnings pass at fail level error, and fail at fail level warning.
    assert!(cases.contains(&(
        "PAIR-004".into(),
        "PAIR-004 pool-ams.contoso.com".into(),
        "passed"
    )));
    assert_eq!((tests, failures), (cases.len(), 6));
    assert_eq!(skipped, cases.iter().filter(|c| c.2 == "skipped").count());
    let unique: BTreeSet<&(String, String, &str)> = cases.iter().collect();
    assert_eq!(unique.len(), cases.len(), "one case per rule and subject");

    let warning = run_junit(&["--fail-level", "warning"]);
    assert!(warning.contains(&(
        "PAIR-004".into(),
        "PAIR-004 pool-ams.contoso.com".into(),
        "failed"
    )));
    let suppressed = run_junit(&["--suppress", "PAIR-001=paired on purpose during the move"]);
    assert!(suppressed.contains(&(
        "PAIR-001".into(),
        "PAIR-001 se-par.contoso.com".into(),
        "skipped"
    )));
}

fn run_junit(extra: &[&str]) -> Vec<(String, String, &'static str)> {
    let mut args = vec!["check", "examples/broken-pairing.json", "--format", "junit"];
    args.extend(extra);
    junit_cases(&run(&args).stdout).0
}

#[test]
fn junit_of_every_example_is_well_formed() {
    for input in inputs() {
        let run = check(&input, &["--format", "junit"]);
        let (cases, [tests, _, _]) = junit_cases(&run.stdout);
        assert_eq!(tests, cases.len(), "{input:?}");
        assert_eq!(
            run.code == 1,
            cases.iter().any(|c| c.2 == "failed"),
            "{input:?}"
        );
    }
}

#[test]
fn junit_snapshot() {
    insta::assert_snapshot!(
        "broken-witness-version.junit",
        run(&[
            "check",
            "examples/broken-witness-version.json",
            "--format",
            "junit"
        ])
        .stdout
    );
}

// --- HTML ------------------------------------------------------------------------------------

/// The `<svg>` element of a page, parsed.
fn svg(html: &str) -> String {
    let start = html.find("<svg").expect("the page draws the topology");
    let end = html.find("</svg>").unwrap() + "</svg>".len();
    html[start..end].to_owned()
}

#[test]
fn html_draws_every_pool_store_and_pairing() {
    for input in inputs() {
        let run = check(&input, &["--format", "html"]);
        let mut args = vec!["import".to_owned()];
        args.extend(input.iter().cloned());
        let document = if input[0].ends_with(".json") {
            parse(&std::fs::read_to_string(workspace().join(&input[0])).unwrap())
        } else {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            parse(&common::run(&args).stdout)
        };
        let svg = svg(&run.stdout);
        let tree = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        let named = |class: &str| -> BTreeSet<String> {
            tree.descendants()
                .filter(|n| {
                    n.attribute("class")
                        .is_some_and(|c| c.split(' ').any(|w| w == class))
                })
                .filter_map(|n| n.attribute("data-name").map(str::to_owned))
                .collect()
        };
        let pools: BTreeSet<String> = document["pools"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["fqdn"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(named("pool"), pools, "{input:?}");
        let stores: BTreeSet<String> = document["sql_stores"]
            .as_array()
            .map(|s| {
                s.iter()
                    .map(|s| s["id"].as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(named("store"), stores, "{input:?}");
        let sites: BTreeSet<String> = document["sites"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(named("site"), sites, "{input:?}");
        // Each pairing once, whichever way it is set (a pair set both ways is one edge).
        let unordered = |a: &str, b: &str| {
            if a < b {
                (a.to_owned(), b.to_owned())
            } else {
                (b.to_owned(), a.to_owned())
            }
        };
        let edges: Vec<(String, String)> = tree
            .descendants()
            .filter(|n| n.attribute("class") == Some("pairing"))
            .map(|n| {
                unordered(
                    n.attribute("data-pool").unwrap(),
                    n.attribute("data-partner").unwrap(),
                )
            })
            .collect();
        let pairings: BTreeSet<(String, String)> = edges.iter().cloned().collect();
        assert_eq!(
            pairings.len(),
            edges.len(),
            "{input:?}: a pairing drawn twice"
        );
        let expected: BTreeSet<(String, String)> = document["pools"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| Some(unordered(p["fqdn"].as_str()?, p["backup_pool"].as_str()?)))
            .collect();
        assert_eq!(pairings, expected, "{input:?}");
    }
}

#[test]
fn html_shows_every_finding_with_its_rule_and_links() {
    for input in inputs() {
        let page = check(&input, &["--format", "html"]).stdout;
        let mut json_args = input.clone();
        json_args.extend(["--format".to_owned(), "json".to_owned()]);
        let report = parse(&check(&json_args, &[]).stdout);
        for d in report["diagnostics"].as_array().unwrap() {
            let (rule, subject) = (d["rule"].as_str().unwrap(), d["subject"].as_str().unwrap());
            let marker = format!("data-rule=\"{rule}\" data-subject=\"{}\"", escaped(subject));
            assert!(page.contains(&marker), "{input:?}: no {marker}");
            assert!(
                page.contains(&format!("href=\"#rule-{rule}\"")),
                "{input:?}: {rule}"
            );
            assert!(
                page.contains(&format!("id=\"rule-{rule}\"")),
                "{input:?}: {rule}"
            );
            for url in d["references"].as_array().unwrap() {
                let href = format!("href=\"{}\"", escaped(url.as_str().unwrap()));
                assert!(page.contains(&href), "{input:?}: no {href}");
            }
        }
        // Self-contained: nothing is loaded from elsewhere.
        for outside in ["<script", "<link", "src=\"http", "@import", "url(http"] {
            assert!(!page.contains(outside), "{input:?} loads {outside}");
        }
    }
}

/// Text as the template escapes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

#[test]
fn html_marks_the_pools_and_stores_that_carry_errors() {
    let page = run(&[
        "check",
        "examples/broken-cms-shared-back-end.json",
        "--format",
        "html",
    ])
    .stdout;
    let svg = svg(&page);
    let tree = roxmltree::Document::parse(&svg).unwrap();
    let marked: BTreeSet<&str> = tree
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.ends_with(" error")))
        .filter_map(|n| n.attribute("data-name"))
        .collect();
    assert_eq!(
        marked,
        BTreeSet::from(["ag-dal", "pool-dal.contoso.com", "pool-hou.contoso.com"])
    );
    let clean = run(&[
        "check",
        "examples/clean-standard-edition-pair.json",
        "--format",
        "html",
    ])
    .stdout;
    assert!(!svg_of(&clean).contains(" error\""));
    assert!(clean.contains("class=\"verdict pass\""));
    assert!(page.contains("class=\"verdict fail\""));
}

fn svg_of(page: &str) -> String {
    svg(page)
}

#[test]
fn html_adds_the_failure_scenarios_when_asked() {
    let plain = run(&["check", "examples/paired-2019-ag.json", "--format", "html"]).stdout;
    assert!(!plain.contains("id=\"simulation\""));
    let page = run(&[
        "check",
        "examples/paired-2019-ag.json",
        "--format",
        "html",
        "--simulate",
    ])
    .stdout;
    assert!(page.contains("id=\"simulation\""));
    assert!(page.contains("<h3>lose site chicago</h3>"));
    assert!(page.contains("pool failover to pool-dal.contoso.com"));
    assert!(page.contains("Invoke-CsPoolFailover -PoolFqdn pool-chi.contoso.com -DisasterMode"));
}

#[test]
fn html_escapes_names_from_the_document() {
    let json = std::fs::read_to_string(workspace().join("examples/broken-pairing.json"))
        .unwrap()
        .replace("se-par.contoso.com", "se-<b>par</b>&amp;.contoso.com");
    let run = common::run_with_stdin(&["check", "-", "--format", "html"], Some(json.into_bytes()));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stdout.contains("<b>par</b>"));
    assert!(
        run.stdout
            .contains("se-&lt;b&gt;par&lt;&#x2f;b&gt;&amp;amp;.contoso.com")
    );
    roxmltree::Document::parse(&svg(&run.stdout)).unwrap();
}

#[test]
fn formats_only_check_writes_are_refused_elsewhere() {
    let several = run(&[
        "check",
        "examples/broken-pairing.json",
        "examples/broken-witness-version.json",
        "--format",
        "html",
    ]);
    assert_eq!(several.code, 2);
    assert_eq!(
        several.stderr,
        "error: `--format html` writes the page of one file: give one file\n"
    );
    let simulate = run(&["check", "examples/broken-pairing.json", "--simulate"]);
    assert_eq!(simulate.code, 2);
    assert_eq!(
        simulate.stderr,
        "error: `--simulate` adds the failure scenarios to `--format html`\n"
    );
    let rules = run(&["rules", "--format", "sarif"]);
    assert_eq!(
        (rules.code, rules.stderr.as_str()),
        (2, "error: `--format sarif` is for `hadr-rules check`\n")
    );
    let sim = run(&[
        "simulate",
        "examples/paired-2019-ag.json",
        "--format",
        "junit",
    ]);
    assert_eq!(
        (sim.code, sim.stderr.as_str()),
        (2, "error: `--format junit` is for `hadr-rules check`\n")
    );
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!(
        "broken-pairing.html",
        run(&["check", "examples/broken-pairing.json", "--format", "html"]).stdout
    );
}
