"""Labels a reader would write (issue 13 item 3): read from the shape of English around a figure, never
from one story's words. Sentences made up for the purpose."""

import pytest
from sahel_reader.story.fact_labels import count_verb, measure_gist, plural
from sahel_reader.story.verb_forms import past

from test_facts import fact_of, story_of


@pytest.mark.parametrize("left, right, expected", [
    ("Rangers seized ", " crates of ivory at the port.", "seized"),                   # the object of a verb
    ("the coastguard towed the remaining ", " trawlers to harbour.", "towed"),
    ("", " barns were burnt down in the storm.", "burnt down"),                          # a passive after
    ("", " lorries had been abandoned by their drivers.", "abandoned"),
    ("", " of them managed to escape.", "that managed to escape"),                       # what they did
    ("during the ", " raids it carried out.", "carried out"),                            # a relative clause
    ("The ", " stranded climbers waited for dawn.", "stranded"),                         # a participle in the phrase
    ("Workers were ", " metres apart.", None),                                           # no verb for the thing
    ("during the ", " meetings, everyone spoke.", None),                                 # "during" is no verb
    ("rescuers freeing ", " miners from the shaft", "freed"),                            # an -ing form
    ("", " climbers reached the summit.", "that reached the summit"),                    # what they did, last
    ("", " officials said the road was shut.", None),                                    # saying is no event
])
def test_a_count_is_named_by_what_happened_to_what_it_counts(left, right, expected):
    assert count_verb(left, right, "thing") == expected


@pytest.mark.parametrize("family, left, right, expected", [
    ("time", "The ferry, which sank at ", " local time, carried 80.", "time the ferry sank"),
    ("time", "The blaze started at ", ".", "time the blaze started"),
    ("time", "It erupted at ", ".", "time it erupted"),
    ("date", "the bill awaits its final vote on ", ".", "date of the final vote"),
    ("date", "the parade went through the old market on ", ".",
     "date the parade went through the old market"),  # what happened there, never "date of the old market"
    ("time", "It was felt in the neighbouring Gulf states at ", ".", "time it was felt"),  # not cut mid-phrase
    ("time", "At ", ", police arrived at the scene.", "time the police arrived at the scene"),  # a bare subject
    ("year", "In ", " they left the valley.", "year they left the valley"),
    ("date", "Voting ends on ", ".", "date voting ends"),                               # the present tense
    ("time", "The curfew starts at ", " each night.", "time the curfew starts"),
    ("time", "The hearing is set for ", " on Friday.", "time of the hearing"),          # not "... is set"
    ("time", "Flights to Paris at ", ".", None),
    ("money", "a judge ordered him to pay ", " in restitution.", "restitution"),   # what an amount is, after it
    ("money", "he kept ", " in the bank.", "amount he kept"),                        # a place, not what it is
    ("money", "a scheme that cost pensioners ", ".", "amount the scheme cost pensioners"),  # who paid it
    ("time", "Witnesses heard gunfire around ", ".", "time witnesses heard gunfire"),  # people, capital at the start
    ("time", "Rogers arrived at ", ".", "time Rogers arrived"),                           # a name stays one
    ("year", "In ", ", Four men emptied nearly all of the lockers.", "year four men emptied"),  # a counted subject
    ("duration", "The strike lasted ", " and ended on Friday.", "how long the strike lasted"),
    ("duration", "the bridge reopened after ", ".", "time before the bridge reopened"),
    ("duration", "the mayor resigned ", " earlier, aides said.", "time since the mayor resigned"),
    ("duration", "a ", " ceasefire was agreed.", "ceasefire"),
    ("year", "a ", " red Volvo estate", "year of the red Volvo"),
    ("year", "In ", ", the old harbour wall was flooded by the sea.",
     "year the old harbour wall was flooded by the sea"),
    ("area", "The ", " warehouse burned for hours.", "area of the warehouse"),
    ("money", "thieves took ", " worth of antique clocks", "value of the antique clocks"),
    ("money", "the fund paid ", " to the farmers", "amount the fund paid"),  # an irregular past, as "lost"
    ("money", "burglars took ", " of silverware from the vicarage", "value of the silverware"),  # not "from the"
    ("money", "a vintage guitar worth ", " was sold", "value of the vintage guitar"),
    ("money", "a ", " painting was auctioned", "value of the painting"),
    ("time", "(", " GMT) the convoy crossed the border", "time the convoy crossed the border"),
    ("share", "volunteers rebuilt ", " of the old chapel", "share of the old chapel rebuilt"),
    ("share", "Its exports dropped ", " last year", "how much the exports dropped"),
    ("money", "the council reported a deficit of ", " for the year", "deficit"),
    ("money", "the club lost ", " on the deal", "amount the club lost"),
    ("money", "the club lost the case and paid ", ".", None),                   # the amount is no object of "lost"
    ("duration", "after a storm that lasted ", ".", "how long the storm lasted"),
    ("year", "a blue ", " Vauxhall Astra was found", "year of the blue Vauxhall Astra"),
    ("year", "the old mill ", " flats were sold", None),                        # the figure inside a phrase
    ("share", "", " of whom were children", None),
    ("length", "flames reached a farmhouse ", " west of the town", "distance from the farmhouse"),
    ("length", "The camp is ", " from the border", "distance from the camp"),
    ("length", "hikers walked ", " along the coast", None),
    ("money", "Armed robbers stole jewels worth ", " from a shop", "value of the jewels"),  # no determiner
    ("money", "Robbers took jewellery valued at ", ".", "value of the jewellery"),
    ("share", "Turnout in the vote was ", ".", "turnout in the vote"),                 # what the figure is
    ("money", "Officials said the ransom was ", ".", "ransom"),
    ("share", "The Labour Party share was ", ".", "Labour Party share"),
    ("share", "It was ", ".", None),
])
def test_a_time_or_measure_is_named_by_the_event_or_thing_it_belongs_to(family, left, right, expected):
    assert measure_gist(family, left, right) == expected


