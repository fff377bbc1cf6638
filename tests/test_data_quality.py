"""How much of the built-in world is known: the figures of the data quality page."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vap
from vap import Role, RoleFact, StateParty, StatesParties, Truth, ValidationError
from vap.data.quality import determinacy, role_counts, why_unknown
from vap.testing import strategies as vst

BUILT_IN = vap.states_parties()


@given(st.lists(vst.states_parties(), max_size=5, unique_by=lambda s: s.code), vst.dates())
def test_role_counts_sort_every_state_bound_that_day_once(states, day):
    registry = StatesParties(states)
    for role in Role:
        counted = role_counts(registry, role, day)
        codes = [code for truth in Truth for code in counted.states[truth]]
        assert sorted(codes) == sorted(registry.on(day))
        assert sum(counted.count(truth) for truth in Truth) == len(registry.on(day))
        for truth in Truth:
            assert all(registry[c].role(role, on=day) is truth for c in counted.states[truth])


def test_a_world_of_known_roles_leaves_only_the_conditions_unknown():
    """Every role known: only the circumstances no data decides stay unknown (VAP-9)."""
    stockpiler = StateParty(
        "AAA", "A", deposited=date(2009, 1, 1), roles={Role.STOCKPILES}
    )  # "in situations where assistance is required" decides VAP-9
    clean = StateParty("BBB", "B", deposited=date(2009, 1, 1), roles=set())
    found = determinacy(
        StatesParties([stockpiler, clean]), vap.vientiane_action_plan(), date(2012, 1, 1)
    )
    assert found.answers == 2 * 66
    assert found.by_key == {"VAP-9": 1}
    assert found.unknown == 1
    assert found.share == pytest.approx(131 / 132)


def test_a_world_of_unknown_roles_is_unknown_where_roles_decide():
    unknown = StateParty("AAA", "A", deposited=date(2009, 1, 1))
    found = determinacy(StatesParties([unknown]), vap.convention_obligations(), date(2012, 1, 1))
    assert found.answers == len(vap.convention_obligations())
    by_roles = {o.key for o in vap.convention_obligations() if o.addressee.roles}
    assert {"CCM-3.2", "CCM-3.8", "CCM-4.1a"} <= set(found.by_key) <= by_roles
    assert determinacy(StatesParties([]), vap.convention_obligations(), date(2012, 1, 1)).share == 1


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ((), "no source found speaks of it"),
        (
            (RoleFact(role=Role.VICTIMS, value=Truth.YES, since=date(2014, 1, 1)),),
            "no source speaks of it before 2014-01-01",
        ),
        (
            (
                RoleFact(role=Role.VICTIMS, value=Truth.NO, until=date(2011, 1, 1)),
                RoleFact(role=Role.VICTIMS, value=Truth.YES, since=date(2014, 1, 1)),
            ),
            "no until 2011-01-01, yes from 2014-01-01: the sources do not say when it changed",
        ),
    ],
)
def test_why_a_role_is_unknown(facts, expected):
    state = StateParty("AAA", "A", deposited=date(2009, 1, 1), facts=facts)
    assert state.role(Role.VICTIMS, on=date(2012, 6, 1)) is Truth.UNKNOWN
    assert why_unknown(state, Role.VICTIMS, date(2012, 6, 1)) == expected


@given(vst.states_parties(), st.sampled_from(Role), vst.dates())
def test_why_unknown_answers_exactly_where_the_role_is_unknown(state, role, day):
    if state.role(role, on=day) is Truth.UNKNOWN:
        assert why_unknown(state, role, day)
    else:
        with pytest.raises(ValidationError, match=f"known for {state.code} on {day}"):
            why_unknown(state, role, day)


def test_why_unknown_refuses_a_role_a_fact_gives():
    fact = RoleFact(role=Role.VICTIMS, value=Truth.NO, since=date(2011, 1, 1))
    state = StateParty("AAA", "A", deposited=date(2009, 1, 1), facts=(fact,))
    with pytest.raises(ValidationError, match=r"known for AAA on 2012-06-01 \(victims: no from"):
        why_unknown(state, Role.VICTIMS, date(2012, 6, 1))


# The floors the built-in world reached (docs/data-quality.md): a change of data that loses
# answers fails here. Issue #10 asks for 95 %, which the Convention's obligations reach on
# both days; the holes that remain in the actions are named there.
FLOORS = [
    (date(2011, 6, 1), vap.vientiane_action_plan(), 0.89),
    (date(2013, 1, 1), vap.vientiane_action_plan(), 0.905),
    (date(2015, 6, 1), vap.vientiane_action_plan(), 0.91),
    (date(2020, 1, 1), vap.convention_obligations(), 0.95),
    (date(2026, 1, 1), vap.convention_obligations(), 0.95),
]


@pytest.mark.parametrize(("day", "subjects", "floor"), FLOORS)
def test_the_built_in_world_answers_at_least_as_often_as_published(day, subjects, floor):
    found = determinacy(BUILT_IN, subjects, day)
    assert found.share >= floor, found.by_key
    assert found.answers == len(BUILT_IN.on(day)) * len(list(subjects))


def test_what_stays_unknown_in_the_built_in_world_is_named():
    for role in Role:
        for code in role_counts(BUILT_IN, role, date(2013, 1, 1)).states[Truth.UNKNOWN]:
            assert why_unknown(BUILT_IN[code], role, date(2013, 1, 1))
