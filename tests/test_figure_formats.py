"""Figures in every format news prints (issue 12): datelines and zones, glued units, currencies,
fractions and multipliers, signed values, changes and rates, zero, and numbers that are no quantity.

Each example is one the issue names, or one of the same form."""

import importlib.util
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sahel_reader.highlighters.numbers import find_figures
from sahel_reader.highlighters.unit_words import DURATIONS, MEASURES
from sahel_reader.story.measures import BASE_UNITS, from_base, to_base


def figures(text: str, **options) -> list[tuple]:
    return [(text[f.start:f.end], f) for f in find_figures(text, **options)]


def only(text: str, **options):
    found = figures(text, **options)
    assert len(found) == 1, [span for span, _ in found]
    return found[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("POSTED: 1052 GMT (1852 HKT), April 10, 2007",
     [("1052 GMT", "time", "10:52+00:00"), ("1852 HKT", "time", "18:52+08:00"), ("April 10, 2007", "date", "2007-04-10")]),
    ("Updated 4/9/2007 6:04 PM", [("4/9/2007", "date", "2007-04-09"), ("6:04 PM", "time", "18:04")]),
    ("Apr 9, 2007", [("Apr 9, 2007", "date", "2007-04-09")]),
    ("on April 30, 2008 at 4:31 AM", [("April 30, 2008", "date", "2008-04-30"), ("4:31 AM", "time", "04:31")]),
    ("July 2nd", [("July 2nd", "date", "--07-02")]),
    ("Jul 02", [("Jul 02", "date", "--07-02")]),
    ("02 Jul", [("02 Jul", "date", "--07-02")]),
    ("WEDNESDAY 03", [("WEDNESDAY 03", "date", "---03")]),
    ("15:50 IST", [("15:50 IST", "time", "15:50+05:30")]),
    ("12:28 CDT", [("12:28 CDT", "time", "12:28-05:00")]),
    ("7:41 AM", [("7:41 AM", "time", "07:41")]),
    ("Sunday, November 27-2005 at 16:12", [("November 27-2005", "date", "2005-11-27"), ("16:12", "time", "16:12")]),
    ("Posted 11/28/05", [("11/28/05", "date", "2005-11-28")]),
    ("Posted on November 15, 2011 6:07:15 PM GMT+01", [("November 15, 2011", "date", "2011-11-15"),
                                                        ("6:07:15 PM GMT+01", "time", "18:07:15+01:00")]),
    ("a quake in December 2003", [("December 2003", "year", "2003-12")]),
    ("TNN Nov 12, 2011, 05.51AM IST MUMBAI:", [("Nov 12, 2011", "date", "2011-11-12"),
                                              ("05.51AM IST", "time", "05:51+05:30")]),
])
def test_dates_and_times_with_their_zone(text, expected):
    assert [(span, f.quantity, f.when) for span, f in figures(text)] == expected


def test_two_zones_of_one_instant_name_the_same_moment():
    from datetime import datetime

    first, second = (f.when for _, f in figures("1052 GMT (1852 HKT)"))
    assert datetime.fromisoformat(f"2007-04-10T{first}") == datetime.fromisoformat(f"2007-04-10T{second}")


@pytest.mark.parametrize(("text", "span"), [("It was the 30th of September.", "30th of September"),
                                            ("It happened on 30 May.", "30 May"), ("set for Nov. 8.", "Nov. 8")])
def test_a_month_s_full_name_leaves_the_full_stop_after_it(text, span):
    assert [found for found, _ in figures(text)] == [span]


@pytest.mark.parametrize(("text", "when"), [("The strike lasted from 9 to 11 March.", "--03-09"),
                                            ("Voting runs 20 to 22 May.", "--05-20"), ("the night of 30-31 August", "--08-30")])
def test_days_joined_by_to_before_a_month_are_dates(text, when):
    _, figure = only(text)
    assert (figure.quantity, figure.qualifier, figure.when) == ("date", "range", when)


def test_numeric_dates_are_read_day_first_where_the_report_writes_them_so():
    assert only("Posted 4/9/2007", day_first=True)[1].when == "2007-09-04"
    assert only("Posted 28/11/2005")[1].when == "2005-11-28"  # 28 cannot be a month


