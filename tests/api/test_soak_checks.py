"""The soak's integrity checks (bench/soak.py) pass on a store the API built and catch each kind
of damage they name."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import text

from .conftest import TEXT_A, TEXT_B
from .helpers import article, post

SOAK_PATH = Path(__file__).resolve().parents[2] / "bench" / "soak.py"


@pytest.fixture(scope="module")
def soak_module():
    spec = importlib.util.spec_from_file_location("soak", SOAK_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def stored(client, auth, soak_module):
    """Two reports of one event, as the soak's writers would have recorded them."""
    record = soak_module.Soak("http://unused", "k", 0, 1)
    for domain, body in (("alpha.com", TEXT_A), ("beta.org", TEXT_B)):
        data = article(domain, text=body)
        post(client, auth, data)
        record.posted[data["url"]] = body
        record.stored_urls.add(data["url"])
    return record


def test_a_store_built_by_the_api_passes(app, stored, soak_module):
    assert soak_module.integrity_violations(app.extensions["claimtrack"]["settings"].database_url, stored) == []


@pytest.mark.parametrize("damage, expected", [
    ("UPDATE claim SET mention_count = mention_count + 1", "counts"),
    ("UPDATE term_stat SET df = df + 1", "term_stat"),
    ("UPDATE mention SET start = start + 1", "slice"),
    ("UPDATE claimoutlet SET mention_count = 7", "claimoutlet"),
    ("DELETE FROM claimoutlet", "claimoutlet"),
    ("UPDATE claim SET merged_into_id = id", "inside a merged claim"),
])
def test_damage_is_reported(app, stored, soak_module, damage, expected):
    engine = app.extensions["claimtrack"]["engine"]
    with engine.begin() as conn:
        conn.execute(text(damage))
    problems = soak_module.integrity_violations(app.extensions["claimtrack"]["settings"].database_url, stored)
    assert any(expected in p for p in problems), problems


def test_a_url_answered_stored_but_missing_is_reported(app, stored, soak_module):
    stored.posted["https://gone.example/1"] = "text"
    stored.stored_urls.add("https://gone.example/1")
    problems = soak_module.integrity_violations(app.extensions["claimtrack"]["settings"].database_url, stored)
    assert problems == ["https://gone.example/1 answered stored but is missing"]
