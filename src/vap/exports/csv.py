"""
CSV that is safe to open in a spreadsheet.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would run as a
formula; such cells get a leading apostrophe, as OWASP's CSV injection guidance
recommends, and every cell is quoted.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any, cast

from vap.errors import ValidationError
from vap.formats.documents import write_file

__all__ = ["neutralise", "write_csv"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def neutralise(cell: str) -> str:
    """
    Return *cell* with a leading apostrophe if a spreadsheet would run it as a formula.

    As the OWASP guidance on CSV injection says: a cell that begins with ``=``, ``+``,
    ``-``, ``@``, a tab, a carriage return (here also a line feed or a NUL) is prefixed.
    """
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(str(value))


def write_csv(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    target: str | os.PathLike[str] | IO[str] | None,
) -> str | None:
    """
    Write *rows* as CSV with a header, to a path or an open text file.

    Returns the CSV text when *target* is ``None``, else ``None``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([neutralise(column) for column in columns])
    writer.writerows([_cell(row[column]) for column in columns] for row in rows)
    text = buffer.getvalue()
    if target is None:
        return text
    sink: object = target  # whatever the caller passed, checked here
    if isinstance(sink, str | os.PathLike):
        if not os.fspath(sink):
            raise ValidationError("to_csv() takes a path to write to, not an empty one")
        write_file(sink, text)
    elif isinstance(sink, io.BufferedIOBase | io.RawIOBase) or not callable(
        getattr(sink, "write", None)
    ):
        raise ValidationError(f"to_csv() writes to a path or an open text file, not {sink!r}")
    else:
        cast("IO[str]", sink).write(text)
    return None
