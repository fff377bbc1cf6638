"""
The engine's fast path: caches around the model's questions, for one schedule call.

`Memo` answers exactly what `vap.engine.windows.Plain` answers (laws in the tests check it
on generated States and plans): it only remembers. Duties with equal profiles
(`Duty.profile`: the rule, addressees, plan period and, where read, meetings and key) are
dated and judged alike, so a State's windows are worked out once for them all (the
Vientiane Action Plan's 84 steps and obligations have 36 profiles: 30 steps are ongoing
and addressed to all States Parties).

Occurrences depend on the duty, the State's entry into force and withdrawal, and, for the
duties that use them, its extensions or events; for a step of a plan that ended before
the State's part began, on the plan's days and the entry into force alone (every such step
lapses alike, so a State that joined after the plan ended has its answers worked out
once, not once per step). An answer of `judge` depends on those, the day, and the role
facts that cover the day (and, when "have reported" is read by the reports, the State's
own records). States that share them share the answer and its reasons, so reasons are
made once (equal facts are known by the first of them met, whose identity keys the
answers); and a reason equal to one already made (a State's entry into force, said for
each of the plan's steps) is kept once (146 bytes per item on 10,000 distinct States in
the last `make bench`, against 175 without). Caches live as long as one call of
`vap.schedule` and are keyed by the identity of objects that call keeps alive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pendulum

from vap.engine.windows import Window, windows_of
from vap.model.applicability import judge, reports_read
from vap.model.duties import Duty, Occurrence, occurrences
from vap.model.facts import RoleFact
from vap.model.policy import SchedulePolicy
from vap.model.reasons import Reason
from vap.model.roles import Role, Truth
from vap.model.states import StateParty
from vap.model.timelines import Anchor, Within

__all__ = ["Memo"]


class Memo:
    """Remembers occurrences and answers within one schedule call."""

    __slots__ = (
        "_alike",
        "_answers",
        "_by_role",
        "_facts",
        "_facts_of",
        "_interned",
        "_lapsed",
        "_occurrences",
        "_reasons",
        "policy",
        "through",
    )

    def __init__(self, policy: SchedulePolicy, through: pendulum.Date | None) -> None:
        self.policy = policy
        self.through = through
        self._occurrences: dict[tuple[Any, ...], tuple[Occurrence, ...]] = {}
        self._answers: dict[tuple[Any, ...], tuple[Truth, tuple[Reason, ...]]] = {}
        # The identities of the occurrences shared by the steps of a plan that ended before
        # a State's part began (see `_dates_key`).
        self._lapsed: set[int] = set()
        # Each fact met, by value: the first equal one met, whose identity then stands for
        # the value in the answers' keys (an int hashes in C; a fact through Python).
        self._interned: dict[RoleFact, RoleFact] = {}
        # The State asked about last (the engine asks about one State's duties in turn):
        # its facts by role, and by the identity of a duty's roles.
        self._facts_of: StateParty | None = None
        self._by_role: dict[Role, tuple[RoleFact, ...]] = {}
        self._facts: dict[int, tuple[tuple[RoleFact, ...], ...]] = {}
        self._reasons: dict[Reason, Reason] = {}
        # For a list of duties: the first duty of each profile, and each duty's profile's
        # place among them.
        self._alike: dict[int, tuple[list[Duty], list[int]]] = {}

    def windows(self, duties: Sequence[Duty], state: StateParty) -> list[list[Window]]:
        """`windows_of` each of *duties* for *state*: once for all the duties alike."""
        alike = self._alike.get(id(duties))  # the call's own list, which it keeps alive
        if alike is None:
            firsts: list[Duty] = []
            place_of: dict[tuple[object, ...], int] = {}
            places = []
            for duty in duties:
                place = place_of.get(duty.profile)
                if place is None:
                    place = place_of[duty.profile] = len(firsts)
                    firsts.append(duty)
                places.append(place)
            alike = self._alike[id(duties)] = firsts, places
        firsts, places = alike
        worked = [windows_of(duty, state, self) for duty in firsts]
        return [worked[place] for place in places]

    def _dates_key(self, duty: Duty, state: StateParty) -> tuple[Any, ...]:
        """What the occurrences of *duty* depend on, for *state*."""
        if duty.ended_before(state):
            # `occurrences` then gives one lapsed occurrence, the same for every step of the
            # plan, which the plan's days and the entry into force decide.
            return (duty.starts, duty.ends, state.entry_into_force)
        withdrawal = state.withdrawal
        key: tuple[Any, ...] = (
            id(duty),  # a duty of the call's own list, which the call keeps alive
            state.entry_into_force,
            withdrawal.effective if withdrawal is not None else None,
        )
        timeline = duty.step.timeline
        if duty.extension is not None:
            key += (state.extensions,)
        elif isinstance(timeline, Within) and timeline.anchor is not Anchor.ENTRY_INTO_FORCE:
            key += (state.events,)
        return key

    def occurrences(self, duty: Duty, state: StateParty) -> tuple[Occurrence, ...]:
        """`vap.model.duties.occurrences`, remembered for States with the same dates."""
        key = self._dates_key(duty, state)
        found = self._occurrences.get(key)
        if found is None:
            found = self._occurrences[key] = occurrences(
                duty, state, self.policy, through=self.through
            )
            if duty.ended_before(state):
                self._lapsed.add(id(found))
        return found

    def _covering(
        self, state: StateParty, roles: tuple[Role, ...], day: pendulum.Date
    ) -> tuple[int, ...]:
        """Which value of a fact of *state* gives each of *roles* on *day* (0 for none)."""
        if state is not self._facts_of:
            self._facts_of, self._facts = state, {}
            intern = self._interned.setdefault
            found: dict[Role, list[RoleFact]] = {}
            for fact in state.facts:
                found.setdefault(fact.role, []).append(intern(fact, fact))
            self._by_role = {role: tuple(facts) for role, facts in found.items()}
        key = id(roles)  # a duty's own tuple, which the call keeps alive
        groups = self._facts.get(key)
        if groups is None:
            by_role = self._by_role
            groups = self._facts[key] = tuple([by_role.get(role, ()) for role in roles])
        covering: list[int] = []
        for group in groups:
            for fact in group:
                if fact.covers(day):
                    covering.append(id(fact))  # an interned fact, which the call keeps alive
                    break
            else:
                covering.append(0)
        return tuple(covering)

    def judge(
        self, duty: Duty, state: StateParty, day: pendulum.Date, found: tuple[Occurrence, ...]
    ) -> tuple[Truth, tuple[Reason, ...]]:
        """`vap.model.applicability.judge`, remembered for States with the same inputs."""
        # One occurrences tuple per dates key (see `occurrences`): its identity stands for it
        # and its duty. The tuple shared by the steps of a plan that ended before the State's
        # part began stands for all of them: `judge` is asked about them only from that day
        # on, when rule 1 decides, alike for every step whatever its roles (the fast =
        # simple law checks it).
        if id(found) in self._lapsed:
            key: tuple[Any, ...] = (id(found), day)
        else:
            roles = duty.roles
            key = (id(found), day, self._covering(state, roles, day) if roles else ())
            if reports_read(duty, self.policy) is not None:
                key += (state.code,)  # the answer then rests on the State's own reports
        answer = self._answers.get(key)
        if answer is None:
            truth, reasons = judge(duty, state, day, self.policy, found)
            share = self._reasons.setdefault  # a reason equal to one made before: that one
            answer = self._answers[key] = truth, tuple(map(share, reasons, reasons))
        return answer
