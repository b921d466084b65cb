//! Input that cannot be read as a topology: every file in `tests/bad-input/` makes `check` exit
//! with 2 and print an error that names the file, the JSON path, the line and column where the
//! parser knows them, and what was expected.
//!
//! Commands run in the workspace root with relative paths and without colours, so the stderr
//! snapshots are the same bytes on every machine.

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

use common::{parse, run, run_with_stdin, workspace};

/// Every file of `tests/bad-input/` with the error kind it must give.
const CASES: &[(&str, &str)] = &[
    ("binary.json", "encoding"),
    ("dangling-back-end.json", "dangling_reference"),
    ("duplicate-pool-fqdn.json", "duplicate"),
    ("empty.json", "empty"),
    ("format-2.json", "unsupported_format"),
    ("missing-site.json", "missing_key"),
    ("positional-arrays.json", "invalid_type"),
    ("servers-is-a-string.json", "invalid_type"),
    ("site-is-an-array.json", "invalid_type"),
    ("truncated.json", "syntax"),
    ("unknown-ha-mode.json", "unknown_token"),
    ("unknown-key.json", "unknown_key"),
    ("unknown-product.json", "unknown_token"),
    ("users-past-the-bound.json", "invalid_value"),
    ("utf16-bom.json", "encoding"),
    ("utf32-bom.json", "encoding"),
];

fn kind_of(file: &str) -> &'static str {
    CASES
        .iter()
        .find(|(f, _)| *f == file)
        .map(|(_, kind)| *kind)
        .unwrap_or_else(|| panic!("tests/bad-input/{file} has no entry in CASES"))
}

/// The `{"errors": [...]}` document of `check FILE --format json`.
fn json_errors(path: &str) -> Vec<Value> {
    let run = run(&["check", path, "--format", "json"]);
    assert_eq!(run.code, 2, "{path}");
    let json = parse(&run.stdout);
    let keys: Vec<&String> = json.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["errors"], "{}", run.stdout);
    json["errors"].as_array().expect("errors array").clone()
}

#[test]
fn every_bad_input_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(workspace().join("tests/bad-input"))
        .expect("tests/bad-input/")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let listed: Vec<String> = CASES.iter().map(|(f, _)| (*f).to_owned()).collect();
    assert_eq!(on_disk, listed);
}

#[rstest]
#[case::binary("binary.json")]
#[case::dangling_back_end("dangling-back-end.json")]
#[case::duplicate_pool_fqdn("duplicate-pool-fqdn.json")]
#[case::empty("empty.json")]
#[case::format_2("format-2.json")]
#[case::missing_site("missing-site.json")]
#[case::positional_arrays("positional-arrays.json")]
#[case::servers_is_a_string("servers-is-a-string.json")]
#[case::site_is_an_array("site-is-an-array.json")]
#[case::truncated("truncated.json")]
#[case::unknown_ha_mode("unknown-ha-mode.json")]
#[case::unknown_key("unknown-key.json")]
#[case::unknown_product("unknown-product.json")]
#[case::users_past_the_bound("users-past-the-bound.json")]
#[case::utf16_bom("utf16-bom.json")]
#[case::utf32_bom("utf32-bom.json")]
fn bad_input(#[case] file: &str) {
    let path = format!("tests/bad-input/{file}");
    let text = run(&["check", &path]);
    assert_eq!(text.code, 2, "exit of `check {path}`");
    assert_eq!(text.stdout, "", "nothing on stdout for an unreadable file");
    assert!(
        text.stderr.starts_with(&format!("error: {path}")),
        "the error names the file:\n{}",
        text.stderr
    );
    // What was expected: `(expected …)`, or for a missing key the key itself.
    assert!(
        text.stderr.contains("(expected ") || text.stderr.contains("missing key `"),
        "the error says what was expected:\n{}",
        text.stderr
    );
    insta::assert_snapshot!(file.trim_end_matches(".json"), text.stderr);

    // The same error as JSON: kind, file, path, message, and line/column where known.
    let errors = json_errors(&path);
    assert!(!errors.is_empty());
    for error in &errors {
        assert_eq!(error["kind"], kind_of(file), "{error}");
        assert_eq!(error["file"], path.as_str());
        let pointer = error["path"].as_str().expect("path");
        assert!(pointer.is_empty() || pointer.starts_with('/'), "{pointer}");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert_eq!(error["line"].is_u64(), error["column"].is_u64(), "{error}");
    }
}

