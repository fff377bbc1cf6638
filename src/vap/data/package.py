"""
The built-in data as a Frictionless data package, for users of other tools.

``datapackage.json`` describes every packaged file: the tables' columns with their types and
constraints, and the foreign keys from each cited source to ``sources.csv``. `export`
writes the package to a folder (``vap data export DIR``); the test suite validates it with
the ``frictionless`` library.
"""

from __future__ import annotations

import json
import os
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Final

from vap.errors import VapError

__all__ = ["DESCRIPTOR", "export", "resource_paths"]

DESCRIPTOR: Final = "datapackage.json"


def resource_paths() -> tuple[str, ...]:
    """The files the package describes, as named in its descriptor."""
    descriptor = json.loads((files(__package__) / DESCRIPTOR).read_text(encoding="utf-8"))
    return tuple(resource["path"] for resource in descriptor["resources"])


def export(directory: str | os.PathLike[str]) -> tuple[Path, ...]:
    """
    Write the data package to *directory*: every file it describes, and the descriptor.

    Each file is written whole to a temporary name and then renamed, so a failure leaves
    no half-written file behind.

    Raises:
        VapError: if *directory* cannot be made or written to.
    """
    target = Path(directory)
    folder = files(__package__)
    written = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in (*resource_paths(), DESCRIPTOR):
            content = (folder / name).read_bytes()
            handle, temporary = tempfile.mkstemp(dir=target, prefix=f".{name}.")
            with os.fdopen(handle, "wb") as file:
                file.write(content)
            Path(temporary).replace(target / name)
            written.append(target / name)
    except OSError as error:
        raise VapError(
            f"cannot write the data package to {str(target)!r}: {error.strerror}"
        ) from None
    return tuple(written)
