"""
Duties: one step of an action or obligation, with what it takes to date and apply it.

A `Duty` joins a `Step` to its context: the heading's addressees narrowed by the step's
condition, the period its plan is in force (none for the Convention's own obligations),
the meetings its deadlines refer to, and the extension rule of its article.
`occurrences` gives the dated windows a State owes under one duty; `vap.model.
applicability` judges whether it applies on a day. Both are the simple path: the engine
caches around them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple, assert_never

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.addressees import Addressee, HasRole, reported_roles
from vap.model.dates import Period, add, iso
from vap.model.extensions import (
    EXTENSION_RULES,
    ExtensionRule,
    granted_extensions,
    undecided_requests,
)
from vap.model.meetings import Calendar
from vap.model.policy import AfterPlanEnds, FirstAnnualReport, SchedulePolicy
from vap.model.reasons import Reason, reason
from vap.model.roles import Role
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

if TYPE_CHECKING:
    from vap.model.actions import Step

__all__ = ["Duty", "Occurrence", "first_report_year", "occurrences", "superseded_first"]


@attrs.frozen(kw_only=True, cache_hash=True)
class Duty:
    """
    One step of an action or of the Convention, with the context it is dated and judged in.

    ``parent`` is the action's or obligation's key; ``addressee`` the heading's, and
    ``predicate`` the States the step binds (the addressee narrowed by the step's
    condition, and by the role an "as soon as" step waits for), and ``roles`` the roles
    it depends on, in a fixed order; ``reported`` the roles it names as reported;
    ``addressed`` and ``undecided`` the reasons naming its addressees and each
    circumstance it names, which no data decides.
    ``starts`` and ``ends``
    bound the plan's period (``None`` for the Convention, which has no end).
    ``profile`` is all that `occurrences` and `vap.model.applicability.judge` read of the
    duty: duties with equal profiles are dated and judged alike for every State.
    """

    step: Step
    parent: str
    addressee: Addressee
    starts: pendulum.Date | None = None
    ends: pendulum.Date | None = None
    meetings: Calendar | None = attrs.field(default=None, repr=False)
    predicate: Addressee = attrs.field(init=False, repr=False)
    roles: tuple[Role, ...] = attrs.field(init=False, repr=False)
    extension: ExtensionRule | None = attrs.field(init=False, repr=False)
    waits_for_role: bool = attrs.field(init=False, repr=False)
    reported: frozenset[Role] = attrs.field(init=False, repr=False)
    addressed: Reason = attrs.field(init=False, repr=False, eq=False)
    undecided: tuple[Reason, ...] = attrs.field(init=False, repr=False, eq=False)
    profile: tuple[object, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        predicate = self.addressee
        if self.step.condition is not None:
            predicate = predicate & self.step.condition.predicate
        timeline = self.step.timeline
        if isinstance(timeline, OnRoleStart) and timeline.role not in predicate.roles:
            predicate = predicate & HasRole(timeline.role)
        object.__setattr__(self, "predicate", predicate)
        roles = tuple(sorted(predicate.roles, key=lambda role: role.value))
        object.__setattr__(self, "roles", roles)
        object.__setattr__(self, "extension", EXTENSION_RULES.get(self.step.key))
        object.__setattr__(self, "waits_for_role", isinstance(self.step.timeline, OnRoleStart))
        object.__setattr__(self, "reported", reported_roles(predicate))
        object.__setattr__(self, "addressed", _addressed(predicate))
        undecided = tuple(
            reason(f"whether {circumstance.words}: unknown, no data decides it")
            for circumstance in predicate.circumstances
        )
        object.__setattr__(self, "undecided", undecided)
        # The step's own key only where its dates read it: the extensions granted for it.
        own = self.step.key if self.extension is not None else None
        meetings = self.meetings if isinstance(timeline, ByMeeting) else None
        profile = (timeline, predicate, self.starts, self.ends, meetings, own)
        object.__setattr__(self, "profile", profile)

    @property
    def key(self) -> str:
        """The step's key (``"VAP-8.1"``, ``"CCM-7.1"``)."""
        return self.step.key

    @property
    def timeline(self) -> Timeline:
        """The step's deadline rule."""
        return self.step.timeline

    @property
    def lapses_after_due(self) -> bool:
        """
        Whether the step no longer applies once its due date has passed.

        Steps tied to the calendar ("in 2011", "in time for the Second Meeting") lapse with
        their window; steps counted from a State's own entry into force stay owed, overdue,
        until met.
        """
        timeline = self.step.timeline
        match timeline:
            case ByMeeting() | DuringYear():
                return True
            case (
                Within() | FromDate() | Annually() | AsSoonAsPossible() | Ongoing() | OnRoleStart()
            ):
                return False
            case _ as unreachable:
                assert_never(unreachable)

    def start(self, state: StateParty) -> pendulum.Date:
        """The first day the duty can bind *state*: its plan's adoption or entry into force."""
        eif = state.entry_into_force
        return eif if self.starts is None or eif > self.starts else self.starts

    def end(self, state: StateParty) -> pendulum.Date | None:
        """The first day the duty no longer binds *state*: its plan's end or a withdrawal."""
        ends, withdrawal = self.ends, state.withdrawal
        if withdrawal is None:
            return ends
        return withdrawal.effective if ends is None else min(ends, withdrawal.effective)

    def ended_before(self, state: StateParty) -> bool:
        """Whether the duty's plan ended before *state*'s part in it could begin."""
        return self.ends is not None and self.start(state) >= self.ends


