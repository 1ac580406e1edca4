"""Stored mention vectors: int8 codes, the time window, hybrid candidates, backfill, similar_to."""
from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlmodel import Session

from api.cli import main as cli
from api.config import Settings
from api.pipeline.types import MentionText
from api.services.matching import _scored, vector_neighbours
from api.services.mentions import NewMention
from api.services.retrieval import CandidateFinder
from api.services.vectors import VectorWindow, backfill, decode, encode, epoch_seconds

from .helpers import article, post

BOMBARDMENT = "The Israeli bombardment of Gaza continues despite calls for a pause."
POUNDING = "Israel keeps pounding the Gaza Strip despite the calls for a pause."
STORM = "A storm closed dozens of schools across Ohio and Kentucky on Tuesday."
SETTINGS = Settings(vector_retrieval=True, vector_window_days=7.0, vector_window_max=4000, vector_candidates=10,
                    vector_min_cosine=0.6, vector_scored=2)


def _engine(app):
    return app.extensions["claimtrack"]["engine"]


def _vectors(app) -> dict[int, tuple[int, bytes]]:
    with _engine(app).connect() as conn:
        return {mid: (published, bytes(code)) for mid, published, code in
                conn.execute(text("SELECT mention_id, published, code FROM mention_vector"))}


def test_int8_codes_keep_the_cosines_and_zero_stays_zero(components):
    vecs = components.embedder.embed([BOMBARDMENT, POUNDING, STORM, ""])
    assert not vecs[3].any()  # no token
    codes = encode(vecs)
    assert [len(c) for c in codes] == [components.embedder.dim] * 4
    back = decode(codes)
    assert not back[3].any()
    assert np.allclose(np.linalg.norm(back[:3], axis=1), 1.0, atol=1e-5)
    exact, coded = vecs[:3] @ vecs[:3].T, back[:3] @ back[:3].T
    assert np.abs(exact - coded).max() < 0.01
    assert coded[0, 1] > coded[0, 2] + 0.2  # the paraphrase stays far nearer than the storm


def test_ingest_stores_one_vector_per_mention_with_its_article_time(app, client, auth):
    resp = post(client, auth, article(text=f"{BOMBARDMENT}\n{STORM}", published_at="2024-08-19T06:30:00Z"))
    stored = _vectors(app)
    assert sorted(stored) == sorted(m["id"] for m in resp["mentions"])
    assert {p for p, _ in stored.values()} == {epoch_seconds(datetime(2024, 8, 19, 6, 30, tzinfo=timezone.utc))}
    by_text = {m["text"]: m["id"] for m in resp["mentions"]}
    vec = decode([stored[by_text[BOMBARDMENT]][1]])[0]
    assert float(vec @ decode([stored[by_text[STORM]][1]])[0]) < 0.5


def _store(client, auth, when: str, body: str, domain: str = "alpha.com") -> dict:
    return post(client, auth, article(domain, text=body, published_at=when))


def test_the_window_reads_only_mentions_near_in_time_nearest_first_and_capped(app, client, auth):
    ids = {}
    for day in (1, 5, 9, 20):
        resp = _store(client, auth, f"2024-03-{day:02d}T12:00:00Z", f"Story number {day} about the harbour.")
        ids[day] = resp["mentions"][0]["id"]
    at = datetime(2024, 3, 6, 12, tzinfo=timezone.utc)
    with Session(_engine(app)) as s:
        conn = s.connection()
        assert set(VectorWindow.read(conn, at, 7, 100).ids) == {ids[1], ids[5], ids[9]}
        assert set(VectorWindow.read(conn, at, 2, 100).ids) == {ids[5]}
        assert set(VectorWindow.read(conn, at, 30, 2).ids) == {ids[5], ids[9]}  # one each side, nearest
        assert set(VectorWindow.read(conn, at, 7, 100, before_id=ids[9]).ids) == {ids[1], ids[5]}
        assert list(VectorWindow.read(conn, None, 7, 2, newest=True).ids) == [ids[20], ids[9]]


