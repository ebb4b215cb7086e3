"""The seed story: the facts of the Bamako attack linked across reports, other events kept apart."""

from sahel_reader.highlighters.sentences import split_sentences
from sahel_reader.story.analysis import analyse
from sahel_reader.story.model import Document


def cluster_with(story, doc_prefix: str, text: str):
    claim = next(c for c in story.claims if c.doc.startswith(doc_prefix) and c.text == text)
    return claim, next((k for k in story.clusters if claim.id in k.claims), None)


def test_the_death_toll_is_one_conflicting_cluster_across_four_reports(seed_story):
    _, toll = cluster_with(seed_story, "000", "77")
    assert toll is not None and toll.label == "death toll" and toll.status == "conflict"
    members = {(seed_story.claim(c).doc[:3], seed_story.claim(c).text) for c in toll.claims}
    assert {("000", "77"), ("000", "almost 100"), ("001", "77"), ("002", "77"),
            ("002", "an estimated 100"), ("004", "in the 70s"), ("004", "around 70")} <= members
    for doc, text in [("001", "approximately 100"), ("000", "More than 70"), ("004", "dozens")]:
        assert cluster_with(seed_story, doc, text)[1] is toll


def test_injured_named_victims_and_burials_are_each_one_cluster(seed_story):
    _, injured = cluster_with(seed_story, "000", "255")
    assert injured.label == "injured" and injured.status == "conflict"  # 200 against 255
    assert cluster_with(seed_story, "002", "255")[1] is injured
    _, named = cluster_with(seed_story, "000", "81")
    assert named.status == "agree" and {seed_story.claim(c).doc[:3] for c in named.claims} == {"000", "001", "002"}
    _, burials = cluster_with(seed_story, "000", "some fifty")
    assert burials.status == "agree"
    assert cluster_with(seed_story, "001", "approximately 50")[1] is burials
    assert cluster_with(seed_story, "004", "about 50")[1] is burials


def test_other_events_stay_out_of_the_attacks_clusters(seed_story):
    _, toll = cluster_with(seed_story, "000", "77")
    _, burials = cluster_with(seed_story, "000", "some fifty")
    for text in ("about 50", "at least 20", "six", "one"):  # July ambush, 2015 hotel, 2022 checkpoint
        claim, cluster = cluster_with(seed_story, "003", text)
        assert cluster not in (toll, burials), (text, cluster)
    claim, cluster = cluster_with(seed_story, "004", "thousands")
    assert cluster is None


def test_the_same_quotation_in_two_reports_is_a_quote_cluster(seed_story):
    claim, cluster = cluster_with(seed_story, "000", "“some human lives were lost,”")
    assert cluster is not None and cluster.kind == "quote" and cluster.status == "agree"
    assert {seed_story.claim(c).doc[:3] for c in cluster.claims} == {"000", "001"}


def test_a_changed_wording_of_a_quotation_is_a_conflict():
    texts = {
        "a": "The minister said “we will rebuild every single home in the valley this year” on Monday.",
        "b": "The minister said “we will rebuild every home in the valley this year” on Monday.",
    }
    docs = [Document(id=k, path=k, text=t, sentences=split_sentences(t)) for k, t in texts.items()]
    story = analyse(docs)
    quotes = [k for k in story.clusters if k.kind == "quote"]
    assert len(quotes) == 1 and quotes[0].status == "conflict"


def test_sentences_telling_the_same_thing_are_linked_with_a_score(seed_story):
    doc0 = seed_story.documents[0]
    died = next(i for i, (s, e) in enumerate(doc0.sentences) if "77 people had died" in doc0.text[s:e])
    links = [(target, score, cluster) for source, target, score, cluster in seed_story.sentence_links
             if source == (doc0.id, died)]
    assert links, "the 77 sentence has no links"
    (best_doc_id, best_sentence), _, _ = max(links, key=lambda link: link[1])
    best_doc = seed_story.document(best_doc_id)
    assert "77 individuals were killed" in best_doc.text[slice(*best_doc.sentences[best_sentence])]
    assert all(0 < score <= 1 for _, score, _ in links)
    assert any(cluster for _, _, cluster in links)


def test_links_are_symmetric_and_never_within_one_report(seed_story):
    pairs = {(source, target) for source, target, _, _ in seed_story.sentence_links}
    assert all((target, source) in pairs for source, target in pairs)
    assert all(source[0] != target[0] for source, target in pairs)
