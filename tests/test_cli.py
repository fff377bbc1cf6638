"""The command line: formats, errors in one line, and no traceback."""

from __future__ import annotations

import csv
import gc
import importlib.metadata
import io
import runpy
import subprocess
import sys
from datetime import date
from pathlib import Path

import icalendar
import pytest

import vap
from vap.cli import main

PROGRESS = Path(__file__).parent.parent / "examples" / "data" / "progress.json"


def run(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_schedule_table(capsys):
    status, out, err = run(capsys, "schedule", "LAO", "--until", "2012-12-31")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["state", "key", "opens", "due", "applies", "title"]
    assert any(
        line.split()[:4] == ["LAO", "VAP-21.1", "2010-11-12", "2011-02-01"] for line in lines
    )
    assert any(line.startswith("LAO    CCM-7.2/2012") for line in lines)
    widths = {len(line.split("  ")[0]) for line in lines[2:]}
    assert widths == {3}


def test_schedule_json_is_what_dumps_writes(capsys):
    status, out, _ = run(capsys, "schedule", "LAO", "DEU", "--format", "json")
    assert status == 0
    states = vap.states_parties()
    assert out == vap.dumps(vap.schedule([states["LAO"], states["DEU"]])) + "\n"


def test_schedule_csv_and_filters(capsys):
    _, out, _ = run(capsys, "schedule", "deu", "--format", "csv", "--applies", "no")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert {row["applies"] for row in rows} == {"no"}
    assert {row["state"] for row in rows} == {"DEU"}


def test_schedule_ics_to_a_file(capsys, tmp_path):
    path = tmp_path / "lao.ics"
    status, out, _ = run(capsys, "schedule", "LAO", "--format", "ics", "-o", str(path))
    assert (status, out) == (0, "")
    events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert len(events) == len([i for i in vap.schedule(vap.states_parties()["LAO"]) if i.due])


def test_actions(capsys):
    _, out, _ = run(capsys, "actions", "--section", "IV")
    assert [line.split()[0] for line in out.splitlines()[2:]] == ["VAP-8", "VAP-9"]
    _, out, _ = run(capsys, "actions", "--role", "no-implementation-measures")
    assert "VAP-63" in out
    _, out, _ = run(capsys, "actions", "--applies-to", "DEU", "--on", "2012-06-01")
    lines = {line.split()[0]: line.split()[1] for line in out.splitlines()[2:]}
    assert lines["VAP-8"] == "yes"  # Germany held stocks until 25 November 2015
    assert lines["VAP-21"] == "no"  # and has no cluster munition victims
    assert lines["VAP-3"] == "no"  # whose time ran out at the Second Meeting, 2011
    assert lines["VAP-9"] == "unknown"  # "in situations where assistance is required"


def test_explain(capsys):
    status, out, _ = run(capsys, "explain", "LAO", "VAP-21")
    assert status == 0
    assert "due 2011-02-01 = entry into force 2010-08-01 + 6 months" in out
    status, out, _ = run(capsys, "explain", "lao", "CCM-4.1a", "--on", "2019-06-01")
    assert status == 0
    assert out.rstrip().endswith(
        "the deadline in force on 2019-06-01 is 2020-08-01, the original deadline"
    )


def test_assess(capsys):
    status, out, _ = run(capsys, "assess", str(PROGRESS), "--as-of", "2012-01-01")
    assert status == 0
    assert out.startswith("Assessment as of 2012-01-01")
    assert "met-on-time" in out
    assert "no-fixed-date" not in out.split("\n\n", 1)[1]
    _, everything, _ = run(capsys, "assess", str(PROGRESS), "--as-of", "2012-01-01", "--all")
    assert "no-fixed-date" in everything.split("\n\n", 1)[1]


def test_assess_the_published_record(capsys):
    argv = ["assess", "--published", "--as-of", "2026-01-01", "--format", "csv"]
    status, out, _ = run(capsys, *argv, "--keys", "CCM-7.1")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    # Every State Party with an initial report due by then, those without a record too.
    assert {row["key"] for row in rows} == {"CCM-7.1"}
    assert len(rows) == len({row["state"] for row in rows}) == 112
    overdue = sorted(row["state"] for row in rows if row["status"] == "overdue")
    assert overdue == ["COG", "COM", "CPV", "GIN", "MDG", "RWA", "SSD", "STP", "TGO"]
    # By default the keys the record holds, and yearly reports up to the day assessed.
    _, out, _ = run(capsys, *argv, "--states", "LAO")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["key"] for row in rows} == {"CCM-3.2", "CCM-4.1a", "CCM-7.1", "CCM-7.2"}
    assert max(int(row["year"] or 0) for row in rows) == 2025
    # A State the record is silent on, or that owes nothing yet, keeps to the same keys.
    for code, keys in (("SSD", {"CCM-7.1", "CCM-7.2"}), ("VUT", set())):
        _, out, _ = run(capsys, *argv, "--states", code)
        assert {row["key"] for row in csv.DictReader(io.StringIO(out))} == keys
    _, out, _ = run(capsys, *argv, "--states", "LAO", "--until", "2013-12-31")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert max(int(row["year"] or 0) for row in rows) == 2013


