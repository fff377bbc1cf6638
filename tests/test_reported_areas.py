"""
"States Parties that have reported cluster munition contaminated areas" (actions 10-17).

Read by `vap.ReportedAreas`: as being contaminated (the default), or as contaminated and
having submitted the initial Article 7 report, by the reporting record.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vap
from vap import Progress, Record, RecordStatus, ReportedAreas, Role, StateParty, Truth
from vap.model.addressees import AllOf, AnyOf, HasRole, Not, reported_roles
from vap.model.applicability import has_reported, report_days

CONTAMINATED = StateParty(
    "XYZ", "Xyzland", deposited=date(2009, 1, 1), roles={Role.CONTAMINATED}
)  # bound from 1 August 2010 (the Convention's entry into force)
CLEAN = StateParty("XYZ", "Xyzland", deposited=date(2009, 1, 1), roles=set())
REPORTED_ON = date(2011, 3, 1)
REPORTS = Progress([Record("XYZ", "CCM-7.1", on=REPORTED_ON, source="ISU")])
BY_REPORTS = vap.SchedulePolicy(reported_areas=ReportedAreas.REPORTS, reports=REPORTS)
REPORTED_ACTIONS = [f"VAP-{number}" for number in range(10, 18)]


def test_actions_10_to_17_and_no_other_name_the_report():
    plan = vap.vientiane_action_plan()
    named = [action.key for action in plan if reported_roles(action.addressee)]
    assert named == REPORTED_ACTIONS
    assert {reported_roles(plan[key].addressee) for key in named} == {
        frozenset({Role.CONTAMINATED})
    }


def test_the_heading_is_read_as_written():
    action = vap.vientiane_action_plan()["VAP-11"]
    words = "States Parties that have reported cluster munition contaminated areas"
    assert action.addressee.describe() == words
    explained = str(vap.schedule(CONTAMINATED, until=date(2012, 1, 1)).explain("VAP-11"))
    lines = [line.strip() for line in explained.splitlines()]
    assert len(lines) == len(set(lines)), explained  # the role is named once, not re-added
    assert action.duties[0].predicate.describe() == words


@pytest.mark.parametrize("key", REPORTED_ACTIONS[2:4])
def test_by_default_the_facts_decide_whatever_the_reports_say(key):
    action = vap.vientiane_action_plan()[key]
    silent = vap.SchedulePolicy(reports=Progress())
    for policy in (None, silent, vap.SchedulePolicy(reports=REPORTS)):
        assert action.applies_to(CONTAMINATED, on=date(2011, 1, 1), policy=policy) is Truth.YES
        assert action.applies_to(CLEAN, on=date(2011, 1, 1), policy=policy) is Truth.NO


def test_by_the_reports_no_before_the_initial_report_and_yes_from_its_day():
    action = vap.vientiane_action_plan()["VAP-12"]
    before, on = date(2011, 2, 28), REPORTED_ON
    assert action.applies_to(CONTAMINATED, on=before, policy=BY_REPORTS) is Truth.NO
    assert action.applies_to(CONTAMINATED, on=on, policy=BY_REPORTS) is Truth.YES
    assert action.applies_to(CLEAN, on=on, policy=BY_REPORTS) is Truth.NO
    words = [str(r) for r in action.applicability(CONTAMINATED, on=on, policy=BY_REPORTS).reasons]
    assert any("initial Article 7 report submitted on 2011-03-01" in w for w in words), words


def test_a_silent_record_leaves_it_unknown_never_no():
    action = vap.vientiane_action_plan()["VAP-12"]
    policy = vap.SchedulePolicy(reported_areas=ReportedAreas.REPORTS, reports=Progress())
    assert action.applies_to(CONTAMINATED, on=date(2011, 1, 1), policy=policy) is Truth.UNKNOWN
    assert action.applies_to(CLEAN, on=date(2011, 1, 1), policy=policy) is Truth.NO


@pytest.mark.parametrize(
    ("status", "on", "day", "expected"),
    [
        (RecordStatus.MET, date(2011, 3, 1), date(2011, 3, 1), Truth.YES),
        (RecordStatus.MET, date(2011, 3, 1), date(2011, 2, 28), Truth.NO),
        (RecordStatus.MET_BY, date(2011, 3, 1), date(2011, 3, 1), Truth.YES),
        (RecordStatus.MET_BY, date(2011, 3, 1), date(2011, 2, 28), Truth.UNKNOWN),
        (RecordStatus.NOT_MET, date(2011, 3, 1), date(2011, 3, 1), Truth.NO),
        (RecordStatus.NOT_MET, date(2011, 3, 1), date(2011, 2, 1), Truth.NO),
        (RecordStatus.NOT_MET, date(2011, 3, 1), date(2011, 3, 2), Truth.UNKNOWN),
        (RecordStatus.STARTED, date(2011, 3, 1), date(2011, 3, 2), Truth.UNKNOWN),
    ],
)
def test_what_one_record_says(status, on, day, expected):
    record = Record("XYZ", "CCM-7.1", on=on, source="a source", status=status)
    truth, _ = has_reported("XYZ", vap.model.dates.as_date(day), Progress([record]))
    assert truth is expected


def test_only_the_states_own_initial_report_counts():
    others = Progress(
        [
            Record("ABC", "CCM-7.1", on=date(2010, 9, 1), source="ISU"),
            Record("XYZ", "CCM-7.2", on=date(2010, 9, 1), source="ISU", covers=2010),
        ]
    )
    truth, _ = has_reported("XYZ", vap.model.dates.as_date(date(2011, 1, 1)), others)
    assert truth is Truth.UNKNOWN
    assert report_days("XYZ", others) == frozenset()


def test_the_policy_refuses_reports_it_is_not_given():
    with pytest.raises(vap.VapError, match=r"SchedulePolicy\.reports .*ReportedAreas\.REPORTS"):
        vap.SchedulePolicy(reported_areas=ReportedAreas.REPORTS)
    with pytest.raises(vap.VapError, match="reported_areas"):
        vap.SchedulePolicy(reported_areas="reports")  # type: ignore[arg-type]
    with pytest.raises(vap.VapError, match="a Progress of records"):
        vap.SchedulePolicy(reports=[REPORTS[0]])  # type: ignore[arg-type]


def test_an_undated_step_opens_on_the_day_of_the_report():
    schedule = vap.schedule(
        CONTAMINATED,
        until=date(2012, 12, 31),
        reported_areas=ReportedAreas.REPORTS,
        reports=REPORTS,
    )
    (item,) = schedule.for_key("VAP-14")  # "ongoing": undated, owed while addressed
    assert item.applies is Truth.YES
    assert item.opens == REPORTED_ON


def test_the_built_in_record_reads_the_built_in_world():
    """Laos: contaminated, initial report on 2011-01-25 (Monitor): no before, yes from then."""
    lao = vap.states_parties()["LAO"]
    policy = vap.SchedulePolicy(reported_areas=ReportedAreas.REPORTS, reports=vap.reports())
    (first,) = [r for r in vap.reports().for_state("LAO") if r.key == "CCM-7.1"]
    action = vap.vientiane_action_plan()["VAP-15"]
    assert action.applies_to(lao, on=first.on, policy=policy) is Truth.YES
    assert action.applies_to(lao, on=first.on.subtract(days=1), policy=policy) is Truth.NO


@given(st.sampled_from([*Role]), st.booleans())
def test_the_reported_roles_of_a_predicate_are_its_reported_leaves(role, reported):
    leaf = HasRole(role, reported=reported)
    expected = frozenset({role}) if reported else frozenset()
    other = HasRole(Role.VICTIMS)
    assert reported_roles(leaf) == expected
    assert reported_roles(Not(leaf)) == expected
    assert reported_roles(AnyOf(members=(leaf, other))) == expected
    assert reported_roles(AllOf(members=(other, leaf))) == expected
