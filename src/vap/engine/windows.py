"""
The windows one duty gives one State, each judged: the simple path the caches are checked against.

For a State and a duty, `vap.model.duties.occurrences` gives the windows it owes and
`vap.model.applicability.judge` decides whether each applies: a dated occurrence on the
day it opens (or, where its time ran out before the State was bound, on the day the
State's part began), an undated one on the first day the State is among its addressees.
Nothing here decides applicability a second way. `Plain` asks the model directly;
`vap.engine.fastpath.Memo` asks the same behind caches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeAlias

import pendulum

from vap.model.applicability import judge, report_days, reports_read
from vap.model.duties import Duty, Occurrence, occurrences
from vap.model.policy import SchedulePolicy
from vap.model.reasons import Reason
from vap.model.roles import Truth
from vap.model.states import StateParty

__all__ = ["Ask", "Plain", "Window", "windows_of"]


Window: TypeAlias = tuple[
    pendulum.Date,  # opens
    pendulum.Date | None,  # due
    int | None,  # year
    pendulum.Date | None,  # anchor
    Truth,  # applies
    tuple[Reason, ...],  # reasons
]
"""One schedule item of a duty for a State, but for the step's own key, title and rule."""


class Ask(Protocol):
    """How the engine asks the model: the plain functions, or the same behind caches."""

    policy: SchedulePolicy

    def occurrences(self, duty: Duty, state: StateParty) -> tuple[Occurrence, ...]:
        """`vap.model.duties.occurrences` of *duty* for *state*."""
        ...

    def judge(
        self, duty: Duty, state: StateParty, day: pendulum.Date, found: tuple[Occurrence, ...]
    ) -> tuple[Truth, tuple[Reason, ...]]:
        """`vap.model.applicability.judge` of *duty* for *state* on *day*."""
        ...

    def windows(self, duties: Sequence[Duty], state: StateParty) -> list[list[Window]]:
        """`windows_of` each of *duties* for *state*, in order."""
        ...


class Plain:
    """Asks the model directly: the simple path the fast one is checked against."""

    def __init__(self, policy: SchedulePolicy, through: pendulum.Date | None) -> None:
        self.policy = policy
        self.through = through

    def occurrences(self, duty: Duty, state: StateParty) -> tuple[Occurrence, ...]:
        """`vap.model.duties.occurrences`, computed."""
        return occurrences(duty, state, self.policy, through=self.through)

    def judge(
        self, duty: Duty, state: StateParty, day: pendulum.Date, found: tuple[Occurrence, ...]
    ) -> tuple[Truth, tuple[Reason, ...]]:
        """`vap.model.applicability.judge`, computed."""
        return judge(duty, state, day, self.policy, found)

    def windows(self, duties: Sequence[Duty], state: StateParty) -> list[list[Window]]:
        """`windows_of` each duty, computed."""
        return [windows_of(duty, state, self) for duty in duties]


def _turning_days(
    duty: Duty, state: StateParty, first: pendulum.Date, policy: SchedulePolicy
) -> list[pendulum.Date]:
    """
    The days from *first* until the duty ends for the State on which its answer can change.

    *first* itself, and the days a role fact begins or ends (and, when "have reported" is
    read by the reports, the days the record changes), in order.
    """
    end = duty.end(state)
    days = {first}
    roles = duty.roles
    if roles:
        for fact in state.facts:
            if fact.role in roles:
                for day in (fact.since, fact.until):
                    if day is not None and first < day and (end is None or day < end):
                        days.add(day)
    reports = reports_read(duty, policy)
    if reports is not None:
        days.update(
            day
            for day in report_days(state.code, reports)
            if first < day and (end is None or day < end)
        )
    return sorted(days)


def _search(
    duty: Duty, state: StateParty, occurrence: Occurrence, found: tuple[Occurrence, ...], ask: Ask
) -> tuple[pendulum.Date, Truth, tuple[Reason, ...]]:
    """
    The first day in an undated window on which the State is among the duty's addressees.

    Returns that day and `Truth.YES`; else the first day the answer is unknown; else the
    window's first day and `Truth.NO`. Only the days the answer can change on are tried.
    """
    answers: list[tuple[pendulum.Date, Truth, tuple[Reason, ...]]] = []  # the first day's first
    for day in _turning_days(duty, state, occurrence.opens, ask.policy):
        truth, reasons = ask.judge(duty, state, day, found)
        if truth is Truth.YES:
            return day, truth, reasons
        answers.append((day, truth, reasons))
    for answer in answers:
        if answer[1] is Truth.UNKNOWN:
            return answer
    return answers[0]


def windows_of(duty: Duty, state: StateParty, ask: Ask) -> list[Window]:
    """The windows of one duty for one State, each judged by `judge`."""
    found = ask.occurrences(duty, state)
    windows: list[Window] = []
    for occurrence in found:
        opens, anchor = occurrence.opens, occurrence.anchor
        if occurrence.due is None and occurrence.lapsed is None:
            opens, applies, reasons = _search(duty, state, occurrence, found, ask)
            if duty.waits_for_role and applies is Truth.YES:
                anchor = opens
        else:
            applies, reasons = ask.judge(duty, state, max(opens, duty.start(state)), found)
        windows.append((opens, occurrence.due, occurrence.year, anchor, applies, reasons))
    return windows
