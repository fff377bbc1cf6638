"""
mkdocs hooks: pages generated from the packaged data at build time.

A page that holds ``<!-- vap:plan -->`` gets the whole plan, action by action, from the
same data the library loads; ``<!-- vap:changelog -->`` gets CHANGELOG.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import vap

ROOT = Path(__file__).parent.parent


def _plan_markdown() -> str:
    plan = vap.vientiane_action_plan()
    lines = [f"*{plan}.* Source: {plan.source}", ""]
    section = None
    for action in plan:
        if action.section != section:
            section = action.section
            lines += [f"## {section}", ""]
        lines += [
            f"### {action.key} {action.title} {{ #{action.key} }}",
            "",
            f"> {action.text}",
            "",
            f"- **Addressed to:** {action.addressee} ({action.modality.value}"
            + (f", {action.qualifier.value}" if action.qualifier else "")
            + ")",
            f"- **Heading:** {action.heading}"
            + (f" ({action.subsection})" if action.subsection else ""),
        ]
        if action.articles:
            lines.append(f"- **Articles cited:** {', '.join(action.articles)}")
        for step in action.steps:
            phrase = f' — "{step.phrase}"' if step.phrase else ""
            lines.append(f"- **{step.key}:** {step.timeline.describe()}{phrase}")
        lines.append("")
    return "\n".join(lines)


GENERATED = {
    "<!-- vap:plan -->": _plan_markdown,
    "<!-- vap:changelog -->": lambda: (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
}


def on_page_markdown(markdown: str, **_: Any) -> str:
    for marker, make in GENERATED.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    return markdown
