"""
Schedules: what each State owes under a plan and the Convention, and by when.

`vap.schedule` builds them (in `vap.engine.builder`); this module holds the values: items,
the policies that shaped them, the schedule itself and its explanations.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, Final, overload

import attrs
import pendulum

from vap.errors import UnknownKeyError, ValidationError
from vap.model.dates import as_date
from vap.model.keys import as_state_code, as_step_key, key_order, state_code, step_key
from vap.model.obligations import ObligationSet
from vap.model.plan import Plan
from vap.model.policy import SchedulePolicy
from vap.model.reasons import Reason
from vap.model.roles import Truth
from vap.model.states import StateParty
from vap.model.timelines import (
    TIMELINE_KINDS,
    Anchor,
    Annually,
    Timeline,
    Within,
    covered_year,
)
from vap.model.validators import (
    as_tuple,
    is_date,
    is_instance,
    is_optional_date,
    non_empty,
    not_before,
    to_date,
    to_optional_date,
    tuple_of,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from vap.engine.assessment import Assessment
    from vap.engine.explanation import Explanation

__all__ = [
    "ItemIndex",
    "Schedule",
    "ScheduleItem",
    "item_index",
    "section_labels",
]


@attrs.frozen
class ScheduleItem:
    """
    One thing a State owes: a step of an action or obligation, or one yearly occurrence.

    ``due`` is ``None`` where no date is fixed; ``year`` is the calendar year a yearly item
    falls due in (the report due on 30 April 2012 covers 2011). ``applies`` is three-valued,
    and ``reasons`` say why, with the sources of each role fact used. ``anchor`` is the day
    the rule counts from (entry into force, an event, the day a role began), if any.
    """

    key: str = attrs.field(validator=step_key)
    obligation: str = attrs.field(validator=step_key)
    state: str = attrs.field(validator=state_code)
    title: str = attrs.field(validator=non_empty)
    timeline: Timeline = attrs.field(validator=is_instance(TIMELINE_KINDS, "a timeline rule"))
    opens: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    due: pendulum.Date | None = attrs.field(
        converter=to_optional_date, validator=[is_optional_date, not_before("opens")]
    )
    applies: Truth = attrs.field(validator=is_instance(Truth, "a Truth (YES, NO or UNKNOWN)"))
    year: int | None = attrs.field(default=None)
    anchor: pendulum.Date | None = attrs.field(
        default=None, converter=to_optional_date, validator=is_optional_date
    )
    reasons: tuple[Reason, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Reason, "Reason values")
    )

    @year.validator
    def _year_it_falls_due(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        due = self.due
        if isinstance(self.timeline, Annually) and due is not None:
            if type(value) is not int or value != due.year:
                raise ValidationError(
                    f"ScheduleItem.{attribute.name} of the yearly item {self.key} must be the"
                    f" year it falls due in, {due.year}, not {value!r}"
                )
        elif value is not None:
            raise ValidationError(
                f"ScheduleItem.{attribute.name} must be None for {self.key}, which has no"
                f" yearly due date, not {value!r}"
            )

    @property
    def uid(self) -> str:
        """A stable identifier: ``"LAO/CCM-7.2/2012"``, ``"IRQ/CCM-4.1b/2016-03-01"``."""
        parts = [self.state, self.key]
        if self.year is not None:
            parts.append(str(self.year))
        if (
            isinstance(self.timeline, Within)
            and self.timeline.anchor is not Anchor.ENTRY_INTO_FORCE
        ):
            parts.append(str(self.anchor))
        return "/".join(parts)

    @property
    def covers(self) -> int | None:
        """The calendar year a yearly report covers (the year before it is due), or ``None``."""
        return None if self.year is None else covered_year(self.year)

    @property
    def rule(self) -> str:
        """The rule behind the dates, in words."""
        return self.timeline.describe()

    @property
    def date(self) -> pendulum.Date:
        """The day the item is placed on: its due date, or its opening where it has none."""
        return self.opens if self.due is None else self.due

    def __str__(self) -> str:
        due = f"due {self.due}" if self.due else "no fixed date"
        return (
            f"{self.uid}: {self.title}, opens {self.opens}, {due} (applies: {self.applies.value})"
        )


@attrs.frozen
class ItemIndex:
    """
    A schedule's items by State and key, made once per schedule, for assessments.

    ``by_state`` holds each State's items by key; ``yearly`` the keys of yearly steps;
    ``steps`` each obligation's step keys in key order.
    """

    by_state: dict[str, dict[str, list[ScheduleItem]]]
    yearly: frozenset[str]
    steps: dict[str, list[str]]

    def items(self, state: str, key: str) -> list[ScheduleItem]:
        """The items of one State and key, in the schedule's order; empty if there are none."""
        return self.by_state.get(state, _NO_GROUPS).get(key, [])


_NO_GROUPS: Final[dict[str, list[ScheduleItem]]] = {}


