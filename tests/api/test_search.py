"""Candidate retrieval: word counts kept at ingest, and queries that use only rare words."""
from __future__ import annotations

from sqlmodel import Session

from api.services.retrieval import CandidateFinder, query_keys
from api.services.search import count_terms, index_key, index_terms

from .helpers import article, post


def test_index_terms_are_the_stems_the_index_stores():
    assert index_terms("The Minister SAID it was 40 days") == {"the", "minist", "said", "it", "wa", "40", "dai"}
    assert index_key("reporters") == index_key("reported") == "report"


def test_ingest_counts_each_word_once_per_mention(app, client, auth):
    post(client, auth, article(text="Floods hit the city of Lagos on Monday, officials said.\n"
                                    "Floods hit the city of Lagos again on Friday and again on Sunday."))
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        df = dict(s.connection().exec_driver_sql("SELECT term, df FROM term_stat").all())
    assert df[index_key("floods")] == 2 and df[index_key("friday")] == 1 and df["again"] == 1


def _chosen(finder, terms, budget):
    finder.budget = budget
    keys = query_keys(terms)
    chosen, recent = finder.choose(keys, finder.queries.document_frequencies(sorted(keys)))
    return [word for _, word in chosen], recent


def test_queries_use_the_rarest_words_under_the_cap(app):
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        count_terms(s.connection(), ["common words"] * 50 + ["rare zebra common"] + ["okapi common"] * 3)
        finder = CandidateFinder(s)
        # the rarest words while their postings add up to the budget: zebra (1) + okapi (3)
        assert _chosen(finder, ["common", "zebra", "okapi", "unseen"], 10) == (["zebra", "okapi"], False)
        assert _chosen(finder, ["zebras", "zebra"], 10) == (["zebras"], False)  # one stem, queried once
        assert _chosen(finder, ["common", "zebra", "okapi"], 3) == (["zebra"], False)
        # only common words: the two rarest, to be looked up among recent mentions only
        assert _chosen(finder, ["common", "words"], 10) == (["words", "common"], True)
        assert _chosen(finder, ["unseen"], 10) == ([], False)
        s.rollback()


def test_candidates_come_from_the_index_ranked_by_rare_words_shared(app, client, auth):
    data = post(client, auth, article(text="Floods hit Lagos on Monday.\nA drought hit Kano on Friday.\n"
                                           "Floods and a drought hit Lagos and Kano, officials said."))
    first, second, third = (m["id"] for m in data["mentions"])
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        finder = CandidateFinder(s)
        ranked = finder.find([["lagos", "floods"], ["kano"], ["zanzibar"]], limit=5).ranked
        rows = finder.load(mid for r in ranked for mid, _ in r)
    lagos = [mid for mid, _ in ranked[0]]
    assert lagos == [third, first]  # both hold both words: equal weight, newest first
    assert ranked[0][0][1] == ranked[0][1][1]
    assert [mid for mid, _ in ranked[1]] == [third, second]
    assert ranked[2] == []
    assert rows[first].view.text == "Floods hit Lagos on Monday."


def test_re_matching_sees_only_earlier_mentions(app, client, auth):
    data = post(client, auth, article(text="Floods hit Lagos on Monday.\nFloods hit Lagos again on Friday."))
    first, second = (m["id"] for m in data["mentions"])
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        ranked = CandidateFinder(s, before_id=second).find([["lagos"]], limit=5).ranked
    assert [mid for mid, _ in ranked[0]] == [first]


def test_common_words_are_looked_up_among_recent_mentions_only(app, client, auth, monkeypatch):
    from api.services import retrieval
    data = post(client, auth, article(text="Floods hit Lagos on Monday.\nFloods hit Kano on Friday.\n"
                                           "Floods hit Abuja on Sunday."))
    ids = [m["id"] for m in data["mentions"]]
    monkeypatch.setattr(retrieval, "RECENT_WINDOW", 2)  # the window: the two newest mentions
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        finder = CandidateFinder(s, budget=2)  # "floods" and "hit" (3 mentions each) are common
        ranked = finder.find([["floods", "hit"], ["abuja"]], limit=5).ranked
    assert [mid for mid, _ in ranked[0]] == [ids[2], ids[1]]  # newest first, the oldest is out of the window
    assert [mid for mid, _ in ranked[1]] == [ids[2]]  # a rare enough word is looked up everywhere
