"""Matching inside ingest: the shortlist, claims repeated within one article, and the fields of
claims created in bulk."""
from __future__ import annotations

from sqlmodel import Session, select

from api.models import Claim, ClaimOutlet, Mention, Outlet
from api.pipeline.types import MentionText
from api.services.matching import place_mentions, shortlist
from api.services.mentions import NewMention

from .helpers import article, post


def _v(text: str, quotes=()) -> NewMention:
    """A mention of a batch, not stored yet."""
    return NewMention(MentionText(text=text, quotes=tuple(quotes)))


def test_shortlist_keeps_the_most_alike_and_at_most_two_per_claim():
    new = _v("The minister arrived in Cairo on Monday for talks on a ceasefire.")
    cands = [(1, _v("The minister arrived in Cairo on Monday for ceasefire talks.")),
             (1, _v("The minister arrived in Cairo on Monday.")),
             (1, _v("The minister arrived in Cairo for talks.")),
             (2, _v("Talks on a ceasefire began in Cairo on Monday.")),
             (3, _v("A storm closed schools in Ohio."))]
    out = shortlist(new, cands, keep=6, min_ratio=0)
    assert [c for c, _ in out].count(1) == 2
    assert [c for c, _ in out][:1] == [1]
    assert len(out) == 4
    assert len(shortlist(new, cands, keep=2, min_ratio=0)) == 2


def test_shortlist_drops_unlike_candidates_unless_they_share_a_quotation():
    said = "Blinken said it was the “last opportunity” for an agreement, though critics disagreed."
    new = _v(said, quotes=[(said.index("“"), said.index("”") + 1)])
    far = _v("This is maybe the last opportunity to bring everyone home and to secure a lasting peace.")
    other = _v("A storm closed dozens of schools across Ohio and Kentucky on Tuesday.")
    assert shortlist(new, [(1, far), (2, other)], keep=6, min_ratio=99) == [(1, far.view)]
    assert shortlist(new, [(1, far), (2, other)], keep=6, min_ratio=0) != []
    # a quoted single word is a scare quote, not a quotation: no way past the floor
    promise = "He promised a “common-sense” approach."
    scare = _v(promise, quotes=[(promise.index("“"), promise.index("”") + 1)])
    assert shortlist(scare, [(1, _v("Voters want common-sense answers on taxes and schools."))],
                     keep=6, min_ratio=99) == []


def test_shortlist_puts_quoting_candidates_below_the_floor_after_the_rest_best_first():
    said = "Blinken said it was the “last opportunity” for an agreement with Hamas."
    new = _v(said, quotes=[(said.index("“"), said.index("”") + 1)])
    close = _v("Blinken said it was the last opportunity for an agreement with Hamas.")
    near = _v("It is the last opportunity, Blinken said of the talks.")
    far = _v("Critics called this the last opportunity for the region and its people.")
    unrelated = _v("A storm closed dozens of schools across Ohio and Kentucky on Tuesday.")
    cands = [(1, far), (2, unrelated), (3, near), (4, close)]
    out = shortlist(new, cands, keep=6, min_ratio=95)
    assert [c for c, _ in out] == [4, 3, 1]  # above the floor, then quoting ones by ratio


def test_a_claim_repeated_within_one_batch_is_one_claim(app):
    comps, settings = app.extensions["claimtrack"]["components"], app.extensions["claimtrack"]["settings"]
    views = [_v("The health ministry said 111 hostages remain in Gaza after the talks."),
             _v("Protesters gathered outside the parliament to demand new elections."),
             _v("The health ministry says 111 hostages remain in Gaza after the talks.")]
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        placed = place_mentions(s, comps, settings, views)
        alone = place_mentions(s, comps, settings, views, same_batch=False)
    assert [p.claim for p in placed] == [-1, -2, -1]
    assert all(p.is_new for p in placed)
    assert [p.claim for p in alone] == [-1, -2, -3]


