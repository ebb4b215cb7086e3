"""Who said it (issue 14): speech tags in every order, speakers across sentences, the fullest name.

Every text here is written for these tests, in the patterns of news English the issue lists.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sahel_reader.highlighters.quotations import find_quotations


def said(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quoted text, speaker, the words the text used for the speaker) for every quotation; the
    words are checked against their offsets."""
    found = []
    for quotation in find_quotations(text):
        if quotation.speaker_text is not None:
            assert text[quotation.speaker_start:quotation.speaker_end] == quotation.speaker_text
        found.append((text[quotation.start:quotation.end], quotation.speaker, quotation.speaker_text))
    return found


def speakers(text: str) -> list[str | None]:
    return [speaker for _, speaker, _ in said(text)]


# --- the shapes of a speech tag ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "written"),
    [
        # quotation, speaker, verb; with a role and a name in apposition
        ('"The speaker will spend the week at home," Ryan\'s spokeswoman, AshLee Strong, said in a '
         "statement Monday.", "AshLee Strong", "Ryan's spokeswoman, AshLee Strong"),
        ('"To the guys out there, I want to be honest," Obama told a crowd in Columbus.', "Obama", "Obama"),
        ('"He should probably do the same," another Ryan spokesperson added Tuesday.',
         "another Ryan spokesperson", "another Ryan spokesperson"),
        # quotation, verb, speaker
        ('"Without that surge he loses," said Cornell Belcher, a Democratic pollster.',
         "Cornell Belcher", "Cornell Belcher"),
        ('"I fundamentally disagree," said retired Army Lt. Gen. Mick Bednarek, who served in Iraq.',
         "Mick Bednarek", "retired Army Lt. Gen. Mick Bednarek"),
        # speaker, verb, quotation
        ('Obama told a crowd in Columbus: "Do not boo. Vote."', "Obama", "Obama"),
        ('The mayor said that "the roads will reopen."', "The mayor", "The mayor"),
        ('And Mr. Christie gloated: "I told you he would not be ready."', "Christie", "Mr. Christie"),
        ('The minister rejected the report, adding that "nothing happened."', "The minister", "The minister"),
        ('Both men spoke, with Gorka noting "a couple of hundred" troops there.', "Gorka", "Gorka"),
        ('"The Gulf is not deep enough," Mehdi Zareh was quoted as saying.', "Mehdi Zareh", "Mehdi Zareh"),
        # any reporting verb
        ('"The vote is rigged," Trump tweeted.', "Trump", "Trump"),
        ('"Nobody died," the general insisted.', "the general", "the general"),
        # a role that names a place or a body, and the full name set off after it
        ('"The toll could rise," said the mayor of Bamako, Jean Dupont.', "Jean Dupont",
         "the mayor of Bamako, Jean Dupont"),
        ('"The toll could rise," warned the head of the Red Cross in Mali, Jean Dupont.', "Jean Dupont",
         "the head of the Red Cross in Mali, Jean Dupont"),
        ('"It is over," said one early supporter, Representative Lee Zeldin, Republican of New York.', "Lee Zeldin",
         "one early supporter, Representative Lee Zeldin"),
        ('"It is over," said a spokesman, Col. Jean Dupont, on Monday.', "Jean Dupont", "a spokesman, Col. Jean Dupont"),
        # where the words went out is no speaker: "on X" after the speaker and the verb
        ('A spokesman for the mission, Olivier Salgado, wrote on X: "We condemn this attack."', "Olivier Salgado",
         "Olivier Salgado"),
        ('"France will always be France," an angry Hollande retaliated.', "Hollande", "an angry Hollande"),
        # a comma left out before a name and its verb closing the sentence
        ("\u201cThe caucus is a battle of niches\u201d Grubbs said.", "Grubbs", "Grubbs"),
        # according to, before and after
        ('According to Wassim Nasr, "it is a shift."', "Wassim Nasr", "Wassim Nasr"),
        ('"It is a shift," according to the Soufan Center.', "the Soufan Center", "the Soufan Center"),
        # the sentence's subject, when it names a person and no verb says more
        ('Moussa Faki Mahamat, the chairman of the commission, "firmly condemned" the attack.',
         "Moussa Faki Mahamat", "Moussa Faki Mahamat, the chairman of the commission"),
        # a source in brackets after a quoted article, a pull quote signed below
        ('"Police said three people were hurt." (Fox News article)', "Fox News", "Fox News article"),
        ('"I think it is over."\n- Jane Doe.\nThe vote was close.', "Jane Doe", "Jane Doe"),
    ],
)
def test_a_speech_tag_in_any_order_names_the_speaker(text, speaker, written):
    ((_, found, words),) = said(text)
    assert (found, words) == (speaker, written)


