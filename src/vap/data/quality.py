"""
How much of the built-in world is known: per role and year, and the answers it gives.

The data quality page of the documentation is generated from these figures, and a test
holds them to the floors the built-in world has reached.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Protocol

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.dates import as_date
from vap.model.obligations import ObligationSet
from vap.model.plan import Plan
from vap.model.registry import StatesParties
from vap.model.roles import Role, Truth
from vap.model.states import StateParty

__all__ = ["Determinacy", "RoleCount", "determinacy", "role_counts", "why_unknown"]


@attrs.frozen(kw_only=True)
class RoleCount:
    """How many States bound on a day hold a role, do not, or are unknown, and which."""

    role: Role
    on: pendulum.Date
    states: Mapping[Truth, tuple[str, ...]]

    def count(self, truth: Truth) -> int:
        """How many States have *truth* for the role on the day."""
        return len(self.states[truth])


def role_counts(states: StatesParties, role: Role, on: datetime.date) -> RoleCount:
    """The States bound on *on*, sorted by what is known of *role* that day."""
    day = as_date(on, field="on")
    found: dict[Truth, list[str]] = {truth: [] for truth in Truth}
    for state in states.on(day).values():
        found[state.role(role, on=day)].append(state.code)
    return RoleCount(role=role, on=day, states={t: tuple(c) for t, c in found.items()})


def why_unknown(state: StateParty, role: Role, on: datetime.date) -> str:
    """
    Why *role* is unknown for *state* on *on*: the facts around that day, in words.

    Raises:
        ValidationError: where a fact gives the role that day (it is not unknown).
    """
    day = as_date(on, field="on")
    known = state.fact(role, on=day)
    if known is not None:
        raise ValidationError(
            f"why_unknown: the role is known for {state.code} on {day}"
            f" ({known.describe()}), not unknown"
        )
    facts = [fact for fact in state.facts if fact.role is role]
    before = [fact for fact in facts if fact.until is not None and fact.until <= day]
    after = [fact for fact in facts if fact.since is not None and fact.since > day]
    if not facts:
        return "no source found speaks of it"
    if not before:
        return f"no source speaks of it before {after[0].since}"
    if not after:  # pragma: no cover - the last fact of a role runs on (rule 4)
        return f"no source speaks of it after {before[-1].until}"
    earlier, later = before[-1], after[0]
    if earlier.value is later.value:  # only a source calling it unclear parts the two
        return (
            f"{earlier.value.value} until {earlier.until}, {later.value.value} again from"
            f" {later.since}: a source in between calls it unclear"
        )
    return (
        f"{earlier.value.value} until {earlier.until}, {later.value.value} from"
        f" {later.since}: the sources do not say when it changed"
    )


@attrs.frozen(kw_only=True)
class Determinacy:
    """How many answers of ``applies_to`` on a day are YES or NO rather than UNKNOWN."""

    on: pendulum.Date
    answers: int
    unknown: int
    by_key: Mapping[str, int]

    @property
    def share(self) -> float:
        """The determinate share of the answers, 0 to 1."""
        return (self.answers - self.unknown) / self.answers if self.answers else 1.0


def determinacy(
    states: StatesParties, subjects: Plan | ObligationSet, on: datetime.date
) -> Determinacy:
    """Ask every action (or obligation) of *subjects* about every State bound on *on*."""
    day = as_date(on, field="on")
    unknown: dict[str, int] = {}
    answers = 0
    for state in states.on(day).values():
        for subject in _subjects(subjects):
            answers += 1
            if subject.applies_to(state, on=day) is Truth.UNKNOWN:
                unknown[subject.key] = unknown.get(subject.key, 0) + 1
    return Determinacy(
        on=day, answers=answers, unknown=sum(unknown.values()), by_key=dict(sorted(unknown.items()))
    )


class _Subject(Protocol):
    """An action or an obligation: what `determinacy` asks about."""

    @property
    def key(self) -> str: ...

    def applies_to(self, state: StateParty, *, on: datetime.date) -> Truth: ...


def _subjects(subjects: Plan | ObligationSet) -> Iterable[_Subject]:
    return subjects.actions if isinstance(subjects, Plan) else subjects.obligations
