"""
The benchmark suite: every figure a ratio against a plain baseline measured in the same run.

Run with ``make bench``. Prints a table and writes ``benchmarks/results/latest.json``.
Each ratio is the median of several repetitions of the subject over the median of the
baseline's, the two measured alternately so that a noisy machine affects both alike.
Timings are reported, never asserted: the budgets say met or not met.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import vap
from vap.model.keys import key_order
from vap.model.timelines import Anchor, Annually, AsSoonAsPossible, ByMeeting, DuringYear, Within

HERE = Path(__file__).parent
OPTIONAL = ("pandas", "matplotlib", "icalendar", "jsonschema", "vap.data", "vap.engine.builder")


def alternate(
    subject: Callable[[], object], baseline: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median seconds of one call of each, measured alternately *repeat* times."""
    subject()
    baseline()
    subject_times, baseline_times = [], []
    for _ in range(repeat):
        for function, times in ((baseline, baseline_times), (subject, subject_times)):
            gc.collect()
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    return statistics.median(subject_times), statistics.median(baseline_times)


# --- import -------------------------------------------------------------------------------

IMPORT_PROBE = """
import sys, time
start = time.perf_counter()
{statement}
elapsed = time.perf_counter() - start
print(elapsed, ",".join(name for name in {optional!r} if name in sys.modules))
"""


def import_time(statement: str) -> tuple[float, str]:
    """Seconds *statement* takes in a fresh interpreter, and the optional modules it loaded."""
    code = IMPORT_PROBE.format(statement=statement, optional=OPTIONAL)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    elapsed, loaded = result.stdout.split(" ", 1)
    return float(elapsed), loaded.strip()


def bench_import(repeat: int) -> dict[str, Any]:
    """``import vap`` against importing its three dependencies, each in a fresh process."""
    subject, baseline, loaded = [], [], set()
    for _ in range(repeat):
        baseline.append(import_time("import attrs, cattrs, pendulum")[0])
        elapsed, modules = import_time("import vap")
        subject.append(elapsed)
        loaded.update(filter(None, modules.split(",")))
    first_use, _ = import_time("import vap; vap.schedule(vap.states_parties()['LAO'])")
    return {
        "subject": statistics.median(subject),
        "baseline": statistics.median(baseline),
        "note": "loaded by import vap: "
        + (", ".join(sorted(loaded)) or "none of " + ", ".join(OPTIONAL))
        + f"; import and a first schedule: {first_use * 1000:.0f} ms",
        "forbidden": sorted(loaded),
    }


# --- scheduling ---------------------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """*day* plus *months*, on the same day of the month (the first, for entry into force)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return datetime.date(year, month + 1, day.day)


def plain_steps(plan: vap.Plan, obligations: vap.ObligationSet) -> list[tuple[Any, ...]]:
    """The steps as plain tuples: key, order, kind and the kind's numbers."""
    steps = []
    for source, in_plan in ((plan, True), (obligations, False)):
        for action in source:
            for step in action.steps:
                timeline, order = step.timeline, key_order(step.key)
                if isinstance(timeline, Within) and timeline.anchor is Anchor.ENTRY_INTO_FORCE:
                    period = timeline.period
                    months = period.years * 12 + period.months
                    steps.append((step.key, order, "within", months, period.days, in_plan))
                elif isinstance(timeline, ByMeeting):
                    day = plan.meetings[timeline.meeting].opens
                    plain = datetime.date(day.year, day.month, day.day)
                    steps.append((step.key, order, "meeting", plain, 0, in_plan))
                elif isinstance(timeline, DuringYear):
                    steps.append((step.key, order, "year", timeline.year, 0, in_plan))
                elif isinstance(timeline, Annually):
                    steps.append((step.key, order, "annual", timeline.month, timeline.day, in_plan))
                elif isinstance(timeline, AsSoonAsPossible) and timeline.bound is not None:
                    steps.append((step.key, order, "within", 0, timeline.bound.days, in_plan))
                elif not isinstance(timeline, Within):
                    steps.append((step.key, order, "none", 0, 0, in_plan))
    return steps


def stdlib_schedule(
    states: list[tuple[str, datetime.date]],
    steps: list[tuple[Any, ...]],
    adopted: datetime.date,
    superseded: datetime.date,
) -> list[tuple[Any, ...]]:
    """The same due dates as vap.schedule, by hand with datetime, into sorted tuples."""
    last_report = superseded - datetime.timedelta(days=1)
    rows = []
    for code, eif in states:
        for key, order, kind, first, second, in_plan in steps:
            start = max(eif, adopted) if in_plan else eif
            if kind == "within":
                due = add_months(eif, first) + datetime.timedelta(days=second)
                rows.append(((due, code, order, 0), (code, key, start, due, None)))
            elif kind == "meeting":
                rows.append(((first, code, order, 0), (code, key, start, first, None)))
            elif kind == "year":
                opens = max(start, datetime.date(first, 1, 1))
                due = datetime.date(first, 12, 31)
                rows.append(((due, code, order, 0), (code, key, opens, due, None)))
            elif kind == "annual":
                initial = eif + datetime.timedelta(days=180)
                year = (
                    initial.year
                    if (first, second) > (initial.month, initial.day)
                    else initial.year + 1
                )
                while True:
                    due = datetime.date(year, first, second)
                    opens = max(start, datetime.date(year, 1, 1))
                    if due > last_report or (in_plan and opens >= superseded):
                        break
                    rows.append(((due, code, order, year), (code, key, opens, due, year)))
                    year += 1
            else:
                rows.append(((start, code, order, 0), (code, key, start, None, None)))
    rows.sort(key=lambda row: row[0])
    return [row[1] for row in rows]


