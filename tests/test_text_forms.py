"""What values say of themselves, and the lookups users type, on the built-in data."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import vap
from vap.model.keys import key_order, parent_key

PLAN = vap.vientiane_action_plan()
OBLIGATIONS = vap.convention_obligations()


def test_hedges_conditions_and_evidence_read_as_the_text_does():
    hedge = next(hedge for action in PLAN for step in action.steps for hedge in step.hedges)
    assert str(hedge) == f'{hedge.qualifier.value} ("{hedge.words}")'
    (step,) = PLAN["VAP-9"].steps
    assert step.condition is not None
    assert str(step.condition) == (
        "States Parties for which assistance is required to meet stockpile destruction"
        ' obligations ("in situations where assistance is required to meet stockpile'
        ' destruction obligations")'
    )
    evidence = vap.Evidence(source="MON2011", as_of=date(2011, 8, 1), quote="Lao PDR")
    assert str(evidence) == 'MON2011, as of 2011-08-01: "Lao PDR"'


def test_obligations_name_their_article_and_refuse_unknown_keys():
    assert str(OBLIGATIONS["CCM-7.1"]).startswith("CCM-7.1 ")
    assert str(OBLIGATIONS["CCM-7.1"]).endswith("(Article 7(1))")
    assert "CCM-7.1" in OBLIGATIONS
    assert "CCM-99.1" not in OBLIGATIONS
    with pytest.raises(vap.UnknownKeyError, match="unknown obligation 'CCM-99.1': expected one"):
        OBLIGATIONS["CCM-99.1"]
    with pytest.raises(vap.VapError, match="the key CCM-7.1 is repeated"):
        attrs.evolve(OBLIGATIONS, obligations=(OBLIGATIONS["CCM-7.1"],) * 2)


def test_an_action_knows_when_its_plan_is_in_force():
    action = PLAN["VAP-1"]
    assert not action.in_force_on(date(2010, 11, 11))
    assert action.in_force_on(date(2010, 11, 12))  # adopted at the First Meeting
    assert action.in_force_on(date(2015, 9, 10))
    assert not action.in_force_on(date(2015, 9, 11))  # the Dubrovnik Action Plan's day


def test_keys_sort_naturally_and_name_their_action():
    keys = ["VAP-10", "VAP-8.2", "CCM-7.1", "VAP-8.1", "VAP-2", "CCM-4.1a", "other"]
    assert sorted(keys, key=key_order) == [
        "CCM-4.1a", "CCM-7.1", "VAP-2", "VAP-8.1", "VAP-8.2", "VAP-10", "other"
    ]  # fmt: skip
    assert parent_key("VAP-8.1") == "VAP-8"
    assert parent_key("VAP-12") == "VAP-12"
    assert parent_key("CCM-7.1") == "CCM-7.1"  # an obligation is its own parent
    assert parent_key("other") == "other"


def test_a_plan_refuses_an_action_with_another_calendar():
    action = attrs.evolve(PLAN["VAP-1"], meetings=vap.Calendar(()))
    with pytest.raises(vap.VapError, match="its meeting calendar is not the plan's"):
        attrs.evolve(PLAN, actions=(action, *PLAN.actions[1:]))
