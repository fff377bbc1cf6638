from __future__ import annotations

import ast
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import attrs
import pytest

import vap
from cached import assert_kept_out_of_the_value
from vap import Role, Truth


def test_lookups(plan):
    assert plan["VAP-21"] is plan.action(21)
    assert plan["VAP-21"].key == "VAP-21"
    assert "VAP-21" in plan
    assert "VAP-67" not in plan
    assert plan.step("VAP-8.2").title == "Begin physical destruction of stocks"
    assert plan.step("VAP-21.1").timeline == vap.Within(vap.Period(months=6))
    assert [action.number for action in plan] == list(range(1, 67))
    assert len(plan.steps) == 78


@pytest.mark.parametrize("key", ["VAP-67", "VAP-0", "vap-1", 21, None])
def test_unknown_keys(plan, key):
    with pytest.raises(vap.UnknownKeyError, match="unknown action") as raised:
        plan[key]
    assert isinstance(raised.value, KeyError)
    assert "VAP-1 to VAP-66" in str(raised.value)


def test_unknown_step(plan):
    with pytest.raises(vap.UnknownKeyError, match="unknown step 'VAP-8.3'"):
        plan.step("VAP-8.3")


def test_period_in_force(plan):
    assert plan.adopted == date(2010, 11, 12)
    assert plan.superseded == date(2015, 9, 11)
    assert plan.in_force_on(date(2010, 11, 12))
    assert not plan.in_force_on(date(2015, 9, 11))
    assert plan.meetings["2MSP"].opens == date(2011, 9, 13)


def test_sections(plan):
    assert [section.number for section in plan.sections] == [
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
    ]
    assert [a.number for a in plan.filter(section="IV")] == [8, 9]
    assert [a.number for a in plan.filter(section="Victim assistance")][:2] == [20, 21]
    assert plan.filter(section=plan.sections[0]) == (plan["VAP-1"],)
    with pytest.raises(vap.UnknownKeyError, match="unknown section 'IX'"):
        plan.filter(section="IX")


def test_filter_by_role(plan):
    assert [a.number for a in plan.filter(role=Role.STOCKPILES)] == [8, 9, 33, 34, 35, 36]
    assert [a.number for a in plan.filter(role="no-implementation-measures")] == [63]
    assert [a.number for a in plan.filter(section="VIII", role="in-position-to-assist")] == [57]
    with pytest.raises(vap.ValidationError):
        plan.filter(role="mines")


def test_annotations(plan):
    eight = plan["VAP-8"]
    assert eight.modality is vap.Modality.WILL
    assert eight.qualifier is vap.Qualifier.ENDEAVOUR
    assert eight.addressee == vap.HasRole(Role.STOCKPILES)
    assert plan["VAP-33"].modality is vap.Modality.SHOULD
    assert plan["VAP-37"].modality is vap.Modality.SHOULD_UNDERTAKE
    assert plan["VAP-30"].modality is vap.Modality.WILL_SEEK_TO
    assert plan["VAP-58"].articles == ("Art. 7", "Art. 3(8)")
    assert plan["VAP-58"].steps[0].timeline == vap.AsSoonAsPossible(
        vap.Period(days=180), "Article 7(1)"
    )
    assert plan["VAP-63"].subsection == "National implementation measures"
    assert plan["VAP-11"].steps[0].timeline == vap.OnRoleStart(Role.CONTAMINATED)
    assert plan["VAP-37"].steps[0].timeline == vap.FromDate(date(2011, 1, 1))
    assert str(plan["VAP-8"]) == "VAP-8 Plan stockpile destruction and begin it"


def test_timelines_describe_themselves(plan):
    assert [step.timeline.describe() for step in plan["VAP-26"].steps] == [
        "within 1 year of entry into force",
        "by 1RC",
    ]
    assert plan["VAP-16"].steps[0].timeline.describe() == (
        "every year by 30 April, after an initial report due 180 days after entry into force"
    )
    assert plan["VAP-10"].steps[0].timeline.describe() == "during 2011"
    assert plan["VAP-1"].steps[0].timeline.describe() == "ongoing while the plan is in force"


def test_plan_refuses_inconsistent_actions_reporting_every_problem(plan):
    first = plan["VAP-1"]
    broken = (
        first,
        first,
        attrs.evolve(plan["VAP-3"], adopted=date(2011, 1, 1)),
        attrs.evolve(
            plan["VAP-4"],
            key="DAP-4",
            steps=(attrs.evolve(plan["VAP-4"].steps[0], key="DAP-4"),),
        ),
        attrs.evolve(plan["VAP-5"], section=vap.Section(number="III", title="Other")),
    )
    with pytest.raises(vap.ValidationError, match="invalid plan 'VAP'") as raised:
        attrs.evolve(plan, actions=broken)
    problems = raised.value.problems
    assert len(problems) == 4
    assert "action VAP-1: the number 1 is used more than once" in problems
    assert any("in force from 2011-01-01" in problem for problem in problems)
    assert any("expected the key VAP-4" in problem for problem in problems)
    assert any("titled 'Other' here" in problem for problem in problems)


