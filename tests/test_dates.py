from __future__ import annotations

import calendar
import datetime
from datetime import date

import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import vap
from vap import MonthEnd, Period
from vap.model.dates import iso
from vap.testing import strategies as vst


@pytest.mark.parametrize(
    ("start", "period", "expected"),
    [
        # DOMAIN.md §4: the conventions every published figure follows.
        (date(2010, 8, 1), "8 years", date(2018, 8, 1)),
        (date(2010, 8, 1), "180 days", date(2011, 1, 28)),
        (date(2012, 3, 1), "180 days", date(2012, 8, 28)),
        (date(2010, 8, 1), "6 months", date(2011, 2, 1)),
        (date(2010, 8, 1), "1 year", date(2011, 8, 1)),
        (date(2011, 1, 31), "1 year 6 months", date(2012, 7, 31)),
        (date(2012, 2, 29), "4 years", date(2016, 2, 29)),
    ],
)
def test_published_conventions(start, period, expected):
    assert vap.add(start, Period.parse(period)) == expected


def test_results_are_pendulum_dates():
    assert type(vap.add(date(2010, 8, 1), Period(days=1))) is pendulum.Date


@pytest.mark.parametrize(
    ("start", "period", "down", "up"),
    [
        (date(2021, 1, 31), Period(months=1), date(2021, 2, 28), date(2021, 3, 1)),
        (date(2012, 2, 29), Period(years=1), date(2013, 2, 28), date(2013, 3, 1)),
        (date(2011, 8, 31), Period(months=3), date(2011, 11, 30), date(2011, 12, 1)),
    ],
)
def test_month_ends_refused_unless_a_policy_is_chosen(start, period, down, up):
    with pytest.raises(vap.AmbiguousDateError, match=r"has no day \d+.*month_end"):
        vap.add(start, period)
    assert vap.add(start, period, month_end=MonthEnd.ROUND_DOWN) == down
    assert vap.add(start, period, month_end=MonthEnd.ROUND_UP) == up


def test_subtract_nine_months_before_a_meeting():
    assert vap.subtract(date(2019, 9, 2), Period(months=9)) == date(2018, 12, 2)
    with pytest.raises(vap.AmbiguousDateError):
        vap.subtract(date(2020, 11, 30), Period(months=9))


@given(vst.dates(), st.integers(0, 600))
@example(date(2011, 1, 31), 1)
@example(date(2012, 2, 29), 12)
def test_month_arithmetic_never_silently_rounds(start, months):
    period = Period(months=months)
    try:
        result = vap.add(start, period)
    except vap.AmbiguousDateError:
        target = (start.year * 12 + start.month - 1 + months) // 12
        month = (start.month - 1 + months) % 12 + 1
        assert start.day > calendar.monthrange(target, month)[1]
    else:
        assert result.day == start.day
        down = vap.add(start, period, month_end=MonthEnd.ROUND_DOWN)
        up = vap.add(start, period, month_end=MonthEnd.ROUND_UP)
        assert down == up == result


@given(vst.dates(), st.integers(0, 5000))
def test_days_are_calendar_days(start, days):
    assert vap.add(start, Period(days=days)) == start + datetime.timedelta(days=days)
    assert vap.subtract(vap.add(start, Period(days=days)), Period(days=days)) == start


@given(vst.dates(), st.integers(0, 240))
def test_rounding_policies_bracket_the_month_end(start, months):
    down = vap.add(start, Period(months=months), month_end=MonthEnd.ROUND_DOWN)
    up = vap.add(start, Period(months=months), month_end=MonthEnd.ROUND_UP)
    assert 0 <= (up - down).days <= 1
    assert down.day <= start.day


@pytest.mark.parametrize(
    "text", ["1 year", "6 months", "180 days", "1 year 6 months", "2 years 3 months 4 days"]
)
def test_period_text_round_trips(text):
    assert str(Period.parse(text)) == text


@given(vst.periods())
def test_period_parse_inverts_str(period):
    if period != Period():
        assert Period.parse(str(period)) == period


@pytest.mark.parametrize(
    "text", ["", "year", "1 yr", "6 months 1 year", "1 year 1 year", "-1 days", "1  year", 5]
)
def test_bad_periods_are_refused(text):
    with pytest.raises(vap.ValidationError, match="invalid period"):
        Period.parse(text)


def test_negative_period_parts_are_refused():
    with pytest.raises(vap.ValidationError, match="Period.days"):
        Period(days=-1)


def test_datetimes_are_refused_as_dates():
    with pytest.raises(vap.ValidationError, match="must be a date"):
        vap.add(datetime.datetime(2011, 1, 1, tzinfo=datetime.UTC), Period(days=1))


def test_arithmetic_outside_the_supported_days_is_refused():
    beyond = "falls outside the days vap accepts, 1900-01-01 to 2199-12-31"
    with pytest.raises(vap.ValidationError, match=f"2199-12-01 \\+ 1 month {beyond}"):
        vap.add(date(2199, 12, 1), Period(months=1))
    with pytest.raises(vap.ValidationError, match=beyond):
        vap.add(date(2199, 12, 31), Period(days=1))
    with pytest.raises(vap.ValidationError, match=beyond):
        vap.subtract(date(1900, 1, 1), Period(days=1))
    with pytest.raises(vap.ValidationError, match="start 9999-12-01 is out of range"):
        vap.add(date(9999, 12, 1), Period(months=1))
    assert vap.add(date(2199, 11, 30), Period(months=1)) == date(2199, 12, 30)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_iso_writes_a_day_as_an_f_string_does(day):
    """The words of reasons write days by `iso`, the C method: the same text as f"{day}"."""
    pendulum_day = pendulum.Date(day.year, day.month, day.day)
    assert iso(pendulum_day) == f"{pendulum_day}" == f"{day}"
