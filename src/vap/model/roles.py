"""
Roles a State Party can hold, and three-valued truth.

The plan addresses its actions to classes of States Parties (DOMAIN.md §2): those with
stockpiles, with contaminated areas, with victims, in a position to assist, without
national implementation measures. Whether a State holds a role changes over time and can
be unknown, so answers are `Truth` values combined by Kleene's three-valued logic.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from vap.errors import UnknownTruthError, ValidationError
from vap.model.choices import Choice
from vap.model.validators import converter

__all__ = ["Role", "Truth", "as_role"]


class Role(Choice):
    """
    A class of States Parties that the plan or the Convention addresses.

    ``RETAINS`` (States that retain cluster munitions for training and development under
    Article 3(6)) is needed by the Convention's retention report, Article 3(8).
    """

    STOCKPILES = "stockpiles"
    CONTAMINATED = "contaminated"
    VICTIMS = "victims"
    IN_POSITION_TO_ASSIST = "in-position-to-assist"
    NO_IMPLEMENTATION_MEASURES = "no-implementation-measures"
    RETAINS = "retains"

    # A member is only ever equal to itself: hashing by identity gives dictionaries the same
    # answers as `enum.Enum`'s hash of the name, without a Python call per lookup.
    __hash__ = object.__hash__

    @property
    def description(self) -> str:
        """The words that follow "States Parties" in the plan's headings."""
        return _DESCRIPTIONS[self]

    @classmethod
    def parse(cls, name: str | Role) -> Role:
        """
        Return the role named *name*: its value (``"in-position-to-assist"``) or member name.

        Raises:
            ValidationError: for any other name, listing the known ones.
        """
        if isinstance(name, Role):
            return name
        if isinstance(name, str):
            for role in cls:
                if name in (role.value, role.name):
                    return role
        known = ", ".join(role.value for role in cls)
        raise ValidationError(f"unknown role {name!r}: expected one of {known}")


_DESCRIPTIONS: Final = {
    Role.STOCKPILES: "with cluster munition stockpiles",
    Role.CONTAMINATED: "with cluster munition contaminated areas",
    Role.VICTIMS: "with cluster munition victims",
    Role.IN_POSITION_TO_ASSIST: "in a position to assist",
    Role.NO_IMPLEMENTATION_MEASURES: "that have not adopted national implementation measures",
    Role.RETAINS: "that retain cluster munitions under Article 3(6)",
}


class Truth(Choice):
    """
    A three-valued truth: `YES`, `NO` or `UNKNOWN`, combined by Kleene's logic.

    ``&``, ``|`` and ``~`` follow Kleene's strong three-valued logic: ``NO & x`` is ``NO``,
    ``YES | x`` is ``YES``, and otherwise an unknown operand makes the result unknown.
    ``bool(Truth.UNKNOWN)`` raises `vap.UnknownTruthError`, so that unknown is never
    silently taken for false (or true) in an ``if``.
    """

    NO = "no"
    UNKNOWN = "unknown"
    YES = "yes"

    __hash__ = object.__hash__  # as `Role`'s

    @classmethod
    def of(cls, value: bool | None) -> Truth:
        """Return `YES` for ``True``, `NO` for ``False`` and `UNKNOWN` for ``None``."""
        if value is None:
            return cls.UNKNOWN
        return cls.YES if value else cls.NO

    @classmethod
    def all_of(cls, values: Iterable[Truth]) -> Truth:
        """Kleene conjunction of *values* (`YES` when there are none)."""
        result = cls.YES
        for value in values:
            result = result & value
        return result

    @classmethod
    def any_of(cls, values: Iterable[Truth]) -> Truth:
        """Kleene disjunction of *values* (`NO` when there are none)."""
        result = cls.NO
        for value in values:
            result = result | value
        return result

    @property
    def known(self) -> bool:
        """Whether this is `YES` or `NO`."""
        return self is not Truth.UNKNOWN

    def __and__(self, other: Truth) -> Truth:
        if not isinstance(other, Truth):
            return NotImplemented
        return _BY_RANK[min(_RANK[self], _RANK[other])]

    def __or__(self, other: Truth) -> Truth:
        if not isinstance(other, Truth):
            return NotImplemented
        return _BY_RANK[max(_RANK[self], _RANK[other])]

    def __invert__(self) -> Truth:
        return _BY_RANK[2 - _RANK[self]]

    def __bool__(self) -> bool:
        if self is Truth.UNKNOWN:
            raise UnknownTruthError(
                "the truth value is UNKNOWN, neither true nor false:"
                " compare with Truth.YES or Truth.NO instead"
            )
        return self is Truth.YES


_RANK: Final = {Truth.NO: 0, Truth.UNKNOWN: 1, Truth.YES: 2}
_BY_RANK: Final = (Truth.NO, Truth.UNKNOWN, Truth.YES)


def as_role(name: Role | str) -> Role:
    """A converter for attrs fields: a `Role`, or its name, as a `Role` (`Role.parse`)."""
    return Role.parse(name)


converter(as_role)
