"""Every bad input raises TopologyError with the right `loc`; other bad arguments raise
TypeError or ArgumentError, never RuntimeError."""

from __future__ import annotations

import json
import pathlib
import pickle
from typing import Any, Dict, List, Tuple

import pytest

import hadr_rules
from conftest import BAD_INPUT, BASE, ROOT, relative


def errors_of(topology: Any) -> List[Dict[str, Any]]:
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.check(topology)
    error = caught.value
    assert isinstance(error, hadr_rules.HadrError)
    assert isinstance(error, ValueError)
    details = error.errors()
    assert details and error.error_count() == len(details)
    for detail in details:
        assert {"type", "loc", "msg"} <= detail.keys()
        assert isinstance(detail["loc"], tuple)
    return [dict(d) for d in details]


def only(topology: Any) -> Dict[str, Any]:
    details = errors_of(topology)
    assert len(details) == 1, details
    return details[0]


# The files of tests/bad-input: the error type and loc each must give, whatever the input kind.
BAD_FILES: Dict[str, Tuple[str, Tuple[Any, ...]]] = {
    "binary.json": ("encoding", ()),
    "dangling-back-end.json": ("dangling_reference", ("pools", 0, "back_end")),
    "duplicate-pool-fqdn.json": ("duplicate", ("pools", 1, "fqdn")),
    "empty.json": ("empty", ()),
    "format-2.json": ("unsupported_format", ("format",)),
    "missing-site.json": ("missing_key", ("pools", 0)),
    "positional-arrays.json": ("invalid_type", ()),
    "servers-is-a-string.json": ("invalid_type", ("pools", 0, "servers")),
    "site-is-an-array.json": ("invalid_type", ("sites", 0)),
    "truncated.json": ("syntax", ("pools", 0, "back_end")),
    "unknown-ha-mode.json": ("unknown_token", ("sql_stores", 0, "ha", "mode")),
    "unknown-key.json": ("unknown_key", ("pools", 0, "backup_pol")),
    "unknown-product.json": ("unknown_token", ("pools", 0, "product")),
    "users-past-the-bound.json": ("invalid_value", ("pools", 0, "users")),
    "utf16-bom.json": ("encoding", ()),
    "utf32-bom.json": ("encoding", ()),
}


def test_every_bad_input_file_is_covered() -> None:
    assert sorted(p.name for p in BAD_INPUT.glob("*.json")) == sorted(BAD_FILES)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file(name: str, cli: Any) -> None:
    path = BAD_INPUT / name
    kind, loc = BAD_FILES[name]
    # From a path: the same errors as the CLI, with the file name.
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.check(path)
    detail = only(path)
    assert (detail["type"], detail["loc"]) == (kind, loc)
    assert detail["file"] == str(path)
    run = cli("check", "--format", "json", relative(path))
    assert run.returncode == 2
    cli_errors = json.loads(run.stdout)["errors"]
    assert len(cli_errors) == 1
    expected = dict(cli_errors[0], file=str(path))
    assert detail["msg"] == expected["message"]
    assert detail["path"] == expected["path"]
    for key in ("line", "column", "expected"):
        assert detail.get(key) == expected.get(key), key
    assert str(caught.value) == run.stderr.decode().strip().replace(
        relative(path), str(path)
    ).removeprefix("error: ")
    # From bytes: the same error without the file.
    from_bytes = only(path.read_bytes())
    assert "file" not in from_bytes
    assert {k: v for k, v in detail.items() if k != "file"} == from_bytes


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_to_json_matches_cli(name: str, cli: Any, monkeypatch: Any) -> None:
    monkeypatch.chdir(ROOT)
    relative_path = f"tests/bad-input/{name}"
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.check(pathlib.Path(relative_path))
    assert caught.value.to_json() == cli("check", "--format", "json", relative_path).stdout.decode()


@pytest.mark.parametrize(
    "name",
    [
        n
        for n in sorted(BAD_FILES)
        if n not in ("binary.json", "utf16-bom.json", "utf32-bom.json", "empty.json")
    ],
)
def test_bad_text_as_str(name: str) -> None:
    path = BAD_INPUT / name
    assert only(path.read_text(encoding="utf-8")) == only(path.read_bytes())


# --- the same problems in a dict ----------------------------------------------------------------


