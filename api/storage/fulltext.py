"""The claims matching a full-text query: SQLite FTS5 or PostgreSQL ``tsvector``."""
from __future__ import annotations

from sqlalchemy import Float, Integer, text
from sqlalchemy.sql import Subquery


def claim_matches(sqlite: bool, expression: str, *, ranked: bool = False) -> Subquery:
    """The claims with a mention matching ``expression`` (an FTS5 query on SQLite, a
    ``to_tsquery`` expression on PostgreSQL), as a subquery with columns ``claim_id`` and, when
    ``ranked``, ``score`` (the best mention's relevance, lower is better: FTS5's rank (bm25),
    PostgreSQL's ts_rank negated). Every match counts: nothing is cut off."""
    if sqlite:
        if ranked:
            sql = ("SELECT m.claim_id AS claim_id, MIN(f.rank) AS score FROM mention_fts f "
                   "JOIN mention m ON m.id = f.rowid WHERE mention_fts MATCH :q GROUP BY m.claim_id")
        else:
            sql = ("SELECT m.claim_id AS claim_id FROM mention m WHERE m.id IN "
                   "(SELECT rowid FROM mention_fts WHERE mention_fts MATCH :q)")
    else:
        if ranked:
            sql = ("SELECT m.claim_id AS claim_id, MIN(-ts_rank(m.search_vector, to_tsquery('english', :q))) AS score "
                   "FROM mention m WHERE m.search_vector @@ to_tsquery('english', :q) GROUP BY m.claim_id")
        else:
            sql = "SELECT m.claim_id AS claim_id FROM mention m WHERE m.search_vector @@ to_tsquery('english', :q)"
    columns = {"claim_id": Integer, "score": Float} if ranked else {"claim_id": Integer}
    return text(sql).bindparams(q=expression).columns(**columns).subquery("matches")
