"""Stress: eight threads each make 10 000 `check` calls on shared inputs (every example, bad
inputs, a generated 50-pool document), and every result equals the serial run's."""

from __future__ import annotations

import os
import threading
import time
from typing import List, Tuple, Union

import hadr_rules
from conftest import BAD_INPUT, EXAMPLES, run_cli

THREADS = 8
# HADR_RULES_STRESS_CALLS lowers the count for a quick run; the suite runs 10 000.
CALLS = int(os.environ.get("HADR_RULES_STRESS_CALLS", "10000"))

# Not JSON, not UTF-8, UTF-16, empty, truncated, an unknown key, a dangling reference, a
# duplicate: read as bytes, since some are not text.
BAD_FILES = [
    "binary.json",
    "empty.json",
    "truncated.json",
    "utf16-bom.json",
    "unknown-key.json",
    "dangling-back-end.json",
    "duplicate-pool-fqdn.json",
]

Input = Union[str, bytes]
# ("report", to_json()) or ("errors", repr of errors(), TopologyError.to_json()).
Outcome = Tuple[str, str, str]


def outcome(topology: Input) -> Outcome:
    try:
        report = hadr_rules.check(topology)
    except hadr_rules.TopologyError as error:
        return ("errors", repr(error.errors()), error.to_json())
    return ("report", report.to_json(), "")


def inputs() -> List[Input]:
    texts: List[Input] = [path.read_text(encoding="utf-8") for path in EXAMPLES]
    bad: List[Input] = [(BAD_INPUT / name).read_bytes() for name in BAD_FILES]
    generated = run_cli("generate", "--pools", "50", "--seed", "1")
    assert generated.returncode == 0, generated.stderr
    assert len(generated.stdout) > 50_000
    return [*texts, *bad, generated.stdout.decode("utf-8")]


def test_eight_threads_times_ten_thousand_checks_give_the_serial_results() -> None:
    cases = inputs()
    serial = [outcome(topology) for topology in cases]
    assert [kind for kind, _, _ in serial] == (
        ["report"] * len(EXAMPLES) + ["errors"] * len(BAD_FILES) + ["report"]
    )
    assert serial == [outcome(topology) for topology in cases]

    identical = [0] * THREADS
    mismatches: List[str] = []
    failures: List[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def work(thread: int) -> None:
        # Threads start at evenly spread inputs and walk the list: different inputs at once.
        first = thread * len(cases) // THREADS
        same = 0
        try:
            barrier.wait()
            for k in range(CALLS):
                index = (first + k) % len(cases)
                if outcome(cases[index]) == serial[index]:
                    same += 1
                elif len(mismatches) < 5:
                    mismatches.append(f"thread {thread}, call {k}, input {index}")
        except BaseException as error:  # reported by the main thread
            failures.append(error)
        identical[thread] = same

    start = time.perf_counter()
    threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start

    assert not failures, failures
    assert not mismatches, mismatches
    assert sum(identical) == THREADS * CALLS, identical
    # Shown by `pytest -s`.
    print(
        f"python-stress: {THREADS} threads x {CALLS} checks, {sum(identical)} results identical"
        f" to serial, {len(cases)} inputs, {elapsed:.1f} s"
    )
