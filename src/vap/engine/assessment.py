"""
Monitoring: a schedule and what States reported, assessed as of a day.

Every item of the schedule gets exactly one `Status`, the record it rests on and the
reason in words. A record dated after the day of assessment is not yet known on that day.
"""

from __future__ import annotations

import datetime
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, Final, overload

import attrs
import pendulum

from vap.engine.collector import collector_paused
from vap.engine.schedule import Schedule, ScheduleItem, item_index, section_labels
from vap.errors import ValidationError
from vap.model.choices import Choice
from vap.model.dates import as_date, iso
from vap.model.extensions import EXTENSION_RULES, Extension, undecided_on, undecided_requests
from vap.model.keys import as_state_code, as_step_key, key_order
from vap.model.progress import Progress, Record, RecordStatus
from vap.model.roles import Truth
from vap.model.validators import (
    as_tuple,
    is_date,
    is_instance,
    non_empty,
    to_date,
    tuple_of,
    unchecked,
)

if TYPE_CHECKING:
    import pandas as pd

    from vap.engine.indicators import Change, Indicator, StateSummary

__all__ = ["Assessment", "AssessmentRow", "Status", "assess"]


class Status(Choice):
    """
    Where an item stands on the day of assessment.

    ``MET_ON_TIME`` and ``MET_LATE``: a record says it was met, on or before its due date
    or after it (an item without a date is met on time whenever it is met). ``MET``: a
    record says it was met by a day later than the due date, without the day itself, so
    whether it was on time is not known.
    ``IN_PROGRESS``: started but not met, and not yet overdue. ``OVERDUE``: due before the
    day of assessment and not met. ``DUE_SOON``: due within the warning period.
    ``NOT_DUE``: not open yet, or due later. ``NO_FIXED_DATE``: open, with no date to be
    late against, and not met. ``NOT_APPLICABLE``: the item does not apply to the State.
    ``UNKNOWN``: whether it applies is unknown; or, for an Article 3 or 4 deadline past or
    near, whether it still holds, as a request to extend it was before a meeting whose
    decision is not on record (Articles 3(3) and 4(5)).
    """

    MET_ON_TIME = "met-on-time"
    MET_LATE = "met-late"
    MET = "met"
    IN_PROGRESS = "in-progress"
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    NOT_DUE = "not-due"
    NO_FIXED_DATE = "no-fixed-date"
    NOT_APPLICABLE = "not-applicable"
    UNKNOWN = "unknown"

    @property
    def met(self) -> bool:
        """Whether this status says the item was met."""
        return self in (Status.MET_ON_TIME, Status.MET_LATE, Status.MET)


_MET_RECORD: Final = {
    Status.MET_ON_TIME: (RecordStatus.MET, RecordStatus.MET_BY),
    Status.MET_LATE: (RecordStatus.MET,),
    Status.MET: (RecordStatus.MET_BY,),
    Status.IN_PROGRESS: (RecordStatus.STARTED, RecordStatus.IN_PROGRESS),
}


def _row_problems(row: AssessmentRow) -> list[str]:
    """What makes a row impossible: a status its item or record cannot have."""
    item, record, status = row.item, row.record, row.status
    problems = []
    needed = _MET_RECORD.get(status)
    if needed is not None and (record is None or record.status not in needed):
        wanted = " or ".join(record_status.value for record_status in needed)
        problems.append(f"status {status.value} needs a record that says {wanted}")
    if record is not None and (record.state, record.key) != (item.state, item.key):
        problems.append(f"its record is of {record.state} {record.key}, not of the item")
    if (status is Status.NOT_APPLICABLE) != (item.applies is Truth.NO):
        problems.append(f"status {status.value} for an item that applies: {item.applies.value}")
    if (
        status is Status.UNKNOWN
        and item.applies is not Truth.UNKNOWN
        and item.key not in EXTENSION_RULES  # else its deadline may have been extended
    ):
        problems.append(f"status unknown for an item that applies: {item.applies.value}")
    return problems