def test_claims_created_by_an_article_have_true_fields(app, client, auth):
    text = ("The health ministry said 111 hostages remain in Gaza after the talks.\n"
            "“We are working to make sure that there is no escalation,” Antony Blinken said.\n"
            "The health ministry says 111 hostages remain in Gaza after the talks.")
    data = post(client, auth, article("alpha.com", "Alpha", text, published_at="2024-08-19"))
    ids = {m["claim_id"] for m in data["mentions"]}
    assert len(data["mentions"]) == 3 and len(ids) == 2
    with Session(app.extensions["claimtrack"]["engine"]) as s:
        outlet_id = s.exec(select(Outlet.id).where(Outlet.domain == "alpha.com")).one()
        for claim in s.exec(select(Claim).where(Claim.id.in_(ids))).all():
            mentions = s.exec(select(Mention).where(Mention.claim_id == claim.id).order_by(Mention.id)).all()
            assert claim.mention_count == len(mentions) and claim.outlet_count == 1
            assert claim.text == mentions[0].text and claim.first_outlet_id == outlet_id
            assert claim.first_seen is not None and claim.last_seen == claim.first_seen
            assert claim.kind == ("quotation" if any(m.kind == "quotation" for m in mentions) else "statement")
            assert claim.speaker == next((m.speaker for m in mentions if m.speaker), None)
            rows = s.exec(select(ClaimOutlet).where(ClaimOutlet.claim_id == claim.id)).all()
            assert [(r.outlet_id, r.mention_count) for r in rows] == [(outlet_id, len(mentions))]
    detail = client.get(f"/v1/claims/{data['mentions'][0]['claim_id']}").get_json()
    assert detail["mention_count"] == 2 and detail["outlet_count"] == 1


def test_a_later_article_joins_and_refreshes_the_stored_claim(app, client, auth):
    a = post(client, auth, article("alpha.com", "Alpha", "The health ministry said 111 hostages remain in Gaza.",
                                   published_at="2024-08-19"))
    b = post(client, auth, article("beta.org", "Beta", "The health ministry said 115 hostages remain in Gaza.",
                                   published_at="2024-08-21"))
    claim_id = a["mentions"][0]["claim_id"]
    assert b["mentions"][0]["claim_id"] == claim_id
    detail = client.get(f"/v1/claims/{claim_id}").get_json()
    assert detail["mention_count"] == 2 and detail["outlet_count"] == 2
    assert detail["last_seen"].startswith("2024-08-21") and detail["first_seen"].startswith("2024-08-19")
    assert detail["disagreements_by_kind"]["number"] == 1


_BRIDGE = "The council voted on Tuesday to close the old bridge to lorries from next spring."
_BRIDGE_AGAIN = "Lorries will be banned from the old bridge from next spring after a council vote."


def test_reports_days_apart_join_but_years_apart_do_not(app, client, auth):
    first = post(client, auth, article("alpha.com", "Alpha", _BRIDGE, published_at="2021-03-02T09:00:00Z"))
    days = post(client, auth, article("beta.org", "Beta", _BRIDGE_AGAIN, published_at="2021-03-03"))
    years = post(client, auth, article("gamma.net", "Gamma", _BRIDGE_AGAIN, published_at="2024-06-01"))
    claim_id = first["mentions"][0]["claim_id"]
    assert days["mentions"][0]["claim_id"] == claim_id
    assert years["mentions"][0]["claim_id"] not in (claim_id, days["mentions"][0]["claim_id"])


def test_candidates_carry_their_article_publication_time(app, client, auth):
    from api.services.retrieval import CandidateFinder, days_apart
    body = post(client, auth, article("alpha.com", "Alpha", _BRIDGE, published_at="2021-03-02T12:00:00Z"))
    with Session(app.extensions["claimtrack"]["engine"]) as session:
        stored = CandidateFinder(session).load([body["mentions"][0]["id"]])
        (mention,) = stored.values()
        assert days_apart(mention.published, "2021-03-04T00:00:00+00:00") == 1.5


def test_a_stock_line_joins_only_inside_one_story(app, client, auth):
    bridge = _BRIDGE + "\n\nAsked about a new bridge, Mayor Dana Cole said: \u201cNot this year.\u201d"
    again = _BRIDGE_AGAIN + "\n\n\u201cNot this year.\u201d"
    other = ("The football club sold its stadium to a property developer on Tuesday.\n\n"
             "\u201cNot this year.\u201d")
    first = post(client, auth, article("alpha.com", "Alpha", bridge, published_at="2021-03-02"))
    same_story = post(client, auth, article("beta.org", "Beta", again, published_at="2021-03-02"))
    unrelated = post(client, auth, article("gamma.net", "Gamma", other, published_at="2021-03-02"))
    line = [m for m in first["mentions"] if m["text"] == "Not this year."][0]
    # the second report shares the bridge claim, so its unattributed line joins the mayor's
    assert [m["claim_id"] for m in same_story["mentions"]] == [m["claim_id"] for m in first["mentions"]]
    # the same words in another story the same day stay apart
    assert line["claim_id"] not in {m["claim_id"] for m in unrelated["mentions"]}