@functools.lru_cache(maxsize=256)
def _addressed(predicate: Addressee) -> Reason:
    """The reason naming *predicate*'s States, one value for equal predicates."""
    return reason(f"addressed to {predicate}")


class Occurrence(NamedTuple):
    """
    One dated window a State owes under a duty (one per year for a yearly duty).

    ``opens`` is its first day; ``due`` its due date (``None`` where there is none);
    ``year`` the year a yearly occurrence falls due in; ``anchor`` the day its period
    counts from; ``reasons`` how the date came about (an extension, an event);
    ``lapsed`` why it is not owed whatever the State's roles, or ``None``.
    """

    opens: pendulum.Date
    due: pendulum.Date | None
    year: int | None
    anchor: pendulum.Date | None
    reasons: tuple[Reason, ...]
    lapsed: Reason | None


def _first_on_or_after(month: int, day: int, reference: pendulum.Date, *, strictly: bool) -> int:
    """The year of the first (*month*, *day*) on (or, *strictly*, after) *reference*."""
    reached = (month, day) > (reference.month, reference.day) or (
        not strictly and (month, day) == (reference.month, reference.day)
    )
    return reference.year if reached else reference.year + 1


def first_report_year(
    month: int, day: int, after: Period, entry_into_force: pendulum.Date, rule: FirstAnnualReport
) -> int:
    """
    The year of the first occurrence of a yearly rule that follows an initial report.

    *after* is the initial report's period (180 days, Article 7(1)); *rule* reads which
    (*month*, *day*) comes first. (A plain yearly rule falls due on its first day on or
    after it opens: see `occurrences`.)
    """
    initial = add(entry_into_force, after)
    match rule:
        case FirstAnnualReport.YEAR_AFTER_INITIAL_REPORT:
            return initial.year + 1
        case FirstAnnualReport.AFTER_INITIAL_REPORT:
            return _first_on_or_after(month, day, initial, strictly=True)
        case FirstAnnualReport.AFTER_ENTRY_INTO_FORCE:
            return _first_on_or_after(month, day, entry_into_force, strictly=True)
        case FirstAnnualReport.AFTER_FIRST_FULL_YEAR:
            starts_a_year = (entry_into_force.month, entry_into_force.day) == (1, 1)
            return entry_into_force.year + (1 if starts_a_year else 2)
        case _ as unreachable:
            assert_never(unreachable)


