"""
The Vientiane Action Plan of the Convention on Cluster Munitions, computable.

    >>> import vap
    >>> plan = vap.vientiane_action_plan()
    >>> plan["VAP-21"].title
    'Designate a victim assistance focal point'
"""

from __future__ import annotations

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
from vap._schedule import (
    Explanation,
    FirstAnnualReport,
    Schedule,
    ScheduleItem,
    SchedulePolicy,
)
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
from vap.errors import (
    AmbiguousDateError,
    FormatError,
    MissingExtraError,
    UnknownKeyError,
    UnknownTruthError,
    ValidationError,
    VapError,
)
from vap.serialization import dumps, json_schema, loads

__version__ = "0.1.0"

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