@attrs.frozen
class AssessmentRow:
    """One schedule item's status on the day of assessment, the record behind it and why."""

    item: ScheduleItem = attrs.field(validator=is_instance(ScheduleItem, "a ScheduleItem"))
    section: str = attrs.field(validator=non_empty)
    status: Status = attrs.field(validator=is_instance(Status, "a Status"))
    record: Record | None = attrs.field(
        validator=attrs.validators.optional(is_instance(Record, "a Record"))
    )
    reason: str = attrs.field(validator=non_empty)

    def __attrs_post_init__(self) -> None:
        problems = _row_problems(self)
        if problems:
            raise ValidationError(f"invalid assessment row {self.item.uid}", problems)

    @property
    def key(self) -> str:
        """The item's key (``"VAP-21.1"``, ``"CCM-7.2"``)."""
        return self.item.key

    @property
    def state(self) -> str:
        """The State's ISO alpha-3 code."""
        return self.item.state

    @property
    def due(self) -> pendulum.Date | None:
        """The item's due date, or ``None`` where there is none."""
        return self.item.due

    @property
    def uid(self) -> str:
        """The item's stable identifier."""
        return self.item.uid

    def explain(self) -> str:
        """The status with the rule behind the due date, the role facts and the record."""
        item = self.item
        due = f"due {item.due}" if item.due else "no fixed date"
        lines = [
            f"{item.uid} {item.title}: {self.status.value}",
            f"  because: {self.reason}",
            f"  rule: {item.rule}; opens {item.opens}, {due}",
            f"  applies: {item.applies.value}",
            *(f"    - {reason}" for reason in item.reasons),
        ]
        if self.record is not None:
            lines.append(f"  record: {self.record}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return f"{self.uid}: {self.status.value} ({self.reason})"


def _days(first: datetime.date, second: datetime.date) -> int:
    return second.toordinal() - first.toordinal()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


_NOTHING = "no fixed date, and no record of it being met"

# The members every row's status is read from and made of, read once: in Python 3.11,
# `Truth.NO` is looked up through the enum's metaclass, a tenth of a microsecond per read.
# Read once, the rows of the built-in schedule take about a fifth less time (11.1 ms
# against 13.7, the best of 40 alternating runs).
_NO, _UNKNOWN = Truth.NO, Truth.UNKNOWN
_NOT_APPLICABLE, _STATUS_UNKNOWN, _NOT_DUE = Status.NOT_APPLICABLE, Status.UNKNOWN, Status.NOT_DUE
_NO_FIXED_DATE, _OVERDUE, _DUE_SOON = Status.NO_FIXED_DATE, Status.OVERDUE, Status.DUE_SOON


class _Judgement:
    """
    Decides each row's status and reason for one day of assessment.

    Reasons repeat across States (every State's report due the same day is overdue by
    the same number of days), so each text is made once.
    """

    __slots__ = ("_texts", "as_of", "due_soon", "meetings", "undecided")

    def __init__(self, as_of: pendulum.Date, due_soon: int, schedule: Schedule) -> None:
        self.as_of = as_of
        self.due_soon = due_soon
        self._texts: dict[tuple[object, ...], str] = {}
        # The requests to extend a State's deadline whose decision is not on record, by
        # State and obligation: few States have them, so most items never look.
        self.meetings = schedule.plan.meetings
        self.undecided: dict[tuple[str, str], tuple[Extension, ...]] = {}
        for state in schedule.states:
            for obligation in EXTENSION_RULES if state.extensions else ():
                requests = undecided_requests(state.extensions, obligation)
                if requests:
                    self.undecided[state.code, obligation] = requests

    def status(  # noqa: PLR0911 - one return per status
        self, item: ScheduleItem, met: Record | None, partial: Record | None
    ) -> tuple[Status, str]:
        """The item's status, and why."""
        if item.applies is _NO:
            reasons = item.reasons
            return _NOT_APPLICABLE, reasons[-1].message if reasons else "not addressed"
        if met is not None:
            return self._met(item, met)
        if item.applies is _UNKNOWN:
            return _STATUS_UNKNOWN, self.unknown(item)
        if self.as_of < item.opens:
            return _NOT_DUE, f"opens on {iso(item.opens)}"
        if partial is not None:
            return self._partial(item, partial)
        due = item.due
        if due is None:
            return _NO_FIXED_DATE, _NOTHING
        return self._by_due(item, due)

    def _by_due(self, item: ScheduleItem, due: pendulum.Date) -> tuple[Status, str]:
        """The status of an open, unmet item by its due date."""
        key = ("due", due)
        text = self._texts.get(key)
        if text is None:
            if self.as_of > due:
                late = _plural(_days(due, self.as_of), "day")
                text = (
                    f"due {iso(due)}, {late} before {iso(self.as_of)},"
                    " and no record of it being met"
                )
            else:
                text = f"due {iso(due)}, in {_plural(_days(self.as_of, due), 'day')}"
            self._texts[key] = text
        if self.as_of > due:
            return self._unless_extended(item, _OVERDUE, text)
        if _days(self.as_of, due) <= self.due_soon:
            return self._unless_extended(item, _DUE_SOON, text)
        return _NOT_DUE, text

    def _unless_extended(self, item: ScheduleItem, status: Status, text: str) -> tuple[Status, str]:
        """
        *status*, or `Status.UNKNOWN` where a request may have moved the deadline by now.

        Overdue or due soon by the deadline on record, the item may be neither if a
        request to extend it was granted at a meeting whose decision is not on record
        (`vap.model.extensions.undecided_on`).
        """
        requests = self.undecided.get((item.state, item.key)) if self.undecided else None
        if not requests:
            return status, text
        moved = undecided_on(requests, self.as_of, self.meetings)
        if not moved:
            return status, text
        asked = "; ".join(request.describe_request() for request in moved)
        return _STATUS_UNKNOWN, f"{text}; but {asked}"

    def unknown(self, item: ScheduleItem) -> str:
        """Why whether *item* applies is unknown: the facts that are missing."""
        key = ("unknown", id(item.reasons))  # reasons are shared by items judged alike
        text = self._texts.get(key)
        if text is None:
            missing = [reason.message for reason in item.reasons if ": unknown" in reason.message]
            text = self._texts[key] = "; ".join(missing) or "whether it applies is unknown"
        return text

    def _met(self, item: ScheduleItem, record: Record) -> tuple[Status, str]:
        unknown = "; whether it applies is unknown" if item.applies is Truth.UNKNOWN else ""
        if record.status is RecordStatus.MET_BY:
            by = f"met by {iso(record.on)} ({record.source})"
            if item.due is None or record.on <= item.due:
                return Status.MET_ON_TIME, f"{by}, no later than its due date" + unknown
            return Status.MET, (
                f"{by}, on a day the record does not give: whether it was on time,"
                f" by {iso(item.due)}, is not known"
            ) + unknown
        if item.due is None:
            reason = f"met on {iso(record.on)} ({record.source}); no fixed date"
            return Status.MET_ON_TIME, reason + unknown
        late = _days(item.due, record.on)
        if late <= 0:
            reason = f"met on {iso(record.on)}, due {iso(item.due)} ({record.source})"
            return Status.MET_ON_TIME, reason + unknown
        reason = (
            f"met on {iso(record.on)}, {_plural(late, 'day')} after the due date"
            f" {iso(item.due)} ({record.source})"
        )
        return Status.MET_LATE, reason + unknown

    def _partial(self, item: ScheduleItem, record: Record) -> tuple[Status, str]:
        progress = f"{record.status.value} on {iso(record.on)} ({record.source})"
        if item.due is None:
            return Status.IN_PROGRESS, f"{progress}; no fixed date"
        if self.as_of > item.due:
            late = _plural(_days(item.due, self.as_of), "day")
            return self._unless_extended(
                item,
                Status.OVERDUE,
                f"due {iso(item.due)}, {late} before {iso(self.as_of)}; {progress}",
            )
        return Status.IN_PROGRESS, f"{progress}; due {iso(item.due)}"


@attrs.frozen(kw_only=True, repr=False)
class Assessment(Sequence[AssessmentRow]):
    """
    Every item of a schedule with its status as of a day: what was met, late or overdue.

    ``unmatched`` holds the records known on that day that met nothing in the schedule:
    a second report for an item already met, or a report for a year the schedule does
    not reach.
    """

    rows: tuple[AssessmentRow, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(AssessmentRow, "AssessmentRow values")
    )
    as_of: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    due_soon: int = attrs.field(validator=is_instance(int, "a whole number of days"))
    unmatched: tuple[Record, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Record, "Record values")
    )

    @due_soon.validator
    def _not_negative(self, attribute: attrs.Attribute[Any], value: int) -> None:
        if value < 0:
            raise ValidationError(f"Assessment.{attribute.name} must be 0 or more, not {value}")

    @overload
    def __getitem__(self, index: int) -> AssessmentRow: ...
    @overload
    def __getitem__(self, index: slice) -> Assessment: ...
    def __getitem__(self, index: int | slice) -> AssessmentRow | Assessment:
        if isinstance(index, slice):
            return attrs.evolve(self, rows=self.rows[index])
        return self.rows[index]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[AssessmentRow]:
        return iter(self.rows)

    def filter(self, keep: Callable[[AssessmentRow], bool]) -> Assessment:
        """Return the rows for which *keep* is true."""
        if not callable(keep):
            raise ValidationError(f"filter() takes a function of a row, not {keep!r}")
        return attrs.evolve(self, rows=tuple(row for row in self.rows if keep(row)))

    def with_status(self, *statuses: Status) -> Assessment:
        """Return the rows with any of *statuses* (`Status` members)."""
        for status in statuses:
            if not isinstance(status, Status):
                raise ValidationError(
                    f"Assessment.with_status() takes Status values such as Status.OVERDUE,"
                    f" not {status!r}"
                )
        return self.filter(lambda row: row.status in statuses)

    def for_state(self, code: str) -> Assessment:
        """Return the rows of one State (none where the rows kept hold none of it)."""
        as_state_code(code, "Assessment.for_state()")
        return self.filter(lambda row: row.state == code)

    def for_key(self, key: str) -> Assessment:
        """Return the rows of a step, or of every step of an action."""
        as_step_key(key, "Assessment.for_key()")
        return self.filter(lambda row: key in (row.item.key, row.item.obligation))

    def counts(self) -> Mapping[Status, int]:
        """Return how many rows have each status (every status listed, zeros included)."""
        counts = dict.fromkeys(Status, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    def indicators(self) -> tuple[Indicator, ...]:
        """Return one indicator per key and year: who met it on time, late, or not yet."""
        from vap.engine.indicators import indicators  # noqa: PLC0415 - built on this module

        return indicators(self)

    def by_state(self) -> tuple[StateSummary, ...]:
        """Return, for each State, how many items have each status in each section."""
        from vap.engine.indicators import state_summaries  # noqa: PLC0415 - built on this module

        return state_summaries(self)

    def changes_since(self, earlier: Assessment) -> tuple[Change, ...]:
        """Return the items whose status differs from an *earlier* assessment's."""
        from vap.engine.indicators import changes  # noqa: PLC0415 - built on this module

        if not isinstance(earlier, Assessment):
            raise ValidationError(f"changes_since() takes an Assessment, not {earlier!r}")
        return changes(earlier, self)

    def to_records(self) -> list[dict[str, Any]]:
        """
        Return one plain dict per row: the item's fields, then status, reason and record.

        Keys: uid, state, key, obligation, year, title, section, opens, due, applies,
        status, reason, record_on and record_source; dates as `datetime.date`.
        """
        from vap import exports  # noqa: PLC0415 - a lazy export

        return exports.records(self)

    @overload
    def to_csv(self, target: None = None) -> str: ...
    @overload
    def to_csv(self, target: str | os.PathLike[str] | IO[str]) -> None: ...
    def to_csv(self, target: str | os.PathLike[str] | IO[str] | None = None) -> str | None:
        """Write the assessment as CSV to a path or open text file, or return it as text."""
        from vap import exports  # noqa: PLC0415 - a lazy export

        return exports.to_csv(self, target)

    def to_dataframe(self) -> pd.DataFrame:
        """Return the assessment as a pandas data frame; ``status`` is an ordered categorical."""
        from vap import exports  # noqa: PLC0415 - an optional extra

        return exports.to_dataframe(self)

    def __str__(self) -> str:
        counts = ", ".join(
            f"{count} {status.value}" for status, count in self.counts().items() if count
        )
        return f"Assessment as of {self.as_of} of {len(self.rows)} items: {counts or 'none'}"

    def __repr__(self) -> str:
        return f"<{self}>"

    def _repr_html_(self) -> str:
        from vap import exports  # noqa: PLC0415 - the notebook view, from the exports layer

        return exports.html(self)


def _check(progress: Progress, schedule: Schedule) -> None:
    """Refuse records that cannot belong to the schedule, listing every one."""
    joined = {state.code: state.joined for state in schedule.states}
    index = item_index(schedule)
    problems = []
    elsewhere = 0
    for record in progress:
        if record.state not in joined:
            problems.append(f"{record}: the State {record.state} is not in the schedule")
            elsewhere += 1
            continue
        if not index.items(record.state, record.key):
            several = index.steps.get(record.key, [])
            hint = (
                f": record one of its steps, {', '.join(sorted(several, key=key_order))}"
                if len(several) > 1
                else ""
            )
            problems.append(f"{record}: the schedule has no item {record.key}{hint}")
        elif record.covers is not None and record.key not in index.yearly:
            problems.append(
                f"{record}: {record.key} is not yearly, so the record covers no particular year"
            )
        if record.on < joined[record.state]:
            problems.append(
                f"{record}: dated before {record.state} joined the Convention on"
                f" {joined[record.state]}"
            )
    if problems:
        message = "the progress does not fit the schedule"
        if elsewhere:
            message += (
                f" ({_plural(elsewhere, 'record')} of States it does not hold: assess the"
                " records of its States, Progress.for_state(code) for one)"
            )
        raise ValidationError(message, problems)


def _match(
    items: list[ScheduleItem], records: list[Record]
) -> tuple[dict[int, Record], dict[int, Record], list[Record]]:
    """
    Match one State's records for one key to the key's items (its yearly occurrences).

    In date order: a record of a yearly item meets the occurrence of the year it covers
    (`Record.year_covered`); a record of a one-off item meets it. A partial record marks
    progress; a withdrawal that names no year takes back the latest occurrence that has a
    record. Items are known by their identity (`id`), as the schedule keeps them alive.
    """
    met: dict[int, Record] = {}
    partial: dict[int, Record] = {}
    unmatched = []
    ids = [id(item) for item in items]
    by_year = {item.covers: id(item) for item in items if item.covers is not None}
    for record in records:
        if by_year and (record.covers is not None or record.status is not RecordStatus.WITHDRAWN):
            target = by_year.get(record.year_covered)
        elif record.status is RecordStatus.WITHDRAWN:
            taken = [index for index in ids if index in met or index in partial]
            target = taken[-1] if taken else None
        else:
            target = next((index for index in ids if index not in met), None)
        if target is None:
            unmatched.append(record)
        elif record.status is RecordStatus.WITHDRAWN:
            met.pop(target, None)
            partial.pop(target, None)
        elif record.status is RecordStatus.NOT_MET:
            continue  # still not met on its day: the item's status says so already
        elif record.status.meets:
            if target in met:
                unmatched.append(record)
            else:
                met[target] = record
        elif target not in met:
            partial[target] = record
    return met, partial, unmatched


def _matched(
    schedule: Schedule, progress: Progress
) -> tuple[dict[int, Record], dict[int, Record], list[Record]]:
    """Match every record to its item: the met ones, the partial ones, and the rest."""
    records_of: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in progress:
        records_of[record.state, record.key].append(record)
    index = item_index(schedule)
    met: dict[int, Record] = {}
    partial: dict[int, Record] = {}
    unmatched: list[Record] = []
    for group, records in records_of.items():
        items = sorted(index.items(*group), key=lambda item: (item.date, item.year or 0))
        group_met, group_partial, group_unmatched = _match(items, records)
        met.update(group_met)
        partial.update(group_partial)
        unmatched.extend(group_unmatched)
    return met, partial, unmatched


def _rows(
    schedule: Schedule,
    met: dict[int, Record],
    partial: dict[int, Record],
    judgement: _Judgement,
    sections: dict[str, str],
) -> list[AssessmentRow]:
    """One row per item of the schedule, in its order."""
    make_row = unchecked(AssessmentRow)  # checked parts; a law makes every row by the constructor
    # Most items have no record: one look-up each finds both kinds.
    noted: dict[int, tuple[Record | None, Record | None]] = {
        ident: (record, partial.get(ident)) for ident, record in met.items()
    }
    noted.update((ident, (met.get(ident), record)) for ident, record in partial.items())
    status_of, noted_of, none = judgement.status, noted.get, (None, None)
    rows: list[AssessmentRow] = []
    append = rows.append
    for item in schedule.items:
        done, begun = noted_of(id(item), none)
        status, reason = status_of(item, done, begun)
        append(
            make_row(
                item=item,
                section=sections[item.obligation],
                status=status,
                record=done or begun,
                reason=reason,
            )
        )
    return rows


def assess(
    schedule: Schedule,
    progress: Progress,
    *,
    as_of: datetime.date,
    due_soon: datetime.timedelta = datetime.timedelta(days=90),
) -> Assessment:
    """
    Assess every item of *schedule* against the records of *progress* known on *as_of*.

    Args:
        schedule: what the States owe, from `vap.schedule`.
        progress: what they reported; records dated after *as_of* are not yet known.
        as_of: the day of assessment.
        due_soon: how far ahead an unmet item counts as `Status.DUE_SOON`.

    Returns:
        One row per schedule item, in the schedule's order.

    Raises:
        ValidationError: for a record of a State not in the schedule, of a key the
            schedule lacks, with a year for an item that is not yearly, or dated before
            the State's entry into force; every such record is listed.
    """
    day = as_date(as_of, field="as_of")
    if not isinstance(schedule, Schedule):
        raise ValidationError(f"assess() takes a Schedule, not {schedule!r:.80}")
    if not isinstance(progress, Progress):
        raise ValidationError(f"assess() takes a Progress, not {progress!r:.80}")
    if not isinstance(due_soon, datetime.timedelta) or due_soon.days < 0:
        raise ValidationError(f"due_soon must be a timedelta of 0 days or more, not {due_soon!r}")
    with collector_paused():
        _check(progress, schedule)
        met, partial, unmatched = _matched(schedule, progress.known_on(day))
        judgement = _Judgement(day, due_soon.days, schedule)
        rows = _rows(schedule, met, partial, judgement, section_labels(schedule))
    return Assessment(
        rows=tuple(rows), as_of=day, due_soon=due_soon.days, unmatched=tuple(unmatched)
    )
