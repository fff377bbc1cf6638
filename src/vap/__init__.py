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
    from vap.data import (
        convention_obligations,
        meetings,
        reports,
        signatories,
        sources,
        states_parties,
        vientiane_action_plan,
    )
    from vap.data.loaders import (
        load_meetings,
        load_obligations,
        load_plan,
        load_progress,
        load_signatories,
        load_states,
        load_states_csv,
    )
    from vap.engine.assessment import Assessment, AssessmentRow, Status, assess
    from vap.engine.builder import schedule
    from vap.engine.explanation import Explanation
    from vap.engine.indicators import Change, Indicator, StateSummary
    from vap.engine.schedule import Schedule, ScheduleItem
    from vap.model.actions import Action, Condition, Hedge, Modality, Qualifier, Section, Step
    from vap.model.addressees import Addressee, AllOf, AllStates, AnyOf, Circumstance, HasRole, Not
    from vap.model.applicability import Applicability
    from vap.model.dates import MonthEnd, Period, add, subtract
    from vap.model.duties import Duty
    from vap.model.evidence import Evidence
    from vap.model.extensions import Extension, ExtensionStatus
    from vap.model.facts import RoleFact
    from vap.model.meetings import Calendar, Meeting, MeetingDay, extension_request_deadline
    from vap.model.obligations import Obligation, ObligationSet
    from vap.model.plan import Plan
    from vap.model.policy import AfterPlanEnds, FirstAnnualReport, ReportedAreas, SchedulePolicy
    from vap.model.progress import Progress, Record, RecordStatus
    from vap.model.reading import ListReading, ListScope, Observation, RoleList, read_facts
    from vap.model.reasons import Reason
    from vap.model.registry import Signatories, StatesParties
    from vap.model.roles import Role, Truth
    from vap.model.states import (
        Event,
        Instrument,
        Signatory,
        StateParty,
        Withdrawal,
        entry_into_force,
    )
    from vap.model.timelines import (
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
    from vap.serialization import dumps, json_schema, loads


_WHERE: dict[str, str] = {
    "Action": "vap.model.actions",
    "Addressee": "vap.model.addressees",
    "AfterPlanEnds": "vap.model.policy",
    "AllOf": "vap.model.addressees",
    "AllStates": "vap.model.addressees",
    "Anchor": "vap.model.timelines",
    "Annually": "vap.model.timelines",
    "AnyOf": "vap.model.addressees",
    "Applicability": "vap.model.applicability",
    "AsSoonAsPossible": "vap.model.timelines",
    "Assessment": "vap.engine.assessment",
    "AssessmentRow": "vap.engine.assessment",
    "ByMeeting": "vap.model.timelines",
    "Calendar": "vap.model.meetings",
    "Change": "vap.engine.indicators",
    "Circumstance": "vap.model.addressees",
    "Condition": "vap.model.actions",
    "DuringYear": "vap.model.timelines",
    "Duty": "vap.model.duties",
    "Event": "vap.model.states",
    "Evidence": "vap.model.evidence",
    "Explanation": "vap.engine.explanation",
    "Extension": "vap.model.extensions",
    "ExtensionStatus": "vap.model.extensions",
    "FirstAnnualReport": "vap.model.policy",
    "FromDate": "vap.model.timelines",
    "HasRole": "vap.model.addressees",
    "Hedge": "vap.model.actions",
    "Indicator": "vap.engine.indicators",
    "Instrument": "vap.model.states",
    "ListReading": "vap.model.reading",
    "ListScope": "vap.model.reading",
    "Meeting": "vap.model.meetings",
    "MeetingDay": "vap.model.meetings",
    "Modality": "vap.model.actions",
    "MonthEnd": "vap.model.dates",
    "Not": "vap.model.addressees",
    "Obligation": "vap.model.obligations",
    "ObligationSet": "vap.model.obligations",
    "Observation": "vap.model.reading",
    "OnRoleStart": "vap.model.timelines",
    "Ongoing": "vap.model.timelines",
    "Period": "vap.model.dates",
    "Plan": "vap.model.plan",
    "Progress": "vap.model.progress",
    "Qualifier": "vap.model.actions",
    "Reason": "vap.model.reasons",
    "Record": "vap.model.progress",
    "RecordStatus": "vap.model.progress",
    "ReportedAreas": "vap.model.policy",
    "Role": "vap.model.roles",
    "RoleFact": "vap.model.facts",
    "RoleList": "vap.model.reading",
    "Schedule": "vap.engine.schedule",
    "ScheduleItem": "vap.engine.schedule",
    "SchedulePolicy": "vap.model.policy",
    "Section": "vap.model.actions",
    "Signatories": "vap.model.registry",
    "Signatory": "vap.model.states",
    "StateParty": "vap.model.states",
    "StateSummary": "vap.engine.indicators",
    "StatesParties": "vap.model.registry",
    "Status": "vap.engine.assessment",
    "Step": "vap.model.actions",
    "Timeline": "vap.model.timelines",
    "Truth": "vap.model.roles",
    "Withdrawal": "vap.model.states",
    "Within": "vap.model.timelines",
    "add": "vap.model.dates",
    "assess": "vap.engine.assessment",
    "convention_obligations": "vap.data",
    "dumps": "vap.serialization",
    "entry_into_force": "vap.model.states",
    "extension_request_deadline": "vap.model.meetings",
    "json_schema": "vap.serialization",
    "load_meetings": "vap.data.loaders",
    "load_obligations": "vap.data.loaders",
    "load_plan": "vap.data.loaders",
    "load_progress": "vap.data.loaders",
    "load_signatories": "vap.data.loaders",
    "load_states": "vap.data.loaders",
    "load_states_csv": "vap.data.loaders",
    "loads": "vap.serialization",
    "meetings": "vap.data",
    "read_facts": "vap.model.reading",
    "reports": "vap.data",
    "schedule": "vap.engine.builder",
    "signatories": "vap.data",
    "sources": "vap.data",
    "states_parties": "vap.data",
    "subtract": "vap.model.dates",
    "vientiane_action_plan": "vap.data",
}
"""The module that defines each public name, imported when the name is first used."""

_SUBMODULES = frozenset({"cli", "data", "exports", "serialization", "testing"})


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only asked for now and then

        return version("vap")
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
    "AfterPlanEnds",
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
    "Circumstance",
    "Condition",
    "DuringYear",
    "Duty",
    "Event",
    "Evidence",
    "Explanation",
    "Extension",
    "ExtensionStatus",
    "FirstAnnualReport",
    "FormatError",
    "FromDate",
    "HasRole",
    "Hedge",
    "Indicator",
    "Instrument",
    "ListReading",
    "ListScope",
    "Meeting",
    "MeetingDay",
    "MissingExtraError",
    "Modality",
    "MonthEnd",
    "Not",
    "Obligation",
    "ObligationSet",
    "Observation",
    "OnRoleStart",
    "Ongoing",
    "Period",
    "Plan",
    "Progress",
    "Qualifier",
    "Reason",
    "Record",
    "RecordStatus",
    "ReportedAreas",
    "Role",
    "RoleFact",
    "RoleList",
    "Schedule",
    "ScheduleItem",
    "SchedulePolicy",
    "Section",
    "Signatories",
    "Signatory",
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
    "Withdrawal",
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
    "load_progress",
    "load_signatories",
    "load_states",
    "load_states_csv",
    "loads",
    "meetings",
    "read_facts",
    "reports",
    "schedule",
    "signatories",
    "sources",
    "states_parties",
    "subtract",
    "vientiane_action_plan",
]