@pytest.mark.parametrize(("text", "span", "value", "quantity", "unit", "dimension"), [
    ("the 256GB model", "256GB", 256, "other", "gigabyte", "data"),
    ("it stores 60GB", "60GB", 60, "other", "gigabyte", "data"),
    ("a magnitude-5.9 earthquake", "5.9", 5.9, "magnitude", None, "magnitude"),
    ("the magnitude-9.1 earthquake", "9.1", 9.1, "magnitude", None, "magnitude"),
    ("a M7.5 quake struck", "M7.5", 7.5, "magnitude", None, "magnitude"),
    ("a debt of euro110 billion", "euro110 billion", 110e9, "money", "EUR", "currency"),
    ("a loan of 110 b. Euro", "110 b. Euro", 110e9, "money", "EUR", "currency"),
    ("profit (Dh472.72bn)", "Dh472.72bn", 472.72e9, "money", "AED", "currency"),
    ("a profit of RM3.06 million", "RM3.06 million", 3.06e6, "money", "MYR", "currency"),
    ("a grant of A$18 million", "A$18 million", 18e6, "money", "AUD", "currency"),
    ("Paris hit by 2 mn-euro jewelry heist", "2 mn-euro", 2e6, "money", "EUR", "currency"),
    ("a 2 bn euro plan", "2 bn euro", 2e9, "money", "EUR", "currency"),
    ("a 10-billion-dollar deal", "10-billion-dollar", 10e9, "money", "USD", "currency"),
    ("a haul of ?1.7m", "?1.7m", 1.7e6, "money", None, "currency"),
    ("about 58km away", "about 58km", 58, "distance", "kilometer", "length"),
    ("a 1,500-square-kilometer island", "1,500-square-kilometer", 1500, "other", "square_kilometer", "area"),
    ("speeds up to 193km / h", "up to 193km / h", 193, "other", "kilometer_per_hour", "speed"),
    ("weighing 180 pounds", "180 pounds", 180, "other", "pound", "mass"),
    ("jewels worth 910,000 pounds", "910,000 pounds", 910_000, "money", "GBP", "currency"),
    ("about 28 degrees Celsius", "about 28 degrees Celsius", 28, "other", "degree_Celsius", "temperature"),
    ("a 38-year-old man", "38-year-old", 38, "duration", "year", "age"),
    ("barring 17-year-olds from voting", "17-year-olds", 17, "duration", "year", "age"),
    ("Chevron climbed 69 cents", "69 cents", 0.69, "money", "USD", "currency"),
    ("Prices rose 3.2pc in May.", "3.2pc", 3.2, "percent", "%", "percent"),
    ("a 10 percentage-point lead", "10 percentage-point", 10, "percent", "%", "percent"),
    ("She won the 400m hurdles.", "400m", 400, "distance", "meter", "length"),
    ("The blast was 500m away.", "500m", 500, "distance", "meter", "length"),
    ("5m people live there.", "5m", 5e6, "count", None, None),
    ("Turnout was 45 pc.", "45 pc", 45, "percent", "%", "percent"),
    ("The court fined him Rs 5,000.", "Rs 5,000", 5000, "money", "INR", "currency"),
    ("The project costs Rs 500 crore.", "Rs 500 crore", 5e9, "money", "INR", "currency"),
    ("It allocated Rs 2.5 lakh crore.", "Rs 2.5 lakh crore", 2.5e12, "money", "INR", "currency"),
    ("Floods hit 2 lakh homes.", "2 lakh", 2e5, "count", None, None),
    ("to 212 pence", "212 pence", 2.12, "money", "GBP", "currency"),
    ("a stamp of 50 euro cents", "50 euro cents", 0.5, "money", "EUR", "currency"),
])
def test_units_glued_or_hyphenated_give_unit_and_dimension(text, span, value, quantity, unit, dimension):
    found, figure = only(text)
    assert (found, figure.quantity, figure.unit, figure.dimension) == (span, quantity, unit, dimension)
    assert figure.value == pytest.approx(value)


def test_lakhs_and_crores_scale_words_but_open_no_figure_alone():
    assert [(span, f.value) for span, f in figures("Over five lakh people were displaced.")] == [("Over five lakh", 500_000)]
    assert figures("The crore figure was revised.") == []


