"""Full-text search over mention text: SQLite FTS5 or PostgreSQL tsvector, behind one interface.

Here: the ``q`` filter of the claim listing (``search_syntax``: words, phrases, prefixes, OR;
complete, optionally ranked by relevance; on SQLite a query that most claims match is tested
claim by claim in the listing's order instead, see ``claims_matching``), and ``term_stat``, the
count of mentions holding each index key, kept at every ingest so that candidate retrieval for
claim matching (``retrieval.py``) can look up only rare words. Neither scans the claims.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

import snowballstemmer
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, select

from ..db import is_sqlite
from ..models import Claim
from ..storage.candidates import CandidateQueries
from ..storage.fulltext import claim_has_match, claim_matches
from ..storage.mentions import newest_mention_id
from ..storage.terms import add_term_counts, prefix_count
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
    return _matches(is_sqlite(session.get_bind()), clauses, ranked)


def _matches(sqlite: bool, clauses: list[list[search_syntax.Term]], ranked: bool):
    """``matching_claims`` for a parsed query, written for the store's engine."""
    expression = search_syntax.fts5(clauses) if sqlite else search_syntax.tsquery(clauses)
    return claim_matches(sqlite, expression, ranked=ranked)


# Reading every match costs in proportion to the matches; testing the claims in the listing's
# order costs in proportion to the claims walked past until a page is full, about the page over
# the share of mentions that match. Measured on SQLite (bench_ingest.py stores; q=said, q=the,
# q=minister, q=election OR vote, q=presiden*, each both ways): at 1M mentions a share of 0.21 is
# 44x faster walked (8.6 against 381 ms), 0.024 twice slower (161 against 76 ms); at 55k, 0.23 is
# 2.4x faster walked, 0.011 11x slower. Walk from a tenth of the mentions.
WALK_SHARE = 0.1
PHRASE_SHARE = 0.2  # a phrase's matches, as a share of its rarest word's (a guess kept low)


def estimated_matches(session: Session, clauses: list[list[search_syntax.Term]]) -> tuple[float, int]:
    """(mentions expected to match ``clauses``, mentions stored), from ``term_stat``: a word's
    count, a prefix's summed counts, a phrase ``PHRASE_SHARE`` of its rarest word's; a clause
    (OR) the sum of its terms', the query (AND) the product of its clauses' shares (as if the
    clauses were independent)."""
    conn = session.connection()
    total = newest_mention_id(conn)
    words = {index_key(w) for clause in clauses for t in clause if not t.prefix for w in t.words}
    df = CandidateQueries(conn).document_frequencies(sorted(words))

    def term(t: search_syntax.Term) -> float:
        if t.prefix:  # (one word: search_syntax.parse makes no prefix phrase)
            return float(prefix_count(conn, index_key(t.words[0])))
        counts = [df.get(index_key(w), 0) for w in t.words]
        return float(min(counts)) * (PHRASE_SHARE if len(counts) > 1 else 1.0)

    share = 1.0
    for clause in clauses:
        share *= min(1.0, sum(term(t) for t in clause) / total) if total else 0.0
    return share * total, total


def claims_matching(session: Session, query: str, *, walk: bool = True) -> ColumnElement | None:
    """A condition on ``Claim`` for the listing's ``q`` filter (None when the query has no word).
    On SQLite, when ``walk`` and the query matches so many mentions that a page is found sooner by
    testing the claims in the listing's order than by reading every match (``estimated_matches``
    at least ``WALK_SHARE`` of the mentions), each claim is tested on its own
    (``claim_has_match``); otherwise the claim must be among all the matches. Either way every
    matching claim can be listed: nothing is cut off."""
    clauses = search_syntax.parse(query)
    if not clauses:
        return None
    sqlite = is_sqlite(session.get_bind())
    if sqlite and walk:
        expected, total = estimated_matches(session, clauses)
        if total and expected >= WALK_SHARE * total:
            return claim_has_match(search_syntax.fts5(clauses))
    matches = _matches(sqlite, clauses, ranked=False)
    return Claim.id.in_(select(matches.c.claim_id))
