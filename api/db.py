"""Database engine and the unit of work.

One engine per app. SQLite runs in WAL mode with a busy timeout and foreign keys on. A
``UnitOfWork`` is one transaction: it commits when the block ends cleanly and rolls back on any
exception, so a failed request leaves nothing half-written. ``take_write_lock`` serialises the
write phase of ingests (SQLite's write lock, a PostgreSQL advisory lock); the reading and
matching before it run side by side. ``begin_snapshot`` gives a read one snapshot;
``database_read_only`` is the readiness check; ``driver_cursor`` hands ``api/storage/`` (where
every other SQL string of the app lives) the driver's own cursor. ``store_generation`` reads the
counter every write to the stored data moves (migration 0007), for the read cache.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, inspect, text
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


SQLITE_MMAP_MB = 256  # the default of CLAIMTRACK_SQLITE_MMAP_MB


def make_engine(url: str, *, busy_timeout_ms: int = 5000, mmap_mb: int = SQLITE_MMAP_MB,
                connect_timeout_s: float | None = None, statement_timeout_ms: int | None = None,
                lock_timeout_ms: int | None = None) -> Engine:
    """An engine for ``url``; SQLite files get their folder created, WAL switched on, and up to
    ``mmap_mb`` MiB of the file memory-mapped (candidate retrieval reads index pages and
    candidate rows all over the file; mapped, they are read without a system call each. The
    pages are the operating system's file cache, shared by the server's workers; 0 turns it off).
    On PostgreSQL, connecting (and waiting for a pooled connection) gives up after
    ``connect_timeout_s``, and the server cancels a statement after ``statement_timeout_ms`` and
    a wait for a lock (the ingest advisory lock included) after ``lock_timeout_ms`` (None or 0:
    no limit); SQLite's wait for its write lock is ``busy_timeout_ms``."""
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
            cur.execute(f"PRAGMA mmap_size={max(0, int(mmap_mb)) * 1024 * 1024}")
            cur.close()

        return engine
    connect_args: dict = {}
    pool_args: dict = {}
    if connect_timeout_s:
        connect_args["connect_timeout"] = max(1, round(connect_timeout_s))
        pool_args["pool_timeout"] = connect_timeout_s
    limits = [f"-c {name}={int(ms)}" for name, ms in (("statement_timeout", statement_timeout_ms),
                                                       ("lock_timeout", lock_timeout_ms)) if ms]
    if limits:
        connect_args["options"] = " ".join(limits)
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args=connect_args,
                         **pool_args)


def param_marker(conn) -> str:
    """The driver's parameter marker on a SQLAlchemy connection: "?" for sqlite3, "%s" for psycopg."""
    return "?" if conn.dialect.name == "sqlite" else "%s"


@contextmanager
def driver_cursor(conn):
    """The driver's own cursor on a SQLAlchemy connection (closed afterwards), with the driver's
    parameter marker ("?" for sqlite3, "%s" for psycopg): for bulk statements whose values need
    no type processing, where SQLAlchemy's per-row parameter handling costs more than the
    statement itself."""
    cur = conn.connection.dbapi_connection.cursor()
    try:
        yield cur, param_marker(conn)
    finally:
        cur.close()


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
            begin_immediate(raw)
    else:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INGEST_LOCK})


def begin_snapshot(session: Session) -> None:
    """Make every later query of ``session`` see one snapshot of the store: on SQLite one read
    transaction (``BEGIN``; WAL keeps its snapshot until it ends), on PostgreSQL a ``REPEATABLE
    READ`` read-only transaction."""
    if is_sqlite(session.get_bind()):
        raw = session.connection().connection.dbapi_connection
        if not raw.in_transaction:
            raw.execute("BEGIN")
    else:
        session.connection(execution_options={"isolation_level": "REPEATABLE READ",
                                              "postgresql_readonly": True})


_GENERATION = "SELECT n FROM store_generation WHERE id = 1"