def test_dotted_abbreviations_do_not_cut_a_speaker_short():
    """Not "the U" for "the U.S. ambassador", nor "Mr" for "Mr. Smith"."""
    assert speakers('"We will hold talks," said the U.S. ambassador to Athens.') == ["the U.S. ambassador"]
    assert speakers('"We will hold talks," Mr. Smith said.') == ["Smith"]
    assert said('"Fine," said Mr. Nevins of Showtime.')[0][2] == "Mr. Nevins of Showtime"


def test_a_place_opening_the_sentence_is_not_the_speaker():
    assert speakers('In Suka Makmur, "the water rose fast," a farmer said.') == ["a farmer"]


def test_the_backticks_of_newswire_archives_open_a_quotation_that_two_typewriter_marks_close():
    assert said("``We will rebuild the school,'' said Amadou Diallo, the mayor.") == [
        ("``We will rebuild the school,''", "Amadou Diallo", "Amadou Diallo")]
    assert speakers("``It was horrible,'' a witness told AFP. ``They shot at everyone.''") == ["a witness"] * 2
    assert said("Type the `ls` command to list them.") == []  # a lone backtick opens nothing


def test_three_typewriter_marks_close_a_single_quote_then_a_double_one():
    text = "''Voters will not settle for 'We will bomb them,''' said Senator Jane Roe of Ohio."
    assert said(text) == [(text[:text.index(" said")], "Jane Roe", "Senator Jane Roe of Ohio")]


def test_a_closing_mark_facing_the_wrong_way_still_closes():
    text = "“It is unusual,“ said Larry Noble, a lawyer. “It is hard to pull off.”"
    assert speakers(text) == ["Larry Noble", "Larry Noble"]


def test_a_tag_may_hold_a_scare_quote():
    text = '"We have had better ones," Bill Eastman, wearing a "Vote Smith" hat, said calmly.'
    assert said(text)[0][1:] == ("Bill Eastman", 'Bill Eastman, wearing a "Vote Smith" hat')


def test_a_noun_after_a_determiner_is_no_reporting_verb():
    assert speakers('He blamed "reckless politicians." His comments came after a long day.') == [None]


def test_the_subject_of_a_relative_clause_speaks_in_it():
    text = 'She filmed the mayor at a dinner in May, at which Mr. Adler said: "We are all friends here."'
    assert speakers(text) == ["Adler"]


def test_a_role_of_two_nouns_is_its_holder():
    text = ('Sen. Jane Roe of Ohio spoke on Monday.\n\n"We are ready," the Ohio senator and Democratic '
            'candidate told reporters.')
    assert said(text)[0][1:] == ("Jane Roe", "the Ohio senator and Democratic candidate")


def test_a_time_after_a_name_is_no_part_of_it():
    text = 'Sen. Jane Roe on Wednesday morning called for talks.\n\n"We are ready to talk to them."'
    assert speakers(text) == ["Jane Roe"]


def test_a_word_after_a_preposition_is_no_reporting_verb():
    text = 'After a TV host was fired over comments that likened her to "Planet of the Apes," the anchor reacted.'
    assert speakers(text) == [None]


def test_a_noun_in_ly_is_no_adverb_that_ends_the_speaker():
    assert speakers('"We are shocked," a family member told reporters.') == ["a family member"]


def test_the_words_of_another_quotation_are_no_speaker():
    text = 'She gave us a memo. "Family Medical Leave," the memo states, becomes available "after a year."'
    assert speakers(text) == [None, None]


def test_a_place_inside_a_description_is_not_the_speaker():
    assert said('"The walls shook," one man in Lengeh told AFP.')[0][1:] == ("one man", "one man in Lengeh")


def test_a_passive_names_nobody():
    assert speakers('Dozens were said to have killed "hundreds" of soldiers.') == [None]


