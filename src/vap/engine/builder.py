"""
The scheduling engine: every duty of a plan and the Convention, dated for each State.

Each State's items are its duties' windows (`vap.engine.windows`), each with the step's
own key, title and rule. The engine asks for them through `vap.engine.fastpath.Memo`,
which shares them between duties dated and judged alike and remembers the model's answers;
`vap.engine.windows.Plain` is the simple path a law checks it against.
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from vap.engine.collector import collector_paused
from vap.engine.fastpath import Memo
from vap.engine.schedule import Schedule, ScheduleItem
from vap.engine.windows import Ask
from vap.errors import UnknownKeyError, ValidationError
from vap.model.dates import MonthEnd, as_date
from vap.model.duties import Duty
from vap.model.keys import key_order
from vap.model.meetings import Calendar, MeetingDay
from vap.model.obligations import ObligationSet
from vap.model.plan import Plan
from vap.model.policy import AfterPlanEnds, FirstAnnualReport, ReportedAreas, SchedulePolicy
from vap.model.progress import Progress
from vap.model.states import StateParty
from vap.model.timelines import Annually, ByMeeting
from vap.model.validators import repeated, unchecked

__all__ = ["schedule"]

_ONE_DAY: Final = datetime.timedelta(days=1)


def duties_of(plan: Plan, obligations: ObligationSet, meetings: Calendar) -> list[Duty]:
    """Every duty of *plan* (its deadlines on *meetings*) and of *obligations*, in key order."""
    own = meetings is plan.meetings or meetings == plan.meetings
    duties = [
        duty if own else attrs.evolve(duty, meetings=meetings)
        for action in plan
        for duty in action.duties
    ]
    # Keys cannot collide: obligation keys are the Convention's (CCM-), no plan's key is CCM.
    duties.extend(duty for obligation in obligations for duty in obligation.duties)
    return sorted(duties, key=lambda duty: key_order(duty.key))


# Items pass every validator by construction (a law checks each built-in item with
# `attrs.validate`), so they are made without running them again.
_make_item: Final = unchecked(ScheduleItem)
_BY_STATE: Final = operator.attrgetter("state")
_BY_DAY: Final = operator.attrgetter("date")


def items_of(state: StateParty, duties: list[Duty], ask: Ask) -> list[ScheduleItem]:
    """The schedule items of one State: each duty's windows with its step's words, in order."""
    code = state.code
    items: list[ScheduleItem] = []
    add = items.append
    for duty, windows in zip(duties, ask.windows(duties, state), strict=True):
        step = duty.step
        key, parent, title, timeline = step.key, duty.parent, step.title, step.timeline
        for opens, due, year, anchor, applies, reasons in windows:
            add(
                _make_item(
                    key=key,
                    obligation=parent,
                    state=code,
                    title=title,
                    timeline=timeline,
                    opens=opens,
                    due=due,
                    applies=applies,
                    year=year,
                    anchor=anchor,
                    reasons=reasons,
                )
            )
    return items


def _states(states: object) -> list[StateParty]:
    """*states* (one, an iterable or a registry) as a list, each a `StateParty` once."""
    if isinstance(states, StateParty):
        return [states]
    if isinstance(states, str):
        raise ValidationError(
            f"schedule() takes StateParty values, not the code {states!r}: the State is"
            f" vap.states_parties()[{states!r}]"
        )
    if isinstance(states, Mapping):
        states = states.values()
    if not isinstance(states, Iterable):
        raise ValidationError(
            "schedule() takes a StateParty, an iterable of them or a registry such as"
            f" vap.states_parties(), not {states!r}"
        )
    given = list(states)
    for state in given:
        if not isinstance(state, StateParty):
            raise ValidationError(f"schedule() takes StateParty values, not {state!r}")
    twice = repeated(state.code for state in given)
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
    first_annual_report: FirstAnnualReport = FirstAnnualReport.YEAR_AFTER_INITIAL_REPORT,
    month_end: MonthEnd = MonthEnd.REFUSE,
    after_plan_ends: AfterPlanEnds = AfterPlanEnds.LAPSE,
    reported_areas: ReportedAreas = ReportedAreas.FACTS,
    reports: Progress | None = None,
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
        after_plan_ends: whether a step of the plan that falls due after the plan was
            superseded is owed.
        reported_areas: how "States Parties that have reported cluster munition
            contaminated areas" is read: as being contaminated (the default) or as
            contaminated and having reported, by *reports*.
        reports: the reporting record (`vap.reports()` or your own) for
            ``ReportedAreas.REPORTS``.

    Returns:
        One `Schedule` holding every item of every State, ordered by date, State and key.

    Raises:
        ValidationError: for something other than States, a State given twice, a policy
            that is not one of its enum's members, keys used by both the plan and the
            obligations, or a plan with no end and no *until*.
        UnknownKeyError: for a meeting-bound step whose meeting the calendar lacks.
        AmbiguousDateError: for a deadline on a day the month lacks, with the default
            *month_end*.
    """
    from vap.data import convention_obligations, vientiane_action_plan  # noqa: PLC0415 - lazy data

    plan = vientiane_action_plan() if plan is None else plan
    obligations = convention_obligations() if obligations is None else obligations
    for name, value, kind, words in (
        ("plan", plan, Plan, "a Plan"),
        ("obligations", obligations, ObligationSet, "an ObligationSet"),
        ("meetings", meetings, Calendar | None, "a Calendar"),
    ):
        if not isinstance(value, kind):
            raise ValidationError(f"schedule(): {name} must be {words}, not {value!r}")
    calendar = plan.meetings if meetings is None else meetings
    policy = SchedulePolicy(
        until=None if until is None else as_date(until, field="until"),
        meeting_day=meeting_day,
        first_annual_report=first_annual_report,
        month_end=month_end,
        after_plan_ends=after_plan_ends,
        reported_areas=reported_areas,
        reports=reports,
    )
    through = policy.until
    if through is None and plan.superseded is not None:
        through = plan.superseded - _ONE_DAY
    duties = duties_of(plan, obligations, calendar)
    missing = sorted(
        {
            duty.timeline.meeting
            for duty in duties
            if isinstance(duty.timeline, ByMeeting) and duty.timeline.meeting not in calendar
        }
    )
    if missing:
        held = ", ".join(meeting.key for meeting in calendar) or "no meetings"
        raise UnknownKeyError(f"unknown meeting {missing[0]!r}: the meeting calendar has {held}")
    if through is None and any(isinstance(duty.timeline, Annually) for duty in duties):
        raise ValidationError(
            f"the plan {plan.key} has no end, so its yearly items need until= to stop"
        )
    parties = _states(states)
    ask = Memo(policy, through)
    items: list[ScheduleItem] = []
    with collector_paused():
        for state in parties:
            items.extend(items_of(state, duties, ask))
        if policy.until is not None:
            items = [item for item in items if item.date <= policy.until]
        # Each State's items are made duty by duty in key order, so stable sorts by State,
        # then by day, leave them by day, State and key (keys read without a Python frame).
        items.sort(key=_BY_STATE)
        items.sort(key=_BY_DAY)
    return Schedule(
        items=tuple(items),
        states=tuple(parties),
        plan=plan,
        obligations=obligations,
        policy=policy,
    )
