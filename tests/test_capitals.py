"""Reports in capitals throughout (telex-style wires) keep their speakers and sources.

Every text here is written for these tests.
"""

from __future__ import annotations

from sahel_reader.highlighters.capitals import in_capitals, in_news_case
from sahel_reader.highlighters.sentences import split_sentences
from sahel_reader.story.analysis import analyse
from sahel_reader.story.model import Document

WIRE = ('GAO, MALI (WIRE) - GUNMEN KILLED 12 PEOPLE IN GAO ON MONDAY, OFFICIALS SAID.\n'
        '"WE WILL REBUILD THE SCHOOL," SAID AMADOU DIALLO, THE MAYOR.\n'
        'THE DEATH TOLL ROSE TO 14 ON TUESDAY. "WE ARE NOT AFRAID," HE SAID.\n')


def claims_of(text: str) -> list[tuple[str, str | None, str | None]]:
    """(claim's text, source or speaker, the words the text used for the speaker) of one report."""
    story = analyse([Document(id="wire", path="wire.txt", text=text, sentences=split_sentences(text))])
    found = []
    for claim in story.claims:
        assert text[claim.start:claim.end] == claim.text
        if claim.speaker_text is not None:
            assert text[claim.speaker_start:claim.speaker_end] == claim.speaker_text
        found.append((claim.text, claim.source if claim.kind == "number" else claim.speaker, claim.speaker_text))
    return found


def test_a_report_in_capitals_keeps_its_speakers_and_sources():
    assert claims_of(WIRE) == [
        ("12", "officials", None),
        ('"WE WILL REBUILD THE SCHOOL,"', "Amadou Diallo", "AMADOU DIALLO"),
        ("14", None, None),
        ('"WE ARE NOT AFRAID,"', None, None),  # "HE": in capitals "DEATH TOLL" would look like the nearest name
    ]


def test_a_speaker_named_by_a_family_word_and_a_name_is_the_name():
    report = ('"SHE WAS THE HEART OF THE MARKET," HER SON, MOUSSA KEITA, SAID.\n' + WIRE)
    assert claims_of(report)[0] == ('"SHE WAS THE HEART OF THE MARKET,"', "Moussa Keita", "HER SON, MOUSSA KEITA")


def test_a_byline_in_the_usual_case_leaves_the_report_in_capitals_and_as_written():
    report = "By Awa Keita in Gao, for iNews\n" + WIRE
    assert in_capitals(report) and in_news_case(report).startswith("By Awa Keita in Gao, for iNews\nGao, Mali")
    assert claims_of(report)[1] == ('"WE WILL REBUILD THE SCHOOL,"', "Amadou Diallo", "AMADOU DIALLO")


def test_news_case_keeps_every_offset():
    recased = in_news_case(WIRE)
    assert len(recased) == len(WIRE) and recased.upper() == WIRE
    assert recased.splitlines()[1] == '"We will Rebuild the School," said Amadou Diallo, the mayor.'
    assert in_news_case("MÉDECINS SAID İSTANBUL") == "Médecins said İSTANBUL"  # "i̇" would be longer: kept


def test_a_report_is_in_capitals_by_its_letters_not_its_address():
    assert in_capitals("http://example.org/wire/gao\n" + WIRE * 3)
    assert not in_capitals(WIRE.title())
    assert not in_capitals("BAMAKO ATTACK: 77 DEAD\n" + WIRE.lower() * 3)  # a headline in capitals
