"""
Plain-Python baselines that compute exactly what the library computes, for `run.py`.

Each baseline reads the same inputs (the plan's rules, the States' dates and facts) and
produces the same output as the library call it is measured against: for a schedule, the
items' State, key, opening day, due date, year and applicability, in the same order; for
an assessment, every row's status. `run.py` asserts the equality before timing anything.
They use no part of vap's engine: plain dates, dicts, tuples and loops.
"""

from __future__ import annotations

import datetime
from typing import Any

import vap

YES, NO, UNKNOWN = 1, -1, 0
_TRUTH = {vap.Truth.YES: YES, vap.Truth.NO: NO, vap.Truth.UNKNOWN: UNKNOWN}
_BACK = {YES: vap.Truth.YES, NO: vap.Truth.NO, UNKNOWN: vap.Truth.UNKNOWN}
DAY = datetime.timedelta(days=1)


def plus_months(day: datetime.date, months: int) -> datetime.date:
    """*day* plus *months* (the plan's dates never fall on a day a month lacks)."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, day.day)


def plus(day: datetime.date, period: vap.Period) -> datetime.date:
    """*day* plus *period*: years and months, then days."""
    shifted = plus_months(day, period.years * 12 + period.months)
    return shifted + datetime.timedelta(days=period.days)


def evaluate(predicate: Any, values: dict[str, int]) -> int:
    """Kleene's logic on -1, 0, 1: "and" is min, "or" is max, "not" is minus."""
    kind = type(predicate).__name__
    if kind == "AllStates":
        return YES
    if kind == "HasRole":
        return values[predicate.role.value]
    if kind == "Circumstance":
        return UNKNOWN
    if kind == "AllOf":
        return min(evaluate(member, values) for member in predicate.members)
    if kind == "AnyOf":
        return max(evaluate(member, values) for member in predicate.members)
    return -evaluate(predicate.operand, values)


def rules(plan: vap.Plan, obligations: vap.ObligationSet) -> list[dict[str, Any]]:
    """Every step as a plain dict: its key, rule, predicate and the plan's period."""
    found = []
    for subject, starts, ends in (
        *((action, plan.adopted, plan.superseded) for action in plan),
        *((obligation, None, None) for obligation in obligations),
    ):
        for step in subject.steps:
            predicate = subject.addressee
            if step.condition is not None:
                predicate = predicate & step.condition.predicate
            timeline = step.timeline
            kind = type(timeline).__name__
            if kind == "OnRoleStart":
                predicate = predicate & vap.HasRole(timeline.role)
            found.append(
                {
                    "key": step.key,
                    "kind": kind,
                    "timeline": timeline,
                    "predicate": predicate,
                    "roles": sorted(role.value for role in predicate.roles),
                    "starts": starts,
                    "ends": ends,
                    "extended": step.key in ("CCM-3.2", "CCM-4.1a"),
                    "undated": kind in ("Ongoing", "OnRoleStart")
                    or (kind == "AsSoonAsPossible" and timeline.bound is None),
                    "lapses_after_due": kind in ("ByMeeting", "DuringYear"),
                }
            )
    found.sort(key=lambda rule: vap.model.keys.key_order(rule["key"]))
    return found


def _windows(
    rule: dict[str, Any],
    state: vap.StateParty,
    start: datetime.date,
    through: datetime.date | None,
    meetings: vap.Calendar,
) -> list[tuple[Any, ...]]:
    eif = state.entry_into_force
    timeline, kind = rule["timeline"], rule["kind"]
    if rule["undated"]:
        return [(start, None, None)]
    if kind == "AsSoonAsPossible":
        return [(start, plus(eif, timeline.bound), None)]
    if kind == "Within" and timeline.anchor is vap.Anchor.ENTRY_INTO_FORCE:
        due = plus(eif, timeline.period)
        if rule["extended"]:
            granted = [
                e.until
                for e in state.extensions
                if e.obligation == rule["key"]
                and e.status is vap.ExtensionStatus.GRANTED
                and e.until
            ]
            due = max(granted, default=due)
        return [(start, due, None)]
    if kind == "Within":
        return [
            (max(start, event.on), plus(event.on, timeline.period), None)
            for event in state.events
            if event.kind is timeline.anchor
        ]
    if kind == "ByMeeting":
        return [(start, meetings[timeline.meeting].opens, None)]
    if kind == "DuringYear":
        return [
            (
                max(start, datetime.date(timeline.year, 1, 1)),
                datetime.date(timeline.year, 12, 31),
                None,
            )
        ]
    if kind == "FromDate":
        return [(max(start, timeline.start), None, None)]
    # Annually
    if timeline.after is None:
        year = (
            start.year
            if (timeline.month, timeline.day) >= (start.month, start.day)
            else start.year + 1
        )
    else:
        year = plus(eif, timeline.after).year + 1
    ends = rule["ends"]
    if ends is not None and max(start, datetime.date(year, 1, 1)) >= ends:
        return [(start, None, "lapsed")]
    last = through
    if ends is not None:
        last = ends - DAY if last is None else min(last, ends - DAY)
    effective = state.withdrawal.effective if state.withdrawal else None
    end = min(d for d in (ends, effective, datetime.date(9999, 1, 1)) if d is not None)
    found = []
    while last is not None:
        due = datetime.date(year, timeline.month, timeline.day)
        opens = max(start, datetime.date(year, 1, 1))
        if due > last or opens >= end:
            break
        found.append((opens, due, year))
        year += 1
    return found


