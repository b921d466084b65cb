"""The support queries: back-end support, SQL and OS versions, quorum."""

from __future__ import annotations

from typing import List, Tuple

import pytest

import hadr_rules


def test_back_end_supported() -> None:
    verdict = hadr_rules.back_end_support("sfb2019", "always_on_ag", "2019", "enterprise")
    assert verdict.support == "yes" and verdict.supported
    assert verdict.rules == ()
    assert not verdict.unverified and not verdict.contested
    assert verdict.reason == (
        "Skype for Business Server 2019 supports AlwaysOn Availability Groups "
        "on SQL Server 2019 enterprise edition"
    )
    assert verdict.to_dict() == {
        "support": "yes",
        "unverified": False,
        "contested": False,
        "rules": [],
        "reason": verdict.reason,
    }


def test_mirroring_on_2019_is_not_supported() -> None:
    verdict = hadr_rules.back_end_support("sfb2019", "mirroring", "2019", "enterprise")
    assert verdict.support == "no" and not verdict.supported
    assert verdict.rules == ("BE-002",)
    assert "does not support SQL mirroring" in verdict.reason
    assert repr(verdict).startswith("BackEndSupport(support='no'")


def test_express_and_standard_ag() -> None:
    express = hadr_rules.back_end_support("sfb2015", "none", "2014", "express")
    assert express.rules == ("SQL-011",)
    contested = hadr_rules.back_end_support("sfb2019", "always_on_ag", "2019", "standard")
    assert contested.support == "no" and contested.contested
    assert contested.rules == ("SQL-007",)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (("sfb2109", "none", "2019", "enterprise"), "unknown product `sfb2109`: did you mean `sfb2019`?"),
        (("sfb2019", "mirorring", "2019", "enterprise"), "unknown HA mode `mirorring`: did you mean `mirroring`?"),
        (("sfb2019", "none", "2091", "enterprise"), "unknown SQL Server version `2091`"),
        (("sfb2019", "none", "2019", "datacenter"), "unknown SQL Server edition `datacenter`"),
    ],
)
def test_back_end_support_rejects_unknown_tokens(args: Tuple[str, str, str, str], match: str) -> None:
    with pytest.raises(hadr_rules.ArgumentError, match=match) as caught:
        hadr_rules.back_end_support(*args)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, hadr_rules.HadrError)


PRODUCTS: List[hadr_rules.Product] = ["lync2013", "sfb2015", "sfb2019", "sfbse"]
VERSIONS: List[hadr_rules.SqlVersion] = ["2008r2", "2012", "2014", "2016", "2017", "2019", "2022"]


def test_sql_versions() -> None:
    assert hadr_rules.sql_versions("lync2013") == ["2008r2", "2012"]
    assert "2019" in hadr_rules.sql_versions("sfb2019")
    # The listed versions are exactly those a back end without HA may run on.
    for product in PRODUCTS:
        listed = hadr_rules.sql_versions(product)
        for version in VERSIONS:
            verdict = hadr_rules.back_end_support(product, "none", version, "enterprise")
            assert verdict.supported == (version in listed), (product, version)


def test_os_versions() -> None:
    assert "ws2008r2" in hadr_rules.os_versions("lync2013")
    assert "ws2019" in hadr_rules.os_versions("sfb2019")
    assert "ws2008r2" not in hadr_rules.os_versions("sfb2019")
    with pytest.raises(hadr_rules.ArgumentError):
        hadr_rules.os_versions("skype")  # type: ignore[arg-type]


def test_first_start_quorum() -> None:
    quorum = hadr_rules.first_start_quorum("sfb2015", 12)
    assert quorum.status == "needs"
    assert quorum.needed == (hadr_rules.first_start_quorum("sfb2019", 12).needed[0],)
    (condition,) = quorum.needed
    assert (condition.count, condition.of_first) == (10, None)
    assert quorum.met_by([True] * 10 + [False] * 2)
    assert not quorum.met_by([True] * 9 + [False] * 3)
    assert quorum.to_dict() == {"status": "needs", "needed": [{"count": 10, "of_first": None}]}
    assert repr(quorum) == "Quorum(status='needs', needed=(QuorumCondition(count=10, of_first=None),))"


def test_functional_quorum_of_twelve_on_2019() -> None:
    quorum = hadr_rules.functional_quorum("sfb2019", 12)
    assert [(c.count, c.of_first) for c in quorum.needed] == [(5, 9), (7, 12)]
    running = [True] * 5 + [False] * 4 + [True] + [False] * 2
    assert quorum.needed[0].met_by(running)
    assert not quorum.needed[1].met_by(running)
    assert quorum.met_by(running) is False


def test_quorum_without_an_answer() -> None:
    two = hadr_rules.functional_quorum("sfb2019", 2)
    assert two.status == "not_supported" and two.needed == () and two.met_by([True, True]) is None
    assert hadr_rules.first_start_quorum("sfb2019", 14).status == "undocumented"
    assert hadr_rules.first_start_quorum("sfb2015", 0).status == "not_supported"
    assert hadr_rules.first_start_quorum("lync2013", 1).needed[0].count == 1


def test_quorum_rejects_bad_arguments() -> None:
    with pytest.raises(hadr_rules.ArgumentError, match="non-negative"):
        hadr_rules.functional_quorum("sfb2019", -1)
    with pytest.raises(TypeError):
        hadr_rules.functional_quorum("sfb2019", "12")  # type: ignore[arg-type]
    with pytest.raises(hadr_rules.ArgumentError, match="unknown product"):
        hadr_rules.functional_quorum("sfb2020", 4)  # type: ignore[arg-type]
