"""The reader's verdicts on a fact's versions: a version taken out leaves the fact, whose status is
worked out again; another event makes a fact of its own; taking the verdict back restores the fact."""

import json

from sahel_reader.highlighters.sentences import split_sentences
from sahel_reader.story.analysis import analyse
from sahel_reader.story.annotations import Session, anchor_in
from sahel_reader.story.export import export
from sahel_reader.story.fact_verdicts import apply_version_verdicts
from sahel_reader.story.model import Document

TEXTS = {
    "a": "Gunmen killed 12 people in the market of Gao on Monday, officials said.",
    "b": "At least 12 people were killed when gunmen attacked the Gao market on Monday.",
    "c": "Gunmen killed 40 people in the market of Gao on Monday, a local official said.",
}


def story():
    return analyse([Document(id=doc, path=f"{doc}.txt", text=text, sentences=split_sentences(text))
                    for doc, text in TEXTS.items()])


def toll(story, doc):
    return next(c for c in story.claims if c.doc == doc and c.kind == "number" and c.text.endswith(("12", "40")))


def judge(story, session, opened, judged, verdict):
    fact = next(k for k in story.clusters if k.id == toll(story, opened).cluster)
    versions = [anchor_in(story, c.doc, c.sentence, c.id) for c in map(story.claim, fact.claims)]
    versions.sort(key=lambda a: a.doc != opened)
    target = toll(story, judged)
    return session.judge_version(versions, anchor_in(story, target.doc, target.sentence, target.id), verdict, "t")


def test_the_stories_toll_is_one_conflicting_fact_of_three_reports():
    made = story()
    fact = {toll(made, doc).cluster for doc in TEXTS}
    assert len(fact) == 1 and fact != {None}
    assert next(k for k in made.clusters if k.id in fact).status == "conflict"


def test_a_rejected_version_leaves_the_fact_and_the_rest_agree_and_taking_it_back_restores_it():
    made, session = story(), Session()
    fact_id = toll(made, "a").cluster
    assert judge(made, session, "a", "c", "rejected") == "rejected"
    changed = apply_version_verdicts(made, session.link_verdicts)
    fact = next(k for k in made.clusters if k.id == fact_id)
    assert fact_id in changed
    assert toll(made, "c").cluster is None and toll(made, "c").id not in fact.claims
    assert fact.status == "agree"
    assert made.judged.out_of(fact_id) == [toll(made, "c").id]
    assert judge(made, session, "a", "c", "rejected") is None  # the same key again takes it back
    apply_version_verdicts(made, session.link_verdicts)
    assert toll(made, "c").cluster == fact_id and fact.status == "conflict"
    assert made.judged.out_of(fact_id) == []


def test_another_event_makes_a_fact_of_its_own_and_confirming_puts_the_version_back():
    made, session = story(), Session()
    fact_id = toll(made, "a").cluster
    judge(made, session, "a", "c", "other-event")
    apply_version_verdicts(made, session.link_verdicts)
    own = next(k for k in made.clusters if k.id == toll(made, "c").cluster)
    assert own.id != fact_id and own.claims == [toll(made, "c").id] and own.status == "agree"
    assert "another event" in own.label
    assert next(k for k in made.clusters if k.id == fact_id).status == "agree"
    assert judge(made, session, "a", "c", "confirmed") == "confirmed"  # replaces the verdict
    apply_version_verdicts(made, session.link_verdicts)
    assert toll(made, "c").cluster == fact_id and own.id not in {k.id for k in made.clusters}


def test_the_version_judged_may_be_the_one_the_reader_opened():
    made, session = story(), Session()
    judge(made, session, "c", "c", "rejected")
    [verdict] = session.link_verdicts
    assert verdict.target.doc == "c" and verdict.source.doc != "c"
    apply_version_verdicts(made, session.link_verdicts)
    assert toll(made, "c").cluster is None


def test_applying_again_changes_nothing_and_orphaned_or_other_verdicts_do_not_count():
    made, session = story(), Session()
    judge(made, session, "a", "c", "rejected")
    apply_version_verdicts(made, session.link_verdicts)
    before = [(k.id, list(k.claims), k.status) for k in made.clusters]
    apply_version_verdicts(made, session.link_verdicts)
    assert [(k.id, list(k.claims), k.status) for k in made.clusters] == before
    session.link_verdicts[0].orphan = True
    apply_version_verdicts(made, session.link_verdicts)
    assert toll(made, "c").cluster == toll(made, "a").cluster


def test_exports_show_the_fact_as_the_reader_judged_it():
    made, session = story(), Session()
    judge(made, session, "a", "c", "rejected")
    fresh = story()  # as `sahel-reader export` has it: analysed anew from the session's reports
    assert [f["status"] for f in json.loads(export(Session(), story(), "json"))["facts"]] == ["conflict"]
    [fact] = json.loads(export(session, fresh, "json"))["facts"]
    assert fact["status"] == "agree" and set(fact["cells"]) == {"a", "b"}
    assert "rejected link" in export(session, fresh, "markdown")


def test_a_fact_of_one_version_has_nothing_to_judge_it_against():
    made, session = story(), Session()
    only = toll(made, "c")
    anchor = anchor_in(made, only.doc, only.sentence, only.id)
    assert session.judge_version([anchor], anchor, "rejected", "t") is None and not session.link_verdicts


HEIST = {
    "wire": "Thieves took €2m ($2.6m) from the Gao bank on Monday, police said.",
    "daily": "Thieves took $9m from the Gao bank on Monday, police said.",
    "gazette": "Thieves took €2m from the bank in Gao on Monday, officials said.",
}


def test_a_fact_that_loses_the_report_stating_a_rate_still_reads_its_amounts_at_that_rate():
    made = analyse([Document(id=d, path=f"{d}.txt", text=t, sentences=split_sentences(t)) for d, t in HEIST.items()])
    amounts = [c for c in made.claims if c.dimension == "currency"]
    fact = next(k for k in made.clusters if k.id == amounts[0].cluster)
    assert {c.cluster for c in amounts} == {fact.id} and fact.status == "conflict"
    session = Session()
    versions = [anchor_in(made, c.doc, c.sentence, c.id) for c in map(made.claim, fact.claims)]
    versions.sort(key=lambda anchor: anchor.doc != "daily")  # judged against the daily's version
    for claim in (c for c in amounts if c.doc == "wire"):
        session.judge_version(versions, anchor_in(made, claim.doc, claim.sentence, claim.id), "rejected", "t")
    apply_version_verdicts(made, session.link_verdicts)
    assert {made.claim(c).doc for c in fact.claims} == {"daily", "gazette"}
    assert fact.status == "conflict"  # $9m against €2m at the wire's rate, which taking its versions out does not unsay
