"""What `Schedule.explain` prints: true arithmetic, extension chains, the deadline in force."""

from __future__ import annotations

import re
from datetime import date

import attrs
import pytest
from hypothesis import given

import vap
from vap import Extension, ExtensionStatus, Role, StateParty
from vap.testing import strategies as vst

ROUND = vap.MonthEnd.ROUND_DOWN
SUM = re.compile(r"(\d{4}-\d{2}-\d{2}) = [a-z ]+ (\d{4}-\d{2}-\d{2}) \+ ((?:\d+ [a-z]+ ?)+)")
UNITS = {"year": "years", "month": "months", "day": "days"}


def period(words: str) -> vap.Period:
    """The `vap.Period` a printed period ("1 year 6 months") stands for."""
    amounts = re.findall(r"(\d+) ([a-z]+)", words)
    return vap.Period(**{UNITS.get(unit, unit): int(amount) for amount, unit in amounts})


@given(vst.states_parties())
def test_every_sum_printed_is_true(state):
    """Whatever is written "D = anchor A + P" satisfies A + P = D, in every explanation."""
    schedule = vap.schedule(state, until=date(2032, 12, 31), month_end=ROUND)
    for key in {item.key for item in schedule}:
        for due, anchor, words in SUM.findall(str(schedule.explain(key))):
            total = vap.add(date.fromisoformat(anchor), period(words), month_end=ROUND)
            assert total == date.fromisoformat(due), (key, due, anchor, words)


# Bound from 1 August 2010: clearance due 1 August 2020 (Article 4(1)(a)); the Ninth
# Meeting (2-4 September 2019) grants an extension to 1 August 2025.
CONTAMINATED = StateParty(
    "XYZ",
    "Xyzland",
    deposited=date(2009, 1, 1),
    roles={Role.CONTAMINATED},
    extensions=[
        Extension(
            obligation="CCM-4.1a",
            status=ExtensionStatus.GRANTED,
            until=date(2025, 8, 1),
            decided_at="9MSP",
            sources=("ISU",),
        )
    ],
)


def test_an_extended_deadline_shows_the_original_sum_and_the_extension():
    text = str(vap.schedule(CONTAMINATED, until=date(2026, 1, 1)).explain("CCM-4.1a"))
    assert "due 2025-08-01 = the deadline as extended (see below)" in text
    assert "original deadline 2020-08-01 = entry into force 2010-08-01 + 10 years" in text
    assert "extended to 2025-08-01 under Articles 4(5) and 4(8), granted at 9MSP" in text


@pytest.mark.parametrize(
    ("on", "deadline", "why"),
    [
        (date(2019, 6, 1), "2020-08-01", "the original deadline"),
        (date(2019, 9, 3), "2020-08-01", "the original deadline"),
        (date(2019, 9, 4), "2025-08-01", "as extended at 9MSP (2019-09-04)"),
        (date(2021, 1, 1), "2025-08-01", "as extended at 9MSP (2019-09-04)"),
    ],
)
def test_the_deadline_in_force_runs_from_the_close_of_the_meeting(on, deadline, why):
    """An extension takes effect with the decision, on the granting meeting's last day."""
    explained = vap.schedule(CONTAMINATED, until=date(2026, 1, 1)).explain("CCM-4.1a", on=on)
    assert explained.in_force == (f"CCM-4.1a: the deadline in force on {on} is {deadline}, {why}",)
    assert str(explained).endswith(explained.in_force[0])


def test_a_grant_whose_meeting_is_not_known_is_said_so():
    undated = attrs.evolve(
        CONTAMINATED,
        extensions=[
            Extension(
                obligation="CCM-4.1a", status=ExtensionStatus.GRANTED, until=date(2024, 8, 1)
            ),
        ],
    )
    explained = vap.schedule(undated, until=date(2026, 1, 1)).explain(
        "CCM-4.1a", on=date(2021, 1, 1)
    )
    expected = (
        "CCM-4.1a: the deadline in force on 2021-01-01 is 2020-08-01, the original deadline,"
        " or the extension to 2024-08-01 if it was granted by then (the data does not say"
        " when it was)"
    )
    assert explained.in_force == (expected,)


def test_the_built_in_laos_before_and_after_the_ninth_meeting():
    laos = vap.schedule(vap.states_parties()["LAO"], until=date(2026, 1, 1))
    before = laos.explain("CCM-4.1a", on=date(2019, 6, 1)).in_force
    after = laos.explain("CCM-4.1a", on=date(2021, 6, 1)).in_force
    assert before == (
        "CCM-4.1a: the deadline in force on 2019-06-01 is 2020-08-01, the original deadline",
    )
    assert after[0].startswith("CCM-4.1a: the deadline in force on 2021-06-01 is 2025-08-01")


def test_only_deadlines_that_can_be_extended_are_followed():
    explained = vap.schedule(CONTAMINATED, until=date(2013, 1, 1)).explain(
        "VAP-12", on=date(2012, 1, 1)
    )
    assert explained.on == date(2012, 1, 1)
    assert explained.in_force == ()


def test_the_deadline_in_force_names_a_request_without_its_decision():
    lao = vap.states_parties()["LAO"]
    schedule = vap.schedule(lao, until=date(2026, 1, 1))
    in_force = "the deadline in force on {} is 2025-08-01, as extended at 9MSP (2019-09-04)"
    (before,) = schedule.explain("CCM-4.1a", on=date(2024, 9, 12)).in_force
    (after,) = schedule.explain("CCM-4.1a", on=date(2024, 9, 13)).in_force
    assert before == "CCM-4.1a: " + in_force.format("2024-09-12")
    assert after == "CCM-4.1a: " + in_force.format("2024-09-13") + (
        ", or a later one: a request to extend it was before 12MSP, and its decision is not"
        " on record"
    )
