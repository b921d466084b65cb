//! Hostile and oversized input on the command line: unbounded files, failed writes, escape
//! sequences, huge sizes, empty names and file names that are not UTF-8.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::Read;
use std::path::PathBuf;
use std::process::Stdio;

use common::{hadr, parse, run};

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("hadr-rules-hostile-{}-{name}", std::process::id()))
}

/// Runs the binary with standard output going to `/dev/full`.
fn to_dev_full(args: &[&str]) -> (i32, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_hadr-rules"))
        .current_dir(common::workspace())
        .env("NO_COLOR", "1")
        .args(args)
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn a_failed_write_is_an_error_and_exit_2() {
    let full = "error: cannot write the output: No space left on device (os error 28)\n";
    for args in [
        &["check", "examples/paired-2019-ag.json"][..],
        &["check", "examples/paired-2019-ag.json", "--format", "json"],
        &["import", "tests/xml/director.xml"],
        &["generate", "--pools", "10"],
        &["simulate", "examples/paired-2019-ag.json"],
        &["rules"],
        &["explain", "PAIR-001"],
        &["schema"],
    ] {
        let (code, stderr) = to_dev_full(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.ends_with(full), "{args:?}: {stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hadr-rules"))
        .args(["generate", "--pools", "20000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0u8; 16];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(&start, b"{\n  \"format\": 1,");
    assert_eq!(status.code(), Some(2));
    assert_eq!(stderr, "");
}

#[test]
fn generate_refuses_sizes_past_its_maximum() {
    for pools in ["1000001", "10000000", "18446744073709551615"] {
        let out = run(&["generate", "--pools", pools]);
        assert_eq!(out.code, 2);
        assert_eq!(out.stdout, "");
        assert_eq!(
            out.stderr,
            format!("error: `--pools {pools}` is more than the maximum of 1000000\n")
        );
    }
}

#[test]
fn dev_zero_and_a_fifo_are_read_no_further_than_the_limit() {
    let out = run(&["check", "/dev/zero", "--max-document-size", "1KiB"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(
            "error: /dev/zero: the document is longer than the limit of 1 KiB (expected at most 1 KiB"
        ),
        "{}",
        out.stderr
    );
    let out = run(&[
        "check",
        "examples/paired-2019-ag.json",
        "--facts",
        "/dev/zero",
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: /dev/zero: the facts file is longer than the limit of 64 MiB"),
        "{}",
        out.stderr
    );

    let fifo = temp("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut pipe = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            for _ in 0..1_000 {
                if pipe.write_all(&[b' '; 4096]).is_err() {
                    break;
                }
            }
        })
    };
    let out = run(&[
        "import",
        fifo.to_str().unwrap(),
        "--max-document-size",
        "2KiB",
    ]);
    writer.join().unwrap();
    std::fs::remove_file(&fifo).unwrap();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains(": the document is longer than the limit of 2 KiB"),
        "{}",
        out.stderr
    );
}

#[test]
fn facts_are_held_to_the_document_size_limit() {
    let out = run(&[
        "check",
        "tests/xml/director.xml",
        "--facts",
        "tests/xml/facts/director.json",
        "--max-document-size",
        "100",
    ]);
    assert_eq!(out.code, 2);
    let len = std::fs::metadata(common::workspace().join("tests/xml/facts/director.json"))
        .unwrap()
        .len();
    assert!(
        out.stderr.starts_with(&format!(
            "error: tests/xml/facts/director.json: the facts file is {len} bytes long, more than the limit of 100 bytes"
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn a_limit_of_zero_takes_the_default() {
    let out = run(&[
        "check",
        "examples/paired-2019-ag.json",
        "--max-document-size",
        "0",
        "--max-entities",
        "0",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        run(&["check", "examples/paired-2019-ag.json"]).stdout
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_read() {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let mut name = temp("bad").into_os_string().into_vec();
    name.extend_from_slice(b"\xff.json");
    let path = PathBuf::from(std::ffi::OsStr::from_bytes(&name));
    std::fs::copy(
        common::workspace().join("examples/paired-2019-ag.json"),
        &path,
    )
    .unwrap();
    let output = hadr()
        .arg("check")
        .arg(&path)
        .args(["--format", "json", "--ignore", "LIFE"])
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(output.status.code(), Some(0));
    let expected = run(&["check", "examples/paired-2019-ag.json", "--format", "json"]);
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected.stdout);
}

#[test]
fn escape_sequences_from_the_document_are_printed_escaped() {
    let path = temp("escapes.json");
    std::fs::write(
        &path,
        r#"{"format": 1, "sites": [{"id": "s"}], "pools": [{"fqdn": "p\u001b]0;owned\u0007.contoso.com",
        "site": "s", "kind": "front_end", "edition": "standard", "product": "sfb2019",
        "servers": [{"fqdn": "p\u001b]0;owned\u0007.contoso.com"}]}]}"#,
    )
    .unwrap();
    let out = run(&["check", path.to_str().unwrap(), "--show-not-evaluated"]);
    let simulated = run(&["simulate", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert!(!out.stdout.contains('\u{1b}') && !out.stdout.contains('\u{7}'));
    assert!(
        out.stdout
            .contains("  p\\u{1b}]0;owned\\u{7}.contoso.com\n    not eval   NET-001  NET-001 not evaluated for p\\u{1b}]0;owned\\u{7}.contoso.com: missing"),
        "{}",
        out.stdout
    );
    assert!(!simulated.stdout.contains('\u{1b}') && !simulated.stdout.contains('\u{7}'));
    assert!(
        simulated
            .stdout
            .contains("p\\u{1b}]0;owned\\u{7}.contoso.com"),
        "{}",
        simulated.stdout
    );
}

#[test]
fn an_empty_failure_name_is_refused() {
    for fail in ["", " ", "a,,b", "chicago, "] {
        let out = run(&["simulate", "examples/paired-2019-ag.json", "--fail", fail]);
        assert_eq!(out.code, 2, "{fail:?}");
        assert_eq!(out.stdout, "");
        assert_eq!(
            out.stderr,
            format!(
                "error: `--fail {fail}` holds an empty name (expected names separated by commas)\n"
            )
        );
    }
}

#[test]
fn import_out_names_a_write_error() {
    let dir = std::env::temp_dir();
    let out = run(&[
        "import",
        "tests/xml/director.xml",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.ends_with(&format!(
            "error: {}: cannot write the file: it is a directory (expected a path where a file can be written)\n",
            dir.display()
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn xml_with_too_many_attributes_is_refused_at_once() {
    let path = temp("attributes.xml");
    let attributes: Vec<String> = (0..160_000).map(|i| format!("a{i}=\"v\"")).collect();
    std::fs::write(
        &path,
        format!(
            "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\" {}/>",
            attributes.join(" ")
        ),
    )
    .unwrap();
    let out = run(&["import", path.to_str().unwrap()]);
    let checked = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .ends_with(":1:1: an element has more than 64 attributes (expected at most 64 attributes on an element)\n"),
        "{}",
        out.stderr
    );
    assert_eq!(checked.code, 2);
    let error = &parse(&checked.stdout)["errors"][0];
    assert_eq!(error["kind"], "too_large");
    assert_eq!(error["message"], "an element has more than 64 attributes");
}
