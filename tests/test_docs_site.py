"""The documentation site as a reader gets it: built, then read back as parsed HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import vap

ROOT = Path(__file__).parent.parent


class _Page(HTMLParser):
    """What a reader sees of a page: its headings, table rows and links."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.rows = 0
        self.links: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"h1", "h2", "h3"}:
            self._heading = []
        elif tag == "tr":
            self.rows += 1
        elif tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"h1", "h2", "h3"} and self._heading is not None:
            self.headings.append("".join(self._heading).strip().rstrip("¶").strip())
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    subprocess.run(  # noqa: S603 - our own interpreter and mkdocs
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(folder)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    return folder


def test_the_overview_links_every_state_to_its_page(site: Path) -> None:
    overview = _read(site / "states" / "index.html")
    states = vap.states_parties()
    linked = {link.strip("./").split("/")[0] for link in overview.links}
    assert set(states) <= linked
    assert overview.rows == len(states) + 1  # a header row, then one per State
    for code in states:
        assert (site / "states" / code / "index.html").is_file(), code


@pytest.mark.parametrize("code", ["LAO", "LTU", "HRV", "DEU"])
def test_a_state_page_has_every_part(site: Path, code: str) -> None:
    state = vap.states_parties()[code]
    page = _read(site / "states" / code / "index.html")
    assert page.headings[0].startswith(f"{state.name} ({code})")
    for part in ("Membership", "Roles through time", "Schedule", "Article 7 reports"):
        assert part in page.headings, (code, part)
    assert any(heading.startswith("Status on ") for heading in page.headings)
    assert {role.value for role in vap.Role} <= set(page.headings)
    assert page.rows > 5


def test_lithuania_s_page_shows_its_withdrawal(site: Path) -> None:
    text = (site / "states" / "LTU" / "index.html").read_text(encoding="utf-8")
    withdrawal = vap.states_parties()["LTU"].withdrawal
    assert withdrawal is not None
    assert f"effective {withdrawal.effective}" in text


@pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")),
    reason="no headless Chromium on this machine: the parsed-HTML tests stand in for it",
)
def test_a_state_page_renders_in_a_real_browser(site: Path, tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser is not None
    page = site / "states" / "LAO" / "index.html"
    result = subprocess.run(  # noqa: S603 - a browser found on the PATH
        [browser, "--headless", "--no-sandbox", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "Lao People" in result.stdout
    assert "Roles through time" in result.stdout
