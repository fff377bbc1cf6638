"""Loading users' own plans and meeting calendars, through the loaders the built-ins use."""

from __future__ import annotations

from vap._documents import (
    Source,
    date,
    read_json_document,
    read_table,
    read_text,
    required_text,
    sources,
    text,
)
from vap._meetings import Calendar, Meeting
from vap._plan import Plan
from vap.errors import FormatError, VapError

__all__ = ["load_meetings", "load_plan"]

_MEETING_COLUMNS = {
    "key": required_text,
    "name": required_text,
    "city": text,
    "opens": date,
    "closes": date,
    "sources": sources,
    "note": text,
}


def load_meetings(source: Source) -> Calendar:
    """
    Load a meeting calendar from a CSV table.

    Columns: ``key``, ``name``, ``city``, ``opens``, ``closes`` (``YYYY-MM-DD``), and
    optionally ``sources`` (keys or addresses separated by ``;``) and ``note``.

    Raises:
        FormatError: listing every bad cell with its line and column; nothing is loaded.
    """
    rows = read_table(
        source,
        _MEETING_COLUMNS,
        required=frozenset({"key", "name", "city", "opens", "closes"}),
        what="meetings table",
    )
    meetings, problems = [], []
    for line, row in rows:
        try:
            meetings.append(Meeting(**row))
        except VapError as error:
            problems.append(f"line {line}: {error}")
    if not problems:
        try:
            return Calendar(tuple(meetings))
        except VapError as error:
            problems.append(str(error))
    raise FormatError("invalid meetings table", problems)


def load_plan(source: Source, *, meetings: Calendar | None = None) -> Plan:
    """
    Load a plan from a JSON document in the format of the built-in plan (``vap.plan/1``).

    A plan document may leave out its ``meetings``: they then come from *meetings*, or
    from the built-in calendar of the Convention's meetings.

    Raises:
        FormatError: listing every problem with its path; nothing is loaded.
    """
    from vap.data import meetings as built_in_meetings  # noqa: PLC0415 - data loads lazily

    def default_meetings() -> Calendar:
        return meetings if meetings is not None else built_in_meetings()

    return read_json_document(
        read_text(source), Plan, "plan", defaults={"meetings": default_meetings}
    )
