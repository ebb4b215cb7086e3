"""Exports of a reading session: a report a colleague can read without the app, and data for other tools.

``export(session, story, fmt)`` returns the whole file as one string; writing it is the caller's job.
``markdown`` and ``html`` are the same report (reports, claims matrix, conflicts, notes, marks, link
verdicts, and what could not be placed); ``json`` is the same as plain data; ``w3c`` gives the notes
and marks as a W3C Web Annotation collection (JSON-LD). No clock and no I/O: the same session and
story give the same bytes, so exports can be diffed and kept under version control.
"""

from __future__ import annotations

import bisect
import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

from ..highlighters.safety import printable

from .analysis import Story
from .annotations import Anchor, Annotation, LinkVerdict, Mark, Session
from .claims import Claim
from .compare import FactRow, fact_matrix, near_copies, outlier_claims
from .model import Document
from .timeline import story_timelines, timeline_rows
from ..highlighters.kept_patterns import compile_kept

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ORPHANS_HEADING = "Could not be placed in the current text"
_MATRIX_KEY = ("Facts by report. A blank cell: the report is silent. ≠ marks a fact the reports tell "
               "differently and, in it, the versions that cannot be true with the rest.")
_TIMELINE_KEY = ("Versions in publication order. ↑ ↓ a later report updates the count of an earlier one (an hour "
                 "or more later); ≠ two reports of the same hour contradict each other. Each fact keeps its status.")
_ORPHANS_KEY = ("The text of these reports changed since they were made and their quoted text was not found "
                "again. They are kept in the session; here is what they quoted.")
