"""
JSON Schemas (2020-12) generated from the attrs definitions the converter reads.

One walk over the types gives each class a definition under ``$defs``; unions get their
explicit tags; dates, periods and enums get the patterns and values the converter accepts.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping
from typing import Any, Final, Union, get_args, get_origin

import attrs
import pendulum

from vap.formats.converter import ADDRESSEE_TAGS, PLAN_CONTEXT, TAG_KEY, TIMELINE_TAGS
from vap.formats.documents import FORMAT_KEY
from vap.model.dates import Period
from vap.model.meetings import Calendar, Meeting
from vap.model.plan import Plan
from vap.model.validators import schema_of

__all__ = ["document_schema"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_DATE: Final = {
    "type": "string",
    "format": "date",
    "pattern": r"^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    "description": "a calendar day from 1900-01-01 to 2199-12-31, YYYY-MM-DD in ASCII digits",
}
_PERIOD: Final = {
    "type": "string",
    "pattern": (
        r"^[0-9]+ years?( [0-9]+ months?)?( [0-9]+ days?)?$"
        r"|^[0-9]+ months?( [0-9]+ days?)?$|^[0-9]+ days?$"
    ),
    "description": "a period in words: '1 year', '6 months', '180 days', '1 year 6 months'",
}
_UNIONS: Final = (("Addressee", ADDRESSEE_TAGS), ("Timeline", TIMELINE_TAGS))


class _Walk:
    """Collects the definitions of every class reachable from one document type."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def schema(self, kind: Any) -> dict[str, Any]:  # noqa: PLR0911 - one return per kind of type
        if kind is str:
            return {"type": "string"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer"}
        if kind is pendulum.Date:
            return dict(_DATE)
        if kind is Period:
            return dict(_PERIOD)
        if kind is Calendar:
            return {"type": "array", "items": self.klass(Meeting)}
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {"type": "string", "enum": [member.value for member in kind]}
        if isinstance(kind, type) and attrs.has(kind):
            return self.klass(kind)
        return self.generic(kind)

    def generic(self, kind: Any) -> dict[str, Any]:
        origin, arguments = get_origin(kind), get_args(kind)
        if origin in (Union, types.UnionType):
            return self.union(arguments)
        if origin is tuple:
            return {"type": "array", "items": self.schema(arguments[0])}
        if origin is frozenset:
            return {"type": "array", "items": self.schema(arguments[0]), "uniqueItems": True}
        if origin is Mapping or origin is dict:
            keys, values = arguments
            return {
                "type": "object",
                "propertyNames": self.schema(keys),
                "additionalProperties": self.schema(values),
            }
        raise TypeError(f"no JSON Schema for {kind!r}")  # pragma: no cover - a new field type

    def union(self, members: tuple[Any, ...]) -> dict[str, Any]:
        present = tuple(member for member in members if member is not type(None))
        for name, tags in _UNIONS:
            if set(present) == set(tags):
                if name not in self.defs:
                    self.defs[name] = {}  # a placeholder: members may contain the union
                    self.defs[name] = {
                        "oneOf": [self.klass(member, tag=tags[member]) for member in tags]
                    }
                schema = self.ref(name)
                break
        else:
            (single,) = present
            schema = self.schema(single)
        if len(present) < len(members):
            return {"anyOf": [schema, {"type": "null"}]}
        return schema

    def klass(
        self, kind: type, *, tag: str | None = None, leave_out: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        name = kind.__name__ if not leave_out else f"{kind.__name__}Entry"
        if name in self.defs:
            return self.ref(name)
        self.defs[name] = {}  # a placeholder, for classes that contain themselves
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(attrs.resolve_types(kind)):
            if not field.init or field.name in leave_out:
                continue
            key = field.alias or field.name
            if kind is Plan and key == "actions":
                properties[key] = {
                    "type": "array",
                    "items": self.klass(get_args(field.type)[0], leave_out=PLAN_CONTEXT),
                }
            else:
                properties[key] = self.schema(field.type)
                constraints = schema_of(field.validator)
                if constraints and "$ref" not in properties[key]:
                    properties[key] = _constrained(properties[key], constraints)
            if field.default is attrs.NOTHING:
                required.append(key)
        if tag is not None:
            properties = {TAG_KEY: {"const": tag}, **properties}
            required.insert(0, TAG_KEY)
        definition: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
            "description": " ".join((kind.__doc__ or "").split()[:60]),
        }
        self.defs[name] = definition
        return self.ref(name)


def _constrained(schema: dict[str, Any], constraints: dict[str, Any]) -> dict[str, Any]:
    """*schema* narrowed by a validator's *constraints*, also inside a ``null`` option."""
    if "anyOf" in schema:
        return {"anyOf": [_constrained(option, constraints) for option in schema["anyOf"]]}
    if schema.get("type") == "null":
        return schema
    return {**schema, **constraints}


def document_schema(kind: type, format_line: str, list_key: str | None) -> dict[str, Any]:
    """The schema of a whole document: the format line, then *kind*'s fields."""
    walk = _Walk()
    if list_key is not None:
        properties, required = {list_key: walk.schema(kind)}, [list_key]
    else:
        walk.klass(kind)
        definition = walk.defs[kind.__name__]
        properties, required = definition["properties"], definition["required"]
    return {
        "$schema": DIALECT,
        "$id": f"https://vap.invalid/schemas/{format_line.replace('/', '-')}.json",
        "title": f"{format_line} document",
        "type": "object",
        "properties": {FORMAT_KEY: {"const": format_line}, **properties},
        "required": [FORMAT_KEY, *required],
        "additionalProperties": False,
        "$defs": dict(sorted(walk.defs.items())),
    }
