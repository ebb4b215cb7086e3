"""Page furniture and credit lines: what a site adds around an article, and whom a report credits.

Boilerplate lines stay in the text (offsets must not move) but are never mined for claims, so
the rules match whole lines only: a sentence that merely mentions "comment" is never caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .kept_patterns import compile_kept
from .trie import word_alternatives, word_branches

if TYPE_CHECKING:  # a type alias: spans' dataclasses are the engine's, not needed to read a report
    from .spans import Span

_MONTHS = ("jan january feb february mar march apr april may jun june jul july aug august sep sept september oct "
           "october nov november dec december").split()
_WEEKDAYS = ("mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun "
             "sunday").split()
_STAMP_WORDS = ("last updated modified posted published created date dated on at am pm hr hrs gmt utc uk ist et est "
                "edt ct cst cdt pt pst pdt bst cet cest eat wat cat irst jst hkt aest").split()
# The words as tries (``trie``): every word but the right ones is passed over in a step or two, where
# forty alternatives were tried in turn at each word of a date line (a third of its time). Any word of
# a list may be the one a line needs: the same lines match, whatever the order they are tried in.
_MONTH = word_alternatives(_MONTHS)
_DATE_WORD = rf"\d+(?:st|nd|rd|th|am|pm|hrs?)?|{word_branches(_MONTHS + _WEEKDAYS + _STAMP_WORDS)}"
# A line that is only a publication date or time stamp, with its label: "Last Updated: Monday,
# 28 November 2005, 02:24 GMT", "Posted 11/27/2005 7:21 AM". Every word must be a date word, and
# the line must name a month or hold a numeric date, so "On Monday" or a lone figure stays text.
_CREDIT = r"(?-i:[A-Z]{2,6})[ \t]*+[|:,\-–—]?[ \t]*+"
"""A wire's or desk's initials before the date of a dateline: "TNN Nov 12, 2011, 05.51AM IST MUMBAI:"."""
_PLACE = r"(?-i:[A-Z][A-Z.' ]{1,30}[A-Z])[ \t]*[:\-–—][ \t]*+"
"""The place, in capitals, that a dateline ends with before the story begins on the next line."""
_DATE_FIRST_WORD = rf"(?:{_CREDIT})?[ \t,.:;/|+()\-–—]*+(?:(?:{_DATE_WORD})\b|[ap]\.m\.)"
# Its look-ahead for a month or a numeric date takes the first it finds (``.*?``): a date line names
# its date near its start, and ``.*`` ran to the line's end and came back (the same lines match).
_DATE_LINE = (
    rf"(?=.*?(?:\b(?:{_MONTH})\b|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}))(?:{_CREDIT})?"
    rf"[ \t,.:;/|+()\-–—]*+(?:(?:(?:{_DATE_WORD})\b|[ap]\.m\.)[ \t,.:;/|+()\-–—]*+)+(?:{_PLACE})?"
)

# Each rule matches a whole stripped line (case-insensitive). Rules that allow free text after a
# fixed opening ("Read more: ...") cap the line length, so a long sentence never matches; the
# opening is looked for before the length, which reads the line, so that a line of prose costs little.
_RULES = (
    r"loading(?: now)?(?:\.\.\.|…)?",
    r"(?:post|add|leave|write) (?:a |your )?(?:comment|reply)s?(?: cancel reply)?",
    r"\d* ?comments?(?: \(\d+\))?",
    r"your email address will not be published\.?(?: required fields are marked \*)?",
    r"required fields are marked \*",
    r"got a (?:question|tip|story)\??",
    r"(?=find|follow)(?=.{0,160}$)(?:find|follow) us (?:on|at)\b.*",
    r"(?=you|also)(?=.{0,160}$)(?:you may |you might )?also (?:read|see|like)\b ?[:|\-–—].*",
    r"(?:you may|you might) also like.{0,80}",
    r"(?=original|source)(?=.{0,200}$)(?:original )?source: ?(?:https?://|www\.)?[\w-]+(?:\.[\w-]+)+/?\S*",
    r"(?=read|related|see|recommended|more)(?=.{0,200}$)(?:read more|related(?: articles| stories| news| content| coverage)?|see also"
    r"|recommended|more on this(?: story)?)(?: ?:.*|(?: ?[»>›→])?)",
    r"(?=advert)(?=.{0,80}$)advert(?:isement|ising)?(?: ?[-–—:] ?.*)?|sponsored(?: content)?",
    r"(?=share)(?=.{0,60}$)share(?: this)?(?: article| story| post| page)?(?: on .*| via .*|:)?",
    r"(?:(?:share|print|e-?mail|tweet|facebook|twitter|x|whatsapp|linkedin|pinterest|reddit"
    r"|telegram|messenger|copy link)[ \t|,·•/]*+)+",
    r"(?=sign|subscribe|register)(?=.{0,160}$)(?:sign up|subscribe|register)\b.*",
    r"(?=click)(?=.{0,160}$)click here\b.*",
    r"(?=©|\(c\)|copyright)(?=.{0,200}$)(?:©|\(c\)|copyright\b).*\d{4}.*|(?=.{0,200}$).*\ball rights reserved\.?",
    r"(?=we)(?=.{0,160}$)we use cookies\b.*|accept(?: all)? cookies",
    r"skip to (?:main )?content|back to top|(?:next|previous) (?:article|story|post)",
    r"(?=continue)(?=.{0,80}$)continue reading\b.*",
    r"trending(?: now)?|most (?:read|popular|viewed)|top stories|more stories|latest news",
    r"(?:image|photo|picture|media) (?:caption|source|credit)s?\b.{0,120}",
    r"\(?(?:additional )?reporting by .{0,200}(?:editing|writing) by .{0,120}",
    r"(?:https?://|www\.)\S+",
    # _DATE_LINE, its first word checked first: its look-ahead for a month reads the whole line,
    # and a line of prose seldom opens with a date word (the same lines match).
    rf"(?={_DATE_FIRST_WORD}){_DATE_LINE}",
)
_BOILERPLATE_LINE = compile_kept(
    r"^[^\S\n]*+(?:" + "|".join(f"(?:{rule})" for rule in _RULES) + r")[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_DATE_ONLY = compile_kept(rf"(?={_DATE_FIRST_WORD}){_DATE_LINE}", re.IGNORECASE)
"""A date line, its first word checked first as in ``_RULES``: the same lines match, and a line of
prose is passed over before its look-ahead for a month reads it whole."""


def boilerplate_lines(text: str) -> list[Span]:
    """Spans of whole lines (newline excluded) that a site adds around the article."""
    return [match.span() for match in _BOILERPLATE_LINE.finditer(text) if match.group().strip()]


def is_date_line(line: str) -> bool:
    """True for a line that is only a publication date or time stamp: "Updated 4/9/2007 6:04 PM"."""
    return _DATE_ONLY.fullmatch(line.strip()) is not None


# Wire and agency credits, as written -> canonical name. Names match as whole, case-sensitive
# words ("dpa", never the letters inside "Udpa"). Every alternative starts with its literal name
# and checks its boundaries after it, which lets the regex engine skip ahead on the first letter.
_AGENCIES = {
    "Australian Associated Press": "AAP", "AAP": "AAP",
    "Agence France-Presse": "AFP", "Agence France Presse": "AFP", "AFP": "AFP",
    "Associated Press": "AP", "AP": "AP",
    "Reuters": "Reuters",
    "Anadolu": "Anadolu",
    "Xinhua": "Xinhua",
    "Deutsche Presse-Agentur": "dpa", "dpa": "dpa",
    "EFE": "EFE",
    "United Press International": "UPI", "UPI": "UPI",
    "Bloomberg": "Bloomberg",
    "Press Trust of India": "PTI", "PTI": "PTI",
    "Asian News International": "ANI", "ANI": "ANI",
    "Indo-Asian News Service": "IANS", "IANS": "IANS",
    "Bernama": "Bernama",
    "Kyodo": "Kyodo",
    "Yonhap": "Yonhap",
    "TASS": "TASS",
    "RIA Novosti": "RIA Novosti",
    "Interfax": "Interfax",
    "Islamic Republic News Agency": "IRNA", "IRNA": "IRNA",
    "Iranian Students News Agency": "ISNA", "Iranian Students' News Agency": "ISNA", "ISNA": "ISNA",
    "ANSA": "ANSA",
    "Press Association": "Press Association", "PA Media": "Press Association",
    "Canadian Press": "Canadian Press",
}  # fmt: skip
# Acronyms that mean something else too (AP: Andhra Pradesh, PTI: a Pakistani party, UPI: an
# Indian payment system, ANI) count only in a credit context: "(AP)", "told the AP", "an AP
# reporter", "PTI reported".
_CREDIT_LEADS = ("(", "told ", "by ", "via ", "according to ", "spoke to ", "talking to ")
_CREDIT_FOLLOWS = (
    r"(?=\)|\s+(?i:news agency|news service|reporter|correspondent|photographer|journalist"
    r"|photo|report|reported|reports|said|says|quoted|learned)\b|\s*[—–]\s|:)"
)
_NEEDS_CREDIT_CONTEXT = frozenset({"AP", "PTI", "UPI", "ANI"})
_NOT_THE_AGENCY = {"Bloomberg": r"(?<!Michael Bloomberg)(?! Philanthropies)"}


def _agency_tail(name: str) -> str:
    """What must hold once ``name`` is read: a whole word, and the credit context an ambiguous acronym needs."""
    literal = re.escape(name)
    tail = rf"(?<!\w{literal})\b" + _NOT_THE_AGENCY.get(name, "")
    if name not in _NEEDS_CREDIT_CONTEXT:
        return tail
    leads = [lead + the for lead in _CREDIT_LEADS for the in ("", "the ") if lead != "(" or not the]
    preceded = "|".join(f"(?<={re.escape(lead)}{literal})" for lead in leads)
    return f"{tail}(?:{preceded}|{_CREDIT_FOLLOWS})"


# The names as a trie (no name begins another, so at most one can be read at a place): a capital
# that starts no name is passed over in a step or two, where forty alternatives were tried in turn.
_AGENCY = compile_kept(word_alternatives(list(_AGENCIES), {name: _agency_tail(name) for name in _AGENCIES}))
_SOURCE_LINE = compile_kept(
    r"^[^\S\n]*(?:original )?source: ?(?:https?://)?(?:www\.)?"
    r"(?P<host>[\w-]+(?:\.[\w-]+)+)\S*[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)


def source_hosts(text: str) -> list[str]:
    """Hosts named by "Original Source: www.arabnews.com" lines, without "www."."""
    return [match.group("host").lower() for match in _source_lines(text)]


def credited_sources(text: str) -> list[str]:
    """Whom the report credits: agencies and "Original Source:" hosts, deduplicated, in order."""
    found = [(m.start(), m.group("host").lower()) for m in _source_lines(text)]
    found += [(m.start(), _AGENCIES[m.group()]) for m in _AGENCY.finditer(text)]
    return list(dict.fromkeys(name for _, name in sorted(found)))


def _source_lines(text: str) -> Iterator[re.Match[str]]:
    """``_SOURCE_LINE.finditer(text)``, tried only on the lines with "source:" in them.

    A pattern anchored at line starts is tried at every character of the text, which cost a
    report as much as all its agency names; its colons are found in C, and the few preceded by
    "source" (as ``re.IGNORECASE`` reads it, where "ſ" is an "s") lead to their line.
    """
    colon = text.find(":")
    while colon != -1:
        if text[max(0, colon - 6):colon].lower().replace("ſ", "s") == "source":
            match = _SOURCE_LINE.match(text, text.rfind("\n", 0, colon) + 1)
            if match:
                yield match
            colon = text.find("\n", colon)  # the line is read: its other colons lead to it again
            if colon == -1:
                return
        colon = text.find(":", colon + 1)
