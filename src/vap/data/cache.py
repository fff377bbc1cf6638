"""
The built-in data, ready to use: a pickle of what the loaders make from the packaged files.

Loading the plan and the States from their JSON and CSV tables costs a quarter of a second;
unpickling the same values costs a few milliseconds. ``built-in.pickle`` holds them with
the digest of the files they were made from: it is used only when that digest matches the
files shipped beside it, and any failure to read it falls back to the loaders, so the
cache can never change an answer. A test checks that it is current and equal to what the
loaders make; ``make data`` (``python -m vap.data.cache``) writes it after a data change.
"""

from __future__ import annotations

import pickle
import zlib
from os import PathLike
from typing import Any, Final

from vap.data import packaged

__all__ = ["SOURCES", "digest", "read", "write"]

SOURCES: Final = (
    "ccm-meetings.csv",
    "ccm-obligations.json",
    "extensions.csv",
    "reports.csv",
    "role-evidence.csv",
    "role-lists.csv",
    "signatories.csv",
    "sources.csv",
    "states-parties.csv",
    "vientiane-action-plan.json",
)
"""The packaged files the cached values are made from."""

_FILE: Final = "built-in.pickle"


def digest() -> str:
    """
    The CRC-32 and size of each packaged data file, in a fixed order.

    It tells a cache made from other files (an edit without ``make data``); it is no
    defence against tampering, which the package's own files do not need. CRC-32 runs in
    C without importing a hashing library, which a fresh process would pay for.
    """
    parts = []
    for name in SOURCES:
        with open(packaged(name), "rb") as file:  # noqa: PTH123 - a plain path
            data = file.read()
        parts.append(f"{name}:{len(data)}:{zlib.crc32(data):08x}")
    return ";".join(parts)


def read(path: str | PathLike[str] | None = None) -> dict[str, Any] | None:
    """The cached values, or ``None`` when the cache is missing, stale or unreadable."""
    try:
        with open(path or packaged(_FILE), "rb") as file:  # noqa: PTH123 - a plain path
            cached = pickle.load(file)  # noqa: S301 - the package's own file, checked below
    except Exception:  # noqa: BLE001 - any failure means: load from the files instead
        return None
    if not isinstance(cached, dict) or cached.get("digest") != digest():
        return None
    return cached


def write() -> None:
    """Make the cache afresh from the files, through the loaders (``make data``)."""
    from vap.data import load_from_files  # noqa: PLC0415 - the loaders, not the cache

    values = {"digest": digest(), **load_from_files()}
    with open(packaged(_FILE), "wb") as file:  # noqa: PTH123 - a plain path
        pickle.dump(values, file, protocol=pickle.HIGHEST_PROTOCOL)


if __name__ == "__main__":  # pragma: no cover - make data
    write()
