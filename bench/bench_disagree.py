"""Benchmark the disagreement detectors: detection time per claim pair.

Builds a few thousand mention pairs from template sentences with numbers, places, days, hedges,
negations and speakers swapped (self-contained, no external data), runs ``detect`` on each and
prints median and p95 time per pair and pairs per second.

    .venv/bin/python bench/bench_disagree.py [--pairs 4000] [--seed 7] [--cold]

``--cold`` clears the tokenisation caches before every pair (each mention seen for the first
time, as at ingest of new text); by default repeated texts hit the caches.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.pipeline.disagree import detect  # noqa: E402
from api.pipeline.disagree.align import side, tokenize  # noqa: E402
from api.pipeline.types import MentionText  # noqa: E402

TEMPLATES = [
    "{who} met {other} in {place} on {day} for {hedge}{n} hours to discuss the ceasefire proposal.",
    "{hedge}{n} people were killed in {place} on {day}, the health ministry said.",
    "It is his {ord} mission to the region since the conflict began last October, {who} said.",
    "\"This is a decisive moment, {hedge2}the last opportunity to get the hostages home,\" said {who}.",
    "The armed wing of Hamas {claimed} responsibility for a bomb blast on {day} in {place}.",
    "Talks due to take place in {place} later this week have been billed as a last ditch effort "
    "to reach a ceasefire, and {n} mediators are expected to attend.",
    "\"We're {verb} to make sure that there is no escalation, that there are no provocations,\" "
    "{who} said on {day}.",
    "Support for the agreement {rose} to {n}% in {place} at {clock} p.m. on {day}, a poll found.",
    "{who} {neg}accepted the proposal after {hedge}{n} rounds of talks in {place}.",
]
FILL = {
    "who": ["Blinken", "Antony Blinken", "Netanyahu's office", "Isaac Herzog", "a Hamas official"],
    "other": ["Benjamin Netanyahu", "President Herzog", "Yoav Gallant", "Egyptian mediators"],
    "place": ["Jerusalem", "Tel Aviv", "Cairo", "Doha", "Gaza City", "the West Bank"],
    "day": ["Monday", "Sunday", "Tuesday", "Aug. 19", "Aug. 20"],
    "hedge": ["", "about ", "approximately ", "more than ", "over ", "nearly "],
    "hedge2": ["", "maybe ", "probably ", "perhaps "],
    "n": ["three", "3", "two", "111", "115", "40,000", "forty thousand", "3.5"],
    "ord": ["ninth", "eighth", "9th", "tenth"],
    "claimed": ["claimed", "denied", "claimed"],
    "verb": ["working", "looking", "working"],
    "rose": ["rose", "fell", "rose"],
    "clock": ["3", "5", "3"],
    "neg": ["", "did not ", "", "never "],
}


def _fill(template: str, rng: random.Random, base: dict | None, swap: float) -> tuple[str, dict]:
    values = {}
    for key, options in FILL.items():
        if base is not None and key in base and rng.random() > swap:
            values[key] = base[key]
        else:
            values[key] = rng.choice(options)
    return template.format(**values), values


def _mention(text: str, who: str) -> MentionText:
    quotes = ()
    if '"' in text:
        s = text.index('"')
        quotes = ((s, text.index('"', s + 1) + 1),)
    return MentionText(text, speaker=who, is_quote=bool(quotes), quotes=quotes)


def make_pairs(n: int, seed: int) -> list[tuple[MentionText, MentionText]]:
    """``n`` pairs of mentions of the same template with some slots swapped."""
    rng = random.Random(seed)
    pairs = []
    for _ in range(n):
        t = rng.choice(TEMPLATES)
        ta, va = _fill(t, rng, None, 1.0)
        tb, vb = _fill(t, rng, va, 0.3)
        pairs.append((_mention(ta, va["who"]), _mention(tb, vb["who"])))
    return pairs


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cold", action="store_true", help="clear caches before every pair")
    args = ap.parse_args(argv)
    pairs = make_pairs(args.pairs, args.seed)
    for a, b in pairs[:50]:  # warm up imports and code paths
        detect(a, b)
    times, found = [], 0
    t_all = time.perf_counter()
    for a, b in pairs:
        if args.cold:
            side.cache_clear()
            tokenize.cache_clear()
        t0 = time.perf_counter()
        found += len(detect(a, b))
        times.append(time.perf_counter() - t0)
    total = time.perf_counter() - t_all
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(f"pairs={len(pairs)} cache={'cold' if args.cold else 'warm'} disagreements={found}")
    print(f"median={statistics.median(times) * 1e3:.3f} ms  p95={p95 * 1e3:.3f} ms  "
          f"pairs/s={len(pairs) / sum(times):,.0f}  wall={total:.2f} s")


if __name__ == "__main__":
    main()
