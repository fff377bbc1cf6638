"""The cache of the built-in data: current, and equal to what the loaders make."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Mapping

import attrs

import vap
from vap import data
from vap.data import cache, load_from_files


def test_the_cache_is_current():
    assert cache.read() is not None, "the data changed: run `make data` to rebuild built-in.pickle"


def test_the_cache_holds_exactly_what_the_loaders_make():
    cached = cache.read()
    assert cached is not None
    fresh = load_from_files()
    assert cached.keys() == fresh.keys()
    for name, value in fresh.items():
        assert cache.value(cached[name]) == value, name
    assert vap.states_parties() == fresh["states"]


def _attrs_values(value, seen):
    """Every attrs instance reachable from *value*, each once."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            if hasattr(value, field.name):
                yield from _attrs_values(getattr(value, field.name), seen)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _attrs_values(item, seen)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _attrs_values(item, seen)


def test_every_field_of_every_cached_value_is_set():
    # A class given a field after the cache was made unpickles without it: the values
    # would compare equal and fail only when the field is read. `make data` rebuilds.
    cached = cache.read()
    assert cached is not None
    values = {name: cache.value(pickled) for name, pickled in cached.items()}  # kept alive
    seen: set[int] = set()
    checked = 0
    for name, value in values.items():
        for found in _attrs_values(value, seen):
            missing = [f.name for f in attrs.fields(type(found)) if not hasattr(found, f.name)]
            assert not missing, f"{name}: {type(found).__name__} lacks {missing}: run make data"
            checked += 1
    assert checked > 2_500  # the States, their facts and evidence, the records, the plan


def test_the_first_schedule_unpickles_only_what_it_uses():
    code = (
        "import vap, vap.data as data; vap.schedule(vap.states_parties()['LAO']);"
        " print(*sorted(data._values))"
    )
    ran = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert ran.stdout.split() == ["obligations", "plan", "states"]


def test_a_value_the_cache_cannot_give_comes_from_the_files(monkeypatch):
    monkeypatch.setattr(data, "_values", {})
    monkeypatch.setattr(data, "_cached", lambda: {"signatories": b"not a pickle"})
    assert data.signatories() == load_from_files()["signatories"]
    assert cache.value(b"not a pickle") is None


def test_a_stale_or_broken_cache_is_not_used(tmp_path):
    stale = tmp_path / "built-in.pickle"
    stale.write_bytes(pickle.dumps({"digest": "not the files'"}))
    assert cache.read(stale) is None
    stale.write_bytes(pickle.dumps({"digest": cache.digest(), "values": "not a dict"}))
    assert cache.read(stale) is None
    stale.write_bytes(b"not a pickle")
    assert cache.read(stale) is None
    assert cache.read(tmp_path / "missing.pickle") is None


def test_without_the_cache_every_value_comes_from_the_files(monkeypatch):
    names = (
        "meetings",
        "vientiane_action_plan",
        "convention_obligations",
        "states_parties",
        "reports",
        "signatories",
    )
    cached = {name: getattr(vap, name)() for name in names}
    monkeypatch.setattr(data, "_values", {})
    monkeypatch.setattr(data, "_cached", lambda: None)
    for name, value in cached.items():
        assert getattr(vap, name)() == value, name
