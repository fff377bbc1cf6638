"""
Schedules as iCalendar (RFC 5545), through the `icalendar` library (``pip install vap[ics]``).

Each dated item becomes an all-day event on its due date; yearly items become one event
per occurrence. UIDs are stable (``LAO/CCM-7.2/2012@vap``), so importing a newer export
updates the events rather than duplicating them. Items without a date are left out.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from vap.errors import MissingExtraError, ValidationError
from vap.model.roles import Truth

if TYPE_CHECKING:
    from vap.engine.schedule import Schedule

__all__ = ["UID_DOMAIN", "to_ical"]

UID_DOMAIN = "vap"
_STATUS = {Truth.YES: "CONFIRMED", Truth.UNKNOWN: "TENTATIVE", Truth.NO: "CANCELLED"}
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _text(value: str) -> str:
    """*value* as RFC 5545 TEXT allows: control characters but tab and newline removed."""
    return _CONTROL.sub("", value)


def to_ical(schedule: Schedule, *, stamp: datetime.datetime | None = None) -> bytes:
    """
    Return *schedule* as an iCalendar file's bytes.

    ``stamp`` is the DTSTAMP of every event (when the export was made); it defaults to the
    Unix epoch so that the same schedule always exports to the same bytes. The event's
    status says whether the item applies: CONFIRMED (yes), TENTATIVE (unknown) or
    CANCELLED (no).

    Raises:
        MissingExtraError: if the ``icalendar`` package is not installed.
        ValidationError: for a *stamp* that is not a `datetime.datetime`.
    """
    if stamp is not None and not isinstance(stamp, datetime.datetime):
        raise ValidationError(f"to_ical stamp must be a datetime.datetime, not {stamp!r}")
    try:
        import icalendar  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - the test environment has every extra
        raise MissingExtraError(
            "to_ical needs the icalendar package: pip install 'vap[ics]'"
        ) from None
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//vap//Vientiane Action Plan schedule//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _text(str(schedule)))
    texts = {action.key: action.text for action in schedule.plan}
    texts.update((obligation.key, obligation.text) for obligation in schedule.obligations)
    for item in schedule:
        if item.due is None:
            continue
        due = datetime.date(item.due.year, item.due.month, item.due.day)
        event = icalendar.Event()
        event.add("uid", f"{item.uid}@{UID_DOMAIN}")
        event.add("dtstamp", stamp or _EPOCH)
        event.add("dtstart", due)
        event.add("dtend", due + datetime.timedelta(days=1))
        year = f" ({item.year})" if item.year is not None else ""
        event.add("summary", _text(f"{item.key}{year} {item.title} — {item.state}"))
        reasons = "\n".join(f"- {reason}" for reason in item.reasons)
        event.add(
            "description",
            _text(
                f"{texts[item.obligation]}\n\nRule: {item.rule}\nOpens: {item.opens}\n"
                f"Applies: {item.applies.value}\n{reasons}"
            ),
        )
        categories = [item.state, item.key, f"applies: {item.applies.value}"]
        event.add("categories", [_text(category) for category in categories])
        event.add("status", _STATUS[item.applies])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
