"""The storage layer's fast paths: the SQLite write lock passed on promptly, rows inserted
through the driver stored exactly as SQLAlchemy stores them, and the SQLite pragmas."""
from __future__ import annotations

import sqlite3
import threading
import time
from datetime import datetime, timezone

import pytest
from sqlalchemy import insert, select

from api.db import begin_immediate, make_engine
from api.models import Article, Claim, ClaimOutlet, Mention, Outlet
from api.storage.bulk import insert_many


def _sqlite_path(database_url: str) -> str:
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    return database_url.removeprefix("sqlite:///")


def test_begin_immediate_takes_the_lock_soon_after_another_writer_releases_it(database_url):
    path = _sqlite_path(database_url)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    waiter = sqlite3.connect(path, isolation_level=None, timeout=5)
    holder.execute("BEGIN IMMEDIATE")
    released = {}

    def release_later():
        time.sleep(0.12)
        holder.execute("ROLLBACK")
        released["at"] = time.monotonic()

    thread = threading.Thread(target=release_later)
    thread.start()
    try:
        begin_immediate(waiter)
        took_at = time.monotonic()
        assert waiter.in_transaction
        # SQLite's own busy handler would be asleep for up to 100 ms at this point
        assert took_at - released["at"] < 0.05
        assert waiter.execute("PRAGMA busy_timeout").fetchone()[0] == 5000  # put back
    finally:
        thread.join()
        waiter.execute("ROLLBACK")
        waiter.close()
        holder.close()


def test_begin_immediate_gives_up_after_the_busy_timeout(database_url):
    path = _sqlite_path(database_url)
    holder = sqlite3.connect(path, isolation_level=None)
    waiter = sqlite3.connect(path, isolation_level=None, timeout=0.08)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            begin_immediate(waiter)
        assert 0.07 <= time.monotonic() - started < 1.0
        assert not waiter.in_transaction
        assert waiter.execute("PRAGMA busy_timeout").fetchone()[0] == 80
    finally:
        holder.execute("ROLLBACK")
        waiter.close()
        holder.close()


def _rows(conn, table, *ignore: str) -> list[dict]:
    rows = conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
    return [{k: v for k, v in r.items() if k not in ignore} for r in rows]


def test_insert_many_stores_rows_as_sqlalchemy_does(database_url):
    """The same rows inserted by SQLAlchemy and by ``insert_many`` read back identically (JSON,
    datetimes with their time zone, booleans, NULLs), on either backend."""
    engine = make_engine(database_url)
    when = datetime(2024, 8, 19, 18, 30, 5, 123456, tzinfo=timezone.utc)
    try:
        with engine.begin() as conn:
            conn.execute(insert(Outlet.__table__), [{"id": 1, "slug": "a", "name": "A", "domain": "a.com",
                                                      "created_at": when}])
            conn.execute(insert(Article.__table__), [{
                "id": 1, "outlet_id": 1, "url": "https://a.com/1", "title": "T", "published_at": when,
                "language": "en", "text": "Some text.", "content_hash": "x", "extractor": "e",
                "extractor_version": "1", "attribution": True, "ingested_at": when}])

            def claim(i):
                return {"id": i, "text": f"claim {i}", "kind": "quotation", "speaker": None if i % 2 else "X",
                        "mention_count": 1, "outlet_count": 1, "disagreement_count": 0, "first_seen": when,
                        "last_seen": when, "first_outlet_id": 1, "merged_into_id": None, "created_at": when}

            def mention(i):
                return {"id": i, "article_id": 1, "claim_id": i, "start": 0, "end": 4, "text": "Some",
                        "is_quote": bool(i % 2), "speaker": "Y" if i % 2 else None, "speaker_role": None,
                        "kind": "statement", "checkworthiness": 0.25 if i % 2 else None,
                        "quote_spans": [[0, 4]] if i % 2 else [], "provenance": "p", "provenance_version": None,
                        "match_score": 0.5, "pinned": False, "created_at": when}

            conn.execute(insert(Claim.__table__), [claim(1), claim(2)])
            insert_many(conn, Claim.__table__, [claim(3), claim(4)])
            conn.execute(insert(ClaimOutlet.__table__), [{"claim_id": 1, "outlet_id": 1, "mention_count": 1,
                                                          "first_seen": when}])
            insert_many(conn, ClaimOutlet.__table__, [{"claim_id": 3, "outlet_id": 1, "mention_count": 1,
                                                       "first_seen": when}])
            conn.execute(insert(Mention.__table__), [mention(1), mention(2)])
            insert_many(conn, Mention.__table__, [mention(3), mention(4)])
        with engine.connect() as conn:
            claims = _rows(conn, Claim.__table__, "id", "text")
            mentions = _rows(conn, Mention.__table__, "id", "claim_id")
            outlets = _rows(conn, ClaimOutlet.__table__, "claim_id")
        assert claims[2:] == claims[:2]  # claim 3 as claim 1, claim 4 as claim 2
        assert mentions[2:] == mentions[:2]
        assert mentions[2]["quote_spans"] == [[0, 4]] and mentions[3]["quote_spans"] == []
        assert mentions[2]["created_at"].replace(tzinfo=timezone.utc) == when
        assert outlets[1] == outlets[0]
    finally:
        engine.dispose()


def test_sqlite_connections_map_the_file(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}", mmap_mb=64)
    off = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}", mmap_mb=0)
    try:
        with engine.connect() as conn, off.connect() as conn_off:
            assert conn.exec_driver_sql("PRAGMA mmap_size").scalar() == 64 * 1024 * 1024
            assert conn_off.exec_driver_sql("PRAGMA mmap_size").scalar() == 0
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()
        off.dispose()
