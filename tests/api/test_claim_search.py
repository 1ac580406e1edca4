"""``q`` on the claim listing: complete results whatever the number of matches, phrases, OR,
prefixes and a relevance order, the same on SQLite (FTS5) and PostgreSQL (tsquery)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import insert
from sqlmodel import Session

from api.models import Article, Claim, Mention, Outlet
from api.services.search_syntax import Term, fts5, parse, tsquery


START = datetime(2020, 1, 1, tzinfo=timezone.utc)
SENTENCES = ["The harbour master said the ferry to the island was cancelled because of high winds.",
             "Fishing boats stayed in port for a third day as the storm battered the coast.",
             "The island council asked residents to stock up on drinking water."]


def store(app, sentences: list[str]) -> None:
    """One claim per sentence, each with one mention, the later ones seen later (written
    directly: the extractor's choices are not what these tests are about)."""
    n = len(sentences)
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        conn = s.connection()
        conn.execute(insert(Outlet), [{"id": 1, "slug": "wire", "name": "Wire", "domain": "wire.example",
                                       "created_at": START}])
        conn.execute(insert(Article), [{"id": 1, "outlet_id": 1, "url": "https://wire.example/1", "title": "t",
                                        "published_at": START, "text": "x", "content_hash": "h", "extractor": "test",
                                        "extractor_version": "1", "language": "en", "attribution": True,
                                        "ingested_at": START}])
        conn.execute(insert(Claim), [{"id": i, "text": sentences[i - 1], "kind": "statement", "mention_count": 1,
                                      "outlet_count": 1, "disagreement_count": 0, "first_outlet_id": 1,
                                      "first_seen": START + timedelta(minutes=i), "created_at": START,
                                      "last_seen": START + timedelta(minutes=i)} for i in range(1, n + 1)])
        conn.execute(insert(Mention), [{"id": i, "article_id": 1, "claim_id": i, "start": 0, "end": 1,
                                        "text": sentences[i - 1], "is_quote": False, "kind": "statement",
                                        "quote_spans": [], "provenance": "test", "pinned": False, "created_at": START}
                                       for i in range(1, n + 1)])
        s.commit()


def texts(client, query: str) -> list[str]:
    resp = client.get("/v1/claims?" + query)
    assert resp.status_code == 200, resp.get_json()
    return [c["text"] for c in resp.get_json()["items"]]


def test_the_syntax_is_parsed_once_and_written_for_both_engines():
    clauses = parse('"harbour master" OR ferr* island')
    assert clauses == [[Term(("harbour", "master")), Term(("ferr",), prefix=True)], [Term(("island",))]]
    assert fts5(clauses) == '("harbour master" OR "ferr"*) AND ("island")'
    assert tsquery(clauses) == "(('harbour' <-> 'master') | ('ferr':*)) & (('island'))"
    assert parse('OR "" *') == [] and parse("x OR") == [[Term(("x",))]]
    assert fts5(parse('drop"; table')) == '("drop") AND ("table")'  # no syntax gets through


def test_phrases_or_and_prefixes(app, client):
    store(app, SENTENCES)
    assert len(texts(client, "q=island")) == 2
    assert texts(client, 'q="harbour master"') == texts(client, "q=harbour master") == SENTENCES[:1]
    assert texts(client, 'q="master harbour"') == []
    assert len(texts(client, "q=ferry OR boats")) == 2
    assert texts(client, "q=harb*") == SENTENCES[:1] and texts(client, "q=harb") == []
    assert len(texts(client, "q=island OR boats&sort=relevance")) == 3
    assert client.get("/v1/claims?sort=relevance").status_code == 422
    assert texts(client, "q=%22%22") == []


def test_relevance_puts_the_closer_match_first_and_pages(app, client):
    store(app, ["Winds closed the bridge on the northern road.", "High winds and more high winds closed the high bridge."])
    first = client.get("/v1/claims?q=high%20OR%20winds&sort=relevance&limit=1").get_json()
    assert first["items"][0]["text"].startswith("High winds")
    rest = client.get(f"/v1/claims?q=high%20OR%20winds&sort=relevance&limit=1&cursor={first['next_cursor']}").get_json()
    assert [c["text"] for c in rest["items"]] == ["Winds closed the bridge on the northern road."]
    assert rest["next_cursor"] is None
    other = client.get(f"/v1/claims?q=bridge&sort=relevance&cursor={first['next_cursor']}")
    assert other.status_code == 422  # a cursor continues only its own search


def test_many_matches_are_never_cut_off(app, client):
    """6,000 matching mentions (the old cap was 5,000): the newest claim still comes first."""
    n = 6000
    store(app, [f"Lighthouse report number {i}." for i in range(1, n + 1)])
    assert client.get("/v1/claims?q=lighthouse&limit=1").get_json()["items"][0]["id"] == n
    assert client.get("/v1/claims?q=lighthouse&sort=last_seen&limit=1").get_json()["items"][0]["id"] == 1


WALK_WORDS = ["storm", "ferry", "council", "harbour", "island", "water"]


def many(n: int) -> list[str]:
    """``n`` distinct sentences, every one holding "said", some few the rarer words."""
    return [f"Officer {i} said the {WALK_WORDS[i % len(WALK_WORDS)]} report number {i} was late."
            + (" The island was quiet." if i % 7 == 0 else "") for i in range(n)]


def pages(client, query: str) -> list[list[int]]:
    """Every page of a listing, as claim ids, following the cursors."""
    out, url = [], "/v1/claims?" + query
    while True:
        resp = client.get(url)
        assert resp.status_code == 200, resp.get_json()
        body = resp.get_json()
        out.append([c["id"] for c in body["items"]])
        if not body["next_cursor"]:
            return out
        url = "/v1/claims?" + query + "&cursor=" + body["next_cursor"]


def test_a_query_most_claims_match_is_tested_claim_by_claim_with_the_same_answer(app, client, monkeypatch):
    """On SQLite a common query walks the sort's index and tests each claim
    (``claims_matching``); the pages are those of reading every match, for every sort, deep pages
    and a filter included."""
    from api.services import search

    sentences = many(30)
    store(app, sentences)
    walked = []
    monkeypatch.setattr(search, "claim_has_match", lambda e, f=search.claim_has_match: walked.append(e) or f(e))
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        search.count_terms(s.connection(), sentences)
        s.commit()
    queries = ["q=said", "q=said%20island", "q=island%20OR%20ferry", "q=offic*", "q=%22report%20number%22",
               "q=said&since=2020-01-01T00:30:00Z"]
    for query in queries:
        for sort in ("-last_seen", "first_seen", "-outlet_count"):
            q = f"{query}&sort={sort}&limit=8"
            monkeypatch.setattr(search, "WALK_SHARE", 2.0)  # never walk
            expected = pages(client, q)
            monkeypatch.setattr(search, "WALK_SHARE", 1e-12)  # walk whenever the engine can
            walked.clear()
            app.extensions["claimtrack"]["read_cache"].clear()  # (the same URLs: answer them again)
            assert pages(client, q) == expected, q
            assert sum(map(len, expected)) > 0, q
            assert walked or app.extensions["claimtrack"]["engine"].dialect.name != "sqlite", q


def test_the_estimate_counts_words_prefixes_phrases_and_clauses(app):
    from api.services import search

    sentences = ["The storm hit the coast."] * 30 + ["The ferry sailed at dawn."] * 10 + ["A stormy night."] * 10
    store(app, [f"{t} ({i})" for i, t in enumerate(sentences)])
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        search.count_terms(s.connection(), sentences)
        est = lambda q: search.estimated_matches(s, parse(q))

        assert est("storm") == (30, 50) and est("zebra") == (0, 50)
        assert est("storm OR ferry") == (40, 50)
        assert est("storm ferry")[0] == 50 * (30 / 50) * (10 / 50)  # as if independent
        assert est('"the storm"')[0] == search.PHRASE_SHARE * 30  # a share of its rarest word
        assert est("storm*")[0] == 30 + 10  # "storm" and "stormi"
        s.rollback()
