"""POST/GET /v1/articles: ingest, idempotency, conflicts, validation, limits, rollback."""
from __future__ import annotations

import sqlite3

import pytest
from sqlmodel import Session, select

from api import create_app
from api.models import Article, Claim, Mention

from ..conftest import API_KEY, change_settings
from ..contract import ContractClient
from .helpers import article, post


def test_post_article_stores_it_with_mentions(client, auth):
    body = article()
    data = post(client, auth, body)
    assert data["id"] == 1
    assert data["outlet"] == {"slug": "example", "name": "Example", "domain": "example.com"}
    assert data["mentions"], "the extractor found no mention"
    for m in data["mentions"]:
        assert body["text"][m["start"]:m["end"]] == m["text"]
        assert m["claim_id"] and m["provenance"] == data["extractor"]
    quote = [m for m in data["mentions"] if m["is_quote"]]
    assert quote and quote[0]["speaker"] == "Jane Doe"


def test_the_ingest_answer_is_the_stored_article(client, auth):
    text = ("The health ministry said 111 hostages remain in Gaza.\n"
            "“We are working to make sure there is no escalation,” Antony Blinken said on Monday.\n"
            "Officials in Cairo said talks would resume, and Blinken added that time was short.")
    posted = post(client, auth, article("alpha.com", "Alpha", text, published_at="2024-08-19T10:30:00+02:00"))
    stored = client.get(f"/v1/articles/{posted['id']}").get_json()
    assert len(posted["mentions"]) >= 3
    assert posted == stored


def test_same_article_again_answers_200_with_the_stored_one(client, auth):
    body = article()
    first = post(client, auth, body)
    again = post(client, auth, body, status=200)
    assert again["id"] == first["id"]
    assert [m["id"] for m in again["mentions"]] == [m["id"] for m in first["mentions"]]
    assert client.get("/v1/articles").get_json()["items"].__len__() == 1


def test_same_url_spelled_differently_is_the_same_article(client, auth):
    body = article()
    post(client, auth, body)
    variant = dict(body, url=body["url"].replace("https://", "HTTPS://") + "/?utm_source=x#top")
    assert post(client, auth, variant, status=200)["url"] == body["url"]


def test_same_url_with_other_text_is_a_conflict(client, auth):
    body = article()
    post(client, auth, body)
    resp = client.post("/v1/articles", json=dict(body, text="Something else entirely happened."), headers=auth)
    assert resp.status_code == 409
    assert resp.mimetype == "application/problem+json"
    assert resp.get_json()["status"] == 409


def test_get_article_and_list(client, auth):
    a = post(client, auth, article("one.com"))
    post(client, auth, article("two.com", published_at="2024-08-20"))
    one = client.get(f"/v1/articles/{a['id']}").get_json()
    assert one["text"] and one["mentions"]
    listing = client.get("/v1/articles").get_json()
    assert [i["outlet"]["slug"] for i in listing["items"]] == ["two", "one"]
    assert client.get("/v1/articles?outlet=one").get_json()["items"][0]["id"] == a["id"]


