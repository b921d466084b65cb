"""Shared helpers: the repository's example topologies and the `hadr-rules` command line."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple, TypeVar

import pytest

import hadr_rules

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
BASE = ROOT / "tests" / "rules" / "base.json"
BAD_INPUT = ROOT / "tests" / "bad-input"
RULE_FIXTURES = sorted((ROOT / "tests" / "rules").glob("*/*.json"))
# The public topology samples are not part of the repository: `$HADR_RULES_SAMPLES`, else
# shared/samples/topology-xml beside it. Where they must be there (that variable set, or CI=true)
# their absence fails `test_samples_are_all_there`; elsewhere it is skipped, with its reason.
SAMPLES_NAMED = os.environ.get("HADR_RULES_SAMPLES") or None
SAMPLE_DIR = (
    Path(SAMPLES_NAMED) if SAMPLES_NAMED else ROOT.parent / "shared" / "samples" / "topology-xml"
)
SAMPLES_REQUIRED = SAMPLES_NAMED is not None or os.environ.get("CI") == "true"

T = TypeVar("T")

# The check date of every check a test runs without its own `as_of`.
AS_OF = "2026-11-26"


def hadr_check(topology: Any, **options: Any) -> "hadr_rules.Report":
    """`hadr_rules.check` as the tests of the high-availability and disaster-recovery rules need
    it: without its own `as_of`, on AS_OF and without the lifecycle family, whose findings depend
    on the date."""
    if "as_of" not in options:
        options["as_of"] = AS_OF
        ignore = options.get("ignore")
        if ignore is None:
            options["ignore"] = "LIFE"
        elif isinstance(ignore, str):
            options["ignore"] = ignore + ",LIFE"
        else:
            options["ignore"] = [*ignore, "LIFE"]
    return hadr_rules.check(topology, **options)


def assert_gil_released(prepare: Callable[[int], Callable[[], T]], size: int, largest: int) -> T:
    """Runs the call `prepare(size)` returns while another Python thread records a tick every
    2 ms, doubling `size` (up to `largest`) until the call lasts long enough to tell. Were the
    GIL held for the whole call, the ticker would record nothing between its start and end.
    Returns the last call's result."""
    while True:
        call = prepare(size)
        samples: List[float] = []
        stop = threading.Event()

        def tick() -> None:
            last = 0.0
            while not stop.is_set():
                now = time.perf_counter()
                if now - last >= 0.002:
                    samples.append(now)
                    last = now

        ticker = threading.Thread(target=tick)
        ticker.start()
        try:
            time.sleep(0.02)
            start = time.perf_counter()
            result = call()
            end = time.perf_counter()
        finally:
            stop.set()
            ticker.join()
        if end - start > 0.1 or size >= largest:
            break
        size *= 2
    assert end - start > 0.1, "the input is too small to tell"
    inside = [t for t in samples if start + 0.03 < t < end - 0.03]
    assert len(inside) >= 5, (len(inside), end - start)
    return result


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
