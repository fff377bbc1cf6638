"""
The one reading of dated observations into role facts.

Sources speak for a day: a Monitor edition lists the States Parties with contaminated areas
"as of 1 August 2017", a support unit announces that a State completed the destruction of
its stockpile on 25 November 2015. An `Observation` keeps such a statement with its words
(`Evidence`); `read_facts` turns the observations of one State into `RoleFact` spans by the
reading documented on the data page ("How facts are read between observations"): a fact
ends where a source ends it, and nothing is read backwards.

1. an observation's value holds from its day on;
2. it holds until the next observation of the role; where that one agrees, on through it;
3. where the next observation disagrees: if it is a change (a value that holds *from* a
   day, such as a completion), the earlier value holds until the change's window opens
   and the new one from the day it is settled; otherwise the source does not say when
   the role changed, so the earlier value holds on its own day only and the days between
   the two are unknown. A source that calls the role unclear on a day disagrees with
   every value: the earlier one does not run on through it, and that day is unknown;
4. after the last observation its value holds on, until a later source says otherwise;
5. before the first observation the role is unknown: a later "completed" is no evidence
   of an earlier "yes". Two kinds of statement do speak for earlier days, and are read so:
   one that says the value held *throughout* ("has never stockpiled cluster munitions", a
   list of every State that ever held a role), and one finding no cluster munition victims,
   since victims accumulate: Article 2(1) counts "all persons who have been killed or
   suffered physical or psychological injury" from cluster munitions.

A complete published list (`RoleList`) is evidence both ways on its day: the States on it
hold the role, the States within its scope that are not on it do not.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.choices import Choice
from vap.model.evidence import Evidence
from vap.model.facts import RoleFact
from vap.model.roles import Role, Truth, as_role
from vap.model.validators import (
    as_tuple,
    converter,
    is_date,
    is_instance,
    is_text,
    non_empty,
    not_before,
    to_date,
    tuple_of,
)

if TYPE_CHECKING:
    from vap.model.states import StateParty

__all__ = [
    "ListReading",
    "ListScope",
    "Observation",
    "RoleList",
    "read_facts",
]

_ONE_DAY: Final = datetime.timedelta(days=1)


def _known(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not Truth.YES and value is not Truth.NO:
        raise ValidationError(
            f"{type(instance).__name__}.{attribute.name} must be Truth.YES or Truth.NO,"
            f" not {value!r}: a list names the States that hold a role, or that do not"
        )


def _observed(instance: Observation, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Truth):
        raise ValidationError(f"Observation.{attribute.name} must be a Truth, not {value!r}")
    if value is Truth.UNKNOWN and (instance.change or instance.through):
        raise ValidationError(
            f"Observation.{attribute.name}: a change or a statement made throughout says"
            " YES or NO; UNKNOWN is a source calling the role unclear on its day"
        )


def _one_or_many(value: Iterable[Evidence] | Evidence) -> tuple[Evidence, ...]:
    return (value,) if isinstance(value, Evidence) else as_tuple(value)


converter(_one_or_many)


@attrs.frozen(kw_only=True)
class Observation:
    """
    A source's statement that a State held a role (or not) on a day, or from a day on.

    A plain observation (``change=False``) speaks for the day ``on`` alone; one made
    ``through`` speaks for every day up to ``on`` ("has never stockpiled"). A plain
    observation of `Truth.UNKNOWN` is a source calling the role unclear on its day ("it
    is unclear whether Colombia is contaminated"): it gives no fact, and the value of an
    earlier observation does not run on through it (rule 3). A change
    (``change=True``, a completion or a discovery) says the value holds from the day it
    happened; when the source gives only its month or year, the change happened on a day
    from ``on`` (the window's first day) to ``settled`` (its last, the first day
    the change is certain).
    """

    role: Role = attrs.field(converter=as_role)
    value: Truth = attrs.field(validator=_observed)
    on: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_one_or_many, validator=tuple_of(Evidence, "Evidence values", at_least=1)
    )
    change: bool = attrs.field(default=False, validator=is_instance(bool, "True or False"))
    through: bool = attrs.field(default=False, validator=is_instance(bool, "True or False"))
    settled: pendulum.Date = attrs.field(
        default=attrs.Factory(lambda self: self.on, takes_self=True),
        converter=to_date,
        validator=[is_date, not_before("on")],
    )

    @through.validator
    def _not_a_change(self, attribute: attrs.Attribute[Any], value: bool) -> None:
        if value and self.change:
            raise ValidationError(
                f"Observation.{attribute.name}: a change holds from its day, not throughout"
            )

    @property
    def reaches_back(self) -> bool:
        """Whether the observation speaks for every earlier day too (rule 5)."""
        return self.through or (self.role is Role.VICTIMS and self.value is Truth.NO)

    @settled.validator
    def _settled_only_for_changes(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value != self.on and not self.change:
            raise ValidationError(
                f"Observation.{attribute.name} {value} is only for a change, whose day is"
                " known to a month or a year"
            )

    def describe(self) -> str:
        """The observation in words: "stockpiles: no from 2015-11-25"."""
        if not self.change:
            return f"{self.role.value}: {self.value.value} on {self.on}"
        if self.settled == self.on:
            return f"{self.role.value}: {self.value.value} from {self.on}"
        return (
            f"{self.role.value}: {self.value.value} from a day between {self.on} and {self.settled}"
        )


class ListScope(Choice):
    """
    Which States a complete list speaks about.

    ``STATES_PARTIES``: the States that had joined the Convention on the list's day (their
    instrument deposited, and no withdrawal in effect), as the Monitor counts States
    Parties. ``ALL_STATES``: every State, party or not (the Monitor's global lists of
    contaminated states).
    """

    STATES_PARTIES = "states-parties"
    ALL_STATES = "all-states"


class ListReading(Choice):
    """
    What a list says of its day.

    ``ON_DATE``: its members held the role on that day (and, if complete, the others in
    scope did not). ``EVER``: its members held the role at some time up to that day; the
    others in scope never did, which speaks for every day up to it (rule 5).
    """

    ON_DATE = "on-date"
    EVER = "ever"


def _codes(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(part.strip() for part in value.split(";") if part.strip())
    return frozenset(value)


converter(_codes)


@attrs.frozen(kw_only=True)
class RoleList:
    """
    A published list of the States that held a role (or did not) on a day.

    ``value`` is what the list says of its ``members``. A ``complete`` list is evidence
    both ways: a State within its ``scope`` that is not on it takes the opposite value,
    except the States the source calls ``unclear``: of those it says that the role is
    unknown on its day (an observation of `Truth.UNKNOWN`).
    """

    key: str = attrs.field(validator=non_empty)
    role: Role = attrs.field(converter=as_role)
    value: Truth = attrs.field(validator=_known)
    evidence: Evidence = attrs.field(validator=is_instance(Evidence, "an Evidence"))
    scope: ListScope = attrs.field(
        default=ListScope.STATES_PARTIES, validator=is_instance(ListScope, "a ListScope")
    )
    complete: bool = attrs.field(default=True, validator=is_instance(bool, "True or False"))
    reading: ListReading = attrs.field(
        default=ListReading.ON_DATE, validator=is_instance(ListReading, "a ListReading")
    )
    members: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    unclear: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    note: str = attrs.field(default="", validator=is_text)

    @unclear.validator
    def _disjoint(self, attribute: attrs.Attribute[Any], value: frozenset[str]) -> None:
        both = sorted(value & self.members)
        if both:
            raise ValidationError(
                f"RoleList.{attribute.name}: {', '.join(both)} cannot be both a member and unclear"
            )

    @property
    def as_of(self) -> pendulum.Date:
        """The day the list speaks for."""
        return self.evidence.as_of

    def _speaks_of(self, state: StateParty) -> bool:
        """Whether *state* is within the list's scope on its day."""
        return self.scope is ListScope.ALL_STATES or state.had_joined(on=self.as_of)

    def observation(self, state: StateParty) -> Observation | None:
        """What the list says about *state* on its day, or ``None`` if it says nothing."""
        if state.code in self.members or state.code in self.unclear:
            if self.reading is ListReading.EVER:
                return None  # held the role (or may have) at some time: it names no day
            value = self.value if state.code in self.members else Truth.UNKNOWN
        elif not self.complete or not self._speaks_of(state):
            return None
        else:
            value = ~self.value
        return Observation(
            role=self.role,
            value=value,
            on=self.as_of,
            evidence=self.evidence,
            through=self.reading is ListReading.EVER,
        )


