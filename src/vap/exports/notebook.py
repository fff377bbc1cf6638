"""
Compact HTML tables for notebooks: what ``_repr_html_`` shows.

Long texts are folded into ``<details>``; every value is escaped. Large views summarise
first: counts, then the rows that need attention (overdue, due soon), then the rest, up
to `ROWS` rows and a last line saying how many more there are and where to find them.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, Final

from vap.errors import VapError

if TYPE_CHECKING:
    from vap.engine.assessment import Assessment
    from vap.engine.schedule import Schedule
    from vap.model.actions import Action
    from vap.model.plan import Plan
    from vap.model.states import StateParty

__all__ = [
    "ROWS",
    "action_html",
    "assessment_html",
    "fold",
    "html_of",
    "plan_html",
    "schedule_html",
    "state_html",
    "states_html",
    "table",
]

_FOLD_AFTER = 90

ROWS: Final = 50
"""The most rows a notebook view shows; the last line says how many more there are."""


def fold(text: str, limit: int = _FOLD_AFTER) -> str:
    """Escape *text*, folding it into a ``<details>`` element when longer than *limit*."""
    if len(text) <= limit:
        return escape(text)
    head = escape(text[:limit].rsplit(" ", 1)[0])
    return f"<details><summary>{head} …</summary>{escape(text)}</details>"


def table(  # noqa: PLR0913 - each a keyword with a default
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str = "",
    raw: bool = False,
    total: int | None = None,
    rest: str = "",
) -> str:
    """
    Return an HTML table; cells are escaped unless *raw* (already HTML, as `fold` gives).

    Given the *total* number of rows (for views that can grow without bound), at most
    `ROWS` are shown and a last line says how many more there are, and *rest* where to
    find them.
    """
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    shown = list(rows if total is None else itertools.islice(rows, ROWS))
    body = "".join(
        "<tr>" + "".join(f"<td>{cell if raw else escape(cell)}</td>" for cell in row) + "</tr>"
        for row in shown
    )
    more = (total or 0) - len(shown)
    if more > 0:
        body += (
            f'<tr><td colspan="{len(headers)}"><em>… and {more:,} more{escape(rest)}</em></td></tr>'
        )
    title = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f'<table class="vap">{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _steps(action: Action) -> str:
    return "<br>".join(
        f"{escape(step.key)}: {escape(step.timeline.describe())}" for step in action.steps
    )


def plan_html(plan: Plan) -> str:
    """A plan as a table of its actions: key, title, section, addressee, timelines."""
    rows = (
        (
            escape(action.key),
            escape(action.title),
            escape(action.section.number),
            escape(str(action.addressee)),
            _steps(action),
        )
        for action in plan
    )
    return table(
        ("key", "title", "section", "addressee", "timeline"), rows, caption=str(plan), raw=True
    )


def action_html(action: Action) -> str:
    """An action as a two-column table of its fields, with its text folded."""
    rows = (
        ("key", escape(action.key)),
        ("title", escape(action.title)),
        ("section", escape(str(action.section))),
        ("addressee", escape(str(action.addressee))),
        ("modality", escape(action.modality.value)),
        ("timeline", _steps(action)),
        ("text", fold(action.text)),
    )
    return table(("field", "value"), rows, raw=True)


def state_html(state: StateParty) -> str:
    """A State Party: its dates, then one row per role fact with its sources."""
    rows = [
        ("entry into force", escape(str(state.entry_into_force)), ""),
        ("deposited", escape(str(state.deposited or "unknown")), escape(", ".join(state.sources))),
    ]
    rows.extend(
        (
            escape(fact.role.value),
            escape(f"{fact.value.value} {fact.span}"),
            escape(", ".join(fact.sources)),
        )
        for fact in state.facts
    )
    return table(("", "value", "sources"), rows, caption=f"{state.name} ({state.code})", raw=True)


def _counts(values: Iterable[str]) -> str:
    counted = Counter(values)
    return ", ".join(f"{count:,} {value}" for value, count in counted.most_common())


def schedule_html(schedule: Schedule) -> str:
    """
    A schedule as a table: key, State, title, opens, due, applies.

    The caption counts the items by whether they apply; dated items come first, by date.
    """
    dated = sorted((item for item in schedule if item.due is not None), key=lambda i: i.date)
    undated = (item for item in schedule if item.due is None)
    rows = (
        (
            item.uid,
            item.state,
            item.title,
            str(item.opens),
            str(item.due) if item.due else "no fixed date",
            item.applies.value,
        )
        for item in itertools.chain(dated, undated)
    )
    counts = _counts(f"apply: {item.applies.value}" for item in schedule)
    return table(
        ("item", "state", "title", "opens", "due", "applies"),
        rows,
        caption=f"{schedule} ({counts})" if counts else str(schedule),
        total=len(schedule),
        rest=" items: filter with for_state() or for_key(), or see to_dataframe()",
    )


def states_html(states: Iterable[StateParty]) -> str:
    """States Parties as a table: code, name, deposit, entry into force."""
    listed = tuple(states)
    rows = (
        (state.code, state.name, str(state.deposited or "unknown"), str(state.entry_into_force))
        for state in listed
    )
    return table(
        ("code", "name", "deposited", "entry into force"),
        rows,
        total=len(listed),
        rest=' States Parties: each by its code, states["LAO"]',
    )


def assessment_html(assessment: Assessment) -> str:
    """
    An assessment as a table: item, State, due, status and the reason, folded.

    The caption counts the rows by status; overdue rows come first, then those due soon,
    in progress and not yet due, then the rest, each group by due date.
    """
    from vap.engine.assessment import Status  # noqa: PLC0415 - the values of every layer

    first = (Status.OVERDUE, Status.DUE_SOON, Status.IN_PROGRESS, Status.NOT_DUE)
    rank = {status: index for index, status in enumerate(first)}
    ordered = sorted(
        assessment,
        key=lambda row: (rank.get(row.status, len(first)), str(row.due or "9999"), row.uid),
    )
    rows = (
        (
            escape(row.uid),
            escape(row.state),
            escape(str(row.due) if row.due else "no fixed date"),
            f'<span class="vap-{escape(row.status.value)}">{escape(row.status.value)}</span>',
            fold(row.reason, 60),
        )
        for row in ordered
    )
    counts = _counts(row.status.value for row in assessment)
    return table(
        ("item", "state", "due", "status", "why"),
        rows,
        caption=f"{assessment} ({counts})" if counts else str(assessment),
        raw=True,
        total=len(assessment),
        rest=" rows: filter with for_state() or with_status(), or see to_dataframe()",
    )


def html_of(value: object) -> str:
    """The HTML of any value that has a notebook view."""
    from vap.engine.assessment import Assessment  # noqa: PLC0415 - the values of every layer
    from vap.engine.schedule import Schedule  # noqa: PLC0415
    from vap.model.actions import Action  # noqa: PLC0415
    from vap.model.plan import Plan  # noqa: PLC0415
    from vap.model.registry import StatesParties  # noqa: PLC0415
    from vap.model.states import StateParty  # noqa: PLC0415

    match value:
        case Assessment():
            return assessment_html(value)
        case Schedule():
            return schedule_html(value)
        case Plan():
            return plan_html(value)
        case Action():
            return action_html(value)
        case StateParty():
            return state_html(value)
        case StatesParties():
            return states_html(value.states)
        case _:
            raise VapError(
                f"no HTML view for {type(value).__name__}: expected a schedule, an"
                " assessment, a plan, an action, a State Party or the registry"
            )
