"""The Rust extension of hadr_rules. Hand-written stub: `python -m mypy.stubtest hadr_rules`
checks it against the built module."""

import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, final

from hadr_rules._types import (
    BaselineEntry,
    BaselineInput,
    ConfigInput,
    FactsInput,
    FailedInput,
    Family,
    HaMode,
    ImportSource,
    ImportWarningDetails,
    Os,
    Product,
    QuorumDict,
    RuleDoc,
    RuleSource,
    Severity,
    Simulation,
    SqlEdition,
    SqlVersion,
    Summary,
    Suppression,
    TopologyInput,
)

__all__ = [
    "__version__",
    "RULESET",
    "check",
    "facts_template",
    "_report_from_json",
    "_diagnostic_from_json",
    "import_topology",
    "import_warnings",
    "simulate",
    "_tokens",
    "rules",
    "rule",
    "explain",
    "back_end_support",
    "sql_versions",
    "os_versions",
    "first_start_quorum",
    "functional_quorum",
    "lifecycle_status",
    "end_of_support",
    "lifecycle_table",
    "Report",
    "Diagnostic",
    "RuleInfo",
    "BackEndSupport",
    "Quorum",
    "QuorumCondition",
]

__version__: str
RULESET: str

def check(
    topology: TopologyInput,
    *,
    fail_level: Severity | None = None,
    allow_basic_ag_on_standard: bool = False,
    severity: Mapping[str, Severity] | None = None,
    suppress: Iterable[Suppression] | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    fail_on_not_evaluated: bool = False,
    facts: FactsInput | None = None,
    max_document_bytes: int | None = None,
    max_entities: int | None = None,
    as_of: str | datetime.date | None = None,
    approaching_months: int | None = None,
    target_product: Literal["sfbse"] | None = None,
    config: ConfigInput | None = None,
) -> Report:
    """Check a topology and return its report.

    `select` and `ignore` name rules or families (a list, or one comma-separated string):
    unselected rules are not evaluated at all; a rule ID wins over its family. An alias, a
    guidance rule or an unknown ID raises `ArgumentError` with the ID to use instead. With
    `fail_on_not_evaluated=True`, `report.ok` is false when any rule could not be evaluated.

    `topology` is JSON text (`str` or `bytes`), a dict shaped like the topology format, topology
    XML (`str` or `bytes`), a `.tbxml` file or an `Export-CsConfiguration` zip (`bytes`), or a
    path (`os.PathLike`) to any of them; the form is told from the content. `facts` (a dict,
    JSON text or a path) completes imported XML. Raises `TopologyError` when it cannot be read.
    The GIL is released while the engine reads and checks the topology.

    An input longer than `max_document_bytes` (default 64 MiB) or with more than
    `max_entities` entities (default 1,000,000) is refused with an error of type `too_large`.

    `as_of` (`YYYY-MM-DD` or a `datetime.date`) is the day the lifecycle rules (LIFE) judge on,
    today (UTC) by default; `approaching_months` (default 12) is how far ahead LIFE-002 looks.
    `target_product="sfbse"` checks the topology as if every pool were moved to Subscription
    Edition and reports what would block the move.

    `config` is a `hadr-rules.toml` (its text, or its path; `docs/config.md`): its settings apply
    where the keyword arguments are left out. A `fail_level`, `as_of`, `approaching_months`,
    `target_product`, `facts`, `select` or `ignore` argument replaces the file's; `severity` and
    `suppress` are added after the file's entries; `allow_basic_ag_on_standard` and
    `fail_on_not_evaluated` are on when either sets them. A suppression of the file that expired
    before the check date no longer applies and is reported as a `UserWarning`. A bad file
    raises `TopologyError` with its line.
    """

def facts_template(
    topology: ImportSource,
    *,
    facts: FactsInput | None = None,
    config: ConfigInput | None = None,
) -> str:
    """The facts file of a topology XML with every fact the rules read and the XML lacks, each a
    `null` with the rules it unlocks and where to find it, the facts that unlock the most rules
    first: the text `hadr-rules facts` writes (`docs/facts-template.md`).

    `facts` holds the facts already known; `config` a `hadr-rules.toml` whose rule selection
    applies. A format-1 JSON document, which states its facts itself, raises `TopologyError`.
    """

def import_topology(
    source: ImportSource,
    *,
    facts: FactsInput | None = None,
    anonymize: bool = False,
) -> dict[str, Any]:
    """Import topology XML and return the format-1 document as a dict.

    `source` is topology XML (`str` or `bytes`), a `.tbxml` file or an `Export-CsConfiguration`
    zip (`bytes`), or a path (`os.PathLike`) to one of them; the form is told from the content.
    `facts` (a dict, JSON text or a path) supplies what the XML does not hold. With `anonymize`,
    host names, domains, addresses and ids are replaced consistently. Raises `TopologyError`
    when the input cannot be imported. The GIL is released while importing.
    """

