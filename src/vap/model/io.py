"""Where documents come from: the type every loader accepts."""

from __future__ import annotations

import os
from typing import IO, TypeAlias

__all__ = ["Source"]

Source: TypeAlias = str | os.PathLike[str] | IO[str] | IO[bytes]
"""Where a document comes from: a path, or an open file in text or binary mode."""
