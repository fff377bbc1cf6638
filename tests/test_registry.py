"""The built-in world: every State that joined, its roles, each fact on its sources' words."""

from __future__ import annotations

import csv
from datetime import date
from importlib.resources import files

import pendulum
import pytest

import vap
from vap import Role, Truth

DATA = files("vap.data")


def table(name):
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


STATES = table("states-parties.csv")
EVIDENCE = table("role-evidence.csv")
LISTS = table("role-lists.csv")


@pytest.fixture(scope="module")
def states():
    return vap.states_parties()


def test_membership_is_complete_to_date(states):
    # 112 States Parties after Vanuatu's accession (2025) and Lithuania's withdrawal (2025),
    # and 12 signatories that never ratified, as the support unit counts them.
    assert len(states) == 113
    assert len(states.on(date(2026, 3, 1))) == 112
    assert len(vap.signatories()) == 12
    assert not set(states) & set(vap.signatories())
    assert list(states) == sorted(states)


@pytest.mark.parametrize(
    ("code", "deposited", "entry_into_force"),
    [
        ("VUT", date(2025, 9, 5), date(2026, 3, 1)),
        ("NGA", date(2023, 2, 28), date(2023, 8, 1)),
        ("SSD", date(2023, 8, 3), date(2024, 2, 1)),
        ("LKA", date(2018, 3, 1), date(2018, 9, 1)),
        ("PHL", date(2019, 1, 3), date(2019, 7, 1)),
        ("NIU", date(2020, 8, 6), date(2021, 2, 1)),
    ],
)
def test_the_newest_states_parties(states, code, deposited, entry_into_force):
    state = states[code]
    assert state.deposited == deposited
    assert state.entry_into_force == entry_into_force


def test_lithuania_withdrew(states):
    lithuania = states["LTU"]
    assert lithuania.withdrawal is not None
    assert lithuania.withdrawal.effective == date(2025, 3, 6)
    assert lithuania.is_party(on=date(2025, 3, 5))
    assert not lithuania.is_party(on=date(2025, 3, 6))
    assert "LTU" in states
    assert "LTU" not in states.on(date(2025, 3, 6))
    schedule = vap.schedule(lithuania, until=date(2030, 12, 31))
    assert all(item.date < date(2025, 3, 6) for item in schedule)
    assert [item.year for item in schedule.for_key("CCM-7.2")][-1] == 2024


@pytest.mark.parametrize("row", STATES, ids=[row["code"] for row in STATES])
def test_each_state_follows_its_row(states, row):
    state = states[row["code"]]
    assert state.name == row["name"]
    if row["deposited"]:
        assert state.deposited == date.fromisoformat(row["deposited"])
        assert state.entry_into_force == vap.entry_into_force(state.deposited)
    assert row["sources"], "every State names the sources of its membership"


def test_every_fact_rests_on_quoted_evidence(states):
    known = vap.sources()
    for state in states.values():
        for fact in state.facts:
            assert fact.evidence, (state.code, fact.describe())
            for evidence in fact.evidence:
                assert evidence.quote.strip(), (state.code, fact.describe())
                assert evidence.source in known, (state.code, evidence.source)


def _observed(row):
    return Truth(row["value"])


@pytest.mark.parametrize(
    "row", EVIDENCE, ids=lambda row: f"{row['state']}-{row['role']}-{row['on']}"
)
def test_no_fact_contradicts_its_own_evidence(states, row):
    """Every observation holds on its day, or is unknown there only where its day is a window."""
    state = states[row["state"]]
    role = Role.parse(row["role"])
    day = date.fromisoformat(row["on"])
    if day < state.entry_into_force:
        return  # before the State was bound: nothing is kept of it
    if row["kind"] == "from" and row["precision"] == "month":  # settled on its last day
        day = pendulum.Date(day.year, day.month, 1).end_of("month")
    elif row["kind"] == "from" and row["precision"] == "year":
        day = date(day.year, 12, 31)
    assert state.role(role, on=day) is _observed(row), row["quote"]


