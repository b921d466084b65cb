//! The findings of a topology do not depend on the order of its sites, pools, servers or stores:
//! every example and rule fixture, reversed, gives the same (rule, severity, subject) set.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use hadr_rules::{Options, Topology, check};
use serde_json::Value;

fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for dir in std::fs::read_dir(root.join("tests/rules")).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            files.extend(std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()));
        }
    }
    files.retain(|f| f.extension().is_some_and(|e| e == "json"));
    files.sort();
    files
}

fn findings(document: &Value) -> BTreeSet<(String, String, String, bool)> {
    let topology = Topology::from_json(&serde_json::to_vec(document).unwrap()).unwrap();
    check(&topology, &Options::default())
        .diagnostics
        .into_iter()
        .map(|d| {
            (
                d.rule.to_owned(),
                d.severity.to_string(),
                d.subject,
                d.not_evaluated,
            )
        })
        .collect()
}

fn reverse(value: &mut Value, key: &str) {
    if let Some(items) = value.get_mut(key).and_then(Value::as_array_mut) {
        items.reverse();
    }
}

#[test]
fn reversing_every_list_keeps_the_findings() {
    let files = documents();
    assert!(files.len() > 400, "{} documents", files.len());
    for file in files {
        let original: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        let mut reversed = original.clone();
        for key in ["sites", "pools", "sql_stores", "file_stores"] {
            reverse(&mut reversed, key);
        }
        for pool in reversed["pools"].as_array_mut().unwrap() {
            reverse(pool, "servers");
        }
        for store in reversed
            .get_mut("sql_stores")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            // Availability-group replicas keep their order: the first is the primary.
            reverse(&mut store["ha"], "nodes");
        }
        assert_eq!(
            findings(&original),
            findings(&reversed),
            "{}",
            file.display()
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    for file in documents().into_iter().take(60) {
        let bytes = std::fs::read(&file).unwrap();
        let once = check(&Topology::from_json(&bytes).unwrap(), &Options::default()).to_json();
        let twice = check(&Topology::from_json(&bytes).unwrap(), &Options::default()).to_json();
        assert_eq!(once, twice, "{}", file.display());
    }
}