def test_a_range_of_cents_is_a_range_of_hundredths_of_the_dollar():
    found, figure = only("Analysts expected 45 to 50 cents a share.")
    assert (found, figure.low, figure.high, figure.unit, figure.per) == ("45 to 50 cents a share", 0.45, 0.5, "USD", "share")


@pytest.mark.parametrize(("text", "per"), [("$25 a share", "share"), ("$1,900 an ounce", "ounce"), ("$50 a ton", "ton")])
def test_a_price_for_one_of_a_thing_is_a_rate(text, per):
    assert only(text)[1].per == per


def test_a_range_with_its_unit_after_both_ends():
    found, figure = only("It hears 15-17kHz")
    assert (found, figure.qualifier, figure.low, figure.high, figure.unit) == ("15-17kHz", "range", 15, 17, "kilohertz")
    found, figure = only("40 percent to 70 percent of buildings")
    assert (figure.qualifier, figure.low, figure.high, figure.quantity) == ("range", 40, 70, "percent")


@pytest.mark.parametrize(("text", "span", "value"), [
    ("half of whom were housed", "half", 0.5), ("two-thirds of homes", "two-thirds", 0.667),
    ("a third of the vote", "a third", 0.333), ("a 1/4 inch gap", "1/4 inch", 0.25), ("It took ½ cup", "½", 0.5),
    ("The door is 2 1/2 in thick", "2 1/2", 2.5), ("two and a half miles east", "two and a half miles", 2.5),
    ("sales rose sixfold", "sixfold", 6), ("output tripled", "tripled", 3), ("a six-fold increase", "six-fold", 6),
])
def test_fractions_and_multipliers(text, span, value):
    found, figure = only(text)
    assert found == span and figure.value == pytest.approx(value)


@pytest.mark.parametrize("text", [" 77 0/0 ", "scored 3 5/4 in the test", "the 12 7/0 rule"])
def test_a_number_before_something_that_is_no_fraction_is_read_without_crashing(text):
    """A mixed number whose fraction is none ("0/0", "5/4") is no figure, and never stops the report's analysis."""
    assert all(figure.value is not None for _, figure in figures(text))


@pytest.mark.parametrize(("text", "low", "high"), [
    ("from 1.5 to 2.5 million", 1_500_000, 2_500_000), ("1.5-2.5 million people", 1_500_000, 2_500_000),
    ("$1.5 to $2.5 billion", 1.5e9, 2.5e9), ("two to three million people", 2_000_000, 3_000_000),
    ("two to three hundred", 200, 300), ("1 million to 2 million", 1_000_000, 2_000_000),
    ("from 500 to 1.2 million", 500, 1_200_000)])
def test_a_scale_after_a_ranges_second_figure_is_the_firsts_where_it_is_smaller(text, low, high):
    _, figure = only(text)
    assert (figure.qualifier, figure.value, figure.low, figure.high) == ("range", low, low, high)


def test_a_percent_does_not_range_to_money():
    assert [(span, f.qualifier) for span, f in figures("Shares rose 3.5% to $22.10")] == [
        ("3.5%", "exact"), ("$22.10", "exact")]


def test_a_quarter_mile_is_a_distance_and_a_fraction_range_is_one_figure():
    found, figure = only("about a quarter mile away")
    assert (found, figure.quantity, figure.unit, figure.value) == ("about a quarter mile", "distance", "mile", 0.25)
    found, figure = only("between half and two-thirds of homes")
    assert (figure.qualifier, figure.low, figure.high) == ("range", 0.5, 0.667)


@pytest.mark.parametrize("text", ["a third official spoke", "moved from third to second",
                                  "in the second half of July", "he doubled down on it", "half-time"])
def test_ranks_parts_and_idioms_are_no_fraction_or_multiplier(text):
    assert not any(f.dimension in ("fraction", "multiplier") for _, f in figures(text))


def test_a_temperature_written_with_a_capital_letter_glued_to_it():
    assert [(span, f.value, f.unit) for span, f in figures("It fell to minus 6C (21F) overnight")] == [
        ("minus 6C", -6, "degree_Celsius"), ("21F", 21, "degree_Fahrenheit")]
    assert [span for span, _ in figures("a 6 c grade, the 5c coin")] == ["6"]  # no unit: a letter apart, or in lower case


def test_a_storms_category_is_a_name_not_a_count():
    assert [span for span, _ in figures("Ike, a Category 2 storm with 110 mph winds")] == ["110 mph"]