def test_assess_keys_of_a_file(capsys):
    argv = ["assess", str(PROGRESS), "--as-of", "2012-01-01", "--format", "csv"]
    _, out, _ = run(capsys, *argv, "--keys", "VAP-21", "CCM-7.1")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["key"] for row in rows} == {"VAP-21.1", "VAP-21.2", "CCM-7.1"}
    # A record named twice over (by its step and its action) is still one record.
    as_json = [*argv[:-1], "json"]
    _, once, _ = run(capsys, *as_json, "--keys", "VAP-21", "CCM-7.1")
    _, twice, _ = run(capsys, *as_json, "--keys", "VAP-21", "VAP-21.1", "CCM-7.1")
    assert twice == once
    assert not vap.loads(once, vap.Assessment).unmatched
    status, _, err = run(capsys, *argv, "--keys", "VAP-99")
    assert status == 1
    assert err.startswith("vap assess: error: unknown key 'VAP-99' (--keys): expected a step")


def test_assess_json_and_csv(capsys, tmp_path):
    _, out, _ = run(capsys, "assess", str(PROGRESS), "--as-of", "2012-01-01", "--format", "json")
    assessment = vap.loads(out, vap.Assessment)
    assert assessment.as_of == date(2012, 1, 1)
    table = tmp_path / "progress.csv"
    table.write_text("state,key,on,source\nLAO,CCM-7.1,2011-01-20,x\n", encoding="utf-8")
    _, out, _ = run(capsys, "assess", str(table), "--as-of", "2012-01-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["state"] for row in rows} == {"LAO"}


def test_states(capsys):
    _, out, _ = run(capsys, "states")
    assert len(out.splitlines()) == 2 + len(vap.states_parties())
    _, out, _ = run(capsys, "states", "--format", "json")
    assert vap.loads(out, vap.StatesParties) == vap.states_parties()


def test_states_show_withdrawal_and_those_bound_on_a_day(capsys):
    _, out, _ = run(capsys, "states")
    (lithuania,) = [line for line in out.splitlines() if line.startswith("LTU")]
    assert lithuania.split()[-1] == "2025-03-06"  # Article 20: six months after notice
    (laos,) = [line for line in out.splitlines() if line.startswith("LAO")]
    assert laos.split()[-1] == "-"
    # The Convention entered into force on 1 August 2010 for the first 30 States.
    _, out, _ = run(capsys, "states", "--on", "2010-08-01")
    assert len(out.splitlines()) == 2 + 30
    _, out, _ = run(capsys, "states", "--on", "2026-01-01", "--format", "json")
    bound = vap.loads(out, vap.StatesParties)
    assert bound == vap.states_parties().on(date(2026, 1, 1))
    assert "LTU" not in bound


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["schedule", "XXX"], "vap schedule: error: unknown State Party 'XXX'"),
        (["explain", "LAO", "VAP-99"], "vap explain: error: unknown key 'VAP-99': the plan VAP"),
        (["explain", "LAO", "vap-21"], "Schedule.for_key() takes a key such as 'VAP-12'"),
        (["actions", "--section", "IX"], "vap actions: error: unknown section 'IX'"),
        (["actions", "--applies-to", "LAO"], "--applies-to needs --on"),
        (["actions", "--on", "2012-01-01"], "--on needs --applies-to"),
        (["data", "export", ""], "data export needs a directory to write to"),
        (["assess", "missing.json", "--as-of", "2012-01-01"], "cannot read 'missing.json'"),
    ],
)
def test_errors_are_one_line_on_stderr(capsys, argv, fragment):
    status, out, err = run(capsys, *argv)
    assert status == 1
    assert out == ""
    assert fragment in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["schedule", "LAO", "--until", "2011-02-30"], "invalid date '2011-02-30'"),
        (["schedule", "LAO", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["assess", "p.json"], "the following arguments are required: --as-of"),
        (["assess", "--as-of", "2012-01-01"], "one of the arguments progress --published"),
        (["assess", "p.json", "--published", "--as-of", "2012-01-01"], "not allowed with"),
        (["launch"], "invalid choice: 'launch'"),
        (["assess", "--published", "--as-of", "2026-01-01", "--due-soon", "-5"], "not '-5'"),
        (
            ["assess", "--published", "--as-of", "2026-01-01", "--due-soon", "3000000"],
            "expected a whole number of days from 0 to 109572, not '3000000'",
        ),
    ],
)
def test_bad_command_lines_exit_2(capsys, argv, fragment):
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert len(err.strip().splitlines()) == 1


