//! The `hadr-rules` command line against the examples in `examples/`: text and JSON output
//! (snapshots), exit codes, the findings each broken example must give, and the `rules`,
//! `explain` and `schema` subcommands.
//!
//! Every command runs in the workspace root with relative paths and without colours, so the
//! output is the same bytes on every machine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeSet;

use rstest::rstest;
use serde_json::Value;

use common::{Run, parse, run, run_with_stdin, workspace};

/// `(rule, severity, subject)`.
type Finding = (String, String, String);

/// One example and what `check` must say about it.
struct Example {
    /// File name under `examples/`.
    file: &'static str,
    /// Exit status of `check FILE` (fail level `error`).
    exit: i32,
    /// Every error and warning (not suppressed, not "not evaluated"): `(rule, severity, subject)`.
    findings: &'static [(&'static str, &'static str, &'static str)],
    /// Whether the example is fully described: no error, warning or not-evaluated finding.
    clean: bool,
}

/// Written from `docs/catalog-decisions.md`, not from the engine's output.
const EXAMPLES: &[Example] = &[
    Example {
        // The format's own example: no domains, users or load balancing, hence not-evaluated
        // findings, but nothing at warning or above.
        file: "paired-2019-ag.json",
        exit: 0,
        findings: &[],
        clean: false,
    },
    Example {
        // The other server roles: catalog SBA-001, MED-005 and EDGE-001.
        file: "broken-other-roles.json",
        exit: 1,
        findings: &[
            ("SBA-001", "error", "austin"),
            ("MED-005", "error", "med-dal.contoso.com"),
            ("EDGE-001", "warning", "edge-chi.contoso.com"),
        ],
        clean: false,
    },
    Example {
        file: "clean-2015-mirroring-witness.json",
        exit: 0,
        findings: &[],
        clean: true,
    },
    Example {
        file: "clean-standard-edition-pair.json",
        exit: 0,
        findings: &[],
        clean: true,
    },
    Example {
        file: "clean-lync2013-cluster.json",
        exit: 0,
        findings: &[],
        clean: true,
    },
    Example {
        // PAIR-001/002/003: edition, platform and OS differ; PAIR-004: AG against a Standard
        // Edition server (HA mode `none`). The pair is set both ways: one finding per side.
        file: "broken-pairing.json",
        exit: 1,
        findings: &[
            ("PAIR-001", "error", "pool-ams.contoso.com"),
            ("PAIR-001", "error", "se-par.contoso.com"),
            ("PAIR-002", "error", "pool-ams.contoso.com"),
            ("PAIR-002", "error", "se-par.contoso.com"),
            ("PAIR-003", "error", "pool-ams.contoso.com"),
            ("PAIR-003", "error", "se-par.contoso.com"),
            ("PAIR-004", "warning", "pool-ams.contoso.com"),
            ("PAIR-004", "warning", "se-par.contoso.com"),
        ],
        clean: false,
    },
    Example {
        // BE-002 (mode not allowed for S19), BE-004 (S19 on a mirror), COEX-006: all pool-level.
        file: "broken-mirroring-on-2019.json",
        exit: 1,
        findings: &[
            ("BE-002", "error", "pool-tor.contoso.com"),
            ("BE-004", "error", "pool-tor.contoso.com"),
            ("COEX-006", "error", "pool-tor.contoso.com"),
        ],
        clean: false,
    },
    Example {
        // Literal conditions: FE-002, FE-003 (S19: error) and FE-004 all hold (FE-007 is info).
        file: "broken-two-server-2019.json",
        exit: 1,
        findings: &[
            ("FE-002", "warning", "pool-syd.contoso.com"),
            ("FE-003", "error", "pool-syd.contoso.com"),
            ("FE-004", "warning", "pool-syd.contoso.com"),
        ],
        clean: false,
    },
    Example {
        // BE-006 is a store-level rule: the subject is the store id.
        file: "broken-witness-version.json",
        exit: 1,
        findings: &[("BE-006", "error", "mirror-fra")],
        clean: false,
    },
    Example {
        // OS-005 (S19 on ws2012r2) and OS-001 (L13 on ws2016), one per server.
        file: "broken-unsupported-os.json",
        exit: 1,
        findings: &[
            ("OS-001", "error", "lyncfe1-atl.contoso.com"),
            ("OS-001", "error", "lyncfe2-atl.contoso.com"),
            ("OS-001", "error", "lyncfe3-atl.contoso.com"),
            ("OS-005", "error", "fe1-bos.contoso.com"),
            ("OS-005", "error", "fe2-bos.contoso.com"),
            ("OS-005", "error", "fe3-bos.contoso.com"),
        ],
        clean: false,
    },
    Example {
        // CMS-001 for each pool marked active; BE-025 for the shared store.
        file: "broken-cms-shared-back-end.json",
        exit: 1,
        findings: &[
            ("BE-025", "error", "ag-dal"),
            ("CMS-001", "error", "pool-dal.contoso.com"),
            ("CMS-001", "error", "pool-hou.contoso.com"),
        ],
        clean: false,
    },
];

