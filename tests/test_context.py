"""What a figure counts, what happened to them, who says so, and whether it is about another event."""

import re

import pytest

from sahel_reader.highlighters.context import figure_counts, figure_event
from sahel_reader.highlighters.folding import fold
from sahel_reader.highlighters.numbers import find_figures
from sahel_reader.highlighters.sources import figure_sources, sentence_sources
from sahel_reader.story.documents import bundled_seed_paths


def events(sentence: str) -> dict[str, str | None]:
    spans = [(f.start, f.end) for f in find_figures(sentence)]
    return {sentence[s:e]: figure_event(sentence, (s, e), [o for o in spans if o != (s, e)]) for s, e in spans}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("More than 70 people were killed and 200 injured in a militant attack.",
         {"More than 70": "killed", "200": "injured"}),
        ("A security source said that 77 people had died and 255 had been injured.",
         {"77": "killed", "255": "injured"}),
        ("A document named 81 victims and estimated the death toll at almost 100.",
         {"81": "identified", "almost 100": "killed"}),
        ("The burials of some fifty military police cadets were scheduled.", {"some fifty": "buried"}),
        ("About 50 police cadets would be laid to rest on Thursday.", {"About 50": "buried"}),
        ("A few dozen militants were said to have killed and injured “hundreds” of opponents.",
         {"A few dozen": None, "hundreds": "casualties"}),
        ("At least 15 suspects were detained.", {"At least 15": "detained"}),
        ("Thousands of people have died and millions have been forced to leave their homes.",
         {"Thousands": "killed", "millions": "displaced"}),
        ("Gunmen targeted a checkpoint, killing six and wounding others.", {"six": "killed"}),
        ("The official death toll stands at 77, with 255 others wounded.", {"77": "killed", "255": "injured"}),
        ("Two explosions were heard near the camp.", {"Two": None}),
    ],
)
def test_the_event_is_read_from_the_nearest_event_words(sentence, expected):
    assert events(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "counts"),
    [
        ("The burials of some fifty military police cadets were scheduled.", "some fifty", "cadets"),
        ("77 individuals were killed.", "77", "individuals"),
        ("Hundreds of people were killed or hurt.", "Hundreds", "people"),
        ("255 had been injured.", "255", None),
        ("More than 70 deaths were reported.", "More than 70", None),
        ("At least 15 suspects were detained.", "At least 15", "suspects"),
        ("They seized six AK 47 rifles and 12 magazines.", "six", "rifles"),  # a model's number is no figure
        ("Two dead, 3 injured.", "Two", None),
        ("Two of the three victims died.", "Two", "victims"),  # a part of a whole counts what the whole does
        ("Two of his colleagues were hurt.", "Two", "colleagues"),
        ("Two of them were hurt.", "Two", None),
        ("The Lakers beat the Celtics 102-96 on Sunday.", "102", None),  # a score's other number counts nothing
        ("Skype has 170 million connected users.", "170 million", "users"),  # a participle before the noun
        ("It left two managing partners wounded.", "two", "partners"),
        ("12 killed in the attack.", "12", None), ("12 injured Monday.", "12", None),
    ],
)
def test_counts_is_the_head_noun_counted(sentence, figure, counts):
    start = sentence.index(figure)
    assert figure_counts(sentence, (start, start + len(figure))) == counts


@pytest.mark.parametrize(
    ("sentence", "figure", "source"),
    [
        ("The AFP news agency was informed by a security source, who spoke anonymously, that 77 people had died.",
         "77", "a security source"),
        ("At least 15 suspects were detained, a security official at the camp told The Associated Press.",
         "15", "a security official at the camp"),
        ("It killed around 70 people, according to foreign and security sources who spoke to the media.",
         "70", "foreign and security sources"),
        ("A newspaper in Mali said that about 50 police cadets would be laid to rest.", "50", "A newspaper in Mali"),
        ("The official death toll stands at 77, but other reports suggest it could be higher.", "77", None),
        ("Gunmen attacked a hotel, killing six.", "six", None),
    ],
)
def test_the_source_is_the_attribution_of_the_figures_clause(sentence, figure, source):
    assert figure_sources(sentence, fold(sentence), sentence_sources(sentence), [sentence.index(figure)]) == [source]