@pytest.mark.parametrize("row", LISTS, ids=[row["list"] for row in LISTS])
def test_every_complete_list_holds_on_its_day(states, row):
    day = date.fromisoformat(row["as_of"])
    role = Role.parse(row["role"])
    members = {code for code in row["members"].split(";") if code}
    unclear = {code for code in row["unclear"].split(";") if code}
    for state in states.values():
        if not state.is_party(on=day):
            continue
        value = state.role(role, on=day)
        if state.code in unclear:  # the source calls it unclear: unknown that day
            assert row["reading"] == "ever" or value is Truth.UNKNOWN, (state.code, row["list"])
        elif state.code in members and row["reading"] == "on-date":
            assert value is Truth(row["value"]), (state.code, row["list"])
        elif state.code not in members and row["complete"] == "yes":
            assert value is ~Truth(row["value"]), (state.code, row["list"])


def test_every_source_resolves():
    known = vap.sources()
    for name in ("role-evidence.csv", "role-lists.csv"):
        for row in table(name):
            assert row["source"] in known, (name, row["source"])
    for name in ("states-parties.csv", "extensions.csv", "signatories.csv"):
        for row in table(name):
            for key in filter(None, row["sources"].split(";")):
                assert key in known or key.startswith("http"), (name, key)


@pytest.mark.parametrize(
    ("code", "role", "day", "value"),
    [
        ("DEU", Role.STOCKPILES, date(2015, 11, 24), Truth.YES),
        ("DEU", Role.STOCKPILES, date(2015, 11, 25), Truth.NO),
        ("JPN", Role.STOCKPILES, date(2015, 2, 9), Truth.NO),
        ("HRV", Role.CONTAMINATED, date(2021, 1, 1), Truth.NO),
        ("LAO", Role.CONTAMINATED, date(2020, 1, 1), Truth.YES),
        ("LAO", Role.VICTIMS, date(2013, 7, 1), Truth.YES),
        ("IRL", Role.STOCKPILES, date(2012, 1, 1), Truth.NO),
        # The Netherlands' own words: what it retained it sent for destruction in March 2020,
        # and the Monitor dates the destruction only to 2020.
        ("NLD", Role.RETAINS, date(2020, 1, 1), Truth.YES),
        ("NLD", Role.RETAINS, date(2020, 2, 29), Truth.YES),
        ("NLD", Role.RETAINS, date(2020, 3, 1), Truth.UNKNOWN),
        ("NLD", Role.RETAINS, date(2021, 1, 1), Truth.NO),
        # Slovakia's munitions declared for retention, still held in 2019 and November 2020,
        # destroyed some day after that in 2020 (CMM 2021).
        ("SVK", Role.RETAINS, date(2020, 1, 1), Truth.YES),
        ("SVK", Role.RETAINS, date(2020, 12, 1), Truth.UNKNOWN),
        ("SVK", Role.RETAINS, date(2021, 1, 1), Truth.NO),
        # Lao PDR's initial report (25 January 2011): no stockpile, including for training.
        ("LAO", Role.RETAINS, date(2011, 1, 24), Truth.UNKNOWN),
        ("LAO", Role.RETAINS, date(2020, 1, 1), Truth.NO),
        # The Monitor's "not known to have ... stockpiled", then Guyana's own initial report.
        ("GUY", Role.STOCKPILES, date(2020, 1, 1), Truth.NO),
        # Guinea-Bissau's own report of 1 January 2020 still said it possessed them; experts
        # found none later that month, and it said so itself in 2022.
        ("GNB", Role.STOCKPILES, date(2020, 1, 1), Truth.YES),
        ("GNB", Role.STOCKPILES, date(2020, 6, 1), Truth.UNKNOWN),
        ("GNB", Role.STOCKPILES, date(2022, 9, 1), Truth.NO),
        # Existing law reported as sufficient in the only report filed by then (9 May 2011);
        # "has not declared any" measures, up to its own day.
        ("MLT", Role.NO_IMPLEMENTATION_MEASURES, date(2011, 5, 8), Truth.UNKNOWN),
        ("MLT", Role.NO_IMPLEMENTATION_MEASURES, date(2011, 6, 1), Truth.NO),
        ("MCO", Role.NO_IMPLEMENTATION_MEASURES, date(2011, 6, 1), Truth.YES),
        ("SLE", Role.NO_IMPLEMENTATION_MEASURES, date(2011, 6, 1), Truth.YES),
        ("VAT", Role.NO_IMPLEMENTATION_MEASURES, date(2011, 6, 1), Truth.NO),
        # "No State Party completed the destruction of its cluster munition stocks in the
        # second half of 2016 or first half of 2017"; Spain's were destroyed in 2017.
        ("ESP", Role.STOCKPILES, date(2017, 6, 30), Truth.YES),
        ("ESP", Role.STOCKPILES, date(2017, 7, 1), Truth.UNKNOWN),
        ("ESP", Role.STOCKPILES, date(2018, 1, 1), Truth.NO),
        # The Monitor's "Not retaining" of August 2012, before Italy's first report; its report
        # for 2012 describes the munitions it retains, and the Monitor says so from 2015.
        ("ITA", Role.RETAINS, date(2012, 8, 17), Truth.NO),
        ("ITA", Role.RETAINS, date(2012, 9, 1), Truth.UNKNOWN),
        ("ITA", Role.RETAINS, date(2013, 1, 1), Truth.YES),
        ("ITA", Role.RETAINS, date(2015, 6, 1), Truth.YES),
        # An Article 4(1)(a) deadline of 1 August 2020 speaks for entry into force, 2010-08-01:
        # Norway's range and Croatia's and Montenegro's areas, which all three later cleared.
        ("NOR", Role.CONTAMINATED, date(2010, 8, 1), Truth.YES),
        ("NOR", Role.CONTAMINATED, date(2010, 8, 2), Truth.UNKNOWN),  # off the list of 1 Sept
        ("HRV", Role.CONTAMINATED, date(2010, 8, 1), Truth.YES),
        ("MNE", Role.CONTAMINATED, date(2010, 8, 1), Truth.YES),
        ("CHL", Role.CONTAMINATED, date(2011, 6, 1), Truth.YES),
    ],
)
def test_dated_facts(states, code, role, day, value):
    assert states[code].role(role, on=day) is value


