"""Loading users' own plans and meeting calendars, through the loaders the built-ins use."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

from vap.errors import FormatError, VapError
from vap.formats.documents import (
    Column,
    Source,
    date,
    format_of,
    optional,
    read_json_document,
    read_table,
    read_text,
    required_text,
    sources,
    text,
)
from vap.model.extensions import Extension, ExtensionStatus
from vap.model.facts import RoleFact
from vap.model.meetings import Calendar, Meeting
from vap.model.obligations import ObligationSet
from vap.model.plan import Plan
from vap.model.progress import Progress, Record, RecordStatus
from vap.model.registry import StatesParties
from vap.model.roles import Role, Truth
from vap.model.states import Event, Instrument, StateParty
from vap.model.timelines import Anchor

__all__ = [
    "load_meetings",
    "load_obligations",
    "load_plan",
    "load_progress",
    "load_states",
    "load_states_csv",
]

E = TypeVar("E")

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


def load_obligations(source: Source) -> ObligationSet:
    """
    Load a set of the Convention's obligations from a ``vap.obligations/1`` JSON document.

    Raises:
        FormatError: listing every problem with its path; nothing is loaded.
    """
    return read_json_document(read_text(source), ObligationSet, "obligations")


def load_states(source: Source) -> StatesParties:
    """
    Load States Parties from a ``vap.states-parties/1`` JSON document (what `vap.dumps` writes).

    Raises:
        FormatError: listing every problem with its path; nothing is loaded.
    """
    return read_json_document(read_text(source), StatesParties, "states-parties")


def _member(kind: type[Any], name: str) -> Column:
    by_value = {member.value: member for member in kind}
    expected = ", ".join(by_value)

    def parse(cell: str) -> Any:
        if cell.strip() not in by_value:
            raise VapError(f"unknown {name} {cell.strip()!r}: expected one of {expected}")
        return by_value[cell.strip()]

    return parse


def _known_truth(cell: str) -> Truth:
    value = cell.strip()
    if value not in ("yes", "no"):
        raise VapError(
            f"expected yes or no, not {value!r} (leave a role unknown by giving no fact for it)"
        )
    return Truth(value)


_STATE_COLUMNS: dict[str, Column] = {
    "code": required_text,
    "name": required_text,
    "deposited": optional(date),
    "instrument": optional(_member(Instrument, "instrument")),
    "entry_into_force": optional(date),
    "sources": sources,
    "note": text,
}
_FACT_COLUMNS: dict[str, Column] = {
    "state": required_text,
    "role": _member(Role, "role"),
    "value": _known_truth,
    "since": optional(date),
    "until": optional(date),
    "sources": sources,
    "note": text,
}
_EXTENSION_COLUMNS: dict[str, Column] = {
    "state": required_text,
    "obligation": required_text,
    "status": _member(ExtensionStatus, "status"),
    "until": optional(date),
    "sources": sources,
    "note": text,
}
_OPTIONAL_COLUMNS = frozenset({"since", "until", "sources", "note"})
"""Columns a table of role facts, extensions or events may leave out."""

_EVENT_COLUMNS: dict[str, Column] = {
    "state": required_text,
    "kind": _member(Anchor, "event kind"),
    "on": date,
    "sources": sources,
    "note": text,
}


class _Table(NamedTuple, Generic[E]):
    """A CSV table of values that belong to States: its columns and what each row makes."""

    what: str
    columns: dict[str, Column]
    make: Callable[..., E]


def _attached(
    source: Source | None, table: _Table[E], codes: set[str], problems: list[str]
) -> dict[str, list[E]]:
    """Read a table of values that belong to States, grouped by State code."""
    grouped: dict[str, list[E]] = defaultdict(list)
    if source is None:
        return grouped
    required = frozenset(table.columns) - _OPTIONAL_COLUMNS
    for line, row in read_table(source, table.columns, required=required, what=table.what):
        code = row.pop("state")
        if code not in codes:
            problems.append(
                f"{table.what}, line {line}, column 'state': unknown State Party {code!r}"
            )
            continue
        try:
            grouped[code].append(table.make(**row))
        except VapError as error:
            problems.append(f"{table.what}, line {line}: {error}")
    return grouped


def load_states_csv(
    states: Source,
    *,
    facts: Source | None = None,
    extensions: Source | None = None,
    events: Source | None = None,
) -> StatesParties:
    """
    Load States Parties from CSV tables: the States, then their facts, extensions, events.

    Each row of the optional tables names its State by code.

    States: ``code``, ``name``, ``deposited``, ``instrument``, ``entry_into_force``,
    ``sources``, ``note``. Role facts: ``state``, ``role``, ``value`` (``yes`` or ``no``;
    a role no row covers is unknown), ``since``, ``until``, ``sources``, ``note``.
    Extensions: ``state``, ``obligation``, ``status``, ``until``, ``sources``, ``note``.
    Events: ``state``, ``kind``, ``on``, ``sources``, ``note``. Dates are ``YYYY-MM-DD``;
    sources are keys or addresses separated by ``;``.

    Raises:
        FormatError: listing every problem with its table, line and column; nothing is
            loaded when anything is wrong.
    """
    rows = read_table(
        states, _STATE_COLUMNS, required=frozenset({"code", "name"}), what="States Parties table"
    )
    codes = {row["code"] for _, row in rows}
    problems: list[str] = []
    facts_of = _attached(
        facts, _Table("role facts table", _FACT_COLUMNS, RoleFact), codes, problems
    )
    extensions_of = _attached(
        extensions, _Table("extensions table", _EXTENSION_COLUMNS, Extension), codes, problems
    )
    events_of = _attached(events, _Table("events table", _EVENT_COLUMNS, Event), codes, problems)
    parties = []
    for line, row in rows:
        code = row.pop("code")
        try:
            parties.append(
                StateParty(
                    code,
                    row.pop("name"),
                    facts=facts_of.get(code, ()),
                    extensions=extensions_of.get(code, ()),
                    events=events_of.get(code, ()),
                    **row,
                )
            )
        except VapError as error:
            problems.append(f"States Parties table, line {line}: {error}")
    if not problems:
        try:
            return StatesParties(parties)
        except VapError as error:
            problems.append(str(error))
    raise FormatError("invalid States Parties tables", problems)


def _whole_number(cell: str) -> int:
    if not cell.isdigit():
        raise VapError(f"expected a year such as 2011, not {cell!r}")
    return int(cell)


def _status(cell: str) -> RecordStatus:
    for status in RecordStatus:
        if status.value == cell:
            return status
    expected = ", ".join(status.value for status in RecordStatus)
    raise VapError(f"unknown status {cell!r}: expected one of {expected}")


_PROGRESS_COLUMNS = {
    "state": required_text,
    "key": required_text,
    "on": date,
    "source": required_text,
    "covers": optional(_whole_number),
    "status": optional(_status),
    "note": text,
}


def load_progress(source: Source, *, format: str | None = None) -> Progress:  # noqa: A002
    """
    Load records of what States did, from a JSON document or a CSV table.

    *format* is ``"json"`` (a ``vap.progress/1`` document) or ``"csv"`` (columns
    ``state``, ``key``, ``on``, ``source``, and optionally ``covers``, ``status``, ``note``);
    by default it is read from the path's suffix, case-insensitively.

    Raises:
        FormatError: listing every problem with its path or line; nothing is loaded.
    """
    kind = format_of(source, format, ("json", "csv"))
    if kind == "json":
        return read_json_document(read_text(source), Progress, "progress")
    rows = read_table(
        source,
        _PROGRESS_COLUMNS,
        required=frozenset({"state", "key", "on", "source"}),
        what="progress table",
    )
    records, problems = [], []
    for line, row in rows:
        if row.get("status") is None:
            row.pop("status", None)
        try:
            records.append(Record(row.pop("state"), row.pop("key"), **row))
        except VapError as error:
            problems.append(f"line {line}: {error}")
    if problems:
        raise FormatError("invalid progress table", problems)
    return Progress(records)
