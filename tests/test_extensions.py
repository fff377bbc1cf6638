from __future__ import annotations

from datetime import date

import pytest

import vap
from vap import ExtensionStatus, StateParty


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
