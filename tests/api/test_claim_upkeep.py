"""What ingest keeps on each claim it touches: a claim an article joins is updated in place
(counts, dates, outlets, kind, speaker, disagreements) and must equal what recomputing it from
all its mentions gives; detection compares a new mention with the claim's latest mentions from
other articles only."""
from __future__ import annotations

from sqlmodel import select

from api.db import UnitOfWork
from api.models import Claim, ClaimOutlet, Disagreement, Mention
from api.services.claim_stats import refresh_claims

from .helpers import article, post

SAID = "Health Minister Omar Yusuf said 111 hostages remain in Gaza after the latest round of talks."
QUOTED = "\u201c111 hostages remain in Gaza after the latest round of talks,\u201d the ministry's spokesman, Ali Hamad, said."


def _state(engine) -> tuple[list[dict], list[dict]]:
    with UnitOfWork(engine) as uow:
        claims = [c.model_dump(exclude={"created_at"}) for c in uow.session.exec(select(Claim).order_by(Claim.id))]
        outlets = [co.model_dump() for co in uow.session.exec(
            select(ClaimOutlet).order_by(ClaimOutlet.claim_id, ClaimOutlet.outlet_id))]
    return claims, outlets


def _recomputed(engine) -> tuple[list[dict], list[dict]]:
    with UnitOfWork(engine) as uow:
        refresh_claims(uow.session, uow.session.exec(select(Claim.id)).all())
    return _state(engine)


def test_claims_joined_at_ingest_equal_their_recomputation(app, client, auth):
    engine = app.extensions["claimtrack"]["engine"]
    plain = SAID.replace("Health Minister Omar Yusuf said 111", "Some 111")  # in the outlet's voice: no speaker
    reports = [  # (domain, date, text)
        ("first.com", "2024-08-19", plain),
        ("second.com", "2024-08-20", SAID.replace("111", "115")),  # later, named: the claim gets a speaker
        ("third.com", "2024-08-20", SAID),  # the same day
        ("second.com", "2024-08-21", SAID),  # an outlet reporting it again
        ("fourth.com", "2024-08-22", QUOTED),  # a quotation of another named person: a claim of its own
        ("fifth.com", "2024-08-10", QUOTED.replace("Ali Hamad", "Omar Saleh")),  # earlier than the claim
        ("sixth.com", "2024-08-23", SAID + "\n" + SAID.replace("Gaza", "the Gaza Strip")),  # twice in one article
    ]
    for domain, date, text in reports:
        post(client, auth, article(domain, text=text, published_at=date))
        assert _state(engine) == _recomputed(engine), f"after {domain} {date}"
    claims, outlets = _state(engine)
    said, quoted = sorted(claims, key=lambda c: c["id"])
    assert (said["mention_count"], said["outlet_count"], said["kind"], said["speaker"]) == (6, 4, "statement", "Omar Yusuf")
    assert said["disagreement_count"] >= 1  # 111 against 115
    assert (quoted["mention_count"], quoted["outlet_count"], quoted["kind"]) == (2, 2, "quotation")
    assert quoted["speaker"] == "Omar Saleh"  # the earliest report's
    assert str(quoted["first_seen"]).startswith("2024-08-10") and str(quoted["last_seen"]).startswith("2024-08-22")
    assert [co["mention_count"] for co in outlets if co["claim_id"] == said["id"]] == [1, 2, 1, 2]


def test_a_new_mention_is_compared_with_the_latest_reports_of_its_claim_only(database_url, components):
    from api import create_app
    from tests.conftest import API_KEY
    from tests.contract import ContractClient

    app = create_app({"DATABASE_URL": database_url, "COMPONENTS": components, "API_KEYS": [API_KEY],
                      "TESTING": True, "DETECT_AGAINST": 2})
    app.test_client_class = ContractClient
    client, auth = app.test_client(), {"Authorization": f"Bearer {API_KEY}"}
    engine = app.extensions["claimtrack"]["engine"]
    try:
        for i, n in enumerate((112, 113, 114)):
            post(client, auth, article(f"o{i}.com", text=SAID.replace("111", str(n)), published_at="2024-08-19"))
        post(client, auth, article("last.com", text=SAID, published_at="2024-08-20"))
        with UnitOfWork(engine) as uow:
            s = uow.session
            newest = s.exec(select(Mention).order_by(Mention.id.desc())).first()
            pairs = s.exec(select(Disagreement.mention_a_id, Disagreement.mention_b_id)
                           .where((Disagreement.mention_b_id == newest.id) | (Disagreement.mention_a_id == newest.id))
                           ).all()
            earlier = s.exec(select(Mention.id).where(Mention.claim_id == newest.claim_id, Mention.id != newest.id)
                             .order_by(Mention.id.desc())).all()
        assert len(earlier) == 3
        assert {a for a, _ in pairs} == set(earlier[:2])  # the two newest reports, not the first
    finally:
        engine.dispose()
