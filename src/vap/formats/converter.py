"""
The cattrs converter behind every JSON document `vap` reads and writes.

Strict by design: no coercion ("2" is not 2, 1 is not True), no unknown keys, dates only
as ``YYYY-MM-DD``, enums only by their documented values, unions only by their explicit
tags. Errors are gathered, each with its path (``$.actions[3].steps[0].timeline.period``),
into one `vap.FormatError`; nothing half-built escapes.
"""

from __future__ import annotations

import collections.abc
import contextvars
import enum
import json
import marshal
import math
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from vap.errors import FormatError, VapError
from vap.model.addressees import Addressee, AllOf, AllStates, AnyOf, Circumstance, HasRole, Not
from vap.model.dates import Period, parse_date
from vap.model.meetings import Calendar, Meeting
from vap.model.plan import Plan
from vap.model.reasons import Reason
from vap.model.timelines import (
    Annually,
    AsSoonAsPossible,
    ByMeeting,
    DuringYear,
    FromDate,
    Ongoing,
    OnRoleStart,
    Timeline,
    Within,
)

__all__ = [
    "ADDRESSEE_TAGS",
    "MAX_DEPTH",
    "TAG_KEY",
    "TIMELINE_TAGS",
    "configure_converter",
    "converter",
    "make_converter",
    "parse_json",
    "structure",
    "unstructure",
]

T = TypeVar("T")

TAG_KEY: Final = "kind"
"""The key that names a union member in JSON (no member of a union has a field of this name)."""

ADDRESSEE_TAGS: Final[Mapping[type, str]] = {
    AllStates: "all",
    HasRole: "role",
    Circumstance: "circumstance",
    AnyOf: "any-of",
    AllOf: "all-of",
    Not: "not",
}
"""The tag of each addressee class: part of the file format, never derived from class names."""

TIMELINE_TAGS: Final[Mapping[type, str]] = {
    Within: "within",
    ByMeeting: "by-meeting",
    DuringYear: "during-year",
    FromDate: "from-date",
    OnRoleStart: "on-role-start",
    Annually: "annually",
    AsSoonAsPossible: "as-soon-as-possible",
    Ongoing: "ongoing",
}
"""The tag of each timeline class: part of the file format, never derived from class names."""

PLAN_CONTEXT: Final = ("adopted", "superseded", "meetings")
"""Action fields a plan document gives once, at the top, rather than in every action."""

MAX_DEPTH: Final = 64
"""The deepest nesting of arrays and objects a document may have."""


def _strict(kind: type[T], expected: str) -> Callable[[Any, Any], T]:
    def structure(value: Any, _: Any) -> T:
        if type(value) is not kind:
            raise VapError(f"expected {expected}, got {_shown(value)}")
        return value

    return structure


def _shown(value: object) -> str:
    text = json.dumps(value) if isinstance(value, str | int | float | bool | None) else None
    if text is None:
        text = "an array" if isinstance(value, list) else "an object"
    return text if len(text) <= 60 else f"{text[:57]}..."


_DAYS: Final[dict[str, pendulum.Date]] = {}
"""Days read so far, by their text: documents repeat them, and loaded values share them."""
_DAYS_MAX: Final = 1 << 12


def _structure_date(value: Any, _: Any) -> pendulum.Date:
    if type(value) is pendulum.Date:
        return value
    if not isinstance(value, str):
        raise VapError(f"expected a date as a string YYYY-MM-DD, got {_shown(value)}")
    day = _DAYS.get(value)
    if day is None:
        day = parse_date(value)
        if len(_DAYS) < _DAYS_MAX:
            _DAYS[value] = day
    return day


def _structure_period(value: Any, _: Any) -> Period:
    if not isinstance(value, str):
        raise VapError(f"expected a period such as '1 year', got {_shown(value)}")
    return Period.parse(value)


def _is_homogeneous_tuple(kind: Any) -> bool:
    arguments = get_args(kind)
    return get_origin(kind) is tuple and len(arguments) == 2 and arguments[1] is Ellipsis


