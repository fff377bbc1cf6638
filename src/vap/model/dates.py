"""
Calendar arithmetic on plain dates, with an explicit policy for month ends.

The Convention's deadlines are "anchor + period on the same calendar day" (entry into force
2010-08-01 + 8 years = 2018-08-01) and days are calendar days (2010-08-01 + 180 days =
2011-01-28). Adding months or years to a day the target month lacks (31 January + 1 month)
has no single answer: pendulum and dateutil silently round down. Here the caller chooses,
and the default refuses.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Final

import attrs
import pendulum

from vap.errors import AmbiguousDateError, ValidationError
from vap.model.choices import Choice

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MonthEnd",
    "Period",
    "add",
    "as_date",
    "in_range",
    "iso",
    "parse_date",
    "subtract",
]

FIRST_DAY: Final = pendulum.Date(1900, 1, 1)
"""The first day `vap` accepts: anything earlier is a mistake in this treaty's data."""
LAST_DAY: Final = pendulum.Date(2199, 12, 31)
"""The last day `vap` accepts."""

iso: Final = datetime.date.isoformat
"""
A day as ISO 8601 text, ``2011-08-01``: what ``f"{day}"`` gives, by the C method.

A `pendulum.Date` formats itself in an f-string through Python code several times slower;
the words the engine writes for every item use this.
"""


class MonthEnd(Choice):
    """
    What to do when adding months or years lands on a day the target month lacks.

    ``REFUSE`` raises `vap.AmbiguousDateError`; ``ROUND_DOWN`` takes the last day of the
    target month (2021-01-31 + 1 month = 2021-02-28); ``ROUND_UP`` takes the first day of the
    month after (= 2021-03-01).
    """

    REFUSE = "refuse"
    ROUND_DOWN = "round-down"
    ROUND_UP = "round-up"


_UNIT_ORDER: Final = ("years", "months", "days")
_PERIOD_PART: Final = re.compile(r"([0-9]{1,6}) (years?|months?|days?)")
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 0:
        raise ValidationError(
            f"{type(instance).__name__}.{attribute.name} must be a whole number of 0 or more,"
            f" not {value!r}"
        )


@attrs.frozen
class Period:
    """
    A span of calendar time: years, then months, then days.

    Written and parsed as plain English (``"1 year"``, ``"6 months"``, ``"180 days"``,
    ``"1 year 6 months"``), the way the Convention and the plan state them.
    """

    years: int = attrs.field(default=0, validator=_non_negative)
    months: int = attrs.field(default=0, validator=_non_negative)
    days: int = attrs.field(default=0, validator=_non_negative)

    @classmethod
    def parse(cls, text: str) -> Period:
        """
        Read a period written like ``"8 years"`` or ``"1 year 6 months"``.

        Raises:
            ValidationError: if the text is not a sequence of "<number> <unit>" parts with
                each unit (years, months, days) at most once and in that order.
        """
        expected = "a period such as '1 year', '6 months', '180 days' or '1 year 6 months'"
        parts = _PERIOD_PART.findall(text) if isinstance(text, str) else []
        rebuilt = " ".join(f"{number} {unit}" for number, unit in parts)
        if not parts or rebuilt != text:
            raise ValidationError(f"invalid period {text!r}: expected {expected}")
        amounts: dict[str, int] = {}
        for number, unit in parts:
            name = unit if unit.endswith("s") else f"{unit}s"
            if any(_UNIT_ORDER.index(seen) >= _UNIT_ORDER.index(name) for seen in amounts):
                raise ValidationError(f"invalid period {text!r}: expected {expected}")
            amounts[name] = int(number)
        return cls(**amounts)

    def __str__(self) -> str:
        parts = [
            f"{amount} {unit if amount != 1 else unit.rstrip('s')}"
            for unit, amount in (
                ("years", self.years),
                ("months", self.months),
                ("days", self.days),
            )
            if amount
        ]
        return " ".join(parts) or "0 days"


def in_range(day: datetime.date) -> bool:
    """Whether *day* lies in the years `vap` accepts, `FIRST_DAY` to `LAST_DAY`."""
    return FIRST_DAY <= day <= LAST_DAY


def _out_of_range(day: datetime.date, field: str) -> ValidationError:
    return ValidationError(
        f"{field} {day.isoformat()} is out of range: expected a day from {FIRST_DAY} to {LAST_DAY}"
    )


