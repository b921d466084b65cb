"""Hostile and oversized input: refused with the exact error, or read, never with the time or
memory it used to take (`benches/hostile/run` measures those)."""

from __future__ import annotations

import concurrent.futures
import copy
import os
import pathlib
import pickle
import threading
from typing import Any, Dict, List

import pytest

import hadr_rules
from conftest import ROOT

EXAMPLE = ROOT / "examples" / "paired-2019-ag.json"
DIRECTOR = ROOT / "tests" / "xml" / "director.xml"


def details(call: Any) -> List[Dict[str, Any]]:
    with pytest.raises(hadr_rules.TopologyError) as caught:
        call()
    return [dict(d) for d in caught.value.errors()]


def only(call: Any) -> Dict[str, Any]:
    (detail,) = details(call)
    return detail


# --- inputs past the size limit --------------------------------------------------------------


def test_bytes_and_str_past_the_limit_are_refused_before_they_are_read() -> None:
    # Valid JSON of 65 MiB: the limit is checked before the text is copied or parsed.
    head = b'{"format": 1, "sites": [], "pools": [], "x": {"a": "'
    text = head + b"y" * (65 << 20) + b'"}}'
    detail = only(lambda: hadr_rules.check(text))
    assert (detail["type"], detail["loc"]) == ("too_large", ())
    assert detail["msg"] == f"the document is {len(text)} bytes long, more than the limit of 64 MiB"
    detail = only(lambda: hadr_rules.check(bytearray(b" " * 2000), max_document_bytes=1000))
    assert detail["msg"] == "the document is 2000 bytes long, more than the limit of 1000 bytes"
    detail = only(lambda: hadr_rules.check(" " * 2000, max_document_bytes=1000))
    assert detail["msg"] == "the document is 2000 bytes long, more than the limit of 1000 bytes"


def test_dev_zero_is_read_no_further_than_the_limit() -> None:
    detail = only(lambda: hadr_rules.check(pathlib.Path("/dev/zero"), max_document_bytes=1024))
    assert (detail["type"], detail["file"], detail["msg"]) == (
        "too_large",
        "/dev/zero",
        "the document is longer than the limit of 1 KiB",
    )
    detail = only(lambda: hadr_rules.check(DIRECTOR, facts=pathlib.Path("/dev/urandom")))
    assert (detail["type"], detail["file"], detail["msg"]) == (
        "too_large",
        "/dev/urandom",
        "the facts file is longer than the limit of 64 MiB",
    )


def test_a_fifo_is_read_no_further_than_the_limit(tmp_path: pathlib.Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def write() -> None:
        try:
            with open(fifo, "wb", buffering=0) as pipe:
                for _ in range(1000):
                    pipe.write(b" " * 4096)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=write)
    writer.start()
    detail = only(lambda: hadr_rules.check(fifo, max_document_bytes=2048))
    writer.join()
    assert (detail["type"], detail["msg"]) == (
        "too_large",
        "the document is longer than the limit of 2 KiB",
    )


def test_facts_are_held_to_the_document_size_limit() -> None:
    # 100 MiB of zeroed pages: refused without being read, as the command line refuses it.
    facts = bytes(100 << 20)
    for call in (
        lambda: hadr_rules.import_topology(DIRECTOR, facts=facts),
        lambda: hadr_rules.check(DIRECTOR, facts=facts),
    ):
        detail = only(call)
        assert (detail["type"], detail["msg"]) == (
            "too_large",
            "the facts file is 100 MiB long, more than the limit of 64 MiB",
        )
    detail = only(lambda: hadr_rules.check(DIRECTOR, facts='{"format": 1}', max_document_bytes=10))
    assert detail["msg"] == "the facts file is 13 bytes long, more than the limit of 10 bytes"


# --- shapes -------------------------------------------------------------------------------------


def test_user_data_is_read_and_not_kept() -> None:
    text = EXAMPLE.read_text().replace(
        '"format": 1,', '"format": 1, "x": {"blob": "' + "y" * (4 << 20) + '", "n": [1, {"0": 2}]},', 1
    )
    assert hadr_rules.check(text).to_json() == hadr_rules.check(EXAMPLE).to_json()


def test_arrays_where_objects_are_expected_are_invalid_type() -> None:
    detail = only(lambda: hadr_rules.check('[1, "n", [["dallas"]], []]'))
    assert (detail["type"], detail["loc"], detail["msg"], detail["expected"]) == (
        "invalid_type",
        (),
        "invalid type: array",
        "an object",
    )
    detail = only(lambda: hadr_rules.check(DIRECTOR, facts='{"format": 1, "servers": []}'))
    assert (detail["type"], detail["loc"], detail["msg"]) == (
        "invalid_type",
        ("servers",),
        "invalid type: array",
    )


def test_errors_of_text_are_located_without_parsing_it_again() -> None:
    # A key made of digits is a key, an index after an array key of the format an index.
    detail = only(lambda: hadr_rules.check('{"format": 1, "sites": [], "pools": [], "0": 1}'))
    assert (detail["type"], detail["loc"]) == ("unknown_key", ("0",))
    detail = only(
        lambda: hadr_rules.check(DIRECTOR, facts='{"format": 1, "servers": {"12": {"oss": 1}}}')
    )
    assert (detail["type"], detail["loc"]) == ("unknown_key", ("servers", "12", "oss"))


