"""Formal meetings of the Convention, the anchors of meeting-bound deadlines."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
import pendulum

from vap.errors import UnknownKeyError, ValidationError
from vap.model.choices import Choice
from vap.model.dates import MonthEnd, Period, as_date, subtract
from vap.model.frozen import FrozenMap
from vap.model.validators import (
    are_strings,
    as_tuple,
    converter,
    is_date,
    is_text,
    non_empty,
    not_before,
    repeated,
    to_date,
    to_strings,
)

__all__ = ["Calendar", "Meeting", "MeetingDay", "extension_request_deadline"]

_REQUEST_LEAD = Period(months=9)


class MeetingDay(Choice):
    """Which day of a meeting a meeting-bound deadline falls on: by default, the first."""

    OPENS = "opens"
    CLOSES = "closes"


@attrs.frozen(kw_only=True)
class Meeting:
    """A formal meeting of the Convention: a Meeting of States Parties or a Review Conference."""

    key: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    city: str = attrs.field(validator=is_text)
    opens: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    closes: pendulum.Date = attrs.field(converter=to_date, validator=[is_date, not_before("opens")])
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    note: str = attrs.field(default="", validator=is_text)

    def day(self, which: MeetingDay = MeetingDay.OPENS) -> pendulum.Date:
        """Return the meeting's first or last day."""
        return self.opens if which is MeetingDay.OPENS else self.closes

    def __str__(self) -> str:
        return f"{self.name} ({self.key}, {self.city}, {self.opens} to {self.closes})"


def _unique_keys(instance: Calendar, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, Meeting) for item in value):
        raise ValidationError(f"Calendar.{attribute.name} must be a sequence of Meeting values")
    keys = [meeting.key for meeting in value]
    duplicates = repeated(keys)
    if duplicates:
        raise ValidationError(
            f"Calendar.{attribute.name} holds the key {duplicates[0]!r} more than once"
        )


def _by_date(meetings: Iterable[Meeting]) -> tuple[Meeting, ...]:
    items = as_tuple(meetings)  # anything but an iterable passes on, for the validator to refuse
    if isinstance(items, tuple) and all(isinstance(meeting, Meeting) for meeting in items):
        return tuple(sorted(items, key=lambda meeting: (meeting.opens, meeting.key)))
    return items


converter(_by_date)


@attrs.frozen
class Calendar:
    """The meetings a plan's deadlines refer to, in date order, looked up by key."""

    meetings: tuple[Meeting, ...] = attrs.field(converter=_by_date, validator=_unique_keys)
    _index: Mapping[str, Meeting] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", FrozenMap((m.key, m) for m in self.meetings))

    def __getitem__(self, key: str) -> Meeting:
        try:
            return self._index[key]
        except KeyError:  # an unhashable key too: FrozenMap says UnknownKeyError
            known = ", ".join(self._index)
            raise UnknownKeyError(f"unknown meeting {key!r}: expected one of {known}") from None

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[Meeting]:
        return iter(self.meetings)

    def __len__(self) -> int:
        return len(self.meetings)

    def between(self, start: datetime.date, end: datetime.date) -> tuple[Meeting, ...]:
        """The meetings that open between *start* and *end*, both included."""
        first, last = as_date(start, field="start"), as_date(end, field="end")
        return tuple(meeting for meeting in self.meetings if first <= meeting.opens <= last)


def extension_request_deadline(
    meeting: Meeting, *, month_end: MonthEnd = MonthEnd.REFUSE
) -> pendulum.Date:
    """
    Return the last day to submit an extension request to be considered at *meeting*.

    Articles 3(5) and 4(6): a request is submitted "a minimum of nine months prior to" the
    meeting that considers it, counted back from the meeting's first day. Article 4(6)
    also requires a clearance request before the deadline it extends expires.

    Raises:
        AmbiguousDateError: where nine months back lands on a day the month lacks (a
            meeting opening on 30 November) and *month_end* is `MonthEnd.REFUSE`.
        ValidationError: for something other than a `Meeting`.
    """
    if not isinstance(meeting, Meeting):
        raise ValidationError(
            "extension_request_deadline() takes a Meeting, such as vap.meetings()['9MSP'],"
            f" not {meeting!r}"
        )
    return subtract(meeting.opens, _REQUEST_LEAD, month_end=month_end)