const REPORT_KEYS: &[&str] = &["format", "ruleset", "summary", "diagnostics"];
const SUMMARY_KEYS: &[&str] = &["error", "warning", "info", "not_evaluated", "suppressed"];
const DIAGNOSTIC_KEYS: &[&str] = &[
    "rule",
    "severity",
    "subject",
    "related",
    "path",
    "message",
    "help",
    "facts",
    "references",
];
const OPTIONAL_DIAGNOSTIC_KEYS: &[&str] = &["not_evaluated", "unverified", "suppressed"];

fn example(file: &str) -> &'static Example {
    EXAMPLES
        .iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("examples/{file} has no entry in EXAMPLES"))
}

fn example_path(file: &str) -> String {
    format!("examples/{file}")
}

fn stem(file: &str) -> &str {
    file.strip_suffix(".json").unwrap_or(file)
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

/// Checks that `report` has exactly the fields of the report format, that the summary counts
/// its diagnostics, and that the diagnostics are in report order.
fn assert_report_format(report: &Value) {
    assert_eq!(keys(report), REPORT_KEYS.iter().copied().collect());
    assert_eq!(report["format"], 1);
    assert!(report["ruleset"].as_str().is_some_and(|r| !r.is_empty()));
    let summary = &report["summary"];
    assert_eq!(keys(summary), SUMMARY_KEYS.iter().copied().collect());
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics array");
    let mut counted = [0u64; 5];
    let mut previous: Option<(u8, String, String)> = None;
    for d in diagnostics {
        let present = keys(d);
        for key in DIAGNOSTIC_KEYS {
            assert!(present.contains(key), "diagnostic without `{key}`: {d}");
        }
        for key in &present {
            assert!(
                DIAGNOSTIC_KEYS.contains(key) || OPTIONAL_DIAGNOSTIC_KEYS.contains(key),
                "diagnostic with unknown key `{key}`: {d}"
            );
        }
        let rule = d["rule"].as_str().expect("rule");
        let severity = d["severity"].as_str().expect("severity");
        let subject = d["subject"].as_str().expect("subject");
        assert!(d["related"].is_array() && d["references"].is_array());
        assert!(d["facts"].is_object());
        assert!(d["path"].as_str().is_some_and(|p| p.starts_with('/')));
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()));
        let rank = match severity {
            "error" => 0,
            "warning" => 1,
            "info" => 2,
            other => panic!("unknown severity `{other}`"),
        };
        let key = (rank, rule.to_owned(), subject.to_owned());
        if let Some(previous) = &previous {
            assert!(
                previous <= &key,
                "diagnostics out of order: {previous:?} then {key:?}"
            );
        }
        previous = Some(key);
        if d.get("suppressed").is_some() {
            assert!(d["suppressed"].is_string());
            counted[4] += 1;
        } else if d.get("not_evaluated").is_some() {
            assert_eq!(d["not_evaluated"], true);
            assert_eq!(severity, "info");
            assert!(d["facts"]["missing"].is_array());
            counted[3] += 1;
        } else {
            counted[rank as usize] += 1;
        }
    }
    for (key, count) in SUMMARY_KEYS.iter().zip(counted) {
        assert_eq!(summary[*key], count, "summary.{key} in {report}");
    }
}

