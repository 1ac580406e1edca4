"""Full-text search over mention text: SQLite FTS5 or PostgreSQL tsvector, behind one interface.

Two uses: the ``q`` filter of the claim listing (all words must match) and the candidate
retrieval of claim matching (any of a few distinctive words, best-ranked first). Both only ever
read the index; neither scans the claims.
"""
from __future__ import annotations

import re

from sqlalchemy import text
from sqlmodel import Session

from ..db import is_sqlite

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _terms(raw: str, limit: int = 16) -> list[str]:
    return [w.lower() for w in _WORD.findall(raw or "")][:limit]


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
        sql = ("SELECT id FROM mention WHERE search_vector @@ plainto_tsquery('english', :q) LIMIT :n")
        rows = session.connection().execute(text(sql), {"q": " ".join(terms), "n": limit})
    return [r[0] for r in rows]


def candidate_mention_ids(session: Session, terms: list[str], limit: int) -> list[int]:
    """Ids of the mentions that best match any of ``terms`` (best first), at most ``limit``."""
    terms = [t for t in (_terms(" ".join(terms), 32)) if len(t) > 1]
    if not terms:
        return []
    if is_sqlite(session.get_bind()):
        match = " OR ".join(f'"{t}"' for t in terms)
        sql = "SELECT rowid FROM mention_fts WHERE mention_fts MATCH :q ORDER BY rank LIMIT :n"
        rows = session.connection().execute(text(sql), {"q": match, "n": limit})
    else:
        sql = ("SELECT id FROM mention, to_tsquery('english', :q) query WHERE search_vector @@ query "
               "ORDER BY ts_rank(search_vector, query) DESC LIMIT :n")
        rows = session.connection().execute(text(sql), {"q": " | ".join(terms), "n": limit})
    return [r[0] for r in rows]
