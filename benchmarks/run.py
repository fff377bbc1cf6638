"""
The benchmark suite: every figure a ratio against an equal-work baseline in the same run.

Run with ``make bench`` (``--quick`` for fewer repetitions and sizes). Prints a table and
writes ``benchmarks/results/latest.json``.

- Every baseline computes the same output as the library call it is compared with, and
  the run asserts it (same items, dates, truths and order; same statuses) before timing.
- Each repetition gets fresh inputs: States, records, schedules and the plan and
  obligations the schedule is made from are made anew, so no cache of one repetition
  serves the next.
- Subject and baseline alternate; each figure is the median ratio, with its spread (the
  lowest and highest ratio of the repetitions).
- Time to first answer is measured in fresh processes with their bytecode compiled, as
  after ``pip install``.
Timings are reported, never asserted: the budgets say met or not met.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import random
import statistics
import string
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import baselines

import vap
from vap.formats import converter
from vap.model import validators

HERE = Path(__file__).parent
ROOT = HERE.parent
AS_OF: Final = datetime.date(2015, 1, 1)
"""The day the assessment benchmark assesses."""


def paired(
    subject: Callable[[], object], baseline: Callable[[], object], repeat: int
) -> dict[str, float]:
    """
    Median seconds of each, measured alternately, and the ratio's median and spread.

    Each function returns what it made (and the inputs it took), which is kept until the
    clock has stopped: neither side pays for freeing memory inside the timer.
    """
    ratios, subject_times, baseline_times = [], [], []
    for index in range(repeat):
        order = ((subject, subject_times), (baseline, baseline_times))
        for function, times in order if index % 2 else reversed(order):
            gc.collect()
            start = time.perf_counter()
            made = function()
            times.append(time.perf_counter() - start)
            del made
        ratios.append(subject_times[-1] / baseline_times[-1])
    return {
        "subject": statistics.median(subject_times),
        "baseline": statistics.median(baseline_times),
        "ratio": statistics.median(ratios),
        "low": min(ratios),
        "high": max(ratios),
    }


# --- inputs ---------------------------------------------------------------------------------


def fresh_built_in() -> list[vap.StateParty]:
    """The built-in States, copied: equal values, new objects, nothing cached on them."""
    return [vap.loads(vap.dumps(state), vap.StateParty) for state in vap.states_parties().values()]


def fresh_rules() -> tuple[vap.Plan, vap.ObligationSet]:
    """
    The built-in plan and obligations, copied: equal values, new objects, nothing cached.

    An action keeps the duties it makes (each step with the plan's period), so a
    repetition given the plan another one used would not pay for making them.
    """
    plan, obligations = vap.vientiane_action_plan(), vap.convention_obligations()
    return (
        vap.loads(vap.dumps(plan), vap.Plan),
        vap.loads(vap.dumps(obligations), vap.ObligationSet),
    )


def _code(index: int) -> str:
    letters = string.ascii_uppercase
    return letters[index // 676 % 26] + letters[index // 26 % 26] + letters[index % 26]


def distinct_states(count: int, seed: int) -> list[vap.StateParty]:
    """
    *count* States with no shared profile, half of them joining after the plan ended.

    Each has its own deposit day and role facts, as real registries grow over the years.
    ISO alpha-3 codes allow 17,576 States at most.
    """
    rng = random.Random(seed)
    states = []
    for index in range(count):
        late = index % 2 == 1
        first = datetime.date(2015, 9, 12) if late else datetime.date(2008, 12, 3)
        last = datetime.date(2030, 12, 31) if late else datetime.date(2015, 3, 1)
        deposited = first + datetime.timedelta(days=rng.randrange((last - first).days))
        eif = vap.entry_into_force(deposited)
        facts = []
        for role in (vap.Role.STOCKPILES, vap.Role.CONTAMINATED, vap.Role.VICTIMS):
            shape = rng.randrange(4)
            if shape == 1:
                facts.append(vap.RoleFact(role=role, value=vap.Truth.YES, sources="S"))
            elif shape == 2:
                facts.append(vap.RoleFact(role=role, value=vap.Truth.NO, sources="S"))
            elif shape == 3:
                change = eif + datetime.timedelta(days=rng.randrange(1, 4000))
                facts += [
                    vap.RoleFact(role=role, value=vap.Truth.YES, until=change, sources="S"),
                    vap.RoleFact(role=role, value=vap.Truth.NO, since=change, sources="S"),
                ]
        states.append(
            vap.StateParty(_code(index), f"State {index}", deposited=deposited, facts=facts)
        )
    return states


def records_for(schedule: vap.Schedule, seed: int) -> list[tuple[str, str, datetime.date, None]]:
    """A record for some dated items: on time, late or missing, as plain tuples."""
    rng = random.Random(seed)
    records = []
    for item in schedule:
        if item.due is not None and item.applies is vap.Truth.YES and rng.random() < 0.6:
            on = item.due + datetime.timedelta(days=rng.randrange(-90, 120))
            on = max(on, item.opens)
            if item.year is not None:
                on = max(on, datetime.date(item.year, 1, 1))
                on = min(on, datetime.date(item.year, 12, 31))
            records.append((item.state, item.key, on, None))
    return records


def progress_of(raw: list[tuple[str, str, datetime.date, None]]) -> vap.Progress:
    """The records of *raw*, as a user makes them: each `vap.Record` by its constructor."""
    return vap.Progress(vap.Record(s, k, on=on, source="bench") for s, k, on, _ in raw)


# --- the equal-work checks, made before anything is measured --------------------------------


def check_schedule(states: list[vap.StateParty]) -> list[tuple[Any, ...]]:
    """The plain loop's rows for *states*, asserted equal to the library's."""
    plan, obligations = vap.vientiane_action_plan(), vap.convention_obligations()
    expected = baselines.schedule_rows(states, plan, obligations)
    assert baselines.library_rows(vap.schedule(states)) == expected, "the baseline differs"
    return expected


def check_assess(
    schedule: vap.Schedule, records: list[tuple[str, str, datetime.date, None]]
) -> None:
    """The plain loop's statuses for *schedule* and *records*, asserted equal to the library's."""
    expected = baselines.assess_statuses(baselines.library_rows(schedule), records, AS_OF)
    found = vap.assess(schedule, progress_of(records), as_of=AS_OF)
    assert [row.status.value for row in found] == expected, "the baseline differs"


# --- fresh processes ------------------------------------------------------------------------

DEPS: Final = "import attrs, cattrs, pendulum"
"""What the first answer is compared with: importing the runtime dependencies."""
FIRST: Final = "import vap; vap.schedule(vap.states_parties()['LAO'])"
"""The first answer: one built-in State's schedule."""
CLI: Final = [str(Path(sys.executable).parent / "vap"), "schedule", "LAO"]
"""The same answer on the command line."""


def child_env() -> dict[str, str]:
    """This process's environment, letting a fresh process write bytecode as after install."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def compile_package() -> None:
    """Compile vap's bytecode, as ``pip install`` does, before fresh processes are measured."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "vap")],
        capture_output=True,
        check=True,
    )


