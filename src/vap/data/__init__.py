"""
The built-in data: the Vientiane Action Plan, the Convention's meetings and the sources.

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

from vap._loaders import load_meetings, load_plan
from vap._meetings import Calendar
from vap._plan import Plan

__all__ = ["meetings", "sources", "vientiane_action_plan"]

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