/// Errors and warnings of a report that are not suppressed: `(rule, severity, subject)`.
fn findings(report: &Value) -> BTreeSet<Finding> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .filter(|d| d.get("suppressed").is_none() && d.get("not_evaluated").is_none())
        .filter(|d| d["severity"] != "info")
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_owned(),
                d["severity"].as_str().expect("severity").to_owned(),
                d["subject"].as_str().expect("subject").to_owned(),
            )
        })
        .collect()
}

fn expected(example: &Example) -> BTreeSet<Finding> {
    example
        .findings
        .iter()
        .map(|(r, s, x)| ((*r).to_owned(), (*s).to_owned(), (*x).to_owned()))
        .collect()
}

fn report_of(args: &[&str]) -> (Run, Value) {
    let run = run(args);
    let report = parse(&run.stdout);
    (run, report)
}

#[test]
fn every_example_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(workspace().join("examples"))
        .expect("examples/")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = EXAMPLES.iter().map(|e| e.file.to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn examples_describe_themselves() {
    for example in EXAMPLES {
        // The format's own example is kept byte for byte as the spec prints it.
        if example.file == "paired-2019-ag.json" {
            continue;
        }
        let text =
            std::fs::read_to_string(workspace().join(example_path(example.file))).expect("read");
        let json = parse(&text);
        assert!(json["name"].is_string(), "{}: no name", example.file);
        assert!(
            json["x"]["description"]
                .as_str()
                .is_some_and(|d| d.len() > 40),
            "{}: no x.description",
            example.file
        );
    }
}

#[rstest]
#[case::paired_2019_ag("paired-2019-ag.json")]
#[case::clean_2015_mirroring_witness("clean-2015-mirroring-witness.json")]
#[case::clean_standard_edition_pair("clean-standard-edition-pair.json")]
#[case::clean_lync2013_cluster("clean-lync2013-cluster.json")]
#[case::broken_pairing("broken-pairing.json")]
#[case::broken_mirroring_on_2019("broken-mirroring-on-2019.json")]
#[case::broken_two_server_2019("broken-two-server-2019.json")]
#[case::broken_witness_version("broken-witness-version.json")]
#[case::broken_unsupported_os("broken-unsupported-os.json")]
#[case::broken_cms_shared_back_end("broken-cms-shared-back-end.json")]
#[case::broken_other_roles("broken-other-roles.json")]
fn check_example(#[case] file: &str) {
    let example = example(file);
    let path = example_path(file);

    let text = run(&["check", &path]);
    assert_eq!(text.code, example.exit, "exit of `check {path}`");
    assert_eq!(text.stderr, "");
    insta::assert_snapshot!(format!("{}.text", stem(file)), text.stdout);

    let (json, report) = report_of(&["check", &path, "--format", "json"]);
    assert_eq!(
        json.code, example.exit,
        "exit of `check {path} --format json`"
    );
    assert_eq!(json.stderr, "");
    assert!(json.stdout.ends_with("}\n"));
    insta::assert_snapshot!(format!("{}.json", stem(file)), json.stdout);
    assert_report_format(&report);
    assert_eq!(findings(&report), expected(example), "findings of {path}");

    if example.clean {
        let summary = &report["summary"];
        assert_eq!(summary["error"], 0);
        assert_eq!(summary["warning"], 0);
        assert_eq!(summary["not_evaluated"], 0, "{path} is not fully described");
    }
    if example.exit == 1 {
        assert!(text.stdout.contains("\nfail: "));
    } else {
        assert!(text.stdout.contains("\npass: "));
    }
}

#[test]
fn fail_level_info_counts_info_findings() {
    // PAIR-011 and CMS-002 are info findings of a clean pair.
    let path = example_path("clean-standard-edition-pair.json");
    let (run_default, report) = report_of(&["check", &path, "--format", "json"]);
    assert_eq!(run_default.code, 0);
    assert_eq!(report["summary"]["info"], 3);
    assert_eq!(run(&["check", &path, "--fail-level", "warning"]).code, 0);
    let info = run(&["check", &path, "--fail-level", "info"]);
    assert_eq!(info.code, 1);
    assert!(
        info.stdout
            .contains("fail: 0 error(s), 0 warning(s), 3 info")
    );

    // No finding at all: passes at every level.
    let path = example_path("clean-lync2013-cluster.json");
    assert_eq!(run(&["check", &path, "--fail-level", "info"]).code, 0);
}

#[test]
fn fail_level_info_ignores_not_evaluated() {
    // A clean example without `users`: FE-009 cannot be evaluated, and that is all.
    let text = std::fs::read_to_string(
        workspace().join(example_path("clean-2015-mirroring-witness.json")),
    )
    .expect("read");
    let mut doc = parse(&text);
    doc["pools"][0]
        .as_object_mut()
        .expect("pool")
        .remove("users");
    let bytes = serde_json::to_vec(&doc).expect("serialize");
    let json = run_with_stdin(&["check", "-", "--format", "json"], Some(bytes.clone()));
    let report = parse(&json.stdout);
    assert_report_format(&report);
    assert_eq!(report["summary"]["not_evaluated"], 1);
    assert_eq!(report["summary"]["info"], 0);
    assert_eq!(report["diagnostics"][0]["rule"], "FE-009");
    let info = run_with_stdin(&["check", "-", "--fail-level", "info"], Some(bytes));
    assert_eq!(info.code, 0, "{}", info.stdout);
}

#[test]
fn fail_level_warning() {
    // broken-two-server-2019 without its FE-003 error still fails at `warning`.
    let path = example_path("broken-two-server-2019.json");
    let args = [
        "check",
        path.as_str(),
        "--suppress",
        "FE-003=two-server pilot",
    ];
    assert_eq!(run(&args).code, 0);
    let mut warning = args.to_vec();
    warning.extend(["--fail-level", "warning"]);
    assert_eq!(run(&warning).code, 1);
}

#[test]
fn severity_override() {
    let path = example_path("broken-two-server-2019.json");
    let (run_plain, plain) = report_of(&["check", &path, "--format", "json"]);
    assert_eq!(run_plain.code, 1);
    assert_eq!(plain["summary"]["error"], 1);
    assert_eq!(plain["summary"]["warning"], 2);

    let (overridden, report) = report_of(&[
        "check",
        &path,
        "--format",
        "json",
        "--severity",
        "FE-003=warning",
    ]);
    assert_report_format(&report);
    assert_eq!(overridden.code, 0, "no error left");
    assert_eq!(report["summary"]["error"], 0);
    assert_eq!(report["summary"]["warning"], 3);
    let fe003: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "FE-003")
        .collect();
    assert_eq!(fe003.len(), 1);
    assert_eq!(fe003[0]["severity"], "warning");

    // On the pairing example PAIR-001 becomes a warning on both sides; PAIR-002/003 still fail.
    let pairing = example_path("broken-pairing.json");
    let (run_pairing, report) = report_of(&[
        "check",
        &pairing,
        "--format",
        "json",
        "--severity",
        "PAIR-001=warning",
    ]);
    assert_eq!(run_pairing.code, 1);
    assert_eq!(report["summary"]["error"], 4);
    assert_eq!(report["summary"]["warning"], 4);
    let found = findings(&report);
    assert!(found.contains(&(
        "PAIR-001".to_owned(),
        "warning".to_owned(),
        "pool-ams.contoso.com".to_owned()
    )));
    assert!(
        !found
            .iter()
            .any(|(r, s, _)| r == "PAIR-001" && s == "error")
    );

    // A family override, and a rule override winning over its family.
    let (_, report) = report_of(&[
        "check",
        &pairing,
        "--format",
        "json",
        "--severity",
        "PAIR=info",
        "--severity",
        "PAIR-003=error",
    ]);
    let found = findings(&report);
    let expected: BTreeSet<Finding> = ["pool-ams.contoso.com", "se-par.contoso.com"]
        .iter()
        .map(|s| ("PAIR-003".to_owned(), "error".to_owned(), (*s).to_owned()))
        .collect();
    assert_eq!(found, expected);

    // A bad selector or level is a usage error.
    assert_eq!(run(&["check", &path, "--severity", "FE-003"]).code, 2);
    assert_eq!(run(&["check", &path, "--severity", "FE-003=fatal"]).code, 2);
    assert_eq!(
        run(&["check", &path, "--severity", "NOPE-1=warning"]).code,
        2
    );
}

