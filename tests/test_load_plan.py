"""Loading a plan from a file: the built-in plan's own loader, and what it refuses."""

from __future__ import annotations

import copy
import io
import json
from importlib.resources import files

import pytest

import vap

BUILT_IN = json.loads(
    (files("vap.data") / "vientiane-action-plan.json").read_text(encoding="utf-8")
)


def write(tmp_path, document, name="plan.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_built_in_plan_loads_through_the_public_loader(tmp_path, plan):
    assert vap.load_plan(write(tmp_path, BUILT_IN)) == plan


def test_a_plan_can_bring_its_own_meetings(tmp_path, plan):
    calendar = vap.Calendar(tuple(plan.meetings)[:6])
    loaded = vap.load_plan(write(tmp_path, BUILT_IN), meetings=calendar)
    assert loaded.meetings == calendar
    assert loaded["VAP-1"].meetings == calendar


def test_files_and_binary_streams_are_accepted(plan):
    text = json.dumps(BUILT_IN)
    assert vap.load_plan(io.StringIO(text)) == plan
    assert vap.load_plan(io.BytesIO(text.encode())) == plan


def broken(change):
    document = copy.deepcopy(BUILT_IN)
    change(document)
    return document


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d.pop("format"), "format is missing, expected 'vap.plan/1'"),
        (lambda d: d.update(format="vap.plan/2"), "format is 'vap.plan/2'"),
        (
            lambda d: d.update(adopted="2010-02-30"),
            "invalid date '2010-02-30': no such day in the calendar @ $.adopted",
        ),
        (
            lambda d: d["actions"][0].update(number="1"),
            'expected a whole number, got "1" @ $.actions[0].number',
        ),
        (
            lambda d: d["actions"][7]["addressee"].update(role="landmines"),
            "unknown Role \"landmines\": expected one of 'stockpiles'",
        ),
        (
            lambda d: d["actions"][7]["addressee"].update(kind="some"),
            "unknown addressee kind \"some\": expected one of 'all', 'role'",
        ),
        (
            lambda d: d["actions"][2]["steps"][0]["timeline"].update(meeting="9XYZ"),
            "step VAP-3: unknown meeting '9XYZ'",
        ),
        (lambda d: d["actions"][1].update(colour="red"), "unknown fields colour @ $.actions[1]"),
        (lambda d: d["actions"][1].pop("text"), "required field missing @ $.actions[1].text"),
        (
            lambda d: d["actions"][20]["steps"][0]["timeline"].update(period="six months"),
            "invalid period 'six months'",
        ),
        (lambda d: d["actions"][3].update(modality="must"), 'unknown Modality "must"'),
        (lambda d: d.update(actions={}), "expected an array, got an object @ $.actions"),
        (
            lambda d: d["actions"][1].update(number=1, key="VAP-1", steps=d["actions"][0]["steps"]),
            "action VAP-1: the number 1 is used more than once",
        ),
    ],
)
def test_malformed_plans_are_refused_naming_the_field_and_value(tmp_path, change, fragment):
    with pytest.raises(vap.FormatError) as raised:
        vap.load_plan(write(tmp_path, broken(change)))
    assert fragment in str(raised.value)


def test_every_problem_is_reported_at_once(tmp_path):
    def change(document):
        document["actions"][0]["number"] = "one"
        document["actions"][5]["modality"] = "must"
        document["actions"][9]["steps"][0]["timeline"]["year"] = "2011"

    with pytest.raises(vap.FormatError) as raised:
        vap.load_plan(write(tmp_path, broken(change)))
    assert len(raised.value.problems) == 3
    assert [problem.rsplit(" @ ", 1)[1] for problem in raised.value.problems] == [
        "$.actions[0].number",
        "$.actions[5].modality",
        "$.actions[9].steps[0].timeline.year",
    ]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "the document is empty"),
        (b"{", "invalid JSON: Expecting property name"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b'{"format": "vap.plan/1", "format": "vap.plan/1"}', "appears twice"),
        (b"[]", "expected a JSON object"),
        (b"[" * 100 + b"]" * 100, "nested deeper than 64 levels"),
        (b'{"a": NaN}', "NaN is not a JSON value"),
        (b'{"a": 1e999}', "too large"),
    ],
)
def test_unreadable_documents(tmp_path, content, fragment):
    path = tmp_path / "plan.json"
    path.write_bytes(content)
    with pytest.raises(vap.FormatError, match="invalid") as raised:
        vap.load_plan(path)
    assert fragment in str(raised.value)


def test_missing_file(tmp_path):
    with pytest.raises(vap.FormatError, match="cannot read"):
        vap.load_plan(tmp_path / "nothing.json")


def test_not_a_source():
    with pytest.raises(vap.FormatError, match="expected a path or an open file"):
        vap.load_plan(42)  # type: ignore[arg-type]
