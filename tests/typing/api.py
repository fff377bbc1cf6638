"""
The public API as users type it: mypy --strict checks this file; nothing runs it.

A change that breaks a user's typed code breaks this file first.
"""

from __future__ import annotations

from datetime import date
from typing import assert_type

import pendulum

import vap

plan = vap.vientiane_action_plan()
assert_type(plan, vap.Plan)
assert_type(plan["VAP-21"], vap.Action)
assert_type(plan.action(21), vap.Action)
assert_type(plan.actions, tuple[vap.Action, ...])
assert_type(plan.filter(section="IV", role=vap.Role.STOCKPILES), tuple[vap.Action, ...])

action = plan["VAP-8"]
assert_type(action.key, str)
assert_type(action.number, int)
assert_type(action.text, str)
assert_type(action.section, vap.Section)
assert_type(action.addressee, vap.Addressee)
assert_type(action.steps[0].timeline, vap.Timeline)

assert_type(vap.entry_into_force(date(2012, 2, 1)), pendulum.Date)

xyz = vap.StateParty("XYZ", "Xyzland", deposited=date(2011, 3, 14), roles={vap.Role.VICTIMS})
assert_type(xyz.entry_into_force, pendulum.Date)
assert_type(xyz.role(vap.Role.VICTIMS, on=date(2012, 1, 1)), vap.Truth)
assert_type(action.applies_to(xyz, on=date(2011, 1, 1)), vap.Truth)
assert_type(action.applicability(xyz, on=date(2011, 1, 1)), vap.Applicability)
assert_type(plan.applicability(xyz, on=date(2011, 1, 1)), tuple[vap.Applicability, ...])
assert_type(xyz.with_extension("CCM-3.2", until=date(2020, 1, 1)), vap.StateParty)

fact = vap.RoleFact(role=vap.Role.STOCKPILES, value=vap.Truth.YES, until=date(2015, 11, 25))
assert_type(fact.until, pendulum.Date | None)
assert_type(vap.Truth.YES & vap.Truth.UNKNOWN, vap.Truth)
assert_type(vap.HasRole(vap.Role.STOCKPILES) | vap.HasRole(vap.Role.VICTIMS), vap.Addressee)

assert_type(vap.add(date(2010, 8, 1), vap.Period(years=8)), pendulum.Date)
assert_type(vap.meetings()["2MSP"].opens, pendulum.Date)

# What users type with schedules and assessments, checked by mypy --strict.
schedule = vap.schedule(xyz, until=date(2012, 12, 31))
assert_type(schedule.to_csv(), str)
assert_type(schedule.to_csv("schedule.csv"), None)
progress = vap.Progress([vap.Record("XYZ", "CCM-7.1", on=date(2011, 1, 20), source="UNODA")])
assert_type(progress.known_on(date(2012, 1, 1)), vap.Progress)
assessment = vap.assess(schedule, progress, as_of=date(2012, 1, 1))
assert_type(assessment.to_csv(), str)
assert_type(vap.states_parties().on(date(2012, 1, 1)), vap.StatesParties)
assert_type(xyz.is_party(on=date(2012, 1, 1)), bool)
assert_type(vap.signatories()["AGO"], vap.Signatory)
