"""The same fact across reports (issue 13): what a figure measures, which figures state one fact, whether
the versions agree, and the label a reader would give it. Small stories written for the purpose."""

import pytest
from report_files import story_of
from sahel_reader.story.claims import Claim
from sahel_reader.story.fact_pairs import cannot_link
from sahel_reader.story.fact_status import currency_rates, fact_status, hours_apart
from sahel_reader.story.facets import Facet, singular
from sahel_reader.story.linking import facets_of


def facets_by_text(text: str) -> dict[str, Facet]:
    """What linking reads of each figure of one report, by the figure's words."""
    story = story_of(a=text)
    numbers = [c for c in story.claims if c.kind == "number"]
    facets = facets_of(story.documents, numbers)
    return {c.text: facets[c.id] for c in numbers}


def fact_of(story, text: str, doc: str | None = None):
    claim = next(c for c in story.claims if c.text == text and (doc is None or c.doc == doc))
    return next((k for k in story.clusters if claim.id in k.claims), None)


def figure(text: str, **fields) -> Claim:
    defaults = dict(id=f"{fields.get('doc', 'a')}#{text}", doc="a", kind="number", start=0, end=len(text), text=text,
                    sentence=0, qualifier="exact", quantity="count")
    defaults.update(fields)
    if "value" in fields and "low" not in fields and defaults["qualifier"] == "exact":
        defaults["low"] = defaults["high"] = fields["value"]
    return Claim(**defaults)


QUAKE = dict(
    a="Updated: November 28, 2005 10:00 GMT\nQuake kills ten\nA strong earthquake killed 10 people and injured "
      "80 on the island on Sunday, officials said.\nThe quake had a magnitude of 5.9, the state seismological "
      "centre said.\nIn December 2003 a quake in the city of Bam killed more than 26,000 people.\n",
    b="Updated: November 28, 2005 11:00 GMT\nTen dead in island quake\nThe earthquake killed at least three "
      "people on the island on Sunday and wounded dozens, the governor said.\nThe US Geological Survey put its "
      "magnitude at 6.1.\nThe Bam earthquake of 2003 killed more than 31,000 people.\n",
)


@pytest.fixture(scope="module")
def quake():
    return story_of(**QUAKE)


def test_the_toll_is_one_fact_whatever_its_values_and_the_injured_another(quake):
    toll = fact_of(quake, "10", "a")
    assert toll is fact_of(quake, "at least three", "b")
    assert toll.label == "death toll" and toll.status == "agree"  # at least three includes 10
    injured = fact_of(quake, "80", "a")
    assert injured is fact_of(quake, "dozens", "b") and injured is not toll
    assert injured.label == "injured" and injured.status == "agree"  # "dozens" allows 24 to 99


def test_an_earlier_event_is_a_fact_of_its_own(quake):
    bam = fact_of(quake, "more than 26,000", "a")
    assert bam is fact_of(quake, "more than 31,000", "b")
    assert bam is not fact_of(quake, "10", "a") and bam.label == "death toll in 2003"


def test_the_magnitude_of_two_agencies_is_one_fact_in_conflict(quake):
    magnitude = fact_of(quake, "5.9", "a")
    assert magnitude is fact_of(quake, "6.1", "b")
    assert (magnitude.label, magnitude.status) == ("magnitude", "conflict")


def test_datelines_are_never_linked(quake):
    assert all(c.cluster is None for c in quake.claims if c.dateline)


def test_labels_are_unique_within_a_story(quake):
    labels = [k.label for k in quake.clusters]
    assert len(labels) == len(set(labels))


def test_distances_to_two_places_are_two_facts_and_units_compare():
    story = story_of(
        a="The epicentre was about 58km (36 miles) south-west of Bandar Abbas and 1,500 kilometers south of Tehran.\n",
        b="The quake struck 35 miles southwest of Bandar Abbas, about 940 miles from Tehran.\n",
    )
    bandar = fact_of(story, "about 58km")
    assert bandar is fact_of(story, "35 miles") and bandar.label == "distance to Bandar Abbas"
    assert bandar.status == "agree"  # 58 km is 36 miles; 35 miles within the rounding
    tehran = fact_of(story, "1,500 kilometers")
    assert tehran is fact_of(story, "about 940 miles") and tehran is not bandar and tehran.status == "agree"