def test_a_phrase_opening_on_a_preposition_or_an_idiom_is_no_speaker():
    assert speakers('Given his past comments on building a wall to keep so-called “criminals” out, it’s safe to say '
                    'he means the border.') == [None]
    assert speakers('And suffice it to say, his “reversals” on policy do not change the fact.') == [None]


def test_a_dateline_is_where_the_report_is_from_not_who_speaks():
    assert said('WASHINGTON — Sen. Jane Doe (R-Iowa) on Wednesday downplayed the attack on a judge — something that '
                'has thrown the party into chaos — and said it is the same as the judge calling herself “a wise '
                'Latina.”')[0][1:] == ("Jane Doe", "Sen. Jane Doe")
    assert speakers('NATO said the attack was “a disgrace to all of us.”') == ["NATO"]  # a name in capitals speaks
    assert speakers('BAMAKO — “We are afraid,” a resident said.') == ["a resident"]


def test_a_participles_phrase_is_no_speaker_but_a_participle_before_a_noun_is_part_of_one():
    assert speakers('She boasted, “That makes me smart.” She was similarly defensive when forced to defend not paying '
                    'a builder who said he was stiffed after he built a barn on her farm, saying, “Maybe he didn’t do '
                    'a good job.”')[1] is None
    assert speakers('"We saw them coming," armed men said on Monday.') == ["armed men"]
    assert speakers('"They fired at us," wounded soldiers told reporters.') == ["wounded soldiers"]


# --- across sentences --------------------------------------------------------------------------


def test_a_quotation_that_goes_on_after_its_tag_takes_its_speaker():
    text = '"It is a hard call," Sandalow said. "The choice between the two candidates is stark."'
    assert speakers(text) == ["Sandalow", "Sandalow"]
    assert speakers('"We will win," Webber said, "and we will win soon."') == ["Webber", "Webber"]


def test_a_paragraph_that_ends_on_a_colon_introduces_the_next_quotation():
    assert speakers('Cruz continued:\n\n"You look at the questions."') == ["Cruz"]
    assert speakers('The governor said in a statement.\n"We are ready."') == ["The governor"]


def test_a_paragraph_quoted_under_the_press_convention_keeps_its_speaker():
    text = 'Goita said "we are strong.\n\n"We will prevail," he added.'
    assert speakers(text) == ["Goita", "Goita"]
    # its marks straight, the quotations inside it curly: still one quotation per paragraph
    text = ('Ms. Ward stated:\n\n"The office is not about “equal justice” anymore.\n\n'
            '"The answer is not politics. Period."\n\nThe vote is next week.')
    assert said(text) == [
        ('"The office is not about “equal justice” anymore.', "Ward", "Ms. Ward"),
        ('"The answer is not politics. Period."', "Ward", "Ms. Ward"),
    ]


def test_a_clause_without_a_subject_does_not_hide_the_speaker_before_it():
    text = 'Bolton backed him by saying he would serve if asked. "I am going to support him."'
    assert speakers(text) == ["Bolton"]
    text = 'A campaign tweet quoted the president as saying "Act now, not later!"'
    assert speakers(text) == ["A campaign tweet"]


def test_an_adverb_between_the_speaker_and_the_verb_is_no_part_of_the_speaker():
    assert said('"We live in hard times," my father often said.')[0][1:] == ("my father", "my father")
    assert speakers('Gov. Chris Christie spoke first. "It is over," he often says.') == ["Chris Christie"]
    assert speakers('"We will win," Webber later said.') == ["Webber"]


def test_a_page_s_words_before_a_link_name_no_speaker():
    assert speakers('Read more: "Why the Sahel matters" (The Guardian)') == ["The Guardian"]
    assert speakers('See also: "The attack in Bamako"') == [None]


def test_a_pronoun_with_a_verb_joined_on_is_the_pronoun():
    assert speakers('Gov. Chris Christie spoke first. And he’s predicting that Trump “has no chance” now.') == [
        "Chris Christie"]


def test_to_say_in_a_clause_of_its_own_takes_that_clause_s_subject():
    text = 'But much of the debate was so subdued that Mr. Trump was prompted to say, "So far, it is civil."'
    assert said(text)[0][1:] == ("Trump", "Mr. Trump")
    assert speakers("O'Malley, who was standing nearby, interjected to say: \"That is false.\"") == ["O'Malley"]


