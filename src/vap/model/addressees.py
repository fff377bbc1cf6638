"""
Who an action is addressed to: a small algebra of predicates over a State's roles.

The plan's headings name their addressees ("States Parties with cluster munition
stockpiles will:", DOMAIN.md §2). `AllStates`, `HasRole`, `AnyOf`, `AllOf` and `Not`
express them and combine with ``|``, ``&`` and ``~``; evaluation is three-valued.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeAlias

import attrs

from vap.errors import ValidationError
from vap.model.roles import Role, Truth
from vap.model.validators import as_tuple, is_instance, non_empty

__all__ = [
    "ADDRESSEE_KINDS",
    "Addressee",
    "AllOf",
    "AllStates",
    "AnyOf",
    "Circumstance",
    "HasRole",
    "Not",
    "reported_roles",
]

RoleLookup: TypeAlias = Callable[[Role], Truth]
"""A function giving the truth of a role for one State on one day."""


class _Algebra:
    """The operators every addressee shares."""

    __slots__ = ()

    def __or__(self, other: Addressee) -> Addressee:
        members = _flatten(AnyOf, (self, other))
        return members[0] if len(members) == 1 else AnyOf(members=members)

    def __and__(self, other: Addressee) -> Addressee:
        members = _flatten(AllOf, (self, other))
        return members[0] if len(members) == 1 else AllOf(members=members)

    def __invert__(self) -> Not:
        return Not(self)  # type: ignore[arg-type]  # every subclass is an Addressee

    def __str__(self) -> str:
        return self.describe()  # type: ignore[attr-defined, no-any-return]


def _flatten(kind: type[AnyOf | AllOf], operands: Iterable[object]) -> tuple[Addressee, ...]:
    """The members of a group of *kind*, flattened and each once (``a & a`` is ``a``)."""
    members: list[Addressee] = []
    for operand in operands:
        if isinstance(operand, kind):
            members.extend(operand.members)
        elif isinstance(operand, ADDRESSEE_KINDS):
            members.append(operand)
        else:
            raise ValidationError(f"cannot combine an addressee with {operand!r}")
    return tuple(dict.fromkeys(members))


@attrs.frozen
class AllStates(_Algebra):
    """Every State Party ("All States Parties will:")."""

    def evaluate(self, role_of: RoleLookup) -> Truth:  # noqa: ARG002 - same signature as the others
        """Return `Truth.YES`: every State Party is addressed."""
        return Truth.YES

    @property
    def roles(self) -> frozenset[Role]:
        """The roles the predicate depends on: none."""
        return frozenset()

    @property
    def circumstances(self) -> tuple[Circumstance, ...]:
        """The circumstances the predicate names: none."""
        return ()

    def describe(self) -> str:
        """Return the addressee in words."""
        return "all States Parties"


def _is_role(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Role):
        raise ValidationError(f"HasRole.{attribute.name} must be a Role, not {value!r}")


@attrs.frozen
class HasRole(_Algebra):
    """
    The States Parties that hold a role ("States Parties with cluster munition victims").

    ``reported`` marks a heading that speaks of States that "have reported" the role
    (actions 10 to 17: "States Parties that have reported cluster munition contaminated
    areas"). How that is read is a policy, `vap.ReportedAreas`: by default as holding it.
    """

    role: Role = attrs.field(validator=_is_role)
    reported: bool = attrs.field(
        default=False, kw_only=True, validator=is_instance(bool, "True or False")
    )

    def evaluate(self, role_of: RoleLookup) -> Truth:
        """Return whether the State holds the role."""
        return role_of(self.role)

    @property
    def roles(self) -> frozenset[Role]:
        """The roles the predicate depends on."""
        return frozenset((self.role,))

    @property
    def circumstances(self) -> tuple[Circumstance, ...]:
        """The circumstances the predicate names: none."""
        return ()

    def describe(self) -> str:
        """Return the addressee in words."""
        return f"States Parties {self._fragment()}"

    def _fragment(self) -> str:
        if self.reported:
            return f"that have reported {self.role.description.removeprefix('with ')}"
        return self.role.description


@attrs.frozen
class Circumstance(_Algebra):
    """
    A circumstance the text names and no data decides: its truth is always unknown.

    "in situations where assistance is required" (action 9) narrows whom a step binds,
    but whether assistance is required is a State's own judgement that no source records:
    a step with such a condition is `Truth.UNKNOWN` where it would otherwise apply, and
    `Truth.NO` where its addressees exclude the State anyway.
    """

    words: str = attrs.field(validator=non_empty)

    def evaluate(self, role_of: RoleLookup) -> Truth:  # noqa: ARG002 - same signature as the others
        """Return `Truth.UNKNOWN`: no fact decides a circumstance."""
        return Truth.UNKNOWN

    @property
    def roles(self) -> frozenset[Role]:
        """The roles the predicate depends on: none."""
        return frozenset()

    @property
    def circumstances(self) -> tuple[Circumstance, ...]:
        """The circumstances the predicate names: this one."""
        return (self,)

    def describe(self) -> str:
        """Return the addressee in words."""
        return f"States Parties for which {self.words}"

    def _fragment(self) -> str:
        return f"for which {self.words}"


def _at_least_two(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or len(value) < 2
        or not all(isinstance(member, ADDRESSEE_KINDS) for member in value)
    ):
        raise ValidationError(
            f"{type(instance).__name__}.{attribute.name} must hold two or more addressees,"
            f" not {value!r}"
        )


@attrs.frozen
class _Group(_Algebra):
    """What `AnyOf` and `AllOf` share: two or more members, joined by a word."""

    _word: ClassVar[str]
    members: tuple[Addressee, ...] = attrs.field(converter=as_tuple, validator=_at_least_two)

    @property
    def roles(self) -> frozenset[Role]:
        """The roles the predicate depends on."""
        return frozenset().union(*(member.roles for member in self.members))

    @property
    def circumstances(self) -> tuple[Circumstance, ...]:
        """The circumstances the predicate names, each once, in order."""
        return tuple(dict.fromkeys(c for member in self.members for c in member.circumstances))

    def describe(self) -> str:
        """Return the addressee in words."""
        return f"States Parties {self._fragment()}"

    def _fragment(self) -> str:
        return _join([_fragment(member) for member in self.members], self._word)


@attrs.frozen
class AnyOf(_Group):
    """The States Parties that satisfy at least one member (Kleene "or")."""

    _word: ClassVar[str] = "or"

    def evaluate(self, role_of: RoleLookup) -> Truth:
        """Return the Kleene disjunction of the members."""
        return Truth.any_of(member.evaluate(role_of) for member in self.members)


@attrs.frozen
class AllOf(_Group):
    """The States Parties that satisfy every member (Kleene "and")."""

    _word: ClassVar[str] = "and"

    def evaluate(self, role_of: RoleLookup) -> Truth:
        """Return the Kleene conjunction of the members."""
        return Truth.all_of(member.evaluate(role_of) for member in self.members)


def _is_addressee(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, ADDRESSEE_KINDS):
        raise ValidationError(f"Not.{attribute.name} must be an addressee, not {value!r}")


@attrs.frozen
class Not(_Algebra):
    """The States Parties that do not satisfy the operand (Kleene "not")."""

    operand: Addressee = attrs.field(validator=_is_addressee)

    def evaluate(self, role_of: RoleLookup) -> Truth:
        """Return the Kleene negation of the operand."""
        return ~self.operand.evaluate(role_of)

    @property
    def roles(self) -> frozenset[Role]:
        """The roles the predicate depends on."""
        return self.operand.roles

    @property
    def circumstances(self) -> tuple[Circumstance, ...]:
        """The circumstances the predicate names."""
        return self.operand.circumstances

    def describe(self) -> str:
        """Return the addressee in words."""
        if isinstance(self.operand, AllStates):
            return "no State Party"
        return f"States Parties {self._fragment()}"

    def _fragment(self) -> str:
        return f"other than those {_fragment(self.operand)}"


def _fragment(addressee: Addressee) -> str:
    if isinstance(addressee, AllStates):
        return "of any kind"
    text: str = addressee._fragment()  # noqa: SLF001 - a sibling class
    if isinstance(addressee, _Group):
        return f"({text})"
    return text


def _join(fragments: list[str], word: str) -> str:
    if len(fragments) == 2:
        return f"{fragments[0]} {word} {fragments[1]}"
    return ", ".join(fragments[:-1]) + f", {word} {fragments[-1]}"


Addressee: TypeAlias = AllStates | HasRole | Circumstance | AnyOf | AllOf | Not
"""Who an action is addressed to: one of the six predicate classes."""

ADDRESSEE_KINDS = (AllStates, HasRole, Circumstance, AnyOf, AllOf, Not)
"""The addressee classes, for checking that a value is one."""


def reported_roles(addressee: Addressee) -> frozenset[Role]:
    """The roles *addressee* names as reported ("States Parties that have reported ...")."""
    match addressee:
        case HasRole(reported=True):
            return frozenset((addressee.role,))
        case AnyOf() | AllOf():
            return frozenset().union(*(reported_roles(member) for member in addressee.members))
        case Not():
            return reported_roles(addressee.operand)
        case _:
            return frozenset()
