"""A database that is unreachable, stuck, locked or read-only: 503 problems with Retry-After
within the configured timeouts, never a 500 or a hang; /ready says so."""
from __future__ import annotations

import socket
import threading
import time

import pytest
from sqlalchemy import create_engine, text

from api import create_app
from api.db import INGEST_LOCK, make_engine

from ..conftest import PG_URL
from .helpers import article

KEY = {"Authorization": "Bearer k"}


def _app(database_url: str, components, **config):
    return create_app({"DATABASE_URL": database_url, "COMPONENTS": components, "API_KEYS": ["k"],
                       "TESTING": True, **config})


def _unavailable(resp) -> None:
    assert resp.status_code == 503, (resp.status_code, resp.data[:300])
    assert resp.mimetype == "application/problem+json"
    assert int(resp.headers["Retry-After"]) >= 1


def test_an_unreachable_postgresql_is_503(components):
    app = _app("postgresql://postgres@127.0.0.1:1/test", components)  # nothing listens on port 1
    client = app.test_client()
    _unavailable(client.get("/v1/claims"))
    _unavailable(client.post("/v1/articles", json=article(), headers=KEY))
    assert client.get("/ready").status_code == 503
    assert client.get("/health").status_code == 200


def test_a_database_that_never_answers_is_503_within_the_connect_timeout(components):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # accepts TCP connections (the kernel does), never says a word
    try:
        port = listener.getsockname()[1]
        app = _app(f"postgresql://postgres@127.0.0.1:{port}/test", components, DB_CONNECT_TIMEOUT_S=1)
        began = time.monotonic()
        _unavailable(app.test_client().get("/v1/claims"))
        assert time.monotonic() - began < 5
    finally:
        listener.close()


def test_ready_refuses_a_read_only_sqlite_file(app, database_url, components):
    if PG_URL:
        pytest.skip("SQLite only")
    client = app.test_client()
    assert client.get("/ready").status_code == 200
    path = database_url.removeprefix("sqlite:///")
    app.extensions["claimtrack"]["engine"] = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    resp = client.get("/ready")
    assert resp.status_code == 503 and "read-only" in resp.get_json()["detail"]
    _unavailable(client.post("/v1/articles", json=article(), headers={"Authorization": "Bearer test-key-0123456789"}))


def test_ready_holds_while_another_writer_has_the_lock(app, database_url):
    if PG_URL:
        pytest.skip("SQLite only")
    import sqlite3

    writer = sqlite3.connect(database_url.removeprefix("sqlite:///"))
    writer.execute("BEGIN IMMEDIATE")
    try:
        began = time.monotonic()
        assert app.test_client().get("/ready").status_code == 200
        assert time.monotonic() - began < 1
    finally:
        writer.rollback()
        writer.close()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL only")
def test_postgresql_timeouts_are_the_settings(database_url, components):
    app = _app(database_url, components, DB_STATEMENT_TIMEOUT_MS=1234, DB_LOCK_TIMEOUT_MS=567)
    with app.extensions["claimtrack"]["engine"].connect() as conn:
        assert conn.execute(text("SHOW statement_timeout")).scalar() == "1234ms"
        assert conn.execute(text("SHOW lock_timeout")).scalar() == "567ms"


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL only")
def test_a_write_waiting_for_a_held_lock_is_503_after_the_lock_timeout(database_url, components):
    app = _app(database_url, components, DB_LOCK_TIMEOUT_MS=300)
    holder = make_engine(database_url)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with holder.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": INGEST_LOCK})
            held.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert held.wait(5)
        began = time.monotonic()
        _unavailable(app.test_client().post("/v1/articles", json=article(), headers=KEY))
        assert time.monotonic() - began < 3
    finally:
        release.set()
        thread.join()
        holder.dispose()
