#!/usr/bin/env python3
"""The mentions whose span or speaker changed between two extraction dumps, to judge by hand.

    python bench/extract_digest.py ../shared/eval/basil-dev --dump before.jsonl   # on the old tree
    python bench/extract_digest.py ../shared/eval/basil-dev --dump after.jsonl    # on the new one
    python bench/extract_changes.py before.jsonl after.jsonl ../shared/eval/basil-dev [--n 30] [--seed 7]

A mention of the new dump is "span" changed when no old mention has its offsets (the old mentions
overlapping it are shown), "speaker" changed when the old mention with its offsets had another
speaker or role; an old mention that no new one overlaps is "removed". Prints the count of each,
then a fixed-seed sample (all of them when there are fewer than ``--n``) with the text around each.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from extract_digest import _articles  # noqa: E402


def changes(before: dict, after: dict) -> list[tuple[str, str, list, list]]:
    """(kind, article, mention, old mentions) for every changed mention, in article order."""
    out = []
    for name, mentions in after.items():
        old = before.get(name, [])
        by_span = {(m[0], m[1]): m for m in old}
        for m in mentions:
            o = by_span.get((m[0], m[1]))
            if o is None:
                out.append(("span", name, m, [x for x in old if x[0] < m[1] and m[0] < x[1]]))
            elif (o[4], o[5]) != (m[4], m[5]):
                out.append(("speaker", name, m, [o]))
        for o in old:
            if (o[0], o[1]) not in {(m[0], m[1]) for m in mentions} \
                    and not any(x[0] < o[1] and o[0] < x[1] for x in mentions):
                out.append(("removed", name, o, []))
    return out


def main() -> None:
    """Print the counts and the sample."""
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("data", help="the folder both dumps were made from")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    texts = {name: text for name, text, _ in _articles(args.data)}
    before = {row[0]: row[1] for row in map(json.loads, open(args.before, encoding="utf-8"))}
    after = {row[0]: row[1] for row in map(json.loads, open(args.after, encoding="utf-8"))}
    found = changes(before, after)
    kinds = [k for k, *_ in found]
    print(f"changed={len(found)} span={kinds.count('span')} speaker={kinds.count('speaker')} "
          f"removed={kinds.count('removed')}")
    sample = found if len(found) <= args.n else random.Random(args.seed).sample(found, args.n)
    for i, (kind, name, m, olds) in enumerate(sample, 1):
        text = texts[name]
        around = text[max(0, m[0] - 250):m[0]] + "\u27e6" + text[m[0]:m[1]] + "\u27e7" + text[m[1]:m[1] + 120]
        print(f"### {i} {kind} {name}")
        print("  context:", around.replace("\n", " \u00b6 "))
        label = "BEFORE" if kind == "removed" else "AFTER"
        print(f"  {label}: [{m[0]}:{m[1]}] speaker={m[4]!r} role={m[5]!r} quote={m[3]}")
        for o in olds:
            print(f"  BEFORE: [{o[0]}:{o[1]}] speaker={o[4]!r} role={o[5]!r} text={o[2][:120]!r}")


if __name__ == "__main__":
    main()