/// broken-pairing with the platform and OS fixed: only PAIR-001 (both sides) is an error.
fn edition_only_pairing() -> Vec<u8> {
    let text = std::fs::read_to_string(workspace().join(example_path("broken-pairing.json")))
        .expect("read");
    let mut doc = parse(&text);
    let server = &mut doc["pools"][1]["servers"][0];
    server["os"] = "ws2019".into();
    server["platform"] = "physical".into();
    serde_json::to_vec(&doc).expect("serialize")
}

#[test]
fn suppress_one_subject() {
    let doc = edition_only_pairing();
    let json = |extra: &[&str]| {
        let mut args = vec!["check", "-", "--format", "json"];
        args.extend_from_slice(extra);
        let run = run_with_stdin(&args, Some(doc.clone()));
        let report = parse(&run.stdout);
        assert_report_format(&report);
        (run.code, report)
    };

    let (code, report) = json(&[]);
    assert_eq!(code, 1);
    assert_eq!(report["summary"]["error"], 2);
    assert_eq!(report["summary"]["suppressed"], 0);

    let (code, report) = json(&[
        "--suppress",
        "PAIR-001@pool-ams.contoso.com=migration to Enterprise pending",
    ]);
    assert_eq!(code, 1, "se-par's PAIR-001 still fails");
    assert_eq!(report["summary"]["error"], 1);
    assert_eq!(report["summary"]["suppressed"], 1);
    let suppressed: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d.get("suppressed").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["rule"], "PAIR-001");
    assert_eq!(suppressed[0]["subject"], "pool-ams.contoso.com");
    assert_eq!(suppressed[0]["severity"], "error");
    assert_eq!(
        suppressed[0]["suppressed"],
        "migration to Enterprise pending"
    );

    let (code, report) = json(&[
        "--suppress",
        "PAIR-001@pool-ams.contoso.com=migration to Enterprise pending",
        "--suppress",
        "PAIR-001@se-par.contoso.com=migration to Enterprise pending",
    ]);
    assert_eq!(code, 0, "nothing left at error");
    assert_eq!(report["summary"]["error"], 0);
    assert_eq!(report["summary"]["suppressed"], 2);
    assert_eq!(report["summary"]["warning"], 2, "PAIR-004 stays");

    // Without a subject the suppression covers every subject.
    let (code, report) = json(&["--suppress", "PAIR-001=accepted"]);
    assert_eq!(code, 0);
    assert_eq!(report["summary"]["suppressed"], 2);

    // A suppression for another subject changes nothing.
    let (code, report) = json(&["--suppress", "PAIR-001@pool-chi.contoso.com=elsewhere"]);
    assert_eq!(code, 1);
    assert_eq!(report["summary"]["suppressed"], 0);

    // Text output shows the reason.
    let text = run_with_stdin(
        &[
            "check",
            "-",
            "--suppress",
            "PAIR-001@pool-ams.contoso.com=migration to Enterprise pending",
        ],
        Some(doc.clone()),
    );
    assert_eq!(text.code, 1);
    insta::assert_snapshot!("suppressed.text", text.stdout);
}

