"""Laws of assessment, for any schedule and any records that fit it."""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given
from hypothesis import strategies as st

import vap
from vap import Status
from vap.testing import strategies as vst

ROUND = vap.MonthEnd.ROUND_DOWN  # random events may fall on 29 February
UNTIL = date(2020, 12, 31)


@st.composite
def scenarios(draw):
    states = draw(
        st.lists(vst.states_parties(), min_size=1, max_size=2, unique_by=lambda s: s.code)
    )
    schedule = vap.schedule(states, until=UNTIL, month_end=ROUND)
    return schedule, draw(vst.progress_for(schedule))


def statuses(assessment):
    return {row.uid: row.status for row in assessment}


@given(scenarios(), vst.dates(date(2010, 1, 1), UNTIL))
def test_statuses_partition_the_schedule(scenario, as_of):
    schedule, progress = scenario
    assessment = vap.assess(schedule, progress, as_of=as_of)
    assert [row.item for row in assessment] == list(schedule)
    assert sum(assessment.counts().values()) == len(schedule)
    assert len({row.uid for row in assessment}) == len(schedule)


@given(scenarios(), st.data(), vst.dates(date(2010, 1, 1), UNTIL))
def test_adding_a_record_never_turns_a_met_item_overdue(scenario, data, as_of):
    schedule, progress = scenario
    more = data.draw(vst.progress_for(schedule, max_size=1))
    before = statuses(vap.assess(schedule, progress, as_of=as_of))
    after = statuses(vap.assess(schedule, progress + more, as_of=as_of))
    for uid, status in before.items():
        if status.met:
            assert after[uid].met, uid


@given(scenarios(), vst.dates(date(2010, 1, 1), UNTIL), vst.dates(date(2010, 1, 1), UNTIL))
def test_a_later_assessment_never_unmeets_an_item(scenario, first, second):
    schedule, progress = scenario
    earlier, later = sorted((first, second))
    before = statuses(vap.assess(schedule, progress, as_of=earlier))
    after = statuses(vap.assess(schedule, progress, as_of=later))
    assert all(after[uid].met for uid, status in before.items() if status.met)
    assert all(
        after[uid] is not Status.NOT_DUE
        for uid, status in before.items()
        if status is Status.OVERDUE
    )


@given(scenarios(), st.randoms(use_true_random=False), vst.dates(date(2010, 1, 1), UNTIL))
def test_results_do_not_depend_on_the_order_of_records(scenario, random, as_of):
    schedule, progress = scenario
    shuffled = list(progress)
    random.shuffle(shuffled)
    assert vap.assess(schedule, vap.Progress(shuffled), as_of=as_of) == vap.assess(
        schedule, progress, as_of=as_of
    )


@given(scenarios(), st.data(), vst.dates(date(2010, 1, 1), UNTIL))
def test_assessing_one_key_alone_gives_its_rows_of_the_whole(scenario, data, as_of):
    schedule, progress = scenario
    key = data.draw(st.sampled_from(sorted({item.key for item in schedule} | {"VAP-8"})))
    whole = vap.assess(schedule, progress, as_of=as_of)
    alone = vap.assess(schedule.for_key(key), progress.for_key(key), as_of=as_of)
    assert tuple(alone) == tuple(whole.for_key(key))


@given(scenarios(), vst.dates(date(2010, 1, 1), UNTIL))
def test_indicators_count_what_the_rows_say(scenario, as_of):
    schedule, progress = scenario
    assessment = vap.assess(schedule, progress, as_of=as_of)
    for indicator in assessment.indicators():
        assert 0 <= indicator.numerator <= indicator.denominator
        assert indicator.numerator <= len(indicator.states[Status.MET_ON_TIME])
    assert sum(sum(summary.totals.values()) for summary in assessment.by_state()) == len(schedule)


def _made_afresh(row):
    """The row through the validated constructor (validators and consistency checks)."""
    return vap.AssessmentRow(row.item, row.section, row.status, row.record, row.reason)


@given(scenarios(), vst.dates(date(2010, 1, 1), UNTIL))
def test_every_row_passes_its_validators(scenario, as_of):
    """`assess` makes rows without running validators: each must pass them all the same."""
    schedule, progress = scenario
    for row in vap.assess(schedule, progress, as_of=as_of):
        assert _made_afresh(row) == row


def test_every_built_in_row_passes_its_validators():
    schedule = vap.schedule(vap.states_parties(), until=date(2026, 12, 31))
    for row in vap.assess(schedule, vap.reports(), as_of=date(2026, 1, 1)):
        assert _made_afresh(row) == row


@given(scenarios(), vst.dates(date(2010, 1, 1), UNTIL))
def test_a_request_without_its_decision_only_makes_a_deadline_unknown(scenario, as_of):
    """
    Forgetting the undecided requests to extend deadlines changes no date and no answer.

    With them, an item overdue or due soon by the deadline on record may be unknown
    instead (the request may have been granted); every other status stays.
    """
    schedule, progress = scenario

    def decided(state):
        kept = [e for e in state.extensions if e.status is vap.ExtensionStatus.GRANTED]
        return attrs.evolve(state, extensions=kept)

    without = vap.schedule(
        [decided(state) for state in schedule.states], until=UNTIL, month_end=ROUND
    )
    assert [(i.uid, i.opens, i.due, i.applies) for i in schedule] == [
        (i.uid, i.opens, i.due, i.applies) for i in without
    ]
    found = vap.assess(schedule, progress, as_of=as_of)
    plain = vap.assess(without, progress, as_of=as_of)
    for row, other in zip(found, plain, strict=True):
        assert row.status is other.status or (
            row.status is Status.UNKNOWN and other.status in (Status.OVERDUE, Status.DUE_SOON)
        ), (row, other)
