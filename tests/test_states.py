from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import example, given

import vap
from vap import Role, RoleFact, StateParty, Truth
from vap.testing import strategies as vst


@pytest.mark.parametrize(
    ("deposited", "expected"),
    [
        # DOMAIN.md §4, Article 17(1) and 17(2).
        (date(2010, 2, 16), date(2010, 8, 1)),  # the thirtieth instrument
        (date(2008, 12, 3), date(2010, 8, 1)),
        (date(2012, 2, 1), date(2012, 8, 1)),
        (date(2010, 7, 28), date(2011, 1, 1)),
        (date(2010, 5, 4), date(2010, 11, 1)),
        (date(2010, 2, 17), date(2010, 8, 1)),
        (date(2010, 3, 31), date(2010, 9, 1)),
        (date(2011, 9, 8), date(2012, 3, 1)),  # Afghanistan
        (date(2019, 12, 31), date(2020, 6, 1)),
    ],
)
def test_entry_into_force_published_examples(deposited, expected):
    assert vap.entry_into_force(deposited) == expected


@given(vst.dates())
@example(date(2010, 2, 16))
@example(date(2010, 2, 17))
def test_entry_into_force_is_the_first_of_a_month(deposited):
    eif = vap.entry_into_force(deposited)
    assert eif.day == 1
    if deposited > date(2010, 2, 16):
        months = (eif.year - deposited.year) * 12 + eif.month - deposited.month
        assert months == 6
        assert timedelta(days=150) < eif - deposited <= timedelta(days=184)
    else:
        assert eif == date(2010, 8, 1)


def test_entry_into_force_refuses_non_dates():
    with pytest.raises(vap.ValidationError, match="deposited must be a date"):
        vap.entry_into_force("2010-02-16")  # type: ignore[arg-type]


def test_entry_into_force_refuses_deposits_the_convention_did_not_allow():
    # Article 15: opened for signature on 3 December 2008, the day the first ratified.
    assert vap.entry_into_force(date(2008, 12, 3)) == date(2010, 8, 1)
    with pytest.raises(vap.ValidationError, match="before the Convention was opened"):
        vap.entry_into_force(date(2008, 12, 2))
    with pytest.raises(vap.ValidationError, match="before the Convention was opened"):
        StateParty("XYZ", "X", deposited=date(1900, 1, 1))
    with pytest.raises(vap.ValidationError, match="entry into force 2200-06-01 is out of range"):
        vap.entry_into_force(date(2199, 12, 1))


def test_one_line_state_holds_exactly_its_roles_throughout():
    xyz = StateParty("XYZ", "Xyzland", deposited=date(2011, 3, 14), roles={Role.VICTIMS})
    assert xyz.entry_into_force == date(2011, 9, 1)
    for day in (date(2011, 9, 1), date(2030, 1, 1)):
        assert xyz.role(Role.VICTIMS, on=day) is Truth.YES
        for role in set(Role) - {Role.VICTIMS}:
            assert xyz.role(role, on=day) is Truth.NO


def test_roles_accept_names():
    xyz = StateParty("XYZ", "Xyzland", deposited=date(2011, 3, 14), roles=["stockpiles"])
    assert xyz.role(Role.STOCKPILES, on=date(2012, 1, 1)) is Truth.YES
    # The questions take a role's name too, and find the same fact by it.
    assert xyz.role("stockpiles", on=date(2012, 1, 1)) is Truth.YES
    assert xyz.fact("stockpiles", on=date(2012, 1, 1)) is xyz.fact(
        Role.STOCKPILES, on=date(2012, 1, 1)
    )
    assert xyz.fact("STOCKPILES", on=date(2012, 1, 1)) is not None


def test_dated_facts_change_roles_and_gaps_are_unknown():
    deu = StateParty(
        "DEU",
        "Germany",
        deposited=date(2009, 7, 8),
        facts=[
            RoleFact(role=Role.STOCKPILES, value=Truth.YES, until=date(2015, 11, 25)),
            RoleFact(role=Role.STOCKPILES, value=Truth.NO, since=date(2015, 11, 25)),
            RoleFact(role=Role.VICTIMS, value=Truth.NO, since=date(2012, 1, 1)),
        ],
    )
    assert deu.role(Role.STOCKPILES, on=date(2015, 11, 24)) is Truth.YES
    assert deu.role(Role.STOCKPILES, on=date(2015, 11, 25)) is Truth.NO
    assert deu.role(Role.VICTIMS, on=date(2011, 6, 1)) is Truth.UNKNOWN
    assert deu.role(Role.CONTAMINATED, on=date(2011, 6, 1)) is Truth.UNKNOWN
    assert deu.fact(Role.VICTIMS, on=date(2011, 6, 1)) is None


