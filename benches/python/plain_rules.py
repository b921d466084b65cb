"""The alternative to `hadr_rules` a user would write: `json.loads` a topology document and
evaluate 20 of the catalog's rules over dicts (BE-002, BE-003, BE-004, BE-006, BE-025,
SQL-001…004, SQL-007, WIT-001, PAIR-001…005, PAIR-007, FE-001…003).

`findings(text)` returns the `(rule, subject)` pairs it finds, skipping a rule when a fact it
needs is absent (where `hadr_rules` reports "not evaluated"). benches/python/bench.py times it
against `hadr_rules.check(text, select=RULES)` and checks that both find the same pairs.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Set, Tuple

RULES = [
    "BE-002", "BE-003", "BE-004", "BE-006", "BE-025",
    "SQL-001", "SQL-002", "SQL-003", "SQL-004", "SQL-007",
    "WIT-001",
    "PAIR-001", "PAIR-002", "PAIR-003", "PAIR-004", "PAIR-005", "PAIR-007",
    "FE-001", "FE-002", "FE-003",
]  # fmt: skip

MODES = {
    "lync2013": {"none", "mirroring", "failover_cluster", "always_on_fci"},
    "sfb2015": {"none", "mirroring", "failover_cluster", "always_on_fci", "always_on_ag"},
    "sfb2019": {"none", "failover_cluster", "always_on_fci", "always_on_ag"},
    "sfbse": {"none", "failover_cluster", "always_on_fci", "always_on_ag"},
}
SQL_VERSIONS = {
    "lync2013": ("SQL-001", {"2008r2", "2012"}),
    "sfb2015": ("SQL-003", {"2012", "2014", "2016", "2017", "2019"}),
    "sfb2019": ("SQL-004", {"2016", "2017", "2019"}),
}
AG_VERSIONS = {
    "sfb2015": {"2012", "2014", "2016", "2017", "2019"},
    "sfb2019": {"2016", "2017", "2019"},
    "sfbse": {"2016", "2017", "2019"},
}
MAX_FRONT_ENDS = {"lync2013": 12, "sfb2015": 12, "sfb2019": 16, "sfbse": 16}

Finding = Tuple[str, str]


def nodes(store: Dict[str, Any]) -> List[Tuple[str, Dict[str, Any]]]:
    """`(role, node)` of a store's SQL Servers, witness included."""
    ha = store.get("ha", {})
    mode = ha.get("mode")
    if mode == "none":
        return [("server", ha["server"])] if "server" in ha else []
    if mode == "mirroring":
        found = [("principal", ha["principal"]), ("mirror", ha["mirror"])]
        return found + ([("witness", ha["witness"])] if ha.get("witness") else [])
    if mode == "always_on_ag":
        return [("replica", r) for r in ha.get("replicas", [])]
    return [("node", n) for n in ha.get("nodes", [])]


def enterprise_front_end(pool: Dict[str, Any]) -> bool:
    return pool["kind"] == "front_end" and pool.get("edition") == "enterprise"


