"""
Reading documents: JSON with a format line, and CSV tables with typed columns.

Both report every problem at once, each with its place (``$.actions[3].key`` or
``line 14, column 'deposited'``), and load nothing when anything is wrong.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final, TypeAlias, TypeVar

import cattrs

from vap.errors import FormatError, VapError
from vap.formats.converter import parse_json, structure
from vap.model.dates import parse_date
from vap.model.io import Source
from vap.model.validators import repeated

__all__ = [
    "FORMAT_KEY",
    "LIST_VALUED",
    "MAX_BYTES",
    "Column",
    "Source",
    "check_format",
    "date",
    "format_name",
    "format_of",
    "optional",
    "read_json_document",
    "read_table",
    "read_text",
    "required_text",
    "sources",
    "text",
    "write_file",
]

FORMAT_KEY: Final = "format"
"""The key of every JSON document's format line, ``"format": "vap.plan/1"``."""

FORMAT_VERSION: Final = 1

T = TypeVar("T")


def format_name(document: str) -> str:
    """Return the format line's value for a kind of document: ``"vap.plan/1"``."""
    return f"vap.{document}/{FORMAT_VERSION}"


def format_of(
    source: Source, given: str | None, known: tuple[str, ...], default: str | None = None
) -> str:
    """
    Return the format to read *source* in: *given*, or the path's suffix (any case).

    Where neither tells (an open file, a suffix that names no known format), *default*.

    Raises:
        FormatError: for a format not in *known*, or none given where none can be told.
    """
    expected = " or ".join(repr(kind) for kind in known)
    if given is None:
        suffix = None
        if isinstance(source, str | os.PathLike):
            suffix = os.path.splitext(os.fspath(source))[1].lstrip(".").lower()  # noqa: PTH122
        if suffix in known:
            return suffix
        if default is not None:
            return default
        if suffix is None:
            raise FormatError(f"format= is needed for an open file: expected {expected}")
        given = suffix
    if given not in known:
        raise FormatError(f"unknown format {given!r}: expected {expected}")
    return given


MAX_BYTES: Final = 256 * 1024 * 1024
"""The largest file a loader reads (256 MiB), checked before reading."""


def _too_large(name: str) -> FormatError:
    return FormatError(
        f"cannot read {name}: larger than {MAX_BYTES // 2**20} MiB, the most a loader reads"
    )


def _read_path(path: str | os.PathLike[str], name: str) -> bytes:
    """The bytes of the regular file at *path*, up to one past `MAX_BYTES`."""
    try:
        found = os.stat(path)  # noqa: PTH116 - str and PathLike alike
    except OSError as error:
        raise FormatError(f"cannot read {name}: {error.strerror}") from None
    except ValueError:  # a NUL in the path, which no file name holds
        raise FormatError(f"cannot read {name}: a path cannot hold a NUL character") from None
    if not stat.S_ISREG(found.st_mode):
        raise FormatError(f"cannot read {name}: not a regular file")
    if found.st_size > MAX_BYTES:
        raise _too_large(name)
    try:
        with open(path, "rb") as file:  # noqa: PTH123 - str and PathLike alike
            return file.read(MAX_BYTES + 1)
    except OSError as error:
        raise FormatError(f"cannot read {name}: {error.strerror}") from None


def read_text(source: Source) -> str | bytes:
    """
    Return the content of *source*: a path to a regular file, or an open file.

    Files larger than `MAX_BYTES` are refused before they are read; a path must name a
    regular file (not a directory, a device or a pipe, which could block or never end).

    Raises:
        FormatError: if the file cannot be read, is not a regular file or is too large.
    """
    if isinstance(source, str | os.PathLike):
        name = repr(os.fspath(source))
        content: str | bytes = _read_path(source, name)
    elif hasattr(source, "read"):
        name = "the open file"
        try:
            content = source.read(MAX_BYTES + 1)
        except (OSError, ValueError) as error:  # ValueError: a closed file
            raise FormatError(f"cannot read {name}: {error}") from None
        if not isinstance(content, str | bytes):
            raise FormatError(f"expected a path or an open file, got {type(source).__name__}")
    else:
        raise FormatError(f"expected a path or an open file, got {type(source).__name__}")
    if len(content) > MAX_BYTES:
        raise _too_large(name)
    return content


