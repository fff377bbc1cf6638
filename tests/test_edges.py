"""The edges of the public face: refusals, rarely taken paths and what values print."""

from __future__ import annotations

import csv
import json
import pickle
from datetime import date

import attrs
import cattrs
import pytest

import vap
from vap import exports, serialization
from vap.cli import main
from vap.data import cache
from vap.formats import documents
from vap.formats.converter import structure
from vap.model.duties import occurrences
from vap.model.policy import SchedulePolicy
from vap.model.timelines import Annually
from vap.testing.strategies import dates

LAO = vap.states_parties()["LAO"]
SCHEDULE = vap.schedule(LAO, until=date(2012, 12, 31))
EVIDENCE = vap.Evidence(source="S", as_of=date(2012, 1, 1), quote="q")


def observation(**change):
    """Victims observed on 1 January 2012, with *change* applied."""
    fields = {"role": vap.Role.VICTIMS, "value": vap.Truth.YES, "on": date(2012, 1, 1)}
    return vap.Observation(**{**fields, "evidence": [EVIDENCE], **change})


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (
            lambda: observation(value=vap.Truth.UNKNOWN, change=True),
            "a change or a statement made throughout says YES or NO",
        ),
        (lambda: observation(value="yes"), "Observation.value must be a Truth, not 'yes'"),
        (
            lambda: observation(change=True, through=True),
            "a change holds from its day, not throughout",
        ),
        (lambda: observation(settled=date(2012, 6, 1)), "is only for a change"),
        (lambda: vap.read_facts([5]), "read_facts takes Observation values, not 5"),
        (
            lambda: vap.Plan(
                key="XAP", title="t", adopted=date(2015, 1, 1), meetings=vap.meetings(), actions=[5]
            ),
            "Plan.actions must be a sequence of Action values, not \\(5,\\)",
        ),
        (lambda: vap.StatesParties([5]), "StatesParties.states must be StateParty values"),
        (lambda: vap.Signatories([LAO]), "Signatories.signatories must be Signatory values"),
        (lambda: exports.html(5), "no HTML view for int: expected a schedule"),
        (
            lambda: vap.assess(SCHEDULE, [], as_of=date(2012, 1, 1)),
            r"assess\(\) takes a Progress, not \[\]",
        ),
        (
            lambda: vap.assess(5, vap.Progress(), as_of=date(2012, 1, 1)),
            r"assess\(\) takes a Schedule, not 5",
        ),
        (
            lambda: vap.Withdrawal(notified=date(2024, 8, 31)),
            "Withdrawal.effective must be given for a notice of 2024-08-31",
        ),
    ],
)
def test_refusals(make, fragment):
    with pytest.raises(vap.VapError, match=fragment):
        make()


@pytest.mark.parametrize(
    ("text", "kind", "fragment"),
    [
        ('{"format": "vap.calendar/1", "meetings": {}}', vap.Calendar, "meetings as an array"),
        (
            json.dumps(
                {**json.loads(vap.dumps(vap.RoleList(
                    key="L", role=vap.Role.VICTIMS, value=vap.Truth.YES, evidence=EVIDENCE,
                    members={"LAO"},
                ))), "members": ["LAO", "LAO"]}
            ),
            vap.RoleList,
            "expected no string twice",
        ),
        (
            json.dumps({**json.loads(vap.dumps(SCHEDULE)), "plan": 5}),
            vap.Schedule,
            "expected a plan as an object",
        ),
    ],
)  # fmt: skip
def test_documents_refused_inside(text, kind, fragment):
    with pytest.raises(vap.FormatError, match=fragment):
        vap.loads(text, kind)


def test_what_is_not_a_document_is_refused():
    with pytest.raises(vap.FormatError, match="expected text, got int"):
        vap.loads(5, vap.Record)  # type: ignore[arg-type]

    class Odd:
        def read(self, _size: int = -1) -> int:
            return 5

    with pytest.raises(vap.FormatError, match="expected a path or an open file, got Odd"):
        vap.load_progress(Odd(), format="json")  # type: ignore[arg-type]


def test_formats_and_tables_that_cannot_be_read(tmp_path):
    notes = tmp_path / "progress.txt"
    notes.write_text("state,key,on,source\n", encoding="utf-8")
    with pytest.raises(vap.FormatError, match="unknown format 'txt': expected 'json' or 'csv'"):
        vap.load_progress(notes)
    broken = tmp_path / "progress.csv"
    broken.write_text('state,key,on,source\n"LAO,CCM-7.1\n', encoding="utf-8")
    with pytest.raises(vap.FormatError, match="invalid progress table"):
        vap.load_progress(broken)


