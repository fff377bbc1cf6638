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
from vap.model.keys import key_order
from vap.model.roles import Truth

__all__ = ["Change", "Indicator", "StateSummary", "changes", "indicators", "state_summaries"]

_FELL_DUE = (Status.MET_ON_TIME, Status.MET_LATE, Status.OVERDUE)


@attrs.frozen(kw_only=True)
class Indicator:
    """
    How States stand on one key (and one year of a yearly key) on the day of assessment.

    ``denominator``: the States for which the item applies and fell due by then.
    ``numerator``: those among them that met it on time. ``states`` lists the States
    behind every status, so each figure can be traced to the rows behind it.
    """

    key: str
    title: str
    year: int | None
    as_of: pendulum.Date
    states: Mapping[Status, tuple[str, ...]]
    numerator: int
    denominator: int

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


@attrs.frozen(kw_only=True)
class StateSummary:
    """One State's items on the day of assessment, counted by section and status."""

    state: str
    as_of: pendulum.Date
    sections: Mapping[str, Mapping[Status, int]]

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

    uid: str
    key: str
    state: str
    before: Status
    after: Status

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
