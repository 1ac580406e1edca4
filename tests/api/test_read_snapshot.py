"""Every GET sees one snapshot: a claim's counts always match the lists answered with it, even
when an ingest commits between the SELECTs of one read."""
from __future__ import annotations

import threading
from datetime import datetime, timezone

from api.db import UnitOfWork
from api.services import claims as claims_service
from api.services.articles import ingest

from .helpers import article, post

SENTENCE = "The port authority said 4,200 containers were stranded at the terminal on Friday."


def _consistent(claim: dict) -> None:
    mentions = sum(len(o["mentions"]) for o in claim["outlets"])
    assert claim["outlet_count"] == len(claim["outlets"]), claim
    assert claim["mention_count"] == mentions, claim
    assert claim["disagreement_count"] == len(claim["disagreements"]), claim


def test_a_write_between_the_selects_of_a_read_is_not_seen(app, client, auth, monkeypatch):
    first = post(client, auth, article("alpha.com", text=SENTENCE))
    claim_id = first["mentions"][0]["claim_id"]
    ext = app.extensions["claimtrack"]
    real = claims_service.claim_outlets

    def outlets_after_another_ingest(session, cid):
        monkeypatch.setattr(claims_service, "claim_outlets", real)
        body = article("beta.org", text=SENTENCE, published_at=datetime(2024, 8, 21, tzinfo=timezone.utc))
        with UnitOfWork(ext["engine"]) as uow:  # another request, committed meanwhile
            ingest(uow.session, ext["components"], ext["settings"], body)
        return real(session, cid)

    monkeypatch.setattr(claims_service, "claim_outlets", outlets_after_another_ingest)
    claim = client.get(f"/v1/claims/{claim_id}").get_json()
    _consistent(claim)
    assert claim["outlet_count"] == 1
    after = client.get(f"/v1/claims/{claim_id}").get_json()
    _consistent(after)
    assert after["outlet_count"] == 2


def test_reads_during_concurrent_ingest_are_consistent(app, client, auth):
    claim_id = post(client, auth, article("outlet0.com", text=SENTENCE))["mentions"][0]["claim_id"]
    done, failures = threading.Event(), []

    def write():
        try:
            writer = app.test_client()
            for n in range(1, 9):
                text = SENTENCE.replace("4,200", f"4,{200 + 100 * (n % 3)}")
                resp = writer.post("/v1/articles", json=article(f"outlet{n}.com", text=text), headers=auth)
                assert resp.status_code == 201, resp.get_json()
        except Exception as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=write)
    thread.start()
    reads = 0
    while not done.is_set() or reads < 5:
        claim = client.get(f"/v1/claims/{claim_id}").get_json()
        _consistent(claim)
        outlets = client.get(f"/v1/claims/{claim_id}/outlets?limit=100").get_json()
        assert claim["outlet_count"] <= len(outlets["items"]) or outlets["next_cursor"]
        reads += 1
    thread.join()
    assert not failures, failures
    final = client.get(f"/v1/claims/{claim_id}").get_json()
    _consistent(final)
    assert final["outlet_count"] == 9