def test_an_integer_past_its_bound_names_the_bound() -> None:
    text = (ROOT / "tests" / "bad-input" / "users-past-the-bound.json").read_text()
    detail = only(lambda: hadr_rules.check(text))
    assert (detail["type"], detail["loc"], detail["msg"], detail["expected"]) == (
        "invalid_value",
        ("pools", 0, "users"),
        "invalid value: integer `18446744073709551615`",
        "an integer from 0 to 4294967295",
    )


# --- arguments ----------------------------------------------------------------------------------

# Called with values of the wrong type on purpose: typed as Any for the type checker.
CHECK: Any = hadr_rules.check
SIMULATE: Any = hadr_rules.simulate


@pytest.mark.parametrize("name", ["max_document_bytes", "max_entities"])
def test_limits_out_of_range_or_of_the_wrong_type_name_the_argument(name: str) -> None:
    for value in (-1, 2**70):
        with pytest.raises(hadr_rules.ArgumentError) as caught:
            CHECK(EXAMPLE, **{name: value})
        assert str(caught.value) == (
            f"{name} must be from 0 to 18446744073709551615 (0 takes the default), not {value}"
        )
        with pytest.raises(hadr_rules.ArgumentError):
            SIMULATE(EXAMPLE, **{name: value})
    for wrong, type_name in (("64", "str"), (True, "bool"), (1.5, "float")):
        with pytest.raises(TypeError) as type_error:
            CHECK(EXAMPLE, **{name: wrong})
        assert str(type_error.value) == f"{name} must be an int or None, not {type_name}"


def test_a_limit_of_zero_takes_the_default() -> None:
    expected = hadr_rules.check(EXAMPLE).to_json()
    assert hadr_rules.check(EXAMPLE, max_document_bytes=0, max_entities=0).to_json() == expected


def test_fail_level_of_the_wrong_type_names_the_argument() -> None:
    with pytest.raises(TypeError) as caught:
        CHECK(EXAMPLE, fail_level=1)
    assert str(caught.value) == "fail_level must be a str (`error`, `warning` or `info`), not int"
    with pytest.raises(hadr_rules.ArgumentError):
        CHECK(EXAMPLE, fail_level="eror")


@pytest.mark.parametrize(
    ("failed", "message"),
    [
        ([""], "failed holds an empty name `` (expected entity names)"),
        (["chicago", "  "], "failed holds an empty name `  ` (expected entity names)"),
        ([["chicago"], []], "failed holds an empty list of names (expected at least one name in each list)"),
    ],
)
def test_blank_failure_names_are_refused(failed: Any, message: str) -> None:
    with pytest.raises(hadr_rules.ArgumentError) as caught:
        hadr_rules.simulate(EXAMPLE, failed=failed)
    assert str(caught.value) == message


def test_failure_names_are_trimmed_and_no_list_is_no_scenario() -> None:
    trimmed = hadr_rules.simulate(EXAMPLE, failed=[" chicago "])
    assert trimmed == hadr_rules.simulate(EXAMPLE, failed=["chicago"])
    assert hadr_rules.simulate(EXAMPLE, failed=[]) == hadr_rules.simulate(EXAMPLE)


# --- crossing process boundaries -------------------------------------------------------------


def rule_of_worst_finding(path: str) -> hadr_rules.RuleInfo:
    report = hadr_rules.check(pathlib.Path(path))
    return hadr_rules.rule(report.diagnostics[0].rule)


def check_in_worker(path: str) -> str:
    return hadr_rules.check(pathlib.Path(path)).to_json()


def report_in_worker(path: str) -> hadr_rules.Report:
    return hadr_rules.check(pathlib.Path(path), fail_level="warning")


def test_reports_and_diagnostics_pickle_and_copy() -> None:
    report = hadr_rules.check(ROOT / "examples" / "broken-pairing.json", fail_level="info")
    for copied in (pickle.loads(pickle.dumps(report)), copy.copy(report), copy.deepcopy(report)):
        assert isinstance(copied, hadr_rules.Report)
        assert copied.to_json() == report.to_json()
        assert copied.diagnostics == report.diagnostics
        assert (copied.fail_level, copied.ok) == ("info", False)
    diagnostic = report.diagnostics[0]
    for copied_diagnostic in (
        pickle.loads(pickle.dumps(diagnostic)),
        copy.copy(diagnostic),
        copy.deepcopy(diagnostic),
    ):
        assert copied_diagnostic == diagnostic
        assert hash(copied_diagnostic) == hash(diagnostic)
        assert copied_diagnostic.message == diagnostic.message


def test_rule_info_pickles_and_copies() -> None:
    info = hadr_rules.rule("PAIR-001")
    for copied in (pickle.loads(pickle.dumps(info)), copy.copy(info), copy.deepcopy(info)):
        assert isinstance(copied, hadr_rules.RuleInfo)
        assert (copied.id, copied.title) == (info.id, info.title)


def test_a_check_runs_in_a_process_pool() -> None:
    broken = str(ROOT / "examples" / "broken-pairing.json")
    bad = str(ROOT / "tests" / "bad-input" / "unknown-key.json")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        info = pool.submit(rule_of_worst_finding, broken).result()
        report_json = pool.submit(check_in_worker, broken).result()
        report = pool.submit(report_in_worker, broken).result()
        refused = pool.submit(check_in_worker, bad)
        with pytest.raises(hadr_rules.TopologyError) as caught:
            refused.result()
    assert report_json == hadr_rules.check(pathlib.Path(broken)).to_json()
    assert report.to_json() == report_json
    assert (report.fail_level, report.ok) == ("warning", False)
    assert info.id == hadr_rules.check(pathlib.Path(broken)).diagnostics[0].rule
    assert caught.value.errors()[0]["type"] == "unknown_key"
