"""
Errors that bad input causes.

Every error `vap` raises because of what a caller passed in is a `VapError`. Subclasses
also derive from the built-in exception a Python programmer would expect (`ValueError`,
`KeyError`, `TypeError`, `ImportError`), so existing ``except`` clauses keep working.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "AmbiguousDateError",
    "FormatError",
    "MissingExtraError",
    "UnknownKeyError",
    "UnknownTruthError",
    "ValidationError",
    "VapError",
]


class VapError(Exception):
    """
    The base class of every error caused by bad input.

    ``problems`` lists each problem found, one line each, so that a loader can report all
    of them at once; ``str(error)`` shows the message followed by the problems.
    """

    def __init__(self, message: str, problems: Iterable[str] = ()) -> None:
        self.message = message
        self.problems = tuple(problems)
        super().__init__(message, self.problems)

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        return f"{self.message}\n{lines}"


class ValidationError(VapError, ValueError):
    """A value breaks a rule of the model: a field holds something it must not."""


class AmbiguousDateError(VapError, ValueError):
    """
    Calendar arithmetic landed on a day the target month lacks (31 January + 1 month).

    Pass a `vap.MonthEnd` policy to round down or up instead of refusing.
    """


class UnknownKeyError(VapError, KeyError):
    """A key (an action, a State, a meeting) that the collection does not hold."""

    def __str__(self) -> str:
        # KeyError would quote the message; show it as written.
        return VapError.__str__(self)


class UnknownTruthError(VapError, TypeError):
    """`bool()` of `Truth.UNKNOWN`: unknown is never silently true or false."""


class FormatError(VapError, ValueError):
    """A document (JSON or CSV) that does not follow its format; nothing was loaded."""


class MissingExtraError(VapError, ImportError):
    """An optional feature was used without its extra installed (``pip install vap[plot]``)."""
