#!/usr/bin/env python3
"""A digest of everything stored (and some reads answered) after a fixed workload, to prove a
refactor of the services or of their SQL changes no output: run it on two revisions, the digests
must be equal.

    .venv/bin/python bench/store_digest.py [--database-url postgresql://postgres@127.0.0.1:5432/NAME]
        [--basil ../shared/eval/basil-dev] [--copies-every 3] [--dump FILE]

The workload, through the app (its test client: schemas, services, SQL, one unit of work per
request as served) and the services the command line calls:

1. a fresh store (a SQLite file in a temporary folder; with ``--database-url`` that PostgreSQL
   database, downgraded to nothing and migrated again: use a database of your own);
2. every BASIL article of the folder posted in date order (``POST /v1/articles``), then every
   ``--copies-every``-th one again as a wire copy an hour later with each number one higher
   (the copies join the stored claims: detection compares them);
3. curation: two claims merged, a mention moved to another claim and one to a claim of its own,
   a disagreement dismissed;
4. ``rematch`` and ``redetect`` over the whole store (as ``claimtrack rematch`` / ``redetect``);
5. the vectors of every third mention deleted and ``backfill`` run (``claimtrack backfill-vectors``);
6. reads: claim listings with ``q`` (plain and by relevance) and ``similar_to``, the disagreements
   listing, ``POST /v1/similarity`` on two pairs, one claim's detail (bodies only, wall-clock fields as flags; the cursor secret is fixed).

Then every table is dumped in primary-key order, wall-clock columns (``created_at``,
``ingested_at``, ``dismissed_at``, ``revoked_at``) replaced by whether they are set, and the last
line printed is ``digest=<sha256> articles=N mentions=M claims=C disagreements=D``. ``--dump``
writes each row serialised, one a line, to compare where two runs differ. It runs with
``PYTHONHASHSEED=0`` (re-executing itself when that is not set): some matcher features add up
floats over a set of words, whose order follows the hash seed in the last bit of a match score.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import re
import sys
import tempfile
from datetime import date, datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import delete, select, text  # noqa: E402

from api import create_app  # noqa: E402
from api.config import Settings  # noqa: E402
from api.migrate import downgrade, upgrade  # noqa: E402
from api.models import SQLModel  # noqa: E402
from api.services.components import build_components  # noqa: E402

KEY = "digest-key-0123456789"
WALL_CLOCK = {"created_at", "ingested_at", "dismissed_at", "revoked_at"}
OUTLETS = {"fox": ("Fox News", "foxnews.com"), "nyt": ("New York Times", "nytimes.com"),
           "hpo": ("HuffPost", "huffpost.com")}
# queries written for this script (not taken from the data)
QUERIES = ["president", "tax OR taxes", '"white house"', "elect*", "said police"]
SIMILAR = ["The president said the economy is getting better.", "Police arrested two men on Tuesday."]
PAIRS = [("\u201cWe will maybe win this,\u201d the senator said.", "\u201cWe will win this,\u201d the senator said."),
         ("Twelve people died in the fire on Monday.", "Fourteen people died in the fire on Tuesday.")]
_NUMBER = re.compile(r"\d+")


def basil_articles(folder: str) -> list[dict]:
    """The BASIL articles of ``folder`` as POST bodies, in (date, file name) order."""
    docs = []
    for path in sorted(glob.glob(os.path.join(folder, "articles", "*", "*.json"))):
        doc = json.load(open(path, encoding="utf-8"))
        paras = [" ".join(p) if isinstance(p, list) else str(p) for p in doc.get("body-paragraphs") or []]
        body_text = "\n\n".join(x.strip() for x in paras if x and x.strip())
        if not body_text:
            continue
        name, domain = OUTLETS.get(doc.get("source"), ("Other", "other.example"))
        docs.append((doc.get("date") or "2000-01-01", os.path.basename(path), {
            "outlet": {"name": name, "domain": domain},
            "url": doc.get("url") or f"https://basil.invalid/{doc['uuid']}",
            "title": ((doc.get("title") or "").strip() or doc["uuid"])[:1000],
            "published_at": f"{doc.get('date') or '2000-01-01'}T12:00:00Z", "language": "en", "text": body_text}))
    return [body for _, _, body in sorted(docs, key=lambda d: (d[0], d[1]))]


def wire_copy(body: dict, n: int) -> dict:
    """Another outlet's copy of an article an hour later, each number in it one higher."""
    published = datetime.fromisoformat(body["published_at"].replace("Z", "+00:00")) + timedelta(hours=1)
    return {**body, "outlet": {"name": "Copy Wire", "domain": "copywire.example"},
            "url": f"https://copywire.example/{n}", "published_at": published.isoformat(),
            "text": _NUMBER.sub(lambda m: str(int(m.group()) + 1), body["text"])}


def fresh_store(database_url: str | None) -> str:
    """The URL of an empty, migrated store."""
    if database_url:
        downgrade(database_url, "base")
        upgrade(database_url)
        return database_url
    url = f"sqlite:///{tempfile.mkdtemp(prefix='store_digest_')}/store.sqlite3"
    upgrade(url)
    return url


def _call(client, method: str, path: str, body: dict | None = None, query: dict | None = None) -> dict:
    """The JSON answer of one request (the run stops on anything but 200 or 201)."""
    resp = client.open(path, method=method, json=body, query_string=query,
                       headers={"Authorization": f"Bearer {KEY}"})
    if resp.status_code not in (200, 201):
        sys.exit(f"{method} {path}: {resp.status_code} {resp.get_data(as_text=True)[:500]}")
    return resp.get_json()


