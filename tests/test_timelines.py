from __future__ import annotations

from datetime import date

import pytest

import vap
from vap import Annually, AsSoonAsPossible, ByMeeting, DuringYear, FromDate, Period, Within


def test_descriptions():
    assert Within(Period(days=180)).describe() == "within 180 days of entry into force"
    assert (
        Within(Period(years=10), vap.Anchor.END_OF_ACTIVE_HOSTILITIES).describe()
        == "within 10 years of end of active hostilities"
    )
    assert ByMeeting("2MSP").describe() == "by 2MSP"
    assert FromDate(date(2011, 1, 1)).describe() == "from 2011-01-01 onward"
    assert vap.OnRoleStart("contaminated").describe() == (
        "as soon as the State is one with cluster munition contaminated areas"
    )
    assert AsSoonAsPossible().describe() == "as soon as possible, no fixed date"
    assert AsSoonAsPossible(Period(days=180), "Article 7(1)").describe() == (
        "as soon as possible, at the latest 180 days after entry into force (Article 7(1))"
    )
    assert Annually(12, 31).describe() == "every year by 31 December"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: DuringYear(0), "DuringYear.year 0 is outside the calendar"),
        (lambda: DuringYear("2011"), "DuringYear.year must be a year"),
        (lambda: DuringYear(True), "DuringYear.year must be a year"),
        (lambda: Annually(2, 29), "Annually.day 29 is not a day of month 2"),
        (lambda: Annually(13, 1), "Annually.month must be a month 1 to 12"),
        (lambda: AsSoonAsPossible(Period(days=180)), "must name the article"),
        (lambda: AsSoonAsPossible(None, "Article 7(1)"), "is given without a bound"),
        (lambda: Within("1 year"), "Within.period must be a Period"),
        (lambda: ByMeeting(""), "ByMeeting.meeting must be a meeting key"),
        (lambda: FromDate("2011-01-01"), "FromDate.start must be a date"),
    ],
)
def test_invalid_rules(build, message):
    with pytest.raises(vap.ValidationError, match=message):
        build()


def test_meeting_days_and_request_deadline():
    second = vap.meetings()["2MSP"]
    assert second.day() == date(2011, 9, 13)
    assert second.day(vap.MeetingDay.CLOSES) == date(2011, 9, 16)
    assert vap.extension_request_deadline(second) == date(2010, 12, 13)


def test_calendar_lookups():
    calendar = vap.meetings()
    assert len(calendar) == 17  # 1MSP to 13MSP, 1RC, the two parts of 2RC, and 3RC
    assert "1RC" in calendar
    assert [m.key for m in calendar.between(date(2011, 1, 1), date(2012, 12, 31))] == [
        "2MSP",
        "3MSP",
    ]
    with pytest.raises(vap.UnknownKeyError, match="unknown meeting '99MSP': expected one of 1MSP"):
        calendar["99MSP"]


def test_calendars_refuse_duplicates_and_strangers():
    meeting = vap.meetings()["2MSP"]
    with pytest.raises(vap.ValidationError, match="holds the key '2MSP' more than once"):
        vap.Calendar((meeting, meeting))
    with pytest.raises(vap.ValidationError, match="must be a sequence of Meeting"):
        vap.Calendar(("2MSP",))  # type: ignore[arg-type]


def test_meetings_cannot_close_before_they_open():
    with pytest.raises(vap.ValidationError, match="Meeting.closes 2011-09-12 is before"):
        vap.Meeting(key="X", name="X", city="", opens=date(2011, 9, 13), closes=date(2011, 9, 12))
