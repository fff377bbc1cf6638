"""
Compact HTML tables for notebooks: what ``_repr_html_`` shows.

Long texts are folded into ``<details>``; every value is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vap.engine.assessment import Assessment
    from vap.engine.schedule import Schedule
    from vap.model.actions import Action
    from vap.model.plan import Plan
    from vap.model.states import StateParty

__all__ = [
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


def fold(text: str, limit: int = _FOLD_AFTER) -> str:
    """Escape *text*, folding it into a ``<details>`` element when longer than *limit*."""
    if len(text) <= limit:
        return escape(text)
    head = escape(text[:limit].rsplit(" ", 1)[0])
    return f"<details><summary>{head} …</summary>{escape(text)}</details>"


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], *, caption: str = "", raw: bool = False
) -> str:
    """Return an HTML table; cells are escaped unless *raw* (already HTML, as `fold` gives)."""
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell if raw else escape(cell)}</td>" for cell in row) + "</tr>"
        for row in rows
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


def schedule_html(schedule: Schedule) -> str:
    """A schedule as a table: key, State, title, opens, due, applies."""
    rows = (
        (
            item.uid,
            item.state,
            item.title,
            str(item.opens),
            str(item.due) if item.due else "no fixed date",
            item.applies.value,
        )
        for item in schedule
    )
    return table(("item", "state", "title", "opens", "due", "applies"), rows, caption=str(schedule))


def states_html(states: Iterable[StateParty]) -> str:
    """States Parties as a table: code, name, deposit, entry into force."""
    rows = (
        (state.code, state.name, str(state.deposited or "unknown"), str(state.entry_into_force))
        for state in states
    )
    return table(("code", "name", "deposited", "entry into force"), rows)


def assessment_html(assessment: Assessment) -> str:
    """An assessment as a table: item, State, due, status and the reason, folded."""
    rows = (
        (
            escape(row.uid),
            escape(row.state),
            escape(str(row.due) if row.due else "no fixed date"),
            f'<span class="vap-{escape(row.status.value)}">{escape(row.status.value)}</span>',
            fold(row.reason, 60),
        )
        for row in assessment
    )
    return table(("item", "state", "due", "status", "why"), rows, caption=str(assessment), raw=True)


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
            raise TypeError(f"no HTML view for {type(value).__name__}")
