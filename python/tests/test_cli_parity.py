"""`Report.to_json()` is byte for byte what `hadr-rules check --format json` prints."""

from __future__ import annotations

import json
import pathlib
from typing import Any, List

import pytest

import hadr_rules
from conftest import BASE, EXAMPLES, RULE_FIXTURES, relative


@pytest.mark.parametrize("path", [*EXAMPLES, BASE], ids=relative)
def test_to_json_is_the_cli_output(path: pathlib.Path, cli: Any) -> None:
    run = cli("check", "--format", "json", relative(path))
    assert run.returncode in (0, 1), run.stderr
    report = hadr_rules.check(path)
    assert report.to_json().encode("utf-8") == run.stdout
    assert report.ok == (run.returncode == 0)


@pytest.mark.parametrize("level", ["error", "warning", "info"])
def test_fail_level_matches_exit_status(level: str, cli: Any) -> None:
    for path in [*EXAMPLES, BASE]:
        run = cli("check", "--format", "json", "--fail-level", level, relative(path))
        assert hadr_rules.check(path, fail_level=level).ok == (run.returncode == 0), path  # type: ignore[arg-type]


def test_options_match_the_cli(cli: Any) -> None:
    path = [p for p in EXAMPLES if p.name == "broken-two-server-2019.json"][0]
    run = cli(
        "check",
        "--format",
        "json",
        "--severity",
        "FE=info",
        "--severity",
        "FE-003=warning",
        "--suppress",
        "FE-004@pool-syd.contoso.com=accepted",
        "--suppress",
        "FE-007=known",
        relative(path),
    )
    report = hadr_rules.check(
        path,
        severity={"FE": "info", "FE-003": "warning"},
        suppress=[
            {"rule": "FE-004", "subject": "pool-syd.contoso.com", "reason": "accepted"},
            {"rule": "FE-007", "reason": "known"},
        ],
    )
    assert report.to_json().encode("utf-8") == run.stdout


def test_every_rule_fixture_matches_the_cli(cli: Any) -> None:
    """All fixtures at once: the CLI prints one document for several files."""
    files: List[str] = [relative(p) for p in RULE_FIXTURES if "allow-basic-ag" not in p.name]
    run = cli("check", "--format", "json", *files)
    assert run.returncode in (0, 1), run.stderr
    printed = json.loads(run.stdout)["files"]
    assert [entry["file"] for entry in printed] == files
    for path, entry in zip(files, printed):
        report = hadr_rules.check(pathlib.Path(BASE.parents[2], path))
        assert json.loads(report.to_json()) == entry["report"], path