def test_an_aftershock_is_not_the_quake():
    story = story_of(a="A 4.6 quake struck at 2:09 a.m., followed by a 2.9 aftershock at 2:12 a.m.\n",
                     b="The 4.6 earthquake hit at 2:09 a.m. on Thursday.\n")
    assert fact_of(story, "2:09 a.m.", "a") is fact_of(story, "2:09 a.m.", "b")
    assert fact_of(story, "2:12 a.m.") is None and fact_of(story, "2.9") is None


def test_small_counts_of_different_things_stay_apart():
    story = story_of(a="The gunman shot three people. Police found three live shells in his car.\n",
                     b="He shot three people at the office. Officers said three shells were in the vehicle.\n")
    people = fact_of(story, "three", "a")
    assert people is not None and {story.claim(i).doc for i in people.claims} == {"a", "b"}
    assert [story.claim(i).sentence for i in people.claims] == [0, 0]  # the shot, never the shells


@pytest.mark.parametrize(("first", "second", "status"), [
    (dict(text="at least three", value=3, low=3, high=None, qualifier="lower"), dict(text="three", value=3), "agree"),
    (dict(text="more than three", value=3, low=3, high=None, qualifier="lower"), dict(text="three", value=3), "conflict"),
    (dict(text="about 20 miles", value=20, low=17, high=23, qualifier="approx", unit="mile", dimension="length",
          quantity="distance"),
     dict(text="about 26 miles", value=26, low=22.1, high=29.9, qualifier="approx", unit="mile", dimension="length",
          quantity="distance"), "conflict"),
    (dict(text="10 kilometers", value=10, unit="kilometer", dimension="length", quantity="distance"),
     dict(text="6 miles", value=6, unit="mile", dimension="length", quantity="distance"), "agree"),
    (dict(text="dozens", value=None, low=24, high=99, qualifier="vague"), dict(text="40", value=40), "agree"),
    (dict(text="no one", value=0), dict(text="12", value=12), "conflict"),
    (dict(text="612", value=612), dict(text="600", value=600), "agree"),
    (dict(text="10", value=10), dict(text="12", value=12), "conflict"),
    (dict(text="almost 100", value=100, low=85, high=100, qualifier="upper"), dict(text="77", value=77), "conflict"),
])
def test_versions_agree_when_their_values_can_all_be_true(first, second, status):
    assert fact_status([figure(doc="a", **first), figure(doc="b", **second)]) == status


def test_amounts_in_two_currencies_compare_only_at_the_rate_the_story_gives():
    euros = figure("two million euros", doc="a", value=2e6, quantity="money", unit="EUR", dimension="currency")
    dollars = figure("$2.6 million", doc="a", value=2.6e6, quantity="money", unit="USD", dimension="currency",
                     start=30, end=42)
    pounds = figure("£1.7m", doc="b", value=1.7e6, quantity="money", unit="GBP", dimension="currency")
    other = figure("$2.5 million", doc="b", value=2.5e6, quantity="money", unit="USD", dimension="currency")
    assert fact_status([euros, pounds]) == "agree"  # no rate: "other currency", never a conflict
    text = "worth two million euros ($2.6 million)"
    euros.start, euros.end = text.index("two"), text.index("two") + len(euros.text)
    dollars.start = text.index("$")
    dollars.end = dollars.start + len(dollars.text)
    rates = currency_rates([euros, dollars], {"a": text})
    low, high = rates[("EUR", "USD")]
    assert low < 1.3 < high and high - low < 0.12  # 2.55m to 2.65m for 1.95m to 2.05m: the rounding written
    assert fact_status([euros, other], rates) == "agree"  # 2 million euros is $2.6m: $2.5m within a rate's drift


def money(text: str, doc: str, value: float, unit: str, start: int = 0) -> Claim:
    return figure(text, doc=doc, value=value, quantity="money", unit=unit, dimension="currency", start=start,
                  end=start + len(text))


