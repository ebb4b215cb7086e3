"""Who a speaker mention stands for: the fullest name a report gives a person or a body.

Built from general English conventions, not from any report: titles and roles stand before a
name ("Sheriff Robert Pickell", "Ryan's spokeswoman, AshLee Strong") and are not part of it; a
person is named in full once and by surname after ("Mr. Kiir" is Salva Kiir); a definite role
("the doctor") stands for the person the report gave that role ("Ema Suryani, a doctor at ..."),
"the agency" for the agency it named, "the statement" for whoever issued it; he and she stand
for the nearest person named before whose title or role does not rule them out. Places ("In Suka
Makmur"), organisations and dates are not people.

``People`` answers for one report and remembers what it looked up (the forms of each surname),
since a report names the same few people again and again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .clock import MONTH_NAMES, WEEKDAYS
from .kept_patterns import compile_kept
from .phrases import Mention, noun_phrase_at, subject_before
from .words import FEMALE, MALE, NOT_PEOPLE, ROLES, TITLES, TITLES_WITH_DOT

_FUNCTION_WORDS = frozenset(
    "the a an and or but in on at of for to by with from as if when while after before since "
    "this that these those it its he she they we i you his her their our my there here then so "
    "yet also not no all some many most both each every one what who why how where which because although though "
    "unless whether whereas".split()
)
_LEADING_WORDS = TITLES | _FUNCTION_WORDS
_NOT_A_PLAIN_NAME = _LEADING_WORDS | NOT_PEOPLE
_PARTICLES = frozenset("de del della di da dos das du van von der den bin ibn al el le la st".split())
_BODIES = frozenset(
    "agency newspaper paper daily magazine network channel station broadcaster outlet website "
    "company firm".split()
)
"""Roles held by an organisation: "the agency" is the agency the report named (IRNA)."""
_DOCUMENTS = frozenset(
    "statement report letter email e-mail memo editorial release communique communiqué post tweet "
    "video ad advertisement study survey poll paper article book website note message filing "
    "complaint lawsuit ruling order transcript speech".split()
)
"""Things that speak for whoever issued them: "the statement" said what its author said."""
_PRONOUNS = frozenset("he she they it we i".split())
_CONTRACTIONS = ("'s", "’s", "'d", "’d", "'ll", "’ll", "'ve", "’ve", "'re", "’re")
_DAYS_AND_MONTHS = frozenset(WEEKDAYS[:7]) | frozenset(name.lower() for name in MONTH_NAMES)
_WORD = compile_kept(r"[\w’'-]+\.?")
_PARTICLE_PATTERN = r"(?:de|del|da|di|dos|du|van|von|der|bin|ibn|al|el|le|la)(?=\s+[A-Z])"
_TITLE_DOT = "|".join(rf"(?<=\b{title})" for title in [*TITLES_WITH_DOT, "[A-Z]"])
_WORD_REST = rf"[\w’'-]*(?:(?=\.)(?:{_TITLE_DOT})\.(?!\w))?"
"""The rest of a capitalised word, with the dot of a title or an initial (Lt., J.); any other word
ends before a dot, so a run of names never crosses a sentence end ("in Ohio. The")."""
_NAME_WORD = rf"(?:[A-Z]{_WORD_REST}|{_PARTICLE_PATTERN})"
_NAME_RUN = compile_kept(rf"[A-Z](?<![\w’'.&-].){_WORD_REST}(?:[^\S\n]+{_NAME_WORD})*")
"""Capitalised words in a row ("Troy police Lt." ends one, "Lt. Gerry Scherlinck" is one). It
opens on the capital, so ``re`` passes over the rest of a text in C."""
_WORDS_BEFORE = compile_kept(rf"[A-Z](?<![\w’'.&-].){_WORD_REST}(?:[^\S\n]+{_NAME_WORD})*[^\S\n]+$")
"""The capitalised words right before a place in the text (the endpos of the search)."""
_LOWER_CASE_WORD = compile_kept(r"(?<![\w’'.-])[a-z]{4,}\b")
"""A word of prose: a headline in title case has none (its short words, "of", "in", "and", may be lower case)."""
_PLAIN_NAME = compile_kept(r"[A-Z][a-z’'-]+(?:[ ][A-Z][a-z’'-]+){0,2}")
_ROLE_PLACE = compile_kept(r" (?:of|for|at|in) (?:the )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}, ")
"""What may stand between a role and the name set off after it: where the role is held ("the mayor of Bamako, ")."""
_APPOSITION_OPENS = compile_kept(r"\s*(?:a|an|the|his|her|its|their|[A-Z][\w’'-]*[’']s)\b")
"""How the apposition that gives a name its role opens: "Ema Suryani, a doctor at ..."."""
_TIME_AT_END = compile_kept(
    r"(?:\s+(?:on|late|early|last|this|earlier|later))?\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?$")
_TIME_LAST_WORDS = ("day", "night", "morning", "afternoon", "evening", "\n")
"""How a phrase that ``_TIME_AT_END`` finds in ends (``$`` stands before a final line break too): any other is not searched."""
_OF_PLACE = compile_kept(r"\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z]")
_PERSON_WORD = compile_kept(r"[A-Z][a-z’'-]+\w*")
_PLACE_BEFORE = compile_kept(r"\b(?:in|at|from|near|to|of|into)\s$", re.IGNORECASE)
_ROLE = compile_kept(r"(?:the|this|that|its|his|her|their)\s(?:[\w’'-]+\s){0,3}(?P<role>[a-z][\w-]+)$", re.I)
_DOCUMENT_AUTHOR = compile_kept(r"\s+(?:from|by|of)\s+", re.I)
_DOCUMENT_PRONOUN = compile_kept(r"\s(?P<who>he|she|they|it)\s+(?:issued|released|sent|posted|published|wrote|made|signed)\b")
_ISSUED = compile_kept(
    r"[imprsw](?<!\w.)(?:(?<=i)ssued|(?<=r)(?:eleased|ead\s+out)|(?<=s)ent|(?<=p)(?:osted|ublished|ut\s+out)|(?<=w)rote"
    r"|(?<=m)ade)\s+(?:a|an|the|its|his|her|their)"
    r"\s+(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)\b")
"""Who issued a document: "X issued a statement". It opens on a verb's first letter, not after a letter (the ``\\b``
it stands for), then the rest of the verb behind a look back at that letter: ``re`` passes over the other letters of
the 6,000 characters searched for it in C, where a ``\\b`` first was tried at each."""
_REACH = 600
"""How far back, in characters, a pronoun looks for the person it stands for."""
_ROLE_REACH = 6000
"""How far back a role looks for the name its holder was given."""
_LONGEST_QUOTATION = 5000
"""Quotations this much before a place cannot hold it."""


class Person:
    """A speaker as named: the name (or description) and whether it is a person, with a gender
    where a title or role tells it ("f", "m")."""

    __slots__ = ("name", "person", "gender")

    def __init__(self, name: str, person: bool, gender: str | None = None) -> None:
        self.name, self.person, self.gender = name, person, gender


class People:
    """The people and bodies one report names, looked up on demand."""

    __slots__ = ("text", "_forms", "_quotations")

    def __init__(self, text: str, quotations: list[tuple[int, int]] = ()) -> None:
        self.text = text
        self._forms: dict[str, list[tuple[int, str]]] = {}
        self._quotations = list(quotations)
        """The quoted passages, in order: a name quoted is no one a pronoun stands for."""

    def _quoted(self, position: int, speaking: int) -> bool:
        """Whether ``position`` lies in a quotation that does not also hold ``speaking`` (a report
        quoted by another names its own speakers)."""
        index = bisect_left(self._quotations, (position + 1,)) - 1
        while index >= 0 and position - _LONGEST_QUOTATION < self._quotations[index][0] <= position:
            start, end = self._quotations[index]
            if end > position and not start <= speaking < end:
                return True
            index -= 1
        return False

    def describe(self, mention: Mention) -> Person:
        """What a speaker mention names, as written, and whether that looks like a person."""
        text = self.text
        head = text[mention.start:mention.head_end]
        lowered = head.lower()
        if lowered.endswith(_CONTRACTIONS):
            pronoun = lowered.replace("’", "'").split("'")[0]
            if pronoun in _PRONOUNS:
                head = lowered = pronoun  # "he’s predicting that …": he
        if lowered in _PRONOUNS:
            return Person(head, lowered in ("he", "she"), {"she": "f", "he": "m"}.get(lowered))
        if mention.end == mention.head_end and _PLAIN_NAME.fullmatch(head) and \
                _NOT_A_PLAIN_NAME.isdisjoint(lowered.split()):
            return Person(head, True)  # most tags name a person plainly: "Webber", "Lucas Webber"
        when = _TIME_AT_END.search(head) if head.endswith(_TIME_LAST_WORDS) else None  # "Sen. Bernie Sanders on Wednesday morning"
        name = name_in(text, mention.start, mention.start + when.start() if when else mention.head_end, at_end=True)
        if name is None and mention.end > mention.head_end:
            name = name_in(text, mention.head_end, mention.end)
        gender = _gender(text[mention.start:mention.end])
        if name is not None and lowered.startswith("the ") and text[name[0] - 4:name[0]].lower() == "the ":
            name = None  # "The Hill", "the Post": a title, not a person
        if name is not None and name[0] > mention.start and _PLACE_BEFORE.search(text, name[0] - 6, name[0]):
            name = None  # "one woman in Qeshm": a place the description gives, not a name
        if name is not None and is_person_name(text[name[0]:name[1]]):
            return Person(text[name[0]:name[1]], True, gender)
        return Person(head, False, gender)

    def apposed_name(self, mention: Mention) -> str | None:
        """The full name a speaker's description gives after it, where the description names no person:
        "the mayor of Bamako, Jean Dupont", "One early supporter, Representative Lee Zeldin, Republican of New
        York" (a place or a body in the description kept it from ``describe``). The first part set off by
        commas that is all capitalised words, and two words or more: "CNN, Cruz said" names no one."""
        text, start = self.text, mention.head_end
        while start < mention.end:  # the first part between commas that is all capitalised words: the name
            comma = text.find(",", start, mention.end)
            end = mention.end if comma < 0 else comma
            words = text[start:end].split()
            if len(words) >= 2 and all(word[:1].isupper() for word in words):
                name = name_in(text, start, end)
                written = text[name[0]:name[1]] if name is not None else ""
                return written if " " in written and is_person_name(written) else None
            start = end + 1
        return None

    def names_a_person(self, mention: Mention) -> bool:
        """Whether the mention names a person for sure: two names or more, a title and a name,
        or a single name the report also gives in full."""
        described = self.describe(mention)
        if not described.person:
            return False
        if " " in described.name:
            return True
        before = self.text[mention.start:self.text.find(described.name, mention.start)].split()
        return bool(before) and _bare(before[-1]) in TITLES or any(
            " " in form for _, form in self._forms_of(described.name))

    def fullest(self, name: str, before: int) -> str:
        """The full name the report gives a person called ``name`` ("Kiir" → "Salva Kiir"): of the
        full forms before ``before`` (else after it), the one it uses most, the first on a tie;
        a report names its main figure in full more than once, and a namesake less."""
        words = name.split()
        surname = words[-1]
        if len(words) > 1 and _bare(words[0]) not in TITLES or len(surname) < 2 or not surname[0].isupper():
            return name  # named in full already
        forms = [form for _, form in self._forms_of(surname) if _agrees(name, form)]
        earlier = [form for position, form in self._forms_of(surname) if position < before and form in forms]
        candidates = earlier or forms
        if not candidates:
            return name
        return max(candidates, key=lambda form: (candidates.count(form), -candidates.index(form)))

    def holder(self, description: str, before: int) -> Person | None:
        """Who a definite role or document stands for: "the doctor", "the agency", "the statement"."""
        role = _ROLE.match(description.split(" and ")[0])  # "the senator and candidate": the senator
        if role is None:
            return None
        noun = role.group("role").lower()
        if noun in _DOCUMENTS:
            return self._author(noun, before)
        if noun not in _BODIES and noun not in ROLES:
            return None  # "the general staff", "the board": no one person or named body
        text = self.text
        start = max(0, before - _ROLE_REACH)
        for match in reversed(list(_role_pattern(noun).finditer(text, start, before))):
            if match.start() and _is_word(text[match.start() - 1]):
                continue  # inside a word: the ``\b`` the pattern leaves out ("Sandr", "hundred")
            name = self._name_beside(match.start(), match.end(), body=noun in _BODIES)
            if name:
                return Person(name, noun not in _BODIES)
        return None

    def nearest(self, position: int, gender: str | None, recent: list[tuple[int, Person]]) -> Person | None:
        """The nearest person named before ``position`` whose gender, where known, fits."""
        runs = list(_NAME_RUN.finditer(self.text, position - _REACH, position))
        spoken = [(offset, person) for offset, person in recent if person.person and offset < position]
        while runs or spoken:
            if spoken and (not runs or spoken[-1][0] >= runs[-1].start()):
                candidate = spoken.pop()[1]
            else:
                run = runs.pop()
                candidate = None if self._quoted(run.start(), position) else self._person_in_run(run)
            if candidate and (candidate.gender is None or gender is None or candidate.gender == gender):
                return Person(self.fullest(candidate.name, position), True, gender)
        return None

    def _person_in_run(self, run: re.Match[str]) -> Person | None:
        """The person a capitalised run names, if it names one ("Mr. Kiir", "Gerry Scherlinck")."""
        text = self.text
        every = list(_WORD.finditer(text, run.start(), run.end()))
        words = _after_titles(every)
        title = _bare(every[len(every) - len(words) - 1].group()) if 0 < len(words) < len(every) else ""
        if not words or _PLACE_BEFORE.search(text, run.start() - 6, run.start()):
            return None
        name = text[words[0].start():_word_end(words[-1])]
        if not is_person_name(name):
            return None
        if len(words) == 1 and title not in TITLES:
            following = _WORD.match(text, run.end() + 1)
            if following and following.group().islower() and not following.group().endswith(("ed", "s")):
                return None  # "Detroit broadcast stations": a modifier, not a person
            if not any(" " in form for _, form in self._forms_of(name)):
                return None
        gender = "f" if title in FEMALE else "m" if title in MALE else _gender(text[run.start() - 40 if run.start() > 40 else 0:run.start()])
        return Person(name, True, gender)

    def _name_beside(self, start: int, end: int, body: bool) -> str | None:
        """A name next to a role word: "ROLE NAME", "ROLE, NAME," or "NAME, a ... ROLE"."""
        text = self.text
        after = None
        if text[end:end + 1] == " ":
            after = _NAME_RUN.match(text, end + 1)
        elif text[end:end + 2] == ", ":
            after = _NAME_RUN.match(text, end + 2)
        if after is None:
            place = _ROLE_PLACE.match(text, end)  # "the mayor of Bamako, Jean Dupont"
            after = _NAME_RUN.match(text, place.end()) if place else None
        if after:
            name = name_in(text, after.start(), after.end())
            if name and self._fits(text[name[0]:name[1]], body):
                return text[name[0]:name[1]]
        comma = text.rfind(",", max(0, start - 80), start)
        if comma > 0 and "." not in text[comma:start] and text.count(" ", comma, start) <= 8 and (
                _APPOSITION_OPENS.match(text, comma + 1, start)):
            runs = list(_NAME_RUN.finditer(text, max(0, comma - 60), comma))
            if runs and runs[-1].end() == comma:
                name = name_in(text, runs[-1].start(), comma)
                if name and self._fits(text[name[0]:name[1]], body):
                    return text[name[0]:name[1]]
        return None

    def _fits(self, name: str, body: bool) -> bool:
        """A name that can hold a role: a body's (any name), a person's (a full name, or a surname
        the report gives in full: "President Obama")."""
        if body:  # "earnings on Wednesday, the social media company said": a day holds no role
            return name.split()[0].lower() not in _FUNCTION_WORDS and name.lower() not in _DAYS_AND_MONTHS
        if not is_person_name(name):
            return False
        return " " in name or any(" " in form for _, form in self._forms_of(name))

    def _author(self, noun: str, before: int) -> Person | None:
        """Who issued the document last mentioned before ``before`` ("X issued a statement")."""
        text = self.text
        start = max(0, before - _ROLE_REACH)
        for issued in reversed(list(_ISSUED.finditer(text, start, before))):
            if issued.group("noun").lower() == noun:
                stop = text.rfind(". ", 0, issued.start())
                sentence_start = max(text.rfind("\n", 0, issued.start()) + 1, stop + 2 if stop >= 0 else 0)
                mention = subject_before(text, sentence_start, issued.start())
                if mention is not None:
                    return self.describe(mention)
        return None

    def _forms_of(self, surname: str) -> list[tuple[int, str]]:
        """Every fuller name ending in ``surname`` ("Salva Kiir" for "Kiir"), titles left out, with
        where it is; found once per surname and report."""
        if surname in self._forms:
            return self._forms[surname]
        text = self.text
        forms = []
        position = text.find(surname)
        while position >= 0:
            end = position + len(surname)
            if (position == 0 or not text[position - 1].isalnum()) and (end == len(text) or not text[end].isalnum()) \
                    and _name_word_before(text, position):
                before = _WORDS_BEFORE.search(text, position - 60, position)
                words = _after_titles(list(_WORD.finditer(text, before.start(), end))) if before else []
                if len(words) > 1 and is_person_name(text[words[0].start():end]) and not _in_title_case(text, position):
                    forms.append((position, text[words[0].start():end]))
            position = text.find(surname, end)
        self._forms[surname] = forms
        return forms


def _in_title_case(text: str, position: int) -> bool:
    """Whether ``position`` is on a headline's line, all its words capitalised: there any word before a
    name looks like part of it ("… Captures The Difference Between Bernie Sanders", "U.S. Nominates Jim Yong Kim")."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return _LOWER_CASE_WORD.search(text, start, len(text) if end < 0 else end) is None


