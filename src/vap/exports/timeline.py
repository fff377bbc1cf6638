"""
Timelines of schedules with matplotlib (``pip install vap[plot]``).

One panel per State: each row a step, windows (opening to due date) as bars, deadlines as
markers, meetings as dotted vertical lines; colours say whether an item applies or, given
an assessment, its status.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Final

from vap.engine.assessment import Assessment, Status
from vap.errors import MissingExtraError
from vap.model.keys import key_order
from vap.model.roles import Truth

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from vap.engine.schedule import Schedule, ScheduleItem

__all__ = ["APPLIES_COLOURS", "STATUS_COLOURS", "plot"]

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


def plot(
    schedule: Schedule,
    *,
    assessment: Assessment | None = None,
    include_undated: bool = False,
) -> Figure:
    """
    Draw *schedule* as one timeline panel per State and return the figure.

    Raises:
        MissingExtraError: if matplotlib is not installed.
    """
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - an optional extra
        from matplotlib.lines import Line2D  # noqa: PLC0415
        from matplotlib.patches import Patch  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the test environment has every extra
        raise MissingExtraError("plot needs matplotlib: pip install 'vap[plot]'") from None
    statuses = {row.uid: row.status for row in assessment} if assessment is not None else None
    panels = [
        (code, [i for i in schedule.for_state(code) if include_undated or i.due is not None])
        for code in schedule.codes
    ]
    heights = [max(len({item.key for item in items}), 1) for _, items in panels] or [1]
    figure = Figure(figsize=(11, 1.2 + 0.26 * sum(heights)), layout="constrained")
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
        axis.set_ylim(len(keys) - 0.5, -0.5)
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
