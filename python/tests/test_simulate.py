"""`simulate` returns what `hadr-rules simulate --format json` prints, as a dict: for every
example, every way of naming scenarios, every input kind; unknown names raise `TopologyError`."""

from __future__ import annotations

import json
import pathlib
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

import pytest

import hadr_rules
from conftest import BASE, EXAMPLES, ROOT, assert_gil_released, load, relative
from test_threads import big_topology

XML = ROOT / "tests" / "xml"
PAIRED = ROOT / "examples" / "paired-2019-ag.json"


def cli_simulation(cli: Any, path: pathlib.Path, *options: str) -> Tuple[Dict[str, Any], bytes]:
    """The CLI's simulation of `path`, parsed and as printed."""
    run = cli("simulate", relative(path), "--format", "json", *options)
    assert run.returncode == 0, run.stderr
    document: Dict[str, Any] = json.loads(run.stdout)
    return document, run.stdout


def text(simulation: Mapping[str, Any]) -> bytes:
    """The dict as the CLI prints it: same keys in the same order, same values."""
    return (json.dumps(simulation, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def site(path: pathlib.Path) -> str:
    first: str = load(path)["sites"][0]["id"]
    return first


def two_names(path: pathlib.Path) -> List[str]:
    """A server of the first pool, and a SQL store (or a server of the last pool)."""
    document = load(path)
    server = document["pools"][0]["servers"][0]["fqdn"]
    stores = document.get("sql_stores", [])
    other = stores[0]["id"] if stores else document["pools"][-1]["servers"][0]["fqdn"]
    assert server != other
    return [server, other]


@pytest.mark.parametrize("path", [*EXAMPLES, BASE], ids=relative)
def test_default_is_the_cli_output(path: pathlib.Path, cli: Any) -> None:
    expected, printed = cli_simulation(cli, path)
    simulation = hadr_rules.simulate(path)
    assert simulation == expected
    assert text(simulation) == printed
    # Without options, every single failure and every site loss.
    assert simulation == hadr_rules.simulate(path, all_single=True, sites=True)


@pytest.mark.parametrize("path", EXAMPLES, ids=relative)
def test_failed_site_is_the_cli_output(path: pathlib.Path, cli: Any) -> None:
    expected, printed = cli_simulation(cli, path, "--fail", site(path))
    simulation = hadr_rules.simulate(path, failed=[site(path)])
    assert simulation == expected
    assert text(simulation) == printed
    assert [s["name"] for s in simulation["scenarios"]] == [f"fail {site(path)}"]


@pytest.mark.parametrize("path", EXAMPLES, ids=relative)
def test_two_failed_names_are_the_cli_output(path: pathlib.Path, cli: Any) -> None:
    names = two_names(path)
    expected, printed = cli_simulation(cli, path, "--fail", ",".join(names))
    simulation = hadr_rules.simulate(path, failed=names)
    assert simulation == expected
    assert text(simulation) == printed
    assert [s["failed"] for s in simulation["scenarios"]] == [names]


@pytest.mark.parametrize("path", EXAMPLES, ids=relative)
def test_several_scenarios_are_the_cli_output(path: pathlib.Path, cli: Any) -> None:
    names = two_names(path)
    expected, printed = cli_simulation(
        cli, path, "--fail", site(path), "--fail", ",".join(names), "--fail", names[1]
    )
    simulation = hadr_rules.simulate(path, failed=[[site(path)], names, [names[1]]])
    assert simulation == expected
    assert text(simulation) == printed
    assert len(simulation["scenarios"]) == 3
    # Tuples and other iterables are lists too.
    assert hadr_rules.simulate(path, failed=((site(path),), tuple(names), (names[1],))) == expected


@pytest.mark.parametrize(
    ("options", "kwargs"),
    [
        (["--all-single"], {"all_single": True}),
        (["--sites"], {"sites": True}),
        (["--fail", "chicago", "--sites"], {"failed": ["chicago"], "sites": True}),
        (
            ["--fail", "dallas", "--fail", "ag-chi,fe1-chi.contoso.com", "--all-single", "--sites"],
            {"failed": [["dallas"], ["ag-chi", "fe1-chi.contoso.com"]], "all_single": True, "sites": True},
        ),
    ],
)
def test_flags_are_the_cli_flags(options: List[str], kwargs: Dict[str, Any], cli: Any) -> None:
    expected, printed = cli_simulation(cli, PAIRED, *options)
    simulation = hadr_rules.simulate(PAIRED, **kwargs)
    assert simulation == expected
    assert text(simulation) == printed


def test_every_input_kind_gives_the_same_simulation() -> None:
    expected = hadr_rules.simulate(PAIRED, failed=["chicago"])
    raw = PAIRED.read_bytes()
    for topology in (raw, bytearray(raw), raw.decode("utf-8"), load(PAIRED)):
        assert hadr_rules.simulate(topology, failed=["chicago"]) == expected


def test_names_are_matched_without_case() -> None:
    lower = hadr_rules.simulate(PAIRED, failed=["chicago", "fe1-dal.contoso.com"])
    upper = hadr_rules.simulate(PAIRED, failed=["CHICAGO", "FE1-DAL.Contoso.com"])
    assert upper["scenarios"][0]["pools"] == lower["scenarios"][0]["pools"]
    assert upper["scenarios"][0]["failed"] == ["CHICAGO", "FE1-DAL.Contoso.com"]


def test_no_scenario_runs_both_flags() -> None:
    default = hadr_rules.simulate(PAIRED)
    assert hadr_rules.simulate(PAIRED, failed=None) == default
    # No list is no scenario; an empty list of names is refused (test_hostile.py).
    assert hadr_rules.simulate(PAIRED, failed=[]) == default
    # A flag alone runs only what it asks for.
    assert hadr_rules.simulate(PAIRED, sites=True)["scenarios"] != default["scenarios"]


def test_unknown_name_is_a_topology_error(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    path = pathlib.Path(relative(PAIRED))
    with pytest.raises(hadr_rules.TopologyError) as raised:
        hadr_rules.simulate(path, failed=["chicgo", "fe1-dal.contoso.com"])
    error = raised.value
    assert isinstance(error, ValueError) and isinstance(error, hadr_rules.HadrError)
    assert error.errors() == [
        {
            "type": "unknown_entity",
            "loc": (),
            "msg": "no entity `chicgo` in the topology: did you mean `chicago`?",
            "path": "",
            "expected": "the name of a site, data center, pool, server, SQL host, SQL store, file store or gateway, or `wan:` and a branch site",
            "file": relative(PAIRED),
        }
    ]
    assert "did you mean `chicago`?" in str(error)
    run = cli("simulate", relative(PAIRED), "--format", "json", "--fail", "chicgo,fe1-dal.contoso.com")
    assert run.returncode == 2
    assert error.to_json().encode("utf-8") == run.stdout


def test_every_unknown_name_is_reported() -> None:
    with pytest.raises(hadr_rules.TopologyError) as raised:
        hadr_rules.simulate(load(PAIRED), failed=[["dallas"], ["nowhere", "fe9-dal.contoso.com"]])
    errors = raised.value.errors()
    assert [e["type"] for e in errors] == ["unknown_entity", "unknown_entity"]
    assert errors[0]["msg"] == "no entity `nowhere` in the topology"
    assert "did you mean `fe1-dal.contoso.com`?" in errors[1]["msg"]
    # Not from a file: no file name.
    assert all("file" not in e for e in errors)


def test_unreadable_topology_is_the_check_error() -> None:
    bad = ROOT / "tests" / "bad-input" / "unknown-product.json"
    with pytest.raises(hadr_rules.TopologyError) as simulated:
        hadr_rules.simulate(bad, failed=["dallas"])
    with pytest.raises(hadr_rules.TopologyError) as checked:
        hadr_rules.check(bad)
    assert simulated.value.errors() == checked.value.errors()
    assert simulated.value.to_json() == checked.value.to_json()


def test_facts_with_a_json_topology_are_refused() -> None:
    with pytest.raises(hadr_rules.TopologyError) as raised:
        hadr_rules.simulate(PAIRED, facts={"format": 1})
    assert raised.value.errors()[0]["type"] == "invalid_value"


@pytest.mark.parametrize(
    ("failed", "match"),
    [
        ("chicago", "not str"),
        (b"chicago", "not bytes"),
        ({"chicago": 1}, "not dict"),
        (5, "not int"),
        ([1], "not int"),
        ([["chicago", 2]], "a name must be a str, not int"),
        (["chicago", ["dallas"]], "not a mix of names and lists"),
        ([["chicago"], "dallas"], "not a mix of names and lists"),
        ([b"chicago"], "not bytes"),
    ],
)
def test_wrong_failed_type_is_a_type_error(failed: Any, match: str) -> None:
    with pytest.raises(TypeError, match=match):
        hadr_rules.simulate(PAIRED, failed=failed)


def test_wrong_topology_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="topology must be"):
        hadr_rules.simulate(42)  # type: ignore[arg-type]


def test_xml_with_facts_is_the_cli_simulation_of_the_import(cli: Any, tmp_path: pathlib.Path) -> None:
    """`hadr-rules simulate` reads no facts: simulate the document `hadr-rules import --facts`
    writes."""
    xml, facts = XML / "director.xml", XML / "facts" / "director.json"
    imported = tmp_path / "director.json"
    run = cli("import", relative(xml), "--facts", relative(facts), "--out", str(imported))
    assert run.returncode == 0, run.stderr
    names = ["pool.contoso.com", "dir.contoso.com"]
    cases: List[Tuple[List[str], Dict[str, Any]]] = [
        ([], {}),
        (["--fail", ",".join(names)], {"failed": names}),
        (["--fail", names[0], "--fail", names[1]], {"failed": [[n] for n in names]}),
    ]
    for options, kwargs in cases:
        run = cli("simulate", str(imported), "--format", "json", *options)
        assert run.returncode == 0, run.stderr
        for source in (xml, xml.read_bytes(), xml.read_text(encoding="utf-8")):
            for given in (facts, load(facts), facts.read_bytes()):
                simulation = hadr_rules.simulate(source, facts=given, **kwargs)
                assert simulation == json.loads(run.stdout)
                assert text(simulation) == run.stdout
        # The document import_topology gives simulates the same.
        document = hadr_rules.import_topology(xml, facts=facts)
        assert hadr_rules.simulate(document, **kwargs) == json.loads(run.stdout)


def test_xml_without_facts_is_the_cli_output(cli: Any) -> None:
    expected, printed = cli_simulation(cli, XML / "director.xml")
    simulation = hadr_rules.simulate(XML / "director.xml")
    assert simulation == expected
    assert text(simulation) == printed


def test_the_result_is_typed() -> None:
    """For mypy --strict: the stub's `Simulation` types every level of the result."""
    simulation: hadr_rules.Simulation = hadr_rules.simulate(PAIRED, failed=["chicago"])
    outcome: hadr_rules.PoolOutcome = simulation["scenarios"][0]["pools"][1]
    state: hadr_rules.PoolState = outcome["state"]
    back_end: hadr_rules.BackEndState = outcome["back_end"]
    action: hadr_rules.RecoveryAction = outcome["recovery"]["action"]
    assert (outcome["pool"], state, back_end, action) == (
        "pool-chi.contoso.com",
        "down",
        "unavailable",
        "pool_failover",
    )
    assert outcome["recovery"].get("target") == "pool-dal.contoso.com"
    survives: List[Optional[int]] = [t["survives"] for t in simulation["front_end_tolerance"]]
    assert survives == [1, 1]
    tokens = dict(hadr_rules._hadr_rules._tokens())
    assert set(tokens) >= {"PoolState", "BackEndState", "RecoveryAction"}


def keys_fit(value: Mapping[str, Any], shape: Any) -> None:
    required, optional = shape.__required_keys__, shape.__optional_keys__
    assert required <= set(value) <= required | optional, (shape.__name__, sorted(value))


@pytest.mark.parametrize("path", [*EXAMPLES, XML / "director.xml"], ids=relative)
def test_typed_dicts_describe_the_simulation(path: pathlib.Path) -> None:
    simulation = hadr_rules.simulate(path, failed=[site(path)] if path.suffix == ".json" else None)
    keys_fit(simulation, hadr_rules.Simulation)
    for scenario in simulation["scenarios"]:
        keys_fit(scenario, hadr_rules.Scenario)
        for outcome in scenario["pools"]:
            keys_fit(outcome, hadr_rules.PoolOutcome)
            keys_fit(outcome["recovery"], hadr_rules.Recovery)
            if "front_end" in outcome:
                keys_fit(outcome["front_end"], hadr_rules.FrontEndQuorum)
    for tolerance in simulation["front_end_tolerance"]:
        keys_fit(tolerance, hadr_rules.FrontEndTolerance)
    for point in simulation["single_points_of_failure"]:
        keys_fit(point, hadr_rules.SinglePointOfFailure)
        for pool in point["pools"]:
            keys_fit(pool, hadr_rules.AffectedPool)


def test_gil_is_released_while_simulating() -> None:
    # One small scenario: the single points of failure are computed from every single failure,
    # but only the few that are returned are converted to Python objects. A simulation costs
    # what it touches, so the topology grows until the call lasts long enough to tell.
    def prepare(pairs: int) -> Callable[[], hadr_rules.Simulation]:
        document = big_topology(pairs)
        return lambda: hadr_rules.simulate(document, failed=["dallas-0"])

    simulation = assert_gil_released(prepare, 240, 7680)
    assert len(simulation["scenarios"]) == 1
