#!/usr/bin/env python3
"""A digest of everything the disagreement detectors produce for a fixed set of sentence pairs, to
prove a refactor of ``api/pipeline/disagree`` changes no output: run it before and after, the
digests must be equal.

    .venv/bin/python bench/disagree_digest.py [--mrpc ../shared/eval/mrpc] [--dump FILE]

Pairs: every MRPC pair (train and test: news sentences about one story from two outlets, many
with figures, dates and places), each compared both ways and once more with a speaker on each
side, plus the template pairs ``bench_disagree.py`` builds. For every text the tokens (word, key,
offsets, flags), numbers, times and places are serialised too, so the parsers are covered on
their own. The last line printed is ``digest=<sha256> pairs=N texts=M``; ``--dump`` writes one
line per pair or text, to see where two runs differ.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.pipeline.disagree import detect  # noqa: E402
from api.pipeline.disagree.align import side  # noqa: E402
from api.pipeline.disagree.numbers import parse_numbers  # noqa: E402
from api.pipeline.types import MentionText  # noqa: E402
from bench.bench_disagree import make_pairs  # noqa: E402


def _mrpc_pairs(folder: str):
    """(s1, s2) of every MRPC pair, train then test."""
    for name in ("msr_paraphrase_train.txt", "msr_paraphrase_test.txt"):
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8-sig") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) == 5 and row[0] in ("0", "1"):
                    yield row[3], row[4]


def _text_record(text: str) -> list:
    """Tokens, numbers, times and places of one text, as plain lists."""
    s = side(text)
    return [[(t.word, t.key, t.start, t.end, t.cap, t.num, t.ordinal, t.percent, t.hedge, t.neg,
              t.month, t.content) for t in s.toks],
            parse_numbers([t.word for t in s.toks]),
            [(x.type, x.value, x.i, x.j) for x in s.times],
            [(p.i, p.j, p.value) for p in s.places]]


def _found(a: MentionText, b: MentionText) -> list:
    return [(d.kind, d.a_span.start, d.a_span.end, d.b_span.start, d.b_span.end, d.explanation)
            for d in detect(a, b)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--mrpc", default=os.path.join(here, "..", "..", "shared", "eval", "mrpc"))
    ap.add_argument("--dump")
    args = ap.parse_args()
    pairs = [(MentionText(x), MentionText(y)) for x, y in _mrpc_pairs(args.mrpc)]
    pairs += [(MentionText(x.text, speaker="Ann Lee", is_quote=True),
               MentionText(y.text, speaker=sp, is_quote=True))
              for (x, y), sp in zip(list(pairs), ["Ann Lee", "Bob Stone", None, "the minister"] * 5000)]
    pairs += make_pairs(4000, 7)
    h = hashlib.sha256()
    out = open(args.dump, "w", encoding="utf-8") if args.dump else None
    texts = sorted({m.text for p in pairs for m in p})
    for t in texts:
        line = json.dumps([t, _text_record(t)], ensure_ascii=False, default=str)
        h.update(line.encode() + b"\n")
        if out:
            out.write(line + "\n")
    n = 0
    for a, b in pairs:
        for x, y in ((a, b), (b, a)):
            line = json.dumps([x.text, x.speaker, y.text, y.speaker, _found(x, y)], ensure_ascii=False)
            h.update(line.encode() + b"\n")
            if out:
                out.write(line + "\n")
            n += 1
    print(f"digest={h.hexdigest()} pairs={n} texts={len(texts)}")


if __name__ == "__main__":
    main()