@pytest.mark.parametrize(("text", "span", "qualifier"), [
    ("It will cost $1 trillion over 10 years.", "10 years", "exact"),  # the span it costs that over
    ("They cut 24,600 jobs over three years.", "three years", "exact"),
    ("The jury deliberated for about seven hours over two days.", "two days", "exact"),
    ("The siege lasted over 3 days.", "over 3 days", "lower"), ("He was jailed for over 30 years.", "over 30 years", "lower"),
    ("Over three years, the firm grew.", "Over three years", "lower")])
def test_over_a_duration_after_a_figure_is_the_period_it_happens_over(text, span, qualifier):
    assert [(found, f.qualifier) for found, f in figures(text)][-1] == (span, qualifier)


def test_signed_values():
    assert [(span, f.value, f.unit) for span, f in figures("It fell to -233 Celsius, then minus 5 degrees")] == [
        ("-233 Celsius", -233, "degree_Celsius"), ("minus 5 degrees", -5, "degree")]


def test_a_change_is_two_figures_and_a_range_one():
    found = figures("The price fell from $2,415 to $2,315.")
    assert [(span, f.role, f.qualifier) for span, f in found] == [("$2,415", "from", "exact"), ("$2,315", "to", "exact")]
    assert [(span, f.qualifier) for span, f in figures("from 3.6 to 4.3 in magnitude")] == [("from 3.6 to 4.3", "range")]
    assert [(span, f.role) for span, f in figures("open from 6:00 a.m. to 9:00 a.m.")] == [("6:00 a.m.", None),
                                                                                          ("9:00 a.m.", None)]


@pytest.mark.parametrize("text", ["The death toll rose to 77 from 70 on Tuesday.", "The toll has risen to 77, up from 70.",
                                  "Unemployment fell to 5.1% from 5.3%.", "Revenue climbed to $1.5 billion from $1.2 billion."])
def test_a_change_in_the_wire_s_order_gives_where_it_went_and_where_it_was(text):
    assert [f.role for _, f in figures(text)] == ["to", "from"]


def test_going_to_a_figure_from_another_without_a_change_gives_no_roles():
    assert [f.role for _, f in figures("They came to 12 from 3 countries.")] == [None, None]
    assert [f.role for _, f in figures("The toll from the attack climbed to 170.")] == [None]
    assert [f.role for _, f in figures("the death toll from the disaster to 267")] == [None]


def test_a_change_dated_at_both_ends_keeps_its_roles():
    text = "Fees declined to $281 million in 2014 from $303 million in 2011."
    assert [(span, f.role) for span, f in figures(text) if f.quantity == "money"] == [("$281 million", "to"),
                                                                                    ("$303 million", "from")]


@pytest.mark.parametrize(("text", "spans"), [
    ("The toll rose 10% to 77.", ["10%", "77"]),
    ("Shares fell 3.5 per cent to 212 pence.", ["3.5 per cent", "212 pence"]),
    ("Profit jumped 12 percent to 4.5 billion euros.", ["12 percent", "4.5 billion euros"]),
    ("growth cut by 0.1 percentage points to 4.2 percent", ["0.1 percentage points", "4.2 percent"]),
    ("aged between one week and three months old", ["one week", "three months old"]),
])
def test_a_change_by_one_unit_to_another_figure_is_no_range(text, spans):
    assert [span for span, _ in figures(text)] == spans


@pytest.mark.parametrize("text", ["growth of 5% to 10 per cent", "from 10 percent to 12 percent", "a walk of 10 km to 15 kms",
                                  "between 5% and 7%", "5 to 10 percent"])
def test_a_range_may_write_its_unit_twice_or_once_at_its_end(text):
    assert only(text)[1].qualifier == "range"


@pytest.mark.parametrize(("text", "per", "qualifier"), [
    ("It does 20-29 miles per gallon", "gallon", "range"), ("They earn $920 to $1,730 a week", "week", "range"),
    ("a slip of about 9 mm / yr", "year", "approx"), ("a wage of $15 an hour", "hour", "exact"),
])
def test_rates_keep_their_denominator(text, per, qualifier):
    _, figure = only(text)
    assert (figure.per, figure.qualifier) == (per, qualifier)


