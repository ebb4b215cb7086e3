"""What a reader would call the fact one figure states, read from the English around it.

A label names what is measured and of what: the counted noun with what happened to it ("boats
captured", "skiffs that managed to flee"), the event a time, date or duration belongs to ("time the
quake struck", "how long the tremor lasted", "date of the next court hearing", "time since the
firing"), or the thing a measure is of ("area of the building", "year of the silver Ford Fusion").
Everything comes from the shape of English phrases (determiners, prepositions, participles, the
"-ed" and "-ing" forms of verbs), never from the words of one story. ``count_verb`` and
``measure_gist`` read one figure (its facet's ``gist``); ``linking`` votes over the figures of a fact.
"""

from __future__ import annotations

import re

from ..highlighters.clock import MONTHS
from ..highlighters.kept_patterns import compile_kept
from .people import PERSON_ENDINGS, PERSONS
from .verb_forms import CLAUSE_PAST, IRREGULAR, NOT_VERBS, is_past, past

_DETERMINER = r"(?i:the|a|an|his|her|its|their|our|my|this|that|these|those)"
_PARTICLE = r"(?:\s+(?:out|up|off|down|over|away|back))?"
_STOP_HEADS = frozenset("""
morning afternoon evening night day week month year hour minute second time today yesterday
monday tuesday wednesday thursday friday saturday sunday total number group lot part rest
""".split())
_PRONOUNS = frozenset("it he she they we i you them him her us".split())
_WORD = r"[^\W\d_][\w’'-]*"
_PHRASE_WORD = (r"(?!(?:on|at|in|of|for|from|to|into|by|with|after|before|during|near|and|or|that|which|is|was|are"
                r"|were|whom|them|those|these|it)\b)[\w’'-]+")
"""A word of a noun phrase: no preposition, conjunction, verb "to be" or pronoun."""


_PASSIVE_AFTER = compile_kept(
    rf"^(?:\s+{_WORD}){{0,3}}?\s*,?\s+(?:were|was|are|is|have\s+been|had\s+been|has\s+been|being|been|got)"
    rf"(?:\s+\w+ly)?\s+(?P<verb>{_WORD}{_PARTICLE})\b")
_REDUCED_AFTER = compile_kept(
    rf"^(?:\s+{_WORD}){{0,2}}?\s+(?P<verb>{_WORD}{_PARTICLE})\s+(?:by|in|at|from|during|on|to)\b")
_RELATIVE_AFTER = compile_kept(rf"^(?:\s+{_WORD}){{0,2}}?\s+(?:that|which|who)?\s*(?:it|they|he|she|we)\s+"
                             rf"(?:had\s+|has\s+|have\s+)?(?P<verb>{_WORD}{_PARTICLE})\b")
_ACTIVE_AFTER = compile_kept(rf"^(?:\s+of\s+(?:them|us|those|these))?\s+(?P<verb>{_WORD}\s+to\s+{_WORD}(?:\s+away)?)\b")
_OBJECT_BEFORE = compile_kept(
    rf"(?P<verb>{_WORD})(?:\s+(?:and|or)\s+(?P<second>{_WORD}))?\s+"
    r"(?:(?:the|a|an|all|its|their|his|her|some|remaining|other|another|total\s+of|group\s+of|further)\s+)*$")
_DOING_AFTER = compile_kept(
    rf"^(?:\s+{_WORD})?\s+(?P<verb>{_WORD})\s+(?P<object>{_DETERMINER}\s+(?:{_PHRASE_WORD}\s+)?{_PHRASE_WORD})")
"""What the things counted did, last of all: "four men rammed their car": men that rammed the car."""
_WITHIN_PHRASE = compile_kept(rf"^\s+(?P<verb>{_WORD})\s+{_WORD}")