def _value(state_facts: dict[str, list], role: str, day: datetime.date) -> int:
    for since, until, value in state_facts.get(role, ()):
        if (since is None or since <= day) and (until is None or day < until):
            return value
    return UNKNOWN


def schedule_rows(
    states: list[vap.StateParty],
    plan: vap.Plan,
    obligations: vap.ObligationSet,
    until: datetime.date | None = None,
) -> list[tuple]:
    """(state, key, opens, due, year, applies) of every item, in the library's order."""
    meetings = plan.meetings
    through = until if until is not None else (plan.superseded - DAY if plan.superseded else None)
    steps = rules(plan, obligations)
    rank = {rule["key"]: index for index, rule in enumerate(steps)}
    rows = []
    for state in states:
        eif = state.entry_into_force
        effective = state.withdrawal.effective if state.withdrawal else None
        facts: dict[str, list] = {}
        for fact in state.facts:
            facts.setdefault(fact.role.value, []).append(
                (fact.since, fact.until, _TRUTH[fact.value])
            )
        for rule in steps:
            starts, ends = rule["starts"], rule["ends"]
            start = eif if starts is None or eif > starts else starts
            if ends is not None and start >= ends:
                rows.append((start, state.code, rule["key"], start, None, None, NO))
                continue
            windows = _windows(rule, state, start, through, meetings)
            kept = []
            for opens, due, year in windows:
                if year == "lapsed":
                    kept.append((opens, None, None, NO))
                    continue
                if effective is not None and (opens if due is None else due) >= effective:
                    continue
                if due is not None and due < start:
                    kept.append((due, due, year, NO))
                elif due is not None and ends is not None and (opens >= ends or due >= ends):
                    kept.append((opens, due, year, NO))
                else:
                    kept.append((opens, due, year, None))
            for opens, due, year, applies in kept:
                if applies is None:
                    end = min(
                        d for d in (ends, effective, datetime.date(9999, 1, 1)) if d is not None
                    )

                    def judge(day: datetime.date) -> int:
                        if day >= end or day < eif:
                            return NO
                        values = {role: _value(facts, role, day) for role in rule["roles"]}
                        return evaluate(rule["predicate"], values)

                    if due is None:
                        days = {opens}
                        for role in rule["roles"]:
                            for since, stop, _ in facts.get(role, ()):
                                days.update(
                                    d for d in (since, stop) if d is not None and opens < d < end
                                )
                        first_unknown = None
                        for day in sorted(days):
                            answer = judge(day)
                            if answer == YES:
                                opens, applies = day, YES
                                break
                            if answer == UNKNOWN and first_unknown is None:
                                first_unknown = day
                        else:
                            if first_unknown is not None:
                                opens, applies = first_unknown, UNKNOWN
                            else:
                                applies = judge(opens)
                    else:
                        applies = judge(max(opens, start))
                day = opens if due is None else due
                if until is None or day <= until:
                    rows.append((day, state.code, rule["key"], opens, due, year, applies))
    rows.sort(key=lambda row: (row[0], row[1], rank[row[2]]))
    return [
        (code, key, opens, due, year, _BACK[applies])
        for _, code, key, opens, due, year, applies in rows
    ]


def library_rows(schedule: vap.Schedule) -> list[tuple]:
    """The same tuple for every item of a library schedule, to compare."""
    return [
        (item.state, item.key, item.opens, item.due, item.year, item.applies) for item in schedule
    ]


def assess_statuses(
    rows: list[tuple], records: list[tuple], as_of: datetime.date, due_soon: int = 90
) -> list[str]:
    """Every row's status, from the schedule's plain rows and records as plain tuples."""
    by_item: dict[tuple, list[int]] = {}
    for index, (state, key, *_) in enumerate(rows):
        by_item.setdefault((state, key), []).append(index)
    met: dict[int, datetime.date] = {}
    for state, key, on, covers in records:
        if on > as_of:
            continue
        indices = by_item.get((state, key), [])
        target = None
        yearly = [i for i in indices if rows[i][4] is not None]
        if yearly:
            wanted = covers if covers is not None else on.year - 1
            target = next((i for i in yearly if rows[i][4] - 1 == wanted), None)
        elif indices:
            target = indices[0]
        if target is not None and target not in met:
            met[target] = on
    statuses = []
    for index, (_, _, opens, due, _, applies) in enumerate(rows):
        if applies is vap.Truth.NO:
            statuses.append("not-applicable")
        elif index in met:
            statuses.append("met-on-time" if due is None or met[index] <= due else "met-late")
        elif applies is vap.Truth.UNKNOWN:
            statuses.append("unknown")
        elif as_of < opens:
            statuses.append("not-due")
        elif due is None:
            statuses.append("no-fixed-date")
        elif as_of > due:
            statuses.append("overdue")
        elif (due - as_of).days <= due_soon:
            statuses.append("due-soon")
        else:
            statuses.append("not-due")
    return statuses