def test_plan_refuses_unknown_meetings(plan):
    calendar = vap.Calendar(tuple(m for m in plan.meetings if m.key != "2MSP"))
    actions = tuple(attrs.evolve(action, meetings=calendar) for action in plan)
    with pytest.raises(vap.ValidationError) as raised:
        attrs.evolve(plan, meetings=calendar, actions=actions)
    assert "step VAP-3: unknown meeting '2MSP'" in raised.value.problems


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"number": 2}, "Action.number 2 does not match the key 'VAP-1'"),
        ({"key": "VAP 1"}, "Action.key must be an action key"),
        ({"text": ""}, "Action.text must be a non-empty string"),
        ({"steps": ()}, "Action.steps must be one or more Step values"),
        ({"superseded": date(2009, 1, 1)}, "Action.superseded 2009-01-01 is before"),
    ],
)
def test_actions_refuse_bad_fields(plan, change, message):
    with pytest.raises(vap.ValidationError, match=message):
        attrs.evolve(plan["VAP-1"], **change)


def test_step_keys_and_phrases_are_checked(plan):
    eight = plan["VAP-8"]
    with pytest.raises(vap.ValidationError, match=r"keyed \['VAP-8.1', 'VAP-8.3'\]"):
        attrs.evolve(eight, steps=(eight.steps[0], attrs.evolve(eight.steps[1], key="VAP-8.3")))
    with pytest.raises(vap.ValidationError, match="is not in the action's text"):
        attrs.evolve(
            eight, steps=(attrs.evolve(eight.steps[0], phrase="within ten years"), eight.steps[1])
        )


def test_html_reprs_fold_long_texts(plan):
    html = plan._repr_html_()
    assert html.count("<tr>") == 67
    assert "VAP-8.1: within 1 year of entry into force" in html
    action_html = plan["VAP-1"]._repr_html_()
    assert "<details>" in action_html


def test_str(plan):
    assert str(plan) == "Vientiane Action Plan (66 actions, in force 2010-11-12 to 2015-09-11)"
    assert str(plan.sections[2]) == "IV. Stockpile destruction"
    assert str(plan.meetings["2MSP"]) == (
        "Second Meeting of States Parties (2MSP, Beirut, 2011-09-13 to 2011-09-16)"
    )


def test_duties_are_made_once_and_kept_out_of_the_value(plan):
    obligation = vap.convention_obligations()["CCM-7.1"]
    for subject in (plan["VAP-21"], obligation):
        duties = subject.duties
        assert subject.duties is duties
        assert [duty.key for duty in duties] == [step.key for step in subject.steps]
        assert_kept_out_of_the_value(subject, lambda value: value.duties)
    assert "duties" not in vap.dumps(plan)
    assert vap.loads(vap.dumps(plan), vap.Plan) == plan
    # The schedule is made from the same duties, each on the plan's own calendar.
    assert {duty.meetings for duty in plan["VAP-3"].duties} == {plan.meetings}


def test_applies_to_delegates_to_applicability(plan):
    state = vap.StateParty("XYZ", "X", deposited=date(2009, 1, 1), roles=set())
    assert plan["VAP-1"].applies_to(state, on=date(2012, 1, 1)) is Truth.YES


def test_the_front_door_names_every_public_name_once():
    tree = ast.parse(Path(vap.__file__).read_text(encoding="utf-8"))
    checked = next(node for node in tree.body if isinstance(node, ast.If))
    typed = {
        alias.name
        for node in ast.walk(checked)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    lazy = set(vap._WHERE)
    assert typed == lazy
    assert set(vap.__all__) == lazy | {name for name in vap.__all__ if name.endswith("Error")}
    assert vap.__all__ == sorted(vap.__all__, key=lambda name: (name[0].islower(), name))
    for name in vap.__all__:
        assert getattr(vap, name) is not None
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        vap.nothing  # noqa: B018
    assert "schedule" in dir(vap)
    assert vap.serialization.dumps is vap.dumps


def test_importing_vap_loads_nothing_heavy():
    code = (
        "import sys, vap; print(sorted(m for m in ('vap.data', 'vap.engine.builder', 'cattrs',"
        " 'pandas', 'matplotlib', 'icalendar', 'jsonschema') if m in sys.modules))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_reprs_are_short(plan):
    assert repr(plan) == "<Plan VAP 'Vientiane Action Plan': 66 actions>"
    assert "meetings" not in repr(plan["VAP-1"])
    assert repr(vap.states_parties()) == "<StatesParties: 113 States Parties>"
    schedule = vap.schedule(vap.states_parties()["LAO"])
    assert repr(schedule) == f"<Schedule of {len(schedule)} items for LAO>"
    assessment = vap.assess(schedule, vap.Progress(), as_of=date(2012, 1, 1))
    assert repr(assessment).startswith("<Assessment as of 2012-01-01 of ")


def test_the_api_reference_documents_every_public_name():
    reference = Path(__file__).parent.parent / "docs" / "reference" / "api.md"
    documented = set(re.findall(r"^::: vap\.(\w+)$", reference.read_text("utf-8"), re.MULTILINE))
    assert set(vap.__all__) - documented == set()