def _name_word_before(text: str, position: int) -> bool:
    """Whether a capitalised word or a particle stands right before ``position`` on its line: most
    mentions of a surname follow a quote mark or "said", and need no closer look."""
    window = text[position - 40 if position > 40 else 0:position]
    if not window[-1:].isspace() or window[-1] == "\n":
        return False
    last = window.split()[-1:]
    return bool(last) and (last[0].lstrip("“\"‘'(")[:1].isupper() or last[0] in _PARTICLES)


@lru_cache(maxsize=128)
def _role_pattern(noun: str) -> re.Pattern[str]:
    """The role word or its abbreviation as a title ("governor", "Gov."), wherever it ends a word.

    A ``\b`` in front would make ``re`` try the pattern at each of the 6,000 places a role is looked
    for in; opening on the word's first letter, it passes over the others in C, and the caller
    checks that a match starts a word."""
    return re.compile(rf"(?:{ROLES.get(noun, re.escape(noun))})\b\.?", re.IGNORECASE)


def _is_word(character: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or the underscore."""
    return character.isalnum() or character == "_"


def document_author(text: str, mention: Mention) -> Mention | None:
    """``a statement from the army``: the author named after a document, as written."""
    head = text[mention.start:mention.head_end]
    words = head.split()
    if len(words) < 2 or words[1].lower().rstrip(",") not in _DOCUMENTS and words[-1].lower() not in _DOCUMENTS:
        return None
    pronoun = _DOCUMENT_PRONOUN.search(text, mention.start, mention.end)
    if pronoun:  # "a statement he released"
        return Mention(pronoun.start("who"), pronoun.end("who"), pronoun.end("who"))
    joint = _DOCUMENT_AUTHOR.search(text, mention.start, mention.end)
    if joint is None:
        return None
    return noun_phrase_at(text, joint.end(), mention.end + 80)


def name_in(text: str, start: int, end: int, at_end: bool = False) -> tuple[int, int] | None:
    """The offsets of the last name in ``text[start:end]``: a run of capitalised words after any
    title ("Troy police Lt. Gerry Scherlinck" → "Gerry Scherlinck"); with ``at_end``, only a run
    that ends the phrase, or stands before "of" a place ("Lucas Webber of Tech Against Terrorism")."""
    best = None
    for run in _NAME_RUN.finditer(text, start, end):
        words = _after_titles(list(_WORD.finditer(text, run.start(), run.end())))
        while words and _bare(words[-1].group()) in _PARTICLES:
            words.pop()
        if not words:
            continue
        name = (words[0].start(), _word_end(words[-1]))
        of_place = at_end and _OF_PLACE.match(text, name[1], end)
        if not at_end or of_place or not text[name[1]:end].strip(" .,"):
            best = name
            if of_place:
                break
    return best


def _after_titles(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words of a capitalised run after its last title or possessive ("South Sudan's
    President Salva Kiir" → "Salva Kiir"); none when it ends on one."""
    last = -1
    for index, word in enumerate(words):
        text = word.group()
        if _bare(text) in _LEADING_WORDS or text.endswith(("’s", "'s", "’", "s'", "-born", "-based")) and (
                index < len(words) - 1):
            last = index  # and "South Korean-born Monte Haines": an adjective before the name
    if words and words[-1].group().endswith(("’s", "'s")):
        return []
    return words[last + 1:]


def is_person_name(name: str) -> bool:
    """Capitalised words, none of them an organisation, place or date word, not an acronym."""
    words = list(map(_bare, name.split()))
    if not words or name.isupper() or not NOT_PEOPLE.isdisjoint(words):
        return False
    return len(words) >= 2 or bool(_PERSON_WORD.fullmatch(name))


def _agrees(short: str, full: str) -> bool:
    """Whether ``full`` ends like ``short`` and holds its other words ("Mr. Kiir", "Salva Kiir")."""
    words = full.split()
    return full.endswith(short.split()[-1]) and all(
        word in words for word in short.split() if _bare(word) not in TITLES)


def _gender(phrase: str) -> str | None:
    words = set(map(_bare, phrase.split()))
    if not FEMALE.isdisjoint(words):
        return "f"
    if not MALE.isdisjoint(words):
        return "m"
    return None


@lru_cache(maxsize=4096)
def _bare(word: str) -> str:
    """The word lower-cased, without a final dot or comma or a possessive 's (asked of the same
    few words again and again, so remembered)."""
    word = word.lower().rstrip(".,")
    return word[:-2] if word.endswith(("’s", "'s")) else word


def _word_end(match: re.Match[str]) -> int:
    word = match.group()
    return match.end() - 1 if word.endswith(".") and len(word) > 3 and "." not in word[:-1] else match.end()
