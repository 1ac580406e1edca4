"""Outlets, outlet comparison, disagreements and their dismissal."""
from __future__ import annotations

from .conftest import mention_with


def test_outlets_list_and_detail(client, two_outlets):
    items = client.get("/v1/outlets").get_json()["items"]
    assert [o["slug"] for o in items] == ["alpha", "beta"]
    assert items[0] == {"slug": "alpha", "name": "Alpha News", "domain": "alpha.com", "article_count": 1,
                        "claim_count": 3, "disagreement_count": 2}
    assert client.get("/v1/outlets/beta").get_json()["domain"] == "beta.org"
    assert client.get("/v1/outlets/gamma").status_code == 404
    page = client.get("/v1/outlets?limit=1").get_json()
    assert len(page["items"]) == 1 and page["next_cursor"]
    assert client.get(f"/v1/outlets?limit=1&cursor={page['next_cursor']}").get_json()["items"][0]["slug"] == "beta"


def test_compare_two_outlets(client, two_outlets):
    data = client.get("/v1/outlets/compare?a=alpha&b=beta").get_json()
    assert data["counts"] == {"both": 2, "only_a": 1, "only_b": 1, "disagreements": 2}
    assert "Protesters" in data["only_a"][0]["text"] and "storm" in data["only_b"][0]["text"]
    assert {d["kind"] for d in data["disagreements"]} == {"wording", "number"}
    assert client.get("/v1/outlets/compare?a=alpha&b=nobody").status_code == 404
    assert client.get("/v1/outlets/compare?a=alpha").status_code == 422


def test_disagreements_list_filters_and_shape(client, two_outlets):
    a, b = two_outlets
    items = client.get("/v1/disagreements").get_json()["items"]
    assert {d["kind"] for d in items} == {"wording", "number"}
    number = next(d for d in items if d["kind"] == "number")
    assert number["mention_ids"] == [mention_with(a, "111")["id"], mention_with(b, "115")["id"]]
    assert number["outlets"] == ["alpha", "beta"]
    assert "111" in number["a_span"]["text"] and "115" in number["b_span"]["text"]
    assert number["explanation"]
    wording = next(d for d in items if d["kind"] == "wording")
    assert any(op["op"] == "replace" for op in wording["diff"])
    assert [d["kind"] for d in client.get("/v1/disagreements?kind=number").get_json()["items"]] == ["number"]
    assert len(client.get("/v1/disagreements?outlet=beta").get_json()["items"]) == 2
    assert client.get("/v1/disagreements?outlet=nobody").get_json()["items"] == []
    assert len(client.get(f"/v1/disagreements?claim={number['claim_id']}").get_json()["items"]) == 1
    assert client.get("/v1/disagreements?since=2100-01-01").get_json()["items"] == []
    assert client.get(f"/v1/disagreements/{number['id']}").get_json()["id"] == number["id"]
    assert client.get("/v1/disagreements/999").status_code == 404
    assert client.get("/v1/disagreements?kind=mood").status_code == 422


def test_dismissing_hides_and_records(client, auth, two_outlets):
    target = client.get("/v1/disagreements?kind=number").get_json()["items"][0]
    assert client.post(f"/v1/disagreements/{target['id']}/dismiss", json={}).status_code == 401
    resp = client.post(f"/v1/disagreements/{target['id']}/dismiss", json={"reason": "rounding"}, headers=auth)
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["dismissed"] and body["dismissed_by"] and body["dismiss_reason"] == "rounding"
    assert [d["kind"] for d in client.get("/v1/disagreements").get_json()["items"]] == ["wording"]
    shown = client.get("/v1/disagreements?include_dismissed=true").get_json()["items"]
    assert len(shown) == 2
    claim = client.get(f"/v1/claims/{target['claim_id']}").get_json()
    assert claim["disagreement_count"] == 0 and claim["disagreements"] == []
    log = client.get("/v1/curation").get_json()["items"]
    assert log[0]["action"] == "dismiss_disagreement" and log[0]["disagreement_id"] == target["id"]
    assert client.post("/v1/disagreements/999/dismiss", json={}, headers=auth).status_code == 404