def test_a_role_is_the_person_the_report_gave_it():
    text = ('Ema Suryani, a doctor at the district hospital, treated dozens.\n'
            '"We ran out of beds," the doctor said.')
    assert said(text)[0][1:] == ("Ema Suryani", "the doctor")
    text = 'Gov. Chris Christie spoke first. "It was fine," the governor said.'
    assert speakers(text) == ["Chris Christie"]
    text = 'The mayor of Bamako, Jean Dupont, spoke on Monday. "We are ready," the mayor said.'
    assert speakers(text) == ["Jean Dupont"]


def test_a_role_no_one_was_named_for_stays_as_written():
    assert speakers('"Lives were lost," said the general staff on Tuesday.') == ["the general staff"]


def test_a_short_name_is_the_fullest_name_the_report_gives():
    text = "South Sudan's President Salva Kiir met the envoy.\n\"Peace is near,\" Mr. Kiir said."
    assert said(text)[0][1:] == ("Salva Kiir", "Mr. Kiir")


def test_a_namesake_named_later_does_not_replace_the_main_figure():
    text = ("Donald J. Trump spoke first. Donald J. Trump then left. Later Ivana Trump arrived.\n"
            '"I will win," Mr. Trump said.')
    assert speakers(text) == ["Donald J. Trump"]


def test_a_pronoun_is_the_nearest_person_whose_title_fits():
    text = 'Mrs. Clinton met Mr. Sanders on Monday.\n"We agreed on a lot," she said.'
    assert said(text)[0][1:] == ("Clinton", "she")
    text = ('Alexis Papadakis, the Greek prime minister, spoke on Sunday. The Greek prime minister '
            'has denounced what he called "blackmail" by the lenders.')
    assert speakers(text) == ["Alexis Papadakis"]


def test_a_pronoun_is_not_someone_named_inside_another_quotation():
    text = ('Archbishop Aris Shirvanian told the press, "We suffered like the Jewish Holocaust." '
            'He added, "So Israel should recognize it."')
    assert speakers(text) == ["Aris Shirvanian", "Aris Shirvanian"]


def test_a_document_speaks_for_whoever_issued_it():
    text = 'Gordon Advisors issued a statement Tuesday.\n"We are devastated," the statement said.'
    assert said(text)[0][1:] == ("Gordon Advisors", "the statement")
    assert speakers('According to a statement from the army, "the situation is under control."') == ["the army"]


def test_an_agency_is_the_one_the_report_named():
    text = ("The main hospital was full, Iran's official news agency IRNA said.\n"
            'It is "full of wounded," the agency reported.')
    assert speakers(text) == ["IRNA"]


# --- marks across line breaks, and what is no quotation of anyone -----------------------------


def test_a_quotation_runs_across_a_line_break_inside_its_paragraph():
    text = '"We heard gunshots.\nWe\'re on the third floor," Bill Adgate said.'
    assert said(text) == [('"We heard gunshots.\nWe\'re on the third floor,"', "Bill Adgate", "Bill Adgate")]


def test_each_paragraph_of_a_long_quotation_is_a_quotation_of_the_same_speaker():
    text = ('"The warship altered course.\n"The three boats had a crew of 26.\n'
            'The rifles were seized," the officer said.')
    assert said(text) == [
        ('"The warship altered course.', "the officer", "the officer"),
        ('"The three boats had a crew of 26.\nThe rifles were seized,"', "the officer", "the officer"),
    ]


def test_quotations_inside_a_quoted_report_are_quotations_too():
    text = ('"Police said the man was caught.\n\'He was very subdued,\' Sheriff Robert Pickell said.\n'
            'The car was found." (Fox News article)')
    assert said(text) == [
        (text[:text.index(" (Fox")], "Fox News", "Fox News article"),
        ("'He was very subdued,'", "Robert Pickell", "Sheriff Robert Pickell"),
    ]


def test_a_page_name_is_no_quotation_of_the_nearest_noun():
    text = 'More than 60 people reported to the survey\'s "Did you feel it?" site.'
    assert speakers(text) == [None]
    assert [q.name for q in find_quotations(text)] == [True]
    assert [q.name for q in find_quotations('"Did you feel it?" the survey asked.')] == [False]
    assert speakers('The so-called "Islamic State" fighters attacked.') == [None]