def test_unknown_token_in_dict(base: Dict[str, Any]) -> None:
    base["pools"][1]["product"] = "sfb2109"
    detail = only(base)
    assert detail == {
        "type": "unknown_token",
        "loc": ("pools", 1, "product"),
        "msg": "unknown value `sfb2109`: did you mean `sfb2019`?",
        "path": "/pools/1/product",
        "expected": "one of `lync2013`, `sfb2015`, `sfb2019`, `sfbse`",
    }
    # The same document as text gives the same error, with its position.
    text = only(json.dumps(base, indent=2))
    assert text.pop("line") > 1 and text.pop("column") > 1
    assert text == detail


def test_unknown_key_in_dict(base: Dict[str, Any]) -> None:
    base["pools"][1]["servers"][2]["platfrom"] = "virtual"
    detail = only(base)
    assert detail["type"] == "unknown_key"
    assert detail["loc"] == ("pools", 1, "servers", 2, "platfrom")
    assert detail["msg"] == "unknown key `platfrom`: did you mean `platform`?"
    assert detail["expected"].endswith("or your own data under `x`")


def test_unknown_key_inside_ha(base: Dict[str, Any], cli: Any, tmp_path: pathlib.Path) -> None:
    # The core reads `ha` by its `mode` first and locates errors inside it at `ha` (as the
    # CLI does): the loc is exactly the JSON Pointer the engine reports.
    base["sql_stores"][0]["ha"]["replicas"][1]["comit"] = "synchronous"
    detail = only(base)
    assert detail["type"] == "unknown_key"
    assert "did you mean `commit`?" in detail["msg"]
    path = tmp_path / "ha.json"
    path.write_text(json.dumps(base))
    (cli_error,) = json.loads(cli("check", "--format", "json", str(path)).stdout)["errors"]
    assert detail["path"] == cli_error["path"]
    assert detail["loc"] == tuple(
        int(part) if part.isdigit() else part for part in cli_error["path"].split("/")[1:]
    )


def test_wrong_type_in_dict(base: Dict[str, Any]) -> None:
    base["pools"][0]["servers"] = "fe1-dal.contoso.com"
    detail = only(base)
    assert detail["type"] == "invalid_type"
    assert detail["loc"] == ("pools", 0, "servers")
    assert detail["expected"] == "an array"


def test_wrong_number_type_in_dict(base: Dict[str, Any]) -> None:
    base["pools"][0]["users"] = -5
    assert only(base)["loc"] == ("pools", 0, "users")
    base["pools"][0]["users"] = 1.5
    assert only(base)["loc"] == ("pools", 0, "users")


def test_dangling_reference_in_dict(base: Dict[str, Any]) -> None:
    base["pools"][0]["back_end"] = "ag-dallas"
    detail = only(base)
    assert detail["type"] == "dangling_reference"
    assert detail["loc"] == ("pools", 0, "back_end")
    assert detail["msg"] == "no SQL store `ag-dallas` in the document: did you mean `ag-dal`?"


def test_duplicate_in_dict(base: Dict[str, Any]) -> None:
    base["pools"][1]["fqdn"] = base["pools"][0]["fqdn"].upper()
    details = errors_of(base)
    assert ("duplicate", ("pools", 1, "fqdn")) in [(d["type"], d["loc"]) for d in details]


def test_missing_key_in_dict(base: Dict[str, Any]) -> None:
    del base["sites"]
    detail = only(base)
    assert (detail["type"], detail["loc"], detail["msg"]) == ("missing_key", (), "missing key `sites`")


def test_format_2_in_dict(base: Dict[str, Any]) -> None:
    base["format"] = 2
    base["topology"] = {}
    detail = only(base)
    assert (detail["type"], detail["loc"]) == ("unsupported_format", ("format",))


def test_user_data_keys_that_look_like_indices(base: Dict[str, Any]) -> None:
    base["pools"][0]["x"] = {"0": {"1": {1, 2}}}
    detail = only(base)
    assert detail["loc"] == ("pools", 0, "x", "0", "1")
    assert detail["type"] == "invalid_type"
    assert "`set`" in detail["msg"]


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (object(), "invalid_type"),
        ({1, 2}, "invalid_type"),
        (float("nan"), "invalid_value"),
        (float("inf"), "invalid_value"),
        (2**70, "invalid_value"),
        ("\ud800", "encoding"),
    ],
)
def test_python_values_without_json_equivalent(base: Dict[str, Any], value: Any, kind: str) -> None:
    base["sites"][1]["region"] = value
    detail = only(base)
    assert detail["type"] == kind
    assert detail["loc"] == ("sites", 1, "region")
    assert "line" not in detail


