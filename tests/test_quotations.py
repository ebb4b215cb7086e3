from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sahel_reader.highlighters.quotations import find_quotations
from sahel_reader.highlighters.sentences import split_sentences
from sahel_reader.highlighters.spans import Quotation

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
QUOTE_MARKS = "“”„\"«»'‘’"


def seed(name: str) -> str:
    """A seed report as the loader reads it: UTF-8, universal newlines."""
    (path,) = SEEDS.glob(f"{name}_*.txt")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def found(text: str) -> list[tuple[str, str | None, bool]]:
    """(quoted text, speaker, scare) for every quotation, the span checked through the slice."""
    return [(text[q.start:q.end], q.speaker, q.scare) for q in find_quotations(text)]


# --- the seed reports ------------------------------------------------------------------------


def test_seed_000_every_quotation_and_speaker():
    assert found(seed("000")) == [
        ("“some human lives were lost,”", "the general staff", False),
        ("“hundreds”", None, True),  # "were said to": a passive, nobody named
        (
            "“it also signals the inability of Mali’s intelligence and security apparatus –– along "
            "with those of its Russian and regional allies –– to detect and intercept the plot "
            "beforehand.”",
            "Lucas Webber",
            False,
        ),
        ("“firmly condemned”", "Moussa Faki Mahamat", True),
        (
            "“an urgent appeal to strengthen strategic regional and international collaboration in "
            "the fight against the resurgence of terrorism”",
            "Moussa Faki Mahamat",  # "He made ...": the pronoun resolved
            False,
        ),
        (
            "“its strong commitment in favour of any initiative”",
            "the Economic Community of West African States",
            False,
        ),
    ]


def test_seed_001_one_quotation():
    assert found(seed("001")) == [
        ("“some human lives were lost,”", "The military’s general staff", False),
    ]


def test_seeds_002_and_004_have_no_quotations_despite_apostrophes():
    assert found(seed("002")) == []
    text = seed("004")
    assert "Jama’a" in text and "didn’t" in text and "attacks’ size" in text
    assert found(text) == []


def test_seed_003_every_quotation_and_speaker():
    assert found(seed("003")) == [
        ("“neutralize”", "Oumar Diarra", True),  # the name; "Army Chief of Staff" is in speaker_text
        ("“major human and material losses.”", "The al-Qaida-linked group JNIM", False),
        (
            "“I think JNIM wanted to show they can also stage attacks in the south and in the "
            "capital, following the battle on the north near the Algeria border where Wagner "
            "suffered losses.”",
            "Ulf Laessing",
            False,
        ),
    ]


def test_seed_spans_are_exact_offsets():
    text = seed("000")
    first = find_quotations(text)[0]
    said_by = text.index("the general staff")
    assert first == Quotation(
        text.index("“some human"), text.index("lost,”") + len("lost,”"), "the general staff",
        speaker_text="the general staff", speaker_start=said_by, speaker_end=said_by + len("the general staff"),
    )
    # passing the sentences in gives the same answer as letting the function split them
    assert find_quotations(text, split_sentences(text)) == find_quotations(text)


