"""
mkdocs hooks: pages generated from the packaged data at build time.

A page that holds ``<!-- vap:plan -->`` gets the whole plan, action by action, from the
same data the library loads; ``<!-- vap:data-quality -->`` the figures of the built-in
world; ``<!-- vap:changelog -->`` gets CHANGELOG.md.
"""

from __future__ import annotations

import datetime
import json
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import vap
from vap.data.quality import determinacy, role_counts, why_unknown

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
            f"- **Addressed to:** {action.addressee} ({action.modality.value})",
            f"- **Heading:** {action.heading}"
            + (f" ({action.subsection})" if action.subsection else ""),
        ]
        if action.articles:
            lines.append(f"- **Articles cited:** {', '.join(action.articles)}")
        for step in action.steps:
            lines += _step_lines(step, several=len(action.steps) > 1)
        lines.append("")
    return "\n".join(lines)


def _step_lines(step: vap.Step, *, several: bool) -> list[str]:
    """A step's annotations, each with the words of the text it rests on."""
    phrase = f' — "{step.phrase}"' if step.phrase else ""
    lines = [f"- **{step.key}** {step.title}: {step.timeline.describe()}{phrase}"]
    if several and step.words:
        lines.append(f'    - covers: "{step.words}"')
    if step.condition is not None:
        lines.append(f'    - only for {step.condition.predicate}: "{step.condition.words}"')
    lines += [f'    - hedged: {hedge.qualifier.value} ("{hedge.words}")' for hedge in step.hedges]
    if step.modality is not None:
        lines.append(f"    - modality: {step.modality.value}")
    if step.note:
        lines.append(f"    - note: {step.note}")
    return lines


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


QUALITY_DAYS = (
    date(2011, 6, 1),
    date(2013, 1, 1),
    date(2015, 6, 1),
    date(2020, 1, 1),
    date(2023, 1, 1),
    date(2026, 1, 1),
)


def _quality_markdown() -> str:
    states = vap.states_parties()
    lines = ["## Roles by year", ""]
    lines += ["| role | " + " | ".join(str(day) for day in QUALITY_DAYS) + " |"]
    lines += ["|---|" + "---|" * len(QUALITY_DAYS)]
    for role in vap.Role:
        cells = []
        for day in QUALITY_DAYS:
            counted = role_counts(states, role, day)
            cells.append(
                f"{counted.count(vap.Truth.YES)} / {counted.count(vap.Truth.NO)}"
                f" / {counted.count(vap.Truth.UNKNOWN)}"
            )
        lines.append(f"| {role.value} | " + " | ".join(cells) + " |")
    lines += ["", "Each cell: yes / no / unknown among the States Parties bound that day.", ""]
    lines += ["## Determinate answers", ""]
    lines += ["| day | asked | determinate | unknown, most often |", "|---|---|---|---|"]
    plan, obligations = vap.vientiane_action_plan(), vap.convention_obligations()
    for day, subjects, what in (
        *((day, plan, "the 66 actions") for day in QUALITY_DAYS[:3]),
        *((day, obligations, "the Convention's obligations") for day in QUALITY_DAYS[3:]),
    ):
        found = determinacy(states, subjects, day)
        worst = sorted(found.by_key.items(), key=lambda pair: -pair[1])[:5]
        shown = ", ".join(f"{key} ({count})" for key, count in worst) or "none"
        lines.append(f"| {day} | {found.answers} answers on {what} | {found.share:.1%} | {shown} |")
    lines += ["", "## The remaining unknowns", ""]
    for role in vap.Role:
        lines += [f"### {role.value}", ""]
        for day in QUALITY_DAYS:
            unknown = role_counts(states, role, day).states[vap.Truth.UNKNOWN]
            if not unknown:
                continue
            lines.append(f'??? note "{day}: {len(unknown)} unknown"')
            lines.append("")
            lines += [f"    - {code}: {why_unknown(states[code], role, day)}" for code in unknown]
            lines.append("")
    return "\n".join(lines)


