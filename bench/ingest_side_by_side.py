#!/usr/bin/env python3
"""Ingest time of several revisions side by side on copies of one filled store each, rounds
interleaved: wall time or the ingesting thread's CPU time (less sensitive to other processes).

    .venv/bin/python bench/ingest_side_by_side.py TREE[::VAR=VALUE...]... [--rounds 3]
        [--clock wall|cpu] [--size 100000] [--articles 60] [--work /tmp/side_by_side]

Each TREE is a checkout of a revision (e.g. ``git archive REV | tar -x -C /tmp/REV``) with its own
``bench/bench_ingest.py``; ``::VAR=VALUE`` after it (repeatable) sets an environment variable for
that tree's runs only, so one tree can be measured with a setting on and off
(``/tmp/main /tmp/main::CLAIMTRACK_VECTOR_RETRIEVAL=0``: both share the tree's store). For each tree a store of ``--size`` claims is filled once, by that
tree's own ``Filler`` (so each revision's schema and stored vectors are its own), and kept in
``--work``. Each round, the trees take turns (the order rotated every round): the tree's store is
copied, the tree's pipeline is built in a fresh process (this interpreter, the tree first on
``sys.path``), two warm-up articles are ingested, then ``--articles`` held-out PolNeAR dev
articles through that tree's ``bench_ingest.measure`` (one unit of work per article, as the API
does), with ``time.thread_time`` as its clock for ``--clock cpu``. One line per measurement
(the bench's own line), then each tree's medians per round.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _bench_module(tree: str):
    """The tree's ``bench/bench_ingest.py``, imported with the tree first on ``sys.path``."""
    sys.path.insert(0, tree)
    spec = importlib.util.spec_from_file_location("bench_ingest", os.path.join(tree, "bench", "bench_ingest.py"))
    module = importlib.util.module_from_spec(spec)
    sys.argv = [sys.argv[0]]
    spec.loader.exec_module(module)
    return module


def _settings():
    """The environment's settings without the semantic model (either settings API of a revision)."""
    try:
        from api.config import load_settings
    except ImportError:  # revisions before the typed Settings object
        from api.config import from_environment
        return {**from_environment(), "EMBEDDING_MODEL": None}
    return load_settings().replace(embedding_model=None)


def measure_one(tree: str, store: str, size: int, articles: int, clock: str) -> None:
    """In this process: fill ``store`` when missing, measure a copy of it, print the bench's line."""
    bench = _bench_module(tree)
    from api.db import make_engine
    from api.migrate import upgrade
    from api.services.components import build_components

    files = bench.polnear_files(EVAL / "polnear-dev" / "text")
    measure_files, fill_files = bench.split_measure_fill(files, articles)
    if not os.path.exists(store):
        url = f"sqlite:///{store}.filling"
        upgrade(url)
        engine = make_engine(url)
        factory = bench.SentenceFactory(bench.corpus_sentences(fill_files, EVAL / "mrpc" / "msr_paraphrase_train.txt"),
                                        seed=7)
        bench.Filler(engine, factory, seed=11).fill_to(size)
        engine.dispose()
        os.replace(store + ".filling", store)
    work = store + ".copy"
    for suffix in ("", "-wal", "-shm"):
        Path(work + suffix).unlink(missing_ok=True)
    shutil.copy(store, work)
    engine = make_engine(f"sqlite:///{work}")
    settings = _settings()
    comps = build_components(settings)
    timer = bench.StageTimer()
    run = f"side{os.getpid()}"
    bench.measure(engine, comps, settings, bench.article_payloads(fill_files[:2], run + "-warm"), timer)
    _tune_gc(tree, settings)
    if clock == "cpu":
        bench.time = types.SimpleNamespace(perf_counter=time.thread_time, sleep=time.sleep)
    result = bench.measure(engine, comps, settings, bench.article_payloads(measure_files, run), timer)
    print(bench.fmt("sqlite", "lexical", size, result, None), flush=True)
    engine.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(work + suffix).unlink(missing_ok=True)


def _tune_gc(tree: str, settings) -> None:
    """Set the collector's thresholds as the tree's server does (``api.runtime``), when the tree
    has that module; older trees keep Python's defaults. (The tree's own file is checked: an
    editable install of another checkout would otherwise lend its module to an older tree.)"""
    if not os.path.exists(os.path.join(tree, "api", "runtime.py")):
        return
    from api.runtime import tune_gc

    tune_gc(settings.gc_threshold)


def parse_tree(spec: str) -> tuple[str, str, dict[str, str]]:
    """``TREE[::VAR=VALUE...]`` -> (absolute tree, label, extra environment)."""
    path, *pairs = spec.split("::")
    extra = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise SystemExit(f"bad environment setting {pair!r} in {spec!r}: want VAR=VALUE")
        extra[name] = value
    label = os.path.basename(os.path.abspath(path)) + "".join(f"[{k}={v}]" for k, v in extra.items())
    return os.path.abspath(path), label, extra


def main() -> int:
    """Fills the stores, runs the interleaved rounds, prints the medians."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="*")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    ap.add_argument("--size", type=int, default=100000)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--work", default="/tmp/side_by_side")
    ap.add_argument("--one", nargs=2, metavar=("TREE", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        measure_one(os.path.abspath(args.one[0]), args.one[1], args.size, args.articles, args.clock)
        return 0
    if not args.trees:
        ap.error("give at least one TREE")
    os.makedirs(args.work, exist_ok=True)
    trees = [parse_tree(t) for t in args.trees]
    medians: dict[str, list[float]] = {label: [] for _, label, _ in trees}
    for r in range(args.rounds):
        for k in range(len(trees)):
            tree, label, extra = trees[(k + r) % len(trees)]
            store = os.path.join(args.work, f"{os.path.basename(tree)}-{args.size}.sqlite3")
            out = subprocess.run([sys.executable, __file__, "--one", tree, store, "--size", str(args.size),
                                  "--articles", str(args.articles), "--clock", args.clock],
                                 capture_output=True, text=True, cwd=tree, env={**os.environ, **extra})
            line = next((x for x in out.stdout.splitlines() if x.startswith("sqlite ")), None)
            if line is None:
                print(f"round={r + 1} tree={label} failed: {out.stderr.strip().splitlines()[-1:]}", flush=True)
                continue
            medians[label].append(float(re.search(r"median_ms=([0-9.]+)", line).group(1)))
            print(f"round={r + 1} tree={label} clock={args.clock} {line}", flush=True)
    for label, values in medians.items():
        if values:
            print(f"summary tree={label} clock={args.clock} median_ms per round: "
                  f"{' / '.join(f'{v:.1f}' for v in values)} (median {statistics.median(values):.1f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
