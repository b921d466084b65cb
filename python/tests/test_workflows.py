"""Pipeline settings from Python: `check(config=...)`, baselines and the facts template, each
equal to what the command line does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import hadr_rules
from conftest import AS_OF, ROOT

PAIRING = ROOT / "examples" / "broken-pairing.json"
MIRRORING = ROOT / "tests" / "xml" / "mirroring-witness.xml"


def rules_of(report: hadr_rules.Report) -> list[str]:
    return [d.rule for d in report.diagnostics]


def test_config_text_sets_the_check_and_arguments_win() -> None:
    config = f'select = ["PAIR-004"]\nfail_level = "warning"\nas_of = {AS_OF}\n'
    report = hadr_rules.check(PAIRING, config=config)
    assert rules_of(report) == ["PAIR-004", "PAIR-004"]
    assert (report.fail_level, report.ok) == ("warning", False)
    assert hadr_rules.check(PAIRING, config=config, fail_level="error").ok
    assert rules_of(hadr_rules.check(PAIRING, config=config, select=["CMS-002"])) == ["CMS-002"]


def test_config_severities_and_suppressions_come_first(tmp_path: Path) -> None:
    path = tmp_path / "hadr-rules.toml"
    path.write_text(
        'select = ["PAIR-004", "CMS"]\n[severity]\n"PAIR-004" = "error"\n'
        '[[suppress]]\nrule = "CMS"\nreason = "the standby is known"\n'
    )
    report = hadr_rules.check(PAIRING, config=path, as_of=AS_OF)
    assert [(d.rule, d.severity, d.suppressed) for d in report.diagnostics] == [
        ("PAIR-004", "error", None),
        ("PAIR-004", "error", None),
        ("CMS-002", "info", "the standby is known"),
    ]
    later = hadr_rules.check(PAIRING, config=path, as_of=AS_OF, severity={"PAIR-004": "info"})
    assert [d.severity for d in later.diagnostics] == ["info", "info", "info"]


def test_an_expired_suppression_warns_and_no_longer_applies() -> None:
    config = (
        'select = ["PAIR-004"]\n\n[[suppress]]\nrule = "PAIR-004"\n'
        'subject = "se-par.contoso.com"\nreason = "until the move"\nexpires = 2026-06-30\n'
    )
    before = hadr_rules.check(PAIRING, config=config, as_of="2026-06-30")
    assert [d.suppressed for d in before.diagnostics] == [None, "until the move"]
    with pytest.warns(UserWarning) as caught:
        after = hadr_rules.check(PAIRING, config=config, as_of="2026-07-01")
    assert [d.suppressed for d in after.diagnostics] == [None, None]
    assert [str(w.message) for w in caught] == [
        'hadr-rules.toml line 3: the suppression of PAIR-004@se-par.contoso.com ("until the move") '
        "expired after 2026-06-30: its findings count again"
    ]


def test_the_facts_of_a_config_file_are_read_beside_it(tmp_path: Path) -> None:
    (tmp_path / "facts.json").write_text('{"format": 1, "defaults": {"server": {"os": "ws2022"}}}')
    (tmp_path / "hadr-rules.toml").write_text(f'facts = "facts.json"\nselect = ["OS-001"]\nas_of = "{AS_OF}"\n')
    report = hadr_rules.check(MIRRORING, config=tmp_path / "hadr-rules.toml")
    assert [d.rule for d in report.errors] == ["OS-001"] * 3
    assert report.not_evaluated == []


def test_a_bad_config_is_a_topology_error_with_its_line() -> None:
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.check(PAIRING, config='selct = ["PAIR"]\n')
    assert caught.value.errors()[0]["type"] == "unknown_key"
    assert "did you mean `select`?" in caught.value.errors()[0]["msg"]
    assert (caught.value.errors()[0]["line"], caught.value.errors()[0]["column"]) == (1, 1)
    with pytest.raises(TypeError, match="config must be the text of a hadr-rules.toml"):
        hadr_rules.check(PAIRING, config=42)  # type: ignore[arg-type]


def test_baselines_hide_known_findings_as_the_command_line_does(tmp_path: Path, cli: Any) -> None:
    report = hadr_rules.check(PAIRING, as_of=AS_OF)
    baseline = report.to_baseline()
    written = tmp_path / "cli.json"
    run = cli("check", str(PAIRING), "--as-of", AS_OF, "--no-config", "--write-baseline", str(written))
    assert run.returncode == 0
    assert written.read_text() == baseline
    assert json.loads(baseline)["format"] == 1
    same, hidden, unmatched = report.apply_baseline(baseline)
    assert (len(same), hidden, unmatched, same.ok) == (0, len(report), [], True)
    assert same.summary["error"] == 0

    changed = json.loads(PAIRING.read_text())
    changed["pools"][1]["servers"][0]["os"] = "ws2019"
    changed["pools"][0]["users"] = 200_000
    path = tmp_path / "base.json"
    path.write_text(baseline)
    new, hidden, unmatched = hadr_rules.check(changed, as_of=AS_OF, ignore="LIFE").apply_baseline(path)
    assert sorted((d.rule, d.subject) for d in new.diagnostics) == [
        ("FE-009", "pool-ams.contoso.com"),
        ("PAIR-010", "pool-ams.contoso.com"),
        ("PAIR-010", "se-par.contoso.com"),
    ]
    assert [(e["rule"], e["subject"]) for e in unmatched if e["rule"].startswith("PAIR")] == [
        ("PAIR-003", "pool-ams.contoso.com"),
        ("PAIR-003", "se-par.contoso.com"),
    ]


def test_a_bad_baseline_is_a_topology_error() -> None:
    report = hadr_rules.check(PAIRING, as_of=AS_OF)
    with pytest.raises(hadr_rules.TopologyError) as caught:
        report.apply_baseline('{"format": 1, "findings": [{"rule": "PAIR-001"}]}')
    assert caught.value.errors()[0]["type"] == "missing_key"
    with pytest.raises(TypeError, match="baseline must be JSON text"):
        report.apply_baseline(3)  # type: ignore[arg-type]


def test_the_facts_template_is_the_command_lines(cli: Any) -> None:
    template = hadr_rules.facts_template(MIRRORING)
    assert cli("facts", str(MIRRORING), "--no-config").stdout.decode() == template
    assert template.startswith(f"// Facts file for {MIRRORING} (docs/facts-format.md)")
    assert '"os": null' in template
    # As it stands it is a facts file that changes nothing.
    plain = hadr_rules.check(MIRRORING, as_of=AS_OF)
    assert hadr_rules.check(MIRRORING, as_of=AS_OF, facts=template).to_json() == plain.to_json()
    filled = template.replace('"os": null', '"os": "ws2019"')
    assert '"os"' not in hadr_rules.facts_template(MIRRORING, facts=filled)
    only_os = hadr_rules.facts_template(MIRRORING, config='select = ["OS"]\n')
    assert '"version"' not in only_os and '"os": null' in only_os
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.facts_template(PAIRING)
    assert caught.value.errors()[0]["type"] == "not_topology"
