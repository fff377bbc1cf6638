"""
Facts about roles, the evidence behind them, and the one reading of dated observations.

Sources speak for a day: a Monitor edition lists the States Parties with contaminated areas
"as of 1 August 2017", a support unit announces that a State completed the destruction of
its stockpile on 25 November 2015. An `Observation` keeps such a statement with its words
(`Evidence`); `read_facts` turns the observations of one State into `RoleFact` spans by the
reading documented on the data page ("How facts are read between observations"):

1. an observation's value holds on its own day;
2. two consecutive observations with the same value: it holds on every day between them;
3. two consecutive observations with different values: where the later one is a change
   (a value that holds *from* a day, such as a completion), the earlier value holds until
   the change's window opens, and the change's value from the day it is settled; otherwise
   the days between them are unknown;
4. after the last observation nothing is carried forward, except a change to ``no``: a
   declared completion ends the role until a source says otherwise.

A complete published list (`RoleList`) is evidence both ways on its day: the States on it
hold the role, the States within its scope that are not on it do not.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.roles import Role, Truth
from vap.model.validators import (
    are_strings,
    is_date,
    is_instance,
    is_optional_date,
    non_empty,
    not_before,
    to_date,
    to_optional_date,
    to_strings,
)

if TYPE_CHECKING:
    from vap.model.states import StateParty

__all__ = ["Evidence", "ListScope", "Observation", "RoleFact", "RoleList", "read_facts"]

_ONE_DAY: Final = datetime.timedelta(days=1)


@attrs.frozen
class Evidence:
    """
    The words of a source that support a fact, and the day they speak for.

    ``source`` is a key of `vap.sources` (or an address); ``quote`` the sentence or list
    item, verbatim, that supports the fact on its own.
    """

    source: str = attrs.field(validator=non_empty)
    as_of: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    quote: str = attrs.field(validator=non_empty)

    def __str__(self) -> str:
        return f'{self.source}, as of {self.as_of}: "{self.quote}"'


def _evidence(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(item, Evidence) for item in value)
    ):
        raise ValidationError(
            f"{type(instance).__name__}.{attribute.name} must be one or more Evidence values,"
            f" not {value!r}"
        )


def _as_evidence(value: Iterable[Evidence] | Evidence) -> tuple[Evidence, ...]:
    if isinstance(value, Evidence):
        return (value,)
    try:
        return tuple(value)
    except TypeError:
        return value  # type: ignore[return-value]  # _evidence refuses it, naming the field


def _evidence_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value != ():
        _evidence(instance, attribute, value)


def _known(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not Truth.YES and value is not Truth.NO:
        raise ValidationError(
            f"{type(instance).__name__}.{attribute.name} must be Truth.YES or Truth.NO,"
            f" not {value!r}: leave a role unknown by observing nothing"
        )


def _role(name: Role | str) -> Role:
    return Role.parse(name)


def _until_after_since(instance: RoleFact, _: attrs.Attribute[Any], until: Any) -> None:
    if until is not None and instance.since is not None and until <= instance.since:
        raise ValidationError(
            f"RoleFact.until {until} must be after RoleFact.since {instance.since}:"
            " a fact holds from since (included) until until (excluded)"
        )


@attrs.frozen(kw_only=True)
class RoleFact:
    """
    A sourced statement that a State holds a role (or not) over a span of days.

    The fact holds from ``since`` (included; ``None``: from the State's beginning) until
    ``until`` (excluded: the first day it no longer holds; ``None``: with no end). Outside
    every fact, the role is unknown. ``evidence`` holds the words of the sources it rests
    on, each with the day it speaks for; the built-in data gives every fact some.
    """

    role: Role = attrs.field(converter=_role)
    value: Truth = attrs.field(validator=is_instance(Truth, "a Truth (YES, NO or UNKNOWN)"))
    since: pendulum.Date | None = attrs.field(
        default=None, converter=to_optional_date, validator=is_optional_date
    )
    until: pendulum.Date | None = attrs.field(
        default=None,
        converter=to_optional_date,
        validator=[is_optional_date, _until_after_since],
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    note: str = attrs.field(default="", validator=is_instance(str, "a string"))
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_as_evidence, validator=_evidence_or_none
    )

    def covers(self, on: datetime.date) -> bool:
        """Whether the fact holds on the day *on*."""
        return (self.since is None or self.since <= on) and (self.until is None or on < self.until)

    def overlaps(self, other: RoleFact) -> bool:
        """Whether the two facts hold on some common day."""
        starts_before_other_ends = (
            self.since is None or other.until is None or self.since < other.until
        )
        ends_after_other_starts = (
            self.until is None or other.since is None or other.since < self.until
        )
        return starts_before_other_ends and ends_after_other_starts

    @property
    def span(self) -> str:
        """The days the fact holds, in words: "throughout", "from 2011-01-01 until 2015-11-25"."""
        span = []
        if self.since is not None:
            span.append(f"from {self.since}")
        if self.until is not None:
            span.append(f"until {self.until}")
        return " ".join(span) or "throughout"

    def describe(self) -> str:
        """The fact in words: "stockpiles: yes until 2015-11-25"."""
        return f"{self.role.value}: {self.value.value} {self.span}"


@attrs.frozen(kw_only=True)
class Observation:
    """
    A source's statement that a State held a role (or not) on a day, or from a day on.

    A plain observation (``change=False``) speaks for the day ``on`` alone. A change
    (``change=True``, a completion or a discovery) says the value holds from the day it
    happened; when the source gives only its month or year, the change happened somewhere
    in ``on`` (the window's first day) up to ``settled`` (the first day it is certain).
    """

    role: Role = attrs.field(converter=_role)
    value: Truth = attrs.field(validator=_known)
    on: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_as_evidence, validator=_evidence)
    change: bool = attrs.field(default=False, validator=is_instance(bool, "True or False"))
    settled: pendulum.Date = attrs.field(
        default=attrs.Factory(lambda self: self.on, takes_self=True),
        converter=to_date,
        validator=[is_date, not_before("on")],
    )

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
            f"{self.role.value}: {self.value.value} from a day between {self.on}"
            f" and {self.settled - _ONE_DAY}"
        )


class ListScope(enum.Enum):
    """
    Which States a complete list speaks about.

    ``STATES_PARTIES``: the States that had joined the Convention on the list's day (their
    instrument deposited, and no withdrawal in effect), as the Monitor counts States
    Parties. ``ALL_STATES``: every State, party or not (the Monitor's global lists of
    contaminated states).
    """

    STATES_PARTIES = "states-parties"
    ALL_STATES = "all-states"


def _codes(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(part.strip() for part in value.split(";") if part.strip())
    return frozenset(value)


@attrs.frozen(kw_only=True)
class RoleList:
    """
    A published list of the States that held a role (or did not) on a day.

    ``value`` is what the list says of its ``members``. A ``complete`` list is evidence
    both ways: a State within its ``scope`` that is not on it takes the opposite value,
    except the States the source calls ``unclear``, which stay unknown.
    """

    key: str = attrs.field(validator=non_empty)
    role: Role = attrs.field(converter=_role)
    value: Truth = attrs.field(validator=_known)
    evidence: Evidence = attrs.field(validator=is_instance(Evidence, "an Evidence"))
    scope: ListScope = attrs.field(
        default=ListScope.STATES_PARTIES, validator=is_instance(ListScope, "a ListScope")
    )
    complete: bool = attrs.field(default=True, validator=is_instance(bool, "True or False"))
    members: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    unclear: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    note: str = attrs.field(default="", validator=is_instance(str, "a string"))

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
        return self.scope is ListScope.ALL_STATES or state.had_joined(on=self.as_of)

    def observation(self, state: StateParty) -> Observation | None:
        """What the list says about *state* on its day, or ``None`` if it says nothing."""
        if state.code in self.unclear:
            return None
        if state.code in self.members:
            value = self.value
        elif not self.complete or (
            self.scope is ListScope.STATES_PARTIES and not state.had_joined(on=self.as_of)
        ):
            return None
        else:
            value = ~self.value
        return Observation(role=self.role, value=value, on=self.as_of, evidence=self.evidence)


def _merged(observations: list[Observation]) -> list[Observation]:
    """Merge observations of the same day and kind; refuse a day with two values."""
    merged: list[Observation] = []
    for observation in sorted(observations, key=lambda o: (o.on, o.change, o.settled)):
        previous = merged[-1] if merged else None
        if previous is not None and previous.on == observation.on:
            if previous.value is not observation.value:
                raise ValidationError(
                    f"two sources disagree on {observation.role.value} on {observation.on}:"
                    f" {previous.value.value} ({', '.join(e.source for e in previous.evidence)})"
                    f" and {observation.value.value}"
                    f" ({', '.join(e.source for e in observation.evidence)})"
                )
            if previous.change == observation.change and previous.settled == observation.settled:
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
        note = point.describe()
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
    """Rules 1 to 4 of this module, for the observations of one role."""
    facts: list[RoleFact] = []
    points = _merged(observations)
    for point, later in zip(points, [*points[1:], None], strict=True):
        start = point.settled
        if later is None:
            carried = point.change and point.value is Truth.NO
            facts.append(_fact(point, None if carried else start + _ONE_DAY))
            continue
        if later.change:
            end = later.on
        elif later.value is point.value:
            end = later.on + _ONE_DAY
        else:
            end = start + _ONE_DAY
        if end > start:  # else a change whose window opens on or before this day
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
    by_role: dict[Role, list[Observation]] = {}
    for observation in observations:
        if not isinstance(observation, Observation):
            raise ValidationError(f"read_facts takes Observation values, not {observation!r}")
        by_role.setdefault(observation.role, []).append(observation)
    first = None if start is None else to_date(start)
    facts: list[RoleFact] = []
    for role in sorted(by_role, key=lambda role: role.value):
        for fact in _read_role(by_role[role]):
            if first is None or fact.since is None or fact.since >= first:
                facts.append(fact)
            elif fact.until is None or fact.until > first:
                facts.append(attrs.evolve(fact, since=first))
    return tuple(facts)