@pytest.mark.parametrize("form, participle", [
    ("capturing", "captured"), ("stopping", "stopped"), ("carrying", "carried"), ("shooting", "shot"),
    ("struck", "struck"), ("took", "taken"), ("hit", "hit"), ("towed", "towed"), ("hundred", None),
    ("morning", None), ("said", None), ("need", None),
])
def test_past_participles_follow_english_spelling(form, participle):
    assert past(form) == participle


@pytest.mark.parametrize("noun, plural_form", [
    ("barn", "barns"), ("ferry", "ferries"), ("bus", "buses"), ("person", "people"), ("day", "days"),
])
def test_plurals_follow_english_spelling(noun, plural_form):
    assert plural(noun) == plural_form


FLOOD = dict(
    a="Updated: March 3, 2031 10:00 GMT\nRiver bursts its banks\nThe river burst its banks at 4:10 a.m. on "
      "Sunday, officials said.\nRescuers evacuated 340 families from the lower town.\nCrews have "
      "repaired 12 pumps so far.\nThe crews repaired 12 pumps on Sunday alone.\nInspectors seized 40 "
      "crates, 17 drums and 300 bottles at the dock.\nEight tents, 20 stoves and 90 blankets were handed out.\n"
      "The shelter, 6 miles east of Carlow, is full.\nA ferry sank about 30 miles east of Carlow.\n",
    b="Updated: March 3, 2031 11:00 GMT\nFlood hits lower town\nThe river burst its banks at 4:10 a.m., the "
      "mayor said.\nIn all, 340 families were evacuated from the lower town.\nCrews have repaired 12 pumps "
      "so far.\nOn Sunday alone, the crews repaired 12 pumps.\nInspectors seized 40 crates, 17 drums and 300 "
      "bottles.\nEight tents, 20 stoves and 90 blankets were handed out at the school.\nThe shelter is 6 miles "
      "east of Carlow. A ferry sank 30 miles east of Carlow.\n",
)


@pytest.fixture(scope="module")
def flood():
    return story_of(**FLOOD)


def test_story_labels_name_the_event_and_what_happened(flood):
    assert fact_of(flood, "4:10 a.m.", "a").label == "time the river burst its banks"
    assert fact_of(flood, "340", "a").label == "families evacuated"


def test_a_list_of_counts_shares_its_verb(flood):
    assert [fact_of(flood, figure, "a").label for figure in ("40", "17", "300")] == [
        "crates seized", "drums seized", "bottles seized"]  # the verb said before the list
    assert [fact_of(flood, figure, "a").label for figure in ("Eight", "20", "90")] == [
        "tents handed out", "stoves handed out", "blankets handed out"]  # and after it


def test_two_facts_of_one_name_are_told_apart_by_a_running_total(flood):
    pumps = sorted(k.label for k in flood.clusters if any(flood.claim(i).text == "12" for i in k.claims))
    assert pumps == ["pumps repaired", "pumps repaired so far"]


def test_labels_are_unique_and_plain_words(flood):
    labels = [k.label for k in flood.clusters if k.kind == "number"]
    assert len(labels) == len(set(labels))
    for label in labels:
        assert not label.endswith(("'", "’", ":", ",")) and ": " not in label and "(2)" not in label, label


def test_a_possessive_is_read_as_its_noun():
    from sahel_reader.story.facets import singular
    assert singular("driver's") == singular("drivers’") == singular("drivers") == "driver"


def test_two_distances_to_one_place_are_told_apart_by_what_is_that_far(flood):
    assert sorted(fact_of(flood, figure, "b").label for figure in ("6 miles", "30 miles")) == [
        "distance from where the ferry sank to Carlow", "distance to Carlow"]


def test_an_event_named_well_before_its_date_still_names_it():
    from test_facts import facets_by_text
    text = ("Updated: March 3, 2026 10:00 GMT\nStrike goes on\nThe long and bitter strike began in the small hours "
            "of a cold Monday, March 2, 2026.\n")
    assert facets_by_text(text)["March 2, 2026"].gist == "date the long and bitter strike began"


def test_a_fact_is_of_another_time_or_scope_only_where_most_of_its_figures_say_so():
    story = story_of(
        a="Updated: March 3, 2026 10:00 GMT\nA quake struck the valley.\nThe quake had a depth of 1.2 miles.\n",
        b="Updated: March 3, 2026 11:00 GMT\nValley shaken\nThe shallow quake had a depth of 1.2 miles.\n",
        c="Updated: March 3, 2026 12:00 GMT\nQuake felt widely\nIt began only one mile below ground level, which "
          "is why it was felt across the region.\n")
    depth = fact_of(story, "one mile")
    assert depth is fact_of(story, "1.2 miles", "a") and depth.label == "depth"


def test_a_year_is_named_by_the_event_told_before_another_figure_of_its_sentence():
    story = story_of(
        a="Updated: June 3, 2026 10:00 GMT\nFraud trial\nHe was sentenced to 10 years in prison in 2019.\nA quake "
          "killed 300 people in the town in 2003.\n",
        b="Updated: June 3, 2026 11:00 GMT\nBanker freed\nHe was sentenced to 10 years in prison in 2019.\nA quake "
          "killed 300 people in the town in 2003, officials said.\n")
    assert fact_of(story, "2019", "a").label == "year he was sentenced"  # its own time, not "(2019)" again
    assert fact_of(story, "2003", "a").label != "year the quake killed"  # what it killed was the other figure
