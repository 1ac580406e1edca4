"""Claim matching and disagreement detection inside a transaction.

For each new mention: retrieve candidate mentions from the full-text index (never a scan of all
claims), score them with the matcher, join the claim of the best one that states the same claim
or start a new claim; then compare the mention with the claim's mentions from other articles and
store each typed disagreement the detectors find. Pinned mentions (placed by a person) are never
moved, and dismissed disagreements are never created again.
"""
from __future__ import annotations

from rapidfuzz import fuzz
from sqlmodel import Session, select

from ..models import Article, Claim, Disagreement, Mention
from ..pipeline.text import normalise
from ..pipeline.types import MentionText
from .components import Components
from .search import candidate_mention_ids, count_terms


def mention_text(mention: Mention) -> MentionText:
    """The pipeline's view of a stored mention (quote spans made relative to its text)."""
    quotes = tuple((max(0, a - mention.start), min(len(mention.text), b - mention.start))
                   for a, b in (mention.quote_spans or []) if b > a)
    return MentionText(text=mention.text, speaker=mention.speaker, is_quote=mention.is_quote, quotes=quotes)


def shortlist(new_text: str, candidates: list[Mention], keep: int, per_claim: int = 2) -> list[Mention]:
    """The candidates worth the full matcher: best first by a cheap token-set ratio (which
    tolerates containment, as partial quotations need), at most ``per_claim`` per claim."""
    norm = normalise(new_text)
    ranked = sorted(candidates, key=lambda c: fuzz.token_set_ratio(norm, normalise(c.text)), reverse=True)
    out, seen = [], {}
    for cand in ranked:
        if seen.get(cand.claim_id, 0) < per_claim:
            seen[cand.claim_id] = seen.get(cand.claim_id, 0) + 1
            out.append(cand)
            if len(out) == keep:
                break
    return out


def best_claim(session: Session, comps: Components, mention: Mention, limit: int, scored: int = 6,
               before_id: int | None = None, budget: int = 1000) -> tuple[int | None, float | None]:
    """The claim the mention should join and the score, or (None, best score) for a new claim.

    ``limit`` candidates come from the index, the ``scored`` most alike of them get the full
    matcher. With ``before_id`` only mentions stored before that id are candidates (re-matching).
    """
    terms = comps.matcher.search_terms(mention.text, limit=12)
    ids = candidate_mention_ids(session, terms, limit * 2 if before_id else limit + 1, budget)
    ids = [i for i in ids if i != mention.id and (before_id is None or i < before_id)][:limit]
    if not ids:
        return None, None
    candidates = shortlist(mention.text, session.exec(select(Mention).where(Mention.id.in_(ids))).all(), scored)
    new = mention_text(mention)
    comps.matcher.prepare([mention.text] + [c.text for c in candidates])
    best_id, best_score, top = None, None, None
    for cand in candidates:
        result = comps.matcher.score(new, mention_text(cand))
        if top is None or result.score > top:
            top = result.score
        if result.same_claim and (best_score is None or result.score > best_score):
            best_id, best_score = cand.claim_id, result.score
    return best_id, (best_score if best_id is not None else top)


def assign_claim(session: Session, comps: Components, mention: Mention, settings: dict) -> tuple[int, bool]:
    """Put a new mention into its claim (an existing one, or a new one) and store it.

    Returns (claim id, whether the claim is new).
    """
    claim_id, score = best_claim(session, comps, mention, settings["MATCH_CANDIDATES"],
                                 settings["MATCH_SCORED"], budget=settings["MATCH_TERM_BUDGET"])
    is_new = claim_id is None
    if is_new:
        claim = Claim(text=mention.text, kind=mention.kind, speaker=mention.speaker)
        session.add(claim)
        session.flush()
        claim_id = claim.id
    mention.claim_id = claim_id
    mention.match_score = score
    session.add(mention)
    session.flush()
    count_terms(session.connection(), [mention.text])
    return claim_id, is_new


def detect_for_mention(session: Session, comps: Components, mention: Mention, limit: int) -> int:
    """Compare a mention with earlier mentions of its claim from other articles; store what differs.

    Returns how many disagreements were created.
    """
    if not comps.detect_enabled:
        return 0
    others = session.exec(
        select(Mention, Article.outlet_id)
        .join(Article, Article.id == Mention.article_id)
        .where(Mention.claim_id == mention.claim_id, Mention.article_id != mention.article_id,
               Mention.id != mention.id)
        .order_by(Mention.id.desc()).limit(limit)).all()
    if not others:
        return 0
    outlet_id = session.get(Article, mention.article_id).outlet_id
    known = {(d.mention_a_id, d.mention_b_id, d.kind) for d in session.exec(
        select(Disagreement).where((Disagreement.mention_a_id == mention.id) |
                                   (Disagreement.mention_b_id == mention.id))).all()}
    created = 0
    new_view = mention_text(mention)
    for other, other_outlet in others:
        a, b = (other, mention) if other.id < mention.id else (mention, other)
        a_outlet, b_outlet = (other_outlet, outlet_id) if a is other else (outlet_id, other_outlet)
        a_view, b_view = (mention_text(other), new_view) if a is other else (new_view, mention_text(other))
        for found in comps.detect(a_view, b_view):
            if (a.id, b.id, found.kind) in known or (b.id, a.id, found.kind) in known:
                continue
            known.add((a.id, b.id, found.kind))
            session.add(Disagreement(
                claim_id=mention.claim_id, kind=found.kind, mention_a_id=a.id, mention_b_id=b.id,
                outlet_a_id=a_outlet, outlet_b_id=b_outlet,
                a_start=found.a_span.start, a_end=found.a_span.end, a_text=found.a_span.text,
                b_start=found.b_span.start, b_end=found.b_span.end, b_text=found.b_span.text,
                explanation=found.explanation, diff=list(found.diff or []),
                detector_version=comps.detector_version))
            created += 1
    session.flush()
    return created