def plain_states(states: list[vap.StateParty]) -> list[tuple[str, datetime.date]]:
    """Each State as its code and its entry into force, a plain date."""
    return [
        (s.code, datetime.date(s.entry_into_force.year, s.entry_into_force.month, 1))
        for s in states
    ]


def bench_schedule(repeat: int) -> dict[str, Any]:
    """Scheduling every built-in State against the same due dates computed by hand."""
    plan, obligations = vap.vientiane_action_plan(), vap.convention_obligations()
    states = list(vap.states_parties().values())
    steps, plain = plain_steps(plan, obligations), plain_states(states)
    subject, baseline = alternate(
        lambda: vap.schedule(states),
        lambda: stdlib_schedule(plain, steps, plan.adopted, plan.superseded),
        repeat,
    )
    items = len(vap.schedule(states))
    return {
        "subject": subject,
        "baseline": baseline,
        "note": f"{len(states)} States, {items} items",
    }


# --- assessment ---------------------------------------------------------------------------


def progress_for(schedule: vap.Schedule) -> vap.Progress:
    """A record for every other dated item, on time or late by turns (deterministic)."""
    records = []
    dated = (i for i in schedule if i.due is not None and i.applies is not vap.Truth.NO)
    for index, item in enumerate(dated):
        if index % 2 == 0:
            late = datetime.timedelta(days=(index % 5) * 20)
            records.append(
                vap.Record(
                    item.state,
                    item.key,
                    on=item.due + late,
                    source="benchmark",
                    covers=None if item.year is None else item.year - 1,
                )
            )
    return vap.Progress(records)


def stdlib_assess(  # noqa: C901, PLR0912 - the whole job, by hand, in one place
    rows: list[tuple[Any, ...]],
    records: list[tuple[str, str, datetime.date, int | None]],
    entry_into_force: dict[str, datetime.date],
    as_of: datetime.date,
) -> list[tuple[Any, ...]]:
    """
    Compute the same statuses as vap.assess, by hand.

    Check each record against the schedule, match it to its item (its year, or the
    earliest one not yet met), then classify every row.
    """
    occurrences: dict[tuple[str, str], list[int]] = {}
    for index, (code, key, _opens, _due, _year) in enumerate(rows):
        occurrences.setdefault((code, key), []).append(index)
    met: dict[int, datetime.date] = {}
    for code, key, on, year in sorted(records, key=lambda record: record[2]):
        indexes = occurrences.get((code, key))
        if indexes is None or on < entry_into_force[code]:
            raise ValueError((code, key))
        if on > as_of:
            continue
        for index in indexes:
            covered = rows[index][4] - 1 if rows[index][4] is not None else None
            if (year is None and index not in met) or (year is not None and covered == year):
                met.setdefault(index, on)
                break
    statuses = []
    for index, (code, key, opens, due, year) in enumerate(rows):
        on = met.get(index)
        if on is not None:
            status = "met-on-time" if due is None or on <= due else "met-late"
        elif as_of < opens:
            status = "not-due"
        elif due is None:
            status = "no-fixed-date"
        elif as_of > due:
            status = "overdue"
        elif (due - as_of).days <= 90:
            status = "due-soon"
        else:
            status = "not-due"
        statuses.append((code, key, year, due, status))
    return statuses


def bench_assess(repeat: int) -> dict[str, Any]:
    """Assessing every built-in State against the same statuses computed by hand."""
    plan, obligations = vap.vientiane_action_plan(), vap.convention_obligations()
    states = list(vap.states_parties().values())
    schedule = vap.schedule(states)
    progress = progress_for(schedule)
    as_of = datetime.date(2014, 1, 1)
    rows = stdlib_schedule(
        plain_states(states), plain_steps(plan, obligations), plan.adopted, plan.superseded
    )
    records = [
        (r.state, r.key, datetime.date(r.on.year, r.on.month, r.on.day), r.covers) for r in progress
    ]
    entry = dict(plain_states(states))
    subject, baseline = alternate(
        lambda: vap.assess(schedule, progress, as_of=as_of),
        lambda: stdlib_assess(rows, records, entry, as_of),
        repeat,
    )
    return {
        "subject": subject,
        "baseline": baseline,
        "note": f"{len(schedule)} items, {len(progress)} records",
    }