def stated_together(doc: str, text: str, first: tuple[str, float, str], second: tuple[str, float, str]):
    """Two amounts of one report, the second the first's conversion as ``text`` writes them."""
    return [money(written, doc, value, unit, text.index(written)) for written, value, unit in (first, second)]


def test_a_rate_the_story_never_states_is_chained_through_a_third_currency():
    euros_in_dollars = "the paintings, worth €2m ($2.6m), were found"
    euros_in_pounds = "the paintings, worth €2m (£1.7m), were found"
    claims = (stated_together("a", euros_in_dollars, ("€2m", 2e6, "EUR"), ("$2.6m", 2.6e6, "USD"))
              + stated_together("b", euros_in_pounds, ("€2m", 2e6, "EUR"), ("£1.7m", 1.7e6, "GBP")))
    rates = currency_rates(claims, {"a": euros_in_dollars, "b": euros_in_pounds})
    low, high = rates[("USD", "GBP")]
    assert low < 1.7 / 2.6 < high  # dollars to euros to pounds
    assert high / low > rates[("EUR", "GBP")][1] / rates[("EUR", "GBP")][0]  # two roundings carried, not one
    dollars, pounds = money("$3.9m", "c", 3.9e6, "USD"), money("£2.55m", "d", 2.55e6, "GBP")
    assert fact_status([pounds, dollars], rates) == "agree"  # $3.9m is £2.55m at the chained rate
    assert fact_status([money("£1.2m", "d", 1.2e6, "GBP"), dollars], rates) == "conflict"
    assert fact_status([money("£1.2m", "d", 1.2e6, "GBP"), dollars]) == "agree"  # no rate: never a conflict


def test_amounts_in_one_currency_compare_as_written_when_the_fact_is_in_another():
    texts = {"a": "worth €2m ($2.6m)", "b": "worth two million euros, or £1.7m"}
    claims = (stated_together("a", texts["a"], ("€2m", 2e6, "EUR"), ("$2.6m", 2.6e6, "USD"))
              + stated_together("b", texts["b"], ("two million euros", 2e6, "EUR"), ("£1.7m", 1.7e6, "GBP")))
    rates = currency_rates(claims, texts)
    # "$3m" is 15% from the wire's "$2.6m": in euros, at the stated rate and its drift, the two would pass
    assert fact_status([*claims, money("$3m", "c", 3e6, "USD")], rates) == "conflict"
    assert fact_status([*claims, money("$2.6m", "c", 2.6e6, "USD")], rates) == "agree"
    assert fact_status([*claims[:1], *claims[2:], money("$2.4m", "c", 2.4e6, "USD")], rates) == "agree"  # a drift


def test_a_stated_rate_is_preferred_to_a_chained_one():
    texts = {"a": "worth €2m ($2.6m)", "b": "worth €2m (£1.7m)", "c": "worth $2m (£1.8m)"}
    claims = (stated_together("a", texts["a"], ("€2m", 2e6, "EUR"), ("$2.6m", 2.6e6, "USD"))
              + stated_together("b", texts["b"], ("€2m", 2e6, "EUR"), ("£1.7m", 1.7e6, "GBP"))
              + stated_together("c", texts["c"], ("$2m", 2e6, "USD"), ("£1.8m", 1.8e6, "GBP")))
    low, high = currency_rates(claims, texts)[("USD", "GBP")]
    assert low < 0.9 < high and not low < 1.7 / 2.6 < high  # the story's own dollars-to-pounds rate


def test_a_small_amount_carries_half_its_last_digit_into_the_rate():
    text = "a ticket cost €45 ($52) at the gate"
    low, high = currency_rates(stated_together("a", text, ("€45", 45, "EUR"), ("$52", 52, "USD")), {"a": text})[
        ("EUR", "USD")]
    assert (low, high) == (pytest.approx(51.5 / 45.5), pytest.approx(52.5 / 44.5))


