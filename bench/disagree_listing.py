#!/usr/bin/env python3
"""List the disagreements the detectors find on one half of MRPC **train**, to read them by hand.

    .venv/bin/python bench/disagree_listing.py --half even [--kinds number,hedge] [--json FILE]

Each train pair is compared both ways with ``detect`` (as ``bench/disagree_digest.py`` does, no
speakers); a pair is listed when either way finds something, with each finding's kind, the two
spans and the explanation, then the two sentences. ``--service`` compares each pair once, as
``POST /v1/similarity`` does (quotations found as at ingest, the matcher first: only pairs it
calls the same claim are compared; the hand-judged samples were drawn this way). ``--half`` keeps the pairs whose ``#1 ID`` is
even or odd (one half is for development, the other kept back for a clean judged sample). The
last line printed is ``findings=N pairs=M`` with the counts by kind. ``--json`` writes the
findings as one JSON object per pair, to compare two revisions (``--diff OLD NEW``). MRPC test is
never read.
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.pipeline.disagree import detect  # noqa: E402
from api.pipeline.types import MentionText  # noqa: E402

_TRAIN = "msr_paraphrase_train.txt"


def train_pairs(folder: str, half: str):
    """(id1, id2, label, s1, s2) of the MRPC train pairs of one half ('even', 'odd' or 'all')."""
    with open(os.path.join(folder, _TRAIN), encoding="utf-8-sig") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) != 5 or row[0] not in ("0", "1"):
                continue
            parity = "even" if int(row[1]) % 2 == 0 else "odd"
            if half in ("all", parity):
                yield row[1], row[2], row[0], row[3], row[4]


def service_findings(comps, s1: str, s2: str) -> list[list]:
    """[direction, kind, span A, span B, explanation] of ``POST /v1/similarity`` on the pair."""
    from api.services.similarity import similarity
    return [["ab", d["kind"], d["a_span"]["text"], d["b_span"]["text"], d["explanation"]]
            for d in similarity(comps, {"a": s1, "b": s2})["disagreements"]]


def findings(s1: str, s2: str) -> list[list]:
    """[direction, kind, span A, span B, explanation] of ``detect`` both ways (spans of the
    first-named sentence first)."""
    out = []
    for way, (x, y) in (("ab", (s1, s2)), ("ba", (s2, s1))):
        for d in detect(MentionText(x), MentionText(y)):
            spans = (d.a_span.text, d.b_span.text) if way == "ab" else (d.b_span.text, d.a_span.text)
            out.append([way, d.kind, spans[0], spans[1], d.explanation])
    return out


def _print_pair(key: str, label: str, s1: str, s2: str, found: list[list]) -> None:
    print(f"== {key} label={label}")
    for way, kind, sa, sb, expl in found:
        print(f"  [{way}] {kind}: {sa!r} / {sb!r}  ({expl})")
    print(f"  A: {s1}\n  B: {s2}")


def _diff(old_path: str, new_path: str) -> None:
    """Print the pairs whose findings differ between two ``--json`` files, as before -> after."""
    def load(p):
        with open(p, encoding="utf-8") as f:
            return {r["key"]: r for r in map(json.loads, f)}
    old, new = load(old_path), load(new_path)
    n = 0
    for key in sorted(set(old) | set(new)):
        o, w = old.get(key, {}).get("found", []), new.get(key, {}).get("found", [])
        if o == w:
            continue
        r = new.get(key) or old[key]
        n += 1
        print(f"== {key} label={r['label']}")
        for f in o:
            if f not in w:
                print(f"  - [{f[0]}] {f[1]}: {f[2]!r} / {f[3]!r}  ({f[4]})")
        for f in w:
            if f not in o:
                print(f"  + [{f[0]}] {f[1]}: {f[2]!r} / {f[3]!r}  ({f[4]})")
        print(f"  A: {r['a']}\n  B: {r['b']}")
    print(f"changed_pairs={n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--mrpc", default=os.path.join(here, "..", "..", "shared", "eval", "mrpc"))
    ap.add_argument("--half", choices=("even", "odd", "all"), default="even")
    ap.add_argument("--kinds", help="comma-separated kinds to list (default: all)")
    ap.add_argument("--json", help="write the findings of every listed pair to this file")
    ap.add_argument("--service", action="store_true", help="compare as POST /v1/similarity does")
    ap.add_argument("--quiet", action="store_true", help="print the counts only")
    ap.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"), help="compare two --json files")
    args = ap.parse_args()
    if args.diff:
        _diff(*args.diff)
        return
    wanted = set(args.kinds.split(",")) if args.kinds else None
    by_kind: collections.Counter = collections.Counter()
    pairs = 0
    out = open(args.json, "w", encoding="utf-8") if args.json else None
    comps = None
    if args.service:
        from api.config import load_settings
        from api.services.components import build_components
        comps = build_components(load_settings().replace(embedding_model=None))
    for id1, id2, label, s1, s2 in train_pairs(args.mrpc, args.half):
        pairs += 1
        both = service_findings(comps, s1, s2) if comps else findings(s1, s2)
        found = [f for f in both if wanted is None or f[1] in wanted]
        by_kind.update(f[1] for f in found)
        if found and out:
            out.write(json.dumps({"key": f"{id1}-{id2}", "label": label, "a": s1, "b": s2,
                                  "found": found}, ensure_ascii=False) + "\n")
        if found and not args.quiet:
            _print_pair(f"{id1}-{id2}", label, s1, s2, found)
    counts = " ".join(f"{k}={v}" for k, v in sorted(by_kind.items()))
    print(f"findings={sum(by_kind.values())} pairs={pairs} {counts}")


if __name__ == "__main__":
    main()
