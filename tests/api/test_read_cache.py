"""The read cache (api.read_cache): an answer is given again from memory only while the store's
generation is the one it was read at, whoever writes (another app on the same store, plain SQL),
and a cached answer is the same answer, 304 and headers included."""
from __future__ import annotations

from sqlalchemy import text

from api import create_app
from api.db import GenerationReader, current_generation, make_engine
from api.read_cache import Entry, ReadCache
from api.resources import claims as claims_resource

from .conftest import TEXT_A
from .helpers import article, post

SENTENCE = "The port authority said 4,200 containers were stranded at the terminal on Friday."
PER_REQUEST = ("X-Request-ID", "RateLimit-Remaining", "RateLimit-Reset")  # (a cached answer counts too)


def _same_answer(a, b) -> None:
    assert a.status_code == b.status_code == 200
    assert a.data == b.data
    strip = {k: v for k, v in a.headers.items() if k not in PER_REQUEST}
    assert strip == {k: v for k, v in b.headers.items() if k not in PER_REQUEST}


def _count_views(monkeypatch) -> list:
    """Count the claim detail's runs of its service (a cached answer runs none)."""
    calls, real = [], claims_resource.service.claim_detail

    def counted(session, claim_id):
        calls.append(claim_id)
        return real(session, claim_id)

    monkeypatch.setattr(claims_resource.service, "claim_detail", counted)
    return calls


def test_a_repeated_read_is_the_same_answer_from_memory(app, client, auth, monkeypatch):
    claim_id = post(client, auth, article("alpha.com", text=SENTENCE))["mentions"][0]["claim_id"]
    calls = _count_views(monkeypatch)
    first, second = client.get(f"/v1/claims/{claim_id}"), client.get(f"/v1/claims/{claim_id}")
    assert len(calls) == 1
    _same_answer(first, second)
    assert second.headers["ETag"] and second.headers["Last-Modified"] and second.headers["Cache-Control"]
    again = client.get(f"/v1/claims/{claim_id}", headers={"If-None-Match": second.headers["ETag"]})
    assert again.status_code == 304 and len(calls) == 1
    # another query string is another answer
    listing = [client.get("/v1/claims?limit=1").get_json(), client.get("/v1/claims?limit=2").get_json()]
    assert len(listing[0]["items"]) == 1 and len(listing[1]["items"]) == 1  # (one claim stored)


def test_a_write_by_another_app_is_seen_at_once(app, client, auth, database_url, components, monkeypatch):
    claim_id = post(client, auth, article("alpha.com", text=SENTENCE))["mentions"][0]["claim_id"]
    before = client.get(f"/v1/claims/{claim_id}").get_json()
    assert client.get(f"/v1/claims/{claim_id}").get_json() == before  # (kept)
    other = create_app({"DATABASE_URL": database_url, "COMPONENTS": components, "API_KEYS": ["other-key-0123456789"],
                        "TESTING": True})
    try:  # another worker (its own engine and connections) stores a second outlet's report
        resp = other.test_client().post("/v1/articles", json=article("beta.org", text=SENTENCE),
                                        headers={"Authorization": "Bearer other-key-0123456789"})
        assert resp.status_code == 201
    finally:
        other.extensions["claimtrack"]["engine"].dispose()
    after = client.get(f"/v1/claims/{claim_id}").get_json()
    assert before["outlet_count"] == 1 and after["outlet_count"] == 2
    assert len(after["outlets"]) == 2


def test_a_write_in_plain_sql_is_seen_at_once(app, client, auth, database_url):
    post(client, auth, article("alpha.com", text=SENTENCE))
    before = client.get("/v1/outlets?limit=10").get_json()
    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:  # (a script or the command line, outside the app)
            conn.execute(text("UPDATE outlet SET name = 'Renamed' WHERE domain = 'alpha.com'"))
    finally:
        engine.dispose()
    after = client.get("/v1/outlets?limit=10").get_json()
    assert [o["name"] for o in before["items"]] != [o["name"] for o in after["items"]]
    assert "Renamed" in [o["name"] for o in after["items"]]


def test_every_write_of_an_ingest_or_a_dismissal_moves_the_generation(app, client, auth, two_outlets):
    engine = app.extensions["claimtrack"]["engine"]
    start = current_generation(engine)
    post(client, auth, article("gamma.net", "Gamma", TEXT_A, published_at="2024-08-21"))
    after_ingest = current_generation(engine)
    assert after_ingest > start
    items = client.get("/v1/disagreements?limit=1").get_json()["items"]
    if items:
        client.post(f"/v1/disagreements/{items[0]['id']}/dismiss", json={"reason": "same"}, headers=auth)
        assert current_generation(engine) > after_ingest
    reads = current_generation(engine)
    client.get("/v1/claims"), client.get("/v1/claims")
    assert current_generation(engine) == reads  # (reads move nothing)


def test_answers_other_than_200_are_not_kept(app, client):
    assert client.get("/v1/claims/999").status_code == 404
    assert client.get("/v1/claims?kidn=x").status_code == 422
    assert len(app.extensions["claimtrack"]["read_cache"]) == 0


def test_off_when_its_size_is_0(database_url, components):
    app = create_app({"DATABASE_URL": database_url, "COMPONENTS": components, "TESTING": True, "READ_CACHE_MB": 0})
    try:
        assert "read_cache" not in app.extensions["claimtrack"]
        assert app.test_client().get("/v1/claims").status_code == 200
    finally:
        app.extensions["claimtrack"]["engine"].dispose()


def test_the_least_recently_used_answers_leave_first():
    cache = ReadCache(800)
    for n in range(8):
        cache.put(f"/{n}", Entry(b"x" * 90, (), 1))
    assert cache.get("/0") is not None  # (now the most recently used)
    cache.put("/8", Entry(b"x" * 90, (), 1))
    assert cache.get("/1") is None and cache.get("/0") is not None and cache.get("/8") is not None
    cache.put("/big", Entry(b"x" * 200, (), 1))  # more than an eighth: not kept
    assert cache.get("/big") is None


def test_the_generation_reader_sees_each_commit(app, database_url):
    engine = app.extensions["claimtrack"]["engine"]
    read = GenerationReader(engine)
    first = read()
    assert first == read() == current_generation(engine)
    other = make_engine(database_url)
    try:
        with other.begin() as conn:  # (another connection commits a write)
            conn.execute(text("INSERT INTO outlet (slug, name, domain, created_at) VALUES ('x-org', 'X', 'x.org', CURRENT_TIMESTAMP)"))
    finally:
        other.dispose()
    assert read() > first and read() == current_generation(engine)