def test_dates_on_one_day_of_two_months_are_two_dates():
    february = figure("Feb. 22", value=22, quantity="date", when="--02-22", doc="a")
    november = figure("Nov. 22", value=22, quantity="date", when="--11-22", doc="b")
    written_out = figure("February 22, 2009", value=22, quantity="date", when="2009-02-22", doc="c")
    assert fact_status([february, november]) == "conflict"
    assert fact_status([february, written_out]) == "agree"
    facet = Facet("date", None, None, frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), None)
    assert cannot_link(figure("Sept. 30", value=30, quantity="date", when="--09-30", doc="a"),
                       figure("Nov. 30", value=30, quantity="date", when="--11-30", doc="b"), facet, facet)
    assert not cannot_link(figure("Sept. 30", value=30, quantity="date", when="--09-30", doc="a"),
                           figure("Oct. 1", value=1, quantity="date", when="--10-01", doc="b"), facet, facet)
    story = story_of(a="The awards will be held on Feb. 22, the academy said.\n",
                     b="Sentencing is scheduled for Nov. 22, the court said.\n")
    assert fact_of(story, "Feb. 22") is None


def test_a_change_s_start_and_its_end_are_never_one_fact():
    facet = Facet("money", None, None, frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), None)
    start = figure("$1.2 billion", value=1.2e9, doc="a", role="from", quantity="money", unit="USD", dimension="currency")
    end = figure("$1.5 billion", value=1.5e9, doc="b", role="to", quantity="money", unit="USD", dimension="currency")
    plain = figure("$1.5 billion", value=1.5e9, doc="c", quantity="money", unit="USD", dimension="currency")
    assert cannot_link(start, end, facet, facet)
    assert not cannot_link(end, plain, facet, facet)
    assert cannot_link(start, plain, facet, facet), "where a change started is no version of what is stated now"
    assert not cannot_link(start, figure("$1.2 billion", value=1.2e9, doc="c", role="from", quantity="money",
                                         unit="USD", dimension="currency"), facet, facet)


def test_times_compare_in_utc_where_the_zone_is_written():
    local = figure("1353", value=1353, quantity="time", when="13:53", doc="a")
    gmt = figure("1023 GMT", value=1023, quantity="time", when="10:23+00:00", doc="b")
    later = figure("11:30 GMT", value=1130, quantity="time", when="11:30+00:00", doc="c")
    assert fact_status([local, gmt]) == "agree"  # no zone for 1353: not compared with GMT
    assert fact_status([gmt, later]) == "conflict"


def test_clock_times_hours_apart_are_two_moments():
    struck = figure("1:53 p.m.", value=1353, quantity="time", when="13:53", doc="a")
    rounded = figure("about 2 p.m.", value=1400, quantity="time", when="14:00", qualifier="approx", doc="b")
    next_morning = figure("09:10", value=910, quantity="time", when="09:10", doc="b")
    near_midnight = figure("11:40 p.m.", value=2340, quantity="time", when="23:40", doc="a")
    after_midnight = figure("12:20 a.m.", value=20, quantity="time", when="00:20", doc="b")
    gmt = figure("1023 GMT", value=1023, quantity="time", when="10:23+00:00", doc="b")
    assert hours_apart(struck, next_morning) == pytest.approx(4.72, abs=0.01)
    assert hours_apart(near_midnight, after_midnight) == pytest.approx(0.67, abs=0.01)  # the nearer way round
    assert hours_apart(struck, gmt) is None  # a local time and one in GMT are not compared
    facet = Facet("time", None, None, frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), None)
    assert cannot_link(struck, next_morning, facet, facet)
    assert not cannot_link(struck, rounded, facet, facet)


def test_facets_read_the_event_the_thing_counted_the_place_and_the_time():
    text = ("Updated: November 28, 2005\nThe quake, 58km south-west of Bandar Abbas, killed 10 people. "
            "In December 2003 a quake in Bam killed more than 26,000 people.")
    by_text = facets_by_text(text)
    assert by_text["58km"].anchors == frozenset({"Bandar Abbas"}) and by_text["58km"].family == "length"
    assert (by_text["10"].event, by_text["10"].noun, by_text["10"].episode) == ("killed", "person", None)
    assert by_text["more than 26,000"].episode == "2003"


@pytest.mark.parametrize(("plural", "one"), [("villages", "village"), ("bodies", "body"), ("people", "person"),
                                             ("boxes", "box"), ("crisis", "crisis"), ("men", "man")])
