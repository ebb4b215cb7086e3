"""Which event a figure tells of: the story's own, an earlier one, or a wider scope (issue 13)."""

import pytest
from sahel_reader.story.episodes import episode, same_episode

STORY_YEARS, STORY_MONTHS = {2005}, {10, 11, 12}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In 2015, an al-Qaida-linked group attacked a hotel in Bamako, resulting in at least 20 deaths.", "2015"),
        ("A notable incident in July involved the death of about 50 Russian mercenaries.", "july"),
        ("Previously, in 2022, gunmen targeted a checkpoint, killing six.", "2022"),
        ("In the area, thousands of people have died.", "scope"),
        ("A third official who lives in the area said that hundreds were killed.", None),
        ("On Thursday, security sources confirmed that more than 70 people were killed.", None),
        ("The quake on November 27, 2005 killed 10 people in 2005.", None),
        ("A 6.7 quake in the city of Bam in December 2003 killed more than 26,000 people.", "2003"),
        ("The Zarand quake in February 2005 killed 612 people.", "2005-02"),
        ("Since the war began, 10,000 have died.", "scope"),
        ("The toll so far this year is 300.", "scope"),
        ("A magnitude-7 earthquake can flatten a town of mud-brick houses.", "in general"),
        ("Such a 20 percent rise could cost households 300 dollars a year.", "in general"),
        ("A spokesman could not say whether 12 people had died.", None),
        ("A 14-year-old may have fired the first shot.", None),
        ("A 6.2 quake struck the town, which can flood in spring.", None),
        ("In early July, a gunman shot and wounded three people near Leeds.", "july"),
    ],
)
def test_a_clause_tells_of_the_story_or_of_another_time(sentence, expected):
    assert episode(sentence, sentence, STORY_YEARS, STORY_MONTHS) == expected


def test_a_year_and_its_month_are_one_episode():
    assert same_episode("2003", "2003-12") and same_episode(None, None)
    assert not same_episode("2003", "2005-02") and not same_episode(None, "2003")


@pytest.mark.parametrize(("published", "own_months"), [
    (["2007-04-10", "2007-04-12"], {4}),  # mid-April: "in early March" is another event
    (["2007-04-01", "2007-04-12"], {3, 4}),  # a report of the 1st tells of the 31st as its own
    (["2007-04-29"], {4, 5}),
    (["2007-04"], {3, 4, 5}),  # no day: either side
])
def test_the_story_s_own_months_reach_the_next_or_last_only_near_its_edge(published, own_months):
    from sahel_reader.story.episodes import story_time
    from sahel_reader.story.model import Document

    documents = [Document(id=f"r{i}", path="", text="", published=when) for i, when in enumerate(published)]
    assert story_time(documents, []) == ({2007}, own_months)
