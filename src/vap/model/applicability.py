"""
Whether a step applies to a State on a day, and why: the one answer, used everywhere.

`judge` is the only place the question is decided. `Action.applies_to`,
`Plan.applicability`, `Obligation.applies_to` and the scheduling engine all ask it (the
engine through a cache). A step applies on a day when, in this order:

1. its plan is in force (the Convention's own obligations always are);
2. the Convention binds the State: entry into force reached, no withdrawal in effect;
3. the step has a window open for the State that day, which did not lapse (its time ran
   out before the State was bound, its plan was superseded first, or, by the policy, it
   falls due after its plan ended); a step tied to the calendar ("in 2011", "in time for
   the Second Meeting") lapses once its due date has passed, while a step counted from
   the State's entry into force stays owed until met;
4. the State is among the step's addressees on that day, narrowed by the step's
   condition: three-valued, so a role no fact covers, or a circumstance no data decides,
   makes the answer `Truth.UNKNOWN`, never `Truth.YES`. A role the heading names as
   reported ("that have reported cluster munition contaminated areas") is read by the
   policy's `vap.ReportedAreas`: as held (the default), or as held and reported.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Final

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.addressees import AllStates
from vap.model.dates import as_date, iso
from vap.model.duties import Duty, Occurrence, occurrences, superseded_first
from vap.model.facts import RoleFact
from vap.model.policy import ReportedAreas, SchedulePolicy
from vap.model.progress import Progress, RecordStatus
from vap.model.reasons import Reason, reason
from vap.model.roles import Role, Truth
from vap.model.states import StateParty

__all__ = [
    "ALL_STATES_REASONS",
    "Applicability",
    "addressee_truth",
    "combine",
    "has_reported",
    "judge",
    "report_days",
    "reports_read",
    "step_applicability",
]

_DEFAULT_POLICY: Final = SchedulePolicy()


@attrs.frozen(kw_only=True)
class Applicability:
    """
    Whether an action or step applies to a State on a day, with the reasons behind it.

    For an action of several steps, ``steps`` holds each step's answer and ``applies`` is
    their Kleene disjunction: the action applies where one of its parts does.
    """

    key: str
    state: str
    on: pendulum.Date
    applies: Truth
    reasons: tuple[Reason, ...]
    steps: tuple[Applicability, ...] = ()

    def __str__(self) -> str:
        reasons = "; ".join(str(reason) for reason in self.reasons)
        return f"{self.key} for {self.state} on {self.on}: {self.applies.value} ({reasons})"


ALL_STATES_REASONS: Final = (reason("addressed to all States Parties"),)
"""The reasons of every answer about a step addressed to all States Parties (shared)."""

_ONE_YEAR: Final = datetime.timedelta(days=366)


_NO_FACT: Final = {
    role: reason(f"{role.description}: unknown, no fact covers that day") for role in Role
}
"""The reason a role is unknown on a day, one value per role (shared by every answer)."""


def _fact_reason(role: Role, fact: RoleFact | None) -> Reason:
    return _NO_FACT[role] if fact is None else fact.reason


def addressee_truth(
    duty: Duty,
    facts: Iterable[tuple[Role, RoleFact | None]],
    reported: tuple[Truth, Reason] | None = None,
) -> tuple[Truth, tuple[Reason, ...]]:
    """
    Evaluate *duty*'s addressees given the fact that covers each of its roles, with the reasons.

    *reported*, where given, is whether the State had reported by the day: the roles the
    addressee names as reported then hold only where both the fact and the report do. A
    circumstance the addressee names is one no data decides (`Duty.undecided`).

    The reasons name no State and no day, so States with the same facts share them.
    """
    addressee = duty.predicate
    if isinstance(addressee, AllStates):
        return Truth.YES, ALL_STATES_REASONS
    values: dict[Role, Truth] = {}
    reasons = [duty.addressed]
    for role, fact in facts:
        values[role] = Truth.UNKNOWN if fact is None else fact.value
        reasons.append(_fact_reason(role, fact))
    if reported is not None:
        has, why = reported
        for role in duty.reported:
            values[role] = values[role] & has
        reasons.append(why)
    reasons.extend(duty.undecided)
    return addressee.evaluate(values.__getitem__), tuple(reasons)


def _current(found: tuple[Occurrence, ...], day: pendulum.Date) -> Occurrence | None:
    """The occurrence that governs *day*: the last one open by then."""
    current = None
    for occurrence in found:
        if occurrence.opens <= day or occurrence.lapsed is not None:
            current = occurrence
    return current


def _unbound(duty: Duty, state: StateParty, day: pendulum.Date) -> Reason | None:
    """Why *duty* cannot bind *state* on *day* at all (rules 1 and 2), or ``None``."""
    starts, ends, eif = duty.starts, duty.ends, state.entry_into_force
    if ends is not None and day >= ends and eif >= ends:
        return superseded_first(ends, eif)
    if starts is not None and (day < starts or (ends is not None and day >= ends)):
        superseded = f", superseded {iso(ends)}" if ends else ""
        return reason(f"the plan is not in force on {iso(day)} (adopted {iso(starts)}{superseded})")
    if day < eif:
        return reason(
            f"the Convention enters into force for the State on {iso(eif)}, after {iso(day)}"
        )
    withdrawal = state.withdrawal
    if withdrawal is not None and day >= withdrawal.effective:
        return reason(
            f"the State's withdrawal took effect on {iso(withdrawal.effective)} (Article 20)",
            withdrawal.sources,
        )
    return None


def _window(
    duty: Duty, found: tuple[Occurrence, ...], day: pendulum.Date
) -> tuple[Occurrence | None, tuple[Reason, ...]]:
    """
    Rule 3: the occurrence open on *day*, with the reasons it adds; or none, and why not.

    Returns the occurrence and its reasons (with "owed until met" once past due), or
    ``None`` and the reasons the step does not apply that day.
    """
    occurrence = _current(found, day)
    if occurrence is None:
        if found:
            return None, (reason(f"it opens on {iso(found[0].opens)}"),)
        return None, (reason(f"no {duty.step.timeline.describe()} is recorded for the State"),)
    if occurrence.lapsed is not None:
        return None, (*occurrence.reasons, occurrence.lapsed)
    due = occurrence.due
    if due is None or day <= due:
        return occurrence, occurrence.reasons
    if duty.lapses_after_due:
        return None, (*occurrence.reasons, reason(f"its time ran out on {iso(due)}"))
    return occurrence, (*occurrence.reasons, reason(f"due {iso(due)}: owed until met"))


def judge(
    duty: Duty,
    state: StateParty,
    day: pendulum.Date,
    policy: SchedulePolicy,
    found: tuple[Occurrence, ...] | None = None,
) -> tuple[Truth, tuple[Reason, ...]]:
    """
    Decide whether *duty* applies to *state* on *day*: the rules of this module, in order.

    *found* are the duty's occurrences for the State, if already computed (the engine
    passes them); they are computed here otherwise.
    """
    unbound = _unbound(duty, state, day)
    if unbound is not None:
        return Truth.NO, (unbound,)
    if found is None:
        found = occurrences(duty, state, policy, through=day + _ONE_YEAR)
    occurrence, window = _window(duty, found, day)
    if occurrence is None:
        return Truth.NO, window
    reports = reports_read(duty, policy)
    reported = None if reports is None else has_reported(state.code, day, reports)
    truth, reasons = addressee_truth(
        duty, [(role, state.fact(role, on=day)) for role in duty.roles], reported
    )
    if occurrence.due is not None and day > occurrence.due:
        return truth, (*occurrence.reasons, *reasons, window[-1])
    return truth, (*window, *reasons)


def reports_read(duty: Duty, policy: SchedulePolicy) -> Progress | None:
    """
    The reporting record that decides whether *duty*'s addressees "have reported", if any.

    ``None`` when the facts alone decide: a duty whose heading names no report, or the
    default reading, `ReportedAreas.FACTS`.
    """
    if duty.reported and policy.reported_areas is ReportedAreas.REPORTS:
        return policy.reports
    return None


def has_reported(code: str, day: pendulum.Date, reports: Progress) -> tuple[Truth, Reason]:
    """
    Whether the State *code* had submitted its initial Article 7 report by *day*, and why.

    Article 7(1) asks for the initial report, which declares contaminated areas (7(1)(h)).
    A record that it was submitted on or by a day no later than *day* says yes; one that
    it was submitted after *day*, or not yet submitted on a day no earlier, says no; a
    record that says nothing either way leaves it unknown.
    """
    records = [record for record in reports.for_state(code) if record.key == "CCM-7.1"]
    for record in sorted(records, key=lambda record: record.on):
        if record.status.meets and record.on <= day:
            words = "on" if record.status is RecordStatus.MET else "by"
            return Truth.YES, reason(
                f"reported: initial Article 7 report submitted {words} {iso(record.on)}",
                (record.source,),
            )
    for record in records:
        if record.status is RecordStatus.MET:
            return Truth.NO, reason(
                f"not yet reported: initial Article 7 report submitted on {iso(record.on)}",
                (record.source,),
            )
        if record.status is RecordStatus.NOT_MET and record.on >= day:
            return Truth.NO, reason(
                "not yet reported: initial Article 7 report still not submitted on"
                f" {iso(record.on)}",
                (record.source,),
            )
    return Truth.UNKNOWN, reason("whether it had reported: unknown, the reporting record is silent")


def report_days(code: str, reports: Progress) -> frozenset[pendulum.Date]:
    """The days on which `has_reported` for the State *code* can change its answer."""
    return frozenset(
        record.on if record.status.meets else record.on.add(days=1)
        for record in reports.for_state(code)
        if record.key == "CCM-7.1"
        and (record.status.meets or record.status is RecordStatus.NOT_MET)
    )


def step_applicability(
    duty: Duty, state: StateParty, *, on: datetime.date, policy: SchedulePolicy | None = None
) -> Applicability:
    """Return whether *duty*'s step applies to *state* on the day *on*, with the reasons."""
    if not isinstance(state, StateParty):
        raise ValidationError(
            f"applies_to() takes a StateParty (such as vap.states_parties()['LAO']), not {state!r}"
        )
    if policy is not None and not isinstance(policy, SchedulePolicy):
        raise ValidationError(f"applies_to() takes a SchedulePolicy as policy, not {policy!r}")
    day = as_date(on, field="on")
    applies, reasons = judge(duty, state, day, policy or _DEFAULT_POLICY)
    return Applicability(key=duty.key, state=state.code, on=day, applies=applies, reasons=reasons)


def combine(key: str, results: tuple[Applicability, ...]) -> Applicability:
    """An action's answer from its steps': one step speaks for itself; several, by Kleene "or"."""
    if len(results) == 1:
        (only,) = results
        return attrs.evolve(only, key=key)
    first = results[0]
    return Applicability(
        key=key,
        state=first.state,
        on=first.on,
        applies=Truth.any_of(result.applies for result in results),
        reasons=tuple(
            reason(f"{result.key}: {why.message}", why.sources, why.evidence)
            for result in results
            for why in result.reasons
        ),
        steps=results,
    )
