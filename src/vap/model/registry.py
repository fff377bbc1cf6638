"""Read-only registries keyed by ISO alpha-3 code: States Parties, and signatories."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol, TypeVar

import attrs

from vap.errors import UnknownKeyError, ValidationError
from vap.model.dates import as_date
from vap.model.frozen import FrozenMap
from vap.model.states import Signatory, StateParty
from vap.model.validators import converter, repeated

__all__ = ["Signatories", "StatesParties"]


def _by_code(values: Iterable[Any]) -> tuple[Any, ...]:
    """A converter: the values in code order (left as they are unless all are registered)."""
    items = tuple(values)
    if all(isinstance(item, (StateParty, Signatory)) for item in items):
        return tuple(sorted(items, key=lambda item: item.code))
    return items


converter(_by_code)


def _distinct_codes(kind: type[Any]) -> Any:
    """A validator: *kind* values only, each code once."""

    def distinct(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        where = f"{type(instance).__name__}.{attribute.name}"
        if not isinstance(value, tuple) or not all(isinstance(item, kind) for item in value):
            raise ValidationError(f"{where} must be {kind.__name__} values")
        twice = repeated(item.code for item in value)
        if twice:
            raise ValidationError(f"{where}: the code {twice[0]} is used more than once")

    return distinct


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


V = TypeVar("V", bound=_Coded)


class _ByCode(Mapping[str, V]):
    """What both registries share: a read-only mapping from code to value, in code order."""

    _index: Mapping[str, V]

    def _make_index(self, values: Iterable[V]) -> None:
        object.__setattr__(self, "_index", FrozenMap((item.code, item) for item in values))

    def _unknown(self, code: object) -> str:
        """The message for a code that is not there."""
        raise NotImplementedError

    def __getitem__(self, code: str) -> V:
        try:
            return self._index[code]
        except KeyError:  # an unhashable key too: FrozenMap says UnknownKeyError
            raise UnknownKeyError(self._unknown(code)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, code: object) -> bool:
        return code in self._index


@attrs.frozen(repr=False)
class StatesParties(_ByCode[StateParty]):
    """
    States Parties keyed by ISO alpha-3 code, in code order; read-only.

    ``states["LAO"]`` gives a `StateParty`; ``states.values()`` all of them, ready for
    `vap.schedule`.
    """

    states: tuple[StateParty, ...] = attrs.field(
        converter=_by_code, validator=_distinct_codes(StateParty)
    )
    _index: Mapping[str, StateParty] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._make_index(self.states)

    def _unknown(self, code: object) -> str:
        return (
            f"unknown State Party {code!r}: expected an ISO alpha-3 code such as 'LAO'"
            f" ({len(self)} States Parties are known)"
        )

    def on(self, day: datetime.date) -> StatesParties:
        """
        Return the States bound by the Convention on *day*.

        From entry into force until a withdrawal takes effect (`StateParty.is_party`).
        """
        when = as_date(day, field="day")
        return StatesParties(state for state in self.states if state.is_party(on=when))

    def __repr__(self) -> str:
        return f"<StatesParties: {len(self)} States Parties>"

    def _repr_html_(self) -> str:
        from vap import exports  # noqa: PLC0415 - the notebook view, from the exports layer

        return exports.html(self)


@attrs.frozen(repr=False)
class Signatories(_ByCode[Signatory]):
    """The States that signed the Convention and did not ratify it, keyed by code; read-only."""

    signatories: tuple[Signatory, ...] = attrs.field(
        converter=_by_code, validator=_distinct_codes(Signatory)
    )
    _index: Mapping[str, Signatory] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._make_index(self.signatories)

    def _unknown(self, code: object) -> str:
        return (
            f"unknown signatory {code!r}: expected the ISO alpha-3 code of a State that"
            f" signed and did not ratify ({len(self)} are known)"
        )

    def __repr__(self) -> str:
        return f"<Signatories: {len(self)} States>"
