"""A word-level diff of two versions of a sentence: what the other report adds, drops or changes."""

from sahel_reader.story.word_diff import DiffPiece, diff_counts, word_diff


def test_a_changed_figure_shows_as_dropped_then_added_and_the_rest_is_the_same():
    pieces = word_diff("Gunmen killed 12 people in Gao on Monday.", "Gunmen killed 40 people in Gao on Monday.")
    assert pieces == [DiffPiece("same", "Gunmen killed"), DiffPiece("dropped", "12"), DiffPiece("added", "40"),
                      DiffPiece("same", "people in Gao on Monday.")]


def test_an_added_clause_and_a_dropped_source_are_told_apart():
    pieces = word_diff("At least 12 were killed, officials said.", "At least 12 were killed in the market.")
    assert [p.change for p in pieces] == ["same", "dropped", "added"]
    assert pieces[1].text == "killed, officials said." and pieces[2].text == "killed in the market."
    assert diff_counts(pieces) == (4, 3)


def test_the_same_sentence_is_one_piece_and_spacing_does_not_count():
    assert word_diff("Twelve  died.\n", "Twelve died.") == [DiffPiece("same", "Twelve died.")]
    assert word_diff("", "") == []
    assert word_diff("", "New words") == [DiffPiece("added", "New words")]
