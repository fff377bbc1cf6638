"""Who each action addresses (DOMAIN.md §2), and when, for every role on any day in force."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vap
from vap import Role, RoleFact, StateParty, Truth
from vap.model.applicability import judge
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
SECOND_MEETING = date(2011, 9, 13)


def window_open(number: int, day: date) -> bool:
    """The action's time window on *day*, for a State bound from 1 August 2010."""
    if number in (3, 53, 54):  # "in time for the Second Meeting": lapses after it
        return day <= SECOND_MEETING
    if number in (10, 20):  # "in 2011"
        return date(2011, 1, 1) <= day <= date(2011, 12, 31)
    if number == 37:  # "in 2011 and beyond"
        return day >= date(2011, 1, 1)
    if number == 16:  # yearly with the Article 7 report: first due 30 April 2012
        return day >= date(2012, 1, 1)
    return True


def test_the_table_covers_every_action():
    addressed = ALL | set().union(*BY_ROLE.values())
    assert addressed == set(range(1, 67))


@given(st.sampled_from([*Role, None]), IN_FORCE)
def test_exactly_the_headings_addressees_in_their_windows(role, day):
    plan = vap.vientiane_action_plan()
    state = StateParty(
        "XYZ", "Xyzland", deposited=date(2009, 1, 1), roles=set() if role is None else {role}
    )
    addressed = ALL | (BY_ROLE[role] if role else set())
    for action in plan:
        expected = Truth.YES if action.number in addressed else Truth.NO
        if not window_open(action.number, day):
            expected = Truth.NO
        if action.number == 9 and expected is Truth.YES:
            expected = Truth.UNKNOWN  # "in situations where assistance is required"
        assert action.applies_to(state, on=day) is expected, (action.key, day)


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


def test_reasons_name_the_facts_their_sources_and_quotes(plan):
    quote = vap.Evidence(source="MON-DEU", as_of=date(2015, 11, 25), quote="destroyed its stocks")
    deu = StateParty(
        "DEU",
        "Germany",
        deposited=date(2009, 7, 8),
        facts=[
            RoleFact(
                role=Role.STOCKPILES,
                value=Truth.YES,
                until=date(2015, 11, 25),
                sources="MON-DEU",
                evidence=[quote],
            )
        ],
    )
    result = plan["VAP-8"].applicability(deu, on=date(2011, 1, 1))
    assert result.applies is Truth.YES
    assert [step.key for step in result.steps] == ["VAP-8.1", "VAP-8.2"]
    assert [str(reason) for reason in result.steps[0].reasons] == [
        "addressed to States Parties with cluster munition stockpiles",
        (
            "with cluster munition stockpiles: yes, by a fact that holds until"
            " 2015-11-25 (sources: MON-DEU)"
        ),
    ]
    assert result.steps[0].reasons[1].evidence == (quote,)
    assert str(result.reasons[0]).startswith("VAP-8.1: addressed to")
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
    assert "enters into force for the State on 2011-09-01" in str(result.reasons[0])
    assert plan["VAP-1"].applies_to(state, on=date(2011, 9, 1)) is Truth.YES


def test_time_running_out_reads_the_same_for_every_state(plan):
    early = StateParty("LAO", "Lao PDR", deposited=date(2009, 3, 18), roles={Role.CONTAMINATED})
    late = StateParty("XYZ", "Xyzland", deposited=date(2012, 1, 10), roles={Role.CONTAMINATED})
    for state in (early, late):
        for key, closed in (("VAP-3", "2011-09-13"), ("VAP-10", "2011-12-31")):
            result = plan[key].applicability(state, on=date(2013, 1, 1))
            assert result.applies is Truth.NO
            assert f"its time ran out on {closed}" in str(result.reasons[-1])
    assert "before the Convention entered into force" in str(
        plan["VAP-3"].applicability(late, on=date(2013, 1, 1)).reasons[-1]
    )


def test_a_deadline_counted_from_entry_into_force_stays_owed_after_it(plan):
    lao = StateParty("LAO", "Lao PDR", deposited=date(2009, 3, 18), roles={Role.CONTAMINATED})
    result = plan["VAP-12"].applicability(lao, on=date(2013, 1, 1))
    assert result.applies is Truth.YES
    assert str(result.reasons[-1]) == "due 2011-08-01: owed until met"


def test_a_two_step_action_applies_while_one_step_does(plan):
    victims = StateParty("XYZ", "X", deposited=date(2012, 1, 10), roles={Role.VICTIMS})
    assert plan["VAP-26"].applies_to(victims, on=date(2013, 1, 1)) is Truth.YES


def test_plan_applicability_covers_every_action(plan):
    state = StateParty("XYZ", "Xyzland", deposited=date(2009, 1, 1), roles={Role.VICTIMS})
    results = plan.applicability(state, on=date(2012, 1, 1))
    assert [result.key for result in results] == [action.key for action in plan]
    lapsed = {3, 20, 53, 54}  # their 2011 windows closed
    assert {result.key for result in results if result.applies is Truth.YES} == {
        f"VAP-{number}" for number in (ALL | BY_ROLE[Role.VICTIMS]) - lapsed
    }


def test_withdrawal_ends_every_duty(plan):
    withdrawn = StateParty(
        "LTU",
        "Lithuania",
        deposited=date(2011, 3, 24),
        roles=set(),
        withdrawal=vap.Withdrawal(notified=date(2024, 9, 6)),
    )
    assert withdrawn.withdrawal is not None
    assert withdrawn.withdrawal.effective == date(2025, 3, 6)
    obligations = vap.convention_obligations()
    assert obligations["CCM-7.2"].applies_to(withdrawn, on=date(2025, 3, 5)) is Truth.YES
    result = obligations["CCM-7.2"].applicability(withdrawn, on=date(2025, 3, 6))
    assert result.applies is Truth.NO
    assert "withdrawal took effect on 2025-03-06" in str(result.reasons[0])


def _completions(roles: tuple[Role, ...]) -> list[dict[Role, Truth]]:
    return [
        dict(zip(roles, values, strict=True))
        for values in itertools.product((Truth.YES, Truth.NO), repeat=len(roles))
    ]


@given(vst.states_parties(), IN_FORCE)
def test_an_answer_is_yes_only_if_every_way_of_filling_the_unknowns_says_yes(state, day):
    """Kleene soundness: YES and NO are never guesses about an unknown role or circumstance."""
    plan = vap.vientiane_action_plan()
    policy = vap.SchedulePolicy()
    for action in plan:
        for duty in action.duties:
            applies, _ = judge(duty, state, day, policy)
            if applies is Truth.UNKNOWN:
                assert duty.predicate.roles or duty.predicate.circumstances
                continue
            known = {role: state.role(role, on=day) for role in duty.predicate.roles}
            unknown = tuple(role for role, truth in known.items() if truth is Truth.UNKNOWN)
            for filled in _completions(unknown):
                values = {**known, **filled}
                if duty.predicate.circumstances:
                    assert applies is Truth.NO
                elif applies is Truth.YES:
                    assert duty.predicate.evaluate(values.__getitem__) is Truth.YES
