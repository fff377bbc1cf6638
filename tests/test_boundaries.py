"""The edges: files that are not files, sizes, dates and text out of range, what is written."""

from __future__ import annotations

import io
import os
import threading
from datetime import date

import attrs
import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vap
from vap.cli import main
from vap.exports.csv import neutralise
from vap.formats import converter, documents
from vap.model import validators

LAO = vap.states_parties()["LAO"]
RECORD = (
    '{"format":"vap.record/1","state":"LAO","key":"CCM-7.1","on":"%s","source":"x",'
    '"covers":null,"status":"met","note":"","quote":""}'
)


def test_a_directory_is_not_a_document(tmp_path):
    with pytest.raises(vap.FormatError, match="not a regular file"):
        vap.load_progress(tmp_path, format="json")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    outcome: list[BaseException] = []

    def load() -> None:
        try:
            vap.load_progress(pipe)
        except vap.VapError as error:
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "the loader waited on a pipe"
    assert "not a regular file" in str(outcome[0])


def test_files_over_the_cap_are_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 64)
    big = tmp_path / "big.json"
    big.write_text(" " * 65, encoding="utf-8")
    with pytest.raises(vap.FormatError, match="larger than"):
        vap.load_progress(big)
    with pytest.raises(vap.FormatError, match="the open file: larger than"):
        vap.load_progress(io.BytesIO(b" " * 65), format="json")


@pytest.mark.parametrize(
    ("day", "fragment"),
    [
        ("1899-12-31", "expected a day from 1900-01-01 to 2199-12-31"),
        ("2200-01-01", "expected a day from 1900-01-01 to 2199-12-31"),
        ("\u0662\u0660\u0661\u0661-01-01", "expected YYYY-MM-DD"),  # Arabic-Indic digits
        ("\uff12\uff10\uff11\uff11-01-01", "expected YYYY-MM-DD"),  # full-width digits
    ],
)
def test_dates_are_ascii_and_in_range(day, fragment):
    with pytest.raises(vap.FormatError, match=fragment):
        vap.loads(RECORD % day, vap.Record)


def test_dates_out_of_range_are_refused_by_constructors_and_questions():
    with pytest.raises(vap.VapError, match=r"Record.on 2300-01-01 is out of range"):
        vap.Record("LAO", "CCM-7.1", on=date(2300, 1, 1), source="x")
    with pytest.raises(vap.VapError, match="deposited 1800-01-01 is before the Convention"):
        vap.StateParty("XYZ", "X", deposited=date(1800, 1, 1))
    with pytest.raises(vap.VapError, match="on 2500-01-01 is out of range"):
        vap.vientiane_action_plan()["VAP-1"].applies_to(LAO, on=date(2500, 1, 1))


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("\u200b\u200b", "must be a non-empty string with visible text"),
        ("\u2028", "must be a non-empty string with visible text"),
        ("\x00\x01", "must be a non-empty string with visible text"),
        ("Lao\ud800", "holds an unpaired surrogate"),
    ],
)
def test_text_must_be_text_one_can_see(name, fragment):
    with pytest.raises(vap.VapError, match=fragment):
        vap.StateParty("XYZ", name, deposited=date(2011, 1, 1))


def test_free_text_may_be_blank_but_must_be_text():
    assert vap.Record("LAO", "CCM-7.1", on=date(2011, 1, 1), source="x", note="").note == ""
    with pytest.raises(vap.VapError, match="Record.note holds an unpaired surrogate"):
        vap.Record("LAO", "CCM-7.1", on=date(2011, 1, 1), source="x", note="\udfff")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\n", "\0"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(start):
    assert neutralise(f"{start}cmd") == f"'{start}cmd"
    assert neutralise(f"a{start}") == f"a{start}"


def test_icalendar_text_holds_no_control_characters():
    state = vap.StateParty("XYZ", "X", deposited=date(2009, 1, 1), roles=set())
    plan = vap.vientiane_action_plan()
    action = plan["VAP-21"]
    step = attrs.evolve(action.steps[0], title="Focal\x1b[31m point\x07")
    sneaky = attrs.evolve(action, text="\x00" + action.text, steps=(step, *action.steps[1:]))
    plan = attrs.evolve(plan, actions=tuple(sneaky if a.key == "VAP-21" else a for a in plan))
    schedule = vap.schedule(state, plan=plan, until=date(2011, 12, 31))
    assert "\x1b" in schedule.for_key("VAP-21.1")[0].title
    calendar = icalendar.Calendar.from_ical(schedule.to_ical())
    for event in calendar.walk("VEVENT"):
        for field in ("summary", "description"):
            assert not any(ord(char) < 32 and char not in "\t\n" for char in str(event[field]))