def _extended(
    duty: Duty, state: StateParty, due: pendulum.Date, anchor: pendulum.Date
) -> tuple[pendulum.Date, tuple[Reason, ...]]:
    """
    The deadline in force after every granted extension, and the story of how.

    A request whose decision is not on record (`undecided_requests`) leaves the deadline
    as it is, and is told: after its meeting, the deadline may be later.
    """
    rule = duty.extension
    if rule is None or not state.extensions:
        return due, ()
    timeline = duty.step.timeline
    assert isinstance(timeline, Within)  # noqa: S101 - only Within rules are extended
    granted = granted_extensions(state.extensions, duty.key)
    undecided = undecided_requests(state.extensions, duty.key)
    if not granted and not undecided:
        return due, ()
    reasons = [
        reason(f"original deadline {iso(due)} = entry into force {iso(anchor)} + {timeline.period}")
    ]
    reasons.extend(reason(extension.describe(rule), extension.sources) for extension in granted)
    reasons.extend(reason(request.describe_request(), request.sources) for request in undecided)
    return (granted[-1].until or due) if granted else due, tuple(reasons)


def _dated(  # noqa: PLR0911 - one return per kind of rule
    duty: Duty, state: StateParty, policy: SchedulePolicy, through: pendulum.Date | None
) -> list[Occurrence]:
    """The occurrences of one duty for one State, before lapses and withdrawal are applied."""
    timeline = duty.step.timeline
    start = duty.start(state)
    eif = state.entry_into_force
    match timeline:
        case Ongoing() | OnRoleStart():
            return [Occurrence(start, None, None, None, (), None)]
        case AsSoonAsPossible(bound=bound):
            if bound is None:
                return [Occurrence(start, None, None, None, (), None)]
            due = add(eif, bound, month_end=policy.month_end)
            return [Occurrence(start, due, None, eif, (), None)]
        case Within(period=period, anchor=Anchor.ENTRY_INTO_FORCE):
            due = add(eif, period, month_end=policy.month_end)
            due, reasons = _extended(duty, state, due, eif)
            return [Occurrence(start, due, None, eif, reasons, None)]
        case Within(period=period, anchor=anchor):
            return [
                Occurrence(
                    max(start, event.on),
                    add(event.on, period, month_end=policy.month_end),
                    None,
                    event.on,
                    (reason(f"{anchor.description} on {iso(event.on)}", event.sources),),
                    None,
                )
                for event in state.events
                if event.kind is anchor
            ]
        case ByMeeting(meeting=meeting):
            meetings = duty.meetings
            assert meetings is not None  # noqa: S101 - a plan's duties carry its calendar
            return [
                Occurrence(start, meetings[meeting].day(policy.meeting_day), None, None, (), None)
            ]
        case DuringYear(year=year):
            first, last = pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31)
            return [Occurrence(max(start, first), last, None, None, (), None)]
        case FromDate(start=opening):
            return [Occurrence(max(start, opening), None, None, opening, (), None)]
        case Annually():
            return _yearly(duty, state, policy, timeline, through)
        case _ as unreachable:
            assert_never(unreachable)


