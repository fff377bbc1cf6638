"""The built-in reporting record against the lists of late initial reports monitors published."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import vap

SCHEDULE = vap.schedule(vap.states_parties(), until=date(2025, 12, 31))


def late_initial_reports(day: date) -> set[str]:
    assessment = vap.assess(SCHEDULE, vap.reports(), as_of=day)
    return {row.state for row in assessment.for_key("CCM-7.1") if row.status is vap.Status.OVERDUE}


def test_every_record_quotes_its_source():
    known = vap.sources()
    for record in vap.reports():
        assert record.quote.strip(), record
        assert record.source in known, record


def test_human_rights_watch_at_the_third_meeting():
    # "However, 20 States Parties are late in submitting their initial transparency
    # reports" (Human Rights Watch, 13 September 2012). The statement names none. The record
    # read here finds 19, France among them only because it dates France's report no more
    # closely than "submitted by 5 August 2016" (Monitor 2016): 18 well founded, 2 short.
    late = late_initial_reports(date(2012, 9, 13))
    assert len(late) == 19
    assert "FRA" in late


# The coalition's table of 18 June 2015 (JRS Asia Pacific), as far as the stored copy names
# them (15 of its 18), and why the record read here disagrees where it does.
PUBLISHED_2015 = {
    "BOL", "CMR", "CPV", "TCD", "COM", "COK", "DOM", "FJI", "GIN", "GNB", "HND", "MLI",
    "NRU", "NER", "PAN",
}  # fmt: skip
ONLY_PUBLISHED = {
    "CMR": "its report of 2014 was not posted on the UN site until 2016 (Monitor 2017)",
    "TCD": "its report of 24 May 2014 was not yet posted on the UN site (Monitor 2016)",
    "GIN": "the table gives 19 April 2015 as due; Article 17 gives 28 September 2015",
}
ONLY_HERE = {
    # The three the stored copy leaves unnamed, each late by the Monitor's own words:
    "TUN": "not submitted on 27 June 2014 and 25 July 2015 (Monitor): one of the 3 unnamed",
    "KNA": "due 28 August 2014, provided in December 2015 (Monitor 2016): one of the 3",
    "TGO": "not submitted as of 27 June 2014 and 28 July 2015 (Monitor): one of the 3",
    # and one the record cannot place:
    "FRA": "the record dates its report only 'submitted by 5 August 2016' (Monitor 2016)",
}


def test_the_coalitions_list_of_june_2015():
    ours = late_initial_reports(date(2015, 6, 18))
    assert PUBLISHED_2015 - ours == set(ONLY_PUBLISHED)
    assert ours - PUBLISHED_2015 == set(ONLY_HERE)


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("LAO", vap.Status.MET_ON_TIME),
        ("AFG", vap.Status.MET_LATE),  # 30 August 2012, due 28 August 2012
    ],
)
def test_initial_reports_of_named_states(code, status):
    assessment = vap.assess(SCHEDULE, vap.reports(), as_of=date(2013, 1, 1))
    (row,) = assessment.for_state(code).for_key("CCM-7.1")
    assert row.status is status, row.reason


# --- completions of Articles 3 and 4 ---------------------------------------------------------

ROLE_OF = {"CCM-3.2": vap.Role.STOCKPILES, "CCM-4.1a": vap.Role.CONTAMINATED}
COMPLETIONS = [record for record in vap.reports() if record.key in ROLE_OF]


def test_the_completions_the_data_page_counts():
    # "30 records: 25 stockpiles, 5 clearances, each after the State was bound" (data page);
    # "523 records" in all.
    states = vap.states_parties()
    assert len(vap.reports()) == 523
    assert len(vap.reports().for_key("CCM-3.2")) == 25
    assert len(vap.reports().for_key("CCM-4.1a")) == 5
    assert all(record.on >= states[record.state].entry_into_force for record in COMPLETIONS)


@pytest.mark.parametrize("record", COMPLETIONS, ids=lambda r: f"{r.state}-{r.key}-{r.on}")
def test_a_completion_agrees_with_the_role_facts(record):
    """
    A completion is the end of the role the obligation rests on: no longer held on its day.

    A record that gives the day says no that day; one that gives a day by which it was done
    is never contradicted by a yes on or after that day (the facts may still be settling a
    change known to its month or year).
    """
    state = vap.states_parties()[record.state]
    role = ROLE_OF[record.key]
    assert record.status.meets
    truth = state.role(role, on=record.on)
    if record.status is vap.RecordStatus.MET:
        assert truth is vap.Truth.NO, record
    else:
        assert truth is not vap.Truth.YES, record
    later = [f for f in state.facts if f.role is role and f.value is vap.Truth.YES]
    assert all(f.until is not None and f.until <= record.on for f in later), record


@pytest.mark.parametrize(
    ("code", "key", "status", "reason"),
    [
        # Germany completed the destruction of its stockpile on 25 November 2015 (ISU).
        ("DEU", "CCM-3.2", vap.Status.MET_ON_TIME, "met on 2015-11-25, due 2018-08-01"),
        # Croatia: "on 10 July 2020 it completed the clearance", due 1 August 2020
        ("HRV", "CCM-4.1a", vap.Status.MET_ON_TIME, "met on 2020-07-10, due 2020-08-01"),
        # Bosnia and Herzegovina: clearance completed in August 2023, extended to 1 September
        ("BIH", "CCM-4.1a", vap.Status.MET_ON_TIME, "met by 2023-08-31"),
        # Cuba: "destroyed the entire stockpile ... during 2017", due 1 October 2024
        ("CUB", "CCM-3.2", vap.Status.MET_ON_TIME, "met by 2017-12-31"),
    ],
)
def test_completions_of_named_states(code, key, status, reason):
    assessment = vap.assess(SCHEDULE, vap.reports(), as_of=date(2025, 12, 31))
    (row,) = assessment.for_state(code).for_key(key)
    assert row.status is status, row.reason
    assert row.reason.startswith(reason), row.reason


def test_norway_destroyed_its_stockpile_before_it_was_bound():
    # "With today's destruction Norway has completed one of the key obligations of the
    # Convention on Cluster Munitions even before its entry into force on the 1 August 2010."
    norway = vap.states_parties()["NOR"]
    assert norway.role(vap.Role.STOCKPILES, on=norway.entry_into_force) is vap.Truth.NO
    (item,) = SCHEDULE.for_state("NOR").for_key("CCM-3.2")
    assert item.applies is vap.Truth.NO


def test_the_units_list_of_overdue_initial_reports():
    """
    The support unit's undated list of the 13 States Parties with overdue initial reports.

    Read for a day from 1 July 2018 (Benin's report fell due on 30 June 2018) to 11 June
    2019 (Tunisia's came the next day): none on it has a report on record before that span,
    and every State Party off it whose report was due by its start has one by its end.
    """
    listed = {"BEN", "CPV", "COM", "COG", "GIN", "GNB", "GUY", "ISL", "MDG", "RWA", "SOM"}
    listed |= {"TGO", "TUN"}
    first, last = date(2018, 7, 1), date(2019, 6, 11)
    reports = vap.reports().for_key("CCM-7.1")
    for state in vap.states_parties().values():
        if state.entry_into_force + timedelta(days=180) >= first:
            continue
        made = [r.on for r in reports.for_state(state.code) if r.status.meets]
        if state.code in listed:
            assert all(day >= first for day in made), state.code
        else:
            assert made, state.code
            assert min(made) <= last, state.code
    (canada,) = reports.for_state("CAN")
    assert (canada.status, canada.on) == (vap.RecordStatus.MET_BY, last)
