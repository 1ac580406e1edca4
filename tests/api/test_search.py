"""Candidate retrieval: word counts kept at ingest, and queries that use only rare words."""
from __future__ import annotations

from sqlmodel import Session

from api.services.search import candidate_mention_ids, count_terms, index_key, index_terms, rare_terms

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


def test_queries_use_the_rarest_words_under_the_cap(app):
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        count_terms(s.connection(), ["common words"] * 50 + ["rare zebra common"] + ["okapi common"] * 3)
        # the rarest words while their postings add up to the budget: zebra (1) + okapi (3)
        assert rare_terms(s, ["common", "zebra", "okapi", "unseen"], budget=10) == (["zebra", "okapi"], False)
        assert rare_terms(s, ["zebras", "zebra"], budget=10) == (["zebras"], False)  # one stem, queried once
        assert rare_terms(s, ["common", "zebra", "okapi"], budget=3) == (["zebra"], False)
        # only common words: the two rarest, to be looked up among recent mentions only
        assert rare_terms(s, ["common", "words"], budget=10) == (["words", "common"], True)
        assert rare_terms(s, ["unseen"], budget=10) == ([], False)
        s.rollback()


def test_candidates_come_from_the_index(app, client, auth):
    data = post(client, auth, article(text="Floods hit Lagos on Monday.\nA drought hit Kano on Friday."))
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        lagos = candidate_mention_ids(s, ["lagos", "floods"], limit=5)
    assert lagos == [data["mentions"][0]["id"]]
