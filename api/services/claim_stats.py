"""Keep each claim's derived fields true: counts, dates, first outlet, outlets, text.

Called for every claim a write touched, inside the same transaction, so readers never see a
claim whose counts disagree with its mentions.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from sqlalchemy import delete, func
from sqlmodel import Session, select

from ..models import Article, Claim, ClaimOutlet, Disagreement, Mention


def claim_kind(kinds: Iterable[str]) -> str:
    """A claim's kind from its mentions' kinds: a quotation when any mention is one."""
    return "quotation" if any(k == "quotation" for k in kinds) else "statement"


def claim_speaker(speakers: Iterable[str | None]) -> str | None:
    """A claim's speaker: the first named among its mentions (in order of publication)."""
    return next((sp for sp in speakers if sp), None)


def refresh_claims(session: Session, claim_ids: Iterable[int]) -> None:
    """Recompute the derived fields of these claims; a claim left without mentions is deleted
    (or, when it was merged into another, kept as a tombstone that points there)."""
    ids = sorted({i for i in claim_ids if i is not None})
    if not ids:
        return
    session.flush()
    rows = session.exec(
        select(Mention.claim_id, Mention.id, Mention.text, Mention.kind, Mention.speaker,
               Article.outlet_id, Article.published_at)
        .join(Article, Article.id == Mention.article_id)
        .where(Mention.claim_id.in_(ids))
        .order_by(Mention.claim_id, Article.published_at, Mention.id)
    ).all()
    by_claim = defaultdict(list)
    for row in rows:
        by_claim[row.claim_id].append(row)
    disputed = dict(session.exec(
        select(Disagreement.claim_id, func.count(Disagreement.id))
        .where(Disagreement.claim_id.in_(ids), Disagreement.dismissed_at.is_(None))
        .group_by(Disagreement.claim_id)).all())
    session.exec(delete(ClaimOutlet).where(ClaimOutlet.claim_id.in_(ids)))
    for claim in session.exec(select(Claim).where(Claim.id.in_(ids))).all():
        mentions = by_claim.get(claim.id, [])
        if not mentions:
            if claim.merged_into_id is None:
                session.delete(claim)
            else:
                claim.mention_count = claim.outlet_count = claim.disagreement_count = 0
                session.add(claim)
            continue
        first = mentions[0]
        per_outlet: dict[int, list] = defaultdict(list)
        for m in mentions:
            per_outlet[m.outlet_id].append(m)
        claim.text = first.text
        claim.kind = claim_kind(m.kind for m in mentions)
        claim.speaker = claim_speaker(m.speaker for m in mentions)
        claim.mention_count = len(mentions)
        claim.outlet_count = len(per_outlet)
        claim.first_seen = first.published_at
        claim.last_seen = max(m.published_at for m in mentions)
        claim.first_outlet_id = first.outlet_id
        claim.disagreement_count = disputed.get(claim.id, 0)
        session.add(claim)
        for outlet_id, ms in per_outlet.items():
            session.add(ClaimOutlet(claim_id=claim.id, outlet_id=outlet_id, mention_count=len(ms),
                                    first_seen=min(m.published_at for m in ms)))
    session.flush()
