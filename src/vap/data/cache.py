"""
The built-in data, ready to use: a pickle of what the loaders make from the packaged files.

Loading the plan and the States from their JSON and CSV tables costs a quarter of a second;
unpickling the same values costs a few milliseconds. ``built-in.pickle`` holds each value
pickled on its own, with the digest of the files they were made from, so that a process
unpickles only the values it asks for (the first schedule needs neither the reporting
record nor the signatories). It is used only when the digest matches the files shipped
beside it, and any failure to read it falls back to the loaders, so the cache can never
change an answer. A test checks that it is current and equal to what the loaders make;
``make data`` (``python -m vap.data.cache``) writes it after a data change.
"""

from __future__ import annotations

import pickle
import zlib
from os import PathLike
from typing import Any, Final

from vap.data import packaged

__all__ = ["SOURCES", "digest", "read", "value", "write"]

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


def read(path: str | PathLike[str] | None = None) -> dict[str, bytes] | None:
    """
    Each cached value by name, still pickled (`value` unpickles one).

    ``None`` when the cache is missing, stale or unreadable.
    """
    try:
        with open(path or packaged(_FILE), "rb") as file:  # noqa: PTH123 - a plain path
            cached = pickle.load(file)  # noqa: S301 - the package's own file, checked below
    except Exception:  # noqa: BLE001 - any failure means: load from the files instead
        return None
    if not isinstance(cached, dict) or cached.get("digest") != digest():
        return None
    values = cached.get("values")
    if not isinstance(values, dict):
        return None
    return values


def value(pickled: bytes) -> Any:
    """One cached value, unpickled; ``None`` if it cannot be (then load from the files)."""
    try:
        return pickle.loads(pickled)  # noqa: S301 - a part of the package's own file
    except Exception:  # noqa: BLE001 - any failure means: load from the files instead
        return None


def write() -> None:
    """Make the cache afresh from the files, through the loaders (``make data``)."""
    from vap.data import load_from_files  # noqa: PLC0415 - the loaders, not the cache

    values = {
        name: pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
        for name, made in load_from_files().items()
    }
    with open(packaged(_FILE), "wb") as file:  # noqa: PTH123 - a plain path
        pickle.dump({"digest": digest(), "values": values}, file, protocol=pickle.HIGHEST_PROTOCOL)


if __name__ == "__main__":  # pragma: no cover - make data
    write()
