"""``term_stat``: how many mentions hold each index key (for candidate retrieval's rare words)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.engine import Connection

from ..db import driver_cursor

PREFIX_ROWS = 200  # index keys read to count a prefix's mentions (a lower bound beyond)


def add_term_counts(conn: Connection, counts: Iterable[tuple[str, int]]) -> None:
    """Add ``counts`` ((index key, mentions holding it), sorted by key, so that concurrent
    writers lock rows in the same order) to ``term_stat``. An article adds some 500 keys: sent
    through the driver's cursor (plain strings and ints need no type processing), SQLAlchemy's
    per-row parameter handling would cost more than the upserts."""
    with driver_cursor(conn) as (cur, mark):
        cur.executemany(f"INSERT INTO term_stat (term, df) VALUES ({mark}, {mark}) "
                        "ON CONFLICT (term) DO UPDATE SET df = term_stat.df + excluded.df",
                        counts)


def prefix_count(conn: Connection, prefix: str) -> int:
    """Mentions holding an index key that starts with ``prefix``, summed over at most
    ``PREFIX_ROWS`` such keys (so a lower bound for a very short prefix): a key range of the
    primary key."""
    with driver_cursor(conn) as (cur, mark):
        cur.execute(f"SELECT coalesce(sum(df), 0) FROM (SELECT df FROM term_stat WHERE term >= {mark} "
                    f"AND term < {mark} ORDER BY term LIMIT {PREFIX_ROWS}) AS t", (prefix, prefix + "\uffff"))
        return int(cur.fetchone()[0])
