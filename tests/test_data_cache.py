"""The cache of the built-in data: current, and equal to what the loaders make."""

from __future__ import annotations

import pickle

import vap
from vap.data import cache, load_from_files


def test_the_cache_is_current():
    cached = cache.read()
    assert cached is not None, "the data changed: run `make data` to rebuild built-in.pickle"
    assert cached["digest"] == cache.digest()


def test_the_cache_holds_exactly_what_the_loaders_make():
    cached = cache.read()
    assert cached is not None
    fresh = load_from_files()
    for name, value in fresh.items():
        assert cached[name] == value, name
    assert vap.states_parties() == fresh["states"]


def test_a_stale_or_broken_cache_is_not_used(tmp_path):
    stale = tmp_path / "built-in.pickle"
    stale.write_bytes(pickle.dumps({"digest": "not the files'"}))
    assert cache.read(stale) is None
    stale.write_bytes(b"not a pickle")
    assert cache.read(stale) is None
    assert cache.read(tmp_path / "missing.pickle") is None
