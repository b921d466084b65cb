"""Selecting rules from Python: select/ignore, selector errors, fail_on_not_evaluated, and
Diagnostic objects that share their report."""

from pathlib import Path

import pytest

import hadr_rules

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def rules_of(report: hadr_rules.Report) -> list[str]:
    return [d.rule for d in report.diagnostics]


def test_select_and_ignore_take_rules_families_or_one_string() -> None:
    path = EXAMPLES / "broken-pairing.json"
    assert rules_of(hadr_rules.check(path, select=["PAIR-001", "CMS"])) == [
        "PAIR-001",
        "PAIR-001",
        "CMS-002",
    ]
    assert rules_of(hadr_rules.check(path, select="pair", ignore="PAIR-001,PAIR-003,PAIR-004")) == [
        "PAIR-002",
        "PAIR-002",
    ]
    # A rule ID is more specific than its ignored family.
    assert rules_of(hadr_rules.check(path, select=["PAIR-003"], ignore=["PAIR"])) == [
        "PAIR-003",
        "PAIR-003",
    ]


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ("WIT-003", "`WIT-003` is reported as `BE-006`: name `BE-006` instead"),
        ("PAIR-0001", "unknown rule or family `PAIR-0001`; did you mean `PAIR-001`?"),
    ],
)
def test_a_bad_selector_names_what_to_use(selector: str, message: str) -> None:
    path = EXAMPLES / "broken-pairing.json"
    for kwargs in ({"select": [selector]}, {"ignore": selector}, {"severity": {selector: "info"}}):
        with pytest.raises(hadr_rules.ArgumentError, match=message.replace("?", r"\?")):
            hadr_rules.check(path, **kwargs)


def test_select_must_be_strings() -> None:
    with pytest.raises(TypeError, match="select must be a list of rule IDs or families"):
        hadr_rules.check(EXAMPLES / "broken-pairing.json", select=3)  # type: ignore[arg-type]


def test_fail_on_not_evaluated() -> None:
    path = EXAMPLES / "paired-2019-ag.json"
    assert hadr_rules.check(path).ok
    assert not hadr_rules.check(path, fail_on_not_evaluated=True).ok
    ignore = ["FE-009", "FE-011", "FE-014", "PAIR-010"]
    assert hadr_rules.check(path, fail_on_not_evaluated=True, ignore=ignore).ok


def test_diagnostics_hash_and_compare_by_value() -> None:
    path = EXAMPLES / "broken-pairing.json"
    first, second = hadr_rules.check(path), hadr_rules.check(path)
    assert first.diagnostics == second.diagnostics
    assert {hash(d) for d in first.diagnostics} == {hash(d) for d in second.diagnostics}
    assert len(set(first.diagnostics)) == len(first.diagnostics)
    d = first.diagnostics[0]
    assert (d.rule, d.subject, d.path) == ("PAIR-001", "pool-ams.contoso.com", "/pools/0/backup_pool")
    assert d.message == (
        "pool-ams.contoso.com (Enterprise Edition) is paired with se-par.contoso.com"
        " (Standard Edition); pairs must be of one edition"
    )
    assert d.to_dict()["message"] == d.message
    assert d.to_dict()["path"] == d.path