def write_file(path: str | os.PathLike[str], content: str | bytes) -> None:
    """
    Write *content* (text as UTF-8) to *path* all at once, or not at all.

    The content goes to a temporary file beside *path*, renamed over it when complete: a
    failure leaves the file that was there intact.

    Raises:
        FormatError: if the file cannot be written.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    target = Path(path)
    try:
        handle, name = tempfile.mkstemp(dir=target.absolute().parent, prefix=".vap-", suffix=".tmp")
    except OSError as error:
        raise FormatError(f"cannot write {os.fspath(path)!r}: {error.strerror}") from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        temporary.replace(target)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise FormatError(f"cannot write {os.fspath(path)!r}: {error.strerror}") from None
        raise


def check_format(document: Any, document_kind: str) -> dict[str, Any]:
    """
    Return *document* without its format line, checking that it names *document_kind*.

    Raises:
        FormatError: if the document is not an object or its format line is missing or wrong.
    """
    expected = format_name(document_kind)
    if not isinstance(document, dict):
        raise FormatError(f"invalid {document_kind} document: expected a JSON object")
    given = document.get(FORMAT_KEY)
    if given != expected:
        shown = "missing" if given is None else repr(given)
        raise FormatError(
            f"invalid {document_kind} document: {FORMAT_KEY} is {shown}, expected {expected!r}"
        )
    return {key: value for key, value in document.items() if key != FORMAT_KEY}


LIST_VALUED: Final[Mapping[str, str]] = {"calendar": "meetings"}
"""Document kinds whose value is an array, kept under this key in the document."""


def read_json_document(
    text: str | bytes,
    kind: type[T],
    document_kind: str,
    *,
    conv: cattrs.Converter | None = None,
    defaults: Mapping[str, Callable[[], Any]] | None = None,
) -> T:
    """
    Parse *text* as a *document_kind* JSON document and structure it as *kind*.

    *defaults* gives values, made on demand, for keys the document may leave out.

    Raises:
        FormatError: listing every problem, each with its path.
    """
    data: Any = check_format(parse_json(text), document_kind)
    listed = LIST_VALUED.get(document_kind)
    if listed is not None:
        if set(data) != {listed}:
            raise FormatError(f"invalid {document_kind} document: expected the one key {listed!r}")
        data = data[listed]
    for key, make in (defaults or {}).items():
        if key not in data:
            data[key] = make()
    return structure(data, kind, what=f"{document_kind} document", conv=conv)


Column: TypeAlias = Callable[[str], Any]
"""Parses one CSV cell, raising `vap.VapError` with a message for a bad value."""


def optional(parse: Column) -> Column:
    """A column that may be blank (giving ``None``)."""
    return lambda cell: None if cell.strip() == "" else parse(cell.strip())


def required_text(cell: str) -> str:
    """A column that must not be blank."""
    if not cell.strip():
        raise VapError("must not be blank")
    return cell.strip()


def text(cell: str) -> str:
    """A free-text column, blank allowed."""
    return cell.strip()


def sources(cell: str) -> tuple[str, ...]:
    """A column of source keys or addresses separated by semicolons."""
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def date(cell: str) -> Any:
    """A ``YYYY-MM-DD`` date column."""
    return parse_date(cell.strip())


def _decoded(content: str | bytes, what: str) -> str:
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FormatError(
                f"invalid {what}: not UTF-8 text (byte {error.start} is"
                f" {content[error.start]:#04x})"
            ) from None
    return content.removeprefix("\ufeff")


def _header_problems(
    names: list[str], columns: Mapping[str, Column], required: frozenset[str]
) -> list[str]:
    unknown = [name for name in names if name not in columns]
    missing = sorted(required - set(names))
    twice = repeated(names)
    return [
        f"line 1: {problem} columns {', '.join(map(repr, found))}"
        for problem, found in (("unknown", unknown), ("missing", missing), ("repeated", twice))
        if found
    ]


def read_table(
    source: Source,
    columns: Mapping[str, Column],
    *,
    required: frozenset[str],
    what: str,
) -> list[tuple[int, dict[str, Any]]]:
    """
    Read a CSV table with a header row and parse every cell by its column.

    Returns ``(line, row)`` pairs. Columns not in *required* may be absent; unknown
    columns are refused.

    Raises:
        FormatError: listing every bad cell as ``line N, column 'name': message``.
    """
    reader = csv.reader(io.StringIO(_decoded(read_text(source), what), newline=""), strict=True)
    rows: list[tuple[int, dict[str, Any]]] = []
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise FormatError(f"invalid {what}: the file is empty, expected a header row")
        names = [cell.strip() for cell in header]
        problems = _header_problems(names, columns, required)
        if problems:
            raise FormatError(f"invalid {what}", problems)
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(names):
                problems.append(
                    f"line {reader.line_num}: {len(cells)} cells, expected {len(names)}"
                )
                continue
            row: dict[str, Any] = {}
            for name, cell in zip(names, cells, strict=True):
                try:
                    row[name] = columns[name](cell)
                except VapError as error:
                    problems.append(f"line {reader.line_num}, column {name!r}: {error.message}")
            rows.append((reader.line_num, row))
    except csv.Error as error:
        raise FormatError(f"invalid {what}: {error} at line {reader.line_num}") from None
    if problems:
        raise FormatError(f"invalid {what}", problems)
    return rows