def _merged(observations: list[Observation]) -> list[Observation]:
    """
    The observations in the order their values are settled, same-day ones merged.

    Two observations settled on the same day with different values are a contradiction.
    """
    merged: list[Observation] = []
    for observation in sorted(observations, key=lambda o: (o.settled, o.on, o.change)):
        previous = merged[-1] if merged else None
        if previous is not None and previous.settled == observation.settled:
            if previous.value is not observation.value:
                raise ValidationError(
                    f"two sources disagree on {observation.role.value} on {observation.settled}:"
                    f" {previous.value.value} ({', '.join(e.source for e in previous.evidence)})"
                    f" and {observation.value.value}"
                    f" ({', '.join(e.source for e in observation.evidence)})"
                )
            if previous.change == observation.change and previous.on == observation.on:
                merged[-1] = attrs.evolve(
                    previous, evidence=(*previous.evidence, *observation.evidence)
                )
                continue
        merged.append(observation)
    return merged


def _fact(
    point: Observation, until: pendulum.Date | None, later: Observation | None = None
) -> RoleFact:
    """The span from *point* until *until*, resting on *point* and on *later* if it agrees."""
    evidence = point.evidence
    note = ""
    if later is not None and later.value is point.value:
        evidence = tuple(dict.fromkeys(evidence + later.evidence))
        note = f"held by the observations of {point.settled} and {later.on}"
    elif later is not None and until is not None and until > point.settled + _ONE_DAY:
        note = f"held from {point.settled} until the change {later.describe()}"
    elif until is None:
        note = f"{point.describe()}, and on until a source says otherwise"
    return RoleFact(
        role=point.role,
        value=point.value,
        since=point.settled,
        until=until,
        sources=tuple(dict.fromkeys(item.source for item in evidence)),
        evidence=evidence,
        note=note,
    )


