"""Candidate retrieval for claim matching: the stored mentions worth scoring against new ones.

Candidates come from the full-text index (SQLite FTS5 / PostgreSQL tsvector), never from a scan
of the claims, and the work per new mention does not grow with the store:

* ``term_stat`` counts how many mentions hold each index key (Porter stem). For each new mention
  the rarest of its distinctive words are chosen while their postings add up to at most
  ``budget`` (at most ``MAX_QUERY_TERMS`` words). When even the rarest word is more common than
  that, its two rarest words are looked up among the most recent ``RECENT_WINDOW`` mentions
  only (reports of one claim cluster in time), at most ``budget`` postings each, newest first.
* Each chosen word's postings (mention ids) are read from the index once per batch, so the
  mentions of one article that share a name or a number share the lookup.
* Stored mentions are ranked by the summed rarity (idf) of the chosen words they hold (among
  equals, the first seen: the newest holder of the rarest word); the best ``limit`` are the
  candidates.

A batch is the mentions of one article: ``CandidateFinder.find`` answers all of them with one
``term_stat`` query, one postings query per distinct word and one query for the candidates' rows.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from operator import itemgetter

from sqlmodel import Session

from ..db import is_sqlite
from ..storage.candidates import CandidateQueries
from ..storage.mentions import newest_mention_id
from .mentions import StoredMention
from .search import _terms, index_key

MAX_QUERY_TERMS = 6
RECENT_WINDOW = 10_000


def as_utc(when) -> datetime | None:
    """A publication time as a naive UTC datetime: from a datetime (aware or naive, taken as
    UTC) or the ISO text SQLite hands back; None stays None."""
    if when is None:
        return None
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc).replace(tzinfo=None)
    return when


def days_apart(a, b) -> float | None:
    """Days between two publication times (either form ``as_utc`` takes); None when one is
    unknown."""
    a, b = as_utc(a), as_utc(b)
    if a is None or b is None:
        return None
    return abs((a - b).total_seconds()) / 86400.0


def query_keys(terms: list[str]) -> dict[str, str]:
    """Index key -> the word to query for it, for the distinctive words of a mention."""
    keys: dict[str, str] = {}
    for t in _terms(" ".join(terms), 32):
        if 1 < len(t) <= 64:
            keys.setdefault(index_key(t), t)
    return keys


@dataclass
class Found:
    """What ``CandidateFinder.find`` found for each mention of a batch, in the batch's order."""

    ranked: list[list[tuple[int, float]]]  # (stored mention id, summed key weight), best first
    chosen: list[dict[str, float]]         # the index keys it was looked up by, with their weights
    rarity: list[dict[str, float]]         # every query key with its rarity weight


