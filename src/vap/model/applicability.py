"""
Whether an action applies to a State on a day, and the reasons, each with its sources.

An action applies when its plan is in force, the Convention is in force for the State,
its time did not run out before the State joined, and the State is among its addressees
(three-valued: a role no fact covers makes the answer `Truth.UNKNOWN`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from vap.model.addressees import Addressee, AllStates
from vap.model.dates import as_date
from vap.model.roles import Role, RoleFact, Truth
from vap.model.timelines import fixed_due
from vap.model.validators import are_strings, to_strings

if TYPE_CHECKING:
    from vap.model.actions import Action
    from vap.model.states import StateParty

__all__ = [
    "ALL_STATES_REASONS",
    "Applicability",
    "Reason",
    "addressee_truth",
    "applicability",
    "covering_facts",
    "judged",
    "roles_of",
]


@attrs.frozen
class Reason:
    """One reason behind an answer, in words, with the sources of the facts it rests on."""

    message: str
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)

    def __str__(self) -> str:
        if not self.sources:
            return self.message
        return f"{self.message} (sources: {', '.join(self.sources)})"


@attrs.frozen(kw_only=True)
class Applicability:
    """Whether an action applies to a State on a day, with the reasons behind the answer."""

    key: str
    state: str
    on: pendulum.Date
    applies: Truth
    reasons: tuple[Reason, ...]

    def __str__(self) -> str:
        reasons = "; ".join(str(reason) for reason in self.reasons)
        return f"{self.key} for {self.state} on {self.on}: {self.applies.value} ({reasons})"


ALL_STATES_REASONS = (Reason("addressed to all States Parties"),)
"""The reasons of every answer about an action addressed to all States Parties (shared)."""


def roles_of(addressee: Addressee) -> tuple[Role, ...]:
    """The roles *addressee* depends on, in a fixed order."""
    return tuple(sorted(addressee.roles, key=lambda role: role.value))


def covering_facts(
    roles: tuple[Role, ...], state: StateParty, day: pendulum.Date
) -> tuple[RoleFact | None, ...]:
    """For each of *roles*, the fact that gives it for *state* on *day*, or ``None``."""
    return tuple(state.fact(role, on=day) for role in roles)


def judged(
    addressee: Addressee, roles: tuple[Role, ...], facts: tuple[RoleFact | None, ...]
) -> tuple[Truth, tuple[Reason, ...]]:
    """
    Evaluate *addressee* given the *facts* that cover its *roles*, with a reason for each.

    The reasons name no State and no day, so that States with the same facts share them.
    """
    reasons = [Reason(f"addressed to {addressee}")]
    values: dict[Role, Truth] = {}
    for role, fact in zip(roles, facts, strict=True):
        if fact is None:
            values[role] = Truth.UNKNOWN
            reasons.append(Reason(f"{role.description}: unknown, no fact covers that day"))
        else:
            values[role] = fact.value
            reasons.append(
                Reason(
                    f"{role.description}: {fact.value.value}, by a fact that holds {fact.span}",
                    fact.sources,
                )
            )
    return addressee.evaluate(values.__getitem__), tuple(reasons)


def addressee_truth(
    addressee: Addressee, state: StateParty, day: pendulum.Date
) -> tuple[Truth, tuple[Reason, ...]]:
    """Evaluate *addressee* for *state* on *day*, naming each role fact used or missing."""
    if isinstance(addressee, AllStates):
        return Truth.YES, ALL_STATES_REASONS
    roles = roles_of(addressee)
    return judged(addressee, roles, covering_facts(roles, state, day))


def applicability(action: Action, state: StateParty, *, on: datetime.date) -> Applicability:
    """Return whether *action* applies to *state* on the day *on*, with the reasons."""
    day = as_date(on, field="on")

    def answer(applies: Truth, reasons: Iterable[Reason]) -> Applicability:
        return Applicability(
            key=action.key, state=state.code, on=day, applies=applies, reasons=tuple(reasons)
        )

    if not action.in_force_on(day):
        ends = f", superseded {action.superseded}" if action.superseded else ""
        return answer(
            Truth.NO,
            [Reason(f"the plan is not in force on {day} (adopted {action.adopted}{ends})")],
        )
    if day < state.entry_into_force:
        return answer(
            Truth.NO,
            [
                Reason(
                    f"the Convention enters into force for {state.code} on"
                    f" {state.entry_into_force}, after {day}",
                    state.sources,
                )
            ],
        )
    closes = [fixed_due(step.timeline, action.meetings) for step in action.steps]
    if all(close is not None for close in closes):
        last = max(close for close in closes if close is not None)
        if last < state.entry_into_force:
            return answer(
                Truth.NO,
                [
                    Reason(
                        f"its time ran out on {last}, before the Convention entered into force"
                        f" for {state.code} on {state.entry_into_force}",
                        state.sources,
                    )
                ],
            )
    return answer(*addressee_truth(action.addressee, state, day))
