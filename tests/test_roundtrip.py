"""Lossless JSON: loads(dumps(x), type(x)) == x, and every document fits its schema."""

from __future__ import annotations

import json
import re
from datetime import date

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vap
from vap import serialization
from vap.formats.converter import (
    ADDRESSEE_TAGS,
    TAG_KEY,
    TIMELINE_TAGS,
    structure,
    unstructure,
)
from vap.testing import strategies as vst

LAO = vap.states_parties()["LAO"]
SCHEDULE = vap.schedule([LAO, vap.states_parties()["DEU"]], until=date(2016, 12, 31))
PROGRESS = vap.Progress(
    [
        vap.Record("LAO", "CCM-7.1", on=date(2011, 1, 27), source="UNODA"),
        vap.Record(
            "DEU", "VAP-8.1", on=date(2011, 5, 1), source="ISU", status=vap.RecordStatus.STARTED
        ),
        vap.Record("LAO", "CCM-7.2", on=date(2011, 4, 29), source="UNODA", covers=2010),
    ]
)
ASSESSMENT = vap.assess(SCHEDULE, PROGRESS, as_of=date(2012, 1, 1))


def round_trip(value):
    text = vap.dumps(value)
    assert json.loads(text)["format"].startswith("vap.")
    return vap.loads(text, type(value))


def valid(value):
    schema = vap.json_schema(type(value))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(vap.dumps(value)), schema, cls=jsonschema.Draft202012Validator)


EVIDENCE = vap.Evidence(source="MON2011", as_of=date(2011, 8, 1), quote="Lao PDR has victims")
BUILT_IN = [
    vap.vientiane_action_plan(),
    vap.vientiane_action_plan()["VAP-8"],
    vap.vientiane_action_plan()["VAP-8"].steps[0],
    vap.vientiane_action_plan().sections[0],
    LAO,
    vap.states_parties(),
    vap.meetings(),
    vap.meetings()["2MSP"],
    vap.convention_obligations(),
    vap.convention_obligations()["CCM-7.1"],
    SCHEDULE,
    SCHEDULE[0],
    SCHEDULE.policy,
    SCHEDULE.explain("VAP-21", state="LAO"),
    PROGRESS,
    PROGRESS[0],
    ASSESSMENT,
    ASSESSMENT[0],
    ASSESSMENT.indicators()[0],
    ASSESSMENT.by_state()[0],
    vap.assess(SCHEDULE, PROGRESS, as_of=date(2013, 1, 1)).changes_since(ASSESSMENT)[0],
    LAO.facts[0],
    vap.states_parties()["BGR"].extensions[0],
    vap.Event(kind=vap.Anchor.END_OF_ACTIVE_HOSTILITIES, on=date(2012, 1, 1)),
    vap.vientiane_action_plan()["VAP-8"].applicability(LAO, on=date(2011, 1, 1)),
    SCHEDULE[0].reasons[0],
    vap.signatories(),
    next(iter(vap.signatories().values())),
    vap.states_parties()["LTU"].withdrawal,
    EVIDENCE,
    vap.Observation(
        role=vap.Role.VICTIMS, value=vap.Truth.YES, on=date(2011, 8, 1), evidence=[EVIDENCE]
    ),
    vap.RoleList(
        key="MON2011-VICTIMS",
        role=vap.Role.VICTIMS,
        value=vap.Truth.YES,
        evidence=EVIDENCE,
        members={"LAO", "AFG"},
    ),
    next(
        hedge for action in vap.vientiane_action_plan() for s in action.steps for hedge in s.hedges
    ),
    next(
        s.condition for action in vap.vientiane_action_plan() for s in action.steps if s.condition
    ),
]


@pytest.mark.parametrize("value", BUILT_IN, ids=lambda value: type(value).__name__)
def test_round_trips(value):
    assert round_trip(value) == value


@pytest.mark.parametrize("value", BUILT_IN, ids=lambda value: type(value).__name__)
def test_documents_fit_their_schemas(value):
    valid(value)


def test_every_public_document_type_is_covered():
    assert {type(value) for value in BUILT_IN} == set(serialization.DOCUMENTS)


def test_dumps_are_stable_and_sorted():
    text = vap.dumps(LAO)
    assert text == vap.dumps(vap.loads(text, vap.StateParty))
    document = json.loads(text)
    assert list(document) == sorted(document)
    assert vap.dumps(LAO, indent=None).count("\n") == 0


def test_schedule_document_names_its_format():
    document = json.loads(vap.dumps(SCHEDULE))
    assert document["format"] == "vap.schedule/1"
    assert document["items"][0]["timeline"]["kind"] in TIMELINE_TAGS.values()


@given(vst.plans())
def test_generated_plans(plan):
    assert round_trip(plan) == plan


@given(vst.states_parties())
def test_generated_states(state):
    assert round_trip(state) == state


