"""Curation side by side with ingest: merges and moves take the ingest write lock, an ingest
that matched against a claim curated meanwhile re-plans, and a mention can be moved away from
both sides of a dismissed disagreement. Every test ends with the store's invariants."""
from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime, timezone

from sqlmodel import select

from api.db import UnitOfWork
from api.models import Article, Claim, ClaimOutlet, Disagreement, Mention
from api.services import articles as articles_service
from api.services.articles import ingest
from api.services.curation import merge_claims, move_mention

from .conftest import mention_with

# Four sentences that make four claims; every copy under another outlet joins all four.
REPORT = ("The port authority said 40 ships were waiting outside the harbour on Friday.\n"
          "\u201cWe will clear the backlog within a week,\u201d the harbour master, Ana Ruiz, told reporters.\n"
          "Dock workers voted to end their strike after a new wage offer from the operators.\n"
          "Fuel prices in the coastal towns rose for the third week in a row, traders said.")


def _data(domain: str, text: str = REPORT) -> dict:
    return {"outlet": {"name": domain.split(".")[0].title(), "domain": domain},
            "url": f"https://{domain}/port/1", "title": "Port backlog",
            "published_at": datetime(2024, 3, 1, 9, tzinfo=timezone.utc), "language": "en", "text": text}


def _parts(app):
    ext = app.extensions["claimtrack"]
    return ext["engine"], ext["components"], ext["settings"]


def assert_invariants(engine) -> None:
    """No mention inside a merged claim, no claim left without mentions unless merged, counts and
    outlet rows equal their recomputation, live disagreements inside their claim."""
    with UnitOfWork(engine) as uow:
        s = uow.session
        claims = {c.id: c for c in s.exec(select(Claim)).all()}
        rows = s.exec(select(Mention.id, Mention.claim_id, Article.outlet_id)
                      .join(Article, Article.id == Mention.article_id)).all()
        by_claim = Counter(claim_id for _, claim_id, _ in rows)
        per_outlet = Counter((claim_id, outlet_id) for _, claim_id, outlet_id in rows)
        where = {mid: claim_id for mid, claim_id, _ in rows}
        for mid, claim_id, _ in rows:
            assert claims[claim_id].merged_into_id is None, f"mention {mid} inside merged claim {claim_id}"
        for c in claims.values():
            if c.merged_into_id is None:
                assert by_claim[c.id] > 0, f"claim {c.id} has no mentions and is not merged"
            assert c.mention_count == by_claim[c.id], (c.id, c.mention_count, by_claim[c.id])
            assert c.outlet_count == len({o for (cid, o) in per_outlet if cid == c.id}), c.id
        stored = {(r.claim_id, r.outlet_id): r.mention_count for r in s.exec(select(ClaimOutlet)).all()}
        assert stored == dict(per_outlet)
        for d in s.exec(select(Disagreement)).all():
            assert d.claim_id in claims
            if d.dismissed_at is None:
                assert where[d.mention_a_id] == where[d.mention_b_id] == d.claim_id, d.id


def test_moving_both_sides_of_a_dismissed_disagreement(app, client, auth, two_outlets):
    a, b = two_outlets
    number = client.get("/v1/disagreements?kind=number").get_json()["items"][0]
    assert client.post(f"/v1/disagreements/{number['id']}/dismiss", json={}, headers=auth).status_code == 200
    for side in (mention_with(a, "111 hostages"), mention_with(b, "115 hostages")):
        resp = client.post(f"/v1/mentions/{side['id']}/move", json={"claim_id": None}, headers=auth)
        assert resp.status_code == 200, resp.get_json()
    assert_invariants(app.extensions["claimtrack"]["engine"])


def _curate_while_planning(monkeypatch, engine, comps, settings, curate) -> None:
    """Run ``curate`` (a curation in a unit of work of its own) between the next ingest's
    matching and its write phase, as a concurrent request would."""
    real = articles_service.plan_mentions

    def plan_then_curate(*args, **kwargs):
        plan = real(*args, **kwargs)
        monkeypatch.setattr(articles_service, "plan_mentions", real)
        with UnitOfWork(engine) as uow:
            curate(uow.session)
        return plan

    monkeypatch.setattr(articles_service, "plan_mentions", plan_then_curate)


def _claim_ids(engine) -> list[int]:
    with UnitOfWork(engine) as uow:
        return list(uow.session.exec(select(Claim.id).order_by(Claim.id)).all())


def test_a_claim_merged_while_an_article_was_matched_is_followed(app, monkeypatch):
    engine, comps, settings = _parts(app)
    with UnitOfWork(engine) as uow:
        ingest(uow.session, comps, settings, _data("first.example"))
    keep, gone = _claim_ids(engine)[:2]
    _curate_while_planning(monkeypatch, engine, comps, settings,
                           lambda s: merge_claims(s, comps, settings, keep, gone, "tester", None))
    with UnitOfWork(engine) as uow:
        ingest(uow.session, comps, settings, _data("second.example"))
    assert_invariants(engine)


def test_a_claim_emptied_while_an_article_was_matched_is_not_joined(app, monkeypatch):
    engine, comps, settings = _parts(app)
    with UnitOfWork(engine) as uow:
        ingest(uow.session, comps, settings, _data("first.example"))
        only = uow.session.exec(select(Mention.id).order_by(Mention.id)).first()
    # moving a claim's only mention to a new claim deletes the old one
    _curate_while_planning(monkeypatch, engine, comps, settings,
                           lambda s: move_mention(s, comps, settings, only, None, "tester", None))
    with UnitOfWork(engine) as uow:
        ingest(uow.session, comps, settings, _data("second.example"))
    assert_invariants(engine)


def test_ingests_and_merges_side_by_side_keep_every_invariant(app):
    engine, comps, settings = _parts(app)
    with UnitOfWork(engine) as uow:
        ingest(uow.session, comps, settings, _data("origin.example"))
    first, *others = _claim_ids(engine)
    errors: list[BaseException] = []

    def ingester(domains: list[str]) -> None:
        try:
            for domain in domains:
                with UnitOfWork(engine) as uow:
                    ingest(uow.session, comps, settings, _data(domain))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def merger() -> None:
        try:
            for gone in others:
                with UnitOfWork(engine) as uow:
                    merge_claims(uow.session, comps, settings, first, gone, "tester", None)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    domains = [f"copy{i}.example" for i in range(8)]
    threads = [threading.Thread(target=ingester, args=(domains[i::2],)) for i in range(2)]
    threads.append(threading.Thread(target=merger))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert_invariants(engine)
    with UnitOfWork(engine) as uow:
        assert uow.session.exec(select(Claim).where(Claim.merged_into_id.is_(None))).one().mention_count == 36