def test_role_lists_take_their_members_as_text_too():
    listed = vap.RoleList(
        key="L", role=vap.Role.VICTIMS, value=vap.Truth.YES, evidence=EVIDENCE, members="LAO; AFG"
    )
    assert listed.members == frozenset({"LAO", "AFG"})


def test_a_role_list_names_holders_or_not_holders_never_unknown_ones():
    with pytest.raises(vap.ValidationError, match="RoleList.value must be Truth.YES or Truth.NO"):
        vap.RoleList(key="L", role=vap.Role.VICTIMS, value=vap.Truth.UNKNOWN, evidence=EVIDENCE)


def test_a_frozen_map_holds_no_unhashable_key():
    held = vap.sources()
    assert [] not in held
    with pytest.raises(vap.UnknownKeyError, match=r"unknown key \[\]"):
        held[[]]


def test_a_file_that_cannot_be_opened_is_a_format_error(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    path.write_text("{}", encoding="utf-8")

    def refuse(*_, **__):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(documents, "open", refuse, raising=False)
    with pytest.raises(vap.FormatError, match="cannot read .*: Permission denied"):
        vap.load_progress(path)


def test_a_plan_document_may_bring_its_own_meetings(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(vap.dumps(vap.vientiane_action_plan()), encoding="utf-8")
    assert vap.load_plan(path) == vap.vientiane_action_plan()


def test_a_custom_yearly_rule_falls_due_on_its_own_first_day():
    """An annual rule that follows no initial report owes its first occurrence at once."""
    plan = vap.vientiane_action_plan()
    action = plan["VAP-59"]
    step = attrs.evolve(action.steps[0], timeline=Annually(month=1, day=31))
    changed = attrs.evolve(action, steps=(step, *action.steps[1:]))
    plan = attrs.evolve(plan, actions=tuple(changed if a.key == "VAP-59" else a for a in plan))
    state = vap.StateParty("XYZ", "X", entry_into_force=date(2011, 3, 1), roles=set())
    first = vap.schedule(state, plan=plan, until=date(2013, 12, 31)).for_key(step.key)[0]
    assert first.due == date(2012, 1, 31)


def test_a_later_partial_record_does_not_undo_a_met_item():
    progress = vap.Progress(
        [
            vap.Record("LAO", "VAP-21.1", on=date(2011, 1, 10), source="S"),
            vap.Record(
                "LAO", "VAP-21.1", on=date(2011, 3, 1), source="T", status=vap.RecordStatus.STARTED
            ),
        ]
    )
    (row,) = vap.assess(SCHEDULE, progress, as_of=date(2011, 6, 1)).for_key("VAP-21.1")
    assert row.status is vap.Status.MET_ON_TIME
    assert str(row).startswith("LAO/VAP-21.1: met-on-time (met on 2011-01-10")


def test_items_and_rows_say_what_they_are():
    (item,) = SCHEDULE.for_key("VAP-21.1")
    assert str(item) == (
        f"LAO/VAP-21.1: {item.title}, opens {item.opens}, due 2011-02-01 (applies: yes)"
    )
    (undated, *_) = SCHEDULE.for_key("VAP-1")
    assert "no fixed date" in str(undated)
    row = vap.assess(SCHEDULE, vap.Progress(), as_of=date(2012, 1, 1)).for_key("VAP-21.1")[0]
    assert "record:" not in row.explain()


def test_json_with_any_indent():
    text = vap.dumps(EVIDENCE, indent=4)
    assert '\n    "as_of": "2012-01-01"' in text
    assert vap.loads(text, vap.Evidence) == EVIDENCE


def test_frozen_maps_remember_their_hash():
    counts = vap.assess(SCHEDULE, vap.Progress(), as_of=date(2012, 1, 1)).indicators()[0].states
    first = hash(counts)
    assert hash(counts) == first  # the remembered hash
    assert hash(type(counts)(dict(counts))) == first  # the hash of an equal map made afresh


def test_submodules_load_on_first_use(monkeypatch):
    monkeypatch.delattr(vap, "testing", raising=False)
    assert vap.testing.__name__ == "vap.testing"


def test_the_command_line_writes_bytes_to_the_terminal(capsysbinary):
    assert main(["schedule", "LAO", "--until", "2011-12-31", "--format", "ics"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"BEGIN:VCALENDAR")


def test_the_cache_is_made_from_the_files(tmp_path, monkeypatch):
    target = tmp_path / "built-in.pickle"
    monkeypatch.setattr(cache, "_FILE", str(target))
    cache.write()
    with target.open("rb") as file:
        written = pickle.load(file)  # noqa: S301 - the file just written
    assert written["digest"] == cache.digest()
    assert cache.value(written["values"]["states"]) == vap.states_parties()


def test_signatories_say_how_many():
    assert repr(vap.signatories()) == f"<Signatories: {len(vap.signatories())} States>"


def test_an_unknown_signatory_is_named():
    with pytest.raises(vap.UnknownKeyError, match="unknown signatory 'XXX': expected the ISO"):
        vap.signatories()["XXX"]
    with pytest.raises(vap.VapError, match="roles must be a set of roles, not 5"):
        vap.StateParty("XYZ", "X", deposited=date(2011, 1, 1), roles=5)  # type: ignore[arg-type]


def test_a_later_partial_record_does_not_undo_a_met_year():
    """A yearly report met for 2011, then a partial record for the same year: still met."""
    schedule = vap.schedule(LAO, until=date(2013, 12, 31))
    progress = vap.Progress(
        [
            vap.Record("LAO", "CCM-7.2", on=date(2012, 4, 20), covers=2011, source="S"),
            vap.Record(
                "LAO",
                "CCM-7.2",
                on=date(2012, 5, 1),
                covers=2011,
                source="T",
                status=vap.RecordStatus.STARTED,
            ),
        ]
    )
    rows = vap.assess(schedule, progress, as_of=date(2012, 6, 1)).for_key("CCM-7.2")
    (row,) = [row for row in rows if row.item.covers == 2011]
    assert row.status is vap.Status.MET_ON_TIME
    assert row.record is not None
    assert row.record.source == "S"


def test_a_plan_may_not_take_the_conventions_key():
    """Keys must be unique within a schedule: CCM- keys are the Convention's obligations."""
    text = vap.dumps(vap.vientiane_action_plan()).replace('"VAP-', '"CCM-')
    text = text.replace('"key":"VAP"', '"key":"CCM"')
    with pytest.raises(vap.FormatError, match="Plan.key must be .* other than 'CCM', not 'CCM'"):
        vap.loads(text, vap.Plan)


def test_a_yearly_duty_without_end_needs_a_last_day():
    (duty,) = [
        duty
        for obligation in vap.convention_obligations()
        for duty in obligation.duties
        if duty.key == "CCM-7.2"
    ]
    with pytest.raises(vap.ValidationError, match="CCM-7.2 falls due every year without end"):
        occurrences(duty, LAO, SchedulePolicy(), through=None)


def test_role_parse_names_what_it_expects():
    with pytest.raises(vap.ValidationError, match="unknown role 5: expected one of stockpiles"):
        vap.Role.parse(5)


def test_compact_json_without_orjson_is_the_same_document(monkeypatch):
    fast = vap.dumps(EVIDENCE)
    monkeypatch.setattr(serialization, "_orjson", lambda: None)
    plain = vap.dumps(EVIDENCE)
    assert json.loads(plain) == json.loads(fast)
    assert "\n" not in plain
    assert vap.loads(plain, vap.Evidence) == EVIDENCE


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (KeyError("source"), "required field missing @ $"),
        (ValueError("bad"), "invalid value: bad @ $"),
    ],
)
def test_structure_turns_any_error_of_a_hook_into_a_format_error(error, problem):
    conv = cattrs.Converter()

    def broken(value, _):
        raise error

    conv.register_structure_hook(vap.Evidence, broken)
    with pytest.raises(vap.FormatError, match="invalid evidence") as raised:
        structure({"source": "S"}, vap.Evidence, what="evidence", conv=conv)
    assert raised.value.problems == (problem,)


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "schedule.csv"
    target.write_text("old", encoding="utf-8")

    def interrupted(self, other):
        raise KeyboardInterrupt

    monkeypatch.setattr(type(tmp_path), "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        SCHEDULE.to_csv(target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["schedule.csv"]


def test_a_csv_cell_past_the_readers_limit_is_a_format_error(tmp_path):
    path = tmp_path / "progress.csv"
    path.write_text(
        "state,key,on,source\nLAO,VAP-21.1,2011-01-10," + "x" * 200_000 + "\n",
        encoding="utf-8",
    )
    limit = csv.field_size_limit(131_072)  # the default, which other libraries may raise
    try:
        with pytest.raises(vap.FormatError, match="field larger than field limit .* at line 2"):
            vap.load_progress(path)
    finally:
        csv.field_size_limit(limit)


def test_the_dates_strategy_refuses_an_empty_range():
    with pytest.raises(ValueError, match="min_value 2012-01-01 is after max_value 2011-01-01"):
        dates(date(2012, 1, 1), date(2011, 1, 1))
