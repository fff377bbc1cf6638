"""
Facts about roles, each with its evidence: what the engine reads a State's roles from.

`vap.model.reading` makes them from dated observations; users may give them directly.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.dates import as_date, iso
from vap.model.evidence import Evidence
from vap.model.reasons import Reason, reason
from vap.model.roles import Role, Truth, as_role
from vap.model.validators import (
    are_strings,
    as_tuple,
    converter,
    is_instance,
    is_optional_date,
    is_text,
    to_optional_date,
    to_strings,
    tuple_of,
)

__all__ = ["RoleFact"]


def _one_or_many(value: Iterable[Evidence] | Evidence) -> tuple[Evidence, ...]:
    return (value,) if isinstance(value, Evidence) else as_tuple(value)


converter(_one_or_many)


def _until_after_since(instance: RoleFact, _: attrs.Attribute[Any], until: Any) -> None:
    if until is not None and instance.since is not None and until <= instance.since:
        raise ValidationError(
            f"RoleFact.until {until} must be after RoleFact.since {instance.since}:"
            " a fact holds from since (included) until until (excluded)"
        )


@attrs.frozen(kw_only=True, cache_hash=True)
class RoleFact:
    """
    A sourced statement that a State holds a role (or not) over a span of days.

    The fact holds from ``since`` (included; ``None``: from the State's beginning) until
    ``until`` (excluded: the first day it no longer holds; ``None``: with no end). Outside
    every fact, the role is unknown. ``evidence`` holds the words of the sources it rests
    on, each with the day it speaks for; the built-in data gives every fact some.
    """

    role: Role = attrs.field(converter=as_role)
    value: Truth = attrs.field(validator=is_instance(Truth, "a Truth (YES, NO or UNKNOWN)"))
    since: pendulum.Date | None = attrs.field(
        default=None, converter=to_optional_date, validator=is_optional_date
    )
    until: pendulum.Date | None = attrs.field(
        default=None,
        converter=to_optional_date,
        validator=[is_optional_date, _until_after_since],
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    note: str = attrs.field(default="", validator=is_text)
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_one_or_many, validator=tuple_of(Evidence, "Evidence values")
    )
    _reason: Reason | None = attrs.field(init=False, default=None, eq=False, repr=False)

    @property
    def reason(self) -> Reason:
        """
        The reason the fact gives, with its sources and evidence; made on first use.

        "victims: yes, by a fact that holds from 2011-08-01" (the role's description).
        """
        made = self._reason
        if made is None:
            made = reason(
                f"{self.role.description}: {self.value.value}, by a fact that holds {self.span}",
                self.sources,
                self.evidence,
            )
            object.__setattr__(self, "_reason", made)  # a cache: the fact is unchanged
        return made

    def covers(self, on: datetime.date) -> bool:
        """Whether the fact holds on the day *on*."""
        if type(on) is not pendulum.Date:  # the engine's own days skip the check
            on = as_date(on, field="on")
        return (self.since is None or self.since <= on) and (self.until is None or on < self.until)

    def overlaps(self, other: RoleFact) -> bool:
        """Whether the two facts hold on some common day."""
        if not isinstance(other, RoleFact):
            raise ValidationError(f"RoleFact.overlaps() takes a RoleFact, not {other!r}")
        starts_before_other_ends = (
            self.since is None or other.until is None or self.since < other.until
        )
        ends_after_other_starts = (
            self.until is None or other.since is None or other.since < self.until
        )
        return starts_before_other_ends and ends_after_other_starts

    @property
    def span(self) -> str:
        """The days the fact holds, in words: "throughout", "from 2011-01-01 until 2015-11-25"."""
        span = []
        if self.since is not None:
            span.append(f"from {iso(self.since)}")
        if self.until is not None:
            span.append(f"until {iso(self.until)}")
        return " ".join(span) or "throughout"

    def describe(self) -> str:
        """The fact in words: "stockpiles: yes until 2015-11-25"."""
        return f"{self.role.value}: {self.value.value} {self.span}"