#[test]
fn suppress_changes_exit_code() {
    let path = example_path("broken-witness-version.json");
    assert_eq!(run(&["check", &path]).code, 1);
    let (run, report) = report_of(&[
        "check",
        &path,
        "--format",
        "json",
        "--suppress",
        "BE-006@mirror-fra=witness upgrade scheduled",
    ]);
    assert_eq!(run.code, 0);
    assert_eq!(report["summary"]["error"], 0);
    assert_eq!(report["summary"]["suppressed"], 1);
    assert_eq!(
        report["diagnostics"][0]["suppressed"],
        "witness upgrade scheduled"
    );
}

#[test]
fn suppress_needs_a_reason() {
    let path = example_path("broken-witness-version.json");
    let run = run(&["check", &path, "--suppress", "BE-006@mirror-fra="]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("reason"), "{}", run.stderr);
}

#[test]
fn several_files_in_json() {
    let a = example_path("clean-lync2013-cluster.json");
    let b = example_path("broken-witness-version.json");
    let run = run(&["check", &a, &b, "--format", "json"]);
    assert_eq!(run.code, 1, "one file fails");
    assert_eq!(run.stderr, "");
    let json = parse(&run.stdout);
    assert_eq!(keys(&json), ["files", "format"].into_iter().collect());
    assert_eq!(json["format"], 1);
    let files = json["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    for (entry, path) in files.iter().zip([&a, &b]) {
        assert_eq!(keys(entry), ["file", "report"].into_iter().collect());
        assert_eq!(entry["file"], path.as_str());
        assert_report_format(&entry["report"]);
        // Each report is the one `check` gives for the file alone.
        let (_, alone) = report_of(&["check", path, "--format", "json"]);
        assert_eq!(entry["report"], alone);
    }
    assert_eq!(files[0]["report"]["summary"]["error"], 0);
    assert_eq!(files[1]["report"]["summary"]["error"], 1);

    // Both clean: exit 0.
    let c = example_path("clean-standard-edition-pair.json");
    assert_eq!(common::run(&["check", &a, &c, "--format", "json"]).code, 0);
}

