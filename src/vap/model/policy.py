"""
The documented choices behind dates and answers, gathered in one value.

Each choice has a default that the published record supports (the date-conventions page
gives the evidence) and alternatives for readers who take another view.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.choices import Choice
from vap.model.dates import MonthEnd
from vap.model.meetings import MeetingDay
from vap.model.progress import Progress
from vap.model.validators import is_instance, is_optional_date, to_optional_date

__all__ = ["AfterPlanEnds", "FirstAnnualReport", "ReportedAreas", "SchedulePolicy"]


class FirstAnnualReport(Choice):
    """
    Which 30 April is the first due date of a yearly report that follows an initial report.

    Article 7(2) asks for updates "annually, covering the previous calendar year"; which
    year comes first is left to practice. ``YEAR_AFTER_INITIAL_REPORT`` (the default): the
    30 April of the year after the one in which the initial report falls due, as published
    practice reads it (a State bound from 1 August 2010, initial report due 28 January 2011,
    owes its first update on 30 April 2012). ``AFTER_INITIAL_REPORT``: the first 30 April
    after the initial report falls due. ``AFTER_ENTRY_INTO_FORCE``: the first 30 April after
    entry into force. ``AFTER_FIRST_FULL_YEAR``: the 30 April after the first full calendar
    year the State is bound.

    It applies only to yearly rules that follow an initial report (`vap.Annually` with
    ``after``); other yearly rules fall due on their first day after they open.
    """

    YEAR_AFTER_INITIAL_REPORT = "year-after-initial-report"
    AFTER_INITIAL_REPORT = "after-initial-report"
    AFTER_ENTRY_INTO_FORCE = "after-entry-into-force"
    AFTER_FIRST_FULL_YEAR = "after-first-full-year"


class AfterPlanEnds(Choice):
    """
    Whether a step of a plan that falls due after its plan was superseded is still owed.

    ``LAPSE`` (the default): no. A plan's commitments are replaced by its successor's
    (the Vientiane Action Plan by the Dubrovnik Action Plan on 11 September 2015), so a
    step due after that day, such as "within one year of entry into force" for a State
    bound from 1 March 2015, does not apply; `explain` says so. ``OWE``: it is owed as if
    the plan had continued. The Convention's own obligations never lapse.
    """

    LAPSE = "lapse"
    OWE = "owe"


class ReportedAreas(Choice):
    """
    How "States Parties that have reported cluster munition contaminated areas" is read.

    The heading of actions 10 to 17 speaks of a report. ``FACTS`` (the default) reads it
    as being contaminated: the sourced facts decide, whoever published them, since the
    areas are what the actions are about. ``REPORTS`` also asks that the State has
    reported at all: contaminated, and its initial Article 7 report (which declares
    contaminated areas, Article 7(1)(h)) submitted by the day, as the reporting record
    passed in ``reports`` says. Before a recorded submission the answer is no; where the
    record says nothing, unknown.
    """

    FACTS = "facts"
    REPORTS = "reports"


def _policy_enum(kind: type[enum.Enum]) -> Any:
    names = ", ".join(f"{kind.__name__}.{member.name}" for member in kind)
    return is_instance(kind, f"one of {names}")


@attrs.frozen(kw_only=True)
class SchedulePolicy:
    """
    The choices behind a schedule's dates and answers, kept with it to reproduce it.

    ``until`` is the last day the schedule covers: items due (or, without a date, opening)
    after it are left out, and yearly items stop there. Without it, every one-off item is
    kept and yearly items stop when the plan is superseded.
    """

    until: pendulum.Date | None = attrs.field(
        default=None, converter=to_optional_date, validator=is_optional_date
    )
    meeting_day: MeetingDay = attrs.field(
        default=MeetingDay.OPENS, validator=_policy_enum(MeetingDay)
    )
    first_annual_report: FirstAnnualReport = attrs.field(
        default=FirstAnnualReport.YEAR_AFTER_INITIAL_REPORT,
        validator=_policy_enum(FirstAnnualReport),
    )
    month_end: MonthEnd = attrs.field(default=MonthEnd.REFUSE, validator=_policy_enum(MonthEnd))
    after_plan_ends: AfterPlanEnds = attrs.field(
        default=AfterPlanEnds.LAPSE, validator=_policy_enum(AfterPlanEnds)
    )
    reported_areas: ReportedAreas = attrs.field(
        default=ReportedAreas.FACTS, validator=_policy_enum(ReportedAreas)
    )
    reports: Progress | None = attrs.field(
        default=None,
        repr=False,
        validator=attrs.validators.optional(is_instance(Progress, "a Progress of records")),
    )

    def __attrs_post_init__(self) -> None:
        if self.reported_areas is ReportedAreas.REPORTS and self.reports is None:
            raise ValidationError(
                "SchedulePolicy.reports must be the reporting record (a Progress, such as"
                " vap.reports()) when reported_areas is ReportedAreas.REPORTS, not None"
            )
