"""Schedules and assessments as lists of plain dicts: one dict per item, plain values."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from vap.engine.schedule import section_labels

if TYPE_CHECKING:
    from vap.engine.assessment import Assessment
    from vap.engine.schedule import Schedule, ScheduleItem

__all__ = ["ASSESSMENT_COLUMNS", "SCHEDULE_COLUMNS", "assessment_records", "schedule_records"]

SCHEDULE_COLUMNS = (
    "uid",
    "state",
    "key",
    "obligation",
    "year",
    "title",
    "section",
    "opens",
    "due",
    "applies",
    "rule",
    "anchor",
    "reasons",
)
"""The keys of each schedule record, in order (the CSV's columns)."""

ASSESSMENT_COLUMNS = (
    *SCHEDULE_COLUMNS[: SCHEDULE_COLUMNS.index("rule")],
    "status",
    "reason",
    "record_on",
    "record_source",
)
"""The keys of each assessment record, in order (the CSV's columns)."""


def plain(day: datetime.date | None) -> datetime.date | None:
    """A `datetime.date` (not a pendulum subclass), or ``None``."""
    return None if day is None else datetime.date(day.year, day.month, day.day)


def _item(item: ScheduleItem, section: str) -> dict[str, Any]:
    return {
        "uid": item.uid,
        "state": item.state,
        "key": item.key,
        "obligation": item.obligation,
        "year": item.year,
        "title": item.title,
        "section": section,
        "opens": plain(item.opens),
        "due": plain(item.due),
        "applies": item.applies.value,
        "rule": item.rule,
        "anchor": plain(item.anchor),
        "reasons": "; ".join(str(reason) for reason in item.reasons),
    }


def schedule_records(schedule: Schedule) -> list[dict[str, Any]]:
    """One dict per item, keyed by `SCHEDULE_COLUMNS`; dates as `datetime.date`."""
    sections = section_labels(schedule)
    return [_item(item, sections[item.obligation]) for item in schedule]


def assessment_records(assessment: Assessment) -> list[dict[str, Any]]:
    """One dict per row, keyed by `ASSESSMENT_COLUMNS`; dates as `datetime.date`."""
    records = []
    for row in assessment:
        record = _item(row.item, row.section)
        records.append(
            {
                **{key: record[key] for key in ASSESSMENT_COLUMNS if key in record},
                "status": row.status.value,
                "reason": row.reason,
                "record_on": plain(row.record.on) if row.record else None,
                "record_source": row.record.source if row.record else None,
            }
        )
    return [{key: record[key] for key in ASSESSMENT_COLUMNS} for record in records]