# --- the benchmarks -------------------------------------------------------------------------


def bench_schedule(states_of: Callable[[], list[vap.StateParty]], repeat: int) -> dict[str, Any]:
    """`vap.schedule` against the plain loop that computes the same rows."""
    states = states_of()
    expected = check_schedule(states)
    inputs: list[tuple[list[vap.StateParty], vap.Plan, vap.ObligationSet]] = []

    def subject() -> object:
        # Fresh States and rules each time: a role fact keeps the reason it gives, and an
        # action its duties, so no repetition is served by the ones before.
        states, plan, obligations = inputs.pop()
        return vap.schedule(states, plan=plan, obligations=obligations)  # keeps all three

    def baseline() -> object:
        states, plan, obligations = inputs.pop()
        return states, plan, obligations, baselines.schedule_rows(states, plan, obligations)

    inputs.extend((states_of(), *fresh_rules()) for _ in range(2 * repeat))
    figures = paired(subject, baseline, repeat)
    return {**figures, "items": len(expected), "states": len(states)}


def bench_growth(sizes: tuple[int, ...], repeat: int) -> dict[str, Any]:
    """The library's cost per State as the number of distinct States grows."""
    per_state = {}
    for size in sizes:
        times = []
        for index in range(repeat):
            states = distinct_states(size, seed=index)
            plan, obligations = fresh_rules()
            gc.collect()
            start = time.perf_counter()
            vap.schedule(states, plan=plan, obligations=obligations)
            times.append((time.perf_counter() - start) / size)
        per_state[size] = statistics.median(times)
    return {
        "per_state_us": {size: round(cost * 1e6, 1) for size, cost in per_state.items()},
        "ratio": per_state[sizes[-1]] / per_state[sizes[0]],
    }


def bench_assess(repeat: int) -> dict[str, Any]:
    """`vap.assess` of a fresh schedule, records made from tuples, against the plain loop."""
    schedules = [vap.schedule(fresh_built_in()) for _ in range(2 * repeat + 1)]
    records = records_for(schedules[0], seed=1)
    rows = baselines.library_rows(schedules[0])
    check_assess(schedules.pop(), records)

    def subject() -> object:
        schedule = schedules.pop()
        return schedule, vap.assess(schedule, progress_of(records), as_of=AS_OF)

    def baseline() -> object:
        return baselines.assess_statuses(rows, list(records), AS_OF)

    return {**paired(subject, baseline, repeat), "records": len(records), "items": len(rows)}


