"""Keep each claim's derived fields true: counts, dates, first outlet, outlets, text.

Called for every claim a write touched, inside the same transaction, so readers never see a
claim whose counts disagree with its mentions.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from sqlalchemy import bindparam, delete, func, insert, update
from sqlmodel import Session, select

from ..models import Article, Claim, ClaimOutlet, Disagreement, Mention
from .mentions import StoredMention


def claim_kind(kinds: Iterable[str]) -> str:
    """A claim's kind from its mentions' kinds: a quotation when any mention is one."""
    return "quotation" if any(k == "quotation" for k in kinds) else "statement"


def claim_speaker(speakers: Iterable[str | None]) -> str | None:
    """A claim's speaker: the first named among its mentions (in order of publication)."""
    return next((sp for sp in speakers if sp), None)


def add_article_mentions(session: Session, article: Article, joined: dict[int, list[StoredMention]]) -> None:
    """Bring stored claims up to date with the mentions one article has just added to them
    (``joined``: claim id -> the mentions inserted, in id order), without reading their other
    mentions: an article published no earlier than a claim's latest mention comes last in the
    claim's order of publication, so only counts, ``last_seen``, the outlet's row and (when the
    claim had none) kind and speaker change. Claims the article predates are recomputed with
    ``refresh_claims``. Call it after the article's disagreements are stored."""
    ids = sorted(joined)
    if not ids:
        return
    session.flush()
    # the article's date as stored, to compare it with the claims' stored dates in one form
    published = session.exec(select(Article.published_at).where(Article.id == article.id)).one()
    current = {cid: (kind, speaker) for cid, last_seen, kind, speaker in session.exec(
        select(Claim.id, Claim.last_seen, Claim.kind, Claim.speaker).where(Claim.id.in_(ids))).all()
        if last_seen is not None and published >= last_seen}
    later = [i for i in ids if i in current]
    refresh_claims(session, [i for i in ids if i not in current])
    if not later:
        return
    reported = set(session.exec(select(ClaimOutlet.claim_id).where(
        ClaimOutlet.claim_id.in_(later), ClaimOutlet.outlet_id == article.outlet_id)).all())
    disputed = dict(session.exec(
        select(Disagreement.claim_id, func.count(Disagreement.id))
        .where(Disagreement.claim_id.in_(later), Disagreement.dismissed_at.is_(None))
        .group_by(Disagreement.claim_id)).all())
    claims, outlets = Claim.__table__, ClaimOutlet.__table__
    session.connection().execute(
        update(claims).where(claims.c.id == bindparam("cid")).values(
            mention_count=claims.c.mention_count + bindparam("added"),
            outlet_count=claims.c.outlet_count + bindparam("new_outlet"),
            last_seen=bindparam("seen"), kind=bindparam("kind_"), speaker=bindparam("speaker_"),
            disagreement_count=bindparam("disputed")),
        [{"cid": cid, "added": len(joined[cid]), "new_outlet": int(cid not in reported), "seen": published,
          "kind_": claim_kind([current[cid][0]] + [m.kind for m in joined[cid]]),
          "speaker_": claim_speaker([current[cid][1]] + [m.speaker for m in joined[cid]]),
          "disputed": disputed.get(cid, 0)} for cid in later])
    known = [cid for cid in later if cid in reported]
    if known:
        session.connection().execute(
            update(outlets).where(outlets.c.claim_id == bindparam("cid"), outlets.c.outlet_id == article.outlet_id)
            .values(mention_count=outlets.c.mention_count + bindparam("added")),
            [{"cid": cid, "added": len(joined[cid])} for cid in known])
    fresh = [{"claim_id": cid, "outlet_id": article.outlet_id, "mention_count": len(joined[cid]),
              "first_seen": published} for cid in later if cid not in reported]
    if fresh:
        session.connection().execute(insert(outlets), fresh)


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
