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
                d.rule.to_string(),
                d.severity.to_string(),
                d.subject.to_string(),
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

/// Two Enterprise pools whose mirrored back ends share one witness and one principal host,
/// each spelt in other capitals in the second store.
fn shared_hosts_in_two_spellings() -> Value {
    let pool = |n: u32| {
        serde_json::json!({
            "fqdn": format!("pool{n}.contoso.com"), "site": "dallas", "kind": "front_end",
            "edition": "enterprise", "product": "sfb2015",
            "servers": [{ "fqdn": format!("fe{n}.contoso.com") }], "back_end": format!("be{n}")
        })
    };
    let store = |n: u32, principal: &str, witness: &str| {
        serde_json::json!({
            "id": format!("be{n}"), "version": "2016", "edition": "enterprise",
            "ha": {
                "mode": "mirroring",
                "principal": { "fqdn": principal, "instance": "rtc" },
                "mirror": { "fqdn": format!("mirror{n}.contoso.com"), "instance": "rtc" },
                "witness": { "fqdn": witness, "instance": "rtc" }
            }
        })
    };
    serde_json::json!({
        "format": 1,
        "sites": [{ "id": "dallas" }],
        "pools": [pool(1), pool(2)],
        "sql_stores": [
            store(1, "sql.contoso.com", "witness.contoso.com"),
            store(2, "SQL.Contoso.com", "WITNESS.contoso.com")
        ]
    })
}

#[test]
fn a_host_spelt_two_ways_is_named_the_same_whatever_the_order() {
    let original = shared_hosts_in_two_spellings();
    let mut reversed = original.clone();
    reverse(&mut reversed, "sql_stores");
    let found = findings(&original);
    assert_eq!(found, findings(&reversed));
    let subjects: Vec<(&str, &str)> = found
        .iter()
        .filter(|(rule, ..)| rule == "BE-025" || rule == "WIT-002")
        .map(|(rule, _, subject, _)| (rule.as_str(), subject.as_str()))
        .collect();
    assert_eq!(
        subjects,
        [
            ("BE-025", "SQL.Contoso.com"),
            ("WIT-002", "WITNESS.contoso.com")
        ]
    );
}
