"""
The scheduling engine: actions and obligations turned into dated items for each State.

A step applies to a State from the later of its plan's adoption and the State's entry
into force, and only while the plan is in force (the Convention's obligations have no end).
A dated step's applicability is judged on the day it opens; a step without a date opens on
the first day the State is among its addressees while the plan is in force.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import Final, NamedTuple

import pendulum

from vap._actions import Step
from vap._addressees import Addressee, AllStates, HasRole
from vap._applicability import Reason, addressee_truth
from vap._dates import MonthEnd, Period, add, as_date
from vap._extensions import EXTENSION_RULES
from vap._meetings import Calendar, MeetingDay
from vap._obligations import ObligationSet
from vap._plan import Plan
from vap._roles import Truth
from vap._schedule import (
    FirstAnnualReport,
    Schedule,
    ScheduleItem,
    SchedulePolicy,
    key_order,
)
from vap._states import StateParty
from vap._timelines import (
    Anchor,
    Annually,
    AsSoonAsPossible,
    ByMeeting,
    DuringYear,
    FromDate,
    OnRoleStart,
    Within,
)
from vap.errors import UnknownKeyError, ValidationError

__all__ = ["INITIAL_REPORT", "schedule"]

INITIAL_REPORT: Final = Period(days=180)
"""Article 7(1): the initial report is due "not later than 180 days after" entry into force."""

_ONE_DAY: Final = datetime.timedelta(days=1)
_ALL_STATES_REASONS: Final = (Reason("addressed to all States Parties"),)


class _Entry(NamedTuple):
    """One step to schedule, with what the engine needs of its action or obligation."""

    step: Step
    obligation: str
    addressee: Addressee
    start: pendulum.Date | None
    end: pendulum.Date | None
    order: tuple[str, int, int, str]


def _entries(plan: Plan, obligations: ObligationSet) -> list[_Entry]:
    entries = [
        _Entry(
            step, action.key, action.addressee, plan.adopted, plan.superseded, key_order(step.key)
        )
        for action in plan
        for step in action.steps
    ]
    entries.extend(
        _Entry(step, obligation.key, obligation.addressee, None, None, key_order(step.key))
        for obligation in obligations
        for step in obligation.steps
    )
    return entries


class _Context(NamedTuple):
    """What every step of every State is scheduled against."""

    meetings: Calendar
    policy: SchedulePolicy
    last_year_day: pendulum.Date | None  # yearly items stop on or before this day


class _Slot(NamedTuple):
    """A candidate item before its applicability is judged."""

    opens: pendulum.Date
    due: pendulum.Date | None
    year: int | None = None
    anchor: pendulum.Date | None = None
    reasons: tuple[Reason, ...] = ()


def _truth_on(
    addressee: Addressee, state: StateParty, day: pendulum.Date
) -> tuple[Truth, tuple[Reason, ...]]:
    if isinstance(addressee, AllStates):
        return Truth.YES, _ALL_STATES_REASONS
    return addressee_truth(addressee, state, day)


def _first_day(
    addressee: Addressee, state: StateParty, start: pendulum.Date, end: pendulum.Date | None
) -> tuple[Truth, pendulum.Date, tuple[Reason, ...]]:
    """
    Find the first day in [start, end) on which *state* is among the *addressee*.

    Returns `Truth.YES` and that day; else `Truth.UNKNOWN` and the first day that is
    unknown; else `Truth.NO` and *start*. Only the days role facts begin or end can change
    the answer, so only those are tried.
    """
    if isinstance(addressee, AllStates):
        return Truth.YES, start, _ALL_STATES_REASONS
    roles = addressee.roles
    days = {start}
    for fact in state.facts:
        if fact.role in roles:
            days.update(
                day
                for day in (fact.since, fact.until)
                if day is not None and start < day and (end is None or day < end)
            )
    unknown: tuple[pendulum.Date, tuple[Reason, ...]] | None = None
    for day in sorted(days):
        truth, reasons = addressee_truth(addressee, state, day)
        if truth is Truth.YES:
            return truth, day, reasons
        if truth is Truth.UNKNOWN and unknown is None:
            unknown = day, reasons
    if unknown is not None:
        return Truth.UNKNOWN, unknown[0], unknown[1]
    return Truth.NO, start, addressee_truth(addressee, state, start)[1]


def _first_report_year(
    month: int, day: int, entry_into_force: pendulum.Date, policy: SchedulePolicy
) -> int:
    if policy.first_annual_report is FirstAnnualReport.AFTER_FIRST_FULL_YEAR:
        first_full = entry_into_force.year + (
            0 if (entry_into_force.month, entry_into_force.day) == (1, 1) else 1
        )
        return first_full + 1
    after = entry_into_force
    if policy.first_annual_report is FirstAnnualReport.AFTER_INITIAL_REPORT:
        after = add(entry_into_force, INITIAL_REPORT)
    return after.year if (month, day) > (after.month, after.day) else after.year + 1


def _extension(
    state: StateParty, key: str, due: pendulum.Date
) -> tuple[pendulum.Date, tuple[Reason, ...]]:
    if key not in EXTENSION_RULES:
        return due, ()
    extended = state.deadline(key)
    if extended is None:
        return due, ()
    sources = tuple(
        source
        for extension in state.extensions
        if extension.obligation == key and extension.until == extended
        for source in extension.sources
    )
    rule = EXTENSION_RULES[key]
    return extended, (
        Reason(f"deadline extended to {extended} under {rule.article}, from {due}", sources),
    )


def _within_slots(
    timeline: Within, entry: _Entry, state: StateParty, start: pendulum.Date, month_end: MonthEnd
) -> Iterator[_Slot]:
    eif = state.entry_into_force
    if timeline.anchor is Anchor.ENTRY_INTO_FORCE:
        due, reasons = _extension(
            state, entry.step.key, add(eif, timeline.period, month_end=month_end)
        )
        yield _Slot(max(start, eif), due, anchor=eif, reasons=reasons)
        return
    for event in state.events:
        if event.kind is timeline.anchor:
            yield _Slot(
                max(start, event.on),
                add(event.on, timeline.period, month_end=month_end),
                anchor=event.on,
                reasons=(Reason(f"{timeline.anchor.description} on {event.on}", event.sources),),
            )


def _annual_slots(
    timeline: Annually, entry: _Entry, state: StateParty, start: pendulum.Date, context: _Context
) -> Iterator[_Slot]:
    if context.last_year_day is None:
        return
    year = _first_report_year(timeline.month, timeline.day, state.entry_into_force, context.policy)
    while True:
        due = pendulum.Date(year, timeline.month, timeline.day)
        opens = max(start, pendulum.Date(year, 1, 1))
        if due > context.last_year_day or (entry.end is not None and opens >= entry.end):
            return
        yield _Slot(opens, due, year=year)
        year += 1


def _slots(
    entry: _Entry, state: StateParty, start: pendulum.Date, context: _Context
) -> Iterator[_Slot]:
    """The candidate items of one step for one State, before applicability is judged."""
    timeline = entry.step.timeline
    if isinstance(timeline, Within):
        yield from _within_slots(timeline, entry, state, start, context.policy.month_end)
    elif isinstance(timeline, Annually):
        yield from _annual_slots(timeline, entry, state, start, context)
    elif isinstance(timeline, ByMeeting):
        yield _Slot(start, context.meetings[timeline.meeting].day(context.policy.meeting_day))
    elif isinstance(timeline, DuringYear):
        first, last = pendulum.Date(timeline.year, 1, 1), pendulum.Date(timeline.year, 12, 31)
        yield _Slot(max(start, first), last)
    elif isinstance(timeline, FromDate):
        yield _Slot(max(start, timeline.start), None, anchor=timeline.start)
    elif isinstance(timeline, AsSoonAsPossible) and timeline.bound is not None:
        eif = state.entry_into_force
        yield _Slot(start, add(eif, timeline.bound, month_end=context.policy.month_end), anchor=eif)
    else:  # AsSoonAsPossible without a bound, OnRoleStart, Ongoing: no fixed date
        yield _Slot(start, None)


def _items(entry: _Entry, state: StateParty, context: _Context) -> Iterator[ScheduleItem]:
    """The items of one step for one State, each judged applicable or not, with reasons."""
    step = entry.step
    eif = state.entry_into_force
    start = eif if entry.start is None or eif > entry.start else entry.start

    def item(
        slot: _Slot, applies: Truth, reasons: tuple[Reason, ...], opens: pendulum.Date
    ) -> ScheduleItem:
        return ScheduleItem(
            key=step.key,
            obligation=entry.obligation,
            state=state.code,
            title=step.title,
            opens=opens,
            due=slot.due,
            year=slot.year,
            applies=applies,
            timeline=step.timeline,
            anchor=slot.anchor,
            reasons=slot.reasons + reasons,
        )

    if entry.end is not None and start >= entry.end:
        yield item(
            _Slot(start, None),
            Truth.NO,
            (
                Reason(
                    f"the plan was superseded on {entry.end}, before the Convention entered"
                    f" into force for {state.code} on {eif}",
                    state.sources,
                ),
            ),
            start,
        )
        return
    timeline = step.timeline
    if isinstance(timeline, Annually) and entry.end is not None:
        first = _first_report_year(timeline.month, timeline.day, eif, context.policy)
        if max(start, pendulum.Date(first, 1, 1)) >= entry.end:
            first_due = pendulum.Date(first, timeline.month, timeline.day)
            reason = Reason(
                f"its first yearly occurrence, due {first_due},"
                f" opens after the plan was superseded on {entry.end}"
            )
            yield item(_Slot(start, None), Truth.NO, (reason,), start)
            return
    slots = _slots(entry, state, start, context)
    for slot in slots:
        if slot.due is not None and slot.due < start:
            joined = (
                f"the Convention entered into force for {state.code} on {eif}"
                if entry.start is None or eif >= entry.start
                else f"the plan was adopted on {entry.start}"
            )
            reason = Reason(f"its time ran out on {slot.due}, before {joined}", state.sources)
            yield item(slot, Truth.NO, (reason,), slot.due)
        elif entry.end is not None and slot.opens >= entry.end:
            reason = Reason(
                f"it opens on {slot.opens}, after the plan was superseded on {entry.end}"
            )
            yield item(slot, Truth.NO, (reason,), min(slot.opens, slot.due or slot.opens))
        elif slot.due is None:
            addressee = entry.addressee
            if isinstance(step.timeline, OnRoleStart):
                addressee = addressee & HasRole(step.timeline.role)
            applies, opens, reasons = _first_day(addressee, state, slot.opens, entry.end)
            anchor = (
                opens
                if isinstance(step.timeline, OnRoleStart) and applies is Truth.YES
                else slot.anchor
            )
            yield item(slot._replace(anchor=anchor), applies, reasons, opens)
        else:
            applies, reasons = _truth_on(entry.addressee, state, slot.opens)
            yield item(slot, applies, reasons, slot.opens)


def _states(
    states: StateParty | Iterable[StateParty] | Mapping[str, StateParty],
) -> list[StateParty]:
    if isinstance(states, StateParty):
        return [states]
    if isinstance(states, Mapping):
        states = states.values()
    given = list(states)
    for state in given:
        if not isinstance(state, StateParty):
            raise ValidationError(f"schedule() takes StateParty values, not {state!r}")
    codes = [state.code for state in given]
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise ValidationError(f"schedule() was given the State {repeated[0]} more than once")
    return given


def _sort_key(item: ScheduleItem, order: tuple[str, int, int, str]) -> tuple[object, ...]:
    return (item.date, item.state, order, item.year or 0, item.anchor or item.date)


def schedule(  # noqa: PLR0913 - every policy is a keyword with a documented default
    states: StateParty | Iterable[StateParty] | Mapping[str, StateParty],
    *,
    plan: Plan | None = None,
    obligations: ObligationSet | None = None,
    until: datetime.date | None = None,
    meetings: Calendar | None = None,
    meeting_day: MeetingDay = MeetingDay.OPENS,
    first_annual_report: FirstAnnualReport = FirstAnnualReport.AFTER_INITIAL_REPORT,
    month_end: MonthEnd = MonthEnd.REFUSE,
) -> Schedule:
    """
    Schedule what one or more States owe under a plan and the Convention, with dates.

    Args:
        states: a `StateParty`, an iterable of them, or a registry such as
            `vap.states_parties()`.
        plan: the plan of action; the Vientiane Action Plan by default.
        obligations: the Convention's obligations; `vap.convention_obligations()` by
            default. Pass an empty `ObligationSet` to schedule the plan alone.
        until: the last day to cover: items placed after it are left out and yearly items
            stop there. By default every one-off item is kept and yearly items stop when
            the plan is superseded.
        meetings: the meeting calendar; the plan's by default.
        meeting_day: whether a meeting-bound step falls due on the meeting's first day
            (the default) or its last.
        first_annual_report: which 30 April is the first of a yearly report.
        month_end: the rounding policy for a deadline that lands on a day the month lacks.

    Returns:
        One `Schedule` holding every item of every State, ordered by date, State and key.

    Raises:
        ValidationError: for something other than States, a State given twice, or a plan
            with no end and no *until*.
        UnknownKeyError: for a meeting-bound step whose meeting the calendar lacks.
        AmbiguousDateError: for a deadline on a day the month lacks, with the default
            *month_end*.
    """
    from vap.data import convention_obligations, vientiane_action_plan  # noqa: PLC0415 - lazy data

    plan = vientiane_action_plan() if plan is None else plan
    obligations = convention_obligations() if obligations is None else obligations
    calendar = plan.meetings if meetings is None else meetings
    policy = SchedulePolicy(
        until=None if until is None else as_date(until, field="until"),
        meeting_day=meeting_day,
        first_annual_report=first_annual_report,
        month_end=month_end,
    )
    last_year_day = policy.until
    if last_year_day is None and plan.superseded is not None:
        last_year_day = plan.superseded - _ONE_DAY
    entries = _entries(plan, obligations)
    missing = sorted(
        {
            entry.step.timeline.meeting
            for entry in entries
            if isinstance(entry.step.timeline, ByMeeting)
            and entry.step.timeline.meeting not in calendar
        }
    )
    if missing:
        raise UnknownKeyError(
            f"unknown meeting {missing[0]!r}: the meeting calendar has "
            + ", ".join(meeting.key for meeting in calendar)
        )
    if last_year_day is None and any(isinstance(e.step.timeline, Annually) for e in entries):
        raise ValidationError(
            f"the plan {plan.key} has no end, so its yearly items need until= to stop"
        )
    context = _Context(calendar, policy, last_year_day)
    parties = _states(states)
    keyed = [
        (_sort_key(item, entry.order), item)
        for state in parties
        for entry in entries
        for item in _items(entry, state, context)
        if policy.until is None or item.date <= policy.until
    ]
    keyed.sort(key=lambda pair: pair[0])
    return Schedule(
        items=tuple(item for _, item in keyed),
        states=tuple(parties),
        plan=plan,
        obligations=obligations,
        policy=policy,
    )