@pytest.mark.parametrize(("text", "span"), [
    ("The toll is now 77, up from 70 a day earlier.", "70"), ("Sales were 1.2 million a year ago.", "1.2 million"),
    ("It rose to 40 a week after the storm.", "40"), ("Police said 12 a day later.", "12"),
    ("The raids, 2 a week apart, hit the north.", "2"),
])
def test_a_time_away_is_no_rate(text, span):
    found = [(found_span, f.per) for found_span, f in figures(text)]
    assert (span, None) in found


def test_earlier_in_a_named_period_keeps_the_rate():
    _, figure = only("He was paid $900 a month earlier this year.")
    assert (figure.value, figure.per) == (900, "month")


def test_half_an_hour_is_a_duration_not_a_rate():
    _, figure = only("It lasted half an hour")
    assert (figure.value, figure.unit, figure.per) == (0.5, "hour", None)


@pytest.mark.parametrize("text", ["AK-47 rifles", "on Interstate 75 north", "a 12-gauge shotgun", "a 9mm pistol",
                                  "the F-16 jets", "Flight 370 vanished", "a large 4×4 car", "the 4x4 vehicle"])
def test_numbers_that_name_things_are_no_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("Microsoft released Windows 7 to 40 million users.", ["40 million"]), ("Boston went on to win Game 7.", []),
    ("ready on Day 1, no learning curve", []), ("the filings of the Fortune 500 for 2015", ["2015"]),
    ("the case of Guccifer 2.0, a hacker", []),
    ("Scot Ross, executive director of One Wisconsin Now, said so.", []), ("the One Nation initiative", []),
    ("Storm Kills Five People In Texas", ["Five"]), ("The iPhone 5 sold 5 million units.", ["5 million"]),
    ("Apple launched the iPad 2 in March.", []), ("Deaths of Eight Miners Confirmed", ["Eight"]),
])
def test_the_number_a_name_ends_with_is_no_figure(text, spans):
    assert [span for span, _ in figures(text)] == spans


@pytest.mark.parametrize(("text", "spans"), [
    ("Rubio 151, and Kasich 37.", ["151", "37"]), ("Obama beat Clinton 52 to 48 in the state.", ["52", "48"]),
    ("Police said Monday 12 had died.", ["12"]), ("Officials said Sunday 20 people were killed.", ["20"]),
])
def test_a_count_after_a_name_or_a_day_stays_a_count(text, spans):
    assert [span for span, _ in figures(text)] == spans


@pytest.mark.parametrize(("text", "span"), [
    ("the three to four percentage points enjoyed by Trump", "three to four percentage points"),
    ("may get anywhere from one to three Supreme Court appointments", "from one to three"),
    ("for another four to ten years", "four to ten years"),
])
def test_a_range_in_words_is_a_figure_after_any_determiner(text, span):
    assert [(found, f.qualifier) for found, f in figures(text)] == [(span, "range")]


@pytest.mark.parametrize(("text", "expected"), [
    ("You only have two real choices.", [("two", "count", None)]), ("The next one won't come soon.", []),
    ("It cost 5,000 won.", [("5,000 won", "money", "KRW")]),
    ("Out of registered 459 Democratic primary voters", [("459", "count", None)]),
])
def test_words_that_are_also_currencies_or_magnitudes_need_the_figure_to_be_one(text, expected):
    assert [(span, f.quantity, f.unit) for span, f in figures(text)] == expected


@pytest.mark.parametrize("text", ["The bill passed 52-48 in the Senate.", "Chelsea beat Arsenal 3-1.", "a 5-4 decision",
                                  "the Supreme Court's 5-to-4 decision", "By a 2-to-1 vote, the court ruled.",
                                  "a 50-50 chance", "Rubio tops Clinton 41-40", "the hotline (800-273-8255)"])
def test_a_score_or_a_vote_is_no_figure(text):
    assert figures(text) == []


@pytest.mark.parametrize(("text", "span"), [("Gunmen killed 7-8 people.", "7-8"), ("Police said 10-12 died.", "10-12")])
def test_two_numbers_that_rise_are_a_range(text, span):
    assert [(found, f.qualifier) for found, f in figures(text)] == [(span, "range")]


@pytest.mark.parametrize("text", ["a category 4 storm", "patients with type 2 diabetes", "stage 4 cancer",
                                  "a Level 3 alert", "with Type 2 diabetes"])
