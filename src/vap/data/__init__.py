"""
The built-in data: the plan, the Convention's obligations and meetings, States Parties.

Each file here is loaded on first use, once, through the public loaders users call for
their own files (`vap.load_plan`, `vap.load_meetings`); the results are immutable and
shared. ``sources.csv`` resolves every source key the data cites to its public address.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Mapping
from functools import wraps
from importlib.resources import files
from types import MappingProxyType
from typing import TypeVar

from vap.data.loaders import (
    load_meetings,
    load_obligations,
    load_plan,
    load_signatories_csv,
    load_states_csv,
)
from vap.model.meetings import Calendar
from vap.model.obligations import ObligationSet
from vap.model.plan import Plan
from vap.model.registry import Signatories, StatesParties

__all__ = [
    "convention_obligations",
    "meetings",
    "signatories",
    "sources",
    "states_parties",
    "vientiane_action_plan",
]

T = TypeVar("T")


def _once(load: Callable[[], T]) -> Callable[[], T]:
    """Run *load* on the first call only, under a lock; later calls share its result."""
    lock = threading.Lock()
    loaded: list[T] = []

    @wraps(load)
    def cached() -> T:
        if not loaded:
            with lock:
                if not loaded:
                    loaded.append(load())
        return loaded[0]

    return cached


def _path(name: str) -> str:
    return str(files(__name__) / name)


@_once
def meetings() -> Calendar:
    """Return the built-in calendar of the Convention's meetings, 1MSP to 11MSP and 2RC."""
    return load_meetings(_path("ccm-meetings.csv"))


@_once
def vientiane_action_plan() -> Plan:
    """
    Return the Vientiane Action Plan: 66 actions with their verbatim text and annotations.

    In force from its adoption on 12 November 2010 until the Dubrovnik Action Plan
    superseded it on 11 September 2015; its deadlines refer to `meetings`.
    """
    return load_plan(_path("vientiane-action-plan.json"), meetings=meetings())


@_once
def sources() -> Mapping[str, str]:
    """Return the public address of every source key the built-in data cites."""
    with open(_path("sources.csv"), encoding="utf-8", newline="") as file:  # noqa: PTH123
        return MappingProxyType({row["key"]: row["url"] for row in csv.DictReader(file)})


@_once
def convention_obligations() -> ObligationSet:
    """
    Return the Convention's time-bound obligations, keyed as in DOMAIN.md §7.

    ``CCM-3.2`` stockpile destruction (8 years), ``CCM-3.8`` retention report (30 April),
    ``CCM-4.1a`` and ``CCM-4.1b`` clearance (10 years), ``CCM-7.1`` initial report
    (180 days) and ``CCM-7.2`` annual report (30 April).
    """
    return load_obligations(_path("ccm-obligations.json"))


@_once
def states_parties() -> StatesParties:
    """
    Return the built-in registry of States Parties, keyed by ISO alpha-3 code.

    Deposit dates, instruments, role facts and extensions come from cited public sources
    (`sources`); a role no source gives is unknown, never no.
    """
    return load_states_csv(
        _path("states-parties.csv"),
        evidence=_path("role-evidence.csv"),
        lists=_path("role-lists.csv"),
        extensions=_path("extensions.csv"),
    )


@_once
def signatories() -> Signatories:
    """
    Return the States that signed the Convention and did not ratify it, keyed by code.

    They owe nothing under the Convention; they are known so that a question about one
    gets that answer rather than "unknown State".
    """
    return load_signatories_csv(_path("signatories.csv"))
