"""Records, CSV (safe in spreadsheets), iCalendar, data frames and plots."""

from __future__ import annotations

import csv
import datetime
import io
from datetime import date

import icalendar
import pandas as pd
import pytest

import vap
from vap import Role, StateParty
from vap.exports.csv import neutralise

YES = vap.Truth.YES
# Two States with plain, known roles: the exports are tested, not the built-in data.
LAO = StateParty(
    "LAO",
    "Lao People's Democratic Republic",
    deposited=date(2009, 3, 18),
    facts=[  # stockpiles unknown
        vap.RoleFact(role=Role.CONTAMINATED, value=YES, sources="S"),
        vap.RoleFact(role=Role.VICTIMS, value=YES, sources="S"),
    ],
)
DEU = StateParty(
    "DEU", "Germany", deposited=date(2009, 7, 8), roles={Role.STOCKPILES, Role.CONTAMINATED}
)
SCHEDULE = vap.schedule([LAO, DEU], until=date(2016, 12, 31))
ASSESSMENT = vap.assess(
    SCHEDULE,
    vap.Progress([vap.Record("LAO", "CCM-7.1", on=date(2011, 1, 27), source="=HYPERLINK(1)")]),
    as_of=date(2012, 1, 1),
)


def test_records_are_plain():
    records = SCHEDULE.to_records()
    assert len(records) == len(SCHEDULE)
    first = records[0]
    assert set(first) == set(vap.exports.rows.SCHEDULE_COLUMNS)
    assert type(first["opens"]) is datetime.date
    (focal,) = [r for r in records if r["uid"] == "LAO/VAP-21.1"]
    assert focal["due"] == date(2011, 2, 1)
    assert focal["section"] == "VI. Victim assistance"
    assert focal["applies"] == "yes"
    rows = ASSESSMENT.to_records()
    (initial,) = [r for r in rows if r["uid"] == "LAO/CCM-7.1"]
    assert (initial["status"], initial["record_on"]) == ("met-on-time", date(2011, 1, 27))


def parse(text):
    return list(csv.reader(io.StringIO(text)))


def test_csv_round_trips_the_records():
    rows = parse(SCHEDULE.to_csv())
    assert rows[0] == list(vap.exports.rows.SCHEDULE_COLUMNS)
    assert len(rows) == len(SCHEDULE) + 1
    (focal,) = [row for row in rows if row[0] == "LAO/VAP-21.1"]
    assert focal[7:10] == ["2010-11-12", "2011-02-01", "yes"]


def test_csv_to_a_path_and_a_file(tmp_path):
    path = tmp_path / "schedule.csv"
    assert SCHEDULE.to_csv(path) is None
    assert path.read_bytes().decode("utf-8") == SCHEDULE.to_csv()
    buffer = io.StringIO()
    ASSESSMENT.to_csv(buffer)
    assert buffer.getvalue() == ASSESSMENT.to_csv()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("name", ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_state_named_like_a_formula_yields_no_formula_cell(name):
    evil = StateParty("XYZ", name, deposited=date(2011, 3, 14), roles={Role.VICTIMS})
    for text in (
        vap.schedule(evil).to_csv(),
        vap.assess(vap.schedule(evil), vap.Progress(), as_of=date(2012, 1, 1)).to_csv(),
    ):
        for row in parse(text):
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), cell


def test_formula_like_sources_are_neutralised_too():
    assert all(not cell.startswith("=") for row in parse(ASSESSMENT.to_csv()) for cell in row)
    assert neutralise("=x") == "'=x"
    assert neutralise("2011-01-01") == "2011-01-01"


def test_every_cell_is_quoted():
    line = SCHEDULE.to_csv().splitlines()[1]
    assert line.startswith('"')
    assert line.endswith('"')


def test_ical_has_an_event_for_every_dated_item():
    calendar = icalendar.Calendar.from_ical(SCHEDULE.to_ical())
    events = list(calendar.walk("VEVENT"))
    dated = [item for item in SCHEDULE if item.due is not None]
    assert len(events) == len(dated)
    assert {str(event["uid"]) for event in events} == {f"{item.uid}@vap" for item in dated}
    by_uid = {str(event["uid"]): event for event in events}
    focal = by_uid["LAO/VAP-21.1@vap"]
    assert focal.decoded("dtstart") == date(2011, 2, 1)
    assert str(focal["status"]) == "CONFIRMED"
    assert "Designate a focal point" in str(focal["description"])
    assert str(by_uid["DEU/VAP-21.1@vap"]["status"]) == "CANCELLED"
    assert str(by_uid["LAO/VAP-8.1@vap"]["status"]) == "TENTATIVE"


def test_ical_is_stable_so_reimports_update():
    assert SCHEDULE.to_ical() == SCHEDULE.to_ical()
    stamp = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    stamped = icalendar.Calendar.from_ical(SCHEDULE.to_ical(stamp=stamp))
    assert next(iter(stamped.walk("VEVENT"))).decoded("dtstamp") == stamp


def test_dataframes_have_typed_columns():
    frame = SCHEDULE.to_dataframe()
    assert len(frame) == len(SCHEDULE)
    assert pd.api.types.is_datetime64_any_dtype(frame["due"])
    assert isinstance(frame["applies"].dtype, pd.CategoricalDtype)
    assert str(frame["year"].dtype) == "Int64"
    assessed = ASSESSMENT.to_dataframe()
    assert list(assessed["status"].cat.categories) == [status.value for status in vap.Status]
    assert assessed["status"].cat.ordered


def test_plots_render_to_png(tmp_path):
    figure = SCHEDULE.plot()
    figure.savefig(tmp_path / "schedule.png")
    assert (tmp_path / "schedule.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(figure.axes) == 2
    assessed = SCHEDULE.plot(assessment=ASSESSMENT, include_undated=True)
    assessed.savefig(tmp_path / "assessed.png")
    labels = [text.get_text() for text in assessed.legends[0].get_texts()]
    assert "overdue" in labels
    assert "VAP-1" in [label.get_text() for label in assessed.axes[0].get_yticklabels()]
