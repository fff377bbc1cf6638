"""The plan's dated actions for States, and the Schedule's API."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import vap
from vap import Role, RoleFact, StateParty, Truth


@pytest.fixture(scope="module")
def early():
    """A State for which the Convention entered into force on 1 August 2010."""
    return StateParty("XYZ", "Xyzland", deposited=date(2009, 1, 1), roles={Role.VICTIMS})


@pytest.fixture(scope="module")
def early_schedule(early):
    return vap.schedule(early, until=date(2020, 12, 31))


def only(schedule, key):
    items = schedule.for_key(key)
    assert len(items) == 1, [str(item) for item in items]
    return items[0]


@pytest.mark.parametrize(
    ("key", "opens", "due"),
    [
        ("VAP-21.1", date(2010, 11, 12), date(2011, 2, 1)),
        ("VAP-22.1", date(2010, 11, 12), date(2011, 8, 1)),
        ("VAP-12", date(2010, 11, 12), date(2011, 8, 1)),
        ("VAP-3", date(2010, 11, 12), date(2011, 9, 13)),  # 2MSP's first day
        ("VAP-53", date(2010, 11, 12), date(2011, 9, 13)),
        ("VAP-26.1", date(2010, 11, 12), date(2011, 8, 1)),
        ("VAP-26.2", date(2010, 11, 12), date(2015, 9, 7)),  # 1RC's first day
        ("VAP-10", date(2011, 1, 1), date(2011, 12, 31)),
        ("VAP-20", date(2011, 1, 1), date(2011, 12, 31)),
        ("VAP-58.1", date(2010, 11, 12), date(2011, 1, 28)),  # Article 7(1) bound
        ("CCM-7.1", date(2010, 8, 1), date(2011, 1, 28)),
        ("CCM-3.2", date(2010, 8, 1), date(2018, 8, 1)),
        ("CCM-4.1a", date(2010, 8, 1), date(2020, 8, 1)),
        ("VAP-37", date(2011, 1, 1), None),
        ("VAP-1", date(2010, 11, 12), None),
        ("VAP-8.2", date(2010, 11, 12), None),
    ],
)
def test_dated_actions_of_a_state_in_force_from_1_august_2010(early_schedule, key, opens, due):
    item = only(early_schedule, key)
    assert (item.opens, item.due) == (opens, due)
    assert item.state == "XYZ"


def test_roles_decide_applicability(early_schedule):
    assert only(early_schedule, "VAP-21.1").applies is Truth.YES
    assert only(early_schedule, "VAP-12").applies is Truth.NO
    assert only(early_schedule, "CCM-3.2").applies is Truth.NO
    assert only(early_schedule, "VAP-1").applies is Truth.YES


def test_yearly_items(early_schedule):
    reports = early_schedule.for_key("CCM-7.2")
    # Initial report due 28 January 2011: the first update is due 30 April 2012.
    assert [item.year for item in reports] == list(range(2012, 2021))
    assert [item.due for item in reports][:2] == [date(2012, 4, 30), date(2013, 4, 30)]
    assert reports[0].covers == 2011
    assert reports[0].uid == "XYZ/CCM-7.2/2012"
    # The plan's yearly actions stop with the plan.
    assert [item.year for item in early_schedule.for_key("VAP-59.1")] == [2012, 2013, 2014, 2015]


def test_by_default_yearly_items_stop_with_the_plan(early):
    schedule = vap.schedule(early)
    assert [item.year for item in schedule.for_key("CCM-7.2")][-1] == 2015
    assert only(schedule, "CCM-4.1a").due == date(2020, 8, 1)  # one-off items are all kept


def test_until_cuts_everything_after_it(early):
    schedule = vap.schedule(early, until=date(2011, 12, 31))
    assert max(item.date for item in schedule) <= date(2011, 12, 31)
    assert not schedule.for_key("CCM-3.2")
    assert not schedule.for_key("CCM-7.2")  # the first update falls due in 2012


@pytest.mark.parametrize(
    ("policy", "first"),
    [
        (vap.FirstAnnualReport.YEAR_AFTER_INITIAL_REPORT, 2013),
        (vap.FirstAnnualReport.AFTER_INITIAL_REPORT, 2013),
        (vap.FirstAnnualReport.AFTER_ENTRY_INTO_FORCE, 2012),
        (vap.FirstAnnualReport.AFTER_FIRST_FULL_YEAR, 2013),
    ],
)
def test_first_annual_report_policy(policy, first):
    # Entry into force 2012-01-01: the initial report is due 2012-06-29.
    state = StateParty("XYZ", "X", deposited=date(2011, 7, 5), roles=set())
    schedule = vap.schedule(state, until=date(2014, 12, 31), first_annual_report=policy)
    assert schedule.for_key("CCM-7.2")[0].year == first


def test_meeting_day_policy(early):
    closing = vap.schedule(early, meeting_day=vap.MeetingDay.CLOSES)
    assert only(closing, "VAP-3").due == date(2011, 9, 16)
    assert only(closing, "VAP-26.2").due == date(2015, 9, 11)
    assert "the last day of 2MSP" in str(closing.explain("VAP-3"))


def one_step_plan(timeline):
    """A plan in force 2010-2019 of one action, XAP-1, to all States, with one step."""
    meetings = vap.vientiane_action_plan().meetings
    action = vap.Action(
        key="XAP-1",
        number=1,
        title="t",
        text="t",
        section=vap.Section(number="I", title="t"),
        heading="h",
        addressee=vap.AllStates(),
        modality=vap.Modality.WILL,
        steps=(vap.Step(key="XAP-1", title="t", timeline=timeline),),
        adopted=date(2010, 1, 1),
        superseded=date(2020, 1, 1),
        meetings=meetings,
    )
    return vap.Plan(
        key="XAP",
        title="t",
        adopted=date(2010, 1, 1),
        superseded=date(2020, 1, 1),
        meetings=meetings,
        actions=(action,),
    )


def test_month_end_policy():
    odd = one_step_plan(vap.Within(vap.Period(months=1)))
    state = StateParty("XYZ", "X", entry_into_force=date(2011, 1, 1), roles=set())
    none = vap.ObligationSet(title="none")
    assert only(vap.schedule(state, plan=odd, obligations=none), "XAP-1").due == date(2011, 2, 1)
    # Entry into force is always the first, so a Within period is never ambiguous from it;
    # an event on 31 January is.
    hostile = vap.ObligationSet(title="t", obligations=[vap.convention_obligations()["CCM-4.1b"]])
    eventful = StateParty(
        "XYZ",
        "X",
        entry_into_force=date(2011, 1, 1),
        roles={Role.CONTAMINATED},
        events=[vap.Event(kind=vap.Anchor.END_OF_ACTIVE_HOSTILITIES, on=date(2012, 2, 29))],
    )
    with pytest.raises(vap.AmbiguousDateError, match="2012-02-29 \\+ 10 years"):
        vap.schedule(eventful, plan=odd, obligations=hostile)
    rounded = vap.schedule(eventful, plan=odd, obligations=hostile, month_end=vap.MonthEnd.ROUND_UP)
    assert only(rounded, "CCM-4.1b").due == date(2022, 3, 1)
    assert only(rounded, "CCM-4.1b").uid == "XYZ/CCM-4.1b/2012-02-29"


def test_a_window_that_opens_after_the_plan_was_superseded_lapses():
    after_hostilities = vap.Within(vap.Period(years=1), anchor=vap.Anchor.END_OF_ACTIVE_HOSTILITIES)
    short = one_step_plan(after_hostilities)
    action = short["XAP-1"]
    state = StateParty(
        "XYZ",
        "X",
        entry_into_force=date(2011, 1, 1),
        roles=set(),
        events=[vap.Event(kind=vap.Anchor.END_OF_ACTIVE_HOSTILITIES, on=date(2021, 6, 1))],
    )
    none = vap.ObligationSet(title="none")
    item = only(vap.schedule(state, plan=short, obligations=none), "XAP-1")
    assert (item.applies, item.opens, item.due) == (Truth.NO, date(2021, 6, 1), date(2022, 6, 1))
    # Judged on its opening day, the plan is no longer in force; asked before, it has lapsed.
    assert "the plan is not in force on 2021-06-01" in str(item.reasons[0])
    before = action.applicability(state, on=date(2019, 6, 1))
    assert before.applies is Truth.NO
    assert str(before.reasons[-1]) == (
        "it opens on 2021-06-01, after the plan was superseded on 2020-01-01"
    )


def test_not_applicable_when_the_window_closed_before_the_state_joined():
    late = StateParty("XYZ", "X", deposited=date(2012, 1, 10), roles={Role.CONTAMINATED})
    schedule = vap.schedule(late)
    three = only(schedule, "VAP-3")
    assert three.applies is Truth.NO
    assert (three.opens, three.due) == (date(2011, 9, 13), date(2011, 9, 13))
    assert "its time ran out on 2011-09-13, before the Convention entered into force for the" in (
        str(three.reasons[0])
    )
    assert only(schedule, "VAP-10").applies is Truth.NO
    assert only(schedule, "VAP-12").applies is Truth.YES
    assert only(schedule, "VAP-12").opens == date(2012, 7, 1)


def test_a_state_that_joined_after_the_plan_gets_only_convention_items():
    gambia = vap.states_parties()["GMB"]
    schedule = vap.schedule(gambia, until=date(2021, 12, 31))
    assert {item.applies for item in schedule if item.key.startswith("VAP")} == {Truth.NO}
    assert (
        "superseded on 2015-09-11, before the Convention entered into force for the State"
        in str(only(schedule, "VAP-1").reasons[0])
    )
    assert only(schedule, "CCM-7.1").due == date(2019, 11, 28)
    assert [item.year for item in schedule.for_key("CCM-7.2")] == [2020, 2021]
    assert {item.applies for item in schedule.for_key("VAP-59")} == {Truth.NO}


def test_on_role_start_opens_when_the_role_begins():
    state = StateParty(
        "XYZ",
        "X",
        deposited=date(2009, 1, 1),
        facts=[
            RoleFact(role=Role.CONTAMINATED, value=Truth.NO, until=date(2013, 3, 1)),
            RoleFact(role=Role.CONTAMINATED, value=Truth.YES, since=date(2013, 3, 1), sources="S"),
        ],
    )
    schedule = vap.schedule(state)
    eleven = only(schedule, "VAP-11")
    assert (eleven.applies, eleven.opens, eleven.anchor) == (
        Truth.YES,
        date(2013, 3, 1),
        date(2013, 3, 1),
    )
    fourteen = only(schedule, "VAP-14")  # ongoing, contaminated: opens when the role begins
    assert (fourteen.applies, fourteen.opens) == (Truth.YES, date(2013, 3, 1))
    assert only(schedule, "VAP-12").applies is Truth.NO  # judged on its opening day


def test_undated_items_with_unknown_roles_open_at_the_first_unknown_day():
    state = StateParty(
        "XYZ",
        "X",
        deposited=date(2009, 1, 1),
        facts=[RoleFact(role=Role.STOCKPILES, value=Truth.NO, until=date(2012, 1, 1))],
    )
    nine = only(vap.schedule(state), "VAP-9")
    assert (nine.applies, nine.opens) == (Truth.UNKNOWN, date(2012, 1, 1))
    never = StateParty("XYZ", "X", deposited=date(2009, 1, 1), roles=set())
    assert only(vap.schedule(never), "VAP-9").applies is Truth.NO


def test_extensions_move_deadlines_with_their_sources():
    lao = vap.states_parties()["LAO"]
    item = only(vap.schedule(lao), "CCM-4.1a")
    assert item.due == date(2025, 8, 1)
    assert (
        str(item.reasons[0])
        == "original deadline 2020-08-01 = entry into force 2010-08-01 + 10 years"
    )
    assert str(item.reasons[1]).startswith("extended to 2025-08-01 under Articles 4(5) and 4(8)")
    what_if = lao.with_extension("CCM-4.1a", until=date(2030, 8, 1))
    assert only(vap.schedule(what_if), "CCM-4.1a").due == date(2030, 8, 1)


def test_events_anchor_clearance_of_later_contamination():
    state = StateParty(
        "XYZ",
        "X",
        deposited=date(2009, 1, 1),
        roles={Role.CONTAMINATED},
        events=[
            vap.Event(
                kind=vap.Anchor.END_OF_ACTIVE_HOSTILITIES, on=date(2014, 6, 1), sources=("REPORT",)
            )
        ],
    )
    item = only(vap.schedule(state), "CCM-4.1b")
    assert (item.opens, item.due, item.anchor) == (
        date(2014, 6, 1),
        date(2024, 6, 1),
        date(2014, 6, 1),
    )
    assert str(item.reasons[0]) == "end of active hostilities on 2014-06-01 (sources: REPORT)"
    assert not vap.schedule(
        StateParty("ABC", "A", deposited=date(2009, 1, 1), roles=set())
    ).for_key("CCM-4.1b")


def test_schedule_api(early_schedule):
    assert len(early_schedule) == len(list(early_schedule))
    assert early_schedule[0] is early_schedule.items[0]
    assert isinstance(early_schedule[:3], vap.Schedule)
    assert len(early_schedule[:3]) == 3
    in_2011 = early_schedule.between(date(2011, 1, 1), date(2011, 12, 31))
    assert all(date(2011, 1, 1) <= item.date <= date(2011, 12, 31) for item in in_2011)
    assert {item.key for item in in_2011} >= {"VAP-21.1", "VAP-10", "VAP-3", "CCM-7.1"}
    assert [item.key for item in early_schedule.for_key("VAP-26")] == ["VAP-26.1", "VAP-26.2"]
    assert early_schedule.for_state("XYZ") == early_schedule
    # A State the schedule does not hold, or a key no rule has, is refused, never empty.
    with pytest.raises(vap.UnknownKeyError, match="no State 'ABC': it schedules 1 \\(XYZ\\)"):
        early_schedule.for_state("ABC")
    with pytest.raises(vap.ValidationError, match="for_state\\(\\) takes an ISO 3166-1"):
        early_schedule.for_state("xyz")
    with pytest.raises(vap.UnknownKeyError, match="unknown key 'VAP-99'"):
        early_schedule.for_key("VAP-99")
    with pytest.raises(vap.ValidationError, match="for_key\\(\\) takes a key such as"):
        early_schedule.for_key(None)
    assert not early_schedule.filter(lambda _: False).for_state("XYZ")  # held, no items
    assert all(item.applies is Truth.YES for item in early_schedule.applicable())
    assert all(item.applies is Truth.NO for item in early_schedule.not_applicable())
    assert all(item.applies is Truth.UNKNOWN for item in early_schedule.unknown())
    sections = early_schedule.by_section()
    assert next(iter(sections)) == "II. Partnerships"
    assert list(sections)[-1] == "Convention on Cluster Munitions: time-bound obligations"
    assert sum(len(group) for group in sections.values()) == len(early_schedule)
    nxt = early_schedule.next_due(after=date(2011, 2, 1))
    assert (nxt.key, nxt.due) == ("VAP-22.1", date(2011, 8, 1))
    assert early_schedule.next_due(after=date(2100, 1, 1)) is None
    assert early_schedule.codes == ("XYZ",)
    assert str(early_schedule).startswith("Schedule of ")
    assert "<table" in early_schedule._repr_html_()


def test_explain(early_schedule):
    explanation = early_schedule.explain("VAP-21")
    text = str(explanation)
    assert "Designate a focal point within the government" in text
    assert "States Parties with cluster munition victims (will)" in text
    assert "due 2011-02-01 = entry into force 2010-08-01 + 6 months" in text
    assert "with cluster munition victims: yes, by a fact that holds throughout" in text
    yearly = str(early_schedule.explain("CCM-7.2"))
    assert "30 April 2012, the report covering 2011" in yearly
    assert "Convention on Cluster Munitions, Article 7(2)" in yearly
    assert "the last day of 2011" in str(early_schedule.explain("VAP-10"))
    assert "(Article 7(1))" in str(early_schedule.explain("VAP-58.1"))
    assert "on no fixed date" in str(early_schedule.explain("VAP-1"))
    with pytest.raises(vap.UnknownKeyError, match="unknown key 'VAP-99'"):
        early_schedule.explain("VAP-99")
    # A key the plan has, but no item of it in the days the schedule covers.
    with pytest.raises(vap.UnknownKeyError, match="the schedule has no item 'CCM-7.2' for XYZ"):
        early_schedule.filter(lambda item: item.key != "CCM-7.2").explain("CCM-7.2", state="XYZ")


def test_explain_needs_a_state_when_there_are_several():
    states = vap.states_parties()
    schedule = vap.schedule([states["LAO"], states["DEU"]])
    with pytest.raises(vap.ValidationError, match="pass state= one of DEU, LAO"):
        schedule.explain("VAP-21")
    assert schedule.explain("VAP-21.1", state="DEU").items[0].applies is Truth.NO


@pytest.mark.parametrize(
    ("states", "message"),
    [
        (["LAO"], "takes StateParty values, not 'LAO'"),
        ("twice", "more than once"),
    ],
)
def test_bad_states(states, message):
    lao = vap.states_parties()["LAO"]
    with pytest.raises(vap.ValidationError, match=message):
        vap.schedule([lao, lao] if states == "twice" else states)


def test_unknown_meeting_key():
    plan = vap.vientiane_action_plan()
    calendar = vap.Calendar(tuple(m for m in plan.meetings if m.key != "1RC"))
    with pytest.raises(vap.UnknownKeyError, match="unknown meeting '1RC'"):
        vap.schedule(vap.states_parties()["LAO"], meetings=calendar)


def test_a_calendar_of_ones_own_moves_meeting_deadlines_and_leaves_the_plan_alone():
    plan = vap.vientiane_action_plan()
    moved = vap.Calendar(
        tuple(
            attrs.evolve(m, opens=date(2011, 10, 3), closes=date(2011, 10, 7))
            if m.key == "2MSP"
            else m
            for m in plan.meetings
        )
    )
    lao = vap.states_parties()["LAO"]
    assert only(vap.schedule(lao, meetings=moved), "VAP-3").due == date(2011, 10, 3)
    assert only(vap.schedule(lao), "VAP-3").due == date(2011, 9, 13)
    assert {duty.meetings for duty in plan["VAP-3"].duties} == {plan.meetings}


def test_a_plan_with_no_end_needs_until():
    plan = vap.vientiane_action_plan()
    endless = vap.Plan(
        key=plan.key,
        title=plan.title,
        adopted=plan.adopted,
        superseded=None,
        meetings=plan.meetings,
        actions=tuple(attrs.evolve(action, superseded=None) for action in plan),
    )
    with pytest.raises(vap.ValidationError, match="has no end, so its yearly items need until="):
        vap.schedule(vap.states_parties()["LAO"], plan=endless)
    assert vap.schedule(vap.states_parties()["LAO"], plan=endless, until=date(2030, 1, 1))


def test_schedule_items_are_checked():
    lao_item = vap.schedule(vap.states_parties()["LAO"])[0]
    plan = vap.vientiane_action_plan()
    with pytest.raises(vap.ValidationError, match=r"ScheduleItem.due 2000-01-01 is before"):
        attrs.evolve(lao_item, due=date(2000, 1, 1))
    with pytest.raises(vap.ValidationError, match="ScheduleItem.state must be an ISO"):
        attrs.evolve(lao_item, state="lao")
    yearly = vap.schedule(vap.states_parties()["LAO"]).for_key("CCM-7.2")[0]
    with pytest.raises(vap.ValidationError, match="must be the year it falls due in, 2012"):
        attrs.evolve(yearly, year=2011)
    with pytest.raises(vap.ValidationError, match="must be a sequence of ScheduleItem values"):
        vap.Schedule(items=("x",), states=(), plan=plan, obligations=vap.convention_obligations())
