#!/usr/bin/env python3
"""Print a fixed-seed random sample of missed attributions (the JSON lines that
``bench/score_attribution_offline.py --misses FILE --all-misses`` writes) with their context, to
categorise by hand: the text around the content with the source in [[…]], the cue in <<…>> and the
content in {{…}}, then the mentions that cover or overlap the content with their speakers.

    python bench/sample_misses.py MISSES DATA_DIR [--n 70] [--seed 12]
    python bench/sample_misses.py MISSES DATA_DIR --buckets

``--buckets`` counts every miss instead, by what covers its content (a mention with a wrong
speaker, a mention without speaker with or without a role, an overlapping mention with the right
speaker whose span is too long, another overlapping mention, nothing), by the content's length
(under 40 characters: mostly a noun phrase, "opposed *the deal*") and by whether the source holds a
capitalised name (the only sources the scorer can credit: a role or group shares no word with the
name it resolves to).

Training split only: the dev split is held out.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from score_attribution_offline import words  # noqa: E402

# Capitalised words that open or qualify a group or role, not a name ("The", "Democrats", "GOP").
_NOT_NAMES = frozenset("""the a an some many most other several both democrats republicans democratic republican
gop his her their its one two three few all those these this that american americans conservatives liberals
progressives senate house white congress party""".split())


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


def named(source: str) -> bool:
    """Whether a source phrase holds a capitalised word that can be a name."""
    return any(w[0].isupper() and w.lower().strip(".'’") not in _NOT_NAMES
               for w in re.findall(r"[A-Za-z][\w.'’-]*", source))


def bucket(row: dict) -> tuple[str, str, str]:
    """(what covers the content, content length class, source kind) of one miss."""
    src, cov, ov = words(row["source"]), row["covering"], row["overlapping"]
    if cov:
        k = "covering, wrong speaker" if any(m["speaker"] for m in cov) else \
            "covering, no speaker, role" if any(m["role"] for m in cov) else "covering, no speaker, no role"
    elif ov:
        k = "overlapping, right speaker (span too long)" if any(
            m["speaker"] and src & words(m["speaker"]) for m in ov) else "overlapping, other"
    else:
        k = "no mention"
    length = "content>=40" if row["content_end"] - row["content_start"] >= 40 else "content<40"
    return k, length, "named source" if named(row["source"]) else "role/group/document source"


def print_buckets(rows: list[dict]) -> None:
    """Counts of every miss by :func:`bucket`."""
    counts = collections.Counter(bucket(r) for r in rows)
    for key, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{n:6d}  {' | '.join(key)}")
    print(f"{len(rows):6d}  all misses")


def main() -> None:
    """Print the sample."""
    ap = argparse.ArgumentParser()
    ap.add_argument("misses")
    ap.add_argument("data")
    ap.add_argument("--n", type=int, default=70)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--buckets", action="store_true", help="count every miss by bucket instead")
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.misses, encoding="utf-8")]
    if args.buckets:
        print_buckets(rows)
        return
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
