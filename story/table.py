"""The readable tables of ``sahel-reader claims`` (each fact, what each report says of it, agree or
conflict) and ``sahel-reader timeline`` (each fact's versions in publication order, and their updates)."""

from __future__ import annotations

from ..highlighters.safety import one_line

from .analysis import Story
from .hedges import hedge_symbol
from .timeline import FactTimeline, timeline_rows
from .wording import counted



def render_table(story: Story, width: int = 100) -> str:
    """Plain text, aligned, safe to print: no markup, no escape sequences from the reports."""
    width = max(60, width)
    numbers = [c for c in story.claims if c.kind == "number"]
    quotes = [c for c in story.claims if c.kind == "quote"]
    conflicts = sum(1 for c in story.clusters if c.status == "conflict")
    lines = [
        story.title or "Story",
        f"{counted(len(story.documents), 'report')} · {counted(len(numbers), 'figure')} · "
        f"{counted(len(quotes), 'quotation')} · {counted(len(story.clusters), 'linked fact')} ({conflicts} conflicting)",
        "",
        "Reports",
    ]
    shown = {d.id: one_line(d.id) for d in story.documents}  # widths as printed
    id_width = max(map(len, shown.values()), default=2)
    for document in story.documents:
        about = " · ".join(filter(None, [document.outlet, ", ".join(document.sources) or None]))
        title = document.title or "(no headline)"
        lines.append(_fit(f"  {shown[document.id]:<{id_width}}  {title}" + (f"  [{about}]" if about else ""), width))

    for cluster in story.clusters:
        mark = "≠ CONFLICT" if cluster.status == "conflict" else "= agree"
        lines += ["", _fit(f"{cluster.label}", width - len(mark) - 1).ljust(width - len(mark)) + mark]
        members = [story.claim(claim_id) for claim_id in cluster.claims]
        for document in story.documents:
            own = [c for c in members if c.doc == document.id]
            if not own:
                continue
            lead = f"  {shown[document.id]:<{id_width}}  "
            for number, claim in enumerate(own):
                prefix = lead if number == 0 else " " * len(lead)
                lines.append(_fit(prefix + _describe(claim), width))
    if not story.clusters:
        lines += ["", "No fact is reported by more than one report."]
    return "\n".join(one_line(line) for line in lines) + "\n"


def render_timelines(story: Story, timelines: list[FactTimeline], width: int = 100) -> str:
    """Each fact's versions by publication time, report by report, with the change each makes."""
    width = max(60, width)
    lines = [story.title or "Story", "How each fact changed: versions in publication order; ↑ ↓ an update on an "
             "earlier report, ≠ a contradiction within the hour."]
    for timeline in timelines:
        mark = "≠ CONFLICT" if timeline.cluster.status == "conflict" else "= agree"
        updates = len(timeline.updates)
        heading = timeline.cluster.label + (f"  ·  {counted(updates, 'update')}" if updates else "")
        lines += ["", _fit(heading, width - len(mark) - 1).ljust(width - len(mark)) + mark]
        rows = timeline_rows(timeline)
        when_width = max(len(row[0]) for row in rows)
        name_width = min(24, max(len(one_line(row[1])) for row in rows))
        for when, name, figure, change in rows:
            line = f"  {when:<{when_width}}  {_fit(one_line(name), name_width):<{name_width}}  {figure:<20}"
            lines.append(_fit(f"{line}  {change}".rstrip(), width))
    if not timelines:
        lines += ["", "No fact is given by two reports whose publication times are known."]
    return "\n".join(one_line(line) for line in lines) + "\n"


def _describe(claim) -> str:
    text = " ".join(claim.text.split())
    if claim.kind == "quote":
        return f"{text}" + (f" — {claim.speaker}" if claim.speaker else "")
    hedge = hedge_symbol(claim.qualifier)
    parts = [f"{text:<20}", f"{hedge:<5}"]
    if claim.source:
        parts.append(f"— {claim.source}")
    return " ".join(parts).rstrip()


def _fit(line: str, width: int) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"
