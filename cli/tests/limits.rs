//! Input limits on the command line: `--max-document-size` and `--max-entities`, and a large
//! file refused without being read.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{parse, run, run_with_stdin};

/// A sparse file of `len` bytes: it takes no disk space and no time to make.
fn sparse(name: &str, len: u64) -> std::path::PathBuf {
    let path =
        std::env::temp_dir().join(format!("hadr-rules-limits-{}-{name}", std::process::id()));
    std::fs::File::create(&path).unwrap().set_len(len).unwrap();
    path
}

#[test]
fn a_one_gibibyte_file_is_refused_without_being_read() {
    let path = sparse("huge.json", 1 << 30);
    let file = path.to_str().unwrap();
    let out = run(&["check", file, "--format", "json"]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.code, 2);
    let errors = parse(&out.stdout);
    let error = &errors["errors"][0];
    assert_eq!(error["kind"], "too_large");
    assert_eq!(error["file"], file);
    assert_eq!(
        error["message"],
        "the document is 1 GiB long, more than the limit of 64 MiB"
    );
}

#[test]
fn standard_input_is_read_no_further_than_the_limit() {
    let out = run_with_stdin(
        &["check", "-", "--max-document-size", "1KiB"],
        Some(vec![b' '; 4096]),
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: -: the document is longer than the limit of 1 KiB (expected at most \
         1 KiB, or a higher limit set with `--max-document-size`, `max_document_bytes` or \
         `hadr_check_json_with_limits`)\n"
    );
}

#[test]
fn the_entity_limit_applies_to_check_simulate_and_import() {
    for command in ["check", "simulate"] {
        let out = run(&[
            command,
            "examples/paired-2019-ag.json",
            "--max-entities",
            "5",
        ]);
        assert_eq!(out.code, 2, "{command}");
        assert!(
            out.stderr
                .contains("more than the limit of 5 (expected at most 5 entities"),
            "{command}: {}",
            out.stderr
        );
    }
    let out = run(&[
        "check",
        "examples/paired-2019-ag.json",
        "--max-entities",
        "1000",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn sizes_take_binary_units() {
    let out = run(&[
        "check",
        "examples/paired-2019-ag.json",
        "--max-document-size",
        "64MB",
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("invalid value '64MB' for '--max-document-size <SIZE>': unknown unit `MB`: use B, KiB, MiB or GiB"),
        "{}",
        out.stderr
    );
    let out = run(&[
        "check",
        "examples/paired-2019-ag.json",
        "--max-document-size",
        "1MiB",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}
