"""Laws every schedule obeys, for any State and any plan."""

from __future__ import annotations

import itertools
from datetime import date

import attrs
import time_machine
from hypothesis import given
from hypothesis import strategies as st

import vap
from vap import Anchor, Within
from vap.model.keys import key_order
from vap.testing import strategies as vst

ROUND = vap.MonthEnd.ROUND_DOWN  # random events may fall on 29 February
UNTIL = date(2030, 12, 31)
NO_OBLIGATIONS = vap.ObligationSet(title="none")


@given(vst.states_parties())
def test_every_due_date_is_on_or_after_its_opening(state):
    for item in vap.schedule(state, until=UNTIL, month_end=ROUND):
        assert item.due is None or item.opens <= item.due
        assert item.state == state.code


@given(vst.plans(), st.lists(vst.states_parties(), max_size=3, unique_by=lambda s: s.code))
def test_any_plan_schedules_with_due_dates_after_openings(plan, states):
    schedule = vap.schedule(
        states,
        plan=plan,
        obligations=NO_OBLIGATIONS,
        until=UNTIL,
        month_end=vap.MonthEnd.ROUND_DOWN,
    )
    for item in schedule:
        assert item.due is None or item.opens <= item.due
        assert item.date <= UNTIL


@given(vst.states_parties(plain_roles=True), st.integers(1, 60))
def test_entry_into_force_relative_dates_move_with_entry_into_force(state, months):
    moved = attrs.evolve(
        state,
        deposited=None,
        entry_into_force=vap.add(state.entry_into_force, vap.Period(months=months)),
        extensions=(),
        events=(),
        withdrawal=None,  # a withdrawal ends what is owed: a law of its own
    )
    state = attrs.evolve(state, extensions=(), events=(), withdrawal=None)

    def dues(party):
        return {
            item.key: (item.due, item.timeline.period)
            for item in vap.schedule(party, until=date(2060, 1, 1), month_end=ROUND)
            if isinstance(item.timeline, Within) and item.timeline.anchor is Anchor.ENTRY_INTO_FORCE
        }

    before, after = dues(state), dues(moved)
    assert before.keys() == after.keys()
    shift = moved.entry_into_force.toordinal() - state.entry_into_force.toordinal()
    for key, (due, period) in before.items():
        moved_due = after[key][0]
        # A plan's action has no date once the plan was superseded before entry into force.
        if due is None or moved_due is None:
            assert key.startswith("VAP")
        elif period.days:  # calendar days: the same number of days later
            assert moved_due.toordinal() - due.toordinal() == shift
        else:  # years and months: the same number of months later, on the first
            assert moved_due == vap.add(due, vap.Period(months=months))


@given(vst.states_parties(), vst.dates(date(2011, 1, 1), UNTIL))
def test_a_yearly_item_occurs_exactly_once_a_year_until_until(state, until):
    schedule = vap.schedule(state, until=until, month_end=ROUND)
    yearly = [item for item in schedule if item.year is not None]
    for (key, _), group in itertools.groupby(
        sorted(yearly, key=lambda item: (item.key, item.year)), key=lambda item: (item.key, 0)
    ):
        years = [item.year for item in group]
        assert years == list(range(years[0], years[0] + len(years))), key
        assert all(item.due <= until for item in schedule.for_key(key))
    # CCM-7.2 runs to the last 30 April on or before until, or the State's last bound day.
    reports = schedule.for_key("CCM-7.2")
    end = min(until, state.bound_until or until)
    if reports:
        last = reports[-1].due
        assert last <= end < vap.add(last, vap.Period(years=1))


@given(st.lists(vst.states_parties(), min_size=1, max_size=4, unique_by=lambda s: s.code))
def test_many_states_schedule_as_the_union_of_one_each(states):
    together = vap.schedule(states, until=UNTIL, month_end=ROUND)
    apart = [vap.schedule(state, until=UNTIL, month_end=ROUND) for state in states]
    assert len(together) == sum(len(schedule) for schedule in apart)
    for state, alone in zip(states, apart, strict=True):
        assert together.for_state(state.code).items == alone.items
    order = [(item.date, item.state, key_order(item.key)) for item in together]
    assert order == sorted(order)  # by day, then State, then the key's order


def test_the_registry_schedules_as_a_whole():
    states = vap.states_parties()
    everyone = vap.schedule(states)
    assert everyone == vap.schedule(states.values())
    assert everyone.codes == tuple(sorted(states))
    assert everyone.for_state("LAO").items == vap.schedule(states["LAO"]).items


@given(vst.states_parties())
def test_nothing_depends_on_todays_date(state):
    with time_machine.travel(date(1999, 1, 1), tick=False):
        past = vap.schedule(state, until=UNTIL, month_end=ROUND)
    with time_machine.travel(date(2099, 6, 30), tick=False):
        future = vap.schedule(state, until=UNTIL, month_end=ROUND)
    assert past == future


def _in_order(items):
    return sorted(items, key=lambda item: (item.state, item.uid, item.opens))


