"""Claim matching inside a transaction.

``plan_mentions`` decides, for the mentions of one article (or one mention being re-matched),
which claim each joins: candidates come from the full-text index (``retrieval``, never a scan of
all claims), from the nearest stored vectors of the article's time window (``vectors``, when
``VECTOR_RETRIEVAL`` is on) and from the earlier mentions of the same article, a cheap token-set
ratio shortlists them (the ``VECTOR_SCORED`` nearest by vector join the shortlist whatever their
ratio: a paraphrase shares few words), and the matcher scores the shortlist (with how many days apart each candidate's article
was published); a mention joins the claim of the best candidate that states the same claim, or
starts a new claim. A mention that started a claim gets a second look when one of its candidates
comes from an article the batch already shares a claim with (the same story: a short line quoted
by both reports may join then). Planning only reads, so ingests plan side by side;
``settle_plan``, called holding the write lock, then matches the claims an article would start
against the mentions other requests stored meanwhile (by their words and their vectors). Pinned mentions (placed by a person) are
never moved. (Disagreements between the mentions of a claim are found in ``detection``.)
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sqlmodel import Session, select

from ..config import Settings
from ..models import Article, Mention
from ..pipeline.types import MentionText
from ..storage.mentions import newest_mention_id
from .components import Components
from .mentions import NewMention, StoredMention
from .retrieval import CandidateFinder, days_apart
from .search import index_terms
from .vectors import VectorWindow

PER_CLAIM = 2
# more mentions than this stored by others between planning and writing: plan again
SETTLE_MAX = 5000


@dataclass(frozen=True)
class Placement:
    """Where a mention goes: ``claim`` is an existing claim id, or ``-k`` for the k-th new claim
    of the batch; ``score`` is the matcher's score for the claim joined (for a new claim, the
    best score seen, or None when no candidate came close)."""

    claim: int
    score: float | None

    @property
    def is_new(self) -> bool:
        """Whether the mention starts (or joins) a claim created in this batch."""
        return self.claim < 0


# A mention matching compares: a stored one, or one of the batch not stored yet. Both answer
# ``text``, ``quotes``, ``processed``, ``view``, ``id`` (None: not stored), ``article_id`` and
# ``published`` (``mentions.py``).
Candidate = StoredMention | NewMention


def _quoted(mention: Candidate) -> tuple[str, ...]:
    """The mention's quoted fragments of two words or more, as ``default_process`` leaves them."""
    quotes = mention.quotes
    return _fragments(mention.text, quotes) if quotes else ()