def test_non_string_keys(base: Dict[str, Any]) -> None:
    base["sites"][0][7] = "seven"
    detail = only(base)
    assert (detail["type"], detail["loc"]) == ("invalid_type", ("sites", 0))


def test_self_referencing_dict(base: Dict[str, Any]) -> None:
    base["x"] = {}
    base["x"]["self"] = base["x"]
    detail = only(base)
    assert detail["type"] == "invalid_value"
    assert detail["loc"][:3] == ("x", "self", "self")


def test_empty_inputs() -> None:
    for empty in ("", "  \n", b"", bytearray()):
        assert only(empty)["type"] == "empty"
    assert only({})["type"] == "missing_key"


def test_invalid_utf8_bytes() -> None:
    detail = only(b'{"format": 1, "name": "caf\xe9"}')
    assert detail["type"] == "encoding"
    assert detail["loc"] == ()
    assert (detail["line"], detail["column"]) == (1, 27)


def test_lone_surrogate_in_str() -> None:
    assert only('{"format": 1, "name": "\ud800"}')["type"] == "encoding"


def test_syntax_error_in_str() -> None:
    detail = only('{"format": 1,, }')
    assert detail["type"] == "syntax"
    assert (detail["line"], detail["column"]) == (1, 14)


def test_missing_file(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "nope.json"
    detail = only(missing)
    assert detail == {
        "type": "io",
        "loc": (),
        "msg": "cannot read the file: no such file",
        "path": "",
        "expected": "a readable topology document, format 1",
        "file": str(missing),
    }
    assert only(tmp_path)["msg"] == "cannot read the file: it is a directory"


def test_wrong_argument_types() -> None:
    for value in (42, None, 1.5, [BASE.read_text()], object()):
        with pytest.raises(TypeError, match="topology must be JSON text"):
            hadr_rules.check(value)  # type: ignore[arg-type]


def test_str_is_text_not_a_path() -> None:
    # A file name given as str is read as JSON text, and fails as such: use a Path.
    detail = only(str(BASE))
    assert detail["type"] == "syntax"


def test_errors_returns_copies(base: Dict[str, Any]) -> None:
    base["pools"][0]["product"] = "sfb2109"
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.check(base)
    caught.value.errors()[0]["msg"] = "changed"
    assert caught.value.errors()[0]["msg"].startswith("unknown value")


def test_topology_error_pickles(base: Dict[str, Any]) -> None:
    base["pools"][0]["product"] = "sfb2109"
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.check(base)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(copy, hadr_rules.TopologyError)
    assert copy.errors() == caught.value.errors()
    assert str(copy) == str(caught.value)
    assert copy.to_json() == caught.value.to_json()


def test_str_of_topology_error(base: Dict[str, Any]) -> None:
    base["pools"][0]["product"] = "sfb2109"
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.check(base)
    assert str(caught.value) == (
        "at `/pools/0/product`: unknown value `sfb2109`: did you mean `sfb2019`? "
        "(expected one of `lync2013`, `sfb2015`, `sfb2019`, `sfbse`)"
    )


def test_limits_refuse_a_large_document_with_too_large() -> None:
    text = (ROOT / "examples" / "paired-2019-ag.json").read_text()
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.check(text, max_document_bytes=100)
    (detail,) = caught.value.errors()
    assert detail["type"] == "too_large"
    assert detail["msg"] == (
        f"the document is {len(text.encode())} bytes long, more than the limit of 100 bytes"
    )
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.simulate(text, max_entities=3)
    assert [d["type"] for d in caught.value.errors()] == ["too_large"]
    assert hadr_rules.check(text, max_entities=1000).to_json() == hadr_rules.check(text).to_json()


def test_a_one_gibibyte_file_is_refused_without_being_read(tmp_path: pathlib.Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(1 << 30)
    with pytest.raises(hadr_rules.TopologyError) as caught:
        hadr_rules.check(huge)
    (detail,) = caught.value.errors()
    assert detail["type"] == "too_large"
    assert detail["msg"] == "the document is 1 GiB long, more than the limit of 64 MiB"


def test_deep_nesting_is_refused() -> None:
    deep = '{"format": 1, "sites": [], "pools": [], "x": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}"
    (detail,) = errors_of(deep)
    assert detail["type"] == "too_large"
    assert detail["msg"] == "arrays and objects nest more than 128 levels deep"
