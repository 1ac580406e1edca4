#!/usr/bin/env python3
"""Ingest time with and without mention vectors, article by article on one store (A/B).

    .venv/bin/python bench/bench_ingest_vectors_ab.py [--sizes 10000,100000] [--articles 40]
        [--rounds 3] [--database-url URL] [--pg-database claimtrack_bench_ab]

On a machine whose load moves by 2x from minute to minute, two runs of ``bench_ingest.py`` a
minute apart differ by more than vector retrieval costs. Here each held-out PolNeAR article is
ingested twice in a row on the same store, in alternating order: once with the default pipeline
(``off``: no embedder, so nothing is embedded, stored or retrieved by vector, as before vectors)
and once with vectors (``on``: each article's mentions embedded in one batch, nearest vectors of
the time window added to the candidates, the vectors stored), each time in a fresh transaction,
the article deleted again right after (so both see the same store). Printed per size: the mean
and median ms per article of each and the ratio of the means, and the paired median of
(on - off) per article. The store is ``bench_ingest.py``'s fill (vectors stored).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import bench_ingest as bi  # noqa: E402

from api.config import load_settings  # noqa: E402
from api.db import UnitOfWork, is_sqlite, make_engine  # noqa: E402
from api.services.articles import ingest  # noqa: E402
from api.services.components import build_components  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=3, help="times each article is ingested by each")
    ap.add_argument("--database-url", default=None)
    ap.add_argument("--pg-database", default="claimtrack_bench_ab")
    ap.add_argument("--polnear", default=str(ROOT.parent.parent / "shared" / "eval" / "polnear-dev" / "text"))
    ap.add_argument("--mrpc", default=str(ROOT.parent.parent / "shared" / "eval" / "mrpc" / "msr_paraphrase_train.txt"))
    args = ap.parse_args()
    if args.database_url is None:
        args.database_url = f"sqlite:///{bi.WORK / 'bench_ab.sqlite3'}"
    settings = load_settings().replace(embedding_model=None)
    on = build_components(settings)
    off = replace(on, embedder=None)
    url = bi.prepare_database(args)
    engine = make_engine(url)
    backend = "sqlite" if is_sqlite(engine) else "postgresql"
    files = bi.polnear_files(Path(args.polnear))
    measure_files, fill_files = bi.split_measure_fill(files, args.articles)
    payloads = bi.article_payloads(measure_files, "ab")
    filler = bi.Filler(engine, bi.SentenceFactory(bi.corpus_sentences(fill_files, Path(args.mrpc))), seed=11)

    def timed(comps, data: dict) -> float:
        t0 = time.perf_counter()
        with UnitOfWork(engine) as uow:
            detail, created = ingest(uow.session, comps, settings, data)
        took = time.perf_counter() - t0
        assert created, data["url"]
        bi.remove_articles(engine, [detail.id])
        return took

    for p in bi.article_payloads(fill_files[:2], "ab-warm"):  # warm-up, not measured
        for name, comps in (("on", on), ("off", off)):
            timed(comps, dict(p, url=p["url"] + name))
    print(f"# {backend} articles={len(payloads)} rounds={args.rounds}", flush=True)
    for size in sorted(int(s) for s in args.sizes.split(",")):
        filler.fill_to(size)
        times = {"on": [], "off": []}
        diffs = []
        for r in range(args.rounds):
            for i, p in enumerate(payloads):
                order = (("on", on), ("off", off)) if (i + r) % 2 == 0 else (("off", off), ("on", on))
                pair = {}
                for name, comps in order:
                    pair[name] = timed(comps, dict(p, url=f"{p['url']}-{size}-{r}-{name}"))
                    times[name].append(pair[name])
                diffs.append(pair["on"] - pair["off"])
        m_on, m_off = statistics.mean(times["on"]), statistics.mean(times["off"])
        print(f"{backend} claims={size} n={len(diffs)} off: mean_ms={1000 * m_off:.1f} "
              f"median_ms={1000 * statistics.median(times['off']):.1f} | on: mean_ms={1000 * m_on:.1f} "
              f"median_ms={1000 * statistics.median(times['on']):.1f} | on/off means={m_on / m_off:.3f} "
              f"paired median on-off={1000 * statistics.median(diffs):+.1f} ms", flush=True)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