/// Where the parser knows the position, the error gives `file:line:column` and the JSON path.
#[rstest]
#[case::truncated("truncated.json", "/pools/0/back_end")]
#[case::servers_is_a_string("servers-is-a-string.json", "/pools/0/servers")]
#[case::unknown_key("unknown-key.json", "/pools/0/backup_pol")]
#[case::unknown_product("unknown-product.json", "/pools/0/product")]
#[case::missing_site("missing-site.json", "/pools/0")]
#[case::site_is_an_array("site-is-an-array.json", "/sites/0")]
#[case::users_past_the_bound("users-past-the-bound.json", "/pools/0/users")]
#[case::unknown_ha_mode("unknown-ha-mode.json", "/sql_stores/0/ha/mode")]
fn position_and_path(#[case] file: &str, #[case] pointer: &str) {
    let path = format!("tests/bad-input/{file}");
    let errors = json_errors(&path);
    let error = errors.first().expect("one error");
    assert_eq!(error["path"], pointer);
    let line = error["line"].as_u64().expect("a line");
    let column = error["column"].as_u64().expect("a column");
    let stderr = run(&["check", &path]).stderr;
    assert!(
        stderr.starts_with(&format!("error: {path}:{line}:{column}: at `{pointer}`: ")),
        "{stderr}"
    );
}

#[test]
fn unknown_token_suggests_the_nearest() {
    let run = run(&["check", "tests/bad-input/unknown-product.json"]);
    assert!(
        run.stderr.contains("did you mean `sfb2019`?"),
        "{}",
        run.stderr
    );
    let run = self::run(&["check", "tests/bad-input/unknown-key.json"]);
    assert!(
        run.stderr.contains("did you mean `backup_pool`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn json_errors_document() {
    let run = run(&[
        "check",
        "tests/bad-input/unknown-product.json",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("unknown-product.errors.json", run.stdout);
    let json = parse(&run.stdout);
    let error = &json["errors"][0];
    for key in ["kind", "path", "message"] {
        assert!(error[key].is_string(), "no `{key}` in {error}");
    }
    let allowed: BTreeSet<&str> = [
        "kind", "file", "path", "line", "column", "message", "expected",
    ]
    .into_iter()
    .collect();
    for key in error.as_object().expect("object").keys() {
        assert!(allowed.contains(key.as_str()), "unknown key `{key}`");
    }
    assert_eq!(error["kind"], "unknown_token");
    assert_eq!(error["path"], "/pools/0/product");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("did you mean `sfb2019`?"))
    );
}

#[test]
fn missing_file() {
    let run = run(&["check", "tests/bad-input/no-such-file.json"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("missing-file", run.stderr);
    let errors = json_errors("tests/bad-input/no-such-file.json");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["kind"], "io");
}

#[test]
fn directory() {
    let run = run(&["check", "tests/bad-input"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("directory", run.stderr);
    let errors = json_errors("tests/bad-input");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["kind"], "io");
}

#[test]
fn bad_stdin() {
    let run = run_with_stdin(
        &["check", "-"],
        Some(b"{\"format\": 1, \"sites\": [".to_vec()),
    );
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("stdin-truncated", run.stderr);
    assert!(run.stderr.starts_with("error: -:"), "{}", run.stderr);

    let empty = self::run_with_stdin(&["check", "-"], Some(b"".to_vec()));
    assert_eq!(empty.code, 2);
    assert!(empty.stderr.contains("empty"), "{}", empty.stderr);
}

/// A bad file among good ones: exit 2, the good file is still reported.
#[test]
fn bad_file_among_good_ones() {
    let good = "examples/clean-lync2013-cluster.json";
    let bad = "tests/bad-input/format-2.json";
    let run = run(&["check", good, bad, "--format", "json"]);
    assert_eq!(run.code, 2);
    let json = parse(&run.stdout);
    assert_eq!(json["format"], 1);
    let files = json["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], good);
    assert_eq!(files[0]["report"]["summary"]["error"], 0);
    assert_eq!(files[1]["file"], bad);
    assert!(files[1].get("report").is_none());
    assert_eq!(files[1]["errors"][0]["kind"], "unsupported_format");
    assert!(
        run.stderr.starts_with(&format!("error: {bad}")),
        "{}",
        run.stderr
    );

    let text = self::run(&["check", good, bad]);
    assert_eq!(text.code, 2);
    assert!(
        text.stdout.starts_with(&format!("{good}\n")),
        "{}",
        text.stdout
    );
    assert!(!text.stdout.contains(bad), "{}", text.stdout);
    assert!(
        text.stderr.starts_with(&format!("error: {bad}")),
        "{}",
        text.stderr
    );
}