def test_croatias_contamination_ends_with_its_declaration(states):
    croatia = states["HRV"]
    (ended,) = [
        fact for fact in croatia.facts if fact.role is Role.CONTAMINATED and fact.value is Truth.YES
    ]
    assert ended.until is not None
    assert ended.until <= date(2020, 7, 10)


_EXTENDED_ROLE = {"CCM-3.2": Role.STOCKPILES, "CCM-4.1a": Role.CONTAMINATED}


def test_an_extended_deadline_means_the_role_on_entry_into_force(states):
    """
    A State that asked to extend its Article 3(2) or 4(1)(a) deadline held the role then.

    Both deadlines count from entry into force and bind what the State held on that day (its
    stockpile; the remnants in areas under its jurisdiction or control "at the date of entry
    into force"), so the data must not call that day's role NO or unknown.
    """
    extended = {
        (state.code, extension.obligation)
        for state in states.values()
        for extension in state.extensions
    }
    assert len(extended) >= 12  # ten States for Article 4, Bulgaria and Peru for Article 3
    for code, obligation in sorted(extended):
        state = states[code]
        role = _EXTENDED_ROLE[obligation]
        assert state.role(role, on=state.entry_into_force) is Truth.YES, (code, obligation)
        (item,) = (item for item in vap.schedule(state) if item.key == obligation)
        assert item.applies is Truth.YES, (code, obligation)


def test_meetings_to_date():
    calendar = vap.meetings()
    assert calendar["10MSP"].opens == date(2022, 8, 30)
    assert (calendar["11MSP"].opens, calendar["11MSP"].closes) == (
        date(2023, 9, 11),
        date(2023, 9, 14),
    )
    assert calendar["12MSP"].opens == date(2024, 9, 10)
    assert calendar["13MSP"].opens == date(2025, 9, 16)


def test_convention_obligations():
    obligations = vap.convention_obligations()
    assert [obligation.key for obligation in obligations] == [
        "CCM-3.2",
        "CCM-3.8",
        "CCM-4.1a",
        "CCM-4.1b",
        "CCM-7.1",
        "CCM-7.2",
    ]
    assert obligations["CCM-7.1"].timeline == vap.Within(vap.Period(days=180))


def test_registry_is_a_read_only_mapping(states):
    assert isinstance(states, vap.StatesParties)
    with pytest.raises(vap.UnknownKeyError, match="unknown State Party 'XXX'"):
        states["XXX"]
    with pytest.raises(TypeError):
        states["LAO"] = states["LAO"]  # type: ignore[index]
    assert repr(states) == "<StatesParties: 113 States Parties>"
    assert repr(vap.signatories()) == "<Signatories: 12 States>"
    assert str(vap.signatories()["AGO"]).startswith("Angola (AGO), signed 2008-12-03")
