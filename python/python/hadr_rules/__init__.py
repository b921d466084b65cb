"""Check Lync Server 2013 and Skype for Business Server topologies against Microsoft's
high-availability and disaster-recovery support rules.

>>> import hadr_rules
>>> report = hadr_rules.check({"format": 1, "sites": [{"id": "dallas"}], "pools": []})
>>> [d.rule for d in report.errors]
['CMS-001']

The engine is written in Rust (`hadr_rules._hadr_rules`); this package re-exports it.
"""

from hadr_rules._errors import (
    ArgumentError,
    ErrorDetails,
    HadrError,
    TopologyError,
    UnknownRuleError,
)
from hadr_rules._hadr_rules import (
    RULESET,
    BackEndSupport,
    Diagnostic,
    Quorum,
    QuorumCondition,
    Report,
    RuleInfo,
    __version__,
    back_end_support,
    check,
    explain,
    first_start_quorum,
    import_topology,
    import_warnings,
    functional_quorum,
    os_versions,
    rule,
    rules,
    sql_versions,
)
from hadr_rules._types import (
    FactsInput,
    Family,
    HaMode,
    ImportSource,
    ImportWarningDetails,
    ImportWarningKind,
    Os,
    Product,
    QuorumDict,
    QuorumNeeded,
    RuleDoc,
    RuleSource,
    Severity,
    SqlEdition,
    SqlVersion,
    Summary,
    Suppression,
    TopologyInput,
)

__all__ = [
    "RULESET",
    "FactsInput",
    "Family",
    "HaMode",
    "ImportSource",
    "ImportWarningDetails",
    "ImportWarningKind",
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
    "ArgumentError",
    "BackEndSupport",
    "Diagnostic",
    "ErrorDetails",
    "HadrError",
    "Quorum",
    "QuorumCondition",
    "Report",
    "RuleInfo",
    "TopologyError",
    "UnknownRuleError",
    "__version__",
    "back_end_support",
    "check",
    "explain",
    "first_start_quorum",
    "functional_quorum",
    "import_topology",
    "import_warnings",
    "os_versions",
    "rule",
    "rules",
    "sql_versions",
]
