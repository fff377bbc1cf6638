"""
When an obligation falls due: a closed set of deadline rules.

Each timing phrase of the plan and the Convention maps to one rule (DOMAIN.md §3):

| rule | wording | due |
|---|---|---|
| `Within` | "within one year of entry into force for that State Party" | anchor + period |
| `ByMeeting` | "in time for the Second Meeting of States Parties" | the meeting's first day |
| `DuringYear` | "in 2011" | 31 December of that year |
| `FromDate` | "in 2011 and beyond" | no fixed date |
| `OnRoleStart` | "as soon as areas ... are known to be contaminated" | no fixed date |
| `Annually` | "annually" | every 30 April |
| `AsSoonAsPossible` | "as soon as possible", "without delay" | a legal outer bound, if any |
| `Ongoing` | everything else | no fixed date |

The rules are data; `vap.schedule` turns them into dates for a State.
"""

from __future__ import annotations

import calendar
from typing import Any, TypeAlias

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.choices import Choice
from vap.model.dates import Period
from vap.model.roles import Role, as_role
from vap.model.validators import is_date, is_instance, is_text, matches, says, to_date

__all__ = [
    "TIMELINE_KINDS",
    "Anchor",
    "Annually",
    "AsSoonAsPossible",
    "ByMeeting",
    "DuringYear",
    "FromDate",
    "OnRoleStart",
    "Ongoing",
    "Timeline",
    "Within",
    "covered_year",
]


class Anchor(Choice):
    """
    The day a `Within` period counts from.

    ``END_OF_ACTIVE_HOSTILITIES`` anchors clearance of areas contaminated after entry into
    force, Article 4(1)(b): the State records such days as `vap.Event` values.
    """

    ENTRY_INTO_FORCE = "entry-into-force"
    END_OF_ACTIVE_HOSTILITIES = "end-of-active-hostilities"

    @property
    def description(self) -> str:
        """The anchor in words."""
        return self.value.replace("-", " ")


@attrs.frozen
class Within:
    """Due a period after an anchor: "within one year of entry into force"."""

    period: Period = attrs.field(validator=is_instance(Period, "a Period"))
    anchor: Anchor = attrs.field(
        default=Anchor.ENTRY_INTO_FORCE, validator=is_instance(Anchor, "an Anchor")
    )

    def describe(self) -> str:
        """Return the rule in words."""
        return f"within {self.period} of {self.anchor.description}"


@attrs.frozen
class ByMeeting:
    """Due at a meeting of the Convention: "in time for the Second Meeting of States Parties"."""

    meeting: str = attrs.field(validator=matches(r"\S+", "a meeting key such as '2MSP'"))

    def describe(self) -> str:
        """Return the rule in words."""
        return f"by {self.meeting}"


@attrs.frozen
class DuringYear:
    """Open for one calendar year, due on its last day: "in 2011"."""

    year: int = attrs.field(validator=is_instance(int, "a year (a whole number)"))

    @year.validator
    def _in_calendar(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not 1 <= value <= 9998:
            raise ValidationError(f"DuringYear.{attribute.name} {value} is outside the calendar")

    def describe(self) -> str:
        """Return the rule in words."""
        return f"during {self.year}"


@attrs.frozen
class FromDate:
    """Open from a day onward, with no end: "in 2011 and beyond"."""

    start: pendulum.Date = attrs.field(converter=to_date, validator=is_date)

    def describe(self) -> str:
        """Return the rule in words."""
        return f"from {self.start} onward"


@attrs.frozen
class OnRoleStart:
    """Open from the day a State comes to hold a role: "as soon as areas ... are known"."""

    role: Role = attrs.field(converter=as_role)

    def describe(self) -> str:
        """Return the rule in words."""
        return f"as soon as the State is one {self.role.description}"


@says({"minimum": 1, "maximum": 31})  # the month's own length is a rule across two fields
def _real_day(instance: Annually, attribute: attrs.Attribute[int], day: int) -> None:
    month = instance.month
    if type(day) is not int or not 1 <= day <= calendar.monthrange(2001, month)[1]:
        raise ValidationError(
            f"Annually.{attribute.name} {day!r} is not a day of month {month}"
            " in every year (29 February is refused)"
        )


@says({"minimum": 1, "maximum": 12})
def _month(instance: object, attribute: attrs.Attribute[Any], month: object) -> None:
    if type(month) is not int or not 1 <= month <= 12:
        raise ValidationError(f"Annually.{attribute.name} must be a month 1 to 12, not {month!r}")


@attrs.frozen
class Annually:
    """
    Due every year on a fixed day, each occurrence covering the previous calendar year.

    The Article 7(2) report is due "not later than 30 April of each year" and covers the
    previous calendar year; the plan's "annually" (actions 16 and 59) rides on it. Such a
    rule follows an initial report due ``after`` entry into force (180 days, Article 7(1)),
    and the `vap.FirstAnnualReport` policy says which year comes first. Without ``after``
    the first occurrence is the first day (``month``, ``day``) on or after the rule opens.
    """

    month: int = attrs.field(default=4, validator=_month)
    day: int = attrs.field(default=30, validator=_real_day)
    after: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(Period, "a Period"))
    )

    def describe(self) -> str:
        """Return the rule in words."""
        text = f"every year by {self.day} {calendar.month_name[self.month]}"
        if self.after is not None:
            text += f", after an initial report due {self.after} after entry into force"
        return text


@attrs.frozen
class AsSoonAsPossible:
    """
    No fixed date: "as soon as possible", "without delay", "as a matter of urgency".

    Such an item opens at once and is overdue only where the law sets an outer bound:
    ``bound`` after entry into force, with ``bound_source`` naming the article (the initial
    transparency report of action 58: 180 days, Article 7(1)).
    """

    bound: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(Period, "a Period"))
    )
    bound_source: str = attrs.field(default="", validator=is_text)

    @bound_source.validator
    def _source_with_bound(self, attribute: attrs.Attribute[str], value: str) -> None:
        if self.bound is not None and not value.strip():
            raise ValidationError(
                f"AsSoonAsPossible.{attribute.name} must name the article that sets the bound"
            )
        if self.bound is None and value:
            raise ValidationError(
                f"AsSoonAsPossible.{attribute.name} {value!r} is given without a bound"
            )

    def describe(self) -> str:
        """Return the rule in words."""
        if self.bound is None:
            return "as soon as possible, no fixed date"
        return (
            f"as soon as possible, at the latest {self.bound} after entry into force"
            f" ({self.bound_source})"
        )


@attrs.frozen
class Ongoing:
    """No date at all: the action holds for as long as the plan is in force."""

    def describe(self) -> str:
        """Return the rule in words."""
        return "ongoing while the plan is in force"


def covered_year(due_year: int) -> int:
    """The calendar year a yearly report due in *due_year* covers: the one before (Art. 7(2))."""
    return due_year - 1


Timeline: TypeAlias = (
    Within | ByMeeting | DuringYear | FromDate | OnRoleStart | Annually | AsSoonAsPossible | Ongoing
)
"""A deadline rule: one of the eight timeline classes."""

TIMELINE_KINDS = (
    Within,
    ByMeeting,
    DuringYear,
    FromDate,
    OnRoleStart,
    Annually,
    AsSoonAsPossible,
    Ongoing,
)
"""The timeline classes, for checking that a value is one."""
