"""``mention_vector`` reads: the codes of a time window (off the (published, mention_id) index),
and the mentions that have none."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..db import driver_cursor

def newest_codes(conn: Connection, upto: int, below_id: int, limit: int) -> list[tuple[int, bytes]]:
    """(mention id, code) of the ``limit`` mentions published last at or before ``upto``
    (seconds since 1970), stored before ``below_id``, newest first."""
    with driver_cursor(conn) as (cur, mark):
        cur.execute(f"SELECT mention_id, code FROM mention_vector WHERE published <= {mark} "
                    f"AND mention_id < {mark} ORDER BY published DESC LIMIT {mark}", (upto, below_id, limit))
        return cur.fetchall()


def window_codes(conn: Connection, at: int, span: int, below_id: int, after: int,
                 before: int) -> list[tuple[int, bytes]]:
    """(mention id, code) of the mentions stored before ``below_id``: the first ``after``
    published from ``at`` to ``at + span``, then the last ``before`` published from ``at - span``
    up to ``at`` (times in seconds since 1970): both halves in one statement (one round trip),
    each read off the index in order."""
    with driver_cursor(conn) as (cur, mark):
        cur.execute(f"SELECT * FROM (SELECT mention_id, code FROM mention_vector WHERE published >= {mark} "
                    f"AND published <= {mark} AND mention_id < {mark} ORDER BY published LIMIT {mark}) after_ "
                    f"UNION ALL SELECT * FROM (SELECT mention_id, code FROM mention_vector "
                    f"WHERE published < {mark} AND published >= {mark} AND mention_id < {mark} "
                    f"ORDER BY published DESC LIMIT {mark}) before_",
                    (at, at + span, below_id, after, at, at - span, below_id, before))
        return cur.fetchall()


def missing_vectors(conn: Connection, after_id: int, batch: int) -> list[tuple[int, str, datetime]]:
    """Up to ``batch`` mentions with ids above ``after_id`` that have no stored vector, in id
    order: (id, text, the article's publication time)."""
    return [tuple(r) for r in conn.execute(text(
        "SELECT m.id, m.text, a.published_at FROM mention m JOIN article a ON a.id = m.article_id "
        "WHERE m.id > :after AND NOT EXISTS (SELECT 1 FROM mention_vector v WHERE v.mention_id = m.id) "
        "ORDER BY m.id LIMIT :n"), {"after": after_id, "n": batch}).all()]


def count_missing_vectors(conn: Connection) -> int:
    """How many mentions have no stored vector."""
    return conn.execute(text("SELECT count(*) FROM mention m WHERE NOT EXISTS "
                             "(SELECT 1 FROM mention_vector v WHERE v.mention_id = m.id)")).scalar()
