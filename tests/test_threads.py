"""Values are immutable and the caches are safe: many threads, one answer."""

from __future__ import annotations

import gc
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import vap


def test_eight_threads_schedule_all_states_identically():
    states = vap.states_parties()
    with ThreadPoolExecutor(max_workers=8) as pool:
        schedules = list(pool.map(lambda _: vap.schedule(states), range(8)))
    assert all(schedule == schedules[0] for schedule in schedules)
    assert schedules[0].codes == tuple(sorted(states))


def test_the_first_load_from_many_threads_loads_once():
    code = """
import threading, vap, vap.data
from concurrent.futures import ThreadPoolExecutor
barrier = threading.Barrier(8)
def load(_):
    barrier.wait()
    return vap.states_parties(), vap.vientiane_action_plan()
with ThreadPoolExecutor(8) as pool:
    results = list(pool.map(load, range(8)))
assert all(states is results[0][0] and plan is results[0][1] for states, plan in results)
print("ok")
"""
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_the_garbage_collector_is_left_as_it_was():
    lao = vap.states_parties()["LAO"]
    assert gc.isenabled()
    vap.schedule(lao)
    assert gc.isenabled()
    gc.disable()
    try:
        vap.schedule(lao)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_restart_the_collector_once_the_last_ends():
    from vap.engine.collector import collector_paused  # noqa: PLC0415

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still runs
    assert gc.isenabled()


def test_sixteen_threads_leave_the_collector_running():
    states = vap.states_parties()
    with ThreadPoolExecutor(max_workers=16) as pool:
        counts = set(pool.map(lambda _: len(vap.schedule(states)), range(16)))
    assert len(counts) == 1
    assert gc.isenabled()
