"""
Converters and validators shared by the model's classes.

Each one names the class, the field and the value it refuses, so that a bad value is
reported where it was given.
"""

from __future__ import annotations

import datetime
import inspect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any, Final, TypeGuard, TypeVar

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.dates import FIRST_DAY, LAST_DAY, in_range

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

__all__ = [
    "are_strings",
    "as_tuple",
    "converter",
    "is_date",
    "is_instance",
    "is_optional_date",
    "is_text",
    "matches",
    "non_empty",
    "not_before",
    "repeated",
    "says",
    "schema_of",
    "to_date",
    "to_optional_date",
    "to_strings",
    "tuple_of",
    "unchecked",
    "visible",
]


_ONE_VALUE: Final = inspect.Signature(
    [inspect.Parameter("value", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
)


def converter(function: F) -> F:
    """
    Mark *function* as an attrs converter, with its signature given up front.

    attrs reads every converter's signature when it builds a class, and working it out
    costs more than the rest of the class; given, it costs nothing. Import time is the
    first thing users wait for.
    """
    function.__signature__ = _ONE_VALUE  # type: ignore[attr-defined]
    return function


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def repeated(values: Iterable[str]) -> list[str]:
    """The values that occur more than once, sorted (in linear time)."""
    return sorted(value for value, count in Counter(values).items() if count > 1)


def to_date(value: datetime.date) -> pendulum.Date:
    """
    Convert any `datetime.date` to a `pendulum.Date`.

    Anything else passes through unchanged, for `is_date` to refuse with the field's name.
    """
    if type(value) is pendulum.Date:
        return value
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return pendulum.Date(value.year, value.month, value.day)
    return value  # type: ignore[return-value]  # is_date refuses it, naming the field


converter(to_date)


def to_optional_date(value: datetime.date | None) -> pendulum.Date | None:
    """Like `to_date`, letting ``None`` through."""
    return None if value is None else to_date(value)


converter(to_optional_date)


def is_date(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a calendar date from 1900 to 2199 (a `datetime` included)."""
    if type(value) is not pendulum.Date:
        raise ValidationError(
            f"{_where(instance, attribute)} must be a date (datetime.date), not {value!r}"
        )
    if not in_range(value):
        raise ValidationError(
            f"{_where(instance, attribute)} {value} is out of range: expected a day from"
            f" {FIRST_DAY} to {LAST_DAY}"
        )


def is_optional_date(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a calendar date or ``None``."""
    if value is not None:
        is_date(instance, attribute, value)


def to_strings(value: Iterable[str]) -> tuple[str, ...]:
    """
    Convert an iterable of strings (or one string) to a tuple.

    Anything else passes through unchanged, for `are_strings` to refuse.
    """
    if isinstance(value, str):
        return (value,)
    try:
        return tuple(value)
    except TypeError:
        return value  # type: ignore[return-value]  # are_strings refuses it, naming the field


converter(to_strings)


_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _shown(value: Any) -> str:
    """*value* as a message shows it: escaped by ``repr``, and at most 80 characters."""
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:77]}..."


_NOT_VISIBLE: Final = "must be a non-empty string with visible text"


def visible(text: str) -> bool:
    """
    Whether *text* has a character one can see: not only spaces, controls or format marks.

    Python's printable characters are those outside the Unicode categories "Other" and
    "Separator" (but the ASCII space): one of them that is not a space can be seen.
    """
    if text.isprintable():  # the common case, checked in C
        return bool(text) and not text.isspace()
    return any(char.isprintable() and not char.isspace() for char in text)


def _text_problem(value: Any, *, blank: bool) -> str | None:
    if not isinstance(value, str):
        return "must be a string"
    if not value.isprintable() and _SURROGATE.search(value):  # a surrogate is unprintable
        return "holds an unpaired surrogate, which is not text"
    if not blank and not visible(value):
        return _NOT_VISIBLE
    return None


JSON_SCHEMA: Final = "__json_schema__"
"""The attribute on a validator holding the JSON Schema keywords that say the same."""


def schema_of(validator: Any) -> dict[str, Any]:
    """The JSON Schema keywords a field's validator stands for (none if it has none)."""
    found: dict[str, Any] = {}
    for inner in (*getattr(validator, "_validators", ()), getattr(validator, "validator", None)):
        if inner is not None:
            found.update(schema_of(inner))
    found.update(getattr(validator, JSON_SCHEMA, {}))
    return found


def says(schema: dict[str, Any]) -> Callable[[F], F]:
    """Give a validator the JSON Schema keywords that say what it checks."""

    def mark(function: F) -> F:
        setattr(function, JSON_SCHEMA, schema)
        return function

    return mark


_VISIBLE_SCHEMA: Final = {
    "minLength": 1,
    "pattern": (
        "[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200f\\u2028-\\u202e"
        "\\u2060-\\u206f\\ufeff]"
    ),
}
"""A string with a character one can see, as nearly as a JSON Schema pattern says it."""


@says({"items": {"type": "string", **_VISIBLE_SCHEMA}})
def are_strings(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a tuple of strings with visible text."""
    if not isinstance(value, tuple) or any(_text_problem(item, blank=False) for item in value):
        raise ValidationError(
            f"{_where(instance, attribute)} must be a sequence of non-empty strings, not"
            f" {_shown(value)}"
        )


_SEEN_TEXT: Final[set[str]] = set()
"""Strings `non_empty` has accepted: names, titles and quotes repeat across values."""
_SEEN_MAX: Final = 1 << 14


def _seen(value: Any) -> bool:
    """Whether *value* is a `str` already found to be visible text (a cache of the check)."""
    return type(value) is str and value in _SEEN_TEXT


@says(_VISIBLE_SCHEMA)
def non_empty(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a string with some visible text."""
    if _seen(value):
        return
    problem = _text_problem(value, blank=False)
    if problem is not None:
        raise ValidationError(f"{_where(instance, attribute)} {problem}, not {_shown(value)}")
    if type(value) is str and len(_SEEN_TEXT) < _SEEN_MAX:
        _SEEN_TEXT.add(value)


def is_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a string (blank allowed) that is text: no unpaired surrogate."""
    if value == "" or _seen(value):  # the default of optional notes, and visible text
        return
    problem = _text_problem(value, blank=True)
    if problem is not None:
        raise ValidationError(f"{_where(instance, attribute)} {problem}, not {_shown(value)}")


def is_instance(
    kind: type | tuple[type, ...], expected: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Refuse a value that is not an instance of *kind*, saying what was *expected*."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise ValidationError(
                f"{_where(instance, attribute)} must be {expected}, not {value!r}"
            )

    return validate


def full_match(pattern: str) -> Callable[[object], TypeGuard[str]]:
    """Whether a value is a string that *pattern* matches in full (ASCII classes only)."""
    compiled = re.compile(pattern, re.ASCII)

    def fits(value: object) -> TypeGuard[str]:
        return isinstance(value, str) and compiled.fullmatch(value) is not None

    return fits


def matches(pattern: str, expected: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Refuse a string that does not match *pattern* in full, saying what was *expected*."""
    fits = full_match(pattern)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not fits(value):
            raise ValidationError(
                f"{_where(instance, attribute)} must be {expected}, not {value!r}"
            )

    return says({"pattern": f"^(?:{pattern})$"})(validate)


def not_before(other: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Refuse a date earlier than the date in the field named *other*."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        earlier = getattr(instance, other)
        if value is not None and earlier is not None and value < earlier:
            raise ValidationError(
                f"{_where(instance, attribute)} {value} is before"
                f" {type(instance).__name__}.{other} {earlier}"
            )

    return validate


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """
    Convert any iterable (but a string) to a tuple.

    Anything else passes through unchanged, for `tuple_of` to refuse with the field's name.
    """
    if isinstance(value, str | bytes):
        return value  # type: ignore[return-value]  # tuple_of refuses it, naming the field
    try:
        return tuple(value)
    except TypeError:
        return value  # type: ignore[return-value]  # tuple_of refuses it, naming the field


converter(as_tuple)


def tuple_of(
    kind: type | tuple[type, ...], expected: str, *, at_least: int = 0
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Refuse anything but a tuple of at least *at_least* values of *kind*."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (
            not isinstance(value, tuple)
            or len(value) < at_least
            or not all(map(isinstance, value, repeat(kind)))  # in C: results hold thousands
        ):
            amount = "one or more" if at_least else "a sequence of"
            raise ValidationError(
                f"{_where(instance, attribute)} must be {amount} {expected}, not {value!r}"
            )

    return validate


_MAKERS: Final[dict[type, Callable[..., Any]]] = {}


def unchecked(kind: type[T]) -> Callable[..., T]:
    """
    A maker of *kind* from parts already checked, which runs no validators.

    For the values the engine makes by the thousand from checked parts (reasons, schedule
    items, assessment rows): laws in the tests make each through the validated constructor
    and compare. The maker takes every field by name, all required, and sets the slots
    directly; its code is generated once per class, as attrs generates ``__init__``.
    Everything else makes values through the constructor.
    """
    maker = _MAKERS.get(kind)
    if maker is None:  # two threads may both make it: equal makers, either is kept
        names = [field.name for field in attrs.fields(kind)]  # type: ignore[arg-type]
        # A slot that is no field holds attrs' cached hash (``cache_hash=True``): it starts
        # empty, as attrs' own __init__ leaves it.
        slots: tuple[str, ...] = getattr(kind, "__slots__", ())
        empty = [slot for slot in slots if slot not in names and slot != "__weakref__"]
        namespace: dict[str, Any] = {"_new": object.__new__, "_kind": kind}
        for name in (*names, *empty):  # the slot's setter, which a frozen __setattr__ skips
            namespace[f"_set_{name}"] = getattr(kind, name).__set__
        source = "\n".join(
            [
                f"def make(*, {', '.join(names)}):",
                "    made = _new(_kind)",
                *(f"    _set_{name}(made, {name})" for name in names),
                *(f"    _set_{name}(made, None)" for name in empty),
                "    return made",
            ]
        )
        code = compile(source, f"<vap unchecked {kind.__name__}>", "exec")
        exec(code, namespace)  # noqa: S102 - code made above from the class's field names
        maker = _MAKERS[kind] = namespace["make"]
    return maker
