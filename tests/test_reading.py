"""
The one reading of observations into facts (`vap.read_facts`), stated day by day as laws.

The reading builds spans; these laws ask each day what the rules of the data page say of
it, from the observations alone: the value of the last observation settled by then, where
rules 2 to 4 let it run on, and unknown elsewhere.
"""

from __future__ import annotations

import datetime

import attrs
from hypothesis import given
from hypothesis import strategies as st

import vap
from vap import Observation, Role, Truth
from vap.data.quality import why_unknown
from vap.testing import strategies as vst

EVIDENCE = vap.Evidence(source="S", as_of=datetime.date(2017, 8, 1), quote="q")


def by_the_rules(observations: list[Observation], day: datetime.date) -> Truth:
    """What the rules say of *day*, from observations settled on distinct days."""
    ordered = sorted(observations, key=lambda observation: observation.settled)
    before = [observation for observation in ordered if observation.settled <= day]
    if not before:
        return Truth.UNKNOWN  # rule 5: nothing is read backwards
    point = before[-1]
    later = ordered[len(before)] if len(before) < len(ordered) else None
    if point.value is Truth.UNKNOWN or day == point.settled or later is None:
        return point.value  # its own day (rule 1), and on after the last one (rule 4)
    if later.change:  # rule 3: the earlier value runs until the change's window opens
        end = max(later.on, point.settled + datetime.timedelta(days=1))
        return point.value if day < end else Truth.UNKNOWN
    return point.value if later.value is point.value else Truth.UNKNOWN  # rules 2 and 3


def _one_role(observations: list[Observation]) -> list[Observation]:
    """The observations as statements about one role, each settled on its own day."""
    settled: set[datetime.date] = set()
    kept = []
    for observation in observations:
        if observation.settled not in settled and not observation.reaches_back:
            settled.add(observation.settled)
            kept.append(observation)
    return [attrs.evolve(observation, role=Role.STOCKPILES) for observation in kept]


@given(st.lists(vst.observations(), max_size=6), st.lists(vst.dates(), min_size=1, max_size=8))
def test_each_day_reads_as_the_rules_say(observations, days):
    given_ = _one_role(observations)
    facts = vap.read_facts(given_)
    for day in [*days, *(observation.settled for observation in given_)]:
        covering = [fact for fact in facts if fact.covers(day)]
        assert len(covering) <= 1
        found = covering[0].value if covering else Truth.UNKNOWN
        assert found is by_the_rules(given_, day), (day, [o.describe() for o in given_])


def test_a_source_calling_a_role_unclear_stops_a_value_running_through():
    def seen(value: Truth, year: int) -> Observation:
        day = datetime.date(year, 8, 1)
        return Observation(role=Role.CONTAMINATED, value=value, on=day, evidence=EVIDENCE)

    bridged = vap.read_facts([seen(Truth.NO, 2011), seen(Truth.NO, 2019)])
    assert [(fact.since, fact.until) for fact in bridged] == [(datetime.date(2011, 8, 1), None)]
    broken = vap.read_facts([seen(Truth.NO, 2011), seen(Truth.UNKNOWN, 2017), seen(Truth.NO, 2019)])
    assert [(fact.since, fact.until) for fact in broken] == [
        (datetime.date(2011, 8, 1), datetime.date(2011, 8, 2)),
        (datetime.date(2019, 8, 1), None),
    ]


def test_colombia_is_unknown_where_the_monitor_called_it_unclear():
    colombia = vap.states_parties()["COL"]
    # Monitor 2017: "Unclear whether contaminated: Colombia, Democratic Republic of the Congo".
    assert colombia.role(Role.CONTAMINATED, on=datetime.date(2017, 8, 1)) is Truth.UNKNOWN
    assert colombia.role(Role.CONTAMINATED, on=datetime.date(2016, 3, 1)) is Truth.UNKNOWN
    # Mine Action Review, 1 July 2019: a complete list of the States Parties contaminated.
    assert colombia.role(Role.CONTAMINATED, on=datetime.date(2019, 7, 1)) is Truth.NO


def test_why_a_role_between_two_agreeing_sources_is_unknown():
    def seen(value: Truth, year: int) -> Observation:
        day = datetime.date(year, 8, 1)
        return Observation(role=Role.CONTAMINATED, value=value, on=day, evidence=EVIDENCE)

    facts = vap.read_facts([seen(Truth.NO, 2011), seen(Truth.UNKNOWN, 2013), seen(Truth.NO, 2015)])
    state = vap.StateParty("XYZ", "X", deposited=datetime.date(2009, 1, 1), facts=facts)
    assert why_unknown(state, Role.CONTAMINATED, datetime.date(2013, 8, 1)) == (
        "no until 2011-08-02, no again from 2015-08-01: a source in between calls it unclear"
    )
