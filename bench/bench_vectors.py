#!/usr/bin/env python3
"""Per-mention cost of vector candidate retrieval as the claim store grows (SQLite or PostgreSQL).

    .venv/bin/python bench/bench_vectors.py [--sizes 10000,100000,1000000] [--database-url URL]
        [--pg-database claimtrack_bench_vectors] [--articles 40] [--mentions 46]

A fresh database is filled by ``bench_ingest.py``'s filler (synthetic articles spread evenly over
2014-2024, each mention's vector stored as ingest stores it) to each size in turn. At each size,
``--articles`` queries are timed, each as ingest makes one for an article: ``--mentions`` texts
(fill sentences, embedded in one batch), a publication time drawn from the fill's span,
``VectorWindow.read`` over the settings' window (``CLAIMTRACK_VECTOR_WINDOW_DAYS``, at most
``CLAIMTRACK_VECTOR_WINDOW_MAX`` vectors) and ``neighbours`` for all the texts. Printed per size:
the mean window (vectors read), the mean and p95 ms per article of embed / read / neighbours, the
total per mention, and the neighbours per mention at cosine >= ``CLAIMTRACK_VECTOR_MIN_COSINE``
(which the matcher may then score). The fill spreads every size over the same 11 years, so a
window's vectors grow with the store until ``VECTOR_WINDOW_MAX`` caps them; in a store that
grows over time (a steady rate of news) the window's size follows the rate, not the store.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import bench_ingest as bi  # noqa: E402
from sqlalchemy import text  # noqa: E402

from api.config import load_settings  # noqa: E402
from api.db import is_sqlite, make_engine  # noqa: E402
from api.pipeline.embedding import StaticEmbedder  # noqa: E402
from api.services.vectors import VectorWindow  # noqa: E402


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    s = sorted(values)
    return s[min(len(s) - 1, int(q / 100 * len(s)))]


def measure(engine, embedder, settings, articles: int, mentions: int, rng: random.Random) -> dict:
    """Timings of ``articles`` window queries of ``mentions`` fill texts each."""
    with engine.connect() as conn:
        n = conn.execute(text("SELECT max(id) FROM mention")).scalar()
        texts = [t for (t,) in conn.execute(text("SELECT text FROM mention WHERE id % 97 = 0 LIMIT 5000"))]
    embed_ms, read_ms, near_ms, window, found = [], [], [], [], []
    for _ in range(articles):
        batch = rng.sample(texts, min(mentions, len(texts)))
        published = bi.DATE0 + timedelta(days=rng.uniform(7, bi.DATE_SPAN_DAYS - 7))
        with engine.connect() as conn:
            t0 = time.perf_counter()
            queries = embedder.embed(batch)
            t1 = time.perf_counter()
            w = VectorWindow.read(conn, published, settings.vector_window_days, settings.vector_window_max)
            t2 = time.perf_counter()
            near = w.neighbours(queries, settings.vector_candidates, settings.vector_min_cosine)
            t3 = time.perf_counter()
        embed_ms.append(1000 * (t1 - t0))
        read_ms.append(1000 * (t2 - t1))
        near_ms.append(1000 * (t3 - t2))
        window.append(len(w))
        found.append(sum(len(x) for x in near) / len(batch))
    total = [a + b + c for a, b, c in zip(embed_ms, read_ms, near_ms)]
    return {"mentions_stored": n, "window": statistics.mean(window), "embed": statistics.mean(embed_ms),
            "read": statistics.mean(read_ms), "near": statistics.mean(near_ms), "total": statistics.mean(total),
            "p95": pct(total, 95), "per_mention": statistics.mean(total) / mentions, "found": statistics.mean(found)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="claim-store sizes, ascending")
    ap.add_argument("--database-url", default=None,
                    help="sqlite:///FILE (recreated) or a PostgreSQL server URL (see --pg-database)")
    ap.add_argument("--pg-database", default="claimtrack_bench_vectors",
                    help="PostgreSQL database to DROP and create for the run (never 'test')")
    ap.add_argument("--articles", type=int, default=40, help="window queries per size")
    ap.add_argument("--mentions", type=int, default=46, help="texts per query (an article's mentions)")
    ap.add_argument("--polnear", default=str(ROOT.parent.parent / "shared" / "eval" / "polnear-dev" / "text"))
    ap.add_argument("--mrpc", default=str(ROOT.parent.parent / "shared" / "eval" / "mrpc" / "msr_paraphrase_train.txt"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.database_url is None:
        args.database_url = f"sqlite:///{bi.WORK / 'bench_vectors.sqlite3'}"
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    settings = load_settings()
    url = bi.prepare_database(args)
    engine = make_engine(url)
    backend = "sqlite" if is_sqlite(engine) else "postgresql"
    files = bi.polnear_files(Path(args.polnear))
    factory = bi.SentenceFactory(bi.corpus_sentences(files, Path(args.mrpc)), seed=args.seed)
    filler = bi.Filler(engine, factory, seed=args.seed + 4)
    embedder = StaticEmbedder.load()
    embedder.embed(["warm up"])
    print(f"# {backend} window_days={settings.vector_window_days:g} window_max={settings.vector_window_max} "
          f"candidates={settings.vector_candidates} min_cosine={settings.vector_min_cosine:g} "
          f"articles={args.articles} mentions_per_article={args.mentions}", flush=True)
    rows = {}
    for size in sizes:
        fill_s = filler.fill_to(size)
        r = measure(engine, embedder, settings, args.articles, args.mentions, random.Random(args.seed))
        rows[size] = r
        print(f"{backend} claims={size} fill_s={fill_s:.0f} window_vectors={r['window']:.0f} "
              f"ms_per_article: embed={r['embed']:.2f} read={r['read']:.2f} neighbours={r['near']:.2f} "
              f"total={r['total']:.2f} p95={r['p95']:.2f} ms_per_mention={r['per_mention']:.3f} "
              f"neighbours_per_mention={r['found']:.2f}", flush=True)
    if len(sizes) > 1:
        lo, hi = rows[sizes[0]], rows[sizes[-1]]
        print(f"summary {backend} per_mention_ratio_{sizes[-1]}/{sizes[0]}={hi['per_mention'] / lo['per_mention']:.2f}",
              flush=True)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
