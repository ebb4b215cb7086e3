"""`claims --json` keeps the contract of docs/claims-json.md."""

import json

from sahel_reader.cli import main

NUMBER_KEYS = {"id", "doc", "kind", "start", "end", "text", "sentence", "value", "low", "high",
               "qualifier", "quantity", "unit", "dimension", "per", "base_value", "base_low", "base_high",
               "base_unit", "when", "role", "dateline", "counts", "event", "source"}
QUOTE_KEYS = {"id", "doc", "kind", "start", "end", "text", "sentence", "speaker", "speaker_text",
              "speaker_start", "speaker_end"}


def test_claims_json_follows_the_contract(capsys, seed_story):
    assert main(["claims", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"documents", "claims", "clusters", "sentence_links"}
    texts = {d.id: d.text for d in seed_story.documents}
    assert [d["id"] for d in data["documents"]] == sorted(texts)
    for document in data["documents"]:
        assert set(document) == {"id", "path", "title", "outlet", "published", "url", "sentences"}
        assert all(0 <= s < e <= len(texts[document["id"]]) for s, e in document["sentences"])
    claim_ids = set()
    for claim in data["claims"]:
        assert set(claim) == (NUMBER_KEYS if claim["kind"] == "number" else QUOTE_KEYS)
        assert texts[claim["doc"]][claim["start"]:claim["end"]] == claim["text"]
        if claim["kind"] == "quote" and claim["speaker_text"] is not None:
            said_by = texts[claim["doc"]][claim["speaker_start"]:claim["speaker_end"]]
            assert said_by == claim["speaker_text"] and claim["speaker"] in texts[claim["doc"]]
        claim_ids.add(claim["id"])
    quotes = [c for c in data["claims"] if c["kind"] == "quote"]
    assert any(c["speaker_text"] and c["speaker_text"] != c["speaker"] for c in quotes)  # "He" → a name
    assert all((c["speaker"] is None) == (c["speaker_text"] is None) for c in quotes)
    toll = next(c for c in data["claims"] if c["text"] == "in the 70s")
    assert (toll["value"], toll["low"], toll["high"], toll["qualifier"]) == (70, 70, 79, "range")
    assert isinstance(toll["value"], int)
    for cluster in data["clusters"]:
        assert set(cluster) == {"id", "kind", "label", "status", "claims"}
        assert cluster["status"] in ("agree", "conflict") and set(cluster["claims"]) <= claim_ids
        assert len({c.split("#")[0] for c in cluster["claims"]}) >= 2
    link = data["sentence_links"][0]
    assert set(link) == {"from", "to", "score", "cluster"} and len(link["from"]) == 2


def test_sentence_links_are_written_as_their_json_is(seed_story):
    """``write_json`` writes links by a fast path: the same bytes as encoding each link's JSON."""
    import io

    from sahel_reader.story.sentence_links import link_json

    written = io.StringIO()
    seed_story.write_json(written)
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    expected = ",".join("\n " + encode(link_json(link)) for link in seed_story.sentence_links)
    assert expected and written.getvalue().split('"sentence_links": [', 1)[1] == expected + "\n]\n}\n"


def test_links_and_claims_are_written_the_same_when_few_of_their_lines_are_kept(seed_story, monkeypatch):
    """The rests of link and claim lines kept for reuse are dropped when there are too many: the bytes stay the same."""
    import io

    from sahel_reader.story import analysis

    whole = io.StringIO()
    seed_story.write_json(whole)
    monkeypatch.setattr(analysis, "_RESTS_KEPT", 2)
    few = io.StringIO()
    seed_story.write_json(few)
    assert len({link[1:] for link in seed_story.sentence_links}) > 2
    assert len({(c.value, c.unit, c.source) for c in seed_story.claims if c.kind == "number"}) > 2
    assert few.getvalue() == whole.getvalue()


def test_figures_whose_values_are_equal_numbers_of_other_types_are_written_as_their_json_is(seed_story):
    """A figure's written rest is reused for figures with equal fields: 2 and 2.0, 0.0 and -0.0, 1.5
    and an equal value are still written as each one's JSON."""
    import copy
    import io

    story = copy.deepcopy(seed_story)
    number = next(c for c in story.claims if c.kind == "number" and c.unit is None)
    for index, (value, low) in enumerate([(2, 2), (2.0, 2.0), (0.0, -0.0), (-0.0, 0), (1.5, 1), (1.5, 1.0)]):
        twin = copy.copy(number)
        twin.id, twin.value, twin.low, twin.high = f"twin#{index}", value, low, None
        story.claims.append(twin)
    written = io.StringIO()
    story.write_json(written)
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    claims = ",".join("\n " + encode(claim.to_json()) for claim in story.claims)
    assert written.getvalue().split('"claims": [', 1)[1].split("\n],\n", 1)[0] == claims


def test_claims_and_links_are_written_as_their_json_is_in_both_encodings(seed_story):
    """``write_json`` writes claims and links by fast paths: the same bytes as encoding each one's
    JSON, in UTF-8 and in ASCII with escapes, with odd values too (a non-ASCII text, a float, a
    figure too big for a float)."""
    import copy
    import io

    from sahel_reader.story.sentence_links import link_json

    story = copy.deepcopy(seed_story)
    number = next(c for c in story.claims if c.kind == "number")
    odd = copy.copy(number)
    odd.id, odd.text, odd.value, odd.low, odd.high = "odd#1", "≈ 2½ “km”\u2028", 2.5, float("inf"), 1e300
    odd.unit, odd.dimension, odd.source = "kilometer", "length", "l'ONU \\ \"x\""
    story.claims.append(odd)
    for ascii_only in (False, True):
        written = io.StringIO()
        story.write_json(written, ascii_only=ascii_only)
        encode = json.JSONEncoder(ensure_ascii=ascii_only, allow_nan=False).encode
        claims = ",".join("\n " + encode(claim.to_json()) for claim in story.claims)
        links = ",".join("\n " + encode(link_json(link)) for link in story.sentence_links)
        text = written.getvalue()
        assert text.split('"claims": [', 1)[1].split("\n],\n", 1)[0] == claims
        assert text.split('"sentence_links": [', 1)[1] == links + "\n]\n}\n"
        assert json.loads(text)["claims"][-1]["text"] == odd.text
