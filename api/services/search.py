"""Full-text search over mention text: SQLite FTS5 or PostgreSQL tsvector, behind one interface.

Here: the ``q`` filter of the claim listing (all words must match), and ``term_stat``, the
count of mentions holding each index key, kept at every ingest so that candidate retrieval for
claim matching (``retrieval.py``) can look up only rare words. Neither scans the claims.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

import snowballstemmer
from sqlalchemy import text
from sqlmodel import Session

from ..db import driver_cursor, is_sqlite

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


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


def count_terms(connection, mention_texts: Iterable[str], keysets: list[set[str]] | None = None) -> None:
    """Add the words of new mentions to ``term_stat`` over a SQLAlchemy connection (in sorted
    order, so concurrent writers lock rows in the same order); ``keysets``, when given, are the
    mentions' ``index_terms`` computed already."""
    counts: Counter = Counter()
    for keys in (keysets if keysets is not None else map(index_terms, mention_texts)):
        counts.update(keys)
    if not counts:
        return
    # An article adds some 500 words: through the driver's cursor (plain strings and ints need no
    # type processing), SQLAlchemy's per-row parameter handling would cost more than the upserts.
    with driver_cursor(connection) as (cur, mark):
        cur.executemany(f"INSERT INTO term_stat (term, df) VALUES ({mark}, {mark}) "
                        "ON CONFLICT (term) DO UPDATE SET df = term_stat.df + excluded.df",
                        sorted(counts.items()))


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
