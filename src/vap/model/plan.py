"""A plan: numbered actions in force for a period, with the meetings its deadlines refer to."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import attrs
import pendulum

from vap.errors import UnknownKeyError, ValidationError
from vap.model.actions import Action, Section, Step
from vap.model.applicability import Applicability
from vap.model.dates import as_date
from vap.model.frozen import FrozenMap
from vap.model.keys import parent_key, plan_key
from vap.model.meetings import Calendar
from vap.model.roles import Role
from vap.model.timelines import ByMeeting
from vap.model.validators import (
    converter,
    is_date,
    is_instance,
    is_optional_date,
    is_text,
    non_empty,
    not_before,
    to_date,
    to_optional_date,
    tuple_of,
)

if TYPE_CHECKING:
    from vap.model.states import StateParty

__all__ = ["Plan"]


def _by_number(actions: Iterable[Action]) -> tuple[Action, ...]:
    items = tuple(actions)
    if all(isinstance(action, Action) for action in items):
        return tuple(sorted(items, key=lambda action: action.number))
    return items


converter(_by_number)


@attrs.frozen(kw_only=True, repr=False)
class Plan:
    """
    A plan of action: its actions in number order, looked up by key or number.

    ``plan["VAP-12"]`` and ``plan.action(12)`` give an action; iterating gives the actions
    in number order. A plan is valid as a whole or not at all: building one checks every
    action against the plan and reports every problem at once.
    """

    key: str = attrs.field(validator=plan_key)
    title: str = attrs.field(validator=non_empty)
    adopted: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    superseded: pendulum.Date | None = attrs.field(
        default=None,
        converter=to_optional_date,
        validator=[is_optional_date, not_before("adopted")],
    )
    source: str = attrs.field(default="", validator=is_text)
    meetings: Calendar = attrs.field(validator=is_instance(Calendar, "a Calendar"))
    actions: tuple[Action, ...] = attrs.field(
        converter=_by_number, validator=tuple_of(Action, "Action values")
    )
    _index: Mapping[str, Action] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = []
        seen: dict[int, Action] = {}
        titles: dict[str, str] = {}
        for action in self.actions:
            where = f"action {action.key}"
            if action.number in seen:
                problems.append(f"{where}: the number {action.number} is used more than once")
            seen[action.number] = action
            if action.key != f"{self.key}-{action.number}":
                problems.append(f"{where}: expected the key {self.key}-{action.number}")
            if (action.adopted, action.superseded) != (self.adopted, self.superseded):
                problems.append(
                    f"{where}: in force from {action.adopted} to {action.superseded},"
                    f" not the plan's {self.adopted} to {self.superseded}"
                )
            if action.meetings != self.meetings:
                problems.append(f"{where}: its meeting calendar is not the plan's")
            problems.extend(
                f"step {step.key}: unknown meeting {step.timeline.meeting!r}"
                for step in action.steps
                if isinstance(step.timeline, ByMeeting)
                and step.timeline.meeting not in self.meetings
            )
            title = titles.setdefault(action.section.number, action.section.title)
            if title != action.section.title:
                problems.append(
                    f"{where}: section {action.section.number} is titled"
                    f" {action.section.title!r} here and {title!r} elsewhere"
                )
        if problems:
            raise ValidationError(f"invalid plan {self.key!r}", problems)
        index = {action.key: action for action in self.actions}
        object.__setattr__(self, "_index", FrozenMap(index))

    def __getitem__(self, key: str) -> Action:
        try:
            return self._index[key]
        except KeyError:  # an unhashable key too: FrozenMap says UnknownKeyError
            raise UnknownKeyError(
                f"unknown action {key!r}: expected a key from {self.key}-{self.actions[0].number}"
                f" to {self.key}-{self.actions[-1].number}"
                if self.actions
                else f"unknown action {key!r}: the plan has no actions"
            ) from None

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[Action]:
        return iter(self.actions)

    def __len__(self) -> int:
        return len(self.actions)

    def action(self, number: int) -> Action:
        """Return the action numbered *number*."""
        return self[f"{self.key}-{number}"]

    def step(self, key: str) -> Step:
        """Return the step keyed *key* (``"VAP-8.1"``, or ``"VAP-12"`` for a one-step action)."""
        for step in self[parent_key(key) if isinstance(key, str) else key].steps:
            if step.key == key:
                return step
        raise UnknownKeyError(f"unknown step {key!r}")

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step of every action, in order."""
        return tuple(step for action in self.actions for step in action.steps)

    @property
    def step_keys(self) -> frozenset[str]:
        """The keys of every step (an action of one step has its own key as its step's)."""
        return frozenset(step.key for step in self.steps)

    @property
    def sections(self) -> tuple[Section, ...]:
        """The plan's sections, in the order they appear."""
        return tuple(dict.fromkeys(action.section for action in self.actions))

    def in_force_on(self, day: datetime.date) -> bool:
        """Whether the plan is in force on *day* (its adoption included, its successor's not)."""
        day = as_date(day, field="day")
        return self.adopted <= day and (self.superseded is None or day < self.superseded)

    def filter(
        self, *, section: Section | str | None = None, role: Role | str | None = None
    ) -> tuple[Action, ...]:
        """
        Return the actions in *section* and addressed to holders of *role*.

        *section* is a `Section`, its number (``"IV"``) or its title; *role* a `Role` or
        its name. An action addressed to all States Parties does not count as addressed
        to a role.

        Raises:
            UnknownKeyError: for a section the plan does not have.
            ValidationError: for an unknown role name.
        """
        actions = self.actions
        if section is not None:
            wanted = self._section(section)
            actions = tuple(action for action in actions if action.section == wanted)
        if role is not None:
            wanted_role = Role.parse(role)
            actions = tuple(action for action in actions if wanted_role in action.addressee.roles)
        return actions

    def _section(self, section: Section | str) -> Section:
        for candidate in self.sections:
            if section in (candidate, candidate.number, candidate.title):
                return candidate
        known = ", ".join(str(candidate) for candidate in self.sections)
        raise UnknownKeyError(f"unknown section {section!r}: expected one of {known}")

    def applicability(self, state: StateParty, *, on: datetime.date) -> tuple[Applicability, ...]:
        """Return, for every action in order, whether it applies to *state* on *on*, and why."""
        return tuple(action.applicability(state, on=on) for action in self.actions)

    def __repr__(self) -> str:
        return f"<Plan {self.key} {self.title!r}: {len(self.actions)} actions>"

    def __str__(self) -> str:
        ends = f" to {self.superseded}" if self.superseded else " onward"
        return f"{self.title} ({len(self.actions)} actions, in force {self.adopted}{ends})"

    def _repr_html_(self) -> str:
        from vap import exports  # noqa: PLC0415 - the notebook view, from the exports layer

        return exports.html(self)
