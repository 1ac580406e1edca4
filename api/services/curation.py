"""Curation by fact-checkers, and re-matching that respects it.

Merging two claims and moving a mention are recorded (who, when, what) and pin the mentions
they place, so that automatic matching — at ingest or when re-run — never undoes them.

Every curation write takes the ingest write lock (``take_write_lock``) before it reads what it
changes, so it runs entirely before or entirely after any ingest's write phase; an ingest that
matched against a claim curated meanwhile re-plans under the lock (``curated_since_plan``).
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import delete, func, update
from sqlmodel import Session, select

from ..config import Settings
from ..db import take_write_lock
from ..errors import Invalid, NotFound
from ..models import Claim, CurationEvent, Disagreement, Mention
from . import pagination_sql
from .claim_stats import refresh_claims
from .claims import claim_detail, get_claim
from .components import Components
from .detection import detect_for_mention
from .matching import Placement, best_claim


def _forget_disagreements(session: Session, mention_id: int, claim_id: int) -> None:
    """Before a mention moves to claim ``claim_id``: drop its live disagreements, and carry its
    dismissed ones along to that claim (they stay, so detection never recreates them, and they
    must not keep pointing at a claim that may be deleted once it has no mentions left)."""
    involved = (Disagreement.mention_a_id == mention_id) | (Disagreement.mention_b_id == mention_id)
    session.exec(delete(Disagreement).where(involved, Disagreement.dismissed_at.is_(None)))
    session.exec(update(Disagreement).where(involved, Disagreement.dismissed_at.is_not(None))
                 .values(claim_id=claim_id))


def curated_since_plan(session: Session, placements: list[Placement]) -> bool:
    """Whether a stored claim the placements join has been merged away or deleted (by curation)
    since they were planned; call it holding the write lock, and plan again when it is true."""
    joined = {p.claim for p in placements if not p.is_new}
    if not joined:
        return False
    live = session.exec(select(func.count(Claim.id)).where(Claim.id.in_(joined),
                                                           Claim.merged_into_id.is_(None))).one()
    return live != len(joined)


def merge_claims(session: Session, comps: Components, settings: Settings, into_id: int, from_id: int,
                 actor: str, note: str | None) -> dict:
    """Move every mention of claim ``from_id`` into claim ``into_id``; the old id then redirects."""
    take_write_lock(session)
    into, source = get_claim(session, into_id), get_claim(session, from_id)
    if into.id == source.id:
        raise Invalid("A claim cannot be merged into itself.", errors={"from_claim_id": ["Same claim."]})
    moved = session.exec(select(Mention).where(Mention.claim_id == source.id)).all()
    for m in moved:
        m.claim_id, m.pinned = into.id, True
        session.add(m)
    session.exec(update(Disagreement).where(Disagreement.claim_id == source.id).values(claim_id=into.id))
    source.merged_into_id = into.id
    session.add(source)
    session.flush()
    for m in moved:
        detect_for_mention(session, comps, m, settings.detect_against)
    session.add(CurationEvent(actor=actor, action="merge_claims", claim_id=into.id,
                              detail={"from_claim_id": source.id, "mention_ids": [m.id for m in moved],
                                      "note": note}))
    refresh_claims(session, [into.id, source.id])
    return claim_detail(session, into.id)


def move_mention(session: Session, comps: Components, settings: Settings, mention_id: int, claim_id: int | None,
                 actor: str, note: str | None) -> dict:
    """Put a mention into another claim, or into a new claim of its own when ``claim_id`` is None."""
    take_write_lock(session)
    mention = session.get(Mention, mention_id)
    if mention is None:
        raise NotFound(f"No mention with id {mention_id}.")
    old = mention.claim_id
    if claim_id is None:
        target = Claim(text=mention.text, kind=mention.kind, speaker=mention.speaker)
        session.add(target)
        session.flush()
    else:
        target = get_claim(session, claim_id)
    _forget_disagreements(session, mention.id, target.id)
    mention.claim_id, mention.pinned, mention.match_score = target.id, True, None
    session.add(mention)
    session.flush()
    detect_for_mention(session, comps, mention, settings.detect_against)
    session.add(CurationEvent(actor=actor, action="move_mention", claim_id=target.id, mention_id=mention.id,
                              detail={"from_claim_id": old, "to_claim_id": target.id, "note": note}))
    refresh_claims(session, [old, target.id])
    return claim_detail(session, target.id)


def list_events(session: Session, args: dict) -> dict:
    """The curation log, newest first."""
    stmt = select(CurationEvent)
    if args.get("claim"):
        stmt = stmt.where(CurationEvent.claim_id == args["claim"])
    rows, next_cursor = pagination_sql.keyset(session, stmt, CurationEvent, None, "-id", args)
    return {"items": [r.model_dump() for r in rows], "next_cursor": next_cursor}


def rematch(session_factory: Callable[[], Session], comps: Components, settings: Settings, *, batch: int = 500,
            progress: Callable[[int, int], None] | None = None) -> dict:
    """Re-run matching (and detection for what moved) over every unpinned mention, in id order,
    one transaction per batch, each under the ingest write lock. A mention only ever joins
    claims of mentions stored before it, as at ingest; pinned mentions stay where people put them."""
    stats = {"mentions": 0, "moved": 0, "new_claims": 0}
    last_id = 0
    while True:
        with session_factory() as session:
            take_write_lock(session)
            rows = session.exec(select(Mention).where(Mention.id > last_id).order_by(Mention.id).limit(batch)).all()
            if not rows:
                break
            touched: set[int] = set()
            for m in rows:
                last_id = m.id
                stats["mentions"] += 1
                if m.pinned:
                    continue
                target, score = best_claim(session, comps, m, settings, before_id=m.id)
                if target is None:
                    earlier = session.exec(select(Mention.id).where(Mention.claim_id == m.claim_id,
                                                                    Mention.id < m.id).limit(1)).first()
                    if earlier is None:
                        continue  # it already starts its own claim
                    claim = Claim(text=m.text, kind=m.kind, speaker=m.speaker)
                    session.add(claim)
                    session.flush()
                    target = claim.id
                    stats["new_claims"] += 1
                if target == m.claim_id:
                    continue
                _forget_disagreements(session, m.id, target)
                touched.update({m.claim_id, target})
                m.claim_id, m.match_score = target, score
                session.add(m)
                session.flush()
                detect_for_mention(session, comps, m, settings.detect_against)
                stats["moved"] += 1
            refresh_claims(session, touched)
            session.commit()
        if progress:
            progress(stats["mentions"], stats["moved"])
    return stats
