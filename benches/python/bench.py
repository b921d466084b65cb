"""Benchmarks of the Python module `hadr_rules` (a release build):

- `hadr_rules.check(text)` with the JSON text (a `str`) of generated documents
  (`hadr-rules generate --pools N --seed 1`), the median of several runs in ms and in us per
  pool, and `Report.to_json()` on the report;
- `hadr_rules.check(text)` plus reading `rule` and `subject` of every diagnostic, on dense
  documents (`--dense`, about four diagnostics a pool: INPUT_DIR/dense-N.json);
- a support query, `hadr_rules.back_end_support(product, mode, version, edition)` over every
  combination of tokens, and `hadr_rules.functional_quorum`, in ns per call (the Python loop
  included).

Prints one line per measurement ("python check pools=1000 median_ms=...") and writes them all
as JSON. benches/python/run builds the module and the inputs, and runs this.

Usage: bench.py INPUT_DIR RESULTS_JSON [POOLS...]   (default: 10 100 1000 10000 100000)
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

import hadr_rules

# The 100,000-pool document (about 150 MB) is past the default limits of 64 MiB and 1,000,000
# entities.
MAX_BYTES = 1 << 30
MAX_ENTITIES = 10_000_000
PRODUCTS = ["lync2013", "sfb2015", "sfb2019", "sfbse"]
MODES = ["none", "mirroring", "always_on_ag", "always_on_fci", "failover_cluster"]
VERSIONS = ["2008r2", "2012", "2014", "2016", "2017", "2019", "2022"]
EDITIONS = ["express", "standard", "enterprise"]


def runs_for(pools: int) -> int:
    return 21 if pools <= 100 else 11 if pools <= 1000 else 5 if pools <= 10000 else 3


def support_query_ns(calls: int) -> float:
    combos = list(itertools.product(PRODUCTS, MODES, VERSIONS, EDITIONS))
    rounds = max(1, calls // len(combos))
    query = hadr_rules.back_end_support
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter_ns()
        for _ in range(rounds):
            for product, mode, version, edition in combos:
                query(product, mode, version, edition)  # type: ignore[arg-type]
        best = min(best, (time.perf_counter_ns() - start) / (rounds * len(combos)))
    return best


def quorum_query_ns(calls: int) -> float:
    query = hadr_rules.functional_quorum
    sizes = [(product, n) for product in PRODUCTS[:3] for n in range(1, 17)]
    rounds = max(1, calls // len(sizes))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter_ns()
        for _ in range(rounds):
            for product, n in sizes:
                query(product, n)  # type: ignore[arg-type]
        best = min(best, (time.perf_counter_ns() - start) / (rounds * len(sizes)))
    return best


def bench_check(path: Path, pools: int) -> Dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    result: Dict[str, Any] = {"pools": pools, "bytes": len(text.encode("utf-8"))}
    runs = runs_for(pools)
    check_ms: List[float] = []
    to_json_ms: List[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            report = hadr_rules.check(text, max_document_bytes=MAX_BYTES, max_entities=MAX_ENTITIES)
        except hadr_rules.TopologyError as error:
            result["refused"] = str(error)[:200]
            return result
        middle = time.perf_counter()
        report_json = report.to_json()
        end = time.perf_counter()
        check_ms.append((middle - start) * 1000)
        to_json_ms.append((end - middle) * 1000)
        del report
    median = statistics.median(check_ms)
    result.update(
        runs=runs,
        median_ms=round(median, 3),
        min_ms=round(min(check_ms), 3),
        us_per_pool=round(median * 1000 / pools, 2),
        to_json_ms=round(statistics.median(to_json_ms), 3),
        report_bytes=len(report_json.encode("utf-8")),
    )
    return result


def bench_dense(path: Path, pools: int) -> Dict[str, Any]:
    """`check(text)` and a read of every diagnostic's rule and subject, as a caller would."""
    text = path.read_text(encoding="utf-8")
    result: Dict[str, Any] = {"pools": pools, "bytes": len(text.encode("utf-8"))}
    runs = runs_for(pools)
    times: List[float] = []
    findings = 0
    for _ in range(runs):
        start = time.perf_counter()
        report = hadr_rules.check(text, max_document_bytes=MAX_BYTES, max_entities=MAX_ENTITIES)
        pairs = [(d.rule, d.subject) for d in report.diagnostics]
        times.append((time.perf_counter() - start) * 1000)
        findings = len(pairs)
        del report, pairs
    median = statistics.median(times)
    result.update(runs=runs, median_ms=round(median, 3), min_ms=round(min(times), 3), diagnostics=findings)
    return result


def main(argv: List[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    inputs, out = Path(argv[1]), Path(argv[2])
    sizes = [int(n) for n in argv[3:]] or [10, 100, 1000, 10000, 100000]

    calls = 1_000_000
    support_query_ns(calls // 10)  # warm up
    support_ns = support_query_ns(calls)
    quorum_ns = quorum_query_ns(calls)
    print(f"python support_query ns_per_call={support_ns:.1f} calls={calls}", flush=True)
    print(f"python quorum_query ns_per_call={quorum_ns:.1f} calls={calls}", flush=True)

    checks = []
    for pools in sizes:
        r = bench_check(inputs / f"pools-{pools}.json", pools)
        checks.append(r)
        if "refused" in r:
            print(f"python check pools={pools} bytes={r['bytes']} refused={r['refused']!r}")
        else:
            print(
                f"python check pools={pools} bytes={r['bytes']} runs={r['runs']}"
                f" median_ms={r['median_ms']:.3f} us_per_pool={r['us_per_pool']:.2f}"
                f" to_json_ms={r['to_json_ms']:.3f} report_bytes={r['report_bytes']}",
                flush=True,
            )

    dense = []
    for pools in sizes:
        r = bench_dense(inputs / f"dense-{pools}.json", pools)
        dense.append(r)
        print(
            f"python dense_check pools={pools} bytes={r['bytes']} runs={r['runs']}"
            f" median_ms={r['median_ms']:.3f} diagnostics={r['diagnostics']}",
            flush=True,
        )

    results = {
        "binding": "python",
        "library": hadr_rules.__version__,
        "python": sys.version.split()[0],
        "support_query": {
            "call": "hadr_rules.back_end_support",
            "calls": calls,
            "ns_per_call": round(support_ns, 1),
        },
        "quorum_query": {
            "call": "hadr_rules.functional_quorum",
            "calls": calls,
            "ns_per_call": round(quorum_ns, 1),
        },
        "check": checks,
        "dense_check": dense,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
