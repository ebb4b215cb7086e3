"""The quick way through safe_yaml (libyaml, for plain files) gives what the checked loader gives, and
leaves everything unusual to it: aliases, unsafe tags, keys given twice, refused characters, deep nesting."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from sahel_reader.story import safe_yaml
from sahel_reader.story.safe_yaml import YamlProblem, parse_yaml
from valid_session import valid_yaml

pytestmark = pytest.mark.skipif(safe_yaml._LIBYAML is None, reason="PyYAML built without libyaml")


def checked(text: str):
    """What the checked loader alone makes of ``text``."""
    plain, safe_yaml._LIBYAML = safe_yaml._LIBYAML, None
    try:
        return parse_yaml(text, "session file")
    finally:
        safe_yaml._LIBYAML = plain


def marks(root) -> list[tuple[int, int]]:
    """Every node's place in the text, in order: the lines that refusals of bad values name come from them."""
    found, waiting = [], [root]
    while waiting:
        node = waiting.pop()
        found.append((node.start_mark.index, node.end_mark.index))
        if isinstance(node, yaml.SequenceNode):
            waiting.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            waiting.extend(part for pair in reversed(node.value) for part in reversed(pair))
    return found


def test_a_session_file_is_read_the_quick_way_to_the_same_data_and_places():
    text = valid_yaml().replace("a note", "a note in Bamako — 77 killed, «almost 100» 😀")
    assert safe_yaml._parse_plain(text) is not None
    quick, slow = parse_yaml(text, "session file"), checked(text)
    assert quick.data == slow.data and marks(quick.root) == marks(slow.root)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30),
                    st.floats(allow_nan=False), st.dates())
TREES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                      st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                     max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(TREES, st.booleans())
def test_any_plain_tree_reads_the_same_both_ways(tree, flow):
    text = yaml.safe_dump(tree, default_flow_style=flow, allow_unicode=True)
    try:
        slow = checked(text)
    except YamlProblem as refused:
        with pytest.raises(YamlProblem) as also:
            parse_yaml(text, "session file")
        assert str(also.value) == str(refused)
        return
    quick = parse_yaml(text, "session file")
    assert quick.data == slow.data and marks(quick.root) == marks(slow.root)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",  # an alias: the checked loader counts them
    "a: 1\na: 2\n",  # a key given twice
    "a: !!python/object:os.system 1\n",  # an unsafe tag
    "a: b\x07\n",  # a character YAML refuses
    "a: [1, 2\n",  # not YAML at all
    "a: 1\n---\nb: 2\n",  # two documents
    "[" * 5000 + "]" * 5000 + "\n",  # deep: libyaml would recurse in C, unguarded
    "".join(" " * depth + "- \n" for depth in range(0, 400, 2)),
], ids=["alias", "key twice", "unsafe tag", "refused character", "not yaml", "two documents", "deep brackets",
        "deep indentation"])
def test_anything_unusual_is_left_to_the_checked_loader_which_words_it_as_before(text):
    assert safe_yaml._parse_plain(text) is None
    try:
        expected = checked(text)
    except YamlProblem as refused:
        with pytest.raises(YamlProblem) as also:
            parse_yaml(text, "session file")
        assert (str(also.value), also.value.line) == (str(refused), refused.line)
    else:
        assert parse_yaml(text, "session file").data == expected.data


def test_text_quoted_in_a_refusal_is_cut_as_shown_not_before_its_escapes():
    """Forty characters each shown as a ten-character escape made a refusal of over 200 characters (found
    by the damaged-session property test): the quote is cut at forty characters as shown."""
    from sahel_reader.story.safe_yaml import QUOTED_LENGTH, quoted

    escaped = "\U0001da8c\ud7fc" * 40
    shown = quoted(escaped)
    assert len(shown) <= QUOTED_LENGTH + 3 and shown.endswith("…") and shown.startswith("'\\U0001da8c")
    assert quoted("an unknown key") == "'an unknown key'"
    assert quoted("x" * 41) == repr("x" * 40) + "…"
