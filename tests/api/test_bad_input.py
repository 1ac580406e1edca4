"""Hostile or malformed input is a 4xx problem, never a 500 and never silently coerced:
tampered cursors, lone surrogates, ports out of range, deep JSON, NUL in a path, fractional
and non-ASCII numbers, LIKE wildcards, IPv6 hosts."""
from __future__ import annotations

import base64
import json

import pytest

from api import pagination

from .helpers import article, post

PROBLEM = "application/problem+json"


def _problem(resp, status: int) -> dict:
    assert resp.status_code == status, (resp.status_code, resp.data[:300])
    assert resp.mimetype == PROBLEM
    return resp.get_json()


def _unsigned(payload) -> str:
    """A cursor as a client could forge it: base64 of JSON, without the service's signature."""
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@pytest.mark.parametrize("cursor", [
    _unsigned({"s": "-last_seen", "k": "yesterday", "i": 1}),
    _unsigned({"s": "-last_seen", "k": {"dt": "not a date"}, "i": 1}),
    _unsigned({"s": "-last_seen", "k": None, "i": 10 ** 30}),
    _unsigned({"s": "-last_seen", "k": None, "i": "NaN"}),
    "eyJzIjoiLWxhc3Rfc2VlbiIsImsiOk5hTiwiaSI6MX0",  # {"s":"-last_seen","k":NaN,"i":1}
    "not-a-cursor", "....", "a" * 400,
])
def test_a_tampered_cursor_is_422(client, cursor):
    body = _problem(client.get("/v1/claims", query_string={"cursor": cursor}), 422)
    assert "cursor" in body["errors"]


def test_a_signed_cursor_of_another_shape_is_422(app, client):
    with app.app_context():
        for cursor in (pagination.encode("-last_seen", "a string", 1),  # a string where a date is expected
                       pagination.encode("-last_seen", float("nan"), 1),
                       pagination.encode("-last_seen", None, 2 ** 40),
                       pagination.encode("-mention_count", {"dt": "2024-01-01T00:00:00"}, 1)):
            sort = "mention_count" if "mention" in cursor else None
            query = {"cursor": cursor, **({"sort": "-mention_count"} if sort else {})}
            assert _problem(client.get("/v1/claims", query_string=query), 422)["errors"]["cursor"]


def test_real_cursors_still_page(client, auth):
    for i in range(3):
        post(client, auth, article(f"outlet{i}.example"))
    first = client.get("/v1/articles?limit=2").get_json()
    second = client.get("/v1/articles", query_string={"limit": 2, "cursor": first["next_cursor"]})
    assert second.status_code == 200 and len(second.get_json()["items"]) == 1


def test_a_lone_surrogate_is_422(client, auth):
    raw = json.dumps(article(title="Minister \ud800 visits"))  # json.dumps escapes it as \ud800
    assert "title" in _problem(client.post("/v1/articles", data=raw, content_type="application/json",
                                           headers=auth), 422)["errors"]
    raw = '{"a": "a \\ud800 sentence", "b": "another sentence"}'
    _problem(client.post("/v1/similarity", data=raw, content_type="application/json"), 422)
    raw = json.dumps({"text": "x", "outlet": {"name": "A", "domain": "a.com", "\udfff": 1}})
    _problem(client.post("/v1/articles", data=raw, content_type="application/json", headers=auth), 422)


def test_a_port_out_of_range_is_422(client, auth):
    body = _problem(client.post("/v1/articles", json=article(url="https://example.com:99999/a"), headers=auth), 422)
    assert "url" in body["errors"]


def test_json_nested_too_deep_is_400(client, auth):
    for depth in (33, 1_000, 100_000):
        deep = "[" * depth + "]" * depth
        _problem(client.post("/v1/similarity", data=deep, content_type="application/json"), 400)
        deep = '{"a":' * depth + "1" + "}" * depth
        _problem(client.post("/v1/articles", data=deep, content_type="application/json", headers=auth), 400)


def test_a_nul_or_surrogate_in_a_path_is_404(client):
    for path in ("/v1/outlets/a%00b", "/v1/outlets/a%ED%A0%80b"):
        _problem(client.get(path), 404)


def test_a_fraction_is_not_truncated(client, auth):
    body = article(claims=[{"start": 0.5, "end": 20}])
    assert "claims.0.start" in _problem(client.post("/v1/articles", json=body, headers=auth), 422)["errors"]
    body = article(claims=[{"start": 0, "end": 20.0}])
    _problem(client.post("/v1/articles", json=body, headers=auth), 422)
    _problem(client.get("/v1/claims?limit=2.5"), 422)


def test_unicode_digits_are_not_ids(client, auth, two_outlets):
    for path in ("/v1/claims/\u0661", "/v1/articles/\u0661", "/v1/claims/%D9%A1", "/v1/articles/\uff11"):
        _problem(client.get(path), 404)
    for query in ("/v1/claims?limit=\u0662", "/v1/curation?claim=\u0661", "/v1/disagreements?claim=+1",
                  "/v1/outlets?limit=\u0663"):
        _problem(client.get(query), 422)
    _problem(client.post("/v1/mentions/\u0661/move", json={"claim_id": None}, headers=auth), 404)


def test_like_wildcards_in_speaker_are_literal(client, two_outlets):
    assert client.get("/v1/claims?speaker=Blinken").get_json()["items"]
    for wildcard in ("%", "_", "B%n", "Blinke_"):
        assert client.get("/v1/claims", query_string={"speaker": wildcard}).get_json()["items"] == []


def test_an_ipv6_host_keeps_its_brackets(client, auth):
    stored = post(client, auth, article(url="http://[::1]/x"))
    assert stored["url"] == "http://[::1]/x"
    again = post(client, auth, article(url="http://[::1]:80/x"), status=200)
    assert again["id"] == stored["id"]