def test_nouns_are_compared_in_the_singular(plural, one):
    assert singular(plural) == one


def test_a_dated_time_anywhere_in_the_clause_is_its_episode_a_scope_only_beside_it():
    text = ("Updated: November 28, 2026\nA flood killed 40 people in the capital in 2010, and 300 were killed "
            "in the floods that swept the northern provinces in August.\nCoastguards rescued 26 fishermen from "
            "two trawlers off the coast, in the fourth successful rescue since June.")
    by_text = facets_by_text(text)
    assert by_text["40"].episode == "2010" and by_text["300"].episode == "august"
    assert by_text["26"].episode is None  # "since June" tells of the rescues, not of the 26


def test_a_sentence_that_goes_on_about_an_earlier_event_is_of_its_time():
    text = ("Updated: November 28, 2026\nThe last big flood hit the region in March 2019. It killed 212 people "
            "and destroyed 900 homes.\nA dam burst upstream in May 2021. It is unclear whether 40 villages were hit.")
    by_text = facets_by_text(text)
    assert by_text["212"].episode == by_text["900"].episode == "2019"
    assert by_text["40"].episode is None  # "It is unclear": no thing named before goes on


def test_a_shock_named_once_is_the_shock_of_the_figures_that_go_on_with_it():
    text = ("Updated: March 15, 2026\nA 4.8 quake struck at 3:41 a.m. It was followed by a 3.1 aftershock at "
            "3:44 a.m. and a 2.7 at 3:52 a.m., and the quake was felt 60 miles away.")
    cues = {figure_text: facet.cues for figure_text, facet in facets_by_text(text).items()}
    assert all("aftershock" in cues[text] for text in ("3.1", "3:44 a.m.", "2.7", "3:52 a.m."))
    assert "aftershock" not in cues["4.8"] | cues["3:41 a.m."]


def test_two_versions_of_one_figure_across_a_but_are_one_fact_in_conflict():
    story = story_of(
        a="Updated: March 15, 2026\nThe national centre put the quake's magnitude at 5.7, but the US survey said "
          "it was 6.0.\nIt was followed by aftershocks of 4.1 and 3.8.\n",
        b="Updated: March 15, 2026\nThe earthquake had a magnitude of 5.7, the national centre said.\n",
        c="Updated: March 15, 2026\nThe US survey gave the quake a magnitude of 6.0.\n",
    )
    magnitude = fact_of(story, "5.7", "a")
    assert magnitude is fact_of(story, "6.0", "a") and magnitude.status == "conflict"
    numbers = {c.text: c for c in story.claims if c.kind == "number" and c.doc == "a"}
    facets = facets_of(story.documents, list(numbers.values()))
    assert cannot_link(numbers["4.1"], numbers["3.8"], facets[numbers["4.1"].id], facets[numbers["3.8"].id])


def test_a_duration_for_which_a_thing_went_on_is_how_long_it_lasted():
    story = story_of(a="Updated: March 15, 2026\nWitnesses in the city felt a strong tremor for one minute.\n",
                     b="Updated: March 15, 2026\nA shop owner said the tremor lasted 30 seconds.\n")
    lasted = fact_of(story, "one minute")
    assert lasted is not None and lasted is fact_of(story, "30 seconds") and lasted.status == "conflict"
    opening = "Updated: June 3, 2026\nPolice came.\nStaff hid.\n"
    story = story_of(a=opening + "The robbery lasted seven minutes, a witness said.\n",
                     b=opening + "The raid took about 15 minutes, staff said.\n")
    lasted = fact_of(story, "seven minutes")
    assert lasted is not None and lasted is fact_of(story, "about 15 minutes") and lasted.status == "conflict"