def test_entry_into_force_only_where_no_deposit_date_is_known():
    lux = StateParty("LUX", "Luxembourg", entry_into_force=date(2010, 8, 1))
    assert lux.deposited is None
    assert lux.entry_into_force == date(2010, 8, 1)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("XYZ", "Xyzland"), {}, "needs a deposit date or, where none is known, an entry"),
        (("xyz", "Xyzland"), {"deposited": date(2011, 1, 1)}, "StateParty.code must be an ISO"),
        (("XYZ", " "), {"deposited": date(2011, 1, 1)}, "StateParty.name must be a non-empty"),
        (("XYZ", "X"), {"deposited": "2011-01-01"}, "deposited must be a date"),
        (
            ("XYZ", "X"),
            {"deposited": date(2011, 1, 1), "entry_into_force": date(2011, 8, 1)},
            "contradicts Article 17, which gives 2011-07-01",
        ),
        (
            ("XYZ", "X"),
            {
                "deposited": date(2011, 1, 1),
                "roles": {Role.VICTIMS},
                "facts": [RoleFact(role=Role.VICTIMS, value=Truth.YES)],
            },
            "roles .* or facts, not both",
        ),
        (("XYZ", "X"), {"deposited": date(2011, 1, 1), "roles": "victims"}, "a set of roles"),
        (("XYZ", "X"), {"deposited": date(2011, 1, 1), "roles": ["mines"]}, "unknown role 'mines'"),
        (("XYZ", "X"), {"deposited": date(2011, 1, 1), "facts": ["yes"]}, "RoleFact values"),
        (
            ("XYZ", "X"),
            {
                "deposited": date(2011, 1, 1),
                "facts": [RoleFact(role=Role.VICTIMS, value=Truth.YES, until=date(2011, 7, 1))],
            },
            "ends on 2011-07-01, outside the State's life",
        ),
        (
            ("XYZ", "X"),
            {
                "deposited": date(2011, 1, 1),
                "facts": [
                    RoleFact(role=Role.VICTIMS, value=Truth.YES),
                    RoleFact(role=Role.VICTIMS, value=Truth.NO, since=date(2012, 1, 1)),
                ],
            },
            "overlap",
        ),
        (
            ("XYZ", "X"),
            {
                "deposited": date(2011, 1, 1),
                "events": [
                    vap.Event(kind=vap.Anchor.END_OF_ACTIVE_HOSTILITIES, on=date(2011, 1, 1))
                ],
            },
            "before the entry into force",
        ),
    ],
)
def test_invalid_states_are_refused_with_the_field_and_value(args, kwargs, message):
    with pytest.raises(vap.ValidationError, match=message):
        StateParty(*args, **kwargs)


def test_events_cannot_be_entry_into_force():
    with pytest.raises(vap.ValidationError, match="Event.kind must be an Anchor other than"):
        vap.Event(kind=vap.Anchor.ENTRY_INTO_FORCE, on=date(2011, 1, 1))


def test_fact_order_does_not_matter():
    facts = [
        RoleFact(role=Role.STOCKPILES, value=Truth.NO, since=date(2015, 11, 25)),
        RoleFact(role=Role.STOCKPILES, value=Truth.YES, until=date(2015, 11, 25)),
    ]
    one = StateParty("DEU", "Germany", deposited=date(2009, 7, 8), facts=facts)
    other = StateParty("DEU", "Germany", deposited=date(2009, 7, 8), facts=reversed(facts))
    assert one == other


@given(vst.states_parties(), vst.dates())
def test_a_role_is_unknown_exactly_where_no_fact_covers_the_day(state, day):
    for role in Role:
        covering = [fact for fact in state.facts if fact.role is role and fact.covers(day)]
        assert len(covering) <= 1
        expected = covering[0].value if covering else Truth.UNKNOWN
        assert state.role(role, on=day) is expected


def test_str_and_html():
    xyz = StateParty("XYZ", "Xy<z>land", deposited=date(2011, 3, 14), roles={Role.VICTIMS})
    assert str(xyz) == "Xy<z>land (XYZ), in force since 2011-09-01"
    html = xyz._repr_html_()
    assert "Xy&lt;z&gt;land" in html
    assert "<table" in html


def test_withdrawal_takes_effect_six_months_after_notice_not_before():
    """Article 20(2): six months after the depositary receives the instrument."""
    withdrawal = vap.Withdrawal(notified=date(2024, 9, 6))
    assert withdrawal.effective == date(2025, 3, 6)
    assert str(withdrawal) == "notified 2024-09-06, effective 2025-03-06"
    assert vap.Withdrawal(notified=date(2024, 9, 6), effective=date(2026, 1, 1)).effective == date(
        2026, 1, 1
    )
    with pytest.raises(vap.VapError, match=r"Withdrawal.effective 2025-03-05 is before 2025-03-06"):
        vap.Withdrawal(notified=date(2024, 9, 6), effective=date(2025, 3, 5))


def test_a_state_withdraws_only_once_bound_and_signs_before_it_ratifies():
    with pytest.raises(vap.VapError) as caught:
        vap.StateParty(
            "XYZ",
            "Xyzland",
            deposited=date(2012, 1, 10),
            signed=date(2012, 2, 1),
            withdrawal=vap.Withdrawal(notified=date(2012, 3, 1)),
        )
    text = str(caught.value)
    assert "signed on 2012-02-01, after its instrument was deposited on 2012-01-10" in text
    assert "the withdrawal notified on 2012-03-01 is before the entry into force" in text


def test_what_a_withdrawn_state_says_of_itself():
    lithuania = vap.states_parties()["LTU"]
    assert str(lithuania).endswith(f"withdrew with effect from {lithuania.withdrawal.effective}")
    assert lithuania.joined == lithuania.deposited
    bound = StateParty("XYZ", "Xyzland", entry_into_force=date(2011, 1, 1))
    assert bound.joined == date(2011, 1, 1)  # deposit not known: entry into force


def test_deadline_is_deprecated_for_extended_deadline():
    laos = vap.states_parties()["LAO"]
    with pytest.warns(DeprecationWarning, match="use extended_deadline"):
        assert laos.deadline("CCM-4.1a") == laos.extended_deadline("CCM-4.1a")
