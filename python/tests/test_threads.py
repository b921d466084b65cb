"""The module is safe to call from many threads, and releases the GIL while it checks."""

from __future__ import annotations

import copy
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List

import hadr_rules
from conftest import BASE, EXAMPLES, RULE_FIXTURES, assert_gil_released, load

INPUTS = [*EXAMPLES, BASE, *RULE_FIXTURES[::7]]


def run(path: Any) -> str:
    return hadr_rules.check(path).to_json()


def test_eight_threads_give_the_serial_results() -> None:
    serial = [run(path) for path in INPUTS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            assert list(pool.map(run, INPUTS)) == serial


def test_eight_threads_share_one_report() -> None:
    report = hadr_rules.check(EXAMPLES[0])
    expected = [d.to_dict() for d in report]
    barrier = threading.Barrier(8)
    results: List[Any] = [None] * 8

    def read(index: int) -> None:
        barrier.wait()
        results[index] = [d.to_dict() for d in report.diagnostics]

    threads = [threading.Thread(target=read, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 8


def big_topology(pairs: int) -> Dict[str, Any]:
    """`pairs` copies of the base fixture's pair of pools, each with its own names."""
    base = load(BASE)
    document: Dict[str, Any] = {"format": 1, "sites": [], "pools": [], "sql_stores": []}
    for n in range(pairs):
        part = copy.deepcopy(base)

        def rename(text: str, n: int = n) -> str:
            return text.replace(".contoso.com", f"-{n}.contoso.com")

        for site in part["sites"]:
            site["id"] = f"{site['id']}-{n}"
            for link in site.get("links", []):
                link["site"] = f"{link['site']}-{n}"
        for pool in part["pools"]:
            pool["fqdn"] = rename(pool["fqdn"])
            pool["site"] = f"{pool['site']}-{n}"
            pool["backup_pool"] = rename(pool["backup_pool"])
            pool["back_end"] = f"{pool['back_end']}-{n}"
            if n:
                pool.pop("cms", None)
            for server in pool["servers"]:
                server["fqdn"] = rename(server["fqdn"])
        for store in part["sql_stores"]:
            store["id"] = f"{store['id']}-{n}"
            store["ha"]["listener"] = rename(store["ha"]["listener"])
            for replica in store["ha"]["replicas"]:
                replica["fqdn"] = rename(replica["fqdn"])
        document["sites"] += part["sites"]
        document["pools"] += part["pools"]
        document["sql_stores"] += part["sql_stores"]
    return document


def test_gil_is_released_while_checking() -> None:
    # The check must last long enough to tell: the topology grows until it does.
    def prepare(pairs: int) -> Callable[[], hadr_rules.Report]:
        text = json.dumps(big_topology(pairs)).encode()
        return lambda: hadr_rules.check(text, ignore="LIFE")

    report = assert_gil_released(prepare, 3000, 48000)
    assert report.summary["error"] == 0
