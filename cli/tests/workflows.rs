//! The settings and outputs of pipelines: the configuration file, baselines, the facts
//! template, colours and the progress bar.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::{AS_OF, hadr, parse, workspace};

/// A fresh folder for one test, under the target's temporary directory.
fn folder(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("workflows-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    dir
}

/// Runs the binary in `dir` with exactly these arguments (no date or family added).
fn run_in(dir: &Path, args: &[&str]) -> common::Run {
    let output = hadr().current_dir(dir).args(args).output().unwrap();
    common::Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn example(name: &str) -> String {
    workspace()
        .join("examples")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// `(rule, subject, severity, suppressed)` of a JSON report.
fn findings(json: &str) -> Vec<(String, String, String, bool)> {
    parse(json)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["subject"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
                d.get("suppressed").is_some(),
            )
        })
        .collect()
}

fn rules(json: &str) -> Vec<String> {
    findings(json).into_iter().map(|f| f.0).collect()
}

// The configuration file.

#[test]
fn the_configuration_file_is_found_in_a_parent_and_the_command_line_wins() {
    let dir = folder("found");
    std::fs::write(
        dir.join("hadr-rules.toml"),
        format!("select = [\"PAIR-004\"]\nfail_level = \"warning\"\nas_of = {AS_OF}\n"),
    )
    .unwrap();
    let file = example("broken-pairing.json");
    let sub = dir.join("sub");
    let from_file = run_in(&sub, &["check", &file, "--format", "json"]);
    assert_eq!(rules(&from_file.stdout), ["PAIR-004", "PAIR-004"]);
    assert_eq!(from_file.code, 1, "two warnings at fail level warning");

    let level = run_in(
        &sub,
        &["check", &file, "--format", "json", "--fail-level", "error"],
    );
    assert_eq!(level.code, 0, "the command line's fail level wins");

    let select = run_in(
        &sub,
        &["check", &file, "--format", "json", "--select", "CMS-002"],
    );
    assert_eq!(
        rules(&select.stdout),
        ["CMS-002"],
        "--select replaces the file's"
    );

    let none = run_in(&sub, &["check", &file, "--format", "json", "--no-config"]);
    assert!(rules(&none.stdout).contains(&"PAIR-001".to_owned()));
    assert!(rules(&none.stdout).contains(&"LIFE-001".to_owned()));
}

#[test]
fn severities_and_suppressions_of_the_file_come_before_the_command_line() {
    let dir = folder("severity");
    let config = dir.join("hadr-rules.toml");
    std::fs::write(
        &config,
        "select = [\"PAIR-004\", \"CMS\"]\n\
         [severity]\n\"PAIR-004\" = \"error\"\n\
         [[suppress]]\nrule = \"CMS\"\nreason = \"the standby is known\"\n",
    )
    .unwrap();
    let file = example("broken-pairing.json");
    let config = config.to_str().unwrap();
    let args = ["check", &file, "--config", config, "--format", "json"];
    let run = run_in(&workspace(), &[&args[..], &["--as-of", AS_OF]].concat());
    assert_eq!(
        findings(&run.stdout),
        [
            (
                "PAIR-004".into(),
                "pool-ams.contoso.com".into(),
                "error".into(),
                false
            ),
            (
                "PAIR-004".into(),
                "se-par.contoso.com".into(),
                "error".into(),
                false
            ),
            (
                "CMS-002".into(),
                "pool-ams.contoso.com".into(),
                "info".into(),
                true
            ),
        ]
    );
    let cli = run_in(
        &workspace(),
        &[
            &args[..],
            &["--as-of", AS_OF, "--severity", "PAIR-004=info"],
        ]
        .concat(),
    );
    let severities: Vec<String> = findings(&cli.stdout).into_iter().map(|f| f.2).collect();
    assert_eq!(severities, ["info", "info", "info"]);
}

#[test]
fn an_expired_suppression_is_reported_and_no_longer_applies() {
    let dir = folder("expired");
    std::fs::write(
        dir.join("hadr-rules.toml"),
        "select = [\"PAIR-004\"]\n\n\
         [[suppress]]\nrule = \"PAIR-004\"\nsubject = \"se-par.contoso.com\"\n\
         reason = \"until the move\"\nexpires = 2026-06-30\n",
    )
    .unwrap();
    let file = example("broken-pairing.json");
    let before = run_in(
        &dir,
        &["check", &file, "--format", "json", "--as-of", "2026-06-30"],
    );
    assert_eq!(before.stderr, "");
    let suppressed: Vec<bool> = findings(&before.stdout).into_iter().map(|f| f.3).collect();
    assert_eq!(suppressed, [false, true], "pool-ams, then se-par");

    let after = run_in(
        &dir,
        &["check", &file, "--format", "json", "--as-of", "2026-07-01"],
    );
    let suppressed: Vec<bool> = findings(&after.stdout).into_iter().map(|f| f.3).collect();
    assert_eq!(suppressed, [false, false]);
    assert_eq!(
        after.stderr,
        "warning: hadr-rules.toml:3: the suppression of PAIR-004@se-par.contoso.com (\"until the move\") expired after 2026-06-30: its findings count again\n"
    );
}

#[test]
fn the_facts_file_of_the_configuration_is_found_beside_it() {
    let dir = folder("facts");
    std::fs::write(
        dir.join("facts.json"),
        r#"{"format": 1, "defaults": {"server": {"os": "ws2022"}}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("hadr-rules.toml"),
        format!("facts = \"facts.json\"\nselect = [\"OS-001\"]\nas_of = \"{AS_OF}\"\n"),
    )
    .unwrap();
    let xml = workspace().join("tests/xml/mirroring-witness.xml");
    let run = run_in(
        &dir.join("sub"),
        &["check", xml.to_str().unwrap(), "--format", "json"],
    );
    let report = parse(&run.stdout);
    assert!(report.get("target_product").is_none());
    let os: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "OS-001")
        .collect();
    assert!(!os.is_empty());
    assert!(
        os.iter().all(|d| d.get("not_evaluated").is_none()),
        "{os:?}"
    );

    std::fs::write(dir.join("other.toml"), "target_product = \"sfbse\"\n").unwrap();
    let other = dir.join("other.toml");
    let args = [
        "check",
        xml.to_str().unwrap(),
        "--format",
        "json",
        "--as-of",
        AS_OF,
    ];
    let moved = run_in(
        &dir,
        &[&args[..], &["--config", other.to_str().unwrap()]].concat(),
    );
    assert_eq!(parse(&moved.stdout)["target_product"], "sfbse");
}