def _index_of(by_state: dict[str, dict[str, list[ScheduleItem]]]) -> ItemIndex:
    """The index of these groups of items, each of one State and one key."""
    steps: dict[str, list[str]] = {}
    yearly = set()
    seen: set[str] = set()
    for groups in by_state.values():
        for key in groups.keys() - seen:  # one key recurs for every State: each looked at once
            first = groups[key][0]
            steps.setdefault(first.obligation, []).append(key)
            if isinstance(first.timeline, Annually):
                yearly.add(key)
        seen.update(groups)
    ordered = {obligation: sorted(keys, key=key_order) for obligation, keys in steps.items()}
    return ItemIndex(by_state, frozenset(yearly), ordered)


def item_index(schedule: Schedule) -> ItemIndex:
    """Return *schedule*'s items by State and key; made on first use and kept with it."""
    index = schedule._index  # noqa: SLF001 - this module's own cache
    if index is None:
        by_state: dict[str, dict[str, list[ScheduleItem]]] = {}
        groups_of = by_state.get
        for item in schedule.items:
            groups = groups_of(item.state)
            if groups is None:
                groups = by_state[item.state] = {}
            found = groups.get(item.key)
            if found is None:
                groups[item.key] = [item]
            else:
                found.append(item)
        index = _index_of(by_state)
        # Computing it twice (two threads at once) gives equal values: no lock is needed.
        object.__setattr__(schedule, "_index", index)
    return index


def section_labels(schedule: Schedule) -> dict[str, str]:
    """The section of every action and obligation key of *schedule*, in words."""
    labels = {action.key: str(action.section) for action in schedule.plan}
    title = schedule.obligations.title
    labels.update((obligation.key, title) for obligation in schedule.obligations)
    return labels


