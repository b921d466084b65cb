"""The exceptions of hadr_rules.

They are plain Python classes (an extension type cannot derive from both ``HadrError`` and
``ValueError``); the extension module raises them.
"""

from __future__ import annotations

from typing import Any, List, Tuple, TypedDict, Union

__all__ = [
    "ArgumentError",
    "ErrorDetails",
    "HadrError",
    "TopologyError",
    "UnknownRuleError",
]


class _RequiredErrorDetails(TypedDict):
    type: str
    loc: Tuple[Union[int, str], ...]
    msg: str


class ErrorDetails(_RequiredErrorDetails, total=False):
    """One problem with a topology document, as :meth:`TopologyError.errors` returns it.

    ``type``, ``loc`` and ``msg`` are always present; the other keys only when they are known.
    """

    path: str
    line: int
    column: int
    expected: str
    file: str


class HadrError(Exception):
    """Base class of every exception that hadr_rules raises."""


class TopologyError(HadrError, ValueError):
    """The topology could not be read: bad JSON, an unknown token or key, a wrong type, a
    dangling reference, a duplicate, an unsupported format, an unreadable file...

    :meth:`errors` lists every problem with its location in the document.
    """

    def __init__(self, message: str, errors: List[ErrorDetails], json: str = "") -> None:
        super().__init__(message)
        self._errors = list(errors)
        self._json = json

    def errors(self) -> List[ErrorDetails]:
        """Every problem: ``{"type", "loc", "msg"}`` and, when known, ``"path"`` (the JSON
        Pointer), ``"line"``, ``"column"``, ``"expected"`` and ``"file"``."""
        return [error.copy() for error in self._errors]

    def error_count(self) -> int:
        """How many problems were found."""
        return len(self._errors)

    def to_json(self) -> str:
        """The errors as ``{"errors": [...]}``, the JSON that ``hadr-rules check --format json``
        prints for an input it cannot read."""
        return self._json

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self._errors, self._json))


class ArgumentError(HadrError, ValueError):
    """An argument other than the topology has a value the engine does not know: a product, an
    HA mode, a SQL version or edition, a fail level, a severity override or a suppression."""


class UnknownRuleError(HadrError, KeyError):
    """No rule of the catalog has this ID."""

    def __str__(self) -> str:
        # KeyError quotes its argument; the message reads better as it is.
        return str(self.args[0]) if self.args else ""
