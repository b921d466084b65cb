//! Committed files generated from the code: they must not drift. Run with `UPDATE_DOCS=1` to
//! rewrite them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

fn compare_or_update(relative: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{relative} differs from what the code generates; run `UPDATE_DOCS=1 cargo test -p hadr-rules --test generated_docs`"
    );
}

#[test]
fn topology_schema_is_committed() {
    let mut schema = serde_json::to_string_pretty(&hadr_rules::schema()).unwrap();
    schema.push('\n');
    compare_or_update("docs/topology.schema.json", &schema);
}

#[test]
fn rule_reference_is_committed() {
    compare_or_update("docs/rules.md", &hadr_rules::registry::markdown());
}

#[test]
fn lifecycle_table_is_committed() {
    compare_or_update(
        "docs/lifecycle-table.md",
        &hadr_rules::lifecycle::markdown(),
    );
}