def test_article_pagination_walks_every_item_once(client, auth):
    for i in range(5):
        post(client, auth, article(published_at=f"2024-08-1{i}"))
    seen, cursor = [], None
    while True:
        resp = client.get("/v1/articles?limit=2" + (f"&cursor={cursor}" if cursor else "")).get_json()
        seen += [i["id"] for i in resp["items"]]
        cursor = resp["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == [1, 2, 3, 4, 5] and len(seen) == 5


def test_unknown_article_is_404_problem(client):
    resp = client.get("/v1/articles/999")
    assert resp.status_code == 404 and resp.mimetype == "application/problem+json"
    assert set(resp.get_json()) >= {"type", "title", "status", "detail"}


def test_malformed_json_is_400_problem(client, auth):
    resp = client.post("/v1/articles", data="{not json", headers=dict(auth, **{"Content-Type": "application/json"}))
    assert resp.status_code == 400
    assert resp.get_json()["detail"] == "The request body is not valid JSON."


def test_invalid_fields_are_422_with_per_field_errors(client, auth):
    body = article()
    body["outlet"] = {"name": "X"}
    body["url"] = "not a url"
    body["published_at"] = "yesterday"
    body["surprise"] = 1
    resp = client.post("/v1/articles", json=body, headers=auth)
    assert resp.status_code == 422
    errors = resp.get_json()["errors"]
    assert set(errors) >= {"outlet.domain", "url", "published_at", "surprise"}


def test_a_date_time_before_year_one_in_utc_is_422(client, auth):
    resp = client.post("/v1/articles", json=article(published_at="0001-01-01T00:00:00+05:00"), headers=auth)
    assert resp.status_code == 422
    assert "published_at" in resp.get_json()["errors"]


def test_writes_need_a_valid_key(client, auth):
    body = article()
    missing = client.post("/v1/articles", json=body)
    assert missing.status_code == 401 and "Bearer" in missing.headers["WWW-Authenticate"]
    wrong = client.post("/v1/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "unknown" in wrong.get_json()["detail"]
    assert client.get("/v1/articles").status_code == 200  # reads are open by default


def test_reads_can_require_a_key(app, client, auth):
    change_settings(app, reads_need_key=True)
    assert client.get("/v1/claims").status_code == 401
    assert client.get("/v1/claims", headers=auth).status_code == 200
    assert client.get("/health").status_code == 200


def test_body_too_large_is_413(app, client, auth):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    resp = client.post("/v1/articles", json=article(text="x" * 2000), headers=auth)
    assert resp.status_code == 413 and resp.mimetype == "application/problem+json"


def test_article_text_limit_is_422(app, client, auth):
    change_settings(app, max_article_chars=50)
    resp = client.post("/v1/articles", json=article(), headers=auth)
    assert resp.status_code == 422 and "text" in resp.get_json()["errors"]


def test_client_claims_are_stored_as_given(client, auth):
    text = "Officials said 40,000 people left. \u201cWe will rebuild,\u201d the mayor said."
    claims = [{"start": 0, "end": 34, "is_quote": False, "speaker": "Officials"},
              {"text": text[35:], "start": 35, "end": len(text), "is_quote": True, "speaker": "the mayor"}]
    data = post(client, auth, article(text=text, claims=claims))
    assert [(m["text"], m["is_quote"], m["speaker"], m["provenance"]) for m in data["mentions"]] == [
        (text[0:34], False, "Officials", "client"), (text[35:], True, "the mayor", "client")]


def test_client_claims_must_fit_the_text(client, auth):
    text = "Short text here."
    bad = [{"start": 0, "end": 5, "text": "Wrong"}, {"start": 3, "end": 99}, {"start": 5, "end": 2}]
    resp = client.post("/v1/articles", json=article(text=text, claims=bad), headers=auth)
    assert resp.status_code == 422
    assert set(resp.get_json()["errors"]) >= {"claims.2.end"}
    resp = client.post("/v1/articles", json=article(text=text, claims=bad[:2]), headers=auth)
    assert set(resp.get_json()["errors"]) == {"claims.0.text", "claims.1.end"}


def test_non_english_articles_get_sentences_without_speakers(client, auth):
    text = "\u00ab C'est le moment \u00bb, a d\u00e9clar\u00e9 le ministre. Il est arriv\u00e9 lundi au Caire."
    data = post(client, auth, article(text=text, language="fr"))
    assert data["attribution"] is False
    assert data["notes"] == ["language 'fr': sentences only, speakers and quotations were not looked for"]
    assert data["mentions"] and all(m["speaker"] is None for m in data["mentions"])
    assert client.get(f"/v1/articles/{data['id']}").get_json() == data  # the same note read back


def test_failed_ingest_leaves_nothing_behind(app, client, auth, monkeypatch):
    components = app.extensions["claimtrack"]["components"]

    def explode(*_args, **_kwargs):
        raise RuntimeError("detector failure")

    monkeypatch.setattr(components, "detect", explode)
    post(client, auth, article("first.com"))  # no earlier mentions: the detector is not called
    resp = client.post("/v1/articles", json=article("second.com"), headers=auth)
    assert resp.status_code == 500 and resp.mimetype == "application/problem+json"
    assert "Traceback" not in resp.get_data(as_text=True)
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        assert len(s.exec(select(Article)).all()) == 1
        mentions = s.exec(select(Mention)).all()
        assert {m.article_id for m in mentions} == {1}
        assert all(c.outlet_count == 1 for c in s.exec(select(Claim)).all())


def test_a_write_lock_held_too_long_elsewhere_is_503_with_retry_after(database_url, components):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock; PostgreSQL writers wait on row and advisory locks")
    app = create_app({"DATABASE_URL": database_url, "COMPONENTS": components, "API_KEYS": [API_KEY],
                      "TESTING": True, "SQLITE_BUSY_TIMEOUT_MS": 50})
    app.test_client_class = ContractClient
    client, auth = app.test_client(), {"Authorization": f"Bearer {API_KEY}"}
    other = sqlite3.connect(database_url.removeprefix("sqlite:///"))
    try:
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        resp = client.post("/v1/articles", json=article("first.com"), headers=auth)
        assert resp.status_code == 503 and resp.mimetype == "application/problem+json"
        assert resp.headers["Retry-After"] == "1" and resp.get_json()["status"] == 503
    finally:
        other.rollback()
        other.close()
    assert client.post("/v1/articles", json=article("first.com"), headers=auth).status_code == 201
    app.extensions["claimtrack"]["engine"].dispose()


def test_nul_characters_are_422_not_a_database_error(client, auth):
    body = article(title="Minister\u0000visits")
    body["outlet"]["name"] = "Bad\u0000Name"
    resp = client.post("/v1/articles", json=body, headers=auth)
    assert resp.status_code == 422
    assert set(resp.get_json()["errors"]) == {"title", "outlet.name"}
    listed = client.get("/v1/claims", query_string={"outlet": "a\u0000b"})
    assert listed.status_code == 422 and "outlet" in listed.get_json()["errors"]
