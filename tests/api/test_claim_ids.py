"""A deleted claim's id is never given to another claim (SQLite AUTOINCREMENT, migration 0004),
and the migration rebuilds a populated SQLite store without losing a row or a reference."""
from __future__ import annotations

import sqlite3

import pytest

from api import create_app
from api.migrate import downgrade, upgrade

from ..conftest import API_KEY, PG_URL
from .conftest import mention_with
from .helpers import article, post

TEXT = ("The city council approved a new budget of 40 million dollars on Tuesday.\n"
        "Bus fares will rise by ten cents next month, the transport office said.")
LATER = "A bakery on Elm Street won the regional bread prize for the third year."


def _largest_claim_deleted(client, auth) -> int:
    """Store an article, then move the mention of its largest claim into its first claim (which
    deletes the largest); returns the deleted id."""
    stored = post(client, auth, article("council.example", text=TEXT))
    keep, gone = mention_with(stored, "budget"), mention_with(stored, "Bus fares")
    assert gone["claim_id"] > keep["claim_id"]
    resp = client.post(f"/v1/mentions/{gone['id']}/move", json={"claim_id": keep["claim_id"]}, headers=auth)
    assert resp.status_code == 200
    assert client.get(f"/v1/claims/{gone['claim_id']}").status_code == 404
    return gone["claim_id"]


def test_an_ingested_claim_never_takes_a_deleted_claims_id(client, auth):
    deleted = _largest_claim_deleted(client, auth)
    later = post(client, auth, article("bakery.example", text=LATER))
    assert later["mentions"][0]["claim_id"] > deleted


def test_a_claim_made_by_curation_never_takes_a_deleted_claims_id(client, auth):
    deleted = _largest_claim_deleted(client, auth)
    stored = post(client, auth, article("bakery.example", text=LATER + "\n" + TEXT))
    moving = mention_with(stored, "bakery")
    made = client.post(f"/v1/mentions/{moving['id']}/move", json={"claim_id": None}, headers=auth).get_json()
    assert made["id"] > deleted


@pytest.mark.skipif(bool(PG_URL), reason="SQLite only: the migration is a no-op on PostgreSQL")
def test_the_migration_keeps_a_populated_store(tmp_path, components):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    # populated by the current code, then taken down to 0003 (the current code needs the later
    # tables, mention_vector among them, to ingest)
    upgrade(url)
    app = create_app({"DATABASE_URL": url, "COMPONENTS": components, "API_KEYS": [API_KEY], "TESTING": True})
    auth = {"Authorization": f"Bearer {API_KEY}"}
    client = app.test_client()
    post(client, auth, article("council.example", text=TEXT))
    post(client, auth, article("other.example", text=TEXT))
    before = client.get("/v1/claims").get_json()["items"]
    app.extensions["claimtrack"]["engine"].dispose()
    downgrade(url, "0003")
    db = sqlite3.connect(tmp_path / "old.sqlite3")
    assert "AUTOINCREMENT" not in db.execute("SELECT sql FROM sqlite_master WHERE name = 'claim'").fetchone()[0]
    assert db.execute("SELECT count(*) FROM mention").fetchone()[0] == 4
    db.close()

    upgrade(url)
    db = sqlite3.connect(tmp_path / "old.sqlite3")
    assert "AUTOINCREMENT" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'claim'").fetchone()[0]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    app = create_app({"DATABASE_URL": url, "COMPONENTS": components, "API_KEYS": [API_KEY], "TESTING": True})
    assert app.test_client().get("/v1/claims").get_json()["items"] == before
    app.extensions["claimtrack"]["engine"].dispose()

    downgrade(url, "0003")
    db = sqlite3.connect(tmp_path / "old.sqlite3")
    assert "AUTOINCREMENT" not in db.execute("SELECT sql FROM sqlite_master WHERE name = 'claim'").fetchone()[0]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()