def as_date(value: datetime.date, *, field: str = "date") -> pendulum.Date:
    """
    Return *value* as a `pendulum.Date`, accepting any `datetime.date` from 1900 to 2199.

    A `datetime.datetime` is refused: which calendar day a moment falls on depends on a
    time zone, and `vap` will not guess it.
    """
    if type(value) is not pendulum.Date:
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise ValidationError(
                f"{field} must be a date (datetime.date or pendulum.Date), not {value!r}"
            )
        value = pendulum.Date(value.year, value.month, value.day)
    if not FIRST_DAY <= value <= LAST_DAY:
        raise _out_of_range(value, field)
    return value


def parse_date(text: str, *, field: str | None = None) -> pendulum.Date:
    """
    Read a date written as ``YYYY-MM-DD`` in ASCII digits, from 1900 to 2199.

    Raises:
        ValidationError: naming *field*, if given, for a malformed, impossible
            ("2011-02-30") or out-of-range date.
    """
    where = f" for {field}" if field else ""
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text):
        raise ValidationError(f"invalid date {text!r}{where}: expected YYYY-MM-DD")
    try:
        day = pendulum.Date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:
        raise ValidationError(
            f"invalid date {text!r}{where}: no such day in the calendar"
        ) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError(
            f"invalid date {text!r}{where}: expected a day from {FIRST_DAY} to {LAST_DAY}"
        )
    return day


def _describe(start: datetime.date, sign: str, period: Period) -> str:
    return f"{start} {sign} {period}"


_FIRST_ORDINAL: Final = FIRST_DAY.toordinal()
_LAST_ORDINAL: Final = LAST_DAY.toordinal()


def _beyond(what: str) -> ValidationError:
    return ValidationError(f"{what} falls outside the days vap accepts, {FIRST_DAY} to {LAST_DAY}")


def _shift_months(
    start: pendulum.Date, months: int, month_end: MonthEnd, sign: str, period: Period
) -> pendulum.Date:
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise _beyond(_describe(start, sign, period))
    if start.day <= 28:  # every month has these days: the common case, and entry into force
        return pendulum.Date(year, month, start.day)
    last = calendar.monthrange(year, month)[1]
    if start.day <= last:
        return pendulum.Date(year, month, start.day)
    if month_end is MonthEnd.ROUND_DOWN:
        return pendulum.Date(year, month, last)
    if month_end is MonthEnd.ROUND_UP:
        return pendulum.Date.fromordinal(pendulum.Date(year, month, last).toordinal() + 1)
    raise AmbiguousDateError(
        f"{_describe(start, sign, period)} is ambiguous: {year}-{month:02d} has no day"
        f" {start.day}; pass month_end=MonthEnd.ROUND_DOWN or MonthEnd.ROUND_UP to choose"
    )


def _shift_days(
    start: pendulum.Date, days: int, original: datetime.date, sign: str, period: Period
) -> pendulum.Date:
    ordinal = start.toordinal() + days
    if not _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
        raise _beyond(_describe(original, sign, period))
    return pendulum.Date.fromordinal(ordinal)


def _check_arguments(name: str, period: object, month_end: object) -> None:
    if not isinstance(period, Period):
        raise ValidationError(
            f"{name}() takes a Period such as Period(months=1) or Period.parse('1 month'),"
            f" not {period!r}"
        )
    if not isinstance(month_end, MonthEnd):
        raise ValidationError(
            f"{name}(): month_end must be a MonthEnd such as MonthEnd.ROUND_DOWN, not {month_end!r}"
        )


def add(
    start: datetime.date, period: Period, *, month_end: MonthEnd = MonthEnd.REFUSE
) -> pendulum.Date:
    """
    Return *start* + *period*: years and months on the same day of the month, then days.

    Raises:
        AmbiguousDateError: if the years and months land on a day the target month lacks
            and *month_end* is `MonthEnd.REFUSE`.
    """
    _check_arguments("add", period, month_end)
    day = start if type(start) is pendulum.Date else as_date(start, field="start")
    months = period.years * 12 + period.months
    if months:
        day = _shift_months(day, months, month_end, "+", period)
    if period.days:
        return _shift_days(day, period.days, start, "+", period)
    return day


def subtract(
    start: datetime.date, period: Period, *, month_end: MonthEnd = MonthEnd.REFUSE
) -> pendulum.Date:
    """
    Return *start* - *period*: days first, then months and years on the same day.

    Raises:
        AmbiguousDateError: as `add` does.
    """
    _check_arguments("subtract", period, month_end)
    day = start if type(start) is pendulum.Date else as_date(start, field="start")
    if period.days:
        day = _shift_days(day, -period.days, start, "-", period)
    months = period.years * 12 + period.months
    if months:
        return _shift_months(day, -months, month_end, "-", period)
    return day