class CandidateFinder:
    """Finds candidates for the mentions of one batch inside one transaction."""

    def __init__(self, session: Session, budget: int = 300, before_id: int | None = None):
        """``before_id``: only mentions stored before that id are candidates (re-matching)."""
        self.session = session
        self.conn = session.connection()
        self.sqlite = is_sqlite(session.get_bind())
        self.budget = max(1, budget)
        self.before_id = before_id
        self._postings: dict[tuple[str, bool], list[int]] = {}
        self._newest: int | None = None
        self.queries = CandidateQueries(self.conn)

    def _newest_id(self) -> int:
        if self._newest is None:
            self._newest = newest_mention_id(self.conn)
        return self._newest

    @property
    def newest(self) -> int:
        """The newest stored mention id when this finder first looked (a plan's snapshot)."""
        return self._newest_id()

    @property
    def _hi(self) -> int:
        """Exclusive upper bound on candidate ids (``before_id`` when re-matching)."""
        return self.before_id if self.before_id is not None else 2 ** 62

    def _postings_of(self, word: str, recent: bool) -> list[int]:
        """Ids of the mentions holding ``word`` (recent ones only when ``recent``), newest first.
        On PostgreSQL ``find`` has fetched them already (see ``_prefetch_rare`` and
        ``_prefetch_recent``); on SQLite each is one FTS5 query, fetched when first needed."""
        key = (word, recent)
        if key not in self._postings:
            lo = self._newest_id() - RECENT_WINDOW if recent else 0
            self._postings[key] = self.queries.fts_postings(word, lo, self._hi, self.budget)
        return self._postings[key]

    def _prefetch_rare(self, words: list[str]) -> None:
        """PostgreSQL: the postings of all these rare words (of one batch), each its own GIN
        lookup, sent in one pipeline: asked one at a time, the round
        trips cost more than the lookups."""
        words = [w for w in words if (w, False) not in self._postings]
        if not words:
            return
        for w, ids in self.queries.tsquery_postings(words, self._hi, self.budget).items():
            self._postings[(w, False)] = ids

    def _prefetch_recent(self, words: list[str]) -> None:
        """PostgreSQL: the recent postings of all these common words in one pass over the recent
        mentions. (A GIN index cannot narrow a common word to recent ids, and a backward scan of
        the primary key per word costs a pass over the window each time; SQLite's FTS5 seeks
        within the word's own list and needs none of this.)"""
        words = [w for w in words if (w, True) not in self._postings]
        if not words:
            return
        lo = self._newest_id() - RECENT_WINDOW
        postings: dict[str, list[int]] = {w: [] for w in words}
        for row in self.queries.recent_hits(words, lo, self._hi):
            for w, hit in zip(words, row[1:]):
                if hit and len(postings[w]) < self.budget:
                    postings[w].append(row[0])
        for w, ids in postings.items():
            self._postings[(w, True)] = ids

    def choose(self, keys: dict[str, str], df: dict[str, int]) -> tuple[list[tuple[str, str]], bool]:
        """The (key, word) pairs to look up, rarest first, and whether they are all common."""
        known = sorted((k for k in keys if df.get(k, 0) > 0), key=lambda k: (df[k], k))
        chosen, total = [], 0
        for k in known:
            if total + df[k] > self.budget or len(chosen) == MAX_QUERY_TERMS:
                break
            chosen.append(k)
            total += df[k]
        if chosen or not known:
            return [(k, keys[k]) for k in chosen], False
        return [(k, keys[k]) for k in known[:2]], True

    def find(self, term_lists: list[list[str]], limit: int,
             batch_keys: list[set[str]] | None = None) -> "Found":
        """For each mention's search terms, its best ``limit`` stored candidates as (mention id,
        weight), best first (``Found.ranked``), with the keys and weights each mention was looked
        up by (``Found.chosen``) and the rarity of all its keys (``Found.rarity``). ``batch_keys``
        are the index keys of each mention of the batch (not stored yet): their words count as
        known too, so that ``chosen`` also serves to find the batch's own earlier mentions."""
        per_mention = [query_keys(terms) for terms in term_lists]
        df = self.queries.document_frequencies(sorted({k for keys in per_mention for k in keys}))
        in_batch: Counter = Counter()
        for keys in batch_keys or ():
            in_batch.update(keys)
        n_docs = max(self._newest_id(), 1) + len(batch_keys or ())
        found = Found([], [], [])
        plans = []
        for i, keys in enumerate(per_mention):
            own = batch_keys[i] if batch_keys else set()
            # how many other mentions (stored, or elsewhere in the batch) hold each key
            seen = {k: df.get(k, 0) + in_batch[k] - (k in own) for k in keys}
            chosen, recent = self.choose(keys, seen)
            weights = {k: math.log(1.0 + n_docs / seen[k]) for k, _ in chosen}
            found.rarity.append({k: math.log(1.0 + n_docs / max(seen[k], 1)) for k in keys})
            found.chosen.append(weights)
            plans.append(([(k, word) for k, word in chosen if df.get(k, 0) > 0], recent, weights))
        if not self.sqlite:
            self._prefetch_rare(sorted({w for chosen, recent, _ in plans if not recent for _, w in chosen}))
            self._prefetch_recent(sorted({w for chosen, recent, _ in plans if recent for _, w in chosen}))
        for chosen, recent, weights in plans:
            score: dict[int, float] = defaultdict(float)
            for k, word in chosen:  # (words only in this batch have nothing stored to look up)
                w = weights[k]
                for mid in self._postings_of(word, recent):
                    score[mid] += w
            # best summed rarity first; among equals the first seen (newest, rarest word first)
            found.ranked.append(sorted(score.items(), key=itemgetter(1), reverse=True)[:limit])  # (a stable sort)
        return found

    def load(self, ids) -> dict[int, StoredMention]:
        """The stored mentions with these ids, with their article's publication time and their
        stored vector (read through the driver's cursor, as postings are; one joined query per
        500 ids; the vectors decoded in one batch)."""
        from .vectors import decode  # (vectors imports this module)

        rows = self.queries.mention_rows(sorted(set(ids)))
        coded = [row for row in rows if row.code is not None]
        vectors = dict(zip((row.id for row in coded), decode([row.code for row in coded]))) if coded else {}
        return {row.id: StoredMention.of_candidate(row, vectors.get(row.id)) for row in rows}
