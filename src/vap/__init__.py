"""
The Vientiane Action Plan of the Convention on Cluster Munitions, computable.

    >>> import vap
    >>> plan = vap.vientiane_action_plan()
    >>> plan["VAP-21"].title
    'Designate a victim assistance focal point'

``import vap`` is cheap: it imports none of the package's modules, its data or its
dependencies. Each public name loads its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from vap.errors import (
    AmbiguousDateError,
    FormatError,
    MissingExtraError,
    UnknownKeyError,
    UnknownTruthError,
    ValidationError,
    VapError,
)

if TYPE_CHECKING:
    from vap._actions import Action, Modality, Qualifier, Section, Step
    from vap._addressees import Addressee, AllOf, AllStates, AnyOf, HasRole, Not
    from vap._applicability import Applicability, Reason
    from vap._assessment import Assessment, AssessmentRow, Status, assess
    from vap._dates import MonthEnd, Period, add, subtract
    from vap._extensions import Extension, ExtensionStatus
    from vap._indicators import Change, Indicator, StateSummary
    from vap._loaders import (
        load_meetings,
        load_obligations,
        load_plan,
        load_states,
        load_states_csv,
    )
    from vap._meetings import Calendar, Meeting, MeetingDay, extension_request_deadline
    from vap._obligations import Obligation, ObligationSet
    from vap._plan import Plan
    from vap._progress import Progress, Record, RecordStatus
    from vap._registry import StatesParties
    from vap._roles import Role, RoleFact, Truth
    from vap._schedule import Explanation, FirstAnnualReport, Schedule, ScheduleItem, SchedulePolicy
    from vap._scheduling import schedule
    from vap._states import Event, Instrument, StateParty, entry_into_force
    from vap._timelines import (
        Anchor,
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
    from vap.data import (
        convention_obligations,
        meetings,
        sources,
        states_parties,
        vientiane_action_plan,
    )
    from vap.serialization import dumps, json_schema, loads

__version__ = "0.1.0"

_WHERE: dict[str, str] = {
    "Action": "vap._actions",
    "Addressee": "vap._addressees",
    "AllOf": "vap._addressees",
    "AllStates": "vap._addressees",
    "Anchor": "vap._timelines",
    "Annually": "vap._timelines",
    "AnyOf": "vap._addressees",
    "Applicability": "vap._applicability",
    "AsSoonAsPossible": "vap._timelines",
    "Assessment": "vap._assessment",
    "AssessmentRow": "vap._assessment",
    "ByMeeting": "vap._timelines",
    "Calendar": "vap._meetings",
    "Change": "vap._indicators",
    "DuringYear": "vap._timelines",
    "Event": "vap._states",
    "Explanation": "vap._schedule",
    "Extension": "vap._extensions",
    "ExtensionStatus": "vap._extensions",
    "FirstAnnualReport": "vap._schedule",
    "FromDate": "vap._timelines",
    "HasRole": "vap._addressees",
    "Indicator": "vap._indicators",
    "Instrument": "vap._states",
    "Meeting": "vap._meetings",
    "MeetingDay": "vap._meetings",
    "Modality": "vap._actions",
    "MonthEnd": "vap._dates",
    "Not": "vap._addressees",
    "Obligation": "vap._obligations",
    "ObligationSet": "vap._obligations",
    "OnRoleStart": "vap._timelines",
    "Ongoing": "vap._timelines",
    "Period": "vap._dates",
    "Plan": "vap._plan",
    "Progress": "vap._progress",
    "Qualifier": "vap._actions",
    "Reason": "vap._applicability",
    "Record": "vap._progress",
    "RecordStatus": "vap._progress",
    "Role": "vap._roles",
    "RoleFact": "vap._roles",
    "Schedule": "vap._schedule",
    "ScheduleItem": "vap._schedule",
    "SchedulePolicy": "vap._schedule",
    "Section": "vap._actions",
    "StateParty": "vap._states",
    "StateSummary": "vap._indicators",
    "StatesParties": "vap._registry",
    "Status": "vap._assessment",
    "Step": "vap._actions",
    "Timeline": "vap._timelines",
    "Truth": "vap._roles",
    "Within": "vap._timelines",
    "add": "vap._dates",
    "assess": "vap._assessment",
    "convention_obligations": "vap.data",
    "dumps": "vap.serialization",
    "entry_into_force": "vap._states",
    "extension_request_deadline": "vap._meetings",
    "json_schema": "vap.serialization",
    "load_meetings": "vap._loaders",
    "load_obligations": "vap._loaders",
    "load_plan": "vap._loaders",
    "load_states": "vap._loaders",
    "load_states_csv": "vap._loaders",
    "loads": "vap.serialization",
    "meetings": "vap.data",
    "schedule": "vap._scheduling",
    "sources": "vap.data",
    "states_parties": "vap.data",
    "subtract": "vap._dates",
    "vientiane_action_plan": "vap.data",
}
"""The module that defines each public name, imported when the name is first used."""

_SUBMODULES = frozenset({"cli", "data", "exports", "serialization", "testing"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"vap.{name}")
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module 'vap' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later uses skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Action",
    "Addressee",
    "AllOf",
    "AllStates",
    "AmbiguousDateError",
    "Anchor",
    "Annually",
    "AnyOf",
    "Applicability",
    "AsSoonAsPossible",
    "Assessment",
    "AssessmentRow",
    "ByMeeting",
    "Calendar",
    "Change",
    "DuringYear",
    "Event",
    "Explanation",
    "Extension",
    "ExtensionStatus",
    "FirstAnnualReport",
    "FormatError",
    "FromDate",
    "HasRole",
    "Indicator",
    "Instrument",
    "Meeting",
    "MeetingDay",
    "MissingExtraError",
    "Modality",
    "MonthEnd",
    "Not",
    "Obligation",
    "ObligationSet",
    "OnRoleStart",
    "Ongoing",
    "Period",
    "Plan",
    "Progress",
    "Qualifier",
    "Reason",
    "Record",
    "RecordStatus",
    "Role",
    "RoleFact",
    "Schedule",
    "ScheduleItem",
    "SchedulePolicy",
    "Section",
    "StateParty",
    "StateSummary",
    "StatesParties",
    "Status",
    "Step",
    "Timeline",
    "Truth",
    "UnknownKeyError",
    "UnknownTruthError",
    "ValidationError",
    "VapError",
    "Within",
    "add",
    "assess",
    "convention_obligations",
    "dumps",
    "entry_into_force",
    "extension_request_deadline",
    "json_schema",
    "load_meetings",
    "load_obligations",
    "load_plan",
    "load_states",
    "load_states_csv",
    "loads",
    "meetings",
    "schedule",
    "sources",
    "states_parties",
    "subtract",
    "vientiane_action_plan",
]
