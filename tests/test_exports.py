"""Records, CSV (safe in spreadsheets), iCalendar, data frames and plots."""

from __future__ import annotations

import csv
import datetime
import io
import re
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


def test_a_plot_shows_itself_in_a_notebook():
    png = SCHEDULE.plot()._repr_png_()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_many_states_are_drawn_a_page_at_a_time():
    everyone = vap.schedule(vap.states_parties(), until=date(2012, 12, 31))
    codes = everyone.codes
    first = everyone.plot()
    assert [axis.get_title(loc="left") for axis in first.axes] == list(codes[:8])
    pages = -(-len(codes) // 8)
    assert first.get_suptitle().startswith(f"States 1-8 of {len(codes)} (page 1 of {pages}")
    last = everyone.plot(page=pages)
    assert [axis.get_title(loc="left") for axis in last.axes] == list(codes[(pages - 1) * 8 :])
    three = everyone.plot(per_page=3, page=2)
    assert [axis.get_title(loc="left") for axis in three.axes] == list(codes[3:6])
    assert three.get_size_inches()[1] < 20  # legible: a page, not the whole registry
    with pytest.raises(vap.VapError, match=rf"plot page {pages + 1} does not exist"):
        everyone.plot(page=pages + 1)
    with pytest.raises(vap.VapError, match="per_page must be a whole number of 1 or more"):
        everyone.plot(per_page=0)
    assert SCHEDULE.plot().get_suptitle() == ""  # one page: no page title


def test_large_notebook_views_summarise_first_and_stop_at_a_cap():
    everyone = vap.schedule(vap.states_parties(), until=date(2025, 12, 31))
    assessment = vap.assess(everyone, vap.reports(), as_of=date(2013, 1, 1))
    page = assessment._repr_html_()
    overdue = sum(row.status is vap.Status.OVERDUE for row in assessment)
    assert f"{overdue:,} overdue" in page.split("</caption>")[0]
    statuses = re.findall(r'<span class="vap-([a-z-]+)">', page)
    assert len(statuses) == 50
    assert statuses[: min(overdue, 50)] == ["overdue"] * min(overdue, 50)
    assert f"… and {len(assessment) - 50:,} more rows" in page
    assert len(page) < 100_000
    schedule_page = everyone._repr_html_()
    assert f"… and {len(everyone) - 50:,} more items" in schedule_page
    dues = re.findall(
        r"<td>(\d{4}-\d{2}-\d{2}|no fixed date)</td><td>(?:yes|no|unknown)</td>", schedule_page
    )
    assert dues == sorted(dues)  # dated items first, by date
    assert "more States Parties" in vap.states_parties()._repr_html_()
    assert "more" not in SCHEDULE.for_key("VAP-21")._repr_html_()
