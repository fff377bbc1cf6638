from __future__ import annotations

from datetime import date

import pytest

import vap
from vap import ExtensionStatus, StateParty
from vap.model.extensions import undecided_on, undecided_requests


@pytest.fixture
def lao():
    return StateParty("LAO", "Lao PDR", deposited=date(2009, 3, 18), roles={vap.Role.CONTAMINATED})


def test_extension_what_if_leaves_the_original_alone(lao):
    extended = lao.with_extension("CCM-4.1a", until=date(2025, 8, 1), sources=("ISU-LAO2018",))
    assert extended.extended_deadline("CCM-4.1a") == date(2025, 8, 1)
    assert lao.extended_deadline("CCM-4.1a") is None
    assert lao.extensions == ()


def test_renewals_chain_from_the_previous_extension(lao):
    first = lao.with_extension("CCM-4.1a", until=date(2025, 8, 1))
    second = first.with_extension("CCM-4.1a", until=date(2030, 8, 1))
    assert second.extended_deadline("CCM-4.1a") == date(2030, 8, 1)


def test_requests_do_not_move_deadlines(lao):
    requested = lao.with_extension(
        "CCM-4.1a", until=date(2026, 8, 1), status=ExtensionStatus.REQUESTED
    )
    assert requested.extended_deadline("CCM-4.1a") is None


def _request(**fields):
    return vap.Extension(obligation="CCM-4.1a", status=ExtensionStatus.REQUESTED, **fields)


def _granted(**fields):
    return vap.Extension(obligation="CCM-4.1a", **fields)


@pytest.mark.parametrize(
    ("extensions", "undecided"),
    [
        ([_request(decided_at="12MSP")], ["12MSP"]),
        ([_request(until=date(2030, 8, 1))], []),  # no meeting: not placed in time
        ([_request(decided_at="9MSP"), _granted(until=date(2025, 8, 1), decided_at="9MSP")], []),
        (  # answered by a grant on the day it was made, at a meeting the data does not name
            [
                _request(decided_at="2RC", requested=date(2021, 8, 1)),
                _granted(until=date(2026, 3, 1), requested=date(2021, 8, 1)),
            ],
            [],
        ),
        (
            [_request(decided_at="9MSP", until=date(2025, 8, 1)), _granted(until=date(2025, 8, 1))],
            [],
        ),
        (
            [_granted(until=date(2025, 8, 1), decided_at="9MSP"), _request(decided_at="12MSP")],
            ["12MSP"],
        ),
        (
            [
                vap.Extension(
                    obligation="CCM-3.2", status=ExtensionStatus.REQUESTED, decided_at="2MSP"
                )
            ],
            [],
        ),
    ],
)
def test_undecided_requests(extensions, undecided):
    found = undecided_requests(extensions, "CCM-4.1a")
    assert [request.decided_at for request in found] == undecided


@pytest.mark.parametrize(
    ("asked", "day", "moved"),
    [
        (_request(decided_at="12MSP"), date(2024, 9, 12), False),  # still meeting
        (_request(decided_at="12MSP"), date(2024, 9, 13), True),  # its last day
        (_request(decided_at="12MSP", until=date(2030, 8, 1)), date(2030, 8, 1), True),
        (_request(decided_at="12MSP", until=date(2030, 8, 1)), date(2030, 8, 2), False),
        (_request(decided_at="99MSP"), date(2011, 1, 1), True),  # a meeting without days
        (_request(until=date(2030, 8, 1)), date(2026, 1, 1), False),  # no meeting named
    ],
)
def test_undecided_on(asked, day, moved):
    assert undecided_on([asked], day, vap.meetings()) == ((asked,) if moved else ())


@pytest.fixture(scope="module")
def clearance_on():
    states, reports = vap.states_parties(), vap.reports()

    def status(code, day):
        schedule = vap.schedule(states[code], until=date(2026, 12, 31))
        rows = vap.assess(schedule, reports.for_state(code), as_of=day)
        (row,) = (row for row in rows if row.key == "CCM-4.1a")
        return row

    return status


@pytest.mark.parametrize(
    ("code", "meeting"),
    [
        ("LAO", "12MSP"),
        ("DEU", "12MSP"),
        ("IRQ", "11MSP"),
        ("AFG", "13MSP"),
        ("CHL", "13MSP"),
        ("LBN", "13MSP"),
        ("MRT", "13MSP"),
        ("SOM", "13MSP"),
    ],
)
def test_a_deadline_past_with_a_request_undecided_is_not_overdue(clearance_on, code, meeting):
    """Each was past its deadline on record on 30 November 2026, with a request before a meeting."""
    row = clearance_on(code, date(2026, 11, 30))
    assert row.status is vap.Status.UNKNOWN
    assert row.item.applies is vap.Truth.YES
    assert f"was before {meeting}, and its decision is not on record" in row.reason
    assert any(meeting in reason.message for reason in row.item.reasons)


def test_what_an_undecided_request_leaves_known(clearance_on):
    # Chad's second extension, granted at the Twelfth Meeting, ran out with no request after.
    assert clearance_on("TCD", date(2026, 11, 30)).status is vap.Status.OVERDUE
    # Mauritania was past its deadline of 1 August 2024 before the Thirteenth Meeting met.
    assert clearance_on("MRT", date(2025, 9, 1)).status is vap.Status.OVERDUE
    # Iraq asked for 1 November 2028: after that day it is overdue whatever was decided.
    iraq = vap.states_parties()["IRQ"]
    schedule = vap.schedule(iraq, until=date(2026, 12, 31))
    rows = vap.assess(schedule, vap.Progress(()), as_of=date(2028, 11, 2))
    (row,) = (row for row in rows if row.key == "CCM-4.1a")
    assert row.status is vap.Status.OVERDUE


def test_a_what_if_request(lao):
    asked = lao.with_extension(
        "CCM-4.1a", until=date(2026, 8, 1), status=ExtensionStatus.REQUESTED, decided_at="2RC-2"
    )
    (request,) = undecided_requests(asked.extensions, "CCM-4.1a")
    assert request.decided_at == "2RC-2"


@pytest.mark.parametrize(
    ("obligation", "until", "message"),
    [
        ("CCM-4.1a", date(2025, 8, 2), r"longer than Articles 4\(5\) and 4\(8\) allows"),
        ("CCM-3.2", date(2022, 8, 2), r"longer than Article 3\(3\) allows: at most 4 years"),
        ("CCM-4.1a", date(2020, 8, 1), "does not end after the deadline it extends, 2020-08-01"),
        ("CCM-7.1", date(2012, 1, 1), "Extension.obligation must be CCM-3.2 or CCM-4.1a"),
    ],
)
def test_extensions_beyond_the_articles_are_refused(lao, obligation, until, message):
    with pytest.raises(vap.ValidationError, match=message):
        lao.with_extension(obligation, until=until)


def test_granted_extensions_need_a_date():
    with pytest.raises(vap.ValidationError, match="Extension.until is required"):
        vap.Extension(obligation="CCM-3.2")
    assert vap.Extension(obligation="CCM-3.2", status=ExtensionStatus.REQUESTED).until is None
