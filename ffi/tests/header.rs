//! The committed header matches the crate: version macros equal `Cargo.toml`'s version, every
//! export is declared, and every declaration has a doc comment.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::ffi::CStr;

fn header() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../include/hadr_rules.h");
    std::fs::read_to_string(path).expect("include/hadr_rules.h")
}

fn define(header: &str, name: &str) -> String {
    let prefix = format!("#define {name} ");
    header
        .lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {name} in the header"))
        .trim()
        .to_owned()
}

#[test]
fn version_macros_match_cargo_toml() {
    let header = header();
    assert_eq!(
        define(&header, "HADR_RULES_VERSION"),
        format!("\"{}\"", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        define(&header, "HADR_RULES_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MAJOR")
    );
    assert_eq!(
        define(&header, "HADR_RULES_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_MINOR")
    );
    assert_eq!(
        define(&header, "HADR_RULES_VERSION_PATCH"),
        env!("CARGO_PKG_VERSION_PATCH")
    );
}

#[test]
fn hadr_version_is_the_crate_version() {
    // SAFETY: `hadr_version` returns a static NUL-terminated string.
    let version = unsafe { CStr::from_ptr(hadr_rules_ffi::hadr_version()) };
    assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn every_export_is_declared_with_a_doc_comment() {
    let header = header();
    let lines: Vec<&str> = header.lines().collect();
    let sources = [
        "engine", "import", "report", "simulate", "status", "strings", "support", "topology",
        "version",
    ];
    let mut exports = 0;
    for module in sources {
        let path = format!("{}/src/{module}.rs", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(path).unwrap();
        let mut source_lines = source.lines();
        while let Some(line) = source_lines.next() {
            if line.trim() != "#[unsafe(no_mangle)]" {
                continue;
            }
            let signature = source_lines.next().unwrap();
            let name = signature
                .split("fn ")
                .nth(1)
                .and_then(|rest| rest.split('(').next())
                .unwrap();
            exports += 1;
            let declared = lines
                .iter()
                .position(|line| {
                    let call = format!("{name}(");
                    !line.trim_start().starts_with('*')
                        && line.split([' ', '*']).any(|word| word.starts_with(&call))
                })
                .unwrap_or_else(|| panic!("{name} is not declared in the header"));
            assert_eq!(
                lines[declared - 1].trim(),
                "*/",
                "{name} has no doc comment in the header"
            );
        }
    }
    assert!(exports >= 30, "only {exports} exports found");
}

/// The helpers that run their body inside `guard`; an export may delegate to one of them.
const GUARDED: &[&str] = &[
    "guard(",
    "boundary(",
    "read_verdict(",
    "tokens_json(",
    "token_count(",
    "token_at(",
    "quorum_of(",
    "checked_json(",
    "parsed_topology(",
    "add_selector(",
];

#[test]
fn every_export_runs_inside_the_panic_boundary() {
    let mut exports = 0;
    for module in [
        "engine", "import", "report", "simulate", "status", "strings", "support", "topology",
        "version",
    ] {
        let path = format!("{}/src/{module}.rs", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(path).unwrap();
        for (index, _) in source.match_indices("#[unsafe(no_mangle)]") {
            let item = &source[index..];
            let end = item.find("\n}\n").unwrap();
            let body = &item[..end];
            let name = body.split("fn ").nth(1).unwrap().split('(').next().unwrap();
            exports += 1;
            assert!(
                GUARDED.iter().any(|helper| body.contains(helper)),
                "{name} does not run inside the panic boundary"
            );
        }
    }
    assert!(exports >= 30, "only {exports} exports found");
    // The delegating helpers themselves call `guard`.
    let support =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/support.rs")).unwrap();
    for helper in [
        "fn read_verdict",
        "fn tokens_json",
        "fn token_count",
        "fn token_at",
        "fn quorum_of",
    ] {
        let item = &support[support.find(helper).unwrap()..];
        let body = &item[..item.find("\n}\n").unwrap()];
        assert!(body.contains("guard(||"), "{helper} does not call guard");
    }
}
