"""Topology XML, `.tbxml` files and `Export-CsConfiguration` zips: `import_topology` gives the
document `hadr-rules import` writes, `check` the report of `hadr-rules check [--facts]`, and bad
inputs raise `TopologyError` with the importer's error kinds."""

from __future__ import annotations

import json
import pathlib
import pickle
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Tuple

import pytest

import hadr_rules
from conftest import AS_OF, BASE, ROOT, SAMPLE_DIR, SAMPLES_REQUIRED, assert_gil_released, hadr_check, relative

XML = ROOT / "tests" / "xml"
FACTS = XML / "facts"
# The eight public samples are not copied into the repository: like the core's tests, read them
# from the shared folder next to it (conftest.SAMPLE_DIR), and skip what needs them when it is
# absent; the hand-made fixtures cover every importer path without them.
SAMPLES = sorted(p for p in SAMPLE_DIR.glob("*") if p.suffix in (".xml", ".tbxml"))
FIXTURES = sorted(p for p in XML.glob("*") if p.is_file())
INPUTS = [*FIXTURES, *SAMPLES]
AG_SAMPLE = SAMPLE_DIR / "rlevchenko__powershell-skype__DefaultTopology.xml"

# The files of tests/xml/bad and the `type` of each of their errors.
BAD_FILES: Dict[str, List[str]] = {
    "bomb.zip": ["archive"],
    "dangling.xml": ["dangling_reference", "dangling_reference"],
    "dtd.xml": ["dtd"],
    "lync2010.xml": ["unsupported_product", "unsupported_product"],
    "malformed.xml": ["xml"],
    "no-docitemset.zip": ["not_topology"],
    "not-xml.txt": ["not_topology"],
    "other-root.xml": ["not_topology"],
    "unknown-version.xml": ["unsupported_product", "unsupported_product"],
    "userdata.zip": ["not_topology"],
    "wrong-namespace.xml": ["not_topology"],
}


def name(path: pathlib.Path) -> str:
    return path.name if path.parent == SAMPLE_DIR else relative(path)


def cli_import(cli: Any, path: pathlib.Path, *options: str) -> Tuple[Dict[str, Any], str]:
    """The document `hadr-rules import` writes, and its standard error."""
    run = cli("import", *options, str(path))
    assert run.returncode == 0, run.stderr
    document: Dict[str, Any] = json.loads(run.stdout)
    # The dict dumps to the same text: keys in the same order.
    assert dumps(document) == run.stdout.decode("utf-8")
    return document, run.stderr.decode()


