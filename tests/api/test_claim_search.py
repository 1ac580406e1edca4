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
