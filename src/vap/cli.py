"""
The ``vap`` command line: schedules, actions, explanations and assessments in a terminal.

Every error caused by bad input prints one line (or one line per problem of a file) on
standard error and exits with status 1; a bad command line exits with status 2. No
traceback reaches the user.

The ``vap`` process (`run`) is one command: it makes many values, no reference cycles worth
collecting, and ends. So the cyclic garbage collector is off for the whole process, imports
of the model and the built-in data included (they are imported when a command needs them,
not with this module); reference counting frees what is freed.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import IO, NoReturn

import vap
from vap.errors import VapError

__all__ = ["main", "run"]

_WIDEST_TITLE = 58


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, pointing at ``--help``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    """``--version``: the installed version, read from the package metadata only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        sys.stdout.write(f"vap {vap.__version__}\n")
        parser.exit()


def _date(text: str) -> datetime.date:
    from vap.model.dates import parse_date  # noqa: PLC0415 - when a command needs it (module docstring)

    try:
        return parse_date(text)
    except VapError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _days(text: str) -> int:
    """
    A number of days for ``--due-soon``: a whole number from 0 up.

    At most the span of the supported years, the longest warning period that keeps every
    day it reaches in them.
    """
    from vap.model.dates import FIRST_DAY, LAST_DAY  # noqa: PLC0415 - as in _date

    most = (LAST_DAY - FIRST_DAY).days
    if not text.isascii() or not text.isdigit() or int(text) > most:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of days from 0 to {most}, not {text!r}"
        )
    return int(text)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Rows aligned in columns for a terminal, long cells shortened with an ellipsis."""
    cells = [
        [cell if len(cell) <= _WIDEST_TITLE else cell[: _WIDEST_TITLE - 1] + "…" for cell in row]
        for row in rows
    ]
    widths = [
        max([len(header), *(len(row[i]) for row in cells)]) for i, header in enumerate(headers)
    ]
    header = "  ".join(name.ljust(width) for name, width in zip(headers, widths, strict=True))
    lines = [header.rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines.extend(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    )
    return "\n".join(lines)


_CONTROL = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """*text* safe for a terminal: control characters (escape sequences) shown escaped."""
    return _CONTROL.sub(lambda found: repr(found.group())[1:-1], text)


def _write(arguments: argparse.Namespace, output: str | bytes) -> None:
    """Write *output* to ``--output`` (all at once, or not at all) or to the terminal."""
    target = getattr(arguments, "output", None)
    if target is not None:
        from vap.formats.documents import write_file  # noqa: PLC0415 - only for --output

        write_file(target, output)
        return
    if isinstance(output, bytes):
        sys.stdout.buffer.write(output)
    else:
        text = _printable(output)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _states(codes: Sequence[str]) -> list[vap.StateParty]:
    registry = vap.states_parties()
    return [registry[code.upper()] for code in codes]


def _schedule(arguments: argparse.Namespace) -> vap.Schedule:
    return vap.schedule(_states(arguments.states), until=arguments.until)


def _schedule_table(schedule: vap.Schedule) -> str:
    rows = [
        (
            item.state,
            item.key if item.year is None else f"{item.key}/{item.year}",
            str(item.opens),
            str(item.due) if item.due else "-",
            item.applies.value,
            item.title,
        )
        for item in schedule
    ]
    return _table(("state", "key", "opens", "due", "applies", "title"), rows)


def _run_schedule(arguments: argparse.Namespace) -> None:
    schedule = _schedule(arguments)
    if arguments.applies:
        wanted = {vap.Truth(value) for value in arguments.applies}
        schedule = schedule.filter(lambda item: item.applies in wanted)
    formats: dict[str, Callable[[vap.Schedule], str | bytes | None]] = {
        "table": _schedule_table,
        "json": lambda schedule: vap.dumps(schedule),  # noqa: PLW0108 - loads JSON only if asked
        "csv": lambda schedule: schedule.to_csv(),
        "ics": lambda schedule: schedule.to_ical(),
    }
    _write(arguments, formats[arguments.format](schedule) or "")


def _run_actions(arguments: argparse.Namespace) -> None:
    plan = vap.vientiane_action_plan()
    actions = plan.filter(section=arguments.section, role=arguments.role)
    if arguments.applies_to is None:
        if arguments.on is not None:
            raise VapError("--on needs --applies-to, the State to ask about (such as LAO)")
        rows: list[tuple[str, ...]] = [
            (a.key, a.section.number, str(a.addressee), a.title) for a in actions
        ]
        _write(arguments, _table(("key", "section", "addressed to", "title"), rows))
        return
    if arguments.on is None:
        raise VapError("--applies-to needs --on, the day to ask about (YYYY-MM-DD)")
    (state,) = _states([arguments.applies_to])
    on = arguments.on
    results = [action.applicability(state, on=on) for action in actions]
    rows = [(r.key, r.applies.value, str(r.reasons[-1])) for r in results]
    _write(arguments, _table(("key", "applies", f"why, for {state.code} on {on}"), rows))


def _run_explain(arguments: argparse.Namespace) -> None:
    schedule = _schedule(arguments)
    code = arguments.states[0].upper()
    _write(arguments, str(schedule.explain(arguments.key, state=code, on=arguments.on)))


def _until(arguments: argparse.Namespace) -> datetime.date | None:
    """
    The last day an assessment's schedule covers.

    ``--until``, else the plan's end or, if later, the end of the warning period after the
    day of assessment (yearly reports are owed after the plan ends too).
    """
    until: datetime.date | None = arguments.until
    if until is not None:
        return until
    from vap.model.dates import LAST_DAY  # noqa: PLC0415 - as in _date

    superseded = vap.vientiane_action_plan().superseded
    days = min(arguments.due_soon, (LAST_DAY - arguments.as_of).days)  # no day past LAST_DAY
    horizon = arguments.as_of + datetime.timedelta(days=days)
    return horizon if superseded is not None and horizon >= superseded else None


def _run_assess(arguments: argparse.Namespace) -> None:
    if arguments.published:
        progress, name = vap.reports(), "the published record"
        recorded = sorted({record.key for record in progress})  # before --states narrows it
    else:
        progress, name = vap.load_progress(arguments.progress), arguments.progress
        recorded = []
    if arguments.states:
        wanted = {code.upper() for code in arguments.states}
        progress = vap.Progress(record for record in progress if record.state in wanted)
        codes = arguments.states
    elif arguments.published:  # a State with no record is one the record says nothing of
        codes = list(vap.states_parties().keys())
    else:
        codes = sorted({record.state for record in progress})
    if not codes:
        raise VapError(f"{name} holds no records: name the States with --states")
    schedule = vap.schedule(_states(codes), until=_until(arguments))
    keys = arguments.keys or recorded
    if keys:
        for key in keys:
            try:
                schedule.for_key(key)
            except VapError:
                raise VapError(
                    f"unknown key {key!r} (--keys): expected a step, action or obligation"
                    " such as VAP-21, VAP-21.1 or CCM-7.1"
                ) from None
        kept = {id(record): record for key in keys for record in progress.for_key(key)}
        progress = vap.Progress(kept.values())
        schedule = schedule.filter(lambda item: item.key in keys or item.obligation in keys)
    assessment = vap.assess(
        schedule,
        progress,
        as_of=arguments.as_of,
        due_soon=datetime.timedelta(days=arguments.due_soon),
    )
    if arguments.format == "json":
        _write(arguments, vap.dumps(assessment))
    elif arguments.format == "csv":
        _write(arguments, assessment.to_csv() or "")
    else:
        rows = [
            (row.state, row.uid.split("/", 1)[1], str(row.due or "-"), row.status.value, row.reason)
            for row in assessment
            if arguments.all or row.due is not None
        ]
        table = _table(("state", "item", "due", "status", "why"), rows)
        _write(arguments, f"{assessment}\n\n{table}")


def _run_states(arguments: argparse.Namespace) -> None:
    registry = vap.states_parties()
    if arguments.on is not None:
        registry = registry.on(arguments.on)
    if arguments.format == "json":
        _write(arguments, vap.dumps(registry))
        return
    rows = [
        (
            s.code,
            s.name,
            str(s.deposited or "-"),
            str(s.entry_into_force),
            "-" if s.withdrawal is None else str(s.withdrawal.effective),
        )
        for s in registry.values()
    ]
    headers = ("code", "name", "deposited", "entry into force", "withdrawal effective")
    _write(arguments, _table(headers, rows))


def _run_data_export(arguments: argparse.Namespace) -> None:
    from vap.data.package import export  # noqa: PLC0415 - only this command needs it

    if not arguments.directory.strip():
        raise VapError("data export needs a directory to write to, not an empty name")
    written = export(arguments.directory)
    print(f"wrote {len(written)} files and datapackage.json to {arguments.directory}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="vap",
        description="The Vientiane Action Plan of the Convention on Cluster Munitions.",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    schedule = commands.add_parser("schedule", help="what States owe, and by when")
    schedule.add_argument("states", nargs="+", metavar="STATE", help="ISO alpha-3 codes")
    schedule.add_argument("--until", type=_date, help="last day to cover (YYYY-MM-DD)")
    schedule.add_argument("--format", choices=("table", "json", "csv", "ics"), default="table")
    schedule.add_argument(
        "--applies", nargs="+", choices=("yes", "unknown", "no"), help="keep only these items"
    )
    schedule.add_argument("-o", "--output", help="write to this file instead of the terminal")
    schedule.set_defaults(run=_run_schedule)

    actions = commands.add_parser("actions", help="the plan's actions, or which apply to a State")
    actions.add_argument("--section", help="a section's number (IV) or title")
    actions.add_argument("--role", help="only actions addressed to this role (stockpiles, ...)")
    actions.add_argument("--applies-to", metavar="STATE", help="say whether each applies")
    actions.add_argument("--on", type=_date, help="the day to ask about (YYYY-MM-DD)")
    actions.set_defaults(run=_run_actions)

    explain = commands.add_parser("explain", help="why an action applies and how its dates follow")
    explain.add_argument("states", nargs=1, metavar="STATE")
    explain.add_argument("key", help="a step, action or obligation key: VAP-21, VAP-21.1, CCM-7.1")
    explain.add_argument("--until", type=_date, help="last day to cover (YYYY-MM-DD)")
    explain.add_argument("--on", type=_date, help="also give the deadline in force that day")
    explain.set_defaults(run=_run_explain)

    assess = commands.add_parser("assess", help="what was met, late or overdue on a day")
    records = assess.add_mutually_exclusive_group(required=True)
    records.add_argument("progress", nargs="?", help="records of what States did (.json or .csv)")
    records.add_argument(
        "--published",
        action="store_true",
        help="the built-in record of reports and completions (vap.reports()), every State Party",
    )
    assess.add_argument(
        "--keys",
        nargs="+",
        metavar="KEY",
        help="only these steps, actions or obligations (default: all; with --published, "
        "the keys it records: CCM-7.1, CCM-7.2)",
    )
    assess.add_argument("--as-of", type=_date, required=True, help="the day (YYYY-MM-DD)")
    assess.add_argument("--states", nargs="+", metavar="STATE", help="default: those recorded")
    assess.add_argument(
        "--until",
        type=_date,
        help="last day the schedule covers (default: the plan's end, or --as-of plus "
        "--due-soon if later)",
    )
    assess.add_argument("--due-soon", type=_days, default=90, metavar="DAYS")
    assess.add_argument("--format", choices=("table", "json", "csv"), default="table")
    assess.add_argument("--all", action="store_true", help="also list the items with no due date")
    assess.add_argument("-o", "--output", help="write to this file instead of the terminal")
    assess.set_defaults(run=_run_assess)

    states = commands.add_parser("states", help="the built-in States Parties")
    states.add_argument("--on", type=_date, help="only those bound on this day (YYYY-MM-DD)")
    states.add_argument("--format", choices=("table", "json"), default="table")
    states.set_defaults(run=_run_states)

    data = commands.add_parser("data", help="the built-in data as a Frictionless data package")
    data_commands = data.add_subparsers(dest="action", required=True, parser_class=_Parser)
    exporting = data_commands.add_parser("export", help="write the CSV files and datapackage.json")
    exporting.add_argument("directory", help="the folder to write them to (made if missing)")
    exporting.set_defaults(run=_run_data_export)
    return parser


def main(argv: Sequence[str] | None = None, *, stderr: IO[str] | None = None) -> int:
    """Run the command line with *argv* (by default the process's) and return its exit status."""
    arguments = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], None] = arguments.run
    errors = stderr or sys.stderr
    try:
        run(arguments)
    except VapError as error:
        errors.write(f"vap {arguments.command}: error: {_printable(str(error))}\n")
        return 1
    except BrokenPipeError:  # pragma: no cover - the reader went away (vap ... | head)
        # Python's advice: point stdout at devnull so that the exit flush does not fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        where = f": {error.filename!r}" if error.filename else ""
        errors.write(f"vap {arguments.command}: error: {error.strerror}{where}\n")
        return 1
    return 0


def run() -> NoReturn:
    """The ``vap`` process: `main` on the process's arguments, with the collector off, then exit."""
    gc.disable()  # the process ends with the command: nothing needs collecting before then
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
