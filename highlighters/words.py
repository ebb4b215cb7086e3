"""The closed word lists speech tags are read with: reporting verbs, and titles written with a dot.

Written once here for the speech tags (``speech``), the noun phrases around them (``phrases``) and
the names they give (``names``).
"""

from __future__ import annotations

import re

from .kept_patterns import compile_kept
from .trie import word_alternatives

_FINITE = (
    "said says say told tells added adds noted notes stated acknowledged acknowledges claimed claims "
    "warned warns explained explains insisted insists declared declares announced announces wrote "
    "writes asked asks replied replies responded responds answered answers reaffirmed reaffirms "
    "stressed stresses argued argues suggested suggests confirmed confirms affirmed urged urges "
    "tweeted tweets posted observed observes remarked remarks commented comments emphasized "
    "emphasised maintained maintains admitted admits conceded concedes recalled recalls promised "
    "promises pledged vowed vows alleged concluded concludes reported denounced described describes "
    "continued continues cautioned predicted predicts agreed agrees countered contended contends "
    "complained complains joked jokes quipped boasted bragged lamented laments recounted recounts "
    "testified shouted yelled cried exclaimed whispered mused wondered assured reiterated reiterates "
    "repeated charged blasted slammed mocked retorted texted emailed proclaimed demanded demands "
    "pleaded advised recommended estimated gloated boomed thundered scoffed snapped fumed believes "
    "believed thinks thought reasoned echoed chimed interjected read reads called calls dubbed "
    "labeled labelled termed branded tell write ask claim warn insist argue admit explain suggest "
    "note add declare reply respond answer concede recall predict agree complain barked groused "
    "griped grumbled muttered murmured sang sings chanted hailed touted decried derided asserted "
    "asserts protested objected implored begged threatened swore proposed clarified elaborated "
    "interrupted screamed revealed disclosed confessed opined informed briefed puts posited posits "
    "remembered riffed"
).split()
_PARTICIPLES = (
    "saying adding noting stating claiming warning insisting telling declaring describing writing "
    "asking explaining arguing tweeting posting urging vowing predicting recalling complaining "
    "acknowledging announcing quoting calling labeling labelling dubbing branding terming "
    "characterizing praising criticizing blasting slamming mocking accusing yelling shouting "
    "screaming chanting responding replying"
).split()
ALL_VERBS = frozenset(_FINITE) | frozenset(_PARTICIPLES)
FINITE_VERBS = frozenset([*_FINITE, "put", "issued", "released", "shot", "shoots", "fired", "fires", "hit", "hits",
                          "went", "goes", "pointed", "points"])
PARTICIPLES = frozenset(_PARTICIPLES)
# Case-sensitive on purpose: "States" in "the United States" is not a verb.
VERB = compile_kept(
    rf"(?<![\w’'-])(?:{word_alternatives(frozenset(_FINITE) | PARTICIPLES)}|put(?=\s+it\b)"
    r"|(?:shot|shoots|fired|fires|hits?)(?=\s+back\b)|(?:went|goes)(?=\s+on\s*(?:[,.;:!?\x22”]|$|about\b|to\s+(?:say|add|note|write|tell|explain)\b))|point(?:ed|s)(?=\s+out\b)|(?:issued|released)(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:statement|communiqu|release)))"
    r"\b(?![’'-]\w)")
"""A reporting verb that starts a word."""


_DETERMINERS = frozenset("the a an his her their its my our your these those".split())
_NOUN_CONTEXT = compile_kept(
    r"\b(the|a|an|his|her|their|its|my|our|your|these|those|of|about|over|with|without|for|from|amid|"
    r"against|among|despite|into|upon)[^\S\n]+$", re.I)
"""What stands before a noun rather than a verb: "His comments came", "fired over comments"."""
_POSSESSIVE = compile_kept(r"\w(?:[’']s|s[’'])[^\S\n]+$")


_WORD_START = "(?<![\\w’'-])"
"""What every pattern of reporting verbs opens with: no letter, apostrophe or hyphen before the verb."""
_SKIPPING: dict[int, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}


