"""Reasons: the words behind every answer, with the sources and quotes they rest on."""

from __future__ import annotations

from typing import Any

import attrs

from vap.errors import ValidationError
from vap.model.facts import Evidence
from vap.model.validators import are_strings, non_empty, to_strings

__all__ = ["Reason"]


def _evidence(value: Any) -> tuple[Evidence, ...]:
    try:
        return tuple(value)
    except TypeError:
        return value  # type: ignore[no-any-return]  # the validator refuses it


def _are_evidence(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, Evidence) for item in value):
        raise ValidationError(f"Reason.{attribute.name} must be Evidence values, not {value!r}")


@attrs.frozen
class Reason:
    """
    One reason behind an answer, in words, with the sources of the facts it rests on.

    ``evidence`` quotes the sources, each with the day it speaks for; reasons about a
    State's roles carry the evidence of the facts they use.
    """

    message: str = attrs.field(validator=non_empty)
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_evidence, validator=_are_evidence
    )

    def __str__(self) -> str:
        if not self.sources:
            return self.message
        return f"{self.message} (sources: {', '.join(self.sources)})"
