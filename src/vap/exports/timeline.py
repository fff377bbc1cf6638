"""
Timelines of schedules with matplotlib (``pip install vap[plot]``).

One panel per State: each row a step, windows (opening to due date) as bars, deadlines as
markers, meetings as dotted vertical lines; colours say whether an item applies or, given
an assessment, its status. Many States are drawn a page at a time, so that each panel stays
legible; the figure shows itself in a notebook (``_repr_png_``) whatever the backend.
"""

from __future__ import annotations

import datetime
import functools
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from vap.engine.assessment import Assessment, Status
from vap.errors import MissingExtraError, ValidationError
from vap.model.keys import key_order
from vap.model.roles import Truth

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from vap.engine.schedule import Schedule, ScheduleItem

__all__ = ["APPLIES_COLOURS", "PER_PAGE", "STATUS_COLOURS", "plot"]

PER_PAGE: Final = 8
"""How many States one figure shows by default: more are drawn page by page."""

APPLIES_COLOURS: Final = {Truth.YES: "#3b6ea5", Truth.UNKNOWN: "#8e6bb8", Truth.NO: "#c8c8c8"}
"""The colour of an item by whether it applies, when no assessment is given."""

STATUS_COLOURS: Final = {
    Status.MET_ON_TIME: "#2e8b57",
    Status.MET_LATE: "#e69f00",
    Status.MET: "#7fbf7f",
    Status.IN_PROGRESS: "#56b4e9",
    Status.OVERDUE: "#d62728",
    Status.DUE_SOON: "#f0c419",
    Status.NOT_DUE: "#7f9cbf",
    Status.NO_FIXED_DATE: "#b0b0b0",
    Status.NOT_APPLICABLE: "#e0e0e0",
    Status.UNKNOWN: "#8e6bb8",
}
"""The colour of an item by its status, when an assessment is given."""


def _plain(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, day.month, day.day)


def _number(day: datetime.date) -> float:
    """The day as matplotlib's date number."""
    from matplotlib import dates  # noqa: PLC0415 - an optional extra, imported by plot first

    return float(dates.date2num(_plain(day)))  # type: ignore[no-untyped-call]


@functools.cache
def _figure_class() -> type[Figure]:
    """A matplotlib figure that shows itself in a notebook, whatever the backend."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - an optional extra

    class Timeline(Figure):
        """A timeline figure; in a notebook it displays as a PNG image."""

        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png")
            return buffer.getvalue()

    return Timeline


def _page(codes: tuple[str, ...], page: int, per_page: int) -> tuple[tuple[str, ...], int]:
    """The State codes on *page* (from 1) of *per_page* each, and how many pages there are."""
    if not codes:
        raise ValidationError("plot has nothing to draw: the schedule holds no States")
    for name, value in (("page", page), ("per_page", per_page)):
        if type(value) is not int or value < 1:
            raise ValidationError(f"plot {name} must be a whole number of 1 or more, not {value!r}")
    pages = max(1, -(-len(codes) // per_page))
    if page > pages:
        raise ValidationError(
            f"plot page {page} does not exist: {len(codes)} States make {pages} pages of {per_page}"
        )
    return codes[(page - 1) * per_page : page * per_page], pages


def _dated(items: Iterable[ScheduleItem], include_undated: object) -> list[ScheduleItem]:
    """The items to draw: those with a due date, and the others if *include_undated*."""
    if not isinstance(include_undated, bool):
        raise ValidationError(
            f"plot include_undated must be True or False, not {include_undated!r}"
        )
    return [item for item in items if include_undated or item.due is not None]


def _statuses(schedule: Schedule, assessment: Assessment) -> dict[str, Status]:
    """Each item's status in *assessment*, which must have a row for every item."""
    if not isinstance(assessment, Assessment):
        raise ValidationError(f"plot assessment must be an Assessment, not {assessment!r}")
    statuses = {row.uid: row.status for row in assessment}
    for item in schedule:
        if item.uid not in statuses:
            raise ValidationError(
                f"plot assessment has no row for {item.uid}: pass the assessment of this schedule"
            )
    return statuses


