"""The ratios of docs/performance.md, from one run of benches/run.

Usage: python3 benches/report.py CRITERION_DIR RESULTS_DIR POOLS...

Reads criterion's estimates (the median of each benchmark), the peak-memory lines of
core/benches/memory.rs and the C and Python results, and prints Markdown tables: the times, the
ratios against `serde_json::from_slice::<Value>` and their targets, and the bindings.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Dict, List, Optional


def median_ms(criterion: Path, pools: int, name: str, shape: str = "pools") -> Optional[float]:
    path = criterion / f"{shape}_{pools}" / name / str(pools) / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"] / 1e6


def fmt(value: Optional[float], digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def main(argv: List[str]) -> int:
    criterion, results = Path(argv[1]), Path(argv[2])
    sizes = [int(n) for n in argv[3:]]
    times: Dict[int, Dict[str, Optional[float]]] = {
        pools: {
            name: median_ms(criterion, pools, name)
            for name in ["value", "parse", "from_json", "check", "full", "full_json"]
        }
        for pools in sizes
    }
    print("## Times (median, ms)\n")
    print("| pools | serde_json Value | parse | from_json | check | full | full + JSON |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for pools, t in times.items():
        row = " | ".join(fmt(t[n]) for n in ["value", "parse", "from_json", "check", "full", "full_json"])
        print(f"| {pools:,} | {row} |")

    print("\n## Ratios and targets\n")
    print("| pools | full / Value (target ≤ 0.5) | after parse / full (target ≤ 0.25) | µs per pool |")
    print("|---:|---:|---:|---:|")
    for pools, t in times.items():
        full, value, parse = t["full"], t["value"], t["parse"]
        if full is None or value is None or parse is None:
            continue
        ratio = full / value
        after = (full - parse) / full
        print(
            f"| {pools:,} | {ratio:.2f} ({verdict(ratio <= 0.5)}) | {after:.2f} ({verdict(after <= 0.25)})"
            f" | {full * 1000 / pools:.2f} |"
        )
    if 1000 in times and 100_000 in times:
        small, large = times[1000]["full"], times[100_000]["full"]
        if small and large:
            growth = (large / 100_000) / (small / 1000)
            print(
                f"\nTime per pool at 100,000 pools / at 1,000 pools: {growth:.2f} "
                f"(target ≤ 1.5: {verdict(growth <= 1.5)})"
            )

    dense = {
        pools: {
            name: median_ms(criterion, pools, name, "dense")
            for name in ["value", "parse", "from_json", "check", "full", "full_json"]
        }
        for pools in sizes
    }
    print("\n## Dense documents (about four diagnostics a pool)\n")
    print("| pools | serde_json Value | full | full + JSON | full / Value (target ≤ 0.5) | full + JSON / Value (target ≤ 0.75) | sparse full / Value |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for pools, t in dense.items():
        value, full, full_json = t["value"], t["full"], t["full_json"]
        if value is None or full is None or full_json is None:
            continue
        sparse = times[pools]
        sparse_ratio = (
            fmt(sparse["full"] / sparse["value"], 2) if sparse["full"] and sparse["value"] else "n/a"
        )
        r, rj = full / value, full_json / value
        print(
            f"| {pools:,} | {value:.3f} | {full:.3f} | {full_json:.3f} | {r:.2f} ({verdict(r <= 0.5)})"
            f" | {rj:.2f} ({verdict(rj <= 0.75)}) | {sparse_ratio} |"
        )

    memory = results / "memory.txt"
    if memory.exists():
        print("\n## Peak memory (target ≤ 3 × the input)\n")
        print("| shape | pools | input bytes | peak heap of the check | diagnostics | (input + peak) / input |")
        print("|---|---:|---:|---:|---:|---:|")
        for line in memory.read_text().splitlines():
            m = re.match(
                r"memory shape=(\w+) pools=(\d+) input_bytes=(\d+) peak_bytes=(\d+) diagnostics=(\d+) ratio=([\d.]+)",
                line,
            )
            if m:
                shape, pools, input_bytes, peak, diagnostics, ratio = m.groups()
                print(
                    f"| {shape} | {int(pools):,} | {int(input_bytes):,} | {int(peak):,} | {int(diagnostics):,} | {ratio} "
                    f"({verdict(float(ratio) <= 3.0)}) |"
                )

    c_path, py_path = results / "c.json", results / "python.json"
    c = json.loads(c_path.read_text()) if c_path.exists() else None
    py = json.loads(py_path.read_text()) if py_path.exists() else None
    print("\n## Bindings\n")
    if c:
        ns = c["support_query"]["ns_per_call"]
        print(f"- C support query (`hadr_back_end_support` + free): {ns} ns per call (target < 100: {verdict(ns < 100)})")
        print(f"- C quorum query: {c['quorum_query']['ns_per_call']} ns per call")
    if py:
        print(f"- Python support query (`back_end_support`): {py['support_query']['ns_per_call']} ns per call")
    if py:
        print("\n| pools | Rust full (ms) | Python `check(str)` (ms) | Python / Rust (target ≤ 1.2) | C `hadr_check_json` (ms) |")
        print("|---:|---:|---:|---:|---:|")
        c_checks = {r["pools"]: r for r in (c or {}).get("check_json", [])}
        for r in py["check"]:
            pools = r["pools"]
            rust = times.get(pools, {}).get("full")
            python = r.get("median_ms")
            c_ms = c_checks.get(pools, {}).get("median_ms")
            if rust is None or python is None:
                continue
            ratio = python / rust
            print(
                f"| {pools:,} | {rust:.3f} | {python:.3f} | {ratio:.2f} ({verdict(ratio <= 1.2)}) | {fmt(c_ms)} |"
            )
    if py and py.get("dense_check"):
        print("\n| pools (dense) | Rust full (ms) | Python `check(str)` + rule, subject (ms) | Python / Rust (target ≤ 1.3) |")
        print("|---:|---:|---:|---:|")
        for r in py["dense_check"]:
            rust = dense.get(r["pools"], {}).get("full")
            if rust is None:
                continue
            ratio = r["median_ms"] / rust
            print(f"| {r['pools']:,} | {rust:.3f} | {r['median_ms']:.3f} | {ratio:.2f} ({verdict(ratio <= 1.3)}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
