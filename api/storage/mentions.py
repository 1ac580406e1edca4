"""Mention reads written out by hand: the newest id, and each claim's latest mentions from other
articles (what detection compares a new mention with)."""
from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..db import driver_cursor


def newest_mention_id(conn: Connection) -> int:
    """The largest stored mention id (0 when there is none)."""
    return conn.execute(text("SELECT max(id) FROM mention")).scalar() or 0


class LatestRow(NamedTuple):
    """A mention as ``latest_others`` reads it (``spans``: the quote spans as article offsets,
    a list, or the JSON text SQLite hands back)."""

    id: int
    claim_id: int
    text: str
    start: int
    speaker: str | None
    speaker_role: str | None
    is_quote: bool
    spans: object
    outlet_id: int


_LATEST_SQL = ("SELECT * FROM (SELECT m.id, m.claim_id, m.text, m.start, m.speaker, m.speaker_role, m.is_quote, m.quote_spans, "
               "a.outlet_id FROM mention m JOIN article a ON a.id = m.article_id "
               "WHERE m.claim_id = {mark} AND m.article_id != {mark} ORDER BY m.id DESC LIMIT {mark}) AS t{i}")
CLAIMS_PER_QUERY = 200  # (SQLite allows 500 parts in one compound SELECT)


def latest_others(conn: Connection, claim_ids: list[int], article_id: int, limit: int) -> list[LatestRow]:
    """For each claim, its newest ``limit`` mentions from articles other than ``article_id``, in
    no particular order: one bounded index range per claim, all in one statement per 200 claims
    (a UNION ALL of per-claim LIMIT queries, through the driver's cursor)."""
    out: list[LatestRow] = []
    with driver_cursor(conn) as (cur, mark):
        for k in range(0, len(claim_ids), CLAIMS_PER_QUERY):
            chunk = claim_ids[k:k + CLAIMS_PER_QUERY]
            sql = " UNION ALL ".join(_LATEST_SQL.format(mark=mark, i=i) for i in range(len(chunk)))
            cur.execute(sql, [x for c in chunk for x in (c, article_id, limit)])
            out += map(LatestRow._make, cur.fetchall())
    return out
