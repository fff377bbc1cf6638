"""
The scheduling engine: actions and obligations turned into dated items for each State.

A step applies to a State from the later of its plan's adoption and the State's entry
into force, and only while the plan is in force (the Convention's obligations have no end).
A dated step's applicability is judged on the day it opens; a step without a date opens on
the first day the State is among its addressees while the plan is in force.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple

import pendulum

from vap.engine.collector import collector_paused
from vap.engine.schedule import (
    FirstAnnualReport,
    Schedule,
    ScheduleItem,
    SchedulePolicy,
    key_order,
)
from vap.errors import UnknownKeyError, ValidationError
from vap.model.actions import Step
from vap.model.addressees import Addressee, AllStates, HasRole
from vap.model.applicability import ALL_STATES_REASONS, Reason, judged, roles_of
from vap.model.dates import MonthEnd, Period, add, as_date
from vap.model.extensions import EXTENSION_RULES
from vap.model.meetings import Calendar, MeetingDay
from vap.model.obligations import ObligationSet
from vap.model.plan import Plan
from vap.model.roles import Role, RoleFact, Truth
from vap.model.states import StateParty
from vap.model.timelines import (
    Anchor,
    Annually,
    AsSoonAsPossible,
    ByMeeting,
    DuringYear,
    FromDate,
    Ongoing,
    OnRoleStart,
    Timeline,
    Within,
)
from vap.model.validators import repeated

__all__ = ["INITIAL_REPORT", "schedule"]

INITIAL_REPORT: Final = Period(days=180)
"""Article 7(1): the initial report is due "not later than 180 days after" entry into force."""

_ONE_DAY: Final = datetime.timedelta(days=1)


class _Entry(NamedTuple):
    """One step to schedule, with what the engine needs of its action or obligation."""

    key: str
    obligation: str
    title: str
    timeline: Timeline
    addressee: Addressee
    predicate: Addressee  # what an undated step waits for: its addressees, and its role
    waits_for_role: bool  # "as soon as" a role begins: the item is anchored on that day
    ongoing: bool  # no date, open from the start, for all States Parties: nothing to judge
    by_date: bool  # its slots depend on entry into force alone, not on the State's events
    annual: bool  # a yearly step: its first occurrence may fall after its plan
    start: pendulum.Date | None
    end: pendulum.Date | None
    rank: int  # the step's place in the natural order of keys


def _entries(plan: Plan, obligations: ObligationSet) -> list[_Entry]:
    steps: list[tuple[Step, str, Addressee, pendulum.Date | None, pendulum.Date | None]] = [
        (step, action.key, action.addressee, plan.adopted, plan.superseded)
        for action in plan
        for step in action.steps
    ]
    steps.extend(
        (step, obligation.key, obligation.addressee, None, None)
        for obligation in obligations
        for step in obligation.steps
    )
    ranks = {key: rank for rank, key in enumerate(sorted({s[0].key for s in steps}, key=key_order))}
    # One object per distinct addressee, so that a State's answers are kept by identity.
    shared: dict[Addressee, Addressee] = {}
    entries = []
    for step, key, given, start, end in steps:
        timeline = step.timeline
        addressee = shared.setdefault(given, given)
        predicate = addressee
        if isinstance(timeline, OnRoleStart):
            predicate = addressee & HasRole(timeline.role)
            predicate = shared.setdefault(predicate, predicate)
        undated = isinstance(timeline, Ongoing | OnRoleStart) or (
            isinstance(timeline, AsSoonAsPossible) and timeline.bound is None
        )
        entries.append(
            _Entry(
                key=step.key,
                obligation=key,
                title=step.title,
                timeline=timeline,
                addressee=addressee,
                predicate=predicate,
                waits_for_role=isinstance(timeline, OnRoleStart),
                ongoing=undated and isinstance(predicate, AllStates),
                annual=isinstance(timeline, Annually),
                by_date=not isinstance(timeline, Within)
                or (timeline.anchor is Anchor.ENTRY_INTO_FORCE and step.key not in EXTENSION_RULES),
                start=start,
                end=end,
                rank=ranks[step.key],
            )
        )
    return entries


class _Context(NamedTuple):
    """What every step of every State is scheduled against."""

    meetings: Calendar
    policy: SchedulePolicy
    last_year_day: pendulum.Date | None  # yearly items stop on or before this day


_Slot = tuple[
    pendulum.Date, pendulum.Date | None, int | None, pendulum.Date | None, tuple[Reason, ...]
]
"""A candidate item before its applicability is judged: opens, due, year, anchor, reasons."""


class _Shared(NamedTuple):
    """What one State's work can reuse for another: it depends on facts and dates alone."""

    roles: dict[int, tuple[Role, ...]]
    answers: dict[tuple[int, ...], tuple[Truth, tuple[Reason, ...]]]
    spans: dict[tuple[object, ...], tuple[Truth, pendulum.Date, tuple[Reason, ...]]]
    slots: dict[tuple[int, pendulum.Date], list[_Slot]]
    profiles: dict[tuple[object, ...], list[_Template]]


