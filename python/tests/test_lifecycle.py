"""Support lifecycles without a topology, and the check date of `check(as_of=...)`."""

from __future__ import annotations

import datetime

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
