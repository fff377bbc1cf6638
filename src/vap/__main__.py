"""``python -m vap``: the command line."""

from vap.cli import run

run()