#[test]
fn several_files_in_text() {
    let a = example_path("clean-lync2013-cluster.json");
    let b = example_path("broken-witness-version.json");
    let run = run(&["check", &a, &b]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("several.text", run.stdout);
}

#[test]
fn stdin() {
    let path = example_path("broken-two-server-2019.json");
    let bytes = std::fs::read(workspace().join(&path)).expect("read");
    let (from_file, report) = report_of(&["check", &path, "--format", "json"]);
    let from_stdin = run_with_stdin(&["check", "-", "--format", "json"], Some(bytes.clone()));
    assert_eq!(from_stdin.code, from_file.code);
    assert_eq!(parse(&from_stdin.stdout), report);
    assert_eq!(from_stdin.stdout, from_file.stdout);

    let text = run_with_stdin(&["check", "-"], Some(bytes));
    assert_eq!(text.code, 1);
    assert!(text.stdout.starts_with("-\n"), "{}", text.stdout);

    // `-` mixed with a file.
    let clean = example_path("clean-lync2013-cluster.json");
    let clean_bytes = std::fs::read(workspace().join(&clean)).expect("read");
    let mixed = run_with_stdin(
        &["check", &path, "-", "--format", "json"],
        Some(clean_bytes),
    );
    let json = parse(&mixed.stdout);
    assert_eq!(json["files"][0]["file"], path.as_str());
    assert_eq!(json["files"][1]["file"], "-");
    assert_eq!(json["files"][1]["report"]["summary"]["error"], 0);
    assert_eq!(mixed.code, 1);
}

#[test]
fn rules_json() {
    let run = run(&["rules", "--format", "json"]);
    assert_eq!(run.code, 0);
    let rules = parse(&run.stdout);
    let rules = rules.as_array().expect("an array of rules");
    assert!(rules.len() > 100, "the catalog has well over 100 rules");
    let mut ids = BTreeSet::new();
    for rule in rules {
        for key in ["id", "name", "title", "family", "severity"] {
            assert!(
                rule[key].as_str().is_some_and(|v| !v.is_empty()),
                "rule without `{key}`: {rule}"
            );
        }
        let id = rule["id"].as_str().expect("id");
        assert!(ids.insert(id.to_owned()), "duplicate rule {id}");
        let family = rule["family"].as_str().expect("family");
        assert!(
            id.starts_with(&format!("{family}-")),
            "{id} in family {family}"
        );
        assert!(
            ["error", "warning", "info"].contains(&rule["severity"].as_str().expect("severity"))
        );
        let sources = rule["sources"].as_array().expect("sources");
        for source in sources {
            assert!(source["path"].is_string() && source["url"].is_string());
        }
    }
    for id in [
        "PAIR-001", "FE-003", "BE-006", "OS-005", "CMS-001", "COEX-006",
    ] {
        assert!(ids.contains(id), "{id} missing from `rules`");
    }
}

#[test]
fn rules_text() {
    let json = parse(&run(&["rules", "--format", "json"]).stdout);
    let ids: Vec<&str> = json
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    let run = run(&["rules"]);
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), ids.len(), "one line a rule");
    for (line, id) in lines.iter().zip(&ids) {
        assert!(line.starts_with(&format!("{id} ")), "`{line}` for {id}");
    }
    let pair001 = lines
        .iter()
        .find(|l| l.starts_with("PAIR-001 "))
        .expect("PAIR-001");
    assert!(pair001.contains("error"));
    assert!(pair001.contains("Paired pools must be of the same edition"));
}