class _Judge:
    """
    Decides whether one State is among an addressee, on a day or over a span.

    Answers are kept: the plan's actions share a few addressees and opening days, and an
    answer depends only on the role facts that cover the day, so most questions are asked
    many times for one State and across States. Keys use the addressee's identity, which
    is stable while one schedule is built (the entries hold the addressees).
    """

    __slots__ = ("_facts", "_on", "_relevant", "_shared", "state")

    def __init__(self, state: StateParty, shared: _Shared) -> None:
        self.state = state
        self._shared = shared
        self._facts: dict[Role, list[RoleFact]] = {}
        for fact in state.facts:
            self._facts.setdefault(fact.role, []).append(fact)
        self._on: dict[tuple[int, pendulum.Date], tuple[Truth, tuple[Reason, ...]]] = {}
        self._relevant: dict[int, tuple[list[RoleFact], tuple[int, ...]]] = {}

    def _roles(self, addressee: Addressee) -> tuple[Role, ...]:
        roles = self._shared.roles.get(id(addressee))
        if roles is None:
            roles = self._shared.roles[id(addressee)] = roles_of(addressee)
        return roles

    def on(self, addressee: Addressee, day: pendulum.Date) -> tuple[Truth, tuple[Reason, ...]]:
        """Whether the State is among *addressee* on *day*, with the reasons."""
        if isinstance(addressee, AllStates):
            return Truth.YES, ALL_STATES_REASONS
        answer = self._on.get((id(addressee), day))
        if answer is not None:
            return answer
        roles = self._roles(addressee)
        facts = tuple(
            next((fact for fact in self._facts.get(role, ()) if fact.covers(day)), None)
            for role in roles
        )
        key = (id(addressee), *map(id, facts))
        answer = self._shared.answers.get(key)
        if answer is None:
            answer = self._shared.answers[key] = judged(addressee, roles, facts)
        self._on[id(addressee), day] = answer
        return answer

    def first_day(
        self, addressee: Addressee, start: pendulum.Date, end: pendulum.Date | None
    ) -> tuple[Truth, pendulum.Date, tuple[Reason, ...]]:
        """
        Find the first day in [start, end) on which the State is among *addressee*.

        Returns `Truth.YES` and that day; else `Truth.UNKNOWN` and the first day that is
        unknown; else `Truth.NO` and *start*. Only the days role facts begin or end can
        change the answer, so only those are tried.
        """
        if isinstance(addressee, AllStates):
            return Truth.YES, start, ALL_STATES_REASONS
        known = self._relevant.get(id(addressee))
        if known is None:
            facts = [fact for role in self._roles(addressee) for fact in self._facts.get(role, ())]
            known = self._relevant[id(addressee)] = facts, (id(addressee), *map(id, facts))
        relevant, identity = known
        key = (*identity, start, end)
        answer = self._shared.spans.get(key)
        if answer is None:
            answer = self._shared.spans[key] = self._search(addressee, start, end, relevant)
        return answer

    def _search(
        self,
        addressee: Addressee,
        start: pendulum.Date,
        end: pendulum.Date | None,
        facts: list[RoleFact],
    ) -> tuple[Truth, pendulum.Date, tuple[Reason, ...]]:
        days = {start}
        for fact in facts:
            days.update(
                day
                for day in (fact.since, fact.until)
                if day is not None and start < day and (end is None or day < end)
            )
        unknown: tuple[pendulum.Date, tuple[Reason, ...]] | None = None
        for day in sorted(days):
            truth, reasons = self.on(addressee, day)
            if truth is Truth.YES:
                return truth, day, reasons
            if truth is Truth.UNKNOWN and unknown is None:
                unknown = day, reasons
        if unknown is not None:
            return Truth.UNKNOWN, unknown[0], unknown[1]
        return Truth.NO, start, self.on(addressee, start)[1]


@functools.lru_cache(maxsize=4096)
def _first_report_year(
    month: int, day: int, entry_into_force: pendulum.Date, rule: FirstAnnualReport
) -> int:
    """The year of the first yearly occurrence on *month* and *day*, by the policy's *rule*."""
    if rule is FirstAnnualReport.AFTER_FIRST_FULL_YEAR:
        first_full = entry_into_force.year + (
            0 if (entry_into_force.month, entry_into_force.day) == (1, 1) else 1
        )
        return first_full + 1
    after = entry_into_force
    if rule is FirstAnnualReport.AFTER_INITIAL_REPORT:
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
) -> list[_Slot]:
    eif = state.entry_into_force
    if timeline.anchor is Anchor.ENTRY_INTO_FORCE:
        due, reasons = _extension(state, entry.key, add(eif, timeline.period, month_end=month_end))
        return [(max(start, eif), due, None, eif, reasons)]
    return [
        (
            max(start, event.on),
            add(event.on, timeline.period, month_end=month_end),
            None,
            event.on,
            (Reason(f"{timeline.anchor.description} on {event.on}", event.sources),),
        )
        for event in state.events
        if event.kind is timeline.anchor
    ]