#[test]
fn a_bad_configuration_file_names_the_line_and_what_was_expected() {
    let dir = folder("bad");
    let cases = [
        (
            "selct = [\"PAIR\"]\n",
            "1:1: unknown key `selct`: did you mean `select`? (expected one of `select`, `ignore`, `severity`, `suppress`, `fail_level`, `fail_on_not_evaluated`, `allow_basic_ag_on_standard`, `facts`, `baseline`, `as_of`, `approaching_months`, `target_product`, `max_document_size`, `max_entities`)",
        ),
        (
            "[[suppress]]\nrule = \"PAIR-099\"\nreason = \"\"\n",
            "2:8: unknown rule or family `PAIR-099`; did you mean `PAIR-009`? (expected a rule ID such as `PAIR-009` or a family such as `PAIR`)\nerror: hadr-rules.toml:3:10: a suppression needs a reason (expected why it is accepted)",
        ),
        (
            "[[suppress]]\nrule = \"PAIR\"\nreason = \"r\"\nuntil = 2027-01-01\n",
            "4:1: unknown key `until` (expected one of `rule`, `subject`, `reason`, `expires`)",
        ),
        (
            "ignore = [\"LIFE\"]\nfail_level = \"fatal\"\n",
            "2:14: unknown level `fatal` (expected `error`, `warning` or `info`)",
        ),
        (
            "fail_on_not_evaluated = \"yes\"\n",
            "1:25: invalid type: string \"yes\" (expected a boolean)",
        ),
        ("select = [\"PAIR\"\n", "1:17: unclosed array"),
    ];
    for (text, message) in cases {
        std::fs::write(dir.join("hadr-rules.toml"), text).unwrap();
        let run = run_in(&dir, &["check", &example("broken-pairing.json")]);
        assert_eq!(run.code, 2, "{text}");
        assert_eq!(run.stdout, "");
        let first = run.stderr.lines().next().unwrap_or_default();
        assert!(
            run.stderr
                .starts_with(&format!("error: hadr-rules.toml:{message}"))
                || first.starts_with(&format!("error: hadr-rules.toml:{message}")),
            "{text}:\n{}",
            run.stderr
        );
    }
    let missing = run_in(&dir, &["check", "--config", "nowhere.toml", "x.json"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .starts_with("error: nowhere.toml: cannot read"),
        "{}",
        missing.stderr
    );
}

#[test]
fn the_limits_of_the_configuration_file_apply() {
    let dir = folder("limits");
    std::fs::write(
        dir.join("hadr-rules.toml"),
        "max_document_size = \"1KiB\"\n",
    )
    .unwrap();
    let run = run_in(
        &dir,
        &["check", &example("broken-pairing.json"), "--as-of", AS_OF],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("more than the limit of 1 KiB"),
        "{}",
        run.stderr
    );
    let cli = run_in(
        &dir,
        &[
            "check",
            &example("broken-pairing.json"),
            "--as-of",
            AS_OF,
            "--max-document-size",
            "1MiB",
        ],
    );
    assert_eq!(cli.code, 1, "{}", cli.stderr);
}

// Baselines.

/// broken-pairing.json as a value, to edit.
fn pairing() -> Value {
    parse(&std::fs::read_to_string(example("broken-pairing.json")).unwrap())
}

fn write_json(path: &Path, value: &Value) -> String {
    std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn a_baseline_hides_known_findings_through_reordering_and_unrelated_edits() {
    let dir = folder("baseline");
    let file = example("broken-pairing.json");
    let write = run_in(
        &dir,
        &[
            "check",
            &file,
            "--as-of",
            AS_OF,
            "--write-baseline",
            "base.json",
        ],
    );
    assert_eq!((write.code, write.stdout.as_str()), (0, ""));
    assert_eq!(
        write.stderr,
        "wrote 18 finding(s) to the baseline base.json\n"
    );
    let baseline = parse(&std::fs::read_to_string(dir.join("base.json")).unwrap());
    assert_eq!(baseline["format"], 1);
    assert_eq!(baseline["findings"][0]["rule"], "CMS-002");
    assert_eq!(baseline["findings"][0]["subject"], "pool-ams.contoso.com");
    assert_eq!(
        baseline["findings"][0]["fingerprint"]
            .as_str()
            .unwrap()
            .len(),
        16
    );

    let same = run_in(
        &dir,
        &[
            "check",
            &file,
            "--as-of",
            AS_OF,
            "--baseline",
            "base.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(same.code, 0);
    assert_eq!(rules(&same.stdout), Vec::<String>::new());
    assert_eq!(parse(&same.stdout)["summary"]["error"], 0);
    assert_eq!(
        same.stderr,
        "baseline base.json: 18 known finding(s) hidden, 0 baseline entries no longer match\n"
    );

    // Pools, sites, servers and replicas in another order; a new, clean site; another name.
    let mut edited = pairing();
    for list in ["pools", "sites", "sql_stores"] {
        edited[list].as_array_mut().unwrap().reverse();
    }
    for pool in edited["pools"].as_array_mut().unwrap() {
        pool["servers"].as_array_mut().unwrap().reverse();
    }
    edited["name"] = "renamed".into();
    edited["sites"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "lisbon", "region": "emea", "kind": "branch"}));
    let edited = write_json(&dir.join("edited.json"), &edited);
    let moved = run_in(
        &dir,
        &[
            "check",
            &edited,
            "--as-of",
            AS_OF,
            "--baseline",
            "base.json",
        ],
    );
    assert_eq!(moved.code, 0, "{}", moved.stdout);
    assert_eq!(
        moved.stderr,
        "baseline base.json: 18 known finding(s) hidden, 0 baseline entries no longer match\n"
    );
}

#[test]
fn a_baseline_reports_new_findings_and_the_entries_that_no_longer_match() {
    let dir = folder("baseline-new");
    let file = example("broken-pairing.json");
    run_in(
        &dir,
        &[
            "check",
            &file,
            "--as-of",
            AS_OF,
            "--ignore",
            "LIFE",
            "--write-baseline",
            "base.json",
        ],
    );
    // The Standard Edition partner gets the same OS: PAIR-003 goes. The pool homes more users
    // than it can: new findings.
    let mut changed = pairing();
    changed["pools"][1]["servers"][0]["os"] = "ws2019".into();
    changed["pools"][0]["users"] = 200_000.into();
    let changed = write_json(&dir.join("changed.json"), &changed);
    let run = run_in(
        &dir,
        &[
            "check",
            &changed,
            "--as-of",
            AS_OF,
            "--ignore",
            "LIFE",
            "--baseline",
            "base.json",
            "--format",
            "json",
        ],
    );
    let now = run_in(
        &dir,
        &[
            "check", &changed, "--as-of", AS_OF, "--ignore", "LIFE", "--format", "json",
        ],
    );
    let before = run_in(
        &dir,
        &[
            "check", &file, "--as-of", AS_OF, "--ignore", "LIFE", "--format", "json",
        ],
    );
    let (now, before) = (findings(&now.stdout), findings(&before.stdout));
    let new: Vec<_> = now
        .iter()
        .filter(|f| !before.contains(f))
        .cloned()
        .collect();
    let gone: Vec<_> = before
        .iter()
        .filter(|f| !now.contains(f))
        .cloned()
        .collect();
    let ids = |list: &[(String, String, String, bool)]| -> Vec<String> {
        list.iter().map(|f| format!("{} {}", f.0, f.1)).collect()
    };
    assert_eq!(
        ids(&gone),
        [
            "PAIR-003 pool-ams.contoso.com",
            "PAIR-003 se-par.contoso.com"
        ]
    );
    assert_eq!(
        ids(&new),
        [
            "FE-009 pool-ams.contoso.com",
            "PAIR-010 pool-ams.contoso.com",
            "PAIR-010 se-par.contoso.com"
        ]
    );
    assert_eq!(findings(&run.stdout), new, "only the new findings");
    let header = run.stderr.lines().next().unwrap();
    assert_eq!(
        header,
        format!(
            "baseline base.json: {} known finding(s) hidden, {} baseline entr{} no longer match:",
            before.len() - gone.len(),
            gone.len(),
            if gone.len() == 1 { "y" } else { "ies" }
        )
    );
    for (rule, subject, _, _) in &gone {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with(&format!("  {rule} {subject}  "))),
            "{rule} {subject} in:\n{}",
            run.stderr
        );
    }
}

