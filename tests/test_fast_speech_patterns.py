"""The shortcuts that make the speech tags and their speakers fast never change what they find.

Each pattern written to let ``re`` skip places in C (a word read from a class of its first letters, not
after a letter, then looked back at) or to look fewer times, and each stretch read with ``str`` methods
rather than a search, is checked against the plain form it stands for, on the seeds and on glued words.
"""

from __future__ import annotations

import re
import sys

from sahel_reader.story.seeds import bundled_seed_paths

SEEDS = [path.read_text(encoding="utf-8") for path in bundled_seed_paths()]


def test_a_clause_boundary_read_from_its_first_letter_is_the_plain_alternation_at_every_place():
    """``BOUNDARY`` reads a word's first letter from a class, then looks back at it for the rest: at every
    place of a text, from any start and to any end, it matches as the plain alternation, case-blind,
    with the letters that match a first letter only without regard to case (İ, ı, ſ) and words
    glued to letters, digits and underscores."""
    from sahel_reader.highlighters import phrases

    plain = re.compile(
        r"[;:“”\"«»\[\]]|''|\s[-–—]+\s|—|–"
        r"|\b(?:that|but|because|while|whereas|although|though|when|after|before|since|if|as|so|where|and|or|what)\b"
        r"|\b(?:in|at|on|during|of|for|from|with|by|under|through)\s+(?:which|whom)\b", re.I)
    lines = ["Police, AS the Army said - and Reuters — reported", "a rally AT WHICH he said", "ſo İf ıf aſ ıN WHıCH",
             "_and 2or xbut and_ or2 ſınce THROUGH  whom; where whereas wherea whereaſ", "Whereas:",
             *(line for seed in SEEDS for line in seed.splitlines()[:40])]
    for line in lines:
        for start in range(len(line)):
            for end in (start + 1, start + 9, len(line)):
                found, expected = phrases.BOUNDARY.match(line, start, end), plain.match(line, start, end)
                assert (found and found.span()) == (expected and expected.span()), (line, start, end)
    first_letters = re.compile(f"[{phrases._FIRST_LETTERS}{phrases._CASE_BLIND_TWINS}]")
    case_blind = re.compile("[abdfiostuw]", re.I)
    assert all(bool(first_letters.match(character)) == bool(case_blind.match(character))
               for character in map(chr, range(sys.maxunicode + 1)))


def test_a_document_issued_read_from_the_verbs_first_letter_is_what_the_plain_pattern_finds():
    from sahel_reader.highlighters import names

    plain = re.compile(
        r"\b(?:issued|released|sent|posted|published|put\s+out|wrote|made|read\s+out)\s+(?:a|an|the|its|his|her|their)"
        r"\s+(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)\b")
    texts = [*SEEDS, "Xissued a statement; _sent the memo, 2wrote a letter. made a video, Sent the note, read  out the"
             " statement put out their long written report reissued a statement"]
    for text in texts:
        for start in (0, 1, 2, 7):
            assert [(m.span(), m.group("noun")) for m in names._ISSUED.finditer(text, start)] == \
                [(m.span(), m.group("noun")) for m in plain.finditer(text, start)]


def test_the_simple_speech_tag_with_a_look_back_for_each_length_of_title_is_the_one_with_one_for_each_title():
    from sahel_reader.highlighters import speech
    from sahel_reader.highlighters.words import TITLES_WITH_DOT

    one_each = "".join(rf"(?<!\b{title})" for title in TITLES_WITH_DOT)
    look_ahead = r"(?=[^\S\n]*(?:[,\n]|\.(?!\S)|$))"
    plain = re.compile(speech._SIMPLE_TAG.pattern.replace(look_ahead + speech._NOT_A_TITLE, one_each + look_ahead))
    assert plain.pattern != speech._SIMPLE_TAG.pattern
    texts = [*SEEDS, "“Yes,” said Gov. “No,” said Sen. Bernie Sanders. “Go,” Dr. said, “Stop!” said the Rev.\n"
             "“Ok,” said Mrs. Capt. Jones. “Fine,” Mr. Webber said. “Hi,'' he said."]
    for text in texts:
        for position in range(len(text)):
            found, expected = speech._SIMPLE_TAG.match(text, position), plain.match(text, position)
            assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))


def test_where_a_subject_ends_read_from_the_end_is_where_a_search_for_the_last_word_finds_it():
    from sahel_reader.highlighters import phrases
    from sahel_reader.highlighters.words import is_adverb

    last_word = re.compile(r"(?<!\S)(\S+)\s*$")

    def searched(text: str, start: int, verb_start: int) -> int | None:
        end = verb_start
        while True:
            found = last_word.search(text, max(start, end - 40), end)
            if found is None:
                return None if not text[start:end].strip() else start + len(text[start:end].rstrip())
            word = found.group(1).lower()
            if word in phrases._PASSIVE:
                return None
            if word in phrases._BEFORE_VERB or is_adverb(found.group(1)):
                end = found.start(1)
                if end <= start:
                    return None
                continue
            return found.end(1)

    texts = ["Police  have also  repeatedly said", "x\nit was said", "Mr. Webber, who has long\tquietly", " a  ",
             "averyveryveryveryveryveryveryveryverylongword then", *(seed[:3000] for seed in SEEDS)]
    for text in texts:
        for start in (0, 1, 5):
            for verb_start in range(start, len(text) + 1):
                assert phrases.subject_end(text, start, verb_start) == searched(text, start, verb_start), (text, verb_start)
