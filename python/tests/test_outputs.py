"""`Report.to_sarif()`, `to_junit()` and `to_html()` are byte for byte what `hadr-rules check
--format sarif|junit|html` prints, and carry what those formats promise."""

from __future__ import annotations

import json
import pickle
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest

import hadr_rules
from conftest import EXAMPLES, ROOT, relative

AS_OF = "2026-11-26"
PAIRING = ROOT / "examples" / "broken-pairing.json"
XML = ROOT / "tests" / "xml" / "mirroring-witness.xml"


@pytest.mark.parametrize("path", EXAMPLES, ids=relative)
def test_outputs_are_the_cli_bytes(path: Path, cli: Any) -> None:
    report = hadr_rules.check(path, as_of=AS_OF, fail_level="warning")
    name = relative(path)
    for fmt, text in [
        ("sarif", report.to_sarif(file=name)),
        ("junit", report.to_junit(file=name)),
        ("html", report.to_html(file=name)),
    ]:
        run = cli("check", "--as-of", AS_OF, "--fail-level", "warning", "--format", fmt, name)
        assert run.returncode in (0, 1), run.stderr
        assert text.encode("utf-8") == run.stdout, fmt
    run = cli("check", "--as-of", AS_OF, "--format", "html", "--simulate", name)
    simulated = hadr_rules.check(path, as_of=AS_OF).to_html(file=name, simulate=True)
    assert simulated.encode("utf-8") == run.stdout


def test_sarif_results_name_rule_pointer_and_suppression() -> None:
    report = hadr_rules.check(
        PAIRING,
        as_of=AS_OF,
        ignore="LIFE",
        suppress=[{"rule": "PAIR-004", "subject": "se-par.contoso.com", "reason": "until 2027"}],
    )
    log = json.loads(report.to_sarif())
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert ids == [rule.id for rule in hadr_rules.rules()]
    results = {(r["ruleId"], r["properties"]["subject"]): r for r in run["results"]}
    pair = results[("PAIR-001", "pool-ams.contoso.com")]
    assert pair["level"] == "error"
    assert pair["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "/pools/0/backup_pool"
    # A path is the artifact unless a file name is given.
    assert pair["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "examples/broken-pairing.json"
    )
    assert results[("PAIR-004", "se-par.contoso.com")]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "until 2027"}
    ]
    assert "suppressions" not in results[("PAIR-004", "pool-ams.contoso.com")]


def test_sarif_of_imported_xml_has_its_line_and_element() -> None:
    report = hadr_rules.check(XML, as_of=AS_OF, ignore="LIFE")
    log = json.loads(report.to_sarif(file="topology.xml"))
    users = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "FE-009")
    location = users["locations"][0]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "topology.xml"},
        "region": {"startLine": 15},
    }
    assert location["logicalLocations"][1] == {
        "name": '<Cluster Fqdn="pool-ams.contoso.com">',
        "kind": "element",
    }


def test_junit_fails_the_cases_at_the_fail_level() -> None:
    def outcomes(level: str) -> dict[str, str]:
        report = hadr_rules.check(PAIRING, as_of=AS_OF, ignore="LIFE", fail_level=level)  # type: ignore[arg-type]
        root = ElementTree.fromstring(report.to_junit())
        return {
            case.attrib["name"]: "failed" if case.find("failure") is not None else "passed"
            for case in root.iter("testcase")
        }

    errors = outcomes("error")
    assert errors["PAIR-001 pool-ams.contoso.com"] == "failed"
    assert errors["PAIR-004 pool-ams.contoso.com"] == "passed"
    assert outcomes("warning")["PAIR-004 pool-ams.contoso.com"] == "failed"


def test_html_draws_the_topology_and_needs_it() -> None:
    report = hadr_rules.check(PAIRING, as_of=AS_OF)
    page = report.to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert 'class="pool error" data-name="pool-ams.contoso.com"' in page
    assert 'class="pairing" data-pool="pool-ams.contoso.com" data-partner="se-par.contoso.com"' in page
    assert 'id="simulation"' not in page
    assert 'id="simulation"' in report.to_html(simulate=True)
    restored = pickle.loads(pickle.dumps(report))
    assert restored.to_sarif(file="a.json") == report.to_sarif(file="a.json")
    with pytest.raises(ValueError, match="holds no topology to draw"):
        restored.to_html()
