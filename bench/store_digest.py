#!/usr/bin/env python3
"""A digest of everything ingest stores for a fixed list of articles, to prove that a speed change
(or a refactor) changes no stored output: run it before and after, the digests must be equal.

    .venv/bin/python bench/store_digest.py [--data ../shared/eval/basil-dev] [--limit N]
        [--copies] [--dump FILE]

The articles of a BASIL-format folder (``articles/<year>/*.json``) are ingested in date order
(then uuid, as ``score_events.py`` posts them), each body loaded by the API's own
``ArticleCreateSchema``, through ``api.services.articles.ingest`` with the settings of the
environment, one unit of work per article as the API does, into a fresh, migrated SQLite store
in a temporary folder. With ``--copies`` every article is then ingested once more as another
outlet's copy an hour later (every mention joins a stored claim: detection runs for each).

Then every table (outlets, articles, claims, claim outlets, mentions, mention vectors,
disagreements, the term counts, curation events) is read in primary-key order and serialised
row by row with ``repr`` (exact floats), leaving out only the columns that hold the wall-clock
time of the run (``created_at``, ``ingested_at``, ``dismissed_at``, ``revoked_at``). Ids are kept:
in a fresh store filled in a fixed order they are part of the output. The last line is
``digest=<sha256> articles=N`` with the row count of each table; ``--dump`` writes every row, to
see where two runs differ. It runs with ``PYTHONHASHSEED=0`` (re-executing itself when that is
not set): some matcher features add up floats over a set of words, whose order follows the
hash seed in the last bit.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import sys
import tempfile
from datetime import timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

TABLES = ("outlet", "article", "claim", "claimoutlet", "mention", "mention_vector", "disagreement",
          "term_stat", "curationevent")
RUN_TIME_COLUMNS = {"created_at", "ingested_at", "dismissed_at", "revoked_at"}
SOURCES = {"fox": ("Fox News", "foxnews.com"), "nyt": ("New York Times", "nytimes.com"),
           "hpo": ("HuffPost", "huffpost.com")}


def article_bodies(folder: str) -> list[dict]:
    """The API request bodies of the folder's articles, in date (then uuid) order."""
    docs = []
    for path in glob.glob(os.path.join(folder, "articles", "*", "*.json")):
        with open(path, encoding="utf-8") as fh:
            docs.append(json.load(fh))
    docs.sort(key=lambda d: (d.get("date") or "", d.get("uuid") or ""))
    bodies = []
    for doc in docs:
        source = (doc.get("source") or "").lower()
        name, domain = SOURCES.get(source, (source or "unknown", (source or "unknown") + ".example"))
        paras = [" ".join(p) if isinstance(p, list) else str(p) for p in doc.get("body-paragraphs") or []]
        title = (doc.get("title") or "").strip() or doc["uuid"]
        bodies.append({"outlet": {"name": name, "domain": domain},
                       "url": doc.get("url") or f"https://basil.invalid/{doc['uuid']}",
                       "title": title[:1000], "published_at": doc.get("date"), "language": "en",
                       "text": "\n\n".join(x.strip() for x in paras if x and x.strip())})
    return bodies


def copy_of(body: dict) -> dict:
    """The article as another outlet's copy an hour later (a loaded body: a datetime)."""
    return {**body, "url": body["url"].rstrip("/") + "/copy",
            "published_at": body["published_at"] + timedelta(hours=1),
            "outlet": {"name": "Copy of " + body["outlet"]["name"], "domain": "copy." + body["outlet"]["domain"]}}


def ingest_all(url: str, bodies: list[dict], copies: bool) -> int:
    """Ingests the bodies (and their copies) into the store at ``url``; returns how many."""
    from api.config import load_settings
    from api.db import UnitOfWork, make_engine
    from api.services.articles import ingest
    from api.services.components import build_components
    from schemas.articles import ArticleCreateSchema

    settings = load_settings()
    comps = build_components(settings)
    engine = make_engine(url)
    loaded = [ArticleCreateSchema().load(b) for b in bodies]
    batch = loaded + ([copy_of(b) for b in loaded] if copies else [])
    for data in batch:
        with UnitOfWork(engine) as uow:
            ingest(uow.session, comps, settings, dict(data))
    engine.dispose()
    return len(batch)


def table_rows(url: str):
    """(table, row repr) of every stored row, tables in ``TABLES`` order, rows by primary key."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    meta = sa.MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        for name in TABLES:
            table = meta.tables[name]
            cols = [c for c in table.columns if c.name not in RUN_TIME_COLUMNS]
            order = list(table.primary_key.columns) or cols
            for row in conn.execute(sa.select(*cols).order_by(*order)):
                yield name, repr(tuple(zip([c.name for c in cols], row)))
    engine.dispose()


def main() -> int:
    """Ingests, dumps and prints the digest."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "eval", "basil-dev"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    ap.add_argument("--copies", action="store_true", help="ingest every article again as a copy")
    ap.add_argument("--dump", default=None, help="write every serialised row to this file")
    args = ap.parse_args()
    bodies = article_bodies(args.data)
    if args.limit:
        bodies = bodies[:args.limit]
    if not bodies:
        print(f"no articles under {args.data}/articles")
        return 2
    from api.migrate import upgrade

    with tempfile.TemporaryDirectory(prefix="store_digest_") as tmp:
        url = f"sqlite:///{os.path.join(tmp, 'store.sqlite3')}"
        upgrade(url)
        n = ingest_all(url, bodies, args.copies)
        h = hashlib.sha256()
        counts = dict.fromkeys(TABLES, 0)
        dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
        for name, line in table_rows(url):
            counts[name] += 1
            h.update(f"{name} {line}\n".encode())
            if dump:
                dump.write(f"{name} {line}\n")
        if dump:
            dump.close()
    print(f"digest={h.hexdigest()} articles={n} " + " ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
