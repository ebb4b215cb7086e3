"""Reports and notes the session tests share: two short reports, notes that YAML finds tricky, and
an anchor on a quoted passage."""

from __future__ import annotations

from sahel_reader.story.annotations import Anchor

AFP = (
    "Attack in Bamako\n\n"
    "More than 70 people were killed and 200 injured in a militant attack on a training camp.\n"
    "A security source said 77 people had died and 255 had been injured in Tuesday's attacks.\n"
    "An official document named 81 victims and estimated the death toll at almost 100.\n"
    "The JNIM organization has claimed responsibility for the attacks.\n"
)
REUTERS = (
    "Dozens killed in Mali\n\n"
    "Security sources said around 70 people were killed in the attack.\n"
    "Local media put the toll in the 70s.\n"
)
TRICKY_NOTES = [
    "line one\nline two\n",
    "ends without newline\nsecond",
    "  leading spaces\n  kept\n",
    "trailing spaces   \nare here  ",
    "\n\nstarts with blank lines\n\n\n",
    "# not a comment\n- not a list item\nkey: not a mapping\n",
    "yes",
    "null",
    "- item",
    "~",
    "1e3",
    "0o17",
    "2024-09-19",
    "@at",
    "`tick",
    "!bang",
    "&anchor",
    "*alias",
    "colon: inside",
    "quotes ' and \" both",
    '"quoted"',
    "'single'",
    "{flow: map}",
    "[flow, list]",
    "unicode: Bamako — 77 morts « selon » l’AFP, 死者 77 人 🇲🇱💥",
    "tab\tinside\nand a\ttab line\n",
    "carriage\rreturn",
    "nel\x85line sep\u2028para sep\u2029end",
    "bell\x07 and bom\ufeff inside",
    "",
]


def anchor(doc: str, text: str, exact: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(exact, start + 1)
    return Anchor.of(doc, text, start, start + len(exact))