def test_a_scare_quote_takes_no_speaker_from_its_neighbours():
    text = '"We will win," Webber said. The "hundreds" were never counted.'
    assert speakers(text) == ["Webber", None]


# --- any sentence of this shape -----------------------------------------------------------------

NAMES = st.sampled_from(["Lucas Webber", "Ema Suryani", "Salva Kiir", "AshLee Strong", "Bill Adgate"])
VERBS = st.sampled_from(["said", "told reporters", "added", "wrote", "insisted"])
QUOTES = st.sampled_from(["We will win", "Nobody was hurt", "The roads are closed", "It is over"])


@settings(max_examples=100, deadline=None)
@given(NAMES, VERBS, QUOTES, st.booleans())
def test_a_tag_after_a_quotation_names_its_speaker_whatever_the_words(name, verb, quote, inverted):
    tag = f"{verb} {name}" if inverted and verb in ("said", "added", "wrote") else f"{name} {verb}"
    text = f'Earlier that day the roads were closed. "{quote}," {tag}. "{quote} again."'
    assert speakers(text) == [name, name]


def test_a_quotation_without_its_comma_is_not_given_the_words_before_it():
    text = ("Candidates have more room to walk away from the program, said Steve Grubbs, an operative.\n\n"
            "\u201cThe caucus is a battle of niches\u201d Grubbs said. \u201cThe RFS is a strong niche.\u201d")
    assert speakers(text) == ["Steve Grubbs", "Steve Grubbs"]
    # without a name and its verb alone after it, an open quotation takes nothing from the next words
    assert speakers("\u201cThe caucus is a battle\u201d Grubbs said the polls were wrong.") == [None]


def test_a_quoted_transcript_names_each_turns_speaker_in_capitals():
    text = ("On Sunday the radio host Dana Ortiz questioned Senator Paul Whitcombe about the budget.\n\n"
            "An excerpt of the interview:\n\n"
            "\"ORTIZ: Will you vote for the bill on Tuesday?\n\n"
            "\"WHITCOMBE: Not as it stands. The cuts fall on the wrong people.\n\n"
            "\"And I have told the leadership so, more than once.\n\n"
            "\"Q: Is that final?\n")
    assert [(speaker, written) for _, speaker, written in said(text)][:3] == [
        ("Dana Ortiz", "ORTIZ"), ("Paul Whitcombe", "WHITCOMBE"), ("Paul Whitcombe", "WHITCOMBE")]
    assert said(text)[3][2] != "Q"  # two letters or less name no one


def test_a_quotation_signed_after_a_dash_on_its_line_is_the_signers():
    text = ("We asked readers what the vote meant to them.\n"
            "“It felt like nobody was listening to the towns.” ― Maria Delgado\n"
            "“I voted for the first time, and it was worth it.” — Tom O’Hara.\n"
            "“Nothing changes,” said a neighbour - and she left.\n")
    assert speakers(text)[:2] == ["Maria Delgado", "Tom O’Hara"]


def test_a_line_of_the_page_after_a_dash_signs_nothing_and_the_last_speaker_goes_on():
    text = ("“There’s a real revolution in the United States,” Ramos said, referring to the census.\n\n"
            "“So I think that there’s resistance among many Americans.”\n\n"
            "– An immigrant himself –.\n\nRamos came to the country in 1983.\n")
    assert speakers(text) == ["Ramos", "Ramos"]


def test_a_reporting_verb_that_opens_its_sentence_is_no_part_of_the_speaker():
    text = ("The old depot on Fifth Street is now a café. Said Ann Fowler, who grew up next door, "
            "“We all came here on Saturdays.”")
    assert speakers(text) == ["Ann Fowler"]


def test_a_clause_that_says_only_where_the_words_come_from_names_their_source():
    text = ("Why the map favours them - More from Okafor: “The red counties have grown faster than the blue ones.”\n"
            "What the survey does show - Not all panels are alike. From the report: “Larger samples did better.”\n"
            "Reporting from Kabul: “The roads are closed,” a driver said.\n")
    assert speakers(text) == ["Okafor", "the report", "a driver"]


