"""Full-text search over mention text: SQLite FTS5 or PostgreSQL tsvector, behind one interface.

Here: the ``q`` filter of the claim listing (``search_syntax``: words, phrases, prefixes, OR;
complete, optionally ranked by relevance), and ``term_stat``, the
count of mentions holding each index key, kept at every ingest so that candidate retrieval for
claim matching (``retrieval.py``) can look up only rare words. Neither scans the claims.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

import snowballstemmer
from sqlmodel import Session

from ..db import is_sqlite
from ..storage.fulltext import claim_matches
from ..storage.terms import add_term_counts
from . import search_syntax

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
    add_term_counts(connection, sorted(counts.items()))


def matching_claims(session: Session, query: str, *, ranked: bool = False):
    """The claims with a mention matching ``query`` (the ``search_syntax``), as a subquery with
    columns ``claim_id`` and, when ``ranked``, ``score`` (the best mention's relevance, lower is
    better: FTS5's bm25, PostgreSQL's ts_rank negated); None when the query has no word. Every
    match counts: nothing is cut off, whatever the number of matching mentions."""
    clauses = search_syntax.parse(query)
    if not clauses:
        return None
    sqlite = is_sqlite(session.get_bind())
    expression = search_syntax.fts5(clauses) if sqlite else search_syntax.tsquery(clauses)
    return claim_matches(sqlite, expression, ranked=ranked)
