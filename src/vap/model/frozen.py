"""An immutable, hashable mapping, for the values that hold mappings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar

from vap.errors import UnknownKeyError
from vap.model.validators import converter

__all__ = ["FrozenMap", "frozen_map"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """
    A read-only mapping that compares and hashes by its items, in insertion order.

    Frozen values that hold mappings (`vap.Indicator.states`, `vap.StateSummary.sections`)
    hold these, so that nothing outside can change them and the values stay hashable.
    """

    __slots__ = ("_items", "_key")

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._items: dict[K, V] = dict(items)
        self._key: int | None = None

    def __getitem__(self, key: K) -> V:
        try:
            return self._items[key]
        except (KeyError, TypeError):  # TypeError: an unhashable key, which no map holds
            raise UnknownKeyError(f"unknown key {key!r}: not among the {len(self)} held") from None

    def __contains__(self, key: object) -> bool:
        try:
            return key in self._items
        except TypeError:
            return False

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._key is None:
            self._key = hash(frozenset(self._items.items()))
        return self._key

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (tuple(self._items.items()),))


def frozen_map(value: Mapping[Any, Any] | Iterable[tuple[Any, Any]]) -> FrozenMap[Any, Any]:
    """A converter for attrs fields: any mapping (or pairs) as a `FrozenMap`."""
    if isinstance(value, FrozenMap):
        return value
    return FrozenMap(value)


converter(frozen_map)