def import_warnings(source: ImportSource, *, facts: FactsInput | None = None) -> list[ImportWarningDetails]:
    """The warnings of importing topology XML, as `hadr-rules import` prints them: a list of
    `{"kind", "path", "line", "message"}` dicts (`line` only when known), in document order.

    Takes the same `source` and `facts` as `import_topology` and raises the same errors.
    """

def simulate(
    topology: TopologyInput,
    *,
    failed: FailedInput | None = None,
    all_single: bool = False,
    sites: bool = False,
    facts: FactsInput | None = None,
    max_document_bytes: int | None = None,
    max_entities: int | None = None,
) -> Simulation:
    """Simulate failures in a topology and return the simulation as a dict.

    `topology` is read as `check` reads it (JSON text or a dict, topology XML, a `.tbxml` file or
    an `Export-CsConfiguration` zip, or a path), with `facts` for XML. `failed` is a list of
    names failing together (one scenario) or a list of such lists (one scenario each): sites,
    data centers, pools, servers, SQL hosts, SQL stores or file stores, matched without case.
    `all_single` adds every single failure, `sites` the loss of each site and data center; with
    no scenario and neither flag, both run. Raises `TopologyError` when the topology cannot be
    read or a name is unknown (`unknown_entity`). The GIL is released while simulating.
    """

def _tokens() -> list[tuple[str, list[str]]]:
    """Every token of the enumerations the API takes or returns (for the tests)."""

@final
class Report:
    """What a check of one topology found. Immutable; pickles through its JSON."""

    def __reduce__(self) -> tuple[Callable[[str, str, bool], Report], tuple[str, str, bool]]: ...
    def __copy__(self) -> Report: ...
    def __deepcopy__(self, memo: Any, /) -> Report: ...

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every finding, sorted by severity (error first), rule ID and subject."""
    @property
    def errors(self) -> list[Diagnostic]:
        """The errors that count: neither suppressed nor not evaluated."""
    @property
    def warnings(self) -> list[Diagnostic]:
        """The warnings that count: neither suppressed nor not evaluated."""
    @property
    def infos(self) -> list[Diagnostic]:
        """The infos that count: neither suppressed nor not evaluated."""
    @property
    def not_evaluated(self) -> list[Diagnostic]:
        """The rules that could not run for a subject for lack of a fact."""
    @property
    def suppressed(self) -> list[Diagnostic]:
        """The findings silenced by a suppression."""
    @property
    def summary(self) -> Summary:
        """Counts: `error`, `warning`, `info`, `not_evaluated`, `suppressed`."""
    @property
    def ok(self) -> bool:
        """No finding at or above the fail level (suppressed and not-evaluated ones aside)."""
    @property
    def fail_level(self) -> Severity: ...
    @property
    def check_date(self) -> str | None:
        """The day the lifecycle rules judged the topology on (`YYYY-MM-DD`); None when none ran."""
    @property
    def target_product(self) -> Product | None:
        """The product every pool was moved to before the check (readiness); None otherwise."""
    @property
    def ruleset(self) -> str: ...
    @property
    def format(self) -> int: ...
    def to_json(self) -> str:
        """The report as JSON: the bytes of `hadr-rules check --format json`."""
    def to_sarif(self, file: str | None = None) -> str:
        """The report as a SARIF 2.1.0 log: the bytes of `hadr-rules check FILE --format sarif`.
        `file` names the artifact; by default the path checked, else `-`."""
    def to_junit(self, file: str | None = None) -> str:
        """The report as JUnit XML, failing at the report's fail level: the bytes of
        `hadr-rules check FILE --format junit`."""
    def to_html(self, file: str | None = None, simulate: bool = False) -> str:
        """One self-contained HTML page with a diagram of the topology (and the failure
        scenarios when `simulate`): the bytes of `hadr-rules check FILE --format html`. Raises
        ValueError for a report restored from its JSON, which holds no topology."""
    def to_dict(self) -> dict[str, Any]:
        """The report as a dict shaped like its JSON."""
    def to_baseline(self) -> str:
        """The baseline of the report's findings: the JSON of `hadr-rules check --write-baseline`."""
    def apply_baseline(self, baseline: BaselineInput) -> tuple[Report, int, list[BaselineEntry]]:
        """The report without the findings `baseline` knows, how many it hid, and the baseline's
        entries that no finding matched (`docs/baselines.md`)."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Diagnostic]: ...

@final
class Diagnostic:
    """One finding. Immutable; equal when all fields are equal; pickles through its JSON."""

    def __reduce__(self) -> tuple[Callable[[str], Diagnostic], tuple[str]]: ...
    def __copy__(self) -> Diagnostic: ...
    def __deepcopy__(self, memo: Any, /) -> Diagnostic: ...

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def subject(self) -> str: ...
    @property
    def related(self) -> tuple[str, ...]: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def help(self) -> str: ...
    @property
    def facts(self) -> dict[str, Any]: ...
    @property
    def references(self) -> tuple[str, ...]: ...
    @property
    def not_evaluated(self) -> bool: ...
    @property
    def unverified(self) -> bool: ...
    @property
    def suppressed(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def rules(*, family: Family | None = None) -> list[RuleInfo]:
    """Every rule of the catalog, in catalog order; only one family's with `family`."""

