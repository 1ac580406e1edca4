"""The claims matching a full-text query: SQLite FTS5 or PostgreSQL ``tsvector``; as a set of
claims (every match read) or, on SQLite, as a test of one claim at a time."""
from __future__ import annotations

from sqlalchemy import Float, Integer, text
from sqlalchemy.sql import Subquery
from sqlalchemy.sql.elements import TextClause


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


def claim_has_match(expression: str) -> TextClause:
    """SQLite: a condition on the outer query's ``claim`` row, true when one of its mentions
    matches the FTS5 ``expression``: each of the claim's mentions is looked up in the index by
    rowid (FTS5 seeks the rowid in the terms' postings), so the claims can come off the sort's
    index in order and stop when a page is full, whatever the number of matches."""
    return text("EXISTS (SELECT 1 FROM mention m JOIN mention_fts f ON f.rowid = m.id "
                "WHERE m.claim_id = claim.id AND mention_fts MATCH :q)").bindparams(q=expression)
