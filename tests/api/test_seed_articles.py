"""The two sample articles end to end: quotations and speakers, the same claims across the two
outlets, and the two disagreements a reader of both would notice."""
from __future__ import annotations

import json

import pytest

from ..conftest import SEEDS


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()).lower()


@pytest.fixture
def seeded(client, auth):
    manifest = json.loads((SEEDS / "manifest.json").read_text())
    out = {}
    for entry in manifest["articles"]:
        body = {k: v for k, v in entry.items() if k not in {"file", "notes"}}
        body["text"] = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        resp = client.post("/v1/articles", json=body, headers=auth)
        assert resp.status_code == 201
        out[entry["outlet"]["domain"].split(".")[0]] = resp.get_json()["mentions"]
    return out


def find(mentions, needle):
    hits = [m for m in mentions if needle in _norm(m["text"])]
    assert hits, needle
    return hits[0]


def test_quotations_carry_their_speakers(seeded):
    a, b = seeded["africanews"], seeded["breitbart"]
    for mentions, needle, speaker in [
        (a, "i'm here as part of an intensive diplomatic effort", "Blinken"),  # "…," he said
        (a, "make sure that no one takes any steps", "Blinken"),  # partial quotation
        (b, "we are surrounded by terror", "Herzog"),  # block quotation after a colon
        (b, "it is time for everyone to get to yes", "Blinken"),  # Blinken added: "…"
        (b, "the meeting lasted approximately three hours", "Netanyahu"),  # quotation over two paragraphs
    ]:
        m = find(mentions, needle)
        assert m["is_quote"] and speaker in (m["speaker"] or ""), (needle, m["speaker"])
    assert find(a, "months of talks have gone in circles")["speaker"] is None  # the outlet's own voice


def test_the_same_claims_across_outlets(seeded):
    a, b = seeded["africanews"], seeded["breitbart"]
    assert find(a, "it is time for it to get done")["claim_id"] == find(b, "it's time for it to get done")["claim_id"]
    assert (find(a, "we're working to make sure")["claim_id"]
            == find(b, "so we're looking to make sure")["claim_id"])
    assert find(a, "he will meet israeli defence minister")["claim_id"] not in {m["claim_id"] for m in b}
    assert find(b, "it is time for everyone to get to yes")["claim_id"] not in {m["claim_id"] for m in a}


def test_the_disagreements(client, seeded):
    a, b = seeded["africanews"], seeded["breitbart"]
    found = {(d["kind"], tuple(d["mention_ids"])) for d in client.get("/v1/disagreements").get_json()["items"]}
    wording = ("wording", (find(a, "we're working to make sure")["id"], find(b, "so we're looking")["id"]))
    hedge = ("hedge", (find(a, "maybe the last opportunity")["id"], find(b, '"last opportunity"')["id"]))
    assert wording in found and hedge in found
    contraction = (find(a, "it is time for it to get done")["id"], find(b, "it's time for it to get done")["id"])
    assert not [f for f in found if f[1] == contraction]
