#!/usr/bin/env python3
"""A digest of everything the matcher computes for a fixed set of sentence pairs, to prove that a
speed change in ``api/pipeline/match`` (or the embedding it reads) changes no score: run it
before and after, the digests must be equal.

    .venv/bin/python bench/match_digest.py [--mrpc ../shared/eval/mrpc] [--pairs N] [--dump FILE]

Pairs: the MRPC train pairs (news sentences about one story), each scored both ways, then as
many mismatched pairs (each first sentence against the second sentence of another pair, a fixed
shuffle), so that both regimes - mostly shared words, few shared words - are covered; every
other pair is scored with the two sentences' stored-style vectors (int8 codes decoded, as
candidate retrieval hands them to the matcher) and ``days_apart`` set, after a ``prepare`` of a
shortlist-sized batch, as ingest does. For every pair the score and every feature are printed
with ``repr`` (exact floats). The last line is ``digest=<sha256> pairs=N``; ``--dump`` writes
one line per pair, to see where two runs differ. Only the MRPC train split is read. It runs with
``PYTHONHASHSEED=0`` (re-executing itself when that is not set): some features add up floats over
a set of words, and the order of a set of strings changes with the hash seed in the last bit.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from api.pipeline.embedding import StaticEmbedder  # noqa: E402
from api.pipeline.match import Matcher  # noqa: E402
from api.pipeline.types import MentionText  # noqa: E402


def _train_pairs(folder: str) -> list[tuple[str, str]]:
    """(s1, s2) of every MRPC train pair."""
    with open(os.path.join(folder, "msr_paraphrase_train.txt"), encoding="utf-8-sig") as f:
        return [(row[3], row[4]) for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                if len(row) == 5 and row[0] in ("0", "1")]


def _coded(vectors):
    """Vectors as the store hands them back: int8 codes decoded (``services.vectors``' scheme,
    repeated here so that the pipeline check needs no service import)."""
    import numpy as np
    peak = np.abs(vectors).max(axis=1, keepdims=True)
    codes = np.rint(np.divide(vectors * 127.0, peak, out=np.zeros_like(vectors), where=peak > 0)).astype(np.int8)
    out = codes.astype(np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def main() -> int:
    """Scores the pairs and prints the digest."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mrpc", default=os.path.join(ROOT, "..", "shared", "eval", "mrpc"))
    ap.add_argument("--pairs", type=int, default=0, help="only the first N MRPC pairs (0: all)")
    ap.add_argument("--dump", default=None)
    args = ap.parse_args()
    pairs = _train_pairs(args.mrpc)
    if args.pairs:
        pairs = pairs[:args.pairs]
    seconds = [b for _, b in pairs]
    random.Random(5).shuffle(seconds)
    pairs = pairs + [(a, b) for (a, _), b in zip(pairs, seconds)]
    embedder = StaticEmbedder.load()
    matcher = Matcher()
    h = hashlib.sha256()
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    batch = 8
    for start in range(0, len(pairs), batch):
        chunk = pairs[start:start + batch]
        carried = (start // batch) % 2 == 1
        if carried:
            vecs = _coded(embedder.embed([t for p in chunk for t in p]))
            views = [(MentionText(a, vector=vecs[2 * i]), MentionText(b, vector=vecs[2 * i + 1]))
                     for i, (a, b) in enumerate(chunk)]
        else:
            views = [(MentionText(a), MentionText(b)) for a, b in chunk]
        matcher.prepare([views[0][0]] + [b for _, b in views])
        for k, (a, b) in enumerate(views):
            days = float(k) if carried else None
            for x, y in ((a, b), (b, a)):
                r = matcher.score(x, y, days_apart=days)
                line = repr((x.text, y.text, days, r.score, r.same_claim, sorted(r.features.items())))
                h.update(line.encode())
                if dump:
                    dump.write(line + "\n")
    if dump:
        dump.close()
    print(f"digest={h.hexdigest()} pairs={len(pairs)} scored={2 * len(pairs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