def test_a_paragraph_of_quoted_words_alone_goes_on_with_the_last_speaker():
    text = ("“Two boats got away before we could reach them,” a coastguard officer said.\n"
            "Four rifles were found on the third boat.\n"
            "“We also found ladders and hooks, which tell you what they came for.”\n"
            "The ship returned to port on Friday. The crew were given leave. Repairs began at once. "
            "A new captain took command.\n"
            "“Nobody expected this.”\n")
    assert speakers(text) == ["a coastguard officer", "a coastguard officer", None]


def test_a_headline_opening_with_an_article_names_a_series_not_a_speaker():
    text = ("The Update: Mayor defends the ‘river first’ plan for Gao.\n\nGAO (Wire) — The Update on the floods.\n"
            "Okafor: ‘We will not move the market this year.’\n")
    assert speakers(text) == [None, "Okafor"]


def test_an_opening_phrase_is_no_subject_of_a_clause_that_there_or_it_opens():
    text = ("Each rainy season, there’s a warning many traders give but few heed: “The river will take the market.”\n"
            "Every year, it’s the same story: “We lose our stalls and start again.”\n")
    assert speakers(text) == [None, None]


def test_a_block_quotation_left_open_is_credited_by_the_source_closing_its_last_paragraph():
    text = ("Here is what the wires had.\n"
            "\"The market in Gao was closed on Monday after the flood reached its stalls.\n"
            "Traders moved their goods to the school, which had stayed dry.\n"
            "The river is expected to fall by Thursday. (Sahel Daily Article)\n"
            "\"Nobody was hurt,\" a trader said.\n")
    assert speakers(text) == ["Sahel Daily", "a trader"]
    another_between = ("\"The bridge is shut until the water falls.\nEngineers will inspect it.\n"
                       "\"We have never seen it this high,\" the mayor said. (Radio Gao report)\n")
    assert speakers(another_between)[0] != "Radio Gao"


def test_a_pronoun_right_before_the_verb_is_its_whole_subject():
    text = ("Aminata Traoré, the mayor, lost the 2008 race. Since 2008 she has often told her staff that “I only lost "
            "one debate.”\nThe market, Traoré explained, was rebuilt in a year — an investment she says has given "
            "the town a “head start on its neighbours.”\n")
    assert [(speaker, written) for _, speaker, written in said(text)] == [("Aminata Traoré", "she")] * 2


def test_a_figure_in_quoted_words_is_sourced_to_their_speaker():
    """The status bar's "per …" of a figure someone is quoted saying names them; a figure outside a quotation, with
    no source of its own, has none."""
    from sahel_reader.highlighters.sentences import split_sentences
    from sahel_reader.story.analysis import analyse
    from sahel_reader.story.model import Document

    text = ("Police spokeswoman Aïssata Koné said: \"Three men have been arrested.\"\n"
            "Fourteen stalls burned down.\n")
    story = analyse([Document(id="r", path="r.txt", text=text, sentences=split_sentences(text))])
    assert [(claim.text, claim.source) for claim in story.claims if claim.kind == "number"] == [
        ("Three", "Aïssata Koné"), ("Fourteen", None)]


def test_a_figure_a_pronoun_says_is_sourced_to_the_one_speaker_just_before():
    """"She said the cuts would save $3 billion" after Meg Whitman's quotation is per Meg Whitman; after two
    speakers the pronoun could be either's, and the figure has no source."""
    from sahel_reader.highlighters.sentences import split_sentences
    from sahel_reader.story.analysis import analyse
    from sahel_reader.story.model import Document

    def sources(text: str) -> list[tuple[str, str | None]]:
        story = analyse([Document(id="r", path="r.txt", text=text, sentences=split_sentences(text))])
        return [(claim.text, claim.source) for claim in story.claims if claim.kind == "number"]

    one = "\"It is necessary,\" Chief Executive Meg Whitman said. She said the cuts would save $3 billion.\n"
    assert sources(one) == [("$3 billion", "Meg Whitman")]
    two = ("\"It is necessary,\" Meg Whitman said. \"It is late,\" said Shaw Wu, an analyst. "
           "She said the cuts would save $3 billion.\n")
    assert sources(two) == [("$3 billion", None)]