def count_verb(left: str, right: str, noun: str | None) -> str | None:
    """What happened to the things a count counts, as a past participle phrase: "captured" for "captured
    three boats" or "three boats were captured", "that managed to flee" for "two of them managed to flee"."""
    found = _PASSIVE_AFTER.match(right) or _RELATIVE_AFTER.match(right)
    if found and is_past(found.group("verb").split()[0]):
        return found.group("verb").lower()
    found = _OBJECT_BEFORE.search(left)
    if found:
        second = found.group("second") and past(found.group("second"))
        first = past(found.group("verb"))
        if first:
            return f"{first} and {second}" if second and second != first else first
    found = _WITHIN_PHRASE.match(right)
    if found and noun and is_past(found.group("verb")) and right.lower().split()[1:2] != [found.group("verb").lower()]:
        return found.group("verb").lower()
    found = _ACTIVE_AFTER.match(right)
    if found and is_past(found.group("verb").split()[0]):
        return "that " + found.group("verb").lower()
    found = _REDUCED_AFTER.match(right)
    if found and is_past(found.group("verb").split()[0]):
        return found.group("verb").lower()
    found = _DOING_AFTER.match(right)
    if found and is_past(found.group("verb")):
        return f"that {found.group('verb').lower()} {_the(found.group('object'))}"
    return None


_PAST_FORM = rf"(?:[^\W\d_][\w-]*ed|{'|'.join(sorted(CLAUSE_PAST | set(IRREGULAR)))})\b"
_SUBJECT_VERB = compile_kept(
    rf"(?:{_DETERMINER}\s+(?P<noun>(?:{_PHRASE_WORD}\s+and\s+)?(?:{_PHRASE_WORD}\s+)?{_PHRASE_WORD})"
    rf"|(?P<name>(?!{_DETERMINER}\b)(?:[A-Z][\w-]+|it|he|she|they|we)))"
    rf"\s*(?:,?\s+(?:which|that|who)\s+|,\s*which\s+|\s+)"
    rf"(?P<aux>(?:had\s+been|has\s+been|have\s+been|was|were)\s+)?(?:had\s+|has\s+|have\s+)?"
    rf"(?:(?:first|finally|only|also|then|just|today|initially)\s+)?(?P<verb>{_PAST_FORM})(?P<particle>{_PARTICLE})"
    rf"(?P<rest>(?:\s+{_WORD}){{0,8}})?[\s,]*(?:(?:at|on|in|for|after|around|about|shortly|by|of|since)\s+)*$")
_COUNT_WORD = (r"(?i:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
               r"|hundreds|thousands|dozens|several|many|some|few)")
"""Words that count a subject: "three men", "200 people"."""
_CLAUSE_AFTER = compile_kept(
    rf"^\s*+(?:[A-Z]{{2,4}}\s*+)?\)?\s*+,?\s*+"
    rf"(?P<subject>{_DETERMINER}\s+(?:[\w-]+\s+){{0,2}}?[\w-]+(?:\s+of\s+[A-Z][\w-]*)?|(?P<counted>{_COUNT_WORD})\s+[\w-]+"
    rf"|(?!{_DETERMINER}\b)[^\W\d_][\w-]*)\s+"
    rf"(?P<aux>(?:was|were|had\s+been|has\s+been)\s+)?(?P<verb>{_PAST_FORM})(?P<rest>(?:\s+{_WORD}){{0,4}})")
"""A time that opens its sentence, and the clause after it: "In May 2010, the old bridge was closed", "At 3 p.m.,
police arrived"."""
_PRESENT_BEFORE = compile_kept(
    rf"(?P<subject>(?:{_DETERMINER}\s+)?(?!{_DETERMINER}\b){_PHRASE_WORD})\s+(?P<verb>[a-z][a-z-]+[^\Ws']s)"
    rf"\s+(?:on|at|by|until)\s*$")
"""A thing that happens at a time, in the present tense: "voting ends on", "the curfew starts at"."""
_LINK = r"(?:on|at|in|of|for|since)"
_NOUN_BEFORE = compile_kept(
    rf"\b{_DETERMINER}\s+(?P<phrase>(?:(?!{_LINK}\b)[\w-]+\s+){{0,2}}(?!{_LINK}\b)[\w-]+)"
    rf"\s*,?\s*(?P<link>{_LINK})?\s*$")
_ATTRIBUTIVE = compile_kept(rf"^\s+(?P<first>{_WORD})(?P<names>(?:\s+[A-Z][\w-]*)*)")
_OF_AFTER = compile_kept(
    rf"^\s*(?:worth\s+(?:of\s+)?|of\s+)(?P<phrase>(?:{_DETERMINER}\s+)?(?:{_PHRASE_WORD}\s+){{0,2}}{_PHRASE_WORD})")
