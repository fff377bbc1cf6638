"""Making many small values at once."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """
    Pause Python's cyclic garbage collector while many values are made, if it is running.

    Schedules and assessments make hundreds of thousands of small objects and no reference
    cycles; the collector would traverse every one of them again and again as the heap
    grows, which nearly doubles the cost per State at 10,000 States (see the benchmarks).
    Reference counting still frees everything. The collector is restarted only if it was
    running, so a caller who turned it off keeps it off.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