def _yearly(
    duty: Duty,
    state: StateParty,
    policy: SchedulePolicy,
    timeline: Annually,
    through: pendulum.Date | None,
) -> list[Occurrence]:
    """Yearly occurrences until the plan ends, the day *through*, or a withdrawal."""
    start = duty.start(state)
    if timeline.after is None:  # a plain yearly rule: its first day on or after it opens
        year = _first_on_or_after(timeline.month, timeline.day, start, strictly=False)
    else:
        year = first_report_year(
            timeline.month,
            timeline.day,
            timeline.after,
            state.entry_into_force,
            policy.first_annual_report,
        )
    last = through
    if duty.ends is not None:
        before_end = pendulum.Date.fromordinal(duty.ends.toordinal() - 1)  # in C
        last = before_end if last is None else min(last, before_end)
    end = duty.end(state)
    first_due = pendulum.Date(year, timeline.month, timeline.day)
    if duty.ends is not None and max(start, pendulum.Date(year, 1, 1)) >= duty.ends:
        lapsed = reason(
            f"its first yearly occurrence, due {iso(first_due)}, opens after the plan was"
            f" superseded on {iso(duty.ends)}"
        )
        return [Occurrence(start, None, None, None, (), lapsed)]
    if last is None:
        raise ValidationError(f"{duty.key} falls due every year without end: give through=")
    found: list[Occurrence] = []
    while True:
        due = pendulum.Date(year, timeline.month, timeline.day)
        opens = max(start, pendulum.Date(year, 1, 1))
        if due > last or (end is not None and opens >= end):
            break
        found.append(Occurrence(opens, due, year, None, (), None))
        year += 1
    return found


def superseded_first(ends: pendulum.Date, entry_into_force: pendulum.Date) -> Reason:
    """Why no step of a plan binds a State for which the Convention entered into force later."""
    return reason(
        f"the plan was superseded on {iso(ends)}, before the Convention entered into force"
        f" for the State on {iso(entry_into_force)}"
    )


def occurrences(
    duty: Duty,
    state: StateParty,
    policy: SchedulePolicy,
    *,
    through: pendulum.Date | None,
) -> tuple[Occurrence, ...]:
    """
    Every window *state* owes under *duty*, with the reason any of them lapsed.

    Yearly occurrences fall due on or before *through* (and, for a plan, before it ends);
    a yearly duty with neither is refused with a `vap.ValidationError`.

    An occurrence lapses when its time ran out before the State was bound, when the plan
    was superseded before it opened, or (by `vap.AfterPlanEnds.LAPSE`) when it falls due
    after the plan was superseded. Occurrences due (or, undated, opening) on or after the
    day a withdrawal takes effect are not owed at all and left out (Article 20).
    """
    start = duty.start(state)
    eif = state.entry_into_force
    if duty.ends is not None and duty.ended_before(state):
        return (Occurrence(start, None, None, None, (), superseded_first(duty.ends, eif)),)
    effective = state.withdrawal.effective if state.withdrawal else None
    found: list[Occurrence] = []
    for occurrence in _dated(duty, state, policy, through):
        day = occurrence.opens if occurrence.due is None else occurrence.due
        if effective is not None and day >= effective and occurrence.lapsed is None:
            continue
        found.append(_lapse(duty, occurrence, start, eif, policy))
    return tuple(found)


def _lapse(
    duty: Duty,
    occurrence: Occurrence,
    start: pendulum.Date,
    eif: pendulum.Date,
    policy: SchedulePolicy,
) -> Occurrence:
    due = occurrence.due
    if occurrence.lapsed is not None or due is None:
        return occurrence
    if due < start:
        joined = (
            f"the Convention entered into force for the State on {iso(eif)}"
            if duty.starts is None or eif >= duty.starts
            else f"the plan was adopted on {iso(duty.starts)}"
        )
        return occurrence._replace(
            opens=due, lapsed=reason(f"its time ran out on {iso(due)}, before {joined}")
        )
    if duty.ends is not None and occurrence.opens >= duty.ends:
        return occurrence._replace(
            lapsed=reason(
                f"it opens on {iso(occurrence.opens)}, after the plan was superseded on"
                f" {iso(duty.ends)}"
            )
        )
    if duty.ends is not None and due >= duty.ends and policy.after_plan_ends is AfterPlanEnds.LAPSE:
        return occurrence._replace(
            lapsed=reason(
                f"it falls due on {iso(due)}, after the plan was superseded on {iso(duty.ends)}:"
                " its successor's commitments replace it (AfterPlanEnds.LAPSE)"
            )
        )
    return occurrence
