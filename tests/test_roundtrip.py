"""Round trips through the converter: what is written reads back equal."""

from __future__ import annotations

from hypothesis import given

from vap._converter import converter, structure
from vap._meetings import Calendar
from vap._plan import Plan
from vap._states import StateParty
from vap.testing import strategies as vst


def round_trip(value, kind):
    return structure(converter().unstructure(value, kind), kind, what="value")


def test_built_in_plan(plan):
    assert round_trip(plan, Plan) == plan


@given(vst.plans())
def test_plans(plan):
    assert round_trip(plan, Plan) == plan


@given(vst.states_parties())
def test_states(state):
    assert round_trip(state, StateParty) == state


@given(vst.calendars())
def test_calendars(calendar):
    assert round_trip(calendar, Calendar) == calendar