def _tuple_hook(kind: Any, conv: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    structure_items = homogenous_tuple_structure_factory(kind, conv)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise VapError(f"expected an array, got {_shown(value)}")
        return structure_items(value, kind)  # type: ignore[no-any-return]

    return _shared(structure, kind) if get_args(kind)[0] is Reason else structure


def _is_set_of_strings(kind: Any) -> bool:
    return bool(kind == frozenset[str])


def _structure_codes(value: Any, _: Any) -> frozenset[str]:
    """A set of strings (State codes), written as a sorted array without repeats."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise VapError(f"expected an array of strings, got {_shown(value)}")
    if len(set(value)) != len(value):
        raise VapError(f"expected no string twice, got {_shown(value)}")
    return frozenset(value)


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _enum_hook(kind: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    by_value = {member.value: member for member in kind}
    expected = ", ".join(repr(value) for value in by_value)

    def structure(value: Any, _: Any) -> enum.Enum:
        if isinstance(value, str) and value in by_value:
            return by_value[value]
        raise VapError(f"unknown {kind.__name__} {_shown(value)}: expected one of {expected}")

    return structure


def _tagged_union(
    converter: cattrs.Converter, union: Any, tags: Mapping[type, str], name: str
) -> None:
    by_tag = {tag: kind for kind, tag in tags.items()}
    expected = ", ".join(repr(tag) for tag in by_tag)

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise VapError(f"expected {name} as an object, got {_shown(value)}")
        tag = value.get(TAG_KEY)
        if not isinstance(tag, str) or tag not in by_tag:
            raise VapError(f"unknown {name} {TAG_KEY} {_shown(tag)}: expected one of {expected}")
        fields = {key: item for key, item in value.items() if key != TAG_KEY}
        return converter.structure(fields, by_tag[tag])

    def unstructure(value: Any) -> dict[str, Any]:
        return {TAG_KEY: tags[type(value)], **converter.unstructure(value, type(value))}

    converter.register_structure_hook(union, _shared(structure, union))
    converter.register_unstructure_hook(union, unstructure)


def configure_converter(conv: cattrs.Converter) -> None:
    """
    Teach *conv* the JSON format of the model's values.

    Strict primitives, ISO dates, periods in words, enums by value, the explicit tags of
    `Addressee` and `Timeline`, meeting calendars as arrays, and plan documents that give
    ``adopted``, ``superseded`` and ``meetings`` once for all their actions.
    """
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(pendulum.Date, _structure_date)
    conv.register_unstructure_hook(pendulum.Date, lambda day: day.isoformat())
    conv.register_structure_hook(Period, _structure_period)
    conv.register_unstructure_hook(Period, str)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda kind: _tuple_hook(kind, conv)
    )
    conv.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    conv.register_structure_hook_func(_is_set_of_strings, _structure_codes)
    conv.register_unstructure_hook_func(_is_set_of_strings, sorted)
    # Every value is an object field by field, also those that are mappings or sequences
    # (StatesParties, Schedule, Progress, Assessment); anything else is named as refused.
    conv.register_structure_hook_factory(
        lambda kind: isinstance(kind, type) and attrs.has(kind) and kind is not Plan,
        lambda kind: _objects_only(kind, conv),
    )
    _tagged_union(conv, Addressee, ADDRESSEE_TAGS, "addressee")
    _tagged_union(conv, Timeline, TIMELINE_TAGS, "timeline")

    def structure_calendar(value: Any, _: Any) -> Calendar:
        if isinstance(value, Calendar):  # given once by a plan document to all its actions
            return value
        if not isinstance(value, list):
            raise VapError(f"expected the meetings as an array, got {_shown(value)}")
        return Calendar(conv.structure(value, tuple[Meeting, ...]))

    conv.register_structure_hook(Calendar, structure_calendar)
    conv.register_unstructure_hook(
        Calendar, lambda calendar: [conv.unstructure(m, Meeting) for m in calendar]
    )
    plan_structure = make_dict_structure_fn(
        Plan, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    plan_unstructure = make_dict_unstructure_fn(Plan, conv)

    def structure_plan(value: Any, _: Any) -> Plan:
        if not isinstance(value, dict):
            raise VapError(f"expected a plan as an object, got {_shown(value)}")
        context = conv.structure(
            {key: value[key] for key in PLAN_CONTEXT if key in value}, _PlanContext
        )
        actions = value.get("actions")
        if isinstance(actions, list):
            given = attrs.asdict(context, recurse=False)
            value = {
                **value,
                "actions": [
                    {**given, **entry} if isinstance(entry, dict) else entry for entry in actions
                ],
            }
        return plan_structure(value, Plan)

    def unstructure_plan(plan: Plan) -> dict[str, Any]:
        document = plan_unstructure(plan)
        for entry in document["actions"]:
            for key in PLAN_CONTEXT:
                del entry[key]
        return document

    conv.register_structure_hook(Plan, structure_plan)
    conv.register_unstructure_hook(Plan, unstructure_plan)
    conv.register_unstructure_hook_factory(
        _is_attrs_collection, lambda kind: make_dict_unstructure_fn(kind, conv)
    )
    conv.register_unstructure_hook_factory(
        lambda kind: kind == tuple[Reason, ...], lambda _: _reasons_unstructure(conv)
    )


_SHARED: Final[contextvars.ContextVar[dict[tuple[Any, bytes], Any] | None]] = (
    contextvars.ContextVar("vap_shared", default=None)
)
"""The values of one `structure` call by kind and JSON value, for the kinds that repeat."""
_JSON_CONTAINERS: Final = frozenset((dict, list))


def _objects_only(kind: type[T], conv: cattrs.Converter) -> Callable[[Any, Any], T]:
    fields = make_dict_structure_fn(
        kind, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    name = kind.__name__.lstrip("_")

    def structure(value: Any, _: Any) -> T:
        if not isinstance(value, dict):
            raise VapError(f"expected {name} as an object, got {_shown(value)}")
        return fields(value, kind)

    return _shared(structure, kind) if kind is Reason else structure


def _shared(structure: Callable[[Any, Any], T], kind: Any) -> Callable[[Any, Any], T]:
    """
    *structure*, made once per distinct JSON object or array within one `structure` call.

    A schedule's items repeat a few hundred reasons, lists of reasons and rules thousands of
    times: equal ones give one shared value, as `vap.schedule` shares them. A value is known
    by its `marshal` bytes (format 2, which writes no back-references): the type and contents
    of each part in order, so the same JSON written twice gives the same bytes, and equal
    bytes are the same JSON. They are written several times faster than `repr` writes the
    quotes of evidence. Outside `structure` (a caller's own converter) nothing is kept.
    """

    def shared(value: Any, _: Any) -> T:
        seen = _SHARED.get()
        if seen is None or type(value) not in _JSON_CONTAINERS:
            return structure(value, kind)
        try:
            key = (kind, marshal.dumps(value, 2))
        except ValueError:  # not a JSON value: a caller's hook put it there; not shared
            return structure(value, kind)
        made: T | None = seen.get(key)
        if made is None:
            made = seen[key] = structure(value, kind)
        return made

    return shared


_UNSTRUCTURED: Final[contextvars.ContextVar[dict[int, tuple[Any, Any]] | None]] = (
    contextvars.ContextVar("vap_unstructured", default=None)
)
"""The documents of one `unstructure` call's lists of reasons, by the identity of each."""


def _reasons_unstructure(conv: cattrs.Converter) -> Callable[[tuple[Reason, ...]], Any]:
    """
    A list of reasons as an array, written once per list within one `unstructure` call.

    A schedule's 10,291 items hold a few thousand lists of reasons, shared as `vap.schedule`
    shares them: each is written once and its array given to every item that holds it
    (equal JSON, a sixth of the time). Outside `unstructure` (a caller's own call of the
    converter, whose arrays the caller may change) every list gets its own array.
    """
    one = conv.get_unstructure_hook(Reason)

    def unstructure_reasons(reasons: tuple[Reason, ...]) -> Any:
        written = _UNSTRUCTURED.get()
        if written is None:
            return [one(reason) for reason in reasons]
        known = written.get(id(reasons))
        if known is None:  # the list is kept with its array: its identity stays its own
            known = written[id(reasons)] = (reasons, [one(reason) for reason in reasons])
        return known[1]

    return unstructure_reasons


def _is_attrs_collection(kind: Any) -> bool:
    return (
        isinstance(kind, type)
        and attrs.has(kind)
        and issubclass(kind, collections.abc.Mapping | collections.abc.Sequence)
    )


@attrs.frozen(kw_only=True)
class _PlanContext:
    adopted: pendulum.Date
    superseded: pendulum.Date | None
    meetings: Calendar


def make_converter() -> cattrs.Converter:
    """Return a new strict converter that knows `vap`'s values, for callers to extend."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv)
    return conv


_CONVERTER: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    """Return the shared converter, made on first use (making one is not free)."""
    global _CONVERTER  # noqa: PLW0603 - a cache; assignment is atomic, any two are equal
    if _CONVERTER is None:
        _CONVERTER = make_converter()
    return _CONVERTER


def _format_exception(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown fields {', '.join(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError) and not isinstance(exc, VapError):
        return "required field missing"
    if isinstance(exc, VapError):
        return "; ".join((exc.message, *exc.problems))
    return f"invalid value: {exc}"  # a hook of a caller's converter; the model's raise VapError


def structure(data: Any, kind: type[T], *, what: str, conv: cattrs.Converter | None = None) -> T:
    """
    Structure *data* as *kind*, or raise one `FormatError` listing every problem with its path.

    Raises:
        FormatError: "invalid <what>" with one problem per bad value.
    """
    conv = conv or converter()
    token = _SHARED.set({})
    try:
        return conv.structure(data, kind)
    except (ClassValidationError, IterableValidationError) as error:
        problems = cattrs.transform_error(error, format_exception=_format_exception)
    except VapError as error:
        problems = [f"{problem} @ $" for problem in error.problems] or [f"{error.message} @ $"]
    except (ValueError, TypeError, KeyError) as error:
        problems = [f"{_format_exception(error, kind)} @ $"]
    finally:
        _SHARED.reset(token)
    raise FormatError(f"invalid {what}", problems)


def unstructure(value: Any, kind: Any, *, conv: cattrs.Converter | None = None) -> Any:
    """*value* as plain JSON data, its repeated lists of reasons written once and shared."""
    token = _UNSTRUCTURED.set({})
    try:
        return (conv or converter()).unstructure(value, kind)
    finally:
        _UNSTRUCTURED.reset(token)


class _Objects:
    """
    The ``object_pairs_hook`` of one parse: refuses repeated keys and measures depth.

    JSON objects are made innermost first, so each object's depth is one more than the
    deepest of its values, looked up as they are made: the limit is checked while parsing,
    without a second walk over the document. Arrays count as a level each.
    """

    __slots__ = ("depths",)

    def __init__(self) -> None:
        self.depths: dict[int, int] = {}

    def depth(self, values: Any) -> int:
        """The depth of the deepest object or array among *values* (0 if none)."""
        deepest = 0
        depths = self.depths
        for value in values:
            kind = type(value)
            if kind is dict:
                found = depths.get(id(value), 1)
            elif kind is list:
                found = 1 + self.depth(value)
            else:
                continue
            if found > deepest:  # noqa: PLR1730 - cheaper than max(), once per value parsed
                deepest = found
        return deepest

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        document = dict(pairs)
        if len(document) != len(pairs):
            counted = Counter(key for key, _ in pairs)
            duplicate = next(key for key, _ in pairs if counted[key] > 1)
            raise FormatError(f"invalid JSON: the key {duplicate!r} appears twice in one object")
        level = 1 + self.depth(document.values())
        if level > MAX_DEPTH:
            raise FormatError(f"invalid JSON: nested deeper than {MAX_DEPTH} levels")
        if level > 1:  # an object of plain values is one level: the default of the lookup
            self.depths[id(document)] = level
        return document


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise FormatError(f"invalid JSON: the number {text} is too large")
    return number


_MOST_DIGITS: Final = 100
"""The longest whole number read (Python refuses to read one of over 4,300 digits)."""


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > _MOST_DIGITS:
        raise FormatError(f"invalid JSON: the number {text[:20]}… is too large")
    return int(text)


def _refuse_constant(name: str) -> Any:
    raise FormatError(f"invalid JSON: {name} is not a JSON value")


def parse_json(text: str | bytes) -> Any:
    """
    Parse a JSON document strictly: UTF-8, no duplicate keys, no NaN or infinities.

    Raises:
        FormatError: saying what is wrong and where (line and column) for invalid JSON.
    """
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise FormatError(
                f"invalid JSON: not UTF-8 text (byte {error.start} is {text[error.start]:#04x})"
            ) from None
    if not isinstance(text, str):
        raise FormatError(f"invalid JSON: expected text, got {type(text).__name__}")
    if not text.strip():
        raise FormatError("invalid JSON: the document is empty")
    objects = _Objects()
    try:
        document = json.loads(
            text.removeprefix("\ufeff"),
            object_pairs_hook=objects,
            parse_float=_finite,
            parse_int=_whole,
            parse_constant=_refuse_constant,
        )
    except json.JSONDecodeError as error:
        raise FormatError(
            f"invalid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise FormatError(f"invalid JSON: nested deeper than {MAX_DEPTH} levels") from None
    if type(document) is list and 1 + objects.depth(document) > MAX_DEPTH:
        raise FormatError(f"invalid JSON: nested deeper than {MAX_DEPTH} levels")
    return document