_AMOUNT_OF = compile_kept(rf"\b{_DETERMINER}\s+(?P<phrase>(?:{_PHRASE_WORD}\s+)?{_PHRASE_WORD})\s+of\s*$")
"""What an amount is, named before it: "a loss of $40m" loss, "a record fine of €2bn" record fine."""
_AMOUNT_IN = compile_kept(r"^\s+in\s+(?P<phrase>[a-z][a-z-]+)\b(?!\s+(?:of|to|from)\b)")
"""What an amount is, named after it: "$5 million in restitution", "$2bn in loans" (not "$5m in the bank")."""
_DETERMINERS = frozenset("the a an his her its their our my this that these those".split())
_LOCATED = compile_kept(
    rf"\b{_DETERMINER}\s+(?P<phrase>(?:{_PHRASE_WORD}\s+)?{_PHRASE_WORD})\s*,?\s*(?:(?:is|was|lies|lay)\s+)?$")
"""What a distance is measured from: "a farmhouse 3 km west of the town", "the camp is 40 miles from"."""
_WORTH_BEFORE = compile_kept(
    rf"(?:\b{_DETERMINER}\s+(?P<phrase>(?:{_PHRASE_WORD}\s+){{0,2}}{_PHRASE_WORD})|\b(?P<bare>{_PHRASE_WORD}))"
    rf"\s+(?:worth|valued\s+at)\s*$")
"""What an amount is the value of: "jewels worth £2m", "£2m worth of jewels", "a necklace worth £2m"; without a
determiner only the one word before it ("stole jewels worth £2m": jewels)."""
_PLACE_BEFORE = compile_kept(r"\b(?:on|in|at|into|onto|near|inside|outside|across|from|to|under|by|through)\s*$",
                           re.IGNORECASE)
"""A noun phrase after one of these is where something happened or who did it, not what a time or date
belongs to."""
_PREPOSITIONS = frozenset("on at in of for from to into onto by with near after before around about since until during"
                          .split())
_AUXILIARIES = frozenset("is are was were be been has have had will would".split())
_SINCE = compile_kept(r"^\s+(?:earlier|before|ago|prior)\b")
_UNTIL = compile_kept(r"^\s+(?:after|later)\b")


def measure_gist(family: str, left: str, right: str) -> str | None:
    """What a time, date, duration, year or measure belongs to, as a reader would name it; for a measure,
    else what the sentence says it is ("turnout in the vote was 64 percent": turnout in the vote)."""
    return _belongs_to(family, left, right) or (_copula_subject(left) if family in _MEASURES else None)


def _copula_subject(left: str) -> str | None:
    """The subject of "is" or "was" that a figure ends: "Turnout in the vote was" turnout in the vote."""
    for word in re.finditer(_WORD, left):
        found = _COPULA.match(left, word.start())
        if found and found.group("first").lower() not in _NOT_SUBJECTS and not _INSIDE_NO_SUBJECT.intersection(
                found.group("subject").lower().split()):
            words = found.group("subject").split()
            if words[0].lower() in _ARTICLES and len(words) > 1:
                words.pop(0)
            before_a_name = len(words) > 1 and words[1][:1].isupper()
            if not left[:word.start()].strip() and not before_a_name:
                words[0] = words[0].lower()  # a capital that only opens the sentence: "Turnout in the vote"
            return " ".join(words)
    return None


_COPULA = compile_kept(rf"(?P<subject>(?P<first>{_WORD})(?:\s+{_WORD}){{0,3}}?)\s+(?:was|were|is|are|stood\s+at"
                     rf"|totall?ed|amounted\s+to)\s*$")
_NOT_SUBJECTS = frozenset("""
on at in of for from to into by with after before during near and or but that which who it he she they we i you
this these those there said says told
""".split())
_INSIDE_NO_SUBJECT = frozenset("said says told that which who and but it he she they we".split())
_ARTICLES = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_MEASURES = frozenset({"share", "money", "length", "area", "volume", "mass", "speed", "temperature"})
"""Families a "the X was N" names: not times, dates or durations, which a sentence seldom names so."""