@pytest.mark.parametrize(
    ("sentence", "figure", "source"),
    [
        ("77 people died, according to security sources.", "77", "security sources"),
        ("Officials said 77 people died.", "77", "Officials"),
        ("At least 70 people were killed, a security source told AFP.", "70", "a security source"),
        ("Police put the toll at 70.", "70", "Police"),
        # the speech tags of quotations: abbreviations, places and appositions do not cut a source
        ("A quake of magnitude 4.6 struck, according to the U.S. Geological Survey.", "4.6",
         "the U.S. Geological Survey"),
        ("The man was 38, according to Troy police Lt. Gerry Scherlinck.", "38", "Troy police Lt. Gerry Scherlinck"),
        ("A spokeswoman for the hospital in Royal Oak said 3 victims were taken there.", "3",
         "A spokeswoman for the hospital in Royal Oak"),
        ("An office worker in Dubai said the tremor lasted 30 seconds.", "30", "An office worker in Dubai"),
        ("Anthony Hale, 38, said nothing after 12 officers surrounded him, Sheriff Robert Pickell said.",
         "12", "Sheriff Robert Pickell"),
        # who said nothing is no source, however near the figure
        ("Anthony Hale, 38, said nothing after officers surrounded him, Sheriff Robert Pickell said.",
         "38", "Sheriff Robert Pickell"),
        # a verb of action is no source, nor a place after a reporting verb
        ("The man called 911 when he saw 2 cars.", "2", None),
        ("Heydar Alishbandi, governor of the island, said five villages had been hit.", "five", "Heydar Alishbandi"),
        # a participle that values what comes before it is no one's report; the report is the clause's
        ("Thieves grabbed rings and watches estimated to be worth 3 million euros before they fled in a second car, "
         "the newspaper reported.", "3 million euros", "the newspaper"),
        ("Losses estimated at $3 billion hit the region.", "$3 billion", None),
        ("The damage, put at $1 million, was covered.", "$1 million", None),
        ("Officials estimated at least 50 people died.", "50", "Officials"),
        # a figure is no source of itself: those who reported are what it counts
        ("More than 60 people reported to the agency's site, with reports from as far as San Francisco.", "60", None),
        ("Two officials said 77 people died.", "Two", None),
        ("Two officials said 77 people died.", "77", "Two officials"),
    ],
)
def test_a_figures_source_is_read_by_the_speech_tags(sentence, figure, source):
    assert figure_sources(sentence, fold(sentence), sentence_sources(sentence), [sentence.index(figure)]) == [source]


def test_the_event_guard_finds_exactly_what_the_phrases_alone_find():
    """The first-word guard only skips positions; it must never hide a phrase."""
    from sahel_reader.highlighters.context import _EVENT_PHRASES, event_words

    unguarded = re.compile("|".join(f"(?P<{name}>\\b(?:{pattern})\\b)" for name, pattern in _EVENT_PHRASES),
                           re.IGNORECASE)
    phrase_words = " ".join(re.findall(r"[a-z]+", " ".join(pattern for _, pattern in _EVENT_PHRASES)))
    texts = [path.read_text(encoding="utf-8") for path in bundled_seed_paths()]
    texts += [phrase_words, phrase_words.upper(), "Forty were taken into custody and 3 held in custody."]
    for text in texts:
        found = [((start, end), event) for start, end, event in event_words(text)]
        assert found == [(m.span(), m.lastgroup) for m in unguarded.finditer(text)]
        assert found


def test_every_verb_of_a_figures_source_but_say_holds_a_cue_and_say_is_looked_up():
    """``sentence_sources`` takes a verb other than "say" for a cue and looks the cues up only for
    "say" alone: the verb list must keep that true, and "say," without any cue still names nobody."""
    from sahel_reader.highlighters import sources as context

    assert [verb for verb in context._FIGURE_VERBS if not any(cue in verb for cue in context._CUES)] == ["say"]
    assert sentence_sources("Police say, 12 died.") == []
    assert sentence_sources("Police say 12 died.") == [(0, "Police")]


def test_sentences_passed_over_by_their_words_hold_no_event_and_no_source():
    """``sentence_words`` lets a sentence without an event's key word or a source's verb skip the
    search: it must skip only sentences where the search finds nothing."""
    from sahel_reader.highlighters.context import _EVENT_PHRASES, event_words, sentence_words

    phrase_words = re.findall(r"[a-z]+", " ".join(pattern for _, pattern in _EVENT_PHRASES))
    texts = [line for path in bundled_seed_paths() for line in path.read_text(encoding="utf-8").splitlines()]
    texts += [" ".join(phrase_words[i:i + 4]) for i in range(len(phrase_words))]
    texts += ["Forty were taken into custody.", "3 held in custody", "two were taken hostage", "It named the 3 victims.",
              "They were “in custody”", "police say, 12 died", "«said» 4", "According to police, 3 died.",
              "Killed: 3", "the (injured) 2", "3 hostages", "laid to rest", "x_said 3", "señor said 3",
              "Said police, 3 died", "They say it; Said 3", "police say 3 were told", "Police Say 3", "3 say so"]
    for text in texts:
        folded = fold(text)
        words = sentence_words(folded)
        assert event_words(text, folded, words) == event_words(text, folded), text
        assert sentence_sources(text, folded, words) == sentence_sources(text, folded), text


def test_words_between_a_figure_and_an_event_word_are_counted_alike_without_the_search():
    """``_words_between`` answers 0 for nothing or one space without searching: what the search would count."""
    from sahel_reader.highlighters.context import _WORD, _words_between

    text = "two, a ;man - killed  x’s;"
    for start in range(len(text) + 1):
        for end in range(len(text) + 1):
            plain = len(_WORD.findall(text, start, end)) + 2 * (text.count(",", start, end) + text.count(";", start, end))
            assert _words_between(text, start, end) == plain, (start, end)