def test_the_number_of_a_step_is_no_figure(text):
    assert figures(text) == []


@pytest.mark.parametrize(("text", "span"), [("At this stage 50 people were trapped.", "50"),
                                            ("the sea level 2 metres higher", "2 metres")])
def test_a_figure_after_a_step_word_that_names_no_step(text, span):
    assert [found for found, _ in figures(text)] == [span]


@pytest.mark.parametrize("text", ["a MiG-29 dead in the hangar", "a MiG-29 killed nobody", "the Su-25 hurt no one"])
def test_a_designator_stays_a_name_before_words_of_casualties(text):
    assert figures(text) == []


def test_a_number_between_commas_after_a_thing_is_no_age():
    assert only("The attack, 24, was claimed")[1].quantity == "count"


@pytest.mark.parametrize("text", ["UPDATE 2-Gunmen kill 12 in attack on hotel",
                                  "Reuters\nCORRECTED-UPDATE 1-Gunmen kill 12 in attack on hotel"])
def test_a_wire_storys_revision_number_is_no_figure(text):
    assert [(span, f.value) for span, f in figures(text)] == [("12", 12)]


def test_a_number_after_update_in_a_sentence_stays_a_figure():
    assert [span for span, _ in figures("The agency will UPDATE 2-3 times a day.")] == ["2-3"]


def test_a_toll_joined_to_a_headline_slug_by_a_hyphen_is_a_figure():
    text = "Gao Market Attack Follow-Up-1 Dead, 2 Injured"
    assert [(span, f.value, f.quantity) for span, f in figures(text)] == [("1", 1, "count"), ("2", 2, "count")]


@pytest.mark.parametrize(("text", "quantity"), [("a 6.7 quake", "magnitude"), ("measuring 4.6", "magnitude"),
                                                ("at least four aftershocks", "count"),
                                                ("a 4-Plus Earthquake", "magnitude")])
def test_magnitudes_from_the_words_beside_them(text, quantity):
    assert only(text)[1].quantity == quantity


@pytest.mark.parametrize(("text", "value"), [("Anthony LaCalamita, 38, of Troy", 38), ("Riva, 47, and Steinberg", 47),
                                             ("voters aged 63", 63), ("The actress, 24, was sentenced", 24),
                                             ("police said a suspect, 19, was held", 19),
                                             ("A firefighter, 45, died", 45), ("an activist, 31, was freed", 31),
                                             ("the migrant, 23, drowned", 23)])
def test_an_age_is_a_duration_of_years(text, value):
    _, figure = only(text)
    assert (figure.value, figure.quantity, figure.unit, figure.dimension) == (value, "duration", "year", "age")


@pytest.mark.parametrize(("text", "low"), [("The man, in his 40s, was arrested", 40), ("a woman in her mid-30s", 30),
                                           ("voters in their 20s", 20)])
def test_a_decade_of_someone_s_life_is_an_age(text, low):
    _, figure = only(text)
    assert (figure.low, figure.high, figure.quantity, figure.unit, figure.dimension) == (low, low + 9, "duration", "year", "age")


def test_a_decade_of_a_toll_stays_a_count():
    _, figure = only("The toll is in the 70s.")
    assert (figure.low, figure.high, figure.quantity, figure.dimension) == (70, 79, "count", None)


@pytest.mark.parametrize("text", ["In Paris, 15 people died.", "On Friday, 12 were hurt.", "The toll, 45, was revised.",
                                  "The victims, 12, were buried.",
                                  "The incident, 24, was reported.", "The business, 45, closed."])
def test_a_count_after_a_capitalised_word_is_no_age(text):
    assert only(text)[1].quantity == "count"


@pytest.mark.parametrize(("text", "span"), [
    ("No one was killed in the blast.", "No one"), ("nobody was hurt", "nobody"),
    ("There were no casualties.", "no casualties"), ("None of the passengers were injured.", "None"),
])
def test_zero_stated_without_a_digit(text, span):
    found, figure = only(text)
    assert (found, figure.value, figure.low, figure.high, figure.quantity) == (span, 0, 0, 0, "count")


@pytest.mark.parametrize("text", ["No one knew what to do.", "There were no reports of injuries.",
                                  "No injuries were reported.", "no one else"])
