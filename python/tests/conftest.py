"""Shared helpers: the repository's example topologies and the `hadr-rules` command line."""

from __future__ import annotations

import copy
import json
import os
import subprocess
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
BASE = ROOT / "tests" / "rules" / "base.json"
BAD_INPUT = ROOT / "tests" / "bad-input"
RULE_FIXTURES = sorted((ROOT / "tests" / "rules").glob("*/*.json"))


def cli_path() -> Path:
    """The `hadr-rules` binary: $HADR_RULES_CLI, else target/debug/hadr-rules."""
    configured = os.environ.get("HADR_RULES_CLI")
    if configured:
        return Path(configured)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / ("hadr-rules.exe" if os.name == "nt" else "hadr-rules")


def run_cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Runs the command line in the repository root, without colours."""
    binary = cli_path()
    if not binary.exists():
        pytest.fail(f"the hadr-rules CLI is not built at {binary}: run scripts/test-python")
    env = {k: v for k, v in os.environ.items() if k not in ("CLICOLOR_FORCE", "CLICOLOR")}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [str(binary), *args], cwd=ROOT, env=env, capture_output=True, check=False
    )


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[bytes]]:
    return run_cli


def load(path: Path) -> Dict[str, Any]:
    with path.open("rb") as file:
        document: Dict[str, Any] = json.load(file)
    return document


@pytest.fixture
def base() -> Dict[str, Any]:
    """A fresh copy of tests/rules/base.json (a clean pair of 2019 pools) to break."""
    return copy.deepcopy(load(BASE))


def triples(report: Any) -> List[Tuple[str, str, str]]:
    """(rule, severity, subject) of every diagnostic, in report order."""
    return [(d.rule, d.severity, d.subject) for d in report.diagnostics]


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()