# --- speakers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ("“We will win,” Webber said.", "“We will win,”", "Webber"),
        ("“We will win,” said Lucas Webber, an analyst.", "“We will win,”", "Lucas Webber"),
        ("“We will win,” he said.", "“We will win,”", None),  # no one to stand for
        ("“We are ready,” Moussa Faki Mahamat, the chairman, told reporters.", "“We are ready,”",
         "Moussa Faki Mahamat"),
        ("“Lives were lost,” said the general staff on Tuesday.", "“Lives were lost,”",
         "the general staff"),
        ("Guterres, who spoke in New York, said “enough.”", "“enough.”", "Guterres"),
        ("Reuters reported that officials “feared the worst,” but gave no figures.",
         "“feared the worst,”", "Reuters"),
        ("Webber told AFP: “We will win.”", "“We will win.”", "Webber"),
        ("The army said that “all is calm.”", "“all is calm.”", "The army"),
        ("Ulf Laessing noted, “It is new.”", "“It is new.”", "Ulf Laessing"),
        ("Experts warned that “it will spread.”", "“it will spread.”", "Experts"),
        ("Goita posited that “the goal is control.”", "“the goal is control.”", "Goita"),
        ("She has also claimed that “nobody died.”", "“nobody died.”", None),
        ("According to Wassim Nasr from the Soufan Center, “it is a shift.”",
         "“it is a shift.”", "Wassim Nasr"),
        ("“It is a shift”, according to the Soufan Center.", "“It is a shift”", "the Soufan Center"),
        ("According to a statement from the army, “the situation is under control.”",
         "“the situation is under control.”", "the army"),
        (
            "Jean-Herve Jezequel, Sahel project director at the International Crisis Group, said "
            "that “cities must be safeguarded.”",
            "“cities must be safeguarded.”",
            "Jean-Herve Jezequel",
        ),
        ("Late on Tuesday, the general staff acknowledged that “lives were lost.”",
         "“lives were lost.”", "the general staff"),
        ("Dozens were said to have killed “hundreds” of soldiers.", "“hundreds”", None),
        ("The so-called “Islamic State” fighters attacked.", "“Islamic State”", None),
        ("“It was a mistake,” Bozell points out.", "“It was a mistake,”", "Bozell"),
        ("“It was a mistake,” Bozell goes on.", "“It was a mistake,”", "Bozell"),
        ("Rubio said that once the Senate goes on recess, “I will help.”", "“I will help.”", "Rubio"),
        ("As Trump went on about “how the system is rigged,” she nodded.", "“how the system is rigged,”", "Trump"),
        ("“There were bodies everywhere,” a witness who asked not to be named told the BBC.",
         "“There were bodies everywhere,”", "a witness"),  # the relative clause is the speaker's, not the speaker
    ],
)
def test_speaker(text, quote, speaker):
    assert found(text) == [(quote, speaker, len(quote.split()) <= 2 and quote[-2] not in ".?!")]


def test_pronoun_resolves_to_the_last_person_who_spoke():
    text = (
        "U.N. Secretary-General Antonio Guterres said “we condemn this.” "
        "The army said “all is calm.” He later added that “more must be done.” "
        "It added that “patrols continue.”"
    )
    assert [speaker for _, speaker, _ in found(text)] == [
        "Antonio Guterres",
        "The army",
        "Antonio Guterres",
        "The army",
    ]


def test_pronoun_resolves_to_a_name_in_the_sentence_before():
    text = (
        "The attack shows reach, as noted by Wassim Nasr from the Soufan Center. "
        "He pointed out that “the group now targets military sites.”"
    )
    assert found(text) == [("“the group now targets military sites.”", "Wassim Nasr", False)]


# --- marks -----------------------------------------------------------------------------------


def test_apostrophes_are_not_quotation_marks():
    text = (
        "Mali’s army didn’t say. Jama’a is JNIM’s name. We’ll see. The 70s' rock and the ’90s "
        "were hard. The soldiers’ families and the troops' camp. Rock 'n' roll isn't news."
    )
    assert found(text) == []


def test_speech_tag_after_a_full_stop_inside_the_quote():
    text = "“We will win.” Webber said. “We condemn this.” The army said “all is calm.”"
    # the army's tag opens its own quotation; the middle one goes on with Webber's paragraph
    assert [speaker for _, speaker, _ in found(text)] == ["Webber", "Webber", "The army"]


def test_straight_quotes():
    text = "\"We will win,\" Webber said. The general said 'we are ready' on Tuesday."
    assert found(text) == [
        ("\"We will win,\"", "Webber", False),
        ("'we are ready'", "The general", False),
    ]


def test_single_curly_quotes_at_the_top_level():
    assert found("Officials called it ‘a success’ on Tuesday.") == [
        ("‘a success’", "Officials", True)
    ]
    assert found("He sang ‘Mali is ours’ loudly.") == [("‘Mali is ours’", None, False)]


def test_nested_quote_is_part_of_the_outer_one():
    text = "“He told me ‘go home’ and I did,” a resident said. “A ‘b “c” d’ e,” she said."
    assert found(text) == [
        ("“He told me ‘go home’ and I did,”", "a resident", False),
        ("“A ‘b “c” d’ e,”", None, False),
    ]