def dumps(document: Dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def cli_check(cli: Any, path: pathlib.Path, *options: str) -> Any:
    """`hadr-rules check` as `hadr_check` runs it: on AS_OF, without the lifecycle family."""
    pinned = ("--as-of", AS_OF, "--ignore", "LIFE")
    run = cli("check", "--format", "json", *pinned, *options, str(path))
    assert run.returncode in (0, 1), run.stderr
    return run


def raised(call: Any, source: Any, **kwargs: Any) -> hadr_rules.TopologyError:
    with pytest.raises(hadr_rules.TopologyError) as caught:
        call(source, **kwargs)
    error = caught.value
    assert isinstance(error, hadr_rules.HadrError) and isinstance(error, ValueError)
    assert error.error_count() == len(error.errors()) > 0
    return error


def import_errors(source: Any, *, check: bool = True, **kwargs: Any) -> List[Dict[str, Any]]:
    """The errors of `import_topology`, which `import_warnings` and (unless the source is
    neither XML nor a zip, which `check` reads as JSON) `check` share."""
    error = raised(hadr_rules.import_topology, source, **kwargs)
    details = [dict(d) for d in error.errors()]
    for call in (hadr_rules.check, hadr_rules.import_warnings) if check else (hadr_rules.import_warnings,):
        again = raised(call, source, **kwargs)
        assert [dict(d) for d in again.errors()] == details, call
        assert str(again) == str(error)
    return details


def cli_error_text(error: hadr_rules.TopologyError) -> str:
    """The error as the command line prints it on standard error."""
    return "".join(f"error: {line}\n" for line in str(error).splitlines())


def test_samples_are_all_there() -> None:
    if not SAMPLE_DIR.is_dir():
        missing = f"no topology samples at {SAMPLE_DIR} (set HADR_RULES_SAMPLES to their folder)"
        if SAMPLES_REQUIRED:
            pytest.fail(f"required here (HADR_RULES_SAMPLES or CI=true): {missing}")
        pytest.skip(missing)
    assert len(SAMPLES) == 8


# --- the document of `hadr-rules import` -------------------------------------------------------


@pytest.mark.parametrize("path", INPUTS, ids=name)
def test_import_is_the_cli_document(path: pathlib.Path, cli: Any) -> None:
    expected, _ = cli_import(cli, path)
    document = hadr_rules.import_topology(path)
    assert document == expected
    assert document["format"] == 1
    assert dumps(document) == dumps(expected)
    # The same from the bytes and, for XML, from the text: the form comes from the content.
    data = path.read_bytes()
    assert hadr_rules.import_topology(data) == expected
    assert hadr_rules.import_topology(bytearray(data)) == expected
    if path.suffix != ".zip":
        encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
        assert hadr_rules.import_topology(data.decode(encoding)) == expected


@pytest.mark.parametrize("path", INPUTS, ids=name)
def test_import_warnings_are_the_cli_warnings(path: pathlib.Path, cli: Any) -> None:
    _, stderr = cli_import(cli, path)
    warnings = hadr_rules.import_warnings(path)
    lines = []
    for warning in warnings:
        assert set(warning) <= {"kind", "path", "line", "message"}
        line = warning.get("line")
        at = f"{path}:{line}" if line is not None else str(path)
        where = f"at `{warning['path']}`: " if warning["path"] else ""
        lines.append(f"warning: {at}: {where}{warning['message']} [{warning['kind']}]")
    assert lines == stderr.splitlines()
    assert hadr_rules.import_warnings(path.read_bytes()) == warnings


def test_warning_details() -> None:
    path = XML / "branch-sba.xml"
    assert hadr_rules.import_warnings(path) == [
        {
            "kind": "unverified",
            "path": "/sites/1/kind",
            "line": 13,
            "message": "branch site `Spokane` is read from a `BranchSite` element, an XML shape no "
            "public export confirms",
        },
        {
            "kind": "placeholder_address",
            "path": "",
            "line": 31,
            "message": "`SbaInternalIP` in `IPAddress` of <NetInterface InterfaceSide=\"Primary\"> "
            "is not an IP address (a template placeholder?)",
        },
    ]
    assert hadr_rules.import_warnings(XML / "director.xml") == []


@pytest.mark.parametrize("path", INPUTS, ids=name)
def test_anonymized_import_is_the_cli_document(path: pathlib.Path, cli: Any) -> None:
    expected, _ = cli_import(cli, path, "--anonymize")
    document = hadr_rules.import_topology(path, anonymize=True)
    assert dumps(document) == dumps(expected)


def test_anonymize_hides_the_names() -> None:
    document = hadr_rules.import_topology(XML / "director.xml", anonymize=True)
    text = json.dumps(document)
    for word in ("contoso", "Dallas", "fe1"):
        assert word not in text
    assert document["pools"][0]["fqdn"] == "host1.domain1.example"
    # The anonymized document is a topology of its own, with the same findings.
    assert hadr_check(document).summary == hadr_check(XML / "director.xml").summary


def test_round_trip_gives_the_same_report() -> None:
    for path in INPUTS:
        document = hadr_rules.import_topology(path)
        assert hadr_check(document).to_json() == hadr_check(path).to_json(), path


# --- checking XML directly ---------------------------------------------------------------------


@pytest.mark.parametrize("path", INPUTS, ids=name)
def test_check_is_the_cli_report(path: pathlib.Path, cli: Any) -> None:
    run = cli_check(cli, path)
    report = hadr_check(path)
    assert report.to_json().encode("utf-8") == run.stdout
    assert report.ok == (run.returncode == 0)
    assert hadr_check(path.read_bytes()).to_json() == report.to_json()


def test_check_options_apply_to_xml(cli: Any) -> None:
    path = XML / "mirroring-witness.xml"
    run = cli_check(cli, path, "--fail-level", "info", "--suppress", "SQL=accepted")
    report = hadr_check(
        path, fail_level="info", suppress=[{"rule": "SQL", "reason": "accepted"}]
    )
    assert report.to_json().encode("utf-8") == run.stdout
    assert report.ok == (run.returncode == 0)


# --- facts ---------------------------------------------------------------------------------------

FACTS_CASES = [
    (XML / "director.xml", FACTS / "director.json"),
    (XML / "always-on-edge.xml", FACTS / "always-on-edge.json"),
]
if AG_SAMPLE.is_file():
    FACTS_CASES.append((AG_SAMPLE, FACTS / "always-on.json"))


def facts_forms(path: pathlib.Path) -> List[Any]:
    """The facts file as a path (`Path` and `str` path-likes aside), a dict, text and bytes."""
    text = path.read_text(encoding="utf-8")
    return [path, json.loads(text), text, text.encode("utf-8"), bytearray(text.encode("utf-8"))]


@pytest.mark.parametrize(("topology", "facts"), FACTS_CASES, ids=lambda p: name(p))
def test_facts_give_the_cli_report(topology: pathlib.Path, facts: pathlib.Path, cli: Any) -> None:
    run = cli_check(cli, topology, "--facts", str(facts))
    without = hadr_check(topology).to_json()
    assert without.encode("utf-8") != run.stdout, "the facts change nothing: a weak test"
    for form in facts_forms(facts):
        report = hadr_check(topology, facts=form)
        assert report.to_json().encode("utf-8") == run.stdout, type(form)
        assert report.ok == (run.returncode == 0)
    assert hadr_check(topology, facts=None).to_json() == without


@pytest.mark.parametrize(("topology", "facts"), FACTS_CASES, ids=lambda p: name(p))
def test_facts_give_the_cli_document(topology: pathlib.Path, facts: pathlib.Path, cli: Any) -> None:
    expected, stderr = cli_import(cli, topology, "--facts", str(facts))
    assert expected != hadr_rules.import_topology(topology)
    # The facts answer what the XML leaves open: what warnings are left (a placeholder address)
    # are the command line's, and none says a fact was assumed.
    cli_kinds = [line.rsplit("[", 1)[1].rstrip("]") for line in stderr.splitlines()]
    assert "assumed" not in cli_kinds
    for form in facts_forms(facts):
        document = hadr_rules.import_topology(topology, facts=form)
        assert dumps(document) == dumps(expected), type(form)
        warnings = hadr_rules.import_warnings(topology, facts=form)
        assert [w["kind"] for w in warnings] == cli_kinds, type(form)


def test_facts_complete_the_report() -> None:
    path = XML / "director.xml"
    without = hadr_check(path)
    assert without.summary["not_evaluated"] > 0
    report = hadr_check(path, facts=FACTS / "director.json")
    assert report.summary == {
        "error": 0,
        "warning": 0,
        "info": 0,
        "not_evaluated": 0,
        "suppressed": 0,
    }


def test_unused_facts_are_warnings() -> None:
    facts = {"format": 1, "pools": {"pool.contoso.org": {"users": 10}}}
    warnings = hadr_rules.import_warnings(XML / "director.xml", facts=facts)
    assert [(w["kind"], w["path"]) for w in warnings] == [
        ("unused_fact", "/pools/pool.contoso.org")
    ]
    assert "did you mean `pool.contoso.com`?" in warnings[0]["message"]


def test_facts_with_a_json_topology_are_refused(cli: Any, monkeypatch: Any) -> None:
    monkeypatch.chdir(ROOT)
    base, facts = pathlib.Path(relative(BASE)), relative(FACTS / "director.json")
    run = cli("check", "--format", "json", "--facts", facts, str(base))
    assert run.returncode == 2
    error = raised(hadr_rules.check, base, facts=pathlib.Path(facts))
    assert error.to_json() == run.stdout.decode()
    assert cli_error_text(error) == run.stderr.decode()
    (detail,) = error.errors()
    assert (detail["type"], detail["loc"], detail["file"]) == ("invalid_value", (), str(base))
    # Whatever form the document and the facts take.
    for topology in (BASE.read_text(), BASE.read_bytes(), json.loads(BASE.read_text())):
        for form in facts_forms(FACTS / "director.json"):
            (detail,) = raised(hadr_rules.check, topology, facts=form).errors()
            assert detail["type"] == "invalid_value"
            assert "a format-1 JSON document states its facts itself" in detail["msg"]


def facts_error(facts: Any) -> Dict[str, Any]:
    details = import_errors(XML / "director.xml", facts=facts)
    assert len(details) == 1, details
    return details[0]


def test_bad_facts_in_a_dict() -> None:
    detail = facts_error({"format": 1, "servers": {"fe1.contoso.com": {"oss": "ws2019"}}})
    assert detail == {
        "type": "unknown_key",
        "loc": ("servers", "fe1.contoso.com", "oss"),
        "msg": "unknown key `oss`: did you mean `os`?",
        "path": "/servers/fe1.contoso.com/oss",
        "expected": "one of `os`, `platform`, `data_center`, `domain`, `time_zone`, `virtualization`, `network_interfaces`",
    }
    detail = facts_error({"format": 1, "defaults": {"server": {"os": "ws2091"}}})
    assert (detail["type"], detail["loc"]) == ("unknown_token", ("defaults", "server", "os"))
    assert facts_error({"format": 2})["type"] == "unsupported_format"
    assert facts_error({"servers": {}})["type"] == "missing_key"
    detail = facts_error({"format": 1, "x": {1, 2}})
    assert (detail["type"], detail["loc"]) == ("invalid_type", ("x",))


def test_bad_facts_as_text() -> None:
    text = '{"format": 1, "servers": {"fe1.contoso.com": {"oss": "ws2019"}}}'
    detail = facts_error(text)
    assert (detail["type"], detail["line"], detail["column"]) == ("unknown_key", 1, 51)
    assert facts_error(text.encode()) == detail
    assert facts_error("  ")["type"] == "empty"
    assert facts_error("{")["type"] == "syntax"
    assert facts_error(b"\xff")["type"] == "encoding"
    assert facts_error("\ud800")["type"] == "encoding"


def test_bad_facts_file_is_the_cli_error(cli: Any, tmp_path: pathlib.Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text('{"format": 1, "servers": {"fe1.contoso.com": {"oss": "ws2019"}}}')
    topology = XML / "director.xml"
    for path in (facts, tmp_path / "missing.json", tmp_path):
        run = cli("check", "--facts", str(path), str(topology))
        assert run.returncode == 2
        error = raised(hadr_rules.check, topology, facts=path)
        assert cli_error_text(error) == run.stderr.decode()
        assert all(d["file"] == str(path) for d in error.errors())
        assert import_errors(topology, facts=path) == [dict(d) for d in error.errors()]


def test_facts_are_read_before_the_topology() -> None:
    # As on the command line: bad facts are reported even when the topology is bad too.
    detail = import_errors(XML / "bad" / "malformed.xml", facts={"format": 2})[0]
    assert detail["type"] == "unsupported_format"
    detail = import_errors("\ud800", facts={"format": 1, "x": object()})[0]
    assert (detail["type"], detail["loc"]) == ("invalid_type", ("x",))


# --- bad input -----------------------------------------------------------------------------------


def test_every_bad_input_is_covered() -> None:
    assert sorted(p.name for p in (XML / "bad").iterdir()) == sorted(BAD_FILES)


@pytest.mark.parametrize("file", sorted(BAD_FILES))
def test_bad_input(file: str, cli: Any, monkeypatch: Any) -> None:
    monkeypatch.chdir(ROOT)
    path = pathlib.Path("tests", "xml", "bad", file)
    # Text that is neither XML nor a zip is JSON to `check`, as to `hadr-rules check`.
    json_to_check = file == "not-xml.txt"
    details = import_errors(path, check=not json_to_check)
    assert [d["type"] for d in details] == BAD_FILES[file]
    assert all(d["file"] == str(path) for d in details)
    imported = cli("import", str(path))
    assert imported.returncode == 2 and imported.stdout == b""
    assert cli_error_text(raised(hadr_rules.import_topology, path)) == imported.stderr.decode()
    # `check` gives the errors of `hadr-rules check --format json`, message, position and all.
    run = cli("check", "--format", "json", str(path))
    assert run.returncode == 2
    error = raised(hadr_rules.check, path)
    assert error.to_json() == run.stdout.decode()
    printed = json.loads(run.stdout)["errors"]
    assert len(printed) == error.error_count()
    for detail, expected in zip(error.errors(), printed):
        assert detail["type"] == expected["kind"]
        assert detail["msg"] == expected["message"]
        assert detail["path"] == expected["path"]
        assert detail.get("file") == expected["file"]
        for key in ("line", "column", "expected"):
            assert detail.get(key) == expected.get(key), key
    assert json_to_check == (error.errors()[0]["type"] == "syntax")
    # From the bytes: the same errors, without the file.
    from_bytes = import_errors((ROOT / path).read_bytes(), check=not json_to_check)
    assert from_bytes == [{k: v for k, v in d.items() if k != "file"} for d in details]


def test_positions_of_bad_xml() -> None:
    (detail,) = import_errors(XML / "bad" / "malformed.xml")
    assert (detail["type"], detail["line"], detail["column"]) == ("xml", 6, 3)
    assert detail["msg"] == "not well-formed XML: expected 'Sites' tag, not 'Site'"
    assert detail["loc"] == ()
    (detail,) = import_errors(XML / "bad" / "dtd.xml")
    assert (detail["type"], detail["line"], detail["column"]) == ("dtd", 2, 1)


def test_lync_2010_is_an_unsupported_product() -> None:
    details = import_errors(XML / "bad" / "lync2010.xml")
    assert {d["type"] for d in details} == {"unsupported_product"}
    assert any("Lync Server 2010" in d["msg"] for d in details)


def test_unsupported_product_can_be_given_in_the_facts() -> None:
    facts = {"format": 1, "pools": {p: {"product": "sfbse"} for p in ("pool.contoso.com", "dir.contoso.com")}}
    document = hadr_rules.import_topology(XML / "bad" / "unknown-version.xml", facts=facts)
    assert document["pools"][0]["product"] == "sfbse"


def test_import_refuses_json() -> None:
    # `import_topology` reads XML only, where `check` takes JSON too.
    for source in (BASE, BASE.read_bytes(), BASE.read_text()):
        (detail,) = import_errors(source, check=False)
        assert detail["type"] == "not_topology"


def test_missing_source(tmp_path: pathlib.Path) -> None:
    (detail,) = import_errors(tmp_path / "nope.xml")
    assert (detail["type"], detail["file"]) == ("io", str(tmp_path / "nope.xml"))
    assert detail["msg"] == "cannot read the file: no such file"


def test_empty_source() -> None:
    for empty in (b"", ""):
        (detail,) = import_errors(empty, check=False)
        assert detail["type"] == "not_topology"


def test_import_error_pickles() -> None:
    error = raised(hadr_rules.import_topology, XML / "bad" / "dangling.xml")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.errors() == error.errors() and str(copy) == str(error)


def test_wrong_argument_types() -> None:
    for value in (42, None, [b"<Topology/>"], json.loads(BASE.read_text())):
        with pytest.raises(TypeError, match="source must be topology XML"):
            hadr_rules.import_topology(value)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="source must be topology XML"):
            hadr_rules.import_warnings(value)  # type: ignore[arg-type]
    bad_facts: List[Any] = [42, [1], 1.5]
    for facts in bad_facts:
        for call in (hadr_rules.check, hadr_rules.import_topology, hadr_rules.import_warnings):
            with pytest.raises(TypeError, match=re.escape("facts must be a dict, JSON text")):
                call(XML / "director.xml", facts=facts)
    with pytest.raises(TypeError, match="topology must be JSON text or topology XML"):
        hadr_rules.check(42, facts={"format": 1})  # type: ignore[arg-type]


def test_xml_errors_do_not_hide_json_errors() -> None:
    # JSON keeps its own errors: a document that is neither XML nor a zip is read as JSON.
    assert raised(hadr_rules.check, "not json").errors()[0]["type"] == "syntax"


# --- threads -------------------------------------------------------------------------------------


def test_threads_import_in_parallel() -> None:
    def run(path: pathlib.Path) -> Tuple[str, str]:
        document = json.dumps(hadr_rules.import_topology(path))
        return document, hadr_check(path).to_json()

    serial = [run(path) for path in INPUTS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            assert list(pool.map(run, INPUTS)) == serial


def big_xml(pools: int) -> bytes:
    """Topology XML with `pools` Standard Edition pools, each on its own SQL Express store."""
    clusters, instances, services = [], [], []
    for n in range(1, pools + 1):
        cluster = f'<ClusterId SiteId="1" Number="{n}"/>'
        clusters.append(
            f'<Cluster Fqdn="se{n}.contoso.com">{cluster}'
            f'<Machine OrdinalInCluster="1" Fqdn="se{n}.contoso.com"/></Cluster>'
        )
        instance = f'<SqlInstanceId Name="rtc">{cluster}</SqlInstanceId>'
        instances.append(f"<SqlInstance>{instance}</SqlInstance>")
        store = f'<ServiceId SiteId="1" RoleName="UserStore" Instance="{n}"/>'
        services.append(
            f'<Service ServiceVersion="8"><ServiceId SiteId="1" RoleName="UserServices" '
            f'Instance="{n}"/><DependsOn><Dependency>{store}</Dependency></DependsOn>'
            f"<InstalledOn>{cluster}</InstalledOn></Service>"
            f'<Service ServiceVersion="8">{store}<InstalledOn>{instance}</InstalledOn></Service>'
        )
    return (
        '<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">'
        '<Sites><CentralSite SiteId="1"><Name>Dallas</Name></CentralSite></Sites>'
        f"<Clusters>{''.join(clusters)}</Clusters>"
        f"<SqlInstances>{''.join(instances)}</SqlInstances>"
        f"<Services>{''.join(services)}</Services></Topology>"
    ).encode()


def test_gil_is_released_while_importing() -> None:
    # The import must last long enough to tell: the topology grows until it does.
    def prepare(pools: int) -> Callable[[], Tuple[int, Dict[str, Any]]]:
        xml = big_xml(pools)
        return lambda: (pools, hadr_rules.import_topology(xml))

    pools, document = assert_gil_released(prepare, 2000, 64000)
    assert len(document["pools"]) == pools
