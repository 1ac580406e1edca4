"""Disagreement detection for stored mentions, inside a transaction.

A mention that joined a claim is compared with the claim's latest mentions from other articles
(at most ``limit``, newest first) of other outlets, and a difference is stored only for two
mentions that state the claim directly (``Matcher.states_same_claim``: a mention can join a
claim through a chain of others and have little in common with a given one) — one outlet's articles differing from each
other are its own updates (a toll, a delegate count), not outlets disagreeing — and each typed difference the detectors find is stored once
per (pair, kind); a disagreement already stored for a pair and kind, dismissed ones included,
is never created again. ``detect_for_article`` does this for all the mentions one article
added to stored claims (one statement for the mentions to compare with, one query for the
pairs stored already); ``detect_for_mention`` for one mention (curation, re-matching).
``redetect`` recomputes every stored disagreement after a detector change (``claimtrack
redetect``), keeping dismissals.
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import delete, func
from sqlmodel import Session, select

from ..config import Settings
from ..models import Article, Disagreement, Mention
from ..storage.mentions import latest_others
from .claim_stats import refresh_claims
from .components import Components
from .mentions import StoredMention


def _known(session: Session, mention_ids: list[int]) -> set[tuple[int, int, str]]:
    """(mention a, mention b, kind) of every disagreement stored for these mentions."""
    return {(a, b, kind) for a, b, kind in session.exec(
        select(Disagreement.mention_a_id, Disagreement.mention_b_id, Disagreement.kind)
        .where(Disagreement.mention_a_id.in_(mention_ids) | Disagreement.mention_b_id.in_(mention_ids))).all()}


def _latest_others(session: Session, claim_ids: list[int], article_id: int,
                   limit: int) -> dict[int, list[StoredMention]]:
    """For each claim, its newest ``limit`` mentions from articles other than ``article_id``
    (newest first): one bounded index range per claim, all in one statement (a UNION ALL of
    per-claim LIMIT queries, ``storage.mentions.latest_others``)."""
    out: dict[int, list[StoredMention]] = {c: [] for c in claim_ids}
    for row in latest_others(session.connection(), claim_ids, article_id, limit):
        out[row.claim_id].append(StoredMention.of_latest(row))
    for found in out.values():  # (UNION ALL keeps no order across its parts)
        found.sort(key=lambda c: -c.id)
    return out


def _compare(session: Session, comps: Components, claim_id: int, new: StoredMention, others: list[StoredMention],
             known: set[tuple[int, int, str]]) -> int:
    """Store what the detectors find between ``new`` and each of ``others`` (the lower id is
    side a); returns how many disagreements were created."""
    created = 0
    for other in others:
        if other.outlet_id == new.outlet_id:
            continue  # one outlet's articles differing are its own updates, not outlets disagreeing
        a, b = (other, new) if other.id < new.id else (new, other)
        found_all = comps.detect(a.view, b.view)
        if found_all and not comps.matcher.states_same_claim(a.view, b.view):
            continue  # joined the claim through other mentions, not by saying the same thing
        for found in found_all:
            if (a.id, b.id, found.kind) in known or (b.id, a.id, found.kind) in known:
                continue
            known.add((a.id, b.id, found.kind))
            session.add(Disagreement(
                claim_id=claim_id, kind=found.kind, mention_a_id=a.id, mention_b_id=b.id,
                outlet_a_id=a.outlet_id, outlet_b_id=b.outlet_id,
                a_start=found.a_span.start, a_end=found.a_span.end, a_text=found.a_span.text,
                b_start=found.b_span.start, b_end=found.b_span.end, b_text=found.b_span.text,
                explanation=found.explanation, diff=list(found.diff or []),
                detector_version=comps.detector_version))
            created += 1
    return created


def detect_for_mention(session: Session, comps: Components, mention: Mention, limit: int) -> int:
    """Compare a mention with the latest mentions of its claim from other articles; store what
    differs. Returns how many disagreements were created."""
    if not comps.detect_enabled:
        return 0
    others = _latest_others(session, [mention.claim_id], mention.article_id, limit)[mention.claim_id]
    if not others:
        return 0
    outlet_id = session.get(Article, mention.article_id).outlet_id
    new = StoredMention.of_model(mention, outlet_id)
    created = _compare(session, comps, mention.claim_id, new, others, _known(session, [mention.id]))
    session.flush()
    return created


def detect_for_article(session: Session, comps: Components, article: Article, joined: list[StoredMention],
                       limit: int) -> int:
    """``detect_for_mention`` for the mentions an article added to stored claims (``joined``, in
    id order, as inserted, with the article's outlet). Returns how many disagreements were
    created."""
    if not comps.detect_enabled or not joined:
        return 0
    created = 0
    others = _latest_others(session, sorted({m.claim_id for m in joined}), article.id, limit)
    known = _known(session, [m.id for m in joined])
    for new in joined:
        if others[new.claim_id]:
            created += _compare(session, comps, new.claim_id, new, others[new.claim_id], known)
    session.flush()
    return created


def _reported_twice(after: int = 0):
    """Claim ids above ``after`` reported by two articles or more (the claims detection sees)."""
    return (select(Mention.claim_id).where(Mention.claim_id > after).group_by(Mention.claim_id)
            .having(func.count(func.distinct(Mention.article_id)) > 1))


def redetect_total(session: Session) -> int:
    """How many claims ``redetect`` goes through."""
    return session.exec(select(func.count()).select_from(_reported_twice().subquery())).one()


def _disputed_claims(session: Session, after: int, batch: int) -> list[int]:
    """The next ``batch`` claim ids above ``after`` reported by two articles or more."""
    return list(session.exec(_reported_twice(after).order_by(Mention.claim_id).limit(batch)).all())


def _claim_mentions(session: Session, claim_ids: list[int]) -> dict[int, list[StoredMention]]:
    """Each claim's mentions in id order, with their article's outlet."""
    out: dict[int, list[StoredMention]] = {c: [] for c in claim_ids}
    rows = session.exec(select(Mention, Article.outlet_id).join(Article, Article.id == Mention.article_id)
                        .where(Mention.claim_id.in_(claim_ids)).order_by(Mention.id)).all()
    for m, outlet_id in rows:
        out[m.claim_id].append(StoredMention.of_model(m, outlet_id))
    return out


def redetect_claims(session: Session, comps: Components, claim_ids: list[int], limit: int) -> dict:
    """Recompute the disagreements of these claims with the current detectors: the live ones
    are deleted, each mention is compared again with the latest ``limit`` earlier mentions of
    its claim from other articles (as at ingest), and what is found is stored; dismissed
    disagreements stay, and are never stored again for the same pair and kind."""
    removed = session.exec(delete(Disagreement).where(
        Disagreement.claim_id.in_(claim_ids), Disagreement.dismissed_at.is_(None))).rowcount or 0
    known = {(a, b, kind) for a, b, kind in session.exec(
        select(Disagreement.mention_a_id, Disagreement.mention_b_id, Disagreement.kind)
        .where(Disagreement.claim_id.in_(claim_ids))).all()}
    created = 0
    for claim, mentions in _claim_mentions(session, claim_ids).items():
        for k, new in enumerate(mentions):
            others = [c for c in reversed(mentions[:k]) if c.article_id != new.article_id][:limit]
            created += _compare(session, comps, claim, new, others, known)
    session.flush()
    refresh_claims(session, claim_ids)
    return {"removed": removed, "created": created}


def redetect(session_factory: Callable[[], Session], comps: Components, settings: Settings, *, batch: int = 200,
             progress: Callable[[int], None] | None = None) -> dict:
    """``redetect_claims`` over every claim reported by two articles or more, ``batch`` claims
    per transaction, in id order; ``progress`` is called with the number of claims done after
    each batch. Returns counts: claims, removed, created, and the detector version used."""
    stats = {"claims": 0, "removed": 0, "created": 0, "detector_version": comps.detector_version}
    last = 0
    while True:
        with session_factory() as session:
            ids = _disputed_claims(session, last, batch)
            if not ids:
                break
            got = redetect_claims(session, comps, ids, settings.detect_against)
            session.commit()
        last = ids[-1]
        stats["claims"] += len(ids)
        stats["removed"] += got["removed"]
        stats["created"] += got["created"]
        if progress:
            progress(len(ids))
    return stats
