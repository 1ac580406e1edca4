"""Inserting an article's rows in one batch: ids assigned in one statement, and on SQLite the
rows sent through the driver's cursor."""
from __future__ import annotations

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.engine import Connection

from ..db import driver_cursor


def insert_rows(conn: Connection, table: Table, rows: list[dict]) -> list[int]:
    """Insert ``rows`` into ``table`` in one batch; their new ids, in row order. On SQLite the
    ids are assigned here, after the largest stored id (the caller holds the write lock, so no
    one else inserts meanwhile): SQLite cannot tie the rows RETURNING gives back to the
    parameter sets, and SQLAlchemy would then insert row by row; a table with AUTOINCREMENT
    also skips the ids of deleted rows, as SQLite would. Elsewhere INSERT ... RETURNING sorted
    by parameter order does it in one statement."""
    if conn.dialect.name == "sqlite":
        largest = conn.execute(select(func.max(table.c.id))).scalar() or 0
        first = max(largest, sqlite_sequence(conn, table.name)) + 1
        ids = list(range(first, first + len(rows)))
        insert_many(conn, table, [{**row, "id": i} for row, i in zip(rows, ids)])
        return ids
    return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars())


def sqlite_sequence(conn: Connection, table_name: str) -> int:
    """The largest id SQLite's AUTOINCREMENT has handed out for a table (0 for none)."""
    if not conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).first():
        return 0
    return conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table_name}).scalar() or 0


def insert_many(conn: Connection, table: Table, rows: list[dict]) -> None:
    """``INSERT INTO table`` of ``rows`` (dicts with the same keys). On SQLite, when the rows
    give every column, through the driver's cursor with each value passed through its column
    type's bind processor, as SQLAlchemy would pass it (JSON encoded, datetimes formatted):
    SQLAlchemy's own per-row parameter handling costs more than SQLite's inserts of an
    article's few dozen rows."""
    if not rows:
        return
    cols = list(rows[0])
    if conn.dialect.name != "sqlite" or set(table.c.keys()) - set(cols):
        conn.execute(insert(table), rows)
        return
    dialect = conn.dialect
    procs = [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in cols]
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
           f"VALUES ({', '.join('?' * len(cols))})")
    params = [tuple(row[c] if p is None else p(row[c]) for c, p in zip(cols, procs)) for row in rows]
    with driver_cursor(conn) as (cur, _):
        cur.executemany(sql, params)
