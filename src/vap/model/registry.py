"""Read-only registries keyed by ISO alpha-3 code: States Parties, and signatories."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from vap.errors import UnknownKeyError, ValidationError
from vap.model.dates import as_date
from vap.model.frozen import FrozenMap
from vap.model.states import Signatory, StateParty
from vap.model.validators import converter, repeated

__all__ = ["Signatories", "StatesParties"]


def _by_code(states: Iterable[StateParty]) -> tuple[StateParty, ...]:
    items = tuple(states)
    if all(isinstance(state, StateParty) for state in items):
        return tuple(sorted(items, key=lambda state: state.code))
    return items


converter(_by_code)


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
    _index: Mapping[str, StateParty] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index = {state.code: state for state in self.states}
        object.__setattr__(self, "_index", FrozenMap(index))

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

    def on(self, day: datetime.date) -> StatesParties:
        """
        Return the States bound by the Convention on *day*.

        From entry into force until a withdrawal takes effect (`StateParty.is_party`).
        """
        when = as_date(day, field="day")
        return StatesParties(state for state in self.states if state.is_party(on=when))

    def __repr__(self) -> str:
        return f"<StatesParties: {len(self.states)} States Parties>"

    def _repr_html_(self) -> str:
        from vap import exports  # noqa: PLC0415 - the notebook view, from the exports layer

        return exports.html(self)


def _signatories_by_code(signatories: Iterable[Signatory]) -> tuple[Signatory, ...]:
    items = tuple(signatories)
    if all(isinstance(item, Signatory) for item in items):
        return tuple(sorted(items, key=lambda item: item.code))
    return items


converter(_signatories_by_code)


def _distinct_signatories(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, Signatory) for item in value):
        raise ValidationError(f"Signatories.{attribute.name} must be Signatory values")
    twice = repeated(item.code for item in value)
    if twice:
        raise ValidationError(
            f"Signatories.{attribute.name}: the code {twice[0]} is used more than once"
        )


@attrs.frozen(repr=False)
class Signatories(Mapping[str, Signatory]):
    """The States that signed the Convention and did not ratify it, keyed by code; read-only."""

    signatories: tuple[Signatory, ...] = attrs.field(
        converter=_signatories_by_code, validator=_distinct_signatories
    )
    _index: Mapping[str, Signatory] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index = {item.code: item for item in self.signatories}
        object.__setattr__(self, "_index", FrozenMap(index))

    def __getitem__(self, code: str) -> Signatory:
        try:
            return self._index[code]
        except (KeyError, TypeError):
            raise UnknownKeyError(
                f"unknown signatory {code!r}: expected the ISO alpha-3 code of a State that"
                f" signed and did not ratify ({len(self._index)} are known)"
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self.signatories)

    def __repr__(self) -> str:
        return f"<Signatories: {len(self.signatories)} States>"