def _generation_on(cur) -> int | None:
    """The counter as the driver cursor ``cur`` sees it (None when the store has no counter)."""
    cur.execute(_GENERATION)
    row = cur.fetchone()
    return None if row is None else int(row[0])


def store_generation(conn) -> int | None:
    """The store's generation (migration 0007's counter, moved in the transaction of every write to
    the stored data) as ``conn`` (a SQLAlchemy connection) sees it: inside a read snapshot, the
    generation of that snapshot. None when the store has no counter."""
    with driver_cursor(conn) as (cur, _):
        return _generation_on(cur)


def current_generation(engine: Engine) -> int | None:
    """The store's latest committed generation, read on a pooled driver connection (no
    SQLAlchemy connection around it)."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        try:
            return _generation_on(cur)
        finally:
            cur.close()
    finally:
        raw.close()  # (back to the pool, its transaction rolled back)


class GenerationReader:
    """``current_generation`` for a request the read cache could answer, as cheaply as the
    database allows: on SQLite each thread keeps its own connection for this one statement
    (outside the pool: a checkout and its reset on return cost three times the SELECT; not in a
    transaction, so each read sees the latest commit); elsewhere a pooled connection."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.path = make_url(str(engine.url)).database if is_sqlite(engine) else None
        if self.path in ("", ":memory:") or engine.url.query:  # (a private database, or URI options)
            self.path = None
        self._local = threading.local()

    def __call__(self) -> int | None:
        """The latest committed generation (None when the store has no counter)."""
        if self.path is None:
            return current_generation(self.engine)
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = sqlite3.connect(self.path, timeout=5.0)
        rows = conn.execute(_GENERATION).fetchall()  # (to the end: no read transaction is left open)
        return int(rows[0][0]) if rows else None


def has_store_generation(engine: Engine) -> bool:
    """Whether the store has the generation counter (migrated to 0007 or later)."""
    return inspect(engine).has_table("store_generation")


def begin_immediate(raw, poll_s: float = 0.001) -> None:
    """``BEGIN IMMEDIATE`` on a raw SQLite connection, tried again every ``poll_s`` until the
    connection's busy timeout has passed (then SQLite's "database is locked" error is raised, as
    it would be). SQLite's own busy handler sleeps ever longer between tries (1, 2, 5, 10, ...
    up to 100 ms), so an ingest waiting while another writes for some 10 ms would wake well
    after the lock is free; this way the lock passes from one ingest to the next within a
    millisecond."""
    timeout_ms = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute("PRAGMA busy_timeout=0")
    try:
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "database is locked" not in str(error) or time.monotonic() >= deadline:
                    raise
            time.sleep(poll_s)
    finally:
        raw.execute(f"PRAGMA busy_timeout={int(timeout_ms)}")


def database_read_only(engine: Engine) -> bool:
    """Whether the database answers but refuses writes, without waiting for a writer: SQLite
    rewrites its header's user version inside a transaction it rolls back (a write lock held by
    another writer proves the file writable), PostgreSQL reports whether transactions are
    read-only (a standby)."""
    with engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            return conn.execute(text("SHOW transaction_read_only")).scalar() == "on"
        raw = conn.connection.dbapi_connection
        timeout_ms = raw.execute("PRAGMA busy_timeout").fetchone()[0]
        raw.execute("PRAGMA busy_timeout=0")
        try:
            raw.execute("BEGIN IMMEDIATE")
            try:  # (a read-only connection takes the lock all the same; a write shows it)
                version = raw.execute("PRAGMA user_version").fetchone()[0]
                raw.execute(f"PRAGMA user_version={int(version)}")
            finally:
                raw.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            if "readonly" in str(error):
                return True
            if "database is locked" not in str(error):
                raise
        finally:
            raw.execute(f"PRAGMA busy_timeout={int(timeout_ms)}")
        return False


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
