"""
Figures a monitor publishes from an assessment.

Indicators per key, summaries per State, and what changed between two days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import attrs
import pendulum

from vap.engine.assessment import Assessment, AssessmentRow, Status
from vap.errors import ValidationError
from vap.model.frozen import frozen_map
from vap.model.keys import key_order, state_code, step_key
from vap.model.roles import Truth
from vap.model.validators import converter, is_date, is_instance, non_empty, to_date

__all__ = ["Change", "Indicator", "StateSummary", "changes", "indicators", "state_summaries"]

_FELL_DUE = (Status.MET_ON_TIME, Status.MET_LATE, Status.MET, Status.OVERDUE)


@attrs.frozen(kw_only=True)
class Indicator:
    """
    How States stand on one key (and one year of a yearly key) on the day of assessment.

    ``denominator``: the States for which the item applies and fell due by then.
    ``numerator``: those among them that met it on time. ``states`` lists the States
    behind every status, so each figure can be traced to the rows behind it.
    """

    key: str = attrs.field(validator=step_key)
    title: str = attrs.field(validator=non_empty)
    year: int | None = attrs.field(validator=attrs.validators.optional(is_instance(int, "a year")))
    as_of: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    states: Mapping[Status, tuple[str, ...]] = attrs.field(converter=frozen_map)
    numerator: int = attrs.field(validator=is_instance(int, "a whole number"))
    denominator: int = attrs.field(validator=is_instance(int, "a whole number"))

    def __attrs_post_init__(self) -> None:
        problems = []
        if set(self.states) != set(Status):
            problems.append("states must name the States of every Status, none left out")
        if not 0 <= self.numerator <= self.denominator:
            problems.append(
                f"numerator {self.numerator} must be from 0 to the denominator {self.denominator}"
            )
        met = len(self.states.get(Status.MET_ON_TIME, ()))
        if self.numerator > met:
            problems.append(f"numerator {self.numerator} exceeds the {met} States met on time")
        if problems:
            raise ValidationError(f"invalid indicator {self.key}", problems)

    @property
    def share(self) -> float | None:
        """``numerator / denominator``, or ``None`` when nothing fell due."""
        return self.numerator / self.denominator if self.denominator else None

    def __str__(self) -> str:
        year = f" ({self.year})" if self.year is not None else ""
        return (
            f"{self.key}{year} {self.title}: met on time by {self.numerator} of"
            f" {self.denominator} States Parties due by {self.as_of}"
        )


def _fell_due(row: AssessmentRow, as_of: pendulum.Date) -> bool:
    item = row.item
    return (
        item.applies is Truth.YES
        and item.due is not None
        and item.due <= as_of
        and row.status in _FELL_DUE
    )


def indicators(assessment: Assessment) -> tuple[Indicator, ...]:
    """One indicator per key and year, in key order."""
    grouped: dict[tuple[str, int | None], list[AssessmentRow]] = defaultdict(list)
    for row in assessment:
        grouped[row.key, row.item.year].append(row)
    result = []
    for (key, year), rows in sorted(
        grouped.items(), key=lambda pair: (key_order(pair[0][0]), pair[0][1] or 0)
    ):
        by_status: dict[Status, list[str]] = {status: [] for status in Status}
        for row in rows:
            by_status[row.status].append(row.state)
        due = [row for row in rows if _fell_due(row, assessment.as_of)]
        result.append(
            Indicator(
                key=key,
                title=rows[0].item.title,
                year=year,
                as_of=assessment.as_of,
                states={status: tuple(sorted(codes)) for status, codes in by_status.items()},
                numerator=sum(row.status is Status.MET_ON_TIME for row in due),
                denominator=len(due),
            )
        )
    return tuple(result)


def _frozen_sections(
    sections: Mapping[str, Mapping[Status, int]],
) -> Mapping[str, Mapping[Status, int]]:
    return frozen_map((name, frozen_map(counts)) for name, counts in sections.items())


converter(_frozen_sections)


@attrs.frozen(kw_only=True)
class StateSummary:
    """One State's items on the day of assessment, counted by section and status."""

    state: str = attrs.field(validator=state_code)
    as_of: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    sections: Mapping[str, Mapping[Status, int]] = attrs.field(converter=_frozen_sections)

    @property
    def totals(self) -> Mapping[Status, int]:
        """The counts of every section added up."""
        totals = dict.fromkeys(Status, 0)
        for counts in self.sections.values():
            for status, count in counts.items():
                totals[status] += count
        return totals

    def __str__(self) -> str:
        lines = [f"{self.state} as of {self.as_of}"]
        for section, counts in self.sections.items():
            shown = ", ".join(f"{n} {status.value}" for status, n in counts.items() if n)
            lines.append(f"  {section}: {shown}")
        return "\n".join(lines)


def state_summaries(assessment: Assessment) -> tuple[StateSummary, ...]:
    """One summary per State, sections in the order the rows first name them."""
    per_state: dict[str, dict[str, dict[Status, int]]] = {}
    for row in assessment:
        sections = per_state.setdefault(row.state, {})
        counts = sections.setdefault(row.section, dict.fromkeys(Status, 0))
        counts[row.status] += 1
    return tuple(
        StateSummary(state=state, as_of=assessment.as_of, sections=per_state[state])
        for state in sorted(per_state)
    )


@attrs.frozen(kw_only=True)
class Change:
    """An item whose status differs between two assessments."""

    uid: str = attrs.field(validator=non_empty)
    key: str = attrs.field(validator=step_key)
    state: str = attrs.field(validator=state_code)
    before: Status = attrs.field(validator=is_instance(Status, "a Status"))
    after: Status = attrs.field(validator=is_instance(Status, "a Status"))

    @after.validator
    def _a_change(self, attribute: attrs.Attribute[Status], value: Status) -> None:
        if value is self.before:
            raise ValidationError(
                f"Change.{attribute.name} is {value.value}, as before: nothing changed"
            )

    @property
    def became_overdue(self) -> bool:
        """Whether the item was not overdue before and is now."""
        return self.after is Status.OVERDUE and self.before is not Status.OVERDUE

    @property
    def became_met(self) -> bool:
        """Whether the item was not met before and is now."""
        return self.after.met and not self.before.met

    def __str__(self) -> str:
        return f"{self.uid}: {self.before.value} -> {self.after.value}"


def changes(earlier: Assessment, later: Assessment) -> tuple[Change, ...]:
    """The items, present in both assessments, whose status changed, in the later's order."""
    before = {row.uid: row.status for row in earlier}
    return tuple(
        Change(uid=row.uid, key=row.key, state=row.state, before=before[row.uid], after=row.status)
        for row in later
        if row.uid in before and before[row.uid] is not row.status
    )
