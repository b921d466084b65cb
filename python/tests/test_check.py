"""`check()` on the example topologies: exact findings, every input type, the report API."""

from __future__ import annotations

import json
import os
import pathlib
from typing import Any, Dict

import pytest

import hadr_rules
from conftest import BASE, EXAMPLES, ROOT, RULE_FIXTURES, hadr_check, load, relative, triples

# The exact findings of the examples, as (rule, severity, subject) in report order: the same
# expectations as the CLI snapshots in cli/tests/snapshots.
EXPECTED = {
    "broken-cms-shared-back-end.json": [
        ("BE-025", "error", "ag-dal"),
        ("CMS-001", "error", "pool-dal.contoso.com"),
        ("CMS-001", "error", "pool-hou.contoso.com"),
    ],
    "broken-mirroring-on-2019.json": [
        ("BE-002", "error", "pool-tor.contoso.com"),
        ("BE-004", "error", "pool-tor.contoso.com"),
        ("COEX-006", "error", "pool-tor.contoso.com"),
    ],
    "broken-other-roles.json": [
        ("MED-005", "error", "med-dal.contoso.com"),
        ("SBA-001", "error", "austin"),
        ("EDGE-001", "warning", "edge-chi.contoso.com"),
        ("CMS-002", "info", "pool-dal.contoso.com"),
        ("EDGE-008", "info", "edge-dal.contoso.com"),
        ("PAIR-019", "info", "sba1-aus.contoso.com"),
        ("PAIR-019", "info", "sba2-aus.contoso.com"),
        ("PAIR-019", "info", "sba3-aus.contoso.com"),
    ],
    "broken-pairing.json": [
        ("PAIR-001", "error", "pool-ams.contoso.com"),
        ("PAIR-001", "error", "se-par.contoso.com"),
        ("PAIR-002", "error", "pool-ams.contoso.com"),
        ("PAIR-002", "error", "se-par.contoso.com"),
        ("PAIR-003", "error", "pool-ams.contoso.com"),
        ("PAIR-003", "error", "se-par.contoso.com"),
        ("PAIR-004", "warning", "pool-ams.contoso.com"),
        ("PAIR-004", "warning", "se-par.contoso.com"),
        ("CMS-002", "info", "pool-ams.contoso.com"),
    ],
    "broken-two-server-2019.json": [
        ("FE-003", "error", "pool-syd.contoso.com"),
        ("FE-002", "warning", "pool-syd.contoso.com"),
        ("FE-004", "warning", "pool-syd.contoso.com"),
        ("FE-007", "info", "pool-syd.contoso.com"),
    ],
    "broken-unsupported-os.json": [
        ("OS-001", "error", "lyncfe1-atl.contoso.com"),
        ("OS-001", "error", "lyncfe2-atl.contoso.com"),
        ("OS-001", "error", "lyncfe3-atl.contoso.com"),
        ("OS-005", "error", "fe1-bos.contoso.com"),
        ("OS-005", "error", "fe2-bos.contoso.com"),
        ("OS-005", "error", "fe3-bos.contoso.com"),
    ],
    "broken-witness-version.json": [("BE-006", "error", "mirror-fra")],
    "clean-2015-mirroring-witness.json": [],
    "clean-lync2013-cluster.json": [],
    "clean-standard-edition-pair.json": [
        ("CMS-002", "info", "se-lon.contoso.com"),
        ("PAIR-011", "info", "se-dub.contoso.com"),
        ("PAIR-011", "info", "se-lon.contoso.com"),
    ],
    "paired-2019-ag.json": [
        ("CMS-002", "info", "pool-dal.contoso.com"),
        ("FE-009", "info", "pool-chi.contoso.com"),
        ("FE-009", "info", "pool-dal.contoso.com"),
        ("FE-011", "info", "pool-chi.contoso.com"),
        ("FE-011", "info", "pool-dal.contoso.com"),
        ("FE-014", "info", "pool-chi.contoso.com"),
        ("FE-014", "info", "pool-dal.contoso.com"),
        ("PAIR-010", "info", "pool-chi.contoso.com"),
        ("PAIR-010", "info", "pool-dal.contoso.com"),
    ],
}