@attrs.frozen(kw_only=True, repr=False)
class Schedule(Sequence[ScheduleItem]):
    """
    An immutable, ordered sequence of schedule items for one or more States.

    Items are ordered by date (due, or opening where there is none), then State, then key.
    The schedule keeps the plan, the obligations and the policy it was built from, so it
    can explain itself and be rebuilt. Every filter returns a new `Schedule`.
    """

    items: tuple[ScheduleItem, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(ScheduleItem, "ScheduleItem values")
    )
    states: tuple[StateParty, ...] = attrs.field(converter=as_tuple)
    plan: Plan
    obligations: ObligationSet
    policy: SchedulePolicy = attrs.field(factory=SchedulePolicy)
    _index: ItemIndex | None = attrs.field(init=False, default=None, eq=False, repr=False)

    @overload
    def __getitem__(self, index: int) -> ScheduleItem: ...
    @overload
    def __getitem__(self, index: slice) -> Schedule: ...
    def __getitem__(self, index: int | slice) -> ScheduleItem | Schedule:
        if isinstance(index, slice):
            return self._with(self.items[index])
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[ScheduleItem]:
        return iter(self.items)

    def _with(self, items: Sequence[ScheduleItem]) -> Schedule:
        return attrs.evolve(self, items=tuple(items))

    def filter(self, keep: Callable[[ScheduleItem], bool]) -> Schedule:
        """Return the items for which *keep* is true."""
        if not callable(keep):
            raise ValidationError(f"filter() takes a function of an item, not {keep!r}")
        return self._with([item for item in self.items if keep(item)])

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the States scheduled, in the order they were given."""
        return tuple(state.code for state in self.states)

    def between(self, start: datetime.date, end: datetime.date) -> Schedule:
        """
        Return the items placed between *start* and *end*, both included.

        An item is placed on its due date, or on its opening day where it has none.
        """
        first, last = as_date(start, field="start"), as_date(end, field="end")
        return self.filter(lambda item: first <= item.date <= last)

    def for_state(self, code: str) -> Schedule:
        """
        Return the items of one State (and only that State).

        Raises:
            ValidationError: for something other than an ISO alpha-3 code.
            UnknownKeyError: for a State the schedule does not schedule.
        """
        as_state_code(code, "Schedule.for_state()")
        if code not in self.codes:
            shown = ", ".join(self.codes[:5]) + (", …" if len(self.codes) > 5 else "")
            raise UnknownKeyError(
                f"the schedule has no State {code!r}: it schedules {len(self.codes)} ({shown})"
            )
        return attrs.evolve(
            self,
            items=tuple(item for item in self.items if item.state == code),
            states=tuple(state for state in self.states if state.code == code),
        )

    def for_key(self, key: str) -> Schedule:
        """
        Return the items of a step (``"VAP-8.1"``) or of all steps of an action (``"VAP-8"``).

        Raises:
            ValidationError: for something other than a key.
            UnknownKeyError: for a key that neither the plan nor the obligations have.
        """
        as_step_key(key, "Schedule.for_key()")
        plan = self.plan
        if key not in plan and key not in self.obligations and key not in plan.step_keys:
            raise UnknownKeyError(
                f"unknown key {key!r}: the plan {plan.key} and the obligations have no such"
                " action, step or obligation"
            )
        return self.filter(lambda item: key in (item.key, item.obligation))

    def applicable(self) -> Schedule:
        """Return the items that apply (`Truth.YES`)."""
        return self.filter(lambda item: item.applies is Truth.YES)

    def unknown(self) -> Schedule:
        """Return the items whose applicability is unknown."""
        return self.filter(lambda item: item.applies is Truth.UNKNOWN)

    def not_applicable(self) -> Schedule:
        """Return the items that do not apply, each with the reason why."""
        return self.filter(lambda item: item.applies is Truth.NO)

    def by_section(self) -> Mapping[str, Schedule]:
        """
        Return the items grouped by the plan's sections, in order.

        The Convention's obligations come last, under the obligation set's title.
        """
        groups: dict[str, list[ScheduleItem]] = {str(section): [] for section in self.plan.sections}
        groups[self.obligations.title] = []
        labels = section_labels(self)
        for item in self.items:
            groups[labels[item.obligation]].append(item)
        return {label: self._with(items) for label, items in groups.items() if items}

    def next_due(self, *, after: datetime.date) -> ScheduleItem | None:
        """Return the first item that may apply (not `Truth.NO`) falling due after *after*."""
        day = as_date(after, field="after")
        upcoming = [
            item
            for item in self.items
            if item.due is not None and item.due > day and item.applies is not Truth.NO
        ]
        return min(upcoming, key=lambda item: item.due or day, default=None)

    def explain(
        self, key: str, *, state: str | None = None, on: datetime.date | None = None
    ) -> Explanation:
        """
        Explain a step or action for one State: its text, addressees, rules and reasons.

        Each due date is shown with its true arithmetic; an extended deadline with its
        original date, then every extension in order; given *on*, the deadline in force
        that day.

        Raises:
            UnknownKeyError: if the schedule has no item for *key* (and *state*).
            ValidationError: if the schedule holds several States and *state* is not given.
        """
        from vap.engine.explanation import explain  # noqa: PLC0415 - same layer, made on demand

        return explain(self, key, state=state, on=on)

    def to_records(self) -> list[dict[str, Any]]:
        """
        Return one plain dict per item, for people and tools that want rows.

        Keys: uid, state, key, obligation, year, title, section, opens, due, applies, rule,
        anchor and reasons; dates as `datetime.date`.
        """
        from vap import exports  # noqa: PLC0415 - a lazy export

        return exports.records(self)

    @overload
    def to_csv(self, target: None = None) -> str: ...
    @overload
    def to_csv(self, target: str | os.PathLike[str] | IO[str]) -> None: ...
    def to_csv(self, target: str | os.PathLike[str] | IO[str] | None = None) -> str | None:
        """
        Write the schedule as CSV to a path or open text file, or return it as text.

        Cells a spreadsheet would run as formulas are neutralised (OWASP's advice).
        """
        from vap import exports  # noqa: PLC0415 - a lazy export

        return exports.to_csv(self, target)

    def to_ical(self, *, stamp: datetime.datetime | None = None) -> bytes:
        """
        Return the dated items as an iCalendar file (RFC 5545), one all-day event each.

        Needs the ``ics`` extra. UIDs are stable, so a newer export updates a calendar.
        """
        from vap import exports  # noqa: PLC0415 - an optional extra

        return exports.to_ical(self, stamp=stamp)

    def to_dataframe(self) -> pd.DataFrame:
        """
        Return the schedule as a pandas data frame with typed columns (the ``pandas`` extra).

        Dates are ``datetime64``, ``year`` a nullable integer, ``applies`` a categorical.
        """
        from vap import exports  # noqa: PLC0415 - an optional extra

        return exports.to_dataframe(self)

    def plot(
        self,
        *,
        assessment: Assessment | None = None,
        include_undated: bool = False,
        page: int = 1,
        per_page: int | None = None,
    ) -> Figure:
        """
        Draw the schedule as a timeline per State and return the matplotlib figure.

        Windows are bars, deadlines markers and meetings dotted lines; given an
        *assessment*, colours show each item's status. More than *per_page* States are
        drawn a page at a time (*page*, from 1; by default
        `vap.exports.timeline.PER_PAGE` to a page). In a notebook the figure shows itself.
        Needs the ``plot`` extra.
        """
        from vap import exports  # noqa: PLC0415 - an optional extra

        return exports.plot(
            self,
            assessment=assessment,
            include_undated=include_undated,
            page=page,
            per_page=per_page,
        )

    def __str__(self) -> str:
        return f"Schedule of {len(self.items)} items for {', '.join(self.codes) or 'no State'}"

    def __repr__(self) -> str:
        return f"<{self}>"

    def _repr_html_(self) -> str:
        from vap import exports  # noqa: PLC0415 - the notebook view, from the exports layer

        return exports.html(self)