def plot(
    schedule: Schedule,
    *,
    assessment: Assessment | None = None,
    include_undated: bool = False,
    page: int = 1,
    per_page: int | None = None,
) -> Figure:
    """
    Draw *schedule* as one timeline panel per State and return the figure.

    A schedule of more than *per_page* States (by default `PER_PAGE`) is drawn a page at a
    time: *page* (from 1) says which, and the figure's title says how many there are.

    Raises:
        MissingExtraError: if matplotlib is not installed.
        ValidationError: for a *page* or *per_page* that is not a whole number of 1 or
            more, a page past the last, a schedule of no States, an *include_undated*
            other than True or False, or an *assessment* that is not of this schedule.
    """
    try:
        from matplotlib.lines import Line2D  # noqa: PLC0415 - an optional extra
        from matplotlib.patches import Patch  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the test environment has every extra
        raise MissingExtraError("plot needs matplotlib: pip install 'vap[plot]'") from None
    per_page = PER_PAGE if per_page is None else per_page
    codes, pages = _page(schedule.codes, page, per_page)
    statuses = None if assessment is None else _statuses(schedule, assessment)
    panels = [(code, _dated(schedule.for_state(code), include_undated)) for code in codes]
    heights = [max(len({item.key for item in items}), 1) for _, items in panels] or [1]
    figure = _figure_class()(figsize=(11, 1.2 + 0.26 * sum(heights)), layout="constrained")
    if pages > 1:
        first = (page - 1) * per_page + 1
        figure.suptitle(
            f"States {first}-{first + len(codes) - 1} of {len(schedule.codes)}"
            f" (page {page} of {pages}: plot(page=...) for the others)",
            fontsize=9,
        )
    axes = figure.subplots(
        len(heights), 1, sharex=True, squeeze=False, gridspec_kw={"height_ratios": heights}
    )[:, 0]
    dated = [item.due for item in schedule if item.due is not None]
    end = _plain(max(dated)) if dated else _plain(schedule.plan.adopted)

    def colour(item: ScheduleItem) -> str:
        if statuses is None:
            return APPLIES_COLOURS[item.applies]
        return STATUS_COLOURS[statuses[item.uid]]

    for axis, (code, items) in zip(axes, panels, strict=True):
        keys = sorted({item.key for item in items}, key=key_order)
        row = {key: index for index, key in enumerate(keys)}
        for item in items:
            start = _number(item.opens)
            stop = _number(item.due or end)
            axis.barh(
                row[item.key],
                stop - start,
                left=start,
                height=0.5,
                alpha=0.35,
                color=colour(item),
                hatch=None if item.due else "//",
            )
            if item.due is not None:
                axis.plot(stop, row[item.key], marker="D", markersize=4, color=colour(item))
        for meeting in schedule.plan.meetings:
            if _plain(schedule.plan.adopted) <= _plain(meeting.opens) <= end:
                axis.axvline(_number(meeting.opens), color="#888", linestyle=":")
                axis.annotate(
                    meeting.key,
                    (_number(meeting.opens), 1.0),
                    xycoords=("data", "axes fraction"),
                    fontsize=7,
                    color="#555",
                    rotation=90,
                    va="top",
                    ha="right",
                )
        axis.set_yticks(range(len(keys)), labels=keys, fontsize=7)
        axis.set_ylim(max(len(keys), 1) - 0.5, -0.5)  # a State with nothing dated: one row
        axis.set_title(code, loc="left", fontsize=9)
        axis.xaxis_date()
    legend: dict[Status, str] | dict[Truth, str] = (
        STATUS_COLOURS if statuses is not None else APPLIES_COLOURS
    )
    handles: list[Patch | Line2D] = [
        Patch(color=shade, label=key.value) for key, shade in legend.items()
    ]
    handles.append(Line2D([], [], marker="D", linestyle="", color="#333", label="due date"))
    figure.legend(
        handles=handles, loc="outside lower center", ncols=min(len(handles), 6), fontsize=7
    )
    return figure