def _report_from_json(json: str, fail_level: str, fail_on_not_evaluated: bool) -> Report:
    """Unpickles a `Report` (`Report.__reduce__`)."""

def _diagnostic_from_json(json: str) -> Diagnostic:
    """Unpickles a `Diagnostic` (`Diagnostic.__reduce__`)."""

def rule(rule_id: str) -> RuleInfo:
    """The rule with this ID (case-insensitive); raises `UnknownRuleError` otherwise."""

def explain(rule_id: str) -> str:
    """The documentation of a rule, as `hadr-rules explain ID` prints it; raises
    `UnknownRuleError` for an ID the catalog does not have."""

@final
class RuleInfo:
    """One rule of the catalog. Immutable; pickles as the catalog entry it is."""

    def __reduce__(self) -> tuple[Callable[[str], RuleInfo], tuple[str]]: ...

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def family(self) -> Family: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def strength(self) -> Literal["unsupported", "required-procedure", "recommended", "informational"]: ...
    @property
    def products(self) -> tuple[Product, ...]: ...
    @property
    def provenance(self) -> Literal["primary", "derived", "secondary", "unsourced"]: ...
    @property
    def unverified(self) -> bool: ...
    @property
    def tb_enforced(self) -> Literal["yes", "no", "partial", "not-stated"]: ...
    @property
    def evaluation(self) -> Literal["checked", "guidance", "alias"]: ...
    @property
    def guidance_reason(self) -> str | None: ...
    @property
    def alias_of(self) -> str | None: ...
    @property
    def sources(self) -> tuple[RuleSource, ...]: ...
    @property
    def references(self) -> tuple[str, ...]: ...
    @property
    def doc(self) -> RuleDoc: ...
    def to_dict(self) -> dict[str, Any]: ...
    def explain(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def back_end_support(product: Product, mode: HaMode, version: SqlVersion, edition: SqlEdition) -> BackEndSupport:
    """Whether `product` supports a back end with HA `mode` on SQL Server `version` and
    `edition` (patch-level minimums aside)."""

@final
class BackEndSupport:
    @property
    def support(self) -> Literal["yes", "no", "undocumented"]: ...
    @property
    def supported(self) -> bool: ...
    @property
    def unverified(self) -> bool: ...
    @property
    def contested(self) -> bool: ...
    @property
    def rules(self) -> tuple[str, ...]: ...
    @property
    def reason(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def sql_versions(product: Product) -> list[SqlVersion]:
    """The SQL Server versions `product` supports for its Enterprise back end."""

def os_versions(product: Product) -> list[Os]:
    """The Windows Server versions `product` is documented to run on for new installations."""

def first_start_quorum(product: Product, servers: int) -> Quorum:
    """Servers that must run the first time a pool of `servers` Front End Servers starts."""

def functional_quorum(product: Product, servers: int) -> Quorum:
    """Servers that must run for a pool of `servers` Front End Servers to function."""

def lifecycle_status(
    kind: Literal["product", "sql", "os"],
    token: str,
    *,
    service_pack: int | None = None,
    on: str | datetime.date | None = None,
    approaching_months: int = 12,
) -> dict[str, Any]:
    """Where a product, SQL Server version (with its service pack) or Windows Server version
    stands on a date (today in UTC by default): `phase`, `supported`, the deciding `end`
    (`date`, `kind`, `provenance`), `days_left`, `approaching`, the covering `esu` window and
    the lifecycle page `url`."""

def end_of_support(
    kind: Literal["product", "sql", "os"], token: str, *, service_pack: int | None = None
) -> str | None:
    """The last day Microsoft supports the item (`YYYY-MM-DD`); None for Subscription Edition,
    which has no fixed end."""

def lifecycle_table() -> dict[str, Any]:
    """The lifecycle table: `as_of`, `rows` (dates, releases, provenance, source of each item)
    and `collocated_express`."""

@final
class Quorum:
    @property
    def status(self) -> Literal["needs", "not_supported", "undocumented"]: ...
    @property
    def needed(self) -> tuple[QuorumCondition, ...]: ...
    def met_by(self, running: Sequence[bool]) -> bool | None: ...
    def to_dict(self) -> QuorumDict: ...

@final
class QuorumCondition:
    @property
    def count(self) -> int: ...
    @property
    def of_first(self) -> int | None: ...
    def met_by(self, running: Sequence[bool]) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