def _annual_slots(
    timeline: Annually, entry: _Entry, state: StateParty, start: pendulum.Date, context: _Context
) -> list[_Slot]:
    slots: list[_Slot] = []
    if context.last_year_day is None:
        return slots
    year = _first_report_year(
        timeline.month, timeline.day, state.entry_into_force, context.policy.first_annual_report
    )
    while True:
        due = pendulum.Date(year, timeline.month, timeline.day)
        opens = max(start, pendulum.Date(year, 1, 1))
        if due > context.last_year_day or (entry.end is not None and opens >= entry.end):
            return slots
        slots.append((opens, due, year, None, ()))
        year += 1


def _slots(  # noqa: PLR0911 - one return per kind of rule
    entry: _Entry, state: StateParty, start: pendulum.Date, context: _Context
) -> list[_Slot]:
    """The candidate items of one step for one State, before applicability is judged."""
    timeline = entry.timeline
    if isinstance(timeline, Ongoing | OnRoleStart):
        return [(start, None, None, None, ())]
    if isinstance(timeline, Within):
        return _within_slots(timeline, entry, state, start, context.policy.month_end)
    if isinstance(timeline, Annually):
        return _annual_slots(timeline, entry, state, start, context)
    if isinstance(timeline, ByMeeting):
        due = context.meetings[timeline.meeting].day(context.policy.meeting_day)
        return [(start, due, None, None, ())]
    if isinstance(timeline, DuringYear):
        first, last = pendulum.Date(timeline.year, 1, 1), pendulum.Date(timeline.year, 12, 31)
        return [(max(start, first), last, None, None, ())]
    if isinstance(timeline, FromDate):
        return [(max(start, timeline.start), None, None, timeline.start, ())]
    if timeline.bound is not None:  # AsSoonAsPossible with a legal bound
        eif = state.entry_into_force
        due = add(eif, timeline.bound, month_end=context.policy.month_end)
        return [(start, due, None, eif, ())]
    return [(start, None, None, None, ())]


_Row = tuple[
    pendulum.Date, pendulum.Date | None, Truth, int | None, pendulum.Date | None, tuple[Reason, ...]
]
"""One item of a step, judged, without its State: opens, due, applies, year, anchor, reasons."""

_Template = tuple[
    int,
    _Entry,
    pendulum.Date,
    pendulum.Date | None,
    Truth,
    int | None,
    pendulum.Date | None,
    tuple[Reason, ...],
]
"""A row with its step and its place in the schedule's order (date, then key)."""


def _not_started(
    entry: _Entry, end: pendulum.Date, eif: pendulum.Date, start: pendulum.Date, context: _Context
) -> Reason | None:
    """Why a step of a plan that ends on *end* cannot apply to a State at all, or ``None``."""
    if start >= end:
        return Reason(
            f"the plan was superseded on {end}, before the Convention entered"
            f" into force for the State on {eif}"
        )
    timeline = entry.timeline
    if isinstance(timeline, Annually):
        rule = context.policy.first_annual_report
        first = _first_report_year(timeline.month, timeline.day, eif, rule)
        if max(start, pendulum.Date(first, 1, 1)) >= end:
            first_due = pendulum.Date(first, timeline.month, timeline.day)
            return Reason(
                f"its first yearly occurrence, due {first_due},"
                f" opens after the plan was superseded on {end}"
            )
    return None


def _ran_out(entry: _Entry, eif: pendulum.Date, due: pendulum.Date) -> Reason:
    """Why a step whose time ran out before it could apply does not apply."""
    joined = (
        f"the Convention entered into force for the State on {eif}"
        if entry.start is None or eif >= entry.start
        else f"the plan was adopted on {entry.start}"
    )
    return Reason(f"its time ran out on {due}, before {joined}")