def _simple_items(states, policy, plan=None, obligations=None):
    """Every item by the simple path: each duty's windows worked out directly, no cache."""
    from vap.engine.builder import duties_of, items_of  # noqa: PLC0415
    from vap.engine.windows import Plain  # noqa: PLC0415

    plan = plan or vap.vientiane_action_plan()
    obligations = vap.convention_obligations() if obligations is None else obligations
    ask = Plain(policy, policy.until)
    duties = duties_of(plan, obligations, plan.meetings)
    return _in_order(
        item
        for state in states
        for item in items_of(state, duties, ask)
        if item.date <= policy.until
    )


@given(st.lists(vst.states_parties(), min_size=1, max_size=4, unique_by=lambda s: s.code))
def test_the_fast_path_agrees_with_the_simple_one(states):
    fast = vap.schedule(states, until=UNTIL, month_end=ROUND)
    assert _in_order(fast) == _simple_items(states, fast.policy)


@given(
    vst.plans(), st.lists(vst.states_parties(), min_size=1, max_size=3, unique_by=lambda s: s.code)
)
def test_the_fast_path_agrees_with_the_simple_one_on_any_plan(plan, states):
    """Duties alike (equal `Duty.profile`) share their windows: each still gets its own."""
    fast = vap.schedule(states, plan=plan, obligations=NO_OBLIGATIONS, until=UNTIL, month_end=ROUND)
    assert _in_order(fast) == _simple_items(states, fast.policy, plan, NO_OBLIGATIONS)


def test_the_plans_steps_alike_share_their_windows():
    """The plan's 84 steps and obligations are dated and judged in 36 ways: 30 alike."""
    from vap.engine.builder import duties_of  # noqa: PLC0415

    plan = vap.vientiane_action_plan()
    duties = duties_of(plan, vap.convention_obligations(), plan.meetings)
    profiles = {duty.profile for duty in duties}
    assert (len(duties), len(profiles)) == (84, 36)
    first = next(duty for duty in duties if duty.key == "VAP-1")
    everyone = [duty.key for duty in duties if duty.profile == first.profile]
    assert len(everyone) == 30
    assert {"VAP-2", "VAP-4", "VAP-66"} <= set(everyone)


_CODES = ("AAA", "BBB", "CCC")


@st.composite
def _reporting_world(draw):
    """States and a record of their initial reports: met, met by a day, or not yet."""
    codes = draw(st.lists(st.sampled_from(_CODES), min_size=1, max_size=3, unique=True))
    states = [attrs.evolve(draw(vst.states_parties()), code=code) for code in codes]
    statuses = (vap.RecordStatus.MET, vap.RecordStatus.MET_BY, vap.RecordStatus.NOT_MET)
    records = draw(st.lists(vst.records(states=_CODES, statuses=statuses), max_size=6))
    initial = [
        vap.Record(r.state, "CCM-7.1", on=r.on, source=r.source, status=r.status) for r in records
    ]
    return states, vap.Progress(initial)


@given(_reporting_world())
def test_the_fast_path_agrees_with_the_simple_one_by_the_reports(world):
    """The same when "have reported" is read by the reports (`ReportedAreas.REPORTS`)."""
    states, reports = world
    fast = vap.schedule(
        states,
        until=UNTIL,
        month_end=ROUND,
        reported_areas=vap.ReportedAreas.REPORTS,
        reports=reports,
    )
    assert _in_order(fast) == _simple_items(states, fast.policy)


@given(vst.states_parties(), vst.dates())
def test_every_item_is_the_answer_of_judge_on_its_day(state, day):
    """The engine decides nothing itself: an item applies as `judge` says on its day."""
    plan = vap.vientiane_action_plan()
    schedule = vap.schedule(state, until=UNTIL, month_end=ROUND)
    duties = {duty.key: duty for action in plan for duty in action.duties}
    duties.update((o.key, o.duties[0]) for o in vap.convention_obligations())
    policy = schedule.policy
    for item in schedule:
        duty = duties[item.key]
        judged_on = max(item.opens, duty.start(state))
        if item.due is None and item.applies is not vap.Truth.NO:
            judged_on = item.opens
        answer = vap.model.applicability.judge(duty, state, judged_on, policy)
        assert answer == (item.applies, item.reasons), item
    # and applies_to on any day is the same question, asked step by step
    for action in plan:
        step_answers = [
            vap.model.applicability.step_applicability(d, state, on=day).applies
            for d in action.duties
        ]
        assert action.applies_to(state, on=day) is vap.Truth.any_of(step_answers)


def test_every_built_in_item_passes_its_validators():
    schedule = vap.schedule(vap.states_parties(), until=date(2026, 12, 31))
    for item in schedule:
        attrs.validate(item)
    assert len({item.uid for item in schedule}) == len(schedule)
    # the reasons the engine makes unchecked are the constructor's, hash included
    for made in {reason for item in schedule for reason in item.reasons}:
        attrs.validate(made)
        checked = vap.Reason(made.message, made.sources, made.evidence)
        assert (checked, hash(checked)) == (made, hash(made))


@given(vst.states_parties())
def test_nothing_is_owed_once_a_withdrawal_takes_effect(state):
    """Article 20(2): a State is bound until its withdrawal takes effect, and no longer."""
    if state.withdrawal is None:
        return
    effective = state.withdrawal.effective
    for item in vap.schedule(state, until=UNTIL, month_end=ROUND):
        assert item.opens < effective, item
        if item.due is not None and item.due >= effective:
            assert item.applies is vap.Truth.NO, item
