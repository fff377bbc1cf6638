"""
The comparisons of `run.py`, counted in machine instructions instead of seconds.

On a shared machine the clock moves by a tenth or more between runs, which decides a
figure near its budget by chance and hides a change of a few percent. Valgrind counts the
instructions a process runs (cachegrind, its cache simulation off). For one seed of
Python's string hashing the count repeats to a few hundred instructions; across seeds it
moves, now and then by several percent (the seed decides where dictionaries collide and
when the collector runs), so each figure is counted under a few fixed seeds
(``PYTHONHASHSEED`` 0, 1, 2...) and given as the median with its spread, like a timing.
A count is not time: it weighs an instruction that waits on memory like one that does
not, so these figures stand beside the timed ones, never in their place. Run with
``make bench-instructions`` (needs valgrind; about ten minutes).

Each figure runs a driver under valgrind twice, once preparing its inputs and once
preparing them and doing the work: the difference is the work. Inputs and baselines are
those of `run.py`, and each baseline is checked to give the library's output first.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import baselines
import run

import vap

HERE = Path(__file__).parent
DISTINCT = 1000
SEEDS = 3
"""How many hash seeds each figure is counted under."""


def _schedule_work(
    states_of: Callable[[], list[vap.StateParty]],
) -> dict[str, Callable[[], Callable[[], object]]]:
    """The library's schedule and the plain loop, each prepared on States of its own."""
    plan, obligations = vap.vientiane_action_plan(), vap.convention_obligations()

    def subject() -> Callable[[], object]:
        states = states_of()
        return lambda: vap.schedule(states)

    def baseline() -> Callable[[], object]:
        states = states_of()
        return lambda: baselines.schedule_rows(states, plan, obligations)

    return {"subject": subject, "baseline": baseline}


def _assess_work() -> dict[str, Callable[[], Callable[[], object]]]:
    """`vap.assess` of a fresh schedule, records made from tuples, and the plain loop."""

    def subject() -> Callable[[], object]:
        schedule = vap.schedule(run.fresh_built_in())
        records = run.records_for(schedule, seed=1)
        return lambda: vap.assess(schedule, run.progress_of(records), as_of=run.AS_OF)

    def baseline() -> Callable[[], object]:
        schedule = vap.schedule(run.fresh_built_in())
        records = run.records_for(schedule, seed=1)
        rows = baselines.library_rows(schedule)
        return lambda: baselines.assess_statuses(rows, list(records), run.AS_OF)

    return {"subject": subject, "baseline": baseline}


WORK = {
    "schedule, built-in States / equal plain loop": lambda: _schedule_work(run.fresh_built_in),
    f"schedule, {DISTINCT:,} distinct States / equal plain loop": lambda: _schedule_work(
        lambda: run.distinct_states(DISTINCT, seed=1)
    ),
    "assess a fresh schedule, records included / equal plain loop": _assess_work,
}

FRESH = {
    # figure: (subject, baseline, whether the bare interpreter's start is taken off both)
    "first answer (fresh process) / importing attrs, cattrs, pendulum": (
        [sys.executable, "-c", run.FIRST],
        [sys.executable, "-c", run.DEPS],
        True,
    ),
    "`vap schedule LAO` / python importing the dependencies": (
        run.CLI,
        [sys.executable, "-c", run.DEPS],
        False,
    ),
}


def check() -> None:
    """Each baseline gives the library's output on the inputs counted (as `run.py` asserts)."""
    run.check_schedule(run.fresh_built_in())
    run.check_schedule(run.distinct_states(DISTINCT, seed=1))
    schedule = vap.schedule(run.fresh_built_in())
    run.check_assess(schedule, run.records_for(schedule, seed=1))


def count(argv: list[str], seed: int) -> int:
    """The instructions *argv* runs, by valgrind, with string hashing seeded by *seed*."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            *argv,
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**run.child_env(), "PYTHONHASHSEED": str(seed)},
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{result.stderr}")
    return int(found.group(1).replace(",", ""))


def drive(figure: str, side: str, *, work: bool) -> None:
    """
    Prepare one side of *figure*, and do its work if *work* (run under valgrind).

    A full collection after preparing starts the work with the collector's counts at
    zero, as `run.py` collects before each timing: where the work meets a collection then
    depends on the work alone, not on how much the preparing made. Neither run pays for
    freeing what it made, as neither side of a timing does: `finish` ends the process at
    once.
    """
    do = WORK[figure]()[side]()
    gc.collect()
    if work:
        do()


def finish() -> None:
    """End the driver's process without freeing what it made (counted on both runs alike)."""
    sys.stdout.flush()
    os._exit(0)


def summary(counts: list[tuple[int, int]]) -> dict[str, float]:
    """The median subject and baseline counts over the seeds, and the ratio's median and spread."""
    ratios = [subject / baseline for subject, baseline in counts]
    return {
        "subject": statistics.median(subject for subject, _ in counts),
        "baseline": statistics.median(baseline for _, baseline in counts),
        "ratio": statistics.median(ratios),
        "low": min(ratios),
        "high": max(ratios),
    }


def measure(figure: str, seeds: int) -> dict[str, float]:
    """Instructions of the work on each side of *figure* under each seed, summarised."""
    counts = []
    for seed in range(seeds):
        found = []
        for side in ("subject", "baseline"):
            argv = [sys.executable, __file__, "--drive", figure, side]
            found.append(count([*argv, "work"], seed) - count([*argv, "prepare"], seed))
        counts.append((found[0], found[1]))
    return summary(counts)


def measure_fresh(
    subject: list[str], baseline: list[str], *, bare: bool, seeds: int
) -> dict[str, float]:
    """Instructions of two whole processes (less the bare interpreter's, if *bare*)."""
    counts = []
    for seed in range(seeds):
        start = count([sys.executable, "-c", "pass"], seed) if bare else 0
        counts.append((count(subject, seed) - start, count(baseline, seed) - start))
    return summary(counts)


def main() -> int:
    """Count every figure, print the table and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--drive", nargs=3, metavar=("FIGURE", "SIDE", "PHASE"), help="internal")
    parser.add_argument(
        "--seeds", type=int, default=SEEDS, help=f"hash seeds per figure (default {SEEDS})"
    )
    arguments = parser.parse_args()
    driven = arguments.drive
    if driven:
        figure, side, phase = driven
        drive(figure, side, work=phase == "work")
        finish()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: no instruction counts")
        return 0
    run.compile_package()
    check()
    seeds = arguments.seeds
    figures = {
        name: measure_fresh(subject, baseline, bare=bare, seeds=seeds)
        for name, (subject, baseline, bare) in FRESH.items()
    }
    figures.update((name, measure(name, seeds)) for name in WORK)
    print(f"{'figure (instructions)':<66} {'ratio':>6} {'spread':>11} {'budget':>6}")
    for name, figure in figures.items():
        budget = run.BUDGETS.get(name.replace(f"{DISTINCT:,}", "10,000"), "")
        spread = f"{figure['low']:.2f}-{figure['high']:.2f}"
        print(f"{name:<66} {figure['ratio']:>6.2f} {spread:>11} {budget:>6}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    results = {
        "date": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
        "seeds": seeds,
        "figures": figures,
    }
    (out / "instructions.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
