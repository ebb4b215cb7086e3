"""Session files: exact round trips and stable, readable bytes (saving, re-anchoring and moved reports:
test_session_files.py)."""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sahel_reader.story.annotations import (
    Anchor,
    Annotation,
    LinkVerdict,
    Mark,
    Session,
    SessionDocument,
    ViewState,
)
from sahel_reader.story.session import (
    session_from_yaml,
    session_to_yaml,
    text_sha256,
)
from session_samples import AFP, REUTERS, TRICKY_NOTES, anchor


def rich_session() -> Session:
    killed = anchor(
        "afp",
        AFP,
        "A security source said 77 people had died and 255 had been injured in Tuesday's attacks.",
    )
    toll = anchor("reuters", REUTERS, "around 70")
    annotations = [
        Annotation(
            f"n{i + 1}",
            killed,
            note,
            ["verified", "follow-up", "yes", "a: b", "naïve 🏷"],
            "2024-09-19T10:00:00+00:00",
            "2024-09-20T08:30:00+00:00",
        )
        for i, note in enumerate(TRICKY_NOTES)
    ]
    annotations.append(
        Annotation("lost", toll, "an orphan", [], "2024-09-19T10:00:00+00:00", "", orphan=True)
    )
    return Session(
        documents=[
            SessionDocument("afp", "reports/afp.txt", text_sha256(AFP), AFP),
            SessionDocument("reuters", "/elsewhere/reuters.txt", text_sha256(REUTERS), REUTERS),
        ],
        annotations=annotations,
        marks=[Mark(killed, "2024-09-19T10:01:00+00:00"), Mark(toll, "", orphan=True)],
        link_verdicts=[
            LinkVerdict("confirmed", killed, toll, "2024-09-19T10:02:00+00:00"),
            LinkVerdict("rejected", toll, killed, "2024-09-19T10:03:00+00:00"),
            LinkVerdict("other-event", killed, toll, "2024-09-19T10:04:00+00:00"),
            LinkVerdict("manual", killed, toll, "", orphan=True),
        ],
        view=ViewState("reuters", {"reuters": 2, "afp": 0, "001": 7}, "textual-light"),
        title="Attack in Bamako: 77 dead?",
        embed=True,
    )


def test_round_trip_is_exact_and_bytes_are_stable() -> None:
    session = rich_session()
    text = session_to_yaml(session)
    back = session_from_yaml(text)
    assert back == session
    assert session_to_yaml(back) == text
    assert session_to_yaml(session) == text  # deterministic


def test_layout_is_readable_yaml() -> None:
    text = session_to_yaml(rich_session())
    assert text.startswith("#")
    data = yaml.safe_load(text)
    assert list(data) == [
        "sahel_reader_session",
        "title",
        "documents",
        "annotations",
        "marks",
        "link_verdicts",
        "view",
    ]
    assert data["sahel_reader_session"] == 1
    assert "note: |\n    line one\n    line two\n" in text  # notes as block scalars
    assert "🇲🇱💥" in text and "l’AFP" in text  # unicode written as is
    assert "&id" not in text and "*id" not in text  # no aliases
    assert "orphan: true" in text and "orphan: false" not in text
    assert "orphan" not in data["annotations"][0] and data["annotations"][-1]["orphan"] is True
    assert "text:" in text
    unembedded = rich_session()
    unembedded.embed = False
    assert "text:" not in session_to_yaml(unembedded)
    assert all(
        len(line) < 200 for line in text.splitlines() if "sha256" not in line
    )  # nothing folded oddly


def test_long_lines_are_not_folded() -> None:
    session = rich_session()
    session.annotations[0].note = "word " * 400 + "end"
    text = session_to_yaml(session)
    assert session_from_yaml(text).annotations[0].note == session.annotations[0].note
    assert ("word " * 400 + "end") in text


notes_text = st.text()
small_ids = st.text(min_size=1, max_size=12)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    text = draw(st.text(min_size=1, max_size=200))
    doc = draw(small_ids)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    spot = Anchor.of(doc, text, start, end)
    other = Anchor(
        draw(small_ids),
        draw(st.integers(0, 10**6)),
        10**6 + 5,
        draw(st.text()),
        draw(st.text()),
        draw(st.text()),
    )
    notes = draw(
        st.lists(st.tuples(notes_text, st.lists(st.text(), max_size=4), st.booleans()), max_size=4)
    )
    embed = draw(st.booleans())
    return Session(
        documents=[
            SessionDocument(doc, draw(st.text()), text_sha256(text), text if embed else None)
        ],
        annotations=[
            Annotation(
                f"n{i}",
                spot if i % 2 else other,
                note,
                tags,
                draw(st.text()),
                draw(st.text()),
                orphan,
            )
            for i, (note, tags, orphan) in enumerate(notes)
        ],
        marks=[Mark(spot, draw(st.text()), draw(st.booleans()))],
        link_verdicts=[
            LinkVerdict(
                draw(st.sampled_from(["confirmed", "rejected", "manual"])),
                spot,
                other,
                draw(st.text()),
                draw(st.booleans()),
            )
        ],
        view=ViewState(
            draw(st.none() | st.text()),
            draw(st.dictionaries(st.text(), st.integers(0, 10**9), max_size=3)),
            draw(st.none() | st.text()),
        ),
        title=draw(st.none() | st.text()),
        embed=embed,
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_any_session_round_trips_exactly(session: Session) -> None:
    text = session_to_yaml(session)
    back = session_from_yaml(text)
    assert back == session
    assert session_to_yaml(back) == text


# --- with real files ---------------------------------------------------------------------------
