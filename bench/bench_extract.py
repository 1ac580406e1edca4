#!/usr/bin/env python3
"""Benchmark the claim/quotation extractor on one core.

    .venv/bin/python bench/bench_extract.py [--polnear DIR] [--repeat N]

Prints, for the seed articles and (when present) the PolNeAR dev texts, the median and
95th-percentile extraction time per article, the words per article, and articles per second.
The default PolNeAR path is ../shared/eval/polnear-dev/text relative to the project root.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.pipeline.extract import extract  # noqa: E402


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def bench(name: str, texts: list[str], repeat: int) -> None:
    """Time ``extract`` over ``texts`` (each ``repeat`` times, best run kept) and print figures."""
    for t in texts:  # warm-up: imports, regex compilation
        extract(t)
    times = []
    for t in texts:
        best = min(_once(t) for _ in range(repeat))
        times.append(best)
    times.sort()
    words = [len(t.split()) for t in texts]
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    total = sum(times)
    print(f"{name}: articles={len(texts)} words/article median={statistics.median(words):.0f} "
          f"mean={statistics.mean(words):.0f} | extract median={statistics.median(times) * 1000:.2f} ms "
          f"p95={p95 * 1000:.2f} ms | {len(texts) / total:.0f} articles/s "
          f"({sum(words) / total:.0f} words/s) on one core")


def _once(text: str) -> float:
    t0 = time.perf_counter()
    extract(text)
    return time.perf_counter() - t0


def main() -> int:
    """Parse arguments and run the benchmarks."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "eval" / "polnear-dev" / "text"),
                    help="folder of PolNeAR .txt files")
    ap.add_argument("--repeat", type=int, default=5, help="runs per article (the fastest is kept)")
    args = ap.parse_args()
    seeds = ROOT / "seeds"
    if not seeds.is_dir():
        seeds = ROOT.parent / "shared" / "seeds"
    bench("seeds", _texts(seeds), args.repeat)
    polnear = Path(args.polnear)
    if polnear.is_dir() and any(polnear.glob("*.txt")):
        bench("polnear-dev", _texts(polnear), args.repeat)
    else:
        print(f"polnear-dev: skipped, no texts at {polnear}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
