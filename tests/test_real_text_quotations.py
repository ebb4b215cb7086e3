"""Quotations and speakers misread in political news nobody here wrote (PolNeAR's train split, issue 14):
each example is a short sentence of the form found there, with a neighbour that must keep its reading."""

import pytest
from sahel_reader.highlighters.quotations import find_quotations


def found(text: str) -> list[tuple[str, str | None]]:
    """(quoted text, speaker) of every quotation."""
    return [(text[q.start:q.end], q.speaker) for q in find_quotations(text)]


def test_the_quoted_values_of_a_pages_markup_are_no_quotations():
    text = ('Police named him early.\n\n<tweet id="672138506081275904" author="@MissDBunker" datetime="2015-12-02">'
            'Scanner: a suspect is named</tweet>.\n\nWatch it at <a href=”http://video.example.com”>the site</a>.')
    assert found(text) == []


def test_a_tag_broken_over_a_line_hides_its_values_and_the_words_after_it_are_read():
    text = ('<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016\n">I love her support, the senator '
            'wrote.<tweet/>.\n\n"We will win," Cruz said.')
    assert found(text) == [('"We will win,"', "Cruz")]


def test_a_comparison_with_angle_brackets_is_no_tag():
    assert found('Is 3 < 4 and "this one" > that?') == [('"this one"', None)]


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a clause on a colon whose subject is "it" has no speaker, and no opening word before it is one
    ('Wait, it gets better:\n\n"We will admit them all."', '"We will admit them all."', None),
    # one word and no verb before the colon: no one speaks
    ('And more:\n\n"We will admit them all."', '"We will admit them all."', None),
    ('And Mr. Christie gloated: "I won."', '"I won."', "Christie"),
    ('Pollsters share the blame - HuffPollster: “Pollsters are taking heat.”', "“Pollsters are taking heat.”",
     "HuffPollster"),
    ('Clinton: "We will defeat them." Bush: "The mission is to destroy them."', '"The mission is to destroy them."',
     "Bush"),
    ('On Friday, Gingrich told Fox News, that “you have to look at it very seriously.”',
     "“you have to look at it very seriously.”", "Gingrich"),
    # a reporting verb after a possessive is a noun: the speaker is the subject of "told"
    ('House Speaker Paul Ryan told CNN Tuesday that Ginsburg’s comments “shows bias to me.”',
     '“shows bias to me.”', "Paul Ryan"),
    ("Paul Ryan told CNN that the judge's remarks “were out of line.”", "“were out of line.”", "Paul Ryan"),
    # a participle's phrase opening the sentence is no subject
    ('Boasting 108,000 residents, the county, called the “Crossroads of America” by its citizens, votes early.',
     '“Crossroads of America”', None),
    ('Manning said the county is “the Crossroads of America.”', '“the Crossroads of America.”', "Manning"),
    # a conjunction inside a relative clause ends no subject
    ('Zimmerman, who identifies as Hispanic, told a paper the site was not "prepared for the traffic."',
     '"prepared for the traffic."', "Zimmerman"),
    # a verb after a plural's possessive is a noun, and a verb with "not" joined on ends the subject
    ('Weaver didn’t seem moved by Sanders’ comments Tuesday, telling reporters, “He should step down.”',
     "“He should step down.”", "Weaver"),
    # "than" opens no speaker
    ('He has called for "a hell of a lot worse" than waterboarding, has said of them that "you have to go."',
     '"you have to go."', None),
])
def test_speaker(text, quote, speaker):
    assert (quote, speaker) in found(text)


TWITTER = ("Before it was to report earnings on Wednesday, the social media company said it had suspended accounts. "
           "''Our work has changed,'' Twitter said in a statement. The company said its moves had produced results, "
           "''including more suspensions.''\n\nBecause Twitter, Facebook and YouTube host so much, they rely on users.")


def test_a_day_before_a_role_holds_no_role_and_a_conjunction_is_no_part_of_a_name():
    assert found(TWITTER) == [("''Our work has changed,''", "Twitter"), ("''including more suspensions.''", "The company")]


def test_a_transcripts_stage_label_is_no_speaker():
    text = 'The host played the clip.\n\n"VIDEO: They all told me it was a video when they knew it was not."'
    assert found(text) == [(text[text.index('"'):], None)]


def test_a_transcripts_speaker_label_still_speaks():
    text = 'The debate went on.\n\n"RAMOS: Secretary, you sent an e-mail to your daughter."'
    assert found(text) == [(text[text.index('"'):], "RAMOS")]


def test_a_headlines_capitalised_words_are_no_part_of_a_name():
    text = ("U.S. Nominates Jim Yong Kim for 2nd Term at World Bank.\n\n"
            "President Obama on Thursday nominated Jim Yong Kim for a second term.\n\n"
            "''In order to do a real change, you have to push,'' Mr. Kim said.")
    assert found(text) == [("''In order to do a real change, you have to push,''", "Jim Yong Kim")]


def test_a_contraction_of_it_opens_no_speaker():
    text = ("The group is paying for a bus tour across Iowa. It’s become such a presence on the trail that Sanders "
            "during a rally thanked its members “for their support in my campaign” and called the union “one of the "
            "sponsors of my campaign.”")
    assert {speaker for _, speaker in found(text)} <= {None, "Sanders"}


def test_an_adjective_of_origin_is_no_part_of_a_name():
    text = ('South Korean-born Monte Haines, 44, was adopted as a child.\n\n'
            '"I was, like, shocked," Haines said.')
    assert found(text) == [('"I was, like, shocked,"', "Monte Haines")]


def test_a_speakers_name_written_with_two_spaces_is_named_with_one():
    """The name is the person's; the words the report used, spaces and all, stay in ``speaker_text``."""
    text = '"We left at dawn," said Amadou  Diallo, a trader.'
    (quotation,) = find_quotations(text)
    assert (quotation.speaker, quotation.speaker_text) == ("Amadou Diallo", "Amadou  Diallo")
