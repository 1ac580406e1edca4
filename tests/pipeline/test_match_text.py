"""Unit tests for the matcher's text analysis, pair features and search terms."""
import re

from api.pipeline.match import Matcher
from api.pipeline.match.analysis import analyse
from api.pipeline.match.candidates import search_terms
from api.pipeline.match.features import pair_features, quote_overlap
from api.pipeline.text import STOPWORDS


def test_numbers_are_normalised():
    for text in ("more than 40,000 people", "over forty thousand people", "some 40k people"):
        assert "#40000" in analyse(text).numbers, text
    assert "#2500000000" in analyse("a $2.5 billion deal").numbers
    assert "#9" in analyse("his ninth visit").numbers and "#9" in analyse("his 9th visit").numbers
    assert not analyse("no one takes any steps").numbers


def test_paraphrase_groups_and_irregular_verbs():
    a, b = analyse("Blinken touched down in Israel"), analyse("Blinken arrived in Israel")
    assert set(a.content) == set(b.content)
    assert set(analyse("he met them").content) == set(analyse("he meets them").content)
    assert set(analyse("a mission to the region").content) == set(analyse("a visit to the area").content)


def test_entities_are_capitalised_tokens_not_starting_a_sentence():
    a = analyse("Protesters sat outside Israel's parliament in Jerusalem. Herzog met Blinken.")
    assert {"israel", "jerusalem", "blinken"} <= a.entities
    assert "protest" not in a.entities and "herzog" not in a.entities
    assert "usa" in analyse("the U.S. envoy").content or "us" in analyse("the U.S. envoy").content


def test_quotes_from_marks_and_spans():
    a = analyse('He said it was the \u201clast opportunity\u201d for a deal')
    assert a.quotes == (("last", "opportunity"),)
    b = analyse("maybe the last opportunity to get the hostages home")
    assert quote_overlap(a, b) == 2
    assert quote_overlap(analyse('the "best chance" now'), b) == 0


def test_entity_and_number_mismatch_features():
    f = pair_features(analyse("He will meet Israeli Defence Minister, Yoav Gallant, later."),
                      analyse("Blinken later met with Israeli Prime Minister Benjamin Netanyahu."))
    assert f["ent_miss_min"] >= 2
    g = pair_features(analyse("Hamas holds 111 hostages"), analyse("Hamas holds 115 hostages"))
    assert g["num_conflict"] == 1.0 and g["cov_short"] == 1.0


def test_search_terms_prefer_names_and_numbers():
    terms = search_terms("US Secretary of State Antony Blinken met Israeli Prime Minister "
                         "Benjamin Netanyahu in Jerusalem, where 40,000 people protested.", limit=6)
    assert len(terms) == 6
    assert {"blinken", "netanyahu", "jerusalem"} <= set(terms)
    for t in terms:
        assert re.fullmatch(r"[a-z0-9]+", t) and t not in STOPWORDS


def test_search_terms_edge_cases():
    assert search_terms("") == []
    assert search_terms("It is what it is.") == []
    assert search_terms("Israel's army said it's over", limit=3) == ["israel", "army"]
    assert search_terms("a b c", limit=0) == []
    terms = Matcher().search_terms("Herzog met Blinken in Jerusalem", limit=2)
    assert set(terms) == {"blinken", "jerusalem"}
