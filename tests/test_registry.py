"""The built-in States Parties against the research data they were derived from."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

import vap
from vap import Role, Truth
from vap.model.extensions import EXTENSION_RULES

INITIAL_REPORT = vap.Period(days=180)

SHARED = Path(__file__).parent / "fixtures" / "shared-data"


def read(name):
    with (SHARED / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


ROWS = read("ccm-states-parties.csv")
COLUMNS = {
    "stockpiles": Role.STOCKPILES,
    "contaminated": Role.CONTAMINATED,
    "victims": Role.VICTIMS,
}


@pytest.fixture(scope="module")
def states():
    return vap.states_parties()


def test_every_state_party_of_the_research_data(states):
    assert len(states) == len(ROWS) == 86
    assert sorted(states) == sorted(row["iso3"] for row in ROWS)
    assert list(states) == sorted(states)


@pytest.mark.parametrize("row", ROWS, ids=[row["iso3"] for row in ROWS])
def test_deposits_names_and_instruments(states, row):
    state = states[row["iso3"]]
    assert state.name == row["name"]
    assert state.instrument.value == row["instrument"]
    if row["deposit_date"]:
        assert state.deposited == date.fromisoformat(row["deposit_date"])
        assert state.entry_into_force == vap.entry_into_force(state.deposited)
    else:
        assert state.deposited is None
        assert state.entry_into_force == date.fromisoformat(row["entry_into_force"])
    assert state.note == row["notes"]


@pytest.mark.parametrize("row", ROWS, ids=[row["iso3"] for row in ROWS])
def test_role_values_at_entry_into_force_follow_the_research_data(states, row):
    """yes and no hold at entry into force, except where the notes date a change before it."""
    state = states[row["iso3"]]
    for column, role in COLUMNS.items():
        facts = [fact for fact in state.facts if fact.role is role]
        value = row[column]
        if value == "":
            assert not facts, f"{column} is blank in the research data: unknown, never no"
            assert state.role(role, on=state.entry_into_force) is Truth.UNKNOWN
        else:
            assert facts
            assert state.role(role, on=state.entry_into_force) is Truth(value)


def test_unsourced_roles_stay_unknown(states):
    for state in states.values():
        for role in (Role.IN_POSITION_TO_ASSIST, Role.NO_IMPLEMENTATION_MEASURES, Role.RETAINS):
            assert state.role(role, on=date(2012, 1, 1)) is Truth.UNKNOWN


def test_dated_changes(states):
    germany = states["DEU"]
    assert germany.role(Role.STOCKPILES, on=date(2015, 11, 24)) is Truth.YES
    assert germany.role(Role.STOCKPILES, on=date(2015, 11, 25)) is Truth.NO
    # Destroyed in July 2013, day unknown: yes before, unknown during, no after.
    chile = states["CHL"]
    assert chile.role(Role.STOCKPILES, on=date(2013, 6, 30)) is Truth.YES
    assert chile.role(Role.STOCKPILES, on=date(2013, 7, 15)) is Truth.UNKNOWN
    assert chile.role(Role.STOCKPILES, on=date(2013, 8, 1)) is Truth.NO
    # Destroyed before entry into force.
    assert states["NOR"].role(Role.STOCKPILES, on=date(2010, 8, 1)) is Truth.NO
    # Clearance completed on a day no source gives: known at entry into force only.
    assert states["NOR"].role(Role.CONTAMINATED, on=date(2010, 8, 1)) is Truth.YES
    assert states["NOR"].role(Role.CONTAMINATED, on=date(2012, 1, 1)) is Truth.UNKNOWN


def test_conflicting_sources_leave_the_role_unknown(states):
    assert states["GNB"].role(Role.STOCKPILES, on=date(2012, 1, 1)) is Truth.UNKNOWN


def test_a_state_with_unknown_stockpiles_is_unknown_for_action_8(states):
    (item,) = vap.schedule(states["LAO"]).for_key("VAP-8.1")
    assert item.applies is Truth.UNKNOWN
    assert "with cluster munition stockpiles: unknown, no fact covers that day" in str(item.reasons)


def test_every_source_resolves(states):
    known = vap.sources()
    cited = [
        source
        for state in states.values()
        for source in (
            *state.sources,
            *(s for fact in state.facts for s in fact.sources),
            *(s for extension in state.extensions for s in extension.sources),
        )
    ]
    assert cited
    assert [
        source for source in cited if source not in known and not source.startswith("http")
    ] == []


def test_every_source_of_the_notes_is_kept(states):
    for row in ROWS:
        state = states[row["iso3"]]
        kept = {
            *state.sources,
            *(source for fact in state.facts for source in fact.sources),
            *(source for extension in state.extensions for source in extension.sources),
        }
        notes = re.sub(r"\[[^]]*\]", "", row["notes"])
        for key in re.findall(r"[A-Z][A-Z0-9-]+", notes):
            if key in vap.sources():
                assert key in kept, (row["iso3"], key)


def test_extensions_follow_the_research_data(states):
    rows = read("ccm-extensions.csv")
    packaged = [(code, e) for code, state in states.items() for e in state.extensions]
    assert len(packaged) == len(rows)
    for row in rows:
        key = "CCM-3.2" if row["article"] == "3" else "CCM-4.1a"
        until = date.fromisoformat(row["new_deadline"]) if row["new_deadline"] else None
        assert any(
            code == row["iso3"] and e.obligation == key and e.until == until for code, e in packaged
        ), row


def test_meetings_follow_the_research_data():
    rows = read("ccm-meetings.csv")
    calendar = vap.meetings()
    assert len(calendar) == len(rows)
    for row in rows:
        meeting = calendar[row["key"]]
        assert (meeting.name, meeting.city) == (row["name"], row["city"])
        assert (str(meeting.opens), str(meeting.closes)) == (row["start"], row["end"])


def test_convention_obligations():
    obligations = vap.convention_obligations()
    assert [o.key for o in obligations] == [
        "CCM-3.2",
        "CCM-3.8",
        "CCM-4.1a",
        "CCM-4.1b",
        "CCM-7.1",
        "CCM-7.2",
    ]
    assert obligations["CCM-7.1"].timeline == vap.Within(vap.Period(days=180))
    assert "CCM-7.2" in obligations
    assert len(obligations) == 6
    assert str(obligations["CCM-3.2"]) == (
        "CCM-3.2 Destroy stockpiled cluster munitions (Article 3(2))"
    )
    with pytest.raises(vap.UnknownKeyError, match="unknown obligation 'CCM-9.9'"):
        obligations["CCM-9.9"]


def test_extension_rules_agree_with_the_obligations():
    obligations = vap.convention_obligations()
    for key, rule in EXTENSION_RULES.items():
        assert obligations[key].timeline == vap.Within(rule.deadline)
    assert obligations["CCM-7.1"].timeline == vap.Within(INITIAL_REPORT)


def test_registry_is_a_read_only_mapping(states):
    assert "LAO" in states
    assert states.get("XXX") is None
    with pytest.raises(vap.UnknownKeyError, match="unknown State Party 'XXX'"):
        states["XXX"]
    with pytest.raises(TypeError):
        states["LAO"] = states["LAO"]  # type: ignore[index]
    assert "<table" in states._repr_html_()
