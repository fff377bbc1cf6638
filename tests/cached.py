"""A law both cached fields share: what a value keeps for later stays out of the value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs


def assert_kept_out_of_the_value(value: Any, read: Callable[[Any], Any]) -> None:
    """
    A copy of *value* equals it, hashes and prints alike, and makes *read* of it anew.

    *read* gives the cached field (``lambda fact: fact.reason``); the copy's is equal to
    the original's but its own, so the cache never leaks into equality or into copies.
    """
    kept = read(value)
    copy = attrs.evolve(value)
    assert copy == value
    assert hash(copy) == hash(value)
    assert repr(copy) == repr(value)
    assert read(copy) == kept
    assert read(copy) is not kept