def test_no_zero_where_nothing_is_stated_or_only_reports_are_missing(text):
    assert figures(text) == []


def test_a_conversion_in_brackets_takes_the_hedge_of_what_it_converts():
    found = figures("about 58km (36 miles) south-west")
    assert [(span, f.qualifier) for span, f in found] == [("about 58km", "approx"), ("36 miles", "approx")]


@pytest.mark.parametrize(("text", "expected"), [
    ("At around 4:30 a.m. local time (11.30 p.m. ET) the thieves", [("around 4:30 a.m. local time", "approx", 430, 430),
                                                                    ("11.30 p.m. ET", "approx", 2330, 2330)]),
    ("shortly after 2 a.m. (0100 GMT) on", [("shortly after 2 a.m.", "lower", 200, None), ("0100 GMT", "lower", 100, None)]),
])
def test_a_clock_time_in_brackets_takes_the_bound_of_the_time_it_converts(text, expected):
    assert [(span, f.qualifier, f.low, f.high) for span, f in figures(text)] == expected


@pytest.mark.parametrize(("text", "span"), [
    ("watches estimated to be worth 2 million euros", "estimated to be worth 2 million euros"),
    ("damage estimated at $5m", "estimated at $5m"),
])
def test_an_estimate_is_approximate(text, span):
    (figure,) = find_figures(text)
    assert (text[figure.start:figure.end], figure.qualifier) == (span, "approx")


@pytest.mark.parametrize(("text", "span"), [
    ("through which over nearly $100 billion of trade passes", "over nearly $100 billion"),
    ("More than almost 50 cars were burnt", "More than almost 50"),
])
def test_hedges_that_pull_both_ways_make_an_approximate_figure(text, span):
    (figure,) = find_figures(text)
    assert (text[figure.start:figure.end], figure.qualifier) == (span, "approx")


@pytest.mark.parametrize(("text", "expected"), [
    ("interviews with more than a half-dozen of his aides", [("more than a half-dozen", 6, "lower")]),
    ("A half dozen soldiers were hurt", [("A half dozen", 6, "exact")]),
    ("half a dozen people died", [("half a dozen", 6, "exact")]),
    ("about a third of voters", [("about a third", 0.333, "approx")]),
])
def test_half_a_dozen_is_six_not_a_half(text, expected):
    assert [(span, f.value, f.qualifier) for span, f in figures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kasich scores all 66 delegates after Ohio win.", ["66"]),
    ("each time he scores a big win", []),
    ("Scores of people were killed.", ["Scores"]),
    ("Scores were injured.", ["Scores"]),
    ("perhaps the No. 2 spot on the ballot", []),
    ("rallying around a third-party candidate", []),
    ("the quarter-final was played", []),
    ("a quarter-mile away", ["a quarter-mile"]),
    ("a half-hour later", ["a half-hour"]),
    ('<tweet id="699320266804092929" author="@TheLloydGrove">', []),
    ("a debt of 1000000000000 dollars", ["1000000000000 dollars"]),
])
def test_verbs_ranks_and_compound_words_are_no_figures(text, expected):
    assert [span for span, _ in figures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("in separate transactions from 2009 to 2013, records show", ("from 2009 to 2013", "year", 2009, 2013)),
    ("He served between 1998 and 2003 in the army", ("between 1998 and 2003", "year", 1998, 2003)),
    ("between 1500 and 2000 people marched", ("between 1500 and 2000", "count", 1500, 2000)),
    ("by then 2000 people had fled", ("2000", "count", 2000, 2000)),
    ("in 2003 women won the vote", ("2003", "year", 2003, 2003)),
    ("an Italian colony from 1890 until 1941, it was annexed", ("1890", "year", 1890, 1890)),
])
def test_a_span_of_years_is_years_and_a_number_of_people_a_count(text, expected):
    span, figure = figures(text)[0]
    assert (span, figure.quantity, figure.low, figure.high) == expected


def test_currency_of_a_bare_dollar_is_the_reports():
    assert only("it cost $5 million", dollar="AUD")[1].unit == "AUD"
    assert only("it cost US$5 million", dollar="AUD")[1].unit == "USD"


UNITS = sorted({(unit.name, unit.dimension) for unit in [*MEASURES.values(), *DURATIONS.values()]})


