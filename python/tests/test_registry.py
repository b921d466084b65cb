"""`rules()`, `rule()` and `explain()` against the CLI's `rules` and `explain`."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, List, get_args

import pytest

import hadr_rules


def test_rules_are_the_registry(cli: Any) -> None:
    rules = hadr_rules.rules()
    run = cli("rules", "--format", "json")
    assert run.returncode == 0
    assert [rule.to_dict() for rule in rules] == json.loads(run.stdout)
    ids = [rule.id for rule in rules]
    assert len(ids) == len(set(ids)) and "PAIR-001" in ids


def test_rule_info_fields() -> None:
    rule = hadr_rules.rule("pair-001")
    assert rule == hadr_rules.rules()[0] and hash(rule) == hash(hadr_rules.rule("PAIR-001"))
    assert (rule.id, rule.name, rule.family, rule.severity) == (
        "PAIR-001",
        "pair-same-edition",
        "PAIR",
        "error",
    )
    assert rule.evaluation == "checked"
    assert rule.guidance_reason is None and rule.alias_of is None
    assert set(rule.doc) == {"what", "why", "example", "fix"}
    assert all({"path", "heading", "url"} == set(source) for source in rule.sources)
    assert rule.references == tuple(source["url"] for source in rule.sources)
    assert set(rule.products) <= {"lync2013", "sfb2015", "sfb2019", "sfbse"}
    assert rule.strength in ("unsupported", "required-procedure", "recommended", "informational")
    assert rule.provenance in ("primary", "derived", "secondary", "unsourced")
    assert rule.tb_enforced in ("yes", "no", "partial", "not-stated")
    assert repr(rule).startswith("RuleInfo(id='PAIR-001'")
    with pytest.raises(AttributeError):
        rule.id = "X"  # type: ignore[misc]


def test_rules_of_a_family() -> None:
    pair = hadr_rules.rules(family="PAIR")
    assert pair and all(rule.family == "PAIR" for rule in pair)
    assert hadr_rules.rules(family="pair") == pair  # type: ignore[arg-type]
    families: List[Any] = literal_values(hadr_rules.Family)
    assert sum(len(hadr_rules.rules(family=f)) for f in families) == len(hadr_rules.rules())
    with pytest.raises(hadr_rules.ArgumentError, match="unknown family `PAIRS`: did you mean `PAIR`?"):
        hadr_rules.rules(family="PAIRS")  # type: ignore[arg-type]


def test_every_evaluation_kind_has_its_fields() -> None:
    for rule in hadr_rules.rules():
        assert (rule.guidance_reason is not None) == (rule.evaluation == "guidance")
        assert (rule.alias_of is not None) == (rule.evaluation == "alias")


@pytest.mark.parametrize("rule_id", [rule.id for rule in hadr_rules.rules()])
def test_explain_matches_the_cli(rule_id: str, cli: Any) -> None:
    text = hadr_rules.explain(rule_id)
    run = cli("explain", rule_id)
    assert run.returncode == 0
    assert text == run.stdout.decode("utf-8")
    for heading in ("What it checks", "Why", "Example", "How to fix", "Sources"):
        assert f"\n{heading}\n" in text


def test_explain_is_case_insensitive() -> None:
    assert hadr_rules.explain("pair-001") == hadr_rules.explain("PAIR-001")
    assert hadr_rules.rule("PAIR-001").explain() in hadr_rules.explain("PAIR-001")


def test_explain_unknown_rule() -> None:
    with pytest.raises(hadr_rules.UnknownRuleError) as caught:
        hadr_rules.explain("PAIR-01")
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, hadr_rules.HadrError)
    assert str(caught.value) == "no rule `PAIR-01` in the catalog: did you mean `PAIR-001`?"
    with pytest.raises(KeyError, match="no rule `nothing-like-it` in the catalog$"):
        hadr_rules.rule("nothing-like-it")


def test_package_surface() -> None:
    assert hadr_rules.__version__
    assert hadr_rules.RULESET == hadr_rules.check(b'{"format": 1, "sites": [], "pools": []}').ruleset
    for name in hadr_rules.__all__:
        assert hasattr(hadr_rules, name), name
    assert issubclass(hadr_rules.TopologyError, hadr_rules.HadrError)
    assert issubclass(hadr_rules.TopologyError, ValueError)
    assert not issubclass(hadr_rules.HadrError, RuntimeError)


def test_typing_files_are_installed() -> None:
    package = Path(hadr_rules.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_hadr_rules.pyi").is_file()
    assert hadr_rules._hadr_rules.__file__.endswith(".abi3.so") or os.name == "nt"


def literal_values(alias: Any) -> List[str]:
    return [value for literal in get_args(alias) for value in get_args(literal)]


def test_literal_types_follow_the_engine() -> None:
    """The tokens of `hadr_rules._types` are exactly the engine's."""
    for name, tokens in hadr_rules._hadr_rules._tokens():
        assert sorted(literal_values(getattr(hadr_rules, name))) == sorted(tokens), name


def test_docstring_example() -> None:
    import doctest

    failures, tried = doctest.testmod(hadr_rules, verbose=False)
    assert tried > 0 and failures == 0
