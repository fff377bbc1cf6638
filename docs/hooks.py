"""
mkdocs hooks: pages generated from the packaged data at build time.

A page that holds ``<!-- vap:plan -->`` gets the whole plan, action by action, from the
same data the library loads; ``<!-- vap:changelog -->`` gets CHANGELOG.md.
"""

from __future__ import annotations

import json
import textwrap
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


def _schemas_markdown() -> str:
    documents = (
        vap.Plan,
        vap.StatesParties,
        vap.ObligationSet,
        vap.Schedule,
        vap.Progress,
        vap.Assessment,
    )
    sections = []
    for kind in documents:
        schema = json.dumps(vap.json_schema(kind), indent=2)
        body = textwrap.indent(f"```json\n{schema}\n```", "    ")
        name = vap.serialization.DOCUMENTS[kind]
        sections.append(f'### `vap.{name}/1`\n\n??? note "Schema of {kind.__name__}"\n\n{body}\n')
    return "\n".join(sections)


GENERATED = {
    "<!-- vap:plan -->": _plan_markdown,
    "<!-- vap:schemas -->": _schemas_markdown,
    "<!-- vap:changelog -->": lambda: (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
}


def on_page_markdown(markdown: str, **_: Any) -> str:
    for marker, make in GENERATED.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    return markdown
