"""A figure's event comes from the clause it stands in, and a date's parts are not counts."""

import pytest

from sahel_reader.highlighters.context import figure_event
from sahel_reader.highlighters.numbers import find_figures


def events(sentence: str) -> dict[str, str | None]:
    spans = [(f.start, f.end) for f in find_figures(sentence)]
    return {sentence[s:e]: figure_event(sentence, (s, e), [o for o in spans if o != (s, e)]) for s, e in spans}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a clause that ends on its event word, then "and"/"but" and a new subject with its own verb
        ("The receptionist -- Madeline Kafoury -- was shot dead and two managers, Paul Riva and Alan Steinberg, "
         "were wounded.", {"two": "injured"}),
        ('A female receptionist died and two men, believed to be "management level employees," underwent '
         "surgery for gunshot wounds at the hospital.", {"two": "injured"}),
        ("A guard was killed, and three visitors, all of them tourists, were taken hostage.", {"three": "abducted"}),
        ("One soldier died but two others, both medics, were reported missing.", {"One": "killed", "two": "missing"}),
        ("A policeman was killed and the two other officers, who had been on patrol, were wounded.",
         {"two": "injured"}),
        ("Five soldiers were killed; 12, among them the commander, were wounded.", {"Five": "killed", "12": "injured"}),
        ("Police said a woman had died and that three men, all locals, had been arrested.", {"three": "detained"}),
        # the earlier event is further back, the figure still opens its own clause
        ("The driver was killed in the crash and 14 passengers, most of them students, were hurt.",
         {"14": "injured"}),
        ("A woman died at the scene while 12 of her neighbours, woken by the blast, were evacuated.",
         {"12": "displaced"}),
        # a figure with an apposition and its own verb, at the start of the sentence
        ("Two managers, Paul Riva and Alan Steinberg, were wounded.", {"Two": "injured"}),
        ("One man was killed after 3 gunmen opened fire.", {"One": "killed", "3": None}),
        # a whole that a part is taken from: the clause tells what happened to the part
        ("Local news reported that two of the three victims died.", {"two": "killed", "three": None}),
        ("Police said one of the 26 pirates was wounded.", {"26": None}),
        ("Most of the 40 passengers were injured.", {"40": None}),
        ("All of the 40 passengers were injured.", {"40": "injured"}),
        ("He said 30 of the 80 wounded remained in hospital.", {"30": None, "80": "injured"}),
        # a verb that does not agree with the figure is another subject's
        ("The man who shot a clerk and two managers was arrested on Monday.", {"two": "shot"}),
        ("A guard was killed and one man was found dead.", {"one": "killed"}),
        # the injured or the dead as a verb's object are other people than the subject
        ("Two helicopters were evacuating injured from the island.", {"Two": None}),
        ("Two helicopters began moving the injured to the hospital.", {"Two": None}),
        ("Three ambulances carried the wounded away.", {"Three": None}),
        ("Two managers were among the injured.", {"Two": "injured"}),
        ("Three hikers were found dead.", {"Three": "killed"}),
        # a whole that is no subject keeps its own event words
        ("Her son was one of 20 students killed at the school.", {"20": "killed"}),
        # the new clause's verb names no event: the earlier clause's event is not the figure's
        ("A receptionist died and two men were taken to the hospital.", {"two": None}),
        ("One person was killed but 30 were rescued from the rubble.", {"One": "killed", "30": None}),
        ("Two people died when 4 men armed with knives stormed the hall.", {"Two": "killed", "4": None}),
    ],
)
def test_a_figure_takes_the_event_of_its_own_clause(sentence, expected):
    assert events(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen opened fire, killing two and wounding five.", {"two": "killed", "five": "injured"}),
        ("Two killed, five wounded.", {"Two": "killed", "five": "injured"}),
        ("12 people were killed and 30 injured.", {"12": "killed", "30": "injured"}),
        ("The shooting left one dead and two wounded.", {"one": "killed", "two": "injured"}),
        # one verb, its objects coordinated: the figure is the verb's, not a clause's subject
        ("The gunman killed a receptionist and two managers.", {"two": "killed"}),
        ("The blast killed a policeman and two civilians in the market.", {"two": "killed"}),
        ("The attack killed a guard and two of his colleagues.", {"two": "killed"}),
        ("Three villagers, all farmers, were killed on Monday.", {"Three": "killed"}),
        ("Hundreds of people were killed or hurt.", {"Hundreds": "casualties"}),
        ("A security source said that 77 people had died and 255 had been injured.", {"77": "killed", "255": "injured"}),
    ],
)
def test_figures_whose_event_was_right_keep_it(sentence, expected):
    assert events(sentence) == expected


def kinds(sentence: str) -> dict[str, tuple[str, float | None]]:
    return {sentence[f.start:f.end]: (f.quantity, f.value) for f in find_figures(sentence)}


@pytest.mark.parametrize(
    ("sentence", "figure", "year"),
    [
        ("Survivors of the ’07 attack met on Monday.", "07", 2007),
        ("The firm was founded in '08 by two brothers.", "08", 2008),
        ("Since ’99 the village has flooded twice.", "99", 1999),
        ("The navy foiled a piracy attack on 10 Nov 11.", "11", 2011),
        ("It happened on 3 March 09, police said.", "09", 2009),
        ("The pact signed on 21st Dec 98\nwas the first.", "98", 1998),
    ],
)
def test_a_two_digit_year_is_a_year_not_a_count(sentence, figure, year):
    assert kinds(sentence)[figure] == ("year", year)


@pytest.mark.parametrize(
    ("sentence", "figure", "when"),
    [
        ("The attacks on Nov 11 and 12 killed 5 people.", "12", "--11-12"),
        ("Between Nov 9 and 11, 40 people died.", "11", "--11-11"),
        ("Talks on 11-12 November failed.", "11-12", "--11-11"),
        ("The talks on 11 and 12 November failed.", "11", "--11-11"),
        ("Storms hit on 3 March or 4, officials said.", "4", "--03-04"),
    ],
)
def test_a_day_joined_to_a_date_is_a_date_not_a_count(sentence, figure, when):
    found = {sentence[f.start:f.end]: f for f in find_figures(sentence)}
    assert (found[figure].quantity, found[figure].when) == ("date", when)


@pytest.mark.parametrize(
    ("sentence", "figure", "kind"),
    [
        ("On 10 Nov 11 people were arrested.", "11", ("count", 11)),
        ("On Nov 11 and 12 people were arrested.", "12", ("count", 12)),
        ("They seized 11 and 12 more on November 3.", "11", ("count", 11)),
        ("On Nov 3 and 40 soldiers later left.", "40", ("count", 40)),
        ("The attack on Nov 11 killed 5 people.", "5", ("count", 5)),
        ("The attack on Nov 11 killed 5 people.", "Nov 11", ("date", 11)),
        ("She scored '10' out of ten.", "10", ("count", 10)),
        ("He said '12 people' had died.", "12", ("count", 12)),
        ("Bamako attack: ’27 killed’ in hotel siege", "27", ("count", 27)),
        ("It grew in the '80s.", "in the '80s", ("count", 80)),
    ],
)
def test_numbers_beside_dates_and_quotes_keep_their_reading(sentence, figure, kind):
    assert kinds(sentence)[figure] == kind