def _skipping(verbs: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``verbs`` with the character before the verb matched rather than looked behind at: a pattern
    that opens with a character class lets ``re`` pass over the letters in C, where a lookbehind is
    tried at every position. The second is for the lower-cased text: ``[^a-z]`` is checked quicker
    than ``[^\\w’'-]``, and every place the first finds it finds too. Built once per pattern, kept by
    its ``id``: hashing a pattern hashes its whole compiled code."""
    known = _SKIPPING.get(id(verbs))
    if known is not None and known[0] is verbs:
        return known[1], known[2]
    assert verbs.pattern.startswith(_WORD_START), verbs.pattern
    body = verbs.pattern[len(_WORD_START):]
    skipping = compile_kept("[^\\w’'-](?:" + body + ")", verbs.flags)
    in_folded = compile_kept("[^a-z](?:" + body + ")", verbs.flags)
    _SKIPPING[id(verbs)] = (verbs, skipping, in_folded)
    return skipping, in_folded


def verb_matches(text: str, start: int, end: int, verbs: re.Pattern[str],
                  folded: str | None = None) -> list[re.Match[str]]:
    """What ``verbs.finditer(text, start, end)`` gives, found faster (``_skipping``).

    ``folded`` is ``folding.fold(text)`` when the caller has it: the places a verb may start are
    looked for there, and each is checked in ``text``.
    """
    skipping, in_folded = _skipping(verbs)
    searched = text
    if folded is not None:
        skipping, searched = in_folded, folded
    found = []
    verb = verbs.match(text, start, end)  # at ``start`` itself, the character before is not in reach
    position = start
    while True:
        if verb is not None:
            found.append(verb)
            position = verb.end()
        before = skipping.search(searched, position, end)
        if before is None:
            return found
        verb = verbs.match(text, before.start() + 1, end)  # the same verb, without the character before
        position = before.start() + 1


def verbs_in(text: str, start: int, end: int, verbs: re.Pattern[str] = VERB,
             matches: list[re.Match[str]] | None = None) -> list[re.Match[str]]:
    """The reporting verbs of ``text[start:end]``, in order: no word after a determiner, nor after
    a preposition unless it is a participle ("by saying", "without adding"). ``matches`` are
    ``verb_matches`` of the same range, when the caller has them."""
    found = []
    for verb in verb_matches(text, start, end, verbs) if matches is None else matches:
        verb_start = verb.start()
        context = _NOUN_CONTEXT.search(text, verb_start - 8 if verb_start - 8 > start else start, verb_start)
        if context is None and verb.group()[-1] == "s" and _POSSESSIVE.search(
                text, verb_start - 4 if verb_start - 4 > start else start, verb_start):
            continue  # "Ginsburg’s comments", "Sanders’ remarks": a noun ("Trump's said" is "has said")
        if context is None or verb.group() in PARTICIPLES and context.group(1).lower() not in _DETERMINERS:
            found.append(verb)
    return found


_PHRASAL = compile_kept(r"[^\S\n]+(?:out|back|up|on|it)\b")  # pointed out, fired back, went on, put it
IRREGULAR_PAST = frozenset(
    "went made took gave came got saw knew felt left held kept brought began ran spoke met sent "
    "built paid sat stood won lost led fought sought struck set cut became drew threw wore "
    "chose broke rose fell hung shook laid".split()
)
"""Common verbs whose past tense does not end in -ed: verbs to ``is_verb``, never the first word of a speaker."""
ALL_IRREGULAR_PAST = IRREGULAR_PAST | frozenset(
    "arose awoke bore beat bent bet bit bled blew bred burnt burst bought caught clung cost crept dealt "
    "dug did dreamt drank drove dwelt ate fed found fled flung flew forbade forgot forgave froze ground "
    "grew had heard hid hit hurt knelt leapt learnt lent let lay lit meant put quit read rode rang said "
    "sold shone shot showed shrank shut sang sank slept slid slung sped spent spun spat split spread "
    "sprang stole stuck stung strove swore swept swam swung taught tore told thought thrust trod "
    "understood underwent undertook upset woke wove wept wound wrung wrote".split()
)
"""English verbs whose past tense does not end in -ed, the rarer ones too: a noun phrase that meets one
has met its verb (``clauses``)."""
TITLES_WITH_DOT = (
    "Mr Mrs Ms Mx Dr Lt Sgt Gen Col Capt Cpt Gov Sen Rep Jr Sr St Prof Rev Adm Maj Cpl Pvt Brig Cmdr "
    "Supt Insp Det Amb Pres Hon Fr Mt Ft"
).split()
"""Titles written with a dot that is no sentence end ("Mr. Nevins", "Lt. Gen. Mick Bednarek")."""
TITLE_SET = frozenset(TITLES_WITH_DOT)


_LY_NOT_ADVERBS = frozenset(
    "family ally rally tally belly jelly bully folly holly lily gully assembly anomaly monopoly homily "
    "supply reply apply comply imply multiply early daily weekly monthly yearly hourly nightly "
    "quarterly elderly friendly unfriendly likely unlikely lonely lovely lively deadly costly holy "
    "ugly silly curly burly chilly hilly jolly orderly scholarly worldly timely".split()
)


def is_adverb(word: str) -> bool:
    """A lower-case word in -ly that is no noun or adjective ("quickly", "matter-of-factly", not
    "family" or "early")."""
    return word.endswith("ly") and word.islower() and len(word) > 3 and word.replace("-", "").isalpha() and (
        word not in _LY_NOT_ADVERBS)


def is_verb(word: str) -> bool:
    """A reporting verb, or a lower-case word in the past tense ("gloated", "went")."""
    return word in IRREGULAR_PAST or word in ALL_VERBS or (
        word.islower() and word.endswith("ed") and len(word) > 4)


def skip_phrasal(text: str, position: int, limit: int) -> int:
    phrasal = _PHRASAL.match(text, position, limit)
    return phrasal.end() if phrasal else position


ROLES = {
    "doctor": "doctor|dr", "physician": "physician", "surgeon": "surgeon", "nurse": "nurse",
    "officer": "officer", "official": "official", "spokesman": "spokesman", "spokeswoman": "spokeswoman",
    "spokesperson": "spokesperson", "minister": "minister", "president": "president|pres",
    "governor": "governor|gov", "mayor": "mayor", "chief": "chief", "director": "director",
    "secretary": "secretary", "commander": "commander|cmdr", "general": "general|gen",
    "colonel": "colonel|col", "captain": "captain|capt", "lieutenant": "lieutenant|lt",
    "sergeant": "sergeant|sgt", "sheriff": "sheriff", "undersheriff": "undersheriff",
    "lawyer": "lawyer", "attorney": "attorney", "judge": "judge", "prosecutor": "prosecutor",
    "senator": "senator|sen", "congressman": "congressman", "congresswoman": "congresswoman",
    "representative": "representative|rep", "chairman": "chairman", "chairwoman": "chairwoman",
    "leader": "leader", "ambassador": "ambassador|amb", "professor": "professor|prof",
    "researcher": "researcher", "analyst": "analyst", "economist": "economist", "expert": "expert",
    "scientist": "scientist", "seismologist": "seismologist", "geologist": "geologist",
    "historian": "historian", "author": "author", "columnist": "columnist", "editor": "editor",
    "journalist": "journalist", "reporter": "reporter", "candidate": "candidate", "nominee": "nominee",
    "pastor": "pastor", "priest": "priest", "bishop": "bishop", "imam": "imam", "rabbi": "rabbi",
    "coach": "coach", "manager": "manager", "executive": "executive", "founder": "founder",
    "owner": "owner", "adviser": "adviser|advisor", "aide": "aide", "strategist": "strategist",
    "pollster": "pollster", "consultant": "consultant", "teacher": "teacher", "principal": "principal",
    "inspector": "inspector|insp", "superintendent": "superintendent|supt", "detective": "detective|det",
    "commissioner": "commissioner", "administrator": "administrator", "envoy": "envoy",
}
"""Roles that a person holds, with their abbreviations as titles (Gov., Sen., Dr.): "the governor"
is the governor the report named before."""

TITLES = frozenset(
    "mr mrs ms miss mx dr prof sen rep gov gen lt col maj capt cpt sgt cpl pvt adm cmdr brig rev "
    "fr pres hon supt insp det amb president vice prime minister secretary general lieutenant "
    "colonel major captain sergeant admiral commander chief officer judge justice mayor sheriff "
    "undersheriff deputy king queen prince princess pope father reverend rabbi imam sheikh "
    "ambassador chancellor speaker chairman chairwoman chair director inspector superintendent "
    "detective attorney commissioner governor senator representative congressman congresswoman "
    "councilman councilwoman spokesman spokeswoman spokesperson professor doctor foreign interior "
    "defence defense finance health army navy police staff executive former acting interim "
    "assistant senior top democrat democrats republican republicans democratic gop independent "
    "conservative labour liberal tory sir dame lord lady emir sultan leader candidate nominee "
    "founder ceo cfo coach manager editor anchor host analyst economist strategist adviser advisor "
    "aide lawyer pastor bishop archbishop cardinal secretary-general under-secretary-general director-general "
    "attorney-general governor-general actor actress singer star comedian writer author columnist "
    "commentator blogger activist".split()
)
"""Words that stand before a name without being part of it."""
NOT_PEOPLE = frozenset(
    "community states department ministry university news agency council party army police court "
    "committee times post journal network corp corporation inc ltd group association institute "
    "foundation center centre union commission office bank company service services force forces "
    "navy government organization organisation nations alliance front movement board press radio "
    "television tv house senate congress parliament assembly republic kingdom county city street "
    "avenue road province state region district island islands airport hospital school college "
    "church mosque hotel station market square park river mountain valley bay gulf sea ocean "
    "coast desert campaign administration accounting advisors partners associates monday tuesday "
    "wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december".split()
)
"""Words that make a capitalised run an organisation, a place or a date rather than a person."""
FEMALE = frozenset(
    "mrs ms miss madam lady queen princess dame spokeswoman chairwoman congresswoman "
    "councilwoman businesswoman woman mother wife daughter sister actress widow grandmother girl".split()
)
MALE = frozenset(
    "mr sir lord king prince spokesman chairman congressman councilman businessman man father "
    "husband son brother widower grandfather boy".split()
)
"""Words that tell a person's gender: titles, roles, family words."""