#[test]
fn rules_family() {
    let all = parse(&run(&["rules", "--format", "json"]).stdout);
    let pair_ids: Vec<&str> = all
        .as_array()
        .expect("rules")
        .iter()
        .filter(|r| r["family"] == "PAIR")
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert!(!pair_ids.is_empty());

    let run_json = run(&["rules", "--family", "PAIR", "--format", "json"]);
    assert_eq!(run_json.code, 0);
    let only = parse(&run_json.stdout);
    let only_ids: Vec<&str> = only
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| {
            assert_eq!(r["family"], "PAIR");
            r["id"].as_str().expect("id")
        })
        .collect();
    assert_eq!(only_ids, pair_ids);

    let text = run(&["rules", "--family", "pair"]);
    assert_eq!(text.code, 0);
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(lines.len(), pair_ids.len());
    assert!(lines.iter().all(|l| l.starts_with("PAIR-")));

    let unknown = run(&["rules", "--family", "NOPE"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("unknown family"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn explain_rule() {
    let run = run(&["explain", "PAIR-001"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
    assert!(run.stdout.starts_with("PAIR-001  "));
    let mut from = 0;
    for section in ["What it checks", "Why", "Example", "How to fix", "Sources"] {
        let at = run.stdout[from..]
            .find(&format!("\n{section}\n"))
            .unwrap_or_else(|| panic!("no section `{section}` (in order):\n{}", run.stdout));
        from += at + 1;
    }
    assert!(run.stdout.contains("https://learn.microsoft.com/"));

    // Lower case is accepted.
    let lower = self::run(&["explain", "pair-001"]);
    assert_eq!(lower.code, 0);
    assert_eq!(lower.stdout, run.stdout);
}

#[test]
fn explain_alias_shows_target() {
    let run = run(&["explain", "WIT-003"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("reported as BE-006"), "{}", run.stdout);
    assert!(run.stdout.contains("\nBE-006  "), "{}", run.stdout);
}

#[test]
fn explain_unknown_rule() {
    let run = run(&["explain", "pair-999"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("no rule `pair-999`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `PAIR-009`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn schema() {
    let run = run(&["schema"]);
    assert_eq!(run.code, 0);
    let schema = parse(&run.stdout);
    assert_eq!(schema["title"], "hadr-rules topology document, format 1");
    let properties = schema["properties"].as_object().expect("properties");
    for key in [
        "format",
        "name",
        "sites",
        "pools",
        "sql_stores",
        "file_stores",
    ] {
        assert!(properties.contains_key(key), "schema without `{key}`");
    }
    let required: BTreeSet<&str> = schema["required"]
        .as_array()
        .expect("required")
        .iter()
        .map(|v| v.as_str().expect("key"))
        .collect();
    for key in ["format", "sites", "pools"] {
        assert!(required.contains(key), "`{key}` not required");
    }
}
