"""The plan's actions: their verbatim text, who they address, how strongly, and when."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.addressees import ADDRESSEE_KINDS, Addressee
from vap.model.applicability import Applicability, applicability
from vap.model.meetings import Calendar
from vap.model.timelines import TIMELINE_KINDS, Timeline
from vap.model.validators import (
    are_strings,
    is_date,
    is_instance,
    is_optional_date,
    matches,
    non_empty,
    not_before,
    to_date,
    to_optional_date,
    to_strings,
)

if TYPE_CHECKING:
    from vap.model.roles import Truth
    from vap.model.states import StateParty

__all__ = ["Action", "Modality", "Qualifier", "Section", "Step"]


class Modality(enum.Enum):
    """
    How strongly a heading commits its addressees, from the plan's own verbs.

    "will" (most actions), "will seek to" (30-32), "should" (33-36) and "should undertake"
    (37-42).
    """

    WILL = "will"
    WILL_SEEK_TO = "will seek to"
    SHOULD = "should"
    SHOULD_UNDERTAKE = "should undertake"


class Qualifier(enum.Enum):
    """A word inside an action that softens it further: "Endeavour to", "Strive to"."""

    ENDEAVOUR = "endeavour to"
    STRIVE = "strive to"


@attrs.frozen(kw_only=True)
class Section:
    """A numbered section of the plan: ``Section("IV", "Stockpile destruction")``."""

    number: str = attrs.field(validator=matches(r"[IVXLC]+", "a Roman numeral such as 'IV'"))
    title: str = attrs.field(validator=non_empty)

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


@attrs.frozen(kw_only=True)
class Step:
    """
    One time-bound part of an action, with its own key and deadline rule.

    Most actions are one step keyed like the action (``VAP-21``); actions 8 and 26 have
    two (``VAP-8.1``, ``VAP-8.2``). ``phrase`` is the timing wording, verbatim from the
    action's text, that the rule encodes.
    """

    key: str = attrs.field(
        validator=matches(r"[A-Z]+-\d+(\.\d+[a-z]?)?", "a step key such as 'VAP-21' or 'VAP-8.1'")
    )
    title: str = attrs.field(validator=non_empty)
    timeline: Timeline = attrs.field(validator=is_instance(TIMELINE_KINDS, "a timeline rule"))
    phrase: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(str, "a string"))
    )


def _as_steps(steps: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(steps)


def _steps(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(step, Step) for step in value)
    ):
        raise ValidationError(f"Action.{attribute.name} must be one or more Step values")


@attrs.frozen(kw_only=True)
class Action:
    """
    One numbered action of a plan, with everything needed to apply and schedule it.

    ``text`` is the plan's wording, verbatim. ``addressee`` and ``modality`` come from the
    heading the action sits under (``heading``, verbatim). ``adopted``, ``superseded`` and
    ``meetings`` are the plan's: an action applies while its plan is in force, and its
    meeting-bound steps fall due at meetings of that calendar.
    """

    key: str = attrs.field(validator=matches(r"[A-Z]+-\d+", "an action key such as 'VAP-12'"))
    number: int = attrs.field(validator=is_instance(int, "a whole number"))
    title: str = attrs.field(validator=non_empty)
    text: str = attrs.field(validator=non_empty)
    section: Section = attrs.field(validator=is_instance(Section, "a Section"))
    subsection: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty)
    )
    heading: str = attrs.field(validator=non_empty)
    addressee: Addressee = attrs.field(validator=is_instance(ADDRESSEE_KINDS, "an addressee"))
    modality: Modality = attrs.field(validator=is_instance(Modality, "a Modality"))
    qualifier: Qualifier | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(Qualifier, "a Qualifier"))
    )
    articles: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    steps: tuple[Step, ...] = attrs.field(converter=_as_steps, validator=_steps)
    adopted: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    superseded: pendulum.Date | None = attrs.field(
        default=None,
        converter=to_optional_date,
        validator=[is_optional_date, not_before("adopted")],
    )
    meetings: Calendar = attrs.field(validator=is_instance(Calendar, "a Calendar"), repr=False)

    @number.validator
    def _number_in_key(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not self.key.endswith(f"-{value}"):
            raise ValidationError(
                f"Action.{attribute.name} {value} does not match the key {self.key!r}"
            )

    @steps.validator
    def _step_keys(self, attribute: attrs.Attribute[Any], steps: tuple[Step, ...]) -> None:
        expected = (
            [self.key]
            if len(steps) == 1
            else [f"{self.key}.{index}" for index in range(1, len(steps) + 1)]
        )
        actual = [step.key for step in steps]
        if actual != expected:
            raise ValidationError(
                f"Action.{attribute.name} of {self.key} are keyed {actual}, expected {expected}"
            )
        for step in steps:
            if step.phrase is not None and step.phrase not in self.text:
                raise ValidationError(
                    f"the phrase of step {step.key}, {step.phrase!r}, is not in the action's text"
                )

    def in_force_on(self, day: datetime.date) -> bool:
        """Whether the action's plan is in force on *day* (adoption included, successor not)."""
        return self.adopted <= day and (self.superseded is None or day < self.superseded)

    def applies_to(self, state: StateParty, *, on: datetime.date) -> Truth:
        """
        Return whether the action applies to *state* on the day *on*.

        `Truth.YES` when the plan is in force, the Convention is in force for the State,
        the action's time has not run out before the State joined, and the State is among
        the addressees; `Truth.UNKNOWN` when a role fact it needs is unknown.
        `applicability` gives the same answer with the reasons behind it.
        """
        return self.applicability(state, on=on).applies

    def applicability(self, state: StateParty, *, on: datetime.date) -> Applicability:
        """Return whether the action applies to *state* on *on*, with the reasons why."""
        return applicability(self, state, on=on)

    def __str__(self) -> str:
        return f"{self.key} {self.title}"

    def _repr_html_(self) -> str:
        from vap.exports.html import action_html  # noqa: PLC0415 - only notebooks need it

        return action_html(self)