def test_reports_that_each_give_one_number_of_a_thing_give_versions_of_one_fact():
    opening = "Updated: March 15, 2026\nA storm hit the coast on Sunday.\nRescue teams were sent.\n"
    story = story_of(
        a=opening + "The storm flattened seven villages on the coast, officials said.\n",
        b=opening + "The governor told reporters that four villages had been destroyed and that roads were cut.\n",
        c=opening + "The navy saw five boats near the coast and stopped three boats.\n",
        d=opening + "Sailors stopped three boats at sea.\n",
    )
    villages = fact_of(story, "seven")
    assert villages is not None and villages is fact_of(story, "four") and villages.status == "conflict"
    stopped = fact_of(story, "three", "d")  # a report that gives two numbers of boats gives two facts
    assert stopped is fact_of(story, "three", "c") and stopped is not fact_of(story, "five")


@pytest.mark.parametrize(("text", "figure_text", "total"), [
    ("The ship has, thus far, seized 14 rifles.", "14", True),
    ("Police seized 14 rifles during the five raids they carried out.", "14", True),
    ("In their five raids so far, police have seized 14 rifles.", "14", True),
    ("The tremor lasted over 10 seconds.", "over 10 seconds", False),
    ("He drove across several counties at up to 120 mph.", "up to 120 mph", False),
    ("Homes in five villages were damaged.", "five", False),
])
def test_a_running_total_is_told_by_its_sentence(text, figure_text, total):
    assert ("total" in facets_by_text(f"Updated: March 15, 2026\n{text}")[figure_text].cues) is total


@pytest.mark.parametrize(("text", "figure_text", "population"), [
    ("The island, which has about 200,000 residents, was hit.", "about 200,000", True),
    ("It is a town of 30,000 inhabitants.", "30,000", True),
    ("The quake hit the island, home to 120,000 people.", "120,000", True),
    ("Police evacuated 200 residents from the town.", "200", False),
])
def test_a_population_is_what_a_place_has_or_is_home_to(text, figure_text, population):
    assert ("population" in facets_by_text(f"Updated: March 15, 2026\n{text}")[figure_text].cues) is population


def test_only_things_counted_once_a_report_have_their_values_silenced_not_people():
    from sahel_reader.story.fact_pairs import FEATURES, pair_features

    def sole(noun: str) -> Facet:
        return Facet("count", None, noun, frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), None,
                     sole=True)

    def value_ratio(noun: str) -> float:
        a, b = figure("300", doc="a", value=300), figure("200", doc="b", value=200)
        features = pair_features(a, b, sole(noun), sole(noun), {}, 0.0, (False, False), ((300, 300), (200, 200)))
        return features[FEATURES.index("value ratio")]

    assert value_ratio("village") == 0.0  # four villages here, seven there: versions of one fact
    assert value_ratio("person") > 0.4  # "people" are counted for many facts of one story


def test_a_local_time_restated_in_a_zone_is_one_moment_with_it():
    opening = "Updated: November 28, 2005\nA quake hit the island.\nHomes fell.\n"
    story = story_of(a=opening + "The quake, which struck at 1353 (1023 GMT), was felt in Dubai.\n",
                     b=opening + "The quake struck at 1023 GMT, the survey said.\n",
                     c=opening + "A 3.8 quake was registered at 09:10 hours (0440 GMT) on Monday.\n")
    struck = fact_of(story, "1353")
    assert struck is not None and struck is fact_of(story, "1023 GMT", "b")
    assert struck is fact_of(story, "1023 GMT", "a")
    assert fact_of(story, "09:10 hours") is not struck  # five hours after, in UTC


@pytest.mark.parametrize("pounds, status", [("£3m", "conflict"), ("£1.7m", "agree")])
def test_a_story_judges_pounds_against_dollars_through_the_euro_rates_it_states(pounds, status):
    story = story_of(
        a="Updated: May 4, 2031 10:00 GMT\nMuseum robbed\nThieves stole jewels worth €2m ($2.6m) from the museum.\n",
        b="Updated: May 4, 2031 11:00 GMT\nJewels stolen\nThieves stole jewels worth $2.6m from the museum.\nA "
          "guard was paid a bonus of €10,000 (£8,500) last year.\n",
        c=f"Updated: May 4, 2031 12:00 GMT\nHeist\nThieves stole jewels worth {pounds} from the museum.\n")
    jewels = fact_of(story, pounds)
    assert jewels is fact_of(story, "$2.6m", "b") and jewels.status == status  # pounds to euros to dollars