def _belongs_to(family: str, left: str, right: str) -> str | None:
    what = _FAMILY_WORDS.get(family)
    if not what:
        return None
    done = object_done = _subject_and_verb(left)
    done = done if done and not (done.group("rest") or "").strip() else None  # "the shares fell 8%"
    if family == "share":  # "recovered 80% of the haul": share of the haul recovered
        found, object_of = _OF_AFTER.match(right), _OBJECT_BEFORE.search(left)
        verb = object_of and past(object_of.group("verb"))
        done_to = found and not verb and _PASSIVE_AFTER.match(right[found.end():])
        verb = verb or (done_to and is_past(done_to.group("verb").split()[0]) and done_to.group("verb").lower())
        if found:
            return " ".join(filter(None, (f"{what} of {_the(found.group('phrase'))}", verb)))
        return f"how much {_clause(done)}" if done else None
    modifier = re.search(rf"\b{_DETERMINER}\s+(?:(?P<modifier>[a-z][\w-]*)\s+)?$", left)
    attributive = modifier and _ATTRIBUTIVE.match(right)
    if attributive and modifier.group("modifier") and not attributive.group("first")[:1].isupper():
        attributive = None  # "a silver 2007 Ford" is a Ford's year; "a motorist 50 miles north" no thing's
    if family == "money":
        found = _OF_AFTER.match(right) or _WORTH_BEFORE.search(left)
        if found:
            return f"{what} of {_the(found.group('phrase') or found.group('bare'))}"
        named = _AMOUNT_OF.search(left) or _AMOUNT_IN.match(right)  # "a fine of $500", "$5m in damages"
        if named and named.group("phrase").lower() not in _STOP_HEADS | _DETERMINERS:
            return named.group("phrase")
        done = done or (object_done if object_done and len(object_done.group("rest").split()) == 1 else None)
        if done:  # "the fraud cost investors $80m"
            return f"amount {_clause(done)}"
        attributive = attributive if attributive and attributive.group("first")[:1].islower() else None
    if attributive and attributive.group("first").lower() not in _PREPOSITIONS | _STOP_HEADS:
        thing = attributive.group("first") + attributive.group("names")
        thing = f"{modifier.group('modifier')} {thing}" if modifier.group("modifier") else thing
        return thing if family == "duration" else f"{what} of the {thing}"
    if family == "length":
        found = _LOCATED.search(left)
        if not found:
            return None
        words = found.group("phrase").split()
        if len(words) > 1 and is_past(words[-1]):  # "a ferry sank 30 miles east of": where it sank
            return f"distance from where {_the(words[0])} {words[-1].lower()}"
        return f"distance from {_the(found.group('phrase'))}"
    if family not in ("time", "date", "duration", "year"):
        return None
    noun_before = _noun_before(left)
    if noun_before and not noun_before.group("link") and re.match(r"\s+[^\W\d_]", right) and not _SINCE.match(right):
        noun_before = None  # the figure stands inside the phrase: "a silver 2007 Ford"
    found = _subject_and_verb(left)  # the noun phrase wins where it stands well after the verb: "ordered him
    # held without bail pending his next court hearing" (April 19)
    if found and not (noun_before and len(left[found.end("verb"):noun_before.start()].split()) >= 2):
        clause = _clause(found)
        if family == "duration":
            return (f"time before {clause}" if left.rstrip().lower().endswith("after")
                    else f"time since {clause}" if _SINCE.match(right)
                    else f"time until {clause}" if _UNTIL.match(right) else f"how long {clause}")
        return f"since when {clause}" if left.rstrip().lower().endswith("since") else f"{what} {clause}"
    found = _PRESENT_BEFORE.search(left) if family in ("time", "date") else None
    if found and found.group("verb").lower() not in NOT_VERBS | _STOP_HEADS:  # "voting ends on May 9"
        subject = found.group("subject")
        opens = not left[:found.start()].strip()
        return f"{what} {subject[:1].lower() + subject[1:] if opens else subject} {found.group('verb')}"
    found = _CLAUSE_AFTER.match(right) if not left.strip(" ,").count(" ") else None
    if found and is_past(found.group("verb")):
        subject = found.group("subject")
        if found.group("counted"):  # "three men emptied"
            subject = subject[:1].lower() + subject[1:]
        else:  # "they left", "the police arrived"
            subject = subject.lower() if subject.lower() in _PRONOUNS else _the(subject)
        return (f"{what} {subject} {found.group('aux') or ''}{found.group('verb').lower()}"
                f"{_short(found.group('rest'))}")
    if noun_before:
        words = noun_before.group("phrase").split()
        kept = next((words[:at] for at, word in enumerate(words) if word.lower() in _AUXILIARIES), words)
        phrase = f"the {' '.join(kept)}"  # "the meeting is set for": the meeting
        if family == "duration":
            return f"time since {phrase}" if _SINCE.match(right) else None
        return f"{what} of {phrase}"
    return None