def test_a_paraphrase_sharing_no_rare_word_is_a_candidate_by_vector_only(app, client, auth, components):
    stored = _store(client, auth, "2024-08-19T12:00:00Z", f"{BOMBARDMENT}\n{STORM}")
    target = next(m for m in stored["mentions"] if m["text"] == BOMBARDMENT)
    new = MentionText(text=POUNDING)
    with Session(_engine(app)) as s:
        near = vector_neighbours(s, components, SETTINGS, [new], datetime(2024, 8, 20, tzinfo=timezone.utc))[0]
        assert [mid for mid, _ in near] == [target["id"]]  # the storm is far below the floor
        assert near[0][1] > 0.6
        # outside the window, or with vector retrieval off: nothing
        assert vector_neighbours(s, components, SETTINGS, [new], datetime(2024, 9, 30, tzinfo=timezone.utc)) == [[]]
        off = SETTINGS.replace(vector_retrieval=False)
        assert vector_neighbours(s, components, off, [new], datetime(2024, 8, 20, tzinfo=timezone.utc)) == [[]]
        # the vector lane puts it before the matcher although the word ratio is under the floor
        loaded = CandidateFinder(s).load([target["id"]])
        candidates = [(loaded[target["id"]].claim_id, loaded[target["id"]])]
        assert _scored(NewMention(new), candidates, keep=6, min_ratio=99, published=None) == []
        lane = _scored(NewMention(new), candidates, keep=6, min_ratio=99, published=None, lane=[0], lane_keep=2)
        assert [view.text for _, view, _, _ in lane] == [BOMBARDMENT]
        assert lane[0][1].vector is not None  # the stored vector travels with the candidate


def test_backfill_stores_the_missing_vectors_once(app, client, auth, components):
    post(client, auth, article(text=f"{BOMBARDMENT}\n{STORM}"))
    post(client, auth, article("beta.org", text=POUNDING))
    before = _vectors(app)
    with _engine(app).begin() as conn:
        conn.execute(text("DELETE FROM mention_vector"))
    seen = []
    assert backfill(_engine(app), components.embedder, batch=2, progress=lambda d, _: seen.append(d)) == 3
    assert seen == [2, 3]
    assert _vectors(app) == before
    assert backfill(_engine(app), components.embedder) == 0


def test_the_backfill_command_reports_progress_and_is_idempotent(app, client, auth, monkeypatch, database_url):
    post(client, auth, article(text=f"{BOMBARDMENT}\n{STORM}"))
    with _engine(app).begin() as conn:
        conn.execute(text("DELETE FROM mention_vector"))
    monkeypatch.setenv("DATABASE_URL", database_url)
    first = CliRunner().invoke(cli, ["backfill-vectors", "--batch", "1"])
    assert first.exit_code == 0, first.output
    assert "backfilled vectors=2" in first.output
    again = CliRunner().invoke(cli, ["backfill-vectors"])
    assert "backfilled vectors=0" in again.output
    assert len(_vectors(app)) == 2


def test_similar_to_ranks_claims_by_the_matchers_score(client, auth):
    post(client, auth, article("alpha.com", text=f"{BOMBARDMENT}\n{STORM}"))
    post(client, auth, article("beta.org", text="The central bank raised interest rates by half a point."))
    resp = client.get("/v1/claims", query_string={"similar_to": POUNDING})
    assert resp.status_code == 200, resp.get_json()
    body = resp.get_json()
    assert body["next_cursor"] is None
    items = body["items"]
    assert items and items[0]["text"] == BOMBARDMENT
    scores = [item["score"] for item in items]
    assert scores == sorted(scores, reverse=True)
    assert all(isinstance(item["same_claim"], bool) for item in items)
    assert STORM not in [item["text"] for item in items[:1]]
    # the listing's filters apply; a plain listing has no score
    only_beta = client.get("/v1/claims", query_string={"similar_to": POUNDING, "outlet": "beta-org"}).get_json()
    assert BOMBARDMENT not in [item["text"] for item in only_beta["items"]]
    assert "score" not in client.get("/v1/claims").get_json()["items"][0]


