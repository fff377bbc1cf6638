"""
The base of `vap`'s enumerations: a lookup by an unknown value says what was expected.

``vap.Truth("maybe")`` raises `vap.ValidationError` (a `ValueError`, as a plain enum's
lookup raises) naming the value and listing the known ones.
"""

from __future__ import annotations

import enum
from typing import NoReturn

from vap.errors import ValidationError

__all__ = ["Choice"]


class Choice(enum.Enum):
    """An enumeration whose members are looked up by value, refusing any other value."""

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        known = ", ".join(repr(member.value) for member in cls)
        raise ValidationError(f"unknown {cls.__name__} {value!r}: expected one of {known}")
