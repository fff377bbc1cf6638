"""`FrozenMap`: the read-only, hashable mapping frozen values hold."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from vap.model.frozen import FrozenMap, frozen_map

MAPPINGS = st.dictionaries(st.text(max_size=3), st.integers())


@given(MAPPINGS)
def test_it_is_the_mapping_it_was_given(items):
    frozen = FrozenMap(items)
    assert frozen == items
    assert dict(frozen) == items
    assert list(frozen) == list(items)
    assert len(frozen) == len(items)
    assert FrozenMap(items.items()) == frozen
    assert frozen != [*items]  # only mappings compare equal
    assert repr(frozen) == f"FrozenMap({items!r})"


@given(MAPPINGS, MAPPINGS)
def test_equal_maps_hash_alike(first, second):
    if first == second:
        assert hash(FrozenMap(first)) == hash(FrozenMap(second))
    assert (FrozenMap(first) == FrozenMap(second)) is (first == second)


@given(MAPPINGS)
def test_it_survives_pickling_and_cannot_be_changed(items):
    frozen = FrozenMap(items)
    assert pickle.loads(pickle.dumps(frozen)) == frozen  # noqa: S301 - our own bytes
    assert frozen_map(frozen) is frozen
    assert frozen_map(items) == frozen
    assert not hasattr(frozen, "__setitem__")
    items["longer"] = 1  # keys drawn are at most 3 characters: this one is new
    assert "longer" not in frozen  # a copy, not a view
