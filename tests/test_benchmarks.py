"""
The benchmarks' plain baselines compute what the library computes.

`benchmarks/run.py` asserts it before timing; these tests keep it true between runs, on the
built-in States and on generated ones (distinct States, half joining after the plan ended,
as the benchmark makes them).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vap

# The baselines and the inputs the benchmark makes live in its own folder, not a package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import baselines
import run

PLAN = vap.vientiane_action_plan()
OBLIGATIONS = vap.convention_obligations()


def test_the_schedule_baseline_gives_the_items_of_the_built_in_states():
    states = list(vap.states_parties().values())
    rows = baselines.schedule_rows(states, PLAN, OBLIGATIONS)
    assert baselines.library_rows(vap.schedule(states)) == rows
    assert len(rows) > 10_000


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_the_schedule_baseline_gives_the_items_of_distinct_states(seed):
    states = run.distinct_states(40, seed=seed)
    assert any(state.entry_into_force > PLAN.superseded for state in states)
    expected = baselines.schedule_rows(states, PLAN, OBLIGATIONS)
    assert baselines.library_rows(vap.schedule(states)) == expected


def test_each_repetition_gets_rules_with_nothing_kept_on_them():
    plan, obligations = run.fresh_rules()
    assert (plan, obligations) == (PLAN, OBLIGATIONS)
    assert plan is not PLAN
    assert all(a is not b for a, b in zip(plan, PLAN, strict=True))
    assert all(a is not b for a, b in zip(obligations, OBLIGATIONS, strict=True))
    states = run.fresh_built_in()
    expected = baselines.schedule_rows(states, plan, obligations)
    made = vap.schedule(states, plan=plan, obligations=obligations)
    assert baselines.library_rows(made) == expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_assessment_baseline_gives_the_statuses_of_the_library(seed):
    schedule = vap.schedule(vap.states_parties())
    run.check_assess(schedule, run.records_for(schedule, seed=seed))  # asserts the equality


def test_the_instruction_counts_compare_equal_work():
    # `benchmarks/instructions.py` counts the same comparisons under valgrind: its check
    # holds, and each side of each figure prepares and does its work.
    import instructions  # noqa: PLC0415 - imports run.py's inputs, as the script does

    instructions.check()
    for figure in instructions.WORK:
        for side in ("subject", "baseline"):
            instructions.drive(figure, side, work=True)


def test_instruction_counts_are_summarised_over_seeds_like_timings():
    import instructions  # noqa: PLC0415 - imports run.py's inputs, as the script does

    summary = instructions.summary([(300, 100), (200, 100), (250, 200)])
    assert summary == {
        "subject": 250,
        "baseline": 100,
        "ratio": 2.0,
        "low": 1.25,
        "high": 3.0,
    }
