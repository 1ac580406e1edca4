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
  separates (every "same" pair above every "different" pair);
- with ``--basil DIR`` (a BASIL-format folder, e.g. ../shared/eval/basil-dev): a label-free figure
  of real coverage. Every sentence of 8+ words is matched to its nearest neighbour (cosine) among
  the sentences of the *other outlets'* articles of all events; the share whose neighbour belongs
  to the same event (the events are years apart: a neighbour from another event is a wrong
  retrieval), overall and for the sentences whose best cosine is at least 0.8.

    .venv/bin/python bench/bench_embedding.py [--mrpc ../shared/eval/mrpc] [FOLDER ...] [--pairs] [--basil DIR]

A folder may also be a sentence-transformers model folder (it holds ``modules.json``; run in the
semantic venv): it is embedded with that model instead, for comparison.
"""
from __future__ import annotations

import argparse
import json
import os
import re
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


class _SentenceTransformer:
    """A sentence-transformers model behind the ``embed`` call of ``StaticEmbedder`` (comparison only)."""

    def __init__(self, folder: str):
        """Loads the model from a local folder (nothing is downloaded)."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        self.model = SentenceTransformer(folder, device="cpu", local_files_only=True)
        self.dim = self.model.get_sentence_embedding_dimension()
        self.vectors = np.zeros((0, self.dim))

    def embed(self, texts):
        """Unit-length float32 vectors of ``texts``."""
        return np.asarray(self.model.encode(list(texts), normalize_embeddings=True, batch_size=64,
                                            show_progress_bar=False), dtype=np.float32)


def load_embedder(folder: str):
    """The static embedding in ``folder``, or the sentence-transformers model it holds."""
    if os.path.isfile(os.path.join(folder, "modules.json")):
        return _SentenceTransformer(folder)
    return StaticEmbedder.load(folder)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d']?\s+(?=[\"\u201c']?[A-Z])")


def basil_sentences(folder: str) -> list[tuple[str, str, str]]:
    """(event, outlet, sentence) for every sentence of 8+ words of a BASIL-format folder."""
    out = []
    for path in sorted(Path(folder).glob("articles/*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for para in doc.get("body-paragraphs") or []:
            text = " ".join(para) if isinstance(para, list) else str(para)
            for sent in _SENTENCE_END.split(text.strip()):
                if len(sent.split()) >= 8:
                    out.append((doc["triplet-uuid"], doc["source"], sent))
    return out


def basil_neighbours(embedder, sentences: list[tuple[str, str, str]]) -> dict:
    """The share of sentences whose nearest other-outlet sentence is of the same event (all, and
    those whose best cosine is >= 0.8), see the module docstring."""
    vecs = embedder.embed([s for _, _, s in sentences])
    events = np.array([e for e, _, _ in sentences])
    outlets = np.array([o for _, o, _ in sentences])
    hits, close_hits, close = 0, 0, 0
    for start in range(0, len(sentences), 512):
        sims = vecs[start:start + 512] @ vecs.T
        same_outlet = outlets[start:start + 512, None] == outlets[None, :]
        sims[same_outlet] = -2.0
        best = sims.argmax(axis=1)
        top = sims[np.arange(len(best)), best]
        right = events[best] == events[start:start + 512]
        hits += int(right.sum())
        close += int((top >= 0.8).sum())
        close_hits += int((right & (top >= 0.8)).sum())
    return {"basil_sentences": len(sentences), "basil_nn_same_event": hits / len(sentences),
            "basil_close": close, "basil_close_same_event": close_hits / max(close, 1)}


def pair_cosines(embedder: StaticEmbedder, pairs: list[tuple[str, str]]) -> list[float]:
    """The cosine of each pair's two vectors."""
    a = embedder.embed([p[0] for p in pairs])
    b = embedder.embed([p[1] for p in pairs])
    return [float(x) for x in (a * b).sum(axis=1)]


def measure(folder: str, mrpc: str, batch: int, basil: str | None = None) -> dict:
    """All figures for one folder (run in a fresh process: the memory figure is the process's)."""
    started = time.perf_counter()
    embedder = load_embedder(folder)
    load_s = time.perf_counter() - started
    vectors_file = os.path.join(folder, VECTORS_FILE)
    row = {"folder": folder, "dims": embedder.dim, "tokens": len(embedder.vectors),
           "size_mb": os.path.getsize(vectors_file) / 1e6 if os.path.exists(vectors_file) else 0.0,
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
    if basil:
        row.update(basil_neighbours(embedder, basil_sentences(basil)))
    return row


def main() -> None:
    """Measure each folder in its own process and print a table (and, with --pairs, the cosines)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", default=[DEFAULT_PATH])
    parser.add_argument("--mrpc", default=str(Path(__file__).resolve().parents[2] / "shared/eval/mrpc"))
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--pairs", action="store_true", help="print the issue's pair cosines")
    parser.add_argument("--basil", help="a BASIL-format folder: nearest-neighbour event figure")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.mrpc, args.batch, args.basil)))
        return
    basil_cols = " | BASIL NN same event (cos >= 0.8) |" if args.basil else " |"
    print("| folder | dims | MB | load ms | RSS MB | MRPC train AUC | test AUC | sentences/s "
          "| 46 texts ms | pairs separated" + basil_cols)
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" + (" --- |" if args.basil else ""))
    for folder in args.folders:
        extra = ["--basil", args.basil] if args.basil else []
        out = subprocess.run([sys.executable, __file__, "--one", folder, "--mrpc", args.mrpc,
                              "--batch", str(args.batch), *extra], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        basil_cell = (f" {r['basil_nn_same_event']:.3f} of {r['basil_sentences']} "
                      f"({r['basil_close_same_event']:.3f} of {r['basil_close']}) |" if args.basil else "")
        print(f"| {os.path.basename(folder.rstrip('/'))} | {r['dims']} | {r['size_mb']:.1f} "
              f"| {r['load_ms']:.0f} | {r['rss_mb']:.0f} | {r['auc_train']:.3f} | {r['auc_test']:.3f} "
              f"| {r['sentences_per_s']:,.0f} | {r['article_ms']:.2f} | {r['separated']} |{basil_cell}")
        if args.pairs:
            for (a, b), c in zip(SAME + DIFFERENT, r["same"] + r["different"]):
                kind = "same" if (a, b) in SAME else "diff"
                print(f"    {kind} {c:.3f}  {a} / {b}")


if __name__ == "__main__":
    main()
