#!/usr/bin/env python3
"""Print a fixed-seed random sample of missed attributions (the JSON lines that
``bench/score_attribution_offline.py --misses FILE --all-misses`` writes) with their context, to
categorise by hand: the text around the content with the source in [[…]], the cue in <<…>> and the
content in {{…}}, then the mentions that cover or overlap the content with their speakers.

    python bench/sample_misses.py MISSES DATA_DIR [--n 70] [--seed 12]

Training split only: the dev split is held out.
"""
from __future__ import annotations

import argparse
import json
import os
import random


def marked(text: str, row: dict) -> str:
    """The context of a miss with its source, cue and content marked."""
    lo = max(0, min(row["source_start"], row["content_start"]) - 200)
    hi = min(len(text), max(row["source_start"] + len(row["source"]), row["content_end"]) + 120)
    marks = [(row["content_start"], "{{"), (row["content_end"], "}}"),
             (row["source_start"], "[["), (row["source_start"] + len(row["source"]), "]]")]
    out, pos = [], lo
    for at, mark in sorted(m for m in marks if lo <= m[0] <= hi):
        out.append(text[pos:at])
        out.append(mark)
        pos = at
    out.append(text[pos:hi])
    return "".join(out).replace("\n", " ¶ ")


def main() -> None:
    """Print the sample."""
    ap = argparse.ArgumentParser()
    ap.add_argument("misses")
    ap.add_argument("data")
    ap.add_argument("--n", type=int, default=70)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.misses, encoding="utf-8")]
    for i, row in enumerate(random.Random(args.seed).sample(rows, args.n), 1):
        text = open(os.path.join(args.data, "text", row["article"] + ".txt"), encoding="utf-8").read()
        print(f"### {i} {row['article']} direct={row['direct']} source={row['source']!r} cue={row['cue']!r}")
        print(marked(text, row))
        for kind in ("covering", "overlapping"):
            for m in row[kind]:
                print(f"  {kind}: speaker={m['speaker']!r} role={m['role']!r} [{m['start']}:{m['end']}] "
                      f"{m['text'][:160]!r}")
        print()


if __name__ == "__main__":
    main()
