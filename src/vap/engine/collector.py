"""Making many small values at once."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]

_lock = threading.Lock()
_pauses = 0
_restart = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """
    Pause Python's cyclic garbage collector while many values are made, if it is running.

    Schedules and assessments make hundreds of thousands of small objects and no reference
    cycles; the collector would traverse every one of them again and again as the heap
    grows, which nearly doubles the cost per State at 10,000 States (see the benchmarks).
    Reference counting still frees everything.

    The collector is one per process, so pauses are counted across threads: the first to
    begin notes whether the collector was running and turns it off; the last to end turns
    it back on only if it was running then. A caller who turned it off before keeps it
    off. A `gc.disable` made by another thread while a pause lasts is undone when the last
    pause ends (Python cannot tell it apart from the pause itself).
    """
    global _pauses, _restart  # noqa: PLW0603 - one collector per process
    with _lock:
        if _pauses == 0:
            _restart = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _restart:
                gc.enable()
