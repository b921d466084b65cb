//! Where the public topology samples are: `$HADR_RULES_SAMPLES`, else
//! `../shared/samples/topology-xml` beside the repository. They are not part of the repository:
//! on a plain clone the tests that read them say they are skipped and pass; where the samples
//! must be there (`HADR_RULES_SAMPLES` set, or `CI=true`), their absence fails the test.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Once;

/// The samples' folder, or `None` after a `skipped` line on standard error (once per test
/// binary) that names the test and the missing folder. Written to the process's standard error
/// directly, so that the test harness, which captures `eprintln!`, still shows it.
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
    // One line for the whole test binary, written at once: the harness's own lines, which
    // other threads write meanwhile, stay whole.
    static SAID: Once = Once::new();
    SAID.call_once(|| {
        let line = format!(
            "skipped: the tests on the topology samples ({test} and the others of this file): \
             no topology samples at {} (set HADR_RULES_SAMPLES to their folder)\n",
            dir.display()
        );
        let _ = std::io::stderr().write_all(line.as_bytes());
    });
    None
}
