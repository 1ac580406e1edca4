"""HTTP conventions: validators and 304s on every GET, unknown query parameters refused, JSON
required on writes, a hint for a trailing slash, and problem titles as the contract shows them."""
from __future__ import annotations

import pytest

from api import create_app

from ..contract import spec
from .conftest import mention_with


def gets(claim_id: int, disagreement_id: int, article_id: int) -> list[str]:
    return ["/v1/claims", f"/v1/claims/{claim_id}", f"/v1/claims/{claim_id}/outlets",
            f"/v1/claims/{claim_id}/disagreements", "/v1/disagreements", f"/v1/disagreements/{disagreement_id}",
            "/v1/outlets", "/v1/outlets/alpha", "/v1/outlets/compare?a=alpha&b=beta",
            "/v1/outlets/compare/claims?a=alpha&b=beta&part=both", "/v1/outlets/compare/disagreements?a=alpha&b=beta",
            "/v1/articles", f"/v1/articles/{article_id}", "/v1/curation", "/health", "/openapi.yaml"]


@pytest.fixture
def ids(client, two_outlets):
    a, _ = two_outlets
    claim_id = mention_with(a, "111 hostages")["claim_id"]
    disagreement_id = client.get(f"/v1/claims/{claim_id}/disagreements").get_json()["items"][0]["id"]
    return claim_id, disagreement_id, a["id"]


def test_every_get_has_an_etag_and_answers_304(client, ids):
    for path in gets(*ids):
        first = client.get(path)
        assert first.status_code == 200, path
        etag = first.headers["ETag"]
        assert first.headers["Cache-Control"] == "no-cache", path
        again = client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b"", path
        assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200, path


def test_an_etag_changes_with_the_data(client, auth, ids):
    claim_id = ids[0]
    etag = client.get(f"/v1/claims/{claim_id}").headers["ETag"]
    resp = client.post(f"/v1/disagreements/{ids[1]}/dismiss", json={"reason": "same figure"}, headers=auth)
    assert resp.status_code == 200, resp.get_json()
    assert client.get(f"/v1/claims/{claim_id}", headers={"If-None-Match": etag}).status_code == 200


def test_details_send_last_modified(client, ids):
    claim = client.get(f"/v1/claims/{ids[0]}")
    disagreement = client.get(f"/v1/disagreements/{ids[1]}")
    for resp in (claim, disagreement):
        modified = resp.headers["Last-Modified"]
        assert modified.endswith(" GMT")
    since = client.get(f"/v1/claims/{ids[0]}", headers={"If-Modified-Since": claim.headers["Last-Modified"]})
    assert since.status_code == 304


@pytest.mark.parametrize("path", ["/v1/claims?kidn=quotation", "/v1/disagreements?kind=number&x=1",
                                  "/v1/outlets/alpha?verbose=1", "/v1/claims/1?expand=all"])
def test_unknown_query_parameters_are_422(client, two_outlets, path):
    resp = client.get(path)
    assert resp.status_code == 422 and resp.mimetype == "application/problem+json"
    assert set(resp.get_json()["errors"]) & {"kidn", "x", "verbose", "expand"}


def test_writes_need_a_json_body(client, auth):
    for headers in ({"Content-Type": "text/plain"}, {"Content-Type": "application/x-www-form-urlencoded"}, {}):
        resp = client.post("/v1/articles", data=b'{"url": "x"}', headers={**auth, **headers})
        assert resp.status_code == 415, headers
        assert resp.mimetype == "application/problem+json"
        assert resp.get_json()["title"] == "Unsupported Media Type"
    resp = client.post("/v1/similarity", data="a=b", headers={"Content-Type": "text/plain"})
    assert resp.status_code == 415


def test_a_trailing_slash_gets_a_hint(client):
    resp = client.get("/v1/claims/?limit=2")
    assert resp.status_code == 404 and resp.mimetype == "application/problem+json"
    assert resp.get_json()["hint"] == "/v1/claims" and "trailing slash" in resp.get_json()["detail"]
    assert "hint" not in client.get("/v1/nothing/").get_json()


def test_problem_titles_are_the_contracts(client, auth):
    sent = {404: client.get("/v1/claims/999"), 415: client.post("/v1/articles", data="x", headers=auth),
            422: client.get("/v1/claims?limit=0"), 401: client.post("/v1/articles", json={})}
    examples = {}
    for path in spec()["paths"].values():
        for op in (op for op in path.values() if isinstance(op, dict)):
            for status, response in op.get("responses", {}).items():
                example = response.get("content", {}).get("application/problem+json", {}).get("example")
                if example:
                    examples.setdefault(int(status), set()).add(example["title"])
    for status, resp in sent.items():
        assert resp.status_code == status
        assert examples[status] == {resp.get_json()["title"]}, status


@pytest.fixture
def cors_client(database_url, components):
    """A plain client (preflights are outside the contract) of an app that allows one browser
    origin and needs a key for reads."""
    app = create_app({"DATABASE_URL": database_url, "COMPONENTS": components, "API_KEYS": ["k" * 20],
                      "READS_NEED_KEY": True, "CORS_ORIGINS": ["http://dash.example:3000"], "TESTING": True})
    yield app.test_client()
    app.extensions["claimtrack"]["engine"].dispose()


def test_cors_is_off_by_default(client):
    resp = client.get("/v1/claims", headers={"Origin": "http://dash.example:3000"})
    assert "Access-Control-Allow-Origin" not in resp.headers


def test_cors_for_the_configured_origins(cors_client):
    origin = {"Origin": "http://dash.example:3000"}
    preflight = cors_client.options("/v1/claims", headers={
        **origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization"})
    assert preflight.status_code == 200  # answered although reads need a key here
    assert preflight.headers["Access-Control-Allow-Origin"] == "http://dash.example:3000"
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    resp = cors_client.get("/v1/claims", headers={**origin, "Authorization": "Bearer " + "k" * 20})
    assert resp.status_code == 200 and resp.headers["Access-Control-Allow-Origin"] == "http://dash.example:3000"
    assert "ETag" in resp.headers["Access-Control-Expose-Headers"]
    other = cors_client.get("/v1/claims", headers={"Origin": "http://evil.example",
                                                   "Authorization": "Bearer " + "k" * 20})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_the_contract_names_no_host(client):
    assert spec()["servers"] == [{"url": "/", "description": "the server serving this document"}]
    assert b"127.0.0.1" not in client.get("/openapi.yaml").data