def test_every_unit_named_here_converts_to_its_dimensions_base_unit_in_pint():
    from sahel_reader.story.measures import _registry

    registry = _registry()
    for name, dimension in UNITS:
        assert dimension in BASE_UNITS, name
        assert to_base(1.0, name, dimension) is not None, name
        if name != "decade":  # pint's own "decade" is a ratio; ours is ten years
            registry.Quantity(1.0, name).to(BASE_UNITS[dimension])


def test_six_miles_and_ten_kilometers_compare_in_meters():
    assert to_base(6, "mile", "length") == pytest.approx(9656.064)
    assert to_base(10, "kilometer", "length") == pytest.approx(10_000)
    assert to_base(82, "degree_Fahrenheit", "temperature") == pytest.approx(to_base(27.78, "degree_Celsius", "temperature"), abs=0.01)


@given(st.sampled_from(UNITS), st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_a_value_converted_to_the_base_unit_and_back_is_unchanged(unit, value):
    name, dimension = unit
    back = from_base(to_base(value, name, dimension), name, dimension)
    assert math.isclose(back, value, rel_tol=1e-9, abs_tol=1e-6)


@pytest.fixture
def fresh_unit_answers(tmp_path, monkeypatch):
    """pint's answers kept under ``tmp_path``, as a new process finds them."""
    from sahel_reader.story import measures

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    measures._known.cache_clear()
    yield measures
    measures._known.cache_clear()


def test_pints_answers_are_kept_for_the_next_process_which_converts_without_pint(fresh_unit_answers, monkeypatch):
    measures = fresh_unit_answers
    assert "furlong|length" not in measures.SCALES, "a unit the package does not answer for: pint is asked"
    assert measures.to_base(1, "furlong", "length") == pytest.approx(201.168, rel=1e-5)
    assert measures.to_base(1, "furlong_of_nothing", "length") is None
    measures._known.cache_clear()  # a new process

    def no_pint(unit, dimension):
        raise AssertionError(f"pint asked about {unit}")

    monkeypatch.setattr(measures, "_ask_pint", no_pint)
    assert measures.to_base(1, "furlong", "length") == pytest.approx(201.168, rel=1e-5)
    assert measures.to_base(1, "furlong_of_nothing", "length") is None


def test_the_units_the_highlighters_name_convert_as_pint_says_without_pint(fresh_unit_answers, monkeypatch):
    """The package's table (``story/unit_scales.py``) is pint's answers, for every unit a figure is
    read in; a reader's first run on a new machine converts them without loading pint."""
    measures = fresh_unit_answers
    script = importlib.util.spec_from_file_location("unit_scales",
                                                    Path(__file__).parents[1] / "scripts" / "unit_scales.py")
    unit_scales = importlib.util.module_from_spec(script)
    script.loader.exec_module(unit_scales)

    named = unit_scales.named_units()
    assert {f"{unit}|{dimension}" for unit, dimension in named} == set(measures.SCALES)
    for unit, dimension in named:
        assert measures.SCALES[f"{unit}|{dimension}"] == pytest.approx(measures._ask_pint(unit, dimension)), unit

    def no_pint(unit, dimension):
        raise AssertionError(f"pint asked about {unit}")

    monkeypatch.setattr(measures, "_ask_pint", no_pint)
    assert measures.to_base(82, "degree_Fahrenheit", "temperature") == pytest.approx(300.9278, abs=1e-4)
    assert measures.to_base(193, "kilometer_per_hour", "speed") == pytest.approx(53.6111, abs=1e-4)
    assert measures.to_base(60, "mile_per_hour", "speed") == pytest.approx(26.8224)


def test_answers_kept_for_another_pint_or_other_definitions_are_not_used(fresh_unit_answers):
    from sahel_reader.highlighters.user_cache import cache_file

    measures = fresh_unit_answers
    kept = cache_file("units.json")
    kept.parent.mkdir(parents=True)
    kept.write_text('{"key": "another pint", "answers": {"mile|length": [1.0, 0.0]}}', encoding="utf-8")
    assert measures.to_base(6, "mile", "length") == pytest.approx(9656.064)
    kept.write_text("{not json", encoding="utf-8")
    measures._known.cache_clear()
    assert measures.to_base(6, "mile", "length") == pytest.approx(9656.064)
