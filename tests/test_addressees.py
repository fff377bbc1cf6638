from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vap
from vap import AllOf, AllStates, AnyOf, HasRole, Not, Role, Truth
from vap.testing import strategies as vst

STOCKPILES, CONTAMINATED, VICTIMS = (
    HasRole(Role.STOCKPILES),
    HasRole(Role.CONTAMINATED),
    HasRole(Role.VICTIMS),
)


def lookup(values):
    return lambda role: values.get(role, Truth.UNKNOWN)


def test_operators_build_and_flatten():
    assert AnyOf(members=(STOCKPILES, CONTAMINATED, VICTIMS)) == STOCKPILES | CONTAMINATED | VICTIMS
    assert AllOf(members=(STOCKPILES, VICTIMS)) == STOCKPILES & VICTIMS
    assert Not(STOCKPILES) == ~STOCKPILES


def test_renders_to_readable_english():
    assert str(AllStates()) == "all States Parties"
    assert str(STOCKPILES) == "States Parties with cluster munition stockpiles"
    assert str(STOCKPILES | CONTAMINATED | VICTIMS) == (
        "States Parties with cluster munition stockpiles, with cluster munition contaminated"
        " areas, or with cluster munition victims"
    )
    assert str(STOCKPILES & ~VICTIMS) == (
        "States Parties with cluster munition stockpiles and other than those with cluster"
        " munition victims"
    )
    assert str(~AllStates()) == "no State Party"
    assert str((STOCKPILES | VICTIMS) & CONTAMINATED) == (
        "States Parties (with cluster munition stockpiles or with cluster munition victims)"
        " and with cluster munition contaminated areas"
    )
    assert str(AllStates() | STOCKPILES) == (
        "States Parties of any kind or with cluster munition stockpiles"
    )


def test_roles_are_collected():
    assert (STOCKPILES | ~VICTIMS).roles == {Role.STOCKPILES, Role.VICTIMS}
    assert AllStates().roles == frozenset()


def test_evaluation_is_three_valued():
    values = {Role.STOCKPILES: Truth.NO, Role.VICTIMS: Truth.YES}
    assert (STOCKPILES | CONTAMINATED).evaluate(lookup(values)) is Truth.UNKNOWN
    assert (VICTIMS | CONTAMINATED).evaluate(lookup(values)) is Truth.YES
    assert (STOCKPILES & CONTAMINATED).evaluate(lookup(values)) is Truth.NO
    assert (~STOCKPILES).evaluate(lookup(values)) is Truth.YES
    assert AllStates().evaluate(lookup({})) is Truth.YES


@given(vst.addressees(), st.dictionaries(vst.roles(), st.booleans()))
def test_agrees_with_two_valued_logic_when_all_roles_are_known(addressee, known):
    values = {role: Truth.of(known.get(role, False)) for role in Role}

    def plain(node):
        if isinstance(node, AllStates):
            return True
        if isinstance(node, HasRole):
            return known.get(node.role, False)
        if isinstance(node, AnyOf):
            return any(plain(member) for member in node.members)
        if isinstance(node, AllOf):
            return all(plain(member) for member in node.members)
        return not plain(node.operand)

    assert addressee.evaluate(lookup(values)) is Truth.of(plain(addressee))


@given(vst.addressees())
def test_every_addressee_renders(addressee):
    text = str(addressee)
    assert text.startswith(("all States Parties", "States Parties", "no State Party"))


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: AnyOf(members=(STOCKPILES,)), "AnyOf.members must hold two or more"),
        (lambda: AllOf(members=(STOCKPILES, "victims")), "AllOf.members must hold two or more"),
        (lambda: Not("victims"), "Not.operand must be an addressee"),
        (lambda: HasRole("victims"), "HasRole.role must be a Role"),
        (lambda: STOCKPILES | "victims", "cannot combine an addressee with 'victims'"),
    ],
)
def test_invalid_addressees(build, message):
    with pytest.raises(vap.ValidationError, match=message):
        build()