def findings(text: str) -> Set[Finding]:
    doc = json.loads(text)
    out: Set[Finding] = set()
    pools = {p["fqdn"].lower(): p for p in doc["pools"]}
    stores = {s["id"]: s for s in doc.get("sql_stores") or []}
    users_of_store: Dict[str, List[str]] = {}
    users_of_host: Dict[str, Set[str]] = {}

    for pool in doc["pools"]:
        fqdn, product = pool["fqdn"], pool["product"]
        store = stores.get(pool.get("back_end") or "")
        if enterprise_front_end(pool):
            servers = len(pool["servers"])
            if servers > MAX_FRONT_ENDS[product]:
                out.add(("FE-001", fqdn))
            if servers < 3:
                out.add(("FE-002", fqdn))
            if servers == 2:
                out.add(("FE-003", fqdn))
        if store is None or not enterprise_front_end(pool):
            continue
        users_of_store.setdefault(store["id"], []).append(fqdn)
        mode = store["ha"]["mode"]
        if mode not in MODES[product]:
            out.add(("BE-002", fqdn))
        if mode == "mirroring" and product in ("sfb2019", "sfbse"):
            out.add(("BE-004", fqdn))
        for role, node in nodes(store):
            if role != "witness":
                users_of_host.setdefault(node["fqdn"].lower(), set()).add(fqdn)
        data = [n for role, n in nodes(store) if role != "witness"]
        versions = [n.get("version", store.get("version")) for n in data]
        if product in SQL_VERSIONS and None not in versions:
            rule, allowed = SQL_VERSIONS[product]
            if any(v not in allowed for v in versions):
                out.add((rule, fqdn))
            if product == "lync2013" and any(v not in ("2008r2", "2012") for v in versions):
                out.add(("SQL-002", fqdn))
            if product == "sfb2015":
                sp, cu = store.get("service_pack"), store.get("cumulative_update")
                if "2014" in versions and cu is not None and cu < 6:
                    out.add(("SQL-003", fqdn))
                pool_cu = pool.get("cumulative_update")
                if "2016" in versions and sp is not None and pool_cu is not None:
                    if sp < 1 or pool_cu < 7:
                        out.add(("SQL-003", fqdn))
        if mode == "always_on_ag" and product in AG_VERSIONS:
            editions = [n.get("edition", store.get("edition")) for n in data]
            if None not in editions and any(e != "enterprise" for e in editions):
                out.add(("SQL-007", fqdn))
            if None not in versions and any(v not in AG_VERSIONS[product] for v in versions):
                out.add(("SQL-007", fqdn))

    for store in stores.values():
        ha = store["ha"]
        if ha["mode"] != "mirroring":
            continue
        if ha.get("synchronous") is False:
            out.add(("BE-003", store["id"]))
        if not ha.get("witness"):
            out.add(("WIT-001", store["id"]))
        members = nodes(store)
        versions = {n.get("version", store.get("version")) for _, n in members}
        editions = {n.get("edition", store.get("edition")) for r, n in members if r != "witness"}
        if None not in versions | editions and (len(versions) > 1 or len(editions) > 1):
            out.add(("BE-006", store["id"]))

    for store_id, users in users_of_store.items():
        if len(users) > 1:
            out.add(("BE-025", store_id))
    for host, users in users_of_host.items():
        if len(users) > 1:
            out.add(("BE-025", host))

    for pool in doc["pools"]:
        backup: Optional[str] = pool.get("backup_pool")
        if not backup:
            continue
        partner = pools.get(backup.lower())
        if partner is None:
            continue
        fqdn = pool["fqdn"]
        back = partner.get("backup_pool")
        if partner is pool or not back or back.lower() != fqdn.lower():
            out.add(("PAIR-005", fqdn))
        if pool["kind"] != "front_end" or partner["kind"] != "front_end" or partner is pool:
            continue
        if pool.get("edition") != partner.get("edition"):
            out.add(("PAIR-001", fqdn))
        both = pool["servers"] + partner["servers"]
        platforms = [s.get("platform") for s in both]
        if None not in platforms and len(set(platforms)) > 1:
            out.add(("PAIR-002", fqdn))
        mine = [s.get("os") for s in pool["servers"]]
        theirs = [s.get("os") for s in partner["servers"]]
        if None not in mine + theirs and set(mine) != set(theirs):
            out.add(("PAIR-003", fqdn))

        def solution(p: Dict[str, Any]) -> str:
            store = stores.get(p.get("back_end") or "")
            mode = store["ha"]["mode"] if store and p.get("edition") == "enterprise" else "none"
            return "cluster" if mode in ("always_on_fci", "failover_cluster") else mode

        if solution(pool) != solution(partner):
            out.add(("PAIR-004", fqdn))
        if pool["product"] != partner["product"]:
            out.add(("PAIR-007", fqdn))
    return out


def main(argv: List[str]) -> int:
    """`plain_rules.py HADR_RULES_CLI [POOLS...]`: for sparse and dense generated documents,
    checks that this script and `hadr_rules.check(text, select=RULES)` find the same pairs,
    then prints the median time of each (reading `rule` and `subject` of every diagnostic
    included) and the ratio."""
    import statistics
    import subprocess
    import time

    import hadr_rules

    cli, sizes = argv[1], [int(n) for n in argv[2:]] or [10, 10_000]

    def median(run: Any, rounds: int) -> float:
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    for pools in sizes:
        for dense in (False, True):
            command = [cli, "generate", "--pools", str(pools), "--seed", "1"]
            text = subprocess.run(
                command + (["--dense"] if dense else []), capture_output=True, text=True, check=True
            ).stdout

            def engine() -> List[Finding]:
                report = hadr_rules.check(text, select=RULES, max_document_bytes=1 << 30)
                return [(d.rule, d.subject) for d in report.diagnostics if not d.not_evaluated]

            assert set(engine()) == findings(text), f"{pools} pools: the findings differ"
            rounds = 201 if pools <= 100 else 7
            ours = min(median(engine, rounds) for _ in range(3))
            plain = min(median(lambda: findings(text), rounds) for _ in range(3))
            shape = "dense" if dense else "sparse"
            print(
                f"python select20 shape={shape} pools={pools} hadr_rules_ms={ours * 1000:.3f}"
                f" plain_ms={plain * 1000:.3f} ratio={plain / ours:.2f}"
            )
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
