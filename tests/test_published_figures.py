"""
Dates the library computes for the built-in States, pinned to published figures.

Each figure names where it was published. Where a publication disagrees with what the
deposit dates in the data imply, the test says so rather than bending the rule.
"""

from __future__ import annotations

from datetime import date

import pytest

import vap


@pytest.fixture(scope="module")
def states():
    return vap.states_parties()


def due(states, code, key):
    (item,) = vap.schedule(states[code]).for_key(key)
    return item.due


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # JRS-ART7: the Cluster Munition Coalition's table of overdue initial Article 7
        # reports, as of 18 June 2015, with each report's due date.
        ("BOL", date(2014, 3, 30)),
        ("CMR", date(2013, 6, 30)),
        ("COM", date(2011, 6, 30)),
        ("COK", date(2012, 7, 30)),
        ("DOM", date(2012, 11, 28)),
        ("FJI", date(2011, 4, 30)),
        ("GNB", date(2011, 10, 28)),
        ("HND", date(2013, 2, 28)),
        ("NER", date(2011, 1, 28)),
        ("PAN", date(2011, 10, 28)),
        ("TCD", date(2014, 2, 28)),
    ],
)
def test_initial_report_due_dates(states, code, expected):
    assert due(states, code, "CCM-7.1") == expected


@pytest.mark.parametrize(
    ("code", "published", "ours"),
    [
        # JRS-ART7 gives 28 October 2011 for Cabo Verde, whose instrument is dated
        # 19 October 2010 (UNTC, BGBL179): Article 17(2) gives 1 April 2011 and 180 days
        # later 28 September 2011, a month earlier.
        ("CPV", date(2011, 10, 28), date(2011, 9, 28)),
        # JRS-ART7 gives 19 April 2015 for Guinea, deposited 21 October 2014: its entry
        # into force is 1 April 2015, so 180 days later is 28 September 2015.
        ("GIN", date(2015, 4, 19), date(2015, 9, 28)),
    ],
)
def test_published_figures_that_disagree_with_the_deposit_dates(states, code, published, ours):
    assert due(states, code, "CCM-7.1") == ours != published


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("AFG", date(2012, 3, 1)),  # deposited 8 September 2011
        ("DEU", date(2010, 8, 1)),  # ISU-DEU: "entered into force 1 August 2010"
        ("LAO", date(2010, 8, 1)),
        ("LUX", date(2010, 8, 1)),  # one of the first thirty, deposit date unknown
        ("ECU", date(2010, 11, 1)),  # deposited after the thirtieth instrument
        ("GMB", date(2019, 6, 1)),
    ],
)
def test_entry_into_force(states, code, expected):
    assert states[code].entry_into_force == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # Article 3(2): entry into force + 8 years.
        ("DEU", date(2018, 8, 1)),
        ("ESP", date(2018, 8, 1)),
        ("CHE", date(2021, 1, 1)),  # ISU-CHE: "January 2021 deadline"
        ("ITA", date(2020, 3, 1)),
        # Extended under Article 3(3): the latest granted extension.
        ("BGR", date(2023, 12, 31)),  # MON-BGR2023
        ("PER", date(2024, 4, 1)),  # ISU-PER: 1 April 2024
    ],
)
def test_stockpile_destruction_deadlines(states, code, expected):
    assert due(states, code, "CCM-3.2") == expected


def test_bulgarias_original_deadline_was_1_october_2019(states):
    bulgaria = vap.StateParty(
        "BGR", "Bulgaria", deposited=states["BGR"].deposited, facts=states["BGR"].facts
    )
    assert due({"BGR": bulgaria}, "BGR", "CCM-3.2") == date(2019, 10, 1)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # Article 4(1)(a): entry into force + 10 years; extended under 4(5) and 4(8).
        ("DEU", date(2025, 8, 1)),  # from 1 August 2020, extended at 9MSP
        ("LAO", date(2025, 8, 1)),  # from 1 August 2020, extended at 9MSP
        ("LBN", date(2026, 5, 1)),  # MAG-LBN: current extended deadline
        ("BIH", date(2023, 9, 1)),  # from 1 March 2021: to 1 September 2022 (2RC), then 2023
        ("HRV", date(2020, 8, 1)),
    ],
)
def test_clearance_deadlines(states, code, expected):
    assert due(states, code, "CCM-4.1a") == expected


def test_the_second_meeting_deadline_is_its_first_day(states):
    assert due(states, "LAO", "VAP-3") == date(2011, 9, 13)
    assert due(states, "LAO", "VAP-26.2") == date(2015, 9, 7)


@pytest.mark.parametrize(
    ("code", "first", "covers"),
    [
        # "As of 1 June 2012, Albania had not yet provided its second Article 7 report, due
        # 30 April 2012." (Monitor, 18 July 2012)
        ("ALB", date(2012, 4, 30), 2011),
        # Austria's "annual updated ... report on 24 April 2012, covering the 2011 calendar
        # year" (Monitor, 5 September 2012)
        ("AUT", date(2012, 4, 30), 2011),
        # Afghanistan, bound from 1 March 2012: its first update covered 2012 (Monitor 2014)
        ("AFG", date(2013, 4, 30), 2012),
    ],
)
def test_the_first_yearly_report(states, code, first, covers):
    (item, *_) = vap.schedule(states[code], until=date(2014, 12, 31)).for_key("CCM-7.2")
    assert (item.due, item.covers) == (first, covers)