GENERATED = {
    "<!-- vap:data-quality -->": _quality_markdown,
    "<!-- vap:plan -->": _plan_markdown,
    "<!-- vap:schemas -->": _schemas_markdown,
    "<!-- vap:changelog -->": lambda: (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
}


AS_OF = datetime.datetime.now(tz=datetime.UTC).date()  # the day the site is built


def _state_page(state: vap.StateParty, schedule: vap.Schedule, reports: vap.Progress) -> str:
    """One State's profile: membership, roles with their words, schedule, reports, status."""
    lines = [f"# {state.name} ({state.code})", ""]
    lines += ["## Membership", "", "| | |", "|---|---|"]
    lines += [
        f"| signed | {state.signed or 'not known'} |",
        (
            f"| instrument deposited | {state.deposited or 'not known'}"
            f" ({state.instrument.value if state.instrument else 'kind not known'}) |"
        ),
        f"| entry into force (Article 17) | {state.entry_into_force} |",
    ]
    if state.withdrawal is not None:
        lines.append(
            f"| withdrawal (Article 20) | notified {state.withdrawal.notified},"
            f" effective {state.withdrawal.effective} |"
        )
    lines += ["", f"Sources: {', '.join(state.sources) or 'none'}.", ""]
    lines += ["## Roles through time", ""]
    by_role = {role: [f for f in state.facts if f.role is role] for role in vap.Role}
    for role, facts in by_role.items():
        lines.append(f"### {role.value}")
        lines.append("")
        if not facts:
            lines += ["No source found speaks of it: unknown.", ""]
            continue
        for fact in facts:
            lines.append(f"- **{fact.value.value}** {fact.span}")
            lines += [
                f'    - {evidence.source}, as of {evidence.as_of}: "{evidence.quote}"'
                for evidence in fact.evidence[:6]
            ]
            if len(fact.evidence) > 6:
                lines.append(f"    - and {len(fact.evidence) - 6} more observations")
        lines.append("")
    lines += ["## Schedule", ""]
    lines += ["| item | due | applies | rule |", "|---|---|---|---|"]
    lines += [
        f"| {item.key}{' ' + str(item.year) if item.year else ''} | {item.due} |"
        f" {item.applies.value} | {item.rule} |"
        for item in schedule
        if item.due is not None
    ]
    extended = list(state.extensions)
    if extended:
        lines += ["", "Extensions:", ""]
        lines += [
            f"- {e.obligation} {e.status.value}"
            + (f" to {e.until}" if e.until else "")
            + (f" at {e.decided_at}" if e.decided_at else "")
            + f" ({', '.join(e.sources)})"
            for e in extended
        ]
    own = [record for record in reports if record.state == state.code]
    lines += ["", "## Article 7 reports", ""]
    if own:
        lines += [
            f"- {r.key}{' covering ' + str(r.covers) if r.covers else ''}: {r.status.value}"
            f' {r.on} ({r.source}: "{r.quote}")'
            for r in own
        ]
    else:
        lines.append("The built-in record holds none.")
    assessment = vap.assess(schedule, vap.Progress(own), as_of=min(AS_OF, date(2026, 12, 31)))
    counts = ", ".join(f"{n} {s.value}" for s, n in assessment.counts().items() if n)
    lines += ["", f"## Status on {assessment.as_of}", "", counts, ""]
    overdue = assessment.with_status(vap.Status.OVERDUE)
    lines += [f"- overdue: {row.uid} ({row.reason})" for row in overdue]
    return "\n".join(lines) + "\n"


def _states_overview(states: vap.StatesParties) -> str:
    lines = ["# States Parties", "", "Every State that became a party, with its profile.", ""]
    lines += ["| code | name | entry into force | bound |", "|---|---|---|---|"]
    lines += [
        f"| [{s.code}]({s.code}.md) | {s.name} | {s.entry_into_force} |"
        f" {'no, withdrew ' + str(s.withdrawal.effective) if s.withdrawal else 'yes'} |"
        for s in states.values()
    ]
    return "\n".join(lines) + "\n"


def on_files(files: Any, config: Any) -> Any:
    """Generate a profile page per State Party, and the overview, from the data."""
    from mkdocs.structure.files import File  # noqa: PLC0415 - only the docs build needs it

    states = vap.states_parties()
    reports = vap.reports()
    schedule = vap.schedule(states, until=date(2026, 12, 31))
    files.append(File.generated(config, "states/index.md", content=_states_overview(states)))
    for state in states.values():
        page = _state_page(state, schedule.for_state(state.code), reports)
        files.append(File.generated(config, f"states/{state.code}.md", content=page))
    return files


def on_page_markdown(markdown: str, **_: Any) -> str:
    for marker, make in GENERATED.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    return markdown
