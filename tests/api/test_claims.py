"""GET /v1/claims and /v1/claims/{id}: which outlets report each claim, filters, pagination."""
from __future__ import annotations

from .conftest import mention_with


def test_the_same_claim_from_two_outlets_is_one_claim(client, two_outlets):
    a, b = two_outlets
    qa, qb = mention_with(a, "working to make sure"), mention_with(b, "looking to make sure")
    assert qa["claim_id"] == qb["claim_id"]
    ha, hb = mention_with(a, "111 hostages"), mention_with(b, "115 hostages")
    assert ha["claim_id"] == hb["claim_id"]
    assert mention_with(a, "Protesters")["claim_id"] != mention_with(b, "storm")["claim_id"]
    claim = client.get(f"/v1/claims/{qa['claim_id']}").get_json()
    assert claim["outlet_count"] == 2 and claim["mention_count"] == 2
    assert claim["kind"] == "quotation" and "Blinken" in claim["speaker"]
    assert claim["first_outlet"]["slug"] == "alpha"
    assert [o["outlet"]["slug"] for o in claim["outlets"]] == ["alpha", "beta"]
    report = claim["outlets"][1]["mentions"][0]
    assert report["article"]["url"].startswith("https://beta.org/") and report["article"]["title"]


def test_claim_outlets_and_disagreements_subresources(client, two_outlets):
    a, _ = two_outlets
    claim_id = mention_with(a, "111 hostages")["claim_id"]
    outlets = client.get(f"/v1/claims/{claim_id}/outlets").get_json()["items"]
    assert {o["outlet"]["slug"] for o in outlets} == {"alpha", "beta"}
    found = client.get(f"/v1/claims/{claim_id}/disagreements").get_json()["items"]
    assert [d["kind"] for d in found] == ["number"]
    assert client.get(f"/v1/claims/{claim_id}/disagreements?kind=place").get_json()["items"] == []


def test_filters(client, two_outlets):
    def ids(query):
        resp = client.get("/v1/claims" + query)
        assert resp.status_code == 200, resp.get_json()
        return [c["id"] for c in resp.get_json()["items"]]

    everything = ids("")
    assert len(everything) == 4
    both = ids("?reported_by=alpha,beta")
    assert len(both) == 2 and ids("?reported_by=alpha&reported_by=beta") == both
    assert len(ids("?outlet=alpha")) == 3 and len(ids("?outlet=beta")) == 3
    assert ids("?outlet=nobody") == []
    assert len(ids("?q=hostages")) == 1 and len(ids("?q=hostages%20Gaza")) == 1 and ids("?q=zebra") == []
    assert len(ids("?speaker=blinken")) == 1
    assert len(ids("?kind=quotation")) == 1 and len(ids("?kind=statement")) == 3
    assert len(ids("?contested=true")) == 2 and len(ids("?contested=false")) == 2
    assert len(ids("?since=2024-08-20")) == 3  # last seen on the 20th: shared claims and Beta's own
    assert len(ids("?until=2024-08-19T23:59:59Z")) == 3
    assert ids("?sort=-outlet_count")[:2] == sorted(both, reverse=True)


def test_claims_carry_counts_per_kind(client, two_outlets):
    claims = client.get("/v1/claims?contested=true").get_json()["items"]
    kinds = {k for c in claims for k in c["disagreements_by_kind"]}
    assert kinds == {"wording", "number"}
    assert all(c["disagreement_count"] == sum(c["disagreements_by_kind"].values()) for c in claims)


def test_cursor_pagination_in_every_sort_order(client, two_outlets):
    for sort in ["-last_seen", "last_seen", "first_seen", "-outlet_count", "-mention_count", "id", "-id"]:
        seen, cursor = [], None
        for _ in range(10):
            resp = client.get(f"/v1/claims?limit=1&sort={sort}" + (f"&cursor={cursor}" if cursor else "")).get_json()
            seen += [c["id"] for c in resp["items"]]
            cursor = resp["next_cursor"]
            if not cursor:
                break
        assert sorted(seen) == [1, 2, 3, 4], (sort, seen)


def test_bad_listing_arguments_are_422(client):
    for query in ["?limit=0", "?limit=101", "?cursor=nonsense", "?kind=rumour", "?sort=colour", "?since=soon"]:
        resp = client.get("/v1/claims" + query)
        assert resp.status_code == 422, query
        assert resp.get_json()["errors"], query


def test_cursor_from_another_sort_is_refused(client, two_outlets):
    cursor = client.get("/v1/claims?limit=1&sort=id").get_json()["next_cursor"]
    resp = client.get(f"/v1/claims?limit=1&sort=-id&cursor={cursor}")
    assert resp.status_code == 422 and "cursor" in resp.get_json()["errors"]


def test_unknown_claim_is_404(client):
    for path in ["/v1/claims/999", "/v1/claims/999/outlets", "/v1/claims/999/disagreements"]:
        resp = client.get(path)
        assert resp.status_code == 404 and resp.mimetype == "application/problem+json"