def test_the_command_line_escapes_control_characters(capsys, tmp_path):
    progress = tmp_path / "progress.csv"
    progress.write_text(
        "state,key,on,source,note\nLAO,CCM-7.1,2011-01-20,\x1b[2Jsource,\n", encoding="utf-8"
    )
    status = main(["assess", str(progress), "--as-of", "2012-01-01", "--format", "csv"])
    out = capsys.readouterr().out
    assert status == 0
    assert "\x1b" not in out
    assert "\\x1b[2Jsource" in out


def test_a_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "schedule.csv"
    target.write_text("the old content", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", broken)
    with pytest.raises(vap.FormatError, match="cannot write .*No space left on device"):
        vap.schedule(LAO, until=date(2011, 12, 31)).to_csv(target)
    assert target.read_text(encoding="utf-8") == "the old content"
    assert [path.name for path in tmp_path.iterdir()] == ["schedule.csv"]


def test_the_command_line_reports_a_folder_it_cannot_write_to(capsys, tmp_path):
    missing = tmp_path / "no such folder" / "out.csv"
    status = main(["schedule", "LAO", "--format", "csv", "-o", str(missing)])
    assert status == 1
    assert "cannot write" in capsys.readouterr().err


def test_depth_is_measured_while_parsing():
    from vap.formats.converter import MAX_DEPTH, parse_json  # noqa: PLC0415

    def nested(levels: int) -> str:
        return '{"a":' * (levels - 1) + '{"b":[1]}' + "}" * (levels - 1)

    assert parse_json(nested(MAX_DEPTH - 1))  # the array inside makes it MAX_DEPTH levels
    with pytest.raises(vap.FormatError, match=f"nested deeper than {MAX_DEPTH} levels"):
        parse_json(nested(MAX_DEPTH))
    with pytest.raises(vap.FormatError, match=f"nested deeper than {MAX_DEPTH} levels"):
        parse_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH)


def test_a_repeated_key_among_many_is_found_in_one_pass():
    keys = ",".join(f'"k{index}": {index}' for index in range(50_000))
    with pytest.raises(vap.FormatError, match="the key 'k0' appears twice"):
        vap.loads("{" + keys + ', "k0": 1}', vap.Record)


@attrs.frozen
class _Texts:
    shown: str = attrs.field(validator=validators.non_empty)
    kept: str = attrs.field(validator=validators.is_text)


def _accepts(make):
    try:
        make()
    except vap.VapError:
        return False
    return True


@given(st.text() | st.sampled_from(["", " ", "\u200b", "x", "\ud800", "a\ud800", "\u00ad"]))
def test_the_text_checks_remembered_are_the_text_checks(text):
    """The validators remember accepted strings; asked again, they answer as the plain check."""
    visible = validators._text_problem(text, blank=False) is None
    plain = validators._text_problem(text, blank=True) is None
    for _ in range(2):
        assert _accepts(lambda: _Texts(text, "k")) is visible
        assert _accepts(lambda: _Texts("s", text)) is plain


@given(st.dates(date(1900, 1, 1), date(2199, 12, 31)) | st.sampled_from([date(1899, 12, 31)]))
def test_the_days_remembered_are_the_days_parsed(day):
    """A loaded date is read once per text and shared; asked again, it is the same day."""
    text = day.isoformat()
    for _ in range(2):
        try:
            loaded = vap.loads(
                vap.dumps(vap.Evidence(source="S", as_of=day, quote="q")), vap.Evidence
            )
        except vap.VapError:
            assert not day >= vap.model.dates.FIRST_DAY  # out of range, refused both times
            continue
        assert loaded.as_of == vap.model.dates.parse_date(text)


def test_full_caches_still_check(monkeypatch):
    """Once a cache is full, the checks and readings go on without remembering more."""
    monkeypatch.setattr(converter, "_DAYS", {})
    monkeypatch.setattr(converter, "_DAYS_MAX", 0)
    monkeypatch.setattr(validators, "_SEEN_TEXT", set())
    monkeypatch.setattr(validators, "_SEEN_MAX", 0)
    day, quote = date(2187, 3, 14), "a quote"
    text = vap.dumps(vap.Evidence(source="S", as_of=day, quote=quote))
    assert vap.loads(text, vap.Evidence).as_of == day
    assert day.isoformat() not in converter._DAYS
    assert quote not in validators._SEEN_TEXT
    with pytest.raises(vap.VapError, match="visible text"):
        vap.Evidence(source="S", as_of=day, quote="\u200b")
