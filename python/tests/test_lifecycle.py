"""Support lifecycles without a topology, and the check date of `check(as_of=...)`."""

from __future__ import annotations

import datetime
import json
import pathlib

import pytest

import hadr_rules


@pytest.mark.parametrize(
    "kind, token, service_pack, on, supported",
    [
        ("sql", "2016", 3, "2026-07-14", True),
        ("sql", "2016", 3, "2026-07-15", False),
        ("sql", "2016", 2, "2022-10-11", True),
        ("sql", "2016", 2, "2022-10-12", False),
        ("os", "ws2019", None, datetime.date(2029, 1, 9), True),
        ("os", "ws2019", None, datetime.date(2029, 1, 10), False),
        ("product", "sfb2019", None, "2025-10-14", True),
        ("product", "sfb2019", None, "2025-10-15", False),
    ],
)
def test_an_end_date_is_the_last_supported_day(
    kind: str, token: str, service_pack: int | None, on: object, supported: bool
) -> None:
    status = hadr_rules.lifecycle_status(kind, token, service_pack=service_pack, on=on)  # type: ignore[arg-type]
    assert status["supported"] is supported


def test_sql_server_2016_sp3_on_esu() -> None:
    status = hadr_rules.lifecycle_status("sql", "2016", service_pack=3, on="2026-11-26")
    assert status["phase"] == "ended"
    assert status["end"] == {"date": "2026-07-14", "kind": "extended", "provenance": "primary"}
    assert status["days_left"] == -135
    assert status["esu"]["end"] == "2029-07-17"
    assert status["url"] == "https://learn.microsoft.com/lifecycle/products/sql-server-2016"


def test_windows_server_2016_is_approaching() -> None:
    status = hadr_rules.lifecycle_status("os", "ws2016", on="2026-11-26")
    assert status["phase"] == "extended" and status["approaching"] is True
    assert status["days_left"] == 47
    short = hadr_rules.lifecycle_status("os", "ws2016", on="2026-11-26", approaching_months=1)
    assert short["approaching"] is False


def test_end_of_support() -> None:
    assert hadr_rules.end_of_support("os", "ws2019") == "2029-01-09"
    assert hadr_rules.end_of_support("sql", "2016", service_pack=2) == "2022-10-11"
    assert hadr_rules.end_of_support("product", "lync2013") == "2023-04-11"
    assert hadr_rules.end_of_support("product", "sfbse") is None


def test_lifecycle_table_names_its_sources() -> None:
    table = hadr_rules.lifecycle_table()
    assert table["as_of"] == "2026-11-26"
    assert len(table["rows"]) == 4 + 7 + 7
    assert all(row["source"] for row in table["rows"])
    ws2025 = next(row for row in table["rows"] if row["item"]["token"] == "ws2025")
    assert ws2025["extended_end"] == {"date": "2034-11-14", "provenance": "secondary"}


def test_bad_queries_raise_argument_errors() -> None:
    with pytest.raises(hadr_rules.ArgumentError, match="unknown kind `windows`"):
        hadr_rules.lifecycle_status("windows", "ws2019")  # type: ignore[arg-type]
    with pytest.raises(hadr_rules.ArgumentError, match="unknown sql token `2000`"):
        hadr_rules.end_of_support("sql", "2000")
    with pytest.raises(hadr_rules.ArgumentError, match="expected YYYY-MM-DD"):
        hadr_rules.lifecycle_status("os", "ws2019", on="2026-02-30")
    with pytest.raises(hadr_rules.ArgumentError, match="not int"):
        hadr_rules.lifecycle_status("os", "ws2019", on=20261126)  # type: ignore[arg-type]


EXAMPLE = pathlib.Path(__file__).resolve().parents[2] / "examples" / "paired-2019-ag.json"


def test_check_on_a_pinned_date_records_it() -> None:
    report = hadr_rules.check(EXAMPLE, as_of="2026-11-26")
    assert report.check_date == "2026-11-26"
    assert json.loads(report.to_json())["check_date"] == "2026-11-26"
    pools = {d.subject for d in report.errors if d.rule == "LIFE-001"}
    assert pools == {"pool-dal.contoso.com", "pool-chi.contoso.com"}
    same = hadr_rules.check(EXAMPLE, as_of=datetime.date(2026, 11, 26))
    assert same.to_json() == report.to_json()


def test_before_the_end_no_product_is_past() -> None:
    report = hadr_rules.check(EXAMPLE, as_of="2025-10-14", select="LIFE")
    assert {d.rule for d in report.warnings} == {"LIFE-002"}
    assert report.errors == []


def test_without_the_family_the_report_names_no_date() -> None:
    report = hadr_rules.check(EXAMPLE, ignore="LIFE")
    assert report.check_date is None
    assert "check_date" not in json.loads(report.to_json())


def test_the_horizon_is_an_option() -> None:
    six = hadr_rules.check(EXAMPLE, as_of="2025-04-14", select="LIFE-002", approaching_months=6)
    twelve = hadr_rules.check(EXAMPLE, as_of="2025-04-14", select="LIFE-002")
    assert len(six) == 0
    assert {d.subject for d in twelve} == {"pool-dal.contoso.com", "pool-chi.contoso.com"}


def test_readiness_for_subscription_edition() -> None:
    report = hadr_rules.check(
        EXAMPLE.parent / "broken-unsupported-os.json", as_of="2026-11-26", target_product="sfbse"
    )
    assert report.target_product == "sfbse"
    found = {(d.rule, d.subject) for d in report}
    assert ("OS-006", "fe1-bos.contoso.com") in found
    assert ("COEX-008", "lyncpool-atl.contoso.com") in found
    assert not any(rule == "LIFE-001" for rule, _ in found)
    assert hadr_rules.check(EXAMPLE, as_of="2026-11-26").target_product is None


def test_bad_check_options_raise_argument_errors() -> None:
    with pytest.raises(hadr_rules.ArgumentError, match="expected YYYY-MM-DD"):
        hadr_rules.check(EXAMPLE, as_of="26.11.2026")
    with pytest.raises(hadr_rules.ArgumentError, match="not a target product"):
        hadr_rules.check(EXAMPLE, target_product="sfb2019")  # type: ignore[arg-type]
