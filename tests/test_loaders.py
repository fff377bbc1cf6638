"""One convention for every loader: ``vap.load_<thing>(source, *, format=None)``."""

from __future__ import annotations

import inspect
import io
from pathlib import Path

import pytest

import vap

DATA = Path(vap.__file__).parent / "data"
LOADERS = [name for name in vap.__all__ if name.startswith("load_") and name != "load_states_csv"]
FORMATS = {
    "load_meetings": ("csv", "json"),
    "load_obligations": ("json",),
    "load_plan": ("json",),
    "load_progress": ("json", "csv"),
    "load_signatories": ("csv",),
    "load_states": ("json", "csv"),
}


def test_every_loader_follows_the_convention():
    assert set(LOADERS) == set(FORMATS)
    for name in LOADERS:
        parameters = list(inspect.signature(getattr(vap, name)).parameters.values())
        assert parameters[0].name == "source", name
        assert parameters[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, name
        (format_,) = [parameter for parameter in parameters if parameter.name == "format"]
        assert format_.kind is inspect.Parameter.KEYWORD_ONLY, name
        assert format_.default is None, name


@pytest.mark.parametrize("name", LOADERS)
def test_a_format_the_thing_does_not_have_is_refused(name, tmp_path):
    path = tmp_path / "anything.txt"
    path.write_text("", encoding="utf-8")
    expected = " or ".join(repr(kind) for kind in FORMATS[name])
    with pytest.raises(vap.FormatError, match=f"unknown format 'xml': expected {expected}"):
        getattr(vap, name)(path, format="xml")


def test_the_format_comes_from_the_suffix_or_is_given(tmp_path):
    meetings = vap.meetings()
    as_json = tmp_path / "meetings.JSON"
    as_json.write_text(vap.dumps(meetings), encoding="utf-8")
    assert vap.load_meetings(as_json) == meetings
    assert vap.load_meetings(DATA / "ccm-meetings.csv") == meetings
    with as_json.open("rb") as file:
        assert vap.load_meetings(file, format="json") == meetings
    with (DATA / "ccm-meetings.csv").open("rb") as file:
        assert vap.load_meetings(file) == meetings  # CSV where it cannot be told


def test_states_load_from_their_json_or_their_table(tmp_path):
    table = DATA / "states-parties.csv"
    from_table = vap.load_states(table)
    assert from_table == vap.load_states_csv(table)
    assert "LAO" in from_table
    as_json = tmp_path / "states.json"
    as_json.write_text(vap.dumps(from_table), encoding="utf-8")
    assert vap.load_states(as_json) == from_table
    assert vap.load_states(io.BytesIO(as_json.read_bytes())) == from_table


def test_single_format_loaders_read_any_name_in_their_format(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes((DATA / "vientiane-action-plan.json").read_bytes())
    assert vap.load_plan(plan, format="json") == vap.load_plan(plan)
    assert vap.load_signatories(DATA / "signatories.csv", format="csv") == vap.signatories()


def test_progress_from_an_open_file_needs_its_format():
    with pytest.raises(vap.FormatError, match="format= is needed for an open file"):
        vap.load_progress(io.BytesIO(b""))
