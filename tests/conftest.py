"""Test fixtures: a fresh database per test (SQLite, or PostgreSQL when
CLAIMTRACK_TEST_DATABASE_URL is set), the app, and a client that checks every response against
the committed openapi.yaml."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from api import create_app
from api.config import Settings
from api.db import make_engine, normalise_url
from api.migrate import downgrade, upgrade
from api.services.components import build_components

from .contract import ContractClient

PG_URL = os.environ.get("CLAIMTRACK_TEST_DATABASE_URL")
# Rate limits far beyond what any test sends (tests of the limits set their own), here and in the
# servers tests start.
for _budget in ("WRITES", "READS", "AUTH_FAILURES"):
    os.environ.setdefault(f"CLAIMTRACK_RATE_LIMIT_{_budget}", "100000/minute")
TABLES = ["disagreement", "mention", "claimoutlet", "claim", "article", "outlet", "apikey", "curationevent",
          "term_stat", "mention_vector"]
API_KEY = "test-key-0123456789"


@pytest.fixture(scope="session")
def components():
    """The real pipeline, built once for the session (as a server process builds it once)."""
    return build_components(Settings())


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    """A migrated database to copy (SQLite) or to truncate (PostgreSQL) for each test."""
    if PG_URL:
        engine = make_engine(PG_URL)
        try:
            with engine.connect() as conn:  # fail loudly, never skip, when the server is unreachable
                conn.execute(text("SELECT 1"))
        finally:
            engine.dispose()
        downgrade(PG_URL, "base")
        upgrade(PG_URL)
        return PG_URL
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def database_url(database_template, tmp_path):
    """The URL of an empty, migrated database for this test."""
    if PG_URL:
        engine = make_engine(PG_URL)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        engine.dispose()
        return normalise_url(PG_URL)
    path = tmp_path / "test.sqlite3"
    src, dst = sqlite3.connect(database_template), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    return f"sqlite:///{path}"


@pytest.fixture
def app(database_url, components):
    """The app on this test's database, with one bootstrap key."""
    app = create_app({"DATABASE_URL": database_url, "COMPONENTS": components, "API_KEYS": [API_KEY],
                      "TESTING": True})
    yield app
    app.extensions["claimtrack"]["engine"].dispose()


def change_settings(app, **changes) -> None:
    """Give a running test app settings with ``changes`` (field names) applied."""
    app.extensions["claimtrack"]["settings"] = app.extensions["claimtrack"]["settings"].replace(**changes)


@pytest.fixture
def client(app):
    """A test client whose every response is checked against openapi.yaml."""
    app.test_client_class = ContractClient
    return app.test_client()


@pytest.fixture
def auth():
    """Headers carrying the test key."""
    return {"Authorization": f"Bearer {API_KEY}"}


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
