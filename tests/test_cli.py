"""The claimtrack command: database, keys, ingest, seed, openapi."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from api.cli import main

from .conftest import SEEDS


@pytest.fixture
def cli(database_url, monkeypatch, tmp_path):
    """Run the CLI against this test's database, with instance files under tmp_path."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CLAIMTRACK_INSTANCE_DIR", str(tmp_path))
    runner = CliRunner()

    def run(*args, ok=True):
        result = runner.invoke(main, list(args), catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return run


def test_db_upgrade_is_idempotent(cli):
    assert "database at head" in cli("db", "upgrade").output


def test_keys_create_list_revoke(cli, client):
    key = cli("keys", "create", "alice").stdout.strip().splitlines()[0]
    assert key.startswith("ct_")
    listing = cli("keys", "list").output
    assert "alice" in listing and key not in listing and "revoked=-" in listing
    body = {"a": "x", "b": "y"}
    assert client.post("/v1/similarity", json=body).status_code == 200
    headers = {"Authorization": f"Bearer {key}"}
    assert client.post("/v1/articles", json={}, headers=headers).status_code == 422  # the key is accepted
    cli("keys", "revoke", "alice")
    assert client.post("/v1/articles", json={}, headers=headers).status_code == 401
    assert cli("keys", "revoke", "nobody", ok=False).exit_code != 0


def test_seed_loads_the_sample_articles_once(cli, client):
    first = cli("seed").output
    assert "stored=2 skipped=0 refused=0" in first
    assert "stored=0 skipped=2 refused=0" in cli("seed").output
    outlets = [o["slug"] for o in client.get("/v1/outlets").get_json()["items"]]
    assert outlets == ["africanews", "breitbart"]


def test_ingest_json_ndjson_and_folders_with_a_summary(cli, client, tmp_path):
    manifest = json.loads((SEEDS / "manifest.json").read_text())
    records = []
    for entry in manifest["articles"]:
        rec = {k: v for k, v in entry.items() if k not in {"file", "notes"}}
        rec["text"] = (SEEDS / entry["file"]).read_text()
        records.append(rec)
    one = tmp_path / "one.json"
    one.write_text(json.dumps(records[0]))
    lines = tmp_path / "more.ndjson"
    bad = dict(records[1], url="not a url")
    lines.write_text("\n".join([json.dumps(records[1]), json.dumps(bad), "{broken"]) + "\n")
    out = cli("ingest", str(one), str(lines)).output
    assert "stored=2 skipped=0 refused=2" in out
    assert "refused" in out and "not JSON" in out
    assert "stored=0 skipped=2 refused=0" in cli("ingest", str(SEEDS)).output
    assert len(client.get("/v1/articles").get_json()["items"]) == 2


def test_ingest_refusing_everything_fails(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    result = cli("ingest", str(bad), ok=False)
    assert result.exit_code == 1 and "refused=2" in result.output


def test_openapi_check_passes_on_the_committed_file(cli):
    assert "is current" in cli("openapi", "--check").output


def test_openapi_check_fails_on_a_stale_file(cli, tmp_path):
    stale = tmp_path / "openapi.yaml"
    stale.write_text("openapi: 3.1.0\n")
    assert cli("openapi", "--check", "-o", str(stale), ok=False).exit_code == 1


def test_rematch_reports_what_it_did(cli):
    cli("seed")
    assert "rematched mentions=" in cli("rematch", "--batch", "5").output