_ALL_PLACED = "Every note, mark and link verdict was found again in its report."
_VERDICTS = {"confirmed": "confirmed link", "rejected": "rejected link", "other-event": "another event",
             "manual": "link drawn by hand"}


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One format a session exports to: its name (``--format``, the reader's choice), its file's
    suffix, and what writes it."""

    name: str
    suffix: str
    render: Callable[[Session, Story], str]


def export(session: Session, story: Story, fmt: str) -> str:
    """The session as ``fmt`` (one of ``FORMATS``); ValueError for any other format."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    from .fact_verdicts import apply_version_verdicts  # the facts as the reader judged them

    apply_version_verdicts(story, session.link_verdicts)
    return EXPORT_FORMATS[fmt].render(session, story)


def export_title(session: Session, story: Story) -> str:
    return session.title or story.title or "Reading session"


# -- the report, as blocks that the Markdown and HTML renderers share -------------------------
# ("h", level, text) | ("p", text) | ("quote", text) | ("table", header, rows)
# Every string in a block is plain, untrusted text: the renderers escape all of it.

def report_blocks(session: Session, story: Story) -> list[tuple]:
    docs = {d.id: d for d in story.documents}
    facts = fact_matrix(story)
    conflicts = [f for f in facts if f.is_conflict]
    notes = _reading_order(story, [a for a in session.annotations if not a.orphan])
    marks = _reading_order(story, [m for m in session.marks if not m.orphan])
    verdicts = [v for v in session.link_verdicts if not v.orphan]
    orphans = ([a for a in session.annotations if a.orphan] + [m for m in session.marks if m.orphan]
               + [v for v in session.link_verdicts if v.orphan])
    figures = sum(c.kind == "number" for c in story.claims)
    blocks: list[tuple] = [("h", 1, export_title(session, story)), ("p", (
        f"{_n(len(story.documents), 'report')} · {_n(figures, 'figure')} · "
        f"{_n(len(story.claims) - figures, 'quotation')} · {_n(len(facts), 'linked fact')} "
        f"({len(conflicts)} conflicting) · {_n(len(notes), 'note')} · {_n(len(marks), 'mark')} · "
        f"{_n(len(verdicts), 'link verdict')} · {len(orphans)} not placed"))]

    rows = [[d.id, d.title or "(no headline)", " · ".join(dict.fromkeys(filter(None, [d.outlet, *d.sources]))),
             d.path] for d in story.documents]
    rows += [[d.id, "(not loaded)", "", d.path] for d in session.documents if d.id not in docs]
    blocks += [("h", 2, "Reports"), ("table", ["id", "headline", "outlet", "path"], rows)]

    blocks += [("h", 2, "Claims matrix")]
    if facts:
        blocks.append(("p", _MATRIX_KEY))
        rows = []
        for fact in facts:
            outliers = _outliers(story, fact)
            rows.append(["≠" if fact.is_conflict else "=", fact.label,
                         *[_cell(fact.cells.get(d.id, []), outliers) for d in story.documents]])
        copies = near_copies(story)
        if copies:
            rows.append(["", "near copy of", *[f"{copies[d.id][0]} ({copies[d.id][1]:.0%})" if d.id in copies
                                               else "" for d in story.documents]])
        blocks.append(("table", ["", "fact", *[d.id for d in story.documents]], rows))
    else:
        blocks.append(("p", "No fact is reported by more than one report."))

    blocks += [("h", 2, "Conflicts")]
    if not conflicts:
        blocks.append(("p", "The reports agree on every fact they share."))
    for fact in conflicts:
        outliers = _outliers(story, fact)
        rows = [["≠" if c.id in outliers else "", doc, c.text, c.qualifier or "", c.source or c.speaker or ""]
                for doc, claims in fact.cells.items() for c in claims]
        blocks += [("h", 3, fact.label), ("table", ["", "report", "as written", "hedge", "source"], rows)]

    blocks += _timeline_blocks(story)

    blocks += [("h", 2, "Notes")] + ([] if notes else [("p", "No notes.")])
    for note in notes:
        blocks += _note_blocks(note, _where(story, note.anchor))

    blocks += [("h", 2, "Marks")] + ([] if marks else [("p", "No marks.")])
    for mark in marks:
        blocks += [("p", _where(story, mark.anchor) + _dates(mark.created)), ("quote", mark.anchor.exact)]

    blocks += [("h", 2, "Link verdicts")] + ([] if verdicts else [("p", "No link verdicts.")])
    for verdict in verdicts:
        blocks += _verdict_blocks(verdict, _where(story, verdict.source), _where(story, verdict.target))

    blocks += [("h", 2, ORPHANS_HEADING), ("p", _ORPHANS_KEY if orphans else _ALL_PLACED)]
    for item in orphans:
        if isinstance(item, Annotation):
            blocks += _note_blocks(item, _where(story, item.anchor, orphan=True))
        elif isinstance(item, Mark):
            blocks += [("p", f"mark · {_where(story, item.anchor, orphan=True)}"), ("quote", item.anchor.exact)]
        else:
            blocks += _verdict_blocks(item, _where(story, item.source, orphan=True),
                                      _where(story, item.target, orphan=True))
    return blocks


def _timeline_blocks(story: Story) -> list[tuple]:
    """How the facts changed: the versions of each fact that a later report updated, in publication order."""
    changed = [timeline for timeline in story_timelines(story) if timeline.changes]
    if not changed:
        return []
    blocks: list[tuple] = [("h", 2, "How the facts changed"), ("p", _TIMELINE_KEY)]
    for timeline in changed:
        rows = [list(row) for row in timeline_rows(timeline)]
        blocks += [("h", 3, timeline.cluster.label), ("table", ["published", "report", "version", "change"], rows)]
    return blocks


def _note_blocks(note: Annotation, where: str) -> list[tuple]:
    blocks: list[tuple] = [("h", 3, f"{note.id} · {where}")]
    if note.tags:
        blocks.append(("p", "Tags: " + ", ".join(note.tags)))
    blocks.append(("quote", note.anchor.exact))
    if note.note.strip():
        blocks.append(("p", note.note))
    if note.created or note.modified:
        blocks.append(("p", _dates(note.created, note.modified).lstrip(" ·")))
    return blocks


def _verdict_blocks(verdict: LinkVerdict, source: str, target: str) -> list[tuple]:
    name = _VERDICTS.get(verdict.verdict, verdict.verdict)
    return [("p", f"{name}: {source} ↔ {target}" + _dates(verdict.created)),
            ("quote", verdict.source.exact), ("quote", verdict.target.exact)]


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _dates(created: str, modified: str = "") -> str:
    parts = ([f"created {created}"] if created else []) + ([f"modified {modified}"] if modified else [])
    return "".join(f" · {p}" for p in parts)


def _reading_order(story: Story, items: list) -> list:
    order = {d.id: n for n, d in enumerate(story.documents)}
    return sorted(items, key=lambda i: (order.get(i.anchor.doc, len(order)), i.anchor.start, i.anchor.end))


def _where(story: Story, anchor: Anchor, orphan: bool = False) -> str:
    document = next((d for d in story.documents if d.id == anchor.doc), None)
    if document is None:
        return f"{anchor.doc} (not loaded)"
    if orphan:
        return f"{anchor.doc} (was at {anchor.start}–{anchor.end})"
    index = _sentence_of(document, anchor.start)
    return f"{anchor.doc} · sentence {index + 1}/{len(document.sentences)}" if index is not None else anchor.doc


def _sentence_of(document: Document, offset: int) -> int | None:
    index = bisect.bisect_right([start for start, _ in document.sentences], offset) - 1
    return index if index >= 0 and offset < document.sentences[index][1] else None


def _outliers(story: Story, fact: FactRow) -> set[str]:
    return outlier_claims([c for cell in fact.cells.values() for c in cell], story.currency_rates())


def _cell(claims: list[Claim], outliers: set[str]) -> str:
    """A report's versions of a fact in text order; one wording repeated shows once, ×N; outliers ≠."""
    wordings: dict[str, list[Claim]] = {}
    for claim in claims:
        wordings.setdefault(" ".join(claim.text.lower().split()), []).append(claim)
    return " · ".join(same[0].text + (f" ×{len(same)}" if len(same) > 1 else "")
                      + (" ≠" if any(c.id in outliers for c in same) else "") for same in wordings.values())


# -- Markdown ---------------------------------------------------------------------------------

_MD_INLINE = compile_kept(r"[\\`*\[\]<>|~]|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")
_MD_LEAD = compile_kept(r"^([ \t]*)([#+=-])", re.MULTILINE)
_MD_LEAD_NUMBER = compile_kept(r"^([ \t]*\d+)([.)])", re.MULTILINE)


def escape_markdown(text: str, oneline: bool = False) -> str:
    """``text`` shown literally in Markdown: no emphasis, link, HTML, table cell break or list; no control characters."""
    text = printable(text)
    if oneline:
        text = " ".join(text.split())
    text = _MD_INLINE.sub(lambda m: "\\" + m.group(), text)
    if oneline:  # a table cell or a heading: no line starts here, so no list or heading to prevent
        return text
    return _MD_LEAD_NUMBER.sub(r"\1\\\2", _MD_LEAD.sub(r"\1\\\2", text))


def _paragraphs(text: str) -> list[list[str]]:
    """Paragraphs (split at blank lines) of stripped lines."""
    return [[line.strip() for line in p.split("\n")] for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]


def _md_block(block: tuple) -> str:
    kind = block[0]
    if kind == "h":
        text = re.sub(r"(?<=\s)#+$", lambda m: "\\" + m.group(), escape_markdown(block[2], oneline=True))
        return "#" * block[1] + " " + text  # a trailing run of # would be taken as the closing sequence
    if kind in ("p", "quote"):
        paragraphs = ["\\\n".join(escape_markdown(line) for line in lines) for lines in _paragraphs(block[1])]
        if kind == "p":
            return "\n\n".join(paragraphs)
        return "\n>\n".join("\n".join("> " + line for line in p.split("\n")) for p in paragraphs or [""])
    header, rows = block[1], block[2]  # a table
    lines = [[escape_markdown(cell, oneline=True) for cell in row] for row in [header, *rows]]
    lines.insert(1, ["---"] * len(header))
    return "\n".join("| " + " | ".join(row) + " |" for row in lines)


def to_markdown(session: Session, story: Story) -> str:
    return "\n\n".join(_md_block(b) for b in report_blocks(session, story)) + "\n"


# -- HTML -------------------------------------------------------------------------------------

_CSS = """body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}blockquote{margin:.5rem 0;padding:.25rem 1rem;border-left:4px solid #c9a227;background:#faf7ec}
h3{margin-bottom:.25rem}"""


def _h(text: str) -> str:
    return html.escape(printable(text))


def _html_block(block: tuple) -> str:
    kind = block[0]
    if kind == "h":
        return f"<h{block[1]}>{_h(' '.join(block[2].split()))}</h{block[1]}>"
    if kind in ("p", "quote"):
        paragraphs = "\n".join("<p>" + "<br>\n".join(_h(line) for line in lines) + "</p>"
                               for lines in _paragraphs(block[1]))
        return paragraphs if kind == "p" else f"<blockquote>\n{paragraphs}\n</blockquote>"
    head = "".join(f"<th>{_h(cell)}</th>" for cell in block[1])  # a table
    body = "\n".join("<tr>" + "".join(f"<td>{_h(cell)}</td>" for cell in row) + "</tr>" for row in block[2])
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def to_html(session: Session, story: Story) -> str:
    """A standalone page: inline CSS, no script, nothing fetched (the CSP says so too)."""
    body = "\n".join(_html_block(b) for b in report_blocks(session, story))
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"sahel-reader\">\n"
            f"<title>{_h(' '.join(export_title(session, story).split()))}</title>\n<style>\n{_CSS}\n</style>\n"
            f"</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


# -- JSON -------------------------------------------------------------------------------------

def _anchor_json(anchor: Anchor) -> dict:
    return {"doc": anchor.doc, "start": anchor.start, "end": anchor.end, "exact": anchor.exact,
            "prefix": anchor.prefix, "suffix": anchor.suffix}


def to_json(session: Session, story: Story) -> str:
    loaded = {d.id for d in story.documents}
    documents = [{"id": d.id, "path": d.path, "title": d.title, "outlet": d.outlet, "date": d.date,
                  "url": d.url, "sources": list(d.sources), "loaded": True} for d in story.documents]
    documents += [{"id": d.id, "path": d.path, "title": None, "outlet": None, "date": None, "url": None,
                   "sources": [], "loaded": False} for d in session.documents if d.id not in loaded]
    facts = []
    changes = {timeline.cluster.id: [change.to_json() for change in timeline.changes]
               for timeline in story_timelines(story)}
    for fact in fact_matrix(story):
        outliers = _outliers(story, fact)
        claims = [c for cell in fact.cells.values() for c in cell]
        facts.append({"id": fact.cluster_id, "label": fact.label, "kind": claims[0].kind if claims else None,
                      "status": fact.status, "changes": changes.get(fact.cluster_id, []),
                      "cells": {doc: [{**c.to_json(), "outlier": c.id in outliers} for c in cell]
                                for doc, cell in fact.cells.items()}})
    data = {
        "title": export_title(session, story),
        "documents": documents,
        "facts": facts,
        "annotations": [{"id": a.id, "anchor": _anchor_json(a.anchor), "note": a.note, "tags": list(a.tags),
                         "created": a.created, "modified": a.modified, "orphan": a.orphan}
                        for a in session.annotations],
        "marks": [{"anchor": _anchor_json(m.anchor), "created": m.created, "orphan": m.orphan}
                  for m in session.marks],
        "link_verdicts": [{"verdict": v.verdict, "source": _anchor_json(v.source), "target": _anchor_json(v.target),
                           "created": v.created, "orphan": v.orphan} for v in session.link_verdicts],
    }
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


# -- W3C Web Annotation -----------------------------------------------------------------------

def _urn(*parts: str) -> str:
    return "urn:sahel-reader:" + ":".join(quote(p, safe="") for p in parts)


def _source_iri(session: Session, story: Story, doc_id: str) -> str:
    """The report as an IRI: its path as a file: URI when absolute, else a URN of its id."""
    path = next((d.path for d in story.documents if d.id == doc_id), None)
    if path is None:
        path = next((d.path for d in session.documents if d.id == doc_id), None)
    return PurePath(path).as_uri() if path and PurePath(path).is_absolute() else _urn(doc_id)


def _w3c_target(session: Session, story: Story, anchor: Anchor, orphan: bool) -> dict:
    selectors: list[dict] = [{"type": "TextQuoteSelector", "exact": anchor.exact,
                              "prefix": anchor.prefix, "suffix": anchor.suffix}]
    if not orphan:
        selectors.append({"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end})
    return {"source": _source_iri(session, story, anchor.doc), "selector": selectors}


def _w3c_item(item_id: str, created: str, modified: str, motivation: str, body: list[dict], target: dict) -> dict:
    data: dict = {"@context": W3C_CONTEXT, "id": item_id, "type": "Annotation"}
    data.update({k: v for k, v in (("created", created), ("modified", modified)) if v})
    data["motivation"] = motivation
    if body:
        data["body"] = body
    data["target"] = target
    return data


def w3c_items(session: Session, story: Story) -> list[dict]:
    """Notes (motivation commenting, tags as tagging bodies), then marks (bookmarking), in session order."""
    items = []
    for note in session.annotations:
        body = ([{"type": "TextualBody", "value": note.note, "format": "text/plain", "purpose": "commenting"}]
                if note.note else [])
        body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
        items.append(_w3c_item(_urn(note.anchor.doc, note.id), note.created, note.modified, "commenting", body,
                               _w3c_target(session, story, note.anchor, note.orphan)))
    for number, mark in enumerate(session.marks, 1):
        items.append(_w3c_item(_urn(mark.anchor.doc, f"mark-{number}"), mark.created, "", "bookmarking", [],
                               _w3c_target(session, story, mark.anchor, mark.orphan)))
    return items


def to_w3c(session: Session, story: Story) -> str:
    items = w3c_items(session, story)
    ids = sorted({d.id for d in story.documents} | {d.id for d in session.documents})
    key = hashlib.sha256("\n".join([export_title(session, story), *ids]).encode("utf-8")).hexdigest()[:16]
    collection = _urn("collection", key)
    data = {"@context": W3C_CONTEXT, "id": collection, "type": "AnnotationCollection",
            "label": export_title(session, story), "total": len(items),
            "first": {"id": collection + ":page:1", "type": "AnnotationPage", "partOf": collection,
                      "startIndex": 0, "items": items}}
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


EXPORT_FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("markdown", ".md", to_markdown),
    ExportFormat("html", ".html", to_html),
    ExportFormat("json", ".json", to_json),
    ExportFormat("w3c", ".jsonld", to_w3c),
)}
"""Every export format, in the order the reader offers them."""
FORMATS = tuple(EXPORT_FORMATS)
