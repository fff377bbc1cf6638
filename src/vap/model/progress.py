"""What States reported doing: dated, sourced records, collected into a Progress."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.choices import Choice
from vap.model.dates import as_date
from vap.model.io import Source
from vap.model.keys import as_state_code, as_step_key, parent_key, state_code, step_key
from vap.model.timelines import covered_year
from vap.model.validators import (
    as_tuple,
    converter,
    is_date,
    is_instance,
    is_text,
    non_empty,
    says,
    to_date,
    tuple_of,
)

__all__ = ["Progress", "Record", "RecordStatus", "record_order"]


class RecordStatus(Choice):
    """
    What a record says a State did.

    ``MET``: the obligation (or one yearly occurrence) was fulfilled on the record's day.
    ``MET_BY``: it was fulfilled on some day no later than the record's day, which is all
    a source says ("submitted in January 2011", "has provided its reports"). ``NOT_MET``:
    a source says it was still not fulfilled on the record's day. ``STARTED`` and
    ``IN_PROGRESS``: partial progress. ``WITHDRAWN``: an earlier record for the same item is
    taken back (a report found incomplete, a claim corrected).
    """

    MET = "met"
    MET_BY = "met-by"
    NOT_MET = "not-met"
    STARTED = "started"
    IN_PROGRESS = "in-progress"
    WITHDRAWN = "withdrawn"

    @property
    def meets(self) -> bool:
        """Whether the record says the item was fulfilled (on its day, or by it)."""
        return self is RecordStatus.MET or self is RecordStatus.MET_BY


@says({"minimum": 1, "maximum": 9999})
def _year(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= 9999):
        raise ValidationError(f"Record.{attribute.name} must be a year or None, not {value!r}")


@attrs.frozen
class Record:
    """
    A State fulfilled (or started, or withdrew) an obligation on a day, says a source.

    ``key`` is a step (``"VAP-8.1"``), a one-step action (``"VAP-12"``) or an obligation
    (``"CCM-7.1"``). For yearly items, ``covers`` is the calendar year the report covers
    (the report due 30 April 2012 covers 2011); without it, a record is read as covering
    the calendar year before the one it is dated in (`year_covered`), the way yearly
    reports are made.
    """

    state: str = attrs.field(validator=state_code)
    key: str = attrs.field(validator=step_key)
    on: pendulum.Date = attrs.field(kw_only=True, converter=to_date, validator=is_date)
    source: str = attrs.field(kw_only=True, validator=non_empty)
    covers: int | None = attrs.field(default=None, kw_only=True, validator=_year)
    status: RecordStatus = attrs.field(
        default=RecordStatus.MET,
        kw_only=True,
        validator=is_instance(RecordStatus, "a RecordStatus"),
    )
    note: str = attrs.field(default="", kw_only=True, validator=is_text)
    quote: str = attrs.field(default="", kw_only=True, validator=is_text)

    @covers.validator
    def _not_a_year_to_come(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and value > self.on.year:
            raise ValidationError(
                f"Record.{attribute.name} {value} is after the year of Record.on"
                f" ({self.on}): a report covers a year that has begun"
            )

    @property
    def year_covered(self) -> int:
        """
        The calendar year the record covers, for a yearly item.

        ``covers`` where given; otherwise the year before the record's own, since a yearly
        report covers "the previous calendar year" (Article 7(2)): a report dated
        15 April 2013 covers 2012. Give ``covers`` for a report made late, in a later year.
        """
        return self.covers if self.covers is not None else covered_year(self.on.year)

    def __str__(self) -> str:
        year = f" (covering {self.covers})" if self.covers is not None else ""
        return f"{self.state} {self.key}{year}: {self.status.value} on {self.on} ({self.source})"


_STATUS_ORDER = {status: index for index, status in enumerate(RecordStatus)}


def record_order(record: Record) -> tuple[object, ...]:
    """The canonical order of records: results never depend on the order they were given in."""
    return (
        record.state,
        record.key,
        record.on,
        record.covers or 0,
        _STATUS_ORDER[record.status],
        record.source,
        record.note,
    )


def _canonical(records: Iterable[Record]) -> tuple[Record, ...]:
    items = as_tuple(records)  # anything but an iterable passes on, for the validator to refuse
    if isinstance(items, tuple) and all(isinstance(record, Record) for record in items):
        return tuple(sorted(items, key=record_order))
    return items


converter(_canonical)


@attrs.frozen
class Progress(Sequence[Record]):
    """
    An immutable collection of records, kept in a canonical order.

    ``Progress(records)`` from any iterable, or `Progress.from_json` and
    `Progress.from_csv` from a file. Two collections of the same records are equal
    whatever order they were given in.
    """

    records: tuple[Record, ...] = attrs.field(
        default=(), converter=_canonical, validator=tuple_of(Record, "Record values")
    )

    @classmethod
    def from_json(cls, source: Source) -> Progress:
        """Load records from a ``vap.progress/1`` JSON document: `vap.load_progress`."""
        from vap.data.loaders import load_progress  # noqa: PLC0415 - the promised alias

        return load_progress(source, format="json")

    @classmethod
    def from_csv(cls, source: Source) -> Progress:
        """Load records from a CSV table: `vap.load_progress`."""
        from vap.data.loaders import load_progress  # noqa: PLC0415 - the promised alias

        return load_progress(source, format="csv")

    def __len__(self) -> int:
        return len(self.records)

    @overload
    def __getitem__(self, index: int) -> Record: ...
    @overload
    def __getitem__(self, index: slice) -> Progress: ...
    def __getitem__(self, index: int | slice) -> Record | Progress:
        if isinstance(index, slice):
            return Progress(self.records[index])
        return self.records[index]

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __add__(self, other: Progress | Iterable[Record]) -> Progress:
        return Progress((*self.records, *other))

    def for_state(self, code: str) -> Progress:
        """Return the records of one State."""
        as_state_code(code, "Progress.for_state()")
        return Progress(record for record in self.records if record.state == code)

    def for_key(self, key: str) -> Progress:
        """
        Return the records of a step, action or obligation, as `Schedule.for_key` does.

        ``"CCM-7.1"`` or ``"VAP-8.1"`` for one step; ``"VAP-8"`` for every step of an action.
        """
        as_step_key(key, "Progress.for_key()")
        return Progress(
            record for record in self.records if key in (record.key, parent_key(record.key))
        )

    def known_on(self, day: datetime.date) -> Progress:
        """Return the records dated on or before *day*: what was known that day."""
        when = as_date(day, field="day")
        return Progress(record for record in self.records if record.on <= when)
