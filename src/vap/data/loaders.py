"""Loading users' own plans and meeting calendars, through the loaders the built-ins use."""

from __future__ import annotations

import enum
from collections import defaultdict
from typing import Any, NamedTuple

import attrs
import pendulum

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
from vap.model.evidence import Evidence
from vap.model.extensions import Extension, ExtensionStatus
from vap.model.facts import RoleFact
from vap.model.meetings import Calendar, Meeting
from vap.model.obligations import ObligationSet
from vap.model.plan import Plan
from vap.model.progress import Progress, Record, RecordStatus
from vap.model.reading import ListReading, ListScope, Observation, RoleList, read_facts
from vap.model.registry import Signatories, StatesParties
from vap.model.roles import Role, Truth
from vap.model.states import Event, Instrument, Signatory, StateParty, Withdrawal, fact_order
from vap.model.timelines import Anchor
from vap.model.validators import converter

__all__ = [
    "load_meetings",
    "load_obligations",
    "load_plan",
    "load_progress",
    "load_states",
    "load_states_csv",
]


class _Kind(enum.Enum):
    """What an evidence row says: the value on its day, from its day on, or up to its day."""

    AS_OF = "as-of"
    FROM = "from"
    THROUGH = "through"


class _Precision(enum.Enum):
    """How precisely a source dates a change: to the day, or only to its month or year."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    def settled(self, on: pendulum.Date) -> pendulum.Date:
        """The first day the change is certain: *on*, or the last day of its month or year."""
        if self is _Precision.DAY:
            return on
        if self is _Precision.MONTH:
            return on.end_of("month")
        return pendulum.Date(on.year, 12, 31)


_MEETING_COLUMNS = {
    "key": required_text,
    "name": required_text,
    "city": text,
    "opens": date,
    "closes": date,
    "sources": sources,
    "note": text,
}


def load_meetings(source: Source, *, format: str | None = None) -> Calendar:  # noqa: A002
    """
    Load a meeting calendar from a CSV table or a ``vap.calendar/1`` JSON document.

    CSV columns: ``key``, ``name``, ``city``, ``opens``, ``closes`` (``YYYY-MM-DD``), and
    optionally ``sources`` (keys or addresses separated by ``;``) and ``note``. *format*
    is ``"csv"`` or ``"json"``, read from the path's suffix when not given (CSV where it
    cannot be told).

    Raises:
        FormatError: listing every bad cell with its line and column; nothing is loaded.
    """
    if format_of(source, format, ("csv", "json"), default="csv") == "json":
        return read_json_document(read_text(source), Calendar, "calendar")
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


def load_plan(
    source: Source,
    *,
    format: str | None = None,  # noqa: A002 - the loaders' common keyword
    meetings: Calendar | None = None,
) -> Plan:
    """
    Load a plan from a JSON document in the format of the built-in plan (``vap.plan/1``).

    A plan document may leave out its ``meetings``: they then come from *meetings*, or
    from the built-in calendar of the Convention's meetings. *format* can only be
    ``"json"``.

    Raises:
        FormatError: listing every problem with its path; nothing is loaded.
    """
    from vap.data import meetings as built_in_meetings  # noqa: PLC0415 - data loads lazily

    format_of(source, format, ("json",), default="json")

    def default_meetings() -> Calendar:
        return meetings if meetings is not None else built_in_meetings()

    return read_json_document(
        read_text(source), Plan, "plan", defaults={"meetings": default_meetings}
    )


def load_obligations(source: Source, *, format: str | None = None) -> ObligationSet:  # noqa: A002
    """
    Load a set of the Convention's obligations from a ``vap.obligations/1`` JSON document.

    *format* can only be ``"json"``.

    Raises:
        FormatError: listing every problem with its path; nothing is loaded.
    """
    format_of(source, format, ("json",), default="json")
    return read_json_document(read_text(source), ObligationSet, "obligations")


def load_states(source: Source, *, format: str | None = None) -> StatesParties:  # noqa: A002
    """
    Load States Parties from a ``vap.states-parties/1`` JSON document or a CSV table.

    JSON is what `vap.dumps` writes; CSV is the States table that `load_states_csv` reads
    (with its role tables given there). *format* is ``"json"`` or ``"csv"``, read from the
    path's suffix when not given (JSON where it cannot be told).

    Raises:
        FormatError: listing every problem with its path; nothing is loaded.
    """
    if format_of(source, format, ("json", "csv"), default="json") == "csv":
        return load_states_csv(source)
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


def _yes_no(cell: str) -> bool:
    value = cell.strip()
    if value not in ("yes", "no"):
        raise VapError(f"expected yes or no, not {value!r}")
    return value == "yes"


def _codes(cell: str) -> frozenset[str]:
    codes = frozenset(part.strip() for part in cell.split(";") if part.strip())
    bad = sorted(
        code for code in codes if not (len(code) == 3 and code.isascii() and code.isupper())
    )
    if bad:
        raise VapError(f"expected ISO alpha-3 codes separated by ';', not {bad[0]!r}")
    return codes


converter(_codes)


_STATE_COLUMNS: dict[str, Column] = {
    "code": required_text,
    "name": required_text,
    "signed": optional(date),
    "deposited": optional(date),
    "instrument": optional(_member(Instrument, "instrument")),
    "entry_into_force": optional(date),
    "withdrawal_notified": optional(date),
    "withdrawal_effective": optional(date),
    "sources": sources,
    "quote": text,
    "note": text,
}
_SIGNATORY_COLUMNS: dict[str, Column] = {
    "code": required_text,
    "name": required_text,
    "signed": date,
    "sources": sources,
    "quote": text,
    "note": text,
}
_FACT_COLUMNS: dict[str, Column] = {
    "state": required_text,
    "role": _member(Role, "role"),
    "value": _known_truth,
    "since": optional(date),
    "until": optional(date),
    "sources": sources,
    "as_of": date,
    "quote": required_text,
    "note": text,
}
_EVIDENCE_COLUMNS: dict[str, Column] = {
    "state": required_text,
    "role": _member(Role, "role"),
    "value": _known_truth,
    "on": date,
    "kind": _member(_Kind, "kind"),
    "precision": optional(_member(_Precision, "precision")),
    "source": required_text,
    "quote": required_text,
    "note": text,
}
_LIST_COLUMNS: dict[str, Column] = {
    "list": required_text,
    "role": _member(Role, "role"),
    "value": _known_truth,
    "as_of": date,
    "scope": _member(ListScope, "scope"),
    "complete": _yes_no,
    "reading": optional(_member(ListReading, "reading")),
    "members": _codes,
    "unclear": _codes,
    "source": required_text,
    "quote": required_text,
    "note": text,
}
_EXTENSION_COLUMNS: dict[str, Column] = {
    "state": required_text,
    "obligation": required_text,
    "status": _member(ExtensionStatus, "status"),
    "until": optional(date),
    "requested": optional(date),
    "decided_at": optional(required_text),
    "sources": sources,
    "quote": text,
    "note": text,
}
_EVENT_COLUMNS: dict[str, Column] = {
    "state": required_text,
    "kind": _member(Anchor, "event kind"),
    "on": date,
    "sources": sources,
    "note": text,
}
_OPTIONAL_COLUMNS = frozenset(
    {
        "since",
        "until",
        "sources",
        "note",
        "precision",
        "unclear",
        "requested",
        "decided_at",
        "quote",
        "reading",
    }
)
"""Columns a table of facts, evidence, lists, extensions or events may leave out."""


def _required(columns: dict[str, Column]) -> frozenset[str]:
    return frozenset(columns) - _OPTIONAL_COLUMNS


class _Row(NamedTuple):
    """One row of a table that belongs to a State, with where it was read."""

    where: str
    values: dict[str, Any]


def _by_state(
    source: Source | None, what: str, columns: dict[str, Column]
) -> dict[str, list[_Row]]:
    """Read a table whose rows name a State by code, grouped by code."""
    grouped: dict[str, list[_Row]] = defaultdict(list)
    if source is None:
        return grouped
    required = _required(columns)
    if what == "role facts table":
        required |= {"quote"}
    for line, row in read_table(source, columns, required=required, what=what):
        grouped[row.pop("state")].append(_Row(f"{what}, line {line}", row))
    return grouped


def _fact(row: dict[str, Any]) -> RoleFact:
    if not row.get("sources"):
        raise VapError("column 'sources': a fact needs the source it rests on")
    quote = row.pop("quote")
    as_of = row.pop("as_of")
    evidence = [Evidence(source=source, as_of=as_of, quote=quote) for source in row["sources"]]
    return RoleFact(**row, evidence=evidence)


def _observation(row: dict[str, Any], entry_into_force: pendulum.Date) -> Observation:
    on, precision = row["on"], row.get("precision") or _Precision.DAY
    change = row["kind"] is _Kind.FROM
    through = row["kind"] is _Kind.THROUGH
    if not change and precision is not _Precision.DAY:
        raise VapError(
            "column 'precision': an as-of observation speaks for one day; give the day"
            " the source speaks for, or record a change ('from') known to a month or year"
        )
    if change and on < entry_into_force and not row.get("note"):
        raise VapError(
            f"a change on {on}, before the entry into force on {entry_into_force}, needs a"
            " note giving the reason (for example: destroyed before the Convention bound it)"
        )
    return Observation(
        role=row["role"],
        value=row["value"],
        on=on,
        change=change,
        through=through,
        settled=precision.settled(on),
        evidence=Evidence(source=row["source"], as_of=on, quote=row["quote"]),
    )


def _lists(source: Source | None, problems: list[str]) -> list[RoleList]:
    if source is None:
        return []
    found = []
    for line, row in read_table(
        source, _LIST_COLUMNS, required=_required(_LIST_COLUMNS), what="role lists table"
    ):
        try:
            found.append(
                RoleList(
                    key=row["list"],
                    role=row["role"],
                    value=row["value"],
                    scope=row["scope"],
                    complete=row["complete"],
                    reading=row.get("reading") or ListReading.ON_DATE,
                    members=row["members"],
                    unclear=row.get("unclear", frozenset()),
                    note=row.get("note", ""),
                    evidence=Evidence(source=row["source"], as_of=row["as_of"], quote=row["quote"]),
                )
            )
        except VapError as error:
            problems.append(f"role lists table, line {line}: {error}")
    return found


class _Tables(NamedTuple):
    """The rows of every role, extension and event table, by State code, and the lists."""

    facts: dict[str, list[_Row]]
    evidence: dict[str, list[_Row]]
    extensions: dict[str, list[_Row]]
    events: dict[str, list[_Row]]
    lists: list[RoleList]

    def unknown_codes(self, known: set[str]) -> list[str]:
        """A problem for each row or list that names a State the States table lacks."""
        problems = [
            f"{item.where}, column 'state': unknown State Party {code!r}"
            for table in (self.facts, self.evidence, self.extensions, self.events)
            for code, items in table.items()
            if code not in known
            for item in items
        ]
        for role_list in self.lists:
            unknown = sorted((role_list.members | role_list.unclear) - known)
            if unknown and role_list.scope is ListScope.STATES_PARTIES:
                problems.append(
                    f"role lists table, list {role_list.key}: unknown State Party {unknown[0]!r}"
                )
        return problems


def _withdrawal(row: dict[str, Any]) -> Withdrawal | None:
    notified = row.pop("withdrawal_notified", None)
    effective = row.pop("withdrawal_effective", None)
    if notified is None:
        if effective is not None:
            raise VapError("column 'withdrawal_notified': a withdrawal needs its notification day")
        return None
    return Withdrawal(
        notified=notified,
        **({} if effective is None else {"effective": effective}),
        sources=row.get("sources", ()),
    )


def _made(rows: list[_Row], make: Any, problems: list[str]) -> list[Any]:
    made = []
    for item in rows:
        try:
            made.append(make(dict(item.values)))
        except VapError as error:
            problems.append(f"{item.where}: {error}")
    return made


def _state(
    where: str, row: dict[str, Any], tables: _Tables, problems: list[str]
) -> StateParty | None:
    """Build one State from its row and its rows in the other tables, noting each problem."""
    code = row.pop("code")
    row.pop("quote", None)
    try:
        base = StateParty(code, row.pop("name"), withdrawal=_withdrawal(row), **row)
    except VapError as error:
        problems.append(f"{where}: {error}")
        return None
    facts = _made(tables.facts.get(code, []), _fact, problems)
    extensions = _made(tables.extensions.get(code, []), _extension, problems)
    events = _made(tables.events.get(code, []), _event, problems)
    observations = _made(
        tables.evidence.get(code, []),
        lambda values: _observation(values, base.entry_into_force),
        problems,
    )
    observations.extend(
        seen for seen in (listed.observation(base) for listed in tables.lists) if seen is not None
    )
    try:
        read = read_facts(observations, start=base.entry_into_force)
        return attrs.evolve(
            base,
            facts=tuple(sorted((*facts, *read), key=fact_order)),
            extensions=tuple(extensions),
            events=tuple(events),
        )
    except VapError as error:
        problems.append(f"{where} ({code}): {error}")
        return None


def _extension(row: dict[str, Any]) -> Extension:
    row.pop("quote", None)
    return Extension(**row)


def _event(row: dict[str, Any]) -> Event:
    return Event(**row)


def load_states_csv(  # noqa: PLR0913 - one keyword per table
    states: Source,
    *,
    facts: Source | None = None,
    evidence: Source | None = None,
    lists: Source | None = None,
    extensions: Source | None = None,
    events: Source | None = None,
) -> StatesParties:
    """
    Load States Parties from CSV tables: the States, then what is known of their roles.

    Roles come from three kinds of table, read together: ``facts`` (spans a source states
    outright), ``evidence`` (what a source says of one State on a day, or from a day on)
    and ``lists`` (published lists of the States that hold a role on a day, evidence both
    ways where complete). Evidence and lists are read into facts by the reading of
    `vap.read_facts`; a role nothing covers is unknown.

    States: ``code``, ``name``, ``signed``, ``deposited``, ``instrument``,
    ``entry_into_force``, ``withdrawal_notified``, ``withdrawal_effective``, ``sources``,
    ``quote``, ``note``. Facts: ``state``, ``role``, ``value`` (``yes`` or ``no``),
    ``since``, ``until``, ``sources``, ``as_of``, ``quote``, ``note``. Evidence: ``state``,
    ``role``, ``value``, ``on``, ``kind`` (``as-of``: on that day; ``from``: from that day
    on), ``precision`` (``day``, ``month`` or ``year``, for a change known only to a month
    or year), ``source``, ``quote``, ``note``. Lists: ``list``, ``role``, ``value``,
    ``as_of``, ``scope`` (``states-parties`` or ``all-states``), ``complete`` (``yes`` or
    ``no``), ``members`` and ``unclear`` (codes separated by ``;``), ``source``, ``quote``,
    ``note``. Extensions: ``state``, ``obligation``, ``status``, ``until``, ``requested``,
    ``decided_at``, ``sources``, ``quote``, ``note``. Events: ``state``, ``kind``, ``on``,
    ``sources``, ``note``. Dates are ``YYYY-MM-DD``; sources are keys or addresses
    separated by ``;``.

    Raises:
        FormatError: listing every problem with its table, line and column: a fact or
            observation without its source or quote, a change before entry into force
            without a reason, a withdrawal before entry into force, a State given twice,
            a row naming an unknown State, two sources that disagree on a day. Nothing is
            loaded when anything is wrong.
    """
    rows = read_table(
        states, _STATE_COLUMNS, required=frozenset({"code", "name"}), what="States Parties table"
    )
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for line, row in rows:
        code = row["code"]
        if code in first_line:
            problems.append(
                f"States Parties table, line {line}: the State {code} is already on"
                f" line {first_line[code]}"
            )
        first_line.setdefault(code, line)
    tables = _Tables(
        facts=_by_state(facts, "role facts table", _FACT_COLUMNS),
        evidence=_by_state(evidence, "role evidence table", _EVIDENCE_COLUMNS),
        extensions=_by_state(extensions, "extensions table", _EXTENSION_COLUMNS),
        events=_by_state(events, "events table", _EVENT_COLUMNS),
        lists=_lists(lists, problems),
    )
    problems.extend(tables.unknown_codes(set(first_line)))
    parties = [
        state
        for line, row in rows
        if (state := _state(f"States Parties table, line {line}", row, tables, problems))
    ]
    if not problems:
        return StatesParties(parties)
    raise FormatError("invalid States Parties tables", problems)


def load_signatories(source: Source, *, format: str | None = None) -> Signatories:  # noqa: A002
    """
    Load the States that signed the Convention and did not ratify it, from a CSV table.

    Columns: ``code``, ``name``, ``signed``, and optionally ``sources``, ``quote``, ``note``.
    *format* can only be ``"csv"``.

    Raises:
        FormatError: listing every problem with its line and column; nothing is loaded.
    """
    format_of(source, format, ("csv",), default="csv")
    rows = read_table(
        source,
        _SIGNATORY_COLUMNS,
        required=frozenset({"code", "name", "signed"}),
        what="signatories table",
    )
    made, problems = [], []
    for line, row in rows:
        row.pop("quote", None)
        try:
            made.append(Signatory(**row))
        except VapError as error:
            problems.append(f"signatories table, line {line}: {error}")
    if not problems:
        try:
            return Signatories(made)
        except VapError as error:
            problems.append(str(error))
    raise FormatError("invalid signatories table", problems)


def _whole_number(cell: str) -> int:
    if not (cell.isascii() and cell.isdigit() and len(cell) <= 4):  # a year
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
    "quote": text,
}


def load_progress(source: Source, *, format: str | None = None) -> Progress:  # noqa: A002
    """
    Load records of what States did, from a JSON document or a CSV table.

    *format* is ``"json"`` (a ``vap.progress/1`` document) or ``"csv"`` (columns
    ``state``, ``key``, ``on``, ``source``, and optionally ``covers``, ``status``,
    ``note``, ``quote``);
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
