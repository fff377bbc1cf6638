"""Who each action addresses (DOMAIN.md §2), checked for every role on any day in force."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vap import Role, RoleFact, StateParty, Truth
from vap.testing import strategies as vst

ALL = {*range(1, 8), 18, 19, 30, 31, 32, *range(43, 57), *range(58, 63), 64, 65, 66}
BY_ROLE = {
    Role.STOCKPILES: {8, 9, 33, 34, 35, 36},
    Role.CONTAMINATED: {*range(10, 18), 33, 34, 35, 36},
    Role.VICTIMS: {*range(20, 30), 33, 34, 35, 36},
    Role.IN_POSITION_TO_ASSIST: {*range(37, 43), 57},
    Role.NO_IMPLEMENTATION_MEASURES: {63},
    Role.RETAINS: set(),
}
IN_FORCE = vst.dates(date(2010, 11, 12), date(2015, 9, 10))


def test_the_table_covers_every_action():
    addressed = ALL | set().union(*BY_ROLE.values())
    assert addressed == set(range(1, 67))


@given(st.sampled_from([*Role, None]), IN_FORCE)
def test_exactly_the_headings_addressees_for_a_state_with_one_role(plan, role, day):
    state = StateParty(
        "XYZ", "Xyzland", deposited=date(2009, 1, 1), roles=set() if role is None else {role}
    )
    expected = ALL | (BY_ROLE[role] if role else set())
    for action in plan:
        answer = action.applies_to(state, on=day)
        assert answer is (Truth.YES if action.number in expected else Truth.NO), action.key


@pytest.mark.parametrize("number", sorted(BY_ROLE[Role.STOCKPILES]))
def test_unknown_stockpiles_make_stockpile_actions_unknown(plan, number):
    state = StateParty(
        "XYZ",
        "Xyzland",
        deposited=date(2009, 1, 1),
        facts=[
            RoleFact(role=Role.CONTAMINATED, value=Truth.NO),
            RoleFact(role=Role.VICTIMS, value=Truth.NO),
        ],
    )
    result = plan.action(number).applicability(state, on=date(2011, 1, 1))
    assert result.applies is Truth.UNKNOWN
    assert any(
        "with cluster munition stockpiles: unknown" in str(reason) for reason in result.reasons
    )


def test_reasons_name_the_facts_and_their_sources(plan):
    deu = StateParty(
        "DEU",
        "Germany",
        deposited=date(2009, 7, 8),
        facts=[
            RoleFact(
                role=Role.STOCKPILES, value=Truth.YES, until=date(2015, 11, 25), sources="MON-DEU"
            )
        ],
    )
    result = plan["VAP-8"].applicability(deu, on=date(2011, 1, 1))
    assert result.applies is Truth.YES
    assert [str(reason) for reason in result.reasons] == [
        "addressed to States Parties with cluster munition stockpiles",
        (
            "with cluster munition stockpiles: yes, by a fact that holds until"
            " 2015-11-25 (sources: MON-DEU)"
        ),
    ]
    assert str(result).startswith("VAP-8 for DEU on 2011-01-01: yes")


def test_not_applicable_outside_the_plans_period(plan):
    state = StateParty("XYZ", "Xyzland", deposited=date(2009, 1, 1), roles=set())
    for day in (date(2010, 11, 11), date(2015, 9, 11), date(2020, 1, 1)):
        result = plan["VAP-1"].applicability(state, on=day)
        assert result.applies is Truth.NO
        assert "the plan is not in force" in str(result.reasons[0])
    assert plan["VAP-1"].applies_to(state, on=date(2010, 11, 12)) is Truth.YES


def test_not_applicable_before_entry_into_force(plan):
    state = StateParty("XYZ", "Xyzland", deposited=date(2011, 3, 14), roles=set())
    result = plan["VAP-1"].applicability(state, on=date(2011, 8, 31))
    assert result.applies is Truth.NO
    assert "enters into force for XYZ on 2011-09-01" in str(result.reasons[0])
    assert plan["VAP-1"].applies_to(state, on=date(2011, 9, 1)) is Truth.YES


def test_not_applicable_when_its_time_ran_out_before_the_state_joined(plan):
    late = StateParty("XYZ", "Xyzland", deposited=date(2012, 1, 10), roles={Role.CONTAMINATED})
    for key, closed in (("VAP-3", "2011-09-13"), ("VAP-10", "2011-12-31")):
        result = plan[key].applicability(late, on=date(2013, 1, 1))
        assert result.applies is Truth.NO
        assert f"its time ran out on {closed}" in str(result.reasons[0])
    # A two-step action stays applicable while one step is still open.
    assert (
        plan["VAP-26"].applies_to(
            StateParty("XYZ", "X", deposited=date(2012, 1, 10), roles={Role.VICTIMS}),
            on=date(2013, 1, 1),
        )
        is Truth.YES
    )


def test_plan_applicability_covers_every_action(plan):
    state = StateParty("XYZ", "Xyzland", deposited=date(2009, 1, 1), roles={Role.VICTIMS})
    results = plan.applicability(state, on=date(2012, 1, 1))
    assert [result.key for result in results] == [action.key for action in plan]
    assert {result.key for result in results if result.applies is Truth.YES} == {
        f"VAP-{number}" for number in ALL | BY_ROLE[Role.VICTIMS]
    }


@given(vst.states_parties(), IN_FORCE)
def test_applicability_is_never_yes_where_a_needed_role_is_unknown(plan, state, day):
    for action in plan:
        result = action.applicability(state, on=day)
        assert result.applies in Truth
        if result.applies is Truth.UNKNOWN:
            assert any(": unknown, no fact" in reason.message for reason in result.reasons)
