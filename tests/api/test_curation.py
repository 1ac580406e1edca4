"""Merging claims, moving mentions, the curation log, and re-matching that respects people."""
from __future__ import annotations

from api.services.curation import rematch
from api.session import components, new_session, settings

from .conftest import mention_with


def test_merge_claims(client, auth, two_outlets):
    a, b = two_outlets
    keep, gone = mention_with(a, "Protesters")["claim_id"], mention_with(b, "storm")["claim_id"]
    assert client.post(f"/v1/claims/{keep}/merge", json={"from_claim_id": gone}).status_code == 401
    resp = client.post(f"/v1/claims/{keep}/merge", json={"from_claim_id": gone, "note": "same rally"}, headers=auth)
    assert resp.status_code == 200
    merged = resp.get_json()
    assert merged["id"] == keep and merged["outlet_count"] == 2
    pinned = {m["text"][:9]: m["pinned"] for o in merged["outlets"] for m in o["mentions"]}
    assert pinned == {"Protester": False, "A storm c": True}  # only what a person moved is pinned
    assert client.get(f"/v1/claims/{gone}").get_json()["id"] == keep  # the old id redirects
    assert len(client.get("/v1/claims").get_json()["items"]) == 3
    event = client.get(f"/v1/curation?claim={keep}").get_json()["items"][0]
    assert event["action"] == "merge_claims" and event["detail"]["from_claim_id"] == gone
    assert event["actor"].startswith("bootstrap-key")


def test_merge_errors(client, auth, two_outlets):
    a, _ = two_outlets
    claim = mention_with(a, "Protesters")["claim_id"]
    same = client.post(f"/v1/claims/{claim}/merge", json={"from_claim_id": claim}, headers=auth)
    assert same.status_code == 422
    assert client.post(f"/v1/claims/{claim}/merge", json={"from_claim_id": 999}, headers=auth).status_code == 404
    assert client.post(f"/v1/claims/{claim}/merge", json={}, headers=auth).status_code == 422


def test_move_mention_to_a_new_claim_and_back(client, auth, two_outlets):
    a, b = two_outlets
    moving = mention_with(b, "115 hostages")
    old_claim = moving["claim_id"]
    resp = client.post(f"/v1/mentions/{moving['id']}/move", json={"claim_id": None}, headers=auth)
    assert resp.status_code == 200
    new_claim = resp.get_json()
    assert new_claim["id"] != old_claim and new_claim["mention_count"] == 1
    old = client.get(f"/v1/claims/{old_claim}").get_json()
    assert old["outlet_count"] == 1 and old["disagreement_count"] == 0
    back = client.post(f"/v1/mentions/{moving['id']}/move", json={"claim_id": old_claim}, headers=auth).get_json()
    assert back["id"] == old_claim and back["outlet_count"] == 2
    assert [d["kind"] for d in back["disagreements"]] == ["number"]
    assert client.post("/v1/mentions/999/move", json={"claim_id": None}, headers=auth).status_code == 404
    assert client.post(f"/v1/mentions/{moving['id']}/move", json={"claim_id": 999}, headers=auth).status_code == 404


def test_rematch_never_undoes_a_person(app, client, auth, two_outlets):
    a, b = two_outlets
    moving = mention_with(b, "115 hostages")
    client.post(f"/v1/mentions/{moving['id']}/move", json={"claim_id": None}, headers=auth)
    with app.app_context():
        stats = rematch(new_session, components(), settings(), batch=2)
    assert stats["mentions"] == 6 and stats["moved"] == 0
    after = client.get(f"/v1/articles/{b['id']}").get_json()
    assert mention_with(after, "115 hostages")["claim_id"] != mention_with(a, "111 hostages")["claim_id"]


def test_rematch_regroups_unpinned_mentions_and_keeps_dismissals(app, client, auth, two_outlets):
    a, b = two_outlets
    number = client.get("/v1/disagreements?kind=number").get_json()["items"][0]
    client.post(f"/v1/disagreements/{number['id']}/dismiss", json={}, headers=auth)
    with app.app_context():
        stats = rematch(new_session, components(), settings())
    assert stats["moved"] == 0
    assert client.get("/v1/disagreements?kind=number").get_json()["items"] == []
    assert len(client.get("/v1/claims").get_json()["items"]) == 4
