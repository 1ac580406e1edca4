"""POST /v1/similarity, health, readiness, the contract, the docs, and unknown routes."""
from __future__ import annotations

from pathlib import Path


def test_similarity_same_claim_with_disagreement(client):
    resp = client.post("/v1/similarity", json={
        "a": "The ministry said 111 hostages remain in Gaza.",
        "b": "The ministry said 115 hostages remain in Gaza."})
    data = resp.get_json()
    assert resp.status_code == 200 and data["same_claim"] is True and 0 <= data["score"] <= 1
    assert [d["kind"] for d in data["disagreements"]] == ["number"]
    assert data["disagreements"][0]["a_span"]["text"].startswith("111")


def test_similarity_different_claims(client):
    data = client.post("/v1/similarity", json={
        "a": "He will meet Israeli Defence Minister Yoav Gallant later on Monday.",
        "b": "A storm closed dozens of schools across Ohio on Tuesday.", "a_speaker": "x"}).get_json()
    assert data["same_claim"] is False and data["disagreements"] == []
    assert data["score"] < data["threshold"]


def test_similarity_validates(client):
    assert client.post("/v1/similarity", json={"a": "x"}).status_code == 422
    assert client.post("/v1/similarity", json={"a": "", "b": "y"}).status_code == 422


def test_health_and_ready(client):
    assert client.get("/health").get_json() == {"status": "ok"}
    assert client.get("/ready").get_json() == {"status": "ok", "database": "ok"}


def test_openapi_yaml_is_the_committed_file_byte_for_byte(client):
    resp = client.get("/openapi.yaml")
    assert resp.status_code == 200
    assert resp.data == (Path(__file__).resolve().parents[2] / "openapi.yaml").read_bytes()


def test_docs_are_served_without_a_cdn(client):
    page = client.get("/docs/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/openapi.yaml" in html and "cdn" not in html.lower() and "unpkg" not in html.lower()
    assert client.get("/docs/swagger-ui-bundle.js").status_code == 200


def test_unknown_route_and_wrong_method_are_problems(client):
    missing = client.get("/v1/nothing-here")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"
    wrong = client.delete("/v1/claims")
    assert wrong.status_code == 405 and wrong.mimetype == "application/problem+json"
    assert "GET" in wrong.headers["Allow"]
