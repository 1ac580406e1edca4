"""Benchmark a static embedding folder: MRPC cosine AUC, speed, load time, memory, size.

Runs in the default install (numpy and tokenizers only). For each folder (the shipped one by
default; others as made by ``scripts/distill_embedding.py --out``) it prints a table row:

- MRPC train and test ROC-AUC of the cosine of the two sentences' vectors (choose on train);
- sentences/s embedding all MRPC sentences in batches of ``--batch`` (the tokenizer's own threads
  use what cores there are), and the median time of one mention-sized batch of 46 texts;
- load time (importing the tokenizer included) and the process's resident memory after loading
  and embedding one article's 46 texts (a fresh process per folder, so the figures do not mix;
  the peak after embedding all of MRPC in big batches is in ``--one``'s JSON), and the size of
  the vectors file;
- the cosines of the issue-15 unit-test pairs (``--pairs``): which pairs the embedding alone
  separates (every "same" pair above every "different" pair).

    .venv/bin/python bench/bench_embedding.py [--mrpc ../shared/eval/mrpc] [FOLDER ...] [--pairs]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.pipeline.embedding import DEFAULT_PATH, VECTORS_FILE, StaticEmbedder  # noqa: E402

# The pairs of issue 15's "Unit tests" (short texts written for the issue, not evaluation data).
SAME = [
    ("touched down in Israel late Sunday", "arrived in the country on Sunday"),
    ("his ninth mission to the region since October",
     "the ninth time he has travelled to the Middle East since the war began"),
    ("positive and held in a good atmosphere", "positive and conducted in a good spirit"),
    ("asserts his innocence", "said he did nothing wrong"),
    ("The Israeli bombardment of Gaza continues", "Israel keeps pounding the Gaza Strip"),
]
DIFFERENT = [
    ("Blinken will meet Netanyahu in Jerusalem", "Blinken will meet Gallant in Jerusalem"),
    ("Blinken met Herzog in Tel Aviv", "Blinken met Gallant in Tel Aviv"),
    ("Israel says 111 hostages remain in Gaza", "Israel says 111 rockets were fired from Gaza"),
]


def read_mrpc(path: str) -> tuple[list[str], list[str], np.ndarray]:
    """An MRPC split (tab-separated, BOM, header line): first sentences, second ones, labels."""
    firsts, seconds, labels = [], [], []
    with open(path, encoding="utf-8-sig") as handle:
        next(handle)
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                labels.append(int(parts[0]))
                firsts.append(parts[3])
                seconds.append(parts[4])
    return firsts, seconds, np.array(labels)


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """ROC-AUC as the Mann-Whitney statistic, ties counted half (average ranks)."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    start = 0
    for end in range(1, len(scores) + 1):
        if end == len(scores) or sorted_scores[end] != sorted_scores[start]:
            ranks[order[start:end]] = (start + end + 1) / 2.0
            start = end
    positives = labels == 1
    n_pos, n_neg = positives.sum(), (~positives).sum()
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def resident_mb() -> float:
    """This process's resident memory now, in MB (Linux /proc)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def pair_cosines(embedder: StaticEmbedder, pairs: list[tuple[str, str]]) -> list[float]:
    """The cosine of each pair's two vectors."""
    a = embedder.embed([p[0] for p in pairs])
    b = embedder.embed([p[1] for p in pairs])
    return [float(x) for x in (a * b).sum(axis=1)]


def measure(folder: str, mrpc: str, batch: int) -> dict:
    """All figures for one folder (run in a fresh process: the memory figure is the process's)."""
    started = time.perf_counter()
    embedder = StaticEmbedder.load(folder)
    load_s = time.perf_counter() - started
    row = {"folder": folder, "dims": embedder.dim, "tokens": len(embedder.vectors),
           "size_mb": os.path.getsize(os.path.join(folder, VECTORS_FILE)) / 1e6,
           "load_ms": load_s * 1000}
    sentences = []
    firsts, seconds, _ = read_mrpc(os.path.join(mrpc, "msr_paraphrase_test.txt"))
    embedder.embed(firsts[:46])
    row["rss_mb"] = resident_mb()
    for split in ("train", "test"):
        firsts, seconds, labels = read_mrpc(os.path.join(mrpc, f"msr_paraphrase_{split}.txt"))
        cos = pair_cosines(embedder, list(zip(firsts, seconds)))
        row[f"auc_{split}"] = roc_auc(labels, np.array(cos))
        sentences += firsts + seconds
    started = time.perf_counter()
    for i in range(0, len(sentences), batch):
        embedder.embed(sentences[i:i + batch])
    row["sentences_per_s"] = len(sentences) / (time.perf_counter() - started)
    article = sentences[:46]
    times = []
    for _ in range(50):
        started = time.perf_counter()
        embedder.embed(article)
        times.append(time.perf_counter() - started)
    row["article_ms"] = statistics.median(times) * 1000
    row["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    same, different = pair_cosines(embedder, SAME), pair_cosines(embedder, DIFFERENT)
    row["same"], row["different"] = same, different
    row["separated"] = min(same) > max(different)
    return row


def main() -> None:
    """Measure each folder in its own process and print a table (and, with --pairs, the cosines)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", default=[DEFAULT_PATH])
    parser.add_argument("--mrpc", default=str(Path(__file__).resolve().parents[2] / "shared/eval/mrpc"))
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--pairs", action="store_true", help="print the issue's pair cosines")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.mrpc, args.batch)))
        return
    print("| folder | dims | MB | load ms | RSS MB | MRPC train AUC | test AUC | sentences/s "
          "| 46 texts ms | pairs separated |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for folder in args.folders:
        out = subprocess.run([sys.executable, __file__, "--one", folder, "--mrpc", args.mrpc,
                              "--batch", str(args.batch)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"| {os.path.basename(folder.rstrip('/'))} | {r['dims']} | {r['size_mb']:.1f} "
              f"| {r['load_ms']:.0f} | {r['rss_mb']:.0f} | {r['auc_train']:.3f} | {r['auc_test']:.3f} "
              f"| {r['sentences_per_s']:,.0f} | {r['article_ms']:.2f} | {r['separated']} |")
        if args.pairs:
            for (a, b), c in zip(SAME + DIFFERENT, r["same"] + r["different"]):
                kind = "same" if (a, b) in SAME else "diff"
                print(f"    {kind} {c:.3f}  {a} / {b}")


if __name__ == "__main__":
    main()
