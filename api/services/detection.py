"""Disagreement detection for stored mentions, inside a transaction.

A mention that joined a claim is compared with the claim's latest mentions from other articles
(at most ``limit``, newest first), and each typed difference the detectors find is stored once
per (pair, kind); a disagreement already stored for a pair and kind, dismissed ones included,
is never created again. ``detect_for_article`` does this for all the mentions one article
added to stored claims (one statement for the mentions to compare with, one query for the
pairs stored already); ``detect_for_mention`` for one mention (curation, re-matching).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from ..db import driver_cursor
from ..models import Article, Disagreement, Mention
from ..pipeline.types import MentionText
from .components import Components
from .matching import mention_text
from .retrieval import decoded_spans, stored_view


@dataclass(frozen=True)
class Compared:
    """A stored mention as detection needs it."""

    id: int
    outlet_id: int
    view: MentionText


def _known(session: Session, mention_ids: list[int]) -> set[tuple[int, int, str]]:
    """(mention a, mention b, kind) of every disagreement stored for these mentions."""
    return {(a, b, kind) for a, b, kind in session.exec(
        select(Disagreement.mention_a_id, Disagreement.mention_b_id, Disagreement.kind)
        .where(Disagreement.mention_a_id.in_(mention_ids) | Disagreement.mention_b_id.in_(mention_ids))).all()}


_LATEST_SQL = ("SELECT * FROM (SELECT m.id, m.claim_id, m.text, m.start, m.speaker, m.is_quote, m.quote_spans, "
               "a.outlet_id FROM mention m JOIN article a ON a.id = m.article_id "
               "WHERE m.claim_id = {mark} AND m.article_id != {mark} ORDER BY m.id DESC LIMIT {mark}) AS t{i}")
CLAIMS_PER_QUERY = 200  # (SQLite allows 500 parts in one compound SELECT)


def _latest_others(session: Session, claim_ids: list[int], article_id: int, limit: int) -> dict[int, list[Compared]]:
    """For each claim, its newest ``limit`` mentions from articles other than ``article_id``
    (newest first): one bounded index range per claim, all in one statement (a UNION ALL of
    per-claim LIMIT queries, through the driver's cursor)."""
    out: dict[int, list[Compared]] = {c: [] for c in claim_ids}
    with driver_cursor(session.connection()) as (cur, mark):
        for k in range(0, len(claim_ids), CLAIMS_PER_QUERY):
            chunk = claim_ids[k:k + CLAIMS_PER_QUERY]
            sql = " UNION ALL ".join(_LATEST_SQL.format(mark=mark, i=i) for i in range(len(chunk)))
            cur.execute(sql, [x for c in chunk for x in (c, article_id, limit)])
            for mid, claim, text, start, speaker, is_quote, spans, outlet_id in cur.fetchall():
                view = stored_view(text, start, speaker, bool(is_quote), decoded_spans(spans))
                out[claim].append(Compared(mid, outlet_id, view))
    for found in out.values():  # (UNION ALL keeps no order across its parts)
        found.sort(key=lambda c: -c.id)
    return out


def _compare(session: Session, comps: Components, claim_id: int, new: Compared, others: list[Compared],
             known: set[tuple[int, int, str]]) -> int:
    """Store what the detectors find between ``new`` and each of ``others`` (the lower id is
    side a); returns how many disagreements were created."""
    created = 0
    for other in others:
        a, b = (other, new) if other.id < new.id else (new, other)
        for found in comps.detect(a.view, b.view):
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
    new = Compared(mention.id, outlet_id, mention_text(mention))
    created = _compare(session, comps, mention.claim_id, new, others, _known(session, [mention.id]))
    session.flush()
    return created


def detect_for_article(session: Session, comps: Components, article: Article, joined: list[tuple[int, dict]],
                       limit: int) -> int:
    """``detect_for_mention`` for the mentions an article added to stored claims: ``joined`` are
    (id, row) of those mentions in id order (rows as inserted: claim_id, text, start, speaker,
    is_quote, quote_spans). Returns how many disagreements were created."""
    if not comps.detect_enabled or not joined:
        return 0
    created = 0
    others = _latest_others(session, sorted({row["claim_id"] for _, row in joined}), article.id, limit)
    known = _known(session, [mid for mid, _ in joined])
    for mid, row in joined:
        claim = row["claim_id"]
        if not others[claim]:
            continue
        new = Compared(mid, article.outlet_id, stored_view(row["text"], row["start"], row["speaker"],
                                                           row["is_quote"], row["quote_spans"]))
        created += _compare(session, comps, claim, new, others[claim], known)
    session.flush()
    return created
