"""
Explanations: why a step applies to a State, and how each of its dates follows.

Every date shown as "A + period" is that sum; an extended deadline is shown as the original
deadline with its arithmetic, then each extension in order, then, on request, the deadline
in force on a given day.
"""

from __future__ import annotations

import calendar
import datetime
from typing import TYPE_CHECKING, assert_never

import attrs
import pendulum

from vap.engine.schedule import ScheduleItem
from vap.errors import UnknownKeyError, ValidationError
from vap.model.actions import Action
from vap.model.dates import MonthEnd, add, as_date
from vap.model.extensions import (
    EXTENSION_RULES,
    granted_extensions,
    undecided_on,
    undecided_requests,
)
from vap.model.meetings import Calendar, MeetingDay
from vap.model.states import StateParty
from vap.model.timelines import (
    Annually,
    AsSoonAsPossible,
    ByMeeting,
    DuringYear,
    FromDate,
    Ongoing,
    OnRoleStart,
    Within,
    covered_year,
)

if TYPE_CHECKING:
    from vap.engine.schedule import Schedule

__all__ = ["Explanation", "computation", "deadline_in_force", "explain"]


def computation(  # noqa: PLR0911 - one per rule
    item: ScheduleItem, meeting_day: MeetingDay, month_end: MonthEnd = MonthEnd.REFUSE
) -> str:
    """
    How the item's due date was reached, in words; only a true sum is written as one.

    An extended deadline is not the sum of its rule: it reads "extended (see below)". A sum
    is checked with the schedule's *month_end* policy, the one that computed it.
    """
    timeline = item.timeline
    match timeline:
        case Within(period=period, anchor=anchor):
            if item.anchor is not None and item.due == add(
                item.anchor, period, month_end=month_end
            ):
                return f"{anchor.description} {item.anchor} + {period}"
            return "the deadline as extended (see below)"
        case AsSoonAsPossible(bound=bound, bound_source=source):
            return f"entry into force {item.anchor} + {bound} ({source})"
        case ByMeeting(meeting=meeting):
            which = "first" if meeting_day is MeetingDay.OPENS else "last"
            return f"the {which} day of {meeting}"
        case DuringYear(year=year):
            return f"the last day of {year}"
        case Annually(month=month, day=day):
            year = item.year or 0
            return (
                f"{day} {calendar.month_name[month]} {year},"
                f" the report covering {covered_year(year)}"
            )
        case FromDate() | Ongoing() | OnRoleStart():  # pragma: no cover - no due date
            return "no fixed date"
        case _ as unreachable:
            assert_never(unreachable)


def deadline_in_force(
    state: StateParty, key: str, original: pendulum.Date, day: datetime.date, meetings: Calendar
) -> tuple[pendulum.Date, str]:
    """
    The deadline of *key* in force for *state* on *day*, and why.

    An extension counts from the last day of the meeting that granted it. Where the data
    does not name that meeting, the day it took effect is unknown: the answer is the
    deadline known to be in force by then, and says which extension might already apply.
    So does a request whose meeting has met but whose decision is not on record.
    """
    when = as_date(day, field="on")
    in_force, why = original, "the original deadline"
    for extension in granted_extensions(state.extensions, key):
        meeting = extension.decided_at
        if meeting is None or meeting not in meetings:
            return in_force, (
                f"{why}, or the extension to {extension.until} if it was granted by then"
                " (the data does not say when it was)"
            )
        granted = meetings[meeting].closes
        if granted > when:
            break
        in_force, why = extension.until or in_force, f"as extended at {meeting} ({granted})"
    requests = undecided_on(undecided_requests(state.extensions, key), when, meetings)
    if requests:
        asked = "; ".join(request.describe_request() for request in requests)
        why += f", or a later one: {asked}"
    return in_force, why


@attrs.frozen(kw_only=True)
class Explanation:
    """Why an action or obligation applies to a State, and how each of its dates was computed."""

    key: str
    state: str
    title: str
    text: str
    source: str
    addressee: str
    items: tuple[ScheduleItem, ...]
    meeting_day: MeetingDay = MeetingDay.OPENS
    month_end: MonthEnd = MonthEnd.REFUSE
    on: pendulum.Date | None = None
    in_force: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [
            f"{self.key} {self.title} ({self.state})",
            f'  text: "{self.text}" ({self.source})',
            f"  addressed to: {self.addressee}",
        ]
        for item in self.items:
            label = item.key if item.year is None else f"{item.key} {item.year}"
            lines += [
                f"  {label}: {item.rule}",
                f"    opens {item.opens}; due {item.due or 'on no fixed date'}"
                + (f" = {computation(item, self.meeting_day, self.month_end)}" if item.due else ""),
                f"    applies: {item.applies.value}",
            ]
            lines += [f"      - {reason}" for reason in item.reasons]
        lines += [f"  {line}" for line in self.in_force]
        return "\n".join(lines)


def explain(
    schedule: Schedule, key: str, *, state: str | None = None, on: datetime.date | None = None
) -> Explanation:
    """Explain a step or action for one State of *schedule* (see `Schedule.explain`)."""
    items = schedule.for_key(key)
    if state is not None:
        items = items.for_state(state)
    if not items:
        where = f" for {state}" if state else ""
        raise UnknownKeyError(f"the schedule has no item {key!r}{where}")
    codes = sorted({item.state for item in items})
    if len(codes) > 1:
        raise ValidationError(
            f"the schedule holds {key} for {len(codes)} States: pass state= one of"
            f" {', '.join(codes)}"
        )
    parent = items[0].obligation
    source = schedule.plan[parent] if parent in schedule.plan else schedule.obligations[parent]
    if isinstance(source, Action):
        origin = f"{schedule.plan.title}, action {source.number}"
        addressee = f"{source.addressee} ({source.modality.value})"
    else:
        origin = f"Convention on Cluster Munitions, {source.article}"
        addressee = str(source.addressee)
    day = None if on is None else as_date(on, field="on")
    in_force: list[str] = []
    if day is not None:
        (party,) = (party for party in schedule.states if party.code == codes[0])
        for item in items:
            rule = EXTENSION_RULES.get(item.key)
            if rule is None or item.due is None or not isinstance(item.timeline, Within):
                continue
            original = add(party.entry_into_force, rule.deadline)
            deadline, why = deadline_in_force(
                party, item.key, original, day, schedule.plan.meetings
            )
            in_force.append(f"{item.key}: the deadline in force on {day} is {deadline}, {why}")
    return Explanation(
        key=key,
        state=codes[0],
        title=source.title,
        text=source.text,
        source=origin,
        addressee=addressee,
        items=items.items,
        meeting_day=schedule.policy.meeting_day,
        month_end=schedule.policy.month_end,
        on=day,
        in_force=tuple(in_force),
    )