@lru_cache(maxsize=4096)
def _fragments(text: str, quotes: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    frags = (text[a:b] for a, b in quotes)
    return tuple(default_process(f) for f in frags if len(f.split()) >= 2)


def shortlist(new: Candidate, candidates: list[tuple[int, Candidate]], keep: int, min_ratio: float = 0.0,
              per_claim: int = PER_CLAIM) -> list[tuple[int, MentionText]]:
    """The (claim, mention) candidates worth the full matcher: best first by a cheap token-set
    ratio on lower-cased alphanumeric words (rapidfuzz's ``default_process``, in C; it
    tolerates containment), at most ``per_claim`` per claim, none below
    ``min_ratio`` (the matcher's ``shortlist_min_ratio``: in a store most candidates share only
    a rare word or two and score 40-60, and the matcher all but never accepts those) unless one
    quotes words the other holds verbatim (a partial quotation: "the 'last opportunity'")."""
    return [(candidates[i][0], candidates[i][1].view) for i in shortlisted(new, candidates, keep, min_ratio, per_claim)]


def shortlisted(new: Candidate, candidates: list[tuple[int, Candidate]], keep: int, min_ratio: float = 0.0,
                per_claim: int = PER_CLAIM) -> list[int]:
    """``shortlist``'s choice as indices into ``candidates``, best first."""
    if not candidates:
        return []
    norm = new.processed
    new_quotes = _quoted(new)
    others = [m.processed for _, m in candidates]
    # the ratios that reach ``min_ratio``, best first (ties in candidate order), in one C call
    ranked = process.extract(norm, others, scorer=fuzz.token_set_ratio, processor=None, limit=None,
                             score_cutoff=min_ratio or None)
    if len(ranked) < len(others):
        # below it, only candidates quoting (or quoted by) the other's words verbatim, still best first
        above = {i for _, _, i in ranked}
        quoting = []
        for i, other in enumerate(others):
            if i in above:
                continue
            theirs = _quoted(candidates[i][1])
            if (new_quotes and any(f in other for f in new_quotes)) or (theirs and any(f in norm for f in theirs)):
                quoting.append((other, fuzz.token_set_ratio(norm, other, processor=None), i))
        ranked += sorted(quoting, key=lambda r: (-r[1], r[2]))
    out, seen = [], {}
    for _, _, i in ranked:
        claim = candidates[i][0]
        if seen.get(claim, 0) < per_claim:
            seen[claim] = seen.get(claim, 0) + 1
            out.append(i)
            if len(out) == keep:
                break
    return out


def _scored(new: Candidate, candidates: list[tuple[int, Candidate]], keep: int, min_ratio: float,
            published, lane: list[int] = (), lane_keep: int = 0) -> list[tuple[int, MentionText, float | None, int | None]]:
    """The shortlist as (claim, view, days apart, article id): a candidate is as far from
    ``published`` (the new mention's publication time) as its article (a mention of the same
    batch, article id None, has the batch's time: 0 days away); None when a time is unknown.
    ``lane``: indices into ``candidates`` of the nearest by vector, best first; the first
    ``lane_keep`` of them whose claim the shortlist lacks are scored too, whatever their ratio."""
    picked = shortlisted(new, candidates, keep, min_ratio)
    if lane and lane_keep > 0:
        claims = {candidates[i][0] for i in picked}
        extra = 0
        for i in lane:
            if extra == lane_keep:
                break
            if candidates[i][0] not in claims:
                claims.add(candidates[i][0])
                picked.append(i)
                extra += 1
    out = []
    for i in picked:
        claim, m = candidates[i]
        out.append((claim, m.view, days_apart(published, m.published), m.article_id))
    return out


def _decide(comps: Components, new: MentionText, scored: list[tuple[int, MentionText, float | None, int | None]],
            story: set[int] | frozenset = frozenset()) -> tuple[int | None, float | None, int | None]:
    """The claim of the best candidate stating the same claim, its score and its article; or
    None, the best score seen and None. ``scored`` holds (claim, view, days apart, article id)
    (see ``_scored``); candidates from ``story`` articles (ones the batch already shares a claim
    with) are scored as the same story."""
    if not scored:
        return None, None, None
    comps.matcher.prepare([new] + [v for _, v, _, _ in scored])  # views: stored vectors are reused
    best_claim_id, best_score, best_article, top = None, None, None, None
    for claim, view, days, article in scored:
        result = comps.matcher.score(new, view, days_apart=days, same_story=article in story)
        if top is None or result.score > top:
            top = result.score
        if result.same_claim and (best_score is None or result.score > best_score):
            best_claim_id, best_score, best_article = claim, result.score, article
    return best_claim_id, (best_score if best_claim_id is not None else top), best_article


def _story_pass(comps: Components, mentions: list[Candidate], placements: list[Placement],
                shortlists: list[list], story: set[int]) -> None:
    """Second look, in place, at the mentions that started claims: when one of their
    candidates comes from an article the batch already shares a claim with (``story``), score
    again as the same story (a short line quoted by both reports of one story), and move the
    new claim's mentions to the claim it joins."""
    starters: dict[int, int] = {}  # new claim -> the mention that started it
    for i, p in enumerate(placements):
        if p.is_new:
            starters.setdefault(p.claim, i)
    for ref, i in starters.items():
        scored = shortlists[i]
        if not any(article in story for *_, article in scored):
            continue
        claim, score, _ = _decide(comps, mentions[i].view, scored, story)
        if claim is None or claim < 0:
            continue
        for j, p in enumerate(placements):
            if p.claim == ref:
                placements[j] = Placement(claim, score if j == i else p.score)


@dataclass
class MatchPlan:
    """Placements of ``mentions`` (in order) decided on what was stored when matching began:
    ``snapshot`` is the newest mention id then, ``weights`` the index keys of each mention's
    distinctive words, with their rarity then."""

    mentions: list[Candidate]
    placements: list[Placement]
    weights: list[dict[str, float]]
    snapshot: int
    keysets: list[set[str]]  # each mention's index keys (``search.index_terms``)
    published: object = None  # the batch's publication time (a datetime), None when unknown


def _append_nearest(candidates: list[tuple[int, Candidate]], nearest: list[StoredMention], key) -> list[int]:
    """Adds the ``nearest`` by vector (best first) to ``candidates`` where ``key`` finds them
    missing, and returns the vector lane: each one's index in ``candidates``."""
    if not nearest:  # (most mentions: none at the cosine floor, or vector retrieval off)
        return []
    at = {key(m): n for n, (_, m) in enumerate(candidates)}
    at.pop(None, None)  # (no key: a batch mention, never one of the nearest)
    lane = []
    for m in nearest:
        k = key(m)
        if k not in at:
            at[k] = len(candidates)
            candidates.append((m.claim_id, m))
        lane.append(at[k])
    return lane


def _candidates_by_keys(weights: dict[str, float], holders: dict[str, list[tuple[int, int, Candidate]]],
                        limit: int) -> list[tuple[int, Candidate]]:
    """(claim, mention) of the ``limit`` mentions that hold the most of ``weights``' keys by
    summed rarity (newest first among equals); ``holders`` maps each key to the (id, claim,
    mention) entries holding it."""
    found: dict[int, list] = {}
    for key, w in weights.items():
        for mid, claim, mention in holders.get(key, ()):
            entry = found.setdefault(mid, [0.0, mid, claim, mention])
            entry[0] += w
    ranked = sorted(found.values(), key=lambda r: (-r[0], -r[1]))
    return [(claim, mention) for _, _, claim, mention in ranked[:limit]]


def _batch_pool(chosen: dict[str, float], holders: dict[str, list[int]], placements: list[Placement],
                mentions: list[Candidate]) -> list[tuple[float, int, int, Candidate]]:
    """The earlier mentions of the batch holding any of the ``chosen`` keys (``holders``: key
    -> their indices) as pool entries: (summed weight of the keys each holds, a recency above
    every stored id, the claim it was placed in, the mention)."""
    shared: dict[int, float] = {}  # earlier mention of the batch -> summed weight of keys it holds
    for k, x in chosen.items():
        for j in holders.get(k, ()):
            shared[j] = shared.get(j, 0.0) + x
    return [(w, 2 ** 62 + j, placements[j].claim, mentions[j]) for j, w in shared.items()]


def plan_mentions(session: Session, comps: Components, settings: Settings, mentions: list[Candidate],
                  before_id: int | None = None, same_batch: bool = True, published=None) -> MatchPlan:
    """The claim each of ``mentions`` (in order: an article's ``NewMention``s, or a stored
    mention being re-matched) should join. With ``same_batch`` a mention may also
    join the claim of an earlier mention of the batch (an article repeating a claim); with
    ``before_id`` only mentions stored before that id are candidates (re-matching).
    ``published`` is the batch's publication time: the matcher asks more of candidates
    published long before or after it (``Matcher.score``'s ``days_apart``). Only reads:
    ingest plans before it takes the write lock, then ``settle_plan`` looks at what other
    requests stored in the meantime."""
    limit = settings.match_candidates
    finder = CandidateFinder(session, settings.match_term_budget, before_id)
    views = [m.view for m in mentions]
    all_keys = [index_terms(v.text) for v in views]
    keysets = all_keys if same_batch and len(views) > 1 else []
    found = finder.find([comps.matcher.search_terms(v.text, limit=12) for v in views], limit, keysets or None)
    ranked = found.ranked
    near = vector_neighbours(session, comps, settings, views, published, before_id)
    stored = finder.load([mid for r in ranked for mid, _ in r] + [mid for r in near for mid, _ in r])
    placements: list[Placement] = []
    batch_holders: dict[str, list[int]] = defaultdict(list)  # index key -> earlier mentions of the batch
    new_claims = 0
    story: set[int] = set()  # stored articles the batch shares a claim with
    shortlists: list[list] = []  # each mention's scored shortlist
    for i, view in enumerate(views):
        # (weight, recency, claim, mention): stored candidates, then earlier mentions of the batch
        pool = [(w, mid, stored[mid].claim_id, stored[mid]) for mid, w in ranked[i] if mid in stored]
        if keysets:
            pool += _batch_pool(found.chosen[i], batch_holders, placements, mentions)
            for k in keysets[i]:
                batch_holders[k].append(i)
        pool.sort(key=lambda p: (-p[0], -p[1]))
        candidates = [(claim, v) for _, _, claim, v in pool[:limit]]
        # the nearest by vector, added to the full-text candidates (best cosine first)
        lane = _append_nearest(candidates, [stored[mid] for mid, _ in near[i] if mid in stored],
                               key=attrgetter("id"))  # (a batch mention's id: None)
        scored = _scored(mentions[i], candidates, settings.match_scored,
                         getattr(comps.matcher, "shortlist_min_ratio", 0.0), published, lane,
                         settings.vector_scored)
        claim, score, article = _decide(comps, view, scored)
        if claim is None:
            new_claims += 1
            claim = -new_claims
        elif article is not None:
            story.add(article)
        shortlists.append(scored)
        placements.append(Placement(claim, score))
    if story:
        _story_pass(comps, mentions, placements, shortlists, story)
    return MatchPlan(mentions, placements, found.rarity, finder.newest, all_keys, published)


def view_vectors(comps: Components, views: list[MentionText]):
    """The views' vectors as one float32 matrix: their own where they carry one, the others
    embedded now (one batch); None when no embedder is loaded."""
    if comps.embedder is None:
        return None
    import numpy as np

    missing = [i for i, v in enumerate(views) if v.vector is None]
    out = np.zeros((len(views), comps.embedder.dim), dtype=np.float32)
    if missing:
        out[missing] = comps.embedder.embed([views[i].text for i in missing])
    for i, v in enumerate(views):
        if v.vector is not None:
            out[i] = v.vector
    return out


def vector_neighbours(session: Session, comps: Components, settings: Settings, views: list[MentionText], published,
                      before_id: int | None = None, newest: bool = False) -> list[list[tuple[int, float]]]:
    """For each view, its nearest stored mentions by vector as (mention id, cosine), best first:
    at most ``VECTOR_CANDIDATES`` at cosine >= ``VECTOR_MIN_COSINE``, among the mentions
    published within ``VECTOR_WINDOW_DAYS`` of ``published`` (at most ``VECTOR_WINDOW_MAX``, the
    nearest in time; with ``newest``, or when ``published`` is None, the newest ones published at
    or before it); with ``before_id`` only mentions stored before it. Empty lists when
    ``VECTOR_RETRIEVAL`` is off."""
    if not views or not settings.vector_retrieval or comps.embedder is None \
            or settings.vector_candidates <= 0:
        return [[] for _ in views]
    queries = view_vectors(comps, views)
    window = VectorWindow.read(session.connection(), published, settings.vector_window_days,
                               settings.vector_window_max, before_id, newest)
    return window.neighbours(queries, settings.vector_candidates, settings.vector_min_cosine)


def place_mentions(session: Session, comps: Components, settings: Settings, mentions: list[Candidate],
                   before_id: int | None = None, same_batch: bool = True, published=None) -> list[Placement]:
    """``plan_mentions``' placements (for callers that hold the write lock already)."""
    return plan_mentions(session, comps, settings, mentions, before_id, same_batch, published).placements


def settle_plan(session: Session, comps: Components, settings: Settings, plan: MatchPlan) -> list[Placement]:
    """The plan's placements, brought up to date with the mentions other requests stored after
    the plan's snapshot (call it holding the write lock): each claim the batch would start is
    matched against those mentions, and when its first mention states the same claim as one of
    them, all its mentions join that claim instead. (Two outlets reporting a new claim at the
    same moment thus still make one claim.)"""
    newest = newest_mention_id(session.connection())
    if newest <= plan.snapshot:
        return plan.placements
    if newest - plan.snapshot > SETTLE_MAX:  # a bulk load ran meanwhile: plan again, under the lock
        return place_mentions(session, comps, settings, plan.mentions, published=plan.published)
    fresh = CandidateFinder(session).load(range(plan.snapshot + 1, newest + 1))  # (ids deleted meanwhile are absent)
    holders: dict[str, list[tuple[int, int, Candidate]]] = defaultdict(list)
    for m in fresh.values():
        for key in index_terms(m.text):
            holders[key].append((m.id, m.claim_id, m))
    placements = list(plan.placements)
    starters: dict[int, int] = {}
    for i, p in enumerate(placements):
        if p.is_new and p.claim not in starters:
            starters[p.claim] = i
    min_ratio = getattr(comps.matcher, "shortlist_min_ratio", 0.0)
    near = _fresh_neighbours(settings, [plan.mentions[i].view for i in starters.values()], fresh)
    for (ref, i), nearest in zip(starters.items(), near):
        mention = plan.mentions[i]
        candidates = _candidates_by_keys(plan.weights[i], holders, settings.match_candidates)
        lane = _append_nearest(candidates, nearest, key=id)  # the nearest among the fresh mentions, as plan_mentions adds them
        claim, score, _ = _decide(comps, mention.view, _scored(mention, candidates, settings.match_scored, min_ratio,
                                                               plan.published, lane, settings.vector_scored))
        if claim is None:
            continue
        for j, p in enumerate(placements):
            if p.claim == ref:
                placements[j] = Placement(claim, score if j == i else p.score)
    return placements


def _fresh_neighbours(settings: Settings, views: list[MentionText],
                      fresh: dict[int, StoredMention]) -> list[list[StoredMention]]:
    """For each view (carrying its vector), the fresh stored mentions nearest to it by vector,
    best first, as ``vector_neighbours`` chooses them (``VECTOR_CANDIDATES`` at cosine >=
    ``VECTOR_MIN_COSINE``); empty lists when vector retrieval is off or vectors are missing."""
    coded = [m for m in fresh.values() if m.vector is not None]
    if not views or not coded or not settings.vector_retrieval or any(v.vector is None for v in views):
        return [[] for _ in views]
    import numpy as np

    window = VectorWindow(np.array([m.id for m in coded], dtype=np.int64), np.stack([m.vector for m in coded]))
    by_id = {m.id: m for m in coded}
    near = window.neighbours(np.stack([v.vector for v in views]), settings.vector_candidates,
                             settings.vector_min_cosine)
    return [[by_id[mid] for mid, _ in row] for row in near]


def best_claim(session: Session, comps: Components, mention: Mention, settings: Settings,
               before_id: int | None = None) -> tuple[int | None, float | None]:
    """The stored claim a stored mention should join and the score, or (None, best score) for a
    claim of its own; with ``before_id`` only mentions stored before it are candidates."""
    published = session.exec(select(Article.published_at).where(Article.id == mention.article_id)).first()
    placement = place_mentions(session, comps, settings, [StoredMention.of_model(mention)], before_id=before_id,
                               same_batch=False, published=published)[0]
    return (None if placement.is_new else placement.claim), placement.score
