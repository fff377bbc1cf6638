"""
Lossy projections of values for people: records, CSV, iCalendar, frames, plots and HTML.

`vap.serialization` is the lossless format; these are views. pandas, matplotlib and
icalendar are optional extras, imported only when their export is called. The ``to_*``,
``plot`` and ``_repr_html_`` methods of the values delegate here, the only place a value
reaches up to this layer (the import contract in ``pyproject.toml`` allows nothing else).
"""

from __future__ import annotations

import datetime
import os
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from vap.engine.assessment import Assessment
    from vap.engine.schedule import Schedule

__all__ = ["html", "plot", "records", "to_csv", "to_dataframe", "to_ical"]


def records(value: Schedule | Assessment) -> list[dict[str, Any]]:
    """One plain dict per item or row of *value* (`Schedule.to_records`)."""
    from vap.engine.schedule import Schedule  # noqa: PLC0415 - lazy, like every export
    from vap.exports.rows import assessment_records, schedule_records  # noqa: PLC0415

    if isinstance(value, Schedule):
        return schedule_records(value)
    return assessment_records(value)


def _columns(value: Schedule | Assessment) -> tuple[str, ...]:
    from vap.engine.schedule import Schedule  # noqa: PLC0415
    from vap.exports.rows import ASSESSMENT_COLUMNS, SCHEDULE_COLUMNS  # noqa: PLC0415

    return SCHEDULE_COLUMNS if isinstance(value, Schedule) else ASSESSMENT_COLUMNS


def to_csv(
    value: Schedule | Assessment, target: str | os.PathLike[str] | IO[str] | None = None
) -> str | None:
    """Write *value* as CSV to *target*, or return the text (`Schedule.to_csv`)."""
    from vap.exports.csv import write_csv  # noqa: PLC0415

    return write_csv(records(value), _columns(value), target)


def to_dataframe(value: Schedule | Assessment) -> pd.DataFrame:
    """*value* as a typed pandas data frame (`Schedule.to_dataframe`)."""
    from vap.exports.dataframe import frame  # noqa: PLC0415

    return frame(records(value), _columns(value))


def to_ical(schedule: Schedule, *, stamp: datetime.datetime | None = None) -> bytes:
    """*schedule* as an iCalendar file (`Schedule.to_ical`)."""
    from vap.exports.ical import to_ical as ical  # noqa: PLC0415

    return ical(schedule, stamp=stamp)


def plot(schedule: Schedule, **options: Any) -> Figure:
    """*schedule* as a timeline figure (`Schedule.plot`)."""
    from vap.exports.timeline import plot as draw  # noqa: PLC0415

    return draw(schedule, **options)


def html(value: object) -> str:
    """*value* as the compact HTML a notebook shows (``_repr_html_``)."""
    from vap.exports.notebook import html_of  # noqa: PLC0415

    return html_of(value)