@settings(max_examples=20)
@given(st.lists(vst.states_parties(), min_size=1, max_size=2, unique_by=lambda s: s.code))
def test_generated_schedules_and_assessments(states):
    schedule = vap.schedule(states, until=date(2016, 12, 31), month_end=vap.MonthEnd.ROUND_DOWN)
    assert round_trip(schedule) == schedule
    assessment = vap.assess(schedule, vap.Progress(), as_of=date(2013, 1, 1))
    assert round_trip(assessment) == assessment


@given(vst.addressees())
def test_generated_addressees_inside_actions(addressee):
    action = attrs.evolve(vap.vientiane_action_plan()["VAP-1"], addressee=addressee)
    assert round_trip(action) == action


@given(st.lists(vst.records(statuses=list(vap.RecordStatus)), max_size=5))
def test_generated_progress(records):
    progress = vap.Progress(records)
    assert round_trip(progress) == progress


@pytest.mark.parametrize("tags", [ADDRESSEE_TAGS, TIMELINE_TAGS])
def test_the_tag_key_is_no_members_field(tags):
    for kind in tags:
        assert TAG_KEY not in {field.name for field in attrs.fields(kind)}, kind
    assert len(set(tags.values())) == len(tags)


def test_schemas_refuse_what_the_loader_refuses():
    schema = vap.json_schema(vap.StateParty)
    document = json.loads(vap.dumps(LAO))
    document["colour"] = "blue"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
    with pytest.raises(vap.FormatError):
        vap.loads(json.dumps(document), vap.StateParty)


def test_the_converter_can_be_extended():
    converter = serialization.make_converter()
    converter.register_unstructure_hook(vap.Truth, lambda truth: truth.value.upper())
    assert '"value":"YES"' in vap.dumps(LAO.facts[0], conv=converter)
    assert '"value":"yes"' in vap.dumps(LAO.facts[0])
    assert '"value": "yes"' in vap.dumps(LAO.facts[0], indent=2)


def test_types_without_a_document():
    with pytest.raises(vap.VapError, match="no JSON document for int"):
        vap.dumps(5)
    with pytest.raises(vap.VapError, match="no JSON document for str"):
        vap.loads("{}", str)


def test_calendar_documents_hold_one_key():
    with pytest.raises(vap.FormatError, match="expected the one key 'meetings'"):
        vap.loads('{"format": "vap.calendar/1", "meetings": [], "x": 1}', vap.Calendar)


GENERATED = [
    vst.evidence(),
    vst.withdrawals(),
    vst.signatories(),
    vst.observations(),
    vst.role_lists(),
    vst.hedges(),
    vst.conditions(),
    vst.schedule_policies(),
    vst.meetings(),
    vst.calendars(),
    vst.records(),
]


@pytest.mark.parametrize("strategy", GENERATED, ids=lambda strategy: repr(strategy)[:40])
@given(data=st.data())
def test_generated_values_round_trip_and_fit_their_schemas(strategy, data):
    value = data.draw(strategy)
    assert round_trip(value) == value
    valid(value)


LEAVES = st.sampled_from(
    ["", " ", "\u200b", "x", "LAO", "lao", "2011-13-01", "1899-12-31", "2011-01-01",
     "\u0661\u0662", "VAP-\u0661", -1, 0, 2011, 1.5, True, None, [], {}]
)  # fmt: skip


def _paths(node, path=()):
    """Every path to a scalar (or empty) leaf of a JSON document."""
    if isinstance(node, dict) and node:
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list) and node:
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))
    elif path and path != ("format",):
        yield path


def _replaced(document, path, leaf):
    copy = json.loads(json.dumps(document))
    node = copy
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = leaf
    return copy


# What only the loaders can say: rules that relate two values (docs/format.md).
ACROSS_FIELDS = re.compile(
    r"no such day in the calendar|contradicts Article|is before|must be after|overlap"
    r"|is given without|has no yearly due date|is not a day of month|is not in the action"
    r"|is after the year of"
)


@given(
    st.one_of(
        vst.states_parties(), vst.records(), vst.role_lists(), vst.signatories(), vst.meetings()
    ),
    st.data(),
)
def test_the_schema_and_the_loader_agree(value, data):
    """
    A document the schema refuses never loads (the schemas say what the validators check);
    one it accepts loads, or is refused only for a rule that relates two values.
    """
    document = json.loads(vap.dumps(value))
    paths = list(_paths(document))
    if not paths:
        return
    path = data.draw(st.sampled_from(paths))
    mutated = _replaced(document, path, data.draw(LEAVES | st.just("2011-02-30")))
    accepted = jsonschema.Draft202012Validator(vap.json_schema(type(value))).is_valid(mutated)
    try:
        vap.loads(json.dumps(mutated), type(value))
    except vap.FormatError as error:
        if accepted:
            for problem in error.problems:
                assert ACROSS_FIELDS.search(problem), problem
    else:
        assert accepted, mutated


