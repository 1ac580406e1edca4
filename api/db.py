"""Database engine and the unit of work.

One engine per app. SQLite runs in WAL mode with a busy timeout and foreign keys on. A
``UnitOfWork`` is one transaction: it commits when the block ends cleanly and rolls back on any
exception, so a failed request leaves nothing half-written. ``take_write_lock`` serialises the
write phase of ingests (SQLite's write lock, a PostgreSQL advisory lock); the reading and
matching before it run side by side.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine


def is_sqlite(engine_or_url) -> bool:
    """True when the engine (or URL) talks to SQLite."""
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(str(engine_or_url))
    return url.get_backend_name() == "sqlite"


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain ``postgresql://`` URLs."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url: str, *, busy_timeout_ms: int = 5000) -> Engine:
    """An engine for ``url``; SQLite files get their folder created and WAL switched on."""
    url = normalise_url(url)
    if is_sqlite(url):
        db_path = make_url(url).database
        if db_path and db_path != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False,
                                                  "timeout": busy_timeout_ms / 1000})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every test
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


INGEST_LOCK = 0x636C6D74  # PostgreSQL advisory lock key of the ingest write phase ("clmt")


def take_write_lock(session: Session) -> None:
    """Serialise the write phase of ingests: on SQLite the transaction becomes a write
    transaction now (``BEGIN IMMEDIATE``; it waits up to the busy timeout for another writer),
    on PostgreSQL it takes a transaction-level advisory lock. Everything read before this call
    may be stale by the time it returns; everything read after it is not (until commit)."""
    conn = session.connection()
    if is_sqlite(conn.engine):
        raw = conn.connection.dbapi_connection
        if not raw.in_transaction:  # (a transaction that has written already holds the lock)
            raw.execute("BEGIN IMMEDIATE")
    else:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INGEST_LOCK})


class UnitOfWork:
    """A session whose transaction commits on success and rolls back on error.

    >>> with UnitOfWork(engine) as uow:
    ...     uow.session.add(thing)
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self.session: Session | None = None

    def __enter__(self) -> "UnitOfWork":
        self.session = Session(self.engine, expire_on_commit=False)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()