def _rows(
    entry: _Entry, judge: _Judge, start: pendulum.Date, context: _Context, shared: _Shared
) -> list[_Row]:
    """The items of one step for one State, each judged applicable or not, with reasons."""
    state = judge.state
    eif = state.entry_into_force
    if entry.end is not None and (start >= entry.end or entry.annual):
        not_started = _not_started(entry, entry.end, eif, start, context)
        if not_started is not None:
            return [(start, None, Truth.NO, None, None, (not_started,))]
    if entry.by_date:
        key = (entry.rank, eif)
        slots = shared.slots.get(key)
        if slots is None:
            slots = shared.slots[key] = _slots(entry, state, start, context)
    else:
        slots = _slots(entry, state, start, context)
    rows: list[_Row] = []
    for opens, due, year, anchor, given in slots:
        if due is not None and due < start:
            rows.append((due, due, Truth.NO, year, anchor, (*given, _ran_out(entry, eif, due))))
        elif entry.end is not None and opens >= entry.end:
            reason = Reason(f"it opens on {opens}, after the plan was superseded on {entry.end}")
            rows.append((min(opens, due or opens), due, Truth.NO, year, anchor, (*given, reason)))
        elif due is None:
            applies, first, reasons = judge.first_day(entry.predicate, opens, entry.end)
            began = first if entry.waits_for_role and applies is Truth.YES else anchor
            rows.append((first, due, applies, year, began, given + reasons if given else reasons))
        else:
            applies, reasons = judge.on(entry.addressee, opens)
            rows.append((opens, due, applies, year, anchor, given + reasons if given else reasons))
    return rows


def _templates(
    state: StateParty, entries: list[_Entry], context: _Context, shared: _Shared
) -> list[_Template]:
    """
    Every item a State owes, without its code.

    States with the same entry into force, facts, extensions and events owe the same
    items, so they share these.
    """
    judge = _Judge(state, shared)
    eif = state.entry_into_force
    until = context.policy.until
    templates: list[_Template] = []
    for entry in entries:
        start = eif if entry.start is None or eif > entry.start else entry.start
        if entry.ongoing and (entry.end is None or start < entry.end):
            rows: list[_Row] = [(start, None, Truth.YES, None, None, ALL_STATES_REASONS)]
        else:
            rows = _rows(entry, judge, start, context, shared)
        for opens, due, applies, year, anchor, reasons in rows:
            day = opens if due is None else due
            if until is None or day <= until:
                order = (day.toordinal() << 32) | entry.rank
                templates.append((order, entry, opens, due, applies, year, anchor, reasons))
    return templates


class _Output(NamedTuple):
    """The items of every State, and beside each its place in the schedule's order."""

    items: list[ScheduleItem]
    orders: list[int]


def _schedule_state(  # noqa: PLR0913, PLR0917 - the engine's inner loop, kept flat for speed
    state: StateParty,
    state_rank: int,
    entries: list[_Entry],
    context: _Context,
    shared: _Shared,
    out: _Output,
) -> None:
    """
    Append one State's items to *out*, each with its place in the schedule's order.

    The order is by date, then State, then key; a step's own items keep their order.
    """
    profile = (state.entry_into_force, state.facts, state.extensions, state.events)
    templates = shared.profiles.get(profile)
    if templates is None:
        templates = shared.profiles[profile] = _templates(state, entries, context, shared)
    code = state.code
    rank = state_rank << 16
    add_item, add_order = out.items.append, out.orders.append
    for order, entry, opens, due, applies, year, anchor, reasons in templates:
        item = ScheduleItem(
            entry.key,
            entry.obligation,
            code,
            entry.title,
            entry.timeline,
            opens,
            due,
            applies,
            year,
            anchor,
            reasons,
        )
        add_item(item)
        add_order(order | rank)


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
    twice = repeated(codes)
    if twice:
        raise ValidationError(f"schedule() was given the State {twice[0]} more than once")
    return given


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
            entry.timeline.meeting
            for entry in entries
            if isinstance(entry.timeline, ByMeeting) and entry.timeline.meeting not in calendar
        }
    )
    if missing:
        raise UnknownKeyError(
            f"unknown meeting {missing[0]!r}: the meeting calendar has "
            + ", ".join(meeting.key for meeting in calendar)
        )
    if last_year_day is None and any(isinstance(e.timeline, Annually) for e in entries):
        raise ValidationError(
            f"the plan {plan.key} has no end, so its yearly items need until= to stop"
        )
    context = _Context(calendar, policy, last_year_day)
    parties = _states(states)
    out = _Output([], [])
    shared = _Shared({}, {}, {}, {}, {})
    codes = {code: rank for rank, code in enumerate(sorted(state.code for state in parties))}
    with collector_paused():
        for state in parties:
            _schedule_state(state, codes[state.code], entries, context, shared, out)
    # Sorting positions by plain integers leaves no pairs for the garbage collector to track.
    positions = sorted(range(len(out.items)), key=out.orders.__getitem__)
    return Schedule(
        items=tuple(map(out.items.__getitem__, positions)),
        states=tuple(parties),
        plan=plan,
        obligations=obligations,
        policy=policy,
    )
