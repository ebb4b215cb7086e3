"""What fact a figure states: what is measured, of what, where and when, read from the words around it.

A fact is the measure or event (killed, injured, magnitude, depth, distance to a place, population,
value of what was stolen), the thing counted, its scope (the whole event or one place), its time
(this event or an earlier one) and its dimension. Each figure gets a ``Facet`` holding what its
sentence says of these; ``linking`` compares facets to decide which figures of different reports
state the same fact. Everything here is read from general English (prepositions, direction words,
capitalised names, a few measure words), never from the words of one story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .claims import Claim
from .episodes import clause_episode, episode_words, sentence_episode
from .fact_labels import count_verb, measure_gist, where_phrase
from .people import PERSON_ENDINGS, PERSONS
from .verb_forms import past
from ..highlighters.kept_patterns import compile_kept

FAMILIES = {
    "count": "count", "magnitude": "magnitude", "money": "money", "time": "time", "date": "date",
    "year": "year", "percent": "share",
}
"""Figures that can state one fact: a family per kind, and per dimension for measures."""
_DIMENSION_FAMILIES = {"fraction": "share", "percent": "share", "age": "age", "multiplier": "multiplier"}

_WORD = compile_kept(r"[^\W\d_][\w’'-]*")
_WINDOW = 8
"""How many words on each side of a figure tell what it measures (up to the next figure or clause)."""
_NAMING_WINDOW = 16
"""How many words before a figure may name its event: "the three have been ruled by the military since 2020"."""
_WHEN = frozenset({"time", "date", "year"})
"""Families whose event may be named before another figure of the sentence: the clause of a time is its event's."""
_FENCE = compile_kept(r"[;:]|\s[-–—]\s|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b", re.IGNORECASE)
_CONTRAST = compile_kept(r"\b(?:but|while|whereas|although|though)\b", re.IGNORECASE)
_NAME = compile_kept(r"(?<![\w’'])(?:[A-Z][\w’'.-]*)(?:\s+(?:(?:of|de|al|el|la|bin|du|van|von)\s+)?[A-Z][\w’'.-]*)*")
_ANCHOR = compile_kept(
    r"(?:\b(?:north|south|east|west)(?:[\s-]*(?:north|south|east|west))*(?:ern)?\s+of"
    r"|\b(?<!according\s)(?:from|to|of|near|outside|off|towards?)(?:\s+the)?)\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
_NOT_NAMES = frozenset(
    "the a an this that these those it its he she they we i his her their our in on at by for from to of and but or "
    "as with after before since monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december mr mrs ms dr".split())
_STOPWORDS = frozenset("""
a about above after again against all also although am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other
our out over own same she should so some such than that the their them then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your said says say
told according per cent percent about least nearly almost around some approximately estimated roughly more than
thing things way lot also just still even monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december today yesterday tonight morning
afternoon evening night week month year day hour minute
""".split())

CUES = {
    "depth": ("depth", "deep", "below", "beneath", "underground", "subsurface", "underneath"),
    "population": ("population", "inhabitants", "populations"),
    "height": ("high", "tall", "height", "altitude", "elevation"),
    "aftershock": ("aftershock", "aftershocks", "foreshock", "foreshocks", "tremors"),
    "another": ("second", "another", "subsequent", "separate", "smaller", "previous"),
    "later": ("later", "after", "afterwards", "earlier", "before", "ago", "within"),
    "value": ("worth", "valued", "value", "stolen", "loot", "haul", "cost", "costs", "price", "budget", "revenue",
              "profit", "fine", "bail", "ransom"),
    "speed": ("speed", "speeds", "velocity"),
    "lasted": ("lasted", "lasting", "long"),
}
"""Words that say which measure a figure is, in any story: a depth, a population, a later time."""
_CUE_OF_WORD = {word: cue for cue, words in CUES.items() for word in words}
_ANY_CUE = frozenset({"total", "later", "lasted"})
_FAMILY_CUES = {"count": _ANY_CUE | {"population", "aftershock"}, "length": _ANY_CUE | {"depth", "height"},
                "magnitude": _ANY_CUE | {"aftershock", "another"}, "money": _ANY_CUE | {"value"}, "speed": _ANY_CUE | {"speed"},
                "time": _ANY_CUE | {"aftershock"}}
"""The cues each family takes: "home to 120,000" makes a count a population, not the magnitude beside it."""
_TOTAL = compile_kept(r"\b(?:so\s+far|thus\s+far|up\s+to\s+now|in\s+all|in\s+total|to\s+date|altogether"
                    r"|cumulative(?:ly)?|overall|since\s+(?:the\s+)?(?:start|beginning)"
                    r"|during\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:\d+|two|three|four|five|six|seven"
                    r"|eight|nine|ten|eleven|twelve|several|many)\s+[^\W\d_]+s)\b", re.IGNORECASE)
"""A running or summed total anywhere in the sentence: its figures are totals, not this event's count, as
are figures summed "during the five operations" (or raids, or days) of which this event is one."""
_CUE_PHRASES = compile_kept(r"\bhome\s+to\b", re.IGNORECASE)
"""A population written as a place's: "home to 120,000 people"."""


@dataclass(slots=True)
class Facet:
    """What one figure's sentence says of the fact it states."""

    family: str
    """Figures of different families never state one fact: count, magnitude, share, money, time, date,
    year, age, multiplier, or a measure's dimension (length, area, speed, duration, ...); a rate is its
    family and its period ("money per week")."""
    event: str | None
    noun: str | None
    """What is counted, in the singular ("village", "person"), or what a share is of."""
    anchors: frozenset[str]
    """Places and names the figure is measured from or of ("Bandar Abbas" in "58km south-west of Bandar Abbas")."""
    names: frozenset[str]
    """Capitalised names in the figure's clause."""
    cues: frozenset[str]
    """Measure words beside the figure (``CUES``), as far as its family takes them: a depth for a length,
    a population for a count."""
    phrase: frozenset[str]
    """The words of the phrase the figure opens, in the singular: "five suspicious boats" {suspicious, boat}."""
    words: frozenset[str]
    """Content words of the figure's clause, in the singular."""
    episode: str | None
    """The other event or scope the figure's clause tells of (``episodes``), or None for the story's own."""
    person: str | None = None
    """Whose age an age is: the name beside it ("LaCalamita, 38", "38-year-old Anthony LaCalamita")."""
    rank: int = 0
    """Which of its sentence's figures it is (0 the first): copies of one sentence state the same facts
    in the same order, whatever their figures."""
    gist: str | None = None
    """What a reader would call the fact this figure states (``fact_labels``): for a count, what happened to
    the things counted ("captured"); for a time or measure, the whole name ("time the quake struck")."""
    wording: str = ""
    """The few words around the figure, in order: a label's last resort."""
    side: int = 0
    """How many words of contrast ("but", "while", "whereas") stand before it in its sentence: two figures
    on either side of one may be two versions of one fact ("put it at 5.9, but the USGS said 6.1")."""
    utc: float | None = None
    """A local clock time's minutes of the UTC day, where its sentence restates it in a zone: "1353 (1023 GMT)"."""
    sole: bool = False
    """Whether it is the one value its report gives for the thing it counts, in its episode (a running total
    apart): a report that names four villages and seven names two facts; reports that each name one number of
    villages, four in one and seven in another, give versions of one fact (``sole_values``). Not for people,
    whom a story counts for many facts ("300 people attended", "200 people were moved away")."""
    setting: str | None = None
    """How a label says its episode (``episodes.episode_words``): "in 2003", "across the country"."""
    where: str | None = None
    """Where, and when (``moment``), its clause puts it ("to the offices", "on the Maacama Fault"; "at 2:15 a.m."):
    what tells two facts of one name apart (``fact_names``)."""
    moment: str | None = None

    @property
    def counts_people(self) -> bool:
        """Whether the figure counts people, as far as its noun says ("26 pirates" may, unknown to the list)."""
        return bool(self.noun) and (self.noun in PERSONS or self.noun.endswith(PERSON_ENDINGS))


def facet(claim: Claim, sentence: str, offset: int, fences: list[tuple[int, int]],
          story_years: set[int], story_months: set[int], rank: int = 0,
          of_sentence: tuple[str | None, bool] | None = None) -> Facet:
    """The facet of ``claim``, whose sentence text starts at ``offset`` in its document.

    ``fences`` are the other figures of the sentence, relative to it: the clause of a figure stops at
    them, as "77 killed and 255 injured" tells two facts. ``story_years`` and ``story_months`` are
    the story's own time (``episodes.story_time``). ``of_sentence`` is what the whole sentence says
    (its ``sentence_facts``), when the caller has it already: its figures share it.
    """
    sentence_time, total = of_sentence or sentence_facts(sentence, story_years, story_months)
    start, end = claim.start - offset, claim.end - offset
    left_fence = max((e for s, e in fences if e <= start), default=0)
    right_fence = min((s for s, e in fences if s >= end), default=len(sentence))
    left = sentence[left_fence:start]
    right = sentence[end:right_fence]
    broken = [m.end() for m in _FENCE.finditer(left)]
    left = left[broken[-1]:] if broken else left
    cut = _FENCE.search(right)
    right = right[:cut.start()] if cut else right
    whole_clause = left + claim.text + right  # its time is told anywhere in it ("600 were killed in the city of Zarand in February")
    every_left = list(_WORD.finditer(left))
    left_matches = every_left[-_WINDOW:]
    named_by = left[every_left[-_NAMING_WINDOW].start():] if len(every_left) > _NAMING_WINDOW else left
    right_matches = list(_WORD.finditer(right))[:_WINDOW]
    left = left[left_matches[0].start():] if left_matches else left[-1:]
    right = right[:right_matches[-1].end()] if right_matches else ""
    left_words = [m.group().lower() for m in left_matches]
    right_words = [m.group().lower() for m in right_matches]
    words = frozenset(singular(w.rstrip("-’'")) for w in left_words + right_words
                      if w not in _STOPWORDS and len(w) > 2)
    cues = {_CUE_OF_WORD[w] for w in left_words[-3:] + right_words[:3] if w in _CUE_OF_WORD}
    if left_words[-1:] in (["for"], ["took"], ["takes"], ["take"]) and claim.dimension == "duration":
        cues.add("lasted")  # "a tremor for one minute", "the raid took 15 minutes": how long it lasted
    clause = left + claim.text + right
    if _CUE_PHRASES.search(clause) or left_words[-1:] in (["has"], ["have"], ["had"], ["of"], ["with"]) and \
            right_words[:1] in (["residents"], ["inhabitants"]):
        cues.add("population")  # "home to 120,000 people", "the island, which has about 200,000 residents"
    if total:
        cues.add("total")  # "In five operations so far, it seized 14 rifles, 31 magazines and 923 rounds"
    anchors = frozenset(_name(m.group("name")) for m in _ANCHOR.finditer(right) if _name(m.group("name")))
    names = frozenset(filter(None, (_name(m.group()) for m in _NAME.finditer(clause[1:] if not left else clause))))
    noun = singular(claim.counts) if claim.counts else _noun_after(right) or _noun_of(right)
    family = family_of(claim)
    cues &= _FAMILY_CUES.get(family.split(" per ")[0], _ANY_CUE)
    phrase = _phrase(right_words, claim.counts) if claim.quantity == "count" else frozenset()
    person = _person(left, right) if claim.dimension == "age" else None
    measure = family.split(" per ")[0]
    gist = count_verb(named_by, right, noun) if measure == "count" else measure_gist(measure, named_by, right)
    if gist is None and measure in _WHEN and left_fence:  # "He was sentenced to 10 years in prison in 2019"
        gist = _named_across(measure, sentence, start, fences, right)
    if gist is None and measure in _WHEN and right_fence < len(sentence):  # "In 2008, three men emptied the vault"
        cut = _FENCE.search(sentence, end)
        gist = measure_gist(measure, named_by, sentence[end:cut.start() if cut else len(sentence)])
    wording = " ".join(_WORD.findall(sentence, max(0, start - 40), start)[-3:] + [claim.text]
                       + _WORD.findall(sentence, end, end + 30)[:3])
    told = clause_episode(clause, sentence_time, story_years, story_months, whole_clause)
    return Facet(family, claim.event, noun, anchors, names - anchors, frozenset(cues), phrase, words,
                 told, person, rank, gist, wording, len(_CONTRAST.findall(sentence, 0, start)),
                 setting=episode_words(told, clause, whole_clause, sentence),
                 where=where_phrase(noun if claim.quantity == "count" else None, left, right))


def sole_values(numbers: list[Claim], facets: dict[str, Facet]) -> dict[str, Facet]:
    """``facets`` with ``sole`` set on the figures that are the one value their report gives for what they
    count (of their family and episode, a running total apart), whatever else the report says. The copies
    of a sentence share its facets: each is made sole once (``replace`` costs 10 µs)."""
    keys = [_counted_key(claim, facets[claim.id]) if facets[claim.id].noun else None for claim in numbers]
    values: dict[tuple | None, set[float | None]] = {}  # under None, those that count nothing: never read
    for claim, key in zip(numbers, keys):
        values.setdefault(key, set()).add(claim.value)
    sole_of: dict[int, Facet] = {}  # by the id of a facet, which ``facets`` keeps alive
    found = {}
    for claim, key in zip(numbers, keys):
        facet_of = found[claim.id] = facets[claim.id]
        if key is not None and len(values[key]) == 1:
            if id(facet_of) not in sole_of:
                sole_of[id(facet_of)] = replace(facet_of, sole=True)
            found[claim.id] = sole_of[id(facet_of)]
    return found


def _counted_key(claim: Claim, facet_of: Facet) -> tuple:
    return claim.doc, facet_of.family, facet_of.noun, facet_of.episode, "total" in facet_of.cues


def _named_across(measure: str, sentence: str, start: int, fences: list[tuple[int, int]], right: str) -> str | None:
    """The event a time, date or year belongs to, named before another figure of its sentence: the other
    figures stand as "N" ("He was sentenced to N years in prison in 2019": year he was sentenced)."""
    before, at = [], 0
    for fence_start, fence_end in sorted(fences):
        if fence_end <= start:
            before += [sentence[at:fence_start], _OTHER_FIGURE]
            at = fence_end
    words = "".join(before + [sentence[at:start]]).split()
    gist = measure_gist(measure, " ".join(words[-_NAMING_WINDOW:]) + " ", right)
    if not gist:
        return None
    named = _TRAILING_LINKS.sub("", re.split(rf"\s{_OTHER_FIGURE}\b", gist)[0])
    if named != gist and not _PASSIVE_END.search(named):
        return None  # "year the quake killed": the thing done was the other figure, cut off
    return named if " " in named else None  # "year" alone names nothing


_OTHER_FIGURE = "N"
_PASSIVE_END = compile_kept(r"\b(?:was|were|been|is|are)\s+\S+$")
_TRAILING_LINKS = compile_kept(r"(?:\s+(?:to|of|in|on|at|for|by|from|with|and|the|a|an))+$")


def carry_over(current: Facet, previous: Facet, between: str) -> Facet:
    """``current`` with the cues of another shock that the figure before it in its sentence has, where
    nothing but "and (a)" or "at" stands between them: "a 2.9 aftershock at 2:12 a.m. and a 2.2 at
    2:15 a.m." tells of two aftershocks and their times, the noun said once. A count in a list takes
    the verb of the count before it ("seized 14 rifles, 31 magazines and 923 rounds"), and a figure in
    brackets the name of the one it restates, and a year after a date that date's."""
    if current.gist is None and previous.gist and (current.family, previous.family) == ("year", "date") and \
            not between.strip(" ,"):  # "on 10 Nov 11", "March 3, 2031": the year of that date
        current = replace(current, gist=re.sub(r"^date\b", "year", previous.gist))
    if current.gist is None and previous.gist and current.family == previous.family and (
            _RESTATED.fullmatch(between) or current.family == "count" and _LIST.fullmatch(between)
            and not any(past(word) for word in between.split())):
        current = replace(current, gist=previous.gist)
    shock = previous.cues & _OTHER_CUES
    if not shock or shock <= current.cues or not _BRIDGE.fullmatch(between):
        return current
    taken = shock & _FAMILY_CUES.get(current.family.split(" per ")[0], _ANY_CUE)
    return replace(current, cues=current.cues | taken) if taken else current


_OTHER_CUES = frozenset({"aftershock", "another"})


def carry_back(current: Facet, following: Facet, between: str) -> Facet:
    """``current`` with the verb of the count after it in a list whose verb comes last: "six rifles, 12
    magazines and 300 rounds were seized" tells what happened to all three; a figure the name of its
    restatement in brackets ("at 4 a.m. (0300 GMT) the crew left")."""
    if current.gist is None and following.gist and current.family == following.family and (
            _RESTATED.fullmatch(between) or current.family == "count" and _LIST.fullmatch(between)
            and not any(past(word) for word in between.split())):
        return replace(current, gist=following.gist)
    return current


_RESTATED = compile_kept(r"\s*\(\s*")
"""A figure in brackets after another of its family restates it in other units: "at 1353 (1023 GMT)"."""
_LIST = compile_kept(r"(?:\s+[\w-]+){0,3}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_BRIDGE = compile_kept(r"\s*,?\s*(?:and\s+(?:an?\s+)?|at\s+)", re.IGNORECASE)


def _phrase(right_words: list[str], head: str | None) -> frozenset[str]:
    """The words from the figure to the head of what it counts ("suspicious boats"), in the singular."""
    taken = []
    for word in right_words[:4]:
        if word in _STOPWORDS:
            break
        taken.append(singular(word.strip("-’'")))
        if head and word == head.lower():
            break
    return frozenset(taken if head and head.lower() in right_words[:4] else taken[:1])


def sentence_facts(sentence: str, story_years: set[int], story_months: set[int],
                   before: str = "") -> tuple[str | None, bool]:
    """What a sentence says for all its figures: its episode, and whether they are running totals.

    ``before`` is the sentence this one goes on from (``goes_on``: "It killed 612 people"), if any:
    naming no time of its own, it tells of that one's episode."""
    episode = sentence_episode(sentence, story_years, story_months)
    if episode is None and before:
        episode = sentence_episode(before, story_years, story_months)
    return episode, bool(_TOTAL.search(sentence))


def goes_on(sentence: str) -> bool:
    """Whether a sentence opens on "it" doing something, the thing the sentence before named (not "It is
    unclear ...")."""
    return _GOES_ON.match(sentence) is not None


_GOES_ON = compile_kept(r"\W*It\s+(?!(?:is|was|'s|’s|seems|seemed|appears|appeared|remains|remained|will|would|may|might|"
                      r"could|can|has\s+been|had\s+been)\b)[a-z]", re.ASCII)


def family_of(claim: Claim) -> str:
    """The family of figures that can state one fact with ``claim``."""
    if claim.dimension in _DIMENSION_FAMILIES:
        family = _DIMENSION_FAMILIES[claim.dimension]
    elif claim.dimension and claim.dimension != "currency":
        family = claim.dimension
    else:
        family = FAMILIES.get(claim.quantity or "", claim.quantity or "other")
    return f"{family} per {claim.per}" if claim.per else family


def singular(word: str) -> str:
    """A noun in the singular, by the rules of English spelling ("villages" village, "bodies" body)."""
    word = re.sub(r"[’']s$", "", word.lower()).strip("’'")  # a possessive: "suspect's" suspect
    irregular = _IRREGULAR.get(word)
    if irregular:
        return irregular
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ous")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


_IRREGULAR = {"people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
              "lives": "life", "wives": "wife", "knives": "knife", "feet": "foot", "teeth": "tooth",
              "mice": "mouse", "geese": "goose", "individuals": "person", "others": "other", "crewmen": "crewman"}


def _noun_after(right: str) -> str | None:
    """The noun right after a figure written as a compound ("a five-boat attack": boat)."""
    if right.startswith("-"):
        word = _WORD.match(right, 1)
        if word:
            return singular(word.group())
    return None


def _noun_of(right: str) -> str | None:
    """What a partitive counts: "two of the skiffs" skiff, "three of them" nothing."""
    found = _PARTITIVE.match(right)
    if not found:
        return None
    words = [w.lower() for w in found.groups() if w and w.lower() not in _STOPWORDS]
    if found.group(2) and found.group(2).lower() in _STOPWORDS:
        words = words[:1]  # "of the people were": people
    plural = [w for w in words if w.endswith("s") or w in ("people", "men", "women", "children")]
    return singular(plural[0] if plural else words[-1]) if words else None


_PARTITIVE = compile_kept(r"\s+of\s+(?:the|its|their|his|her|these|those)\s+([^\W\d_][\w-]*)(?:\s+([^\W\d_][\w-]*))?")
_AGE_NAME_BEFORE = compile_kept(r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*?)(?:\s+(?:I{1,3}|IV|Jr\.?|Sr\.?))?\s*,\s*$")
_AGE_NAME_AFTER = compile_kept(r"^[\w-]*\s+((?:[A-Z][\w’'.-]*+\s+)*[A-Z][\w’'.-]*+)(?!\s+[a-z])")
"""A name after "38-year-old", unless a common noun follows it ("a 38-year-old Troy man": a place)."""


def _person(left: str, right: str) -> str | None:
    """The surname an age belongs to: "LaCalamita, 38" or "a 38-year-old Anthony LaCalamita"."""
    found = _AGE_NAME_BEFORE.search(left) or _AGE_NAME_AFTER.match(right)
    if not found:
        return None
    name = _name(found.group(1))
    return name.split()[-1].strip(".,") if name else None


def _name(run: str) -> str | None:
    """A capitalised run as a name, without a leading article or month ("The Qeshm" Qeshm), or None."""
    words = run.strip(" .,;:").split()
    while words and words[0].lower().strip(".") in _NOT_NAMES:
        words.pop(0)
    while words and words[-1].lower().strip(".") in _NOT_NAMES:
        words.pop()
    return " ".join(words) if words else None