# --- JSON ---------------------------------------------------------------------------------


def bench_json(repeat: int) -> dict[str, Any]:
    """A lossless round trip of their schedule against json on the same plain dicts."""
    schedule = vap.schedule(vap.states_parties())
    text = vap.dumps(schedule)
    plain = json.loads(text)
    subject, baseline = alternate(
        lambda: vap.loads(vap.dumps(schedule), vap.Schedule),
        lambda: json.loads(json.dumps(plain, indent=2, sort_keys=True, ensure_ascii=False)),
        repeat,
    )
    return {"subject": subject, "baseline": baseline, "note": f"{len(text) // 1024} KiB document"}


# --- scaling and memory -------------------------------------------------------------------


def synthetic_states(count: int, seed: int = 2010) -> list[vap.StateParty]:
    """*count* distinct States with random deposits and dated role facts."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    states = []
    for index in range(count):
        code = "".join(chr(65 + (index // 26**power) % 26) for power in (2, 1, 0))
        deposited = datetime.date(2009, 1, 1) + datetime.timedelta(days=rng.randrange(2500))
        eif = vap.entry_into_force(deposited)
        change = eif + datetime.timedelta(days=rng.randrange(1, 2000))
        facts = [
            vap.RoleFact(role=role, value=vap.Truth.YES, until=change, sources=(f"S{index}",))
            for role in rng.sample(list(vap.Role), rng.randrange(0, 4))
        ]
        states.append(vap.StateParty(code, f"State {index}", deposited=deposited, facts=facts))
    return states


def bench_scaling(sizes: tuple[int, ...]) -> dict[str, Any]:
    """The cost per State of scheduling many synthetic States, smallest against largest."""
    per_state = {}
    for size in sizes:
        states = synthetic_states(size)
        repeat = max(5, 3000 // size)
        times = []
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            vap.schedule(states)
            times.append(time.perf_counter() - start)
        per_state[size] = statistics.median(times) / size
    smallest, largest = per_state[sizes[0]], per_state[sizes[-1]]
    return {
        "subject": largest,
        "baseline": smallest,
        "note": ", ".join(f"{size}: {cost * 1e6:.0f} µs/State" for size, cost in per_state.items()),
    }


def bench_memory(size: int) -> dict[str, Any]:
    """The memory a schedule of *size* synthetic States holds, and its peak while made."""
    states = synthetic_states(size)
    gc.collect()
    tracemalloc.start()
    schedule = vap.schedule(states)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "items": len(schedule),
        "retained_mib": current / 2**20,
        "peak_mib": peak / 2**20,
        "bytes_per_item": current / len(schedule),
    }


# --- report -------------------------------------------------------------------------------

BUDGETS = {
    "import vap / import attrs, cattrs, pendulum": 1.2,
    "schedule all built-in States / stdlib loop": 3.0,
    "assess all built-in States / stdlib loop": 4.0,
    "JSON round trip of their schedule / stdlib json": 3.0,
    "per-State cost, 10,000 States / 100 States": 1.3,
}


def main() -> int:
    """Run every benchmark, print the table and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and States")
    arguments = parser.parse_args()
    repeat = 5 if arguments.quick else 15
    sizes = (100, 1000) if arguments.quick else (100, 1000, 10_000)
    results = {
        "import vap / import attrs, cattrs, pendulum": bench_import(repeat),
        "schedule all built-in States / stdlib loop": bench_schedule(repeat),
        "assess all built-in States / stdlib loop": bench_assess(repeat),
        "JSON round trip of their schedule / stdlib json": bench_json(max(3, repeat // 3)),
        "per-State cost, 10,000 States / 100 States": bench_scaling(sizes),
    }
    print(f"vap {vap.__version__} on Python {sys.version.split()[0]}\n")
    print(f"{'figure':<50} {'ratio':>6} {'budget':>7}  {'':<8} detail")
    report: dict[str, Any] = {"figures": {}, "memory": None}
    for name, figure in results.items():
        ratio = figure["subject"] / figure["baseline"]
        budget = BUDGETS[name]
        spread = max(ratio, 1 / ratio) if name.startswith("per-State") else ratio
        met = spread <= budget and not figure.get("forbidden")
        verdict = "met" if met else "NOT MET"
        print(f"{name:<50} {ratio:>6.2f} {budget:>7.1f}  {verdict:<8} {figure['note']}")
        report["figures"][name] = {**figure, "ratio": ratio, "budget": budget, "met": met}
    memory = bench_memory(sizes[-1])
    report["memory"] = memory
    print(
        f"\nmemory: {memory['items']} items for {sizes[-1]} States retain"
        f" {memory['retained_mib']:.1f} MiB ({memory['bytes_per_item']:.0f} bytes per item),"
        f" peak {memory['peak_mib']:.1f} MiB"
    )
    output = HERE / "results" / "latest.json"
    output.parent.mkdir(exist_ok=True)
    output.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {output.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