def test_quotation_over_several_sentences():
    text = "“We left at dawn. Then they came. Nobody helped us,” a resident said. The army was silent."
    assert found(text) == [
        ("“We left at dawn. Then they came. Nobody helped us,”", "a resident", False),
    ]
    assert len(split_sentences(text)) == 4


def test_quotation_continued_into_the_next_paragraph():
    """The press convention: each paragraph is a quotation of its own, with the same speaker."""
    text = "Goita said “we are strong.\n\n“We will prevail,” he added.\nThe army was silent."
    assert found(text) == [("“we are strong.", "Goita", False), ("“We will prevail,”", "Goita", False)]


def test_unclosed_quotation_runs_to_the_end_of_its_paragraph():
    text = "Goita said “we are strong.\nThe army was silent about “losses” later."
    assert found(text) == [("“we are strong.", "Goita", False), ("“losses”", None, True)]
    text = "A stray “ mark here. And “a real quote,” the army said."
    assert found(text) == [("“a real quote,”", "the army", False)]


def test_quotation_cut_by_a_blank_line_is_closed_in_the_next_paragraph():
    """A sentence cut into two paragraphs (a page's <br><br>): the next paragraph's closing mark ends the quotation
    and its tag names the speaker; a paragraph after that, or one whose first mark opens, is too far."""
    text = '"She did not do it.\n\nShe did not fire him," Awa Keita said.\n\n"Yes," the judge said.\n'
    assert found(text) == [('"She did not do it.\n\nShe did not fire him,"', "Awa Keita", False),
                           ('"Yes,"', "the judge", True)]
    text = '"She did not do it.\n\nNobody knew.\n\nShe did not fire him," Awa Keita said.\n'
    assert [quoted for quoted, _, _ in found(text)] == ['"She did not do it.']


def test_complete_quotation_inside_an_unclosed_one_is_kept():
    assert found("“We are strong and “united,” he said.") == [("“united,”", None, True)]


def test_empty_and_markless_text():
    assert find_quotations("") == []
    assert find_quotations("No quotation here.\n\n") == []
    assert find_quotations('"" and “ ” and \'\'') == []


def test_scare_quotes_are_one_or_two_words():
    text = "The “hundreds” of “firmly condemned” men “saw a lot” and asked “Why?”"
    assert [(quote, scare) for quote, _, scare in found(text)] == [
        ("“hundreds”", True),
        ("“firmly condemned”", True),
        ("“saw a lot”", False),
        ("“Why?”", False),
    ]


# --- any text --------------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list(QUOTE_MARKS + "aZ .,\n—(")) | st.characters(),
        max_size=200,
    )
)
def test_any_text_gives_ordered_spans_that_start_with_a_mark(text):
    """Passages come in order; one either follows the last long passage or lies inside it (a
    quotation quoted by another report); a closed one ends with a mark; what is said of the
    speaker is where it says."""
    quotations = find_quotations(text)
    outer_end = 0
    for quotation in quotations:
        assert 0 <= quotation.start < quotation.end <= len(text)
        assert text[quotation.start] in QUOTE_MARKS
        assert quotation.start >= outer_end or quotation.end <= outer_end
        outer_end = max(outer_end, quotation.end)
        assert quotation.speaker is None or quotation.speaker in text
        if quotation.speaker_text is not None:
            assert text[quotation.speaker_start:quotation.speaker_end] == quotation.speaker_text
        else:
            assert quotation.speaker is None and quotation.speaker_start is None


def test_the_lines_of_passages_are_those_a_search_from_each_passage_finds():
    from sahel_reader.highlighters.quotations import _line_bounds
    from sahel_reader.highlighters.quote_marks import Passage

    text = "“a” b “c\nd” e\n\n“f” “g” “h “i” j”\nk “l”"
    passages = [Passage(0, 3), Passage(6, 11), Passage(15, 18), Passage(19, 22), Passage(23, 33),
                Passage(26, 29, nested=True), Passage(36, 39)]
    starts, ends = _line_bounds(text, passages)
    assert starts == [text.rfind("\n", 0, p.start) + 1 for p in passages]
    assert ends == [text.find("\n", p.end) if text.find("\n", p.end) >= 0 else len(text) for p in passages]
    assert _line_bounds("", []) == ([], [])
