from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vap
from cached import assert_kept_out_of_the_value
from vap import Role, RoleFact, Truth
from vap.testing import strategies as vst

YES, NO, UNKNOWN = Truth.YES, Truth.NO, Truth.UNKNOWN


@pytest.mark.parametrize(
    ("left", "right", "conjunction", "disjunction"),
    [
        (YES, YES, YES, YES),
        (YES, NO, NO, YES),
        (YES, UNKNOWN, UNKNOWN, YES),
        (NO, NO, NO, NO),
        (NO, UNKNOWN, NO, UNKNOWN),
        (UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN),
    ],
)
def test_kleene_truth_tables(left, right, conjunction, disjunction):
    assert left & right is conjunction
    assert right & left is conjunction
    assert left | right is disjunction
    assert right | left is disjunction


def test_negation():
    assert ~YES is NO
    assert ~NO is YES
    assert ~UNKNOWN is UNKNOWN


@given(vst.truths(), vst.truths())
def test_de_morgan(a, b):
    assert ~(a & b) is (~a | ~b)
    assert ~(a | b) is (~a & ~b)


@given(vst.truths(), vst.truths(), vst.truths())
def test_associative_commutative_distributive(a, b, c):
    assert (a & b) & c is a & (b & c)
    assert (a | b) | c is a | (b | c)
    assert a & b is b & a
    assert a & (b | c) is (a & b) | (a & c)
    assert a | (b & c) is (a | b) & (a | c)


@given(vst.truths())
def test_identities_and_annihilators(a):
    assert a & YES is a
    assert a | NO is a
    assert a & NO is NO
    assert a | YES is YES
    assert ~~a is a


@given(st.booleans(), st.booleans())
def test_agrees_with_two_valued_logic_when_all_is_known(a, b):
    assert (Truth.of(a) & Truth.of(b)) is Truth.of(a and b)
    assert (Truth.of(a) | Truth.of(b)) is Truth.of(a or b)
    assert ~Truth.of(a) is Truth.of(not a)
    assert bool(Truth.of(a)) is a


@given(st.lists(vst.truths()))
def test_all_of_and_any_of_fold_the_operators(values):
    conjunction, disjunction = YES, NO
    for value in values:
        conjunction &= value
        disjunction |= value
    assert Truth.all_of(values) is conjunction
    assert Truth.any_of(values) is disjunction


def test_unknown_is_never_silently_false():
    with pytest.raises(vap.UnknownTruthError, match="UNKNOWN"):
        bool(UNKNOWN)
    with pytest.raises(TypeError):
        assert not UNKNOWN
    assert Truth.of(None) is UNKNOWN
    assert not UNKNOWN.known


def test_truth_refuses_other_operands():
    with pytest.raises(TypeError):
        YES & True
    with pytest.raises(TypeError):
        YES | 1


def test_role_parse():
    assert Role.parse("in-position-to-assist") is Role.IN_POSITION_TO_ASSIST
    assert Role.parse("STOCKPILES") is Role.STOCKPILES
    assert Role.parse(Role.VICTIMS) is Role.VICTIMS
    with pytest.raises(vap.ValidationError, match=r"unknown role 'landmines': expected one of"):
        Role.parse("landmines")


def test_role_descriptions_follow_the_headings():
    assert Role.STOCKPILES.description == "with cluster munition stockpiles"
    assert Role.VICTIMS.description == "with cluster munition victims"


def test_fact_spans():
    fact = RoleFact(role=Role.STOCKPILES, value=YES, until=date(2015, 11, 25), sources=("MON-DEU",))
    assert fact.covers(date(2015, 11, 24))
    assert not fact.covers(date(2015, 11, 25))
    assert fact.describe() == "stockpiles: yes until 2015-11-25"
    assert RoleFact(role="victims", value=NO).span == "throughout"
    assert RoleFact(role=Role.VICTIMS, value=NO, since=date(2011, 1, 1)).span == "from 2011-01-01"


@given(vst.states_parties())
def test_a_fact_gives_one_reason_made_once_and_kept_out_of_its_value(state):
    for fact in state.facts:
        made = fact.reason
        assert made is fact.reason
        assert made.message == (
            f"{fact.role.description}: {fact.value.value}, by a fact that holds {fact.span}"
        )
        assert (made.sources, made.evidence) == (fact.sources, fact.evidence)
        assert_kept_out_of_the_value(fact, lambda value: value.reason)
        assert vap.loads(vap.dumps(state), vap.StateParty) == state


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"since": date(2012, 1, 1), "until": date(2011, 1, 1)}, "RoleFact.until 2011-01-01"),
        ({"since": date(2012, 1, 1), "until": date(2012, 1, 1)}, "must be after RoleFact.since"),
        ({"since": "2012-01-01"}, r"RoleFact.since must be a date"),
        ({"value": True}, "RoleFact.value must be a Truth"),
        ({"sources": [1]}, "RoleFact.sources must be a sequence of non-empty strings"),
        ({"role": "landmines"}, "unknown role 'landmines'"),
    ],
)
def test_invalid_facts_name_the_field_and_value(kwargs, message):
    with pytest.raises(vap.VapError, match=message):
        RoleFact(**{"role": Role.VICTIMS, "value": YES, **kwargs})


@given(vst.states_parties())
def test_values_are_immutable(state):
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        state.code = "XXX"  # type: ignore[misc]
    if state.facts:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            state.facts[0].value = YES  # type: ignore[misc]
    assert hash(state) == hash(attrs.evolve(state))


@pytest.mark.parametrize("kind", [vap.Truth, vap.Role, vap.Status, vap.RecordStatus, vap.MonthEnd])
def test_an_enumeration_refuses_an_unknown_value_naming_the_known_ones(kind):
    with pytest.raises(
        vap.ValidationError, match=f"unknown {kind.__name__} 'maybe': expected one of"
    ):
        kind("maybe")
    with pytest.raises(ValueError, match="maybe"):  # a plain enum's lookup raises ValueError too
        kind("maybe")
    first = next(iter(kind))
    assert kind(first.value) is first
