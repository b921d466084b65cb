//! A report read back from its JSON is the same report: equal diagnostics, equal bytes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use hadr_rules::{Diagnostic, Options, Report, Topology, check};

fn documents() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    for dir in std::fs::read_dir(root.join("tests/rules")).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            files.extend(
                std::fs::read_dir(dir)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json")),
            );
        }
    }
    files
}

#[test]
fn every_report_reads_back_to_itself() {
    let options = Options {
        suppress: vec![hadr_rules::Suppression {
            selector: hadr_rules::Selector::parse("PAIR").unwrap(),
            subject: None,
            reason: "known".to_owned(),
        }],
        ..Options::default()
    };
    let mut diagnostics = 0;
    for file in documents() {
        let topology = Topology::from_json(&std::fs::read(&file).unwrap()).unwrap();
        for options in [Options::default(), options.clone()] {
            let report = check(&topology, &options);
            let json = report.to_json();
            let read = Report::from_json(&json).unwrap();
            assert_eq!(read, report, "{}", file.display());
            assert_eq!(read.to_json(), json, "{}", file.display());
            for d in &report.diagnostics {
                let one = serde_json::to_string(d).unwrap();
                assert_eq!(&Diagnostic::from_json(&one).unwrap(), d);
            }
            diagnostics += report.diagnostics.len();
        }
    }
    assert!(diagnostics > 500, "{diagnostics}");
}

#[test]
fn json_of_another_shape_is_refused() {
    for (text, error) in [
        ("[]", "not a report of this build: expected an object"),
        (
            r#"{"format": 2, "ruleset": "2026.1", "diagnostics": []}"#,
            "not a report of this build: `format` is not 1",
        ),
        (
            r#"{"format": 1, "ruleset": "1999.1", "diagnostics": []}"#,
            "not a report of this build: `ruleset` is not `2026.1`",
        ),
    ] {
        assert_eq!(Report::from_json(text).unwrap_err().to_string(), error);
    }
}
