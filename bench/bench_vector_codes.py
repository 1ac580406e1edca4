#!/usr/bin/env python3
"""Which stored form of the mention vectors: float16, int8 or sign bits? (MRPC train only)

    .venv/bin/python bench/bench_vector_codes.py [--mrpc FILE]

Every distinct sentence 2 of MRPC train is embedded (``pipeline.embedding``) and stored in each
form; each pair's sentence 1 is the query. Printed per form: bytes per vector, the share of
pairs whose own sentence 2 is the nearest / among the 5 / 10 nearest (what retrieval needs), and
how many of float32's 10 nearest neighbours the form's 10 nearest share. int8 is the vector
scaled so that its largest component is +-127 (``services.vectors.encode``), normalised again
when decoded; bits are the signs, compared by Hamming distance. Also the cosine of pairs by gold
label and of random sentence pairs (what ``CLAIMTRACK_VECTOR_MIN_COSINE`` is chosen against).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.pipeline.embedding import StaticEmbedder  # noqa: E402
from api.services.vectors import decode, encode  # noqa: E402

MRPC_TRAIN = ROOT.parent / "shared" / "eval" / "mrpc" / "msr_paraphrase_train.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mrpc", type=Path, default=MRPC_TRAIN)
    args = ap.parse_args()
    if "test" in args.mrpc.name:
        sys.exit("refusing to read the MRPC test split")
    pairs = []
    with args.mrpc.open(encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 5:
                pairs.append((int(c[0]), c[3], c[4]))
    emb = StaticEmbedder.load()
    seconds = list(dict.fromkeys(p[2] for p in pairs))
    stored = emb.embed(seconds)
    queries = emb.embed([p[1] for p in pairs])
    index = {s: i for i, s in enumerate(seconds)}
    target = np.array([index[p[2]] for p in pairs])
    label = np.array([p[0] for p in pairs])
    cos = (queries * stored[target]).sum(1)
    rng = np.random.default_rng(1)
    rand = (stored[rng.integers(0, len(stored), 20000)] * stored[rng.integers(0, len(stored), 20000)]).sum(1)
    print(f"pairs={len(pairs)} stored={len(seconds)}")
    for q in (0.6, 0.7, 0.8, 0.9):
        print(f"cosine >= {q}: gold positives {np.mean(cos[label == 1] >= q):.3f}, "
              f"gold negatives {np.mean(cos[label == 0] >= q):.3f}, random pairs {np.mean(rand >= q):.4f}")
    print("random pairs' cosine, percentiles 50/90/99/99.9:", np.percentile(rand, [50, 90, 99, 99.9]).round(3))
    exact = queries @ stored.T
    top_exact = np.argsort(-exact, 1)[:, :10]

    def report(name: str, sims: np.ndarray, nbytes: int) -> None:
        own = sims[np.arange(len(sims)), target]
        rank = (sims > own[:, None]).sum(1) + 1
        top = np.argsort(-sims, 1)[:, :10]
        overlap = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(top_exact, top)])
        print(f"{name:8} bytes={nbytes:4} own@1={np.mean(rank <= 1):.3f} @5={np.mean(rank <= 5):.3f} "
              f"@10={np.mean(rank <= 10):.3f} float32 top-10 shared={overlap:.3f}")

    report("float32", exact, 4 * stored.shape[1])
    report("float16", queries @ stored.astype(np.float16).astype(np.float32).T, 2 * stored.shape[1])
    report("int8", queries @ decode(encode(stored)).T, stored.shape[1])
    bits, qbits = np.packbits(stored > 0, axis=1), np.packbits(queries > 0, axis=1)
    ham = np.stack([np.unpackbits(np.bitwise_xor(q, bits), axis=1).sum(1) for q in qbits])
    report("bits", -ham.astype(np.float32), bits.shape[1])


if __name__ == "__main__":
    main()