def test_every_example_has_expectations() -> None:
    assert sorted(p.name for p in EXAMPLES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings(name: str) -> None:
    report = hadr_check(ROOT / "examples" / name)
    assert triples(report) == EXPECTED[name]


def test_base_fixture() -> None:
    report = hadr_check(BASE)
    assert triples(report) == [("CMS-002", "info", "pool-dal.contoso.com")]
    assert report.ok
    assert report.summary == {
        "error": 0,
        "warning": 0,
        "info": 1,
        "not_evaluated": 0,
        "suppressed": 0,
    }


@pytest.mark.parametrize("path", RULE_FIXTURES, ids=relative)
def test_rule_fixture(path: pathlib.Path) -> None:
    """Each fixture's `x.expect`, as the Rust fixture test reads it."""
    x = load(path)["x"]
    expected = {tuple(entry) for entry in x["expect"]}
    options: Dict[str, Any] = {"allow_basic_ag_on_standard": "allow-basic-ag" in path.name}
    for key in ("as_of", "approaching_months", "target_product"):
        if key in x:
            options[key] = x[key]
    report = hadr_check(path, **options)
    actual = {
        (d.rule, "not_evaluated" if d.not_evaluated else d.severity, d.subject)
        for d in report
    }
    assert actual == expected


def test_paired_example_details() -> None:
    report = hadr_check(ROOT / "examples" / "broken-pairing.json")
    first = report.diagnostics[0]
    assert first.rule == "PAIR-001"
    assert first.severity == "error"
    assert first.subject == "pool-ams.contoso.com"
    assert first.related == ("se-par.contoso.com",)
    assert first.path == "/pools/0/backup_pool"
    assert "Standard Edition" in first.message
    assert first.help
    assert first.facts == {"edition": "enterprise", "backup_pool.edition": "standard"}
    assert first.references
    assert all(url.startswith("https://") for url in first.references)
    assert not first.not_evaluated and not first.unverified and first.suppressed is None


def test_not_evaluated_findings() -> None:
    report = hadr_check(ROOT / "examples" / "paired-2019-ag.json")
    assert len(report.not_evaluated) == 8 == report.summary["not_evaluated"]
    for diagnostic in report.not_evaluated:
        assert diagnostic.not_evaluated
        assert diagnostic.facts["missing"]
        assert diagnostic.path == diagnostic.facts["missing"][0]
    assert [d.rule for d in report.infos] == ["CMS-002"]


# --- every kind of input gives the same report ----------------------------------------------


class _PathLike(os.PathLike):  # type: ignore[type-arg]
    def __init__(self, path: pathlib.Path) -> None:
        self._path = path

    def __fspath__(self) -> str:
        return str(self._path)


@pytest.mark.parametrize("path", [*EXAMPLES, BASE], ids=relative)
def test_inputs_agree(path: pathlib.Path) -> None:
    data = path.read_bytes()
    reports = [
        hadr_check(path),
        hadr_check(_PathLike(path)),
        hadr_check(data),
        hadr_check(bytearray(data)),
        hadr_check(data.decode("utf-8")),
        hadr_check(json.loads(data)),
    ]
    expected = reports[0].to_json()
    for report in reports[1:]:
        assert report.to_json() == expected
        assert report.diagnostics == reports[0].diagnostics


def test_byte_order_mark_is_accepted() -> None:
    data = BASE.read_bytes()
    assert hadr_check(b"\xef\xbb\xbf" + data).to_json() == hadr_check(data).to_json()


def test_mapping_that_is_not_a_dict(base: Dict[str, Any]) -> None:
    from types import MappingProxyType

    assert hadr_check(MappingProxyType(base)).to_json() == hadr_check(base).to_json()


def test_tuples_count_as_arrays(base: Dict[str, Any]) -> None:
    as_tuples = dict(base, sites=tuple(base["sites"]), pools=tuple(base["pools"]))
    assert hadr_check(as_tuples).to_json() == hadr_check(base).to_json()


# --- the Report and Diagnostic API -----------------------------------------------------------


def test_report_sequence_protocol() -> None:
    report = hadr_check(ROOT / "examples" / "broken-pairing.json")
    assert len(report) == 9
    assert list(report) == report.diagnostics
    assert [d.severity for d in report.errors] == ["error"] * 6
    assert [d.severity for d in report.warnings] == ["warning"] * 2
    assert [d.rule for d in report.infos] == ["CMS-002"]
    assert report.summary == {
        "error": 6,
        "warning": 2,
        "info": 1,
        "not_evaluated": 0,
        "suppressed": 0,
    }
    assert report.ruleset == hadr_rules.RULESET
    assert report.format == 1
    assert report.fail_level == "error"
    assert not report.ok


def test_report_lists_are_copies() -> None:
    report = hadr_check(ROOT / "examples" / "broken-pairing.json")
    report.diagnostics.clear()
    report.summary["error"] = 99
    assert len(report.diagnostics) == 9
    assert report.summary["error"] == 6
    # The same Diagnostic objects every time: made once, lazily.
    assert report.diagnostics[0] is report.diagnostics[0]


def test_diagnostic_is_frozen() -> None:
    diagnostic = hadr_check(ROOT / "examples" / "broken-pairing.json").diagnostics[0]
    with pytest.raises(AttributeError):
        diagnostic.rule = "PAIR-002"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        diagnostic.anything = 1  # type: ignore[attr-defined]
    facts = diagnostic.facts
    facts["edition"] = "standard"
    assert diagnostic.facts["edition"] == "enterprise"
    with pytest.raises(TypeError):
        hadr_rules.Diagnostic()
    assert hash(diagnostic) == hash(
        hadr_check(ROOT / "examples" / "broken-pairing.json").diagnostics[0]
    )
    assert len(set(hadr_check(ROOT / "examples" / "broken-pairing.json"))) == 9


def test_to_dict_is_the_json() -> None:
    report = hadr_check(ROOT / "examples" / "paired-2019-ag.json")
    assert report.to_dict() == json.loads(report.to_json())
    assert [d.to_dict() for d in report] == json.loads(report.to_json())["diagnostics"]


def test_fail_level() -> None:
    path = ROOT / "examples" / "clean-standard-edition-pair.json"
    assert hadr_check(path).ok
    assert hadr_check(path, fail_level="warning").ok
    info = hadr_check(path, fail_level="info")
    assert not info.ok and info.fail_level == "info"
    two_server = ROOT / "examples" / "broken-two-server-2019.json"
    assert not hadr_check(two_server, fail_level="error").ok
    with pytest.raises(hadr_rules.ArgumentError, match="fail level `fatal`"):
        hadr_rules.check(path, fail_level="fatal")  # type: ignore[arg-type]


def test_not_evaluated_does_not_fail() -> None:
    report = hadr_check(ROOT / "examples" / "paired-2019-ag.json", fail_level="info")
    assert not report.ok  # the CMS-002 info
    only_not_evaluated = hadr_check(
        ROOT / "examples" / "paired-2019-ag.json",
        fail_level="info",
        suppress=[{"rule": "CMS-002", "reason": "known"}],
    )
    assert only_not_evaluated.ok


def test_repr_reads_well() -> None:
    report = hadr_check(ROOT / "examples" / "broken-witness-version.json")
    text = repr(report)
    assert text.splitlines()[0] == (
        "Report(ok=False, fail_level='error', error=1, warning=0, info=0, "
        "not_evaluated=0, suppressed=0)"
    )
    assert "BE-006" in text and "mirror-fra" in text
    diagnostic = repr(report.diagnostics[0])
    assert diagnostic.startswith("Diagnostic(rule='BE-006', severity='error', subject='mirror-fra'")
    assert repr(hadr_check(BASE)).count("\n") == 1


def test_empty_report_is_falsy_but_ok() -> None:
    report = hadr_check(ROOT / "examples" / "clean-lync2013-cluster.json")
    assert len(report) == 0 and report.ok and report.diagnostics == []


# --- options -----------------------------------------------------------------------------------


def test_severity_override_and_suppression() -> None:
    path = ROOT / "examples" / "broken-two-server-2019.json"
    report = hadr_check(
        path,
        severity={"FE": "info", "FE-003": "warning"},
        suppress=[{"rule": "FE-004", "subject": "pool-syd.contoso.com", "reason": "accepted"}],
    )
    assert report.ok
    by_rule = {d.rule: d for d in report}
    assert by_rule["FE-003"].severity == "warning"
    assert by_rule["FE-002"].severity == "info"
    assert by_rule["FE-004"].suppressed == "accepted"
    assert report.suppressed == [by_rule["FE-004"]]
    assert report.summary["suppressed"] == 1


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"severity": {"FE-999": "error"}}, "unknown rule or family `FE-999`; did you mean `FE-009`"),
        ({"severity": {"FE": "fatal"}}, "unknown severity `fatal`"),
        ({"suppress": [{"rule": "FE-003"}]}, "needs a `reason`"),
        ({"suppress": [{"reason": "x"}]}, "needs a `rule`"),
        ({"suppress": [{"rule": "FE-003", "reason": "x", "why": "y"}]}, "unknown key `why`"),
    ],
)
def test_bad_options(kwargs: Dict[str, Any], match: str) -> None:
    with pytest.raises(hadr_rules.ArgumentError, match=match):
        hadr_check(BASE, **kwargs)


def test_bad_option_types() -> None:
    with pytest.raises(TypeError):
        hadr_rules.check(BASE, severity=["FE"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hadr_rules.check(BASE, suppress={"rule": "FE", "reason": "x"})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        hadr_check(BASE, "error")  # type: ignore[call-arg]
