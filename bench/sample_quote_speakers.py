#!/usr/bin/env python3
"""A fixed-seed random sample of quotation mentions with a speaker, from an extraction dump, with
the text around each, to judge the speakers by hand.

    python bench/extract_digest.py ../shared/eval/basil-dev --dump DUMP
    python bench/sample_quote_speakers.py DUMP ../shared/eval/basil-dev [--n 40] [--seed 7]

The pool is every mention of the dump with ``is_quote`` and a speaker, in dump order; the sample is
``random.Random(seed).sample(pool, n)``. Each is printed with its article, offsets, speaker and
role, the 450 characters before it, the mention in ⟦…⟧ and 200 characters after. Development sets
only (basil-dev, polnear-train).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from extract_digest import _articles  # noqa: E402


def quote_mentions(dump: str) -> list[tuple[str, list]]:
    """(article, mention) for every quotation mention with a speaker in an extraction dump."""
    pool = []
    with open(dump, encoding="utf-8") as fh:
        for line in fh:
            name, mentions = json.loads(line)
            pool.extend((name, m) for m in mentions if m[3] and m[4])
    return pool


def main() -> int:
    """Print the sample."""
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("data")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    texts = {name: text for name, text, _ in _articles(args.data)}
    pool = quote_mentions(args.dump)
    print(f"pool={len(pool)}")
    for i, (name, m) in enumerate(random.Random(args.seed).sample(pool, min(args.n, len(pool))), 1):
        text = texts[name]
        before = text[max(0, m[0] - 450):m[0]].replace("\n", " ¶ ")
        after = text[m[1]:m[1] + 200].replace("\n", " ¶ ")
        print(f"## {i} {name} [{m[0]}:{m[1]}] speaker={m[4]!r} role={m[5]!r}")
        print(f"    {before} ⟦ {m[2]} ⟧ {after}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
