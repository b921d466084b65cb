//! What every command-line test needs: the `hadr-rules` binary run in the workspace root
//! without colours, so that output is the same bytes on every machine.

#![allow(dead_code, reason = "each test file uses part of this module")]
#![allow(clippy::expect_used, clippy::panic)]

// The core's tests find the samples the same way.
#[path = "../../../core/tests/samples/mod.rs"]
pub mod samples;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The workspace root, where the tests run the binary.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the cli crate sits in the workspace")
        .to_path_buf()
}

/// The binary, run in the workspace root without colours.
pub fn hadr() -> Command {
    let mut command = Command::cargo_bin("hadr-rules").expect("the hadr-rules binary is built");
    command
        .current_dir(workspace())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    command
}

/// What one run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary with these arguments.
pub fn run(args: &[&str]) -> Run {
    run_with_stdin(args, None)
}

/// The check date of every `check` a test runs without its own `--as-of`.
pub const AS_OF: &str = "2026-11-26";

/// Runs the binary with these arguments and standard input. A `check` without `--as-of` runs on
/// [`AS_OF`] without the lifecycle family: the tests of the other families stay about them, and
/// no output depends on the day the tests run.
pub fn run_with_stdin(args: &[&str], stdin: Option<Vec<u8>>) -> Run {
    let mut command = hadr();
    command.args(args);
    if args.first() == Some(&"check") && !args.iter().any(|arg| arg.starts_with("--as-of")) {
        command.args(["--as-of", AS_OF, "--ignore", "LIFE"]);
    }
    if let Some(stdin) = stdin {
        command.write_stdin(stdin);
    }
    let output = command.output().expect("hadr-rules runs");
    Run {
        code: output.status.code().expect("hadr-rules exits normally"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// JSON the binary printed.
pub fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|error| panic!("not JSON ({error}):\n{json}"))
}
