"""Types for annotations: the tokens of the topology format and the shapes of the dicts that
hadr_rules takes and returns. They are plain typing constructs, importable at run time."""

from __future__ import annotations

import os
from typing import Any, List, Literal, Mapping, Optional, TypedDict, Union

__all__ = [
    "Family",
    "HaMode",
    "Os",
    "Product",
    "QuorumDict",
    "QuorumNeeded",
    "RuleDoc",
    "RuleSource",
    "Severity",
    "SqlEdition",
    "SqlVersion",
    "Summary",
    "Suppression",
    "TopologyInput",
]

# Unions of one-value literals rather than `Literal["a", "b"]`: the same type for a checker, and
# a `Union` at run time as `mypy.stubtest` expects of an alias.
Severity = Union[Literal["error"], Literal["warning"], Literal["info"]]
Product = Union[Literal["lync2013"], Literal["sfb2015"], Literal["sfb2019"], Literal["sfbse"]]
HaMode = Union[
    Literal["none"],
    Literal["mirroring"],
    Literal["always_on_ag"],
    Literal["always_on_fci"],
    Literal["failover_cluster"],
]
SqlVersion = Union[
    Literal["2008r2"],
    Literal["2012"],
    Literal["2014"],
    Literal["2016"],
    Literal["2017"],
    Literal["2019"],
    Literal["2022"],
]
SqlEdition = Union[Literal["express"], Literal["standard"], Literal["enterprise"]]
Family = Union[
    Literal["PAIR"],
    Literal["FE"],
    Literal["BE"],
    Literal["WIT"],
    Literal["SQL"],
    Literal["OS"],
    Literal["CMS"],
    Literal["COEX"],
    Literal["RTO"],
    Literal["OPS"],
]
Os = Union[
    Literal["ws2008r2"],
    Literal["ws2012"],
    Literal["ws2012r2"],
    Literal["ws2016"],
    Literal["ws2019"],
    Literal["ws2022"],
    Literal["ws2025"],
]

TopologyInput = Union[str, bytes, bytearray, Mapping[str, Any], os.PathLike[str], os.PathLike[bytes]]
"""What `check` reads: JSON text, a dict shaped like the topology format, or a file path."""


class _SuppressionRequired(TypedDict):
    rule: str
    reason: str


class Suppression(_SuppressionRequired, total=False):
    """One entry of `check(suppress=[...])`: a rule ID or a family, optionally one subject,
    and the reason, kept in the report."""

    subject: Optional[str]


class Summary(TypedDict):
    """`Report.summary`: every diagnostic is counted exactly once."""

    error: int
    warning: int
    info: int
    not_evaluated: int
    suppressed: int


class RuleSource(TypedDict):
    """One documentation page of `RuleInfo.sources`."""

    path: str
    heading: str
    url: str


class RuleDoc(TypedDict):
    """`RuleInfo.doc`: the fixed documentation sections of a rule."""

    what: str
    why: str
    example: str
    fix: str


class QuorumNeeded(TypedDict):
    count: int
    of_first: Optional[int]


class QuorumDict(TypedDict):
    """`Quorum.to_dict()`."""

    status: Literal["needs", "not_supported", "undocumented"]
    needed: List[QuorumNeeded]
