"""Types for annotations: the tokens of the topology format and the shapes of the dicts that
hadr_rules takes and returns. They are plain typing constructs, importable at run time."""

from __future__ import annotations

import os
from typing import Any, List, Literal, Mapping, Optional, Sequence, TypedDict, Union

__all__ = [
    "AffectedPool",
    "BackEndState",
    "BaselineEntry",
    "BaselineInput",
    "ConfigInput",
    "FactsInput",
    "FailedInput",
    "Family",
    "FrontEndQuorum",
    "FrontEndTolerance",
    "HaMode",
    "ImportSource",
    "ImportWarningDetails",
    "ImportWarningKind",
    "Os",
    "PoolOutcome",
    "PoolState",
    "Product",
    "QuorumDict",
    "QuorumNeeded",
    "QuorumThreshold",
    "Recovery",
    "RecoveryAction",
    "RuleDoc",
    "RuleSource",
    "Scenario",
    "Severity",
    "Simulation",
    "SinglePointOfFailure",
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
    Literal["VIRT"],
    Literal["NET"],
    Literal["LB"],
    Literal["EDGE"],
    Literal["DIR"],
    Literal["MED"],
    Literal["VOICE"],
    Literal["SBA"],
    Literal["PCHAT"],
    Literal["FILE"],
    Literal["CMS"],
    Literal["COEX"],
    Literal["RTO"],
    Literal["OPS"],
    Literal["LIFE"],
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

ImportWarningKind = Union[
    Literal["placeholder_address"],
    Literal["not_fully_qualified"],
    Literal["assumed"],
    Literal["unverified"],
    Literal["unknown_element"],
    Literal["no_cms"],
    Literal["skipped_cluster"],
    Literal["mixed_versions"],
    Literal["unused_fact"],
]

TopologyInput = Union[str, bytes, bytearray, Mapping[str, Any], os.PathLike[str], os.PathLike[bytes]]
"""What `check` reads: JSON text, a dict shaped like the topology format, topology XML (text or
bytes), a `.tbxml` file or an `Export-CsConfiguration` zip (bytes), or a path to any of them."""

ImportSource = Union[str, bytes, bytearray, os.PathLike[str], os.PathLike[bytes]]
"""What `import_topology` reads: topology XML (text or bytes), a `.tbxml` file or an
`Export-CsConfiguration` zip (bytes), or a path to one of them."""

FailedInput = Union[Sequence[str], Sequence[Sequence[str]]]
"""The `failed=` argument of `simulate`: names failing together (one scenario), or a list of
such lists (one scenario each)."""

ConfigInput = Union[str, os.PathLike[str], os.PathLike[bytes]]
"""The `config=` argument: the text of a `hadr-rules.toml` (`docs/config.md`), or its path."""

BaselineInput = Union[str, bytes, os.PathLike[str], os.PathLike[bytes]]
"""A baseline: its JSON text, or the path of a baseline file (`docs/baselines.md`)."""

FactsInput = Union[str, bytes, bytearray, Mapping[str, Any], os.PathLike[str], os.PathLike[bytes]]
"""The `facts=` argument: a dict shaped like the facts format (`docs/facts-format.md`), its JSON
text, or the path of a facts file."""


class _ImportWarningDetailsRequired(TypedDict):
    kind: ImportWarningKind
    path: str
    message: str


class ImportWarningDetails(_ImportWarningDetailsRequired, total=False):
    """One entry of `import_warnings()`: a problem that did not stop the import.

    `path` is a JSON Pointer into the imported document (into the facts for `unused_fact`;
    `""` when no entity is concerned); `line`, the line of the XML element, only when known.
    """

    line: int


class _SuppressionRequired(TypedDict):
    rule: str
    reason: str


class Suppression(_SuppressionRequired, total=False):
    """One entry of `check(suppress=[...])`: a rule ID or a family, optionally one subject,
    and the reason, kept in the report."""

    subject: Optional[str]


class BaselineEntry(TypedDict):
    """One entry of a baseline (`docs/baselines.md`): a finding known by its rule, subject and
    fingerprint; `message` is for the reader."""

    rule: str
    subject: str
    fingerprint: str
    message: str


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


# The simulation: `simulate()` returns the document of `docs/simulate-format.md`.

PoolState = Union[Literal["up"], Literal["degraded"], Literal["down"]]
BackEndState = Union[
    Literal["not_applicable"],
    Literal["available"],
    Literal["automatic_failover"],
    Literal["manual_failover_needed"],
    Literal["unavailable"],
]
RecoveryAction = Union[
    Literal["none"],
    Literal["automatic"],
    Literal["manual_back_end_failover"],
    Literal["check_fabric_state"],
    Literal["quorum_loss_recovery"],
    Literal["pool_failover"],
    Literal["restore"],
    Literal["activate_idle_servers"],
    Literal["persistent_chat_failover"],
    Literal["restore_conference_content"],
    Literal["edge_failover"],
]
QuorumThreshold = Union[List[QuorumNeeded], Literal["undocumented"], Literal["not_supported"]]
"""A quorum-table row: conditions that must all hold, or why there is none."""


class FrontEndQuorum(TypedDict):
    """`PoolOutcome["front_end"]`: the Front End Servers of an Enterprise pool against the
    quorum tables."""

    running: int
    total: int
    functional_needed: QuorumThreshold
    first_start_needed: QuorumThreshold
    routing_groups: Literal["intact", "may_have_lost_quorum", "stopped"]
    restart: Literal["normal", "quorum_loss_recovery", "not_possible", "undocumented"]


class _RecoveryRequired(TypedDict):
    action: RecoveryAction
    cms_failover_first: bool
    steps: List[str]
    users_without_recovery: List[str]


class Recovery(_RecoveryRequired, total=False):
    """`PoolOutcome["recovery"]`: the way back; `target`, `rto` and `rpo` only when known;
    `unsupported_by` only when the pairing rules reject the failover."""

    target: str
    rto: str
    rpo: str
    unsupported_by: List[str]


class _PoolOutcomeRequired(TypedDict):
    pool: str
    state: PoolState
    back_end: BackEndState
    recovery: Recovery
    rules: List[str]
    notes: List[str]


class PoolOutcome(_PoolOutcomeRequired, total=False):
    """One pool in one scenario; `front_end` for Enterprise Front End pools only."""

    front_end: FrontEndQuorum


class Scenario(TypedDict):
    """One set of simultaneous failures and what it does to every pool, in document order."""

    name: str
    failed: List[str]
    pools: List[PoolOutcome]


class FrontEndTolerance(TypedDict):
    """How many Front End Servers of a pool may fail at once (`None`: not documented)."""

    pool: str
    servers: int
    survives: Optional[int]


class AffectedPool(TypedDict):
    pool: str
    state: PoolState


class SinglePointOfFailure(TypedDict):
    """An entity whose loss alone leaves pools degraded or down."""

    entity: str
    pools: List[AffectedPool]


class Simulation(TypedDict):
    """What `simulate()` returns: the JSON of `hadr-rules simulate --format json`."""

    format: int
    scenarios: List[Scenario]
    front_end_tolerance: List[FrontEndTolerance]
    single_points_of_failure: List[SinglePointOfFailure]
