"""What candidate retrieval reads (``services/retrieval.py``): document frequencies from
``term_stat``, postings from the full-text index (SQLite FTS5, PostgreSQL ``tsvector`` + GIN) and
the candidates' rows, all through one driver cursor on the transaction's connection (a postings
list may hold hundreds of ids, too many to wrap each in a result row)."""
from __future__ import annotations

from typing import NamedTuple

from sqlalchemy.engine import Connection

from ..db import param_marker

IN_CHUNK = 500


class CandidateRow(NamedTuple):
    """A stored mention as candidate retrieval loads it: ``spans`` are the quote spans as
    article offsets (a list, or the JSON text SQLite hands back), ``published`` its article's
    publication time (SQLite: ISO text), ``code`` its stored vector's int8 code (None: none)."""

    id: int
    claim_id: int
    article_id: int
    text: str
    start: int
    speaker: str | None
    is_quote: bool
    spans: object
    published: object
    code: bytes | None


class CandidateQueries:
    """The statements of candidate retrieval over one connection, through one driver cursor
    opened when first needed."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._cursor = None
        self._mark = param_marker(conn)

    def cursor(self):
        """The driver's cursor on the connection (opened once)."""
        if self._cursor is None:
            self._cursor = self.conn.connection.dbapi_connection.cursor()
        return self._cursor

    def document_frequencies(self, keys: list[str]) -> dict[str, int]:
        """Index key -> how many stored mentions hold it, for the keys ``term_stat`` knows."""
        df: dict[str, int] = {}
        cur = self.cursor()
        for i in range(0, len(keys), IN_CHUNK):
            chunk = keys[i:i + IN_CHUNK]
            cur.execute(f"SELECT term, df FROM term_stat WHERE term IN ({', '.join([self._mark] * len(chunk))})",
                        chunk)
            df.update(cur.fetchall())
        return df

    def fts_postings(self, word: str, above: int, below: int, limit: int) -> list[int]:
        """SQLite: ids of the mentions holding ``word`` (FTS5), between ``above`` and ``below``
        (exclusive), newest first, at most ``limit``."""
        cur = self.cursor()
        cur.execute("SELECT rowid FROM mention_fts WHERE mention_fts MATCH ? AND rowid > ? "
                    "AND rowid < ? ORDER BY rowid DESC LIMIT ?", (f'"{word}"', above, below, limit))
        return [r[0] for r in cur.fetchall()]

    def tsquery_postings(self, words: list[str], below: int, limit: int) -> dict[str, list[int]]:
        """PostgreSQL: for each word, ids of up to ``limit`` mentions below ``below`` holding it,
        newest first; each its own GIN lookup, all sent in one pipeline (asked one at a time, the
        round trips cost more than the lookups)."""
        raw = self.conn.connection.dbapi_connection
        # no ORDER BY: with it, PostgreSQL may walk the primary key backwards looking for a rare
        # word instead of asking the GIN index (the ids are sorted below)
        with raw.pipeline():
            cursors = [(w, raw.execute("SELECT id FROM mention WHERE search_vector @@ to_tsquery('english', %s) "
                                       "AND id < %s LIMIT %s", (w, below, limit))) for w in words]
        return {w: sorted((r[0] for r in cur.fetchall()), reverse=True) for w, cur in cursors}

    def recent_hits(self, words: list[str], above: int, below: int) -> list[tuple]:
        """PostgreSQL: the mentions between ``above`` and ``below`` (exclusive) holding any of
        ``words``, newest first, as (id, holds word 1, holds word 2, ...): one pass over the
        recent mentions (a GIN index cannot narrow a common word to recent ids)."""
        flags = ", ".join(["search_vector @@ to_tsquery('english', %s)"] * len(words))
        # OFFSET 0 keeps the window a primary-key range scan instead of a GIN union of common words
        cur = self.cursor()
        cur.execute(f"SELECT id, {flags} FROM (SELECT id, search_vector FROM mention "
                    "WHERE id > %s AND id < %s OFFSET 0) recent "
                    "WHERE search_vector @@ to_tsquery('english', %s) ORDER BY id DESC",
                    (*words, above, below, " | ".join(words)))
        return cur.fetchall()

    def mention_rows(self, ids: list[int]) -> list[CandidateRow]:
        """The stored mentions with these ids (sorted, distinct), with their article's
        publication time and their vector's code: one joined query per 500 ids."""
        cur = self.cursor()
        mark = self._mark
        out: list[CandidateRow] = []
        for i in range(0, len(ids), IN_CHUNK):
            chunk = ids[i:i + IN_CHUNK]
            cur.execute("SELECT m.id, m.claim_id, m.article_id, m.text, m.start, m.speaker, m.is_quote, "
                        "m.quote_spans, a.published_at, v.code FROM mention m JOIN article a ON a.id = m.article_id "
                        "LEFT JOIN mention_vector v ON v.mention_id = m.id "
                        f"WHERE m.id IN ({', '.join([mark] * len(chunk))})", chunk)
            out += map(CandidateRow._make, cur.fetchall())
        return out
