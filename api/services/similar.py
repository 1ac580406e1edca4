"""Claims like a given text (``GET /v1/claims?similar_to=``): what a fact-checker pastes a sentence into.

The text is treated as a new mention would be at ingest, without a date: candidates are the
stored mentions the full-text index finds for its distinctive words (``retrieval``) plus its
nearest stored vectors among the newest ``VECTOR_WINDOW_MAX`` mentions (published at or before
``until`` when given; ``vectors``), so the work per request is bounded at any store size. Each
candidate is scored by the matcher ingestion uses; a claim's score is its best mention's. Live
claims that pass the listing's other filters come back best first, each with ``score`` and
``same_claim`` (whether the matcher would join the text to it). Not paginated: one ranked page
of at most ``limit`` claims (``next_cursor`` is always null).
"""
from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session, select

from ..config import Settings
from ..errors import Invalid
from ..models import LIVE_CLAIM, Claim
from .claims import _filtered, claim_dicts
from .components import Components
from .matching import vector_neighbours
from .retrieval import CandidateFinder
from .mentions import sentence_view

LEXICAL_CANDIDATES = 50  # full-text candidates scored per request
VECTOR_CANDIDATES = 50  # nearest stored vectors scored per request
# The vector candidates asked of the window reach lower than ingest's VECTOR_MIN_COSINE: the
# matcher ranks them, and a near miss is still worth showing to someone searching.
SEARCH_MIN_COSINE = 0.6
REFUSED_WITH = ("q", "cursor")


def similar_claims(session: Session, comps: Components, settings: Settings, args: dict) -> dict:
    """``{items, next_cursor: None}``: the live claims most like ``args["similar_to"]`` by the
    matcher's score, best first, at most ``args["limit"]``, filtered as the listing filters."""
    refused = [name for name in REFUSED_WITH if args.get(name)]
    if args.get("sort") not in (None, "-last_seen"):
        refused.append("sort")
    if refused:
        raise Invalid("similar_to ranks claims by the matcher's score: it takes no "
                      + ", ".join(refused) + ".", errors={name: ["Not with similar_to."] for name in refused})
    new = sentence_view(args["similar_to"], None)
    finder = CandidateFinder(session, settings.match_term_budget)
    ranked = finder.find([comps.matcher.search_terms(new.text, limit=12)], LEXICAL_CANDIDATES).ranked[0]
    if comps.embedder is not None:
        new = replace(new, vector=comps.embedder.embed([new.text])[0])
    near = vector_neighbours(session, comps, settings.replace(vector_candidates=VECTOR_CANDIDATES,
                                                              vector_min_cosine=SEARCH_MIN_COSINE),
                             [new], args.get("until"), newest=True)[0]
    stored = finder.load([mid for mid, _ in ranked] + [mid for mid, _ in near])
    if not stored:
        return {"items": [], "next_cursor": None}
    comps.matcher.prepare([new] + [m.view for m in stored.values()])  # views: stored vectors are reused
    best: dict[int, tuple[float, bool]] = {}
    for m in stored.values():
        result = comps.matcher.score(new, m.view)
        score = float(result.score)
        if m.claim_id not in best or score > best[m.claim_id][0]:
            best[m.claim_id] = (score, bool(result.same_claim))
    stmt = _filtered(session, select(Claim).where(LIVE_CLAIM, Claim.id.in_(list(best))), args)
    claims = session.exec(stmt).all() if stmt is not None else []
    claims = sorted(claims, key=lambda c: (-best[c.id][0], -c.id))[: args["limit"]]
    items = claim_dicts(session, claims)
    for item in items:
        item["score"], item["same_claim"] = round(best[item["id"]][0], 6), best[item["id"]][1]
    return {"items": items, "next_cursor": None}
