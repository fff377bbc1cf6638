"""
Lossless JSON for every public value: ``loads(dumps(x), type(x)) == x``.

Every document is a JSON object that names its format and version on its first key,
``"format": "vap.schedule/1"``; keys are sorted, so dumps are stable and diffs of data are
reviewable. `json_schema` publishes a JSON Schema (2020-12) for each document, generated
from the same definitions the converter uses.

The converter is strict and extensible: `make_converter` returns a new cattrs converter
configured for `vap`'s values, ready for a tool builder's own hooks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final, TypeVar

import cattrs

from vap.engine.assessment import Assessment, AssessmentRow
from vap.engine.explanation import Explanation
from vap.engine.indicators import Change, Indicator, StateSummary
from vap.engine.schedule import Schedule, ScheduleItem
from vap.errors import FormatError, VapError
from vap.formats.converter import (
    configure_converter,
    make_converter,
    unstructure,
)
from vap.formats.documents import FORMAT_KEY, LIST_VALUED, format_name, read_json_document
from vap.model.actions import Action, Condition, Hedge, Section, Step
from vap.model.applicability import Applicability
from vap.model.evidence import Evidence
from vap.model.extensions import Extension
from vap.model.facts import RoleFact
from vap.model.meetings import Calendar, Meeting
from vap.model.obligations import Obligation, ObligationSet
from vap.model.plan import Plan
from vap.model.policy import SchedulePolicy
from vap.model.progress import Progress, Record
from vap.model.reading import Observation, RoleList
from vap.model.reasons import Reason
from vap.model.registry import Signatories, StatesParties
from vap.model.states import Event, Signatory, StateParty, Withdrawal
from vap.model.validators import repeated

__all__ = ["DOCUMENTS", "configure_converter", "dumps", "json_schema", "loads", "make_converter"]

T = TypeVar("T")

DOCUMENTS: Final[Mapping[type, str]] = {
    Action: "action",
    Applicability: "applicability",
    Assessment: "assessment",
    AssessmentRow: "assessment-row",
    Calendar: "calendar",
    Change: "change",
    Condition: "condition",
    Event: "event",
    Evidence: "evidence",
    Explanation: "explanation",
    Extension: "extension",
    Hedge: "hedge",
    Indicator: "indicator",
    Meeting: "meeting",
    Obligation: "obligation",
    ObligationSet: "obligations",
    Observation: "observation",
    Plan: "plan",
    Progress: "progress",
    Reason: "reason",
    Record: "record",
    RoleFact: "role-fact",
    RoleList: "role-list",
    Schedule: "schedule",
    ScheduleItem: "schedule-item",
    SchedulePolicy: "schedule-policy",
    Section: "section",
    Signatories: "signatories",
    Signatory: "signatory",
    StateParty: "state-party",
    StateSummary: "state-summary",
    StatesParties: "states-parties",
    Step: "step",
    Withdrawal: "withdrawal",
}
"""The document name of each type `dumps` writes: part of the format, never derived."""


def _document_name(kind: type) -> str:
    try:
        return DOCUMENTS[kind]
    except (KeyError, TypeError):  # TypeError: an unhashable kind
        known = ", ".join(sorted(kind.__name__ for kind in DOCUMENTS))
        name = kind.__name__ if isinstance(kind, type) else repr(kind)
        raise VapError(f"no JSON document for {name}: expected a type, one of {known}") from None


def dumps(value: object, *, indent: int | None = None, conv: cattrs.Converter | None = None) -> str:
    """
    Write *value* as a JSON document, with its format line and keys sorted.

    Compact by default; ``indent=2`` for people to read. With the ``json`` extra
    installed (orjson), the document is encoded by orjson, which is several times faster
    than the standard library and gives the same text for the same document.

    Raises:
        VapError: for a value of a type that has no document format, or an *indent* other
            than ``None`` or a whole number.
    """
    if indent is not None and (type(indent) is not int or indent < 0):
        raise VapError(f"indent must be None or a whole number of 0 or more, not {indent!r}")
    _check_converter(conv)
    kind = type(value)
    name = _document_name(kind)
    body = unstructure(value, kind, conv=conv)
    listed = LIST_VALUED.get(name)
    if listed is not None:
        body = {listed: body}
    document = {FORMAT_KEY: format_name(name), **body}
    fast = _orjson()
    if fast is not None and indent in (None, 2):
        option = fast.OPT_SORT_KEYS | (fast.OPT_INDENT_2 if indent == 2 else 0)
        encoded: bytes = fast.dumps(document, option=option)
        return encoded.decode()
    if indent is None:
        return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(document, indent=indent, sort_keys=True, ensure_ascii=False)


def _check_converter(conv: object) -> None:
    if conv is not None and not isinstance(conv, cattrs.BaseConverter):
        raise VapError(
            f"conv must be a cattrs converter (vap.serialization.make_converter()), not {conv!r}"
        )


def _orjson() -> Any:
    """The orjson module if the ``json`` extra is installed, else ``None``."""
    try:
        import orjson  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - the test environment has every extra
        return None
    return orjson


def loads(text: str | bytes, kind: type[T], *, conv: cattrs.Converter | None = None) -> T:
    """
    Read a JSON document written by `dumps` as a value of *kind*.

    Raises:
        FormatError: for text that is not such a document, listing every problem with its
            path (``$.items[3].due``); nothing half-built is returned.
        VapError: for a *kind* that has no document format.
    """
    name = _document_name(kind)
    _check_converter(conv)
    value = read_json_document(text, kind, name, conv=conv)
    problems = _inconsistencies(value)
    if problems:
        raise FormatError(f"invalid {name} document", problems)
    return value


def _inconsistencies(value: object) -> list[str]:
    """
    What makes a result document impossible as a whole, though each value in it is valid.

    A schedule's items must belong to its States and name a step of its plan or
    obligations, each once; an assessment's rows must be of distinct items.
    """
    problems: list[str] = []
    if isinstance(value, Schedule):
        codes = {state.code for state in value.states}
        steps = {
            parent.key: {step.key for step in parent.steps}
            for parent in (*value.plan, *value.obligations)
        }
        for item in value:
            if item.state not in codes:
                problems.append(f"item {item.uid}: {item.state} is not a State of the schedule")
            if item.obligation not in steps:
                problems.append(
                    f"item {item.uid}: {item.obligation} is in neither the plan nor the obligations"
                )
            elif item.key not in steps[item.obligation]:
                problems.append(f"item {item.uid}: {item.obligation} has no step {item.key}")
        problems += [f"item {uid} appears more than once" for uid in repeated(i.uid for i in value)]
    elif isinstance(value, Assessment):
        problems += [f"row {uid} appears more than once" for uid in repeated(r.uid for r in value)]
    return problems


def json_schema(kind: type) -> dict[str, Any]:
    """
    Return the JSON Schema (2020-12) of *kind*'s document, as `dumps` writes it.

    Raises:
        VapError: for a *kind* that has no document format.
    """
    from vap.formats.schema import document_schema  # noqa: PLC0415 - only schema users pay for it

    name = _document_name(kind)
    return document_schema(kind, format_name(name), LIST_VALUED.get(name))
