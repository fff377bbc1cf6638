"""A read-only registry of States Parties keyed by ISO alpha-3 code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from vap.errors import UnknownKeyError, ValidationError
from vap.model.states import StateParty
from vap.model.validators import repeated

__all__ = ["StatesParties"]


def _by_code(states: Iterable[StateParty]) -> tuple[StateParty, ...]:
    items = tuple(states)
    if all(isinstance(state, StateParty) for state in items):
        return tuple(sorted(items, key=lambda state: state.code))
    return items


def _distinct(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, StateParty) for item in value):
        raise ValidationError(f"StatesParties.{attribute.name} must be StateParty values")
    codes = [state.code for state in value]
    twice = repeated(codes)
    if twice:
        raise ValidationError(
            f"StatesParties.{attribute.name}: the code {twice[0]} is used more than once"
        )


@attrs.frozen(repr=False)
class StatesParties(Mapping[str, StateParty]):
    """
    States Parties keyed by ISO alpha-3 code, in code order; read-only.

    ``states["LAO"]`` gives a `StateParty`; ``states.values()`` all of them, ready for
    `vap.schedule`.
    """

    states: tuple[StateParty, ...] = attrs.field(converter=_by_code, validator=_distinct)
    _index: dict[str, StateParty] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {state.code: state for state in self.states})

    def __getitem__(self, code: str) -> StateParty:
        try:
            return self._index[code]
        except (KeyError, TypeError):
            raise UnknownKeyError(
                f"unknown State Party {code!r}: expected an ISO alpha-3 code such as 'LAO'"
                f" ({len(self._index)} States Parties are known)"
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self.states)

    def __contains__(self, code: object) -> bool:
        return code in self._index

    def __repr__(self) -> str:
        return f"<StatesParties: {len(self.states)} States Parties>"

    def _repr_html_(self) -> str:
        from vap.exports.html import states_html  # noqa: PLC0415 - only notebooks need it

        return states_html(self.states)
