"""
The documentation's code is run by Sybil (the root ``conftest.py``); its promises hold.

A line ``print(value)  # text`` in a page is run as a check that *text* is in what it
prints. These tests check that machinery, so that a page's promise cannot go unchecked.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
_spec = importlib.util.spec_from_file_location("docs_conftest", ROOT / "conftest.py")
assert _spec is not None
assert _spec.loader is not None
docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(docs)

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_promising_prints_become_checks_line_for_line():
    source = "for x in xs:\n    print(x)  # 1 of 2\nprint(y)\n"
    assert docs.checked(source) == ("for x in xs:\n    __promised__(x, '1 of 2')\nprint(y)\n")


def test_a_broken_promise_fails_and_a_kept_one_prints(capsys):
    docs.promised("met on time by 1 of 2 States Parties", "1 of 2")
    assert capsys.readouterr().out == "met on time by 1 of 2 States Parties\n"
    with pytest.raises(AssertionError, match="promises '1 of 3'"):
        docs.promised("met on time by 1 of 2 States Parties", "1 of 3")


def test_the_pages_make_promises():
    found = [
        promise.group()
        for page in PAGES
        for block in BLOCK.findall(page.read_text(encoding="utf-8"))
        for promise in docs.PROMISE.finditer(block)
    ]
    assert len(found) >= 4
    assert any("Status.MET_ON_TIME" in promise for promise in found)