def _read_role(observations: list[Observation]) -> list[RoleFact]:
    """Rules 1 to 5 of this module, for the observations of one role."""
    facts: list[RoleFact] = []
    points = _merged(observations)
    for point, later in zip(points, [*points[1:], None], strict=True):
        start = point.settled
        if point.value is Truth.UNKNOWN:  # a source calls it unclear: no fact that day
            continue
        if later is None:
            facts.append(_fact(point, None))
            continue
        if later.change:  # a change ends the earlier value where its window opens
            end = max(later.on, start + _ONE_DAY)
        elif later.value is point.value:
            end = later.on + _ONE_DAY
        else:
            end = start + _ONE_DAY
        facts.append(_fact(point, end, later))
    return _joined(facts)


def _joined(facts: list[RoleFact]) -> list[RoleFact]:
    """Join facts of the same value that meet or overlap into one span."""
    joined: list[RoleFact] = []
    for fact in facts:
        previous = joined[-1] if joined else None
        if (
            previous is None
            or previous.value is not fact.value
            or previous.until is None
            or fact.since is None
            or fact.since > previous.until
        ):
            joined.append(fact)
            continue
        evidence = tuple(dict.fromkeys(previous.evidence + fact.evidence))
        last = max(item.as_of for item in evidence)
        joined[-1] = attrs.evolve(
            previous,
            until=None if fact.until is None else max(fact.until, previous.until),
            evidence=evidence,
            sources=tuple(dict.fromkeys(item.source for item in evidence)),
            note=f"held by the observations from {previous.since} to {last}"
            + (f"; then {fact.note}" if fact.until is None else ""),
        )
    return joined


def read_facts(
    observations: Iterable[Observation], *, start: datetime.date | None = None
) -> tuple[RoleFact, ...]:
    """
    Read the observations of one State as role facts, by the reading of this module.

    *start* (the State's entry into force) clips the facts: those that end on or before it
    are dropped, and none begins before it.

    Raises:
        ValidationError: where two sources give one role two values on the same day.
    """
    if not isinstance(observations, Iterable):
        raise ValidationError(f"read_facts takes Observation values, not {observations!r}")
    by_role: dict[Role, list[Observation]] = {}
    for observation in observations:
        if not isinstance(observation, Observation):
            raise ValidationError(f"read_facts takes Observation values, not {observation!r}")
        by_role.setdefault(observation.role, []).append(observation)
    first = None if start is None else to_date(start)
    given = [observation for role in by_role.values() for observation in role]
    for observation in given:
        if observation.reaches_back and first is not None and first < observation.on:
            by_role[observation.role].append(
                attrs.evolve(observation, on=first, settled=first, through=False)
            )
    facts: list[RoleFact] = []
    for role in sorted(by_role, key=lambda role: role.value):
        for fact in _read_role(by_role[role]):
            if first is None or fact.since is None or fact.since >= first:
                facts.append(fact)
            elif fact.until is None or fact.until > first:
                facts.append(attrs.evolve(fact, since=first))
    return tuple(facts)