@pytest.mark.parametrize("extra", [{"q": "gaza"}, {"sort": "-mention_count"}, {"cursor": "abc"}])
def test_similar_to_refuses_what_a_ranked_page_cannot_do(client, auth, extra):
    post(client, auth, article(text=BOMBARDMENT))
    resp = client.get("/v1/claims", query_string={"similar_to": POUNDING, **extra})
    assert resp.status_code == 422
    assert resp.headers["Content-Type"].startswith("application/problem+json")


def test_settling_a_plan_looks_at_the_fresh_mentions_vectors_too(components):
    from api.services.matching import _fresh_neighbours
    from api.services.mentions import StoredMention

    vecs = components.embedder.embed([BOMBARDMENT, STORM, POUNDING])
    codes = encode(vecs[:2])
    fresh = {i + 1: StoredMention(i + 1, 10 + i, 5, t, 0, None, False, (), None, vec)
             for i, (t, vec) in enumerate(zip([BOMBARDMENT, STORM], decode(codes)))}
    new = MentionText(text=POUNDING, vector=vecs[2])
    assert [[m.text for m in row] for row in _fresh_neighbours(SETTINGS, [new], fresh)] == [[BOMBARDMENT]]
    assert _fresh_neighbours(SETTINGS.replace(vector_retrieval=False), [new], fresh) == [[]]
    assert _fresh_neighbours(SETTINGS, [MentionText(text=POUNDING)], fresh) == [[]]  # no vector: words only


def test_similar_to_reads_the_vectors_published_up_to_until(client, auth):
    post(client, auth, article("alpha.com", text=BOMBARDMENT, published_at="2024-08-19T12:00:00Z"))
    later = client.get("/v1/claims", query_string={"similar_to": POUNDING, "until": "2024-08-20"}).get_json()
    assert [item["text"] for item in later["items"]][:1] == [BOMBARDMENT]
    # before it was published: neither its vector nor (by the filter) its claim
    earlier = client.get("/v1/claims", query_string={"similar_to": POUNDING, "until": "2024-08-18"}).get_json()
    assert earlier["items"] == []


def test_the_window_is_read_off_its_index(app, client, auth):
    post(client, auth, article(text=BOMBARDMENT))
    engine = _engine(app)
    sqlite = engine.dialect.name == "sqlite"
    mark = "?" if sqlite else "%s"
    queries = [  # as VectorWindow.read sends them
        (f"SELECT * FROM (SELECT mention_id, code FROM mention_vector WHERE published >= {mark} AND published <= "
         f"{mark} AND mention_id < {mark} ORDER BY published LIMIT {mark}) after_ UNION ALL SELECT * FROM (SELECT "
         f"mention_id, code FROM mention_vector WHERE published < {mark} AND published >= {mark} AND mention_id < "
         f"{mark} ORDER BY published DESC LIMIT {mark}) before_", (0, 10 ** 10, 2 ** 62, 2000, 10 ** 10, 0, 2 ** 62, 2000)),
        (f"SELECT mention_id, code FROM mention_vector WHERE published <= {mark} AND mention_id < {mark} "
         f"ORDER BY published DESC LIMIT {mark}", (10 ** 10, 2 ** 62, 4000))]
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if not sqlite:  # (on a table this small PostgreSQL would rather read it all and sort)
            cur.execute("SET enable_seqscan = off")
            cur.execute("SET enable_bitmapscan = off")
        for sql, params in queries:
            cur.execute(("EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN ") + sql, params)
            plan = "\n".join(str(row[-1] if sqlite else row[0]) for row in cur.fetchall())
            assert plan.count("ix_mention_vector_published") == sql.count("ORDER BY"), plan
            assert "TEMP B-TREE" not in plan and "Sort" not in plan, plan
        cur.close()
    finally:
        raw.rollback()
        raw.close()