def bench_json(repeat: int) -> dict[str, Any]:
    """`vap.dumps` and `vap.loads` of the built-in schedule against the C encoder and parser."""
    schedule = vap.schedule(vap.states_parties())
    text = vap.dumps(schedule)
    document = json.loads(text)
    assert json.loads(json.dumps(document)) == document
    assert vap.loads(text, vap.Schedule) == schedule

    def loads_cold() -> object:
        # The text and day checks remember what they accepted: emptied, so that no
        # repetition is served by the one before (each loads as a fresh process would).
        validators._SEEN_TEXT.clear()  # noqa: SLF001
        converter._DAYS.clear()  # noqa: SLF001
        return vap.loads(text, vap.Schedule)

    dumps = paired(lambda: vap.dumps(schedule), lambda: json.dumps(document), repeat)
    loads = paired(loads_cold, lambda: json.loads(text), repeat)
    result = {"dumps": dumps, "loads": loads, "kib": len(text) // 1024}
    try:
        import orjson  # noqa: PLC0415 - an optional extra, reported where installed
    except ImportError:
        return result
    result["orjson_dumps"] = paired(
        lambda: vap.dumps(schedule), lambda: orjson.dumps(document), repeat
    )
    result["orjson_loads"] = paired(loads_cold, lambda: orjson.loads(text), repeat)
    return result


def bench_memory(size: int) -> dict[str, Any]:
    """Bytes per item of a schedule against the same rows as plain tuples; one full GC."""
    states = distinct_states(size, seed=7)
    plan, obligations = vap.vientiane_action_plan(), vap.convention_obligations()
    gc.collect()
    tracemalloc.start()
    schedule = vap.schedule(states)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    start = time.perf_counter()
    gc.collect()
    collection = time.perf_counter() - start
    del schedule
    gc.collect()
    tracemalloc.start()
    rows = baselines.schedule_rows(states, plan, obligations)
    plain = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {
        "bytes_per_item": held / len(rows),
        "plain_bytes_per_item": plain / len(rows),
        "ratio": held / plain,
        "full_collection_s": collection,
        "items": len(rows),
    }


def _fresh(code: str) -> float:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import time; t = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=child_env(),
    )
    return float(result.stdout.split()[-1])


def _command(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True, env=child_env())
    return time.perf_counter() - start


def bench_first_answer(repeat: int) -> dict[str, Any]:
    """Fresh processes: the first schedule, and the command line, against the dependencies."""
    compile_package()
    python = [sys.executable, "-c", DEPS]
    return {
        "first": paired(lambda: _fresh(FIRST), lambda: _fresh(DEPS), repeat),
        "cli": paired(lambda: _command(CLI), lambda: _command(python), repeat),
    }


BUDGETS = {
    "first answer (fresh process) / importing attrs, cattrs, pendulum": 1.3,
    "`vap schedule LAO` / python importing the dependencies": 1.5,
    "schedule, built-in States / equal plain loop": 1.5,
    "schedule, 10,000 distinct States / equal plain loop": 1.5,
    "cost per State, 10,000 / 100 distinct States": 1.1,
    "assess a fresh schedule, records included / equal plain loop": 2.0,
    "memory per item / plain tuples": 1.5,
    "vap.dumps / json.dumps (C encoder)": 2.0,
    "vap.loads / json.loads (C parser)": 3.0,
}


def main() -> int:
    """Run the suite, print the table and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and sizes")
    quick = parser.parse_args().quick
    repeat = 3 if quick else 15  # the machine is noisy: medians of 9 moved by a tenth
    large = 1000 if quick else 10000
    first = bench_first_answer(5 if quick else 15)
    built_in = bench_schedule(fresh_built_in, repeat)
    distinct = bench_schedule(lambda: distinct_states(large, seed=random.randrange(10**6)), 5)
    growth = bench_growth((100, large), 3)
    assess = bench_assess(repeat)
    memory = bench_memory(1000 if quick else 10000)
    serial = bench_json(repeat)
    figures = {
        "first answer (fresh process) / importing attrs, cattrs, pendulum": first["first"],
        "`vap schedule LAO` / python importing the dependencies": first["cli"],
        "schedule, built-in States / equal plain loop": built_in,
        "schedule, 10,000 distinct States / equal plain loop": distinct,
        "cost per State, 10,000 / 100 distinct States": growth,
        "assess a fresh schedule, records included / equal plain loop": assess,
        "memory per item / plain tuples": memory,
        "vap.dumps / json.dumps (C encoder)": serial["dumps"],
        "vap.loads / json.loads (C parser)": serial["loads"],
    }
    print(f"{'figure':<66} {'ratio':>6} {'spread':>13} {'budget':>6}  met")
    for name, figure in figures.items():
        spread = f"{figure['low']:.2f}-{figure['high']:.2f}" if "low" in figure else ""
        met = "yes" if figure["ratio"] <= BUDGETS[name] else "NO"
        print(f"{name:<66} {figure['ratio']:>6.2f} {spread:>13} {BUDGETS[name]:>6}  {met}")
    for extra in ("orjson_dumps", "orjson_loads"):
        if extra in serial:
            print(
                f"{'vap ' + extra.split('_')[1] + ' / orjson':<66} {serial[extra]['ratio']:>6.2f}"
            )
    print(
        f"memory: {memory['bytes_per_item']:.0f} bytes per item against"
        f" {memory['plain_bytes_per_item']:.0f}; one full collection with the schedule alive:"
        f" {memory['full_collection_s'] * 1000:.0f} ms; growth per State (us):"
        f" {growth['per_state_us']}"
    )
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    results = {
        "date": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "figures": figures,
        "json": serial,
        "budgets": BUDGETS,
    }
    (out / "latest.json").write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
