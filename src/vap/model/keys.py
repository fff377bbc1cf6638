"""
The key grammar, in one place: ISO codes, plan, action, step and obligation keys.

Keys are what downstream tools store (DOMAIN.md §7): ``VAP-12`` for an action, ``VAP-8.1``
for a step of an action with several, ``CCM-7.1`` or ``CCM-4.1a`` for the Convention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from vap.errors import ValidationError
from vap.model.validators import full_match, matches

__all__ = [
    "ACTION_KEY",
    "OBLIGATION_KEY",
    "PLAN_KEY",
    "STATE_CODE",
    "STEP_KEY",
    "action_key",
    "as_state_code",
    "as_step_key",
    "key_order",
    "obligation_key",
    "parent_key",
    "plan_key",
    "state_code",
    "step_key",
]

STATE_CODE: Final = r"[A-Z]{3}"
"""An ISO 3166-1 alpha-3 code: ``LAO``."""
PLAN_KEY: Final = r"(?!CCM$)[A-Z]+"
"""A plan's key, capital letters: ``VAP``; ``CCM`` is the Convention's, so no plan's."""
ACTION_KEY: Final = r"[A-Z]+-[0-9]+"
"""An action's key, its plan's key and number: ``VAP-12``."""
STEP_KEY: Final = r"[A-Z]+-[0-9]+(\.[0-9]+[a-z]?)?"
"""A step's key (or a one-step action's, or an obligation's): ``VAP-8.1``, ``CCM-4.1a``."""
OBLIGATION_KEY: Final = r"CCM-[0-9]+\.[0-9]+[a-z]?"
"""A key of the Convention's obligations: ``CCM-7.1``."""

_STATE_CODE_WORDS: Final = "an ISO 3166-1 alpha-3 code like 'LAO'"
_STEP_KEY_WORDS: Final = "a key such as 'VAP-12', 'VAP-8.1' or 'CCM-7.1'"
state_code = matches(STATE_CODE, _STATE_CODE_WORDS)
plan_key = matches(PLAN_KEY, "a key of capital letters such as 'VAP', other than 'CCM'")
action_key = matches(ACTION_KEY, "an action key such as 'VAP-12'")
step_key = matches(STEP_KEY, _STEP_KEY_WORDS)
obligation_key = matches(OBLIGATION_KEY, "an obligation key such as 'CCM-7.1'")

_PARTS: Final = re.compile(r"([A-Z]+)-(\d+)(?:\.(\d+)([a-z]?))?")


def _checked(pattern: str, words: str) -> Callable[[object, str], str]:
    fits = full_match(pattern)

    def check(value: object, where: str) -> str:
        if not fits(value):
            raise ValidationError(f"{where} takes {words}, not {value!r}")
        return value

    return check


as_state_code: Final = _checked(STATE_CODE, _STATE_CODE_WORDS)
"""*value* if it is a State's code; a `ValidationError` naming *where* it was given if not."""
as_step_key: Final = _checked(STEP_KEY, _STEP_KEY_WORDS)
"""*value* if it is a step, action or obligation key; a `ValidationError` if not."""


def key_order(key: str) -> tuple[str, int, int, str]:
    """Sort keys naturally: ``VAP-2`` before ``VAP-10``, ``VAP-8.1`` before ``VAP-8.2``."""
    parts = _PARTS.fullmatch(key)
    if parts is None:
        return (key, 0, 0, "")
    prefix, number, step, letter = parts.groups()
    return (prefix, int(number), int(step or 0), letter or "")


def parent_key(key: str) -> str:
    """The action of a step (``VAP-8.1`` -> ``VAP-8``); an action's or obligation's own key."""
    parts = _PARTS.fullmatch(key)
    if parts is None or parts.group(1) == "CCM":
        return key
    return f"{parts.group(1)}-{parts.group(2)}"
