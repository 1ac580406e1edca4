"""Full-text search over mention text: SQLite FTS5 or PostgreSQL tsvector, behind one interface.

Two uses: the ``q`` filter of the claim listing (all words must match) and the candidate
retrieval of claim matching. Both only ever read the index; neither scans the claims.

Candidate retrieval stays cheap as the store grows because it bounds how many index entries a
query may touch: ``term_stat`` counts how many mentions hold each word, and a query ORs the
rarest of the mention's distinctive words while their postings add up to at most ``budget``.
When even the rarest word is more common than that, the query looks only at the most recent
``budget * RECENT_FACTOR`` mentions (reports of one claim cluster in time). Either way the work
per query does not grow with the store.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

import snowballstemmer
from sqlalchemy import text
from sqlmodel import Session

from ..db import is_sqlite

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_TERMS = 6
RECENT_FACTOR = 10


def _terms(raw: str, limit: int = 16) -> list[str]:
    return [w.lower() for w in _WORD.findall(raw or "")][:limit]


_porter = snowballstemmer.stemmer("porter")


@lru_cache(maxsize=65536)
def index_key(word: str) -> str:
    """A word as the full-text index sees it: lower-case and Porter-stemmed, as the FTS5 ``porter``
    tokenizer (and, closely, PostgreSQL's english configuration) stores it ("reporter" → "report")."""
    return _porter.stemWord(word.lower())[:64]


def index_terms(mention_text: str) -> set[str]:
    """The index keys of a mention counted in ``term_stat`` — stop words included, so that a word
    whose stem is common ("ones" → "on") is known to be common."""
    return {index_key(w) for w in _terms(mention_text, 10_000) if len(w) > 1}


def count_terms(connection, mention_texts: Iterable[str]) -> None:
    """Add the words of new mentions to ``term_stat`` over a SQLAlchemy connection (in sorted
    order, so concurrent writers lock rows in the same order)."""
    counts: Counter = Counter()
    for t in mention_texts:
        counts.update(index_terms(t))
    if not counts:
        return
    connection.execute(
        text("INSERT INTO term_stat (term, df) VALUES (:term, :n) "
             "ON CONFLICT (term) DO UPDATE SET df = term_stat.df + excluded.df"),
        [{"term": t, "n": n} for t, n in sorted(counts.items())])


def mention_ids_matching_all(session: Session, query: str, limit: int = 5000) -> list[int] | None:
    """Ids of mentions holding every word of ``query`` (None when it has no words)."""
    terms = _terms(query)
    if not terms:
        return None
    if is_sqlite(session.get_bind()):
        match = " ".join(f'"{t}"' for t in terms)
        sql = "SELECT rowid FROM mention_fts WHERE mention_fts MATCH :q LIMIT :n"
        rows = session.connection().execute(text(sql), {"q": match, "n": limit})
    else:
        sql = "SELECT id FROM mention WHERE search_vector @@ plainto_tsquery('english', :q) LIMIT :n"
        rows = session.connection().execute(text(sql), {"q": " ".join(terms), "n": limit})
    return [r[0] for r in rows]


def rare_terms(session: Session, terms: list[str], budget: int) -> tuple[list[str], bool]:
    """The words to query (rarest first) and whether they are all common (their postings exceed
    ``budget``), in which case the query must be narrowed to recent mentions."""
    by_key: dict[str, str] = {}
    for t in _terms(" ".join(terms), 32):
        if 1 < len(t) <= 64:
            by_key.setdefault(index_key(t), t)
    if not by_key:
        return [], False
    params = {f"t{i}": k for i, k in enumerate(by_key)}
    sql = f"SELECT term, df FROM term_stat WHERE term IN ({', '.join(':' + k for k in params)})"
    df = {by_key[k]: n for k, n in session.connection().execute(text(sql), params).all()}
    known = sorted((t for t in by_key.values() if df.get(t, 0) > 0), key=lambda t: (df[t], t))
    chosen, total = [], 0
    for t in known:
        if total + df[t] > budget or len(chosen) == MAX_QUERY_TERMS:
            break
        chosen.append(t)
        total += df[t]
    if chosen or not known:
        return chosen, False
    return known[:2], True


def candidate_mention_ids(session: Session, terms: list[str], limit: int, budget: int = 1000) -> list[int]:
    """Ids of the mentions that best match the rare words among ``terms`` (best first)."""
    words, common = rare_terms(session, terms, budget)
    if not words:
        return []
    conn = session.connection()
    min_id = 0
    if common:
        newest = conn.execute(text("SELECT max(id) FROM mention")).scalar() or 0
        min_id = newest - budget * RECENT_FACTOR
    if is_sqlite(session.get_bind()):
        sql = ("SELECT rowid FROM mention_fts WHERE mention_fts MATCH :q AND rowid > :min_id "
               "ORDER BY rank LIMIT :n")
        rows = conn.execute(text(sql), {"q": " OR ".join(f'"{t}"' for t in words), "min_id": min_id, "n": limit})
    else:
        sql = ("SELECT id FROM mention, to_tsquery('english', :q) query WHERE search_vector @@ query "
               "AND id > :min_id ORDER BY ts_rank(search_vector, query) DESC LIMIT :n")
        rows = conn.execute(text(sql), {"q": " | ".join(words), "min_id": min_id, "n": limit})
    return [r[0] for r in rows]