def _tampered(value, change):
    document = json.loads(vap.dumps(value))
    change(document)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d["items"][0].update(state="DEU"), "DEU is not a State of the schedule"),
        (
            lambda d: d["items"][0].update(obligation="VAP-99", key="VAP-99"),
            "VAP-99 is in neither the plan nor the obligations",
        ),
        (lambda d: d["items"][0].update(key="VAP-99"), "VAP-1 has no step VAP-99"),
        (lambda d: d["items"].append(d["items"][0]), "appears more than once"),
    ],
)
def test_a_schedule_document_must_hold_together(change, fragment):
    with pytest.raises(vap.FormatError, match=fragment):
        vap.loads(_tampered(SCHEDULE.for_state("LAO"), change), vap.Schedule)


def test_an_assessment_document_lists_each_item_once():
    def twice(document):
        document["rows"].append(document["rows"][0])

    with pytest.raises(vap.FormatError, match="appears more than once"):
        vap.loads(_tampered(ASSESSMENT, twice), vap.Assessment)


DOCUMENTS_BUILT_IN = {type(value): json.loads(vap.dumps(value)) for value in BUILT_IN}


INTERNAL = re.compile(
    r"vap\.(model|engine|formats|data|exports)\.|<class|NoneType|unknown error"
    r"|invalid value for type|object at 0x"
)


@pytest.mark.parametrize("kind", list(DOCUMENTS_BUILT_IN), ids=lambda kind: kind.__name__)
@given(data=st.data())
def test_any_document_changed_anywhere_loads_or_is_refused(kind, data):
    """
    Past the format line of every document kind: a value, or a FormatError, never more.

    Each problem is said in the user's words, with its path: no internal names.
    """
    document = DOCUMENTS_BUILT_IN[kind]
    path = data.draw(st.sampled_from(list(_paths(document))))
    mutated = _replaced(document, path, data.draw(LEAVES))
    try:
        vap.loads(json.dumps(mutated), kind)
    except vap.FormatError as error:
        message = str(error)
    else:
        return
    assert message.startswith(f"invalid {serialization.DOCUMENTS[kind]} document"), message
    assert not INTERNAL.search(message), message


@pytest.mark.parametrize(
    ("kind", "path", "leaf", "expected"),
    [
        (vap.Step, ("timeline", "kind"), [], "unknown timeline kind an array: expected one of"),
        (vap.AssessmentRow, ("record",), "x", 'expected Record as an object, got "x" @ $.record'),
        (vap.SchedulePolicy, ("reports",), 5, "expected Progress as an object, got 5 @ $.reports"),
    ],
)
def test_refusals_name_the_value_and_what_was_expected(kind, path, leaf, expected):
    document = _replaced(DOCUMENTS_BUILT_IN[kind], path, leaf)
    with pytest.raises(vap.FormatError) as raised:
        vap.loads(json.dumps(document), kind)
    assert expected in str(raised.value)
    assert not INTERNAL.search(str(raised.value))


def test_a_loaded_schedule_shares_its_reasons_and_rules_as_a_built_one():
    built = vap.schedule([vap.states_parties()[code] for code in ("LAO", "DEU", "NOR")])
    loaded = vap.loads(vap.dumps(built), vap.Schedule)
    assert loaded == built

    def distinct(schedule, part):
        values = [value for item in schedule for value in part(item)]
        return len({id(value) for value in values}), len(set(values))

    for part in (
        lambda item: item.reasons,
        lambda item: (item.timeline,),
        lambda item: (item.reasons,),
    ):
        objects, values = distinct(loaded, part)
        assert objects == values  # one object per distinct value
    again = vap.loads(vap.dumps(built), vap.Schedule)
    assert again.items[0].reasons[0] is not loaded.items[0].reasons[0]  # kept for one load only


def test_a_value_json_cannot_hold_is_structured_unshared_and_refused_by_name():
    """A caller's hook may hand the shared kinds a Python value: it is checked as any other."""
    evidence = {"source": "CMM2011", "as_of": date(2011, 8, 1), "quote": "q"}
    document = {"message": "holds stockpiles", "sources": [], "evidence": [evidence]}
    with pytest.raises(vap.FormatError, match=r"expected a date .* @ \$\.evidence\[0\]\.as_of"):
        structure(document, vap.Reason, what="reason")


def test_a_converter_used_directly_makes_each_value_anew():
    converter = serialization.make_converter()
    document = converter.unstructure(vap.Reason("addressed to all States Parties"))
    first, second = (converter.structure(document, vap.Reason) for _ in range(2))
    assert first == second
    assert first is not second


def test_a_schedule_is_written_with_each_list_of_reasons_once_and_the_same_text():
    """`vap.dumps` writes a list of reasons items share once: the document is unchanged."""
    built = vap.schedule(vap.states_parties())
    converter = serialization.make_converter()
    apart = converter.unstructure(built)  # a caller's own call: every array its own
    together = unstructure(built, vap.Schedule, conv=converter)
    assert together == apart
    first = built.items[0].reasons
    shared = [index for index, item in enumerate(built) if item.reasons is first]
    assert len(shared) > 1
    assert len({id(together["items"][index]["reasons"]) for index in shared}) == 1
    assert len({id(item["reasons"]) for item in apart["items"]}) == len(built)
    written = json.loads(vap.dumps(built))
    assert written == {"format": written["format"], **apart}