def _clause(found: re.Match) -> str:
    """A subject and its verb as a label says them: "the quake struck", "they had been separated"."""
    subject = _the(found.group("noun")) if found.group("noun") else found.group("name")
    subject = subject.lower() if subject.lower() in _PRONOUNS or _are_people(subject) else subject
    clause = f"{subject} {found.group('aux') or ''}{found.group('verb').lower()}{found.group('particle').lower()}"
    return clause + _short(found.group("rest"))


def _are_people(word: str) -> bool:
    """Whether a capitalised word names people in the plural, which only the sentence's start capitalised
    ("Prosecutors asked", "Witnesses heard", "Police arrived"), not a name ("Rogers asked")."""
    lowered = word.lower()
    return lowered in _PEOPLE or lowered.endswith("s") and any(
        stem in PERSONS or stem.endswith(PERSON_ENDINGS) for stem in (lowered[:-1], lowered[:-2]))


_PEOPLE = frozenset("people men women children police staff crew".split())


def _noun_before(left: str) -> re.Match | None:
    """The noun phrase a time or date follows, if it names a thing and not a place or a time of day:
    "pending his next court hearing" (April 19), not "on the second floor" (around 10 a.m.)."""
    found = _NOUN_BEFORE.search(left)
    if (found and found.group("phrase").split()[-1].lower() not in _STOP_HEADS | _PREPOSITIONS
            and not _PLACE_BEFORE.search(left, 0, found.start())):
        return found
    return None


def _subject_and_verb(left: str) -> re.Match | None:
    """The nearest "subject verb ..." that runs from a word of ``left`` to its end, with a verb in the past
    and a subject that is no time of day ("the statement saying they had been separated": they)."""
    nearest = None
    for word in re.finditer(_WORD, left):
        found = _SUBJECT_VERB.match(left, word.start())
        subject = found and (found.group("noun") or found.group("name"))
        if found and is_past(found.group("verb")) and subject.split()[-1].lower() not in _STOP_HEADS:
            nearest = found
    return nearest


_PLACE_WORDS = r"(?:to|in|at|on|inside|outside|near|across|off)"
_NOT_PLACES = _STOP_HEADS | frozenset(MONTHS)
_NAMED_PLACE = compile_kept(
    rf"\b(?P<link>(?!to\b){_PLACE_WORDS})\s+(?P<phrase>(?:(?:the|a|an|his|her|its|their|our)\s+)?(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?P<first>[A-Z][\w’'-]*)(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)")
"""A place named by a preposition: "on the Maacama Fault", "in Zarand", "off the coast of Crete"."""
_AFTER_A_PLACE = frozenset("and or but was were is are had has have with which that who where when as".split())


_LEAD_WORD = compile_kept(r"\s+[\w-]+")
_SPACES = compile_kept(r"\s+")
_PLACE_AFTER = compile_kept(rf"\s+(?P<link>{_PLACE_WORDS})\s+(?P<phrase>(?:{_DETERMINER}\s+)?(?:{_PHRASE_WORD}\s+){{0,2}}"
                          rf"{_PHRASE_WORD})\b", re.IGNORECASE)


