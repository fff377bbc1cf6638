"""The built-in plan against its seed document: verbatim texts, keys, headings."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

SEED = (files("vap.data") / "vientiane-action-plan-2010.txt").read_text(encoding="utf-8")


def normalise(text: str) -> str:
    """Collapse white space and mend hyphens split by a line break."""
    return re.sub(r"\s+", " ", re.sub(r"-\n\s*", "-", text)).strip()


def seed_actions() -> dict[int, str]:
    flat = normalise(SEED)
    marks = list(re.finditer(r"Action ?# ?(\d+) ?", flat))
    return {
        int(mark.group(1)): flat[
            mark.end() : marks[index + 1].start() if index + 1 < len(marks) else None
        ]
        for index, mark in enumerate(marks)
    }


def test_there_are_66_actions_keyed_in_order(plan):
    assert len(plan) == 66
    assert [action.key for action in plan] == [f"VAP-{number}" for number in range(1, 67)]
    assert [action.number for action in plan.actions] == list(range(1, 67))


@pytest.mark.parametrize("number", range(1, 67))
def test_each_text_is_the_seeds_verbatim(plan, number):
    text = plan.action(number).text
    seed = seed_actions()[number]
    # The seed's chunk runs on to the next action and may carry a heading after the text.
    assert seed.startswith(text), (number, text, seed)
    tail = seed[len(text) :].strip()
    assert tail == "" or not tail[0].islower(), tail
    assert text == normalise(text)


def test_headings_are_in_the_seed(plan):
    flat = normalise(SEED)
    for action in plan:
        assert action.heading in flat, action.key


def test_steps_of_actions_8_and_26(plan):
    assert [step.key for step in plan["VAP-8"].steps] == ["VAP-8.1", "VAP-8.2"]
    assert [step.key for step in plan["VAP-26"].steps] == ["VAP-26.1", "VAP-26.2"]
    assert [step.key for step in plan["VAP-21"].steps] == ["VAP-21.1", "VAP-21.2"]
    assert [step.key for step in plan["VAP-12"].steps] == ["VAP-12"]


def test_only_one_hyphen_was_split_by_a_line_break(plan):
    assert "at-risk populations" in plan["VAP-17"].text
    assert "risk- taking" in plan["VAP-17"].text  # a hyphen and space in the seed's own line
