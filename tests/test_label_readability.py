"""Every fact has a readable label (issue 13): the predicate that says what a desk editor would not write,
and labels of stories written for the purpose that pass it. Sentences made up here, none from a dev story."""

import pytest
from report_files import story_of
from sahel_reader.story.episodes import episode_words
from sahel_reader.story.fact_labels import where_phrase
from sahel_reader.story.label_readability import label_problems, unreadable

from test_facts import facets_by_text, fact_of


@pytest.mark.parametrize("label, reason", [
    ("depth (twelve miles)", "a bare value in brackets"),
    ("magnitude (3.8)", "a bare value in brackets"),
    ("people shot (2)", "a bare value in brackets"),
    ("death toll (about 20)", "a bare value in brackets"),
    ("injured (february)", "a bare value in brackets"),
    ("death toll (2003)", "a bare value in brackets"),
    ("year in “attack on Nov 11”", "quoted words"),
    ("time: neighbouring", "quoted words"),
    ("count: island gulf", "quoted words"),
    ("since when they ruled (wider scope)", "the engine's own terms"),
    ("magnitude (in general)", "the engine's own terms"),
    ("of them", "function words only"),
    ("the", "function words only"),
    ("time the quake struck at", "cut off"),
    ("value of the", "cut off"),
    ("injured,", "cut off"),
    ("casualties (killed and", "cut off"),
    ("", "no words"),
    ("42", "no words"),
])
def test_labels_no_editor_would_write_are_found(label, reason):
    assert unreadable(label) == reason


@pytest.mark.parametrize("label", [
    "death toll", "injured", "magnitude", "depth on the Maacama Fault", "distance to Bandar Abbas",
    "death toll in 2003", "injured in February", "magnitude of the aftershocks at 2:15 a.m.",
    "casualties (killed and injured)", "quote: I'm not sure all of them…", "value of the jewels",
    "time the quake struck", "speed per hour", "rifles seized so far", "year of the piracy attack",
    "magnitude that can cause severe damage", "how long they had been separated",
])
def test_labels_an_editor_would_write_pass(label):
    assert unreadable(label) is None


def test_a_label_two_facts_share_is_a_problem_of_the_story():
    assert label_problems(["death toll", "injured", "death toll", "depth (2)"]) == {
        "death toll": "shared by two facts", "depth (2)": "a bare value in brackets"}
    assert label_problems(["death toll", "injured"]) == {}


@pytest.mark.parametrize("told, texts, words", [
    ("2003", (), "in 2003"),
    ("2005-02", (), "in February 2005"),
    ("july", (), "in July"),
    ("scope", ("the floods killed 300 people across the country",), "across the country"),
    ("scope", ("10,000 have died since the war began, officials said",), "since the war began"),
    ("scope", ("In the region, dozens were hurt",), "in the region"),
    ("in general", ("A magnitude-7 earthquake can flatten a town of mud-brick houses.",), "that can flatten a town"),
    (None, ("killed 300 in 2003",), None),
    ("scope", ("one of the biggest heists ever, police said",), None),  # a record says how big, not when
])
def test_another_time_or_scope_is_said_in_words(told, texts, words):
    assert episode_words(told, *texts) == words


@pytest.mark.parametrize("noun, left, right, where", [
    ("gate", "The fort has six gates -- two ", " gates to the inner yard", "to the inner yard"),
    ("person", "Gunmen killed ", " people at a clinic in the north", "at the clinic"),
    ("person", "Gunmen killed ", " people on Sunday", None),                         # a time, not a place
    (None, "the well, on the Zambezi Plain, is ", " deep", "on the Zambezi Plain"),
    (None, "a reading of ", " on the Beaufort scale", None),                          # a name inside a phrase
    (None, "the wreck lies ", " off the coast of Crete", "off the coast of Crete"),
    (None, "the storm dropped ", " of rain", None),
])
def test_where_a_thing_is_is_read_from_its_clause(noun, left, right, where):
    assert where_phrase(noun, left, right) == where


def readable_labels(story) -> list[str]:
    labels = [k.label for k in story.clusters]
    assert label_problems(labels) == {}
    return labels


def test_two_facts_of_one_name_are_told_apart_by_where_or_who_not_by_value():
    story = story_of(
        a="Updated: May 4, 2031 10:00 GMT\nStorm floods valley\nThe dam has six gates -- two gates to the inner "
          "reservoir were opened.\nA woman and two men were shot, police said. Gunmen shot three people.\n",
        b="Updated: May 4, 2031 11:00 GMT\nDam gates opened\nThe dam has six gates; two gates to the inner "
          "reservoir were opened.\nA woman and two men were shot, police said. Gunmen shot three people.\n")
    labels = readable_labels(story)
    assert fact_of(story, "six", "a").label == "gates"  # nothing tells it apart: it keeps the plain name
    assert fact_of(story, "two", "a").label == "gates to the inner reservoir"
    assert fact_of(story, "two", "b").label == "gates to the inner reservoir"
    assert {k.label for k in story.clusters if "shot" in k.label} == {"men shot", "people shot"}
    assert fact_of(story, "three", "a").label == "people shot"  # who was shot tells the two apart
    assert len(labels) == len(set(labels))


def test_a_figure_takes_the_time_written_right_after_it():
    text = ("Updated: May 4, 2031 10:00 GMT\nTremors\nA magnitude 3.1 tremor was recorded at 4:05 a.m. and a 2.4 "
            "at 4:20 a.m.\nThe river peaked at 4.2 metres, the gauge said on Tuesday.\n")
    facets = facets_by_text(text)
    assert (facets["3.1"].moment, facets["2.4"].moment) == ("at 4:05 a.m.", "at 4:20 a.m.")
    assert facets["4.2 metres"].moment is None and facets["4:05 a.m."].moment is None


def test_another_event_is_named_in_words_and_a_year_after_a_date_is_that_dates():
    story = story_of(
        a="Updated: May 4, 2031 10:00 GMT\nFerry sinks\nIn 2019 a ferry sank off the cape, killing 80 people.\n",
        b="Updated: May 4, 2031 11:00 GMT\nFerry lost\nIn 2019 a ferry sank off the cape, killing 80 people.\n")
    readable_labels(story)
    assert fact_of(story, "80", "a").label == "death toll in 2019"
    facets = facets_by_text("Updated: May 4, 2031 10:00 GMT\nFerry\nThe ferry, which sank on 10 Nov 11, was old.\n")
    assert (facets["10 Nov"].gist, facets["11"].gist) == ("date the ferry sank", "year the ferry sank")


def test_a_quotation_is_labelled_by_its_opening_words_as_written():
    story = story_of(
        a='Updated: May 4, 2031 10:00 GMT\nFerry sinks\n"I wasn\'t sure that all of the crew could swim," the captain '
          'said.\n',
        b='Updated: May 4, 2031 11:00 GMT\nFerry lost\n"I wasn\'t sure that all of the crew could swim," he said.\n')
    (quote,) = [k for k in story.clusters if k.kind == "quote"]
    assert quote.label == "quote: I wasn't sure that all…"  # its own case and apostrophe, no "of" before the cut


def test_the_bundled_story_has_readable_labels():
    from sahel_reader.story.documents import load_paths
    from sahel_reader.story.seeds import bundled_seed_paths
    from sahel_reader.story.analysis import analyse
    loaded = load_paths(bundled_seed_paths())
    assert label_problems([fact.label for fact in analyse(loaded.documents, loaded.title).clusters]) == {}