def test_a_warning_period_past_the_last_supported_day_stops_there(capsys):
    argv = ["assess", "--published", "--as-of", "2199-10-03", "--states", "LAO"]
    status, out, err = run(capsys, *argv, "--due-soon", "109572")
    assert (status, err) == (0, "")
    assert out.splitlines()[-1].split()[1] == "CCM-7.2/2199"


def test_error_text_escapes_control_characters(capsys, tmp_path):
    table = tmp_path / "progress.csv"
    table.write_text("state,key,on,source\nLAO,VAP-99,2011-01-20,\x1b[31mRED\x07\n")
    status, _, err = run(capsys, "assess", str(table), "--as-of", "2012-01-01")
    assert status == 1
    assert "\x1b" not in err
    assert "\x07" not in err
    assert r"(\x1b[31mRED\x07)" in err


def test_a_bad_progress_file_lists_its_problems(capsys, tmp_path):
    table = tmp_path / "progress.csv"
    table.write_text("state,key,on,source\nLAO,CCM-7.1,2011-02-30,x\nLAO,VAP-1,x,y\n")
    status, _, err = run(capsys, "assess", str(table), "--as-of", "2012-01-01")
    assert status == 1
    assert err.splitlines()[0] == "vap assess: error: invalid progress table"
    assert len(err.splitlines()) == 3


def test_empty_progress_needs_states(capsys, tmp_path):
    table = tmp_path / "progress.csv"
    table.write_text("state,key,on,source\n")
    status, _, err = run(capsys, "assess", str(table), "--as-of", "2012-01-01")
    assert status == 1
    assert "holds no records" in err
    status, out, _ = run(capsys, "assess", str(table), "--as-of", "2012-01-01", "--states", "LAO")
    assert status == 0
    assert "LAO" in out


def test_writing_to_an_unwritable_place(capsys, tmp_path):
    status, _, err = run(capsys, "schedule", "LAO", "-o", str(tmp_path / "no" / "such" / "f"))
    assert status == 1
    assert "No such file or directory" in err


def test_the_console_script_and_module(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "vap", "--version"], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == f"vap {vap.__version__}"
    result = subprocess.run(
        [sys.executable, "-m", "vap", "schedule", "XXX"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_python_dash_m_vap_is_the_command_line(capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["vap", "states", "--format", "json"])
    try:
        with pytest.raises(SystemExit) as exit_:
            runpy.run_module("vap", run_name="__main__")
        # The process is one command: its collector stays off until the process ends.
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert exit_.value.code == 0
    assert vap.loads(capsys.readouterr().out, vap.StatesParties) == vap.states_parties()
    assert vap.__version__ == importlib.metadata.version("vap")


def test_the_installed_command_is_the_process_entry():
    (command,) = importlib.metadata.entry_points(group="console_scripts", name="vap")
    assert command.value == "vap.cli:run"


class _FailingTerminal(io.StringIO):
    def write(self, _text):
        raise OSError(5, "Input/output error")


def test_a_failing_terminal_is_one_line_on_stderr(monkeypatch):
    errors = io.StringIO()
    monkeypatch.setattr(sys, "stdout", _FailingTerminal())
    assert main(["states"], stderr=errors) == 1
    assert errors.getvalue() == "vap states: error: Input/output error\n"


def test_a_file_error_names_the_file(monkeypatch):
    def missing(arguments):
        raise FileNotFoundError(2, "No such file or directory", "/gone/states.csv")

    monkeypatch.setattr("vap.cli._run_states", missing)
    errors = io.StringIO()
    assert main(["states"], stderr=errors) == 1
    assert errors.getvalue() == (
        "vap states: error: No such file or directory: '/gone/states.csv'\n"
    )


def test_version_in_process(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["--version"])
    assert raised.value.code == 0
    assert capsys.readouterr().out == f"vap {vap.__version__}\n"
