"""A small valid session file, for the tests that break it or load its reports."""

from __future__ import annotations

from sahel_reader.story.annotations import Anchor, Annotation, LinkVerdict, Mark, Session, SessionDocument, ViewState
from sahel_reader.story.session import session_to_yaml, text_sha256

TEXT = "First sentence here.\nMore than 70 people were killed.\nThe last sentence.\n"


def valid_yaml() -> str:
    spot = Anchor.of("afp", TEXT, 21, 53)
    return session_to_yaml(
        Session(
            documents=[
                SessionDocument("afp", "afp.txt", text_sha256(TEXT)),
                SessionDocument("ap", "ap.txt", text_sha256(TEXT)),
            ],
            annotations=[
                Annotation("n1", spot, "a note", ["verified"], "t", "t"),
                Annotation("n2", spot, "another", [], "t", "t"),
            ],
            marks=[Mark(spot, "t")],
            link_verdicts=[LinkVerdict("confirmed", spot, spot, "t")],
            view=ViewState("afp", {"afp": 1}, "dark"),
            title="Bamako",
        )
    )