#[test]
fn a_bad_baseline_is_an_error_with_its_path() {
    let dir = folder("baseline-bad");
    std::fs::write(
        dir.join("base.json"),
        r#"{"format": 1, "findings": [{"rule": "PAIR-001"}]}"#,
    )
    .unwrap();
    let run = run_in(
        &dir,
        &[
            "check",
            &example("broken-pairing.json"),
            "--baseline",
            "base.json",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: base.json:1:47: at `/findings/0`: missing key `subject`"),
        "{}",
        run.stderr
    );
    let both = run_in(
        &dir,
        &[
            "check",
            "x.json",
            "--baseline",
            "a",
            "--write-baseline",
            "b",
        ],
    );
    assert_eq!(both.code, 2);
    assert!(
        both.stderr.contains("cannot be used with"),
        "{}",
        both.stderr
    );
}

// The facts template.

#[test]
fn the_facts_template_lists_the_missing_facts_most_rules_first() {
    // The families of this file's time, so that rules added later leave the snapshot alone.
    let dir = folder("template-snapshot");
    std::fs::write(
        dir.join("hadr-rules.toml"),
        "select = [\"OS\", \"SQL\", \"BE\", \"FE\", \"LIFE\"]\n",
    )
    .unwrap();
    let config = dir.join("hadr-rules.toml");
    let args = ["facts", "tests/xml/mirroring-witness.xml", "--config"];
    let run = run_in(
        &workspace(),
        &[&args[..], &[config.to_str().unwrap()]].concat(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn the_facts_template_names_every_rule_that_lacks_a_fact() {
    let xml = "tests/xml/mirroring-witness.xml";
    let template = run_in(&workspace(), &["facts", xml, "--no-config"]).stdout;
    let check = run_in(
        &workspace(),
        &["check", xml, "--no-config", "--format", "json"],
    );
    let lacking: Vec<String> = parse(&check.stdout)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d.get("not_evaluated").is_some())
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect();
    assert!(lacking.len() > 10);
    for rule in lacking {
        assert!(template.contains(rule.as_str()), "{rule} in:\n{template}");
    }
}

#[test]
fn the_facts_template_is_a_facts_file_and_shrinks_as_it_is_filled() {
    let dir = folder("template");
    let xml = workspace().join("tests/xml/mirroring-witness.xml");
    let xml = xml.to_str().unwrap();
    let out = run_in(&dir, &["facts", xml, "--out", "facts.jsonc"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    let template = std::fs::read_to_string(dir.join("facts.jsonc")).unwrap();
    // As it stands it reads, and changes nothing.
    let plain = run_in(&dir, &["check", xml, "--as-of", AS_OF, "--format", "json"]);
    let with = run_in(
        &dir,
        &[
            "check",
            xml,
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--facts",
            "facts.jsonc",
        ],
    );
    assert_eq!(with.code, plain.code, "{}", with.stderr);
    assert_eq!(with.stdout, plain.stdout);
    // Filled in, its facts are no longer missing.
    let filled = template
        .replace("\"version\": null", "\"version\": \"2019\"")
        .replace("\"os\": null", "\"os\": \"ws2019\"");
    std::fs::write(dir.join("facts.jsonc"), filled).unwrap();
    let again = run_in(&dir, &["facts", xml, "--facts", "facts.jsonc"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(!again.stdout.contains("\"os\""));
    assert!(!again.stdout.contains("\"version\""));
    assert!(again.stdout.contains("\"edition\": null"));
    assert!(again.stdout.contains("\"domain\": null"));
}

#[test]
fn the_facts_template_places_store_gateway_and_witness_facts_in_their_sections() {
    let template = |xml: &str| {
        let run = run_in(&workspace(), &["facts", xml, "--no-config"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let plain: String = run
            .stdout
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        (run.stdout, parse(&plain))
    };
    let (text, facts) = template("tests/xml/always-on-edge.xml");
    assert_eq!(
        facts["file_stores"]["pool-osl.contoso.com\\share"]["storage"],
        Value::Null
    );
    assert!(
        facts["file_stores"]["pool-osl.contoso.com\\share"]
            .as_object()
            .unwrap()
            .contains_key("storage")
    );
    // An availability group's witness sits beside the store's other keys, as facts-format.md says.
    assert!(
        facts["sql_stores"]["sqlag-osl.contoso.com"]
            .as_object()
            .unwrap()
            .contains_key("quorum_witness"),
        "{text}"
    );
    assert!(text.contains("// Where: on a cluster node: Get-ClusterQuorum."));
    assert!(!text.contains("Not in the facts file"), "{text}");
    let (text, facts) = template("tests/xml/voice.xml");
    assert!(
        facts["pstn_gateways"]["gw-dal.contoso.com"]
            .as_object()
            .unwrap()
            .contains_key("sip_trunk"),
        "{text}"
    );
    assert!(text.contains("a telephony provider's SBC is a SIP trunk"));
}

#[test]
fn the_facts_template_is_for_topology_xml() {
    let run = run_in(&workspace(), &["facts", "examples/paired-2019-ag.json"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: examples/paired-2019-ag.json: a format-1 JSON document states its facts itself (expected topology XML, a .tbxml file or an Export-CsConfiguration zip)\n"
    );
}

// Colours and progress.

fn coloured(args: &[&str], env: &[(&str, &str)]) -> bool {
    let mut command = hadr();
    command.args(args).env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().unwrap();
    String::from_utf8(output.stdout).unwrap().contains('\u{1b}')
}

#[test]
fn colour_follows_color_and_no_color() {
    let check = ["check", "examples/broken-pairing.json", "--as-of", AS_OF];
    assert!(coloured(
        &[&check[..], &["--color", "always"]].concat(),
        &[]
    ));
    assert!(coloured(
        &[&check[..], &["--color", "always"]].concat(),
        &[("NO_COLOR", "1")]
    ));
    assert!(!coloured(
        &[&check[..], &["--color", "never"]].concat(),
        &[("CLICOLOR_FORCE", "1")]
    ));
    assert!(!coloured(&check, &[]), "auto: not a terminal");
    assert!(coloured(&check, &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(
        &check,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
    assert!(coloured(&["rules", "--color", "always"], &[]));
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let many: Vec<String> = (0..40).map(|_| example("broken-pairing.json")).collect();
    let mut args = vec!["check", "--as-of", AS_OF, "--format", "json"];
    args.extend(many.iter().map(String::as_str));
    let run = run_in(&workspace(), &args);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    let simulate = run_in(
        &workspace(),
        &["simulate", "examples/paired-2019-ag.json", "--all-single"],
    );
    assert_eq!(simulate.code, 0);
    assert_eq!(simulate.stderr, "");
}

#[test]
fn a_progress_bar_on_a_terminal_for_a_long_run() {
    // `script` gives the run a terminal; standard output goes to a file, standard error stays.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` command to give the run a terminal");
        return;
    }
    let dir = folder("progress");
    let big = hadr()
        .args(["generate", "--pools", "800"])
        .output()
        .unwrap();
    std::fs::write(dir.join("big.json"), big.stdout).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("hadr-rules");
    let command = format!(
        "{} simulate big.json --all-single > out.txt",
        binary.display()
    );
    let output = std::process::Command::new("script")
        .current_dir(&dir)
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let terminal = String::from_utf8_lossy(&output.stdout);
    assert!(terminal.contains(" scenarios "), "{terminal}");
    assert!(terminal.contains('█'), "{terminal}");
    let out = std::fs::read_to_string(dir.join("out.txt")).unwrap();
    assert!(out.contains("Single points of failure"));
    assert!(!out.contains('█'));
}
