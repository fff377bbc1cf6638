"""
The built-in data: the plan, the Convention's obligations and meetings, States Parties.

Each file here is loaded on first use, once, through the public loaders users call for
their own files (`vap.load_plan`, `vap.load_states_csv`), or from ``built-in.pickle``,
the cache of exactly those values (`vap.data.cache`); the results are immutable and
shared. ``sources.csv`` resolves every source key the data cites to its public address.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from functools import wraps
from pathlib import Path
from typing import Any, Final, TypeVar

from vap.model.frozen import FrozenMap
from vap.model.meetings import Calendar
from vap.model.obligations import ObligationSet
from vap.model.plan import Plan
from vap.model.progress import Progress
from vap.model.registry import Signatories, StatesParties

__all__ = [
    "convention_obligations",
    "meetings",
    "packaged",
    "reports",
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
        with lock:
            if not loaded:
                loaded.append(load())
        return loaded[0]

    return cached


_FOLDER: Final = Path(__file__).resolve().parent


def packaged(name: str) -> str:
    """
    The path of the packaged data file *name*.

    A plain path beside this module: the package is installed as files, and the loaders
    open paths (`importlib.resources` would import its readers, and zipfile, at every start).
    """
    return str(_FOLDER / name)


def load_from_files() -> dict[str, Any]:
    """Load every built-in value from its packaged file, through the public loaders."""
    from vap.data.loaders import (  # noqa: PLC0415 - only when the cache cannot serve
        load_meetings,
        load_obligations,
        load_plan,
        load_progress,
        load_signatories,
        load_states_csv,
    )

    calendar = load_meetings(packaged("ccm-meetings.csv"))
    return {
        "meetings": calendar,
        "plan": load_plan(packaged("vientiane-action-plan.json"), meetings=calendar),
        "obligations": load_obligations(packaged("ccm-obligations.json")),
        "states": load_states_csv(
            packaged("states-parties.csv"),
            evidence=packaged("role-evidence.csv"),
            lists=packaged("role-lists.csv"),
            extensions=packaged("extensions.csv"),
        ),
        "signatories": load_signatories(packaged("signatories.csv")),
        "reports": load_progress(packaged("reports.csv")),
    }


@_once
def _cached() -> dict[str, bytes] | None:
    """The cache's values by name, still pickled, if the cache is current."""
    from vap.data.cache import read  # noqa: PLC0415

    return read()


_from_files: Final = _once(load_from_files)
_values: dict[str, Any] = {}
_values_lock: Final = threading.Lock()


def _built_in(name: str) -> Any:
    """
    One built-in value, made on first use: unpickled from the cache, else from the files.

    Each value is unpickled on its own, so a process pays only for what it asks for.
    """
    with _values_lock:
        if name not in _values:
            from vap.data.cache import value  # noqa: PLC0415

            cached = _cached()
            pickled = None if cached is None else cached.get(name)
            made = None if pickled is None else value(pickled)
            _values[name] = _from_files()[name] if made is None else made
        return _values[name]


def meetings() -> Calendar:
    """Return the built-in calendar of the Convention's meetings, 1MSP to 3RC (2026)."""
    calendar: Calendar = _built_in("meetings")
    return calendar


def vientiane_action_plan() -> Plan:
    """
    Return the Vientiane Action Plan: 66 actions with their verbatim text and annotations.

    In force from its adoption on 12 November 2010 until the Dubrovnik Action Plan
    superseded it on 11 September 2015; its deadlines refer to `meetings`.
    """
    plan: Plan = _built_in("plan")
    return plan


@_once
def sources() -> Mapping[str, str]:
    """Return the public address of every source key the built-in data cites."""
    import csv  # noqa: PLC0415 - not needed for the first answer

    with open(packaged("sources.csv"), encoding="utf-8", newline="") as file:  # noqa: PTH123
        return FrozenMap((row["key"], row["url"]) for row in csv.DictReader(file))


def convention_obligations() -> ObligationSet:
    """
    Return the Convention's time-bound obligations, keyed as in DOMAIN.md §7.

    ``CCM-3.2`` stockpile destruction (8 years), ``CCM-3.8`` retention report (30 April),
    ``CCM-4.1a`` and ``CCM-4.1b`` clearance (10 years), ``CCM-7.1`` initial report
    (180 days) and ``CCM-7.2`` annual report (30 April).
    """
    obligations: ObligationSet = _built_in("obligations")
    return obligations


def states_parties() -> StatesParties:
    """
    Return every State that ever became a party, keyed by ISO alpha-3 code.

    Deposit dates, instruments, withdrawals, role facts and extensions come from cited
    public sources (`sources`); a role no source gives is unknown, never no.
    ``states_parties().on(day)`` holds the States bound on a day.
    """
    states: StatesParties = _built_in("states")
    return states


def reports() -> Progress:
    """
    Return the published record of Article 7 reports and of completions, as records.

    ``CCM-7.1`` for the initial report and ``CCM-7.2`` for each yearly update, with the
    year it covers; ``CCM-3.2`` for the completed destruction of a stockpile (Article
    3(2)) and ``CCM-4.1a`` for completed clearance (Article 4(1)(a)), each of those also a
    role fact's end. Each record names its source and quotes it. Where a source gives only
    the month or year of a report, or that it had been made by a day, the record says
    ``met-by`` that day; where a source says a report was still missing on a day, it says
    ``not-met``. A report no source mentions has no record: the assessment then says
    only that there is "no record of it being met".
    """
    found: Progress = _built_in("reports")
    return found


def signatories() -> Signatories:
    """
    Return the States that signed the Convention and did not ratify it, keyed by code.

    They owe nothing under the Convention; they are known so that a question about one
    gets that answer rather than "unknown State".
    """
    found: Signatories = _built_in("signatories")
    return found