def curate(app, client) -> None:
    """Merge two claims, move two mentions, dismiss a disagreement (chosen by id, deterministically)."""
    engine = app.extensions["claimtrack"]["engine"]
    with engine.connect() as conn:
        live = [r[0] for r in conn.execute(text(
            "SELECT id FROM claim WHERE merged_into_id IS NULL AND mention_count > 1 ORDER BY id"))]
        mentions = [r[0] for r in conn.execute(text("SELECT id FROM mention ORDER BY id"))]
        disagreement = conn.execute(text("SELECT min(id) FROM disagreement")).scalar()
    _call(client, "POST", f"/v1/claims/{live[0]}/merge", {"from_claim_id": live[1], "note": "digest"})
    _call(client, "POST", f"/v1/mentions/{mentions[len(mentions) // 2]}/move", {"claim_id": live[2]})
    _call(client, "POST", f"/v1/mentions/{mentions[len(mentions) // 3]}/move", {"claim_id": None})
    if disagreement is not None:
        _call(client, "POST", f"/v1/disagreements/{disagreement}/dismiss", {"reason": "digest"})


def batch_jobs(app) -> None:
    """rematch, redetect, and a vector backfill after deleting every third mention's vector."""
    from api.models import MentionVector
    from api.services.curation import rematch
    from api.services.detection import redetect
    from api.services.vectors import backfill
    from api.session import components, new_session, settings

    with app.app_context():
        print("rematch", rematch(new_session, components(), settings()), file=sys.stderr)
        print("redetect", redetect(new_session, components(), settings()), file=sys.stderr)
        engine = app.extensions["claimtrack"]["engine"]
        with engine.begin() as conn:
            conn.execute(delete(MentionVector.__table__).where(MentionVector.__table__.c.mention_id % 3 == 0))
        print("backfill", backfill(engine, components().embedder, batch=500), file=sys.stderr)


def reads(client) -> list:
    """Bodies of some reads over the final store."""
    out = []
    for q in QUERIES:
        out.append(_call(client, "GET", "/v1/claims", query={"limit": 50, "q": q}))
        out.append(_call(client, "GET", "/v1/claims", query={"limit": 50, "sort": "relevance", "q": q}))
    for similar in SIMILAR:
        out.append(_call(client, "GET", "/v1/claims", query={"limit": 20, "similar_to": similar}))
    out.append(_call(client, "GET", "/v1/disagreements", query={"limit": 100}))
    for a, b in PAIRS:
        out.append(_call(client, "POST", "/v1/similarity", {"a": a, "b": b}))
    first = out[0]["items"][0]["id"] if out[0]["items"] else 1
    out.append(_call(client, "GET", f"/v1/claims/{first}"))
    return out


def _plain(value):
    """A stored value as JSON can hold it, the same for equal values."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


def _scrubbed(body):
    """A read's body with its wall-clock fields replaced by whether they are set."""
    if isinstance(body, dict):
        return {k: (v is not None) if k in WALL_CLOCK else _scrubbed(v) for k, v in body.items()}
    if isinstance(body, list):
        return [_scrubbed(v) for v in body]
    return body


def table_rows(engine):
    """(table name, row) of every table, rows in primary-key order, wall-clock columns as flags."""
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            key = list(table.primary_key.columns) or list(table.c)
            for row in conn.execute(select(table).order_by(*key)).mappings():
                yield table.name, {c: (row[c] is not None) if c in WALL_CLOCK else _plain(row[c]) for c in row.keys()}


def main() -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    """Run the workload and print the digest of what is stored."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--database-url")
    ap.add_argument("--basil", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval",
                                                   "basil-dev"))
    ap.add_argument("--copies-every", type=int, default=3)
    ap.add_argument("--dump")
    args = ap.parse_args()
    articles = basil_articles(args.basil)
    if not articles:
        sys.exit(f"no BASIL articles under {args.basil}")
    url = fresh_store(args.database_url)
    app = create_app({"DATABASE_URL": url, "API_KEYS": [KEY], "CURSOR_SECRET": "digest", "TESTING": True,
                      "COMPONENTS": build_components(Settings())})
    client = app.test_client()
    for body in articles:
        _call(client, "POST", "/v1/articles", body)
    for n, body in enumerate(articles[::max(1, args.copies_every)]):
        _call(client, "POST", "/v1/articles", wire_copy(body, n))
    curate(app, client)
    batch_jobs(app)
    answered = reads(client)
    h = hashlib.sha256()
    counts: dict[str, int] = {}
    out = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for name, row in table_rows(app.extensions["claimtrack"]["engine"]):
        line = json.dumps([name, row], ensure_ascii=False, sort_keys=True, default=str)
        h.update(line.encode() + b"\n")
        counts[name] = counts.get(name, 0) + 1
        if out:
            out.write(line + "\n")
    for body in answered:
        line = json.dumps(["read", _scrubbed(body)], ensure_ascii=False, sort_keys=True)
        h.update(line.encode() + b"\n")
        if out:
            out.write(line + "\n")
    app.extensions["claimtrack"]["engine"].dispose()
    print(f"digest={h.hexdigest()} articles={counts.get('article', 0)} mentions={counts.get('mention', 0)} "
          f"claims={counts.get('claim', 0)} disagreements={counts.get('disagreement', 0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
