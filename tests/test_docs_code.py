"""
The code in the documentation runs, and says what it prints.

Each page's Python blocks run in order in one namespace, as a reader would paste them,
in a fresh folder. A line ``print(value)  # text`` promises that *text* is in what it
prints, so a change of the library that makes a page wrong fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = sorted(
    path
    for path in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]
    if "```python" in path.read_text(encoding="utf-8")
)
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
PROMISE = re.compile(r"^(?P<indent>\s*)print\((?P<value>.*)\)\s+# (?P<text>.+)$", re.MULTILINE)


def _blocks(page: Path) -> list[str]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


def _checked(block: str) -> str:
    """*block* with each promising ``print`` made a check of what it prints."""
    return PROMISE.sub(
        lambda found: f"{found['indent']}__promise__({found['value']}, {found['text']!r})",
        block,
    )


def test_the_pages_with_code_and_their_promises_are_found():
    names = {path.relative_to(ROOT).as_posix() for path in PAGES}
    assert {"README.md", "docs/index.md", "docs/tutorials/monitoring.md"} <= names
    promises = [
        found for page in PAGES for block in _blocks(page) for found in PROMISE.finditer(block)
    ]
    assert len(promises) >= 4
    assert _checked("    print(x)  # 1 of 2\n") == "    __promise__(x, '1 of 2')\n"


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_the_code_of_a_page_runs_and_prints_what_it_says(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    kept: list[tuple[str, str]] = []

    def promise(value: object, text: str) -> None:
        kept.append((str(value), text))

    namespace: dict[str, object] = {"__name__": "__docs__", "__promise__": promise}
    for number, block in enumerate(_blocks(page)):
        exec(compile(_checked(block), f"{page.name}, block {number + 1}", "exec"), namespace)  # noqa: S102
    for printed, text in kept:
        assert text in printed, (page.name, text, printed)
    assert len(kept) == sum(len(PROMISE.findall(block)) for block in _blocks(page))