def _place_after_noun(forms: tuple[str, ...], right: str) -> re.Match[str] | None:
    """The place words after one of the noun's ``forms`` among the first three words of ``right`` ("three
    entrances to our offices"): what ``^(?:\\s+[\\w-]+){0,2}?\\s+(?:forms)`` then ``_PLACE_AFTER`` finds, case-blind,
    without compiling a pattern for each noun (a fifth of the seeds' analysis went to compiling them)."""
    at = 0
    for _ in range(3):
        spaces = _SPACES.match(right, at)
        if spaces:
            start = spaces.end()
            for form in forms:
                end = start + len(form)
                if right[start:end].lower() == form.lower() and (found := _PLACE_AFTER.match(right, end)):
                    return found
        lead = _LEAD_WORD.match(right, at)
        if lead is None:
            return None
        at = lead.end()
    return None


def where_phrase(noun: str | None, left: str, right: str) -> str | None:
    """Where the thing measured is, as a label adds it: the phrase that follows the noun a figure counts
    ("three entrances to our offices": to the offices), else a named place in its clause ("a depth of 12
    miles on the Maacama Fault": on the Maacama Fault)."""
    if noun:
        found = _place_after_noun((noun, plural(noun)), right)
        phrase = found and _short(" " + found.group("phrase")).strip()
        if phrase and not is_past(phrase.split()[-1]) and phrase.split()[-1].lower() not in _NOT_PLACES:
            return f"{found.group('link').lower()} {_the(phrase)}"
    clause = f"{left} {right}"
    for found in _NAMED_PLACE.finditer(clause):
        after = re.match(rf"\s+({_WORD})", clause[found.end():])
        attributive = after and after.group(1).islower() and after.group(1) not in _PREPOSITIONS | _AFTER_A_PLACE
        if found.group("first").lower() not in _NOT_PLACES and not attributive:  # not "on the Richter scale"
            return f"{found.group('link').lower()} {found.group('phrase')}"
    return None


def is_pronoun_led(gist: str) -> bool:
    """Whether a gist names its event by a pronoun ("time it hit"): a reader prefers "time the quake struck"."""
    return any(word in _PRONOUNS for word in gist.split())


_FAMILY_WORDS = {"share": "share", "time": "time", "date": "date", "duration": "duration", "year": "year",
                 "money": "value",
                 "length": "length", "area": "area", "volume": "volume", "mass": "weight", "speed": "speed"}


def _the(phrase: str) -> str:
    """A noun phrase as a label says it: "his next court hearing" the next court hearing."""
    words = phrase.split()
    if words and words[0].lower() in ("his", "her", "its", "their", "our", "my", "a", "an", "this", "that"):
        words[0] = "the"
    elif words and words[0].lower() != "the" and not words[0][:1].isupper():
        words.insert(0, "the")
    return " ".join(words)


_PARTITIVE_HEADS = frozenset("all most some much many part half none each both any almost nearly".split())
"""Words that head a part of what follows them ("almost all of the safes"): a phrase cut before "of" ends there."""


def _short(rest: str | None) -> str:
    """The first phrase after a verb, up to the next preposition: "into the office" of "into the office on
    the second floor"."""
    words = (rest or "").split()
    kept = []
    for word in words[:4]:
        if kept and word.lower() in _PREPOSITIONS:
            break
        kept.append(word)
    if len(kept) == 4 and len(words) > 4 and words[4].lower() not in _PREPOSITIONS and not kept[-1].endswith(","):
        kept = []  # the phrase goes on past what a label holds: "felt in the neighbouring Gulf [states]"
    while kept and kept[-1].lower() in _PARTITIVE_HEADS:
        kept.pop()  # "emptied almost all [of the safes]": emptied
    said = {word.lower().strip(",") for word in kept}
    if kept and kept[-1].lower() in _PREPOSITIONS | {"the", "a", "an"} or _STOP_HEADS & (
            said | {word.removesuffix("s") for word in said}):
        kept = []  # nothing, or only when: "began in the early morning", "in the small hours"
    return (" " + " ".join(kept)) if kept else ""


def plural(noun: str) -> str:
    """A noun in the plural by the rules of English spelling ("village" villages, "body" bodies)."""
    irregular = {"person": "people", "man": "men", "woman": "women", "child": "children", "crewman": "crewmen"}
    if noun in irregular:
        return irregular[noun]
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh", "z")):
        return noun + "es"
    return noun + "s"
