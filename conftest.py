"""
Run the Python code blocks of the README and the docs as tests (Sybil).

A line ``print(value)  # text`` promises that *text* is in what it prints, and runs as a
check of it: a page that says one thing while the library does another fails.
"""

from __future__ import annotations

import re

from sybil import Example, Sybil
from sybil.parsers.markdown import CodeBlockParser, SkipParser

PROMISE = re.compile(
    r"^(?P<indent>[ \t]*)print\((?P<value>.*)\)[ \t]+# (?P<text>.+)$", re.MULTILINE
)


def promised(value: object, text: str) -> None:
    """Print *value*, as the page does, once it is checked to show *text*."""
    shown = str(value)
    assert text in shown, f"the page promises {text!r} but prints {shown!r}"  # noqa: S101
    print(shown)  # noqa: T201 - what the page's own line prints


def checked(source: str) -> str:
    """*source* with each promising ``print`` made a check (line for line)."""
    return PROMISE.sub(
        lambda found: f"{found['indent']}__promised__({found['value']}, {found['text']!r})",
        source,
    )


def evaluate(example: Example) -> None:
    """Run a block in its page's namespace, with its promises checked."""
    padding = "\n" * (example.line + example.parsed.line_offset)  # tracebacks name the line
    code = compile(padding + checked(example.parsed), example.path, "exec", dont_inherit=True)
    exec(code, example.namespace)  # noqa: S102 - the documentation's own code
    del example.namespace["__builtins__"]


pytest_collect_file = Sybil(
    parsers=[CodeBlockParser(language="python", evaluator=evaluate), SkipParser()],
    patterns=["README.md", "docs/*.md", "docs/**/*.md"],
    setup=lambda namespace: namespace.update(__promised__=promised),
).pytest()
