"""Every list pages with a cursor: a claim's outlets and disagreements, and each list of an
outlet comparison, walk to the end without losing or repeating an item."""
from __future__ import annotations

from .helpers import article, post

STORM = "A storm closed {n} schools across Ohio and Kentucky on Tuesday, officials said."
PORT = "The Harbour Port Authority said the terminal would reopen on {day} after the strike ended."
ONLY = ["Farmers in the valley reported the driest summer in forty years.",
        "The museum will open a new wing devoted to maritime history next spring.",
        "Two climbers were rescued from the north face of the mountain on Sunday."]


def walk(client, path: str) -> list:
    """Every item of a listing, following next_cursor (pages of one)."""
    items, cursor = [], None
    while True:
        sep = "&" if "?" in path else "?"
        resp = client.get(f"{path}{sep}limit=1" + (f"&cursor={cursor}" if cursor else ""))
        assert resp.status_code == 200, resp.get_json()
        page = resp.get_json()
        assert len(page["items"]) <= 1
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def test_a_claims_outlets_and_disagreements_page(client, auth):
    for n, domain in enumerate(["alpha.com", "beta.org", "gamma.net"]):
        created = post(client, auth, article(domain, text=STORM.format(n=12 + 30 * n),
                                             published_at=f"2024-08-{19 + n}"))
    claim_id = created["mentions"][0]["claim_id"]
    detail = client.get(f"/v1/claims/{claim_id}").get_json()
    assert detail["outlet_count"] == 3
    outlets = walk(client, f"/v1/claims/{claim_id}/outlets")
    assert [o["outlet"]["slug"] for o in outlets] == ["alpha", "beta", "gamma"] == \
        [o["outlet"]["slug"] for o in detail["outlets"]]
    assert all(len(o["mentions"]) == 1 for o in outlets)
    found = walk(client, f"/v1/claims/{claim_id}/disagreements")
    assert [d["id"] for d in found] == [d["id"] for d in detail["disagreements"]]
    assert len(found) == detail["disagreement_count"] >= 2


def test_each_list_of_a_comparison_pages(client, auth):
    for day, domain in enumerate(["alpha.com", "beta.org"]):
        post(client, auth, article(domain, text=PORT.format(day="Monday" if day else "Tuesday"),
                                   published_at=f"2024-08-{19 + day}"))
    for n, sentence in enumerate(ONLY):
        post(client, auth, article("beta.org", text=sentence, published_at=f"2024-09-{n + 1:02d}"))
    overview = client.get("/v1/outlets/compare?a=alpha&b=beta&limit=1").get_json()
    assert overview["counts"]["only_b"] == 3 and overview["counts"]["both"] == 1
    assert len(overview["only_b"]) == 1 and overview["next_cursors"]["only_b"]
    assert overview["next_cursors"]["both"] is None
    rest, cursor = [], overview["next_cursors"]["only_b"]
    while cursor:
        page = client.get(f"/v1/outlets/compare/claims?a=alpha&b=beta&part=only_b&limit=1&cursor={cursor}").get_json()
        rest += page["items"]
        cursor = page["next_cursor"]
    texts = [c["text"] for c in overview["only_b"] + rest]
    assert len(texts) == 3 and len(set(texts)) == 3
    assert walk(client, "/v1/outlets/compare/claims?a=alpha&b=beta&part=only_b") == overview["only_b"] + rest
    disagreements = walk(client, "/v1/outlets/compare/disagreements?a=alpha&b=beta")
    assert len(disagreements) == overview["counts"]["disagreements"]


def test_a_cursor_continues_only_its_own_list(client, auth):
    for n, sentence in enumerate(ONLY):
        post(client, auth, article("beta.org", text=sentence, published_at=f"2024-09-{n + 1:02d}"))
    post(client, auth, article("alpha.com", text=STORM.format(n=3)))
    cursor = client.get("/v1/outlets/compare?a=alpha&b=beta&limit=1").get_json()["next_cursors"]["only_b"]
    other_part = client.get(f"/v1/outlets/compare/claims?a=alpha&b=beta&part=both&cursor={cursor}")
    swapped = client.get(f"/v1/outlets/compare/claims?a=beta&b=alpha&part=only_b&cursor={cursor}")
    claims = client.get(f"/v1/claims?sort=-last_seen&cursor={cursor}")
    assert other_part.status_code == swapped.status_code == claims.status_code == 422
    assert client.get("/v1/outlets/compare/claims?a=alpha&b=nobody&part=both").status_code == 404
    assert client.get("/v1/outlets/compare/claims?a=alpha&b=beta&part=everything").status_code == 422


def test_pages_over_many_equal_keys_lose_and_repeat_nothing(app, client):
    from .test_claim_search import store
    store(app, [f"Harbour notice number {i} about the tides." for i in range(1, 8)])  # all: one outlet, one mention
    for sort, expected in (("-outlet_count", list(range(7, 0, -1))), ("-mention_count", list(range(7, 0, -1)))):
        ids, cursor = [], None
        while True:
            page = client.get(f"/v1/claims?sort={sort}&limit=2" + (f"&cursor={cursor}" if cursor else "")).get_json()
            ids += [c["id"] for c in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert ids == expected


def test_an_outlets_claims_page_in_every_sort_as_the_whole_listing_does(app, client):
    """``outlet=`` pages are sorted apart from the sort's index and continue after the cursor in
    one pass: walked a claim at a time in each sort, they give exactly the unfiltered order (every
    claim here is the one outlet's), ties on counts included."""
    from sqlalchemy import insert
    from sqlmodel import Session

    from api.models import ClaimOutlet
    from schemas.claims import SORTS

    from .test_claim_search import store
    store(app, [f"Harbour notice number {i} about the tides." for i in range(1, 8)])
    with Session(app.extensions["claimtrack"]["engine"]) as s:  # (store writes no claim–outlet rows)
        s.connection().execute(insert(ClaimOutlet), [{"claim_id": i, "outlet_id": 1, "mention_count": 1}
                                                     for i in range(1, 8)])
        s.commit()
    for sort in [s for s in SORTS if s != "relevance"]:
        whole = [c["id"] for c in walk(client, f"/v1/claims?sort={sort}")]
        assert len(whole) == 7
        assert [c["id"] for c in walk(client, f"/v1/claims?sort={sort}&outlet=wire")] == whole, sort
        assert [c["id"] for c in walk(client, f"/v1/claims?sort={sort}&reported_by=wire")] == whole, sort
