//! Where the public topology samples are: `$HADR_RULES_SAMPLES`, else
//! `../shared/samples/topology-xml` beside the repository. They are not part of the repository:
//! on a plain clone the tests that read them say they are skipped and pass; where the samples
//! must be there (`HADR_RULES_SAMPLES` set, or `CI=true`), their absence fails the test.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The samples' folder, or `None` after a `skipped` line on standard error that names the test
/// and the missing folder. Written to the process's standard error directly, so that the test
/// harness, which captures `eprintln!`, still shows it.
pub fn samples(test: &str) -> Option<PathBuf> {
    let named = std::env::var_os("HADR_RULES_SAMPLES").filter(|v| !v.is_empty());
    let dir = named.clone().map(PathBuf::from).unwrap_or_else(|| {
        let repository = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("the crate sits in the repository");
        repository
            .parent()
            .unwrap_or(repository)
            .join("shared/samples/topology-xml")
    });
    if dir.is_dir() {
        return Some(dir);
    }
    let required = named.is_some() || std::env::var("CI").is_ok_and(|v| v == "true");
    assert!(
        !required,
        "{test}: the topology samples are required here (HADR_RULES_SAMPLES or CI=true) but \
         {} is not a directory",
        dir.display()
    );
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: no topology samples at {} (set HADR_RULES_SAMPLES to their folder)",
        dir.display()
    );
    None
}
